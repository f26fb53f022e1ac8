// The review inbox against the real, seeded MLflow server of the CTest fixture "mlflow"
// (expectations from seed.json in its state directory). Nothing is written to the server. The
// shared server holds no release records for the seeded models, so every seeded version that
// is READY and not archived is pending; other tests may add models of their own, which this
// test ignores.
#include <algorithm>
#include <map>
#include <mlflow_test_server.h>
#include <nlohmann/json.hpp>
#include <result_assertions.h>
#include <set>

#include <QFile>
#include <QTest>

#include <modelgate/core/mlflow/mlflow_client.h>
#include <modelgate/core/release/release_checks.h>
#include <modelgate/core/release/release_inbox.h>

using namespace modelgate;
using Json = nlohmann::json;

namespace {

constexpr const char *kReviewer = "riley.release"; // authored nothing in the seed

} // namespace

class TestReleaseInbox final : public QObject
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
    }

    void listsEveryOpenSeededVersionNewestFirst()
    {
        int progressCalls = 0;
        std::size_t progressCount = 0;
        bool progressHadChecks = false;
        const auto inbox = loadReviewInbox(
            *m_client, kReviewer, CancelToken::none(), [&](const std::vector<InboxEntry> &soFar) {
                ++progressCalls;
                progressCount = soFar.size();
                for (const auto &entry : soFar)
                    progressHadChecks = progressHadChecks || entry.checks.has_value();
            });
        REQUIRE_OK(inbox);
        QCOMPARE(progressCalls, 1);
        QCOMPARE(progressCount, inbox->size());
        QVERIFY(!progressHadChecks); // the states come first, the checks later

        for (std::size_t i = 1; i < inbox->size(); ++i)
            QVERIFY((*inbox)[i - 1].version.creationTimestamp >= (*inbox)[i].version.creationTimestamp);

        std::map<std::pair<std::string, std::string>, const InboxEntry *> byVersion;
        for (const InboxEntry &entry : *inbox) {
            QVERIFY(byVersion.emplace(std::make_pair(entry.model, entry.version.version), &entry).second);
            QCOMPARE(entry.version.status, std::string("READY"));
            QVERIFY(entry.version.currentStage != "Archived");
            QVERIFY(entry.state != ReviewState::Approved);
        }

        int seeded = 0;
        for (const auto &[model, summary] : m_seed["models"].items()) {
            const std::string champion = summary["aliases"].value("champion", std::string());
            for (const auto &version : summary["versions"]) {
                const std::string number = version["version"].get<std::string>();
                const auto found = byVersion.find({model, number});
                if (version.value("stage", Json()).is_string() && version["stage"] == "Archived") {
                    QVERIFY2(found == byVersion.end(), (model + " v" + number).c_str());
                    continue;
                }
                QVERIFY2(found != byVersion.end(), (model + " v" + number).c_str());
                const InboxEntry &entry = *found->second;
                ++seeded;
                QCOMPARE(entry.state, ReviewState::Pending);
                QVERIFY(entry.deciders.empty());
                QVERIFY(entry.trailProblem.empty());
                QCOMPARE(entry.championVersion, number == champion ? std::string() : champion);
                QVERIFY(std::find(entry.authors.begin(), entry.authors.end(),
                                  version["user"].get<std::string>()) != entry.authors.end());
                QVERIFY(entry.mineToReview);
                QVERIFY2(entry.checksError.empty(), entry.checksError.c_str());
                QVERIFY(entry.checks.has_value());
                QVERIFY(entry.checks->passed + entry.checks->failed + entry.checks->warnings > 0);
            }
        }
        QCOMPARE(seeded, 7); // diabetes 2-4, fraud 1-2, churn 1, readmission 1
    }

    void checksAgreeWithTheSingleVersionLoad()
    {
        const auto inbox = loadReviewInbox(*m_client, kReviewer, CancelToken::none());
        REQUIRE_OK(inbox);
        // The challenger (compared with a champion), the champion itself, and a bare version.
        for (const auto &[model, number] : std::vector<std::pair<std::string, std::string>>{
                 {"diabetes-classifier", "4"}, {"diabetes-classifier", "3"}, {"readmission-risk", "1"}}) {
            const auto entry = std::find_if(inbox->begin(), inbox->end(),
                                            [&wantedModel = model, &wanted = number](const InboxEntry &e) {
                                                return e.model == wantedModel && e.version.version == wanted;
                                            });
            QVERIFY(entry != inbox->end());
            const auto loaded = loadReleaseChecks(*m_client, model, number, CancelToken::none());
            REQUIRE_OK(loaded);
            QVERIFY(entry->checks.has_value());
            const CheckSummary expected{loaded->report.passed, loaded->report.failed,
                                        loaded->report.warnings};
            QVERIFY2(*entry->checks == expected, (model + " v" + number).c_str());
            QCOMPARE(entry->championVersion, loaded->report.championVersion);
        }
    }

    void authorsAreNotAskedToReviewTheirOwnVersions()
    {
        const auto inbox = loadReviewInbox(*m_client, "Dana.Scientist", CancelToken::none());
        REQUIRE_OK(inbox);
        std::set<std::string> danas;
        for (const auto &version : m_seed["models"]["diabetes-classifier"]["versions"])
            if (version["user"] == "dana.scientist")
                danas.insert(version["version"].get<std::string>());
        int seen = 0;
        for (const InboxEntry &entry : *inbox) {
            if (entry.model == "diabetes-classifier") {
                ++seen;
                // Case-insensitive, as four-eyes is.
                QCOMPARE(entry.mineToReview, danas.count(entry.version.version) == 0);
            }
        }
        QCOMPARE(seen, 3);
        // Nobody: nothing is "mine".
        const auto anonymous = loadReviewInbox(*m_client, "", CancelToken::none());
        REQUIRE_OK(anonymous);
        QVERIFY(std::none_of(anonymous->begin(), anonymous->end(),
                             [](const InboxEntry &e) { return e.mineToReview; }));
    }

    void aCancelledLoadFailsAsCancelled()
    {
        CancelToken cancel;
        cancel.cancel();
        const auto inbox = loadReviewInbox(*m_client, kReviewer, cancel);
        QVERIFY(!inbox.ok());
        QCOMPARE(int(inbox.error().kind), int(ErrorKind::Cancelled));
    }

private:
    std::unique_ptr<MlflowClient> m_client;
    Json m_seed;
};

QTEST_GUILESS_MAIN(TestReleaseInbox)
#include "tst_release_inbox.moc"
