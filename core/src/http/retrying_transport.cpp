#include "http/http_internal.h"

#include <algorithm>
#include <charconv>
#include <ctime>
#include <curl/curl.h>
#include <optional>
#include <random>

#include <modelgate/core/http/http.h>

namespace modelgate {

namespace {

enum class FailureClass
{
    Permanent,     // retrying cannot help (TLS, bad URL, oversized response...) or must not happen
    NeverReached,  // the request certainly did not reach the server: safe to repeat for any method
    OutcomeUnknown // the server may have acted on it: repeat only idempotent requests
};

FailureClass classify(const Error &error)
{
    if (error.kind != ErrorKind::Transport)
        return FailureClass::Permanent;
    const std::string &code = error.code;
    if (code == "CURLE_COULDNT_CONNECT" || code == "CURLE_COULDNT_RESOLVE_HOST" ||
        code == "CURLE_COULDNT_RESOLVE_PROXY")
        return FailureClass::NeverReached;
    if (code == "CURLE_RECV_ERROR" || code == "CURLE_SEND_ERROR" || code == "CURLE_OPERATION_TIMEDOUT" ||
        code == "CURLE_GOT_NOTHING" || code == "CURLE_PARTIAL_FILE" || code == "CURLE_HTTP2" ||
        code == "CURLE_HTTP2_STREAM")
        return FailureClass::OutcomeUnknown;
    return FailureClass::Permanent;
}

bool isRetryableServerStatus(int status)
{
    return status == 500 || status == 502 || status == 503 || status == 504;
}

std::chrono::milliseconds fullJitter(std::chrono::milliseconds ceiling)
{
    // Full jitter (uniform in [0, ceiling]) spreads out clients that failed together.
    thread_local std::mt19937_64 generator{std::random_device{}()};
    std::uniform_int_distribution<std::chrono::milliseconds::rep> distribution(
        0, std::max<long long>(0, ceiling.count()));
    return std::chrono::milliseconds(distribution(generator));
}

Error cancelledWhileWaiting(const HttpRequest &request, const CancelToken &cancel)
{
    Error error = cancel.stoppedError(detail::urlWithoutCredentials(request.url));
    if (error.kind == ErrorKind::Cancelled)
        error.message = "the request was cancelled while waiting to retry";
    return error;
}

} // namespace

RetryingTransport::RetryingTransport(std::shared_ptr<HttpTransport> inner, RetryPolicy policy)
    : RetryingTransport(std::move(inner), policy, &sleepUnlessCancelled)
{}

RetryingTransport::RetryingTransport(std::shared_ptr<HttpTransport> inner, RetryPolicy policy,
                                     Sleeper sleeper)
    : m_inner(std::move(inner))
    , m_policy(policy)
    , m_sleep(sleeper ? std::move(sleeper) : Sleeper(&sleepUnlessCancelled))
{}

std::chrono::milliseconds RetryingTransport::backoffCeiling(const RetryPolicy &policy, int attempt)
{
    const long long base = std::max<long long>(0, policy.baseDelay.count());
    const long long cap = std::max<long long>(0, policy.maxDelay.count());
    long long delay = base;
    // Doubling stops at the cap, so large attempt numbers cannot overflow (or loop for long).
    for (int i = 0; i < attempt && delay > 0 && delay < cap; ++i)
        delay *= 2;
    return std::chrono::milliseconds(std::min(delay, cap));
}

Result<HttpResponse> RetryingTransport::send(const HttpRequest &request, const CancelToken &cancel)
{
    for (int attempt = 0;; ++attempt) {
        Result<HttpResponse> result = m_inner->send(request, cancel);
        if (attempt >= m_policy.maxRetries)
            return result;

        std::chrono::milliseconds delay{0};
        if (!result.ok()) {
            const FailureClass failure = classify(result.error());
            if (failure == FailureClass::Permanent)
                return result;
            if (failure == FailureClass::OutcomeUnknown && !request.idempotent)
                return result;
            delay = fullJitter(backoffCeiling(m_policy, attempt));
        } else {
            const int status = result.value().status;
            // 429: the server refused before doing any work, so any method may be repeated.
            // 5xx: the server may have done part of the work; only idempotent requests are repeated.
            const bool retryable = status == 429 || (isRetryableServerStatus(status) && request.idempotent);
            if (!retryable)
                return result;
            if (const auto retryAfter = detail::parseRetryAfter(result.value().header("retry-after"))) {
                // Waiting longer than the caller allows is worse than reporting the refusal now.
                if (*retryAfter > m_policy.maxRetryAfter)
                    return result;
                delay = *retryAfter;
            } else {
                delay = fullJitter(backoffCeiling(m_policy, attempt));
            }
        }

        if (cancel.isCancelled() || !m_sleep(delay, cancel))
            return cancelledWhileWaiting(request, cancel);
    }
}

} // namespace modelgate
