#pragma once
// The capabilities an MlflowClient detected, shared by its copies (private to core).

#include "modelgate/core/mlflow/server_capabilities.h"

#include <memory>
#include <mutex>
#include <optional>

namespace modelgate {

struct ServerCapabilitiesCache
{
    std::mutex mutex;
    std::optional<ServerCapabilities> detected;
};

std::shared_ptr<ServerCapabilitiesCache> makeServerCapabilitiesCache();

} // namespace modelgate
