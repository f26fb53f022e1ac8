// The MLmodel file of a model version's artifacts (YAML as MLflow writes it, with the
// signature's JSON strings inside): written by whoever trained the model.

#include "fuzz_input.h"

#include <modelgate/core/mlflow/mlmodel.h>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    modelgate::fuzz::use(modelgate::parseMlModel(modelgate::fuzz::textOf(data, size)));
    return 0;
}
