// Prometheus' answers, through the whole metrics source: every query of a report (instant and
// range, requests, latency, freshness) gets the fuzzed body, so the parser and what is built
// from its samples both see it. The first byte picks the preset and the HTTP status (Prometheus
// sends its errors as JSON too); the rest is the body.

#include "fuzz_input.h"

#include <memory>

#include <modelgate/core/monitor/prometheus_metrics.h>
#include <modelgate/core/util/cancel_token.h>

namespace {

// Answers every request with one response: what a server that always says the same thing
// would do, without a socket per query (libFuzzer wants thousands of inputs a second).
class FixedAnswer final : public modelgate::HttpTransport
{
public:
    explicit FixedAnswer(modelgate::HttpResponse response)
        : m_response(std::move(response))
    {}
    modelgate::Result<modelgate::HttpResponse> send(const modelgate::HttpRequest &,
                                                    const modelgate::CancelToken &) override
    {
        return m_response;
    }

private:
    modelgate::HttpResponse m_response;
};

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    using namespace modelgate;
    if (size == 0)
        return 0;
    const std::uint8_t selector = data[0];
    HttpResponse response;
    static constexpr int statuses[] = {200, 200, 200, 400, 422, 503};
    response.status = statuses[selector % 6];
    response.headers = {{"content-type", "application/json"}};
    response.body = fuzz::textOf(data + 1, size - 1);

    auto queries = prometheusPreset((selector & 0x80) != 0 ? "kserve" : "haproxy", "http://127.0.0.1:9");
    if (!queries.ok())
        __builtin_trap(); // the presets are the project's own: they must always build
    PrometheusMetricsSource source(queries.value(), std::make_shared<FixedAnswer>(response));
    MetricsQuery query;
    query.endpoint = "fuzz";
    query.toMs = 1'800'000'000'000;
    query.fromMs = query.toMs - 300'000;
    query.stepMs = 15'000;
    query.expectedDeployments = {"blue", "green"};
    fuzz::use(source.query(query, CancelToken()));
    return 0;
}
