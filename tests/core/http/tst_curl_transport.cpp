// The libcurl transport against a real loopback server that misbehaves on purpose:
// every request here goes through the network stack, nothing is mocked.

#include "misbehaving_server.h"

#include <atomic>
#include <chrono>
#include <fstream>
#include <optional>
#include <thread>
#include <vector>

#include <QtTest>

#include <modelgate/core/http/http.h>

using namespace modelgate;
using namespace modelgate::test;
using namespace std::chrono_literals;

namespace {

QString q(const std::string &text)
{
    return QString::fromStdString(text);
}

// Options that keep a broken test from hanging the suite: every timeout is bounded.
TransportOptions fastOptions()
{
    TransportOptions options;
    options.connectTimeout = 5s;
    options.totalTimeout = 15s;
    options.stallTimeout = 10s;
    return options;
}

HttpRequest get(const std::string &url)
{
    HttpRequest request;
    request.url = url;
    return request;
}

QString describe(const Result<HttpResponse> &result)
{
    return result.ok() ? QStringLiteral("HTTP %1").arg(result.value().status) : q(result.error().describe());
}

} // namespace

class TestCurlTransport final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void getReturnsStatusBodyAndLowerCasedHeaders();
    void methodsSendTheirBodyAndHeaders_data();
    void methodsSendTheirBodyAndHeaders();
    void errorStatusIsAResponseNotAnError();
    void delayedResponseWithinTimeoutsSucceeds();
    void proxyIsTakenFromEnvironment();
    void gzipResponseIsDecoded();
    void refusedConnectionIsTransportError();
    void resetIsTransportError();
    void emptyReplyIsTransportError();
    void truncatedBodyIsTransportError();
    void stalledServerHitsStallTimeout();
    void slowServerHitsTotalTimeout();
    void cancelStopsRequestInFlightPromptly_data();
    void cancelStopsRequestInFlightPromptly();
    void cancelledTokenSendsNothing();
    void oversizedResponseIsRefused();
    void credentialsNeverAppearInErrors();
    void headerInjectionIsRejected();
    void onlyHttpSchemesAreAllowed();
    void connectionIsReusedAcrossRequests();
    void serverClosingConnectionIsHandled();
    void concurrentRequestsOnOneTransport();
    void httpsToPlainServerFails();
    void tlsVerificationIsOnByDefault();
    void tlsSucceedsWithCaBundle();
    void tlsVerificationCanBeTurnedOff();
    void missingCaBundleIsTransportError();
};

void TestCurlTransport::getReturnsStatusBodyAndLowerCasedHeaders()
{
    MisbehavingServer server;
    QVERIFY2(server.isListening(), server.errorString().c_str());
    server.enqueue(Behaviour::respond(200, R"({"ok":true})",
                                      {{"Content-Type", "application/json"}, {"X-Request-ID", "abc"}}));
    const auto transport = makeCurlTransport(fastOptions());

    HttpRequest request = get(server.url("/api/2.0/mlflow/registered-models/search?max_results=10"));
    request.headers = {{"Accept", "application/json"}};
    const auto result = transport->send(request, CancelToken::none());

    QVERIFY2(result.ok(), qPrintable(describe(result)));
    QCOMPARE(result->status, 200);
    QCOMPARE(q(result->body), QStringLiteral(R"({"ok":true})"));
    QCOMPARE(q(result->header("content-type")), QStringLiteral("application/json"));
    QCOMPARE(q(result->header("X-Request-Id")), QStringLiteral("abc"));
    for (const auto &[name, value] : result->headers)
        QCOMPARE(q(name), q(name).toLower());

    const RecordedRequest seen = server.lastRequest();
    QCOMPARE(q(seen.method), QStringLiteral("GET"));
    QCOMPARE(q(seen.target), QStringLiteral("/api/2.0/mlflow/registered-models/search?max_results=10"));
    QCOMPARE(q(seen.header("Accept")), QStringLiteral("application/json"));
    QCOMPARE(q(seen.header("User-Agent")), QStringLiteral("ModelGate/0.1"));
    QVERIFY(seen.body.empty());
}

void TestCurlTransport::methodsSendTheirBodyAndHeaders_data()
{
    QTest::addColumn<int>("method");
    QTest::addColumn<QString>("methodName");
    QTest::addColumn<QString>("body");
    QTest::newRow("POST") << int(HttpMethod::Post) << QStringLiteral("POST")
                          << QStringLiteral(R"({"name":"m"})");
    QTest::newRow("POST empty") << int(HttpMethod::Post) << QStringLiteral("POST") << QString();
    QTest::newRow("PATCH") << int(HttpMethod::Patch) << QStringLiteral("PATCH")
                           << QStringLiteral(R"({"name":"m","description":"d"})");
    QTest::newRow("DELETE with body") << int(HttpMethod::Delete) << QStringLiteral("DELETE")
                                      << QStringLiteral(R"({"name":"m","version":"3"})");
    QTest::newRow("DELETE") << int(HttpMethod::Delete) << QStringLiteral("DELETE") << QString();
    // Larger than the size at which curl would otherwise send "Expect: 100-continue" and wait.
    QTest::newRow("POST large") << int(HttpMethod::Post) << QStringLiteral("POST")
                                << QString(2 * 1024 * 1024, QLatin1Char('x'));
}

void TestCurlTransport::methodsSendTheirBodyAndHeaders()
{
    QFETCH(int, method);
    QFETCH(QString, methodName);
    QFETCH(QString, body);
    MisbehavingServer server;
    QVERIFY(server.isListening());
    server.setDefaultBehaviour(Behaviour::echo());
    const auto transport = makeCurlTransport(fastOptions());

    HttpRequest request;
    request.method = HttpMethod(method);
    request.url = server.url("/api/2.0/mlflow/registered-models/update");
    request.body = body.toStdString();
    request.headers = {{"Content-Type", "application/json"}, {"Authorization", "Bearer t0ken"}};
    QElapsedTimer timer;
    timer.start();
    const auto result = transport->send(request, CancelToken::none());

    QVERIFY2(result.ok(), qPrintable(describe(result)));
    QVERIFY2(timer.elapsed() < 900, "no wait for a 100-continue that never comes");
    QCOMPARE(result->status, 200);
    QCOMPARE(q(result->body),
             methodName + QStringLiteral(" /api/2.0/mlflow/registered-models/update\n") + body);
    const RecordedRequest seen = server.lastRequest();
    QCOMPARE(q(seen.method), methodName);
    QCOMPARE(q(seen.body), body);
    QCOMPARE(q(seen.header("Content-Type")), QStringLiteral("application/json"));
    QCOMPARE(q(seen.header("Authorization")), QStringLiteral("Bearer t0ken"));
    QVERIFY(!seen.hasHeader("Expect"));
    if (!body.isEmpty() || HttpMethod(method) == HttpMethod::Post)
        QCOMPARE(q(seen.header("Content-Length")), QString::number(body.size()));
}

void TestCurlTransport::errorStatusIsAResponseNotAnError()
{
    MisbehavingServer server;
    server.enqueue(Behaviour::respond(500, "<html>oops</html>", {{"Content-Type", "text/html"}}));
    server.enqueue(Behaviour::respond(404, R"({"error_code":"RESOURCE_DOES_NOT_EXIST"})"));
    const auto transport = makeCurlTransport(fastOptions());

    const auto first = transport->send(get(server.url()), CancelToken::none());
    QVERIFY2(first.ok(), qPrintable(describe(first)));
    QCOMPARE(first->status, 500);
    QCOMPARE(q(first->body), QStringLiteral("<html>oops</html>"));
    const auto second = transport->send(get(server.url()), CancelToken::none());
    QVERIFY2(second.ok(), qPrintable(describe(second)));
    QCOMPARE(second->status, 404);
}

void TestCurlTransport::delayedResponseWithinTimeoutsSucceeds()
{
    MisbehavingServer server;
    server.enqueue(Behaviour::respondAfter(300ms, 200, "worth the wait"));
    const auto transport = makeCurlTransport(fastOptions());
    QElapsedTimer timer;
    timer.start();

    const auto result = transport->send(get(server.url()), CancelToken::none());

    QVERIFY2(result.ok(), qPrintable(describe(result)));
    QCOMPARE(q(result->body), QStringLiteral("worth the wait"));
    QVERIFY(timer.elapsed() >= 300);
}

void TestCurlTransport::proxyIsTakenFromEnvironment()
{
    // The transport must leave libcurl's reading of http_proxy/no_proxy alone: corporate
    // networks reach MLflow through a proxy. The loopback server plays the proxy here.
    MisbehavingServer proxy;
    proxy.setDefaultBehaviour(Behaviour::echo());
    const QByteArray names[] = {"http_proxy", "no_proxy", "NO_PROXY"};
    std::vector<std::pair<QByteArray, std::optional<QByteArray>>> saved;
    for (const QByteArray &name : names)
        saved.emplace_back(name, qEnvironmentVariableIsSet(name.constData())
                                     ? std::optional<QByteArray>(qgetenv(name.constData()))
                                     : std::nullopt);
    qunsetenv("no_proxy");
    qunsetenv("NO_PROXY");
    qputenv("http_proxy", QByteArray::fromStdString(proxy.url()));
    const auto transport = makeCurlTransport(fastOptions());

    const auto result = transport->send(
        get("http://mlflow.modelgate.invalid/api/2.0/mlflow/experiments/search"), CancelToken::none());

    for (const auto &[name, value] : saved) {
        if (value)
            qputenv(name.constData(), *value);
        else
            qunsetenv(name.constData());
    }
    QVERIFY2(result.ok(), qPrintable(describe(result)));
    // A proxy receives the absolute URL on the request line.
    QCOMPARE(q(proxy.lastRequest().target),
             QStringLiteral("http://mlflow.modelgate.invalid/api/2.0/mlflow/experiments/search"));
    QCOMPARE(q(proxy.lastRequest().header("Host")), QStringLiteral("mlflow.modelgate.invalid"));
}

void TestCurlTransport::gzipResponseIsDecoded()
{
    MisbehavingServer server;
    std::string json = R"({"registered_models":[)";
    for (int i = 0; i < 200; ++i)
        json += (i ? "," : "") + std::string(R"({"name":"model-)") + std::to_string(i) + R"("})";
    json += "]}";
    server.enqueue(Behaviour::respond(200, json, {{"Content-Type", "application/json"}}).gzipped());
    const auto transport = makeCurlTransport(fastOptions());

    const auto result = transport->send(get(server.url()), CancelToken::none());

    QVERIFY2(result.ok(), qPrintable(describe(result)));
    QCOMPARE(q(result->header("content-encoding")), QStringLiteral("gzip"));
    QCOMPARE(result->body.size(), json.size());
    QVERIFY(result->body == json);
    QVERIFY2(server.lastRequest().header("Accept-Encoding").find("gzip") != std::string::npos,
             server.lastRequest().header("Accept-Encoding").c_str());
}

void TestCurlTransport::refusedConnectionIsTransportError()
{
    const auto transport = makeCurlTransport(fastOptions());
    const std::string url = "http://127.0.0.1:" + std::to_string(refusedPort()) + "/api";

    const auto result = transport->send(get(url), CancelToken::none());

    QVERIFY(!result.ok());
    QCOMPARE(result.error().kind, ErrorKind::Transport);
    QCOMPARE(q(result.error().code), QStringLiteral("CURLE_COULDNT_CONNECT"));
    QCOMPARE(result.error().httpStatus, 0);
    QCOMPARE(q(result.error().url), q(url));
    QVERIFY(!result.error().message.empty());
}

void TestCurlTransport::resetIsTransportError()
{
    MisbehavingServer server;
    server.enqueue(Behaviour::reset());
    const auto transport = makeCurlTransport(fastOptions());

    const auto result = transport->send(get(server.url()), CancelToken::none());

    QVERIFY(!result.ok());
    QCOMPARE(result.error().kind, ErrorKind::Transport);
    QCOMPARE(q(result.error().code), QStringLiteral("CURLE_RECV_ERROR"));
    QCOMPARE(server.requestCount(), 1);
}

void TestCurlTransport::emptyReplyIsTransportError()
{
    MisbehavingServer server;
    server.enqueue(Behaviour::closeWithoutResponse());
    const auto transport = makeCurlTransport(fastOptions());

    const auto result = transport->send(get(server.url()), CancelToken::none());

    QVERIFY(!result.ok());
    QCOMPARE(result.error().kind, ErrorKind::Transport);
    QCOMPARE(q(result.error().code), QStringLiteral("CURLE_GOT_NOTHING"));
}

void TestCurlTransport::truncatedBodyIsTransportError()
{
    MisbehavingServer server;
    // Half a JSON document: it must surface as a broken transfer, never as a body to parse.
    server.enqueue(Behaviour::truncate(200, R"({"registered_models":[{"name":)", 4096));
    const auto transport = makeCurlTransport(fastOptions());

    const auto result = transport->send(get(server.url()), CancelToken::none());

    QVERIFY2(!result.ok(), qPrintable(describe(result)));
    QCOMPARE(result.error().kind, ErrorKind::Transport);
    QCOMPARE(q(result.error().code), QStringLiteral("CURLE_PARTIAL_FILE"));
}

void TestCurlTransport::stalledServerHitsStallTimeout()
{
    MisbehavingServer server;
    server.enqueue(Behaviour::stall());
    TransportOptions options = fastOptions();
    options.stallTimeout = 1s;
    const auto transport = makeCurlTransport(options);
    QElapsedTimer timer;
    timer.start();

    const auto result = transport->send(get(server.url()), CancelToken::none());

    const qint64 elapsed = timer.elapsed();
    QVERIFY(!result.ok());
    QCOMPARE(result.error().kind, ErrorKind::Transport);
    QCOMPARE(q(result.error().code), QStringLiteral("CURLE_OPERATION_TIMEDOUT"));
    QVERIFY2(elapsed >= 900 && elapsed < 5000, qPrintable(QString::number(elapsed)));
}

void TestCurlTransport::slowServerHitsTotalTimeout()
{
    MisbehavingServer server;
    // A byte every 100 ms is never a stall, but the whole body would take 100 s.
    server.enqueue(Behaviour::slowDrip(200, std::string(1000, 'x'), 100ms));
    TransportOptions options = fastOptions();
    options.totalTimeout = 1s;
    const auto transport = makeCurlTransport(options);
    QElapsedTimer timer;
    timer.start();

    const auto result = transport->send(get(server.url()), CancelToken::none());

    const qint64 elapsed = timer.elapsed();
    QVERIFY(!result.ok());
    QCOMPARE(q(result.error().code), QStringLiteral("CURLE_OPERATION_TIMEDOUT"));
    QVERIFY2(elapsed >= 900 && elapsed < 4000, qPrintable(QString::number(elapsed)));
}

void TestCurlTransport::cancelStopsRequestInFlightPromptly_data()
{
    QTest::addColumn<bool>("midBody");
    QTest::newRow("waiting for the response") << false;
    QTest::newRow("while the body trickles in") << true;
}

void TestCurlTransport::cancelStopsRequestInFlightPromptly()
{
    QFETCH(bool, midBody);
    MisbehavingServer server;
    server.enqueue(midBody ? Behaviour::slowDrip(200, std::string(2000, 'x'), 20ms) : Behaviour::stall());
    const auto transport = makeCurlTransport(fastOptions());
    const CancelToken token;
    std::atomic<bool> cancelIssued{false};
    std::atomic<qint64> cancelledAt{0};
    QElapsedTimer timer;
    timer.start();
    std::thread canceller([&] {
        // Cancel only once the request is really in flight on the server.
        if (server.waitForRequestCount(1, 10s)) {
            cancelledAt = timer.elapsed();
            cancelIssued = true;
            token.cancel();
        }
    });

    const auto result = transport->send(get(server.url()), token);
    const qint64 returnedAt = timer.elapsed();
    canceller.join();

    QVERIFY(!result.ok());
    QCOMPARE(result.error().kind, ErrorKind::Cancelled);
    QVERIFY(cancelIssued);
    QVERIFY2(returnedAt - cancelledAt < 1000, qPrintable(QString::number(returnedAt - cancelledAt)));

    // The transport is still usable afterwards (the cancelled connection was dropped, not reused).
    server.enqueue(Behaviour::respond(200, "again"));
    const auto next = transport->send(get(server.url()), CancelToken::none());
    QVERIFY2(next.ok(), qPrintable(describe(next)));
    QCOMPARE(q(next->body), QStringLiteral("again"));
}

void TestCurlTransport::cancelledTokenSendsNothing()
{
    MisbehavingServer server;
    const auto transport = makeCurlTransport(fastOptions());
    const CancelToken token;
    token.cancel();

    const auto result = transport->send(get(server.url()), token);

    QVERIFY(!result.ok());
    QCOMPARE(result.error().kind, ErrorKind::Cancelled);
    QCOMPARE(server.connectionCount(), 0);
}

void TestCurlTransport::oversizedResponseIsRefused()
{
    MisbehavingServer server;
    // Announces 600 MB: the transport must refuse before buffering any of it.
    server.enqueue(Behaviour::truncate(200, "{", std::size_t(600) * 1000 * 1000));
    const auto transport = makeCurlTransport(fastOptions());

    const auto result = transport->send(get(server.url()), CancelToken::none());

    QVERIFY(!result.ok());
    QCOMPARE(result.error().kind, ErrorKind::Transport);
    QCOMPARE(q(result.error().code), QStringLiteral("CURLE_FILESIZE_EXCEEDED"));
}

void TestCurlTransport::credentialsNeverAppearInErrors()
{
    const auto transport = makeCurlTransport(fastOptions());
    const std::string port = std::to_string(refusedPort());
    HttpRequest request =
        get("http://alice:hunter2@127.0.0.1:" + port + "/api/2.0/mlflow/experiments/search");
    request.headers = {{"Authorization", "Basic YWxpY2U6aHVudGVyMg=="}};

    const auto result = transport->send(request, CancelToken::none());

    QVERIFY(!result.ok());
    const Error &error = result.error();
    QCOMPARE(q(error.url), q("http://127.0.0.1:" + port + "/api/2.0/mlflow/experiments/search"));
    for (const std::string &text : {error.message, error.url, error.describe()}) {
        QVERIFY2(text.find("hunter2") == std::string::npos, text.c_str());
        QVERIFY2(text.find("YWxpY2U6aHVudGVyMg") == std::string::npos, text.c_str());
        QVERIFY2(text.find("alice") == std::string::npos, text.c_str());
    }
}

void TestCurlTransport::headerInjectionIsRejected()
{
    MisbehavingServer server;
    const auto transport = makeCurlTransport(fastOptions());
    HttpRequest request = get(server.url());
    request.headers = {{"Authorization", "Bearer x\r\nX-Injected: 1"}};

    const auto result = transport->send(request, CancelToken::none());

    QVERIFY(!result.ok());
    QCOMPARE(result.error().kind, ErrorKind::Config);
    QVERIFY2(result.error().message.find("Bearer") == std::string::npos, result.error().message.c_str());
    QCOMPARE(server.connectionCount(), 0);
}

void TestCurlTransport::onlyHttpSchemesAreAllowed()
{
    const auto transport = makeCurlTransport(fastOptions());
    const auto result = transport->send(get("file:///etc/passwd"), CancelToken::none());
    QVERIFY(!result.ok());
    QCOMPARE(result.error().kind, ErrorKind::Transport);
    QCOMPARE(q(result.error().code), QStringLiteral("CURLE_UNSUPPORTED_PROTOCOL"));
}

void TestCurlTransport::connectionIsReusedAcrossRequests()
{
    MisbehavingServer server;
    server.setDefaultBehaviour(Behaviour::echo());
    const auto transport = makeCurlTransport(fastOptions());

    for (int i = 0; i < 5; ++i) {
        const auto result = transport->send(get(server.url("/r" + std::to_string(i))), CancelToken::none());
        QVERIFY2(result.ok(), qPrintable(describe(result)));
    }

    QCOMPARE(server.requestCount(), 5);
    QCOMPARE(server.connectionCount(), 1);
}

void TestCurlTransport::serverClosingConnectionIsHandled()
{
    MisbehavingServer server;
    server.enqueue(Behaviour::respond(200, "first").closingConnection());
    server.enqueue(Behaviour::respond(200, "second"));
    const auto transport = makeCurlTransport(fastOptions());

    const auto first = transport->send(get(server.url()), CancelToken::none());
    const auto second = transport->send(get(server.url()), CancelToken::none());

    QVERIFY2(first.ok(), qPrintable(describe(first)));
    QVERIFY2(second.ok(), qPrintable(describe(second)));
    QCOMPARE(q(second->body), QStringLiteral("second"));
    QCOMPARE(server.connectionCount(), 2);
}

void TestCurlTransport::concurrentRequestsOnOneTransport()
{
    constexpr int kThreads = 8;
    constexpr int kRequestsPerThread = 20;
    MisbehavingServer server;
    server.setDefaultBehaviour(Behaviour::echo());
    const std::shared_ptr<HttpTransport> transport = makeCurlTransport(fastOptions());
    std::atomic<int> successes{0};
    std::vector<std::string> failures(kThreads);

    std::vector<std::thread> threads;
    for (int t = 0; t < kThreads; ++t) {
        threads.emplace_back([&, t] {
            for (int i = 0; i < kRequestsPerThread; ++i) {
                HttpRequest request;
                request.method = HttpMethod::Post;
                request.url = server.url("/t" + std::to_string(t) + "/r" + std::to_string(i));
                request.body = "body-" + std::to_string(t) + "-" + std::to_string(i);
                const auto result = transport->send(request, CancelToken::none());
                // Each thread must get its own answer back, never another thread's.
                const std::string expected =
                    "POST /t" + std::to_string(t) + "/r" + std::to_string(i) + "\n" + request.body;
                if (result.ok() && result->status == 200 && result->body == expected)
                    ++successes;
                else if (failures[std::size_t(t)].empty())
                    failures[std::size_t(t)] =
                        result.ok() ? "unexpected body: " + result->body : result.error().describe();
            }
        });
    }
    for (auto &thread : threads)
        thread.join();

    for (const auto &failure : failures)
        QVERIFY2(failure.empty(), failure.c_str());
    QCOMPARE(successes.load(), kThreads * kRequestsPerThread);
    QCOMPARE(server.requestCount(), kThreads * kRequestsPerThread);
    // Connections are kept and reused: at most one per concurrently active request.
    QVERIFY2(server.connectionCount() <= kThreads, qPrintable(QString::number(server.connectionCount())));
}

void TestCurlTransport::httpsToPlainServerFails()
{
    MisbehavingServer server;
    const auto transport = makeCurlTransport(fastOptions());
    const std::string url = "https://127.0.0.1:" + std::to_string(server.port()) + "/";

    const auto result = transport->send(get(url), CancelToken::none());

    QVERIFY2(!result.ok(), "a TLS request to a plain-text server must not succeed");
    QCOMPARE(result.error().kind, ErrorKind::Transport);
    QVERIFY2(result.error().code.find("SSL") != std::string::npos, result.error().code.c_str());
}

void TestCurlTransport::tlsVerificationIsOnByDefault()
{
    MisbehavingServer server(MisbehavingServer::Options{true});
    QVERIFY2(server.isListening(), server.errorString().c_str());
    const auto transport = makeCurlTransport(fastOptions());

    const auto result = transport->send(get(server.url()), CancelToken::none());

    QVERIFY2(!result.ok(), "a self-signed certificate must not be trusted by default");
    QCOMPARE(result.error().kind, ErrorKind::Transport);
    QCOMPARE(q(result.error().code), QStringLiteral("CURLE_PEER_FAILED_VERIFICATION"));
    QCOMPARE(server.requestCount(), 0);
}

void TestCurlTransport::tlsSucceedsWithCaBundle()
{
    MisbehavingServer server(MisbehavingServer::Options{true});
    QVERIFY2(server.isListening(), server.errorString().c_str());
    QTemporaryDir directory;
    QVERIFY(directory.isValid());
    const std::string caPath = directory.filePath(QStringLiteral("server-ca.pem")).toStdString();
    std::ofstream(caPath) << server.certificatePem();
    TransportOptions options = fastOptions();
    options.caBundlePath = caPath;
    server.enqueue(Behaviour::respond(200, "secure"));
    const auto transport = makeCurlTransport(options);

    const auto result = transport->send(get(server.url()), CancelToken::none());

    QVERIFY2(result.ok(), qPrintable(describe(result)));
    QCOMPARE(q(result->body), QStringLiteral("secure"));
}

void TestCurlTransport::tlsVerificationCanBeTurnedOff()
{
    MisbehavingServer server(MisbehavingServer::Options{true});
    QVERIFY2(server.isListening(), server.errorString().c_str());
    TransportOptions options = fastOptions();
    options.verifyTls = false;
    server.enqueue(Behaviour::respond(200, "insecure but asked for"));
    const auto transport = makeCurlTransport(options);

    const auto result = transport->send(get(server.url()), CancelToken::none());

    QVERIFY2(result.ok(), qPrintable(describe(result)));
    QCOMPARE(q(result->body), QStringLiteral("insecure but asked for"));
}

void TestCurlTransport::missingCaBundleIsTransportError()
{
    MisbehavingServer server(MisbehavingServer::Options{true});
    QVERIFY2(server.isListening(), server.errorString().c_str());
    TransportOptions options = fastOptions();
    options.caBundlePath = "/nonexistent/modelgate/ca-bundle.pem";
    const auto transport = makeCurlTransport(options);

    const auto result = transport->send(get(server.url()), CancelToken::none());

    QVERIFY(!result.ok());
    QCOMPARE(result.error().kind, ErrorKind::Transport);
    QCOMPARE(q(result.error().code), QStringLiteral("CURLE_SSL_CACERT_BADFILE"));
}

QTEST_GUILESS_MAIN(TestCurlTransport)
#include "tst_curl_transport.moc"
