#!/usr/bin/env bash
# The seeded MLflow server shared by the integration tests (CTest fixture "mlflow", see
# tests/support/CMakeLists.txt).
#
# Usage: scripts/mlflow-test-server.sh start|stop <statedir> [<venv>]
#   start  wipe <statedir>, start a fresh server there, seed it with scripts/seed_demo.py and
#          write its URI to <statedir>/uri (the tests read it from there)
#   stop   stop that server and every process it started
# <venv> is the Python environment with the pinned MLflow; empty or absent means the one
# `scripts/setup.sh --print-venv --no-apt` gives (building it if needed). MODELGATE_VENV in
# the environment wins over both: the compatibility pass of scripts/test.sh runs the same
# tests against the newest supported MLflow that way.
set -euo pipefail

scriptDir="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
usage() {
    echo "usage: $0 start|stop <statedir> [<venv>]" >&2
    exit 2
}
[[ $# -ge 2 && $# -le 3 ]] || usage
action="$1"
stateDir="$2"
venv="${MODELGATE_VENV:-${3:-}}"
[[ -n $stateDir ]] || usage

if [[ -z $venv ]]; then
    venv="$("$scriptDir/setup.sh" --print-venv --no-apt)"
fi
python="$venv/bin/python"
[[ -x $python ]] || {
    echo "mlflow-test-server: no Python at $python (run scripts/setup.sh)" >&2
    exit 1
}

case "$action" in
    start)
        mkdir -p "$stateDir"
        "$python" "$scriptDir/mlflow_server.py" start "$stateDir" --fresh --seed
        ;;
    stop)
        "$python" "$scriptDir/mlflow_server.py" stop "$stateDir"
        # A stopped server must not look available to a test run later on.
        rm -f "$stateDir/uri"
        ;;
    *) usage ;;
esac
