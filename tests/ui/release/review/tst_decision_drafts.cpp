#include "release/review/decision_drafts.h"

#include <QFile>
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

    void defaultLocationIsAppData()
    {
        const QString path = DecisionDrafts::defaultFilePath();
        QVERIFY(path.startsWith(QStandardPaths::writableLocation(QStandardPaths::AppDataLocation)));
        QCOMPARE(DecisionDrafts().filePath(), path);
    }
};

QTEST_GUILESS_MAIN(TestDecisionDrafts)
#include "tst_decision_drafts.moc"
