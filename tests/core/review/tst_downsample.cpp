// LTTB downsampling: size, endpoints, order, identity for small inputs, spikes survive,
// non-finite values dropped, unsorted input sorted stably, metric fields preserved.
#include <cmath>
#include <limits>
#include <random>

#include <QTest>

#include <modelgate/core/review/downsample.h>

using namespace modelgate;

namespace {

std::vector<SeriesPoint> noisySeries(std::size_t n, unsigned seed)
{
    std::mt19937 rng(seed);
    std::normal_distribution<double> noise(0.0, 0.05);
    std::vector<SeriesPoint> points;
    points.reserve(n);
    for (std::size_t i = 0; i < n; ++i)
        points.push_back({static_cast<double>(i), std::exp(-static_cast<double>(i) / 2000.0) + noise(rng)});
    return points;
}

} // namespace

class TestDownsample final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void outputSizeAndEndpoints_data()
    {
        QTest::addColumn<int>("n");
        QTest::addColumn<int>("threshold");
        QTest::addColumn<int>("expected");
        QTest::newRow("100k to 2000") << 100000 << 2000 << 2000;
        QTest::newRow("1000 to 3") << 1000 << 3 << 3;
        QTest::newRow("1000 to 999") << 1000 << 999 << 999;
        QTest::newRow("7 to 5") << 7 << 5 << 5;
        QTest::newRow("threshold 2") << 50 << 2 << 2;
        QTest::newRow("threshold 1 keeps both ends") << 50 << 1 << 2;
        QTest::newRow("threshold 0 keeps both ends") << 50 << 0 << 2;
        QTest::newRow("n equals threshold") << 500 << 500 << 500;
        QTest::newRow("n below threshold") << 10 << 2000 << 10;
    }

    void outputSizeAndEndpoints()
    {
        QFETCH(int, n);
        QFETCH(int, threshold);
        QFETCH(int, expected);
        const auto input = noisySeries(static_cast<std::size_t>(n), 7);
        const auto output = downsampleLttb(input, static_cast<std::size_t>(threshold));
        QCOMPARE(output.size(), static_cast<std::size_t>(expected));
        QCOMPARE(output.front().x, input.front().x);
        QCOMPARE(output.front().y, input.front().y);
        QCOMPARE(output.back().x, input.back().x);
        QCOMPARE(output.back().y, input.back().y);
        for (std::size_t i = 1; i < output.size(); ++i)
            QVERIFY(output[i - 1].x < output[i].x); // strictly increasing: no point taken twice
    }

    void smallInputIsReturnedUnchanged()
    {
        const auto input = noisySeries(100, 3);
        const auto output = downsampleLttb(input, 100);
        QCOMPARE(output.size(), input.size());
        for (std::size_t i = 0; i < input.size(); ++i) {
            QCOMPARE(output[i].x, input[i].x);
            QCOMPARE(output[i].y, input[i].y);
        }
        QVERIFY(downsampleLttb({}, 10).empty());
        QCOMPARE(downsampleLttb({{1.0, 2.0}}, 0).size(), std::size_t{1});
    }

    void spikesArePreserved()
    {
        // A flat line with one spike up and one spike down, far from bucket edges.
        std::vector<SeriesPoint> input;
        for (int i = 0; i < 10000; ++i)
            input.push_back({static_cast<double>(i), 1.0});
        input[3217].y = 50.0;
        input[7781].y = -40.0;
        const auto output = downsampleLttb(input, 100);
        QCOMPARE(output.size(), std::size_t{100});
        const auto has = [&](double x, double y) {
            return std::any_of(output.begin(), output.end(),
                               [&](const SeriesPoint &p) { return p.x == x && p.y == y; });
        };
        QVERIFY(has(3217.0, 50.0));
        QVERIFY(has(7781.0, -40.0));
    }

    void everyOutputPointComesFromTheInput()
    {
        const auto input = noisySeries(5000, 11);
        const auto output = downsampleLttb(input, 300);
        std::size_t cursor = 0;
        for (const auto &point : output) {
            while (cursor < input.size() && input[cursor].x != point.x)
                ++cursor;
            QVERIFY(cursor < input.size());
            QCOMPARE(input[cursor].y, point.y);
        }
    }

    void nonFiniteValuesAreDropped()
    {
        const double nan = std::numeric_limits<double>::quiet_NaN();
        const double inf = std::numeric_limits<double>::infinity();
        std::vector<SeriesPoint> input{{0, 1}, {1, nan}, {2, 3}, {3, inf}, {4, -inf}, {nan, 1}, {5, 2}};
        const auto small = downsampleLttb(input, 100);
        QCOMPARE(small.size(), std::size_t{3});
        for (const auto &point : small)
            QVERIFY(std::isfinite(point.x) && std::isfinite(point.y));

        std::vector<SeriesPoint> big = noisySeries(1000, 5);
        big[0].y = nan; // a non-finite first point: the first FINITE point becomes the kept start
        big[500].y = inf;
        const auto output = downsampleLttb(big, 50);
        QCOMPARE(output.size(), std::size_t{50});
        QCOMPARE(output.front().x, 1.0);
        for (const auto &point : output)
            QVERIFY(std::isfinite(point.y));
    }

    void unsortedInputIsSortedStably()
    {
        std::vector<SeriesPoint> input{{5, 50}, {1, 10}, {3, 30}, {1, 11}, {2, 20}};
        const auto output = downsampleLttb(input, 10);
        QCOMPARE(output.size(), std::size_t{5});
        QCOMPARE(output[0].y, 10.0); // two points at x=1 keep their order
        QCOMPARE(output[1].y, 11.0);
        QCOMPARE(output[2].x, 2.0);
        QCOMPARE(output[4].x, 5.0);
    }

    void metricHistoryKeepsFields()
    {
        std::vector<Metric> history;
        for (int step = 4999; step >= 0; --step) // newest first, as some callers collect it
            history.push_back({"loss", 1.0 / (step + 1), 1000 + step, step, "run-a"});
        history[10].value = std::numeric_limits<double>::quiet_NaN();
        QCOMPARE(countNonFinite(history), std::size_t{1});
        const auto output = downsampleMetricHistory(history, 200);
        QCOMPARE(output.size(), std::size_t{200});
        QCOMPARE(output.front().step, std::int64_t{0});
        QCOMPARE(output.back().step, std::int64_t{4999});
        for (std::size_t i = 0; i < output.size(); ++i) {
            QCOMPARE(output[i].key, std::string("loss"));
            QCOMPARE(output[i].runId, std::string("run-a"));
            QCOMPARE(output[i].timestamp, 1000 + output[i].step);
            if (i > 0)
                QVERIFY(output[i - 1].step < output[i].step);
        }
    }

    void indicesForSortedInput()
    {
        const auto input = noisySeries(1000, 2);
        const auto kept = lttbIndices(input, 10);
        QCOMPARE(kept.size(), std::size_t{10});
        QCOMPARE(kept.front(), std::size_t{0});
        QCOMPARE(kept.back(), std::size_t{999});
        // One point per bucket: the 8 inner ones lie in successive eighths of 1..998.
        for (std::size_t bucket = 0; bucket < 8; ++bucket) {
            const double every = 998.0 / 8.0;
            QVERIFY(kept[bucket + 1] >= static_cast<std::size_t>(std::floor(every * bucket)) + 1);
            QVERIFY(kept[bucket + 1] < static_cast<std::size_t>(std::floor(every * (bucket + 1))) + 1);
        }
    }
};

QTEST_GUILESS_MAIN(TestDownsample)
#include "tst_downsample.moc"
