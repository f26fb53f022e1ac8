#include "errors/error_text.h"
#include "evaluation/metric_comparison_model.h"
#include "evaluation/value_diff_model.h"

#include <cmath>
#include <limits>

#include <QAbstractItemModelTester>
#include <QSortFilterProxyModel>
#include <QtTest/QtTest>

using namespace modelgate;
using namespace modelgate::ui;

namespace {

std::vector<MetricComparison> sampleMetrics()
{
    MetricDirections directions;
    directions.overrides["latency_ms"] = MetricDirection::LowerIsBetter;
    std::vector<MetricComparison> metrics;
    for (const auto &[key, candidate, baseline] :
         std::vector<std::tuple<std::string, std::optional<double>, std::optional<double>>>{
             {"accuracy", 0.80, 0.85},      // worse
             {"loss", 0.30, 0.40},          // better
             {"auc", 0.9, 0.9},             // equal
             {"epochs", 20.0, 10.0},        // neutral: no verdict
             {"recall", std::nullopt, 0.5}, // one side missing
             {"latency_ms", 12.0, 15.0},    // overridden: lower is better -> better
         }) {
        MetricComparison metric = compareMetric(key, candidate, baseline, directions.directionOf(key));
        metric.directionOverridden = directions.isOverridden(key);
        metrics.push_back(metric);
    }
    return metrics;
}

} // namespace

class TestReviewModels : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void metricVerdictsColoursAndRoles()
    {
        MetricComparisonModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setMetrics(sampleMetrics());
        QCOMPARE(model.rowCount(), 6);
        QCOMPARE(model.columnCount(), int(MetricComparisonModel::ColumnCount));

        const auto cell = [&](const char *key, int column, int role = Qt::DisplayRole) {
            return model.index(model.rowOfKey(QLatin1String(key)), column).data(role);
        };
        QCOMPARE(cell("accuracy", MetricComparisonModel::VerdictColumn, MetricComparisonModel::VerdictRole)
                     .toInt(),
                 int(Verdict::Worse));
        QCOMPARE(
            cell("loss", MetricComparisonModel::VerdictColumn, MetricComparisonModel::VerdictRole).toInt(),
            int(Verdict::Better));
        QCOMPARE(
            cell("auc", MetricComparisonModel::VerdictColumn, MetricComparisonModel::VerdictRole).toInt(),
            int(Verdict::Equal));
        QCOMPARE(
            cell("epochs", MetricComparisonModel::VerdictColumn, MetricComparisonModel::VerdictRole).toInt(),
            int(Verdict::Unknown));
        QCOMPARE(
            cell("recall", MetricComparisonModel::VerdictColumn, MetricComparisonModel::VerdictRole).toInt(),
            int(Verdict::Unknown));
        QCOMPARE(cell("latency_ms", MetricComparisonModel::VerdictColumn, MetricComparisonModel::VerdictRole)
                     .toInt(),
                 int(Verdict::Better));
        QVERIFY(cell("latency_ms", 0, MetricComparisonModel::DirectionOverriddenRole).toBool());
        QVERIFY(!cell("loss", 0, MetricComparisonModel::DirectionOverriddenRole).toBool());
        QCOMPARE(cell("loss", 0, MetricComparisonModel::DirectionRole).toInt(),
                 int(MetricDirection::LowerIsBetter));

        // Colour and a symbol, never colour alone.
        QCOMPARE(cell("loss", MetricComparisonModel::VerdictColumn, Qt::ForegroundRole).value<QColor>(),
                 MetricComparisonModel::verdictColor(Verdict::Better));
        QCOMPARE(cell("accuracy", MetricComparisonModel::Delta, Qt::ForegroundRole).value<QColor>(),
                 MetricComparisonModel::verdictColor(Verdict::Worse));
        QVERIFY(!cell("epochs", MetricComparisonModel::Delta, Qt::ForegroundRole).isValid());
        QVERIFY(cell("loss", MetricComparisonModel::VerdictColumn).toString().contains(u'▲'));
        QVERIFY(cell("accuracy", MetricComparisonModel::VerdictColumn).toString().contains(u'▼'));
        QVERIFY(MetricComparisonModel::verdictColor(Verdict::Better) !=
                MetricComparisonModel::verdictColor(Verdict::Worse));

        // Values and deltas.
        QCOMPARE(cell("recall", MetricComparisonModel::Candidate).toString(), QStringLiteral("—"));
        QCOMPARE(cell("loss", MetricComparisonModel::Delta).toString(), QStringLiteral("−0.1"));
        QCOMPARE(cell("loss", MetricComparisonModel::RelativeDelta).toString(), QStringLiteral("−25 %"));
        QCOMPARE(cell("epochs", MetricComparisonModel::Delta).toString(), QStringLiteral("+10"));
        QVERIFY(cell("latency_ms", MetricComparisonModel::Direction)
                    .toString()
                    .contains(QStringLiteral("model")));
        QCOMPARE(model.countOf(Verdict::Better), 2);
        QCOMPARE(model.countOf(Verdict::Worse), 1);
    }

    void metricSortingIsNumeric()
    {
        MetricComparisonModel model;
        model.setMetrics(sampleMetrics());
        QSortFilterProxyModel sorted;
        QAbstractItemModelTester tester(&sorted, QAbstractItemModelTester::FailureReportingMode::QtTest);
        sorted.setSourceModel(&model);
        sorted.setSortRole(MetricComparisonModel::SortRole);

        sorted.sort(MetricComparisonModel::Delta, Qt::AscendingOrder);
        // recall has no delta: it sorts first; then -3 (latency), -0.1 (loss), -0.05 (accuracy), 0, +10.
        QStringList order;
        for (int row = 0; row < sorted.rowCount(); ++row)
            order << sorted.index(row, MetricComparisonModel::Metric).data().toString();
        QCOMPARE(order,
                 (QStringList{QStringLiteral("recall"), QStringLiteral("latency_ms"), QStringLiteral("loss"),
                              QStringLiteral("accuracy"), QStringLiteral("auc"), QStringLiteral("epochs")}));

        sorted.sort(MetricComparisonModel::Metric, Qt::DescendingOrder);
        QCOMPARE(sorted.index(0, MetricComparisonModel::Metric).data().toString(), QStringLiteral("recall"));
        sorted.sort(MetricComparisonModel::VerdictColumn, Qt::AscendingOrder);
        QCOMPARE(sorted.index(0, MetricComparisonModel::VerdictColumn)
                     .data(MetricComparisonModel::VerdictRole)
                     .toInt(),
                 int(Verdict::Unknown));

        model.clear();
        QCOMPARE(sorted.rowCount(), 0);
    }

    void nonFiniteValues()
    {
        MetricComparisonModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setMetrics(
            {compareMetric("loss", std::numeric_limits<double>::quiet_NaN(),
                           std::numeric_limits<double>::infinity(), MetricDirection::LowerIsBetter)});
        QCOMPARE(model.index(0, MetricComparisonModel::Candidate).data().toString(), QStringLiteral("NaN"));
        QCOMPARE(model.index(0, MetricComparisonModel::Baseline).data().toString(), QStringLiteral("∞"));
        QCOMPARE(model.index(0, MetricComparisonModel::Delta).data().toString(), QStringLiteral("—"));
        QCOMPARE(model.index(0, MetricComparisonModel::VerdictColumn)
                     .data(MetricComparisonModel::VerdictRole)
                     .toInt(),
                 int(Verdict::Unknown));
    }

    void parameterDiffHighlightsAndCollapses()
    {
        const std::vector<ValueDiff> diffs = diffValues({{"alpha", "0.1"}, {"depth", "5"}, {"seed", "42"}},
                                                        {{"depth", "7"}, {"seed", "42"}, {"old", "x"}});
        ValueDiffModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setGroups({{QString(), diffs}});
        QCOMPARE(model.rowCount(), 4);
        QCOMPARE(model.changedCount(), 3);
        QCOMPARE(model.unchangedCount(), 1);

        QHash<QString, int> change;
        for (int row = 0; row < model.rowCount(); ++row) {
            const QString key = model.index(row, ValueDiffModel::Key).data().toString();
            change[key] = model.index(row, ValueDiffModel::Key).data(ValueDiffModel::ChangeRole).toInt();
            const bool tinted = model.index(row, ValueDiffModel::Key).data(Qt::BackgroundRole).isValid();
            QCOMPARE(tinted, key != QStringLiteral("seed")); // unchanged rows are dimmed, not tinted
        }
        QCOMPARE(change.value(QStringLiteral("alpha")), int(ValueChange::Added));
        QCOMPARE(change.value(QStringLiteral("old")), int(ValueChange::Removed));
        QCOMPARE(change.value(QStringLiteral("depth")), int(ValueChange::Changed));
        QCOMPARE(change.value(QStringLiteral("seed")), int(ValueChange::Same));
        const int oldRow = [&] {
            for (int row = 0; row < model.rowCount(); ++row)
                if (model.index(row, ValueDiffModel::Key).data().toString() == QStringLiteral("old"))
                    return row;
            return -1;
        }();
        QCOMPARE(model.index(oldRow, ValueDiffModel::Candidate).data().toString(), QStringLiteral("—"));
        QCOMPARE(model.index(oldRow, ValueDiffModel::Baseline).data().toString(), QStringLiteral("x"));

        model.setShowUnchanged(false);
        QCOMPARE(model.rowCount(), 3);
        for (int row = 0; row < model.rowCount(); ++row)
            QVERIFY(model.index(row, ValueDiffModel::Key).data().toString() != QStringLiteral("seed"));
        model.setShowUnchanged(true);
        QCOMPARE(model.rowCount(), 4);

        // Tags come in scopes.
        model.setGroups({{QStringLiteral("Version"), diffValues({{"a", "1"}}, {})},
                         {QStringLiteral("Run"), diffValues({}, {{"b", "2"}})}});
        QCOMPARE(model.rowCount(), 2);
        QCOMPARE(model.index(1, ValueDiffModel::Scope).data().toString(), QStringLiteral("Run"));
        model.clear();
        QCOMPARE(model.rowCount(), 0);
    }

    void signatureDiffMarksBreaking()
    {
        ModelSignature baseline;
        baseline.present = true;
        baseline.inputs = {{"age", "long", true, {}}, {"bmi", "double", true, {}}};
        baseline.outputs = {{"", "long", true, {}}};
        ModelSignature candidate = baseline;
        candidate.inputs = {{"age", "long", true, {}}, {"glucose", "double", false, {}}};
        const SignatureDiff diff = diffSignatures(baseline, candidate);

        SignatureDiffModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setDiff(diff);
        QCOMPARE(model.rowCount(), 2);
        int breaking = 0;
        for (int row = 0; row < model.rowCount(); ++row) {
            if (model.index(row, 0).data(SignatureDiffModel::BreakingRole).toBool()) {
                ++breaking;
                QCOMPARE(model.index(row, SignatureDiffModel::Name).data().toString(), QStringLiteral("bmi"));
                QVERIFY(model.index(row, SignatureDiffModel::Impact)
                            .data()
                            .toString()
                            .contains(QStringLiteral("BREAKING")));
                QVERIFY(
                    model.index(row, SignatureDiffModel::Impact).data(Qt::FontRole).value<QFont>().bold());
                QVERIFY(
                    !model.index(row, SignatureDiffModel::Impact).data(Qt::ToolTipRole).toString().isEmpty());
            }
        }
        QCOMPARE(breaking, 1);
        QCOMPARE(model.summary(), QStringLiteral("2 change(s), 1 breaking"));

        model.setDiff(diffSignatures(baseline, baseline));
        QCOMPARE(model.rowCount(), 0);
        QVERIFY(!model.summary().isEmpty());
        SignatureDiff notCompared;
        notCompared.note = "the baseline's MLmodel could not be read";
        model.setDiff(notCompared);
        QVERIFY(model.summary().contains(QStringLiteral("not compared")));
    }

    // The review operations' own sentences (error_text.cpp): a 403 while saving a direction
    // asks for EDIT permission, not for read access; an oversized tag is not a workspace problem.
    void reviewErrorMessages()
    {
        Error forbidden{ErrorKind::Api,      403, "PERMISSION_DENIED",
                        "Permission denied", {},  "http://mlflow:5000/x"};
        const QString save = userMessage(forbidden, Operation::UpdateMetricDirection);
        QVERIFY2(save.startsWith(QStringLiteral("Could not save the metric direction on the server.")),
                 qPrintable(save));
        QVERIFY2(save.contains(QStringLiteral("EDIT permission")), qPrintable(save));
        const QString read = userMessage(forbidden, Operation::CompareVersions);
        QVERIFY2(read.contains(QStringLiteral("read access")), qPrintable(read));

        Error tooLong{
            ErrorKind::Config, 0, {}, "the directions are 6012 characters long; the limit is 5000", {}, {}};
        const QString stored = userMessage(tooLong, Operation::UpdateMetricDirection);
        QVERIFY2(stored.contains(QStringLiteral("6012 characters")), qPrintable(stored));
        QVERIFY2(!stored.contains(QStringLiteral("Manage Workspaces")), qPrintable(stored));

        Error missing{ErrorKind::Api, 404, "RESOURCE_DOES_NOT_EXIST", "no alias", {}, {}};
        QVERIFY(userMessage(missing, Operation::CompareVersions)
                    .contains(QStringLiteral("Choose another baseline")));
        QVERIFY(userMessage(missing, Operation::LoadMetricHistory)
                    .startsWith(QStringLiteral("Could not load the metric history")));
        QVERIFY(userMessage(missing, Operation::LoadMetricTrend).contains(QStringLiteral("HTTP 404")));
    }
};

QTEST_MAIN(TestReviewModels)
#include "tst_review_models.moc"
