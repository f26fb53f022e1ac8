#include "modelgate/core/http/rest_call.h"

#include "http/http_internal.h"
#include "util/text.h"

#include <nlohmann/json.hpp>
#include <string_view>

namespace modelgate {

namespace {

const nlohmann::json *stringMember(const nlohmann::json &object, const char *key)
{
    const auto found = object.find(key);
    return found != object.end() && found->is_string() ? &*found : nullptr;
}

Error httpStatusError(const HttpResponse &response)
{
    Error error;
    error.kind = ErrorKind::HttpStatus;
    const std::string location = response.header("location");
    if (response.status >= 300 && response.status < 400 && !location.empty()) {
        // A redirect usually has no body: "(empty response body)" would not say what happened.
        // It is not followed so that credentials go only where they were sent.
        error.message = "redirected to " + text::cappedLine(detail::urlWithoutCredentials(location)) +
                        " (redirects are not followed; check the server URL)";
    } else {
        error.message = summarizeErrorBody(response.body);
    }
    return error;
}

} // namespace

FixedCredentials::FixedCredentials(Credentials credentials)
    : m_credentials(std::move(credentials))
{}

Result<HttpHeaders> FixedCredentials::authorization(const CancelToken &)
{
    HttpHeaders headers;
    switch (m_credentials.kind) {
    case AuthKind::None:
        break;
    case AuthKind::Basic:
        headers.emplace_back("Authorization",
                             "Basic " + base64Encode(m_credentials.username + ':' + m_credentials.secret));
        break;
    case AuthKind::Bearer:
        if (!m_credentials.secret.empty())
            headers.emplace_back("Authorization", "Bearer " + m_credentials.secret);
        break;
    }
    return headers;
}

std::string summarizeErrorBody(const std::string &body)
{
    const std::string trimmed = text::trimmed(body);
    if (trimmed.empty())
        return "(empty response body)";
    if (trimmed.front() == '<') {
        const std::string lower = text::asciiLower(trimmed.substr(0, 4096));
        for (const char *tag : {"title", "h1"}) {
            const std::string open = std::string("<") + tag;
            const std::size_t start = lower.find(open);
            const std::size_t contentStart = start == std::string::npos ? start : lower.find('>', start);
            const std::size_t end =
                lower.find(std::string("</") + tag, contentStart == std::string::npos ? 0 : contentStart);
            if (contentStart != std::string::npos && end != std::string::npos) {
                const std::string text =
                    text::trimmed(std::string_view(trimmed).substr(contentStart + 1, end - contentStart - 1));
                if (!text.empty())
                    return text::cappedLine(text);
            }
        }
    }
    if (trimmed.front() == '{') {
        const nlohmann::json parsed = nlohmann::json::parse(trimmed, nullptr, false);
        if (parsed.is_object()) {
            for (const char *key : {"message", "detail", "error"}) {
                if (const auto *value = stringMember(parsed, key))
                    return text::cappedLine(value->get<std::string>());
            }
            // Azure's shape: {"error": {"code": ..., "message": ...}}.
            const auto inner = parsed.find("error");
            if (inner != parsed.end() && inner->is_object()) {
                if (const auto *message = stringMember(*inner, "message"))
                    return text::cappedLine(message->get<std::string>());
            }
        }
    }
    return text::cappedLine(text::trimmed(std::string_view(trimmed).substr(0, trimmed.find('\n'))));
}

Error mlflowErrorBody(const HttpResponse &response)
{
    const nlohmann::json parsed = nlohmann::json::parse(response.body, nullptr, false);
    if (parsed.is_object()) {
        if (const auto *code = stringMember(parsed, "error_code")) {
            Error error = Error::of(ErrorKind::Api, {}, code->get<std::string>());
            if (const auto *message = stringMember(parsed, "message"))
                error.message = message->get<std::string>();
            return error;
        }
    }
    return httpStatusError(response);
}

Error armErrorBody(const HttpResponse &response)
{
    const nlohmann::json parsed = nlohmann::json::parse(response.body, nullptr, false);
    if (parsed.is_object()) {
        const auto inner = parsed.find("error");
        if (inner != parsed.end() && inner->is_object()) {
            Error error = Error::of(ErrorKind::Api, {});
            if (const auto *code = stringMember(*inner, "code"))
                error.code = code->get<std::string>();
            if (const auto *message = stringMember(*inner, "message"))
                error.message = message->get<std::string>();
            return error;
        }
    }
    return httpStatusError(response);
}

Result<std::string> sendRestRequest(const RestCall &call, HttpRequest request, const CancelToken &cancel)
{
    auto response = sendRestCall(call, std::move(request), cancel);
    if (!response.ok())
        return response.error();
    return std::move(response.value().body);
}

Result<HttpResponse> sendRestCall(const RestCall &call, HttpRequest request, const CancelToken &cancel)
{
    const std::string url = detail::urlWithoutCredentials(request.url);
    if (!call.transport)
        return Error::config("the client has no transport");
    if (cancel.isCancelled())
        return cancel.stoppedError(url);
    HttpHeaders content;
    content.emplace_back("Accept", call.accept);
    if (!request.body.empty() || request.method != HttpMethod::Get) {
        // Exactly this value: MLflow's basic-auth user endpoints reject any parameter (";charset").
        content.emplace_back("Content-Type", call.contentType);
    }
    const HttpHeaders callerHeaders = request.headers;
    for (int attempt = 0;; ++attempt) {
        request.headers.clear();
        if (call.credentials) {
            auto authorization = call.credentials->authorization(cancel);
            if (!authorization.ok())
                return authorization.error();
            request.headers = std::move(authorization).value();
        }
        request.headers.insert(request.headers.end(), content.begin(), content.end());
        request.headers.insert(request.headers.end(), callerHeaders.begin(), callerHeaders.end());

        auto response = call.transport->send(request, cancel);
        if (!response.ok()) {
            Error error = response.error();
            if (error.url.empty())
                error.url = url;
            return error;
        }
        HttpResponse &reply = response.value();
        if (reply.status >= 200 && reply.status < 300)
            return std::move(reply);
        // An expired token is renewed once; a refused password is not retried.
        if (reply.status == 401 && attempt == 0 && call.credentials &&
            call.credentials->refreshAfterUnauthorized())
            continue;
        Error error = call.mapError ? call.mapError(reply) : httpStatusError(reply);
        error.httpStatus = reply.status;
        error.url = url;
        return error;
    }
}

} // namespace modelgate
