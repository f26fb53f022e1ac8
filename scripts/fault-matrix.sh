#!/usr/bin/env bash
# Builds and runs the fault matrix test (tests/core/tst_fault_matrix.cpp) and puts the table
# it generates into docs/reliability.md, between the fault-matrix markers (kept). Everything
# else in that file is left as it is.
#
# Usage: scripts/fault-matrix.sh [build dir, default build/ci (configured if missing)]
set -euo pipefail

rootDir="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
buildDir="${1:-$rootDir/build/ci}"
doc="$rootDir/docs/reliability.md"

if command -v ccache >/dev/null 2>&1; then
    export CCACHE_BASEDIR="$rootDir" CCACHE_NOHASHDIR=1
fi
if [[ ! -f "$buildDir/build.ninja" ]]; then
    venv="$("$rootDir/scripts/setup.sh" --print-venv --no-apt)"
    launcher=()
    command -v ccache >/dev/null 2>&1 && launcher=(-DCMAKE_CXX_COMPILER_LAUNCHER=ccache)
    cmake -S "$rootDir" -B "$buildDir" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo \
        -DMODELGATE_WERROR=ON -DMODELGATE_VENV="$venv" -DMODELGATE_BUILD_GUI=OFF "${launcher[@]}"
fi
cmake --build "$buildDir" -j1 --target tst_fault_matrix

table="$(mktemp)"
trap 'rm -f "$table"' EXIT
# The table is written whether or not every cell passes: a failing cell shows in it too.
status=0
MODELGATE_FAULT_MATRIX_OUT="$table" QT_QPA_PLATFORM=offscreen \
    "$buildDir/tests/core/tst_fault_matrix" -silent || status=$?
if [[ ! -s "$table" ]]; then
    echo "fault-matrix: the test wrote no table" >&2
    exit 1
fi

python3 - "$doc" "$table" <<'PY'
import sys
doc_path, table_path = sys.argv[1], sys.argv[2]
begin, end = "<!-- fault-matrix:begin -->", "<!-- fault-matrix:end -->"
doc = open(doc_path, encoding="utf-8").read()
table = open(table_path, encoding="utf-8").read().strip("\n")
start, stop = doc.find(begin), doc.find(end)
if start < 0 or stop < start:
    sys.exit("fault-matrix: the markers are missing from " + doc_path)
doc = doc[: start + len(begin)] + "\n" + table + "\n" + doc[stop:]
open(doc_path, "w", encoding="utf-8").write(doc)
PY
echo "fault-matrix: table written to $doc"
exit "$status"
