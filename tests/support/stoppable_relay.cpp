#include "stoppable_relay.h"

#include <arpa/inet.h>
#include <cerrno>
#include <chrono>
#include <cstdlib>
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

// Writes all of `data` unless the peer or stop() ends the connection first.
bool sendAll(int socket, const char *data, ssize_t size)
{
    while (size > 0) {
        const ssize_t sent = ::send(socket, data, static_cast<std::size_t>(size), MSG_NOSIGNAL);
        if (sent < 0 && errno == EINTR)
            continue;
        if (sent <= 0)
            return false;
        data += sent;
        size -= sent;
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
    const std::string line = head.substr(0, head.find("\r\n"));
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

StoppableRelay::~StoppableRelay()
{
    stop();
}

bool StoppableRelay::start(const QString &targetUri, HoldRule holdRule)
{
    stop();
    m_holdRule = std::move(holdRule);
    {
        std::lock_guard lock(m_mutex);
        m_held.clear();
        m_forwarded.clear();
    }
    const QUrl target(targetUri);
    const QString host = target.host();
    if (!target.isValid() || target.port() <= 0 ||
        (host != QStringLiteral("127.0.0.1") && host != QStringLiteral("localhost"))) {
        m_error = QStringLiteral("the relay needs a loopback URI with a port, not '%1'").arg(targetUri);
        return false;
    }
    m_targetPort = static_cast<std::uint16_t>(target.port());
    if (!listenOn(0))
        return false;
    QUrl relayed = target;
    relayed.setPort(m_port);
    m_uri = relayed.toString();
    return true;
}

bool StoppableRelay::restart()
{
    if (m_port == 0) {
        m_error = QStringLiteral("restart() needs a relay started before");
        return false;
    }
    stop();
    return listenOn(m_port);
}

bool StoppableRelay::listenOn(std::uint16_t port)
{
    m_error.clear();
    m_wakeFd = ::eventfd(0, EFD_CLOEXEC | EFD_NONBLOCK);
    const int listener = ::socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
    const int reuse = 1;
    sockaddr_in address{};
    address.sin_family = AF_INET;
    address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    address.sin_port = htons(port); // 0 the first time: the kernel picks a free port
    socklen_t length = sizeof address;
    if (m_wakeFd < 0 || listener < 0 ||
        ::setsockopt(listener, SOL_SOCKET, SO_REUSEADDR, &reuse, sizeof reuse) != 0 ||
        ::bind(listener, reinterpret_cast<sockaddr *>(&address), sizeof address) != 0 ||
        ::listen(listener, 128) != 0 ||
        ::getsockname(listener, reinterpret_cast<sockaddr *>(&address), &length) != 0) {
        m_error = QStringLiteral("the relay cannot listen on 127.0.0.1:%1: %2")
                      .arg(port)
                      .arg(QString::fromLocal8Bit(std::strerror(errno)));
        if (listener >= 0)
            ::close(listener);
        if (m_wakeFd >= 0)
            ::close(m_wakeFd);
        m_wakeFd = -1;
        return false;
    }
    m_port = ntohs(address.sin_port);
    m_listenSocket = listener;
    m_acceptThread = std::thread([this] { acceptLoop(); });
    return true;
}

void StoppableRelay::stop()
{
    if (m_listenSocket < 0)
        return;
    const std::uint64_t one = 1;
    // The eventfd stays readable from now on: every poll in every thread returns.
    [[maybe_unused]] const auto written = ::write(m_wakeFd, &one, sizeof one);
    if (m_acceptThread.joinable())
        m_acceptThread.join();
    ::close(m_listenSocket); // from here on a connect is refused
    m_listenSocket = -1;
    {
        // Cuts connections whose thread waits in send() rather than in poll().
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

void StoppableRelay::remember(int socket)
{
    std::lock_guard lock(m_mutex);
    m_openSockets.insert(socket);
}

void StoppableRelay::forgetAndClose(int socket)
{
    {
        std::lock_guard lock(m_mutex);
        m_openSockets.erase(socket);
    }
    ::close(socket);
}

bool StoppableRelay::waitUntilHolding(int timeoutMs)
{
    std::unique_lock lock(m_mutex);
    return m_holding.wait_for(lock, std::chrono::milliseconds(timeoutMs), [this] { return !m_held.empty(); });
}

std::string StoppableRelay::held() const
{
    std::lock_guard lock(m_mutex);
    return m_held;
}

std::vector<std::string> StoppableRelay::forwarded() const
{
    std::lock_guard lock(m_mutex);
    return m_forwarded;
}

bool StoppableRelay::admit(const RelayedRequest &request)
{
    std::lock_guard lock(m_mutex);
    if (!m_held.empty())
        return false;
    if (m_holdRule(request)) {
        m_held = request.method + " " + request.path;
        m_holding.notify_all();
        return false;
    }
    m_forwarded.push_back(request.method + " " + request.path);
    return true;
}

void StoppableRelay::acceptLoop()
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

void StoppableRelay::relay(int client)
{
    const int upstream = connectToLoopback(m_targetPort);
    if (upstream < 0) {
        forgetAndClose(client); // the target is down: the client sees the connection end
        return;
    }
    remember(upstream);
    std::string pending; // with a hold rule: the client's bytes not yet forwarded
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
        // Either side closing ends the exchange: HTTP needs no half-closed connections.
        if (fds[0].revents != 0) {
            const ssize_t received = ::recv(client, buffer, sizeof buffer, 0);
            if (received <= 0)
                break;
            if (!m_holdRule) {
                if (!sendAll(upstream, buffer, received))
                    break;
            } else if (!holding) { // a held connection forwards nothing more
                pending.append(buffer, static_cast<std::size_t>(received));
                bool sent = true;
                while (auto request = completeRequest(pending)) {
                    if (!admit(request->first)) {
                        holding = true;
                        pending.clear();
                        break;
                    }
                    sent = sendAll(upstream, pending.data(), static_cast<ssize_t>(request->second));
                    pending.erase(0, request->second);
                    if (!sent)
                        break;
                }
                if (!sent)
                    break;
            }
        }
        if (fds[1].revents != 0) {
            const ssize_t received = ::recv(upstream, buffer, sizeof buffer, 0);
            if (received <= 0 || !sendAll(client, buffer, received))
                break;
        }
    }
    forgetAndClose(upstream);
    forgetAndClose(client);
}

} // namespace modelgate::test
