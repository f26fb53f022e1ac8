#pragma once

#include "modelgate/core/util/cancel_token.h"
#include "modelgate/core/util/result.h"

#include <string>
#include <vector>

namespace modelgate {

class MlflowClient;

// Which permission API an MLflow server's auth app offers. MLflow 3.6 and earlier have the
// 2.0 endpoints (experiments/permissions/{create,get,update,delete} and the registered-model
// ones); newer 3.x servers removed them (a plain 404) for the 3.0 grants
// (users/permissions/{grant,revoke,get,list}, roles).
enum class PermissionApi
{
    None, // no auth app, or an auth app without a permission API ModelGate knows
    V2,
    V3,
};

const char *wireName(PermissionApi api); // "none", "2.0", "3.0"

// What a tracking server is and offers, found out once per client (MlflowClient::capabilities)
// from the server's own answers, never assumed from a version number alone.
struct ServerCapabilities
{
    std::string version; // GET /version, e.g. "3.6.0"; empty when the server does not say
    int major = 0;
    int minor = 0;
    int patch = 0;

    // An unauthenticated request was answered 401: MLflow's basic-auth app (or a proxy) runs.
    bool authRequired = false;
    // The signed-in user could be identified and the permission API probed; false when the
    // client sends no credentials to a server that requires them.
    bool signedIn = false;
    bool isAdmin = false; // known on 3.0 servers (users/current/permissions); false otherwise
    PermissionApi permissions = PermissionApi::None;
    // Workspaces (multi-tenancy) are switched on: users do not inherit the default permission
    // there unless the server grants default workspace access.
    bool workspaces = false;

    // True when the version is at least major.minor.
    bool atLeast(int wantedMajor, int wantedMinor) const;
    // "MLflow 3.17.2" or "an MLflow server of unknown version", for messages.
    std::string describeServer() const;
};

// Probes the server (a handful of GET requests, none of which changes anything):
//  - GET /version;
//  - an unauthenticated search: 401 means an auth app runs;
//  - with the client's credentials: GET /api/3.0/mlflow/users/current/permissions (3.0 grants)
//    and GET /api/2.0/mlflow/experiments/permissions/get (2.0 endpoints); a route that is not
//    there answers a plain 404, a route that is answers JSON or a 403;
//  - GET /api/3.0/mlflow/workspaces (200 when workspaces are on).
// Transport errors and unexpected answers are errors: a capability is never guessed.
Result<ServerCapabilities> detectServerCapabilities(const MlflowClient &client, const CancelToken &cancel);

} // namespace modelgate
