#include "modelgate/core/http/long_running_operation.h"

#include "http/http_internal.h"
#include "modelgate/core/http/rest_call.h"
#include "util/text.h"

#include <algorithm>
#include <nlohmann/json.hpp>
#include <optional>

namespace modelgate {

namespace {

using Clock = std::chrono::steady_clock;

// "https://host:port" of a URL, lower-cased, without userinfo; empty if it has none.
std::string originOf(const std::string &url)
{
    const std::string clean = detail::urlWithoutCredentials(url);
    const auto schemeEnd = clean.find("://");
    if (schemeEnd == std::string::npos)
        return {};
    const auto authorityEnd = clean.find_first_of("/?#", schemeEnd + 3);
    return text::asciiLower(clean.substr(0, authorityEnd));
}

std::string firstLine(const std::string &text)
{
    std::string line = text::trimmed(text.substr(0, text.find('\n')));
    if (line.size() > 200)
        line = line.substr(0, 200) + "...";
    return line;
}

std::optional<std::string> stringField(const nlohmann::json &object, const char *key)
{
    const auto found = object.find(key);
    if (found == object.end() || !found->is_string())
        return std::nullopt;
    return found->get<std::string>();
}

enum class OperationState
{
    Running,
    Succeeded,
    Failed,
    Canceled,
};

OperationState stateOf(const std::string &status)
{
    // ARM words these in any case ("Succeeded", "succeeded"); anything else still runs
    // ("InProgress", "Running", "Accepted", "Creating", "Updating", "Deleting", ...).
    if (text::equalsIgnoringCase(status, "Succeeded"))
        return OperationState::Succeeded;
    if (text::equalsIgnoringCase(status, "Failed"))
        return OperationState::Failed;
    if (text::equalsIgnoringCase(status, "Canceled") || text::equalsIgnoringCase(status, "Cancelled"))
        return OperationState::Canceled;
    return OperationState::Running;
}

Error operationError(const nlohmann::json &status, OperationState state, const std::string &url)
{
    Error error = Error::of(ErrorKind::Api,
                            state == OperationState::Canceled ? "the operation was cancelled at the server"
                                                              : "the operation failed",
                            state == OperationState::Canceled ? "Canceled" : "OperationFailed");
    const auto found = status.find("error");
    if (found != status.end() && found->is_object()) {
        if (auto code = stringField(*found, "code"); code && !code->empty())
            error.code = *code;
        if (auto message = stringField(*found, "message"); message && !message->empty())
            error.message = *message;
    }
    error.url = detail::urlWithoutCredentials(url);
    return error;
}

Error stoppedWaiting(const CancelToken &cancel, const std::string &url)
{
    Error error = cancel.stoppedError(detail::urlWithoutCredentials(url));
    error.message = error.kind == ErrorKind::Cancelled
                        ? "stopped waiting; the operation goes on at the server (ARM cannot cancel it)"
                        : "the operation did not finish before its deadline; it goes on at the server";
    return error;
}

Error armError(const HttpResponse &response, const std::string &url)
{
    Error error = armErrorBody(response);
    error.httpStatus = response.status;
    error.url = detail::urlWithoutCredentials(url);
    return error;
}

} // namespace

Result<HttpResponse> pollUntilDone(HttpTransport &transport, const std::string &startUrl,
                                   const HttpResponse &started, const CancelToken &cancel,
                                   const OperationPollOptions &options,
                                   const OperationProgressCallback &onProgress)
{
    if (started.status != 201 && started.status != 202)
        return started.status >= 200 && started.status < 300
                   ? Result<HttpResponse>(started)
                   : Result<HttpResponse>(armError(started, startUrl));
    std::string asyncOperation = started.header("azure-asyncoperation");
    std::string location = started.header("location");
    if (asyncOperation.empty() && location.empty())
        return started; // 201 with the resource: provisioning is followed on the resource itself
    const bool viaStatusResource = !asyncOperation.empty();
    std::string pollUrl = viaStatusResource ? asyncOperation : location;

    const std::string origin = originOf(startUrl);
    const auto startedAt = Clock::now();
    OperationProgress progress;
    HttpResponse last = started;
    for (;;) {
        if (originOf(pollUrl) != origin)
            return Error::parse(viaStatusResource ? "Azure-AsyncOperation" : "Location",
                                "the server's poll URL points to another host than the request; credentials "
                                "are sent only to " +
                                    origin);
        const auto wait =
            std::clamp(detail::parseRetryAfter(last.header("retry-after")).value_or(options.defaultInterval),
                       options.minInterval, options.maxInterval);
        progress.nextPollIn = wait;
        if (onProgress && progress.polls > 0)
            onProgress(progress);
        if (!sleepUnlessCancelled(wait, cancel))
            return stoppedWaiting(cancel, pollUrl);

        HttpRequest poll;
        poll.url = pollUrl;
        if (options.headers)
            poll.headers = options.headers();
        auto answered = transport.send(poll, cancel);
        if (!answered.ok()) {
            if (cancel.isCancelled())
                return stoppedWaiting(cancel, pollUrl);
            return answered.error();
        }
        last = std::move(answered).value();
        ++progress.polls;
        progress.elapsed = std::chrono::duration_cast<std::chrono::milliseconds>(Clock::now() - startedAt);
        if (last.status < 200 || last.status >= 300)
            return armError(last, pollUrl);

        if (viaStatusResource) {
            const auto status = nlohmann::json::parse(last.body, nullptr, false);
            const auto word = status.is_object() ? stringField(status, "status") : std::nullopt;
            if (!word)
                return Error::parse("status", "the operation's status resource has no 'status': \"" +
                                                  firstLine(last.body) + '"');
            progress.status = *word;
            switch (stateOf(*word)) {
            case OperationState::Succeeded:
                break;
            case OperationState::Failed:
            case OperationState::Canceled:
                return operationError(status, stateOf(*word), pollUrl);
            case OperationState::Running:
                continue;
            }
        } else if (last.status == 202) {
            progress.status = "InProgress";
            if (const std::string next = last.header("location"); !next.empty())
                pollUrl = next;
            continue;
        } else {
            progress.status = "Succeeded";
        }
        progress.nextPollIn = std::chrono::milliseconds(0);
        if (onProgress)
            onProgress(progress);
        return last;
    }
}

} // namespace modelgate
