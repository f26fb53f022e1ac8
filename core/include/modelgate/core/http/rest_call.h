#pragma once

#include "modelgate/core/http/http.h"
#include "modelgate/core/util/cancel_token.h"
#include "modelgate/core/util/result.h"

#include <cstddef>
#include <functional>
#include <memory>
#include <set>
#include <string>
#include <vector>

namespace modelgate {

// One REST call as every client of ModelGate makes it (the MLflow client today, Azure
// Resource Manager next), in the manner of the Azure SDK's pipeline: authorization from a
// credential provider, the Accept and Content-Type headers, a 2xx body or an Error whose
// kind keeps "no response", "an error status" and "the service's error body" apart, with the
// error body read by the service's own mapping.

enum class AuthKind
{
    None,
    Basic,
    Bearer,
};

struct Credentials
{
    AuthKind kind = AuthKind::None;
    std::string username;
    std::string secret; // password or token; held in memory only, never written or logged
};

// Where a call's Authorization header comes from. A provider whose token can expire (Entra
// ID) refreshes it when asked after a 401; a fixed one cannot, and the 401 stands.
class CredentialProvider
{
public:
    virtual ~CredentialProvider() = default;
    virtual Result<HttpHeaders> authorization(const CancelToken &cancel) = 0;
    // Called once after a 401; true when a retry with a new authorization is worth it.
    virtual bool refreshAfterUnauthorized() { return false; }
};

// Basic or bearer credentials that never change (MLflow's basic-auth app, a given token).
class FixedCredentials final : public CredentialProvider
{
public:
    explicit FixedCredentials(Credentials credentials);
    Result<HttpHeaders> authorization(const CancelToken &cancel) override;

private:
    Credentials m_credentials;
};

// Reads a non-2xx response into an Error (kind Api for the service's own error body,
// HttpStatus otherwise); the caller fills httpStatus and url.
using ErrorBodyMapper = std::function<Error(const HttpResponse &response)>;

// MLflow's {"error_code", "message"}.
Error mlflowErrorBody(const HttpResponse &response);
// Azure Resource Manager's {"error": {"code", "message", "details"}}.
Error armErrorBody(const HttpResponse &response);
// A one-line summary of a body that is not the service's error shape: plain text, an HTML
// page's <title>/<h1>, FastAPI's {"detail"}, capped and without control characters.
std::string summarizeErrorBody(const std::string &body);

struct RestCall
{
    HttpTransport *transport = nullptr;
    CredentialProvider *credentials = nullptr; // none: no Authorization header
    ErrorBodyMapper mapError = mlflowErrorBody;
    std::string accept = "application/json";
    // Sent with a body or any method but GET (Entra ID's token endpoint wants a form).
    std::string contentType = "application/json";
};

// Sends `request` (its method, URL and body; authorization and the content headers are
// added here) and returns the body of a 2xx response or an Error carrying the URL.
Result<std::string> sendRestRequest(const RestCall &call, HttpRequest request, const CancelToken &cancel);
// The same, returning the whole 2xx response: its status and headers matter to a caller that
// follows a long-running operation (201/202 with Azure-AsyncOperation or Location).
Result<HttpResponse> sendRestCall(const RestCall &call, HttpRequest request, const CancelToken &cancel);

// Follows a service's pages to the end: `fetch(token)` returns one page (a struct with
// `items` and a next-page token, "" on the last: MLflow's next_page_token, ARM's nextLink,
// named by `nextToken`). `onPage` sees each page and may stop early by returning false. A
// server that hands back a token it already gave, or keeps inventing pages beyond
// `maxPages`, is stopped with a Parse error on `tokenField`.
template <typename T, typename Page, typename Fetch, typename OnPage>
Result<std::vector<T>> followPages(Fetch fetch, OnPage onPage, std::string Page::*nextToken,
                                   const CancelToken &cancel, const char *tokenField,
                                   std::size_t maxPages = 100000)
{
    std::vector<T> all;
    std::set<std::string> seenTokens;
    std::string token;
    for (std::size_t pageCount = 0;; ++pageCount) {
        if (cancel.isCancelled())
            return cancel.stoppedError();
        if (pageCount >= maxPages)
            return Error::parse(tokenField, "the server kept returning further pages (more than " +
                                                std::to_string(maxPages) + ')');
        Result<Page> page = fetch(token);
        if (!page.ok())
            return page.error();
        Page &current = page.value();
        const bool keepGoing = onPage(current);
        for (auto &item : current.items)
            all.push_back(std::move(item));
        std::string next = current.*nextToken;
        if (!keepGoing || next.empty())
            return all;
        // The token is opaque: never build one, only detect a server that hands the same one back.
        if (!seenTokens.insert(next).second || next == token)
            return Error::parse(
                tokenField,
                "the server returned a page token it had already returned; stopping to avoid a loop");
        token = std::move(next);
    }
}

} // namespace modelgate
