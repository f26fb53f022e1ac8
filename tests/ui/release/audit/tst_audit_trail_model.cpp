// AuditTrailModel over trails built and verified with core's record functions (no server).
#include "release/audit/audit_trail_model.h"

#include <QAbstractItemModelTester>
#include <QBrush>
#include <QTest>

#include <modelgate/core/release/release_records.h>

using namespace modelgate;
using modelgate::ui::AuditTrailModel;

namespace {

constexpr const char *kModel = "diabetes-classifier";

ReleaseRecord record(int n, ReleaseAction action, const std::string &reviewer, const std::string &comment)
{
    ReleaseRecord r;
    r.sequence = n;
    r.model = kModel;
    r.version = action == ReleaseAction::Policy ? "" : "4";
    r.action = action;
    r.reviewer = reviewer;
    r.authors = {"dana.scientist"};
    r.time = "2026-11-27T14:03:1" + std::to_string(n) + ".000Z";
    r.comment = comment;
    r.contentDigest = action == ReleaseAction::Policy ? "" : std::string(64, 'a');
    r.policyHash = std::string(64, 'b');
    r.checks = action == ReleaseAction::Approve ? CheckSummary{9, 0, 1} : CheckSummary{};
    return r;
}

// Chains the records (prev = hash of the previous text) into ledger parameters.
std::map<std::string, std::string> chain(std::vector<ReleaseRecord> records)
{
    std::map<std::string, std::string> params;
    std::string previous = kGenesisHash;
    for (ReleaseRecord &r : records) {
        r.previousHash = previous;
        const std::string text = recordToCanonicalJson(r);
        params[recordParamKey(r.sequence)] = text;
        previous = recordHash(text);
    }
    return params;
}

std::vector<ReleaseRecord> threeRecords()
{
    ReleaseRecord breakGlass = record(3, ReleaseAction::Approve, "dana.scientist", "hotfix");
    breakGlass.breakGlassReason = "production outage";
    return {record(1, ReleaseAction::Reject, "riley.release", "precision dropped"),
            record(2, ReleaseAction::Approve, "sam.second", "fine after retraining"), breakGlass};
}

} // namespace

class TestAuditTrailModel final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void verifiedTrail()
    {
        AuditTrailModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        QCOMPARE(model.rowCount(), 0);
        QCOMPARE(model.columnCount(), int(AuditTrailModel::ColumnCount));

        const TrailVerification trail = verifyTrail(chain(threeRecords()), kModel, nullptr);
        QVERIFY(trail.ok);
        model.setTrail(trail);
        QCOMPARE(model.rowCount(), 3);
        QCOMPARE(model.firstBrokenRow(), -1);
        QCOMPARE(model.index(0, AuditTrailModel::SequenceColumn).data().toInt(), 1);
        QCOMPARE(model.index(0, AuditTrailModel::ActionColumn).data().toString(), QStringLiteral("reject"));
        QCOMPARE(model.index(1, AuditTrailModel::ReviewerColumn).data().toString(),
                 QStringLiteral("sam.second"));
        QCOMPARE(model.index(1, AuditTrailModel::VersionColumn).data().toString(), QStringLiteral("4"));
        QCOMPARE(model.index(1, AuditTrailModel::ChecksColumn).data().toString(),
                 QStringLiteral("9 passed, 0 failed, 1 warnings"));
        QCOMPARE(model.index(1, AuditTrailModel::CommentColumn).data().toString(),
                 QStringLiteral("fine after retraining"));
        const QString hash = model.index(2, 0).data(AuditTrailModel::FullHashRole).toString();
        QCOMPARE(hash.toStdString(), trail.headHash);
        QCOMPARE(model.index(2, AuditTrailModel::HashColumn).data().toString(),
                 hash.left(12) + QChar(0x2026));
        QCOMPARE(model.index(1, 0).data(AuditTrailModel::FullDigestRole).toString(),
                 QString(64, QLatin1Char('a')));
        QVERIFY(!model.index(1, 0).data(AuditTrailModel::BrokenRole).toBool());

        // The break-glass approval is red; the others are not.
        QVERIFY(model.index(2, 0).data(AuditTrailModel::BreakGlassRole).toBool());
        QCOMPARE(
            model.index(2, AuditTrailModel::CommentColumn).data(Qt::ForegroundRole).value<QBrush>().color(),
            QColor(0xcf, 0x22, 0x2e));
        QVERIFY(!model.index(1, 0).data(Qt::ForegroundRole).isValid());
        QVERIFY(model.index(2, AuditTrailModel::ActionColumn)
                    .data()
                    .toString()
                    .contains(QLatin1String("break-glass")));
        QCOMPARE(model.headerData(AuditTrailModel::DigestColumn, Qt::Horizontal).toString(),
                 QStringLiteral("Digest"));
    }

    void brokenTrailMarksTheFirstBrokenRecordAndWhatFollows()
    {
        std::map<std::string, std::string> params = chain(threeRecords());
        // Re-chain record 2 with a wrong prev: record 2 is broken, record 3 unverified.
        ReleaseRecord second = parseRecord(params.at(recordParamKey(2))).value();
        second.previousHash = std::string(64, 'f');
        params[recordParamKey(2)] = recordToCanonicalJson(second);

        AuditTrailModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        const TrailVerification trail = verifyTrail(params, kModel, nullptr);
        QVERIFY(!trail.ok);
        QCOMPARE(trail.firstBroken.value_or(0), 2);
        model.setTrail(trail);
        QCOMPARE(model.firstBrokenRow(), 1);
        QVERIFY(model.index(1, 0).data(AuditTrailModel::BrokenRole).toBool());
        QVERIFY(model.index(1, 0).data(Qt::BackgroundRole).isValid());
        QCOMPARE(model.index(1, 0).data(Qt::ToolTipRole).toString().toStdString(), trail.reason);
        QVERIFY(model.index(2, 0).data(AuditTrailModel::UnverifiedRole).toBool());
        QVERIFY(!model.index(0, 0).data(AuditTrailModel::BrokenRole).toBool());
        QVERIFY(!model.index(0, 0).data(AuditTrailModel::UnverifiedRole).toBool());

        // Junk under a record key is a malformed row, shown with its text.
        params[recordParamKey(2)] = "{not a record";
        model.setTrail(verifyTrail(params, kModel, nullptr));
        QVERIFY(model.index(1, 0).data(AuditTrailModel::MalformedRole).toBool());
        QCOMPARE(model.index(1, AuditTrailModel::ActionColumn).data().toString(),
                 QStringLiteral("malformed"));
        QCOMPARE(model.index(1, AuditTrailModel::CommentColumn).data().toString(),
                 QStringLiteral("{not a record"));

        model.clear();
        QCOMPARE(model.rowCount(), 0);
    }
};

QTEST_MAIN(TestAuditTrailModel)
#include "tst_audit_trail_model.moc"
