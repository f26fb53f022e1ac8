#pragma once

#include "modelgate/core/mlflow/server_capabilities.h"
#include "modelgate/core/util/cancel_token.h"
#include "modelgate/core/util/result.h"

#include <memory>
#include <optional>
#include <string>

namespace modelgate {

class MlflowClient;

enum class PermissionResource
{
    Experiment,      // by experiment id
    RegisteredModel, // by model name
};

// Permissions of MLflow's auth app behind one small interface, implemented once for the 2.0
// endpoints (MLflow 3.6 and earlier) and once for the 3.0 grants (newer 3.x). Levels are
// the server's words ("READ", "EDIT", "MANAGE", and on newer servers "USE", "DENY"): they are
// passed through, never narrowed to a fixed enum.
class PermissionStore
{
public:
    virtual ~PermissionStore() = default;
    virtual PermissionApi api() const = 0;

    // Makes `level` the user's recorded permission on the resource (creating it, or replacing
    // a different one).
    virtual Status grant(const std::string &user, PermissionResource resource, const std::string &id,
                         const std::string &level, const CancelToken &cancel) const = 0;
    virtual Status revoke(const std::string &user, PermissionResource resource, const std::string &id,
                          const CancelToken &cancel) const = 0;
    // The permission recorded for the user on exactly this resource (a grant, or the MANAGE a
    // creator gets), not what the server's default or an admin flag would allow: nullopt when
    // none is recorded. This tells who created an experiment from who may merely read it.
    virtual Result<std::optional<std::string>> recorded(const std::string &user, PermissionResource resource,
                                                        const std::string &id,
                                                        const CancelToken &cancel) const = 0;
    // What the user may do on the resource as the server decides a request: on 3.0 servers its
    // own answer (users/permissions/get: grants, roles, the default, admin); the 2.0 endpoints
    // have no such question, so there it is the recorded permission, or nullopt where the
    // server's default permission applies (READ unless the admin changed it).
    virtual Result<std::optional<std::string>> effective(const std::string &user, PermissionResource resource,
                                                         const std::string &id,
                                                         const CancelToken &cancel) const = 0;
};

// The store for the API the server offers. A server with an auth app but without a permission
// API that ModelGate knows is an Unsupported error naming the server's version and the
// endpoints that were looked for; a server without an auth app has no permissions to set
// (Unsupported too: callers that can do without check capabilities.authRequired first).
Result<std::unique_ptr<PermissionStore>> permissionStoreFor(const MlflowClient &client,
                                                            const ServerCapabilities &capabilities);

// Whether `level` allows at least what `wanted` allows (READ < USE < EDIT < MANAGE; DENY and
// NO_PERMISSIONS allow nothing; an unknown word allows nothing).
bool permissionAtLeast(const std::string &level, const std::string &wanted);

} // namespace modelgate
