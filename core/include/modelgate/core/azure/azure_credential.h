#pragma once
// Microsoft Entra ID tokens for Azure calls, as the Azure SDKs get them: a service principal's
// client secret (the client-credentials flow, AZURE_TENANT_ID / AZURE_CLIENT_ID /
// AZURE_CLIENT_SECRET / AZURE_AUTHORITY_HOST), or the signed-in Azure CLI
// (`az account get-access-token`). A token is held in memory only, until shortly before it
// expires, and renewed once when a service answers 401; it is never written or logged.

#include "modelgate/core/http/http.h"
#include "modelgate/core/http/rest_call.h"
#include "modelgate/core/util/cancel_token.h"
#include "modelgate/core/util/result.h"

#include <chrono>
#include <cstdint>
#include <memory>
#include <mutex>
#include <string>

namespace modelgate {

struct AccessToken
{
    std::string token;
    std::int64_t expiresOn = 0; // Unix seconds
};

// Where tokens come from. Errors: Config (nothing to sign in with), Api (Entra ID refused:
// code = its "error", message = its "error_description"), Transport, Cancelled.
class TokenSource
{
public:
    virtual ~TokenSource() = default;
    virtual Result<AccessToken> fetch(const std::string &scope, const CancelToken &cancel) = 0;
    // "service principal 1b2c... in tenant 72f9..." / "the Azure CLI's signed-in account", for messages.
    virtual std::string describe() const = 0;
};

struct ClientSecretSettings
{
    std::string tenantId;
    std::string clientId;
    std::string clientSecret; // never written or logged
    std::string authorityHost = "https://login.microsoftonline.com";
};

// POST {authorityHost}/{tenant}/oauth2/v2.0/token, grant_type=client_credentials.
class ClientSecretTokenSource final : public TokenSource
{
public:
    ClientSecretTokenSource(ClientSecretSettings settings, std::shared_ptr<HttpTransport> transport);
    Result<AccessToken> fetch(const std::string &scope, const CancelToken &cancel) override;
    std::string describe() const override;

private:
    ClientSecretSettings m_settings;
    std::shared_ptr<HttpTransport> m_transport;
};

// Runs `az account get-access-token --resource R --output json` (the executable found on PATH,
// or the one given). Its token never passes through a command line: only its output.
class AzureCliTokenSource final : public TokenSource
{
public:
    explicit AzureCliTokenSource(std::string executable = "az",
                                 std::chrono::milliseconds timeout = std::chrono::seconds(60));
    Result<AccessToken> fetch(const std::string &scope, const CancelToken &cancel) override;
    std::string describe() const override;

private:
    std::string m_executable;
    std::chrono::milliseconds m_timeout;
};

// Parses `az account get-access-token` output (accessToken, expires_on or expiresOn).
Result<AccessToken> parseAzureCliToken(const std::string &json);
// Parses a token endpoint's success body (access_token, expires_in) at `nowUnixSeconds`.
Result<AccessToken> parseTokenResponse(const std::string &json, std::int64_t nowUnixSeconds);

// The CredentialProvider every Azure call uses: one scope, a cached token renewed
// `refreshMargin` before it expires and once after a 401. Thread-safe.
class AzureCredential final : public CredentialProvider
{
public:
    AzureCredential(std::shared_ptr<TokenSource> source, std::string scope,
                    std::chrono::seconds refreshMargin = std::chrono::seconds(300));

    Result<HttpHeaders> authorization(const CancelToken &cancel) override;
    bool refreshAfterUnauthorized() override;

    // The current token (fetched when none is cached or it is about to expire).
    Result<std::string> token(const CancelToken &cancel);
    const TokenSource &source() const { return *m_source; }
    int fetches() const; // how many tokens were fetched (tests, diagnostics)

private:
    std::shared_ptr<TokenSource> m_source;
    std::string m_scope;
    std::chrono::seconds m_refreshMargin;
    mutable std::mutex m_mutex;
    AccessToken m_cached;
    std::int64_t m_fetchedAt = 0;
    int m_fetches = 0;
};

} // namespace modelgate
