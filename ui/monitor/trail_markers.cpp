#include "monitor/trail_markers.h"

#include "deploy/deploy_context.h"
#include "deploy/endpoint_list_model.h"
#include "monitor/monitor_context.h"

#include <algorithm>

#include <QDateTime>
#include <QLocale>

#include <modelgate/core/mlflow/mlflow_client.h>
#include <modelgate/core/release/release_ledger.h>

namespace modelgate::ui {

namespace {

// Records keep UTC as "2026-11-27T14:03:12.345Z"; the writer's clock, to the millisecond.
std::int64_t recordTimeMs(const std::string &time)
{
    const QDateTime parsed = QDateTime::fromString(QString::fromStdString(time), Qt::ISODateWithMs);
    return parsed.isValid() ? parsed.toMSecsSinceEpoch() : 0;
}

int shareOf(const TrafficSplit &split, const std::string &deployment)
{
    const auto found = split.find(deployment);
    return found == split.end() ? 0 : found->second;
}

} // namespace

Result<std::vector<TrailMarker>> loadTrailMarkers(const MlflowClient &client, const std::string &endpoint,
                                                  const std::vector<std::string> &models,
                                                  const CancelToken &cancel)
{
    std::vector<TrailMarker> markers;
    const ReleaseLedger ledger(client);
    for (const std::string &model : models) {
        Result<LedgerSnapshot> snapshot = ledger.read(model, cancel);
        if (!snapshot.ok())
            return snapshot.error();
        const TrailVerification trail = verifyTrail(snapshot.value().ledgerParams, model, nullptr);
        for (const TrailEntry &entry : trustedEntries(trail)) {
            if (!entry.record || !entry.record->deployment || entry.record->deployment->endpoint != endpoint)
                continue;
            const ReleaseRecord &record = *entry.record;
            TrailMarker marker;
            marker.timeMs = recordTimeMs(record.time);
            marker.action = record.action;
            marker.model = record.model;
            marker.version = record.version;
            marker.deployment = record.deployment->name;
            marker.who = record.reviewer;
            marker.comment = record.comment;
            marker.splitBefore = record.deployment->splitBefore;
            marker.splitAfter = record.deployment->splitAfter;
            marker.sequence = record.sequence;
            if (marker.timeMs > 0)
                markers.push_back(std::move(marker));
        }
    }
    std::stable_sort(markers.begin(), markers.end(),
                     [](const TrailMarker &a, const TrailMarker &b) { return a.timeMs < b.timeMs; });
    return markers;
}

QString markerLabel(const TrailMarker &marker)
{
    const QString deployment = QString::fromStdString(marker.deployment);
    const QString who = QString::fromStdString(marker.who);
    switch (marker.action) {
    case ReleaseAction::Traffic:
    case ReleaseAction::Rollback:
        return MonitorText::tr("%1 %2 → %3 % · %4")
            .arg(actionName(marker.action), deployment)
            .arg(shareOf(marker.splitAfter, marker.deployment))
            .arg(who);
    default:
        return MonitorText::tr("%1 %2 · %3").arg(actionName(marker.action), deployment, who);
    }
}

QString markerDetails(const TrailMarker &marker)
{
    const QString time =
        QLocale().toString(QDateTime::fromMSecsSinceEpoch(marker.timeMs), QLocale::ShortFormat);
    QString text = MonitorText::tr("%1 · %2 of %3 v%4 (%5) by %6, record %7")
                       .arg(time, actionName(marker.action), QString::fromStdString(marker.model),
                            QString::fromStdString(marker.version), QString::fromStdString(marker.deployment),
                            QString::fromStdString(marker.who))
                       .arg(marker.sequence);
    if (marker.splitBefore != marker.splitAfter)
        text += u'\n' + MonitorText::tr("Split: %1 → %2")
                            .arg(EndpointListModel::splitText(marker.splitBefore),
                                 EndpointListModel::splitText(marker.splitAfter));
    if (!marker.comment.empty())
        text += u'\n' + QString::fromStdString(marker.comment);
    return text;
}

} // namespace modelgate::ui
