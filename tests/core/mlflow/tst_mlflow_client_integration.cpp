// MlflowClient against the real, seeded MLflow server of the CTest fixture "mlflow"
// (scripts/seed_demo.py: diabetes-classifier v1..v4, champion -> v3, challenger -> v4).
// Everything goes through the real curl + retrying transport. What this test creates
// (models, an experiment and its run) carries a random prefix and is deleted afterwards.

#include <algorithm>
#include <mlflow_test_server.h>
#include <nlohmann/json.hpp>
#include <optional>
#include <set>

#include <QRandomGenerator>
#include <QTest>

#include <modelgate/core/mlflow/mlflow_client.h>

using namespace modelgate;
using Json = nlohmann::json;

namespace {

QString q(const std::string &text)
{
    return QString::fromStdString(text);
}

const char *describe(const Error &error)
{
    static std::string text;
    text = error.describe();
    return text.c_str();
}

const std::vector<std::string> kDiabetesFeatures{
    "Pregnancies",  "PlasmaGlucose", "DiastolicBloodPressure", "TricepsThickness",
    "SerumInsulin", "BMI",           "DiabetesPedigree",       "Age"};
constexpr const char *kDiabetes = "diabetes-classifier";
constexpr int kPaginationModels = 23;
constexpr int kHistoryPoints = 30000;

} // namespace

class TestMlflowClientIntegration final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase()
    {
        MODELGATE_REQUIRE_MLFLOW(uri);
        ClientConfig config;
        config.trackingUri = uri.toStdString();
        m_client = std::make_unique<MlflowClient>(config);
        m_prefix = "mg-it-" + std::to_string(QRandomGenerator::global()->generate()) + "-";
        m_createdModels.reserve(kPaginationModels);
        for (int i = 0; i < kPaginationModels; ++i) {
            const std::string name = m_prefix + "page-" + (i < 10 ? "0" : "") + std::to_string(i);
            m_createdModels.push_back(name);
            QVERIFY(create("registered-models/create", Json{{"name", name}}));
        }
    }

    void cleanupTestCase()
    {
        if (!m_client)
            return;
        for (const auto &name : m_createdModels) {
            const auto deleted = m_client->call(HttpMethod::Delete, "registered-models/delete",
                                                Json{{"name", name}}.dump(), CancelToken::none());
            if (!deleted.ok())
                qWarning("could not delete %s: %s", name.c_str(), describe(deleted.error()));
        }
        if (!m_experimentId.empty()) {
            (void)m_client->call(HttpMethod::Post, "experiments/delete",
                                 Json{{"experiment_id", m_experimentId}}.dump(), CancelToken::none());
        }
    }

    void serverVersion()
    {
        const auto version = m_client->serverVersion(CancelToken::none());
        QVERIFY2(version.ok(), version.ok() ? "" : describe(version.error()));
        // The server runs the MLflow of the environment under test (pinned, or the newest in
        // the compatibility pass).
        QVERIFY(!test::mlflowVersion().isEmpty());
        QCOMPARE(q(version.value()), test::mlflowVersion());
    }

    void paginationReturnsEveryModelOnce()
    {
        SearchModelsQuery query;
        query.filter = "name LIKE '" + m_prefix + "page-%'";
        query.orderBy = {"name ASC"};
        query.maxResults = 5;
        std::vector<std::size_t> pageSizes;
        const auto all = m_client->searchAllRegisteredModels(query, CancelToken::none(),
                                                             [&](const Page<RegisteredModel> &page) {
                                                                 pageSizes.push_back(page.items.size());
                                                                 return true;
                                                             });
        QVERIFY2(all.ok(), all.ok() ? "" : describe(all.error()));
        QCOMPARE(pageSizes, (std::vector<std::size_t>{5, 5, 5, 5, 3}));
        QCOMPARE(all->size(), std::size_t(kPaginationModels));
        std::set<std::string> names;
        for (const auto &model : *all)
            names.insert(model.name);
        QCOMPARE(names,
                 std::set<std::string>(m_createdModels.begin(), m_createdModels.begin() + kPaginationModels));
        QVERIFY(
            std::is_sorted(all->begin(), all->end(), [](const RegisteredModel &a, const RegisteredModel &b) {
                return a.name < b.name;
            }));

        // One page by hand: the token is the server's, returned verbatim.
        const auto first = m_client->searchRegisteredModels(query, CancelToken::none());
        QVERIFY(first.ok());
        QVERIFY(!first->nextPageToken.empty());
        query.pageToken = first->nextPageToken;
        const auto second = m_client->searchRegisteredModels(query, CancelToken::none());
        QVERIFY(second.ok());
        QCOMPARE(q(second->items.front().name), q(m_prefix + "page-05"));
    }

    void versionsCarryAliases()
    {
        const auto model = m_client->getRegisteredModel(kDiabetes, CancelToken::none());
        QVERIFY2(model.ok(), model.ok() ? "" : describe(model.error()));
        QVERIFY(model->aliases.count("champion"));
        const std::string champion = model->aliases.at("champion");

        const auto versions = m_client->listModelVersions(kDiabetes, CancelToken::none());
        QVERIFY2(versions.ok(), versions.ok() ? "" : describe(versions.error()));
        QVERIFY(versions->size() >= 3);
        for (std::size_t i = 1; i < versions->size(); ++i)
            QVERIFY((*versions)[i - 1].versionNumber() > (*versions)[i].versionNumber());
        bool sawChampion = false;
        for (const auto &version : *versions) {
            QCOMPARE(q(version.name), q(kDiabetes));
            QCOMPARE(version.aliases, model->aliasesOf(version.version));
            if (version.version == champion) {
                QVERIFY(std::count(version.aliases.begin(), version.aliases.end(), "champion") == 1);
                sawChampion = true;
            }
        }
        QVERIFY(sawChampion);

        // get and get-by-alias fill aliases themselves.
        const auto got = m_client->getModelVersion(kDiabetes, champion, CancelToken::none());
        QVERIFY(got.ok());
        QVERIFY(std::count(got->aliases.begin(), got->aliases.end(), "champion") == 1);
        const auto resolved = m_client->resolveModelVersion(kDiabetes, "@champion", CancelToken::none());
        QVERIFY(resolved.ok());
        QCOMPARE(q(resolved->version), q(champion));
        QVERIFY(resolved->source.rfind("models:/m-", 0) == 0);
    }

    void runWithParamsAndMetrics()
    {
        const auto version = m_client->resolveModelVersion(kDiabetes, "@champion", CancelToken::none());
        QVERIFY(version.ok());
        QVERIFY(!version->runId.empty());
        const auto run = m_client->getRun(version->runId, CancelToken::none());
        QVERIFY2(run.ok(), run.ok() ? "" : describe(run.error()));
        QCOMPARE(q(run->info.runId), q(version->runId));
        QCOMPARE(q(run->info.status), QStringLiteral("FINISHED"));
        QCOMPARE(q(run->params.at("model_class")), QStringLiteral("RandomForestClassifier"));
        QVERIFY(!run->metrics.empty());
        QVERIFY(!run->datasetInputs.empty());

        const auto experiment = m_client->getExperiment(run->info.experimentId, CancelToken::none());
        QVERIFY(experiment.ok());
        QCOMPARE(q(experiment->name), QStringLiteral("diabetes-classification"));
        const auto experiments =
            m_client->searchExperiments("name = 'diabetes-classification'", 10, {}, CancelToken::none());
        QVERIFY(experiments.ok());
        QCOMPARE(experiments->items.size(), std::size_t(1));
    }

    void longMetricHistory()
    {
        const std::string experimentName = m_prefix + "history";
        const auto experiment = create("experiments/create", Json{{"name", experimentName}});
        QVERIFY(experiment);
        m_experimentId = experiment->value("experiment_id", "");
        QVERIFY(!m_experimentId.empty());
        const auto run = create("runs/create", Json{{"experiment_id", m_experimentId}, {"start_time", 1}});
        QVERIFY(run);
        const std::string runId = (*run)["run"]["info"]["run_id"].get<std::string>();

        // Steps are logged in a shuffled order, with timestamps that follow the step, so the
        // server's (timestamp, step) order is the step order.
        std::vector<int> steps(kHistoryPoints);
        for (int i = 0; i < kHistoryPoints; ++i)
            steps[static_cast<std::size_t>(i)] = i;
        std::shuffle(steps.begin(), steps.end(), *QRandomGenerator::global());
        for (int start = 0; start < kHistoryPoints; start += 1000) { // log-batch takes at most 1000 metrics
            Json metrics = Json::array();
            for (int i = start; i < std::min(start + 1000, kHistoryPoints); ++i) {
                const int step = steps[static_cast<std::size_t>(i)];
                metrics.push_back(Json{{"key", "loss"},
                                       {"value", step * 0.5},
                                       {"timestamp", 1'700'000'000'000LL + step},
                                       {"step", step}});
            }
            const auto logged =
                m_client->call(HttpMethod::Post, "runs/log-batch",
                               Json{{"run_id", runId}, {"metrics", metrics}}.dump(), CancelToken::none());
            QVERIFY2(logged.ok(), logged.ok() ? "" : describe(logged.error()));
        }

        // The client asks for 25000 per page, so 30000 points take two pages: check the server
        // really splits them, so the paging path is the one exercised below.
        const auto firstPage =
            m_client->call(HttpMethod::Get, "metrics/get-history",
                           "run_id=" + runId + "&metric_key=loss&max_results=25000", CancelToken::none());
        QVERIFY(firstPage.ok());
        const Json firstJson = Json::parse(firstPage.value());
        QCOMPARE(firstJson["metrics"].size(), std::size_t(25000));
        QVERIFY(firstJson.contains("next_page_token"));

        const auto history = m_client->getMetricHistory(runId, "loss", CancelToken::none());
        QVERIFY2(history.ok(), history.ok() ? "" : describe(history.error()));
        QCOMPARE(history->size(), std::size_t(kHistoryPoints));
        for (int i = 0; i < kHistoryPoints; ++i) {
            const Metric &metric = (*history)[static_cast<std::size_t>(i)];
            if (metric.step != i || metric.value != i * 0.5 || metric.key != "loss")
                QFAIL(qPrintable(QStringLiteral("point %1 is step %2 value %3")
                                     .arg(i)
                                     .arg(metric.step)
                                     .arg(metric.value)));
        }
    }

    void errorsAreMapped()
    {
        SearchModelsQuery bad;
        bad.filter = "nonsense ===";
        const auto search = m_client->searchRegisteredModels(bad, CancelToken::none());
        QVERIFY(!search.ok());
        QCOMPARE(search.error().kind, ErrorKind::Api);
        QCOMPARE(search.error().httpStatus, 400);
        QCOMPARE(q(search.error().code), QStringLiteral("INVALID_PARAMETER_VALUE"));

        const auto missing = m_client->getRegisteredModel(m_prefix + "does-not-exist", CancelToken::none());
        QVERIFY(!missing.ok());
        QCOMPARE(missing.error().kind, ErrorKind::Api);
        QCOMPARE(missing.error().httpStatus, 404);
        QCOMPARE(q(missing.error().code), QStringLiteral("RESOURCE_DOES_NOT_EXIST"));
        QVERIFY(missing.error().url.find("registered-models/get") != std::string::npos);

        // An unknown alias is 400 INVALID_PARAMETER_VALUE, not 404.
        const auto alias = m_client->resolveModelVersion(kDiabetes, "@no_such_alias", CancelToken::none());
        QVERIFY(!alias.ok());
        QCOMPARE(alias.error().kind, ErrorKind::Api);
        QCOMPARE(alias.error().httpStatus, 400);
        QCOMPARE(q(alias.error().code), QStringLiteral("INVALID_PARAMETER_VALUE"));

        const auto versions = m_client->listModelVersions(m_prefix + "does-not-exist", CancelToken::none());
        QVERIFY(!versions.ok());
        QCOMPARE(q(versions.error().code), QStringLiteral("RESOURCE_DOES_NOT_EXIST"));

        // Not an MLflow route: the framework's HTML 404.
        const auto unknown = m_client->call(HttpMethod::Get, "no-such-endpoint", {}, CancelToken::none());
        QVERIFY(!unknown.ok());
        QCOMPARE(unknown.error().kind, ErrorKind::HttpStatus);
        QCOMPARE(unknown.error().httpStatus, 404);
    }

    void signatures()
    {
        const auto all = m_client->getModelVersionSignature(kDiabetes, "2", CancelToken::none());
        QVERIFY2(all.ok(), all.ok() ? "" : describe(all.error()));
        QVERIFY(all->present);
        QVERIFY(all->hasInputExample);
        QVERIFY(all->flavors.find("sklearn") != std::string::npos);
        QCOMPARE(q(all->mlflowVersion), test::mlflowVersion()); // the version that logged the model
        std::vector<std::string> names;
        for (const auto &field : all->inputs)
            names.push_back(field.name);
        QCOMPARE(names, kDiabetesFeatures);
        QVERIFY(!all->outputs.empty());

        // v1 was trained on three weak features only.
        const auto weak = m_client->getModelVersionSignature(kDiabetes, "1", CancelToken::none());
        QVERIFY2(weak.ok(), weak.ok() ? "" : describe(weak.error()));
        QCOMPARE(weak->inputs.size(), std::size_t(3));
        for (const auto &field : weak->inputs)
            QVERIFY(std::count(kDiabetesFeatures.begin(), kDiabetesFeatures.end(), field.name) == 1);

        const auto missing =
            m_client->getModelVersionArtifact(kDiabetes, "1", "no-such-file", CancelToken::none());
        QVERIFY(!missing.ok());
        QVERIFY(missing.error().httpStatus >= 400);
    }

    void writesAndQuotedNames()
    {
        // Names with quotes: the filter must still find exactly this model's versions.
        for (const std::string suffix : {"it's", "say \"hi\"", "both ' and \"", "back\\slash"}) {
            const std::string name = m_prefix + "quote-" + suffix;
            m_createdModels.push_back(name);
            QVERIFY(create("registered-models/create", Json{{"name", name}}));
            for (int i = 0; i < 2; ++i)
                QVERIFY(create("model-versions/create",
                               Json{{"name", name}, {"source", "s3://modelgate-test/model"}}));

            QVERIFY(m_client->setRegisteredModelAlias(name, "champion", "1", CancelToken::none()).ok());
            // An upsert: setting it again (moving it) succeeds.
            QVERIFY(m_client->setRegisteredModelAlias(name, "champion", "2", CancelToken::none()).ok());
            QVERIFY(m_client->setRegisteredModelTag(name, "team", "it's ours", CancelToken::none()).ok());
            QVERIFY(
                m_client->setModelVersionTag(name, "2", "validation_status", "approved", CancelToken::none())
                    .ok());

            const auto versions = m_client->listModelVersions(name, CancelToken::none());
            QVERIFY2(versions.ok(), versions.ok() ? name.c_str() : describe(versions.error()));
            QCOMPARE(versions->size(), std::size_t(2));
            QCOMPARE(q(versions->at(0).version), QStringLiteral("2"));
            QCOMPARE(versions->at(0).aliases, std::vector<std::string>{"champion"});
            QCOMPARE(q(versions->at(0).tags.at("validation_status")), QStringLiteral("approved"));
            QVERIFY(versions->at(1).aliases.empty());
            const auto model = m_client->getRegisteredModel(name, CancelToken::none());
            QVERIFY(model.ok());
            QCOMPARE(q(model->tags.at("team")), QStringLiteral("it's ours"));
        }
    }

    void basicAuthOnAPrivateServer()
    {
        // MLflow's basic-auth app (default permission READ) on a server of this test's own.
        // Its own, not the shared one: the server's auth cache must be off (a server-wide setting).
        test::PrivateMlflowServer server;
        test::PrivateMlflowServer::Options options;
        options.basicAuth = true;
        options.credentialCache = false; // the server's own refusals, as it answers them uncached
        MODELGATE_START_PRIVATE_MLFLOW(server, options);
        const auto clientAs = [&](Credentials credentials) {
            ClientConfig config;
            config.trackingUri = server.uri().toStdString();
            config.credentials = std::move(credentials);
            return MlflowClient(config);
        };
        const MlflowClient admin =
            clientAs({AuthKind::Basic, test::PrivateMlflowServer::adminUser().toStdString(),
                      server.adminPassword().toStdString()});
        QVERIFY(admin
                    .call(HttpMethod::Post, "registered-models/create", Json{{"name", "guarded"}}.dump(),
                          CancelToken::none())
                    .ok());
        // users/create refuses any Content-Type but exactly application/json.
        const auto user = admin.call(HttpMethod::Post, "users/create",
                                     Json{{"username", "reader"}, {"password", "reader-password-1"}}.dump(),
                                     CancelToken::none());
        QVERIFY2(user.ok(), user.ok() ? "" : describe(user.error()));
        QVERIFY(admin.setRegisteredModelTag("guarded", "owner", "admin", CancelToken::none()).ok());

        const MlflowClient reader = clientAs({AuthKind::Basic, "reader", "reader-password-1"});
        const auto readable = reader.getRegisteredModel("guarded", CancelToken::none());
        QVERIFY2(readable.ok(), readable.ok() ? "" : describe(readable.error()));
        QCOMPARE(q(readable->tags.at("owner")), QStringLiteral("admin"));
        const auto denied = reader.setRegisteredModelTag("guarded", "owner", "reader", CancelToken::none());
        QVERIFY(!denied.ok());
        QCOMPARE(denied.error().kind, ErrorKind::HttpStatus);
        QCOMPARE(denied.error().httpStatus, 403);
        QCOMPARE(q(denied.error().message), QStringLiteral("Permission denied"));

        for (const Credentials &wrong :
             {Credentials{}, Credentials{AuthKind::Basic, "reader", "not-the-password"},
              Credentials{AuthKind::Bearer, {}, "not-a-token"}}) {
            const auto refused = clientAs(wrong).getRegisteredModel("guarded", CancelToken::none());
            QVERIFY(!refused.ok());
            QCOMPARE(refused.error().kind, ErrorKind::HttpStatus);
            QCOMPARE(refused.error().httpStatus, 401);
            QVERIFY2(q(refused.error().message).startsWith(QStringLiteral("You are not authenticated")),
                     refused.error().message.c_str());
            // The error carries the URL but never a credential.
            QVERIFY(refused.error().describe().find("not-the-password") == std::string::npos);
        }
    }

private:
    // A create through the client; the response JSON, or nullopt (with a warning saying why).
    std::optional<Json> create(const char *endpoint, const Json &body)
    {
        const auto result = m_client->call(HttpMethod::Post, endpoint, body.dump(), CancelToken::none());
        if (!result.ok()) {
            qWarning("%s failed: %s", endpoint, describe(result.error()));
            return std::nullopt;
        }
        return Json::parse(result.value(), nullptr, false);
    }

    std::unique_ptr<MlflowClient> m_client;
    std::string m_prefix;
    std::vector<std::string> m_createdModels;
    std::string m_experimentId;
};

QTEST_GUILESS_MAIN(TestMlflowClientIntegration)
#include "tst_mlflow_client_integration.moc"
