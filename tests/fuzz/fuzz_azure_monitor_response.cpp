// Azure Monitor's Metrics_List bodies, with each aggregate the source asks for, and the
// timestamps inside them.

#include "fuzz_input.h"

#include <modelgate/core/monitor/azure_monitor_metrics.h>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    using namespace modelgate;
    const std::string body = fuzz::textOf(data, size);
    fuzz::use(parseAzureMetricsResponse(body, "Total"));
    fuzz::use(parseAzureMetricsResponse(body, "Average"));
    fuzz::use(parseAzureTimestamp(body));
    return 0;
}
