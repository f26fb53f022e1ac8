// Who is reviewing and who wrote the version: the reviewer's identity from basic-auth or a
// bearer token (JWT claims in their documented order), the claim reader on malformed tokens,
// the author identities recorded on a version and its run, and the four-eyes match.
#include <string>
#include <vector>

#include <QByteArray>
#include <QTest>

#include <modelgate/core/workspace/identity.h>

using namespace modelgate;

namespace {

using Claims = std::vector<std::pair<std::string, std::string>>;

std::string base64Url(const std::string &text)
{
    return QByteArray::fromStdString(text)
        .toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals)
        .toStdString();
}

std::string jwt(const std::string &payload, const std::string &header = R"({"alg":"RS256","typ":"JWT"})")
{
    return base64Url(header) + "." + base64Url(payload) + ".c2lnbmF0dXJl";
}

Credentials bearer(const std::string &token, const std::string &username = "profile-user")
{
    return {AuthKind::Bearer, username, token};
}

} // namespace

class TestIdentity final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void basicAndNoneUseTheUserName()
    {
        QCOMPARE(reviewerIdentity({AuthKind::Basic, "riley.release", "secret"}),
                 std::string("riley.release"));
        QCOMPARE(reviewerIdentity({AuthKind::None, "riley", ""}), std::string("riley"));
        QCOMPARE(reviewerIdentity({AuthKind::Basic, "  lee  ", "pw"}), std::string("lee"));
        QCOMPARE(reviewerIdentity({AuthKind::None, "", ""}), std::string());
        // A password that happens to look like a JWT is never read as one.
        QCOMPARE(reviewerIdentity({AuthKind::Basic, "riley", jwt(R"({"preferred_username":"mallory"})")}),
                 std::string("riley"));
    }

    void bearerClaim_data()
    {
        QTest::addColumn<QString>("payload");
        QTest::addColumn<QString>("identity");
        QTest::newRow("preferred_username") << R"({"preferred_username":"riley@corp.example"})"
                                            << "riley@corp.example";
        QTest::newRow("upn") << R"({"upn":"upn@corp.example"})"
                             << "upn@corp.example";
        QTest::newRow("unique_name") << R"({"unique_name":"CORP\\riley"})"
                                     << "CORP\\riley";
        QTest::newRow("email") << R"({"email":"mail@corp.example"})"
                               << "mail@corp.example";
        QTest::newRow("oid") << R"({"oid":"6f1c0c1e-0000-4000-8000-000000000001"})"
                             << "6f1c0c1e-0000-4000-8000-000000000001";
        QTest::newRow("sub") << R"({"sub":"auth0|12345"})"
                             << "auth0|12345";
        QTest::newRow("order: all") << R"({"sub":"s","oid":"o","email":"e","unique_name":"n","upn":"u",)"
                                       R"("preferred_username":"p"})"
                                    << "p";
        QTest::newRow("order: upn before email") << R"({"email":"e","upn":"u","sub":"s"})"
                                                 << "u";
        QTest::newRow("order: oid before sub") << R"({"sub":"s","oid":"o"})"
                                               << "o";
        QTest::newRow("blank claim skipped") << R"({"preferred_username":"  ","email":"e"})"
                                             << "e";
        QTest::newRow("non-string claim skipped") << R"({"preferred_username":42,"sub":"s"})"
                                                  << "s";
        QTest::newRow("trimmed") << R"({"email":" e@x "})"
                                 << "e@x";
        QTest::newRow("unicode") << R"({"preferred_username":"jürgen"})"
                                 << "jürgen";
        QTest::newRow("no identity claim") << R"({"iss":"https://login.example","aud":"mlflow"})"
                                           << "profile-user";
        QTest::newRow("empty object") << "{}"
                                      << "profile-user";
    }

    void bearerClaim()
    {
        QFETCH(QString, payload);
        QFETCH(QString, identity);
        QCOMPARE(QString::fromStdString(reviewerIdentity(bearer(jwt(payload.toStdString())))), identity);
    }

    void claimsInDocumentedOrder()
    {
        const auto claims =
            jwtIdentityClaims(jwt(R"({"sub":"s","exp":1,"email":"e","groups":["a"],"preferred_username":"p",)"
                                  R"("oid":7,"upn":"u"})"));
        QVERIFY(claims.has_value());
        const Claims expected = {{"preferred_username", "p"}, {"upn", "u"}, {"email", "e"}, {"sub", "s"}};
        QCOMPARE(*claims, expected);
        // A JWT without identity claims is still a JWT: an empty list, not nullopt.
        QCOMPARE(jwtIdentityClaims(jwt(R"({"exp":1})")), std::optional(Claims{}));
        // Padding and surrounding whitespace are tolerated.
        const std::string padded =
            base64Url(R"({"alg":"none"})") + "==." + base64Url(R"({"sub":"x"})") + "=.";
        QCOMPARE(jwtIdentityClaims(" " + padded + "\n"), std::optional(Claims{{"sub", "x"}}));
    }

    void malformedTokens_data()
    {
        QTest::addColumn<QString>("token");
        const std::string header = base64Url(R"({"alg":"RS256"})");
        const std::string payload = base64Url(R"({"sub":"x"})");
        QTest::newRow("empty") << "";
        QTest::newRow("opaque token") << "dapi0123456789abcdef";
        QTest::newRow("one dot") << QString::fromStdString(header + "." + payload);
        QTest::newRow("four parts") << QString::fromStdString(header + "." + payload + ".sig.x");
        QTest::newRow("JWE (five parts)") << QString::fromStdString(header + ".key.iv." + payload + ".tag");
        QTest::newRow("empty payload") << QString::fromStdString(header + "..sig");
        QTest::newRow("standard base64 characters") << QString::fromStdString(
            header + "." + payload.substr(0, 4) + "+/" + payload.substr(4) + ".sig");
        QTest::newRow("impossible length") << QString::fromStdString(header + "." + payload + "AA.sig");
        QTest::newRow("payload not JSON")
            << QString::fromStdString(header + "." + base64Url("not json") + ".sig");
        QTest::newRow("payload an array")
            << QString::fromStdString(header + "." + base64Url(R"(["sub"])") + ".sig");
        QTest::newRow("payload a string")
            << QString::fromStdString(header + "." + base64Url(R"("sub")") + ".sig");
        QTest::newRow("payload invalid UTF-8")
            << QString::fromStdString(header + "." + base64Url("{\"sub\":\"\xff\"}") + ".sig");
        QTest::newRow("header not JSON") << QString::fromStdString(base64Url("hdr") + "." + payload + ".sig");
        QTest::newRow("deeply nested payload")
            << QString::fromStdString(header + "." + base64Url(std::string(5000, '[')) + ".sig");
    }

    void malformedTokens()
    {
        QFETCH(QString, token);
        QVERIFY(!jwtIdentityClaims(token.toStdString()).has_value());
        QCOMPARE(reviewerIdentity(bearer(token.toStdString(), "fallback")), std::string("fallback"));
    }

    void authorsInOrderWithoutDuplicates()
    {
        ModelVersion version;
        version.userId = "Dana.Scientist";
        version.tags = {{kAuthorTag, " alex "}, {"mlflow.user", "not-read-from-the-version"}};
        Run run;
        run.info.userId = "ignored-run-user-id";
        run.tags = {{"mlflow.user", "dana.scientist"}, {kAuthorTag, "Kim"}};
        QCOMPARE(authorIdentities(version, run), (std::vector<std::string>{"Dana.Scientist", "alex", "Kim"}));

        // mlflow.user comes before the author tags; blank values are dropped.
        version.userId = "  ";
        QCOMPARE(authorIdentities(version, run), (std::vector<std::string>{"dana.scientist", "alex", "Kim"}));
        run.tags[kAuthorTag] = "ALEX";
        QCOMPARE(authorIdentities(version, run), (std::vector<std::string>{"dana.scientist", "alex"}));

        // Without the run only the version's own identities are known.
        QCOMPARE(authorIdentities(version, std::nullopt), std::vector<std::string>{"alex"});
        QVERIFY(authorIdentities(ModelVersion{}, std::nullopt).empty());
        QVERIFY(authorIdentities(ModelVersion{}, Run{}).empty());
    }

    void fourEyesMatch()
    {
        const std::vector<std::string> authors = {"Dana.Scientist", " kim "};
        QVERIFY(isAuthor("dana.scientist", authors));
        QVERIFY(isAuthor("DANA.SCIENTIST ", authors));
        QVERIFY(isAuthor("Kim", authors));
        QVERIFY(!isAuthor("dana", authors));
        QVERIFY(!isAuthor("riley", authors));
        QVERIFY(!isAuthor("", authors));
        QVERIFY(!isAuthor("  ", {"", "  "}));
        QVERIFY(!isAuthor("dana", {}));
        // ASCII folding only: a non-ASCII capital is a different name.
        QVERIFY(isAuthor("jürgen", {"JüRGEN"}));
        QVERIFY(!isAuthor("jürgen", {"JÜRGEN"}));
    }
};

QTEST_GUILESS_MAIN(TestIdentity)
#include "tst_identity.moc"
