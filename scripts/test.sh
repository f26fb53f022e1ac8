#!/usr/bin/env bash
# Sets everything up, builds ModelGate with warnings as errors and runs the whole test suite,
# including the integration tests against a real, seeded MLflow server (a CTest fixture).
# This is exactly what CI runs (.ci/run); with CI=true a test that cannot reach MLflow fails
# instead of skipping.
#
# Then the tests labelled mlflow-newest run a second time against the newest MLflow 3.x we
# support (scripts/requirements-newest.txt), and the hardening passes run (sanitizers and
# fuzzing, scripts/hardening.sh), unless extra ctest arguments filter the run.
#
# Usage: scripts/test.sh [extra ctest arguments, e.g. -R tst_mlflow_client]
set -euo pipefail

rootDir="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
buildDir="$rootDir/build/ci"

echo "==> Setting up (scripts/setup.sh)"
venv="$("$rootDir/scripts/setup.sh" --print-venv)"

# A compiler cache (installed by setup.sh) makes a rebuild of unchanged sources nearly free,
# also across clones: paths are hashed relative to the checkout.
launcher=()
if command -v ccache >/dev/null 2>&1; then
    export CCACHE_BASEDIR="$rootDir" CCACHE_NOHASHDIR=1
    launcher=(-DCMAKE_CXX_COMPILER_LAUNCHER=ccache)
fi

echo "==> Configuring $buildDir"
cmake -S "$rootDir" -B "$buildDir" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo \
    -DMODELGATE_WERROR=ON -DMODELGATE_VENV="$venv" "${launcher[@]}"

echo "==> Building"
cmake --build "$buildDir" -j2

# ctest's "N% tests passed, F tests failed out of T" of one pass, as "T F".
counts() { sed -n 's/.*tests passed, \([0-9]*\) tests failed out of \([0-9]*\).*/\2 \1/p' "$1" | tail -1; }

set +e
echo "==> Testing against the pinned MLflow ($(basename "$venv"))"
ctest --test-dir "$buildDir" --output-on-failure -j2 --timeout 900 "$@" 2>&1 | tee "$buildDir/ctest-pinned.log"
pinnedStatus=${PIPESTATUS[0]}
read -r total failed < <(counts "$buildDir/ctest-pinned.log" || true)
total=${total:-0} failed=${failed:-0}

# The compatibility pass: the tests that talk to a server (browse, compare, history, the
# release flow with several users and a tampered tag, the report; label mlflow-newest) again,
# against the newest MLflow 3.x we support, in its own cached environment. A run filtered by
# extra ctest arguments is a developer's and skips it.
newestStatus=0
if [[ $# -eq 0 ]]; then
    if newest="$("$rootDir/scripts/setup.sh" --newest --no-apt --print-venv)"; then
        echo "==> Compatibility pass against the newest supported MLflow ($(basename "$newest"))"
        MODELGATE_VENV="$newest" ctest --test-dir "$buildDir" --output-on-failure -j2 --timeout 900 \
            -L mlflow-newest 2>&1 | tee "$buildDir/ctest-newest.log"
        newestStatus=${PIPESTATUS[0]}
        read -r newestTotal newestFailed < <(counts "$buildDir/ctest-newest.log" || true)
        total=$((total + ${newestTotal:-0})) failed=$((failed + ${newestFailed:-0}))
    else
        echo "==> cannot create the newest MLflow's environment (see above)" >&2
        newestStatus=1
    fi
fi
# The hardening passes (docs/reliability.md): core, the CLI and their tests under AddressSanitizer
# and UndefinedBehaviorSanitizer, every fuzz target's corpus replayed and each fuzzed for a
# bounded time, and the concurrent parts under ThreadSanitizer. Skipped, like the compatibility
# pass, when extra ctest arguments filter the run.
hardeningStatus=0
if [[ $# -eq 0 ]]; then
    echo "==> Hardening: sanitizers and fuzzing (scripts/hardening.sh)"
    "$rootDir/scripts/hardening.sh" 2>&1 | tee "$buildDir/hardening.log"
    hardeningStatus=${PIPESTATUS[0]}
fi
set -e

echo "total: $((total - failed)) passed, $failed failed"
[[ $hardeningStatus -eq 0 ]] || echo "hardening: FAILED (see $buildDir/hardening.log)"
[[ $pinnedStatus -eq 0 && $newestStatus -eq 0 && $hardeningStatus -eq 0 ]]
