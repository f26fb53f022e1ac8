// One endpoint's deployments with their approvals, fed hand-built values; the traffic dialog's
// sum rule and the smoke test's CSV and request body ride along (no server either).
#include "deploy/deployment_table_model.h"
#include "deploy/scoring_rows.h"
#include "deploy/traffic_dialog.h"
#include "deploy_samples.h"

#include <QAbstractItemModelTester>
#include <QDialogButtonBox>
#include <QPushButton>
#include <QSortFilterProxyModel>
#include <QtTest/QtTest>

using namespace modelgate;
using namespace modelgate::ui;

namespace {

EndpointInfo sample()
{
    return test::endpoint("diabetes-online", EndpointHealth::Degraded,
                          {test::deployment("blue", "4", 90), test::deployment("green", "12", 10),
                           test::deployment("old", "3", 0, DeploymentHealth::Dead)});
}

} // namespace

class TestDeploymentTableModel : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void passesTheModelTester()
    {
        DeploymentTableModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setEndpoint(sample());
        model.setApprovals({{"blue", {true, "approved by sam"}}});
        model.setEndpoint(sample());
        QCOMPARE(model.rowCount(), 3);
        QCOMPARE(model.columnCount(), int(DeploymentTableModel::ColumnCount));
        model.clear();
        QCOMPARE(model.rowCount(), 0);
    }

    void showsEachColumn()
    {
        DeploymentTableModel model;
        model.setEndpoint(sample());
        const int row = model.rowOfName(QStringLiteral("green"));
        QCOMPARE(model.index(row, DeploymentTableModel::Deployment).data().toString(),
                 QStringLiteral("green"));
        QCOMPARE(model.index(row, DeploymentTableModel::Model).data().toString(),
                 QStringLiteral("diabetes-classifier"));
        QCOMPARE(model.index(row, DeploymentTableModel::Version).data().toString(), QStringLiteral("12"));
        QCOMPARE(model.index(row, DeploymentTableModel::Health).data().toString(), QStringLiteral("healthy"));
        QCOMPARE(model.index(row, DeploymentTableModel::Traffic).data().toString(), QStringLiteral("10 %"));
        // Unknown until the approvals are read.
        QVERIFY(!model.index(row, DeploymentTableModel::Approval)
                     .data(DeploymentTableModel::ApprovedRole)
                     .isValid());
        const int dead = model.rowOfName(QStringLiteral("old"));
        QCOMPARE(
            model.index(dead, DeploymentTableModel::Health).data(DeploymentTableModel::HealthRole).toInt(),
            int(DeploymentHealth::Dead));
        QVERIFY(model.index(dead, DeploymentTableModel::Health).data(Qt::ForegroundRole).isValid());
    }

    void marksAVersionNoLongerApproved()
    {
        DeploymentTableModel model;
        model.setEndpoint(sample());
        QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
        model.setApprovals({{"blue", {true, "approved by sam"}},
                            {"green", {false, "approval by sam was given to other content"}}});
        QCOMPARE(changed.count(), 1);
        const QModelIndex blue =
            model.index(model.rowOfName(QStringLiteral("blue")), DeploymentTableModel::Approval);
        const QModelIndex green =
            model.index(model.rowOfName(QStringLiteral("green")), DeploymentTableModel::Approval);
        QCOMPARE(blue.data().toString(), QStringLiteral("approved"));
        QVERIFY(!blue.data(Qt::ForegroundRole).isValid());
        QCOMPARE(green.data().toString(), QStringLiteral("NOT approved"));
        QCOMPARE(green.data(Qt::ForegroundRole).value<QBrush>().color(), QColor(0xc0, 0x39, 0x2b));
        QVERIFY(
            green.data(Qt::ToolTipRole).toString().contains(u"approval by sam was given to other content"));
        // The same endpoint again (a refresh) keeps them; another endpoint forgets them.
        model.setEndpoint(sample());
        QCOMPARE(green.data(DeploymentTableModel::ApprovedRole).toBool(), false);
        model.setEndpoint(
            test::endpoint("other", EndpointHealth::Running, {test::deployment("green", "12", 100)}));
        QVERIFY(!model.index(0, DeploymentTableModel::Approval)
                     .data(DeploymentTableModel::ApprovedRole)
                     .isValid());
    }

    void sortsThroughAProxyOnRawValues()
    {
        DeploymentTableModel model;
        model.setEndpoint(sample());
        QSortFilterProxyModel proxy;
        proxy.setSourceModel(&model);
        proxy.setSortRole(DeploymentTableModel::SortRole);
        QAbstractItemModelTester tester(&proxy, QAbstractItemModelTester::FailureReportingMode::QtTest);
        proxy.sort(DeploymentTableModel::Version, Qt::DescendingOrder); // 12 before 4: numbers, not text
        QCOMPARE(proxy.index(0, 0).data().toString(), QStringLiteral("green"));
        proxy.sort(DeploymentTableModel::Traffic, Qt::DescendingOrder);
        QCOMPARE(proxy.index(0, 0).data().toString(), QStringLiteral("blue"));
    }

    void trafficDialogAcceptsOnlyAHundred()
    {
        TrafficDialog dialog(sample());
        auto *ok = dialog.findChild<QDialogButtonBox *>()->button(QDialogButtonBox::Ok);
        QCOMPARE(dialog.sum(), 100);
        QVERIFY(ok->isEnabled());
        dialog.setShare(QStringLiteral("green"), 20);
        QCOMPARE(dialog.sum(), 110);
        QVERIFY(!ok->isEnabled());
        dialog.setShare(QStringLiteral("blue"), 80);
        QVERIFY(ok->isEnabled());
        const TrafficSplit expected{{"blue", 80}, {"green", 20}, {"old", 0}};
        QCOMPARE(dialog.split(), expected);
    }

    void smokeTestRowsAndRequest()
    {
        QString problem;
        const auto rows =
            parseCsv(QStringLiteral("age,sex,note\r\n0.05,1,\"a, \"\"b\"\"\"\n\n-0.01,2,x\n"), &problem);
        QVERIFY2(rows.has_value(), qPrintable(problem));
        QCOMPARE(rows->columns,
                 QStringList({QStringLiteral("age"), QStringLiteral("sex"), QStringLiteral("note")}));
        QCOMPARE(rows->rows.size(), 2);
        QCOMPARE(rows->rows[0][2], QStringLiteral("a, \"b\""));
        QCOMPARE(scoringRequestBody(*rows), QByteArray("{\"dataframe_split\":{\"columns\":[\"age\",\"sex\","
                                                       "\"note\"],\"data\":[[0.05,1,\"a, \\\"b\\\"\"],"
                                                       "[-0.01,2,\"x\"]]}}"));
        QVERIFY(!parseCsv(QStringLiteral("a,b\n1\n"), &problem));
        QVERIFY(problem.contains(u"line 2"));
        const auto example = parseInputExample("{\"columns\":[\"age\",\"bmi\"],\"data\":[[0.1,0.2]]}");
        QVERIFY(example.has_value());
        QCOMPARE(example->rows.size(), 1);
        QVERIFY(
            parseInputExample("{\"dataframe_split\":{\"columns\":[\"age\"],\"data\":[[1]]}}").has_value());
        QCOMPARE(parsePredictions("{\"predictions\":[1,0.5,\"yes\"]}").value(),
                 QStringList({QStringLiteral("1"), QStringLiteral("0.5"), QStringLiteral("yes")}));
        QVERIFY(!parsePredictions("<html>").has_value());
    }
};

QTEST_MAIN(TestDeploymentTableModel)
#include "tst_deployment_table_model.moc"
