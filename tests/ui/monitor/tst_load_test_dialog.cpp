// The load test dialog against a real local endpoint (HAProxy without a scoring server: every
// request is answered 503 by the router itself, which is all a load test needs to be seen
// working): rows from a CSV file, live progress once a second, Cancel that stops starting
// requests, and the summary of what was sent; a file that is not CSV is refused in the dialog.
// No registry is needed: without a signature the rows go as they are, as the smoke test sends
// them. cleanupTestCase deletes the endpoint, also after a failure.
#include "deploy/deploy_context.h"
#include "monitor/load_test_dialog.h"
#include "widgets/error_banner.h"

#include <QFile>
#include <QPushButton>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

#include <modelgate/core/deploy/local_target.h>
#include <modelgate/core/mlflow/mlflow_client.h>

using namespace modelgate;
using namespace modelgate::ui;

namespace {

constexpr const char *kEndpoint = "load-dialog-test";

} // namespace

class TestLoadTestDialog final : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_data{QStringLiteral("/tmp/mg-load-XXXXXX")}; // short: HAProxy's socket path
    std::shared_ptr<LocalTarget> m_target;
    DeployContext m_context;
    EndpointInfo m_endpoint;

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_data.isValid());
        LocalTargetConfig config;
        config.stateRoot = m_data.path().toStdString() + "/endpoints";
        m_target = std::make_shared<LocalTarget>(config);
        const Status created = m_target->createEndpoint({kEndpoint, false}, {}, CancelToken::none());
        QVERIFY2(created.ok(), created.ok() ? "" : created.error().describe().c_str());
        auto endpoint = m_target->endpoint(kEndpoint, CancelToken::none());
        QVERIFY(endpoint.ok());
        m_endpoint = endpoint.value();
        // The dialog reads the signature of the version that answers; nobody answers here: the
        // registry is unreachable, so the rows go without one (every column, numbers as numbers).
        DeploymentInfo ghost;
        ghost.name = "ghost";
        ghost.model = "diabetes-classifier";
        ghost.version = "1";
        ghost.traffic = 100;
        m_endpoint.deployments.push_back(ghost);
        ClientConfig client;
        client.trackingUri = "http://127.0.0.1:9";
        m_context = DeployContext{std::make_shared<const MlflowClient>(client), m_target, {}};
    }

    void cleanupTestCase()
    {
        if (m_target)
            (void)m_target->deleteEndpoint(kEndpoint, CancelToken::none());
    }

    void refusesAFileThatIsNotCsv()
    {
        LoadTestDialog dialog(m_context, m_endpoint);
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("broken.csv"));
        QFile file(path);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write("a,b\n1,2,3\n\"open");
        file.close();
        QVERIFY(!dialog.loadCsv(path));
        QVERIFY(!dialog.errorBanner()->text().isEmpty());
        QVERIFY(!dialog.startButton()->isEnabled());
        QVERIFY(!dialog.loadCsv(dir.filePath(QStringLiteral("missing.csv"))));
        QVERIFY(dialog.errorBanner()->text().contains(u"missing.csv"));
    }

    void showsProgressAndStopsOnCancel()
    {
        LoadTestDialog dialog(m_context, m_endpoint);
        dialog.show();
        QVERIFY(dialog.loadCsv(QStringLiteral(MODELGATE_SOURCE_DIR "/scripts/demo_patients.csv")));
        QVERIFY(dialog.startButton()->isEnabled());
        dialog.setRate(20);
        dialog.setDuration(60);
        QSignalSpy progressed(&dialog, &LoadTestDialog::progressed);
        QSignalSpy finished(&dialog, &LoadTestDialog::finished);
        dialog.start();
        QVERIFY(dialog.isRunning());
        QVERIFY(dialog.cancelButton()->isEnabled());
        QVERIFY(!dialog.startButton()->isEnabled());
        // Live: about once a second, with the router's answers counted by status.
        QTRY_VERIFY_WITH_TIMEOUT(progressed.count() >= 3, 15000);
        QVERIFY(dialog.report().has_value());
        QVERIFY(dialog.report()->sent > 0);
        dialog.cancelButton()->click();
        QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 1, 10000);
        QVERIFY(!dialog.isRunning());
        QVERIFY(finished.at(0).at(0).toBool());
        const LoadReport &report = *dialog.report();
        QVERIFY(report.cancelled);
        QVERIFY2(report.sent < report.planned, qPrintable(dialog.summaryText()));
        QCOMPARE(report.planned, std::int64_t(20 * 60));
        QCOMPARE(report.succeeded, std::int64_t(0));
        QVERIFY(report.failedByStatus.count(503) == 1);
        QVERIFY2(dialog.summaryText().startsWith(u"Cancelled"), qPrintable(dialog.summaryText()));
        QVERIFY(dialog.startButton()->isEnabled()); // again
    }
};

QTEST_MAIN(TestLoadTestDialog)
#include "tst_load_test_dialog.moc"
