#include "release/review/check_list_model.h"
#include "release_evidence.h"

#include <QAbstractItemModelTester>
#include <QApplication>
#include <QBrush>
#include <QIcon>
#include <QtTest/QtTest>

#include <modelgate/core/release/release_checks.h>

using namespace modelgate;
using namespace modelgate::ui;

namespace {

// Real checks from the pure evaluation: auc passes its threshold, precision regresses beyond
// both margins against v3, the input example is missing but optional, the ticket tag is set.
CheckReport sampleReport()
{
    ReleasePolicy policy = defaultReleasePolicy();
    policy.thresholds = {{"auc", 0.8, std::nullopt}};
    policy.regressionMetrics = {"precision"};
    policy.requireInputExample = false;
    policy.requiredTags = {"ticket"};
    VersionEvidence candidate = test::evidence("4", {{"auc", 0.853}, {"precision", 0.71}});
    candidate.signature->hasInputExample = false;
    const VersionEvidence champion = test::evidence("3", {{"auc", 0.85}, {"precision", 0.74}});
    return evaluateReleaseChecks(policy, "h", candidate, compareVersions(candidate, champion, {}));
}

} // namespace

class TestCheckListModel : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void showsEveryCheck()
    {
        CheckListModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        QCOMPARE(model.rowCount(), 0);
        QCOMPARE(model.columnCount(), int(CheckListModel::ColumnCount));
        const CheckReport report = sampleReport();
        model.setReport(report);
        QCOMPARE(model.rowCount(), int(report.checks.size()));
        QCOMPARE(model.headerData(CheckListModel::Measured, Qt::Horizontal).toString(),
                 QStringLiteral("Measured"));

        const int regression = model.rowOf(CheckKind::ChampionRegression, QStringLiteral("precision"));
        QVERIFY(regression >= 0);
        const QModelIndex failed = model.index(regression, CheckListModel::Status);
        QCOMPARE(failed.data().toString(), QStringLiteral("Failed"));
        QCOMPARE(failed.data(CheckListModel::StatusRole).toInt(), int(CheckStatus::Fail));
        QVERIFY(!failed.data(Qt::DecorationRole).value<QIcon>().isNull());
        QCOMPARE(failed.data(Qt::ForegroundRole).value<QBrush>().color().red(), 0xc6);
        QCOMPARE(model.index(regression, CheckListModel::Check).data().toString(),
                 QStringLiteral("No regression: precision"));
        QCOMPARE(model.index(regression, CheckListModel::Measured).data().toString(),
                 QStringLiteral("0.71 (\u22120.03)"));
        QCOMPARE(model.index(regression, CheckListModel::Expected).data().toString(),
                 QStringLiteral("\u2265 0.7252")); // 0.74 - 2 %, the looser margin
        QCOMPARE(
            model.index(regression, CheckListModel::Detail).data().toString(),
            QStringLiteral("0.03 (4.1 %) worse than the champion's 0.74: beyond both the absolute margin "
                           "0.01 and the relative margin 2 %"));
        // The tooltip spells out the rule behind the short Expected column.
        const QString tooltip =
            model.index(regression, CheckListModel::Expected).data(Qt::ToolTipRole).toString();
        QVERIFY2(tooltip.contains(QStringLiteral("at most 0.01 or 2 % worse than v3 (0.74)")),
                 qPrintable(tooltip));

        const int auc = model.rowOf(CheckKind::MetricThreshold, QStringLiteral("auc"));
        QCOMPARE(model.index(auc, CheckListModel::Check).data().toString(), QStringLiteral("Threshold: auc"));
        QCOMPARE(model.index(auc, CheckListModel::Expected).data().toString(), QStringLiteral("\u2265 0.8"));
        const int example = model.rowOf(CheckKind::InputExample);
        QCOMPARE(model.index(example, CheckListModel::Status).data().toString(), QStringLiteral("Warning"));
        QCOMPARE(model.index(example, CheckListModel::Measured).data().toString(), QStringLiteral("missing"));
        QCOMPARE(
            model.index(model.rowOf(CheckKind::RequiredTag, QStringLiteral("ticket")), CheckListModel::Check)
                .data()
                .toString(),
            QStringLiteral("Tag: ticket"));
        QCOMPARE(model.rowOf(CheckKind::RequiredTag, QStringLiteral("owner")), -1);

        model.clear();
        QCOMPARE(model.rowCount(), 0);
    }

    void proxySortsFailuresFirstAndFilters()
    {
        CheckListModel model;
        model.setReport(sampleReport());
        CheckFilterProxyModel proxy;
        QAbstractItemModelTester tester(&proxy, QAbstractItemModelTester::FailureReportingMode::QtTest);
        proxy.setSourceModel(&model);
        proxy.sort(CheckListModel::Status);
        QCOMPARE(proxy.index(0, CheckListModel::Status).data().toString(), QStringLiteral("Failed"));
        QCOMPARE(proxy.index(1, CheckListModel::Status).data().toString(), QStringLiteral("Warning"));
        proxy.setProblemsOnly(true);
        QCOMPARE(proxy.rowCount(), 2); // the regression and the missing input example
        proxy.setProblemsOnly(false);
        QCOMPARE(proxy.rowCount(), model.rowCount());
    }
};

QTEST_MAIN(TestCheckListModel)
#include "tst_check_list_model.moc"
