#!/usr/bin/env bash
# Sets everything up, builds ModelGate with warnings as errors and runs the whole test suite,
# including the integration tests against a real, seeded MLflow server (a CTest fixture).
# This is exactly what CI runs (.ci/run); with CI=true a test that cannot reach MLflow fails
# instead of skipping.
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

echo "==> Testing"
# ctest prints its "N% tests passed, N tests failed out of N" summary; its status is ours.
exec ctest --test-dir "$buildDir" --output-on-failure -j2 --timeout 900 "$@"
