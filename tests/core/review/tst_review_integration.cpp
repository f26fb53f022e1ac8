// The review functions against the real, seeded MLflow server of the CTest fixture "mlflow"
// (scripts/seed_demo.py; seed.json in the server's state directory lists versions, run ids,
// metrics and the number of `loss` steps per run). What this test creates (one registered
// model for the metric-direction tag) carries a random name and is deleted afterwards.
#include <algorithm>
#include <mlflow_test_server.h>
#include <nlohmann/json.hpp>
#include <result_assertions.h>

#include <QFile>
#include <QRandomGenerator>
#include <QTest>

#include <modelgate/core/review/metric_direction.h>
#include <modelgate/core/review/metric_history.h>
#include <modelgate/core/mlflow/mlflow_client.h>
#include <modelgate/core/review/review.h>

using namespace modelgate;
using Json = nlohmann::json;

namespace {

constexpr const char *kDiabetes = "diabetes-classifier";

} // namespace

class TestReviewIntegration final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase()
    {
        MODELGATE_REQUIRE_MLFLOW(uri);
        ClientConfig config;
        config.trackingUri = uri.toStdString();
        m_client = std::make_unique<MlflowClient>(config);
        QFile seed(modelgate::test::sharedMlflowStateDir() + QStringLiteral("/seed.json"));
        QVERIFY2(seed.open(QIODevice::ReadOnly), qPrintable(seed.fileName()));
        m_seed = Json::parse(seed.readAll().toStdString());
        for (const auto &version : m_seed["models"][kDiabetes]["versions"])
            m_versions[version["version"].get<std::string>()] = version;
        QCOMPARE(m_versions.size(), std::size_t{4});
    }

    void cleanupTestCase()
    {
        if (m_client && !m_createdModel.empty())
            (void)m_client->call(HttpMethod::Delete, "registered-models/delete",
                                 Json{{"name", m_createdModel}}.dump(), CancelToken::none());
    }

    void bulkIntervalReturnsEveryPointOfShortHistories()
    {
        const std::string v1 = runOf("1");
        const std::string v2 = runOf("2"); // the decision tree logs no loss history
        const std::string v3 = runOf("3");
        const auto result = m_client->getMetricHistoryBulkInterval(
            {v1, v2, v3, v1}, "loss", 2500, std::nullopt, std::nullopt, CancelToken::none());
        REQUIRE_OK(result);
        QCOMPARE(result->size(), std::size_t{4});
        const auto check = [&](const std::vector<Metric> &points, const std::string &version) {
            const std::string runId = runOf(version);
            const auto steps = m_versions[version]["loss_steps"].get<std::size_t>();
            QCOMPARE(points.size(), steps); // fewer steps than max_results: nothing is sampled away
            for (std::size_t i = 0; i < points.size(); ++i) {
                QCOMPARE(points[i].runId, runId); // the server names the run of every point
                QCOMPARE(points[i].key, std::string("loss"));
                QCOMPARE(points[i].step, static_cast<std::int64_t>(i));
                QVERIFY(points[i].value > 0.0 && points[i].value < 5.0);
            }
        };
        check((*result)[0], "1");
        QVERIFY((*result)[1].empty());
        check((*result)[2], "3");
        check((*result)[3], "1"); // a repeated run id gets its own copy
    }

    void bulkIntervalSamplesOnTheServer()
    {
        const std::string v1 = runOf("1"); // 150 steps
        const std::string v3 = runOf("3"); // 120 steps
        const auto result = m_client->getMetricHistoryBulkInterval({v1, v3}, "loss", 10, std::nullopt,
                                                                   std::nullopt, CancelToken::none());
        REQUIRE_OK(result);
        const auto &first = (*result)[0];
        const auto &second = (*result)[1];
        // 10 evenly spaced steps of the union of both runs' steps, plus each run's first and last.
        QVERIFY2(first.size() >= 10 && first.size() <= 14, qPrintable(QString::number(first.size())));
        QCOMPARE(first.front().step, std::int64_t{0});
        QCOMPARE(first.back().step, std::int64_t{149});
        QCOMPARE(second.front().step, std::int64_t{0});
        QCOMPARE(second.back().step, std::int64_t{119});
        QVERIFY(std::is_sorted(first.begin(), first.end(),
                               [](const Metric &a, const Metric &b) { return a.step < b.step; }));

        const auto range =
            m_client->getMetricHistoryBulkInterval({v1}, "loss", 2500, 10, 20, CancelToken::none());
        REQUIRE_OK(range);
        QCOMPARE((*range)[0].size(), std::size_t{11});
        QCOMPARE((*range)[0].front().step, std::int64_t{10});
        QCOMPARE((*range)[0].back().step, std::int64_t{20});

        const auto unknown =
            m_client->getMetricHistoryBulkInterval({"0123456789abcdef0123456789abcdef"}, "loss", 10,
                                                   std::nullopt, std::nullopt, CancelToken::none());
        REQUIRE_OK(unknown);
        QVERIFY((*unknown)[0].empty());
    }

    void bulkIntervalArgumentsAreCheckedBeforeSending()
    {
        const std::vector<std::string> tooMany(101, "x");
        std::vector<std::string> distinct;
        for (int i = 0; i < 101; ++i)
            distinct.push_back("run" + std::to_string(i));
        const CancelToken &none = CancelToken::none();
        QCOMPARE(m_client->getMetricHistoryBulkInterval(distinct, "loss", 10, {}, {}, none).error().kind,
                 ErrorKind::Config);
        // 101 copies of one id are one run on the wire.
        REQUIRE_OK(m_client->getMetricHistoryBulkInterval(tooMany, "loss", 10, {}, {}, none));
        QCOMPARE(m_client->getMetricHistoryBulkInterval({}, "loss", 10, {}, {}, none).error().kind,
                 ErrorKind::Config);
        QCOMPARE(m_client->getMetricHistoryBulkInterval({"a"}, "", 10, {}, {}, none).error().kind,
                 ErrorKind::Config);
        QCOMPARE(m_client->getMetricHistoryBulkInterval({"a"}, "loss", 0, {}, {}, none).error().kind,
                 ErrorKind::Config);
        QCOMPARE(m_client->getMetricHistoryBulkInterval({"a"}, "loss", 2501, {}, {}, none).error().kind,
                 ErrorKind::Config);
        QCOMPARE(m_client->getMetricHistoryBulkInterval({"a"}, "loss", 10, 5, {}, none).error().kind,
                 ErrorKind::Config);
        QCOMPARE(m_client->getMetricHistoryBulkInterval({"a"}, "loss", 10, 9, 5, none).error().kind,
                 ErrorKind::Config);
        CancelToken cancelled;
        cancelled.cancel();
        QCOMPARE(m_client->getMetricHistoryBulkInterval({"a"}, "loss", 10, {}, {}, cancelled).error().kind,
                 ErrorKind::Cancelled);
    }

    void overviewAndFullHistories()
    {
        const std::vector<std::string> runs{runOf("1"), runOf("2"), runOf("3"), runOf("4")};
        const auto overview =
            fetchMetricOverview(*m_client, runs, "loss", 50, std::nullopt, std::nullopt, CancelToken::none());
        REQUIRE_OK(overview);
        QCOMPARE(overview->size(), std::size_t{4});
        QVERIFY((*overview)[1].empty());
        for (const std::size_t i : {std::size_t{0}, std::size_t{2}, std::size_t{3}}) {
            QVERIFY(!(*overview)[i].empty());
            QVERIFY((*overview)[i].size() <
                    m_versions[std::to_string(i + 1)]["loss_steps"].get<std::size_t>());
            QCOMPARE((*overview)[i].front().runId, runs[i]);
        }

        const auto full = fetchMetricHistories(*m_client, runs, "loss", CancelToken::none());
        QCOMPARE(full.size(), std::size_t{4});
        for (std::size_t i = 0; i < runs.size(); ++i) {
            REQUIRE_OK(full[i]);
            QCOMPARE(full[i]->size(), m_versions[std::to_string(i + 1)]["loss_steps"].get<std::size_t>());
        }
    }

    void metricAcrossAllVersions()
    {
        const auto points = metricAcrossVersions(*m_client, kDiabetes, "auc", CancelToken::none());
        REQUIRE_OK(points);
        QCOMPARE(points->size(), std::size_t{4});
        QCOMPARE(points->front().version.version, std::string("4")); // newest first
        for (const auto &point : *points) {
            QVERIFY2(point.metric, point.note.c_str());
            QCOMPARE(point.metric->value, m_versions[point.version.version]["metrics"]["auc"].get<double>());
        }
        const auto missing =
            metricAcrossVersions(*m_client, kDiabetes, "no_such_metric", CancelToken::none());
        REQUIRE_OK(missing);
        QVERIFY(!missing->front().metric);
        QVERIFY(!missing->front().note.empty());
    }

    void versionEvidenceByNumberAndAlias()
    {
        const auto byNumber = loadVersionEvidence(*m_client, kDiabetes, "3", CancelToken::none());
        REQUIRE_OK(byNumber);
        const auto byAlias = loadVersionEvidence(*m_client, kDiabetes, "@champion", CancelToken::none());
        REQUIRE_OK(byAlias);
        for (const VersionEvidence *evidence : {&byNumber.value(), &byAlias.value()}) {
            QCOMPARE(evidence->version.version, std::string("3"));
            QVERIFY(evidence->run);
            QCOMPARE(evidence->run->info.runId, runOf("3"));
            QVERIFY2(evidence->signature, evidence->signatureNote.c_str());
            QVERIFY(evidence->signature->present);
            QCOMPARE(evidence->signature->inputs.size(), std::size_t{8});
        }
        const auto missing = loadVersionEvidence(*m_client, kDiabetes, "999", CancelToken::none());
        QVERIFY(!missing.ok());
        QCOMPARE(missing.error().code, std::string("RESOURCE_DOES_NOT_EXIST"));
    }

    void compareCandidateWithChampion()
    {
        const auto comparison = loadComparison(*m_client, kDiabetes, "4", "@champion", CancelToken::none());
        REQUIRE_OK(comparison);
        QCOMPARE(comparison->candidate.version.version, std::string("4"));
        QCOMPARE(comparison->baseline.version.version, std::string("3"));
        for (const char *key : {"accuracy", "auc", "precision", "recall", "f1"}) {
            const auto it = std::find_if(comparison->metrics.begin(), comparison->metrics.end(),
                                         [&](const MetricComparison &row) { return row.key == key; });
            QVERIFY2(it != comparison->metrics.end(), key);
            QCOMPARE(*it->candidate, m_versions["4"]["metrics"][key].get<double>());
            QCOMPARE(*it->baseline, m_versions["3"]["metrics"][key].get<double>());
            QCOMPARE(it->direction, MetricDirection::HigherIsBetter);
            QVERIFY(it->verdict == Verdict::Better || it->verdict == Verdict::Worse ||
                    it->verdict == Verdict::Equal);
        }
        const auto auc = std::find_if(comparison->metrics.begin(), comparison->metrics.end(),
                                      [](const MetricComparison &row) { return row.key == "auc"; });
        QCOMPARE(auc->verdict, m_versions["4"]["metrics"]["auc"].get<double>() >
                                       m_versions["3"]["metrics"]["auc"].get<double>()
                                   ? Verdict::Better
                                   : Verdict::Worse);
        const auto modelClass = std::find_if(comparison->params.begin(), comparison->params.end(),
                                             [](const ValueDiff &row) { return row.key == "model_class"; });
        QVERIFY(modelClass != comparison->params.end());
        QCOMPARE(modelClass->change, ValueChange::Changed);
        QVERIFY(comparison->signature.compared);
        QVERIFY(!comparison->signature.breaking); // both take the same eight features
        QVERIFY(comparison->signature.changes.empty());

        // v1 was trained on three of the eight features: against v4 five inputs are gone.
        const auto weak = loadComparison(*m_client, kDiabetes, "1", "4", CancelToken::none());
        REQUIRE_OK(weak);
        QVERIFY(weak->signature.breaking);
        QCOMPARE(weak->signature.changes.size(), std::size_t{5});
    }

    void missingAliasIsSaidPlainly()
    {
        const auto result =
            loadComparison(*m_client, "churn-predictor", "1", "@champion", CancelToken::none());
        QVERIFY(!result.ok());
        QCOMPARE(result.error().message, std::string("churn-predictor has no alias 'champion'"));
        const auto noModel =
            loadComparison(*m_client, "no-such-model-xyz", "1", "@champion", CancelToken::none());
        QVERIFY(!noModel.ok());
        QCOMPARE(noModel.error().code, std::string("RESOURCE_DOES_NOT_EXIST"));
    }

    void cancelledComparison()
    {
        CancelToken cancel;
        cancel.cancel();
        const auto result = loadComparison(*m_client, kDiabetes, "4", "@champion", cancel);
        QVERIFY(!result.ok());
        QCOMPARE(result.error().kind, ErrorKind::Cancelled);
    }

    void metricDirectionsLiveOnTheServer()
    {
        m_createdModel = "mg-review-it-" + std::to_string(QRandomGenerator::global()->generate());
        REQUIRE_OK(m_client->call(HttpMethod::Post, "registered-models/create",
                                  Json{{"name", m_createdModel}}.dump(), CancelToken::none()));
        const MetricDirectionMap overrides{{"coverage", MetricDirection::LowerIsBetter},
                                           {"reward_loss", MetricDirection::HigherIsBetter}};
        REQUIRE_OK(setMetricDirections(*m_client, m_createdModel, overrides, CancelToken::none()));
        auto model = m_client->getRegisteredModel(m_createdModel, CancelToken::none());
        REQUIRE_OK(model);
        QCOMPARE(model->tags.at(kMetricDirectionsTag),
                 std::string(R"({"coverage":"lower","reward_loss":"higher"})"));
        const ParsedMetricDirections parsed = parseMetricDirections(model->tags);
        QVERIFY(parsed.warning.empty());
        QCOMPARE(parsed.directions.overrides, overrides);

        auto updated = updateMetricDirection(*m_client, m_createdModel, "latency",
                                             MetricDirection::LowerIsBetter, CancelToken::none());
        REQUIRE_OK(updated);
        QCOMPARE(updated->size(), std::size_t{3});
        updated =
            updateMetricDirection(*m_client, m_createdModel, "coverage", std::nullopt, CancelToken::none());
        REQUIRE_OK(updated);
        model = m_client->getRegisteredModel(m_createdModel, CancelToken::none());
        REQUIRE_OK(model);
        QCOMPARE(model->tags.at(kMetricDirectionsTag),
                 std::string(R"({"latency":"lower","reward_loss":"higher"})"));

        // Too long for the portable limit: refused before anything is written.
        MetricDirectionMap huge;
        for (int i = 0; i < 400; ++i)
            huge["metric_number_" + std::to_string(i)] = MetricDirection::HigherIsBetter;
        const Status refused = setMetricDirections(*m_client, m_createdModel, huge, CancelToken::none());
        QVERIFY(!refused.ok());
        QCOMPARE(refused.error().kind, ErrorKind::Config);
        model = m_client->getRegisteredModel(m_createdModel, CancelToken::none());
        REQUIRE_OK(model);
        QCOMPARE(model->tags.at(kMetricDirectionsTag),
                 std::string(R"({"latency":"lower","reward_loss":"higher"})"));

        // A malformed tag written by someone else: ignored with a warning, never a failure.
        REQUIRE_OK(m_client->setRegisteredModelTag(m_createdModel, kMetricDirectionsTag, "{not json",
                                                   CancelToken::none()));
        model = m_client->getRegisteredModel(m_createdModel, CancelToken::none());
        REQUIRE_OK(model);
        QVERIFY(!parseMetricDirections(model->tags).warning.empty());
        updated = updateMetricDirection(*m_client, m_createdModel, "auc", MetricDirection::HigherIsBetter,
                                        CancelToken::none());
        REQUIRE_OK(updated);
        QCOMPARE(updated->size(), std::size_t{1});

        // The server's own check (MLflow 3.6, SQLite here) allows 100,000 characters: the
        // 5,000-character limit above is the portable one of the VARCHAR(5000) column.
        REQUIRE_OK(m_client->setRegisteredModelTag(m_createdModel, "probe", std::string(5000, 'x'),
                                                   CancelToken::none()));
        const Status tooLong = m_client->setRegisteredModelTag(m_createdModel, "probe",
                                                               std::string(100001, 'x'), CancelToken::none());
        QVERIFY(!tooLong.ok());
        QCOMPARE(tooLong.error().code, std::string("INVALID_PARAMETER_VALUE"));
    }

private:
    std::string runOf(const std::string &version) { return m_versions[version]["run_id"].get<std::string>(); }

    std::unique_ptr<MlflowClient> m_client;
    Json m_seed;
    std::map<std::string, Json> m_versions;
    std::string m_createdModel;
};

QTEST_GUILESS_MAIN(TestReviewIntegration)
#include "tst_review_integration.moc"
