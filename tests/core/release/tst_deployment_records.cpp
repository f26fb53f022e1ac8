// Deployment records (format version 2, docs/design/release-records.md section 9): their
// canonical text, what a reader refuses, and that they change no approval.
#include <QTest>

#include <modelgate/core/release/release_records.h>

using namespace modelgate;

namespace {

const std::string kHashA(64, 'a');
const std::string kHashB(64, 'b');

ReleaseRecord approval()
{
    ReleaseRecord record;
    record.sequence = 1;
    record.previousHash = kGenesisHash;
    record.model = "m";
    record.version = "3";
    record.action = ReleaseAction::Approve;
    record.reviewer = "riley";
    record.time = "2026-12-04T10:00:00.000Z";
    record.comment = "fine";
    record.contentDigest = kHashA;
    record.policyHash = kHashB;
    return record;
}

ReleaseRecord deployment(int sequence, const std::string &previous)
{
    ReleaseRecord record = approval();
    record.formatVersion = 2;
    record.sequence = sequence;
    record.previousHash = previous;
    record.action = ReleaseAction::Traffic;
    record.comment.clear(); // optional for deployment actions
    record.deployment =
        DeploymentChange{"local", "online", "blue", {{"green", 100}}, {{"blue", 10}, {"green", 90}}, kHashA};
    return record;
}

} // namespace

class TestDeploymentRecords final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void roundTripsCanonically()
    {
        const ReleaseRecord record = deployment(2, kHashA);
        QVERIFY(validateRecordForWrite(record).ok());
        const std::string text = recordToCanonicalJson(record);
        QVERIFY(text.find(
                    "\"deployment\":{\"endpoint\":\"online\",\"name\":\"blue\",\"split_after\":{\"blue\":10,"
                    "\"green\":90},\"split_before\":{\"green\":100},\"target\":\"local\"") !=
                std::string::npos);
        auto parsed = parseRecord(text);
        QVERIFY2(parsed.ok(), parsed.ok() ? "" : parsed.error().message.c_str());
        QVERIFY(parsed.value() == record);
    }

    void versionOneRecordsKeepTheirBytes()
    {
        // No "deployment" key in a decision: every existing trail hashes as before.
        QVERIFY(recordToCanonicalJson(approval()).find("deployment") == std::string::npos);
        QVERIFY(parseRecord(recordToCanonicalJson(approval())).ok());
    }

    void readerRefusesMixedFormats()
    {
        ReleaseRecord wrong = deployment(2, kHashA);
        wrong.formatVersion = 1;
        QVERIFY(!validateRecordForWrite(wrong).ok());
        ReleaseRecord noChange = deployment(2, kHashA);
        noChange.deployment.reset();
        QVERIFY(!validateRecordForWrite(noChange).ok());
        ReleaseRecord badSplit = deployment(2, kHashA);
        badSplit.deployment->splitAfter = {{"blue", 10}, {"green", 80}};
        QVERIFY(!validateRecordForWrite(badSplit).ok());
        // A decision text edited to claim version 2 is malformed: version 2 is a deployment
        // record, which a decision is not.
        std::string text = recordToCanonicalJson(approval());
        text.replace(text.find("\"v\":1"), 5, "\"v\":2");
        const auto claimed = parseRecord(text);
        QVERIFY(!claimed.ok());
        QCOMPARE(claimed.error().kind, ErrorKind::Parse);
        QCOMPARE(claimed.error().field, std::string("deployment"));
        // A deployment text with its split edited no longer sums to 100.
        std::string edited = recordToCanonicalJson(deployment(2, kHashA));
        edited.replace(edited.find("\"blue\":10"), 9, "\"blue\":20");
        QVERIFY(!parseRecord(edited).ok());
    }

    void deploymentRecordsChangeNoApproval()
    {
        const ReleaseRecord first = approval();
        const std::string firstText = recordToCanonicalJson(first);
        const ReleaseRecord second = deployment(2, recordHash(firstText));
        std::map<std::string, std::string> params{{recordParamKey(1), firstText},
                                                  {recordParamKey(2), recordToCanonicalJson(second)}};
        const TrailVerification trail = verifyTrail(params, "m", nullptr);
        QVERIFY2(trail.ok, trail.reason.c_str());
        const VersionDecisions decisions = replayVersion(trail.entries, "3", &kHashA);
        QCOMPARE(decisions.state, ReviewState::Approved);
        // The tag view follows the decision, not the deployment record after it.
        QCOMPARE(decisions.lastRecord->sequence, 1);
    }

    void splitsAreChecked()
    {
        QVERIFY(isValidSplit({}));
        QVERIFY(isValidSplit({{"a", 100}}));
        QVERIFY(isValidSplit({{"a", 0}, {"b", 100}}));
        QVERIFY(!isValidSplit({{"a", 50}}));
        QVERIFY(!isValidSplit({{"a", 101}, {"b", -1}}));
    }
};

QTEST_GUILESS_MAIN(TestDeploymentRecords)
#include "tst_deployment_records.moc"
