// Pure helpers of core's HTTP layer: encodings, header lookup, error text, cancellation.

#include <chrono>
#include <thread>

#include <QtTest>

#include <modelgate/core/util/cancel_token.h>
#include <modelgate/core/http/http.h>
#include <modelgate/core/util/result.h>

using namespace modelgate;
using namespace std::chrono_literals;

namespace {

QByteArray bytes(const std::string &text)
{
    return QByteArray(text.data(), qsizetype(text.size()));
}

} // namespace

class TestHttpUtil final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void base64MatchesRfc4648Vectors_data();
    void base64MatchesRfc4648Vectors();
    void urlEncodeKeepsOnlyUnreservedCharacters_data();
    void urlEncodeKeepsOnlyUnreservedCharacters();
    void headerLookupIgnoresCase();
    void methodAndKindNames();
    void describeFormatsOneLine();
    void cancelTokenCopiesShareState();
    void noneTokenCannotBeCancelled();
    void sleepRunsItsCourseWhenNotCancelled();
    void sleepEndsPromptlyWhenCancelledFromAnotherThread();
    void sleepReturnsAtOnceWhenAlreadyCancelled();
};

void TestHttpUtil::base64MatchesRfc4648Vectors_data()
{
    QTest::addColumn<QByteArray>("input");
    QTest::addColumn<QByteArray>("expected");
    // RFC 4648 section 10.
    QTest::newRow("empty") << QByteArray() << QByteArray();
    QTest::newRow("f") << QByteArray("f") << QByteArray("Zg==");
    QTest::newRow("fo") << QByteArray("fo") << QByteArray("Zm8=");
    QTest::newRow("foo") << QByteArray("foo") << QByteArray("Zm9v");
    QTest::newRow("foob") << QByteArray("foob") << QByteArray("Zm9vYg==");
    QTest::newRow("fooba") << QByteArray("fooba") << QByteArray("Zm9vYmE=");
    QTest::newRow("foobar") << QByteArray("foobar") << QByteArray("Zm9vYmFy");
    // Bytes above 0x7f and NUL must not be sign-extended or cut off; '+' and '/' appear.
    QTest::newRow("binary") << QByteArray("\x00\xff\xfe\xfb\xef", 5) << QByteArray("AP/+++8=");
    QTest::newRow("basic credentials")
        << QByteArray("alice:s3cr\xc3\xa9t") << QByteArray("YWxpY2U6czNjcsOpdA==");
}

void TestHttpUtil::base64MatchesRfc4648Vectors()
{
    QFETCH(QByteArray, input);
    QFETCH(QByteArray, expected);
    QCOMPARE(bytes(base64Encode(input.toStdString())), expected);
    // Cross-check against an independent implementation.
    QCOMPARE(bytes(base64Encode(input.toStdString())), input.toBase64());
}

void TestHttpUtil::urlEncodeKeepsOnlyUnreservedCharacters_data()
{
    QTest::addColumn<QByteArray>("input");
    QTest::addColumn<QByteArray>("expected");
    QTest::newRow("empty") << QByteArray() << QByteArray();
    QTest::newRow("unreserved") << QByteArray("AZaz09-._~") << QByteArray("AZaz09-._~");
    QTest::newRow("space") << QByteArray("my model") << QByteArray("my%20model");
    QTest::newRow("reserved") << QByteArray("a+b=c&d/e?f#g:h@i%")
                              << QByteArray("a%2Bb%3Dc%26d%2Fe%3Ff%23g%3Ah%40i%25");
    QTest::newRow("utf-8") << QByteArray("mod\xc3\xa8le") << QByteArray("mod%C3%A8le");
    QTest::newRow("nul and control") << QByteArray("a\0b\n", 4) << QByteArray("a%00b%0A");
    QTest::newRow("quote") << QByteArray("name='x'") << QByteArray("name%3D%27x%27");
}

void TestHttpUtil::urlEncodeKeepsOnlyUnreservedCharacters()
{
    QFETCH(QByteArray, input);
    QFETCH(QByteArray, expected);
    QCOMPARE(bytes(urlEncode(input.toStdString())), expected);
    QCOMPARE(bytes(urlEncode(input.toStdString())), input.toPercentEncoding());
}

void TestHttpUtil::headerLookupIgnoresCase()
{
    HttpResponse response;
    response.headers = {{"content-type", "application/json"}, {"retry-after", "5"}, {"retry-after", "9"}};
    QCOMPARE(bytes(response.header("Content-Type")), QByteArray("application/json"));
    QCOMPARE(bytes(response.header("RETRY-AFTER")), QByteArray("5")); // the first one wins
    QVERIFY(response.header("x-missing").empty());
}

void TestHttpUtil::methodAndKindNames()
{
    QCOMPARE(wireName(HttpMethod::Get), "GET");
    QCOMPARE(wireName(HttpMethod::Post), "POST");
    QCOMPARE(wireName(HttpMethod::Patch), "PATCH");
    QCOMPARE(wireName(HttpMethod::Delete), "DELETE");
    QCOMPARE(wireName(ErrorKind::Transport), "Transport");
    QCOMPARE(wireName(ErrorKind::HttpStatus), "HttpStatus");
    QCOMPARE(wireName(ErrorKind::Api), "Api");
    QCOMPARE(wireName(ErrorKind::Parse), "Parse");
    QCOMPARE(wireName(ErrorKind::Cancelled), "Cancelled");
    QCOMPARE(wireName(ErrorKind::Config), "Config");
}

void TestHttpUtil::describeFormatsOneLine()
{
    Error api;
    api.kind = ErrorKind::Api;
    api.httpStatus = 404;
    api.code = "RESOURCE_DOES_NOT_EXIST";
    api.message = "Registered Model with name=x not found";
    api.url = "http://localhost/api";
    QCOMPARE(bytes(api.describe()),
             QByteArray("HTTP 404 RESOURCE_DOES_NOT_EXIST: Registered Model with name=x not found"));

    Error transport;
    transport.code = "CURLE_COULDNT_CONNECT";
    transport.message = "Failed to connect";
    QCOMPARE(bytes(transport.describe()), QByteArray("CURLE_COULDNT_CONNECT: Failed to connect"));

    Error plainStatus;
    plainStatus.kind = ErrorKind::HttpStatus;
    plainStatus.httpStatus = 502;
    QCOMPARE(bytes(plainStatus.describe()), QByteArray("HTTP 502"));

    Error cancelled;
    cancelled.kind = ErrorKind::Cancelled;
    cancelled.message = "the request was cancelled";
    QCOMPARE(bytes(cancelled.describe()), QByteArray("Cancelled: the request was cancelled"));

    Error parse;
    parse.kind = ErrorKind::Parse;
    parse.httpStatus = 200;
    parse.message = "expected a string";
    parse.field = "registered_models[3].name";
    QCOMPARE(bytes(parse.describe()),
             QByteArray("HTTP 200: expected a string (at registered_models[3].name)"));
}

void TestHttpUtil::cancelTokenCopiesShareState()
{
    const CancelToken token;
    const CancelToken copy = token;
    const CancelToken other;
    QVERIFY(!token.isCancelled());
    copy.cancel();
    QVERIFY(token.isCancelled());
    QVERIFY(copy.isCancelled());
    QVERIFY(!other.isCancelled());
}

void TestHttpUtil::noneTokenCannotBeCancelled()
{
    // none() is shared process-wide: cancelling it would cancel every caller that uses it.
    CancelToken::none().cancel();
    QVERIFY(!CancelToken::none().isCancelled());
    const CancelToken copyOfNone = CancelToken::none();
    copyOfNone.cancel();
    QVERIFY(!CancelToken::none().isCancelled());
}

void TestHttpUtil::sleepRunsItsCourseWhenNotCancelled()
{
    const CancelToken token;
    QElapsedTimer timer;
    timer.start();
    QVERIFY(sleepUnlessCancelled(120ms, token));
    QVERIFY2(timer.elapsed() >= 120, qPrintable(QString::number(timer.elapsed())));
    QVERIFY(sleepUnlessCancelled(0ms, token));
}

void TestHttpUtil::sleepEndsPromptlyWhenCancelledFromAnotherThread()
{
    const CancelToken token;
    QElapsedTimer timer;
    timer.start();
    std::thread canceller([token] {
        std::this_thread::sleep_for(100ms); // the delay under test, not synchronisation
        token.cancel();
    });
    const bool completed = sleepUnlessCancelled(20s, token);
    const qint64 elapsed = timer.elapsed();
    canceller.join();
    QVERIFY(!completed);
    QVERIFY2(elapsed < 1000, qPrintable(QString::number(elapsed)));
}

void TestHttpUtil::sleepReturnsAtOnceWhenAlreadyCancelled()
{
    const CancelToken token;
    token.cancel();
    QElapsedTimer timer;
    timer.start();
    QVERIFY(!sleepUnlessCancelled(10s, token));
    QVERIFY(!sleepUnlessCancelled(0ms, token));
    QVERIFY(timer.elapsed() < 500);
}

QTEST_GUILESS_MAIN(TestHttpUtil)
#include "tst_http_util.moc"
