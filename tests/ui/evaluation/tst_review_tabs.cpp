#include "evaluation/comparison_view.h"
#include "evaluation/metric_chart_widget.h"
#include "evaluation/metric_comparison_model.h"
#include "evaluation/metric_history_view.h"
#include "evaluation/metric_trend_view.h"
#include "evaluation/value_diff_model.h"
#include "mlflow_test_server.h"
#include "registry/model_version_list_model.h"
#include "registry/version_details_pane.h"
#include "shell/main_window.h"
#include "widgets/error_banner.h"
#include "workspaces/secret_store.h"
#include "workspaces/workspace_manager.h"

#include <cmath>
#include <memory>

#include <QCheckBox>
#include <QComboBox>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLineSeries>
#include <QListWidget>
#include <QRandomGenerator>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTabWidget>
#include <QTemporaryDir>
#include <QtTest/QtTest>

using namespace modelgate;
using namespace modelgate::ui;

namespace {

constexpr int loadTimeout = 90'000; // a loaded CI machine; real loads take well under a second

std::string json(const QJsonObject &object)
{
    return QJsonDocument(object).toJson(QJsonDocument::Compact).toStdString();
}

QByteArray describe(const Error &error)
{
    return QByteArray::fromStdString(error.describe());
}

} // namespace

// The review tabs against the shared seeded server: diabetes-classifier has four versions,
// @champion -> v3 and the newest (v4) is the candidate; every run logged a `loss` history.
class TestReviewTabs : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }

    void compareChartAndTrendTheNewestVersion()
    {
        MODELGATE_REQUIRE_MLFLOW(uri);
        QTemporaryDir configDir;
        MemorySecretStore secrets;
        Environment environment;
        environment.vars["MLFLOW_TRACKING_URI"] = uri.toStdString();
        WorkspaceManager workspaces(configDir.filePath(QStringLiteral("profiles.json")).toStdString(),
                                    environment, &secrets);
        MainWindow window(&workspaces);
        window.resize(1400, 860);
        window.show();
        QSignalSpy failures(&window, &MainWindow::loadFailed);
        QSignalSpy versionsLoaded(&window, &MainWindow::versionsLoaded);
        window.start();
        window.selectModel(QStringLiteral("diabetes-classifier"));
        QTRY_COMPARE_WITH_TIMEOUT(versionsLoaded.count(), 1, loadTimeout);

        const ModelVersionListModel *versions = window.versionListModel();
        int newest = 0;
        for (int row = 1; row < versions->rowCount(); ++row)
            if (versions->versionAt(row).versionNumber() > versions->versionAt(newest).versionNumber())
                newest = row;
        const ModelVersion candidate = versions->versionAt(newest);
        const int championRow = versions->rowOf(QStringLiteral("@champion"));
        QVERIFY(championRow >= 0);
        const QString championVersion = QString::fromStdString(versions->versionAt(championRow).version);
        QVERIFY(candidate.version != versions->versionAt(championRow).version);

        // Compare: the champion is the default baseline; both sides have metrics.
        ComparisonView *comparison = window.detailsPane()->comparisonView();
        QSignalSpy compared(comparison, &ComparisonView::loaded);
        QSignalSpy detailsLoaded(&window, &MainWindow::detailsLoaded);
        window.selectVersion(QString::fromStdString(candidate.version));
        QTRY_COMPARE_WITH_TIMEOUT(detailsLoaded.count(), 1, loadTimeout);
        QCOMPARE(compared.count(), 0); // nothing is compared until the tab is shown
        window.showDetailsTab(VersionDetailsPane::CompareTab);
        QCOMPARE(window.detailsPane()->tabs()->currentWidget(), comparison);
        QTRY_COMPARE_WITH_TIMEOUT(compared.count(), 1, loadTimeout);
        QCOMPARE(comparison->baseline(), QStringLiteral("@champion"));
        QVERIFY(comparison->comparison().has_value());
        QCOMPARE(QString::fromStdString(comparison->comparison()->baseline.version.version), championVersion);
        const MetricComparisonModel *metrics = comparison->metricsModel();
        const int accuracy = metrics->rowOfKey(QStringLiteral("accuracy"));
        QVERIFY(accuracy >= 0);
        QVERIFY(metrics->metricAt(accuracy).candidate.has_value());
        QVERIFY(metrics->metricAt(accuracy).baseline.has_value());
        QCOMPARE(metrics->metricAt(accuracy).direction, MetricDirection::HigherIsBetter);
        QVERIFY(metrics->metricAt(accuracy).verdict != Verdict::Unknown);
        QVERIFY(comparison->parametersModel()->changedCount() > 0); // different model classes
        QVERIFY(comparison->headline().contains(QStringLiteral("@champion")));
        QVERIFY(!comparison->signatureSummary().isEmpty());

        // A baseline that does not exist is a message, not a crash.
        comparison->setBaseline(QStringLiteral("@no-such-alias"));
        QTRY_COMPARE_WITH_TIMEOUT(failures.count(), 1, loadTimeout);
        QVERIFY(window.errorBanner()->isVisible());
        QVERIFY(
            window.errorBanner()->text().startsWith(QStringLiteral("Could not compare the two versions.")));
        comparison->setBaseline(QStringLiteral("@champion"));
        QTRY_COMPARE_WITH_TIMEOUT(compared.count(), 2, loadTimeout);
        QTRY_VERIFY(!window.errorBanner()->isVisible()); // cleared by the successful comparison

        // Charts: the loss history of the candidate with the champion overlaid.
        MetricHistoryView *charts = window.detailsPane()->chartsView();
        QSignalSpy charted(charts, &MetricHistoryView::loaded);
        QVERIFY(charts->setMetric(QStringLiteral("loss")));
        window.showDetailsTab(VersionDetailsPane::ChartsTab);
        QTRY_VERIFY_WITH_TIMEOUT(charted.count() >= 1 && !charts->isLoading(), loadTimeout);
        const QList<QLineSeries *> lines = charts->chart()->lineSeries();
        QCOMPARE(lines.size(), 2); // candidate + @champion, ticked by default
        QVERIFY(lines.at(0)->count() > 0);
        QVERIFY(lines.at(1)->name().contains(QStringLiteral("@champion")));
        QVERIFY(lines.at(1)->count() > 0);
        QVERIFY(charts->logScaleCheck()->isEnabled()); // losses are positive

        // Unticking the champion leaves the candidate alone.
        const int before = static_cast<int>(charted.count());
        charts->setOverlayChecked(QStringLiteral("@champion"), false);
        QTRY_VERIFY_WITH_TIMEOUT(charted.count() > before && !charts->isLoading(), loadTimeout);
        QCOMPARE(charts->chart()->lineSeries().size(), 1);

        // Model trend: accuracy of every version.
        MetricTrendView *trend = window.detailsPane()->trendView();
        QSignalSpy trended(trend, &MetricTrendView::loaded);
        QVERIFY(trend->setMetric(QStringLiteral("accuracy")));
        window.showDetailsTab(VersionDetailsPane::TrendTab);
        QTRY_VERIFY_WITH_TIMEOUT(trended.count() >= 1 && !trend->isLoading(), loadTimeout);
        QCOMPARE(trend->metric(), QStringLiteral("accuracy"));
        QCOMPARE(trend->pointCount(), versions->rowCount());
        QCOMPARE(failures.count(), 1); // only the deliberate one
    }

    // A direction set from the table is written to the model's tag on the server and
    // re-rates the comparison on screen. On a throwaway model (random name, deleted at the
    // end) whose two versions point at the runs of diabetes-classifier v3 and v4, so the
    // shared seeded model is left as it was.
    void metricDirectionFromTheTable()
    {
        MODELGATE_REQUIRE_MLFLOW(uri);
        ClientConfig config;
        config.trackingUri = uri.toStdString();
        auto client = std::make_shared<const MlflowClient>(config);
        const auto seeded = client->listModelVersions("diabetes-classifier", CancelToken::none());
        QVERIFY2(seeded.ok(), seeded.ok() ? "" : describe(seeded.error()).constData());
        std::map<std::string, std::string> runOf;
        for (const ModelVersion &version : seeded.value())
            runOf[version.version] = version.runId;
        QVERIFY(!runOf["3"].empty() && !runOf["4"].empty());

        const QString name = QStringLiteral("mg-review-ui-%1").arg(QRandomGenerator::global()->generate());
        m_createdModel = name.toStdString();
        m_client = client;
        const auto created = client->call(HttpMethod::Post, "registered-models/create",
                                          json({{QStringLiteral("name"), name}}), CancelToken::none());
        QVERIFY2(created.ok(), created.ok() ? "" : describe(created.error()).constData());
        for (const char *source : {"3", "4"}) {
            const auto version =
                client->call(HttpMethod::Post, "model-versions/create",
                             json({{QStringLiteral("name"), name},
                                   {QStringLiteral("source"), QStringLiteral("s3://modelgate-test/model")},
                                   {QStringLiteral("run_id"), QString::fromStdString(runOf[source])}}),
                             CancelToken::none());
            QVERIFY2(version.ok(), version.ok() ? "" : describe(version.error()).constData());
        }
        const auto versions = client->listModelVersions(m_createdModel, CancelToken::none());
        QVERIFY(versions.ok() && versions->size() == 2);
        const ModelVersion candidate = versions->at(0).version == "2" ? versions->at(0) : versions->at(1);

        ComparisonView view;
        view.resize(1000, 700);
        view.setClient(client);
        view.setModelVersions(versions.value());
        QSignalSpy loaded(&view, &ComparisonView::loaded);
        QSignalSpy saved(&view, &ComparisonView::directionSaved);
        QSignalSpy failed(&view, &ComparisonView::failed);
        view.setVersion(candidate);
        view.show(); // no champion: the older version is the baseline
        QTRY_COMPARE_WITH_TIMEOUT(loaded.count(), 1, loadTimeout);
        QCOMPARE(view.baseline(), QStringLiteral("1"));
        const MetricComparisonModel *metrics = view.metricsModel();
        const int accuracyRow = metrics->rowOfKey(QStringLiteral("accuracy"));
        QVERIFY(accuracyRow >= 0);
        const MetricComparison before = metrics->metricAt(accuracyRow);
        QCOMPARE(before.direction, MetricDirection::HigherIsBetter);
        QVERIFY(before.verdict == Verdict::Better || before.verdict == Verdict::Worse);
        QVERIFY(!before.directionOverridden);

        view.setMetricDirection(QStringLiteral("accuracy"), MetricDirection::LowerIsBetter);
        QTRY_COMPARE_WITH_TIMEOUT(saved.count(), 1, loadTimeout);
        QCOMPARE(failed.count(), 0);
        const MetricComparison after = metrics->metricAt(metrics->rowOfKey(QStringLiteral("accuracy")));
        QCOMPARE(after.direction, MetricDirection::LowerIsBetter);
        QVERIFY(after.directionOverridden);
        QCOMPARE(after.verdict, before.verdict == Verdict::Better ? Verdict::Worse : Verdict::Better);
        auto model = client->getRegisteredModel(m_createdModel, CancelToken::none());
        QVERIFY(model.ok());
        QCOMPARE(model->tags.at(kMetricDirectionsTag), std::string(R"({"accuracy":"lower"})"));

        // Back to the built-in rule.
        view.setMetricDirection(QStringLiteral("accuracy"), std::nullopt);
        QTRY_COMPARE_WITH_TIMEOUT(saved.count(), 2, loadTimeout);
        QCOMPARE(metrics->metricAt(metrics->rowOfKey(QStringLiteral("accuracy"))).verdict, before.verdict);
        model = client->getRegisteredModel(m_createdModel, CancelToken::none());
        QVERIFY(model.ok());
        QCOMPARE(model->tags.at(kMetricDirectionsTag), std::string("{}"));
    }

    void cleanupTestCase()
    {
        if (m_client && !m_createdModel.empty())
            (void)m_client->call(HttpMethod::Delete, "registered-models/delete",
                                 json({{QStringLiteral("name"), QString::fromStdString(m_createdModel)}}),
                                 CancelToken::none());
    }

private:
    std::shared_ptr<const MlflowClient> m_client;
    std::string m_createdModel;
};

QTEST_MAIN(TestReviewTabs)
#include "tst_review_tabs.moc"
