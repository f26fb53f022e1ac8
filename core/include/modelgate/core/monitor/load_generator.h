#pragma once
// Open-loop load on an endpoint (`modelgate-cli endpoint load`, the console's Load test):
// request i starts at i / rate seconds whether or not earlier ones answered, as real clients
// do; a start that falls behind its schedule (the machine or the connection limit could not
// keep up) is counted as late, never silently dropped. Bounded in rate and duration, and only
// to loopback or the endpoint's own scoring URI.

#include "modelgate/core/monitor/metrics.h"
#include "modelgate/core/util/cancel_token.h"
#include "modelgate/core/util/result.h"

#include <cstdint>
#include <functional>
#include <map>
#include <optional>
#include <string>
#include <vector>

namespace modelgate {

inline constexpr double kMaxLoadRate = 2000; // requests per second
inline constexpr int kMaxLoadDurationSeconds = 3600;
inline constexpr int kMaxLoadInFlight = 256; // beyond this a start waits (and counts as late)

struct LoadPlan
{
    std::string url;                 // the endpoint's scoring URI + "/invocations"
    std::string allowedUri;          // the endpoint's scoring URI: the URL must be under it or on loopback
    std::vector<std::string> bodies; // JSON request bodies: each once per round, in a changing order
    double rate = 10;                // requests per second
    int durationSeconds = 10;
    std::string deployment;                     // sent as the modelgate-deployment header when not empty
    std::map<std::string, std::string> headers; // more headers (an endpoint key); never logged
    int timeoutSeconds = 30;
};

struct LoadReport
{
    std::int64_t planned = 0; // rate x duration
    std::int64_t sent = 0;
    std::int64_t succeeded = 0;                 // 2xx
    std::map<int, std::int64_t> failedByStatus; // non-2xx answers by status
    std::int64_t transportErrors = 0;           // no answer (refused, reset, timed out)
    std::int64_t late = 0;                      // started more than 10 ms after their schedule
    std::int64_t inFlight = 0;                  // sent, not answered yet (live reports)
    double elapsedSeconds = 0;
    LatencyHistogram latency; // client-side, whole ms, of answered requests
    bool cancelled = false;

    std::int64_t failed() const;
    double achievedRate() const;
};

// Checks a plan against the bounds: Config error naming what is wrong.
Status validateLoadPlan(const LoadPlan &plan);

// Runs the plan; `progress` gets a report about once a second (on the calling thread). A
// cancel stops starting requests and waits at most 2 s for those in flight.
Result<LoadReport> runLoad(const LoadPlan &plan, const std::function<void(const LoadReport &)> &progress,
                           const CancelToken &cancel);

} // namespace modelgate
