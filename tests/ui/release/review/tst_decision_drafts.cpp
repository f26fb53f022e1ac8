#include "release/review/decision_area.h"
#include "release/review/decision_drafts.h"
#include "release/review/review_panel.h"

#include <cstdio>

#include <QApplication>
#include <QFile>
#include <QPlainTextEdit>
#include <QProcess>
#include <QPushButton>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QtTest/QtTest>

using namespace modelgate::ui;

namespace {

DecisionDraft draftOf(const QString &version, const QString &comment)
{
    DecisionDraft draft;
    draft.model = QStringLiteral("diabetes-classifier");
    draft.version = version;
    draft.action = QStringLiteral("approve");
    draft.comment = comment;
    draft.breakGlassReason = QStringLiteral("on-call: outage of v3");
    draft.workspace = QStringLiteral("prod");
    draft.time = QDateTime(QDate(2026, 11, 27), QTime(14, 3, 12, 345), Qt::UTC);
    draft.error = QStringLiteral("The MLflow server cannot be reached.");
    return draft;
}

const QString kTypedModel = QStringLiteral("fraud-detector");
const QString kTypedVersion = QStringLiteral("7");
const QString kTypedComment = QStringLiteral("Recall holds on the holdout; drift report clean.");
constexpr const char *kChildSwitch = "--type-a-draft";

std::optional<DecisionDraft> unsentDraft(const QString &path)
{
    return DecisionDrafts(path).find(kTypedModel, kTypedVersion, QStringLiteral("test"), DraftKind::Unsent);
}

// The child the crash test kills: a review panel on `path` (no server: the draft is saved
// before anything loads), the comment typed key by key, "ready" once the file has it.
int typeADraftAndWait(const QString &path)
{
    ReviewPanel panel;
    panel.setDraftsFile(path);
    panel.setWorkspaceName(QStringLiteral("test"));
    panel.showVersion(kTypedModel, kTypedVersion);
    panel.show();
    panel.commentEdit()->setFocus();
    QTest::keyClicks(panel.commentEdit(), kTypedComment);
    const bool saved = QTest::qWaitFor(
        [&path]() {
            const std::optional<DecisionDraft> draft = unsentDraft(path);
            return draft && draft->comment == kTypedComment;
        },
        10'000);
    std::puts(saved ? "ready" : "not saved");
    std::fflush(stdout);
    // Killed here by the parent; the bound only keeps an orphan from lingering.
    QTest::qWait(120'000);
    return 1;
}

} // namespace

class TestDecisionDrafts : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }

    void survivesANewInstance()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("sub/decision_drafts.json"));
        {
            DecisionDrafts drafts(path);
            QVERIFY(drafts.load().isEmpty()); // no file yet
            QVERIFY(drafts.save(draftOf(QStringLiteral("4"), QStringLiteral("AUC up; “ünïcode” kept"))));
            QVERIFY(drafts.save(draftOf(QStringLiteral("5"), QStringLiteral("second"))));
        }
        QVERIFY(QFile::exists(path));
        QCOMPARE(QFile(path).permissions() & (QFileDevice::ReadOther | QFileDevice::ReadGroup),
                 QFileDevice::Permissions());

        DecisionDrafts reread(path); // as after a restart of the console
        const QList<DecisionDraft> all = reread.load();
        QCOMPARE(all.size(), 2);
        const std::optional<DecisionDraft> four =
            reread.find(QStringLiteral("diabetes-classifier"), QStringLiteral("4"), QStringLiteral("prod"));
        QVERIFY(four.has_value());
        QCOMPARE(four->comment, QStringLiteral("AUC up; “ünïcode” kept"));
        QCOMPARE(four->action, QStringLiteral("approve"));
        QCOMPARE(four->breakGlassReason, QStringLiteral("on-call: outage of v3"));
        QCOMPARE(four->time, draftOf(QStringLiteral("4"), {}).time);
        QCOMPARE(four->error, QStringLiteral("The MLflow server cannot be reached."));
        // Another workspace is another subject.
        QVERIFY(
            !reread.find(QStringLiteral("diabetes-classifier"), QStringLiteral("4"), QStringLiteral("dev")));

        // Saving the same subject replaces; removing removes only it.
        QVERIFY(reread.save(draftOf(QStringLiteral("4"), QStringLiteral("rewritten"))));
        QCOMPARE(reread.load().size(), 2);
        QCOMPARE(
            reread.find(QStringLiteral("diabetes-classifier"), QStringLiteral("4"), QStringLiteral("prod"))
                ->comment,
            QStringLiteral("rewritten"));
        QVERIFY(reread.remove(QStringLiteral("diabetes-classifier"), QStringLiteral("4"),
                              QStringLiteral("prod")));
        QVERIFY(!reread.remove(QStringLiteral("diabetes-classifier"), QStringLiteral("4"),
                               QStringLiteral("prod")));
        QCOMPARE(DecisionDrafts(path).load().size(), 1);
    }

    void malformedFilesAreIgnored_data()
    {
        QTest::addColumn<QByteArray>("content");
        QTest::addColumn<int>("expected");
        QTest::newRow("not json") << QByteArray("{{{ not json") << 0;
        QTest::newRow("object") << QByteArray(R"({"model":"m"})") << 0;
        QTest::newRow("empty") << QByteArray() << 0;
        QTest::newRow("binary") << QByteArray("\x00\xff\xfe", 3) << 0;
        QTest::newRow("bad entries") << QByteArray(R"([1, "x", {"model":"m"}, {"model":"m","version":"2",)"
                                                   R"("action":"reject","comment":"ok","time":17}])")
                                     << 1;
    }

    void malformedFilesAreIgnored()
    {
        QFETCH(QByteArray, content);
        QFETCH(int, expected);
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("decision_drafts.json"));
        QFile file(path);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(content);
        file.close();
        DecisionDrafts drafts(path);
        QCOMPARE(drafts.load().size(), expected);
        // Saving over a malformed file works and leaves a readable one.
        QVERIFY(drafts.save(draftOf(QStringLiteral("9"), QStringLiteral("new"))));
        QCOMPARE(DecisionDrafts(path).load().size(), expected + 1);
    }

    void unsentAndFailedDraftsAreKeptApart()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("decision_drafts.json"));
        DecisionDrafts drafts(path);
        DecisionDraft failed = draftOf(QStringLiteral("4"), QStringLiteral("failed one"));
        DecisionDraft typed = draftOf(QStringLiteral("4"), QStringLiteral("still typing"));
        typed.error.clear();
        typed.action.clear(); // no action chosen yet
        QCOMPARE(failed.kind(), DraftKind::Failed);
        QCOMPARE(typed.kind(), DraftKind::Unsent);
        QVERIFY(drafts.save(failed));
        QVERIFY(drafts.save(typed));
        const QString model = failed.model;
        const QString workspace = failed.workspace;
        QCOMPARE(drafts.find(model, QStringLiteral("4"), workspace)->comment, QStringLiteral("failed one"));
        QCOMPARE(drafts.find(model, QStringLiteral("4"), workspace, DraftKind::Unsent)->comment,
                 QStringLiteral("still typing"));
        QVERIFY(drafts.remove(model, QStringLiteral("4"), workspace, DraftKind::Unsent));
        QVERIFY(!drafts.find(model, QStringLiteral("4"), workspace, DraftKind::Unsent));
        QVERIFY(drafts.find(model, QStringLiteral("4"), workspace).has_value());
        QVERIFY(drafts.save(typed));
        QVERIFY(drafts.remove(model, QStringLiteral("4"), workspace)); // both kinds
        QVERIFY(drafts.load().isEmpty());
    }

    void oldFilesStillLoad()
    {
        // A file written before unsent drafts existed: every entry has an action and an error.
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("decision_drafts.json"));
        QFile file(path);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(R"([{"model":"m","version":"2","action":"reject","comment":"old","break_glass_reason":"",)"
                   R"("workspace":"prod","time":"2026-11-27T14:03:12.345Z","error":"unreachable"},)"
                   R"({"model":"m","version":"3","action":"","comment":"no action","error":"x"}])");
        file.close();
        const QList<DecisionDraft> all = DecisionDrafts(path).load();
        QCOMPARE(all.size(), 1); // a failed decision without an action is still malformed
        QCOMPARE(all.at(0).kind(), DraftKind::Failed);
        QCOMPARE(all.at(0).comment, QStringLiteral("old"));
    }

    void panelSavesTypingAndClearsOnDiscard()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("decision_drafts.json"));
        ReviewPanel panel;
        panel.setDraftsFile(path);
        panel.setWorkspaceName(QStringLiteral("test"));
        panel.showVersion(kTypedModel, kTypedVersion);
        QTest::keyClicks(panel.commentEdit(), QStringLiteral("half a thought"));
        QVERIFY(!unsentDraft(path)); // debounced: not on every key
        QTRY_VERIFY_WITH_TIMEOUT(unsentDraft(path).has_value(), 5'000);
        QCOMPARE(unsentDraft(path)->comment, QStringLiteral("half a thought"));
        QVERIFY(unsentDraft(path)->action.isEmpty());

        // Emptying the box removes the draft; typing again brings it back.
        panel.commentEdit()->clear();
        QTRY_VERIFY_WITH_TIMEOUT(!unsentDraft(path).has_value(), 5'000);
        QTest::keyClicks(panel.commentEdit(), QStringLiteral("second thought"));
        QTRY_VERIFY_WITH_TIMEOUT(unsentDraft(path).has_value(), 5'000);

        // Another version opened: the pending text of this one is written, not lost.
        QTest::keyClicks(panel.commentEdit(), QStringLiteral(", more"));
        panel.showVersion(kTypedModel, QStringLiteral("8"));
        QCOMPARE(unsentDraft(path)->comment, QStringLiteral("second thought, more"));
        QVERIFY(panel.commentEdit()->toPlainText().isEmpty());
        QVERIFY(panel.draftText().isEmpty());

        // Back on it: restored, with the note; Discard removes it and empties the box.
        panel.showVersion(kTypedModel, kTypedVersion);
        QCOMPARE(panel.commentEdit()->toPlainText(), QStringLiteral("second thought, more"));
        QVERIFY2(panel.draftText().startsWith(QStringLiteral("Restored an unsent draft from ")),
                 qPrintable(panel.draftText()));
        QVERIFY(!panel.decisionArea()->retryDraftButton()->isVisibleTo(&panel)); // nothing to retry
        panel.discardDraft();
        QVERIFY(panel.commentEdit()->toPlainText().isEmpty());
        QVERIFY(panel.draftText().isEmpty());
        QTest::qWait(DraftAutosave::kDelayMs * 2);
        QVERIFY(!unsentDraft(path));
    }

    void typedCommentSurvivesAKill()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("decision_drafts.json"));
        QProcess child;
        child.setProcessChannelMode(QProcess::ForwardedErrorChannel);
        child.start(QCoreApplication::applicationFilePath(), {QLatin1String(kChildSwitch), path});
        QVERIFY2(child.waitForStarted(10'000), qPrintable(child.errorString()));
        QByteArray output;
        QVERIFY(QTest::qWaitFor(
            [&]() {
                child.waitForReadyRead(100);
                output += child.readAllStandardOutput();
                return output.contains('\n') || child.state() == QProcess::NotRunning;
            },
            30'000));
        QVERIFY2(output.startsWith("ready"), output.constData());
        child.kill(); // SIGKILL: no destructor, no flush, no event loop
        QVERIFY(child.waitForFinished(10'000));
        QCOMPARE(child.exitStatus(), QProcess::CrashExit);

        // A console started afresh on the same file: the comment is back, and says so.
        ReviewPanel restarted;
        restarted.setDraftsFile(path);
        restarted.setWorkspaceName(QStringLiteral("test"));
        restarted.showVersion(kTypedModel, kTypedVersion);
        QCOMPARE(restarted.commentEdit()->toPlainText(), kTypedComment);
        QVERIFY2(restarted.draftText().startsWith(QStringLiteral("Restored an unsent draft from ")),
                 qPrintable(restarted.draftText()));
        // Another workspace's panel does not see it.
        ReviewPanel other;
        other.setDraftsFile(path);
        other.setWorkspaceName(QStringLiteral("prod"));
        other.showVersion(kTypedModel, kTypedVersion);
        QVERIFY(other.commentEdit()->toPlainText().isEmpty());
    }

    void defaultLocationIsAppData()
    {
        const QString path = DecisionDrafts::defaultFilePath();
        QVERIFY(path.startsWith(QStandardPaths::writableLocation(QStandardPaths::AppDataLocation)));
        QCOMPARE(DecisionDrafts().filePath(), path);
    }
};

// A custom main: with kChildSwitch the executable is the child that typedCommentSurvivesAKill
// kills; otherwise the test itself. Widgets need a QApplication (offscreen in CI).
int main(int argc, char **argv)
{
    QApplication app(argc, argv);
    QStandardPaths::setTestModeEnabled(true);
    const QStringList arguments = QCoreApplication::arguments();
    if (arguments.size() == 3 && arguments.at(1) == QLatin1String(kChildSwitch))
        return typeADraftAndWait(arguments.at(2));
    TestDecisionDrafts test;
    return QTest::qExec(&test, argc, argv);
}
#include "tst_decision_drafts.moc"
