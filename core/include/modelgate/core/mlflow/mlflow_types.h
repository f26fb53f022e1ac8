#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

namespace modelgate {

// Plain values mapped from MLflow's REST JSON (API 2.0). Every field is optional on
// the wire; an absent string is empty, an absent timestamp is 0, an absent list is empty.
// int64 fields are accepted as JSON numbers or strings (proto3 JSON sends strings).

using TagMap = std::map<std::string, std::string>;

struct ModelVersion
{
    std::string name;
    std::string version;                // a string on the wire; numeric in practice
    std::int64_t creationTimestamp = 0; // ms since epoch
    std::int64_t lastUpdatedTimestamp = 0;
    std::string userId;
    std::string currentStage;
    std::string description;
    std::string source;
    std::string runId;
    std::string status; // READY, PENDING_REGISTRATION, FAILED_REGISTRATION
    std::string statusMessage;
    std::string runLink;
    TagMap tags;
    std::vector<std::string> aliases; // filled from the registered model where search leaves it empty

    // version as a number for sorting; -1 when it is not a number.
    std::int64_t versionNumber() const;
};

struct RegisteredModel
{
    std::string name;
    std::int64_t creationTimestamp = 0;
    std::int64_t lastUpdatedTimestamp = 0;
    std::string userId;
    std::string description;
    TagMap tags;
    std::map<std::string, std::string> aliases; // alias -> version
    std::vector<ModelVersion> latestVersions;   // one per stage (deprecated semantics), not every version

    // Aliases pointing at `version`, sorted.
    std::vector<std::string> aliasesOf(const std::string &version) const;
};

struct Metric
{
    std::string key;
    double value = 0.0;
    std::int64_t timestamp = 0;
    std::int64_t step = 0;
    std::string runId; // filled by the bulk-interval endpoint
};

struct DatasetInput
{
    std::string name;
    std::string digest;
    std::string sourceType;
    std::string source;
    std::string schema;
    std::string profile;
    TagMap tags;
};

struct RunInfo
{
    std::string runId;
    std::string runName;
    std::string experimentId;
    std::string userId;
    std::string status; // RUNNING, SCHEDULED, FINISHED, FAILED, KILLED
    std::int64_t startTime = 0;
    std::int64_t endTime = 0;
    std::string artifactUri;
    std::string lifecycleStage;
};

struct Run
{
    RunInfo info;
    std::vector<Metric> metrics; // latest value of each metric
    std::map<std::string, std::string> params;
    TagMap tags;
    std::vector<DatasetInput> datasetInputs;
    std::vector<std::string> modelInputIds;
};

struct Experiment
{
    std::string experimentId; // a string: integers on OSS, GUIDs on Azure ML
    std::string name;
    std::string artifactLocation;
    std::string lifecycleStage;
    std::int64_t creationTime = 0;
    std::int64_t lastUpdateTime = 0;
    TagMap tags;
};

// One column or tensor of an MLmodel signature.
struct SignatureField
{
    std::string name; // empty for unnamed tensors / unnamed columns
    std::string type; // "double", "long", "string", "tensor", "array", "object"...
    bool required = true;
    std::string detail; // tensor dtype+shape or nested type description, else empty
};

struct ModelSignature
{
    std::vector<SignatureField> inputs;
    std::vector<SignatureField> outputs;
    std::vector<SignatureField> params;
    bool present = false;         // false when the MLmodel has no signature
    bool hasInputExample = false; // MLmodel names a saved input example
    std::string flavors;          // comma-separated flavor names, e.g. "python_function, sklearn"
    std::string mlflowVersion;    // MLmodel's mlflow_version
};

template <typename T>
struct Page
{
    std::vector<T> items;
    std::string nextPageToken; // empty on the last page; opaque
};

} // namespace modelgate
