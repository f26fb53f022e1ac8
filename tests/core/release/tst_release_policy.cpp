// The release policy: its canonical JSON, strict parsing, validation and reading it from a
// registered model's tags. Pure: no server.
#include "result_assertions.h"

#include <cmath>
#include <limits>

#include <QCryptographicHash>
#include <QTest>

#include <modelgate/core/release/release_policy.h>

using namespace modelgate;

namespace {

// modelgate's own wireName(enum) returns a static string, which QTest would free if it chose
// it to print a failed QCOMPARE of an enum: compare the names instead.
constexpr const char *kDefaultJson =
    R"({"allow_break_glass":false,"champion_alias":"champion","max_regression_absolute":0.01,)"
    R"("max_regression_relative":0.02,"regression_metrics":[],"require_compatible_signature":true,)"
    R"("require_description":true,"require_finished_run":true,"require_input_example":false,)"
    R"("require_signature":true,"required_approvals":1,"required_tags":[],"thresholds":[],"version":1})";

ReleasePolicy fullPolicy()
{
    ReleasePolicy policy;
    policy.thresholds = {{"auc", 0.8, std::nullopt}, {"log_loss", std::nullopt, 0.5}, {"recall", 0.6, 0.99}};
    policy.maxRegressionAbsolute = 0.005;
    policy.maxRegressionRelative = std::nullopt;
    policy.regressionMetrics = {"recall", "auc"};
    policy.championAlias = "production";
    policy.requireSignature = false;
    policy.requireCompatibleSignature = false;
    policy.requireInputExample = true;
    policy.requireDescription = false;
    policy.requireFinishedRun = false;
    policy.requiredTags = {"ticket", "dataset"};
    policy.requiredApprovals = 3;
    policy.allowBreakGlass = true;
    return policy;
}

QString sha256(const std::string &text)
{
    return QString::fromLatin1(
        QCryptographicHash::hash(QByteArray::fromStdString(text), QCryptographicHash::Sha256).toHex());
}

// Parses `text` and expects a Parse error naming `field`.
void expectParseError(const std::string &text, const std::string &field, const std::string &messagePart)
{
    const auto result = parseReleasePolicy(text);
    QVERIFY2(!result.ok(), text.c_str());
    QCOMPARE(result.error().kind, ErrorKind::Parse);
    QCOMPARE(result.error().field, field);
    QVERIFY2(result.error().message.find(messagePart) != std::string::npos, result.error().message.c_str());
    QVERIFY2(result.error().message.find('\n') == std::string::npos, result.error().message.c_str());
}

void expectInvalid(const ReleasePolicy &policy, const std::string &field, const std::string &messagePart)
{
    const Status status = validateReleasePolicy(policy);
    QVERIFY2(!status.ok(), releasePolicyToJson(policy).c_str());
    QCOMPARE(status.error().kind, ErrorKind::Config);
    QCOMPARE(status.error().field, field);
    QVERIFY2(status.error().message.find(messagePart) != std::string::npos, status.error().message.c_str());
}

} // namespace

class TestReleasePolicy final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void defaultPolicy()
    {
        const ReleasePolicy policy = defaultReleasePolicy();
        QVERIFY(policy.thresholds.empty());
        QCOMPARE(policy.maxRegressionAbsolute, std::optional<double>(0.01));
        QCOMPARE(policy.maxRegressionRelative, std::optional<double>(0.02));
        QCOMPARE(policy.championAlias, std::string("champion"));
        QVERIFY(policy.requireSignature && policy.requireCompatibleSignature && policy.requireDescription &&
                policy.requireFinishedRun);
        QVERIFY(!policy.requireInputExample);
        QCOMPARE(policy.requiredApprovals, 1);
        QVERIFY(!policy.allowBreakGlass);
        QVERIFY(validateReleasePolicy(policy).ok());
        QCOMPARE(releasePolicyToJson(policy), std::string(kDefaultJson));
    }

    void canonicalTextOfTheHeaderExample()
    {
        ReleasePolicy policy = defaultReleasePolicy();
        policy.thresholds = {{"auc", 0.8, std::nullopt}};
        QCOMPARE(
            releasePolicyToJson(policy),
            std::string(R"({"allow_break_glass":false,"champion_alias":"champion",)"
                        R"("max_regression_absolute":0.01,"max_regression_relative":0.02,)"
                        R"("regression_metrics":[],"require_compatible_signature":true,)"
                        R"("require_description":true,"require_finished_run":true,)"
                        R"("require_input_example":false,"require_signature":true,)"
                        R"("required_approvals":1,"required_tags":[],)"
                        R"("thresholds":[{"at_least":0.8,"at_most":null,"metric":"auc"}],"version":1})"));
    }

    void roundTrip()
    {
        const ReleasePolicy policy = fullPolicy();
        QVERIFY(validateReleasePolicy(policy).ok());
        const std::string text = releasePolicyToJson(policy);
        const auto parsed = parseReleasePolicy(text);
        QVERIFY2(parsed.ok(), parsed.ok() ? "" : parsed.error().message.c_str());
        QVERIFY(parsed.value() == policy);
        QCOMPARE(releasePolicyToJson(parsed.value()), text);
        // Absent optionals are null, not left out.
        QVERIFY(text.find(R"("max_regression_relative":null)") != std::string::npos);
        QVERIFY(text.find(R"({"at_least":null,"at_most":0.5,"metric":"log_loss"})") != std::string::npos);
        // Lists other than thresholds keep their order (equal policies have equal lists).
        QVERIFY(text.find(R"("regression_metrics":["recall","auc"])") != std::string::npos);
    }

    void canonicalTextIsStable()
    {
        ReleasePolicy sorted = fullPolicy();
        ReleasePolicy shuffled = fullPolicy();
        std::swap(shuffled.thresholds[0], shuffled.thresholds[2]);
        QCOMPARE(releasePolicyToJson(shuffled), releasePolicyToJson(sorted));
        QCOMPARE(releasePolicyToJson(fullPolicy()), releasePolicyToJson(sorted));

        // Another spelling of the same policy: keys in any order, whitespace, integers for
        // doubles. Re-serialising gives the one canonical text.
        const std::string loose = R"({ "version": 1, "required_approvals": 3, "thresholds": [
              {"metric": "recall", "at_most": 0.99, "at_least": 0.6},
              {"metric": "auc", "at_least": 0.8},
              {"at_most": 0.5, "metric": "log_loss"} ],
            "allow_break_glass": true, "required_tags": ["ticket", "dataset"],
            "require_signature": false, "require_compatible_signature": false,
            "require_input_example": true, "require_description": false, "require_finished_run": false,
            "champion_alias": "production", "regression_metrics": ["recall", "auc"],
            "max_regression_absolute": 0.005, "max_regression_relative": null })";
        const auto parsed = parseReleasePolicy(loose);
        QVERIFY2(parsed.ok(), parsed.ok() ? "" : parsed.error().message.c_str());
        QCOMPARE(releasePolicyToJson(parsed.value()), releasePolicyToJson(sorted));

        // No whitespace, keys strictly ascending.
        const std::string text = releasePolicyToJson(sorted);
        QVERIFY(text.find(' ') == std::string::npos);
        QVERIFY(text.find('\n') == std::string::npos);
        QVERIFY(text.find("\"allow_break_glass\"") < text.find("\"champion_alias\""));
        QVERIFY(text.find("\"thresholds\"") < text.find("\"version\""));

        ReleasePolicy other = sorted;
        other.requiredApprovals = 2;
        QVERIFY(releasePolicyToJson(other) != text);
    }

    void missingKeysTakeDefaults()
    {
        auto parsed = parseReleasePolicy("{}");
        QVERIFY(parsed.ok());
        QVERIFY(parsed.value() == defaultReleasePolicy());

        parsed =
            parseReleasePolicy(R"({"required_approvals":2,"thresholds":[{"metric":"auc","at_least":1}]})");
        QVERIFY(parsed.ok());
        ReleasePolicy expected = defaultReleasePolicy();
        expected.requiredApprovals = 2;
        expected.thresholds = {{"auc", 1.0, std::nullopt}};
        QVERIFY(parsed.value() == expected);

        // Explicit nulls switch a margin off.
        parsed = parseReleasePolicy(R"({"max_regression_absolute":null,"max_regression_relative":null})");
        QVERIFY(parsed.ok());
        QVERIFY(!parsed->maxRegressionAbsolute && !parsed->maxRegressionRelative);
    }

    void unknownKeysAreErrors()
    {
        expectParseError(R"({"require_descripton":false})", "require_descripton",
                         "unknown key 'require_descripton'");
        expectParseError(R"({"thresholds":[{"metric":"auc","at_leats":0.8}]})", "thresholds[0].at_leats",
                         "unknown key 'at_leats'");
    }

    void wrongTypesAreErrors()
    {
        expectParseError(R"({"require_signature":"yes"})", "require_signature", "true or false");
        expectParseError(R"({"allow_break_glass":1})", "allow_break_glass", "true or false");
        expectParseError(R"({"require_description":null})", "require_description", "true or false");
        expectParseError(R"({"max_regression_absolute":"0.01"})", "max_regression_absolute",
                         "number or null");
        expectParseError(R"({"champion_alias":7})", "champion_alias", "must be a string");
        expectParseError(R"({"required_tags":"ticket"})", "required_tags", "array of strings");
        expectParseError(R"({"regression_metrics":["auc",3]})", "regression_metrics[1]", "must be a string");
        expectParseError(R"({"required_approvals":1.5})", "required_approvals", "integer");
        expectParseError(R"({"required_approvals":"2"})", "required_approvals", "integer");
        expectParseError(R"({"required_approvals":99999999999})", "required_approvals", "out of range");
        expectParseError(R"({"thresholds":{"auc":0.8}})", "thresholds", "must be an array");
        expectParseError(R"({"thresholds":["auc"]})", "thresholds[0]", "must be an object");
        expectParseError(R"({"thresholds":[{"metric":"auc","at_least":0.8},{"metric":null}]})",
                         "thresholds[1].metric", "must be a string");
        expectParseError(R"({"thresholds":[{"metric":"auc","at_most":true}]})", "thresholds[0].at_most",
                         "number or null");
    }

    void versionMustBeOne()
    {
        expectParseError(R"({"version":2})", "version", "unsupported release policy version 2");
        expectParseError(R"({"version":"1"})", "version", "unsupported release policy version");
        expectParseError(R"({"version":1.5})", "version", "unsupported release policy version");
        QVERIFY(parseReleasePolicy(R"({"version":1})").ok());
    }

    void notJsonOrNotAnObject()
    {
        expectParseError("", "", "not valid JSON");
        expectParseError("{\"version\":1", "", "not valid JSON");
        expectParseError("champion", "", "not valid JSON");
        expectParseError("{} {}", "", "not valid JSON");
        expectParseError("[]", "", "must be a JSON object");
        expectParseError("\"policy\"", "", "must be a JSON object");
        expectParseError("null", "", "must be a JSON object");
        expectParseError(std::string("{\"champion_alias\":\"\xff\"}"), "", "not valid JSON");
    }

    void validationNamesTheFirstProblem()
    {
        ReleasePolicy policy = defaultReleasePolicy();
        policy.requiredApprovals = 0;
        expectInvalid(policy, "required_approvals", "between 1 and 10");
        policy.requiredApprovals = 11;
        expectInvalid(policy, "required_approvals", "between 1 and 10");
        policy.requiredApprovals = 10;
        QVERIFY(validateReleasePolicy(policy).ok());

        policy = defaultReleasePolicy();
        policy.maxRegressionAbsolute = -0.01;
        expectInvalid(policy, "max_regression_absolute", ">= 0");
        policy.maxRegressionAbsolute = std::numeric_limits<double>::quiet_NaN();
        expectInvalid(policy, "max_regression_absolute", "finite");
        policy.maxRegressionAbsolute = std::numeric_limits<double>::infinity();
        expectInvalid(policy, "max_regression_absolute", "finite");
        policy.maxRegressionAbsolute = 0.0;
        QVERIFY(validateReleasePolicy(policy).ok());
        policy.maxRegressionRelative = 1.5;
        expectInvalid(policy, "max_regression_relative", "at most 1");
        policy.maxRegressionRelative = -1.0;
        expectInvalid(policy, "max_regression_relative", ">= 0");
        policy.maxRegressionRelative = 1.0;
        QVERIFY(validateReleasePolicy(policy).ok());
        policy.maxRegressionAbsolute.reset();
        policy.maxRegressionRelative.reset();
        QVERIFY(validateReleasePolicy(policy).ok()); // no regression check at all is a valid choice

        policy = defaultReleasePolicy();
        policy.thresholds = {{"", 0.5, std::nullopt}};
        expectInvalid(policy, "thresholds[0].metric", "no metric name");
        policy.thresholds = {{"auc", 0.5, std::nullopt}, {"f1", std::nullopt, std::nullopt}};
        expectInvalid(policy, "thresholds[1]", "neither at_least nor at_most");
        policy.thresholds = {{"auc", 0.9, 0.8}};
        expectInvalid(policy, "thresholds[0]", "at_least 0.9 above at_most 0.8");
        policy.thresholds = {{"auc", 0.8, 0.8}};
        QVERIFY(validateReleasePolicy(policy).ok());
        policy.thresholds = {{"auc", std::numeric_limits<double>::quiet_NaN(), std::nullopt}};
        expectInvalid(policy, "thresholds[0]", "not a finite number");
        policy.thresholds = {{"auc", 0.8, std::nullopt}, {"auc", std::nullopt, 0.99}};
        expectInvalid(policy, "thresholds[1]", "auc has more than one threshold");

        policy = defaultReleasePolicy();
        policy.requiredTags = {"ticket", ""};
        expectInvalid(policy, "required_tags", "empty tag name");
        policy = defaultReleasePolicy();
        policy.regressionMetrics = {""};
        expectInvalid(policy, "regression_metrics", "empty metric name");
        policy = defaultReleasePolicy();
        policy.championAlias.clear();
        expectInvalid(policy, "champion_alias", "must not be empty");

        // The first problem is named when there are several.
        policy.requiredApprovals = 0;
        expectInvalid(policy, "required_approvals", "between 1 and 10");
    }

    void policyFromTagsWithoutTag()
    {
        const auto loaded = policyFromTags({{"team", "clinical-ml"}});
        QVERIFY(loaded.ok());
        QVERIFY(!loaded->fromTag);
        QVERIFY(loaded->tagValue.empty());
        QVERIFY(loaded->policy == defaultReleasePolicy());
        QCOMPARE(QString::fromStdString(loaded->hash), sha256(kDefaultJson));
        QCOMPARE(loaded->hash.size(), std::size_t{64});
    }

    void policyFromTagsWithTag()
    {
        const std::string canonical = releasePolicyToJson(fullPolicy());
        auto loaded = policyFromTags({{kReleasePolicyTag, canonical}});
        QVERIFY(loaded.ok());
        QVERIFY(loaded->fromTag);
        QCOMPARE(loaded->tagValue, canonical);
        QVERIFY(loaded->policy == fullPolicy());
        QCOMPARE(QString::fromStdString(loaded->hash), sha256(canonical));

        // A hand-written tag: the hash is of the canonical text, not of the tag's spelling.
        const std::string handWritten = R"({ "required_approvals" : 2 })";
        loaded = policyFromTags({{kReleasePolicyTag, handWritten}});
        QVERIFY(loaded.ok());
        QCOMPARE(loaded->tagValue, handWritten);
        ReleasePolicy expected = defaultReleasePolicy();
        expected.requiredApprovals = 2;
        QCOMPARE(QString::fromStdString(loaded->hash), sha256(releasePolicyToJson(expected)));
    }

    void unreadableTagIsAnErrorNotTheDefault()
    {
        auto loaded = policyFromTags({{kReleasePolicyTag, "{not json"}});
        QVERIFY(!loaded.ok());
        QCOMPARE(loaded.error().kind, ErrorKind::Parse);
        QVERIFY(loaded.error().message.find(kReleasePolicyTag) != std::string::npos);

        loaded = policyFromTags({{kReleasePolicyTag, R"({"required_aprovals":2})"}});
        QVERIFY(!loaded.ok());
        QCOMPARE(loaded.error().kind, ErrorKind::Parse);
        QCOMPARE(loaded.error().field, std::string("required_aprovals"));

        loaded = policyFromTags({{kReleasePolicyTag, ""}});
        QVERIFY(!loaded.ok());
        QCOMPARE(loaded.error().kind, ErrorKind::Parse);

        // Readable but invalid: enforcing zero approvals would silently weaken the rules.
        loaded = policyFromTags({{kReleasePolicyTag, R"({"required_approvals":0})"}});
        QVERIFY(!loaded.ok());
        QCOMPARE(loaded.error().kind, ErrorKind::Parse);
        QCOMPARE(loaded.error().field, std::string("required_approvals"));
        QVERIFY(loaded.error().message.find("between 1 and 10") != std::string::npos);
    }
};

QTEST_GUILESS_MAIN(TestReleasePolicy)
#include "tst_release_policy.moc"
