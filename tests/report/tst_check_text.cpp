// The pre-checks worded for people: every observation and finding the pure evaluation can
// produce, in English and in German (the shipped translation), from real evaluateReleaseChecks
// results rather than hand-written check values.
#include "check_text.h"
#include "release_evidence.h"
#include "release_report.h"

#include <limits>

#include <QGuiApplication>
#include <QTranslator>
#include <QtTest/QtTest>

#include <modelgate/core/release/release_checks.h>

using namespace modelgate;
using namespace modelgate::report;
using modelgate::test::evidence;
using modelgate::test::signatureWith;

namespace {

const CheckResult &find(const CheckReport &report, CheckKind kind, const std::string &subject = {})
{
    static const CheckResult none;
    for (const CheckResult &check : report.checks) {
        if (check.kind == kind && check.subject == subject)
            return check;
    }
    return none;
}

// A version that fails or warns on nearly every rule, against a champion v3.
CheckReport troubledReport()
{
    ReleasePolicy policy = defaultReleasePolicy(); // margins 0.01 or 2 %
    policy.thresholds = {{"auc", 0.85, std::nullopt}, {"log_loss", std::nullopt, 0.5}, {"f1", 0.5, 0.7}};
    policy.requiredTags = {"ticket", "owner"};
    policy.requireInputExample = false;
    VersionEvidence candidate =
        evidence("4", {{"auc", 0.8069}, {"log_loss", 0.51}, {"f1", 0.6}, {"recall", 0.6548}});
    candidate.version.description.clear();
    candidate.run->info.status = "RUNNING";
    candidate.signature = signatureWith({"age", "bmi"}); // glucose removed: breaking
    candidate.signature->hasInputExample = false;
    const VersionEvidence champion = evidence("3", {{"auc", 0.861}, {"recall", 0.6071}, {"precision", 0.75}});
    return evaluateReleaseChecks(policy, "h", candidate, compareVersions(candidate, champion, {}));
}

} // namespace

class TestCheckText : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init()
    {
        // English plurals ("2 inputs") come from the English translation file.
        installTranslations(QCoreApplication::instance(), QLocale(QLocale::English, QLocale::UnitedStates));
    }

    void numbersFollowTheLocale()
    {
        const QLocale english(QLocale::English, QLocale::UnitedStates);
        const QLocale german(QLocale::German, QLocale::Germany);
        QCOMPARE(checkNumber(0.80690, english), QStringLiteral("0.8069"));
        QCOMPARE(checkNumber(0.80690, german), QStringLiteral("0,8069"));
        QCOMPARE(checkNumber(0.5, german), QStringLiteral("0,5"));
        QCOMPARE(checkNumber(120.0, german), QStringLiteral("120"));
        QCOMPARE(checkNumber(0.0, german), QStringLiteral("0"));
        QCOMPARE(checkNumber(1.5e-05, english), QStringLiteral("1.5E-05"));
        QCOMPARE(checkNumber(std::numeric_limits<double>::quiet_NaN(), german), QStringLiteral("NaN"));
    }

    void englishWordsEveryCheck()
    {
        const CheckReport report = troubledReport();

        const CheckResult &auc = find(report, CheckKind::MetricThreshold, "auc");
        QCOMPARE(checkStatusText(auc.status), QStringLiteral("Failed"));
        QCOMPARE(checkTitle(auc), QStringLiteral("Threshold: auc"));
        QCOMPARE(checkMeasured(auc), QStringLiteral("0.8069"));
        QCOMPARE(checkExpected(auc), QStringLiteral("≥ 0.85"));
        QCOMPARE(checkDetail(auc), QStringLiteral("auc is below 0.85"));
        QCOMPARE(checkRule(find(report, CheckKind::MetricThreshold, "f1")),
                 QStringLiteral("between 0.5 and 0.7"));
        QCOMPARE(checkDetail(find(report, CheckKind::MetricThreshold, "log_loss")),
                 QStringLiteral("log_loss is above 0.5"));

        // A regression: the column shows the bound, the rule and the detail say why.
        const CheckResult &regression = find(report, CheckKind::ChampionRegression, "auc");
        QCOMPARE(checkMeasured(regression), QStringLiteral("0.8069 (−0.0541)"));
        QCOMPARE(checkExpected(regression), QStringLiteral("≥ 0.8438")); // 0.861 - 2 %: the looser margin
        QCOMPARE(checkRule(regression), QStringLiteral("at most 0.01 or 2 % worse than v3 (0.861)"));
        QCOMPARE(checkDetail(regression),
                 QStringLiteral("0.0541 (6.3 %) worse than the champion's 0.861: beyond both the absolute "
                                "margin 0.01 and the relative margin 2 %"));
        const CheckResult &recall = find(report, CheckKind::ChampionRegression, "recall");
        QCOMPARE(checkMeasured(recall), QStringLiteral("0.6548 (+0.0477)"));
        QVERIFY(checkDetail(recall).isEmpty());
        QCOMPARE(checkDetail(find(report, CheckKind::ChampionRegression, "precision")),
                 QStringLiteral("the candidate did not log precision; the champion did"));

        QCOMPARE(checkMeasured(find(report, CheckKind::Champion)), QStringLiteral("v3"));
        const CheckResult &compatible = find(report, CheckKind::SignatureCompatible);
        QCOMPARE(checkMeasured(compatible), QStringLiteral("1 breaking change"));
        QCOMPARE(checkRule(compatible), QStringLiteral("compatible with v3"));
        QVERIFY2(checkDetail(compatible).contains(QStringLiteral("glucose")),
                 qPrintable(checkDetail(compatible)));
        QCOMPARE(checkMeasured(find(report, CheckKind::SignaturePresent)),
                 QStringLiteral("2 inputs, 1 output"));
        QCOMPARE(checkRule(find(report, CheckKind::InputExample)),
                 QStringLiteral("an input example (optional)"));
        QCOMPARE(checkDetail(find(report, CheckKind::Description)),
                 QStringLiteral("the version has no description"));
        QCOMPARE(checkDetail(find(report, CheckKind::RunFinished)),
                 QStringLiteral("the source run is RUNNING, not FINISHED"));
        QCOMPARE(checkMeasured(find(report, CheckKind::RequiredTag, "ticket")), QStringLiteral("CLIN-1"));
        QCOMPARE(checkDetail(find(report, CheckKind::RequiredTag, "owner")),
                 QStringLiteral("the version has no tag owner"));
    }

    void germanWordsEveryCheckWithoutEnglish()
    {
        QVERIFY(
            installTranslations(QCoreApplication::instance(), QLocale(QLocale::German, QLocale::Germany)));
        const CheckReport report = troubledReport();

        const CheckResult &auc = find(report, CheckKind::MetricThreshold, "auc");
        QCOMPARE(checkStatusText(auc.status), QStringLiteral("Fehlgeschlagen"));
        QCOMPARE(checkMeasured(auc), QStringLiteral("0,8069"));
        QCOMPARE(checkExpected(auc), QStringLiteral("≥ 0,85"));
        const CheckResult &regression = find(report, CheckKind::ChampionRegression, "auc");
        QCOMPARE(checkMeasured(regression), QStringLiteral("0,8069 (−0,0541)"));
        QCOMPARE(checkExpected(regression), QStringLiteral("≥ 0,8438"));
        QCOMPARE(checkMeasured(find(report, CheckKind::SignaturePresent)),
                 QStringLiteral("2 Eingaben, 1 Ausgabe"));

        // No core English left in what a German reviewer reads (data such as tag values and
        // MLflow's run status aside).
        const QStringList english = {QStringLiteral("missing"),     QStringLiteral("present"),
                                     QStringLiteral("worse"),       QStringLiteral("champion's"),
                                     QStringLiteral("at most"),     QStringLiteral("the "),
                                     QStringLiteral("breaking"),    QStringLiteral("input"),
                                     QStringLiteral("description"), QStringLiteral("between")};
        for (const CheckResult &check : report.checks) {
            const QStringList texts = {checkStatusText(check.status), checkTitle(check), checkMeasured(check),
                                       checkExpected(check),          checkRule(check),  checkDetail(check)};
            for (const QString &text : texts) {
                for (const QString &word : english) {
                    // The breaking-change list names the signature's own fields and change kinds.
                    if (check.finding == CheckFinding::BreakingChanges && text == checkDetail(check))
                        continue;
                    QVERIFY2(!text.contains(word, Qt::CaseInsensitive),
                             qPrintable(QStringLiteral("%1: \"%2\" contains English \"%3\"")
                                            .arg(checkTitle(check), text, word)));
                }
            }
            if (check.status == CheckStatus::Pass)
                QVERIFY(checkDetail(check).isEmpty());
            else
                QVERIFY2(!checkDetail(check).isEmpty(), qPrintable(checkTitle(check)));
        }
    }

    void everyFindingHasItsOwnWording()
    {
        // Without a champion, and as the champion itself.
        ReleasePolicy policy = defaultReleasePolicy();
        VersionEvidence candidate = evidence("2", {{"auc", 0.8}});
        CheckReport report = evaluateReleaseChecks(policy, "h", candidate, std::nullopt);
        QCOMPARE(checkDetail(find(report, CheckKind::Champion)),
                 CheckText::tr("no champion to compare with"));
        QCOMPARE(checkMeasured(find(report, CheckKind::Champion)), CheckText::tr("none"));
        candidate.version.aliases = {"champion"};
        report = evaluateReleaseChecks(policy, "h", candidate, std::nullopt);
        QCOMPARE(checkMeasured(find(report, CheckKind::Champion)), CheckText::tr("this version"));
        QCOMPARE(checkDetail(find(report, CheckKind::SignatureCompatible)),
                 CheckText::tr("this version is the champion"));

        // An unreadable MLmodel keeps the reader's reason.
        candidate.signature.reset();
        candidate.signatureNote = "HTTP 404: MLmodel not found";
        report = evaluateReleaseChecks(policy, "h", candidate, std::nullopt);
        QVERIFY(checkDetail(find(report, CheckKind::SignaturePresent))
                    .endsWith(QStringLiteral("HTTP 404: MLmodel not found")));
        QCOMPARE(checkMeasured(find(report, CheckKind::SignaturePresent)), CheckText::tr("unreadable"));
    }
};

QTEST_MAIN(TestCheckText)
#include "tst_check_text.moc"
