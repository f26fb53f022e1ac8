// getMetricHistoryBulkInterval's wire format and its defence against answers the real
// MLflow server never gives (foreign or missing run ids, malformed points), and
// fetchMetricOverview's fallback for servers without the endpoint (MLflow < 2.11, which
// the test suite cannot run). The happy paths run against the real server in
// tst_review_integration.
#include <mutex>

#include <QTest>

#include <modelgate/core/mlflow/mlflow_client.h>
#include <modelgate/core/review/metric_history.h>

using namespace modelgate;

namespace {

// Answers each request with respond(url) and records the URLs.
class ScriptedTransport final : public HttpTransport
{
public:
    std::function<HttpResponse(const std::string &)> respond;
    std::vector<std::string> urls;

    Result<HttpResponse> send(const HttpRequest &request, const CancelToken &) override
    {
        std::lock_guard lock(m_mutex);
        urls.push_back(request.url);
        return respond(request.url);
    }

private:
    std::mutex m_mutex;
};

HttpResponse ok(std::string body)
{
    return {200, {}, std::move(body)};
}

std::string point(const std::string &runId, int step, double value)
{
    return "{\"key\":\"loss\",\"value\":" + std::to_string(value) +
           ",\"timestamp\":1,\"step\":" + std::to_string(step) +
           (runId.empty() ? std::string() : ",\"run_id\":\"" + runId + "\"") + "}";
}

struct Fixture
{
    std::shared_ptr<ScriptedTransport> transport = std::make_shared<ScriptedTransport>();
    MlflowClient client{ClientConfig{"http://mlflow.test:5000", {}, {}, {}, {}, false}, transport};
};

} // namespace

class TestBulkHistory final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void requestCarriesRepeatedRunIdsOnce()
    {
        Fixture f;
        f.transport->respond = [](const std::string &) {
            return ok("{\"metrics\":[" + point("b", 0, 0.5) + "," + point("a", 0, 0.9) + "," +
                      point("a", 1, 0.8) + "]}");
        };
        const auto result =
            f.client.getMetricHistoryBulkInterval({"a", "b", "a"}, "loss", 100, 0, 10, CancelToken::none());
        QVERIFY(result.ok());
        QCOMPARE(f.transport->urls.size(), std::size_t{1});
        QCOMPARE(f.transport->urls[0],
                 std::string("http://mlflow.test:5000/api/2.0/mlflow/metrics/"
                             "get-history-bulk-interval?run_ids=a&run_ids=b&metric_key=loss&"
                             "max_results=100&start_step=0&end_step=10"));
        QCOMPARE(result->size(), std::size_t{3});
        QCOMPARE((*result)[0].size(), std::size_t{2});
        QCOMPARE((*result)[1].size(), std::size_t{1});
        QCOMPARE((*result)[1][0].value, 0.5);
        QCOMPARE((*result)[2].size(), std::size_t{2}); // the repeated id gets a copy
        QCOMPARE((*result)[2][1].step, std::int64_t{1});
    }

    void metricKeyIsEncoded()
    {
        Fixture f;
        f.transport->respond = [](const std::string &) { return ok("{}"); };
        const auto result =
            f.client.getMetricHistoryBulkInterval({"a"}, "val loss/é&x", 5, {}, {}, CancelToken::none());
        QVERIFY(result.ok());
        QVERIFY((*result)[0].empty()); // {} = no metrics
        QVERIFY2(f.transport->urls[0].find("metric_key=val%20loss%2F%C3%A9%26x") != std::string::npos,
                 f.transport->urls[0].c_str());
    }

    void hostileAnswers_data()
    {
        QTest::addColumn<QString>("body");
        QTest::addColumn<QString>("field");
        QTest::newRow("foreign run") << QString::fromStdString("{\"metrics\":[" + point("zzz", 0, 1) + "]}")
                                     << u"metrics[0].run_id"_qs;
        QTest::newRow("no run id with two runs")
            << QString::fromStdString("{\"metrics\":[" + point("a", 0, 1) + "," + point("", 1, 1) + "]}")
            << u"metrics[1].run_id"_qs;
        QTest::newRow("metrics not a list") << u"{\"metrics\":{}}"_qs << u"metrics"_qs;
        QTest::newRow("step as text")
            << u"{\"metrics\":[{\"run_id\":\"a\",\"step\":\"x\"}]}"_qs << u"metrics[0].step"_qs;
        QTest::newRow("not json") << u"<html>"_qs << QString();
        QTest::newRow("array body") << u"[]"_qs << QString();
    }

    void hostileAnswers()
    {
        QFETCH(QString, body);
        QFETCH(QString, field);
        Fixture f;
        const std::string text = body.toStdString();
        f.transport->respond = [&](const std::string &) { return ok(text); };
        const auto result =
            f.client.getMetricHistoryBulkInterval({"a", "b"}, "loss", 5, {}, {}, CancelToken::none());
        QVERIFY(!result.ok());
        QCOMPARE(result.error().kind, ErrorKind::Parse);
        if (!field.isEmpty())
            QCOMPARE(QString::fromStdString(result.error().field), field);
    }

    void missingRunIdIsFineForOneRun()
    {
        Fixture f;
        f.transport->respond = [](const std::string &) {
            return ok("{\"metrics\":[" + point("", 3, 1) + "]}");
        };
        const auto result =
            f.client.getMetricHistoryBulkInterval({"a"}, "loss", 5, {}, {}, CancelToken::none());
        QVERIFY(result.ok());
        QCOMPARE((*result)[0].front().runId, std::string("a"));
    }

    void overviewFallsBackWithoutTheEndpoint()
    {
        Fixture f;
        f.transport->respond = [](const std::string &url) {
            if (url.find("get-history-bulk-interval") != std::string::npos)
                return HttpResponse{404, {}, "<!doctype html><title>404 Not Found</title>"};
            const std::string run = url.find("run_id=a") != std::string::npos ? "a" : "b";
            std::string body = "{\"metrics\":[";
            for (int step = 0; step < 500; ++step)
                body += (step ? "," : "") + point("", step, step % 7);
            return ok(body + "]}");
        };
        const auto result =
            fetchMetricOverview(f.client, {"a", "b"}, "loss", 50, 100, 299, CancelToken::none());
        QVERIFY2(result.ok(), result.ok() ? "" : result.error().describe().c_str());
        QCOMPARE(result->size(), std::size_t{2});
        for (const auto &series : *result) {
            QCOMPARE(series.size(), std::size_t{50});
            QCOMPARE(series.front().step, std::int64_t{100});
            QCOMPARE(series.back().step, std::int64_t{299});
        }
    }

    void overviewSplitsRunsIntoRequestsOfAHundred()
    {
        Fixture f;
        f.transport->respond = [](const std::string &) { return ok("{}"); };
        std::vector<std::string> runs;
        for (int i = 0; i < 250; ++i)
            runs.push_back("r" + std::to_string(i));
        const auto result = fetchMetricOverview(f.client, runs, "loss", 10, {}, {}, CancelToken::none());
        QVERIFY(result.ok());
        QCOMPARE(result->size(), std::size_t{250});
        QCOMPARE(f.transport->urls.size(), std::size_t{3});
        for (const auto &url : f.transport->urls) {
            const auto count =
                std::count(url.begin(), url.end(), '&'); // run_ids=..&..&metric_key&max_results
            QVERIFY(count <= 101);
        }
    }

    void otherErrorsAreNotHidden()
    {
        Fixture f;
        f.transport->respond = [](const std::string &) {
            return HttpResponse{400, {}, R"({"error_code":"INVALID_PARAMETER_VALUE","message":"bad"})"};
        };
        const auto result = fetchMetricOverview(f.client, {"a"}, "loss", 10, {}, {}, CancelToken::none());
        QVERIFY(!result.ok());
        QCOMPARE(result.error().code, std::string("INVALID_PARAMETER_VALUE"));
        QCOMPARE(f.transport->urls.size(), std::size_t{1}); // no fallback for a real error
    }
};

QTEST_GUILESS_MAIN(TestBulkHistory)
#include "tst_bulk_history.moc"
