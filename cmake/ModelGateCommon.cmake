# One INTERFACE target carries the language standard, warnings and Qt strictness
# macros for every target of the project, so options never drift between targets.
add_library(modelgate_common INTERFACE)
add_library(ModelGate::common ALIAS modelgate_common)

target_compile_features(modelgate_common INTERFACE cxx_std_20)
set(CMAKE_CXX_EXTENSIONS OFF)

target_compile_options(modelgate_common INTERFACE
    -Wall -Wextra -Wpedantic
    -Wnon-virtual-dtor -Woverloaded-virtual -Wcast-align -Wnull-dereference
    -Wimplicit-fallthrough
    $<$<BOOL:${MODELGATE_WERROR}>:-Werror>)

# Qt strictness: no implicit conversions between byte arrays and strings, no
# narrowing in connect(), nothing deprecated before the Qt we build against.
# (QT_NO_CONTEXTLESS_CONNECT and QT_DISABLE_DEPRECATED_UP_TO do not exist in 6.4.)
target_compile_definitions(modelgate_common INTERFACE
    QT_NO_CAST_FROM_ASCII
    QT_NO_CAST_TO_ASCII
    QT_NO_CAST_FROM_BYTEARRAY
    QT_NO_NARROWING_CONVERSIONS_IN_CONNECT
    QT_NO_URL_CAST_FROM_STRING
    QT_USE_QSTRINGBUILDER
    QT_STRICT_ITERATORS
    QT_NO_KEYWORDS
    QT_DISABLE_DEPRECATED_BEFORE=0x060400
    $<$<NOT:$<CONFIG:Debug>>:QT_NO_DEBUG_OUTPUT>)

# Hardening builds (scripts/hardening.sh): sanitizers on every target of the project, so core,
# the CLI and their tests are checked together; Qt, curl and the C++ library stay as Debian
# ships them. Any report stops the process (no recovery), so a test with one fails.
set(MODELGATE_SANITIZE "" CACHE STRING
    "Sanitizers for every target: address,undefined or thread (empty: none)")
if(MODELGATE_SANITIZE)
    target_compile_options(modelgate_common INTERFACE
        -fsanitize=${MODELGATE_SANITIZE} -fno-sanitize-recover=all -fno-omit-frame-pointer)
    target_link_options(modelgate_common INTERFACE -fsanitize=${MODELGATE_SANITIZE})
endif()

# libFuzzer targets (tests/fuzz, clang only): the project's code gets coverage
# instrumentation; only the fuzz executables link libFuzzer's main.
option(MODELGATE_FUZZ "Build the libFuzzer targets of tests/fuzz (clang)" OFF)
if(MODELGATE_FUZZ)
    if(NOT CMAKE_CXX_COMPILER_ID STREQUAL "Clang")
        message(FATAL_ERROR "MODELGATE_FUZZ needs clang (libFuzzer); configure with CMAKE_CXX_COMPILER=clang++-14")
    endif()
    target_compile_options(modelgate_common INTERFACE -fsanitize=fuzzer-no-link)
endif()
