// Stored release records: the signed JSON records of a release trail (read back from the
// registry, where anyone with EDIT could have written anything), a deployment waiting to be
// recorded (kept in a local file), and the metric-direction tag of a model.

#include "fuzz_input.h"

#include <modelgate/core/release/deployment_gate.h>
#include <modelgate/core/release/release_records.h>
#include <modelgate/core/review/metric_direction.h>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    using namespace modelgate;
    const std::string text = fuzz::textOf(data, size);
    fuzz::use(parseRecord(text));
    fuzz::use(pendingRecordFromJson(text));
    fuzz::use(parseMetricDirectionsJson(text));
    return 0;
}
