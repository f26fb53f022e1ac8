// An endpoint's monitor settings (SLO rules and metrics source), kept in a file beside the
// endpoint and edited by hand or by `endpoint slo`/`endpoint metrics-source --queries FILE`.

#include "fuzz_input.h"

#include <modelgate/core/monitor/prometheus_metrics.h>
#include <modelgate/core/monitor/slo.h>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    using namespace modelgate;
    const std::string text = fuzz::textOf(data, size);
    fuzz::use(sloPolicyFromJson(text));
    fuzz::use(prometheusQueriesFromSettings(text));
    return 0;
}
