#include "holding_relay.h"

#include <arpa/inet.h>
#include <cerrno>
#include <chrono>
#include <cstring>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <optional>
#include <poll.h>
#include <sys/eventfd.h>
#include <sys/socket.h>
#include <unistd.h>

#include <QUrl>

namespace modelgate::test {

namespace {

int connectToLoopback(std::uint16_t port)
{
    const int socket = ::socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
    if (socket < 0)
        return -1;
    sockaddr_in address{};
    address.sin_family = AF_INET;
    address.sin_port = htons(port);
    address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    if (::connect(socket, reinterpret_cast<const sockaddr *>(&address), sizeof address) != 0) {
        ::close(socket);
        return -1;
    }
    const int noDelay = 1;
    ::setsockopt(socket, IPPROTO_TCP, TCP_NODELAY, &noDelay, sizeof noDelay);
    return socket;
}

bool sendAll(int socket, const char *data, std::size_t size)
{
    while (size > 0) {
        const ssize_t sent = ::send(socket, data, size, MSG_NOSIGNAL);
        if (sent < 0 && errno == EINTR)
            continue;
        if (sent <= 0)
            return false;
        data += sent;
        size -= static_cast<std::size_t>(sent);
    }
    return true;
}

std::string lower(std::string text)
{
    for (char &c : text)
        if (c >= 'A' && c <= 'Z')
            c = static_cast<char>(c - 'A' + 'a');
    return text;
}

// The first complete request at the start of `buffer` and its length in bytes; nullopt while
// its headers or body are still coming.
std::optional<std::pair<RelayedRequest, std::size_t>> completeRequest(const std::string &buffer)
{
    const std::size_t headerEnd = buffer.find("\r\n\r\n");
    if (headerEnd == std::string::npos)
        return std::nullopt;
    const std::string head = buffer.substr(0, headerEnd);
    RelayedRequest request;
    const std::size_t lineEnd = head.find("\r\n");
    const std::string line = head.substr(0, lineEnd);
    const std::size_t space = line.find(' ');
    const std::size_t space2 = line.find(' ', space + 1);
    request.method = line.substr(0, space);
    request.path =
        line.substr(space + 1, space2 == std::string::npos ? std::string::npos : space2 - space - 1);
    std::size_t length = 0;
    const std::string headers = lower(head);
    if (const std::size_t at = headers.find("\r\ncontent-length:"); at != std::string::npos)
        length = std::strtoul(headers.c_str() + at + 17, nullptr, 10);
    const std::size_t total = headerEnd + 4 + length;
    if (buffer.size() < total)
        return std::nullopt;
    request.body = buffer.substr(headerEnd + 4, length);
    return std::pair{request, total};
}

} // namespace

HoldingRelay::~HoldingRelay()
{
    stop();
}

bool HoldingRelay::start(const QString &targetUri, Rule rule)
{
    stop();
    const QUrl target(targetUri);
    if (!target.isValid() || target.port() <= 0 ||
        (target.host() != QStringLiteral("127.0.0.1") && target.host() != QStringLiteral("localhost"))) {
        m_error = QStringLiteral("the relay needs a loopback URI with a port, not '%1'").arg(targetUri);
        return false;
    }
    m_targetPort = static_cast<std::uint16_t>(target.port());
    m_rule = std::move(rule);
    {
        std::lock_guard lock(m_mutex);
        m_held.clear();
        m_forwarded.clear();
    }
    m_wakeFd = ::eventfd(0, EFD_CLOEXEC | EFD_NONBLOCK);
    const int listener = ::socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
    sockaddr_in address{};
    address.sin_family = AF_INET;
    address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    socklen_t length = sizeof address;
    if (m_wakeFd < 0 || listener < 0 ||
        ::bind(listener, reinterpret_cast<sockaddr *>(&address), sizeof address) != 0 ||
        ::listen(listener, 128) != 0 ||
        ::getsockname(listener, reinterpret_cast<sockaddr *>(&address), &length) != 0) {
        m_error =
            QStringLiteral("the relay cannot listen: %1").arg(QString::fromLocal8Bit(std::strerror(errno)));
        if (listener >= 0)
            ::close(listener);
        if (m_wakeFd >= 0)
            ::close(m_wakeFd);
        m_wakeFd = -1;
        return false;
    }
    m_listenSocket = listener;
    QUrl relayed = target;
    relayed.setPort(ntohs(address.sin_port));
    m_uri = relayed.toString();
    m_acceptThread = std::thread([this] { acceptLoop(); });
    return true;
}

void HoldingRelay::stop()
{
    if (m_listenSocket < 0)
        return;
    const std::uint64_t one = 1;
    [[maybe_unused]] const auto written = ::write(m_wakeFd, &one, sizeof one);
    if (m_acceptThread.joinable())
        m_acceptThread.join();
    ::close(m_listenSocket);
    m_listenSocket = -1;
    {
        std::lock_guard lock(m_mutex);
        for (const int socket : m_openSockets)
            ::shutdown(socket, SHUT_RDWR);
    }
    std::vector<std::thread> threads;
    {
        std::lock_guard lock(m_mutex);
        threads.swap(m_connectionThreads);
    }
    for (auto &thread : threads)
        thread.join();
    ::close(m_wakeFd);
    m_wakeFd = -1;
}

bool HoldingRelay::waitUntilHolding(int timeoutMs)
{
    std::unique_lock lock(m_mutex);
    return m_holding.wait_for(lock, std::chrono::milliseconds(timeoutMs), [this] { return !m_held.empty(); });
}

std::string HoldingRelay::held() const
{
    std::lock_guard lock(m_mutex);
    return m_held;
}

std::vector<std::string> HoldingRelay::forwarded() const
{
    std::lock_guard lock(m_mutex);
    return m_forwarded;
}

bool HoldingRelay::admit(const RelayedRequest &request)
{
    std::lock_guard lock(m_mutex);
    if (!m_held.empty())
        return false;
    if (m_rule && m_rule(request)) {
        m_held = request.method + " " + request.path;
        m_holding.notify_all();
        return false;
    }
    m_forwarded.push_back(request.method + " " + request.path);
    return true;
}

void HoldingRelay::forgetAndClose(int socket)
{
    {
        std::lock_guard lock(m_mutex);
        m_openSockets.erase(socket);
    }
    ::close(socket);
}

void HoldingRelay::acceptLoop()
{
    for (;;) {
        pollfd fds[2] = {{m_listenSocket, POLLIN, 0}, {m_wakeFd, POLLIN, 0}};
        if (::poll(fds, 2, -1) < 0) {
            if (errno == EINTR)
                continue;
            return;
        }
        if (fds[1].revents != 0)
            return;
        const int client = ::accept4(m_listenSocket, nullptr, nullptr, SOCK_CLOEXEC);
        if (client < 0)
            continue;
        std::lock_guard lock(m_mutex);
        m_openSockets.insert(client);
        m_connectionThreads.emplace_back([this, client] { relay(client); });
    }
}

void HoldingRelay::relay(int client)
{
    const int upstream = connectToLoopback(m_targetPort);
    if (upstream < 0) {
        forgetAndClose(client);
        return;
    }
    {
        std::lock_guard lock(m_mutex);
        m_openSockets.insert(upstream);
    }
    std::string pending; // the client's bytes not yet forwarded
    bool holding = false;
    char buffer[64 * 1024];
    for (;;) {
        pollfd fds[3] = {{client, POLLIN, 0}, {upstream, POLLIN, 0}, {m_wakeFd, POLLIN, 0}};
        if (::poll(fds, 3, -1) < 0) {
            if (errno == EINTR)
                continue;
            break;
        }
        if (fds[2].revents != 0)
            break;
        if (fds[0].revents != 0) {
            const ssize_t received = ::recv(client, buffer, sizeof buffer, 0);
            if (received <= 0)
                break;
            if (holding)
                continue; // a held connection forwards nothing more
            pending.append(buffer, static_cast<std::size_t>(received));
            bool sent = true;
            while (auto request = completeRequest(pending)) {
                if (!admit(request->first)) {
                    holding = true;
                    pending.clear();
                    break;
                }
                sent = sendAll(upstream, pending.data(), request->second);
                pending.erase(0, request->second);
                if (!sent)
                    break;
            }
            if (!sent)
                break;
        }
        if (fds[1].revents != 0) {
            const ssize_t received = ::recv(upstream, buffer, sizeof buffer, 0);
            if (received <= 0 || !sendAll(client, buffer, static_cast<std::size_t>(received)))
                break;
        }
    }
    forgetAndClose(upstream);
    forgetAndClose(client);
}

} // namespace modelgate::test
