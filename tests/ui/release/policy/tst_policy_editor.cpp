#include "mlflow_test_server.h"
#include "release/policy/policy_editor_dialog.h"
#include "release/review/check_list_model.h"

#include <memory>

#include <QCheckBox>
#include <QComboBox>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSpinBox>
#include <QStandardPaths>
#include <QTableWidget>
#include <QtTest/QtTest>

#include <modelgate/core/mlflow/mlflow_client.h>
#include <modelgate/core/release/release_checks.h>

using namespace modelgate;
using namespace modelgate::ui;

// The policy editor's live preview against a real candidate: diabetes-classifier v4 of the
// shared seeded server, compared with its champion v3. Nothing is saved to the shared server.
class TestPolicyEditor : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }

    void previewFollowsTheEdits()
    {
        MODELGATE_REQUIRE_MLFLOW(uri);
        ClientConfig config;
        config.trackingUri = uri.toStdString();
        auto client = std::make_shared<const MlflowClient>(config);
        CancelToken cancel;
        Result<LoadedChecks> loaded = loadReleaseChecks(*client, "diabetes-classifier", "4", cancel);
        QVERIFY2(loaded.ok(), loaded.ok() ? "" : loaded.error().describe().c_str());
        const LoadedChecks &checks = loaded.value();
        QVERIFY(checks.comparison.has_value()); // v4 against @champion v3

        PolicyEditorDialog::Subject subject;
        subject.model = QStringLiteral("diabetes-classifier");
        subject.policy = checks.policy.policy;
        subject.candidate = checks.candidate;
        subject.comparison = checks.comparison;
        PolicyEditorDialog dialog(client, subject);

        // Unchanged policy: the preview says what the server-side evaluation says.
        QCOMPARE(dialog.editedPolicy(), checks.policy.policy);
        QCOMPARE(dialog.previewReport().passed, checks.report.passed);
        QCOMPARE(dialog.previewReport().failed, checks.report.failed);
        QCOMPARE(dialog.previewReport().warnings, checks.report.warnings);
        QCOMPARE(dialog.previewModel()->rowCount(), int(checks.report.checks.size()));
        const int failedBefore = dialog.previewReport().failed;

        // A threshold v4 cannot meet fails at once; relaxing it passes.
        dialog.addThreshold(QStringLiteral("accuracy"), 0.999, std::nullopt);
        QCOMPARE(dialog.previewReport().failed, failedBefore + 1);
        const int row = dialog.previewModel()->rowOf(CheckKind::MetricThreshold, QStringLiteral("accuracy"));
        QVERIFY(row >= 0);
        QCOMPARE(dialog.previewModel()->checkAt(row).status, CheckStatus::Fail);
        QVERIFY(dialog.previewSummary().contains(QStringLiteral("%1 failed").arg(failedBefore + 1)));
        QTableWidget *thresholds = dialog.thresholdsTable();
        thresholds->item(thresholds->rowCount() - 1, 1)->setText(QStringLiteral("0.1"));
        QCOMPARE(dialog.previewReport().failed, failedBefore);
        QCOMPARE(dialog.previewModel()
                     ->checkAt(
                         dialog.previewModel()->rowOf(CheckKind::MetricThreshold, QStringLiteral("accuracy")))
                     .status,
                 CheckStatus::Pass);

        // An invalid edit is named and blocks saving.
        dialog.commentEdit()->setPlainText(QStringLiteral("tighten accuracy"));
        QVERIFY(dialog.saveButton()->isEnabled());
        thresholds->item(thresholds->rowCount() - 1, 2)
            ->setText(QStringLiteral("0.05")); // at most < at least
        QVERIFY(!dialog.validationProblem().isEmpty());
        QVERIFY(!dialog.saveButton()->isEnabled());
        QVERIFY(dialog.previewSummary().startsWith(QStringLiteral("The policy is not valid")));
        thresholds->item(thresholds->rowCount() - 1, 2)->setText(QString());
        QVERIFY(dialog.validationProblem().isEmpty());

        // v4 regresses on precision under the default margins; marking precision neutral
        // removes the regression check for it (the directions table is previewed too).
        if (failedBefore > 0) {
            QTableWidget *directions = dialog.directionsTable();
            QComboBox *precision = nullptr;
            for (int r = 0; r < directions->rowCount(); ++r)
                if (directions->item(r, 0)->text() == QLatin1String("precision"))
                    precision = qobject_cast<QComboBox *>(directions->cellWidget(r, 1));
            QVERIFY(precision);
            precision->setCurrentIndex(precision->findData(static_cast<int>(MetricDirection::Neutral)));
            QVERIFY(dialog.previewReport().failed < failedBefore);
            QCOMPARE(dialog.editedOverrides().at("precision"), MetricDirection::Neutral);
        }

        // Other fields reach the policy.
        dialog.approvalsSpin()->setValue(2);
        dialog.breakGlassCheck()->setChecked(true);
        QCOMPARE(dialog.editedPolicy().requiredApprovals, 2);
        QVERIFY(dialog.editedPolicy().allowBreakGlass);
        QCOMPARE(dialog.editedPolicy().thresholds.size(), std::size_t(1));
        QCOMPARE(dialog.editedPolicy().thresholds[0].atLeast.value(), 0.1);

        // Without a comment, nothing can be saved.
        dialog.commentEdit()->clear();
        QVERIFY(!dialog.saveButton()->isEnabled());
    }
};

QTEST_MAIN(TestPolicyEditor)
#include "tst_policy_editor.moc"
