#pragma once

// A loopback TCP relay to a running server, for a test that must see its server go away and
// come back while other tests keep using that server (the shared MLflow of the fixture
// "mlflow_auth"). Clients connect to uri(); stop() closes the port and cuts every open
// connection, so a client gets what a stopped server gives it (connection refused); restart()
// listens on the same port again. The server behind it runs on, with its data. Plain POSIX
// sockets and threads, like MisbehavingServer: blocking libcurl calls on the test's own
// thread are relayed without an event loop.
//
// Given a hold rule, it also stops a client at an exact step of a sequence of writes (kill -9 of
// modelgate-cli after its n-th request): each complete HTTP/1.1 request (headers and a
// Content-Length body) is shown to the rule in the order the relay received them; from the first
// one the rule holds, that request and every later one on any connection stay with the relay:
// the server never sees them and their clients wait for an answer that never comes. Requests
// forwarded before keep getting their answers. No chunked request bodies (libcurl sends none for
// the API's calls).

#include <condition_variable>
#include <cstdint>
#include <functional>
#include <mutex>
#include <set>
#include <string>
#include <thread>
#include <vector>

#include <QString>

namespace modelgate::test {

struct RelayedRequest
{
    std::string method;
    std::string path; // with its query
    std::string body;
};

class StoppableRelay final
{
public:
    StoppableRelay() = default;
    ~StoppableRelay();
    StoppableRelay(const StoppableRelay &) = delete;
    StoppableRelay &operator=(const StoppableRelay &) = delete;

    // True: hold this request and everything after it.
    using HoldRule = std::function<bool(const RelayedRequest &)>;

    // Relays a free loopback port to `targetUri` (http://127.0.0.1:PORT[/prefix]; the path
    // is kept in uri()); with `holdRule`, every request from then on is shown to it. False,
    // with errorString(), if the URI or the port is unusable.
    bool start(const QString &targetUri, HoldRule holdRule = {});
    // Listens on the same port again after stop(); false if it was taken meanwhile.
    bool restart();
    // Refuses new connections and cuts the open ones. The target keeps running.
    void stop();

    bool isRunning() const { return m_listenSocket >= 0; }
    // The URI to give clients (the target's, with the relay's port); empty while stopped.
    QString uri() const { return isRunning() ? m_uri : QString(); }
    QString errorString() const { return m_error; }

    // With a hold rule: waits until it held a request; false after `timeoutMs`.
    bool waitUntilHolding(int timeoutMs);
    // "METHOD path" of the held request ("" while none is).
    std::string held() const;
    // "METHOD path" of every request forwarded so far, in order (for a failure's message).
    std::vector<std::string> forwarded() const;

private:
    bool listenOn(std::uint16_t port);
    void acceptLoop();
    void relay(int client);
    // Whether the complete request is to be forwarded (false once holding).
    bool admit(const RelayedRequest &request);
    void remember(int socket);
    void forgetAndClose(int socket);

    QString m_uri;
    QString m_error;
    std::uint16_t m_targetPort = 0;
    std::uint16_t m_port = 0;
    int m_listenSocket = -1;
    int m_wakeFd = -1; // readable once stop() began: every thread's poll returns
    std::thread m_acceptThread;
    HoldRule m_holdRule;
    mutable std::mutex m_mutex; // guards everything below
    std::condition_variable m_holding;
    std::string m_held;
    std::vector<std::string> m_forwarded;
    std::vector<std::thread> m_connectionThreads;
    std::set<int> m_openSockets; // of relayed connections: stop() cuts them even mid-send()
};

} // namespace modelgate::test
