#include "errors/error_text.h"
#include "shell/translations.h"

#include <QCoreApplication>
#include <QTranslator>
#include <QtTest/QtTest>

#include <modelgate/core/release/release_review.h>

using namespace modelgate;
using namespace modelgate::ui;

Q_DECLARE_METATYPE(modelgate::Error)
Q_DECLARE_METATYPE(modelgate::ui::Operation)

namespace {

Error makeError(ErrorKind kind, int status = 0, std::string code = {}, std::string message = {},
                std::string field = {})
{
    Error error;
    error.kind = kind;
    error.httpStatus = status;
    error.code = std::move(code);
    error.message = std::move(message);
    error.field = std::move(field);
    error.url = "http://mlflow.example.com:5000/api/2.0/mlflow/registered-models/search?max_results=100";
    return error;
}

const Operation allOperations[] = {Operation::ListModels, Operation::ListVersions, Operation::LoadRun,
                                   Operation::LoadSignature, Operation::TestConnection};

} // namespace

class TestErrorText : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void everyKindHasAnActionableMessage_data()
    {
        QTest::addColumn<Error>("error");
        QTest::addColumn<QString>("expected"); // a fragment the message must contain
        QTest::newRow("refused") << makeError(ErrorKind::Transport, 0, "CURLE_COULDNT_CONNECT", "refused")
                                 << QStringLiteral("mlflow.example.com:5000 cannot be reached");
        QTest::newRow("dns") << makeError(ErrorKind::Transport, 0, "CURLE_COULDNT_RESOLVE_HOST")
                             << QStringLiteral("could not be found");
        QTest::newRow("timeout") << makeError(ErrorKind::Transport, 0, "CURLE_OPERATION_TIMEDOUT")
                                 << QStringLiteral("did not answer in time");
        QTest::newRow("tls verify") << makeError(ErrorKind::Transport, 0, "CURLE_PEER_FAILED_VERIFICATION")
                                    << QStringLiteral("CA bundle");
        QTest::newRow("tls other") << makeError(ErrorKind::Transport, 0, "CURLE_SSL_CONNECT_ERROR")
                                   << QStringLiteral("secure (TLS) connection");
        QTest::newRow("reset") << makeError(ErrorKind::Transport, 0, "CURLE_RECV_ERROR")
                               << QStringLiteral("broke off");
        QTest::newRow("other transport") << makeError(ErrorKind::Transport, 0, "CURLE_WEIRD_SERVER_REPLY")
                                         << QStringLiteral("CURLE_WEIRD_SERVER_REPLY");
        QTest::newRow("401 plain") << makeError(ErrorKind::HttpStatus, 401)
                                   << QStringLiteral("user name and password");
        QTest::newRow("401 api") << makeError(ErrorKind::Api, 401, "UNAUTHENTICATED", "bad credentials")
                                 << QStringLiteral("user name and password");
        QTest::newRow("403") << makeError(ErrorKind::Api, 403, "PERMISSION_DENIED", "nope")
                             << QStringLiteral("no permission");
        QTest::newRow("404 html") << makeError(ErrorKind::HttpStatus, 404) << QStringLiteral("HTTP 404");
        QTest::newRow("429") << makeError(ErrorKind::HttpStatus, 429) << QStringLiteral("slow down");
        QTest::newRow("502") << makeError(ErrorKind::HttpStatus, 502)
                             << QStringLiteral("temporarily unavailable");
        QTest::newRow("500") << makeError(ErrorKind::Api, 500, "INTERNAL_ERROR", "boom")
                             << QStringLiteral("internal error (HTTP 500)");
        QTest::newRow("400 api") << makeError(ErrorKind::Api, 400, "INVALID_PARAMETER_VALUE", "bad filter")
                                 << QStringLiteral("INVALID_PARAMETER_VALUE): bad filter");
        QTest::newRow("418 plain") << makeError(ErrorKind::HttpStatus, 418)
                                   << QStringLiteral("HTTP status 418");
        QTest::newRow("parse field") << makeError(ErrorKind::Parse, 200, {}, "bad",
                                                  "registered_models[3].name")
                                     << QStringLiteral("“registered_models[3].name” is malformed");
        QTest::newRow("parse body") << makeError(ErrorKind::Parse, 200, {}, "not JSON")
                                    << QStringLiteral("not valid JSON");
        QTest::newRow("config") << makeError(ErrorKind::Config, 0, {}, "the tracking URI has no host")
                                << QStringLiteral("the tracking URI has no host");
        QTest::newRow("cancelled") << makeError(ErrorKind::Cancelled) << QStringLiteral("Cancelled.");
    }

    void everyKindHasAnActionableMessage()
    {
        QFETCH(Error, error);
        QFETCH(QString, expected);
        for (const Operation operation : allOperations) {
            const QString message = userMessage(error, operation);
            QVERIFY2(message.contains(expected), qPrintable(message));
            // No unfilled placeholders, never the raw kind name.
            QVERIFY2(!message.contains(QRegularExpression(QStringLiteral("%\\d"))), qPrintable(message));
        }
    }

    void operationDecidesTheFirstSentenceAnd404()
    {
        const Error notFound = makeError(ErrorKind::Api, 404, "RESOURCE_DOES_NOT_EXIST", "not found");
        QVERIFY(userMessage(notFound, Operation::ListModels)
                    .startsWith(u"Could not load the registered models."));
        QVERIFY(userMessage(notFound, Operation::ListModels).contains(u"path prefix"));
        QVERIFY(userMessage(notFound, Operation::ListVersions).contains(u"no longer exists"));
        QVERIFY(userMessage(notFound, Operation::LoadRun).contains(u"run no longer exists"));
        QVERIFY(userMessage(notFound, Operation::LoadSignature).contains(u"model files"));
        QVERIFY(userMessage(notFound, Operation::TestConnection).startsWith(u"The connection test failed."));
        // Every operation has its own first sentence.
        QSet<QString> firsts;
        for (const Operation operation : allOperations)
            firsts.insert(userMessage(notFound, operation).section(u'.', 0, 0));
        QCOMPARE(firsts.size(), int(std::size(allOperations)));
    }

    void authenticationErrorsOfferEditingTheWorkspace()
    {
        QVERIFY(isAuthenticationError(makeError(ErrorKind::HttpStatus, 401)));
        QVERIFY(isAuthenticationError(makeError(ErrorKind::Api, 401, "UNAUTHENTICATED")));
        QVERIFY(!isAuthenticationError(makeError(ErrorKind::HttpStatus, 403)));
        QVERIFY(!isAuthenticationError(makeError(ErrorKind::Transport, 0, "CURLE_COULDNT_CONNECT")));
    }

    void releaseRefusalsAreWordedFromTheirCode()
    {
        const QString fourEyes = userMessage(
            makeError(ErrorKind::Refused, 0, kRefusedFourEyes, "dana is an author (mlflow.user of run r)"),
            Operation::DecideRelease);
        QVERIFY2(fourEyes.contains(u"four-eyes rule"), qPrintable(fourEyes));
        QVERIFY(!fourEyes.contains(u"mlflow.user of run")); // core's English is not shown for a known code
        const QString unknown =
            userMessage(makeError(ErrorKind::Refused, 0, "some_new_rule", "a rule from a newer core"),
                        Operation::DecideRelease);
        QVERIFY2(unknown.contains(u"a rule from a newer core"), qPrintable(unknown));
        for (const char *code : {kRefusedFourEyes, kRefusedChecksFailed, kRefusedConflict,
                                 kRefusedNothingToRevoke, kRefusedAlreadyDecided, kRefusedBreakGlass,
                                 kRefusedNotEnrolled, kRefusedTrailBroken, kRefusedNoIdentity})
            QVERIFY(!userMessage(makeError(ErrorKind::Refused, 0, code, "CORE"), Operation::DecideRelease)
                         .contains(u"CORE"));
    }

    void germanTranslation()
    {
        QVERIFY(
            installTranslations(QCoreApplication::instance(), QLocale(QLocale::German, QLocale::Germany)));
        const QString refused =
            userMessage(makeError(ErrorKind::Transport, 0, "CURLE_COULDNT_CONNECT"), Operation::ListModels);
        QVERIFY2(refused.startsWith(u"Die registrierten Modelle konnten nicht geladen werden."),
                 qPrintable(refused));
        QVERIFY2(refused.contains(u"mlflow.example.com:5000"), qPrintable(refused));
        const QString unauthorized =
            userMessage(makeError(ErrorKind::HttpStatus, 401), Operation::ListVersions);
        QVERIFY2(unauthorized.contains(u"Benutzername"), qPrintable(unauthorized));
        const QString parse = userMessage(makeError(ErrorKind::Parse, 200, {}, "bad", "versions[0].version"),
                                          Operation::ListVersions);
        QVERIFY2(parse.contains(u"versions[0].version"), qPrintable(parse));
        QVERIFY(!parse.contains(u"malformed"));
        const QString refusal =
            userMessage(makeError(ErrorKind::Refused, 0, kRefusedChecksFailed, "auc >= 0.85 fails"),
                        Operation::DecideRelease);
        QVERIFY2(refusal.contains(u"Vorabprüfung"), qPrintable(refusal));
        installTranslations(QCoreApplication::instance(), QLocale(QLocale::English, QLocale::UnitedStates));
    }
};

QTEST_MAIN(TestErrorText)
#include "tst_error_text.moc"
