// The inbox's item model and its filter proxy, fed plain core values.
#include "release/inbox/inbox_filter_proxy_model.h"
#include "release/inbox/inbox_model.h"

#include <QAbstractItemModelTester>
#include <QtTest/QtTest>

using namespace modelgate;
using namespace modelgate::ui;

namespace {

const QDateTime kNow = QDateTime(QDate(2026, 11, 27), QTime(12, 0), Qt::UTC);

InboxEntry entry(const std::string &model, const std::string &version, ReviewState state, bool mine,
                 std::optional<CheckSummary> checks, qint64 hoursOld)
{
    InboxEntry e;
    e.model = model;
    e.version.name = model;
    e.version.version = version;
    e.version.creationTimestamp = kNow.toMSecsSinceEpoch() - hoursOld * 3600 * 1000;
    e.state = state;
    e.mineToReview = mine;
    e.checks = checks;
    e.authors = {"dana.scientist"};
    return e;
}

std::vector<InboxEntry> sample()
{
    return {
        entry("diabetes-classifier", "4", ReviewState::Pending, true, CheckSummary{9, 1, 1}, 3),
        entry("fraud-detector", "2", ReviewState::InReview, false, CheckSummary{8, 0, 0}, 30),
        entry("churn-predictor", "1", ReviewState::Rejected, false, CheckSummary{5, 2, 0}, 72),
        entry("readmission-risk", "1", ReviewState::Stale, true, std::nullopt, 0),
    };
}

QStringList visibleModels(const QAbstractItemModel &model)
{
    QStringList names;
    for (int row = 0; row < model.rowCount(); ++row)
        names << model.index(row, InboxModel::Model).data().toString();
    return names;
}

} // namespace

class TestInboxModel : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void showsColumnsAsTheReviewerReadsThem()
    {
        InboxModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setNow(kNow);
        QCOMPARE(model.columnCount(), int(InboxModel::ColumnCount));
        model.setEntries(sample(), true);
        QCOMPARE(model.rowCount(), 4);
        QCOMPARE(model.index(0, InboxModel::Checks).data().toString(),
                 QStringLiteral(
                     "9 passed · 1 failed · 1 warning(s)")); // "1 warning" with the English plurals loaded
        QCOMPARE(model.index(1, InboxModel::Checks).data().toString(), QStringLiteral("8 passed"));
        QCOMPARE(model.index(3, InboxModel::Checks).data().toString(), QStringLiteral("Checking…"));
        QCOMPARE(model.index(0, InboxModel::Age).data().toString(), QStringLiteral("3 h"));
        QCOMPARE(model.index(1, InboxModel::Age).data().toString(), QStringLiteral("30 h"));
        QCOMPARE(model.index(2, InboxModel::Age).data().toString(), QStringLiteral("3 d"));
        QCOMPARE(model.index(3, InboxModel::Age).data().toString(), QStringLiteral("1 min"));
        QCOMPARE(model.index(2, InboxModel::State).data().toString(), QStringLiteral("Rejected"));
        QCOMPARE(model.index(1, InboxModel::State).data().toString(), QStringLiteral("In review"));
        QCOMPARE(model.index(0, InboxModel::Author).data().toString(), QStringLiteral("dana.scientist"));
        QVERIFY(model.index(0, InboxModel::Checks).data(InboxModel::FailedChecksRole).toBool());
        QVERIFY(!model.index(1, InboxModel::Checks).data(InboxModel::FailedChecksRole).toBool());
        QVERIFY(model.index(0, InboxModel::Checks).data(Qt::ForegroundRole).isValid());
        QVERIFY(!model.index(0, InboxModel::Checks).data(Qt::DecorationRole).isNull());
        QCOMPARE(model.mineToReviewCount(), 2);
        QCOMPARE(model.rowOf(QStringLiteral("churn-predictor"), QStringLiteral("1")), 2);
        QCOMPARE(model.rowOf(QStringLiteral("churn-predictor"), QStringLiteral("2")), -1);

        // A check that could not be loaded says so, with the reason in the tool tip.
        auto entries = sample();
        entries[3].checksError = "HTTP 500 from the server";
        model.setEntries(entries, false);
        QCOMPARE(model.index(3, InboxModel::Checks).data().toString(), QStringLiteral("Checks unavailable"));
        QVERIFY(model.index(3, InboxModel::Checks).data(Qt::ToolTipRole).toString().contains(u"HTTP 500"));
        model.clear();
        QCOMPARE(model.rowCount(), 0);
    }

    void ageText()
    {
        QCOMPARE(InboxModel::ageText(10), QStringLiteral("1 min"));
        QCOMPARE(InboxModel::ageText(59 * 60), QStringLiteral("59 min"));
        QCOMPARE(InboxModel::ageText(3600), QStringLiteral("1 h"));
        QCOMPARE(InboxModel::ageText(47 * 3600), QStringLiteral("47 h"));
        QCOMPARE(InboxModel::ageText(2 * 86400), QStringLiteral("2 d"));
        QCOMPARE(InboxModel::ageText(-5), QStringLiteral("1 min")); // a server clock ahead of ours
    }

    void filtersByChipAndText()
    {
        InboxModel model;
        model.setNow(kNow);
        InboxFilterProxyModel proxy;
        proxy.setSourceModel(&model);
        QAbstractItemModelTester tester(&proxy, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setEntries(sample());

        QCOMPARE(proxy.filter(), InboxFilterProxyModel::Filter::AllPending);
        QCOMPARE(visibleModels(proxy),
                 (QStringList{QStringLiteral("diabetes-classifier"), QStringLiteral("fraud-detector"),
                              QStringLiteral("readmission-risk")}));
        proxy.setFilter(InboxFilterProxyModel::Filter::MineToReview);
        QCOMPARE(visibleModels(proxy),
                 (QStringList{QStringLiteral("diabetes-classifier"), QStringLiteral("readmission-risk")}));
        proxy.setFilter(InboxFilterProxyModel::Filter::FailedChecks);
        QCOMPARE(visibleModels(proxy),
                 (QStringList{QStringLiteral("diabetes-classifier"), QStringLiteral("churn-predictor")}));
        proxy.setFilter(InboxFilterProxyModel::Filter::Rejected);
        QCOMPARE(visibleModels(proxy), QStringList{QStringLiteral("churn-predictor")});

        QCOMPARE(proxy.countFor(InboxFilterProxyModel::Filter::AllPending), 3);
        QCOMPARE(proxy.countFor(InboxFilterProxyModel::Filter::MineToReview), 2);
        QCOMPARE(proxy.countFor(InboxFilterProxyModel::Filter::FailedChecks), 2);
        QCOMPARE(proxy.countFor(InboxFilterProxyModel::Filter::Rejected), 1);

        // Text: every word must match model, version or author, any case.
        proxy.setFilter(InboxFilterProxyModel::Filter::FailedChecks);
        proxy.setFilterText(QStringLiteral("DIAB"));
        QCOMPARE(visibleModels(proxy), QStringList{QStringLiteral("diabetes-classifier")});
        proxy.setFilterText(QStringLiteral("dana churn"));
        QCOMPARE(visibleModels(proxy), QStringList{QStringLiteral("churn-predictor")});
        proxy.setFilterText(QStringLiteral("nothing-like-this"));
        QCOMPARE(proxy.rowCount(), 0);
        proxy.setFilterText(QString());
        QCOMPARE(proxy.rowCount(), 2);

        // Sorting uses raw values: by age, the newest first when ascending.
        proxy.setFilter(InboxFilterProxyModel::Filter::AllPending);
        proxy.sort(InboxModel::Age, Qt::AscendingOrder);
        QCOMPARE(visibleModels(proxy).first(), QStringLiteral("readmission-risk"));
        proxy.sort(InboxModel::Checks, Qt::DescendingOrder);
        QCOMPARE(visibleModels(proxy).first(), QStringLiteral("diabetes-classifier"));
    }
};

QTEST_MAIN(TestInboxModel)
#include "tst_inbox_model.moc"
