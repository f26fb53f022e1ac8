#pragma once
// Signing in to an Azure ML workspace profile: a credential for the ARM audience, the typed
// ARM client, and the registry (the workspace's MLflow endpoint, found from the workspace's
// ARM resource) reached with the same renewing credential. The GUI and the CLI both open a
// workspace through here.

#include "modelgate/core/azure/arm_client.h"
#include "modelgate/core/azure/azure_credential.h"
#include "modelgate/core/mlflow/mlflow_client.h"
#include "modelgate/core/workspace/profiles.h"

#include <memory>
#include <string>

namespace modelgate {

struct AzureSession
{
    std::shared_ptr<AzureCredential> credential;
    std::shared_ptr<const ArmClient> arm;
    // The workspace's MLflow endpoint: bearer credentials that renew, aliases kept as model
    // tags (the endpoint has none); `credentials` carries the token for the user's identity.
    ClientConfig registry;
};

// Validates the profile, gets a token (Config error naming what to set when there is nothing
// to sign in with), reads the workspace's MLflow tracking URI. `clientSecret` is the GUI's
// keychain secret for a service principal (empty: AZURE_CLIENT_SECRET).
Result<AzureSession> openAzureSession(const Profile &profile, const Environment &env,
                                      const TransportOptions &transport, const std::string &clientSecret,
                                      const CancelToken &cancel);

} // namespace modelgate
