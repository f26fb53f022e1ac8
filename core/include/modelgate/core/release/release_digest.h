#pragma once

#include "modelgate/core/mlflow/mlflow_types.h"
#include "modelgate/core/util/cancel_token.h"
#include "modelgate/core/util/result.h"

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

namespace modelgate {

class MlflowClient;

struct ModelFileHash
{
    std::string path; // relative to the model's root, '/'-separated
    std::int64_t size = 0;
    std::string sha256;
};

// What a version's content digest covers (docs/design/release-records.md).
struct ContentManifest
{
    std::string model;
    std::string version;
    std::string source;
    std::string runId;
    std::map<std::string, double> finalMetrics; // the run's latest value of each metric
    std::string mlmodelSha256;                  // of the MLmodel file's bytes
    std::vector<ModelFileHash> files;           // every file under the model's root, by path
    std::string filesNote; // non-empty when the files could not be listed in a stable way (why)
};

// sha256Hex of the manifest's canonical JSON:
// {"files":[{"path","sha256","size"}],"files_note","metrics":{...},"mlmodel_sha256","model",
//  "run_id","source","version"}. NaN/inf metrics as the strings "NaN", "Infinity", "-Infinity".
std::string contentDigest(const ContentManifest &manifest);
std::string contentManifestToJson(const ContentManifest &manifest, int indent = 2);

// Reads everything the digest covers: the version, its run's metrics, the MLmodel file and
// every model file (listed through logged-models/<id>/artifacts/directories for a
// "models:/m-..." source, else through artifacts/list of the run), hashed as they stream.
// Files are fetched concurrently (bounded). An error anywhere is an error: a digest must
// never silently cover less than it says. Only a server that cannot list artifacts at all
// (404/501 on the listing endpoint), or a source that is neither a logged model nor inside
// its run's artifacts (nothing to list it through), gives files empty with filesNote set.
Result<ContentManifest> loadContentManifest(const MlflowClient &client, const std::string &modelName,
                                            const std::string &version, const CancelToken &cancel);
// The same for a version and its source run already read (run absent only for a version
// without one): saves reading them again where the caller has just done so.
Result<ContentManifest> loadContentManifest(const MlflowClient &client, const ModelVersion &modelVersion,
                                            const std::optional<Run> &run, const CancelToken &cancel);

} // namespace modelgate
