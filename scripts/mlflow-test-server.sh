#!/usr/bin/env bash
# The seeded MLflow servers shared by the integration tests (CTest fixtures "mlflow" and
# "mlflow_auth", see tests/support/CMakeLists.txt and docs/architecture.md "Tests").
#
# Usage: scripts/mlflow-test-server.sh start|stop <statedir> [<venv>]
#        scripts/mlflow-test-server.sh start-auth <statedir> <venv> <modelgate-cli>
#   start       wipe <statedir>, start a fresh server there, seed it with scripts/seed_demo.py
#               and write its URI to <statedir>/uri (the tests read it from there)
#   start-auth  the same with MLflow's basic-auth app, then the release users as the demo has
#               them (scripts/seed_users.py: dana.scientist, the author; riley.release, EDIT
#               on every seeded model) plus sam.second (a second reviewer) and rita.readonly
#               (READ only), all four enrolled as reviewers with `modelgate-cli audit grant`.
#               Every password, the admin's too, is in <statedir>/users.json (mode 0600); the
#               tests wait for <statedir>/release-setup.done, written last
#   stop        stop that server and every process it started
# <venv> is the Python environment with the pinned MLflow; empty or absent means the one
# `scripts/setup.sh --print-venv --no-apt` gives (building it if needed). MODELGATE_VENV in
# the environment wins over both: the compatibility pass of scripts/test.sh runs the same
# tests against the newest supported MLflow that way.
set -euo pipefail

scriptDir="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
usage() {
    echo "usage: $0 start|stop <statedir> [<venv>]" >&2
    echo "       $0 start-auth <statedir> <venv> <modelgate-cli>" >&2
    exit 2
}
[[ $# -ge 2 ]] || usage
action="$1"
stateDir="$2"
venv="${MODELGATE_VENV:-${3:-}}"
[[ -n $stateDir ]] || usage
case "$action" in
    start | stop) [[ $# -le 3 ]] || usage ;;
    start-auth) [[ $# -eq 4 && -n $4 ]] || usage ;;
    *) usage ;;
esac

if [[ -z $venv ]]; then
    venv="$("$scriptDir/setup.sh" --print-venv --no-apt)"
fi
python="$venv/bin/python"
[[ -x $python ]] || {
    echo "mlflow-test-server: no Python at $python (run scripts/setup.sh)" >&2
    exit 1
}

# The shared basic-auth server: seeded, with the users and enrolments the release tests need.
startWithUsers() {
    local cli="$1"
    [[ -x $cli ]] || {
        echo "mlflow-test-server: no modelgate-cli at $cli (build the target modelgate-cli)" >&2
        exit 1
    }
    local passwordFile="$stateDir/users.json"
    local testUsers=(--user sam.second --user rita.readonly)
    mkdir -p "$stateDir"
    "$python" "$scriptDir/mlflow_server.py" stop "$stateDir"
    # A fresh server gets fresh passwords (--fresh below wipes the auth database that held them).
    rm -f "$passwordFile"
    "$python" "$scriptDir/seed_users.py" passwords "$passwordFile" "${testUsers[@]}"
    local adminPassword
    adminPassword="$("$python" "$scriptDir/seed_users.py" password "$passwordFile" admin)"
    # Two workers: the tests that share it run in parallel (ctest -j2), and each request
    # hashes a password on the server.
    local uri
    uri="$(MODELGATE_MLFLOW_ADMIN_PASSWORD="$adminPassword" \
        "$python" "$scriptDir/mlflow_server.py" start "$stateDir" --fresh --seed --auth --workers 2)"
    "$python" "$scriptDir/seed_users.py" setup --tracking-uri "$uri" --passwords "$passwordFile" \
        --seed-summary "$stateDir/seed.json" "${testUsers[@]}"

    # As the admin of scripts/demo.sh does it, never with the caller's own MLflow credentials.
    local modelArgs=()
    while IFS= read -r model; do
        modelArgs+=(--model "$model")
    done < <("$python" "$scriptDir/seed_users.py" models "$stateDir/seed.json")
    grant() {
        env -u MLFLOW_TRACKING_TOKEN MLFLOW_TRACKING_URI="$uri" MLFLOW_TRACKING_USERNAME=admin \
            MLFLOW_TRACKING_PASSWORD="$adminPassword" XDG_CONFIG_HOME="$stateDir" \
            "$cli" audit grant "$@"
    }
    # The first enrolment sets the ledger up; the others then only add their own entries to it,
    # so they run side by side (the server has two workers).
    grant riley.release "${modelArgs[@]}"
    local pids=() user
    for user in dana.scientist sam.second rita.readonly; do
        grant "$user" &
        pids+=("$!")
    done
    local pid failed=0
    for pid in "${pids[@]}"; do
        wait "$pid" || failed=1
    done
    [[ $failed -eq 0 ]] || {
        echo "mlflow-test-server: enrolling the release users failed (see above)" >&2
        exit 1
    }
    touch "$stateDir/release-setup.done"
    echo "$uri"
}

case "$action" in
    start)
        mkdir -p "$stateDir"
        "$python" "$scriptDir/mlflow_server.py" start "$stateDir" --fresh --seed
        ;;
    start-auth)
        startWithUsers "$4"
        ;;
    stop)
        "$python" "$scriptDir/mlflow_server.py" stop "$stateDir"
        # A stopped server must not look available to a test run later on.
        rm -f "$stateDir/uri" "$stateDir/release-setup.done" "$stateDir/users.json"
        ;;
esac
