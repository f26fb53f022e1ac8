// parallelMap / runBounded: results in input order, the concurrency bound holds, exceptions
// become Errors, cancellation skips the tasks not yet started.
#include <atomic>
#include <chrono>
#include <stdexcept>
#include <thread>

#include <QTest>

#include <modelgate/core/util/parallel.h>

using namespace modelgate;
using namespace std::chrono_literals;

class TestParallel final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void resultsComeBackInInputOrder()
    {
        std::vector<int> items(200);
        for (int i = 0; i < 200; ++i)
            items[static_cast<std::size_t>(i)] = i;
        // Later items finish first: order must come from the index, not from completion.
        const auto results = parallelMap(
            items, 8,
            [](const int &item) -> Result<int> {
                std::this_thread::sleep_for(std::chrono::microseconds((200 - item) * 20));
                return item * item;
            },
            CancelToken::none());
        QCOMPARE(results.size(), std::size_t{200});
        for (int i = 0; i < 200; ++i) {
            QVERIFY(results[static_cast<std::size_t>(i)].ok());
            QCOMPARE(results[static_cast<std::size_t>(i)].value(), i * i);
        }
    }

    void boundIsRespected_data()
    {
        QTest::addColumn<int>("bound");
        QTest::addColumn<int>("items");
        QTest::newRow("1 of 10") << 1 << 10;
        QTest::newRow("3 of 30") << 3 << 30;
        QTest::newRow("8 of 40") << 8 << 40;
        QTest::newRow("bound above count") << 16 << 5;
        QTest::newRow("0 counts as 1") << 0 << 6;
    }

    void boundIsRespected()
    {
        QFETCH(int, bound);
        QFETCH(int, items);
        std::atomic<int> running{0};
        std::atomic<int> peak{0};
        const std::vector<int> input(static_cast<std::size_t>(items), 0);
        const auto results = parallelMap(
            input, static_cast<std::size_t>(bound),
            [&](const int &) -> Result<int> {
                const int now = ++running;
                int seen = peak.load();
                while (now > seen && !peak.compare_exchange_weak(seen, now)) {
                }
                std::this_thread::sleep_for(5ms);
                --running;
                return 0;
            },
            CancelToken::none());
        QCOMPARE(results.size(), static_cast<std::size_t>(items));
        const int expectedPeak = std::min(std::max(bound, 1), items);
        QVERIFY2(peak.load() <= expectedPeak, qPrintable(QString::number(peak.load())));
        // With 5 ms tasks the pool really runs in parallel (not one by one).
        QVERIFY2(peak.load() >= std::min(2, expectedPeak), qPrintable(QString::number(peak.load())));
    }

    void exceptionsBecomeErrors()
    {
        const std::vector<int> input{1, 2, 3, 4};
        const auto results = parallelMap(
            input, 2,
            [](const int &item) -> Result<int> {
                if (item == 2)
                    throw std::runtime_error("boom");
                if (item == 3)
                    throw 42;
                return item;
            },
            CancelToken::none());
        QVERIFY(results[0].ok());
        QVERIFY(!results[1].ok());
        QVERIFY(results[1].error().message.find("boom") != std::string::npos);
        QCOMPARE(results[1].error().code, std::string("internal"));
        QVERIFY(!results[2].ok());
        QVERIFY(results[3].ok());
        QCOMPARE(results[3].value(), 4);
    }

    void cancellationSkipsTasksNotStarted()
    {
        CancelToken cancel;
        std::atomic<int> started{0};
        const std::vector<int> input(50, 0);
        const auto results = parallelMap(
            input, 2,
            [&](const int &) -> Result<int> {
                if (++started == 4)
                    cancel.cancel();
                std::this_thread::sleep_for(2ms);
                return 1;
            },
            cancel);
        QCOMPARE(results.size(), std::size_t{50});
        int ran = 0;
        int cancelled = 0;
        for (const auto &result : results) {
            if (result.ok())
                ++ran;
            else if (result.error().kind == ErrorKind::Cancelled)
                ++cancelled;
        }
        QCOMPARE(ran, started.load());
        QVERIFY2(ran <= 5,
                 qPrintable(QString::number(ran))); // the 4th cancels; at most one more was in flight
        QCOMPARE(ran + cancelled, 50);
    }

    void alreadyCancelledRunsNothing()
    {
        CancelToken cancel;
        cancel.cancel();
        std::atomic<int> calls{0};
        const std::vector<int> input(5, 0);
        const auto results = parallelMap(
            input, 4,
            [&](const int &) -> Result<int> {
                ++calls;
                return 1;
            },
            cancel);
        QCOMPARE(calls.load(), 0);
        for (const auto &result : results)
            QCOMPARE(result.error().kind, ErrorKind::Cancelled);
    }

    void emptyInputAndInvoke()
    {
        const auto results = parallelMap(
            std::vector<int>{}, 4, [](const int &item) -> Result<int> { return item; }, CancelToken::none());
        QVERIFY(results.empty());

        std::atomic<int> a{0};
        std::atomic<int> b{0};
        parallelInvoke({[&] { a = 1; }, [&] { throw std::runtime_error("ignored"); }, [&] { b = 2; }, {}}, 3,
                       CancelToken::none());
        QCOMPARE(a.load(), 1);
        QCOMPARE(b.load(), 2);
    }
};

QTEST_GUILESS_MAIN(TestParallel)
#include "tst_parallel.moc"
