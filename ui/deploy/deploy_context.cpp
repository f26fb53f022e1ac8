#include "deploy/deploy_context.h"

#include <QCoreApplication>
#include <QStringList>

// At global scope so that lupdate and the runtime agree on the context "DeployText".
class DeployText
{
    Q_DECLARE_TR_FUNCTIONS(DeployText)
};

namespace modelgate::ui {

RegistryAccess registryAccessFor(const ClientConfig &config)
{
    RegistryAccess access;
    access.trackingUri = config.trackingUri;
    access.credentials = config.credentials;
    access.insecureTls = !config.transport.verifyTls;
    access.caBundlePath = config.transport.caBundlePath;
    return access;
}

QString healthText(EndpointHealth health)
{
    switch (health) {
    case EndpointHealth::Running:
        return DeployText::tr("running");
    case EndpointHealth::Degraded:
        return DeployText::tr("degraded");
    case EndpointHealth::Down:
        return DeployText::tr("down");
    }
    return {};
}

QString healthText(DeploymentHealth health)
{
    switch (health) {
    case DeploymentHealth::Healthy:
        return DeployText::tr("healthy");
    case DeploymentHealth::Starting:
        return DeployText::tr("starting");
    case DeploymentHealth::Unhealthy:
        return DeployText::tr("unhealthy");
    case DeploymentHealth::Dead:
        return DeployText::tr("dead");
    }
    return {};
}

QString actionName(ReleaseAction action)
{
    switch (action) {
    case ReleaseAction::Deploy:
        return DeployText::tr("deploy");
    case ReleaseAction::Traffic:
        return DeployText::tr("traffic");
    case ReleaseAction::Rollback:
        return DeployText::tr("rollback");
    case ReleaseAction::Undeploy:
        return DeployText::tr("undeploy");
    case ReleaseAction::Breach:
        return DeployText::tr("SLO breach");
    case ReleaseAction::Approve:
    case ReleaseAction::Reject:
    case ReleaseAction::Revoke:
    case ReleaseAction::Policy:
        return QString::fromLatin1(wireName(action)); // not written by a deployment action
    }
    return {};
}

QString recordsText(const RolloutOutcome &outcome)
{
    QStringList lines;
    for (const RolloutRecord &record : outcome.records) {
        const QString model = QString::fromStdString(record.model);
        const QString version = QString::fromStdString(record.version);
        if (record.written)
            lines << DeployText::tr("Recorded “%1” for %2 v%3 as record %4 of its release trail.")
                         .arg(actionName(record.action), model, version)
                         .arg(record.sequence);
        else
            lines << DeployText::tr("NOT recorded: “%1” for %2 v%3: %4")
                         .arg(actionName(record.action), model, version,
                              QString::fromStdString(record.error));
    }
    if (lines.isEmpty())
        lines << DeployText::tr("Nothing changed, so nothing was recorded.");
    if (!outcome.championMoved.empty())
        lines
            << DeployText::tr("Champion alias moved: %1.").arg(QString::fromStdString(outcome.championMoved));
    if (!outcome.championError.empty())
        lines << DeployText::tr("The champion alias did NOT move: %1")
                     .arg(QString::fromStdString(outcome.championError));
    return lines.join(u'\n');
}

QString notRecordedWarning(const RolloutOutcome &outcome)
{
    if (outcome.recorded())
        return {};
    QStringList errors;
    for (const RolloutRecord &record : outcome.records)
        if (!record.written)
            errors << QString::fromStdString(record.error);
    return DeployText::tr("Done on the endpoint, NOT recorded: %1").arg(errors.join(QStringLiteral("; ")));
}

} // namespace modelgate::ui
