#pragma once

#include "monitor/breach_banner.h"
#include "monitor/trail_markers.h"

#include <optional>
#include <string>
#include <vector>

#include <modelgate/core/monitor/slo_watch.h>

namespace modelgate::ui {

// What the banner says about a breach this console's check saw: the rule and the measured
// values as the finding has them, who recorded it (`user` when this console did) and whether
// the canary was rolled back (by `user`, automatically, when the endpoint's rules say so).
BreachNotice noticeFromResponse(const BreachResponse &response, const std::string &champion,
                                const EndpointInfo &endpoint, const QString &user, std::int64_t nowMs);

// The newest breach of `endpoint` in the trail at or after `sinceMs`, with the rollback that
// followed it if any (the first rollback record of the endpoint after it). The record's
// comment holds the rule and the measured values as the watcher that wrote it worded them.
std::optional<BreachNotice> noticeFromTrail(const std::vector<TrailMarker> &markers,
                                            const EndpointInfo &endpoint, std::int64_t sinceMs);

// Adds what the trail knows to a notice of this console's check: who recorded the breach and
// who rolled the canary back, once the records are read.
void completeFromTrail(BreachNotice &notice, const std::vector<TrailMarker> &markers,
                       const EndpointInfo &endpoint);

// "model#12" for the breach record a notice stands for, or "deployment@time" before it is
// read: what Dismiss remembers, so that the same breach does not come back.
std::string noticeKey(const BreachNotice &notice);

} // namespace modelgate::ui
