// The release trail's data model: SHA-256 known answers, the canonical record text and its
// parser (every way a stored text can differ from the one valid spelling), the writer's
// checks, trail verification against each tampering the design note lists, the replay of a
// version's decisions, and the tag view.
#include <algorithm>
#include <functional>
#include <string>
#include <vector>

#include <QTest>

#include <modelgate/core/mlflow/model_filter.h>
#include <modelgate/core/release/release_digest.h>
#include <modelgate/core/release/release_records.h>
#include <modelgate/core/util/sha256.h>

using namespace modelgate;

namespace {

const std::string kModel = "diabetes-classifier";

std::string hexOf(char digit)
{
    return std::string(64, digit);
}

// JSON written with single quotes, for readability (and because moc cannot tokenise raw
// strings that begin or end with a double quote).
std::string q(std::string text)
{
    std::replace(text.begin(), text.end(), '\'', '"');
    return text;
}

std::string replaced(std::string text, const std::string &from, const std::string &to)
{
    const auto at = text.find(from);
    if (at != std::string::npos)
        text.replace(at, from.size(), to);
    return text;
}

ReleasePolicy policyWith(int approvals, bool breakGlass = false)
{
    ReleasePolicy policy = defaultReleasePolicy();
    policy.requiredApprovals = approvals;
    policy.allowBreakGlass = breakGlass;
    return policy;
}

ReleaseRecord decision(ReleaseAction action, const std::string &reviewer, const std::string &version,
                       const std::string &digest = hexOf('d'))
{
    ReleaseRecord record;
    record.model = kModel;
    record.version = version;
    record.action = action;
    record.reviewer = reviewer;
    record.authors = {"dana"};
    record.time = "2026-11-27T14:03:12.345Z";
    record.comment = std::string(wireName(action)) + " by " + reviewer;
    record.contentDigest = digest;
    record.policyHash = hexOf('b');
    record.checks = {9, 0, 1};
    return record;
}

ReleaseRecord approve(const std::string &reviewer, const std::string &version = "4",
                      const std::string &digest = hexOf('d'))
{
    return decision(ReleaseAction::Approve, reviewer, version, digest);
}

ReleaseRecord reject(const std::string &reviewer, const std::string &version = "4")
{
    return decision(ReleaseAction::Reject, reviewer, version);
}

ReleaseRecord revoke(const std::string &reviewer, int target, const std::string &version = "4")
{
    ReleaseRecord record = decision(ReleaseAction::Revoke, reviewer, version);
    record.revokes = target;
    record.checks = {};
    return record;
}

ReleaseRecord policyRecord(const ReleasePolicy &policy, const std::string &reviewer = "admin")
{
    ReleaseRecord record = decision(ReleaseAction::Policy, reviewer, "", "");
    record.authors = {};
    record.checks = {};
    record.policy = policy;
    record.policyHash = sha256Hex(releasePolicyToJson(policy));
    return record;
}

// Appends records the way a writer does (sequence, prev, signature) and remembers every
// record that the writer's checks would have refused.
struct Trail
{
    std::map<std::string, std::string> params{{"unrelated.key", "ignored"}};
    std::vector<std::string> texts;
    std::vector<std::string> hashes;
    ReviewerSignatures signatures{{"nobody", {}}};
    std::vector<std::string> refused;

    std::string add(ReleaseRecord record)
    {
        record.sequence = static_cast<int>(texts.size()) + 1;
        record.previousHash = hashes.empty() ? kGenesisHash : hashes.back();
        if (const auto valid = validateRecordForWrite(record); !valid)
            refused.push_back(valid.error().message);
        const auto text = recordToCanonicalJson(record);
        params[recordParamKey(record.sequence)] = text;
        texts.push_back(text);
        hashes.push_back(recordHash(text));
        signatures[asciiLower(record.reviewer)].insert(hashes.back());
        return hashes.back();
    }
    TrailVerification verify(bool withSignatures = true) const
    {
        return verifyTrail(params, kModel, withSignatures ? &signatures : nullptr);
    }
    std::vector<TrailEntry> entries() const { return verify().entries; }
};

// policy(2) by admin; riley approves v4; lee rejects v3; sam approves v4; lee revokes 3.
Trail sampleTrail()
{
    Trail trail;
    trail.add(policyRecord(policyWith(2)));
    trail.add(approve("riley"));
    trail.add(reject("lee", "3"));
    trail.add(approve("sam"));
    trail.add(revoke("lee", 3, "3"));
    return trail;
}

} // namespace

class TestReleaseRecords final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void sha256KnownAnswers()
    {
        QCOMPARE(sha256Hex(""),
                 std::string("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"));
        QCOMPARE(sha256Hex("abc"),
                 std::string("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"));
        // FIPS 180-2's million 'a', fed in uneven pieces so that blocks straddle updates.
        const std::string million(1000000, 'a');
        Sha256 incremental;
        std::size_t offset = 0;
        for (std::size_t piece = 1; offset < million.size(); piece = piece * 3 % 1021 + 1) {
            const auto length = std::min(piece, million.size() - offset);
            incremental.update(std::string_view(million).substr(offset, length));
            offset += length;
        }
        incremental.update({});
        const std::string expected = "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0";
        QCOMPARE(incremental.finishHex(), expected);
        QCOMPARE(sha256Hex(million), expected);
        QCOMPARE(recordHash("abc"), sha256Hex("abc"));
    }

    void namesRoundTrip()
    {
        for (const auto action :
             {ReleaseAction::Approve, ReleaseAction::Reject, ReleaseAction::Revoke, ReleaseAction::Policy})
            QCOMPARE(releaseActionFromString(wireName(action)), std::optional(action));
        QVERIFY(!releaseActionFromString("Approve"));
        QVERIFY(!releaseActionFromString(""));
        for (const auto state : {ReviewState::Pending, ReviewState::InReview, ReviewState::Approved,
                                 ReviewState::Rejected, ReviewState::Stale})
            QCOMPARE(reviewStateFromString(wireName(state)), std::optional(state));
        QVERIFY(!reviewStateFromString("in review"));
        QCOMPARE(std::string(wireName(ReviewState::InReview)), std::string("in_review"));
        QCOMPARE(std::string(wireName(TrailProblem::BrokenLink)), std::string("broken_link"));
        QCOMPARE(std::string(wireName(TrailProblem::NotEnrolled)), std::string("not_enrolled"));
        QCOMPARE(std::string(wireName(TrailProblem::InvalidDecision)), std::string("invalid_decision"));
        QCOMPARE(recordParamKey(1), std::string("record.1"));
        QCOMPARE(recordParamKey(12), std::string("record.12"));
    }

    void contentDigestSpelling()
    {
        // The digest's text is pinned byte for byte (approvals name it): every control character
        // as \u00xx (not JSON's short \n, \t, ...), numbers as std::to_chars spells them
        // (shortest: 1 not 1.0, 1e-04 not 0.0001, 1e+15), -0 as 0.
        ContentManifest manifest;
        manifest.model = "m";
        manifest.version = "2";
        manifest.source = "runs:/r/model";
        manifest.runId = "r";
        manifest.finalMetrics = {{"one", 1.0},   {"small", 0.0001}, {"big", 1e15},
                                 {"zero", -0.0}, {"half", 0.5},     {"line\nkey", 2.25}};
        manifest.mlmodelSha256 = std::string(64, 'a');
        manifest.files = {{"a\n\r\b\f\t\x01\x1f\x7f\\z", 0, std::string(64, 'b')}};
        manifest.filesNote = "note";
        const std::string expected =
            "{\"files\":[{\"path\":\"a\\u000a\\u000d\\u0008\\u000c\\u0009\\u0001\\u001f\x7f\\\\z\","
            "\"sha256\":\"" +
            std::string(64, 'b') +
            "\",\"size\":0}],\"files_note\":\"note\",\"metrics\":{\"big\":1e+15,\"half\":0.5,"
            "\"line\\u000akey\":2.25,\"one\":1,\"small\":1e-04,\"zero\":0},\"mlmodel_sha256\":\"" +
            std::string(64, 'a') +
            "\",\"model\":\"m\",\"run_id\":\"r\",\"source\":\"runs:/r/model\",\"version\":\"2\"}";
        QCOMPARE(contentDigest(manifest), sha256Hex(expected));
    }

    void canonicalText()
    {
        ReleaseRecord record = approve("riley.release");
        record.sequence = 3;
        record.previousHash = hexOf('a');
        record.authors = {"dana.scientist"};
        record.comment = "AUC up";
        const std::string expected =
            q("{'action':'approve','authors':['dana.scientist'],'break_glass':null,") +
            q("'checks':{'failed':0,'passed':9,'warnings':1},'comment':'AUC up','digest':'") + hexOf('d') +
            q("','model':'diabetes-classifier','n':3,'policy':null,'policy_hash':'") + hexOf('b') +
            q("','prev':'") + hexOf('a') +
            q("','reviewer':'riley.release','revokes':null,'time':'2026-11-27T14:03:12.345Z','v':1,'version':"
              "'4'}");
        QCOMPARE(recordToCanonicalJson(record), expected);
        const auto parsed = parseRecord(expected);
        QVERIFY2(parsed.ok(), parsed.ok() ? "" : parsed.error().message.c_str());
        QVERIFY(*parsed == record);
        QVERIFY(validateRecordForWrite(record).ok());

        // UTF-8 is kept as is, control characters are escaped as \u00xx.
        record.comment = "Grüße, 東京\nline\x01two";
        const auto text = recordToCanonicalJson(record);
        QVERIFY(text.find("\"comment\":\"Grüße, 東京\\nline\\u0001two\"") != std::string::npos);
        QVERIFY(parseRecord(text).ok());
        QCOMPARE(parseRecord(text)->comment, record.comment);
    }

    void canonicalRoundTrip()
    {
        ReleaseRecord glass = approve("dana");
        glass.breakGlassReason = "pager duty: hotfix for the outage";
        ReleaseRecord revoked = revoke("lee", 2);
        ReleasePolicy thresholds = policyWith(3, true);
        thresholds.thresholds = {{"recall", 0.7, std::nullopt}, {"auc", 0.8, 0.99}};
        thresholds.maxRegressionAbsolute.reset();
        thresholds.requiredTags = {"owner", "ticket"};
        ReleaseRecord policy = policyRecord(thresholds);
        policy.comment = "";
        ReleaseRecord noAuthors = reject("lee");
        noAuthors.authors = {};
        for (ReleaseRecord record : {approve("riley"), glass, revoked, policy, noAuthors}) {
            record.sequence = 5;
            record.previousHash = hexOf('e');
            const auto text = recordToCanonicalJson(record);
            const auto parsed = parseRecord(text);
            QVERIFY2(parsed.ok(), (text + ": " + (parsed.ok() ? "" : parsed.error().message)).c_str());
            QCOMPARE(recordToCanonicalJson(*parsed), text);
            QVERIFY2(validateRecordForWrite(record).ok(), text.c_str());
            if (record.action != ReleaseAction::Policy)
                QVERIFY(*parsed == record);
        }
        // A policy's thresholds come back in canonical (metric) order; the text is unchanged.
        const auto policyText = recordToCanonicalJson([&] {
            auto record = policy;
            record.sequence = 1;
            record.previousHash = kGenesisHash;
            return record;
        }());
        QVERIFY(policyText.find(q("'policy':{'allow_break_glass':true,")) != std::string::npos);
        QVERIFY(parseRecord(policyText).ok());
        QCOMPARE(parseRecord(policyText)->policy->thresholds.front().metric, std::string("auc"));
    }

    void parseRefusesEverySecondSpelling()
    {
        ReleaseRecord record = approve("riley");
        record.sequence = 3;
        record.previousHash = hexOf('a');
        const std::string base = recordToCanonicalJson(record);
        QVERIFY(parseRecord(base).ok());
        ReleaseRecord policy = policyRecord(policyWith(2));
        policy.sequence = 2;
        policy.previousHash = hexOf('a');
        const std::string policyBase = recordToCanonicalJson(policy);
        QVERIFY(parseRecord(policyBase).ok());
        const std::string deep = std::string(200000, '[') + std::string(200000, ']');
        const auto policyStart = policyBase.find(q("'policy':{"));
        const auto policyObject =
            policyBase.substr(policyStart, policyBase.find('}', policyStart) + 1 - policyStart);

        struct Case
        {
            const char *name;
            std::string text;
            std::string field; // expected Error::field ("" = not checked)
        };
        const std::vector<Case> cases = {
            {"not JSON", "{", ""},
            {"empty", "", ""},
            {"an array", "[]", ""},
            {"nested too deeply", deep, ""},
            {"trailing garbage", base + "x", ""},
            {"trailing newline", base + "\n", ""},
            {"space after a colon", replaced(base, q("'n':3"), q("'n': 3")), ""},
            {"reordered keys", replaced(base, q("'v':1,'version':'4'"), q("'version':'4','v':1")), ""},
            {"escaped letter", replaced(base, q("'action':'approve'"), q("'action':'appro\\u0076e'")), ""},
            {"escaped slash", replaced(base, q("'time':'2026"), q("'time':'\\/2026")), ""},
            {"exponent", replaced(base, q("'n':3"), q("'n':3e0")), ""},
            {"duplicate key", replaced(base, q("'v':1,"), q("'v':1,'v':1,")), ""},
            {"invalid UTF-8", replaced(base, "approve by", "appr\xff by"), ""},
            {"float n", replaced(base, q("'n':3"), q("'n':3.0")), "n"},
            {"n zero", replaced(base, q("'n':3"), q("'n':0")), "n"},
            {"n negative", replaced(base, q("'n':3"), q("'n':-3")), "n"},
            {"n huge", replaced(base, q("'n':3"), q("'n':4294967296")), "n"},
            {"n string", replaced(base, q("'n':3"), q("'n':'3'")), "n"},
            {"v 3", replaced(base, q("'v':1"), q("'v':3")), "v"},
            {"unknown field", replaced(base, q("'version':'4'}"), q("'version':'4','x':1}")), "x"},
            {"missing field", replaced(base, q("'revokes':null,"), ""), "revokes"},
            {"unknown action", replaced(base, q("'approve'"), q("'approved'")), "action"},
            {"comment a number", replaced(base, q("'comment':'approve by riley'"), q("'comment':5")),
             "comment"},
            {"authors a string", replaced(base, q("'authors':['dana']"), q("'authors':'dana'")), "authors"},
            {"author a number", replaced(base, q("'authors':['dana']"), q("'authors':[1]")), "authors"},
            {"empty reviewer", replaced(base, q("'reviewer':'riley'"), q("'reviewer':''")), "reviewer"},
            {"short prev", replaced(base, hexOf('a'), "aaaa"), "prev"},
            {"upper-case prev", replaced(base, hexOf('a'), hexOf('A')), "prev"},
            {"null prev", replaced(base, "\"" + hexOf('a') + "\"", "null"), "prev"},
            {"bad policy hash", replaced(base, hexOf('b'), hexOf('b').substr(1) + "g"), "policy_hash"},
            {"null digest on approve", replaced(base, "\"" + hexOf('d') + "\"", "null"), "digest"},
            {"null version on approve", replaced(base, q("'version':'4'"), q("'version':null")), "version"},
            {"float check count", replaced(base, q("'passed':9"), q("'passed':9.5")), "checks.passed"},
            {"negative check count", replaced(base, q("'failed':0"), q("'failed':-1")), "checks.failed"},
            {"checks missing a count", replaced(base, q("'failed':0,"), ""), "checks"},
            {"revokes on approve", replaced(base, q("'revokes':null"), q("'revokes':1")), "revokes"},
            {"empty break_glass", replaced(base, q("'break_glass':null"), q("'break_glass':''")),
             "break_glass"},
            {"policy on approve", replaced(base, q("'policy':null"), q("'policy':{}")), "policy"},
            {"break_glass on reject",
             replaced(replaced(base, q("'break_glass':null"), q("'break_glass':'x'")), "\"approve\"",
                      "\"reject\""),
             "break_glass"},
            {"policy record with version", replaced(policyBase, q("'version':null"), q("'version':'4'")),
             "version"},
            {"policy record without policy", replaced(policyBase, policyObject, q("'policy':null")),
             "policy"},
            {"policy record with another policy's hash", replaced(policyBase, policy.policyHash, hexOf('c')),
             "policy_hash"},
            // Meaning kept, spelling not: a policy key left to its default.
            {"policy key omitted", replaced(policyBase, q("'require_input_example':false,"), ""), ""},
            {"policy with unknown key",
             replaced(policyBase, q("'allow_break_glass':false,"), q("'allow_break_glass':false,'ally':1,")),
             ""},
        };
        for (const auto &entry : cases) {
            QVERIFY2(entry.text != base && entry.text != policyBase, entry.name);
            const auto parsed = parseRecord(entry.text);
            QVERIFY2(!parsed.ok(), entry.name);
            QCOMPARE(parsed.error().kind, ErrorKind::Parse);
            QVERIFY2(!parsed.error().message.empty(), entry.name);
            if (!entry.field.empty())
                QVERIFY2(parsed.error().field == entry.field,
                         (std::string(entry.name) + ": field " + parsed.error().field).c_str());
        }
    }

    void validateForWrite()
    {
        struct Case
        {
            const char *name;
            ReleaseRecord record;
            std::function<void(ReleaseRecord &)> change;
            std::string expected; // a part of the message; empty: valid
        };
        const auto many = [](const std::string &unit, std::size_t n) {
            std::string out;
            for (std::size_t i = 0; i < n; ++i)
                out += unit;
            return out;
        };
        const std::vector<Case> cases = {
            {"approve", approve("riley"), [](ReleaseRecord &) {}, ""},
            {"reject", reject("riley"), [](ReleaseRecord &) {}, ""},
            {"revoke", revoke("riley", 1), [](ReleaseRecord &) {}, ""},
            {"policy without comment", policyRecord(policyWith(2)),
             [](ReleaseRecord &r) { r.comment.clear(); }, ""},
            {"2000 two-byte characters", approve("riley"),
             [&](ReleaseRecord &r) { r.comment = many("é", 2000); }, ""},
            {"break-glass approval", approve("dana"), [](ReleaseRecord &r) { r.breakGlassReason = "hotfix"; },
             ""},
            {"no comment", approve("riley"), [](ReleaseRecord &r) { r.comment.clear(); },
             "comment is required"},
            {"blank comment", reject("riley"), [](ReleaseRecord &r) { r.comment = " \n\t"; },
             "comment is required"},
            {"revoke without comment", revoke("riley", 1), [](ReleaseRecord &r) { r.comment.clear(); },
             "comment"},
            {"2001 characters", approve("riley"), [&](ReleaseRecord &r) { r.comment = many("é", 2001); },
             "2001"},
            {"invalid UTF-8", approve("riley"), [](ReleaseRecord &r) { r.comment = "bad \xc3"; }, "UTF-8"},
            {"overlong UTF-8", approve("riley"), [](ReleaseRecord &r) { r.comment = "\xc0\xaf"; }, "UTF-8"},
            {"reason too long", approve("dana"),
             [&](ReleaseRecord &r) { r.breakGlassReason = many("x", 1001); }, "1001"},
            {"blank reason", approve("dana"), [](ReleaseRecord &r) { r.breakGlassReason = "  "; }, "blank"},
            {"reason on reject", reject("dana"), [](ReleaseRecord &r) { r.breakGlassReason = "x"; },
             "only for an approval"},
            {"revokes on approve", approve("riley"), [](ReleaseRecord &r) { r.revokes = 1; },
             "only a revoke"},
            {"revoke of nothing", revoke("riley", 1), [](ReleaseRecord &r) { r.revokes.reset(); },
             "must name"},
            {"revoke of a later record", revoke("riley", 1), [](ReleaseRecord &r) { r.revokes = 5; },
             "earlier"},
            {"policy on approve", approve("riley"),
             [](ReleaseRecord &r) { r.policy = defaultReleasePolicy(); }, "only a policy"},
            {"policy record without policy", policyRecord(policyWith(1)),
             [](ReleaseRecord &r) { r.policy.reset(); }, "must carry"},
            {"invalid policy", policyRecord(policyWith(1)),
             [](ReleaseRecord &r) { r.policy->requiredApprovals = 0; }, "approv"},
            {"policy hash mismatch", policyRecord(policyWith(1)),
             [](ReleaseRecord &r) { r.policyHash = hexOf('c'); }, "hash of its policy"},
            {"version on policy", policyRecord(policyWith(1)), [](ReleaseRecord &r) { r.version = "4"; },
             "names no version"},
            {"no version", approve("riley"), [](ReleaseRecord &r) { r.version.clear(); }, "version is empty"},
            {"no reviewer", approve(""), [](ReleaseRecord &) {}, "reviewer"},
            {"no time", approve("riley"), [](ReleaseRecord &r) { r.time.clear(); }, "time"},
            {"no model", approve("riley"), [](ReleaseRecord &r) { r.model.clear(); }, "model"},
            {"sequence 0", approve("riley"), [](ReleaseRecord &r) { r.sequence = 0; }, "sequence"},
            {"bad prev", approve("riley"), [](ReleaseRecord &r) { r.previousHash = "abc"; }, "prev"},
            {"genesis prev later", approve("riley"), [](ReleaseRecord &r) { r.previousHash = kGenesisHash; },
             "genesis"},
            {"record 1 after something", approve("riley"), [](ReleaseRecord &r) { r.sequence = 1; },
             "genesis"},
            {"short digest", approve("riley"), [](ReleaseRecord &r) { r.contentDigest = "d"; }, "digest"},
            {"digest on policy", policyRecord(policyWith(1)),
             [](ReleaseRecord &r) { r.contentDigest = hexOf('d'); }, "digest"},
            {"negative checks", approve("riley"), [](ReleaseRecord &r) { r.checks.failed = -1; }, ">= 0"},
            {"format 2", approve("riley"), [](ReleaseRecord &r) { r.formatVersion = 2; }, "format"},
            {"over 6000 characters", approve("riley"),
             [&](ReleaseRecord &r) {
                 r.comment = many("x", 2000);
                 r.authors = std::vector<std::string>(40, many("a", 100));
             },
             "too long"},
        };
        for (const auto &entry : cases) {
            ReleaseRecord record = entry.record;
            record.sequence = 5;
            record.previousHash = hexOf('e');
            entry.change(record);
            const auto status = validateRecordForWrite(record);
            if (entry.expected.empty()) {
                QVERIFY2(
                    status.ok(),
                    (std::string(entry.name) + ": " + (status.ok() ? "" : status.error().message)).c_str());
                continue;
            }
            QVERIFY2(!status.ok(), entry.name);
            QCOMPARE(status.error().kind, ErrorKind::Config);
            QVERIFY2(status.error().message.find(entry.expected) != std::string::npos,
                     (std::string(entry.name) + ": " + status.error().message).c_str());
            QVERIFY(status.error().message.find('\n') == std::string::npos);
        }
    }

    void verifyIntactTrail()
    {
        const Trail trail = sampleTrail();
        QVERIFY2(trail.refused.empty(), trail.refused.empty() ? "" : trail.refused.front().c_str());
        for (const bool withSignatures : {true, false}) {
            const auto verified = trail.verify(withSignatures);
            QVERIFY2(verified.ok, verified.reason.c_str());
            QCOMPARE(verified.problem, TrailProblem::None);
            QCOMPARE(verified.recordCount, 5);
            QCOMPARE(verified.headHash, trail.hashes.back());
            QVERIFY(!verified.firstBroken);
            QCOMPARE(int(verified.entries.size()), 5);
            for (int i = 0; i < 5; ++i) {
                QCOMPARE(verified.entries[i].sequence, i + 1);
                QCOMPARE(verified.entries[i].hash, trail.hashes[i]);
                QVERIFY(verified.entries[i].record.has_value());
            }
        }
        const auto empty = verifyTrail({{"something.else", "x"}, {"recordx", "y"}}, kModel, nullptr);
        QVERIFY(empty.ok);
        QCOMPARE(empty.recordCount, 0);
        QCOMPARE(empty.headHash, std::string(kGenesisHash));

        // Signatures are looked up by the lower-cased identity.
        Trail mixedCase;
        mixedCase.add(approve("Riley.Release"));
        QVERIFY(mixedCase.signatures.count("riley.release"));
        QVERIFY(mixedCase.verify().ok);
    }

    void verifyDetectsTampering()
    {
        const Trail good = sampleTrail();
        struct Case
        {
            const char *name;
            std::function<void(Trail &)> tamper;
            bool withSignatures;
            TrailProblem problem;
            int firstBroken;
            std::string reason; // a part of the reason
        };
        const auto setText = [](Trail &t, int n, const std::string &text) {
            t.params[recordParamKey(n)] = text;
        };
        const auto signAs = [](Trail &t, const std::string &reviewer, const std::string &text) {
            t.signatures[reviewer].insert(recordHash(text));
        };
        const auto forge = [](const Trail &t, ReleaseRecord record, int n, const std::string &prev) {
            record.sequence = n;
            record.previousHash = prev.empty() ? t.hashes[n - 2] : prev;
            return recordToCanonicalJson(record);
        };
        const std::vector<Case> cases = {
            {"edited comment, unsigned",
             [&](Trail &t) { setText(t, 2, replaced(t.texts[1], "approve by riley", "LGTM")); }, true,
             TrailProblem::Unsigned, 2, "record 2: reviewer 'riley' has not signed it"},
            {"edited comment, re-signed",
             [&](Trail &t) {
                 const auto edited = replaced(t.texts[1], "approve by riley", "LGTM");
                 setText(t, 2, edited);
                 signAs(t, "riley", edited);
             },
             true, TrailProblem::BrokenLink, 3, "record 3: prev does not match the hash of record 2"},
            {"edited comment, no signatures",
             [&](Trail &t) { setText(t, 2, replaced(t.texts[1], "approve by riley", "LGTM")); }, false,
             TrailProblem::BrokenLink, 3, "record 3: prev does not match the hash of record 2"},
            {"whitespace", [&](Trail &t) { setText(t, 4, replaced(t.texts[3], ",\"n\":", ", \"n\":")); },
             false, TrailProblem::Malformed, 4, "record 4: not canonical"},
            {"reordered keys",
             [&](Trail &t) {
                 setText(t, 2, replaced(t.texts[1], q("'v':1,'version':'4'"), q("'version':'4','v':1")));
             },
             false, TrailProblem::Malformed, 2, "record 2:"},
            {"junk text", [&](Trail &t) { setText(t, 3, "hello"); }, false, TrailProblem::Malformed, 3,
             "record 3: not JSON"},
            {"removed record", [](Trail &t) { t.params.erase("record.2"); }, false, TrailProblem::Gap, 2,
             "record 2 is missing (the trail goes on to record 5)"},
            {"record far ahead", [&](Trail &t) { setText(t, 7, t.texts[4]); }, false, TrailProblem::Gap, 6,
             "record 6 is missing"},
            {"appended with a bad prev",
             [&](Trail &t) { setText(t, 6, forge(t, approve("lee"), 6, hexOf('0').substr(1) + "1")); }, false,
             TrailProblem::BrokenLink, 6, "record 6: prev does not match the hash of record 5"},
            {"first record not at genesis",
             [&](Trail &t) { setText(t, 1, forge(t, policyRecord(policyWith(2)), 1, hexOf('a'))); }, false,
             TrailProblem::BrokenLink, 1, "record 1: prev is not the genesis hash"},
            {"appended with a forged reviewer",
             [&](Trail &t) { setText(t, 6, forge(t, approve("riley", "3"), 6, "")); }, true,
             TrailProblem::Unsigned, 6, "'riley' has not signed it"},
            {"appended by someone not enrolled",
             [&](Trail &t) { setText(t, 6, forge(t, approve("mallory", "3"), 6, "")); }, true,
             TrailProblem::NotEnrolled, 6, "record 6: reviewer 'mallory' is not enrolled"},
            {"swapped records",
             [&](Trail &t) {
                 setText(t, 2, t.texts[2]);
                 setText(t, 3, t.texts[1]);
             },
             false, TrailProblem::WrongSequence, 2, "record 2: its n is 3"},
            {"another model",
             [&](Trail &t) {
                 auto record = approve("lee", "3");
                 record.model = "churn";
                 setText(t, 6, forge(t, record, 6, ""));
             },
             false, TrailProblem::WrongModel, 6, "names model 'churn', not 'diabetes-classifier'"},
            {"junk key with a leading zero", [](Trail &t) { t.params["record.03"] = t.texts[2]; }, false,
             TrailProblem::Malformed, 3, "record 3: junk under key 'record.03'"},
            {"junk key beyond the trail", [](Trail &t) { t.params["record.07"] = "x"; }, false,
             TrailProblem::Malformed, 1, "'record.07' is junk"},
            {"junk key not a number", [](Trail &t) { t.params["record.x"] = "x"; }, false,
             TrailProblem::Malformed, 1, "'record.x'"},
            {"junk key zero", [](Trail &t) { t.params["record.0"] = "x"; }, false, TrailProblem::Malformed, 1,
             "'record.0'"},
            {"junk key empty", [](Trail &t) { t.params["record."] = "x"; }, false, TrailProblem::Malformed, 1,
             "'record.'"},
            {"junk key overflowing", [](Trail &t) { t.params["record.99999999999"] = "x"; }, false,
             TrailProblem::Malformed, 1, ""},
            {"revoke of someone else's decision",
             [&](Trail &t) { setText(t, 6, forge(t, revoke("sam", 2), 6, "")); }, false,
             TrailProblem::InvalidDecision, 6,
             "record 6: revokes record 2, which is not a standing decision of 'sam'"},
            {"revoke of a withdrawn decision",
             [&](Trail &t) { setText(t, 6, forge(t, revoke("lee", 3, "3"), 6, "")); }, false,
             TrailProblem::InvalidDecision, 6, "revokes record 3"},
            {"revoke on another version",
             [&](Trail &t) { setText(t, 6, forge(t, revoke("riley", 2, "3"), 6, "")); }, false,
             TrailProblem::InvalidDecision, 6, "on version 3"},
            {"revoke of a policy record",
             [&](Trail &t) { setText(t, 6, forge(t, revoke("admin", 1), 6, "")); }, false,
             TrailProblem::InvalidDecision, 6, ""},
        };
        for (const auto &entry : cases) {
            Trail trail = good;
            entry.tamper(trail);
            const auto verified = trail.verify(entry.withSignatures);
            QVERIFY2(!verified.ok, entry.name);
            QVERIFY2(verified.problem == entry.problem,
                     (std::string(entry.name) + ": " + wireName(verified.problem) + " " + verified.reason)
                         .c_str());
            QVERIFY2(verified.firstBroken == entry.firstBroken,
                     (std::string(entry.name) + ": " + verified.reason).c_str());
            QVERIFY2(verified.reason.find(entry.reason) != std::string::npos,
                     (std::string(entry.name) + ": " + verified.reason).c_str());
            QVERIFY(verified.headHash.empty());
            QVERIFY(verified.reason.find('\n') == std::string::npos);
            // Every record under a proper key is still listed for display, also after the break.
            int proper = 0;
            for (const auto &[key, text] : trail.params)
                proper += key.rfind("record.", 0) == 0 && key.size() > 7 && key[7] != '0' &&
                          key.find_first_not_of("0123456789", 7) == std::string::npos && key.size() <= 16;
            QVERIFY2(verified.recordCount == proper && int(verified.entries.size()) == proper, entry.name);
        }
        // Removing the newest record cannot be seen from the trail alone: the head moves back,
        // which is why review verify prints the head for pipelines to anchor.
        Trail truncated = good;
        truncated.params.erase("record.5");
        const auto verified = truncated.verify();
        QVERIFY(verified.ok);
        QCOMPARE(verified.headHash, good.hashes[3]);
        QVERIFY(verified.headHash != good.verify().headHash);
    }

    void replayDecisions()
    {
        const std::string current = hexOf('d');
        const auto replay = [&](const Trail &t, const std::string &version = "4",
                                const std::string *digest = nullptr) {
            return replayVersion(t.entries(), version, digest);
        };
        {
            Trail t;
            t.add(approve("riley", "3"));
            const auto none = replay(t);
            QCOMPARE(none.state, ReviewState::Pending);
            QVERIFY(!none.lastRecord);
            QCOMPARE(none.requiredApprovals, 1);
            QVERIFY(none.reason.find("needs 1 approval") != std::string::npos);
            QVERIFY(expectedReviewTags(none).empty());
            const auto one = replay(t, "3", &current);
            QCOMPARE(one.state, ReviewState::Approved);
            QCOMPARE(one.reason, std::string("approved by riley"));
            QCOMPARE(one.lastRecordHash, t.hashes[0]);
        }
        { // A later decision replaces the earlier one; a revoke withdraws it.
            Trail t;
            t.add(approve("riley"));
            t.add(reject("Riley"));
            auto state = replay(t);
            QCOMPARE(state.state, ReviewState::Rejected);
            QVERIFY(state.approvals.empty());
            QCOMPARE(int(state.rejections.size()), 1);
            QCOMPARE(state.reason,
                     std::string("rejected by Riley at 2026-11-27T14:03:12.345Z: reject by Riley"));
            t.add(approve("riley"));
            QCOMPARE(replay(t).state, ReviewState::Approved);
            t.add(revoke("riley", 3));
            state = replay(t);
            QCOMPARE(state.state, ReviewState::Pending);
            QVERIFY(state.approvals.empty() && state.rejections.empty());
            QCOMPARE(state.lastRecord->action, ReleaseAction::Revoke);
            QCOMPARE(state.lastRecordHash, t.hashes[3]);
            QVERIFY(t.refused.empty());
        }
        { // Distinct reviewers (case-insensitive), a standing rejection blocks, authors do not count.
            Trail t;
            t.add(policyRecord(policyWith(2)));
            t.add(approve("riley"));
            t.add(approve("RILEY"));
            auto state = replay(t);
            QCOMPARE(state.state, ReviewState::InReview);
            QCOMPARE(state.requiredApprovals, 2);
            QCOMPARE(state.reason, std::string("needs 2 approvals, has 1"));
            t.add(approve("dana"));
            state = replay(t);
            QCOMPARE(state.state, ReviewState::InReview);
            QCOMPARE(int(state.approvals.size()), 2);
            QVERIFY(state.approvals[1].author && !state.approvals[1].counts);
            QVERIFY(!state.breakGlass);
            QVERIFY2(state.reason.find("approval by dana does not count") != std::string::npos,
                     state.reason.c_str());
            t.add(approve("lee"));
            state = replay(t);
            QCOMPARE(state.state, ReviewState::Approved);
            QCOMPARE(state.reason, std::string("approved by RILEY, lee"));
            t.add(reject("sam"));
            QCOMPARE(replay(t).state, ReviewState::Rejected);
        }
        { // Break-glass counts when the policy allows it, and is flagged.
            Trail t;
            t.add(policyRecord(policyWith(1, true)));
            auto glass = approve("Dana");
            glass.breakGlassReason = "outage hotfix";
            t.add(glass);
            auto state = replay(t);
            QCOMPARE(state.state, ReviewState::Approved);
            QVERIFY(state.breakGlass);
            QVERIFY(state.approvals[0].author && state.approvals[0].counts);
            QVERIFY(state.reason.find("break-glass") != std::string::npos);
            QCOMPARE(expectedReviewTags(state).at(kReviewBreakGlassTag), std::string("true"));
            // Turning break-glass off withdraws its effect; the record stays flagged.
            t.add(policyRecord(policyWith(1, false)));
            state = replay(t);
            QCOMPARE(state.state, ReviewState::InReview);
            QVERIFY(state.breakGlass && !state.approvals[0].counts);
            QVERIFY2(state.reason.find("does not allow break-glass") != std::string::npos,
                     state.reason.c_str());
        }
        { // A break-glass approval given while the policy forbade it never counts.
            Trail t;
            auto glass = approve("dana");
            glass.breakGlassReason = "no one around";
            t.add(glass);
            t.add(policyRecord(policyWith(1, true)));
            QCOMPARE(replay(t).state, ReviewState::InReview);
        }
        { // Stale: enough approvals, but given to other content.
            Trail t;
            t.add(approve("riley", "4", hexOf('e')));
            const auto stale = replay(t, "4", &current);
            QCOMPARE(stale.state, ReviewState::Stale);
            QVERIFY(!stale.approvals[0].digestMatches);
            QCOMPARE(stale.reason,
                     std::string("approval by riley was given to other content (digest changed)"));
            QCOMPARE(replay(t).state, ReviewState::Approved); // digests not compared
            // The tag view ignores digests: it says approved.
            QCOMPARE(expectedReviewTags(stale).at(kReviewStatusTag), std::string("approved"));
            t.add(policyRecord(policyWith(2)));
            const auto fewer = replay(t, "4", &current);
            QCOMPARE(fewer.state, ReviewState::InReview);
            QVERIFY2(fewer.reason.find("has 0; approval by riley was given to other content") !=
                         std::string::npos,
                     fewer.reason.c_str());
        }
        { // A policy record mid-trail changes the required approvals; the last one is in force.
            Trail t;
            t.add(approve("riley"));
            QCOMPARE(replay(t).state, ReviewState::Approved);
            QVERIFY(!policyInForce(t.entries()));
            t.add(policyRecord(policyWith(3)));
            t.add(approve("lee"));
            auto state = replay(t);
            QCOMPARE(state.requiredApprovals, 3);
            QCOMPARE(state.state, ReviewState::InReview);
            QCOMPARE(state.reason, std::string("needs 3 approvals, has 2"));
            QCOMPARE(policyInForce(t.entries())->requiredApprovals, 3);
            t.add(policyRecord(policyWith(2)));
            QCOMPARE(replay(t).state, ReviewState::Approved);
            QCOMPARE(policyInForce(t.entries())->requiredApprovals, 2);
            QVERIFY(t.refused.empty());
        }
    }

    void tagView()
    {
        Trail t;
        t.add(policyRecord(policyWith(4)));
        t.add(approve("sam"));
        t.add(approve("Riley"));
        t.add(reject("lee", "3"));
        auto last = approve("adam");
        last.comment = "checked the drift\nreport";
        last.time = "2026-11-28T09:00:00.000Z";
        const auto lastHash = t.add(last);
        const auto decisions = replayVersion(t.entries(), "4", nullptr);
        const auto expected = expectedReviewTags(decisions);
        const std::map<std::string, std::string> wanted = {
            {kReviewStatusTag, "in_review"},
            {kReviewReviewersTag, "adam, Riley, sam"},
            {kReviewTimeTag, "2026-11-28T09:00:00.000Z"},
            {kReviewCommentTag, "checked the drift\nreport"},
            {kReviewRecordTag, "5:" + lastHash},
            {kReviewBreakGlassTag, "false"},
        };
        QCOMPARE(expected, wanted);
        // Standing rejections are named too.
        QCOMPARE(expectedReviewTags(replayVersion(t.entries(), "3", nullptr)).at(kReviewReviewersTag),
                 std::string("lee"));
        QCOMPARE(expectedReviewTags(replayVersion(t.entries(), "3", nullptr)).at(kReviewStatusTag),
                 std::string("rejected"));

        TagMap tags(wanted.begin(), wanted.end());
        tags["owner"] = "ml-team";
        tags["modelgate.review.other"] = "not ours";
        QVERIFY(reviewTagMismatches(expected, tags).empty());

        TagMap edited = tags;
        edited[kReviewStatusTag] = "approved";
        edited.erase(kReviewRecordTag);
        const auto problems = reviewTagMismatches(expected, edited);
        QCOMPARE(int(problems.size()), 2);
        QCOMPARE(problems[0],
                 std::string("tag modelgate.review.status is 'approved', the trail says 'in_review'"));
        QVERIFY(problems[1].find("tag modelgate.review.record is missing") == 0);

        TagMap multiLine = tags;
        multiLine[kReviewCommentTag] = "checked the drift\nreport!";
        const auto commentProblem = reviewTagMismatches(expected, multiLine);
        QCOMPARE(int(commentProblem.size()), 1);
        QVERIFY(commentProblem[0].find('\n') == std::string::npos);

        // A version without records carries none of the review tags.
        QVERIFY(reviewTagMismatches({}, {{"owner", "x"}}).empty());
        const auto orphan =
            reviewTagMismatches({}, {{kReviewStatusTag, "approved"}, {kReviewBreakGlassTag, "false"}});
        QCOMPARE(int(orphan.size()), 2);
        QVERIFY(orphan[0].find("the trail has no record of this version") != std::string::npos);
    }
};

QTEST_GUILESS_MAIN(TestReleaseRecords)
#include "tst_release_records.moc"
