#pragma once

#include "modelgate/core/mlflow/mlflow_types.h"
#include "modelgate/core/util/result.h"

#include <string>

namespace modelgate {

// Parses an MLmodel file (YAML as written by MLflow) far enough to read its flavors,
// mlflow_version, saved_input_example_info and signature. The signature's inputs,
// outputs and params are JSON strings inside the YAML. A malformed file gives a Parse
// error naming the field; a file without a signature gives present=false.
Result<ModelSignature> parseMlModel(const std::string &mlmodelText);

} // namespace modelgate
