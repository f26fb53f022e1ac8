#pragma once

#include "modelgate/core/azure/azure_credential.h"
#include "modelgate/core/azure/azure_workspace.h"
#include "modelgate/core/mlflow/mlflow_client.h"
#include "modelgate/core/util/result.h"

#include <map>
#include <optional>
#include <string>
#include <vector>

namespace modelgate {

// How a profile of an Azure ML workspace signs in to Microsoft Entra ID.
enum class AzureSignIn
{
    AzureCli,         // `az account get-access-token` of the signed-in Azure CLI
    ServicePrincipal, // client credentials: tenant and client ID here, the secret in
                      // AZURE_CLIENT_SECRET (CLI) or the OS keychain (GUI), never in the file
};

const char *wireName(AzureSignIn signIn); // "azure-cli", "service-principal"

// An Azure Machine Learning workspace: its registry is the workspace's MLflow endpoint (found
// from the workspace's ARM resource), its deployment target its managed online endpoints.
struct AzureProfile
{
    AzureWorkspace workspace;
    AzureSignIn signIn = AzureSignIn::AzureCli;
    std::string tenantId; // service principal
    std::string clientId; // service principal
};

// A named workspace: where the registry is and who the user is there. Secrets are
// never part of a profile: the GUI keeps them in the OS keychain, the CLI reads them
// from the environment.
struct Profile
{
    std::string name;
    std::string trackingUri;
    AuthKind authKind = AuthKind::None;
    std::string username;
    bool insecureTls = false; // skip TLS verification (MLFLOW_TRACKING_INSECURE_TLS)
    std::string caBundlePath; // MLFLOW_TRACKING_SERVER_CERT_PATH
    // The `mlflow` executable that starts local scoring servers (deployments); empty: the
    // one on PATH. The demo names its Python environment's.
    std::string mlflowExecutable;
    // Set for an Azure ML workspace ("kind": "azureml" in the file); its trackingUri is then the
    // workspace's MLflow endpoint as last found, and authKind is Bearer.
    std::optional<AzureProfile> azure;
    // Keys this version does not know, kept so that a newer ModelGate's settings survive a round trip.
    std::map<std::string, std::string> extra;
};

const char *wireName(AuthKind kind);
std::optional<AuthKind> authKindFromString(const std::string &text);

// The environment, as far as ModelGate reads it.
struct Environment
{
    std::map<std::string, std::string> vars;
    static Environment current();
    std::string get(const std::string &name) const;
};

// Profiles live in one JSON file, $XDG_CONFIG_HOME/modelgate/profiles.json
// (~/.config when XDG_CONFIG_HOME is unset), shared by the GUI and the CLI.
class ProfileStore
{
public:
    explicit ProfileStore(std::string filePath);
    static std::string defaultPath(const Environment &env = Environment::current());

    const std::string &path() const { return m_path; }

    // Reads the file. A missing file is an empty store; a malformed one is a Parse
    // error (and the file is left untouched, so nothing is lost).
    Status load();
    // Writes atomically (temp file + rename), mode 0600.
    Status save() const;

    const std::vector<Profile> &profiles() const { return m_profiles; }
    const Profile *find(const std::string &name) const;
    // Adds or replaces by name.
    void upsert(const Profile &profile);
    bool remove(const std::string &name);

    std::string lastUsed() const { return m_lastUsed; }
    void setLastUsed(const std::string &name) { m_lastUsed = name; }

private:
    std::string m_path;
    std::vector<Profile> m_profiles;
    std::string m_lastUsed;
};

// A profile built from MLflow's own environment variables (MLFLOW_TRACKING_URI,
// _USERNAME, _PASSWORD, _TOKEN, _INSECURE_TLS, _SERVER_CERT_PATH), or nullopt when
// MLFLOW_TRACKING_URI is unset.
std::optional<Profile> profileFromEnvironment(const Environment &env);

// Secrets from the environment for a profile: the password when the profile's user
// matches MLFLOW_TRACKING_USERNAME (or the profile has none), or MLFLOW_TRACKING_TOKEN.
Credentials credentialsFromEnvironment(const Profile &profile, const Environment &env);

// The client configuration for a profile with the given credentials.
ClientConfig clientConfigFor(const Profile &profile, const Credentials &credentials);

// Where an Azure profile's tokens come from: a service principal (its secret from
// AZURE_CLIENT_SECRET, or `clientSecret` when given, e.g. from the keychain; tenant and client
// from the profile, else AZURE_TENANT_ID / AZURE_CLIENT_ID; AZURE_AUTHORITY_HOST overrides the
// profile's authority) or the Azure CLI (MODELGATE_AZURE_CLI names another executable than `az`).
std::shared_ptr<TokenSource> azureTokenSourceFor(const AzureProfile &profile, const Environment &env,
                                                 std::shared_ptr<HttpTransport> transport,
                                                 const std::string &clientSecret = {});

// An Azure profile made from the Azure SDKs' environment variables alone
// (AZURE_SUBSCRIPTION_ID, AZURE_RESOURCE_GROUP, AZUREML_WORKSPACE_NAME, AZURE_REGION, and
// AZURE_TENANT_ID / AZURE_CLIENT_ID for a service principal), or nullopt when
// AZUREML_WORKSPACE_NAME is unset.
std::optional<Profile> azureProfileFromEnvironment(const Environment &env);

} // namespace modelgate
