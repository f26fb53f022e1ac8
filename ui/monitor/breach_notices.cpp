#include "monitor/breach_notices.h"

#include "monitor/monitor_context.h"

#include <cstdlib>

#include <QStringList>

namespace modelgate::ui {

namespace {

// A check's breach and the record read later are the same breach when this close.
constexpr std::int64_t kSameBreachMs = 300'000;

bool hasTraffic(const EndpointInfo &endpoint, const std::string &deployment)
{
    const DeploymentInfo *found = endpoint.deployment(deployment);
    return found && found->traffic > 0;
}

// The watcher's rollback names the breach record it answers ("automatic rollback after record
// 7 (…)"); it is a rollback record, or a change of split when the last change was a rollback.
bool isAutomaticAfter(const TrailMarker &marker, const TrailMarker &breach)
{
    const std::string prefix = "automatic rollback after record " + std::to_string(breach.sequence);
    return marker.model == breach.model && marker.comment.compare(0, prefix.size(), prefix) == 0 &&
           (marker.comment.size() == prefix.size() || marker.comment[prefix.size()] == ' ');
}

// The first rollback of the endpoint after `breach`: the watcher's, or anyone's rollback record.
const TrailMarker *rollbackAfter(const std::vector<TrailMarker> &markers, const TrailMarker &breach)
{
    for (const TrailMarker &marker : markers)
        if (marker.timeMs >= breach.timeMs &&
            (marker.action == ReleaseAction::Rollback || isAutomaticAfter(marker, breach)))
            return &marker;
    return nullptr;
}

void applyRollback(BreachNotice &notice, const std::vector<TrailMarker> &markers, const TrailMarker &breach)
{
    if (const TrailMarker *rollback = rollbackAfter(markers, breach)) {
        notice.rolledBack = true;
        notice.rolledBackBy = QString::fromStdString(rollback->who);
        notice.rolledBackAtMs = rollback->timeMs;
        notice.automatic = isAutomaticAfter(*rollback, breach);
        notice.canRollBack = false;
    }
}

} // namespace

BreachNotice noticeFromResponse(const BreachResponse &response, const std::string &champion,
                                const EndpointInfo &endpoint, const QString &user, std::int64_t nowMs)
{
    BreachNotice notice;
    notice.deployment = response.finding.deployment;
    notice.model = response.model;
    notice.version = response.version;
    notice.timeMs = nowMs;
    notice.rule = ruleText(response.finding.rule);
    notice.measured = findingText(response.finding, champion);
    if (response.recorded) {
        notice.recordedBy = user;
        notice.recordSequence = response.recordSequence;
    }
    QStringList problems;
    if (!response.handledBy.empty())
        problems << MonitorText::tr("Another watcher acted on it first: %1.")
                        .arg(QString::fromStdString(response.handledBy));
    if (!response.recordError.empty())
        problems << MonitorText::tr("Not recorded: %1").arg(QString::fromStdString(response.recordError));
    if (response.rollback) {
        notice.rolledBack = true;
        notice.automatic = true;
        notice.rolledBackBy = user;
        notice.rolledBackAtMs = nowMs;
    } else if (!response.rollbackError.empty()) {
        problems
            << MonitorText::tr("Not rolled back: %1").arg(QString::fromStdString(response.rollbackError));
    }
    notice.problem = problems.join(u' ');
    notice.canRollBack = !notice.rolledBack && hasTraffic(endpoint, notice.deployment);
    return notice;
}

std::optional<BreachNotice> noticeFromTrail(const std::vector<TrailMarker> &markers,
                                            const EndpointInfo &endpoint, std::int64_t sinceMs)
{
    const TrailMarker *newest = nullptr;
    for (const TrailMarker &marker : markers)
        if (marker.action == ReleaseAction::Breach && marker.timeMs >= sinceMs &&
            (!newest || marker.timeMs >= newest->timeMs))
            newest = &marker;
    if (!newest)
        return std::nullopt;
    BreachNotice notice;
    notice.deployment = newest->deployment;
    notice.model = newest->model;
    notice.version = newest->version;
    notice.timeMs = newest->timeMs;
    notice.recordComment = QString::fromStdString(newest->comment);
    notice.recordedBy = QString::fromStdString(newest->who);
    notice.recordSequence = newest->sequence;
    notice.canRollBack = hasTraffic(endpoint, notice.deployment);
    applyRollback(notice, markers, *newest);
    return notice;
}

void completeFromTrail(BreachNotice &notice, const std::vector<TrailMarker> &markers,
                       const EndpointInfo &endpoint)
{
    for (const TrailMarker &marker : markers) {
        if (marker.action != ReleaseAction::Breach || marker.deployment != notice.deployment)
            continue;
        const bool same = notice.recordSequence > 0
                              ? marker.sequence == notice.recordSequence && marker.model == notice.model
                              : std::llabs(marker.timeMs - notice.timeMs) <= kSameBreachMs;
        if (!same)
            continue;
        notice.recordedBy = QString::fromStdString(marker.who);
        notice.recordSequence = marker.sequence;
        notice.timeMs = marker.timeMs;
        // What this console did itself (a rollback just now) it knows better than the trail.
        if (!notice.rolledBack)
            applyRollback(notice, markers, marker);
        notice.canRollBack = !notice.rolledBack && hasTraffic(endpoint, notice.deployment);
        return;
    }
    notice.canRollBack = !notice.rolledBack && hasTraffic(endpoint, notice.deployment);
}

std::string noticeKey(const BreachNotice &notice)
{
    if (notice.recordSequence > 0)
        return notice.model + "#" + std::to_string(notice.recordSequence);
    return notice.deployment + "@" + std::to_string(notice.timeMs / 60'000);
}

} // namespace modelgate::ui
