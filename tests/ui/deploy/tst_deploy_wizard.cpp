// The deploy wizard against the real thing: the shared basic-auth MLflow server (fixture
// "mlflow_auth") with a copy of diabetes-classifier of this test's own, a local endpoint of
// the test's own (real HAProxy and `mlflow models serve`). The deploy step makes a new endpoint
// and records it; the smoke test sends a CSV file's rows to the deployment alone and shows a
// prediction per row; a second wizard cancelled during its deploy step leaves the endpoint as
// it was, with nothing recorded. cleanupTestCase stops whatever the test started.
#include "deploy/deploy_wizard.h"
#include "deploy/deploy_wizard_pages.h"

#include <local_endpoints.h>
#include <mlflow_test_server.h>
#include <release_test_users.h>
#include <result_assertions.h>
#include <seeded_model_copy.h>

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QLineEdit>
#include <QRadioButton>
#include <QSignalSpy>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QTest>

#include <modelgate/core/deploy/local_target.h>
#include <modelgate/core/release/release_decision.h>
#include <modelgate/core/release/release_ledger.h>

using namespace modelgate;
using namespace modelgate::ui;

namespace {

const std::string kModel = test::uniqueModelName("diabetes-classifier-wizard");
constexpr const char *kRiley = "riley.release";
constexpr const char *kEndpoint = "wizard-online";
constexpr int kStartTimeout = 240000; // a scoring server on a busy two-core machine

} // namespace

class TestDeployWizard final : public QObject
{
    Q_OBJECT

private:
    test::SharedAuthMlflow m_shared;
    QTemporaryDir m_data{QStringLiteral("/tmp/mg-wizard-XXXXXX")}; // short: HAProxy's socket path
    std::shared_ptr<LocalTarget> m_target;
    DeployContext m_context;

    int deploymentRecords() const
    {
        auto snapshot = ReleaseLedger(*m_context.client).read(kModel, CancelToken::none());
        if (!snapshot.ok())
            return -1;
        int count = 0;
        for (const TrailEntry &entry : verifyTrail(snapshot.value().ledgerParams, kModel, nullptr).entries)
            count += entry.record && entry.record->deployment ? 1 : 0;
        return count;
    }

    // Processes serving this test's model (each scoring server's `mlflow models serve`).
    static int servingProcesses()
    {
        int count = 0;
        const QString uri = QStringLiteral("models:/%1/3").arg(QString::fromStdString(kModel));
        for (const QString &pid : QDir(QStringLiteral("/proc")).entryList(QDir::Dirs)) {
            QFile cmdline(QStringLiteral("/proc/%1/cmdline").arg(pid));
            if (pid.toInt() > 0 && cmdline.open(QIODevice::ReadOnly) &&
                cmdline.readAll().split('\0').contains(uri.toUtf8()))
                ++count;
        }
        return count;
    }

    // Opens a wizard for v3 and fills its first page.
    std::unique_ptr<DeployWizard> wizardFor(const QString &deployment, bool newEndpoint)
    {
        std::vector<EndpointInfo> endpoints;
        if (auto listed = m_target->listEndpoints(CancelToken::none()); listed.ok())
            endpoints = listed.value();
        auto wizard = std::make_unique<DeployWizard>(m_context, endpoints, QString::fromStdString(kModel),
                                                     QStringLiteral("3"));
        wizard->show();
        if (newEndpoint) {
            wizard->endpointPage()->newEndpointButton()->click();
            wizard->endpointPage()->newEndpointEdit()->setText(QString::fromLatin1(kEndpoint));
        }
        wizard->endpointPage()->deploymentEdit()->setText(deployment);
        return wizard;
    }

private Q_SLOTS:
    void initTestCase()
    {
        MODELGATE_REQUIRE_MLFLOW_AUTH(m_shared);
        QVERIFY(m_data.isValid());
        LocalTargetConfig config;
        config.stateRoot = m_data.path().toStdString() + "/endpoints";
        config.mlflowExecutable = test::mlflowExecutable();
        m_target = std::make_shared<LocalTarget>(config);
        const MlflowClient admin =
            test::clientAs(m_shared.uri(), test::SharedAuthMlflow::adminUser().toStdString(),
                           m_shared.adminPassword().toStdString());
        REQUIRE_OK(test::copySeededModel(admin, "diabetes-classifier", kModel));
        REQUIRE_OK(ReleaseLedger(admin).grantModelPermission(kModel, kRiley, "EDIT", CancelToken::none()));
        auto riley = std::make_shared<const MlflowClient>(
            test::clientAs(m_shared.uri(), kRiley, m_shared.password(kRiley)));
        DecisionRequest approve;
        approve.model = kModel;
        approve.version = "3";
        approve.action = ReleaseAction::Approve;
        approve.comment = "fit to serve";
        REQUIRE_OK(decideRelease(*riley, approve, CancelToken::none()));
        m_context = DeployContext{riley, m_target, registryAccessFor(riley->config())};
    }

    void cleanupTestCase()
    {
        if (m_target)
            test::deleteEndpoints(*m_target);
        if (!m_shared.uri().isEmpty())
            test::deleteModels(test::clientAs(m_shared.uri(),
                                              test::SharedAuthMlflow::adminUser().toStdString(),
                                              m_shared.adminPassword().toStdString()),
                               {kModel});
    }

    void deploysAndSmokeTests()
    {
        auto wizard = wizardFor(QStringLiteral("v3"), true);
        QVERIFY2(wizard->endpointPage()->isComplete(), qPrintable(wizard->endpointPage()->problem()));
        wizard->next();
        QCOMPARE(wizard->currentId(), int(DeployWizard::DeployPageId));
        wizard->deployPage()->start();
        QTRY_VERIFY_WITH_TIMEOUT(!wizard->deployPage()->isRunning(), kStartTimeout);
        QVERIFY2(wizard->deployPage()->isDone(), qPrintable(wizard->deployPage()->resultText()));
        QCOMPARE(wizard->state().split, (TrafficSplit{{"v3", 100}}));
        QCOMPARE(wizard->state().records.size(), std::size_t(1));
        QVERIFY(wizard->state().records.front().written);
        QCOMPARE(deploymentRecords(), 1);

        wizard->next();
        QCOMPARE(wizard->currentId(), int(DeployWizard::SmokeTestPageId));
        SmokeTestPage *smoke = wizard->smokeTestPage();
        QSignalSpy answered(smoke, &SmokeTestPage::answered);
        smoke->loadCsv(QStringLiteral(MODELGATE_SOURCE_DIR "/scripts/demo_patients.csv"));
        QCOMPARE(smoke->rows().rows.size(), 6);
        smoke->send();
        QTRY_VERIFY_WITH_TIMEOUT(answered.count() == 1, 60000);
        for (int row = 0; row < 6; ++row) {
            const QTableWidgetItem *prediction = smoke->table()->item(row, 0);
            QVERIFY2(prediction && !prediction->text().isEmpty(), qPrintable(smoke->statusText()));
        }
        QVERIFY2(smoke->statusText().contains(u'6'), qPrintable(smoke->statusText()));
    }

    void cancelledDeployLeavesTheEndpointAsItWas()
    {
        auto wizard = wizardFor(QStringLiteral("v3b"), false);
        QVERIFY2(wizard->endpointPage()->isComplete(), qPrintable(wizard->endpointPage()->problem()));
        wizard->next();
        wizard->deployPage()->start();
        // Once its scoring server is starting (its log file exists), cancel.
        const QString log = QString::fromStdString(m_target->logPath(kEndpoint, "v3b"));
        QTRY_VERIFY_WITH_TIMEOUT(QFileInfo::exists(log), 60000);
        QVERIFY(wizard->deployPage()->isRunning());
        wizard->deployPage()->cancel();
        QTRY_VERIFY_WITH_TIMEOUT(!wizard->deployPage()->isRunning(), 60000);
        QVERIFY(!wizard->deployPage()->isDone());
        auto endpoint = m_target->endpoint(kEndpoint, CancelToken::none());
        REQUIRE_OK(endpoint);
        QCOMPARE(endpoint.value().traffic(), (TrafficSplit{{"v3", 100}}));
        QCOMPARE(deploymentRecords(), 1);
        // And its scoring server is gone: only v3's serves the model.
        QTRY_COMPARE_WITH_TIMEOUT(servingProcesses(), 1, 10000);
    }
};

QTEST_MAIN(TestDeployWizard)
#include "tst_deploy_wizard.moc"
