#pragma once

#include "monitor/monitor_context.h"

#include <modelgate/core/monitor/slo_watch.h>
#include <modelgate/core/util/cancel_token.h>
#include <modelgate/core/util/result.h>

namespace modelgate::ui {

// The endpoint's SLO rules as it keeps them: the defaults when none were saved or they cannot
// be read (the rules dialog says why and saving replaces them).
SloPolicy readSloPolicy(DeploymentTarget &target, const std::string &endpoint);

// Evaluates the endpoint's rules without acting: the rules read, each window queried,
// evaluated against `endpoint`'s split. No breach is recorded and nothing is rolled back
// (`responses` stays empty): for the overview, and for a console that only reads (the
// screenshot mode), beside the SloWatcher that records and acts.
Result<WatchCheck> evaluateWithoutActing(const MonitorContext &context, const EndpointInfo &endpoint,
                                         const CancelToken &cancel);

} // namespace modelgate::ui
