#pragma once
// The metrics source of local endpoints: HAProxy's per-request log (one line per request,
// local_target.h's kRequestLogFormat) gives requests by deployment and status class and true
// latency percentiles; /proc gives CPU and memory summed over each scoring server's process
// tree (its session). HAProxy's own statistics have only averages and maxima, so they are
// not used for percentiles.

#include "modelgate/core/monitor/metrics.h"

#include <memory>
#include <optional>
#include <string_view>

namespace modelgate {

class LocalTarget;

// One request of HAProxy's log.
struct RequestLogLine
{
    std::int64_t timeMs = 0; // when HAProxy accepted it (Unix ms)
    std::string backend;
    std::string server; // the deployment; "<NOSRV>" when none answered
    int status = -1;
    int totalMs = -1;    // %Ta: active time of the whole request
    int responseMs = -1; // %Tr: the server's time to answer (-1: none)
    std::int64_t bytes = 0;
};

// nullopt for a line that is not a request in kRequestLogFormat (HAProxy's own messages,
// lines of an older format, a line cut by a rotation).
std::optional<RequestLogLine> parseRequestLogLine(std::string_view line);

class LocalMetricsSource final : public MetricsSource
{
public:
    explicit LocalMetricsSource(const LocalTarget &target);
    ~LocalMetricsSource() override;

    std::string kind() const override { return "haproxy-log"; }
    // Reads what the log gained since the last query (the first one reads the kept log and
    // its rotated file) and answers from memory: a query every second costs the new lines
    // only. Thread-safe. CPU is the share since the previous query of the same endpoint
    // (the first query samples twice, 200 ms apart).
    Result<MetricsReport> query(const MetricsQuery &query, const CancelToken &cancel) override;

private:
    struct Impl;
    std::unique_ptr<Impl> m_impl;
};

} // namespace modelgate
