// HAProxy's request log lines as core/monitor reads them, and the exact statistics over them.
#include <QTest>

#include <modelgate/core/deploy/local_target.h>
#include <modelgate/core/monitor/local_metrics.h>
#include <modelgate/core/monitor/metrics.h>

using namespace modelgate;

class TestRequestLog final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void readsTheFormatTheRouterWrites()
    {
        // The format string HAProxy is given, with its fields as HAProxy fills them.
        QCOMPARE(std::string(kRequestLogFormat), std::string("mg1 %Ts.%ms %b/%s %ST %Ta %Tr %B"));
        const auto line = parseRequestLogLine("mg1 1764846192.045 deployments/blue 200 14 12 245\n");
        QVERIFY(line.has_value());
        QCOMPARE(line->timeMs, std::int64_t(1764846192045));
        QCOMPARE(line->backend, std::string("deployments"));
        QCOMPARE(line->server, std::string("blue"));
        QCOMPARE(line->status, 200);
        QCOMPARE(line->totalMs, 14);
        QCOMPARE(line->responseMs, 12);
        QCOMPARE(line->bytes, std::int64_t(245));
    }

    void readsRequestsNoServerAnswered()
    {
        const auto line = parseRequestLogLine("mg1 1764846192.100 scoring/<NOSRV> 404 0 -1 311");
        QVERIFY(line.has_value());
        QCOMPARE(line->server, std::string("<NOSRV>"));
        QCOMPARE(line->responseMs, -1);
        const auto aborted = parseRequestLogLine("mg1 1764846192.100 deployments/blue -1 5003 -1 0");
        QVERIFY(aborted.has_value());
        QCOMPARE(aborted->status, -1);
    }

    void skipsEverythingElse_data()
    {
        QTest::addColumn<QString>("line");
        QTest::newRow("empty") << QString();
        QTest::newRow("old httplog") << QStringLiteral("127.0.0.1:40000 [04/Dec/2026:10:00:00.123] scoring "
                                                       "deployments/blue 0/0/1/12/13 200 123 - - ---- "
                                                       "1/1/0/0/0 0/0 \"POST /invocations HTTP/1.1\"");
        QTest::newRow("startup message") << QStringLiteral("[NOTICE]   (12) : New worker (13) forked");
        QTest::newRow("cut by a rotation") << QStringLiteral("mg1 1764846192.045 deployments/bl");
        QTest::newRow("no millis") << QStringLiteral("mg1 1764846192 deployments/blue 200 14 12 245");
        QTest::newRow("two-digit millis")
            << QStringLiteral("mg1 1764846192.04 deployments/blue 200 14 12 245");
        QTest::newRow("no server") << QStringLiteral("mg1 1764846192.045 deployments 200 14 12 245");
        QTest::newRow("text status") << QStringLiteral("mg1 1764846192.045 deployments/blue OK 14 12 245");
        QTest::newRow("extra field") << QStringLiteral("mg1 1764846192.045 deployments/blue 200 14 12 245 x");
        QTest::newRow("huge number") << QStringLiteral(
            "mg1 1764846192.045 deployments/blue 200 99999999999 12 245");
        // Found by fuzzing: seconds whose milliseconds overflow 64 bits.
        QTest::newRow("time beyond the year 3000")
            << QStringLiteral("mg1 1764846191764846192.045 deployments/blue 200 14 12 245");
        QTest::newRow("negative time") << QStringLiteral("mg1 -1.045 deployments/blue 200 14 12 245");
        QTest::newRow("binary") << QString::fromLatin1("mg1 \x01\x02\x03 \xff/\xfe 200 1 1 1");
    }

    void skipsEverythingElse()
    {
        QFETCH(QString, line);
        const QByteArray bytes = line.toLatin1();
        QVERIFY(
            !parseRequestLogLine(std::string_view(bytes.constData(), static_cast<std::size_t>(bytes.size())))
                 .has_value());
    }

    void percentilesAreNearestRank()
    {
        LatencyHistogram latency;
        QVERIFY(!latency.percentile(95).has_value());
        for (int ms = 1; ms <= 100; ++ms)
            latency.add(ms);
        QCOMPARE(latency.count(), std::int64_t(100));
        QCOMPARE(*latency.percentile(50), 50.0);
        QCOMPARE(*latency.percentile(95), 95.0);
        QCOMPARE(*latency.percentile(99), 99.0);
        QCOMPARE(*latency.percentile(100), 100.0);
        QCOMPARE(*latency.percentile(0), 1.0);
        LatencyHistogram slow;
        slow.add(2000, 5); // 5 % of the merged samples
        latency.merge(slow);
        QCOMPARE(latency.count(), std::int64_t(105));
        // Rank ceil(0.95 x 105) = 100: the slowest of the fast ones; rank 104 (p99) is a slow one.
        QCOMPARE(*latency.percentile(95), 100.0);
        QCOMPARE(*latency.percentile(99), 2000.0);
    }

    void statusClassesAndShares()
    {
        RequestStats stats;
        stats.seconds = 10;
        for (int status : {200, 201, 204, 400, 404, 500, 503, 302, -1, 200})
            stats.status.add(status);
        QCOMPARE(stats.status.ok2xx, std::int64_t(4));
        QCOMPARE(stats.status.client4xx, std::int64_t(2));
        QCOMPARE(stats.status.server5xx, std::int64_t(2));
        QCOMPARE(stats.status.other, std::int64_t(2));
        QCOMPARE(stats.requests(), std::int64_t(10));
        QCOMPARE(stats.ratePerSecond(), 1.0);
        QCOMPARE(stats.errorPercent(), 40.0);
        QCOMPARE(stats.serverErrorPercent(), 20.0);
        const RequestStats none;
        QCOMPARE(none.errorPercent(), 0.0);
        QCOMPARE(none.ratePerSecond(), 0.0);
    }

    void windows()
    {
        QCOMPARE(parseWindow("5m").value_or(0), 300);
        QCOMPARE(parseWindow("90s").value_or(0), 90);
        QCOMPARE(parseWindow("1h").value_or(0), 3600);
        QCOMPARE(parseWindow("1d").value_or(0), 86400);
        for (const char *bad : {"", "5", "m", "0m", "-5m", "5 m", "5min", "99999999h", "1.5h"})
            QVERIFY2(!parseWindow(bad).has_value(), bad);
        QCOMPARE(describeWindow(300), std::string("5m"));
        QCOMPARE(describeWindow(90), std::string("90s"));
        QCOMPARE(describeWindow(7200), std::string("2h"));
    }
};

QTEST_APPLESS_MAIN(TestRequestLog)
#include "tst_request_log.moc"
