// The open-loop load generator against a loopback HTTP server that answers late, fails or
// resets on purpose (tests/support/misbehaving_server): requests start on schedule whatever
// the earlier ones do, every outcome is counted by kind, a cancel stops it promptly, and it
// sends nowhere but loopback or the endpoint's own URI.
#include <misbehaving_server.h>
#include <thread>

#include <QTest>

#include <modelgate/core/monitor/load_generator.h>

using namespace modelgate;
using namespace std::chrono_literals;

namespace {

LoadPlan planFor(const test::MisbehavingServer &server, double rate, int seconds)
{
    LoadPlan plan;
    plan.url = server.url("/invocations");
    plan.allowedUri = server.url("");
    plan.bodies = {"{\"dataframe_split\":{\"columns\":[\"a\"],\"data\":[[1]]}}", "{\"b\":2}"};
    plan.rate = rate;
    plan.durationSeconds = seconds;
    plan.deployment = "green";
    return plan;
}

} // namespace

class TestLoadGenerator final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void startsOnScheduleWhateverTheAnswersDo()
    {
        test::MisbehavingServer server;
        QVERIFY(server.isListening());
        server.setDefaultBehaviour(test::Behaviour::respondAfter(400ms, 200, "[1]"));
        std::vector<LoadReport> live;
        const auto begin = std::chrono::steady_clock::now();
        auto report = runLoad(
            planFor(server, 25, 2), [&](const LoadReport &now) { live.push_back(now); }, CancelToken::none());
        const double seconds =
            std::chrono::duration<double>(std::chrono::steady_clock::now() - begin).count();
        QVERIFY(report.ok());
        QCOMPARE(report.value().planned, std::int64_t(50));
        QCOMPARE(report.value().sent, std::int64_t(50));
        QCOMPARE(report.value().succeeded, std::int64_t(50));
        QCOMPARE(report.value().failed(), std::int64_t(0));
        // A closed loop would take 50 x 0.4 s; open, it takes the 2 s plus the last answer.
        QVERIFY2(seconds < 5, std::to_string(seconds).c_str());
        QVERIFY(server.connectionCount() > 1);
        QVERIFY(*report.value().latency.percentile(50) >= 400);
        QVERIFY(!live.empty());
        QVERIFY(live.front().inFlight > 0); // live reports while requests are out
        QCOMPARE(live.back().sent, std::int64_t(50));
        // Every body sent equally often, but not in turn (in turn they would march in lockstep
        // with a load balancer's round robin); with the deployment header and JSON content type.
        const auto requests = server.requests();
        QCOMPARE(requests.size(), std::size_t(50));
        QCOMPARE(requests[0].header("modelgate-deployment"), std::string("green"));
        QCOMPARE(requests[0].header("Content-Type"), std::string("application/json"));
        int first = 0;
        for (std::size_t i = 0; i < requests.size(); ++i) {
            first += requests[i].body == requests[0].body ? 1 : 0;
            QVERIFY(requests[i].body == planFor(server, 1, 1).bodies[0] ||
                    requests[i].body == planFor(server, 1, 1).bodies[1]);
        }
        // Each round of two requests sends both bodies: whole rounds send them equally often.
        QCOMPARE(first, 25);
        for (std::size_t i = 0; i + 1 < requests.size(); i += 2)
            QVERIFY(requests[i].body != requests[i + 1].body);
        // Of the even requests, both bodies: a 50/50 round robin's even half sees both.
        bool evenSeesBoth = false;
        for (std::size_t i = 2; i < requests.size(); i += 2)
            evenSeesBoth = evenSeesBoth || requests[i].body != requests[0].body;
        QVERIFY(evenSeesBoth);
    }

    void countsFailuresByKind()
    {
        test::MisbehavingServer server;
        QVERIFY(server.isListening());
        for (int i = 0; i < 3; ++i)
            server.enqueue(test::Behaviour::respond(400, "{\"error_code\":\"BAD_REQUEST\"}"));
        server.enqueue(test::Behaviour::respond(503, "busy"));
        server.enqueue(test::Behaviour::stall()); // no answer within the request's timeout
        LoadPlan plan = planFor(server, 10, 1);
        plan.timeoutSeconds = 1;
        auto report = runLoad(plan, {}, CancelToken::none());
        QVERIFY(report.ok());
        QCOMPARE(report.value().sent, std::int64_t(10));
        QCOMPARE(report.value().failedByStatus.at(400), std::int64_t(3));
        QCOMPARE(report.value().failedByStatus.at(503), std::int64_t(1));
        QCOMPARE(report.value().transportErrors, std::int64_t(1));
        QCOMPARE(report.value().succeeded, std::int64_t(5));
        QCOMPARE(report.value().latency.count(), std::int64_t(9)); // answered ones only
        server.stop();
    }

    void cancelStopsStartingAndWaitsBriefly()
    {
        test::MisbehavingServer server;
        QVERIFY(server.isListening());
        server.setDefaultBehaviour(test::Behaviour::stall());
        const CancelToken cancel;
        std::thread stopper([&] {
            std::this_thread::sleep_for(500ms);
            cancel.cancel();
        });
        const auto begin = std::chrono::steady_clock::now();
        auto report = runLoad(planFor(server, 20, 30), {}, cancel);
        const double seconds =
            std::chrono::duration<double>(std::chrono::steady_clock::now() - begin).count();
        stopper.join();
        QVERIFY(report.ok());
        QVERIFY(report.value().cancelled);
        QVERIFY(report.value().sent < 20 * 30);
        QVERIFY2(seconds < 4, std::to_string(seconds).c_str()); // 0.5 s, then at most 2 s of grace
        server.stop();
    }

    void sendsOnlyToLoopbackOrTheEndpoint_data()
    {
        QTest::addColumn<QString>("url");
        QTest::addColumn<QString>("allowed");
        QTest::addColumn<bool>("ok");
        QTest::newRow("loopback") << u"http://127.0.0.1:5000/invocations"_qs << QString() << true;
        QTest::newRow("localhost") << u"http://localhost:5000/invocations"_qs << QString() << true;
        QTest::newRow("own endpoint") << u"https://ep.westeurope.inference.ml.azure.com/score"_qs
                                      << u"https://ep.westeurope.inference.ml.azure.com"_qs << true;
        QTest::newRow("elsewhere") << u"http://192.0.2.1:8080/invocations"_qs << QString() << false;
        QTest::newRow("look-alike host")
            << u"http://127.0.0.1.example.com/invocations"_qs << QString() << false;
        QTest::newRow("another endpoint") << u"https://other.inference.ml.azure.com/score"_qs
                                          << u"https://ep.westeurope.inference.ml.azure.com"_qs << false;
        QTest::newRow("not http") << u"file:///etc/passwd"_qs << QString() << false;
    }

    void sendsOnlyToLoopbackOrTheEndpoint()
    {
        QFETCH(QString, url);
        QFETCH(QString, allowed);
        QFETCH(bool, ok);
        LoadPlan plan;
        plan.url = url.toStdString();
        plan.allowedUri = allowed.toStdString();
        plan.bodies = {"{}"};
        QCOMPARE(validateLoadPlan(plan).ok(), ok);
    }

    void boundsRateAndDuration()
    {
        LoadPlan plan;
        plan.url = "http://127.0.0.1:1/invocations";
        plan.bodies = {"{}"};
        QVERIFY(validateLoadPlan(plan).ok());
        for (double rate : {0.0, -1.0, kMaxLoadRate + 1}) {
            plan.rate = rate;
            QVERIFY(!validateLoadPlan(plan).ok());
        }
        plan.rate = 10;
        for (int seconds : {0, kMaxLoadDurationSeconds + 1}) {
            plan.durationSeconds = seconds;
            QVERIFY(!validateLoadPlan(plan).ok());
        }
        plan.durationSeconds = 10;
        plan.bodies.clear();
        QVERIFY(!validateLoadPlan(plan).ok());
    }
};

QTEST_GUILESS_MAIN(TestLoadGenerator)
#include "tst_load_generator.moc"
