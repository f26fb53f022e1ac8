// The counting decorator over the real curl transport against the loopback misbehaving
// server: every request goes through the network stack, and the server's own request log
// is what the counts are checked against.

#include "misbehaving_server.h"

#include <atomic>
#include <chrono>
#include <thread>
#include <vector>

#include <QtTest>

#include <modelgate/core/http/counting_transport.h>

using namespace modelgate;
using namespace modelgate::test;
using namespace std::chrono_literals;

namespace {

TransportOptions fastOptions()
{
    TransportOptions options;
    options.connectTimeout = 5s;
    options.totalTimeout = 15s;
    options.stallTimeout = 10s;
    return options;
}

HttpRequest request(HttpMethod method, const std::string &url, std::string body = {})
{
    HttpRequest made;
    made.method = method;
    made.url = url;
    made.body = std::move(body);
    return made;
}

std::shared_ptr<CountingTransport> countingCurl()
{
    return std::make_shared<CountingTransport>(
        std::shared_ptr<HttpTransport>(makeCurlTransport(fastOptions())));
}

} // namespace

class TestCountingTransport final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void urlPathDropsOriginQueryAndFragment_data()
    {
        QTest::addColumn<QString>("url");
        QTest::addColumn<QString>("path");
        QTest::newRow("query") << "http://127.0.0.1:5000/api/2.0/mlflow/runs/get?run_id=abc"
                               << "/api/2.0/mlflow/runs/get";
        QTest::newRow("fragment") << "https://h/a/b#top"
                                  << "/a/b";
        QTest::newRow("origin only") << "http://h:1"
                                     << "/";
        QTest::newRow("query on origin") << "http://h:1?x=/y"
                                         << "/";
        QTest::newRow("relative") << "/x/y?z=1"
                                  << "/x/y";
        QTest::newRow("empty") << ""
                               << "/";
    }

    void urlPathDropsOriginQueryAndFragment()
    {
        QFETCH(QString, url);
        QFETCH(QString, path);
        QCOMPARE(QString::fromStdString(urlPath(url.toStdString())), path);
    }

    void countsRequestsAndBodyBytesPerEndpoint()
    {
        MisbehavingServer server;
        QVERIFY2(server.isListening(), server.errorString().c_str());
        server.setDefaultBehaviour(Behaviour::respond(200, "0123456789"));
        server.enqueue(Behaviour::respond(404, R"({"error_code":"RESOURCE_DOES_NOT_EXIST"})"));
        const auto counting = countingCurl();

        // A 404 is a response like any other: counted, not a failure.
        QVERIFY(
            counting->send(request(HttpMethod::Get, server.url("/runs/get?run_id=1")), CancelToken::none())
                .ok());
        QVERIFY(
            counting->send(request(HttpMethod::Get, server.url("/runs/get?run_id=2")), CancelToken::none())
                .ok());
        QVERIFY(counting
                    ->send(request(HttpMethod::Post, server.url("/runs/log-parameter"), "{\"k\":\"v\"}"),
                           CancelToken::none())
                    .ok());
        QVERIFY(counting->send(request(HttpMethod::Post, server.url("/runs/get"), "abc"), CancelToken::none())
                    .ok());
        QCOMPARE(server.requestCount(), 4);

        const TrafficSnapshot counts = counting->snapshot();
        QCOMPARE(counts.total.requests, 4u);
        QCOMPARE(counts.total.failures, 0u);
        QCOMPARE(counts.total.bytesSent, std::uint64_t(9 + 3));
        const std::uint64_t notFound = std::string(R"({"error_code":"RESOURCE_DOES_NOT_EXIST"})").size();
        QCOMPARE(counts.total.bytesReceived, notFound + 3 * 10);
        QCOMPARE(counts.byEndpoint.size(), std::size_t(3));
        const TrafficCount gets = counts.of(HttpMethod::Get, "/runs/get");
        QCOMPARE(gets.requests, 2u);
        QCOMPARE(gets.bytesSent, 0u);
        QCOMPARE(gets.bytesReceived, notFound + 10);
        QCOMPARE(counts.of(HttpMethod::Post, "/runs/get").requests, 1u); // same path, other method
        QCOMPARE(counts.of(HttpMethod::Post, "/runs/log-parameter").bytesSent, 9u);
        QCOMPARE(counts.of(HttpMethod::Delete, "/runs/get").requests, 0u);
    }

    void failuresAreCountedAsRequestsWithoutResponse()
    {
        MisbehavingServer server;
        QVERIFY2(server.isListening(), server.errorString().c_str());
        server.enqueue(Behaviour::reset());
        const auto counting = countingCurl();
        const auto reset =
            counting->send(request(HttpMethod::Post, server.url("/x"), "12345"), CancelToken::none());
        QVERIFY(!reset.ok());
        const auto refused = counting->send(
            request(HttpMethod::Get, "http://127.0.0.1:" + std::to_string(refusedPort()) + "/y"),
            CancelToken::none());
        QVERIFY(!refused.ok());

        const TrafficSnapshot counts = counting->snapshot();
        QCOMPARE(counts.total.requests, 2u);
        QCOMPARE(counts.total.failures, 2u);
        QCOMPARE(counts.total.bytesSent, 5u);
        QCOMPARE(counts.total.bytesReceived, 0u);
        QCOMPARE(counts.of(HttpMethod::Get, "/y").failures, 1u);
    }

    void takeSnapshotResets()
    {
        MisbehavingServer server;
        QVERIFY2(server.isListening(), server.errorString().c_str());
        const auto counting = countingCurl();
        QVERIFY(counting->send(request(HttpMethod::Get, server.url("/a")), CancelToken::none()).ok());
        const TrafficSnapshot first = counting->takeSnapshot();
        QCOMPARE(first.total.requests, 1u);
        QCOMPARE(counting->snapshot().total, TrafficCount{});
        QVERIFY(counting->snapshot().byEndpoint.empty());

        QVERIFY(counting->send(request(HttpMethod::Get, server.url("/b")), CancelToken::none()).ok());
        QCOMPARE(counting->snapshot().of(HttpMethod::Get, "/b").requests, 1u);
        QCOMPARE(counting->snapshot().of(HttpMethod::Get, "/a").requests, 0u);
        counting->reset();
        QCOMPARE(counting->snapshot().total.requests, 0u);
        QCOMPARE(first.of(HttpMethod::Get, "/a").requests, 1u); // a snapshot is a copy
    }

    // Many threads on one counter: no request lost, none counted twice.
    void concurrentRequestsAreAllCounted()
    {
        constexpr int kThreads = 8;
        constexpr int kRequestsPerThread = 25;
        MisbehavingServer server;
        QVERIFY2(server.isListening(), server.errorString().c_str());
        server.setDefaultBehaviour(Behaviour::echo());
        const auto counting = countingCurl();
        std::atomic<int> answered{0};
        std::vector<std::thread> threads;
        for (int t = 0; t < kThreads; ++t)
            threads.emplace_back([&, t] {
                for (int i = 0; i < kRequestsPerThread; ++i) {
                    const auto reply = counting->send(
                        request(HttpMethod::Post, server.url("/t" + std::to_string(t % 2)), "xy"),
                        CancelToken::none());
                    answered += reply.ok() && reply->status == 200 ? 1 : 0;
                }
            });
        for (std::thread &thread : threads)
            thread.join();
        QCOMPARE(answered.load(), kThreads * kRequestsPerThread);

        const TrafficSnapshot counts = counting->snapshot();
        QCOMPARE(counts.total.requests, std::uint64_t(kThreads * kRequestsPerThread));
        QCOMPARE(int(counts.total.requests), server.requestCount());
        QCOMPARE(counts.total.bytesSent, std::uint64_t(2 * kThreads * kRequestsPerThread));
        // Echo answers "POST /tN\nxy": 11 bytes each.
        QCOMPARE(counts.total.bytesReceived, std::uint64_t(11 * kThreads * kRequestsPerThread));
        QCOMPARE(counts.of(HttpMethod::Post, "/t0").requests,
                 std::uint64_t(kThreads / 2 * kRequestsPerThread));
        QCOMPARE(counts.of(HttpMethod::Post, "/t1").requests,
                 std::uint64_t(kThreads / 2 * kRequestsPerThread));
    }
};

QTEST_GUILESS_MAIN(TestCountingTransport)
#include "tst_counting_transport.moc"
