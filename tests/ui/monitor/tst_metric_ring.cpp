// The live charts' ring buffers and the store of an endpoint's series: bounded (the capacity
// and the memory never grow, whatever is put), time-ordered with corrections of a second
// already held, back-filled in front, decimated so that a one-second spike survives a day's
// window, and exported as CSV. Fed plain values: no endpoint, no thread.
#include "monitor/metric_ring.h"
#include "monitor/monitor_series.h"

#include <cmath>
#include <limits>

#include <QFile>
#include <QTemporaryDir>
#include <QtTest/QtTest>

using namespace modelgate;
using namespace modelgate::ui;

namespace {

constexpr std::int64_t kStart = 1'764'846'000'000; // a Unix time in ms, on a whole second

MetricsBucket bucket(std::int64_t startMs, std::int64_t ok, std::int64_t client, std::int64_t server,
                     std::optional<double> p95 = std::nullopt)
{
    MetricsBucket out;
    out.startMs = startMs;
    out.status.ok2xx = ok;
    out.status.client4xx = client;
    out.status.server5xx = server;
    out.p50 = p95 ? std::optional<double>(*p95 / 2) : std::nullopt;
    out.p95 = p95;
    out.p99 = p95 ? std::optional<double>(*p95 * 2) : std::nullopt;
    return out;
}

// A report of `seconds` one-second steps from `fromMs` for two deployments: blue answers 10
// a second, green 2 with one 4xx.
MetricsReport twoDeployments(std::int64_t fromMs, int seconds, std::int64_t stepMs = 1000)
{
    MetricsReport report;
    report.endpoint = "ring-test";
    report.fromMs = fromMs;
    report.toMs = fromMs + seconds * stepMs;
    report.stepMs = stepMs;
    for (const char *name : {"blue", "green"}) {
        DeploymentMetrics deployment;
        deployment.deployment = name;
        for (int step = 0; step < seconds; ++step) {
            const std::int64_t at = fromMs + step * stepMs;
            deployment.buckets.push_back(std::string(name) == "blue"
                                             ? bucket(at, 10 * stepMs / 1000, 0, 0, 40.0)
                                             : bucket(at, stepMs / 1000, stepMs / 1000, 0, 90.0));
        }
        deployment.resources =
            ResourceUsage{std::string(name) == "blue" ? 35.0 : 80.0, 200LL * 1024 * 1024, 3};
        report.deployments.push_back(deployment);
    }
    report.newestDataMs = report.toMs - 1;
    return report;
}

} // namespace

class TestMetricRing final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void keepsTheNewestWhenItWrapsAround()
    {
        MetricRing ring(5);
        for (int second = 0; second < 12; ++second)
            ring.put(kStart + second * 1000, second);
        QCOMPARE(ring.capacity(), std::size_t(5));
        QCOMPARE(ring.size(), std::size_t(5));
        QCOMPARE(ring.oldest().timeMs, kStart + 7000);
        QCOMPARE(ring.newest().value, 11.0);
        for (std::size_t index = 0; index < ring.size(); ++index)
            QCOMPARE(ring.at(index).value, 7.0 + static_cast<double>(index));
        QCOMPARE(ring.lowerBound(kStart + 9000), std::size_t(2));
        QCOMPARE(ring.lowerBound(kStart), std::size_t(0));
        QCOMPARE(ring.lowerBound(kStart + 60'000), ring.size());
    }

    void correctsASecondItHoldsAndDropsOlderOnes()
    {
        MetricRing ring(10);
        for (int second = 0; second < 4; ++second)
            ring.put(kStart + second * 1000, 1);
        ring.put(kStart + 2000, 5);   // a request logged late: the second grows
        ring.put(kStart + 1500, 9);   // no such second: dropped, not inserted
        ring.put(kStart - 60'000, 9); // older than the ring: dropped
        QCOMPARE(ring.size(), std::size_t(4));
        QCOMPARE(ring.at(2).value, 5.0);
        QCOMPARE(ring.at(1).value, 1.0);
    }

    void backFillsInFrontWithoutGrowing()
    {
        MetricRing ring(6);
        ring.put(kStart + 60'000, 1);
        ring.put(kStart + 61'000, 2);
        std::vector<RingPoint> older;
        for (int minute = 0; minute < 8; ++minute)
            older.push_back({kStart - 600'000 + minute * 60'000, 100.0 + minute});
        older.push_back({kStart + 60'000, 999}); // overlaps what the ring has: not taken
        ring.prependOlder(older);
        QCOMPARE(ring.capacity(), std::size_t(6));
        QCOMPARE(ring.size(), std::size_t(6));
        // The newest of the older points are kept: the last four that fit.
        QCOMPARE(ring.at(0).value, 104.0);
        QCOMPARE(ring.at(3).value, 107.0);
        QCOMPARE(ring.at(4).value, 1.0);
        QCOMPARE(ring.newest().value, 2.0);
        for (std::size_t index = 1; index < ring.size(); ++index)
            QVERIFY(ring.at(index - 1).timeMs < ring.at(index).timeMs);
        // A full ring takes nothing more in front.
        ring.prependOlder({{kStart - 9'000'000, 7}});
        QCOMPARE(ring.oldest().value, 104.0);
    }

    void decimationKeepsTheExtremes()
    {
        // A day at one point a second, flat at 10 with one spike to 500 and one dip to 0.
        MetricRing ring;
        const std::int64_t day = 86'400;
        for (std::int64_t second = 0; second < day; ++second) {
            double value = 10;
            if (second == 43'210)
                value = 500;
            if (second == 70'001)
                value = 0;
            ring.put(kStart + second * 1000, value);
        }
        const std::size_t buckets = 600;
        const std::vector<RingPoint> shown = ring.decimated(kStart, kStart + day * 1000, buckets);
        QVERIFY2(shown.size() <= 2 * buckets, qPrintable(QString::number(shown.size())));
        QVERIFY(shown.size() >= buckets);
        double top = 0;
        double bottom = 1e9;
        for (std::size_t index = 0; index < shown.size(); ++index) {
            top = std::max(top, shown[index].value);
            bottom = std::min(bottom, shown[index].value);
            if (index > 0)
                QVERIFY(shown[index - 1].timeMs < shown[index].timeMs);
        }
        QCOMPARE(top, 500.0);
        QCOMPARE(bottom, 0.0);
        const auto spike =
            std::find_if(shown.begin(), shown.end(), [](const RingPoint &p) { return p.value == 500; });
        QCOMPARE(spike->timeMs, kStart + 43'210 * 1000);
        // A short window is not decimated: every point as it is.
        const std::vector<RingPoint> fiveMinutes =
            ring.decimated(kStart + 43'000'000, kStart + 43'300'000, buckets);
        QCOMPARE(fiveMinutes.size(), std::size_t(300));
    }

    void missingValuesBreakTheLine()
    {
        constexpr double missing = std::numeric_limits<double>::quiet_NaN();
        MetricRing ring(10);
        ring.put(kStart, 1);
        ring.put(kStart + 1000, missing);
        ring.put(kStart + 2000, missing);
        ring.put(kStart + 3000, 3);
        const std::vector<RingPoint> shown = ring.decimated(kStart, kStart + 4000, 100);
        // A run of missing seconds is one break, not a bridge from 1 to 3.
        QCOMPARE(shown.size(), std::size_t(3));
        QCOMPARE(shown[0].value, 1.0);
        QVERIFY(std::isnan(shown[1].value));
        QCOMPARE(shown[2].value, 3.0);
        QVERIFY(ring.decimated(kStart + 5000, kStart + 9000, 100).empty());

        // Decimated too: an hour of values with ten silent minutes in the middle.
        MetricRing hour(3600);
        for (int second = 0; second < 3600; ++second)
            hour.put(kStart + second * 1000, second >= 1500 && second < 2100 ? missing : 20.0);
        const std::vector<RingPoint> decimated = hour.decimated(kStart, kStart + 3'600'000, 100);
        const auto breaks = std::count_if(decimated.begin(), decimated.end(),
                                          [](const RingPoint &point) { return std::isnan(point.value); });
        QCOMPARE(breaks, 1);
        QVERIFY(!std::isnan(decimated.front().value) && !std::isnan(decimated.back().value));
    }

    void memoryStaysFlat()
    {
        MonitorSeriesStore store(3600);
        store.addLive(twoDeployments(kStart, 10));
        const std::size_t before = store.memoryBytes();
        QCOMPARE(before, std::size_t(2 * kMonitorMetricCount * 3600 * 16));
        // Ten hours of seconds into an hour's rings: the same memory, the newest hour kept.
        for (int chunk = 0; chunk < 36'000 / 60; ++chunk)
            store.addLive(twoDeployments(kStart + 10'000 + chunk * 60'000LL, 60));
        QCOMPARE(store.memoryBytes(), before);
        const MetricRing *rate = store.ring("blue", MonitorMetric::RequestRate);
        QVERIFY(rate);
        QCOMPARE(rate->capacity(), std::size_t(3600));
        QCOMPARE(rate->size(), std::size_t(3600));
        QCOMPARE(rate->newest().timeMs, kStart + 10'000 + 36'000'000LL - 1000);
    }

    void storesEveryMetricOfEveryDeployment()
    {
        MonitorSeriesStore store(600);
        store.addLive(twoDeployments(kStart + 120'000, 5));
        QCOMPARE(store.deployments(), (std::vector<std::string>{"blue", "green"}));
        const MetricRing *green4xx = store.ring("green", MonitorMetric::Client4xxRate);
        QCOMPARE(green4xx->size(), std::size_t(5));
        QCOMPARE(green4xx->newest().value, 1.0);
        QCOMPARE(store.ring("green", MonitorMetric::RequestRate)->newest().value, 2.0);
        QCOMPARE(store.ring("blue", MonitorMetric::LatencyP99)->newest().value, 80.0);
        // Resources are "now": one point at the report's last step.
        QCOMPARE(store.ring("green", MonitorMetric::CpuPercent)->size(), std::size_t(1));
        QCOMPARE(store.ring("blue", MonitorMetric::MemoryMiB)->newest().value, 200.0);
        QCOMPARE(store.ring("blue", MonitorMetric::CpuPercent)->newest().timeMs, kStart + 124'000);
        QVERIFY(store.ring("nobody", MonitorMetric::RequestRate) == nullptr);

        // A back-fill of the two minutes before, in 10-second steps, goes in front.
        store.addBackfill(twoDeployments(kStart, 12, 10'000));
        const MetricRing *rate = store.ring("blue", MonitorMetric::RequestRate);
        QCOMPARE(rate->size(), std::size_t(12 + 5));
        QCOMPARE(rate->oldest().timeMs, kStart);
        QCOMPARE(rate->oldest().value, 10.0); // 100 requests over 10 s: a rate, not a count
        QCOMPARE(store.oldestMs(), kStart);
        QCOMPARE(store.newestMs(), kStart + 124'000);
    }

    void exportsEveryPointAsCsv()
    {
        MonitorSeriesStore store(600);
        MetricsReport report = twoDeployments(kStart, 3);
        report.deployments[1].buckets[1].p95.reset(); // a second without a latency
        store.addLive(report);
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("metrics.csv"));
        QString error;
        QVERIFY2(store.writeCsv(path, kStart, kStart + 3000, &error), qPrintable(error));
        QFile file(path);
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QList<QByteArray> lines = file.readAll().trimmed().split('\n');
        QCOMPARE(lines.size(), 1 + 2 * 3);
        QCOMPARE(lines[0],
                 QByteArray("time,deployment,requests_per_s,ok_2xx_per_s,client_4xx_per_s,server_5xx_per_s,"
                            "p50_ms,p95_ms,p99_ms,cpu_percent,memory_mib"));
        QVERIFY2(lines[1].startsWith("2025-12-04T11:00:00.000Z,blue,10,10,0,0,20,40,80,,"),
                 lines[1].constData());
        QVERIFY2(lines[3].endsWith(",35,200"), lines[3].constData()); // the last second has the resources
        const QList<QByteArray> greenMiddle = lines[5].split(',');
        QCOMPARE(greenMiddle[1], QByteArray("green"));
        QCOMPARE(greenMiddle[7], QByteArray()); // no p95: an empty cell, not 0
        QVERIFY(!store.writeCsv(dir.filePath(QStringLiteral("missing/metrics.csv")), kStart, kStart + 1000,
                                &error));
        QVERIFY(!error.isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestMetricRing)
#include "tst_metric_ring.moc"
