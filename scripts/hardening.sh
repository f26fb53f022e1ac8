#!/usr/bin/env bash
# The hardening passes of CI (docs/reliability.md): with Debian's clang,
#   1. AddressSanitizer + UndefinedBehaviorSanitizer: core, the CLI and their tests (build/asan;
#      the GUI is left out for time), every fuzz target's corpus replayed, then each fuzz
#      target fuzzed for a bounded time (--fuzz-seconds, 30 by default);
#   2. ThreadSanitizer: the tests of the concurrent parts (build/tsan, label "tsan").
# Any sanitizer report fails the test it happened in (no recovery); suppressions are only for
# code that is not ours, each with its reason (tests/sanitizers/).
#
# Usage: scripts/hardening.sh [--fuzz-seconds N] [--only asan|tsan|fuzz]
#   --fuzz-seconds N   fuzz each target for N seconds (0: replay the corpora only)
#   --only PASS        run one pass: asan (the tests), fuzz (corpora and fuzzing) or tsan
set -euo pipefail

rootDir="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
fuzzSeconds=30
only=""
while [[ $# -gt 0 ]]; do
    case "$1" in
        --fuzz-seconds) fuzzSeconds="$2"; shift 2 ;;
        --only) only="$2"; shift 2 ;;
        *) echo "usage: $0 [--fuzz-seconds N] [--only asan|tsan|fuzz]" >&2; exit 2 ;;
    esac
done
wants() { [[ -z $only || $only == "$1" ]]; }

venv="$("$rootDir/scripts/setup.sh" --print-venv)"
compiler=clang++-14
command -v "$compiler" >/dev/null 2>&1 || { echo "hardening: $compiler is missing (scripts/setup.sh installs it)" >&2; exit 1; }

launcher=()
if command -v ccache >/dev/null 2>&1; then
    export CCACHE_BASEDIR="$rootDir" CCACHE_NOHASHDIR=1
    launcher=(-DCMAKE_CXX_COMPILER_LAUNCHER=ccache)
fi

supp="$rootDir/tests/sanitizers"
symbolizer="$(command -v llvm-symbolizer-14 || command -v llvm-symbolizer || true)"
# Reports stop the process with a stack (symbolised when llvm-symbolizer is there).
export ASAN_OPTIONS="detect_leaks=1:abort_on_error=0:halt_on_error=1:detect_stack_use_after_return=1:check_initialization_order=1:strict_init_order=1${symbolizer:+:external_symbolizer_path=$symbolizer}"
export LSAN_OPTIONS="suppressions=$supp/lsan.supp:print_suppressions=0"
export UBSAN_OPTIONS="halt_on_error=1:print_stacktrace=1:suppressions=$supp/ubsan.supp"
export TSAN_OPTIONS="halt_on_error=1:second_deadlock_stack=1:suppressions=$supp/tsan.supp${symbolizer:+:external_symbolizer_path=$symbolizer}"

# configure <dir> <sanitizers> [more cmake arguments]
configure() {
    local dir="$1" sanitizers="$2"
    shift 2
    cmake -S "$rootDir" -B "$dir" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo \
        -DCMAKE_CXX_COMPILER="$compiler" -DMODELGATE_BUILD_GUI=OFF -DMODELGATE_WERROR=ON \
        -DMODELGATE_SANITIZE="$sanitizers" -DMODELGATE_VENV="$venv" "${launcher[@]}" "$@" >/dev/null
}

# ctest's "N% tests passed, F tests failed out of T" as "T F".
counts() { sed -n 's/.*tests passed, \([0-9]*\) tests failed out of \([0-9]*\).*/\2 \1/p' "$1" | tail -1; }
status=0
summary=()

# The tests that run in the ASan/UBSan pass: every core and CLI test except the few whose
# minutes go to starting Azure stand-ins, Prometheus and scoring servers, and the kill -9 test
# (whose CLI dies by design). They run in the normal pass; the code they reach is reached here
# by the CLI's deploy and monitor tests and the fault matrix.
asanExcluded='^(tst_azure_ml_target|tst_cli_deploy_azure|tst_azure_monitor_metrics|tst_local_deployment|tst_local_monitoring|tst_prometheus_metrics|tst_release_request_budget|tst_release_ledger_integration|tst_release_review_integration|tst_cli_killed|bench_smoke)$'

if wants asan || wants fuzz; then
    asanDir="$rootDir/build/asan"
    echo "==> ASan+UBSan: configuring and building $asanDir"
    configure "$asanDir" address,undefined -DMODELGATE_FUZZ=ON
    cmake --build "$asanDir" -j2
fi

if wants asan; then
    echo "==> ASan+UBSan: core and CLI tests"
    ctest --test-dir "$asanDir" --output-on-failure -j2 --timeout 900 -LE fuzz -E "$asanExcluded" 2>&1 |
        tee "$asanDir/ctest-asan.log" || status=1
    read -r total failed < <(counts "$asanDir/ctest-asan.log" || true)
    summary+=("asan+ubsan tests: $((${total:-0} - ${failed:-0})) of ${total:-0} passed")
    [[ ${failed:-1} -eq 0 ]] || status=1
fi

if wants fuzz; then
    echo "==> Fuzzing: replaying the corpora (tests/fuzz/corpus)"
    ctest --test-dir "$asanDir" --output-on-failure -j2 -L fuzz 2>&1 | tee "$asanDir/ctest-fuzz.log" || status=1
    read -r total failed < <(counts "$asanDir/ctest-fuzz.log" || true)
    summary+=("fuzz corpora: $((${total:-0} - ${failed:-0})) of ${total:-0} replayed clean")
    [[ ${failed:-1} -eq 0 ]] || status=1
    if [[ $fuzzSeconds -gt 0 ]]; then
        echo "==> Fuzzing each target for ${fuzzSeconds}s (two at a time)"
        "$rootDir/scripts/fuzz.sh" --build "$asanDir" --seconds "$fuzzSeconds" --jobs 2 || status=1
        summary+=("fuzzing: ${fuzzSeconds}s per target, figures in $asanDir/fuzz/summary.md")
    fi
fi

if wants tsan; then
    tsanDir="$rootDir/build/tsan"
    echo "==> TSan: configuring and building $tsanDir"
    configure "$tsanDir" thread
    # Only what the tsan-labelled tests need.
    mapfile -t tsanTargets < <(ctest --test-dir "$tsanDir" -N -L tsan | sed -n 's/^ *Test *#[0-9]*: \(tst_[a-z_]*\).*/\1/p' |
        sed 's/__.*//' | sort -u)
    cmake --build "$tsanDir" -j2 --target modelgate-cli "${tsanTargets[@]}"
    echo "==> TSan: the concurrent parts"
    ctest --test-dir "$tsanDir" --output-on-failure -j2 --timeout 900 -L tsan 2>&1 |
        tee "$tsanDir/ctest-tsan.log" || status=1
    read -r total failed < <(counts "$tsanDir/ctest-tsan.log" || true)
    summary+=("tsan tests: $((${total:-0} - ${failed:-0})) of ${total:-0} passed")
    [[ ${failed:-1} -eq 0 ]] || status=1
fi

printf '%s\n' "${summary[@]}"
exit $status
