#include "modelgate/core/workspace/azure_session.h"

namespace modelgate {

Result<AzureSession> openAzureSession(const Profile &profile, const Environment &env,
                                      const TransportOptions &transport, const std::string &clientSecret,
                                      const CancelToken &cancel)
{
    if (!profile.azure)
        return Error::config("profile " + profile.name + " is not an Azure ML workspace");
    const AzureProfile &azure = *profile.azure;
    if (Status valid = azure.workspace.validate(); !valid)
        return valid.error();

    std::shared_ptr<HttpTransport> http = std::make_shared<RetryingTransport>(
        std::shared_ptr<HttpTransport>(makeCurlTransport(transport)), RetryPolicy{});
    AzureSession session;
    session.credential =
        std::make_shared<AzureCredential>(azureTokenSourceFor(azure, env, http, clientSecret), kArmScope);
    auto token = session.credential->token(cancel);
    if (!token.ok()) {
        Error error = token.error();
        error.message =
            "cannot sign in to Azure as " + session.credential->source().describe() + ": " + error.message;
        return error;
    }
    const AzureWorkspace &workspace = azure.workspace;
    session.arm = std::make_shared<ArmClient>(workspace, http, session.credential);

    auto trackingUri = session.arm->mlflowTrackingUri(cancel);
    if (!trackingUri.ok())
        return trackingUri.error();
    auto url = workspaceTrackingUrl(trackingUri.value(), workspace.armBaseUrl);
    if (!url.ok())
        return url.error();
    session.registry.trackingUri = url.value();
    session.registry.transport = transport;
    session.registry.credentialProvider = session.credential;
    session.registry.credentials = Credentials{AuthKind::Bearer, {}, token.value()};
    session.registry.aliasesAsModelTags = true;
    return session;
}

} // namespace modelgate
