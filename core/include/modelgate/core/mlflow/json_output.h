#pragma once

#include "modelgate/core/mlflow/mlflow_types.h"

#include <string>
#include <utility>
#include <vector>

namespace modelgate {

// JSON text of the registry values, for machine-readable output (the CLI's --json).
// Field names and shapes follow MLflow's REST API (snake_case; tags as [{key, value}],
// registered-model aliases as [{alias, version}], model-version aliases as a string
// array), so a script written against MLflow's API reads them unchanged. Unlike MLflow,
// every field is always present (empty string, 0 or []), so consumers need no defaults.
// NaN and infinite metric values are written as the strings "NaN", "Infinity", "-Infinity".
// `indent` < 0 gives one compact line; otherwise pretty-printed with that many spaces.
std::string toJson(const RegisteredModel &model, int indent = 2);
std::string toJson(const std::vector<RegisteredModel> &models, int indent = 2);
std::string toJson(const ModelVersion &version, int indent = 2);
std::string toJson(const std::vector<ModelVersion> &versions, int indent = 2);
std::string toJson(const Run &run, int indent = 2);
std::string toJson(const std::vector<Metric> &metrics, int indent = 2);
std::string toJson(const Experiment &experiment, int indent = 2);
// {"present", "inputs", "outputs", "params" (each [{name, type, required, detail}]),
//  "has_input_example", "flavors", "mlflow_version"}
std::string toJson(const ModelSignature &signature, int indent = 2);

// A JSON object whose members are JSON text produced by the functions above with the same
// `indent`, as one document indented as a whole: {"model_version": ..., "run": ...}. The
// members are nested by re-indenting their lines, not by parsing them again (a list of
// thousands of models is not serialised twice). Keys are escaped; an empty text becomes null.
using JsonMember = std::pair<std::string, std::string>;
std::string jsonObject(const std::vector<JsonMember> &members, int indent = 2);

} // namespace modelgate
