#pragma once
// Assertions on core's Result values and enums, shared by the tests.
#include <string>
#include <type_traits>

#include <QString>
#include <QtTest/QTest>

#include <modelgate/core/util/result.h>

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

// Plain QCOMPARE works on core's enums: core names them with wireName(), so QTest's
// unqualified toString() finds this overload by argument-dependent lookup and prints a
// failing comparison by name (QTest delete[]s what toString returns, hence qstrdup).
#ifndef Q_MOC_RUN // moc's parser does not follow requires-clauses
namespace modelgate {
// More constrained than QTest's own `toString(const T &)`, so overload resolution picks it.
template <typename Enum>
    requires std::is_enum_v<Enum> && requires(Enum value) { wireName(value); }
char *toString(const Enum &value)
{
    return qstrdup(wireName(value));
}
} // namespace modelgate
#endif
