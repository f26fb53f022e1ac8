// The comparison of two model versions, from hand-built evidence: metric rows (deltas,
// relative deltas, zero baselines, missing sides, verdicts by direction), parameter and tag
// diffs, the signature part, and the JSON the CLI prints.
#include <cmath>
#include <limits>
#include <nlohmann/json.hpp>

#include <QTest>

#include <modelgate/core/review/review.h>

using namespace modelgate;
using Json = nlohmann::json;

namespace {

VersionEvidence evidence(const std::string &version, std::map<std::string, double> metrics,
                         std::map<std::string, std::string> params, TagMap runTags, TagMap versionTags)
{
    VersionEvidence out;
    out.version.name = "m";
    out.version.version = version;
    out.version.runId = "run-" + version;
    out.version.tags = std::move(versionTags);
    Run run;
    run.info.runId = out.version.runId;
    for (const auto &[key, value] : metrics)
        run.metrics.push_back({key, value, 0, 0, {}});
    run.params = std::move(params);
    run.tags = std::move(runTags);
    out.run = std::move(run);
    ModelSignature signature;
    signature.present = true;
    signature.inputs = {{"x", "long", true, {}}};
    out.signature = signature;
    return out;
}

const MetricComparison &row(const Comparison &comparison, const std::string &key)
{
    for (const auto &metric : comparison.metrics) {
        if (metric.key == key)
            return metric;
    }
    static MetricComparison none;
    return none;
}

} // namespace

class TestReview final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void metricVerdicts()
    {
        const auto higher = MetricDirection::HigherIsBetter;
        const auto lower = MetricDirection::LowerIsBetter;
        QCOMPARE(compareMetric("auc", 0.9, 0.8, higher).verdict, Verdict::Better);
        QCOMPARE(compareMetric("auc", 0.7, 0.8, higher).verdict, Verdict::Worse);
        QCOMPARE(compareMetric("loss", 0.2, 0.3, lower).verdict, Verdict::Better);
        QCOMPARE(compareMetric("loss", 0.4, 0.3, lower).verdict, Verdict::Worse);
        QCOMPARE(compareMetric("epoch", 4, 3, MetricDirection::Neutral).verdict, Verdict::Unknown);
        QCOMPARE(compareMetric("epoch", 3, 3, MetricDirection::Neutral).verdict, Verdict::Equal);
        QCOMPARE(compareMetric("auc", 0.8, 0.8, higher).verdict, Verdict::Equal);
        // Float noise is not a change.
        QCOMPARE(compareMetric("auc", 0.1 + 0.2, 0.3, higher).verdict, Verdict::Equal);
        QCOMPARE(compareMetric("auc", 0.1 + 0.2, 0.3, higher).delta, std::optional<double>(0.0));
    }

    void deltas()
    {
        const auto up = compareMetric("auc", 0.9, 0.8, MetricDirection::HigherIsBetter);
        QVERIFY(up.delta);
        QVERIFY(std::fabs(*up.delta - 0.1) < 1e-12);
        QVERIFY(std::fabs(*up.relativeDelta - 0.125) < 1e-12);
        // Relative to |baseline|: a negative baseline keeps the delta's sign.
        const auto negative = compareMetric("r2", -0.5, -1.0, MetricDirection::HigherIsBetter);
        QCOMPARE(*negative.delta, 0.5);
        QCOMPARE(*negative.relativeDelta, 0.5);
        QCOMPARE(negative.verdict, Verdict::Better);
    }

    void zeroBaseline()
    {
        const auto fromZero = compareMetric("errors", 3, 0, MetricDirection::LowerIsBetter);
        QCOMPARE(fromZero.delta, std::optional<double>(3.0));
        QVERIFY(!fromZero.relativeDelta); // no division by zero
        QCOMPARE(fromZero.verdict, Verdict::Worse);
        const auto bothZero = compareMetric("errors", 0, 0, MetricDirection::LowerIsBetter);
        QCOMPARE(bothZero.relativeDelta, std::optional<double>(0.0));
        QCOMPARE(bothZero.verdict, Verdict::Equal);
        const auto negativeZero = compareMetric("errors", -0.0, 0.0, MetricDirection::LowerIsBetter);
        QCOMPARE(negativeZero.verdict, Verdict::Equal);
    }

    void missingSidesAndNonFinite()
    {
        const double nan = std::numeric_limits<double>::quiet_NaN();
        const double inf = std::numeric_limits<double>::infinity();
        const auto onlyCandidate = compareMetric("auc", 0.9, std::nullopt, MetricDirection::HigherIsBetter);
        QVERIFY(!onlyCandidate.delta && !onlyCandidate.relativeDelta);
        QCOMPARE(onlyCandidate.verdict, Verdict::Unknown);
        const auto onlyBaseline = compareMetric("auc", std::nullopt, 0.9, MetricDirection::HigherIsBetter);
        QCOMPARE(onlyBaseline.verdict, Verdict::Unknown);
        QCOMPARE(onlyBaseline.baseline, std::optional<double>(0.9));
        const auto withNan = compareMetric("loss", nan, 0.3, MetricDirection::LowerIsBetter);
        QVERIFY(!withNan.delta);
        QCOMPARE(withNan.verdict, Verdict::Unknown);
        const auto diverged = compareMetric("loss", inf, 0.3, MetricDirection::LowerIsBetter);
        QVERIFY(!diverged.delta); // no finite delta
        QCOMPARE(diverged.verdict, Verdict::Worse);
        const auto huge = compareMetric("x", 1e308, -1e308, MetricDirection::HigherIsBetter);
        QVERIFY(!huge.delta); // overflow is not a number to print
        QCOMPARE(huge.verdict, Verdict::Better);
    }

    void valueDiff()
    {
        const auto rows =
            diffValues({{"a", "1"}, {"b", "2"}, {"c", "3"}}, {{"b", "2"}, {"c", "4"}, {"d", "5"}});
        QCOMPARE(rows.size(), std::size_t{4});
        QCOMPARE(rows[0].key, std::string("a"));
        QCOMPARE(rows[0].change, ValueChange::Added);
        QVERIFY(!rows[0].baseline);
        QCOMPARE(rows[1].change, ValueChange::Same);
        QCOMPARE(rows[2].change, ValueChange::Changed);
        QCOMPARE(*rows[2].candidate, std::string("3"));
        QCOMPARE(*rows[2].baseline, std::string("4"));
        QCOMPARE(rows[3].change, ValueChange::Removed);
        QVERIFY(!rows[3].candidate);
        QVERIFY(diffValues({}, {}).empty());
        // An empty value is a value, not an absence.
        QCOMPARE(diffValues({{"a", ""}}, {{"a", "x"}}).front().change, ValueChange::Changed);
    }

    void runTagFilter()
    {
        QVERIFY(isReviewedRunTag("team"));
        QVERIFY(isReviewedRunTag("mlflow.user"));
        QVERIFY(isReviewedRunTag("mlflow.source.git.commit"));
        QVERIFY(isReviewedRunTag("mlflow.source.name"));
        QVERIFY(!isReviewedRunTag("mlflow.runName"));
        QVERIFY(!isReviewedRunTag("mlflow.log-model.history"));
        QVERIFY(isReviewedRunTag("mlflowish"));
    }

    void compareVersionsPutsItTogether()
    {
        auto candidate = evidence("4", {{"auc", 0.86}, {"loss", 0.42}, {"new_metric", 1}},
                                  {{"lr", "0.05"}, {"depth", "3"}},
                                  {{"mlflow.user", "dana"}, {"mlflow.runName", "gb"}, {"team", "a"}},
                                  {{"validation_status", "pending"}});
        auto baseline = evidence("3", {{"auc", 0.86}, {"loss", 0.44}, {"old_metric", 2}}, {{"depth", "7"}},
                                 {{"mlflow.user", "lee"}, {"mlflow.runName", "rf"}, {"team", "a"}},
                                 {{"validation_status", "approved"}, {"ticket", "CLIN-142"}});
        candidate.signature->inputs = {{"x", "integer", true, {}}};
        MetricDirections directions;
        directions.overrides["new_metric"] = MetricDirection::HigherIsBetter;
        const Comparison comparison = compareVersions(candidate, baseline, directions);

        QCOMPARE(comparison.metrics.size(), std::size_t{4});
        QCOMPARE(row(comparison, "auc").verdict, Verdict::Equal);
        QCOMPARE(row(comparison, "loss").verdict, Verdict::Better);
        QCOMPARE(row(comparison, "loss").direction, MetricDirection::LowerIsBetter);
        QVERIFY(!row(comparison, "loss").directionOverridden);
        QVERIFY(row(comparison, "new_metric").directionOverridden);
        QVERIFY(!row(comparison, "new_metric").baseline);
        QVERIFY(!row(comparison, "old_metric").candidate);

        QCOMPARE(comparison.params.size(), std::size_t{2});
        QCOMPARE(comparison.params[0].key, std::string("depth"));
        QCOMPARE(comparison.params[0].change, ValueChange::Changed);
        QCOMPARE(comparison.params[1].change, ValueChange::Added);

        QCOMPARE(comparison.runTags.size(), std::size_t{2}); // mlflow.runName is left out
        QCOMPARE(comparison.runTags[0].key, std::string("mlflow.user"));
        QCOMPARE(comparison.runTags[0].change, ValueChange::Changed);
        QCOMPARE(comparison.versionTags.size(), std::size_t{2});
        QCOMPARE(comparison.versionTags[0].change, ValueChange::Removed); // "ticket" sorts first
        QCOMPARE(comparison.versionTags[1].change, ValueChange::Changed);

        QVERIFY(comparison.signature.compared);
        QVERIFY(comparison.signature.breaking); // long -> integer
        QCOMPARE(comparison.candidate.version.version, std::string("4"));
        QCOMPARE(comparison.baseline.version.version, std::string("3"));
    }

    void missingRunAndSignature()
    {
        auto candidate = evidence("2", {}, {}, {}, {});
        candidate.run.reset();
        candidate.runNote = "the version has no source run";
        candidate.signature.reset();
        candidate.signatureNote = "HTTP 503: artifacts not served";
        const auto baseline = evidence("1", {{"auc", 0.5}}, {{"a", "1"}}, {}, {});
        const Comparison comparison = compareVersions(candidate, baseline, {});
        QCOMPARE(comparison.metrics.size(), std::size_t{1});
        QCOMPARE(comparison.metrics[0].verdict, Verdict::Unknown);
        QCOMPARE(comparison.params[0].change, ValueChange::Removed);
        QVERIFY(!comparison.signature.compared);
        QVERIFY(comparison.signature.note.find("503") != std::string::npos);
        QVERIFY(!comparison.signature.breaking);
    }

    void jsonShape()
    {
        auto candidate = evidence("4", {{"auc", 0.9}, {"loss", std::numeric_limits<double>::quiet_NaN()}},
                                  {{"p", "1"}}, {}, {{"t", "x"}});
        candidate.version.aliases = {"challenger"};
        candidate.signature->inputs.clear();
        const auto baseline = evidence("3", {{"auc", 0.8}, {"zero", 0}}, {{"p", "1"}}, {}, {});
        Comparison comparison = compareVersions(candidate, baseline, {});
        comparison.warnings.push_back("a warning");
        const std::string text = comparisonToJson(comparison);
        const Json json = Json::parse(text);
        QCOMPARE(json["candidate"]["name"].get<std::string>(), std::string("m"));
        QCOMPARE(json["candidate"]["version"].get<std::string>(), std::string("4"));
        QCOMPARE(json["candidate"]["aliases"][0].get<std::string>(), std::string("challenger"));
        QCOMPARE(json["baseline"]["version"].get<std::string>(), std::string("3"));
        QCOMPARE(json["metrics"].size(), std::size_t{3});
        const Json &auc = json["metrics"][0];
        QCOMPARE(auc["key"].get<std::string>(), std::string("auc"));
        QCOMPARE(auc["candidate"].get<double>(), 0.9);
        QCOMPARE(auc["baseline"].get<double>(), 0.8);
        QVERIFY(auc["delta"].is_number());
        QVERIFY(auc["relative_delta"].is_number());
        QCOMPARE(auc["direction"].get<std::string>(), std::string("higher"));
        QCOMPARE(auc["direction_source"].get<std::string>(), std::string("default"));
        QCOMPARE(auc["verdict"].get<std::string>(), std::string("better"));
        const Json &loss = json["metrics"][1];
        QCOMPARE(loss["candidate"].get<std::string>(), std::string("NaN"));
        QVERIFY(loss["baseline"].is_null());
        QVERIFY(loss["delta"].is_null());
        QCOMPARE(loss["verdict"].get<std::string>(), std::string("unknown"));
        QCOMPARE(json["params"][0]["change"].get<std::string>(), std::string("same"));
        QCOMPARE(json["version_tags"][0]["change"].get<std::string>(), std::string("added"));
        QVERIFY(json["version_tags"][0]["baseline"].is_null());
        QVERIFY(json["run_tags"].is_array());
        QCOMPARE(json["signature"]["breaking"].get<bool>(), true);
        QCOMPARE(json["signature"]["compared"].get<bool>(), true);
        const Json &change = json["signature"]["changes"][0];
        QCOMPARE(change["section"].get<std::string>(), std::string("inputs"));
        QCOMPARE(change["name"].get<std::string>(), std::string("x"));
        QCOMPARE(change["change"].get<std::string>(), std::string("removed"));
        QCOMPARE(change["from"].get<std::string>(), std::string("long"));
        QVERIFY(change["to"].is_null());
        QCOMPARE(change["breaking"].get<bool>(), true);
        QVERIFY(!change["reason"].get<std::string>().empty());
        QCOMPARE(json["warnings"][0].get<std::string>(), std::string("a warning"));
        // Compact form is one line.
        QVERIFY(comparisonToJson(comparison, -1).find('\n') == std::string::npos);
    }
};

QTEST_GUILESS_MAIN(TestReview)
#include "tst_review.moc"
