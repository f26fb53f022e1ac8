// How many requests each release operation makes, against a real MLflow 3.6 server of the
// test's own running the basic-auth app (every authenticated request there costs ~0.7 s:
// the count is what a reviewer waits for). Each operation runs on a client whose transport
// counts what goes over the wire (under the retries, so a retried request counts twice); the
// test prints a table of the counts (qInfo, `ctest -V`) and holds each operation to its
// budget. The operations build on each other, in declaration order, as a review does: the
// status and checks of a fresh version, a policy change, an approval, a rejection, its
// revocation (each on the status its reviewer saw, as the console decides), the status of
// the decided version, the reviewer's inbox, then a rejection as the CLI makes it (nothing
// seen). The last two functions hold the decision on a seen status to its limits: a policy
// changed since, and content that is not what was seen, are judged afresh.
#include "result_assertions.h"

#include <mlflow_test_server.h>
#include <release_test_users.h>

#include <QElapsedTimer>
#include <QProcess>
#include <QProcessEnvironment>
#include <QTest>

#include <modelgate/core/http/counting_transport.h>
#include <modelgate/core/mlflow/mlflow_client.h>
#include <modelgate/core/release/release_checks.h>
#include <modelgate/core/release/release_inbox.h>
#include <modelgate/core/release/release_ledger.h>
#include <modelgate/core/release/release_policy.h>
#include <modelgate/core/release/release_review.h>

using namespace modelgate;

namespace {

constexpr const char *kDiabetes = "diabetes-classifier";
constexpr const char *kDana = "dana.scientist"; // the author of the seeded v4
constexpr const char *kRiley = "riley.release";
constexpr const char *kSam = "sam.second";
// The reference case: a scikit-learn model just registered with the default
// log_model (five files, a signature, no input example, no champion, no trail yet) and
// described (the default policy requires a description).
constexpr const char *kFresh = "budget-fresh-model";

// Logs and registers kFresh as any team's training script would (the admin is its author).
constexpr const char *kRegisterFreshModel =
    "import os\n"
    "import mlflow\n"
    "import numpy as np\n"
    "import sklearn\n"
    "from mlflow.models import infer_signature\n"
    "from sklearn.linear_model import LogisticRegression\n"
    "\n"
    "x = np.array([[0.0, 1.0], [1.0, 0.0], [1.0, 1.0], [0.0, 0.0], [0.5, 0.2], [0.1, 0.9]])\n"
    "y = np.array([0, 1, 1, 0, 1, 0])\n"
    "model = LogisticRegression().fit(x, y)\n"
    "mlflow.set_experiment('budget-fresh')\n"
    "with mlflow.start_run():\n"
    "    mlflow.log_metric('accuracy', float(model.score(x, y)))\n"
    "    info = mlflow.sklearn.log_model(model, name='model', signature=infer_signature(x, "
    "model.predict(x)),\n"
    "                                    pip_requirements=[f'scikit-learn=={sklearn.__version__}'],\n"
    "                                    registered_model_name=os.environ['FRESH_MODEL'])\n"
    "mlflow.MlflowClient().update_model_version(os.environ['FRESH_MODEL'], info.registered_model_version,\n"
    "                                           description='Logistic regression, first cut.')\n";

// The most requests each operation may make. docs/benchmarks.md ("Requests per operation")
// has the counts before and after the cuts; lower a budget when an operation gets cheaper.
struct Budget
{
    const char *operation;
    std::uint64_t maxRequests;
    // The inbox: the model and version searches, the ledger's experiment and index, one ledger
    // run per model with a trail (two here: diabetes and the fresh model), then each listed
    // version's run and MLmodel.
    std::uint64_t perInboxVersion = 0;
};
constexpr Budget kBudgets[] = {
    {"status-fresh", 12}, {"approve-fresh", 20}, {"status", 16},     {"checks", 7},
    {"policy", 9},        {"approve", 20},       {"reject", 19},     {"revoke", 19},
    {"verify", 19},       {"inbox", 6, 2},       {"reject-cli", 27},
};

std::uint64_t budgetOf(const std::string &operation, std::size_t inboxVersions)
{
    for (const Budget &budget : kBudgets)
        if (operation == budget.operation)
            return budget.maxRequests + budget.perInboxVersion * inboxVersions;
    qFatal("no budget for %s", operation.c_str());
    return 0;
}

// A client authenticating as `user` whose requests are counted by `counter`.
MlflowClient countedClient(const QString &uri, const std::string &user, const std::string &password,
                           const std::shared_ptr<CountingTransport> &counter)
{
    ClientConfig config;
    config.trackingUri = uri.toStdString();
    config.credentials.kind = AuthKind::Basic;
    config.credentials.username = user;
    config.credentials.secret = password;
    return MlflowClient(config, std::make_shared<RetryingTransport>(counter, config.retry));
}

QString endpointLines(const TrafficSnapshot &counts)
{
    QStringList lines;
    for (const auto &[endpoint, count] : counts.byEndpoint)
        lines << QStringLiteral("    %1 x %2 %3")
                     .arg(count.requests, 3)
                     .arg(QLatin1String(wireName(endpoint.method)), QString::fromStdString(endpoint.path));
    return lines.join(u'\n');
}

} // namespace

class TestReleaseRequestBudget final : public QObject
{
    Q_OBJECT

private:
    // Runs `operation` on a fresh counter, records its counts for the table and checks them
    // against the budget.
    template <typename Operation>
    TrafficSnapshot measure(const std::string &name, const std::string &user, Operation operation)
    {
        const auto counter = std::make_shared<CountingTransport>(
            std::shared_ptr<HttpTransport>(makeCurlTransport(TransportOptions{})));
        const MlflowClient client = countedClient(m_server.uri(), user, m_passwords.at(user), counter);
        QElapsedTimer timer;
        timer.start();
        operation(client);
        m_seconds[name] = static_cast<double>(timer.elapsed()) / 1000.0; // printed, never asserted
        const TrafficSnapshot counts = counter->takeSnapshot();
        m_rows.emplace_back(name, counts);
        qInfo("%s: %llu requests\n%s", name.c_str(), static_cast<unsigned long long>(counts.total.requests),
              qPrintable(endpointLines(counts)));
        return counts;
    }

    // The status `user` sees of `version` (as the review panel has it when a button is pressed).
    ReleaseStatus statusSeenBy(const std::string &user, const std::string &version,
                               const char *model = kDiabetes) const
    {
        auto status = loadReleaseStatus(test::clientAs(m_server.uri(), user, m_passwords.at(user)), model,
                                        version, CancelToken::none());
        if (!status.ok())
            qFatal("loading the status failed: %s", test::describeForTest(status.error()));
        return std::move(status).value();
    }

    void checkBudget(const std::string &name, const TrafficSnapshot &counts)
    {
        const std::uint64_t budget = budgetOf(name, m_inboxVersions);
        QVERIFY2(counts.total.requests <= budget,
                 qPrintable(QStringLiteral("%1 made %2 requests, its budget is %3:\n%4")
                                .arg(QString::fromStdString(name))
                                .arg(counts.total.requests)
                                .arg(budget)
                                .arg(endpointLines(counts))));
        QCOMPARE(counts.total.failures, 0u);
    }

    // Its own, not the shared one: the inbox's requests grow with every model on the server.
    test::PrivateMlflowServer m_server;
    std::unique_ptr<MlflowClient> m_admin;
    std::map<std::string, std::string> m_passwords;
    std::vector<std::pair<std::string, TrafficSnapshot>> m_rows;
    std::map<std::string, double> m_seconds;
    std::size_t m_inboxVersions = 0;

private Q_SLOTS:
    void initTestCase()
    {
        test::PrivateMlflowServer::Options options;
        options.seed = true;
        options.basicAuth = true;
        MODELGATE_START_PRIVATE_MLFLOW(m_server, options);
        m_admin = std::make_unique<MlflowClient>(
            test::clientAs(m_server.uri(), test::PrivateMlflowServer::adminUser().toStdString(),
                           m_server.adminPassword().toStdString()));
        const ReleaseLedger ledger(*m_admin);
        for (const char *user : {kDana, kRiley, kSam}) {
            m_passwords[user] = test::randomPassword();
            const Status created = test::createUser(*m_admin, user, m_passwords[user]);
            REQUIRE_OK(created);
            const auto enrolled = ledger.enrolReviewer(user, CancelToken::none());
            REQUIRE_OK(enrolled);
        }
        for (const char *user : {kRiley, kSam}) {
            const Status granted = ledger.grantModelPermission(kDiabetes, user, "EDIT", CancelToken::none());
            REQUIRE_OK(granted);
        }
    }

    // The reference case (docs/benchmarks.md): a freshly registered model's status, then its first approval
    // (the first record of its trail: the ledger run is created and claimed in the index).
    void statusOfAFreshlyRegisteredModel()
    {
        QProcess python;
        QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
        environment.insert(QStringLiteral("MLFLOW_TRACKING_URI"), m_server.uri());
        environment.insert(QStringLiteral("MLFLOW_TRACKING_USERNAME"),
                           test::PrivateMlflowServer::adminUser());
        environment.insert(QStringLiteral("MLFLOW_TRACKING_PASSWORD"), m_server.adminPassword());
        environment.insert(QStringLiteral("FRESH_MODEL"), QString::fromUtf8(kFresh));
        python.setProcessEnvironment(environment);
        python.start(test::mlflowPython(), {QStringLiteral("-c"), QString::fromUtf8(kRegisterFreshModel)});
        QVERIFY(python.waitForFinished(240'000));
        QVERIFY2(python.exitStatus() == QProcess::NormalExit && python.exitCode() == 0,
                 python.readAllStandardError().right(2000).constData());
        const ReleaseLedger ledger(*m_admin);
        for (const char *user : {kRiley, kSam}) {
            const Status granted = ledger.grantModelPermission(kFresh, user, "EDIT", CancelToken::none());
            REQUIRE_OK(granted);
        }

        const auto counts = measure("status-fresh", kRiley, [](const MlflowClient &client) {
            const auto status = loadReleaseStatus(client, kFresh, "1", CancelToken::none());
            REQUIRE_OK(status);
            QCOMPARE(status->trail.recordCount, 0);
            QVERIFY(!status->checks.comparison.has_value()); // no champion
            QCOMPARE(status->manifest.files.size(), std::size_t{5});
        });
        checkBudget("status-fresh", counts);
    }

    void approveAFreshlyRegisteredModel()
    {
        const ReleaseStatus seen = statusSeenBy(kRiley, "1", kFresh);
        const auto counts = measure("approve-fresh", kRiley, [&seen](const MlflowClient &client) {
            DecisionRequest request{kFresh, "1", ReleaseAction::Approve, "first look: fine", ""};
            const auto decided = decideRelease(client, request, seen, CancelToken::none());
            REQUIRE_OK(decided);
            QCOMPARE(decided->attempts, 1);
            QCOMPARE(decided->record.sequence, 1);
            QVERIFY2(decided->tagsWritten, decided->tagError.c_str());
            QCOMPARE(decided->after.trail.recordCount, 1);
            QVERIFY2(decided->after.trail.ok, decided->after.trail.reason.c_str());
        });
        checkBudget("approve-fresh", counts);
        // The next reader finds the record where the decision put it.
        const ReleaseStatus after = statusSeenBy(kSam, "1", kFresh);
        QCOMPARE(after.trail.recordCount, 1);
        QVERIFY2(after.trail.ok, after.trail.reason.c_str());
    }

    void statusOfAnUndecidedVersion()
    {
        const auto counts = measure("status", kRiley, [](const MlflowClient &client) {
            const auto status = loadReleaseStatus(client, kDiabetes, "4", CancelToken::none());
            REQUIRE_OK(status);
            QVERIFY(status->trail.ok);
            QCOMPARE(status->trail.recordCount, 0);
        });
        checkBudget("status", counts);
    }

    void checks()
    {
        const auto counts = measure("checks", kRiley, [](const MlflowClient &client) {
            const auto checks = loadReleaseChecks(client, kDiabetes, "4", CancelToken::none());
            REQUIRE_OK(checks);
            QVERIFY(!checks->report.checks.empty());
        });
        checkBudget("checks", counts);
    }

    // v4 is a little worse than the champion in precision: a recorded policy allows it.
    void policyChange()
    {
        const auto counts = measure("policy", kRiley, [](const MlflowClient &client) {
            ReleasePolicy policy = defaultReleasePolicy();
            policy.maxRegressionAbsolute = 0.05;
            policy.maxRegressionRelative = 0.10;
            policy.requiredApprovals = 1;
            const auto changed = setReleasePolicy(client, kDiabetes, policy,
                                                  "precision may drop for the AUC gain", CancelToken::none());
            REQUIRE_OK(changed);
            QVERIFY(changed->tagsWritten);
        });
        checkBudget("policy", counts);
    }

    void approve()
    {
        const ReleaseStatus seen = statusSeenBy(kRiley, "4");
        const auto counts = measure("approve", kRiley, [&seen](const MlflowClient &client) {
            DecisionRequest request{kDiabetes, "4", ReleaseAction::Approve, "AUC and recall up", ""};
            const auto decided = decideRelease(client, request, seen, CancelToken::none());
            REQUIRE_OK(decided);
            QCOMPARE(decided->attempts, 1);
            QVERIFY2(decided->tagsWritten, decided->tagError.c_str());
            QVERIFY2(decided->after.approved, decided->after.reason.c_str());
        });
        checkBudget("approve", counts);
    }

    void reject()
    {
        const ReleaseStatus seen = statusSeenBy(kSam, "4");
        const auto counts = measure("reject", kSam, [&seen](const MlflowClient &client) {
            DecisionRequest request{kDiabetes, "4", ReleaseAction::Reject, "the drift report is stale", ""};
            const auto decided = decideRelease(client, request, seen, CancelToken::none());
            REQUIRE_OK(decided);
            QVERIFY2(decided->tagsWritten, decided->tagError.c_str());
            QCOMPARE(decided->after.decisions.state, ReviewState::Rejected);
        });
        checkBudget("reject", counts);
    }

    void revoke()
    {
        const ReleaseStatus seen = statusSeenBy(kSam, "4");
        const auto counts = measure("revoke", kSam, [&seen](const MlflowClient &client) {
            DecisionRequest request{kDiabetes, "4", ReleaseAction::Revoke, "the drift report was renewed",
                                    ""};
            const auto decided = decideRelease(client, request, seen, CancelToken::none());
            REQUIRE_OK(decided);
            QVERIFY2(decided->tagsWritten, decided->tagError.c_str());
            QVERIFY2(decided->after.approved, decided->after.reason.c_str());
        });
        checkBudget("revoke", counts);
    }

    // `review verify`: the status of a version with decisions (signatures of two reviewers).
    void verify()
    {
        const auto counts = measure("verify", kSam, [](const MlflowClient &client) {
            const auto status = loadReleaseStatus(client, kDiabetes, "@challenger", CancelToken::none());
            REQUIRE_OK(status);
            QVERIFY2(status->approved, status->reason.c_str());
            QCOMPARE(status->trail.recordCount, 4);
            QVERIFY(status->tagDifferences.empty());
        });
        checkBudget("verify", counts);
    }

    void inbox()
    {
        const auto counts = measure("inbox", kRiley, [this](const MlflowClient &client) {
            const auto entries = loadReviewInbox(client, kRiley, CancelToken::none());
            REQUIRE_OK(entries);
            QVERIFY(!entries->empty());
            m_inboxVersions = entries->size();
        });
        checkBudget("inbox", counts);
    }

    // `review reject` on the command line: no status seen, everything read.
    void rejectWithoutASeenStatus()
    {
        const auto counts = measure("reject-cli", kSam, [](const MlflowClient &client) {
            DecisionRequest request{kDiabetes, "4", ReleaseAction::Reject, "the drift report is stale again",
                                    ""};
            const auto decided = decideRelease(client, request, CancelToken::none());
            REQUIRE_OK(decided);
            QVERIFY2(decided->tagsWritten, decided->tagError.c_str());
            QCOMPARE(decided->after.decisions.state, ReviewState::Rejected);
        });
        checkBudget("reject-cli", counts);
    }

    // A status seen before a policy change is not what the decision is judged by: the checks
    // are loaded again under the new policy (a required tag v3 lacks), and the approval that
    // the old checks allowed is refused.
    void checksSeenUnderAnOldPolicyAreLoadedAgain()
    {
        const ReleaseStatus seen = statusSeenBy(kRiley, "3");
        QVERIFY(!seen.checks.report.anyFailed());
        ReleasePolicy strict = defaultReleasePolicy();
        strict.maxRegressionAbsolute = 0.05;
        strict.maxRegressionRelative = 0.10;
        strict.requiredTags = {"budget.test.ticket"};
        const auto changed =
            setReleasePolicy(test::clientAs(m_server.uri(), kSam, m_passwords.at(kSam)), kDiabetes, strict,
                             "every version names its ticket", CancelToken::none());
        REQUIRE_OK(changed);

        const MlflowClient riley = test::clientAs(m_server.uri(), kRiley, m_passwords.at(kRiley));
        const DecisionRequest request{kDiabetes, "3", ReleaseAction::Approve, "fine by the checks I saw", ""};
        const auto decided = decideRelease(riley, request, seen, CancelToken::none());
        QVERIFY(!decided.ok());
        QCOMPARE(decided.error().code, std::string(kRefusedChecksFailed));
        QVERIFY2(decided.error().message.find("budget.test.ticket") != std::string::npos,
                 decided.error().message.c_str());
    }

    // A seen status whose digest is not the content's: the decision records the content's.
    void aSeenStatusOfOtherContentIsNotReused()
    {
        ReleaseStatus seen = statusSeenBy(kRiley, "3");
        const std::string digest = seen.digest;
        seen.digest = std::string(64, 'f');
        const MlflowClient riley = test::clientAs(m_server.uri(), kRiley, m_passwords.at(kRiley));
        const DecisionRequest request{kDiabetes, "3", ReleaseAction::Reject, "no ticket yet", ""};
        const auto decided = decideRelease(riley, request, seen, CancelToken::none());
        REQUIRE_OK(decided);
        QCOMPARE(decided->record.contentDigest, digest);
        QCOMPARE(decided->after.digest, digest);
        // Under the strict policy the checks now fail: judged afresh, not taken from `seen`.
        QVERIFY(decided->after.checks.report.anyFailed());
    }

    void cleanupTestCase()
    {
        QStringList table{QStringLiteral("Requests per operation (MLflow 3.6, basic auth):"),
                          QStringLiteral("  %1 %2 %3 %4 %5 %6")
                              .arg(QStringLiteral("operation"), -13)
                              .arg(QStringLiteral("requests"), 9)
                              .arg(QStringLiteral("budget"), 7)
                              .arg(QStringLiteral("sent B"), 9)
                              .arg(QStringLiteral("received B"), 11)
                              .arg(QStringLiteral("seconds"), 8)};
        for (const auto &[name, counts] : m_rows)
            table << QStringLiteral("  %1 %2 %3 %4 %5 %6")
                         .arg(QString::fromStdString(name), -13)
                         .arg(counts.total.requests, 9)
                         .arg(budgetOf(name, m_inboxVersions), 7)
                         .arg(counts.total.bytesSent, 9)
                         .arg(counts.total.bytesReceived, 11)
                         .arg(m_seconds[name], 8, 'f', 1);
        if (m_inboxVersions > 0)
            table << QStringLiteral("  (the inbox listed %1 versions)").arg(m_inboxVersions);
        qInfo("%s", qPrintable(table.join(u'\n')));
    }
};

QTEST_GUILESS_MAIN(TestReleaseRequestBudget)
#include "tst_release_request_budget.moc"
