// The release ledger's I/O and the content digest against real MLflow 3.6 servers of the
// test's own: a seeded one running the basic-auth app, shared by every function (an admin,
// an author, two reviewers and a read-only user), and an open one for a server without
// permissions. Every authenticated request costs ~0.7 s (password hashing), so the functions
// build on each other's state instead of starting over, and run in declaration order.
#include "result_assertions.h"

#include <limits>
#include <mlflow_test_server.h>
#include <nlohmann/json.hpp>
#include <release_test_users.h>
#include <thread>

#include <QCryptographicHash>
#include <QFile>
#include <QProcess>
#include <QRandomGenerator>
#include <QTest>

#include <modelgate/core/mlflow/mlflow_client.h>
#include <modelgate/core/mlflow/permissions.h>
#include <modelgate/core/release/release_digest.h>
#include <modelgate/core/release/release_ledger.h>
#include <modelgate/core/release/release_records.h>
#include <modelgate/core/util/sha256.h>

using namespace modelgate;
using Json = nlohmann::json;

namespace {

constexpr const char *kDiabetes = "diabetes-classifier";
constexpr const char *kFraud = "fraud-detector";
constexpr const char *kDana = "dana.scientist";
constexpr const char *kRiley = "riley.release";
constexpr const char *kSam = "sam.second";
constexpr const char *kRita = "rita.readonly";
constexpr const char *kNora = "nora.next";

std::string sha256Of(const QByteArray &bytes)
{
    return QCryptographicHash::hash(bytes, QCryptographicHash::Sha256).toHex().toStdString();
}

// The next record of a model's trail as the snapshot shows it (n and prev from the records there).
ReleaseRecord nextRecord(const LedgerSnapshot &snapshot, const std::string &model, const std::string &version,
                         const std::string &reviewer, const std::string &comment,
                         ReleaseAction action = ReleaseAction::Approve)
{
    ReleaseRecord record;
    int last = 0;
    while (snapshot.ledgerParams.count(recordParamKey(last + 1)))
        ++last;
    record.sequence = last + 1;
    record.previousHash =
        last == 0 ? std::string(kGenesisHash) : sha256Hex(snapshot.ledgerParams.at(recordParamKey(last)));
    record.model = model;
    record.version = version;
    record.action = action;
    record.reviewer = reviewer;
    record.authors = {kDana};
    record.time = "2026-11-27T14:03:12.345Z";
    record.comment = comment;
    record.contentDigest = sha256Hex("content of " + model + " v" + version);
    record.policyHash = sha256Hex("the default policy");
    record.checks = {9, 0, 1};
    return record;
}

} // namespace

class TestReleaseLedgerIntegration final : public QObject
{
    Q_OBJECT

private:
    MlflowClient as(const std::string &user) const
    {
        return test::clientAs(m_server.uri(), user, m_passwords.at(user));
    }

    LedgerSnapshot readLedger(const MlflowClient &client, const std::string &model)
    {
        auto snapshot = ReleaseLedger(client).read(model, CancelToken::none());
        if (!snapshot.ok())
            qFatal("reading the ledger failed: %s", test::describeForTest(snapshot.error()));
        return std::move(snapshot).value();
    }

    // Its own, not the shared one: it sets the ledger up on a server where none exists yet.
    test::PrivateMlflowServer m_server;
    std::unique_ptr<MlflowClient> m_admin;
    std::map<std::string, std::string> m_passwords;
    std::map<std::string, std::string> m_signatureRuns; // reviewer -> signature run id
    Json m_seed;

private Q_SLOTS:
    void initTestCase()
    {
        test::PrivateMlflowServer::Options options;
        options.seed = true;
        options.basicAuth = true;
        MODELGATE_START_PRIVATE_MLFLOW(m_server, options);
        m_passwords[test::PrivateMlflowServer::adminUser().toStdString()] =
            m_server.adminPassword().toStdString();
        m_admin = std::make_unique<MlflowClient>(
            test::clientAs(m_server.uri(), test::PrivateMlflowServer::adminUser().toStdString(),
                           m_server.adminPassword().toStdString()));
        for (const char *user : {kDana, kRiley, kSam, kRita, kNora}) {
            m_passwords[user] = test::randomPassword();
            const auto created = test::createUser(*m_admin, user, m_passwords[user]);
            REQUIRE_OK(created);
        }
        QFile seed(m_server.stateDir() + QStringLiteral("/seed.json"));
        QVERIFY2(seed.open(QIODevice::ReadOnly), qPrintable(seed.fileName()));
        m_seed = Json::parse(seed.readAll().toStdString());
    }

    void keysHashNamesAndLowerCaseIdentities()
    {
        QCOMPARE(ledgerIndexKey(kDiabetes), "ledger." + sha256Hex(kDiabetes).substr(0, 40));
        QCOMPARE(reviewerIndexKey("Riley.Release"), "reviewer." + sha256Hex(kRiley).substr(0, 40));
        QCOMPARE(reviewerIndexKey("Riley.Release"), reviewerIndexKey(kRiley));
        QCOMPARE(signatureParamKey(std::string(64, 'a')), "sig." + std::string(64, 'a'));
    }

    void contentDigestIsTheHashOfCanonicalJson()
    {
        ContentManifest manifest;
        manifest.model = "m";
        manifest.version = "1";
        manifest.source = "models:/m-1";
        manifest.finalMetrics = {{"e", 3.0},
                                 {"a", 0.5},
                                 {"b", std::numeric_limits<double>::quiet_NaN()},
                                 {"c", -std::numeric_limits<double>::infinity()},
                                 {"d", 1e-7}};
        manifest.mlmodelSha256 = std::string(64, 'a');
        manifest.files = {{"tab\there/\"q\".txt", 3, std::string(64, 'c')}};
        // Sorted keys, no blanks, control characters as \u00xx, shortest numbers, null for absent.
        const std::string canonical =
            "{\"files\":[{\"path\":\"tab\\u0009here/\\\"q\\\".txt\",\"sha256\":\"" + std::string(64, 'c') +
            "\",\"size\":3}],\"files_note\":null,\"metrics\":{\"a\":0.5,\"b\":\"NaN\","
            "\"c\":\"-Infinity\",\"d\":1e-07,\"e\":3},\"mlmodel_sha256\":\"" +
            std::string(64, 'a') +
            "\",\"model\":\"m\",\"run_id\":null,\"source\":\"models:/m-1\",\"version\":\"1\"}";
        QCOMPARE(contentDigest(manifest), sha256Hex(canonical));

        ContentManifest changed = manifest;
        changed.finalMetrics["a"] = 0.5000001;
        QVERIFY(contentDigest(changed) != contentDigest(manifest));
        changed = manifest;
        changed.filesNote = "the server cannot list the model's files";
        QVERIFY(contentDigest(changed) != contentDigest(manifest));
        const Json pretty = Json::parse(contentManifestToJson(manifest));
        QCOMPARE(pretty["metrics"]["b"].get<std::string>(), std::string("NaN"));
        QVERIFY(pretty["run_id"].is_null());
    }

    void noLedgerYetIsAnEmptySnapshot()
    {
        const LedgerSnapshot snapshot = readLedger(as(kRiley), kDiabetes);
        QVERIFY(snapshot.experimentId.empty());
        QVERIFY(snapshot.indexRunId.empty());
        QVERIFY(snapshot.ledgerRunId.empty());
        QVERIFY(snapshot.ledgerParams.empty());
    }

    void adminEnrolsReviewers()
    {
        const ReleaseLedger ledger(*m_admin);
        for (const char *reviewer : {kRiley, kSam, kDana}) {
            const auto enrolled = ledger.enrolReviewer(reviewer, CancelToken::none());
            REQUIRE_OK(enrolled);
            QVERIFY(!enrolled->alreadyEnrolled);
            QVERIFY(!enrolled->permissionsSkipped);
            QVERIFY(!enrolled->signatureRunId.empty());
            m_signatureRuns[reviewer] = enrolled->signatureRunId;
        }
        // Again: nothing new, the same run.
        const auto again = ledger.enrolReviewer(kRiley, CancelToken::none());
        REQUIRE_OK(again);
        QVERIFY(again->alreadyEnrolled);
        QVERIFY(!again->permissionsSkipped);
        QCOMPARE(again->signatureRunId, m_signatureRuns[kRiley]);

        const LedgerSnapshot snapshot = readLedger(as(kSam), kDiabetes);
        QVERIFY(!snapshot.experimentId.empty());
        QVERIFY(!snapshot.indexRunId.empty());
        for (const char *reviewer : {kRiley, kSam, kDana})
            QCOMPARE(snapshot.indexParams.at(reviewerIndexKey(reviewer)), m_signatureRuns[reviewer]);
        QVERIFY(!snapshot.indexParams.count(reviewerIndexKey(kRita)));

        // The signature run lives in the reviewer's own experiment, tagged with their name.
        const auto run = m_admin->getRun(m_signatureRuns[kRiley], CancelToken::none());
        REQUIRE_OK(run);
        QCOMPARE(run->tags.at(kSignatureRunTag), std::string(kRiley));
        const auto experiment = m_admin->getExperiment(run->info.experimentId, CancelToken::none());
        REQUIRE_OK(experiment);
        QCOMPARE(experiment->name, std::string(kReviewerExperimentPrefix) + kRiley);
    }

    // The admin created the ledger; the release manager creates the model's ledger run, the
    // second reviewer and the author append to it: every enrolled user can write.
    void everyEnrolledUserAppendsToOneLedger()
    {
        const MlflowClient riley = as(kRiley);
        LedgerSnapshot snapshot = readLedger(riley, kDiabetes);
        QVERIFY(snapshot.ledgerRunId.empty());
        const ReleaseRecord first = nextRecord(snapshot, kDiabetes, "3", kRiley, "AUC up; drift report read");
        const auto written = ReleaseLedger(riley).append(snapshot, first, CancelToken::none());
        REQUIRE_OK(written);
        QCOMPARE(written.value(), AppendOutcome::Written);

        const MlflowClient sam = as(kSam);
        snapshot = readLedger(sam, kDiabetes);
        QVERIFY(!snapshot.ledgerRunId.empty());
        QCOMPARE(snapshot.indexParams.at(ledgerIndexKey(kDiabetes)), snapshot.ledgerRunId);
        QCOMPARE(snapshot.ledgerParams.at("record.1"), recordToCanonicalJson(first));
        const ReleaseRecord second = nextRecord(snapshot, kDiabetes, "3", kSam, "Second pair of eyes: fine");
        QCOMPARE(second.sequence, 2);
        const auto secondWritten = ReleaseLedger(sam).append(snapshot, second, CancelToken::none());
        REQUIRE_OK(secondWritten);
        QCOMPARE(secondWritten.value(), AppendOutcome::Written);

        const MlflowClient dana = as(kDana);
        snapshot = readLedger(dana, kDiabetes);
        const ReleaseRecord third =
            nextRecord(snapshot, kDiabetes, "4", kDana, "Leakage in the v4 features", ReleaseAction::Reject);
        const auto thirdWritten = ReleaseLedger(dana).append(snapshot, third, CancelToken::none());
        REQUIRE_OK(thirdWritten);
        QCOMPARE(thirdWritten.value(), AppendOutcome::Written);

        // The ledger run is tagged with the model; each record is signed by its writer.
        snapshot = readLedger(riley, kDiabetes);
        const auto ledgerRun = riley.getRun(snapshot.ledgerRunId, CancelToken::none());
        REQUIRE_OK(ledgerRun);
        QCOMPARE(ledgerRun->tags.at(kLedgerModelTag), std::string(kDiabetes));
        QCOMPARE(ledgerRun->info.experimentId, snapshot.experimentId);
        const auto signatures = ReleaseLedger(riley).readSignatures(
            snapshot, {kRiley, "SAM.SECOND", kDana, kRita}, CancelToken::none());
        REQUIRE_OK(signatures);
        QCOMPARE(signatures->size(), std::size_t{3}); // rita is not enrolled
        QVERIFY(!signatures->count(kRita));
        QVERIFY(signatures->at(kRiley).count(sha256Hex(recordToCanonicalJson(first))));
        QVERIFY(signatures->at(kSam).count(sha256Hex(recordToCanonicalJson(second))));
        QVERIFY(signatures->at(kDana).count(sha256Hex(recordToCanonicalJson(third))));
        const auto signatureRun = riley.getRun(m_signatureRuns[kSam], CancelToken::none());
        REQUIRE_OK(signatureRun);
        QCOMPARE(signatureRun->params.at(signatureParamKey(sha256Hex(recordToCanonicalJson(second)))),
                 std::string(kDiabetes) + "#2");

        const TrailVerification trail = verifyTrail(snapshot.ledgerParams, kDiabetes, &signatures.value());
        QVERIFY2(trail.ok, trail.reason.c_str());
        QCOMPARE(trail.recordCount, 3);
    }

    void repeatingOwnWriteIsWritten()
    {
        // A retry after a lost answer: the same text under the same key succeeds.
        const MlflowClient riley = as(kRiley);
        LedgerSnapshot snapshot = readLedger(riley, kDiabetes);
        const std::string stored = snapshot.ledgerParams.at("record.1");
        snapshot.ledgerParams.clear(); // as riley saw it before writing record 1
        const ReleaseRecord first = nextRecord(snapshot, kDiabetes, "3", kRiley, "AUC up; drift report read");
        QCOMPARE(recordToCanonicalJson(first), stored);
        const auto again = ReleaseLedger(riley).append(snapshot, first, CancelToken::none());
        REQUIRE_OK(again);
        QCOMPARE(again.value(), AppendOutcome::Written);
    }

    void notEnrolledReviewerIsRefused()
    {
        const MlflowClient rita = as(kRita);
        const LedgerSnapshot snapshot = readLedger(rita, kDiabetes);
        const auto refused = ReleaseLedger(rita).append(
            snapshot, nextRecord(snapshot, kDiabetes, "3", kRita, "I like it"), CancelToken::none());
        QVERIFY(!refused.ok());
        QCOMPARE(refused.error().kind, ErrorKind::Refused);
        QCOMPARE(refused.error().code, std::string("not_enrolled"));
        QCOMPARE(refused.error().message,
                 std::string("rita.readonly is not enrolled as a reviewer: an admin runs "
                             "`modelgate-cli audit grant rita.readonly`"));
        // Before any ledger exists, everyone is not enrolled.
        const auto noLedger = ReleaseLedger(rita).append(
            LedgerSnapshot{}, nextRecord(LedgerSnapshot{}, kDiabetes, "3", kRita, "x"), CancelToken::none());
        QVERIFY(!noLedger.ok());
        QCOMPARE(noLedger.error().code, std::string("not_enrolled"));
    }

    // A user without EDIT on the ledger experiment is stopped by the server even with a
    // signature run of her own (she creates one in an experiment she manages).
    void readOnlyUserCannotWriteTheLedger()
    {
        const MlflowClient rita = as(kRita);
        const auto scratch = rita.createExperiment("rita-scratch", CancelToken::none());
        REQUIRE_OK(scratch);
        const auto ownRun = rita.createRun(scratch.value(), "my-signatures", {}, CancelToken::none());
        REQUIRE_OK(ownRun);

        for (const char *model : {kDiabetes, kFraud}) { // a ledger run exists / must be created
            LedgerSnapshot snapshot = readLedger(rita, model);
            snapshot.indexParams[reviewerIndexKey(kRita)] = ownRun->info.runId;
            const auto denied = ReleaseLedger(rita).append(
                snapshot, nextRecord(snapshot, model, "1", kRita, "Sneaking in"), CancelToken::none());
            QVERIFY(!denied.ok());
            QCOMPARE(denied.error().kind, ErrorKind::HttpStatus);
            QCOMPARE(denied.error().httpStatus, 403);
            QVERIFY2(denied.error().message.find(
                         "EDIT permission on experiment 'modelgate-release-ledger'") != std::string::npos,
                     denied.error().message.c_str());
            QVERIFY2(denied.error().message.find("Permission denied") != std::string::npos,
                     denied.error().message.c_str());
        }
        const LedgerSnapshot after = readLedger(rita, kDiabetes);
        QVERIFY(!after.ledgerParams.count("record.4"));
        QVERIFY(after.indexParams.count(ledgerIndexKey(kFraud)) == 0);
    }

    void reviewerCannotSignAsAnother()
    {
        const MlflowClient sam = as(kSam);
        const LedgerSnapshot snapshot = readLedger(sam, kDiabetes);
        // A record claiming riley wrote it needs riley's signature, which only riley can write.
        const auto forged = ReleaseLedger(sam).append(
            snapshot, nextRecord(snapshot, kDiabetes, "3", kRiley, "Riley says yes (not really)"),
            CancelToken::none());
        QVERIFY(!forged.ok());
        QCOMPARE(forged.error().httpStatus, 403);
        QVERIFY2(forged.error().message.find(
                     "EDIT permission on experiment 'modelgate-reviewer:riley.release'") != std::string::npos,
                 forged.error().message.c_str());
        const auto direct = sam.logParam(m_signatureRuns[kRiley], signatureParamKey(std::string(64, 'f')),
                                         "diabetes-classifier#9", CancelToken::none());
        QVERIFY(!direct.ok());
        QCOMPARE(direct.error().httpStatus, 403);
        QVERIFY(!readLedger(sam, kDiabetes).ledgerParams.count("record.4"));
    }

    void recordsAreWriteOnce()
    {
        const MlflowClient sam = as(kSam);
        const LedgerSnapshot snapshot = readLedger(sam, kDiabetes);
        const std::string original = snapshot.ledgerParams.at("record.1");
        const auto changed =
            sam.logParam(snapshot.ledgerRunId, "record.1", "{\"rewritten\":true}", CancelToken::none());
        QVERIFY(!changed.ok());
        QCOMPARE(changed.error().kind, ErrorKind::Api);
        QCOMPARE(changed.error().code, std::string("INVALID_PARAMETER_VALUE"));
        QVERIFY(changed.error().message.find("Changing param values is not allowed") != std::string::npos);
        QCOMPARE(readLedger(sam, kDiabetes).ledgerParams.at("record.1"), original);
    }

    void staleSnapshotLosesTheRace()
    {
        const MlflowClient riley = as(kRiley);
        const MlflowClient sam = as(kSam);
        const LedgerSnapshot stale = readLedger(sam, kDiabetes);
        const auto rileyWrote = ReleaseLedger(riley).append(
            stale, nextRecord(stale, kDiabetes, "3", kRiley, "Still fine after the rerun"),
            CancelToken::none());
        REQUIRE_OK(rileyWrote);
        QCOMPARE(rileyWrote.value(), AppendOutcome::Written);

        const ReleaseRecord samsRecord = nextRecord(stale, kDiabetes, "3", kSam, "Approving v3 again");
        const auto samLost = ReleaseLedger(sam).append(stale, samsRecord, CancelToken::none());
        REQUIRE_OK(samLost);
        QCOMPARE(samLost.value(), AppendOutcome::LostRace);

        // Re-read and decide again: the record goes in after riley's.
        const LedgerSnapshot fresh = readLedger(sam, kDiabetes);
        const ReleaseRecord retried = nextRecord(fresh, kDiabetes, "3", kSam, "Approving v3 again");
        QCOMPARE(retried.sequence, samsRecord.sequence + 1);
        const auto samWrote = ReleaseLedger(sam).append(fresh, retried, CancelToken::none());
        REQUIRE_OK(samWrote);
        QCOMPARE(samWrote.value(), AppendOutcome::Written);

        const LedgerSnapshot after = readLedger(sam, kDiabetes);
        const auto signatures =
            ReleaseLedger(sam).readSignatures(after, {kRiley, kSam, kDana}, CancelToken::none());
        REQUIRE_OK(signatures);
        const TrailVerification trail = verifyTrail(after.ledgerParams, kDiabetes, &signatures.value());
        QVERIFY2(trail.ok, trail.reason.c_str());
        QCOMPARE(trail.recordCount, 5);
    }

    // Two reviewers at once on a model without a ledger run: each creates a run, one index
    // entry wins and both write into its run, where exactly one record 1 lands.
    void concurrentFirstWritersOneWins()
    {
        const MlflowClient riley = as(kRiley);
        const MlflowClient sam = as(kSam);
        const LedgerSnapshot snapshot = readLedger(riley, kFraud);
        QVERIFY(snapshot.ledgerRunId.empty());
        const ReleaseRecord rileys = nextRecord(snapshot, kFraud, "2", kRiley, "Fraud v2 looks right");
        const ReleaseRecord sams = nextRecord(snapshot, kFraud, "2", kSam, "Fraud v2: approve");
        std::optional<Result<AppendOutcome>> rileyOutcome;
        std::optional<Result<AppendOutcome>> samOutcome;
        std::thread rileyThread([&] {
            rileyOutcome.emplace(ReleaseLedger(riley).append(snapshot, rileys, CancelToken::none()));
        });
        std::thread samThread(
            [&] { samOutcome.emplace(ReleaseLedger(sam).append(snapshot, sams, CancelToken::none())); });
        rileyThread.join();
        samThread.join();
        REQUIRE_OK(*rileyOutcome);
        REQUIRE_OK(*samOutcome);
        QCOMPARE(int(rileyOutcome->value() == AppendOutcome::Written) +
                     int(samOutcome->value() == AppendOutcome::Written),
                 1);
        QCOMPARE(int(rileyOutcome->value() == AppendOutcome::LostRace) +
                     int(samOutcome->value() == AppendOutcome::LostRace),
                 1);

        const LedgerSnapshot after = readLedger(riley, kFraud);
        const std::string expected =
            recordToCanonicalJson(rileyOutcome->value() == AppendOutcome::Written ? rileys : sams);
        QCOMPARE(after.ledgerParams.at("record.1"), expected);
        QCOMPARE(after.ledgerParams.size(), std::size_t{1});

        // Both created a ledger run; the one the index does not name is marked as an orphan.
        const auto runs =
            riley.searchRuns({after.experimentId}, "tags.\"modelgate.ledger.model\" = 'fraud-detector'", 100,
                             {}, CancelToken::none());
        REQUIRE_OK(runs);
        QCOMPARE(runs->items.size(), std::size_t{2});
        for (const Run &run : runs->items) {
            const bool indexed = run.info.runId == after.ledgerRunId;
            QCOMPARE(run.tags.count("modelgate.ledger.orphan") == 1, !indexed);
        }
    }

    // A reviewer experiment someone created before the enrolment is refused: its creator
    // could sign in the reviewer's name.
    void claimedSignatureExperimentIsRefused()
    {
        const auto claimed =
            as(kRita).createExperiment(std::string(kReviewerExperimentPrefix) + kNora, CancelToken::none());
        REQUIRE_OK(claimed);
        const auto enrolled = ReleaseLedger(*m_admin).enrolReviewer(kNora, CancelToken::none());
        QVERIFY(!enrolled.ok());
        QCOMPARE(enrolled.error().kind, ErrorKind::Config);
        QVERIFY2(enrolled.error().message.find("could sign as nora.next") != std::string::npos,
                 enrolled.error().message.c_str());
        QVERIFY(!readLedger(*m_admin, kDiabetes).indexParams.count(reviewerIndexKey(kNora)));
    }

    void grantModelPermissionCreatesThenUpdates()
    {
        const ReleaseLedger ledger(*m_admin);
        REQUIRE_OK(ledger.grantModelPermission(kDiabetes, kRiley, "EDIT", CancelToken::none()));
        REQUIRE_OK(ledger.grantModelPermission(kDiabetes, kRiley, "MANAGE", CancelToken::none()));
        // Read back through whichever permission API the server offers (2.0 or 3.0).
        const auto capabilities = m_admin->capabilities(CancelToken::none());
        REQUIRE_OK(capabilities);
        QVERIFY(capabilities->permissions != PermissionApi::None);
        const auto permissions = permissionStoreFor(*m_admin, capabilities.value());
        REQUIRE_OK(permissions);
        const auto read = permissions.value()->recorded(kRiley, PermissionResource::RegisteredModel,
                                                        kDiabetes, CancelToken::none());
        REQUIRE_OK(read);
        QCOMPARE(read.value(), std::optional<std::string>("MANAGE"));
        const auto effective = permissions.value()->effective(kRiley, PermissionResource::RegisteredModel,
                                                              kDiabetes, CancelToken::none());
        REQUIRE_OK(effective);
        QCOMPARE(effective.value(), std::optional<std::string>("MANAGE"));
        const auto denied =
            ReleaseLedger(as(kSam)).grantModelPermission(kDiabetes, kSam, "EDIT", CancelToken::none());
        QVERIFY(!denied.ok());
        QCOMPARE(denied.error().httpStatus, 403);
        QVERIFY(denied.error().message.find("MANAGE permission on model 'diabetes-classifier'") !=
                std::string::npos);
    }

    void digestIsStableAndTheSameForEveryReader()
    {
        const auto first = loadContentManifest(*m_admin, kDiabetes, "3", CancelToken::none());
        REQUIRE_OK(first);
        const auto second = loadContentManifest(*m_admin, kDiabetes, "3", CancelToken::none());
        REQUIRE_OK(second);
        QCOMPARE(contentDigest(second.value()), contentDigest(first.value()));
        const auto other = loadContentManifest(as(kRita), kDiabetes, "3", CancelToken::none());
        REQUIRE_OK(other);
        QCOMPARE(contentDigest(other.value()), contentDigest(first.value()));
        QCOMPARE(contentDigest(first.value()).size(), std::size_t{64});

        const ContentManifest &manifest = first.value();
        const Json &seeded = m_seed["models"][kDiabetes]["versions"][2];
        QCOMPARE(seeded["version"].get<std::string>(), std::string("3"));
        QCOMPARE(manifest.runId, seeded["run_id"].get<std::string>());
        QCOMPARE(manifest.source, "models:/" + seeded["model_id"].get<std::string>());
        for (const auto &[metric, value] : seeded["metrics"].items())
            QCOMPARE(manifest.finalMetrics.at(metric), value.get<double>());
        QVERIFY(manifest.filesNote.empty());
        QVERIFY(manifest.files.size() >= 5);
        QVERIFY(
            std::is_sorted(manifest.files.begin(), manifest.files.end(),
                           [](const ModelFileHash &a, const ModelFileHash &b) { return a.path < b.path; }));
        const auto mlmodel = m_admin->getModelVersionArtifact(kDiabetes, "3", "MLmodel", CancelToken::none());
        REQUIRE_OK(mlmodel);
        QCOMPARE(manifest.mlmodelSha256, sha256Hex(mlmodel.value()));
        bool sawPickle = false;
        for (const auto &file : manifest.files) {
            QCOMPARE(file.sha256.size(), std::size_t{64});
            // Pickled by MLflow 3.6, saved with skops by newer servers' clients.
            sawPickle =
                sawPickle || ((file.path == "model.pkl" || file.path == "model.skops") && file.size > 1000);
        }
        QVERIFY(sawPickle);

        const Json json = Json::parse(contentManifestToJson(manifest));
        QCOMPARE(json["model"].get<std::string>(), std::string(kDiabetes));
        QCOMPARE(json["files"].size(), manifest.files.size());
        QVERIFY(json["files_note"].is_null());
    }

    // Two versions made for this test (a run-artifact source and a logged model, both with
    // nested folders): every file is found and hashed, and a new metric value changes the digest.
    void digestCoversNestedFilesAndFinalMetrics()
    {
        const QString python = test::mlflowPython();
        QVERIFY(!python.isEmpty());
        QProcess process;
        QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
        environment.insert(QStringLiteral("MLFLOW_TRACKING_URI"), m_server.uri());
        environment.insert(QStringLiteral("MLFLOW_TRACKING_USERNAME"),
                           test::PrivateMlflowServer::adminUser());
        environment.insert(QStringLiteral("MLFLOW_TRACKING_PASSWORD"), m_server.adminPassword());
        process.setProcessEnvironment(environment);
        process.start(python, {QStringLiteral("-c"), QString::fromUtf8(kMakeVersionsScript),
                               QString::fromUtf8(kFraud)});
        QVERIFY(process.waitForFinished(240 * 1000));
        QVERIFY2(process.exitCode() == 0, process.readAllStandardError().constData());
        const QByteArray output = process.readAllStandardOutput().trimmed();
        const Json made = Json::parse(output.mid(output.lastIndexOf('\n') + 1).toStdString());

        const std::map<std::string, QByteArray> expected{
            {"MLmodel", QByteArray("artifact_path: model\nflavors: {}\n")},
            {"sub/deeper/notes.txt", QByteArray("nested\n")},
            {"sub/weights.bin", QByteArray("\x00\x01weights", 9)}};
        std::map<std::string, std::string> digests;
        for (const char *kind : {"run_source", "logged_model"}) {
            const std::string version = made[kind]["version"].get<std::string>();
            const auto manifest = loadContentManifest(*m_admin, kFraud, version, CancelToken::none());
            REQUIRE_OK(manifest);
            QVERIFY2(manifest->filesNote.empty(), manifest->filesNote.c_str());
            QCOMPARE(manifest->files.size(), expected.size());
            std::size_t i = 0;
            for (const auto &[path, bytes] : expected) {
                QCOMPARE(manifest->files[i].path, path);
                QCOMPARE(manifest->files[i].size, std::int64_t(bytes.size()));
                QCOMPARE(manifest->files[i].sha256, sha256Of(bytes));
                ++i;
            }
            QCOMPARE(manifest->mlmodelSha256, sha256Of(expected.at("MLmodel")));
            QCOMPARE(manifest->source, made[kind]["source"].get<std::string>());
            digests[kind] = contentDigest(manifest.value());
        }
        QVERIFY(digests["run_source"] != digests["logged_model"]); // other source and run

        const auto v3Before = loadContentManifest(*m_admin, kDiabetes, "3", CancelToken::none());
        REQUIRE_OK(v3Before);
        const Json metric{{"run_id", made["logged_model"]["run_id"]},
                          {"key", "auc"},
                          {"value", 0.93},
                          {"timestamp", 1795788400000},
                          {"step", 1}};
        REQUIRE_OK(m_admin->call(HttpMethod::Post, "runs/log-metric", metric.dump(), CancelToken::none()));
        const auto relogged = loadContentManifest(
            *m_admin, kFraud, made["logged_model"]["version"].get<std::string>(), CancelToken::none());
        REQUIRE_OK(relogged);
        QCOMPARE(relogged->finalMetrics.at("auc"), 0.93);
        QVERIFY(contentDigest(relogged.value()) != digests["logged_model"]);
        const auto v3After = loadContentManifest(*m_admin, kDiabetes, "3", CancelToken::none());
        REQUIRE_OK(v3After);
        QCOMPARE(contentDigest(v3After.value()), contentDigest(v3Before.value()));
    }

    void digestOfAMissingVersionIsAnError()
    {
        const auto missing = loadContentManifest(*m_admin, kDiabetes, "999", CancelToken::none());
        QVERIFY(!missing.ok());
        QCOMPARE(missing.error().code, std::string("RESOURCE_DOES_NOT_EXIST"));
    }

    // Without the auth app there is nothing to grant: enrolment still sets up the ledger.
    void openServerSkipsPermissions()
    {
        test::PrivateMlflowServer open;
        MODELGATE_START_PRIVATE_MLFLOW(open, test::PrivateMlflowServer::Options{});
        ClientConfig config;
        config.trackingUri = open.uri().toStdString();
        const MlflowClient client(config);
        const ReleaseLedger ledger(client);
        const auto enrolled = ledger.enrolReviewer(kRiley, CancelToken::none());
        REQUIRE_OK(enrolled);
        QVERIFY(enrolled->permissionsSkipped);
        QVERIFY(!enrolled->alreadyEnrolled);
        const auto again = ledger.enrolReviewer(kRiley, CancelToken::none());
        REQUIRE_OK(again);
        QVERIFY(again->alreadyEnrolled);
        QVERIFY(again->permissionsSkipped);
        QCOMPARE(again->signatureRunId, enrolled->signatureRunId);
        const auto snapshot = ledger.read("any-model", CancelToken::none());
        REQUIRE_OK(snapshot);
        QCOMPARE(snapshot->indexParams.at(reviewerIndexKey(kRiley)), enrolled->signatureRunId);

        // A second index run (two admins setting up at once) changes nothing: the oldest counts.
        const auto duplicate = client.createRun(snapshot->experimentId, "ledger-index",
                                                {{kLedgerIndexTag, "true"}}, CancelToken::none());
        REQUIRE_OK(duplicate);
        const auto reread = ledger.read("any-model", CancelToken::none());
        REQUIRE_OK(reread);
        QCOMPARE(reread->indexRunId, snapshot->indexRunId);
        QCOMPARE(reread->indexParams, snapshot->indexParams);
        const auto third = ledger.enrolReviewer(kRiley, CancelToken::none());
        REQUIRE_OK(third);
        QVERIFY(third->alreadyEnrolled);
        const auto grant = ledger.grantModelPermission("any-model", kRiley, "EDIT", CancelToken::none());
        // Said from what the server offers (found out once), not from a 404 that could mean anything.
        QVERIFY(!grant.ok());
        QCOMPARE(grant.error().kind, ErrorKind::Unsupported);
        QVERIFY2(grant.error().message.find("without an auth app") != std::string::npos,
                 grant.error().message.c_str());
    }

private:
    static constexpr const char *kMakeVersionsScript = R"PY(
import json, os, sys, tempfile
from mlflow import MlflowClient
client = MlflowClient()
model = sys.argv[1]
experiment_id = client.create_experiment("modelgate-digest-fixtures")
files = {"MLmodel": b"artifact_path: model\nflavors: {}\n", "sub/weights.bin": b"\x00\x01weights",
         "sub/deeper/notes.txt": b"nested\n"}
out = {}
with tempfile.TemporaryDirectory() as root:
    for path, data in files.items():
        os.makedirs(os.path.dirname(os.path.join(root, "model", path)), exist_ok=True)
        with open(os.path.join(root, "model", path), "wb") as f:
            f.write(data)
    run = client.create_run(experiment_id, run_name="digest-run-source")
    client.log_metric(run.info.run_id, "auc", 0.5, step=0)
    client.log_artifacts(run.info.run_id, os.path.join(root, "model"), artifact_path="model")
    version = client.create_model_version(model, source=run.info.artifact_uri + "/model", run_id=run.info.run_id)
    out["run_source"] = {"version": version.version, "run_id": run.info.run_id, "source": version.source}
    run = client.create_run(experiment_id, run_name="digest-logged-model")
    client.log_metric(run.info.run_id, "auc", 0.7, step=0)
    logged = client.create_logged_model(experiment_id, source_run_id=run.info.run_id)
    client.log_model_artifacts(logged.model_id, os.path.join(root, "model"))
    client.finalize_logged_model(logged.model_id, "READY")
    version = client.create_model_version(model, source=f"models:/{logged.model_id}", run_id=run.info.run_id,
                                          model_id=logged.model_id)
    out["logged_model"] = {"version": version.version, "run_id": run.info.run_id, "source": version.source}
print(json.dumps(out))
)PY";
};

QTEST_GUILESS_MAIN(TestReleaseLedgerIntegration)
#include "tst_release_ledger_integration.moc"
