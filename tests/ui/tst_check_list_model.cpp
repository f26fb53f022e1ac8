#include "release/check_list_model.h"

#include <QAbstractItemModelTester>
#include <QApplication>
#include <QBrush>
#include <QIcon>
#include <QtTest/QtTest>

using namespace modelgate;
using namespace modelgate::ui;

namespace {

CheckResult check(CheckKind kind, const std::string &subject, CheckStatus status, const std::string &measured,
                  const std::string &expected, const std::string &detail = {})
{
    CheckResult result;
    result.kind = kind;
    result.subject = subject;
    result.status = status;
    result.title = subject.empty() ? toString(kind) : subject;
    result.measured = measured;
    result.expected = expected;
    result.detail = detail;
    return result;
}

CheckReport sampleReport()
{
    CheckReport report;
    report.checks = {
        check(CheckKind::MetricThreshold, "auc", CheckStatus::Pass, "0.853", ">= 0.8"),
        check(CheckKind::ChampionRegression, "precision", CheckStatus::Fail, "0.71",
              "at most 0.01 (2 %) worse than v3 (0.74)", "0.03 worse than v3"),
        check(CheckKind::InputExample, {}, CheckStatus::Warning, "missing", "optional", "no input example"),
        check(CheckKind::RequiredTag, "ticket", CheckStatus::Pass, "CLIN-142", "present"),
    };
    report.passed = 2;
    report.failed = 1;
    report.warnings = 1;
    return report;
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
        model.setReport(sampleReport());
        QCOMPARE(model.rowCount(), 4);
        QCOMPARE(model.headerData(CheckListModel::Measured, Qt::Horizontal).toString(),
                 QStringLiteral("Measured"));

        const QModelIndex failed = model.index(1, CheckListModel::Status);
        QCOMPARE(failed.data().toString(), QStringLiteral("Failed"));
        QCOMPARE(failed.data(CheckListModel::StatusRole).toInt(), int(CheckStatus::Fail));
        QVERIFY(!failed.data(Qt::DecorationRole).value<QIcon>().isNull());
        QCOMPARE(failed.data(Qt::ForegroundRole).value<QBrush>().color().red(), 0xc6);
        QCOMPARE(model.index(1, CheckListModel::Check).data().toString(),
                 QStringLiteral("No regression: precision"));
        QCOMPARE(model.index(1, CheckListModel::Measured).data().toString(), QStringLiteral("0.71"));
        QCOMPARE(model.index(1, CheckListModel::Detail).data().toString(),
                 QStringLiteral("0.03 worse than v3"));
        QCOMPARE(model.index(0, CheckListModel::Check).data().toString(), QStringLiteral("Threshold: auc"));
        QCOMPARE(model.index(2, CheckListModel::Status).data().toString(), QStringLiteral("Warning"));
        QCOMPARE(model.index(3, CheckListModel::Check).data().toString(), QStringLiteral("Tag: ticket"));
        QCOMPARE(model.rowOf(CheckKind::ChampionRegression, QStringLiteral("precision")), 1);
        QCOMPARE(model.rowOf(CheckKind::Description), -1);

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
        QCOMPARE(proxy.rowCount(), 2);
        proxy.setProblemsOnly(false);
        QCOMPARE(proxy.rowCount(), 4);
    }
};

QTEST_MAIN(TestCheckListModel)
#include "tst_check_list_model.moc"
