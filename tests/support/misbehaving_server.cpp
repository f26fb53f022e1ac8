#include "misbehaving_server.h"

#include <algorithm>
#include <arpa/inet.h>
#include <cctype>
#include <cerrno>
#include <charconv>
#include <cstring>
#include <fcntl.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <openssl/err.h>
#include <openssl/evp.h>
#include <openssl/pem.h>
#include <openssl/ssl.h>
#include <openssl/x509v3.h>
#include <poll.h>
#include <pthread.h>
#include <signal.h>
#include <sys/eventfd.h>
#include <sys/socket.h>
#include <unistd.h>
#include <zlib.h>

namespace modelgate::test {

namespace {

std::string lower(std::string text)
{
    std::transform(text.begin(), text.end(), text.begin(),
                   [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    return text;
}

std::string trim(const std::string &text)
{
    const auto first = text.find_first_not_of(" \t");
    if (first == std::string::npos)
        return {};
    return text.substr(first, text.find_last_not_of(" \t") - first + 1);
}

const char *reasonPhrase(int status)
{
    switch (status) {
    case 200:
        return "OK";
    case 201:
        return "Created";
    case 204:
        return "No Content";
    case 400:
        return "Bad Request";
    case 401:
        return "Unauthorized";
    case 403:
        return "Forbidden";
    case 404:
        return "Not Found";
    case 429:
        return "Too Many Requests";
    case 500:
        return "Internal Server Error";
    case 502:
        return "Bad Gateway";
    case 503:
        return "Service Unavailable";
    case 504:
        return "Gateway Timeout";
    default:
        return "Status";
    }
}

std::string gzipCompress(const std::string &data)
{
    z_stream stream{};
    // windowBits 15 + 16: write a gzip header and trailer rather than a zlib one.
    if (deflateInit2(&stream, Z_BEST_COMPRESSION, Z_DEFLATED, 15 + 16, 8, Z_DEFAULT_STRATEGY) != Z_OK)
        return {};
    std::string compressed(deflateBound(&stream, uLong(data.size())) + 32, '\0');
    stream.next_in = reinterpret_cast<Bytef *>(const_cast<char *>(data.data()));
    stream.avail_in = uInt(data.size());
    stream.next_out = reinterpret_cast<Bytef *>(compressed.data());
    stream.avail_out = uInt(compressed.size());
    const int status = deflate(&stream, Z_FINISH);
    compressed.resize(stream.total_out);
    deflateEnd(&stream);
    return status == Z_STREAM_END ? compressed : std::string();
}

} // namespace

// ---- Behaviour ----------------------------------------------------------------------

Behaviour Behaviour::respond(int status, std::string body, HeaderList headers)
{
    Behaviour behaviour;
    behaviour.status = status;
    behaviour.body = std::move(body);
    behaviour.headers = std::move(headers);
    return behaviour;
}

Behaviour Behaviour::respondAfter(std::chrono::milliseconds delay, int status, std::string body,
                                  HeaderList headers)
{
    Behaviour behaviour = respond(status, std::move(body), std::move(headers));
    behaviour.delay = delay;
    return behaviour;
}

Behaviour Behaviour::echo()
{
    Behaviour behaviour;
    behaviour.kind = Kind::Echo;
    return behaviour;
}

Behaviour Behaviour::reset()
{
    Behaviour behaviour;
    behaviour.kind = Kind::Reset;
    return behaviour;
}

Behaviour Behaviour::closeWithoutResponse()
{
    Behaviour behaviour;
    behaviour.kind = Kind::CloseWithoutResponse;
    return behaviour;
}

Behaviour Behaviour::stall()
{
    Behaviour behaviour;
    behaviour.kind = Kind::Stall;
    return behaviour;
}

Behaviour Behaviour::truncate(int status, std::string body, std::size_t declaredLength)
{
    Behaviour behaviour = respond(status, std::move(body));
    behaviour.kind = Kind::Truncate;
    behaviour.declaredLength = declaredLength;
    return behaviour;
}

Behaviour Behaviour::slowDrip(int status, std::string body, std::chrono::milliseconds interval)
{
    Behaviour behaviour = respond(status, std::move(body));
    behaviour.kind = Kind::SlowDrip;
    behaviour.dripInterval = interval;
    return behaviour;
}

Behaviour Behaviour::resetMidBody(int status, std::string body, std::size_t declaredLength)
{
    Behaviour behaviour = truncate(status, std::move(body), declaredLength);
    behaviour.kind = Kind::ResetMidBody;
    return behaviour;
}

Behaviour Behaviour::flood(int status, std::size_t bytes)
{
    Behaviour behaviour = respond(status);
    behaviour.kind = Kind::Flood;
    behaviour.declaredLength = bytes;
    return behaviour;
}

Behaviour &Behaviour::withHeader(std::string name, std::string value)
{
    headers.emplace_back(std::move(name), std::move(value));
    return *this;
}

Behaviour &Behaviour::gzipped()
{
    gzip = true;
    return *this;
}

Behaviour &Behaviour::closingConnection()
{
    closeAfter = true;
    return *this;
}

// ---- RecordedRequest ----------------------------------------------------------------

std::string RecordedRequest::header(const std::string &name) const
{
    const std::string wanted = lower(name);
    for (const auto &[headerName, value] : headers) {
        if (lower(headerName) == wanted)
            return value;
    }
    return {};
}

bool RecordedRequest::hasHeader(const std::string &name) const
{
    const std::string wanted = lower(name);
    return std::any_of(headers.begin(), headers.end(),
                       [&](const auto &header) { return lower(header.first) == wanted; });
}

// ---- TLS ------------------------------------------------------------------------------

struct MisbehavingServer::TlsContext
{
    SSL_CTX *context = nullptr;
    std::string certificatePem;

    ~TlsContext() { SSL_CTX_free(context); }

    // A self-signed certificate for 127.0.0.1/localhost with a fresh P-256 key: nothing
    // secret is kept in the repository, and each run gets its own.
    bool create(std::string &error)
    {
        EVP_PKEY *key = EVP_EC_gen("P-256");
        X509 *certificate = X509_new();
        bool ok = key && certificate;
        if (ok) {
            X509_set_version(certificate, 2);
            ASN1_INTEGER_set(X509_get_serialNumber(certificate), long(::getpid()));
            X509_gmtime_adj(X509_getm_notBefore(certificate), -3600);
            X509_gmtime_adj(X509_getm_notAfter(certificate), 24 * 3600);
            X509_set_pubkey(certificate, key);
            X509_NAME *name = X509_get_subject_name(certificate);
            X509_NAME_add_entry_by_txt(name, "CN", MBSTRING_ASC,
                                       reinterpret_cast<const unsigned char *>("127.0.0.1"), -1, -1, 0);
            X509_set_issuer_name(certificate, name);
            X509V3_CTX extensionContext;
            X509V3_set_ctx_nodb(&extensionContext);
            X509V3_set_ctx(&extensionContext, certificate, certificate, nullptr, nullptr, 0);
            const std::pair<int, const char *> extensions[] = {
                {NID_subject_alt_name, "IP:127.0.0.1,DNS:localhost"},
                {NID_basic_constraints, "critical,CA:TRUE"},
                {NID_subject_key_identifier, "hash"},
            };
            for (const auto &[nid, value] : extensions) {
                X509_EXTENSION *extension =
                    X509V3_EXT_conf_nid(nullptr, &extensionContext, nid, const_cast<char *>(value));
                ok = ok && extension && X509_add_ext(certificate, extension, -1) == 1;
                X509_EXTENSION_free(extension);
            }
            ok = ok && X509_sign(certificate, key, EVP_sha256()) > 0;
        }
        if (ok) {
            context = SSL_CTX_new(TLS_server_method());
            ok = context && SSL_CTX_use_certificate(context, certificate) == 1 &&
                 SSL_CTX_use_PrivateKey(context, key) == 1;
        }
        if (ok) {
            BIO *pem = BIO_new(BIO_s_mem());
            ok = pem && PEM_write_bio_X509(pem, certificate) == 1;
            char *data = nullptr;
            const long length = ok ? BIO_get_mem_data(pem, &data) : 0;
            certificatePem.assign(data ? data : "", std::size_t(std::max(0L, length)));
            BIO_free(pem);
        }
        if (!ok)
            error = "could not create the TLS certificate";
        X509_free(certificate);
        EVP_PKEY_free(key);
        return ok;
    }
};

// ---- Connection -----------------------------------------------------------------------

// One accepted socket (non-blocking), optionally wrapped in TLS. Every wait also watches the
// server's wake fd, so any blocking step ends as soon as the server stops.
class MisbehavingServer::Connection
{
public:
    Connection(int socket, int wakeFd)
        : m_socket(socket)
        , m_wakeFd(wakeFd)
    {
        ::fcntl(m_socket, F_SETFL, ::fcntl(m_socket, F_GETFL) | O_NONBLOCK);
    }
    Connection(const Connection &) = delete;
    Connection &operator=(const Connection &) = delete;
    ~Connection() { close(); }

    bool startTls(SSL_CTX *context)
    {
        m_ssl = SSL_new(context);
        if (!m_ssl)
            return false;
        SSL_set_fd(m_ssl, m_socket);
        for (;;) {
            const int result = SSL_accept(m_ssl);
            if (result == 1)
                return true;
            if (!waitForSsl(result))
                return false;
        }
    }

    // Bytes read (> 0), or 0 when the peer closed, the read failed or the server is stopping.
    std::size_t readSome(char *buffer, std::size_t size)
    {
        for (;;) {
            if (m_ssl) {
                const int result = SSL_read(m_ssl, buffer, int(size));
                if (result > 0)
                    return std::size_t(result);
                if (!waitForSsl(result))
                    return 0;
            } else {
                const ssize_t result = ::recv(m_socket, buffer, size, 0);
                if (result > 0)
                    return std::size_t(result);
                if (result == 0 || (errno != EAGAIN && errno != EWOULDBLOCK && errno != EINTR))
                    return 0;
                if (!waitFor(POLLIN, -1))
                    return 0;
            }
        }
    }

    bool writeAll(const std::string &data)
    {
        std::size_t written = 0;
        while (written < data.size()) {
            if (m_ssl) {
                const int result = SSL_write(m_ssl, data.data() + written, int(data.size() - written));
                if (result > 0)
                    written += std::size_t(result);
                else if (!waitForSsl(result))
                    return false;
            } else {
                const ssize_t result =
                    ::send(m_socket, data.data() + written, data.size() - written, MSG_NOSIGNAL);
                if (result > 0)
                    written += std::size_t(result);
                else if (errno != EAGAIN && errno != EWOULDBLOCK && errno != EINTR)
                    return false;
                else if (!waitFor(POLLOUT, -1))
                    return false;
            }
        }
        return true;
    }

    // Waits for `duration` (forever when negative); false if the server stopped meanwhile.
    bool sleepFor(std::chrono::milliseconds duration)
    {
        pollfd wake{m_wakeFd, POLLIN, 0};
        const int timeout = duration.count() < 0 ? -1 : int(duration.count());
        int result;
        do {
            result = ::poll(&wake, 1, timeout);
        } while (result < 0 && errno == EINTR);
        return result == 0;
    }

    // Drops the connection with a TCP RST instead of a FIN.
    void reset()
    {
        const linger abortive{1, 0};
        ::setsockopt(m_socket, SOL_SOCKET, SO_LINGER, &abortive, sizeof abortive);
        SSL_free(m_ssl); // no close_notify: the point is an abrupt end
        m_ssl = nullptr;
        close();
    }

    void close()
    {
        if (m_ssl) {
            SSL_shutdown(m_ssl);
            SSL_free(m_ssl);
            m_ssl = nullptr;
        }
        if (m_socket >= 0) {
            ::close(m_socket);
            m_socket = -1;
        }
    }

private:
    bool waitFor(short events, int timeoutMs)
    {
        pollfd fds[2] = {{m_socket, events, 0}, {m_wakeFd, POLLIN, 0}};
        int result;
        do {
            result = ::poll(fds, 2, timeoutMs);
        } while (result < 0 && errno == EINTR);
        return result > 0 && fds[1].revents == 0;
    }

    bool waitForSsl(int result)
    {
        switch (SSL_get_error(m_ssl, result)) {
        case SSL_ERROR_WANT_READ:
            return waitFor(POLLIN, -1);
        case SSL_ERROR_WANT_WRITE:
            return waitFor(POLLOUT, -1);
        default:
            ERR_clear_error();
            return false;
        }
    }

    int m_socket;
    int m_wakeFd;
    SSL *m_ssl = nullptr;
};

// ---- MisbehavingServer ------------------------------------------------------------------

MisbehavingServer::MisbehavingServer()
    : MisbehavingServer(Options{})
{}

MisbehavingServer::MisbehavingServer(Options options)
    : m_options(options)
    , m_defaultBehaviour(Behaviour::respond(200, "ok"))
{
    if (m_options.tls) {
        m_tls = std::make_unique<TlsContext>();
        if (!m_tls->create(m_error))
            return;
    }
    m_wakeFd = ::eventfd(0, EFD_CLOEXEC | EFD_NONBLOCK);
    m_listenSocket = ::socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
    if (m_wakeFd < 0 || m_listenSocket < 0) {
        m_error = std::string("socket: ") + std::strerror(errno);
        return;
    }
    sockaddr_in address{};
    address.sin_family = AF_INET;
    address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    address.sin_port = 0; // the kernel picks a free port: tests never collide
    socklen_t length = sizeof address;
    if (::bind(m_listenSocket, reinterpret_cast<sockaddr *>(&address), sizeof address) != 0 ||
        ::listen(m_listenSocket, 128) != 0 ||
        ::getsockname(m_listenSocket, reinterpret_cast<sockaddr *>(&address), &length) != 0) {
        m_error = std::string("bind/listen: ") + std::strerror(errno);
        ::close(m_listenSocket);
        m_listenSocket = -1;
        return;
    }
    m_port = ntohs(address.sin_port);
    m_acceptThread = std::thread([this] { acceptLoop(); });
}

MisbehavingServer::~MisbehavingServer()
{
    stop();
    if (m_wakeFd >= 0)
        ::close(m_wakeFd);
}

bool MisbehavingServer::isListening() const
{
    return m_listenSocket >= 0 && !m_stopping;
}

std::string MisbehavingServer::errorString() const
{
    return m_error;
}

std::uint16_t MisbehavingServer::port() const
{
    return m_port;
}

std::string MisbehavingServer::url(const std::string &path) const
{
    return std::string(m_options.tls ? "https" : "http") + "://127.0.0.1:" + std::to_string(m_port) + path;
}

std::string MisbehavingServer::certificatePem() const
{
    return m_tls ? m_tls->certificatePem : std::string();
}

void MisbehavingServer::enqueue(Behaviour behaviour)
{
    std::lock_guard lock(m_mutex);
    m_script.push_back(std::move(behaviour));
}

void MisbehavingServer::setDefaultBehaviour(Behaviour behaviour)
{
    std::lock_guard lock(m_mutex);
    m_defaultBehaviour = std::move(behaviour);
}

int MisbehavingServer::requestCount() const
{
    std::lock_guard lock(m_mutex);
    return int(m_requests.size());
}

int MisbehavingServer::connectionCount() const
{
    std::lock_guard lock(m_mutex);
    return m_connectionCount;
}

RecordedRequest MisbehavingServer::lastRequest() const
{
    std::lock_guard lock(m_mutex);
    return m_requests.empty() ? RecordedRequest{} : m_requests.back();
}

std::vector<RecordedRequest> MisbehavingServer::requests() const
{
    std::lock_guard lock(m_mutex);
    return m_requests;
}

bool MisbehavingServer::waitForRequestCount(int count, std::chrono::milliseconds timeout) const
{
    std::unique_lock lock(m_mutex);
    return m_requestArrived.wait_for(lock, timeout, [&] { return int(m_requests.size()) >= count; });
}

void MisbehavingServer::stop()
{
    if (m_stopping.exchange(true))
        return;
    if (m_wakeFd >= 0) {
        const std::uint64_t one = 1;
        // The eventfd stays readable from now on: every poll in every thread returns.
        [[maybe_unused]] const auto written = ::write(m_wakeFd, &one, sizeof one);
    }
    if (m_acceptThread.joinable())
        m_acceptThread.join();
    // The accept thread is gone, so no connection thread can be added any more.
    std::vector<std::thread> threads;
    {
        std::lock_guard lock(m_mutex);
        threads.swap(m_connectionThreads);
    }
    for (auto &thread : threads)
        thread.join();
    if (m_listenSocket >= 0) {
        ::close(m_listenSocket);
        m_listenSocket = -1;
    }
}

void MisbehavingServer::acceptLoop()
{
    for (;;) {
        pollfd fds[2] = {{m_listenSocket, POLLIN, 0}, {m_wakeFd, POLLIN, 0}};
        if (::poll(fds, 2, -1) < 0) {
            if (errno == EINTR)
                continue;
            return;
        }
        if (fds[1].revents != 0 || m_stopping)
            return;
        const int socket = ::accept4(m_listenSocket, nullptr, nullptr, SOCK_CLOEXEC);
        if (socket < 0)
            continue;
        const int noDelay = 1;
        ::setsockopt(socket, IPPROTO_TCP, TCP_NODELAY, &noDelay, sizeof noDelay);
        std::lock_guard lock(m_mutex);
        ++m_connectionCount;
        m_connectionThreads.emplace_back([this, socket] { serve(socket); });
    }
}

void MisbehavingServer::serve(int socket)
{
    // OpenSSL writes with plain write(): a client that hung up would raise SIGPIPE and kill the
    // test. Blocking it in this thread only turns that into EPIPE without changing the
    // process-wide disposition (so a SIGPIPE from the code under test still shows).
    sigset_t pipeSignal;
    sigemptyset(&pipeSignal);
    sigaddset(&pipeSignal, SIGPIPE);
    pthread_sigmask(SIG_BLOCK, &pipeSignal, nullptr);
    Connection connection(socket, m_wakeFd);
    if (m_tls && !connection.startTls(m_tls->context))
        return;
    std::string buffer; // bytes read but not yet consumed (a pipelined next request)
    while (!m_stopping && serveOne(connection, buffer)) {
    }
}

Behaviour MisbehavingServer::takeBehaviour()
{
    std::lock_guard lock(m_mutex);
    if (m_script.empty())
        return m_defaultBehaviour;
    Behaviour behaviour = std::move(m_script.front());
    m_script.pop_front();
    return behaviour;
}

// Reads one request and acts out the next behaviour. False when the connection is done.
bool MisbehavingServer::serveOne(Connection &connection, std::string &buffer)
{
    constexpr std::size_t kMaxHeaderBytes = 64 * 1024;
    char chunk[16 * 1024];
    std::size_t headerEnd;
    while ((headerEnd = buffer.find("\r\n\r\n")) == std::string::npos) {
        if (buffer.size() > kMaxHeaderBytes)
            return false;
        const std::size_t received = connection.readSome(chunk, sizeof chunk);
        if (received == 0)
            return false;
        buffer.append(chunk, received);
        if (buffer.front() < 'A' || buffer.front() > 'Z') {
            // Not HTTP (e.g. a TLS ClientHello sent to the plain server): answer the way real
            // servers do rather than waiting for a header end that never comes.
            connection.writeAll("HTTP/1.1 400 Bad Request\r\nContent-Length: 0\r\nConnection: close\r\n\r\n");
            return false;
        }
    }

    RecordedRequest request;
    const std::string head = buffer.substr(0, headerEnd);
    buffer.erase(0, headerEnd + 4);
    std::size_t lineEnd = head.find("\r\n");
    const std::string requestLine = head.substr(0, lineEnd);
    const auto firstSpace = requestLine.find(' ');
    const auto lastSpace = requestLine.rfind(' ');
    if (firstSpace == std::string::npos || lastSpace == firstSpace)
        return false;
    request.method = requestLine.substr(0, firstSpace);
    request.target = requestLine.substr(firstSpace + 1, lastSpace - firstSpace - 1);
    request.version = requestLine.substr(lastSpace + 1);
    while (lineEnd != std::string::npos) {
        const std::size_t start = lineEnd + 2;
        lineEnd = head.find("\r\n", start);
        const std::string line =
            head.substr(start, lineEnd == std::string::npos ? std::string::npos : lineEnd - start);
        const auto colon = line.find(':');
        if (colon != std::string::npos)
            request.headers.emplace_back(line.substr(0, colon), trim(line.substr(colon + 1)));
    }

    std::size_t contentLength = 0;
    if (const std::string value = request.header("Content-Length"); !value.empty()) {
        const auto [end, errc] = std::from_chars(value.data(), value.data() + value.size(), contentLength);
        if (errc != std::errc() || end != value.data() + value.size())
            return false;
    }
    while (buffer.size() < contentLength) {
        const std::size_t received = connection.readSome(chunk, sizeof chunk);
        if (received == 0)
            return false;
        buffer.append(chunk, received);
    }
    request.body = buffer.substr(0, contentLength);
    buffer.erase(0, contentLength);

    const bool clientWantsClose = lower(request.header("Connection")) == "close";
    Behaviour behaviour = takeBehaviour();
    if (behaviour.kind == Behaviour::Kind::Echo) {
        behaviour.kind = Behaviour::Kind::Respond;
        behaviour.body = request.method + " " + request.target + "\n" + request.body;
    }
    {
        std::lock_guard lock(m_mutex);
        m_requests.push_back(std::move(request));
    }
    m_requestArrived.notify_all();

    if (behaviour.delay.count() > 0 && !connection.sleepFor(behaviour.delay))
        return false;

    switch (behaviour.kind) {
    case Behaviour::Kind::Reset:
        connection.reset();
        return false;
    case Behaviour::Kind::CloseWithoutResponse:
        connection.close();
        return false;
    case Behaviour::Kind::Stall:
        connection.sleepFor(std::chrono::milliseconds(-1));
        return false;
    case Behaviour::Kind::Respond:
    case Behaviour::Kind::Echo:
    case Behaviour::Kind::Truncate:
    case Behaviour::Kind::SlowDrip:
    case Behaviour::Kind::ResetMidBody:
        break;
    case Behaviour::Kind::Flood: {
        // No Content-Length, so the client cannot refuse up front: it must stop reading itself.
        std::string head = "HTTP/1.1 " + std::to_string(behaviour.status) + " " +
                           reasonPhrase(behaviour.status) + "\r\nConnection: close\r\n";
        for (const auto &[name, value] : behaviour.headers)
            head += name + ": " + value + "\r\n";
        if (!connection.writeAll(head + "\r\n"))
            return false;
        const std::string filler(64 * 1024, 'x');
        for (std::size_t sent = 0; sent < behaviour.declaredLength; sent += filler.size()) {
            if (!connection.writeAll(
                    filler.substr(0, std::min(filler.size(), behaviour.declaredLength - sent))))
                return false; // the client hung up: what it should do
        }
        connection.close();
        return false;
    }
    }

    std::string body = behaviour.gzip ? gzipCompress(behaviour.body) : behaviour.body;
    const bool cut =
        behaviour.kind == Behaviour::Kind::Truncate || behaviour.kind == Behaviour::Kind::ResetMidBody;
    const bool close = behaviour.closeAfter || clientWantsClose || cut;
    const std::size_t declaredLength = cut ? behaviour.declaredLength : body.size();
    std::string responseHead =
        "HTTP/1.1 " + std::to_string(behaviour.status) + " " + reasonPhrase(behaviour.status) + "\r\n";
    for (const auto &[name, value] : behaviour.headers)
        responseHead += name + ": " + value + "\r\n";
    if (behaviour.gzip)
        responseHead += "Content-Encoding: gzip\r\n";
    responseHead += "Content-Length: " + std::to_string(declaredLength) + "\r\n";
    if (close)
        responseHead += "Connection: close\r\n";
    responseHead += "\r\n";

    if (behaviour.kind == Behaviour::Kind::SlowDrip) {
        if (!connection.writeAll(responseHead))
            return false;
        for (const char byte : body) {
            if (!connection.sleepFor(behaviour.dripInterval) || !connection.writeAll(std::string(1, byte)))
                return false;
        }
    } else if (!connection.writeAll(responseHead + body)) {
        return false;
    }
    if (behaviour.kind == Behaviour::Kind::ResetMidBody) {
        connection.reset();
        return false;
    }
    if (close) {
        connection.close();
        return false;
    }
    return true;
}

std::uint16_t refusedPort()
{
    // Bind to an ephemeral port and close without listening: until the kernel hands the
    // port out again (it cycles through the whole range first), connecting is refused.
    const int socket = ::socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
    if (socket < 0)
        return 1;
    sockaddr_in address{};
    address.sin_family = AF_INET;
    address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    socklen_t length = sizeof address;
    std::uint16_t port = 1;
    if (::bind(socket, reinterpret_cast<sockaddr *>(&address), sizeof address) == 0 &&
        ::getsockname(socket, reinterpret_cast<sockaddr *>(&address), &length) == 0)
        port = ntohs(address.sin_port);
    ::close(socket);
    return port;
}

} // namespace modelgate::test
