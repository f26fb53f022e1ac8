// RetryingTransport over the real curl transport and the loopback misbehaving server.
// A recording sleeper observes the waits without spending them; a few tests use the real one.

#include "misbehaving_server.h"

#include <atomic>
#include <chrono>
#include <condition_variable>
#include <ctime>
#include <mutex>
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

QString describe(const Result<HttpResponse> &result)
{
    return result.ok() ? QStringLiteral("HTTP %1").arg(result.value().status) : q(result.error().describe());
}

std::shared_ptr<HttpTransport> curlTransport(std::chrono::milliseconds stallTimeout = 10s)
{
    TransportOptions options;
    options.connectTimeout = 5s;
    options.totalTimeout = 15s;
    options.stallTimeout = stallTimeout;
    return makeCurlTransport(options);
}

// Records every wait the retrying transport asks for and returns at once.
class RecordingSleeper
{
public:
    RetryingTransport::Sleeper sleeper()
    {
        return [this](std::chrono::milliseconds duration, const CancelToken &token) {
            std::lock_guard lock(m_mutex);
            m_waits.push_back(duration);
            return !token.isCancelled();
        };
    }
    std::vector<std::chrono::milliseconds> waits() const
    {
        std::lock_guard lock(m_mutex);
        return m_waits;
    }

private:
    mutable std::mutex m_mutex;
    std::vector<std::chrono::milliseconds> m_waits;
};

HttpRequest request(HttpMethod method, const std::string &url, bool idempotent)
{
    HttpRequest request;
    request.method = method;
    request.url = url;
    request.idempotent = idempotent;
    if (method != HttpMethod::Get) {
        request.headers = {{"Content-Type", "application/json"}};
        request.body = R"({"name":"model"})";
    }
    return request;
}

std::string httpDate(std::chrono::system_clock::time_point when)
{
    const std::time_t seconds = std::chrono::system_clock::to_time_t(when);
    std::tm utc{};
    gmtime_r(&seconds, &utc);
    char text[64];
    std::strftime(text, sizeof text, "%a, %d %b %Y %H:%M:%S GMT", &utc);
    return text;
}

} // namespace

class TestRetryingTransport final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void backoffCeilingDoublesUpToMaxDelay();
    void retryableStatusThenSuccess_data();
    void retryableStatusThenSuccess();
    void otherStatusesAreNotRetried_data();
    void otherStatusesAreNotRetried();
    void retryAfterSecondsIsHonoured();
    void retryAfterHttpDateIsHonoured();
    void retryAfterInThePastMeansNoWait();
    void retryAfterBeyondLimitReturnsTheResponse();
    void unreadableRetryAfterFallsBackToBackoff();
    void givesUpAfterMaxRetriesWithJitteredBackoff();
    void nonIdempotentIsNotRetriedOnServerError();
    void nonIdempotentIsRetriedOnTooManyRequests();
    void nonIdempotentIsRetriedWhenConnectionRefused();
    void nonIdempotentIsNotRetriedAfterAmbiguousFailure_data();
    void nonIdempotentIsNotRetriedAfterAmbiguousFailure();
    void idempotentIsRetriedAfterAmbiguousFailure_data();
    void idempotentIsRetriedAfterAmbiguousFailure();
    void stallTimeoutIsRetriedForIdempotent();
    void permanentTransportErrorIsNotRetried();
    void cancelledRequestIsNotRetried();
    void cancelDuringBackoffEndsTheWaitAtOnce();
    void sleeperReportingCancellationStopsRetrying();
    void realRetryAfterWait();
};

void TestRetryingTransport::backoffCeilingDoublesUpToMaxDelay()
{
    const RetryPolicy policy; // 250 ms base, 8 s cap
    const std::vector<long long> expected = {250, 500, 1000, 2000, 4000, 8000, 8000};
    for (int attempt = 0; attempt < int(expected.size()); ++attempt)
        QCOMPARE(RetryingTransport::backoffCeiling(policy, attempt).count(), expected[std::size_t(attempt)]);
    QCOMPARE(RetryingTransport::backoffCeiling(policy, 1'000'000).count(), 8000LL); // no overflow

    RetryPolicy capped;
    capped.baseDelay = 5s;
    capped.maxDelay = 1s;
    QCOMPARE(RetryingTransport::backoffCeiling(capped, 0).count(), 1000LL);
    RetryPolicy zero;
    zero.baseDelay = 0ms;
    QCOMPARE(RetryingTransport::backoffCeiling(zero, 10).count(), 0LL);
}

void TestRetryingTransport::retryableStatusThenSuccess_data()
{
    QTest::addColumn<int>("status");
    for (const int status : {429, 500, 502, 503, 504})
        QTest::addRow("%d", status) << status;
}

void TestRetryingTransport::retryableStatusThenSuccess()
{
    QFETCH(int, status);
    MisbehavingServer server;
    server.enqueue(Behaviour::respond(status, "try later"));
    server.enqueue(Behaviour::respond(200, "done"));
    RecordingSleeper sleeper;
    RetryingTransport transport(curlTransport(), RetryPolicy{}, sleeper.sleeper());

    const auto result = transport.send(request(HttpMethod::Get, server.url(), true), CancelToken::none());

    QVERIFY2(result.ok(), qPrintable(describe(result)));
    QCOMPARE(result->status, 200);
    QCOMPARE(q(result->body), QStringLiteral("done"));
    QCOMPARE(server.requestCount(), 2);
    const auto waits = sleeper.waits();
    QCOMPARE(waits.size(), std::size_t(1));
    QVERIFY(waits[0] >= 0ms && waits[0] <= RetryingTransport::backoffCeiling(RetryPolicy{}, 0));
}

void TestRetryingTransport::otherStatusesAreNotRetried_data()
{
    QTest::addColumn<int>("status");
    for (const int status : {200, 201, 301, 400, 401, 403, 404, 409, 501, 505})
        QTest::addRow("%d", status) << status;
}

void TestRetryingTransport::otherStatusesAreNotRetried()
{
    QFETCH(int, status);
    MisbehavingServer server;
    server.setDefaultBehaviour(Behaviour::respond(status, "answer"));
    RecordingSleeper sleeper;
    RetryingTransport transport(curlTransport(), RetryPolicy{}, sleeper.sleeper());

    const auto result = transport.send(request(HttpMethod::Get, server.url(), true), CancelToken::none());

    QVERIFY2(result.ok(), qPrintable(describe(result)));
    QCOMPARE(result->status, status);
    QCOMPARE(server.requestCount(), 1);
    QVERIFY(sleeper.waits().empty());
}

void TestRetryingTransport::retryAfterSecondsIsHonoured()
{
    MisbehavingServer server;
    server.enqueue(Behaviour::respond(429, "slow down", {{"Retry-After", "7"}}));
    server.enqueue(Behaviour::respond(503, "maintenance", {{"Retry-After", "2"}}));
    server.enqueue(Behaviour::respond(200, "done"));
    RecordingSleeper sleeper;
    RetryingTransport transport(curlTransport(), RetryPolicy{}, sleeper.sleeper());

    const auto result = transport.send(request(HttpMethod::Get, server.url(), true), CancelToken::none());

    QVERIFY2(result.ok(), qPrintable(describe(result)));
    QCOMPARE(result->status, 200);
    QCOMPARE(server.requestCount(), 3);
    const auto waits = sleeper.waits();
    QCOMPARE(waits.size(), std::size_t(2));
    QCOMPARE(waits[0].count(), 7000LL); // Retry-After, not the (smaller) backoff
    QCOMPARE(waits[1].count(), 2000LL);
}

void TestRetryingTransport::retryAfterHttpDateIsHonoured()
{
    MisbehavingServer server;
    const auto when = std::chrono::system_clock::now() + 6s;
    server.enqueue(Behaviour::respond(429, "slow down", {{"Retry-After", httpDate(when)}}));
    server.enqueue(Behaviour::respond(200, "done"));
    RecordingSleeper sleeper;
    RetryingTransport transport(curlTransport(), RetryPolicy{}, sleeper.sleeper());

    const auto result = transport.send(request(HttpMethod::Get, server.url(), true), CancelToken::none());

    QVERIFY2(result.ok(), qPrintable(describe(result)));
    QCOMPARE(result->status, 200);
    const auto waits = sleeper.waits();
    QCOMPARE(waits.size(), std::size_t(1));
    // HTTP dates have whole-second resolution: 6 s minus the sub-second part and the elapsed time.
    QVERIFY2(waits[0] > 4000ms && waits[0] <= 6000ms, qPrintable(QString::number(waits[0].count())));
}

void TestRetryingTransport::retryAfterInThePastMeansNoWait()
{
    MisbehavingServer server;
    server.enqueue(Behaviour::respond(503, "", {{"Retry-After", "Sun, 06 Nov 1994 08:49:37 GMT"}}));
    server.enqueue(Behaviour::respond(200, "done"));
    RecordingSleeper sleeper;
    RetryingTransport transport(curlTransport(), RetryPolicy{}, sleeper.sleeper());

    const auto result = transport.send(request(HttpMethod::Get, server.url(), true), CancelToken::none());

    QVERIFY2(result.ok(), qPrintable(describe(result)));
    QCOMPARE(result->status, 200);
    QCOMPARE(sleeper.waits().size(), std::size_t(1));
    QCOMPARE(sleeper.waits()[0].count(), 0LL);
}

void TestRetryingTransport::retryAfterBeyondLimitReturnsTheResponse()
{
    MisbehavingServer server;
    server.setDefaultBehaviour(Behaviour::respond(429, "come back tomorrow", {{"Retry-After", "86400"}}));
    RecordingSleeper sleeper;
    RetryPolicy policy;
    policy.maxRetryAfter = 30s;
    RetryingTransport transport(curlTransport(), policy, sleeper.sleeper());

    const auto result = transport.send(request(HttpMethod::Get, server.url(), true), CancelToken::none());

    QVERIFY2(result.ok(), qPrintable(describe(result)));
    QCOMPARE(result->status, 429);
    QCOMPARE(q(result->header("retry-after")), QStringLiteral("86400"));
    QCOMPARE(server.requestCount(), 1);
    QVERIFY(sleeper.waits().empty());
}

void TestRetryingTransport::unreadableRetryAfterFallsBackToBackoff()
{
    MisbehavingServer server;
    server.enqueue(Behaviour::respond(503, "", {{"Retry-After", "soon, promise"}}));
    server.enqueue(Behaviour::respond(200, "done"));
    RecordingSleeper sleeper;
    RetryingTransport transport(curlTransport(), RetryPolicy{}, sleeper.sleeper());

    const auto result = transport.send(request(HttpMethod::Get, server.url(), true), CancelToken::none());

    QVERIFY2(result.ok(), qPrintable(describe(result)));
    QCOMPARE(sleeper.waits().size(), std::size_t(1));
    QVERIFY(sleeper.waits()[0] <= RetryingTransport::backoffCeiling(RetryPolicy{}, 0));
}

void TestRetryingTransport::givesUpAfterMaxRetriesWithJitteredBackoff()
{
    MisbehavingServer server;
    server.setDefaultBehaviour(Behaviour::respond(503, "down"));
    RecordingSleeper sleeper;
    RetryPolicy policy;
    policy.maxRetries = 8;
    policy.baseDelay = 100ms;
    policy.maxDelay = 1s;
    RetryingTransport transport(curlTransport(), policy, sleeper.sleeper());

    const auto result = transport.send(request(HttpMethod::Get, server.url(), true), CancelToken::none());

    QVERIFY2(result.ok(), qPrintable(describe(result)));
    QCOMPARE(result->status, 503); // the last response, as a value
    QCOMPARE(server.requestCount(), 9);
    const auto waits = sleeper.waits();
    QCOMPARE(waits.size(), std::size_t(8));
    bool anyBelowCeiling = false;
    for (int attempt = 0; attempt < int(waits.size()); ++attempt) {
        const auto ceiling = RetryingTransport::backoffCeiling(policy, attempt);
        QVERIFY2(waits[std::size_t(attempt)] >= 0ms && waits[std::size_t(attempt)] <= ceiling,
                 qPrintable(QString::number(waits[std::size_t(attempt)].count())));
        anyBelowCeiling = anyBelowCeiling || waits[std::size_t(attempt)] < ceiling;
    }
    // Full jitter: eight draws all landing exactly on the ceiling would mean no jitter at all.
    QVERIFY(anyBelowCeiling);
}

void TestRetryingTransport::nonIdempotentIsNotRetriedOnServerError()
{
    MisbehavingServer server;
    server.enqueue(Behaviour::respond(503, "down"));
    server.enqueue(Behaviour::respond(200, "must not be reached"));
    RecordingSleeper sleeper;
    RetryingTransport transport(curlTransport(), RetryPolicy{}, sleeper.sleeper());

    const auto result = transport.send(request(HttpMethod::Post, server.url(), false), CancelToken::none());

    QVERIFY2(result.ok(), qPrintable(describe(result)));
    QCOMPARE(result->status, 503);
    QCOMPARE(server.requestCount(), 1);
    QVERIFY(sleeper.waits().empty());
}

void TestRetryingTransport::nonIdempotentIsRetriedOnTooManyRequests()
{
    MisbehavingServer server;
    server.enqueue(Behaviour::respond(429, "", {{"Retry-After", "1"}}));
    server.enqueue(Behaviour::respond(200, "created"));
    RecordingSleeper sleeper;
    RetryingTransport transport(curlTransport(), RetryPolicy{}, sleeper.sleeper());

    const auto result = transport.send(request(HttpMethod::Post, server.url(), false), CancelToken::none());

    QVERIFY2(result.ok(), qPrintable(describe(result)));
    QCOMPARE(result->status, 200);
    QCOMPARE(server.requestCount(), 2);
    QCOMPARE(q(server.lastRequest().body), QStringLiteral(R"({"name":"model"})"));
    QCOMPARE(sleeper.waits().size(), std::size_t(1));
    QCOMPARE(sleeper.waits()[0].count(), 1000LL);
}

void TestRetryingTransport::nonIdempotentIsRetriedWhenConnectionRefused()
{
    // A refused connection never reached the server, so even a create may be repeated.
    RecordingSleeper sleeper;
    RetryingTransport transport(curlTransport(), RetryPolicy{}, sleeper.sleeper());
    const std::string url = "http://127.0.0.1:" + std::to_string(refusedPort()) + "/create";

    const auto result = transport.send(request(HttpMethod::Post, url, false), CancelToken::none());

    QVERIFY(!result.ok());
    QCOMPARE(result.error().kind, ErrorKind::Transport);
    QCOMPARE(q(result.error().code), QStringLiteral("CURLE_COULDNT_CONNECT"));
    QCOMPARE(sleeper.waits().size(), std::size_t(RetryPolicy{}.maxRetries));
}

void TestRetryingTransport::nonIdempotentIsNotRetriedAfterAmbiguousFailure_data()
{
    QTest::addColumn<int>("kind");
    QTest::addColumn<QString>("code");
    QTest::newRow("reset") << int(Behaviour::Kind::Reset) << QStringLiteral("CURLE_RECV_ERROR");
    QTest::newRow("empty reply") << int(Behaviour::Kind::CloseWithoutResponse)
                                 << QStringLiteral("CURLE_GOT_NOTHING");
    QTest::newRow("truncated") << int(Behaviour::Kind::Truncate) << QStringLiteral("CURLE_PARTIAL_FILE");
}

void TestRetryingTransport::nonIdempotentIsNotRetriedAfterAmbiguousFailure()
{
    QFETCH(int, kind);
    QFETCH(QString, code);
    MisbehavingServer server;
    Behaviour failure = Behaviour::truncate(200, R"({"registered_model":)", 1000);
    failure.kind = Behaviour::Kind(kind);
    server.enqueue(failure);
    server.enqueue(Behaviour::respond(200, "must not be reached"));
    RecordingSleeper sleeper;
    RetryingTransport transport(curlTransport(), RetryPolicy{}, sleeper.sleeper());

    // The server may have created the model before failing: repeating could create it twice.
    const auto result = transport.send(request(HttpMethod::Post, server.url(), false), CancelToken::none());

    QVERIFY2(!result.ok(), qPrintable(describe(result)));
    QCOMPARE(q(result.error().code), code);
    QCOMPARE(server.requestCount(), 1);
    QVERIFY(sleeper.waits().empty());
}

void TestRetryingTransport::idempotentIsRetriedAfterAmbiguousFailure_data()
{
    nonIdempotentIsNotRetriedAfterAmbiguousFailure_data();
}

void TestRetryingTransport::idempotentIsRetriedAfterAmbiguousFailure()
{
    QFETCH(int, kind);
    MisbehavingServer server;
    Behaviour failure = Behaviour::truncate(200, R"({"registered_model":)", 1000);
    failure.kind = Behaviour::Kind(kind);
    server.enqueue(failure);
    server.enqueue(Behaviour::respond(200, "done"));
    RecordingSleeper sleeper;
    RetryingTransport transport(curlTransport(), RetryPolicy{}, sleeper.sleeper());

    const auto result = transport.send(request(HttpMethod::Get, server.url(), true), CancelToken::none());

    QVERIFY2(result.ok(), qPrintable(describe(result)));
    QCOMPARE(q(result->body), QStringLiteral("done"));
    QCOMPARE(server.requestCount(), 2);
    QCOMPARE(sleeper.waits().size(), std::size_t(1));
}

void TestRetryingTransport::stallTimeoutIsRetriedForIdempotent()
{
    MisbehavingServer server;
    server.enqueue(Behaviour::stall());
    server.enqueue(Behaviour::respond(200, "done"));
    RecordingSleeper sleeper;
    RetryingTransport transport(curlTransport(1s), RetryPolicy{}, sleeper.sleeper());

    const auto result = transport.send(request(HttpMethod::Get, server.url(), true), CancelToken::none());

    QVERIFY2(result.ok(), qPrintable(describe(result)));
    QCOMPARE(server.requestCount(), 2);
    QCOMPARE(sleeper.waits().size(), std::size_t(1));
}

void TestRetryingTransport::permanentTransportErrorIsNotRetried()
{
    MisbehavingServer tlsServer(MisbehavingServer::Options{true});
    QVERIFY2(tlsServer.isListening(), tlsServer.errorString().c_str());
    RecordingSleeper sleeper;
    RetryingTransport transport(curlTransport(), RetryPolicy{}, sleeper.sleeper());

    // An untrusted certificate does not fix itself; retrying would only delay the report.
    const auto result = transport.send(request(HttpMethod::Get, tlsServer.url(), true), CancelToken::none());

    QVERIFY(!result.ok());
    QCOMPARE(q(result.error().code), QStringLiteral("CURLE_PEER_FAILED_VERIFICATION"));
    QVERIFY(sleeper.waits().empty());
    QCOMPARE(tlsServer.connectionCount(), 1);
}

void TestRetryingTransport::cancelledRequestIsNotRetried()
{
    MisbehavingServer server;
    server.setDefaultBehaviour(Behaviour::stall());
    RecordingSleeper sleeper;
    RetryingTransport transport(curlTransport(), RetryPolicy{}, sleeper.sleeper());
    const CancelToken token;
    std::thread canceller([&] {
        if (server.waitForRequestCount(1, 10s))
            token.cancel();
    });

    const auto result = transport.send(request(HttpMethod::Get, server.url(), true), token);
    canceller.join();

    QVERIFY(!result.ok());
    QCOMPARE(result.error().kind, ErrorKind::Cancelled);
    QCOMPARE(server.requestCount(), 1);
    QVERIFY(sleeper.waits().empty());
}

void TestRetryingTransport::cancelDuringBackoffEndsTheWaitAtOnce()
{
    MisbehavingServer server;
    server.enqueue(Behaviour::respond(503, "", {{"Retry-After", "25"}}));
    server.enqueue(Behaviour::respond(200, "must not be reached"));
    // The real sleeper, wrapped only to tell the test when the wait has begun.
    std::mutex mutex;
    std::condition_variable waitStarted;
    bool waiting = false;
    auto sleeper = [&](std::chrono::milliseconds duration, const CancelToken &token) {
        {
            std::lock_guard lock(mutex);
            waiting = true;
        }
        waitStarted.notify_all();
        return sleepUnlessCancelled(duration, token);
    };
    RetryingTransport transport(curlTransport(), RetryPolicy{}, sleeper);
    const CancelToken token;
    QElapsedTimer timer;
    std::atomic<qint64> cancelledAt{-1};
    timer.start();
    std::thread canceller([&] {
        std::unique_lock lock(mutex);
        if (waitStarted.wait_for(lock, 10s, [&] { return waiting; })) {
            cancelledAt = timer.elapsed();
            token.cancel();
        }
    });

    const auto result = transport.send(request(HttpMethod::Get, server.url(), true), token);
    const qint64 returnedAt = timer.elapsed();
    canceller.join();

    QVERIFY(!result.ok());
    QCOMPARE(result.error().kind, ErrorKind::Cancelled);
    QVERIFY(cancelledAt >= 0);
    QVERIFY2(returnedAt - cancelledAt < 1000, qPrintable(QString::number(returnedAt - cancelledAt)));
    QCOMPARE(server.requestCount(), 1);
}

void TestRetryingTransport::sleeperReportingCancellationStopsRetrying()
{
    MisbehavingServer server;
    server.setDefaultBehaviour(Behaviour::respond(503, "down"));
    int calls = 0;
    RetryingTransport transport(curlTransport(), RetryPolicy{},
                                [&](std::chrono::milliseconds, const CancelToken &) {
                                    ++calls;
                                    return false;
                                });

    const auto result = transport.send(request(HttpMethod::Get, server.url(), true), CancelToken::none());

    QVERIFY(!result.ok());
    QCOMPARE(result.error().kind, ErrorKind::Cancelled);
    QCOMPARE(q(result.error().url), q(server.url()));
    QCOMPARE(calls, 1);
    QCOMPARE(server.requestCount(), 1);
}

void TestRetryingTransport::realRetryAfterWait()
{
    MisbehavingServer server;
    server.enqueue(Behaviour::respond(429, "", {{"Retry-After", "1"}}));
    server.enqueue(Behaviour::respond(200, "done"));
    RetryingTransport transport(curlTransport()); // the default, real sleeper
    QElapsedTimer timer;
    timer.start();

    const auto result = transport.send(request(HttpMethod::Get, server.url(), true), CancelToken::none());

    const qint64 elapsed = timer.elapsed();
    QVERIFY2(result.ok(), qPrintable(describe(result)));
    QCOMPARE(result->status, 200);
    QVERIFY2(elapsed >= 1000 && elapsed < 5000, qPrintable(QString::number(elapsed)));
}

QTEST_GUILESS_MAIN(TestRetryingTransport)
#include "tst_retrying_transport.moc"
