// The input file of `endpoint invoke` and the load test: CSV (RFC 4180) or a JSON table.

#include "fuzz_input.h"

#include <modelgate/core/deploy/scoring_input.h>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    const std::string text = modelgate::fuzz::textOf(data, size);
    modelgate::fuzz::use(modelgate::parseCsv(text));
    modelgate::fuzz::use(modelgate::tableFromJson(text));
    return 0;
}
