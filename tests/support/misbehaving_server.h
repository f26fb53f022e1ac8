#pragma once

// A loopback HTTP/1.1 server for transport tests that answers each request with a
// scripted behaviour: a normal response, but also a reset, a stall, a truncated body,
// a slow drip... Plain POSIX sockets and threads (no Qt network, no event loop), so it
// can serve a blocking libcurl call made on the test's own thread.

#include <atomic>
#include <chrono>
#include <condition_variable>
#include <cstddef>
#include <cstdint>
#include <deque>
#include <memory>
#include <mutex>
#include <string>
#include <thread>
#include <utility>
#include <vector>

namespace modelgate::test {

using HeaderList = std::vector<std::pair<std::string, std::string>>;

// What the server does once it has read one complete request.
struct Behaviour
{
    enum class Kind
    {
        Respond,              // status, headers, body (after `delay`); the connection stays open
        Echo,                 // 200, body "<METHOD> <target>\n<request body>"
        Reset,                // close with SO_LINGER 0: the client sees a TCP reset
        CloseWithoutResponse, // orderly close without a byte: "empty reply from server"
        Stall,                // never answer; the connection is held until the server stops
        Truncate,             // Content-Length: declaredLength, but only `body` is sent, then close
        SlowDrip,             // headers at once, then one body byte every `dripInterval`
        ResetMidBody,         // like Truncate, but the connection ends with a TCP reset
        Flood, // `declaredLength` filler bytes without Content-Length, ended by a close; never held in memory
    };

    Kind kind = Kind::Respond;
    int status = 200;
    HeaderList headers;
    std::string body;
    std::chrono::milliseconds delay{0};
    std::chrono::milliseconds dripInterval{0};
    std::size_t declaredLength = 0;
    bool gzip = false;       // gzip the body and say so in Content-Encoding
    bool closeAfter = false; // send "Connection: close" and close after the response

    static Behaviour respond(int status, std::string body = {}, HeaderList headers = {});
    static Behaviour respondAfter(std::chrono::milliseconds delay, int status, std::string body = {},
                                  HeaderList headers = {});
    static Behaviour echo();
    static Behaviour reset();
    static Behaviour closeWithoutResponse();
    static Behaviour stall();
    static Behaviour truncate(int status, std::string body, std::size_t declaredLength);
    static Behaviour slowDrip(int status, std::string body, std::chrono::milliseconds interval);
    static Behaviour resetMidBody(int status, std::string body, std::size_t declaredLength);
    // A body too large to buffer (a wrong URL serving a file): only the client can bound it.
    static Behaviour flood(int status, std::size_t bytes);

    Behaviour &withHeader(std::string name, std::string value);
    Behaviour &gzipped();
    Behaviour &closingConnection();
};

// A request as the server received it.
struct RecordedRequest
{
    std::string method;
    std::string target; // path and query, as on the request line
    std::string version;
    HeaderList headers; // names as sent
    std::string body;

    // Value of the first header with this name (case-insensitive), or empty.
    std::string header(const std::string &name) const;
    bool hasHeader(const std::string &name) const;
};

class MisbehavingServer
{
public:
    struct Options
    {
        // Serve HTTPS with a freshly generated self-signed certificate for 127.0.0.1.
        bool tls = false;
    };

    MisbehavingServer();
    explicit MisbehavingServer(Options options);
    ~MisbehavingServer();
    MisbehavingServer(const MisbehavingServer &) = delete;
    MisbehavingServer &operator=(const MisbehavingServer &) = delete;

    // False when the socket or the TLS setup failed (the reason is in errorString()).
    bool isListening() const;
    std::string errorString() const;
    std::uint16_t port() const;
    // "http://127.0.0.1:<port><path>" (https with TLS).
    std::string url(const std::string &path = "/") const;
    // The server certificate (PEM), usable as a CA bundle; empty without TLS.
    std::string certificatePem() const;

    // Behaviours are used in order, one per request; when none is queued the default
    // behaviour answers (initially 200 "ok").
    void enqueue(Behaviour behaviour);
    void setDefaultBehaviour(Behaviour behaviour);

    int requestCount() const;
    int connectionCount() const;
    RecordedRequest lastRequest() const;
    std::vector<RecordedRequest> requests() const;
    // Blocks until at least `count` requests have been read, or the timeout passes.
    bool waitForRequestCount(int count, std::chrono::milliseconds timeout) const;

    // Closes every connection and joins every thread. Called by the destructor.
    void stop();

private:
    class Connection;
    struct TlsContext;

    void acceptLoop();
    void serve(int socket);
    bool serveOne(Connection &connection, std::string &buffer);
    Behaviour takeBehaviour();

    Options m_options;
    std::unique_ptr<TlsContext> m_tls;
    std::string m_error;
    int m_listenSocket = -1;
    int m_wakeFd = -1; // an eventfd that becomes readable when the server stops
    std::uint16_t m_port = 0;
    std::atomic<bool> m_stopping{false};
    std::thread m_acceptThread;

    mutable std::mutex m_mutex;
    mutable std::condition_variable m_requestArrived;
    std::deque<Behaviour> m_script;
    Behaviour m_defaultBehaviour;
    std::vector<RecordedRequest> m_requests;
    std::vector<std::thread> m_connectionThreads;
    int m_connectionCount = 0;
};

// A loopback port with nothing listening on it (bound, then closed), for "connection refused".
std::uint16_t refusedPort();

} // namespace modelgate::test
