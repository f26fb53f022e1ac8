// MlflowClient: registry writes that change no review data (descriptions, tag removal). The
// release ledger and the release review call these; no REST call is spelled outside mlflow/.
// (The auth app's permissions are in permissions.cpp, one implementation per API version.)
#include "modelgate/core/mlflow/mlflow_client.h"
#include "util/json_text.h"

#include <nlohmann/json.hpp>

namespace modelgate {

Status MlflowClient::updateModelVersionDescription(const std::string &name, const std::string &version,
                                                   const std::string &description,
                                                   const CancelToken &cancel) const
{
    const nlohmann::json body{{"name", name}, {"version", version}, {"description", description}};
    return toStatus(call(HttpMethod::Patch, "model-versions/update", jsonText(body), cancel));
}

Status MlflowClient::deleteModelVersionTag(const std::string &name, const std::string &version,
                                           const std::string &key, const CancelToken &cancel) const
{
    const nlohmann::json body{{"name", name}, {"version", version}, {"key", key}};
    return toStatus(call(HttpMethod::Delete, "model-versions/delete-tag", jsonText(body), cancel));
}

Status MlflowClient::updateRegisteredModelDescription(const std::string &name, const std::string &description,
                                                      const CancelToken &cancel) const
{
    const nlohmann::json body{{"name", name}, {"description", description}};
    return toStatus(call(HttpMethod::Patch, "registered-models/update", jsonText(body), cancel));
}

} // namespace modelgate
