#pragma once

// A loopback HTTP/1.1 relay to a running server that holds requests instead of forwarding
// them, for a test that must stop a client at an exact step of a sequence of writes (kill -9
// of modelgate-cli after its n-th request). Each complete request (headers and a
// Content-Length body) is shown to the rule in the order the relay received them; from the
// first one the rule holds, that request and every later one on any connection stay with the
// relay: the server never sees them and their clients wait for an answer that never comes.
// Requests forwarded before keep getting their answers. Real sockets and threads, like
// StoppableRelay; no chunked request bodies (libcurl sends none for the API's calls).

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

class HoldingRelay final
{
public:
    // True: hold this request and everything after it.
    using Rule = std::function<bool(const RelayedRequest &)>;

    HoldingRelay() = default;
    ~HoldingRelay();
    HoldingRelay(const HoldingRelay &) = delete;
    HoldingRelay &operator=(const HoldingRelay &) = delete;

    // Relays a free loopback port to `targetUri` (http://127.0.0.1:PORT[/prefix]); the rule
    // sees every request from then on (none: forward all). False, with errorString(), if the
    // URI or the port is unusable.
    bool start(const QString &targetUri, Rule rule);
    // Closes the port and every connection (held requests are dropped, never forwarded).
    void stop();

    QString uri() const { return m_uri; }
    QString errorString() const { return m_error; }
    // Waits until the rule held a request; false after `timeoutMs`.
    bool waitUntilHolding(int timeoutMs);
    // "METHOD path" of the held request ("" while none is).
    std::string held() const;
    // "METHOD path" of every request forwarded so far, in order (for a failure's message).
    std::vector<std::string> forwarded() const;

private:
    void acceptLoop();
    void relay(int client);
    // Whether the complete request is to be forwarded (false once holding).
    bool admit(const RelayedRequest &request);
    void forgetAndClose(int socket);

    QString m_uri;
    QString m_error;
    Rule m_rule;
    std::uint16_t m_targetPort = 0;
    int m_listenSocket = -1;
    int m_wakeFd = -1;
    std::thread m_acceptThread;
    mutable std::mutex m_mutex; // guards everything below
    std::condition_variable m_holding;
    std::string m_held;
    std::vector<std::string> m_forwarded;
    std::vector<std::thread> m_connectionThreads;
    std::set<int> m_openSockets;
};

} // namespace modelgate::test
