#include "azure_ml_fake.h"

#include "mlflow_test_server.h"

#include <nlohmann/json.hpp>

#include <QDeadlineTimer>
#include <QFile>
#include <QFileInfo>
#include <QProcess>
#include <QTemporaryDir>
#include <QThread>

#include <modelgate/core/http/http.h>

namespace modelgate::test {

namespace {

using Json = nlohmann::json;

QString fakeScript()
{
    return QStringLiteral(MODELGATE_SOURCE_DIR "/scripts/azure_ml_fake.py");
}

Json principalJson(const AzureMlFake::Principal &principal, bool client)
{
    Json entry{{"oid", principal.oid},
               {"mlflowUser", principal.mlflowUser},
               {"mlflowPassword", principal.mlflowPassword}};
    if (client) {
        entry["clientId"] = principal.name;
        entry["clientSecret"] = principal.secret;
    } else {
        entry["upn"] = principal.name;
        entry["password"] = principal.secret;
    }
    return entry;
}

bool writePrivateFile(const QString &path, const std::string &text)
{
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate))
        return false;
    file.setPermissions(QFileDevice::ReadOwner | QFileDevice::WriteOwner);
    return file.write(text.data(), static_cast<qint64>(text.size())) == static_cast<qint64>(text.size());
}

} // namespace

AzureMlFake::Options AzureMlFake::optionsFor(const SharedAuthMlflow &shared)
{
    Options options;
    options.mlflowUri = shared.uri();
    options.mlflowAdminUser = SharedAuthMlflow::adminUser().toStdString();
    options.mlflowAdminPassword = shared.adminPassword().toStdString();
    return options;
}

AzureMlFake::Principal AzureMlFake::forwardedTo(const SharedAuthMlflow &shared, std::string name,
                                                std::string secret, std::string oid,
                                                const std::string &mlflowUser)
{
    return {std::move(name), std::move(secret), std::move(oid), mlflowUser, shared.password(mlflowUser)};
}

AzureMlFake::AzureMlFake() = default;

AzureMlFake::~AzureMlFake()
{
    stop();
}

QString AzureMlFake::stateDir() const
{
    return m_dir ? m_dir->path() + QStringLiteral("/state") : QString();
}

bool AzureMlFake::start(const Options &options)
{
    const QString python = mlflowPython(&m_error);
    if (python.isEmpty())
        return false;
    m_dir = std::make_unique<QTemporaryDir>(QStringLiteral("/tmp/mg-azure-XXXXXX"));
    if (!m_dir->isValid()) {
        m_error = QStringLiteral("no temporary folder");
        return false;
    }
    const std::string tenant = "72f988bf-86f1-41af-91ab-2d7cd011db47";
    Json principals{{"tenant", tenant}, {"clients", Json::array()}, {"users", Json::array()}};
    for (const auto &client : options.clients)
        principals["clients"].push_back(principalJson(client, true));
    for (const auto &user : options.users)
        principals["users"].push_back(principalJson(user, false));
    if (!options.mlflowAdminUser.empty())
        principals["mlflowAdmin"] =
            Json{{"user", options.mlflowAdminUser}, {"password", options.mlflowAdminPassword}};
    const QString principalsPath = m_dir->path() + QStringLiteral("/principals.json");
    if (!writePrivateFile(principalsPath, principals.dump(2))) {
        m_error = QStringLiteral("cannot write ") + principalsPath;
        return false;
    }

    const QString mlflow = QFileInfo(python).absolutePath() + QStringLiteral("/mlflow");
    m_process = std::make_unique<QProcess>();
    m_process->setProcessChannelMode(QProcess::MergedChannels);
    m_process->setStandardOutputFile(m_dir->path() + QStringLiteral("/fake.out"));
    m_process->start(python, {fakeScript(),
                              QStringLiteral("run"),
                              QStringLiteral("--state-dir"),
                              stateDir(),
                              QStringLiteral("--principals"),
                              principalsPath,
                              QStringLiteral("--mlflow-uri"),
                              options.mlflowUri,
                              QStringLiteral("--mlflow-executable"),
                              mlflow,
                              QStringLiteral("--token-lifetime"),
                              QString::number(options.tokenLifetimeSeconds),
                              QStringLiteral("--endpoint-create-seconds"),
                              QString::number(options.endpointCreateSeconds),
                              QStringLiteral("--traffic-update-seconds"),
                              QString::number(options.trafficUpdateSeconds),
                              QStringLiteral("--provision-timeout"),
                              QString::number(options.provisionTimeoutSeconds),
                              QStringLiteral("--page-size"),
                              QString::number(options.pageSize),
                              QStringLiteral("--metrics-delay-seconds"),
                              QString::number(options.metricsDelaySeconds)});
    const QString readyFile = stateDir() + QStringLiteral("/fake.json");
    const QDeadlineTimer deadline(60'000);
    while (!QFile::exists(readyFile)) {
        if (m_process->state() == QProcess::NotRunning || deadline.hasExpired()) {
            m_error = QStringLiteral("the Azure ML fake did not start: ") + logTail();
            stop();
            return false;
        }
        QThread::msleep(100);
    }
    QFile ready(readyFile);
    if (!ready.open(QIODevice::ReadOnly)) {
        m_error = QStringLiteral("cannot read ") + readyFile;
        return false;
    }
    const Json info = Json::parse(ready.readAll().toStdString(), nullptr, false);
    if (!info.is_object()) {
        m_error = QStringLiteral("unreadable ") + readyFile;
        return false;
    }
    m_login = info.value("login", "");
    m_arm = info.value("arm", "");
    m_scoring = info.value("scoring", "");
    m_tenant = info.value("tenant", tenant);
    m_workspace.subscriptionId = info.value("subscription", "");
    m_workspace.resourceGroup = info.value("resourceGroup", "");
    m_workspace.workspace = info.value("workspace", "");
    m_workspace.region = info.value("region", "");
    m_workspace.armBaseUrl = m_arm;
    m_workspace.authorityHost = m_login;
    return true;
}

void AzureMlFake::stop()
{
    if (!m_process)
        return;
    if (m_process->state() != QProcess::NotRunning) {
        m_process->terminate();
        if (!m_process->waitForFinished(30'000)) {
            m_process->kill();
            m_process->waitForFinished(5'000);
        }
    }
    // Whatever the fake could not stop (it was killed): its scoring servers by their groups.
    const QString python = mlflowPython();
    if (!python.isEmpty() && m_dir)
        QProcess::execute(python,
                          {fakeScript(), QStringLiteral("stop"), QStringLiteral("--state-dir"), stateDir()});
    m_process.reset();
}

bool AzureMlFake::revokeTokens()
{
    auto transport = makeCurlTransport();
    HttpRequest request;
    request.method = HttpMethod::Post;
    request.url = m_login + "/_fake/revoke-tokens";
    auto response = transport->send(request, CancelToken::none());
    return response.ok() && response->status >= 200 && response->status < 300;
}

QString AzureMlFake::logTail(int lines) const
{
    QString text;
    for (const QString &name : {QStringLiteral("/fake.out"), QStringLiteral("/state/fake.log")}) {
        QFile file(m_dir ? m_dir->path() + name : QString());
        if (file.open(QIODevice::ReadOnly))
            text += QString::fromUtf8(file.readAll());
    }
    QStringList all = text.split(QLatin1Char('\n'));
    return all.mid(qMax(0, all.size() - lines)).join(QLatin1Char('\n'));
}

QString AzureMlFake::writeAzLogin(const Principal &user) const
{
    const QString path = m_dir->path() + QStringLiteral("/az-login.json");
    const Json login{{"loginUrl", m_login},
                     {"tenant", m_tenant},
                     {"username", user.name},
                     {"password", user.secret},
                     {"subscription", m_workspace.subscriptionId}};
    return writePrivateFile(path, login.dump(2)) ? path : QString();
}

} // namespace modelgate::test
