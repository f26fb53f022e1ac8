#include "registry/model_version_list_model.h"
#include "registry/table_rows_model.h"

#include <QAbstractItemModelTester>
#include <QSortFilterProxyModel>
#include <QtTest/QtTest>

using namespace modelgate;
using namespace modelgate::ui;

namespace {

ModelVersion makeVersion(const std::string &number, std::vector<std::string> aliases = {},
                         const std::string &status = "READY", std::int64_t created = 0)
{
    ModelVersion version;
    version.name = "diabetes-classifier";
    version.version = number;
    version.aliases = std::move(aliases);
    version.status = status;
    version.creationTimestamp = created;
    version.runId = "run-" + number;
    version.source = "models:/m-" + number;
    version.description = "Version " + number + "\nmore text";
    version.tags = {{"dataset", "diabetes"}, {"validated", ""}};
    return version;
}

} // namespace

class TestModelVersionListModel : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init() { QTest::failOnWarning(QRegularExpression(QStringLiteral(".*"))); }

    void setAndClear()
    {
        ModelVersionListModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        QCOMPARE(model.rowCount(), 0);
        model.setVersions(QStringLiteral("diabetes-classifier"),
                          {makeVersion("4", {"challenger"}), makeVersion("3", {"champion"}),
                           makeVersion("2", {}, "FAILED_REGISTRATION"), makeVersion("1")});
        QCOMPARE(model.rowCount(), 4);
        QCOMPARE(model.columnCount(), int(ModelVersionListModel::ColumnCount));
        QCOMPARE(model.modelName(), QStringLiteral("diabetes-classifier"));
        model.clear();
        QCOMPARE(model.rowCount(), 0);
        QVERIFY(model.modelName().isEmpty());
    }

    void cellsAndLookup()
    {
        ModelVersionListModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setVersions(QStringLiteral("diabetes-classifier"),
                          {makeVersion("10", {"challenger"}, "PENDING_REGISTRATION", 2000),
                           makeVersion("3", {"champion", "prod"}, "READY", 1000)});
        const auto cell = [&](int row, int column, int role = Qt::DisplayRole) {
            return model.index(row, column).data(role);
        };
        QCOMPARE(cell(1, ModelVersionListModel::Aliases).toString(), QStringLiteral("@champion, @prod"));
        QCOMPARE(cell(1, ModelVersionListModel::Status).toString(), QStringLiteral("Ready"));
        QCOMPARE(cell(0, ModelVersionListModel::Status).toString(), QStringLiteral("Pending registration"));
        QCOMPARE(cell(1, ModelVersionListModel::SourceRun).toString(), QStringLiteral("run-3"));
        QCOMPARE(cell(1, ModelVersionListModel::Tags).toString(),
                 QStringLiteral("dataset=diabetes, validated"));
        QCOMPARE(cell(1, ModelVersionListModel::Description).toString(), QStringLiteral("Version 3"));
        QCOMPARE(cell(0, ModelVersionListModel::Version, ModelVersionListModel::RawValueRole).toLongLong(),
                 10);
        QCOMPARE(cell(0, ModelVersionListModel::Created, ModelVersionListModel::RawValueRole).toLongLong(),
                 2000);
        QCOMPARE(cell(0, ModelVersionListModel::Aliases, ModelVersionListModel::VersionRole).toString(),
                 QStringLiteral("10"));

        QCOMPARE(model.rowOf(QStringLiteral("3")), 1);
        QCOMPARE(model.rowOf(QStringLiteral("@champion")), 1);
        QCOMPARE(model.rowOf(QStringLiteral("@prod")), 1);
        QCOMPARE(model.rowOf(QStringLiteral("@challenger")), 0);
        QCOMPARE(model.rowOf(QStringLiteral("@missing")), -1);
        QCOMPARE(model.rowOf(QStringLiteral("7")), -1);
        QCOMPARE(model.versionAt(1).runId, std::string("run-3"));
    }

    void sortsVersionsNumerically()
    {
        ModelVersionListModel model;
        QSortFilterProxyModel sorted;
        sorted.setSourceModel(&model);
        sorted.setSortRole(ModelVersionListModel::RawValueRole);
        QAbstractItemModelTester tester(&sorted, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setVersions(QStringLiteral("m"), {makeVersion("9"), makeVersion("10"), makeVersion("1")});
        sorted.sort(ModelVersionListModel::Version, Qt::DescendingOrder);
        QStringList order;
        for (int row = 0; row < sorted.rowCount(); ++row)
            order << sorted.index(row, ModelVersionListModel::Version).data().toString();
        QCOMPARE(order, (QStringList{QStringLiteral("10"), QStringLiteral("9"), QStringLiteral("1")}));
    }

    void tableRowsModel()
    {
        TableRowsModel model({QStringLiteral("Name"), QStringLiteral("Value")});
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setRows({{{QStringLiteral("auc"), {}, {}}, {QStringLiteral("0.86"), 0.861, {}}},
                       {{QStringLiteral("f1"), {}, {}}, {QStringLiteral("0.67"), 0.6711, {}}}});
        QCOMPARE(model.rowCount(), 2);
        QCOMPARE(model.index(0, 1).data(TableRowsModel::RawValueRole).toDouble(), 0.861);
        QCOMPARE(model.index(1, 0).data(TableRowsModel::RawValueRole).toString(), QStringLiteral("f1"));
        model.setHeaders({QStringLiteral("Key"), QStringLiteral("Value"), QStringLiteral("Scope")});
        QCOMPARE(model.columnCount(), 3);
        QVERIFY(!model.index(0, 2).data().isValid()); // rows shorter than the header are padded
        model.clear();
        QCOMPARE(model.rowCount(), 0);
    }
};

QTEST_MAIN(TestModelVersionListModel)
#include "tst_model_version_list_model.moc"
