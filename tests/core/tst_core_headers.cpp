// Header hygiene of the core library's public API, checked at compile time: every public
// header compiles on its own terms in a hostile environment (macros that Windows headers,
// Qt's keywords or old C code define), and none of them drags in libcurl, nlohmann/json
// or Qt. The core headers come first on purpose: nothing may be included before them.

// The standard headers the core headers use come first: libstdc++ #undefs min and max
// itself, so the hostile macros must be defined after it, hitting only our own headers
// (as when <windows.h> is included after the standard library).
#include <algorithm>
#include <atomic>
#include <cassert>
#include <chrono>
#include <cstdint>
#include <functional>
#include <limits>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <utility>
#include <variant>
#include <vector>

// Function-like and object-like macros as <windows.h>, old C code and Qt's keywords define them.
#define min(a, b) oops_min_was_expanded
#define max(a, b) oops_max_was_expanded
#define check(x) oops_check_was_expanded
#define emit oops emit was expanded
#define signals oops signals was expanded
#define slots oops slots was expanded
#define foreach oops foreach was expanded
#define interface struct
#define ERROR 0
#define DELETE (0x00010000L)
#define TRUE 1
#define FALSE 0
#define CALLBACK __attribute__((unused))
#define small char

// Every public core header, listed at configure time so a new header cannot be forgotten.
#include "all_core_headers.h"

#ifdef CURLINC_CURL_H
#error "a public core header includes <curl/curl.h>"
#endif
#ifdef INCLUDE_NLOHMANN_JSON_HPP_
#error "a public core header includes <nlohmann/json.hpp>"
#endif
#ifdef INCLUDE_NLOHMANN_JSON_FWD_HPP_
#error "a public core header includes <nlohmann/json_fwd.hpp>"
#endif
#ifdef QT_VERSION
#error "a public core header includes Qt: core must build without Qt"
#endif
#ifdef Q_OBJECT
#error "a public core header includes Qt (Q_OBJECT is defined)"
#endif

// Names the hostile macros would have broken are still usable after the includes.
static_assert(sizeof(modelgate::Error) > 0);
static_assert(sizeof(modelgate::ModelSignature) > 0);
static_assert(static_cast<int>(modelgate::AuthKind::None) == 0);
static_assert(static_cast<int>(modelgate::HttpMethod::Delete) == 3);

#undef min
#undef max
#undef check
#undef emit
#undef signals
#undef slots
#undef foreach
#undef interface
#undef ERROR
#undef DELETE
#undef TRUE
#undef FALSE
#undef CALLBACK
#undef small

#include <type_traits>

#include <QTest>

class TestCoreHeaders final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void valueTypesAreRegularValues()
    {
        // Values cross threads (worker -> GUI) by copy or move.
        QVERIFY(std::is_nothrow_move_constructible_v<modelgate::RegisteredModel>);
        QVERIFY(std::is_nothrow_move_constructible_v<modelgate::ModelVersion>);
        QVERIFY(std::is_copy_constructible_v<modelgate::Result<modelgate::Run>>);
        QVERIFY(std::is_copy_constructible_v<modelgate::Profile>);
        QVERIFY(!std::is_copy_constructible_v<modelgate::RetryingTransport> ||
                std::is_polymorphic_v<modelgate::RetryingTransport>);
    }
};

QTEST_GUILESS_MAIN(TestCoreHeaders)
#include "tst_core_headers.moc"
