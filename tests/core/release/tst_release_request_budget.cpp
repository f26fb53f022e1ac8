// How many requests each release operation makes, against a real MLflow 3.6 server of the
// test's own running the basic-auth app (every authenticated request there costs ~0.7 s:
// the count is what a reviewer waits for). Each operation runs on a client whose transport
// counts what goes over the wire (under the retries, so a retried request counts twice); the
// test prints a table of the counts (qInfo, `ctest -V`) and holds each operation to its
// budget. The operations build on each other, in declaration order, as a review does: the
// status and checks of a fresh version, a policy change, an approval, a rejection, its
// revocation, the status of the decided version, then the reviewer's inbox.
#include "result_assertions.h"

#include <mlflow_test_server.h>
#include <release_test_users.h>

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

// The most requests each operation may make. docs/benchmarks.md ("Requests per operation")
// has the counts before and after the cuts; lower a budget when an operation gets cheaper.
struct Budget
{
    const char *operation;
    std::uint64_t maxRequests;
};
constexpr Budget kBudgets[] = {
    {"status", 19}, {"checks", 7},  {"policy", 10}, {"approve", 30},
    {"reject", 30}, {"revoke", 30}, {"verify", 23}, {"inbox", 17},
};

std::uint64_t budgetOf(const std::string &operation)
{
    for (const Budget &budget : kBudgets)
        if (operation == budget.operation)
            return budget.maxRequests;
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
        operation(client);
        const TrafficSnapshot counts = counter->takeSnapshot();
        m_rows.emplace_back(name, counts);
        qInfo("%s: %llu requests\n%s", name.c_str(), static_cast<unsigned long long>(counts.total.requests),
              qPrintable(endpointLines(counts)));
        return counts;
    }

    void checkBudget(const std::string &name, const TrafficSnapshot &counts)
    {
        const std::uint64_t budget = budgetOf(name);
        QVERIFY2(counts.total.requests <= budget,
                 qPrintable(QStringLiteral("%1 made %2 requests, its budget is %3:\n%4")
                                .arg(QString::fromStdString(name))
                                .arg(counts.total.requests)
                                .arg(budget)
                                .arg(endpointLines(counts))));
        QCOMPARE(counts.total.failures, 0u);
    }

    test::PrivateMlflowServer m_server;
    std::unique_ptr<MlflowClient> m_admin;
    std::map<std::string, std::string> m_passwords;
    std::vector<std::pair<std::string, TrafficSnapshot>> m_rows;
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
        const auto counts = measure("approve", kRiley, [](const MlflowClient &client) {
            DecisionRequest request{kDiabetes, "4", ReleaseAction::Approve, "AUC and recall up", ""};
            const auto decided = decideRelease(client, request, CancelToken::none());
            REQUIRE_OK(decided);
            QCOMPARE(decided->attempts, 1);
            QVERIFY2(decided->tagsWritten, decided->tagError.c_str());
            QVERIFY2(decided->after.approved, decided->after.reason.c_str());
        });
        checkBudget("approve", counts);
    }

    void reject()
    {
        const auto counts = measure("reject", kSam, [](const MlflowClient &client) {
            DecisionRequest request{kDiabetes, "4", ReleaseAction::Reject, "the drift report is stale", ""};
            const auto decided = decideRelease(client, request, CancelToken::none());
            REQUIRE_OK(decided);
            QVERIFY2(decided->tagsWritten, decided->tagError.c_str());
            QCOMPARE(decided->after.decisions.state, ReviewState::Rejected);
        });
        checkBudget("reject", counts);
    }

    void revoke()
    {
        const auto counts = measure("revoke", kSam, [](const MlflowClient &client) {
            DecisionRequest request{kDiabetes, "4", ReleaseAction::Revoke, "the drift report was renewed",
                                    ""};
            const auto decided = decideRelease(client, request, CancelToken::none());
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
            QVERIFY(status->tagMismatches.empty());
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

    void cleanupTestCase()
    {
        QStringList table{QStringLiteral("Requests per operation (MLflow 3.6, basic auth):"),
                          QStringLiteral("  %1 %2 %3 %4 %5")
                              .arg(QStringLiteral("operation"), -10)
                              .arg(QStringLiteral("requests"), 9)
                              .arg(QStringLiteral("budget"), 7)
                              .arg(QStringLiteral("sent B"), 9)
                              .arg(QStringLiteral("received B"), 11)};
        for (const auto &[name, counts] : m_rows)
            table << QStringLiteral("  %1 %2 %3 %4 %5")
                         .arg(QString::fromStdString(name), -10)
                         .arg(counts.total.requests, 9)
                         .arg(budgetOf(name), 7)
                         .arg(counts.total.bytesSent, 9)
                         .arg(counts.total.bytesReceived, 11);
        if (m_inboxVersions > 0)
            table << QStringLiteral("  (the inbox listed %1 versions)").arg(m_inboxVersions);
        qInfo("%s", qPrintable(table.join(u'\n')));
    }
};

QTEST_GUILESS_MAIN(TestReleaseRequestBudget)
#include "tst_release_request_budget.moc"
