#pragma once

#include "modelgate/core/util/cancel_token.h"
#include "modelgate/core/util/result.h"

#include <chrono>
#include <cstdint>
#include <functional>
#include <memory>
#include <string>
#include <utility>
#include <vector>

namespace modelgate {

enum class HttpMethod
{
    Get,
    Post,
    Patch,
    Delete,
    Put, // ARM's create-or-update
};

const char *wireName(HttpMethod method);

using HttpHeaders = std::vector<std::pair<std::string, std::string>>;

struct HttpRequest
{
    HttpMethod method = HttpMethod::Get;
    std::string url;     // absolute URL, query string included
    HttpHeaders headers; // e.g. Content-Type, Authorization
    std::string body;
    // Safe to repeat after a failure whose outcome is unknown. GETs are; MLflow's
    // writes are not in general (a retried create may report RESOURCE_ALREADY_EXISTS).
    bool idempotent = true;
};

struct HttpResponse
{
    int status = 0;
    HttpHeaders headers; // names lower-cased
    std::string body;

    // Value of the first header with this (case-insensitive) name, or empty.
    std::string header(const std::string &name) const;
};

// How a request reaches the server. The curl implementation is the real one;
// tests may substitute a fake. A transport returns any HTTP response as a value
// (even 500): only a failure to get a response is an Error (kind Transport or Cancelled).
class HttpTransport
{
public:
    virtual ~HttpTransport() = default;
    virtual Result<HttpResponse> send(const HttpRequest &request, const CancelToken &cancel) = 0;
};

struct TransportOptions
{
    std::chrono::milliseconds connectTimeout{10'000};
    std::chrono::milliseconds totalTimeout{60'000};
    // Abort when fewer than 1 byte/s arrives for this long (a stalled server), independent of totalTimeout.
    std::chrono::milliseconds stallTimeout{30'000};
    bool verifyTls = true;    // MLFLOW_TRACKING_INSECURE_TLS=true turns it off
    std::string caBundlePath; // MLFLOW_TRACKING_SERVER_CERT_PATH
    std::string userAgent = "ModelGate/0.1";
    // A larger response is refused (Transport CURLE_FILESIZE_EXCEEDED, naming the limit) rather
    // than buffered: a wrong URL or a misbehaving proxy must not exhaust the desktop's memory.
    // MLflow pages, MLmodel files and ARM bodies are far smaller. 0 means no limit.
    std::int64_t maxResponseBytes = std::int64_t(64) * 1024 * 1024;
    // Proxies come from the environment (http_proxy, https_proxy, no_proxy) as curl reads them.
};

// libcurl transport: a pool of curl handles, each keeping its connections open, so
// connections are reused across calls; concurrent send() calls from any number of threads
// each get their own handle. Compressed responses are accepted.
std::unique_ptr<HttpTransport> makeCurlTransport(const TransportOptions &options = {});

struct RetryPolicy
{
    int maxRetries = 3;
    std::chrono::milliseconds baseDelay{250};
    std::chrono::milliseconds maxDelay{8'000};
    // Retry-After beyond this is not waited for; the 429/503 response is returned instead.
    std::chrono::milliseconds maxRetryAfter{30'000};
};

// Decorator that retries transient failures: connection errors (refused, reset,
// timeout) and 429/5xx for idempotent requests, with exponential backoff and full jitter,
// honouring Retry-After (seconds or an HTTP date). Cancellation stops the wait at once.
class RetryingTransport final : public HttpTransport
{
public:
    using Sleeper = std::function<bool(std::chrono::milliseconds, const CancelToken &)>;

    RetryingTransport(std::shared_ptr<HttpTransport> inner, RetryPolicy policy = {});
    // For tests: observe or skip the waits. The sleeper returns false when cancelled.
    RetryingTransport(std::shared_ptr<HttpTransport> inner, RetryPolicy policy, Sleeper sleeper);

    Result<HttpResponse> send(const HttpRequest &request, const CancelToken &cancel) override;

    // The delay before retry number `attempt` (0-based) without jitter, capped by maxDelay.
    static std::chrono::milliseconds backoffCeiling(const RetryPolicy &policy, int attempt);

private:
    std::shared_ptr<HttpTransport> m_inner;
    RetryPolicy m_policy;
    Sleeper m_sleep;
};

// Percent-encodes one query-string or path component (RFC 3986 unreserved chars kept).
std::string urlEncode(const std::string &text);

// Base64 (RFC 4648, with padding), used for HTTP basic credentials.
std::string base64Encode(const std::string &bytes);

} // namespace modelgate
