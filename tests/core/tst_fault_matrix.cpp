// The fault matrix (issue 16, docs/reliability.md "Fault matrix"): every core call that talks
// to a server, against every fault of the misbehaving loopback server, over real sockets.
// Per cell: the call returns within its bounds, throws nothing, ends in the expected kind of
// error (or a correct value where the fault is benign for it) with one non-empty line that
// names the cause, and a write never claims success it did not get.
// With MODELGATE_FAULT_MATRIX_OUT=<file> the outcomes are written there as a Markdown table
// (scripts/fault-matrix.sh puts it into the docs).
#include "fault_catalogue.h"
#include "fault_matrix_calls.h"
#include "misbehaving_server.h"

#include <chrono>
#include <cstdlib>
#include <exception>
#include <fstream>
#include <map>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include <QtTest/QtTest>

#include <modelgate/core/util/parallel.h>

using namespace modelgate;
using namespace modelgate::test;
using namespace std::chrono_literals;

namespace {

// Bounds that make the slow faults end in seconds: each attempt is cut at 1.5 s (a stall at
// 1 s without a byte), a call makes at most three attempts, and Retry-After up to 2 s is honoured.
constexpr auto kAttemptTimeout = 1500ms;
constexpr int kMaxRetries = 2;
constexpr auto kMaxRetryAfter = 2000ms;
// What a call may take at most: every attempt timing out, every retry waiting its longest,
// and a margin for a machine busy with other builds and the other cells.
constexpr auto kCallBudget = (kMaxRetries + 1) * kAttemptTimeout + kMaxRetries * kMaxRetryAfter + 6000ms;
// Cells run side by side (each with its own server) so that the matrix takes a minute, not ten.
constexpr std::size_t kConcurrentCells = 16;

CallSetup setupFor(std::string baseUrl)
{
    CallSetup setup;
    setup.baseUrl = std::move(baseUrl);
    setup.transport.connectTimeout = 1000ms;
    setup.transport.totalTimeout = kAttemptTimeout;
    setup.transport.stallTimeout = 1000ms;
    // maxResponseBytes keeps its default: the 100 MB fault meets the limit users get.
    setup.retry.maxRetries = kMaxRetries;
    setup.retry.baseDelay = 20ms;
    setup.retry.maxDelay = 100ms;
    setup.retry.maxRetryAfter = kMaxRetryAfter;
    setup.arm.polling.minInterval = 10ms;
    setup.arm.polling.maxInterval = 100ms;
    setup.arm.polling.defaultInterval = 20ms;
    setup.arm.conflictWait = 1000ms;
    setup.arm.conflictPoll = 50ms;
    return setup;
}

struct Cell
{
    std::optional<Error> error; // nullopt: the call succeeded
    std::string thrown;         // what escaped the call, if anything did
    std::chrono::milliseconds elapsed{0};
    int requests = 0; // as the server received them (0 for a closed port)
};

Cell runCell(const FaultCall &call, const Fault &fault)
{
    Cell cell;
    std::optional<MisbehavingServer> server;
    std::string baseUrl;
    if (fault.refused) {
        baseUrl = "http://127.0.0.1:" + std::to_string(refusedPort());
    } else {
        server.emplace();
        baseUrl = server->url("");
        if (call.prelude) {
            for (Behaviour &step : call.prelude(baseUrl))
                server->enqueue(std::move(step));
        }
        server->setDefaultBehaviour(fault.behaviour(call.family));
    }
    const auto started = std::chrono::steady_clock::now();
    try {
        cell.error = call.run(setupFor(baseUrl));
    } catch (const std::exception &exception) {
        cell.thrown = exception.what();
    } catch (...) {
        cell.thrown = "an exception that is not a std::exception";
    }
    cell.elapsed =
        std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::steady_clock::now() - started);
    if (server)
        cell.requests = server->requestCount();
    return cell;
}

// Where a fault is benign for a call: a 2xx whose payload the call does not read (a write's
// echo, a file passed on as text), or a 404 for a delete (the resource is gone, as asked).
bool benign(const FaultCall &call, const Fault &fault)
{
    if (fault.expect == Expect::Parse)
        return call.reads != Reads::Json;
    return fault.status == 404 && call.notFoundIsDone;
}

ErrorKind expectedKind(const FaultCall &call, const Fault &fault)
{
    switch (fault.expect) {
    case Expect::Transport:
        return ErrorKind::Transport;
    case Expect::HttpStatus:
        return ErrorKind::HttpStatus;
    case Expect::Api:
        return ErrorKind::Api;
    case Expect::Parse:
        break;
    }
    (void)call;
    return ErrorKind::Parse;
}

// The short text of a table cell; the legend under the table explains it.
std::string cellText(const FaultCall &call, const Fault &fault, const Cell &cell)
{
    const std::string tries = " (" + std::to_string(cell.requests) + ")";
    if (!cell.thrown.empty())
        return "**threw**";
    if (!cell.error)
        return (benign(call, fault) ? "ok" : "**ok?**") + tries;
    const Error &error = *cell.error;
    std::string text = wireName(error.kind);
    if (error.kind == ErrorKind::Transport)
        text += " " + shortTransportCode(error.code);
    else if (error.httpStatus != 0)
        text += " " + std::to_string(error.httpStatus);
    return text + tries;
}

std::string markdownTable(const std::vector<FaultCall> &calls, const std::vector<Fault> &faults,
                          const std::map<std::pair<std::size_t, std::size_t>, Cell> &cells)
{
    std::string table = "| call |";
    std::string rule = "|---|";
    for (const Fault &fault : faults) {
        table += " " + fault.id + " |";
        rule += "---|";
    }
    table += "\n" + rule + "\n";
    for (std::size_t row = 0; row < calls.size(); ++row) {
        table += "| " + calls[row].name + (calls[row].writes ? " ✎" : "") + " |";
        for (std::size_t column = 0; column < faults.size(); ++column)
            table += " " + cellText(calls[row], faults[column], cells.at({row, column})) + " |";
        table += "\n";
    }
    table += "\nCells: the kind of error the call returned (Transport with curl's cause, HttpStatus and Api "
             "with the status), or ok; in brackets the requests the server received (retries included; 0 "
             "for a closed port). ✎ marks a write. ok is asserted only where the fault is benign for the "
             "call: a 2xx whose payload the call does not read, or a 404 for a delete. Bounds: " +
             std::to_string(kAttemptTimeout.count()) + " ms per attempt, " + std::to_string(kMaxRetries) +
             " retries, Retry-After honoured up to " + std::to_string(kMaxRetryAfter.count()) +
             " ms. Faults:\n\n";
    for (const Fault &fault : faults)
        table += "- **" + fault.id + "**: " + fault.about + " (expected: " + expectName(fault.expect) + ")\n";
    return table;
}

} // namespace

class TestFaultMatrix final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase()
    {
        m_calls = allFaultCalls();
        m_faults = faultCatalogue();
        std::vector<std::pair<std::size_t, std::size_t>> coordinates;
        for (std::size_t row = 0; row < m_calls.size(); ++row) {
            for (std::size_t column = 0; column < m_faults.size(); ++column)
                coordinates.emplace_back(row, column);
        }
        const auto started = std::chrono::steady_clock::now();
        const std::vector<Result<Cell>> results = parallelMap(
            coordinates, kConcurrentCells,
            [this](const std::pair<std::size_t, std::size_t> &at) -> Result<Cell> {
                return runCell(m_calls[at.first], m_faults[at.second]);
            },
            CancelToken::none());
        for (std::size_t i = 0; i < coordinates.size(); ++i) {
            QVERIFY2(results[i].ok(), "a cell did not run");
            m_cells.emplace(coordinates[i], results[i].value());
        }
        qInfo("%zu calls x %zu faults in %lld s", m_calls.size(), m_faults.size(),
              static_cast<long long>(
                  std::chrono::duration_cast<std::chrono::seconds>(std::chrono::steady_clock::now() - started)
                      .count()));

        if (const char *out = std::getenv("MODELGATE_FAULT_MATRIX_OUT"); out && *out) {
            std::ofstream file(out, std::ios::binary | std::ios::trunc);
            file << markdownTable(m_calls, m_faults, m_cells);
            QVERIFY2(file.good(), out);
        }
    }

    void cell_data()
    {
        QTest::addColumn<int>("row");
        QTest::addColumn<int>("column");
        for (std::size_t row = 0; row < m_calls.size(); ++row) {
            for (std::size_t column = 0; column < m_faults.size(); ++column) {
                const std::string tag = m_calls[row].name + " x " + m_faults[column].id;
                QTest::newRow(tag.c_str()) << int(row) << int(column);
            }
        }
    }

    void cell()
    {
        QFETCH(int, row);
        QFETCH(int, column);
        const FaultCall &call = m_calls[std::size_t(row)];
        const Fault &fault = m_faults[std::size_t(column)];
        const Cell &outcome = m_cells.at({std::size_t(row), std::size_t(column)});

        QVERIFY2(outcome.thrown.empty(), outcome.thrown.c_str());
        QVERIFY2(outcome.elapsed <= kCallBudget,
                 qPrintable(QStringLiteral("took %1 ms").arg(outcome.elapsed.count())));
        if (benign(call, fault) && !outcome.error)
            return;
        // Anything else must fail: a write that claims success here would be half-written.
        QVERIFY2(outcome.error.has_value(), call.writes ? "a write claimed success under a fault"
                                                        : "the call claimed success under a fault");
        const Error &error = *outcome.error;
        const std::string line = error.describe();
        QVERIFY2(error.kind == expectedKind(call, fault), line.c_str());
        QVERIFY2(!error.message.empty(), line.c_str());
        QVERIFY2(line.find_first_of("\r\n") == std::string::npos, line.c_str());
        QVERIFY2(line.size() <= 400, line.c_str());
        // The line names the cause: curl's reason, the status, or the JSON at fault.
        if (error.kind == ErrorKind::Transport)
            QVERIFY2(!error.code.empty(), line.c_str());
        if (fault.status != 0)
            QVERIFY2(error.httpStatus == fault.status, line.c_str());
        if (fault.refused)
            QCOMPARE(error.code, std::string("CURLE_COULDNT_CONNECT"));
        // Regression: a redirect said "(empty response body)"; it now says where it pointed.
        if (fault.id == "redirect" && call.family != ServiceFamily::Prometheus)
            QVERIFY2(line.find("redirected to") != std::string::npos, line.c_str());
        if (fault.id == "100 MB") {
            // Refused at the limit, not buffered: the message says which limit.
            QCOMPARE(error.code, std::string("CURLE_FILESIZE_EXCEEDED"));
            QVERIFY2(error.message.find("64 MiB") != std::string::npos, line.c_str());
        }
    }

private:
    std::vector<FaultCall> m_calls;
    std::vector<Fault> m_faults;
    std::map<std::pair<std::size_t, std::size_t>, Cell> m_cells;
};

QTEST_GUILESS_MAIN(TestFaultMatrix)
#include "tst_fault_matrix.moc"
