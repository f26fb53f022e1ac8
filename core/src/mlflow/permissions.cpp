#include "modelgate/core/mlflow/permissions.h"

#include "modelgate/core/mlflow/mlflow_client.h"
#include "util/json_text.h"

#include <algorithm>
#include <array>
#include <nlohmann/json.hpp>
#include <string_view>

namespace modelgate {

namespace {

bool isApiError(const Error &error, std::string_view code)
{
    return error.kind == ErrorKind::Api && error.code == code;
}

std::string query(std::initializer_list<std::pair<const char *, std::string>> fields)
{
    std::string text;
    for (const auto &[key, value] : fields) {
        if (!text.empty())
            text += '&';
        text += key;
        text += '=';
        text += urlEncode(value);
    }
    return text;
}

// MLflow 3.6 and earlier: experiments/permissions/* and registered-models/permissions/*.
class PermissionStoreV2 final : public PermissionStore
{
public:
    explicit PermissionStoreV2(const MlflowClient &client)
        : m_client(client)
    {}

    PermissionApi api() const override { return PermissionApi::V2; }

    Status grant(const std::string &user, PermissionResource resource, const std::string &id,
                 const std::string &level, const CancelToken &cancel) const override
    {
        const nlohmann::json body = fields(resource, id, user, level);
        auto created = m_client.call(HttpMethod::Post, prefix(resource) + "create", jsonText(body), cancel);
        if (created.ok() || !isApiError(created.error(), "RESOURCE_ALREADY_EXISTS"))
            return toStatus(created);
        return toStatus(
            m_client.call(HttpMethod::Patch, prefix(resource) + "update", jsonText(body), cancel));
    }

    Status revoke(const std::string &user, PermissionResource resource, const std::string &id,
                  const CancelToken &cancel) const override
    {
        const nlohmann::json body = fields(resource, id, user, {});
        auto deleted = m_client.call(HttpMethod::Delete, prefix(resource) + "delete", jsonText(body), cancel);
        if (!deleted.ok() && isApiError(deleted.error(), "RESOURCE_DOES_NOT_EXIST"))
            return success(); // nothing recorded: nothing to revoke
        return toStatus(deleted);
    }

    Result<std::optional<std::string>> recorded(const std::string &user, PermissionResource resource,
                                                const std::string &id,
                                                const CancelToken &cancel) const override
    {
        const bool experiment = resource == PermissionResource::Experiment;
        auto reply =
            m_client.call(HttpMethod::Get, prefix(resource) + "get",
                          query({{experiment ? "experiment_id" : "name", id}, {"username", user}}), cancel);
        if (!reply.ok()) {
            if (isApiError(reply.error(), "RESOURCE_DOES_NOT_EXIST"))
                return std::optional<std::string>();
            return reply.error();
        }
        const auto body = nlohmann::json::parse(reply.value(), nullptr, false);
        const char *key = experiment ? "experiment_permission" : "registered_model_permission";
        if (!body.is_object() || !body.contains(key) || !body[key].is_object() ||
            !body[key].value("permission", nlohmann::json()).is_string())
            return Error::parse(std::string(key) + ".permission",
                                prefix(resource) + "get answered without a permission");
        return std::optional<std::string>(body[key]["permission"].get<std::string>());
    }

    Result<std::optional<std::string>> effective(const std::string &user, PermissionResource resource,
                                                 const std::string &id,
                                                 const CancelToken &cancel) const override
    {
        return recorded(user, resource, id, cancel);
    }

private:
    static std::string prefix(PermissionResource resource)
    {
        return resource == PermissionResource::Experiment ? "experiments/permissions/"
                                                          : "registered-models/permissions/";
    }
    static nlohmann::json fields(PermissionResource resource, const std::string &id, const std::string &user,
                                 const std::string &level)
    {
        nlohmann::json body{{resource == PermissionResource::Experiment ? "experiment_id" : "name", id},
                            {"username", user}};
        if (!level.empty())
            body["permission"] = level;
        return body;
    }

    const MlflowClient &m_client;
};

// Newer 3.x: users/permissions/{grant,revoke,list}. A grant writes to the user's own role in
// the active workspace and refuses a second one on the same resource, so changing a level is
// revoke-then-grant.
class PermissionStoreV3 final : public PermissionStore
{
public:
    explicit PermissionStoreV3(const MlflowClient &client)
        : m_client(client)
    {}

    PermissionApi api() const override { return PermissionApi::V3; }

    Status grant(const std::string &user, PermissionResource resource, const std::string &id,
                 const std::string &level, const CancelToken &cancel) const override
    {
        const nlohmann::json body{{"username", user},
                                  {"resource_type", typeOf(resource)},
                                  {"resource_id", id},
                                  {"permission", level}};
        auto granted = m_client.call(MlflowClient::RestApi::V3, HttpMethod::Post, "users/permissions/grant",
                                     jsonText(body), cancel);
        if (granted.ok() || !isApiError(granted.error(), "RESOURCE_ALREADY_EXISTS"))
            return toStatus(granted);
        auto current = recorded(user, resource, id, cancel);
        if (!current.ok())
            return current.error();
        if (current.value() == level)
            return success();
        if (Status revoked = revoke(user, resource, id, cancel); !revoked.ok())
            return revoked;
        return toStatus(m_client.call(MlflowClient::RestApi::V3, HttpMethod::Post, "users/permissions/grant",
                                      jsonText(body), cancel));
    }

    Status revoke(const std::string &user, PermissionResource resource, const std::string &id,
                  const CancelToken &cancel) const override
    {
        const nlohmann::json body{
            {"username", user}, {"resource_type", typeOf(resource)}, {"resource_id", id}};
        auto revoked = m_client.call(MlflowClient::RestApi::V3, HttpMethod::Post, "users/permissions/revoke",
                                     jsonText(body), cancel);
        if (!revoked.ok() && isApiError(revoked.error(), "RESOURCE_DOES_NOT_EXIST") &&
            revoked.error().message.find("User with") == std::string::npos)
            return success(); // no such grant: nothing to revoke (an unknown user stays an error)
        return toStatus(revoked);
    }

    Result<std::optional<std::string>> recorded(const std::string &user, PermissionResource resource,
                                                const std::string &id,
                                                const CancelToken &cancel) const override
    {
        // The user's own grant rows, not users/permissions/get's effective permission: that one
        // is MANAGE for every admin and the default for everyone, and would hide who created what.
        auto reply = m_client.call(MlflowClient::RestApi::V3, HttpMethod::Get, "users/permissions/list",
                                   query({{"username", user}}), cancel);
        if (!reply.ok())
            return reply.error();
        const auto body = nlohmann::json::parse(reply.value(), nullptr, false);
        if (!body.is_object() || !body.contains("permissions") || !body["permissions"].is_array())
            return Error::parse("permissions", "users/permissions/list answered without a permission list");
        for (const auto &row : body["permissions"]) {
            if (!row.is_object())
                continue;
            if (row.value("resource_type", std::string()) == typeOf(resource) &&
                row.value("resource_pattern", std::string()) == id && row.contains("permission") &&
                row["permission"].is_string())
                return std::optional<std::string>(row["permission"].get<std::string>());
        }
        return std::optional<std::string>();
    }

    Result<std::optional<std::string>> effective(const std::string &user, PermissionResource resource,
                                                 const std::string &id,
                                                 const CancelToken &cancel) const override
    {
        auto reply = m_client.call(
            MlflowClient::RestApi::V3, HttpMethod::Get, "users/permissions/get",
            query({{"username", user}, {"resource_type", typeOf(resource)}, {"resource_id", id}}), cancel);
        if (!reply.ok())
            return reply.error();
        const auto body = nlohmann::json::parse(reply.value(), nullptr, false);
        if (!body.is_object() || !body.contains("permission") || !body["permission"].is_string())
            return Error::parse("permission", "users/permissions/get answered without a permission");
        return std::optional<std::string>(body["permission"].get<std::string>());
    }

private:
    static const char *typeOf(PermissionResource resource)
    {
        return resource == PermissionResource::Experiment ? "experiment" : "registered_model";
    }

    const MlflowClient &m_client;
};

} // namespace

Result<std::unique_ptr<PermissionStore>> permissionStoreFor(const MlflowClient &client,
                                                            const ServerCapabilities &capabilities)
{
    switch (capabilities.permissions) {
    case PermissionApi::V2:
        return std::unique_ptr<PermissionStore>(std::make_unique<PermissionStoreV2>(client));
    case PermissionApi::V3:
        return std::unique_ptr<PermissionStore>(std::make_unique<PermissionStoreV3>(client));
    case PermissionApi::None:
        break;
    }
    if (!capabilities.authRequired)
        return Error::unsupported(capabilities.describeServer() +
                                  " runs without an auth app, so it has no permissions to set");
    if (!capabilities.signedIn)
        return Error::unsupported(
            "the server requires sign-in, and without valid credentials ModelGate cannot "
            "tell which permission API it offers");
    return Error::unsupported(
        capabilities.describeServer() +
        " runs an auth app but offers neither the 2.0 permission endpoints "
        "(experiments/permissions/create) nor the 3.0 grants (users/permissions/grant); "
        "ModelGate needs one of them to give reviewers their permissions");
}

bool permissionAtLeast(const std::string &level, const std::string &wanted)
{
    static constexpr std::array<std::string_view, 4> kOrder = {"READ", "USE", "EDIT", "MANAGE"};
    const auto rank = [](const std::string &word) {
        const auto found = std::find(kOrder.begin(), kOrder.end(), word);
        return found == kOrder.end() ? -1 : static_cast<int>(found - kOrder.begin());
    };
    const int have = rank(level);
    return have >= 0 && have >= rank(wanted);
}

} // namespace modelgate
