#pragma once

// A loopback TCP relay to a running server, for a test that must see its server go away and
// come back while other tests keep using that server (the shared MLflow of the fixture
// "mlflow_auth"). Clients connect to uri(); stop() closes the port and cuts every open
// connection, so a client gets what a stopped server gives it (connection refused); restart()
// listens on the same port again. The server behind it runs on, with its data. Plain POSIX
// sockets and threads, like MisbehavingServer: blocking libcurl calls on the test's own
// thread are relayed without an event loop.

#include <cstdint>
#include <mutex>
#include <set>
#include <thread>
#include <vector>

#include <QString>

namespace modelgate::test {

class StoppableRelay final
{
public:
    StoppableRelay() = default;
    ~StoppableRelay();
    StoppableRelay(const StoppableRelay &) = delete;
    StoppableRelay &operator=(const StoppableRelay &) = delete;

    // Relays a free loopback port to `targetUri` (http://127.0.0.1:PORT[/prefix]; the path
    // is kept in uri()). False, with errorString(), if the URI or the port is unusable.
    bool start(const QString &targetUri);
    // Listens on the same port again after stop(); false if it was taken meanwhile.
    bool restart();
    // Refuses new connections and cuts the open ones. The target keeps running.
    void stop();

    bool isRunning() const { return m_listenSocket >= 0; }
    // The URI to give clients (the target's, with the relay's port); empty while stopped.
    QString uri() const { return isRunning() ? m_uri : QString(); }
    QString errorString() const { return m_error; }

private:
    bool listenOn(std::uint16_t port);
    void acceptLoop();
    void relay(int client);
    void remember(int socket);
    void forgetAndClose(int socket);

    QString m_uri;
    QString m_error;
    std::uint16_t m_targetPort = 0;
    std::uint16_t m_port = 0;
    int m_listenSocket = -1;
    int m_wakeFd = -1; // readable once stop() began: every thread's poll returns
    std::thread m_acceptThread;
    std::mutex m_mutex; // guards the two below
    std::vector<std::thread> m_connectionThreads;
    std::set<int> m_openSockets; // of relayed connections: stop() cuts them even mid-send()
};

} // namespace modelgate::test
