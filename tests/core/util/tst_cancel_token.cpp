// Cancellation as a tree with deadlines: what an operation of several steps (a rollout, a
// long-running Azure operation) needs to stop one step, all of it, or everything at a time.
#include "misbehaving_server.h"
#include "result_assertions.h"

#include <chrono>
#include <thread>

#include <QtTest/QtTest>

#include <modelgate/core/http/http.h>
#include <modelgate/core/util/cancel_token.h>

using namespace modelgate;
using namespace std::chrono_literals;

class TestCancelToken final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void cancellingAParentCancelsItsChildren()
    {
        const CancelToken operation;
        const CancelToken step = operation.child();
        const CancelToken grandChild = step.child();
        QVERIFY(!grandChild.isCancelled());
        operation.cancel();
        QVERIFY(step.isCancelled());
        QVERIFY(grandChild.isCancelled());
        QCOMPARE(grandChild.stoppedError().kind, ErrorKind::Cancelled);
    }

    void aChildIsCancelledAlone()
    {
        const CancelToken operation;
        const CancelToken first = operation.child();
        const CancelToken second = operation.child();
        first.cancel();
        QVERIFY(first.isCancelled());
        QVERIFY(!operation.isCancelled());
        QVERIFY(!second.isCancelled());
        // Copies share their state.
        const CancelToken copy = second;
        copy.cancel();
        QVERIFY(second.isCancelled());
    }

    void aDeadlineStopsTheTokenAndSaysSo()
    {
        const CancelToken operation;
        const CancelToken bounded = operation.withTimeout(50ms);
        QVERIFY(!bounded.isCancelled());
        QVERIFY(bounded.deadline().has_value());
        QVERIFY(!operation.deadline().has_value());
        QVERIFY(!sleepUnlessCancelled(2s, bounded)); // ends at the deadline, not after 2 s
        QVERIFY(bounded.isCancelled());
        QVERIFY(bounded.deadlineExceeded());
        QVERIFY(!operation.isCancelled());
        const Error error = bounded.stoppedError("http://x/y");
        QCOMPARE(error.kind, ErrorKind::Transport);
        QCOMPARE(error.code, std::string("deadline_exceeded"));
        QCOMPARE(error.url, std::string("http://x/y"));
    }

    void theNearestDeadlineOnTheWayCounts()
    {
        const auto now = CancelToken::Clock::now();
        const CancelToken outer = CancelToken().withDeadline(now + 1s);
        const CancelToken inner = outer.withDeadline(now + 1h);
        QCOMPARE(inner.deadline().value(), now + 1s);
        const CancelToken tighter = inner.withDeadline(now + 10ms);
        QCOMPARE(tighter.deadline().value(), now + 10ms);
    }

    void aCancelBeforeTheDeadlineIsACancel()
    {
        const CancelToken bounded = CancelToken().withTimeout(1h);
        bounded.cancel();
        QCOMPARE(bounded.stoppedError().kind, ErrorKind::Cancelled);
    }

    void noneIgnoresCancelButItsChildrenDoNot()
    {
        CancelToken::none().cancel();
        QVERIFY(!CancelToken::none().isCancelled());
        const CancelToken child = CancelToken::none().child();
        child.cancel();
        QVERIFY(child.isCancelled());
        QVERIFY(!CancelToken::none().isCancelled());
    }

    void aRequestStopsAtItsTokensDeadline()
    {
        // A server that never answers: the request must end at the deadline, well before the
        // transport's own 30 s total timeout, and say that a deadline (not a person) stopped it.
        test::MisbehavingServer server;
        QVERIFY(server.isListening());
        server.setDefaultBehaviour(test::Behaviour::stall());
        TransportOptions options;
        options.totalTimeout = 30s;
        options.stallTimeout = 0s;
        const auto transport = makeCurlTransport(options);
        HttpRequest request;
        request.url = server.url("/stalls");
        const auto started = std::chrono::steady_clock::now();
        const auto response = transport->send(request, CancelToken().withTimeout(300ms));
        const auto took = std::chrono::steady_clock::now() - started;
        QVERIFY(!response.ok());
        QCOMPARE(response.error().kind, ErrorKind::Transport);
        QVERIFY2(took < 10s, "the deadline did not bound the request");
    }
};

QTEST_GUILESS_MAIN(TestCancelToken)
#include "tst_cancel_token.moc"
