// Waiting for Azure Resource Manager's long-running operations, against a loopback server
// that answers as ARM documents it: 201/202 with Azure-AsyncOperation or Location, Retry-After,
// a status resource that ends Succeeded, Failed (with ARM's error body) or Canceled.
#include "misbehaving_server.h"
#include "result_assertions.h"

#include <atomic>
#include <chrono>
#include <thread>

#include <QtTest/QtTest>

#include <modelgate/core/http/http.h>
#include <modelgate/core/http/long_running_operation.h>
#include <modelgate/core/http/rest_call.h>

using namespace modelgate;
using namespace std::chrono_literals;

namespace {

using test::Behaviour;
using test::MisbehavingServer;

OperationPollOptions fastPolling()
{
    OperationPollOptions options;
    options.minInterval = 0ms;
    options.defaultInterval = 10ms;
    return options;
}

HttpResponse accepted(int status, HttpHeaders headers)
{
    HttpResponse response;
    response.status = status;
    for (auto &[name, value] : headers)
        response.headers.emplace_back(name, value);
    return response;
}

Behaviour statusResource(const std::string &status, HttpHeaders headers = {})
{
    headers.emplace_back("Content-Type", "application/json");
    return Behaviour::respond(200, R"({"name":"op-1","status":")" + status + R"("})", std::move(headers));
}

} // namespace

class TestLongRunningOperation final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void statusResourceUntilSucceeded()
    {
        MisbehavingServer server;
        QVERIFY(server.isListening());
        server.enqueue(statusResource("InProgress"));
        server.enqueue(statusResource("Running"));
        server.enqueue(statusResource("Succeeded"));
        const auto transport = makeCurlTransport();
        OperationPollOptions options = fastPolling();
        options.headers = [] { return HttpHeaders{{"Authorization", "Bearer fresh-token"}}; };
        std::vector<OperationProgress> seen;
        const auto done = pollUntilDone(
            *transport, server.url("/subscriptions/s/onlineEndpoints/e"),
            accepted(201, {{"azure-asyncoperation", server.url("/operations/1")}}), CancelToken(), options,
            [&seen](const OperationProgress &progress) { seen.push_back(progress); });
        REQUIRE_OK(done);
        QCOMPARE(server.requestCount(), 3);
        QVERIFY(done->body.find("Succeeded") != std::string::npos);
        QCOMPARE(seen.back().polls, 3);
        QCOMPARE(seen.back().status, std::string("Succeeded"));
        QCOMPARE(seen.front().status, std::string("InProgress"));
        // Each poll carries the headers of its time (a token refreshed meanwhile).
        QCOMPARE(server.lastRequest().header("Authorization"), std::string("Bearer fresh-token"));
        QCOMPARE(server.lastRequest().target, std::string("/operations/1"));
    }

    void locationUntilTheResult()
    {
        MisbehavingServer server;
        QVERIFY(server.isListening());
        server.enqueue(Behaviour::respond(202, {}, {{"Location", server.url("/operations/2?step=2")}}));
        server.enqueue(Behaviour::respond(200, R"({"name":"blue"})", {{"Content-Type", "application/json"}}));
        const auto transport = makeCurlTransport();
        const auto done = pollUntilDone(*transport, server.url("/deployments/blue"),
                                        accepted(202, {{"location", server.url("/operations/2")}}),
                                        CancelToken(), fastPolling());
        REQUIRE_OK(done);
        QCOMPARE(done->status, 200);
        QCOMPARE(done->body, std::string(R"({"name":"blue"})"));
        // The newer Location of a 202 is followed.
        QCOMPARE(server.lastRequest().target, std::string("/operations/2?step=2"));
    }

    void aFailedOperationCarriesArmsError()
    {
        MisbehavingServer server;
        QVERIFY(server.isListening());
        server.enqueue(statusResource("InProgress"));
        server.enqueue(Behaviour::respond(
            200,
            R"({"status":"Failed","error":{"code":"DeploymentFailed","message":"Container failed to start: model not found"}})",
            {{"Content-Type", "application/json"}}));
        const auto transport = makeCurlTransport();
        const auto done =
            pollUntilDone(*transport, server.url("/d"),
                          accepted(202, {{"azure-asyncoperation", server.url("/operations/3")}}),
                          CancelToken(), fastPolling());
        QVERIFY(!done.ok());
        QCOMPARE(done.error().kind, ErrorKind::Api);
        QCOMPARE(done.error().code, std::string("DeploymentFailed"));
        QCOMPARE(done.error().message, std::string("Container failed to start: model not found"));
    }

    void aPollErrorIsMappedFromArmsBody()
    {
        MisbehavingServer server;
        QVERIFY(server.isListening());
        server.enqueue(Behaviour::respond(
            401,
            R"({"error":{"code":"ExpiredAuthenticationToken","message":"The access token expiry UTC time is in the past."}})",
            {{"Content-Type", "application/json"}}));
        const auto transport = makeCurlTransport();
        const auto done =
            pollUntilDone(*transport, server.url("/d"),
                          accepted(202, {{"azure-asyncoperation", server.url("/operations/4")}}),
                          CancelToken(), fastPolling());
        QVERIFY(!done.ok());
        QCOMPARE(done.error().kind, ErrorKind::Api);
        QCOMPARE(done.error().httpStatus, 401);
        QCOMPARE(done.error().code, std::string("ExpiredAuthenticationToken"));

        HttpResponse gateway;
        gateway.status = 502;
        gateway.body = "<html><head><title>502 Bad Gateway</title></head></html>";
        const Error plain = armErrorBody(gateway);
        QCOMPARE(plain.kind, ErrorKind::HttpStatus);
        QCOMPARE(plain.message, std::string("502 Bad Gateway"));
    }

    void retryAfterIsHonoured()
    {
        MisbehavingServer server;
        QVERIFY(server.isListening());
        server.enqueue(statusResource("InProgress", {{"Retry-After", "1"}}));
        server.enqueue(statusResource("Succeeded"));
        const auto transport = makeCurlTransport();
        const auto started = std::chrono::steady_clock::now();
        const auto done =
            pollUntilDone(*transport, server.url("/d"),
                          accepted(202, {{"azure-asyncoperation", server.url("/operations/5")}}),
                          CancelToken(), fastPolling());
        REQUIRE_OK(done);
        // The second poll waited for the server's Retry-After, not the 10 ms default.
        QVERIFY(std::chrono::steady_clock::now() - started >= 900ms);
    }

    void cancelStopsTheWaitAndSaysTheOperationGoesOn()
    {
        MisbehavingServer server;
        QVERIFY(server.isListening());
        const auto transport = makeCurlTransport();
        const CancelToken cancel;
        std::thread canceller([&cancel] {
            std::this_thread::sleep_for(200ms);
            cancel.cancel();
        });
        const auto started = std::chrono::steady_clock::now();
        const auto done = pollUntilDone(
            *transport, server.url("/d"),
            accepted(202, {{"azure-asyncoperation", server.url("/operations/6")}, {"retry-after", "30"}}),
            cancel, fastPolling());
        canceller.join();
        QVERIFY(!done.ok());
        QCOMPARE(done.error().kind, ErrorKind::Cancelled);
        QVERIFY(done.error().message.find("goes on at the server") != std::string::npos);
        QVERIFY(std::chrono::steady_clock::now() - started < 10s);
        QCOMPARE(server.requestCount(), 0);
    }

    void aDeadlineEndsTheWait()
    {
        MisbehavingServer server;
        QVERIFY(server.isListening());
        server.setDefaultBehaviour(statusResource("InProgress"));
        const auto transport = makeCurlTransport();
        const auto done =
            pollUntilDone(*transport, server.url("/d"),
                          accepted(202, {{"azure-asyncoperation", server.url("/operations/7")}}),
                          CancelToken().withTimeout(300ms), fastPolling());
        QVERIFY(!done.ok());
        QCOMPARE(done.error().kind, ErrorKind::Transport);
        QCOMPARE(done.error().code, std::string("deadline_exceeded"));
    }

    void aPollUrlOnAnotherHostIsRefused()
    {
        // The poll URL comes from the server: following it elsewhere would hand the bearer
        // token to whoever that host is.
        MisbehavingServer server;
        QVERIFY(server.isListening());
        const auto transport = makeCurlTransport();
        const auto done =
            pollUntilDone(*transport, server.url("/d"),
                          accepted(202, {{"azure-asyncoperation", "https://attacker.example/operations/8"}}),
                          CancelToken(), fastPolling());
        QVERIFY(!done.ok());
        QCOMPARE(done.error().kind, ErrorKind::Parse);
        QCOMPARE(server.requestCount(), 0);
    }

    void anOperationThatEndedAtOnceIsNotPolled()
    {
        MisbehavingServer server;
        QVERIFY(server.isListening());
        const auto transport = makeCurlTransport();
        HttpResponse ok;
        ok.status = 200;
        ok.body = "{}";
        REQUIRE_OK(pollUntilDone(*transport, server.url("/d"), ok, CancelToken(), fastPolling()));
        QCOMPARE(server.requestCount(), 0);
    }
};

QTEST_GUILESS_MAIN(TestLongRunningOperation)
#include "tst_long_running_operation.moc"
