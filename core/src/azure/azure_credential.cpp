#include "modelgate/core/azure/azure_credential.h"

#include "util/text.h"

#include <cerrno>
#include <csignal>
#include <ctime>
#include <fcntl.h>
#include <nlohmann/json.hpp>
#include <poll.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

extern char **environ;

namespace modelgate {

namespace {

using json = nlohmann::json;

std::int64_t unixNow()
{
    return std::chrono::duration_cast<std::chrono::seconds>(
               std::chrono::system_clock::now().time_since_epoch())
        .count();
}

// Entra ID's {"error": "invalid_client", "error_description": "AADSTS7000215: ..."}.
Error entraErrorBody(const HttpResponse &response)
{
    const json parsed = json::parse(response.body, nullptr, false);
    if (parsed.is_object()) {
        const auto code = parsed.find("error");
        if (code != parsed.end() && code->is_string()) {
            Error error = Error::of(ErrorKind::Api, {}, code->get<std::string>());
            const auto description = parsed.find("error_description");
            if (description != parsed.end() && description->is_string()) {
                const std::string text = description->get<std::string>();
                error.message = text::cappedLine(text.substr(0, text.find_first_of("\r\n")), 400);
            }
            return error;
        }
    }
    return armErrorBody(response);
}

std::string resourceOfScope(const std::string &scope)
{
    std::string resource = scope;
    const std::string suffix = "/.default";
    if (resource.size() > suffix.size() &&
        resource.compare(resource.size() - suffix.size(), suffix.size(), suffix) == 0)
        resource.resize(resource.size() - suffix.size());
    return resource;
}

struct CommandOutput
{
    int exitCode = -1;
    std::string out;
    std::string err;
};

// Runs `argv` without a shell, capturing stdout and stderr; stopped (SIGKILL) on cancel or timeout.
Result<CommandOutput> runCapturing(const std::vector<std::string> &argv, std::chrono::milliseconds timeout,
                                   const CancelToken &cancel)
{
    int outPipe[2];
    int errPipe[2];
    if (pipe2(outPipe, O_CLOEXEC) != 0)
        return Error::config(std::string("cannot create a pipe: ") + std::strerror(errno));
    if (pipe2(errPipe, O_CLOEXEC) != 0) {
        close(outPipe[0]);
        close(outPipe[1]);
        return Error::config(std::string("cannot create a pipe: ") + std::strerror(errno));
    }
    posix_spawn_file_actions_t actions;
    posix_spawn_file_actions_init(&actions);
    posix_spawn_file_actions_adddup2(&actions, outPipe[1], STDOUT_FILENO);
    posix_spawn_file_actions_adddup2(&actions, errPipe[1], STDERR_FILENO);
    posix_spawn_file_actions_addopen(&actions, STDIN_FILENO, "/dev/null", O_RDONLY, 0);
    std::vector<char *> args;
    for (const auto &arg : argv)
        args.push_back(const_cast<char *>(arg.c_str()));
    args.push_back(nullptr);
    pid_t pid = 0;
    const int spawned = posix_spawnp(&pid, args[0], &actions, nullptr, args.data(), environ);
    posix_spawn_file_actions_destroy(&actions);
    close(outPipe[1]);
    close(errPipe[1]);
    if (spawned != 0) {
        close(outPipe[0]);
        close(errPipe[0]);
        if (spawned == ENOENT)
            return Error::config("the Azure CLI (" + argv[0] + ") is not installed or not on PATH");
        return Error::config("cannot run " + argv[0] + ": " + std::strerror(spawned));
    }

    CommandOutput output;
    const auto deadline = std::chrono::steady_clock::now() + timeout;
    pollfd fds[2] = {{outPipe[0], POLLIN, 0}, {errPipe[0], POLLIN, 0}};
    int open = 2;
    bool stopped = false;
    while (open > 0) {
        if (cancel.isCancelled() || std::chrono::steady_clock::now() > deadline) {
            kill(pid, SIGKILL);
            stopped = true;
            break;
        }
        if (poll(fds, 2, 100) < 0 && errno != EINTR)
            break;
        for (int i = 0; i < 2; ++i) {
            if (fds[i].fd < 0 || (fds[i].revents & (POLLIN | POLLHUP | POLLERR)) == 0)
                continue;
            char buffer[4096];
            const ssize_t got = read(fds[i].fd, buffer, sizeof buffer);
            if (got > 0) {
                std::string &sink = i == 0 ? output.out : output.err;
                if (sink.size() < (1u << 20))
                    sink.append(buffer, static_cast<std::size_t>(got));
            } else if (got == 0 || errno != EINTR) {
                close(fds[i].fd);
                fds[i].fd = -1;
                --open;
            }
        }
    }
    for (auto &fd : fds) {
        if (fd.fd >= 0)
            close(fd.fd);
    }
    int status = 0;
    while (waitpid(pid, &status, 0) < 0 && errno == EINTR) {
    }
    if (stopped)
        return cancel.isCancelled() ? cancel.stoppedError()
                                    : Error::of(ErrorKind::Transport,
                                                argv[0] + " did not answer within " +
                                                    std::to_string(timeout.count() / 1000) + " s",
                                                "deadline_exceeded");
    output.exitCode = WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
    return output;
}

// "2026-12-04 16:05:00.000000" in local time (older Azure CLIs give only this).
std::optional<std::int64_t> parseLocalDateTime(const std::string &text)
{
    std::tm tm{};
    if (strptime(text.c_str(), "%Y-%m-%d %H:%M:%S", &tm) == nullptr)
        return std::nullopt;
    tm.tm_isdst = -1;
    const std::time_t seconds = std::mktime(&tm);
    if (seconds == static_cast<std::time_t>(-1))
        return std::nullopt;
    return static_cast<std::int64_t>(seconds);
}

} // namespace

ClientSecretTokenSource::ClientSecretTokenSource(ClientSecretSettings settings,
                                                 std::shared_ptr<HttpTransport> transport)
    : m_settings(std::move(settings))
    , m_transport(std::move(transport))
{}

std::string ClientSecretTokenSource::describe() const
{
    return "service principal " + m_settings.clientId + " in tenant " + m_settings.tenantId;
}

Result<AccessToken> ClientSecretTokenSource::fetch(const std::string &scope, const CancelToken &cancel)
{
    if (m_settings.tenantId.empty())
        return Error::config("no tenant to sign in to: set AZURE_TENANT_ID");
    if (m_settings.clientId.empty())
        return Error::config("no service principal: set AZURE_CLIENT_ID");
    if (m_settings.clientSecret.empty())
        return Error::config("no client secret for service principal " + m_settings.clientId +
                             ": set AZURE_CLIENT_SECRET");
    std::string authority = m_settings.authorityHost;
    while (!authority.empty() && authority.back() == '/')
        authority.pop_back();

    HttpRequest request;
    request.method = HttpMethod::Post;
    request.url = authority + '/' + urlEncode(m_settings.tenantId) + "/oauth2/v2.0/token";
    request.body = "client_id=" + urlEncode(m_settings.clientId) + "&scope=" + urlEncode(scope) +
                   "&client_secret=" + urlEncode(m_settings.clientSecret) + "&grant_type=client_credentials";
    request.idempotent = true; // asking again only issues another token
    RestCall call;
    call.transport = m_transport.get();
    call.mapError = entraErrorBody;
    call.contentType = "application/x-www-form-urlencoded";
    auto body = sendRestRequest(call, std::move(request), cancel);
    if (!body.ok())
        return body.error();
    return parseTokenResponse(body.value(), unixNow());
}

AzureCliTokenSource::AzureCliTokenSource(std::string executable, std::chrono::milliseconds timeout)
    : m_executable(std::move(executable))
    , m_timeout(timeout)
{}

std::string AzureCliTokenSource::describe() const
{
    return "the Azure CLI's signed-in account";
}

Result<AccessToken> AzureCliTokenSource::fetch(const std::string &scope, const CancelToken &cancel)
{
    auto ran = runCapturing({m_executable, "account", "get-access-token", "--resource",
                             resourceOfScope(scope), "--output", "json"},
                            m_timeout, cancel);
    if (!ran.ok())
        return ran.error();
    if (ran->exitCode != 0) {
        std::string reason = text::trimmed(ran->err);
        reason = reason.substr(0, reason.find('\n'));
        return Error::config("the Azure CLI gave no token (exit " + std::to_string(ran->exitCode) +
                             "): " + text::cappedLine(reason.empty() ? "no message" : reason, 300));
    }
    return parseAzureCliToken(ran->out);
}

Result<AccessToken> parseAzureCliToken(const std::string &text)
{
    const json parsed = json::parse(text, nullptr, false);
    if (!parsed.is_object())
        return Error::parse("", "the Azure CLI's output is not a JSON object");
    const auto token = parsed.find("accessToken");
    if (token == parsed.end() || !token->is_string() || token->get<std::string>().empty())
        return Error::parse("accessToken", "the Azure CLI's output has no access token");
    AccessToken result;
    result.token = token->get<std::string>();
    const auto posix = parsed.find("expires_on");
    if (posix != parsed.end() && posix->is_number_integer()) {
        result.expiresOn = posix->get<std::int64_t>();
    } else if (posix != parsed.end() && posix->is_string()) {
        result.expiresOn = std::strtoll(posix->get<std::string>().c_str(), nullptr, 10);
    } else {
        const auto local = parsed.find("expiresOn");
        if (local == parsed.end() || !local->is_string())
            return Error::parse("expires_on", "the Azure CLI's output does not say when the token expires");
        const auto seconds = parseLocalDateTime(local->get<std::string>());
        if (!seconds)
            return Error::parse("expiresOn",
                                "unreadable expiry: " + text::cappedLine(local->get<std::string>()));
        result.expiresOn = *seconds;
    }
    if (result.expiresOn <= 0)
        return Error::parse("expires_on", "the Azure CLI's token has no valid expiry");
    return result;
}

Result<AccessToken> parseTokenResponse(const std::string &text, std::int64_t nowUnixSeconds)
{
    const json parsed = json::parse(text, nullptr, false);
    if (!parsed.is_object())
        return Error::parse("", "the token endpoint's answer is not a JSON object");
    const auto token = parsed.find("access_token");
    if (token == parsed.end() || !token->is_string() || token->get<std::string>().empty())
        return Error::parse("access_token", "the token endpoint's answer has no access token");
    const auto expiresIn = parsed.find("expires_in");
    std::int64_t seconds = 0;
    if (expiresIn != parsed.end() && expiresIn->is_number_integer())
        seconds = expiresIn->get<std::int64_t>();
    else if (expiresIn != parsed.end() && expiresIn->is_string()) // v1 endpoints send a string
        seconds = std::strtoll(expiresIn->get<std::string>().c_str(), nullptr, 10);
    if (seconds <= 0 || seconds > 7 * 24 * 3600)
        return Error::parse("expires_in", "the token endpoint's answer has no valid lifetime");
    return AccessToken{token->get<std::string>(), nowUnixSeconds + seconds};
}

AzureCredential::AzureCredential(std::shared_ptr<TokenSource> source, std::string scope,
                                 std::chrono::seconds refreshMargin)
    : m_source(std::move(source))
    , m_scope(std::move(scope))
    , m_refreshMargin(refreshMargin)
{}

Result<std::string> AzureCredential::token(const CancelToken &cancel)
{
    std::lock_guard lock(m_mutex);
    // A token about to expire is renewed before use: one that expires in flight gets a 401.
    // A short-lived token (a test's) is renewed in its last quarter rather than at once.
    const std::int64_t margin =
        std::min<std::int64_t>(m_refreshMargin.count(), (m_cached.expiresOn - m_fetchedAt) / 4);
    if (!m_cached.token.empty() && unixNow() + margin < m_cached.expiresOn)
        return m_cached.token;
    auto fetched = m_source->fetch(m_scope, cancel);
    if (!fetched.ok())
        return fetched.error();
    ++m_fetches;
    m_fetchedAt = unixNow();
    m_cached = std::move(fetched).value();
    return m_cached.token;
}

Result<HttpHeaders> AzureCredential::authorization(const CancelToken &cancel)
{
    auto current = token(cancel);
    if (!current.ok())
        return current.error();
    return HttpHeaders{{"Authorization", "Bearer " + current.value()}};
}

bool AzureCredential::refreshAfterUnauthorized()
{
    std::lock_guard lock(m_mutex);
    m_cached = {};
    return true;
}

int AzureCredential::fetches() const
{
    std::lock_guard lock(m_mutex);
    return m_fetches;
}

} // namespace modelgate
