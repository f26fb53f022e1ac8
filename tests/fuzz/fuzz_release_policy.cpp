// A release policy: the JSON of a policy file (`review policy set --file`) or of a model's
// policy tag, which anyone with EDIT on the model can write.

#include "fuzz_input.h"

#include <modelgate/core/release/release_policy.h>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    modelgate::fuzz::use(modelgate::parseReleasePolicy(modelgate::fuzz::textOf(data, size)));
    return 0;
}
