#pragma once
// Assertions on core's Result values and enums, shared by the tests.
#include <string>

#include <QString>
#include <QtTest/QTest>

#include <modelgate/core/result.h>

namespace modelgate::test {

// A C string for QVERIFY2 that lives until the next call on this thread.
inline const char *describeForTest(const Error &error)
{
    static thread_local std::string text;
    text = error.describe();
    return text.c_str();
}

} // namespace modelgate::test

// Verifies that a Result/Status is ok, printing the error otherwise. Evaluates `result`
// exactly once: it is often a request, and sending it twice changes what the server holds.
#define REQUIRE_OK(result)                                                                                   \
    do {                                                                                                     \
        const auto &requireOk_ = (result);                                                                   \
        QVERIFY2(requireOk_.ok(),                                                                            \
                 requireOk_.ok() ? "" : ::modelgate::test::describeForTest(requireOk_.error()));             \
    } while (false)

// QCOMPARE for core enums by their names. Plain QCOMPARE on them must not be used: QTest's
// unqualified toString() finds core's `const char *toString(Enum)` by argument-dependent
// lookup and then delete[]s the static string it returns, which crashes on a failure.
#define QCOMPARE_ENUM(actual, expected)                                                                      \
    QCOMPARE(QString::fromLatin1(toString(actual)), QString::fromLatin1(toString(expected)))
