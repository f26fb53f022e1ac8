// The endpoint table's model and its sorting proxy, fed hand-built EndpointInfo values.
#include "deploy/endpoint_list_model.h"
#include "deploy_samples.h"

#include <QAbstractItemModelTester>
#include <QSortFilterProxyModel>
#include <QtTest/QtTest>

using namespace modelgate;
using namespace modelgate::ui;

namespace {

std::vector<EndpointInfo> sample()
{
    return {
        test::endpoint("diabetes-online", EndpointHealth::Running,
                       {test::deployment("blue", "4", 90), test::deployment("green", "5", 10)}),
        test::endpoint("churn-batch", EndpointHealth::Down, {test::deployment("v1", "1", 100)}),
        test::endpoint("empty", EndpointHealth::Running, {}),
        test::endpoint(
            "fraud", EndpointHealth::Degraded,
            {test::deployment("a", "2", 100), test::deployment("b", "3", 0, DeploymentHealth::Dead)}),
    };
}

} // namespace

class TestEndpointListModel : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void passesTheModelTester()
    {
        EndpointListModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setEndpoints(sample());
        model.setEndpoints({});
        model.setEndpoints(sample());
        QCOMPARE(model.rowCount(), 4);
        QCOMPARE(model.columnCount(), int(EndpointListModel::ColumnCount));
        model.clear();
        QCOMPARE(model.rowCount(), 0);
    }

    void showsEachColumn()
    {
        EndpointListModel model;
        model.setEndpoints(sample());
        const int row = model.rowOfName(QStringLiteral("diabetes-online"));
        QCOMPARE(row, 0);
        QCOMPARE(model.index(row, EndpointListModel::Name).data().toString(),
                 QStringLiteral("diabetes-online"));
        QCOMPARE(model.index(row, EndpointListModel::State).data().toString(), QStringLiteral("running"));
        QVERIFY(model.index(row, EndpointListModel::ScoringUri)
                    .data()
                    .toString()
                    .startsWith(u"http://127.0.0.1:"));
        QCOMPARE(model.index(row, EndpointListModel::Deployments).data().toInt(), 2);
        QCOMPARE(model.index(row, EndpointListModel::Split).data().toString(),
                 QStringLiteral("blue 90 %, green 10 %"));
        QCOMPARE(model.index(2, EndpointListModel::Split).data().toString(), QStringLiteral("no deployment"));
        QCOMPARE(model.headerData(EndpointListModel::ScoringUri, Qt::Horizontal).toString(),
                 QStringLiteral("Scoring URI"));
    }

    void marksWhatNeedsARestart()
    {
        EndpointListModel model;
        model.setEndpoints(sample());
        const auto needsRestart = [&model](const char *name) {
            return model.index(model.rowOfName(QLatin1String(name)), 0)
                .data(EndpointListModel::NeedsRestartRole)
                .toBool();
        };
        QVERIFY(!needsRestart("diabetes-online"));
        QVERIFY(needsRestart("churn-batch")); // the router is down
        QVERIFY(needsRestart("fraud"));       // a deployment is dead
        const QModelIndex down =
            model.index(model.rowOfName(QStringLiteral("churn-batch")), EndpointListModel::State);
        QCOMPARE(down.data(EndpointListModel::HealthRole).toInt(), int(EndpointHealth::Down));
        QVERIFY(down.data(Qt::ForegroundRole).isValid());
        QCOMPARE(down.data(Qt::ToolTipRole).toString(), QStringLiteral("a deployment does not answer"));
    }

    void sortsThroughAProxyOnRawValues()
    {
        EndpointListModel model;
        model.setEndpoints(sample());
        QSortFilterProxyModel proxy;
        proxy.setSourceModel(&model);
        proxy.setSortRole(EndpointListModel::SortRole);
        QAbstractItemModelTester tester(&proxy, QAbstractItemModelTester::FailureReportingMode::QtTest);
        proxy.sort(EndpointListModel::Name, Qt::AscendingOrder);
        QCOMPARE(proxy.index(0, 0).data().toString(), QStringLiteral("churn-batch"));
        proxy.sort(EndpointListModel::Deployments, Qt::DescendingOrder);
        QCOMPARE(proxy.index(3, 0).data().toString(), QStringLiteral("empty"));
        proxy.sort(EndpointListModel::State, Qt::DescendingOrder);
        QCOMPARE(proxy.index(0, 0).data().toString(), QStringLiteral("churn-batch")); // Down sorts last-first
        model.setEndpoints({sample()[0]});
        QCOMPARE(proxy.rowCount(), 1);
    }
};

QTEST_MAIN(TestEndpointListModel)
#include "tst_endpoint_list_model.moc"
