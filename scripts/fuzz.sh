#!/usr/bin/env bash
# Fuzzes every libFuzzer target of tests/fuzz for a bounded time, starting from its corpus in
# the tree, and writes a Markdown table of the figures (executions, coverage, crashes) to
# <build>/fuzz/summary.md. A crash, a sanitizer report, a leak or a slow input fails the run;
# the input is left in <build>/fuzz/artifacts/ (add it to the target's corpus and a test).
#
# Usage: scripts/fuzz.sh --build DIR [--seconds N] [--jobs J] [--merge] [target...]
#   --build DIR   the MODELGATE_FUZZ=ON build (scripts/hardening.sh makes build/asan)
#   --seconds N   per target (default 30)
#   --jobs J      targets fuzzed at the same time (default 1)
#   --merge       afterwards, add the inputs that found new coverage to the corpus in the tree
set -euo pipefail

rootDir="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
buildDir=""
seconds=30
jobs=1
merge=0
targets=()
while [[ $# -gt 0 ]]; do
    case "$1" in
        --build) buildDir="$2"; shift 2 ;;
        --seconds) seconds="$2"; shift 2 ;;
        --jobs) jobs="$2"; shift 2 ;;
        --merge) merge=1; shift ;;
        -*) echo "usage: $0 --build DIR [--seconds N] [--jobs J] [--merge] [target...]" >&2; exit 2 ;;
        *) targets+=("$1"); shift ;;
    esac
done
[[ -n $buildDir && -f $buildDir/tests/fuzz/fuzz_targets.txt ]] ||
    { echo "fuzz: $buildDir is not a MODELGATE_FUZZ=ON build (run scripts/hardening.sh --only fuzz)" >&2; exit 2; }
[[ ${#targets[@]} -gt 0 ]] || mapfile -t targets <"$buildDir/tests/fuzz/fuzz_targets.txt"

outDir="$buildDir/fuzz"
rm -rf "$outDir"
mkdir -p "$outDir/artifacts"
corpusRoot="$rootDir/tests/fuzz/corpus"

# fuzzOne <target>: fuzzes into a scratch corpus (the tree's corpus is read, not written) and
# keeps libFuzzer's log.
fuzzOne() {
    local target="$1" scratch="$outDir/new/$1"
    mkdir -p "$scratch"
    # -timeout: an input taking 10 s is a hang; -rss_limit_mb: one taking 2 GB is a defect too.
    # -max_len: 64 KiB reaches deep nesting and long names without slowing each run to a crawl.
    if "$buildDir/tests/fuzz/$target" -max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 \
        -max_len=65536 -print_final_stats=1 -artifact_prefix="$outDir/artifacts/$target-" \
        "$scratch" "$corpusRoot/$target" >"$outDir/$target.log" 2>&1; then
        echo ok >"$outDir/$target.status"
    else
        echo failed >"$outDir/$target.status"
    fi
}
export -f fuzzOne
export outDir corpusRoot buildDir seconds

printf '%s\n' "${targets[@]}" | xargs -P "$jobs" -I{} bash -c 'fuzzOne "$1"' _ {}

status=0
{
    echo "| Target | Seconds | Executions | Exec/s | Coverage (edges) | Features | Corpus | Crashes |"
    echo "|---|---:|---:|---:|---:|---:|---:|---:|"
    for target in "${targets[@]}"; do
        log="$outDir/$target.log"
        runs="$(sed -n 's/^stat::number_of_executed_units: *//p' "$log" | tail -1)"
        speed="$(sed -n 's/^stat::average_exec_per_sec: *//p' "$log" | tail -1)"
        # The last status line: "#123 DONE cov: 456 ft: 789 corp: 12/3456b ..." (or a pulse).
        last="$(grep -E '^#[0-9]+' "$log" | tail -1)"
        cov="$(sed -n 's/.* cov: \([0-9]*\).*/\1/p' <<<"$last")"
        ft="$(sed -n 's/.* ft: \([0-9]*\).*/\1/p' <<<"$last")"
        corp="$(sed -n 's/.* corp: \([0-9]*\).*/\1/p' <<<"$last")"
        crashes=0
        if [[ $(cat "$outDir/$target.status") != ok ]]; then
            crashes=1
            status=1
            echo "fuzz: $target FAILED; its log: $log" >&2
            grep -E 'ERROR|SUMMARY|runtime error|artifact' "$log" | head -20 >&2 || true
        fi
        echo "| $target | $seconds | ${runs:-?} | ${speed:-?} | ${cov:-?} | ${ft:-?} | ${corp:-?} | $crashes |"
    done
} >"$outDir/summary.md"
cat "$outDir/summary.md"

if [[ $merge -eq 1 ]]; then
    for target in "${targets[@]}"; do
        # -merge=1 adds to the first folder only the inputs that cover something it does not.
        "$buildDir/tests/fuzz/$target" -merge=1 -max_len=65536 "$corpusRoot/$target" "$outDir/new/$target" \
            >>"$outDir/$target.merge.log" 2>&1 || status=1
    done
    echo "fuzz: corpora merged into $corpusRoot"
fi
exit $status
