#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include <QString>

#include <modelgate/core/release/release_records.h>
#include <modelgate/core/util/cancel_token.h>
#include <modelgate/core/util/result.h>

namespace modelgate {
class MlflowClient;
}

namespace modelgate::ui {

// A deployment action on an endpoint as its model's release trail records it: what the
// endpoint view marks on its time axis ("what was live when, and who changed it").
struct TrailMarker
{
    std::int64_t timeMs = 0; // the record's time (Unix ms)
    ReleaseAction action = ReleaseAction::Deploy;
    std::string model;
    std::string version;
    std::string deployment;
    std::string who;     // the record's reviewer: the identity that acted
    std::string comment; // a breach's rule and measured values
    TrafficSplit splitBefore;
    TrafficSplit splitAfter;
    int sequence = 0;
};

// The deploy, traffic, rollback, undeploy and breach records of `endpoint` in the trails of
// `models`, oldest first. Only trusted records count (the whole trail when it verifies, else
// the records before the first broken one): a forged record must not be shown as history.
Result<std::vector<TrailMarker>> loadTrailMarkers(const MlflowClient &client, const std::string &endpoint,
                                                  const std::vector<std::string> &models,
                                                  const CancelToken &cancel);

// "deployed", "traffic", "rolled back", "undeployed", "SLO breach" with the deployment:
// "traffic v4 → 10 % · riley.release". Short: it is drawn on the chart.
QString markerLabel(const TrailMarker &marker);
// Everything about the record, for the tooltip: time, action, version, split, who, comment.
QString markerDetails(const TrailMarker &marker);

} // namespace modelgate::ui
