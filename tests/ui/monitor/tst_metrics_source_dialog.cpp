// The metrics source editor against a real local endpoint (HAProxy; no scoring server and no
// registry are needed to keep settings) and a REAL Prometheus for its test query: it shows
// the target's own source of a new endpoint, fills a preset's queries, turns an edited preset
// into "Custom", refuses a bad label with the reason (Save off), keeps the endpoint's SLO rules
// when it saves, shows the saved queries again, asks Prometheus for the last 5 minutes, and
// goes back to the target's own source.
#include "deploy/deploy_context.h"
#include "monitor/metrics_source_dialog.h"
#include "widgets/error_banner.h"

#include <prometheus_server.h>

#include <QComboBox>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

#include <modelgate/core/deploy/local_target.h>
#include <modelgate/core/mlflow/mlflow_client.h>
#include <modelgate/core/monitor/prometheus_metrics.h>
#include <modelgate/core/monitor/slo.h>

using namespace modelgate;
using namespace modelgate::ui;

namespace {

constexpr const char *kEndpoint = "source-test";

} // namespace

class TestMetricsSourceDialog final : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_data{QStringLiteral("/tmp/mg-src-XXXXXX")}; // short: HAProxy's socket path
    std::shared_ptr<LocalTarget> m_target;
    DeployContext m_context;
    SloPolicy m_rules;

    std::unique_ptr<MetricsSourceDialog> openDialog()
    {
        auto dialog = std::make_unique<MetricsSourceDialog>(m_context, QString::fromLatin1(kEndpoint));
        QSignalSpy loaded(dialog.get(), &MetricsSourceDialog::loaded);
        dialog->show();
        if (!QTest::qWaitFor([&]() { return loaded.count() > 0; }, 10000))
            return nullptr;
        return dialog;
    }

    std::string stored() const
    {
        auto settings = m_target->monitorSettings(kEndpoint);
        return settings.ok() ? settings.value() : std::string();
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_data.isValid());
        LocalTargetConfig config;
        config.stateRoot = m_data.path().toStdString() + "/endpoints";
        m_target = std::make_shared<LocalTarget>(config);
        const Status created = m_target->createEndpoint({kEndpoint, false}, {}, CancelToken::none());
        QVERIFY2(created.ok(), created.ok() ? "" : created.error().describe().c_str());
        m_rules = defaultSloPolicy();
        m_rules.autoRollback = true;
        QVERIFY(m_target->setMonitorSettings(kEndpoint, sloPolicyToJson(m_rules)).ok());
        // Settings are kept with the endpoint: no registry request is made.
        ClientConfig client;
        client.trackingUri = "http://127.0.0.1:9";
        m_context = DeployContext{std::make_shared<const MlflowClient>(client), m_target, {}};
    }

    void cleanupTestCase()
    {
        if (m_target)
            (void)m_target->deleteEndpoint(kEndpoint, CancelToken::none());
    }

    void aNewEndpointReadsTheTargetsOwnSource()
    {
        auto dialog = openDialog();
        QVERIFY(dialog);
        QVERIFY(!dialog->queries().has_value());
        QVERIFY(dialog->sourceBox()->currentText().contains(u"HAProxy"));
        QVERIFY(!dialog->urlEdit()->isEnabled());
        QVERIFY(dialog->saveButton()->isEnabled());
        QVERIFY(!dialog->errorBanner()->isVisible());
    }

    void aPresetFillsTheQueriesAndAnEditMakesThemCustom()
    {
        auto dialog = openDialog();
        QVERIFY(dialog);
        dialog->sourceBox()->setCurrentIndex(1);
        QVERIFY(dialog->urlEdit()->isEnabled());
        QTest::keyClicks(dialog->urlEdit(), QStringLiteral("http://127.0.0.1:9"));
        dialog->applyPreset(QStringLiteral("kserve"));
        QVERIFY(dialog->requestsEdit()->text().startsWith(u"revision_app_request_count"));
        QVERIFY2(dialog->previewLabel()->text().contains(u"histogram_quantile(0.95"),
                 qPrintable(dialog->previewLabel()->text()));
        dialog->applyPreset(QStringLiteral("haproxy"));
        QVERIFY2(dialog->previewLabel()->text().contains(
                     u"haproxy_server_http_responses_total{endpoint=\"source-test\"}"),
                 qPrintable(dialog->previewLabel()->text()));
        // An edit is no longer the preset's; a label that is none is refused, with the reason.
        dialog->deploymentLabelEdit()->selectAll();
        QTest::keyClicks(dialog->deploymentLabelEdit(), QStringLiteral("server name"));
        QCOMPARE(dialog->presetBox()->currentData().toString(), QStringLiteral("custom"));
        QVERIFY(!dialog->saveButton()->isEnabled());
        QVERIFY2(dialog->validationProblem().contains(u"deployment_label"),
                 qPrintable(dialog->validationProblem()));
        dialog->deploymentLabelEdit()->selectAll();
        QTest::keyClicks(dialog->deploymentLabelEdit(), QStringLiteral("server"));
        QVERIFY(dialog->saveButton()->isEnabled());
    }

    void savingKeepsTheRulesAndShowsTheQueriesAgain()
    {
        auto dialog = openDialog();
        QVERIFY(dialog);
        dialog->sourceBox()->setCurrentIndex(1);
        QTest::keyClicks(dialog->urlEdit(), QStringLiteral("http://127.0.0.1:9"));
        dialog->applyPreset(QStringLiteral("haproxy"));
        QSignalSpy saved(dialog.get(), &MetricsSourceDialog::saved);
        QTest::mouseClick(dialog->saveButton(), Qt::LeftButton);
        QVERIFY(saved.wait(10000));
        auto queries = prometheusQueriesFromSettings(stored());
        QVERIFY(queries.ok() && queries.value().has_value());
        QCOMPARE(queries.value()->url, std::string("http://127.0.0.1:9"));
        QCOMPARE(queries.value()->preset, std::string("haproxy"));
        auto rules = sloPolicyFromJson(stored());
        QVERIFY(rules.ok());
        QVERIFY(rules.value() == m_rules);

        auto again = openDialog();
        QVERIFY(again);
        QVERIFY(again->queries().has_value());
        QCOMPARE(again->urlEdit()->text(), QStringLiteral("http://127.0.0.1:9"));
        QCOMPARE(again->presetBox()->currentData().toString(), QStringLiteral("haproxy"));
    }

    void theTestQueryAsksPrometheus()
    {
        auto dialog = openDialog();
        QVERIFY(dialog);
        dialog->sourceBox()->setCurrentIndex(1);
        dialog->urlEdit()->setText(QStringLiteral("http://127.0.0.1:9"));
        dialog->applyPreset(QStringLiteral("haproxy"));
        QSignalSpy tested(dialog.get(), &MetricsSourceDialog::tested);
        dialog->testQuery(); // nothing listens on port 9
        QVERIFY(tested.wait(30000));
        QCOMPARE(tested.takeFirst().at(0).toBool(), false);
        QVERIFY(!dialog->testResultLabel()->text().isEmpty());

        test::PrometheusServer prometheus; // a real one that scrapes nothing of this endpoint
        QVERIFY2(prometheus.start({}), qPrintable(prometheus.errorString()));
        dialog->urlEdit()->setText(QString::fromStdString(prometheus.url()));
        dialog->testQuery();
        QVERIFY(tested.wait(30000));
        QCOMPARE(tested.takeFirst().at(0).toBool(), true);
        QVERIFY2(dialog->testResultLabel()->text().contains(u"no current scrape"),
                 qPrintable(dialog->testResultLabel()->text()));
    }

    void backToTheTargetsOwnSource()
    {
        auto dialog = openDialog();
        QVERIFY(dialog);
        dialog->sourceBox()->setCurrentIndex(0);
        QSignalSpy saved(dialog.get(), &MetricsSourceDialog::saved);
        QTest::mouseClick(dialog->saveButton(), Qt::LeftButton);
        QVERIFY(saved.wait(10000));
        auto queries = prometheusQueriesFromSettings(stored());
        QVERIFY(queries.ok() && !queries.value().has_value());
        QVERIFY(sloPolicyFromJson(stored()).value() == m_rules);
    }

    void aDamagedSourceIsShownAsTheOwnWithAWarning()
    {
        QVERIFY(m_target->setMonitorSettings(kEndpoint, "{\"metrics\": {\"source\": \"graphite\"}}").ok());
        auto dialog = openDialog();
        QVERIFY(dialog);
        QVERIFY(dialog->errorBanner()->isVisible());
        QVERIFY(!dialog->queries().has_value());
        QVERIFY(dialog->saveButton()->isEnabled());
    }
};

QTEST_MAIN(TestMetricsSourceDialog)
#include "tst_metrics_source_dialog.moc"
