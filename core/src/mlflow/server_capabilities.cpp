#include "modelgate/core/mlflow/server_capabilities.h"

#include "mlflow/server_capabilities_cache.h"
#include "modelgate/core/mlflow/mlflow_client.h"

#include <algorithm>
#include <cstdlib>
#include <nlohmann/json.hpp>

namespace modelgate {

namespace {

// A route the server does not have: Flask's plain 404 page, not an MLflow error body (an Api
// 404 would be MLflow saying that a user or an object is missing).
bool isMissingRoute(const Error &error)
{
    return error.kind == ErrorKind::HttpStatus && error.httpStatus == 404;
}

void parseVersion(ServerCapabilities &capabilities)
{
    const std::string &text = capabilities.version;
    const char *cursor = text.c_str();
    int *parts[] = {&capabilities.major, &capabilities.minor, &capabilities.patch};
    for (int *part : parts) {
        char *end = nullptr;
        const long value = std::strtol(cursor, &end, 10);
        if (end == cursor)
            return;
        *part = static_cast<int>(value);
        if (*end != '.')
            return;
        cursor = end + 1;
    }
}

// "3.6.0", "3.7.1.dev0": GET /version answers the bare number. Anything else (a JSON page, an
// HTML page, bytes that are not text) means something other than MLflow answered, and must
// not become the version that messages and decisions quote.
bool looksLikeVersion(const std::string &text)
{
    if (text.empty() || text.size() > 64 || text.front() < '0' || text.front() > '9')
        return false;
    return std::all_of(text.begin(), text.end(), [](char c) {
        return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '.' ||
               c == '+' || c == '-';
    });
}

Error unexpected(const std::string &what, const Error &error)
{
    Error wrapped = error;
    wrapped.message = "cannot tell " + what + ": " + error.message;
    return wrapped;
}

} // namespace

std::shared_ptr<ServerCapabilitiesCache> makeServerCapabilitiesCache()
{
    return std::make_shared<ServerCapabilitiesCache>();
}

const char *wireName(PermissionApi api)
{
    switch (api) {
    case PermissionApi::None:
        return "none";
    case PermissionApi::V2:
        return "2.0";
    case PermissionApi::V3:
        return "3.0";
    }
    return "none";
}

bool ServerCapabilities::atLeast(int wantedMajor, int wantedMinor) const
{
    return major > wantedMajor || (major == wantedMajor && minor >= wantedMinor);
}

std::string ServerCapabilities::describeServer() const
{
    return version.empty() ? std::string("an MLflow server of unknown version") : "MLflow " + version;
}

Result<ServerCapabilities> detectServerCapabilities(const MlflowClient &client, const CancelToken &cancel)
{
    ServerCapabilities capabilities;

    // Without credentials first: 401 means an auth app guards the server, and then the
    // version (which the auth app guards too) needs the client's own credentials.
    const MlflowClient anonymous = client.anonymous();
    auto open = anonymous.call(HttpMethod::Get, "experiments/search", "max_results=1", cancel);
    if (open.ok()) {
        capabilities.authRequired = false;
    } else if (open.error().httpStatus == 401) {
        capabilities.authRequired = true;
    } else {
        return unexpected("whether the server requires sign-in", open.error());
    }

    const bool hasCredentials = client.config().credentials.kind != AuthKind::None;
    capabilities.signedIn = !capabilities.authRequired || hasCredentials;
    if (!capabilities.signedIn)
        return capabilities; // nothing more can be asked without credentials

    auto version = client.serverVersion(cancel);
    if (version.ok()) {
        if (!looksLikeVersion(version.value()))
            return unexpected(
                "the server's version",
                Error::parse("", "GET /version answered something that is not a version number"));
        capabilities.version = version.value();
        parseVersion(capabilities);
    } else if (version.error().httpStatus == 401) {
        capabilities.signedIn = false; // the credentials are refused: nothing more to learn
        return capabilities;
    } else if (!isMissingRoute(version.error())) {
        return unexpected("the server's version", version.error());
    }

    if (!capabilities.authRequired)
        return capabilities; // no auth app: no permission API, no workspaces to care about

    // The 3.0 grants answer the caller's own permissions to anyone signed in.
    auto current =
        client.call(MlflowClient::RestApi::V3, HttpMethod::Get, "users/current/permissions", {}, cancel);
    if (current.ok()) {
        capabilities.permissions = PermissionApi::V3;
        const auto body = nlohmann::json::parse(current.value(), nullptr, false);
        capabilities.isAdmin = body.is_object() && body.value("is_admin", false);
    } else if (!isMissingRoute(current.error())) {
        return unexpected("which permission API the server offers", current.error());
    } else {
        // The 2.0 endpoints: a signed-in user asking about themselves on the Default
        // experiment gets JSON (their permission, or RESOURCE_DOES_NOT_EXIST) or a 403 when
        // only MANAGE may ask; a server without the route answers a plain 404.
        const std::string &user = client.config().credentials.username;
        auto legacy = client.call(HttpMethod::Get, "experiments/permissions/get",
                                  "experiment_id=0&username=" + urlEncode(user), cancel);
        if (legacy.ok() || legacy.error().kind == ErrorKind::Api || legacy.error().httpStatus == 403)
            capabilities.permissions = PermissionApi::V2;
        else if (!isMissingRoute(legacy.error()))
            return unexpected("which permission API the server offers", legacy.error());
        // Whether the signed-in user is an admin: users/get answers it to the user themself.
        if (capabilities.permissions == PermissionApi::V2 && !user.empty()) {
            auto self = client.call(HttpMethod::Get, "users/get", "username=" + urlEncode(user), cancel);
            if (self.ok()) {
                const auto body = nlohmann::json::parse(self.value(), nullptr, false);
                capabilities.isAdmin = body.is_object() && body.contains("user") &&
                                       body["user"].is_object() && body["user"].value("is_admin", false);
            }
        }
    }

    // Workspaces exist on newer servers only; switched off they answer 503 with a note.
    auto workspaces = client.call(MlflowClient::RestApi::V3, HttpMethod::Get, "workspaces", {}, cancel);
    capabilities.workspaces = workspaces.ok();
    return capabilities;
}

Result<ServerCapabilities> MlflowClient::capabilities(const CancelToken &cancel) const
{
    {
        const std::lock_guard lock(m_capabilities->mutex);
        if (m_capabilities->detected)
            return *m_capabilities->detected;
    }
    // Detected outside the lock: two first callers may both ask, and both get the same answer.
    auto detected = detectServerCapabilities(*this, cancel);
    if (detected.ok()) {
        const std::lock_guard lock(m_capabilities->mutex);
        m_capabilities->detected = detected.value();
    }
    return detected;
}

MlflowClient MlflowClient::anonymous() const
{
    ClientConfig config = m_config;
    config.credentials = Credentials{};
    return MlflowClient(std::move(config), m_transport);
}

} // namespace modelgate
