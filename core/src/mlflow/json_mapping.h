#pragma once

// Private to modelgate_core: maps MLflow's REST JSON (API 2.0) to the plain value types
// of mlflow_types.h and back. Nothing here throws: every reader returns a Result, and a
// field of the wrong type is a Parse error whose `field` is the JSON path of the
// offending value (e.g. "registered_models[3].creation_timestamp").
//
// Wire rules followed (see docs of MLflow's proto_json_utils):
//  - every field is optional; absent or null means the type's default;
//  - int64 arrives as a JSON number (MLflow) or a decimal string (proto3 JSON);
//  - doubles may arrive as the strings "NaN", "Infinity", "-Infinity" (proto3 JSON);
//  - tags are [{key, value}], registered-model aliases [{alias, version}],
//    model-version aliases a string array.

#include "modelgate/core/mlflow/mlflow_client.h"
#include "modelgate/core/mlflow/mlflow_types.h"
#include "modelgate/core/util/result.h"

#include <nlohmann/json.hpp>
#include <string>

namespace modelgate::json {

// Parses a response body that must be a JSON object. `what` names it in the message.
Result<nlohmann::json> parseObject(const std::string &body, const std::string &what);

// Object readers: `path` is the JSON path of `value` (used as prefix in error fields).
Result<RegisteredModel> registeredModelFromJson(const nlohmann::json &value, const std::string &path);
Result<ModelVersion> modelVersionFromJson(const nlohmann::json &value, const std::string &path);
Result<Metric> metricFromJson(const nlohmann::json &value, const std::string &path);
Result<Run> runFromJson(const nlohmann::json &value, const std::string &path);
Result<Experiment> experimentFromJson(const nlohmann::json &value, const std::string &path);

// Whole response bodies of the endpoints the client calls.
Result<Page<RegisteredModel>>
registeredModelsPageFromBody(const std::string &body);                         // registered-models/search
Result<RegisteredModel> registeredModelFromBody(const std::string &body);      // registered-models/get
Result<Page<ModelVersion>> modelVersionsPageFromBody(const std::string &body); // model-versions/search
Result<ModelVersion> modelVersionFromBody(const std::string &body);        // model-versions/get, alias get
Result<Run> runFromBody(const std::string &body);                          // runs/get
Result<Page<Metric>> metricsPageFromBody(const std::string &body);         // metrics/get-history
Result<Experiment> experimentFromBody(const std::string &body);            // experiments/get
Result<Page<Experiment>> experimentsPageFromBody(const std::string &body); // experiments/search
Result<Page<Run>> runsPageFromBody(const std::string &body);               // runs/search
Result<std::string> experimentIdFromBody(const std::string &body);         // experiments/create
// artifacts/list and logged-models/<id>/artifacts/directories
Result<ArtifactListing> artifactListingFromBody(const std::string &body);

// Writers, with MLflow's field names and shapes (tags and aliases as MLflow sends them).
nlohmann::json toJsonValue(const RegisteredModel &model);
nlohmann::json toJsonValue(const ModelVersion &version);
nlohmann::json toJsonValue(const Metric &metric);
nlohmann::json toJsonValue(const Run &run);
nlohmann::json toJsonValue(const Experiment &experiment);
nlohmann::json toJsonValue(const ModelSignature &signature);

} // namespace modelgate::json
