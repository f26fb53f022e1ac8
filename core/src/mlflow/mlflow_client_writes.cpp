// MlflowClient: registry writes that change no review data (descriptions, tag removal) and
// the permission API of MLflow's basic-auth app (API 2.0 endpoints). The release ledger and
// the release review call these; no REST call is spelled outside the client.
#include "modelgate/core/mlflow/mlflow_client.h"
#include "util/json_text.h"

#include <nlohmann/json.hpp>

namespace modelgate {

namespace {

Status toStatus(const Result<std::string> &result)
{
    if (!result.ok())
        return result.error();
    return success();
}

std::string permissionQuery(const char *idField, const std::string &id, const std::string &username)
{
    return std::string(idField) + "=" + urlEncode(id) + "&username=" + urlEncode(username);
}

} // namespace

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

Status MlflowClient::createExperimentPermission(const std::string &experimentId, const std::string &username,
                                                const std::string &permission,
                                                const CancelToken &cancel) const
{
    const nlohmann::json body{
        {"experiment_id", experimentId}, {"username", username}, {"permission", permission}};
    return toStatus(call(HttpMethod::Post, "experiments/permissions/create", jsonText(body), cancel));
}

Result<std::string> MlflowClient::getExperimentPermission(const std::string &experimentId,
                                                          const std::string &username,
                                                          const CancelToken &cancel) const
{
    Result<std::string> reply = call(HttpMethod::Get, "experiments/permissions/get",
                                     permissionQuery("experiment_id", experimentId, username), cancel);
    if (!reply.ok())
        return reply.error();
    const auto body = nlohmann::json::parse(reply.value(), nullptr, false);
    if (!body.is_object() || !body.contains("experiment_permission") ||
        !body["experiment_permission"].is_object())
        return std::string();
    const auto &entry = body["experiment_permission"];
    if (!entry.contains("permission") || !entry["permission"].is_string())
        return std::string();
    return entry["permission"].get<std::string>();
}

Status MlflowClient::updateExperimentPermission(const std::string &experimentId, const std::string &username,
                                                const std::string &permission,
                                                const CancelToken &cancel) const
{
    const nlohmann::json body{
        {"experiment_id", experimentId}, {"username", username}, {"permission", permission}};
    return toStatus(call(HttpMethod::Patch, "experiments/permissions/update", jsonText(body), cancel));
}

Status MlflowClient::createRegisteredModelPermission(const std::string &name, const std::string &username,
                                                     const std::string &permission,
                                                     const CancelToken &cancel) const
{
    const nlohmann::json body{{"name", name}, {"username", username}, {"permission", permission}};
    return toStatus(call(HttpMethod::Post, "registered-models/permissions/create", jsonText(body), cancel));
}

Status MlflowClient::updateRegisteredModelPermission(const std::string &name, const std::string &username,
                                                     const std::string &permission,
                                                     const CancelToken &cancel) const
{
    const nlohmann::json body{{"name", name}, {"username", username}, {"permission", permission}};
    return toStatus(call(HttpMethod::Patch, "registered-models/permissions/update", jsonText(body), cancel));
}

} // namespace modelgate
