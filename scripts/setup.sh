#!/usr/bin/env bash
# Installs what ModelGate needs to build, test and demo, and nothing else:
#   1. the Debian packages (only those missing; a rerun touches apt not at all),
#   2. a Python virtual environment with the pinned MLflow, kept OUTSIDE the build tree in
#      ${XDG_CACHE_HOME:-$HOME/.cache}/modelgate/venv-<key>, where <key> is the first 16 hex
#      digits of the sha256 of the requirement files and the interpreter, so that a change to
#      either builds a new environment and a rerun with no change costs a hash.
#
# Usage: scripts/setup.sh [--print-venv] [--no-apt] [--newest]
#   --print-venv  print the virtual environment's path on stdout (everything else goes to stderr)
#   --no-apt      skip the Debian packages (for callers that only need the venv)
#   --newest      the environment of the newest supported MLflow 3.x (requirements-newest.txt)
#                 instead of the pinned one, for the compatibility pass of scripts/test.sh
set -euo pipefail

# $HOME can be unset in service or CI environments; the user database knows it.
: "${HOME:=$(getent passwd "$(id -u)" | cut -d: -f6)}"

scriptDir="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
printVenv=0
useApt=1
flavour=""
for arg in "$@"; do
    case "$arg" in
        --print-venv) printVenv=1 ;;
        --no-apt) useApt=0 ;;
        --newest) flavour="-newest" ;;
        -h | --help)
            sed -n '2,16p' "${BASH_SOURCE[0]}" | sed 's/^# \{0,1\}//'
            exit 0
            ;;
        *)
            echo "setup.sh: unknown argument '$arg' (try --help)" >&2
            exit 2
            ;;
    esac
done

log() { echo "setup: $*" >&2; }
die() {
    echo "setup: error: $*" >&2
    exit 1
}

command -v python3 >/dev/null 2>&1 || die "python3 is not on PATH"

# --- 1. Debian packages -------------------------------------------------------------------
aptPackages=(
    # toolchain
    cmake ninja-build g++ clang-format pkg-config ccache
    # the hardening passes (scripts/hardening.sh): clang with its sanitizer and libFuzzer
    # runtimes, and llvm-symbolizer for readable reports
    clang-14 libclang-rt-14-dev llvm-14
    # Qt 6.4 (Debian 12): widgets, charts, translations, test HTTP server, websockets
    qt6-base-dev qt6-charts-dev qt6-tools-dev qt6-tools-dev-tools qt6-l10n-tools
    qt6-translations-l10n qt6-httpserver-dev qt6-websockets-dev qt6-qpa-plugins libgl-dev
    # core's HTTP, JSON and credential store; zlib and OpenSSL also for the tests' HTTP server
    libcurl4-openssl-dev libssl-dev zlib1g-dev nlohmann-json3-dev qtkeychain-qt6-dev
    # text on the offscreen platform (tests, screenshots) needs a real font and fontconfig
    fontconfig fonts-dejavu-core
    # pdftotext: the release report test reads the PDF's text back
    poppler-utils
    # the CA bundle that libcurl and pip verify TLS with
    ca-certificates
    # local online endpoints: HAProxy routes and splits the traffic over MLflow scoring servers
    haproxy
    # metrics of endpoints beyond this machine: the tests start a real Prometheus on loopback
    prometheus
    # a private session bus for the breach notification test (tst_desktop_notifier)
    dbus-daemon
)

installAptPackages() {
    # venv alone is not enough: Debian's python3 ships ensurepip separately.
    if ! python3 -c 'import venv, ensurepip' >/dev/null 2>&1; then
        aptPackages+=(python3-venv)
    fi

    # One dpkg-query for all: installed packages print "ii <name>", unknown ones nothing.
    local installed missing=() pkg
    installed="$(dpkg-query -W -f='${db:Status-Abbrev} ${binary:Package}\n' "${aptPackages[@]}" 2>/dev/null |
        awk '$1 == "ii" { sub(/:.*/, "", $2); print $2 }')" || true
    for pkg in "${aptPackages[@]}"; do
        grep -qxF "$pkg" <<<"$installed" || missing+=("$pkg")
    done
    if [[ ${#missing[@]} -eq 0 ]]; then
        log "Debian packages: all ${#aptPackages[@]} present"
        return 0
    fi

    local asRoot=()
    if [[ $(id -u) -ne 0 ]]; then
        command -v sudo >/dev/null 2>&1 ||
            die "missing Debian packages and neither root nor sudo: apt-get install ${missing[*]}"
        asRoot=(sudo)
    fi
    log "installing Debian packages: ${missing[*]}"
    "${asRoot[@]}" env DEBIAN_FRONTEND=noninteractive apt-get update -qq >&2 ||
        die "apt-get update failed"
    # Prometheus is a server the tests start themselves, on loopback: without the exporters and
    # tools it recommends, and without the system service its package enables (on 0.0.0.0:9090).
    local servers=() others=()
    for pkg in "${missing[@]}"; do
        if [[ $pkg == prometheus ]]; then servers+=("$pkg"); else others+=("$pkg"); fi
    done
    if [[ ${#others[@]} -gt 0 ]]; then
        "${asRoot[@]}" env DEBIAN_FRONTEND=noninteractive \
            apt-get install -y -q -o Dpkg::Use-Pty=0 "${others[@]}" >&2 ||
            die "apt-get install failed for: ${others[*]}"
    fi
    if [[ ${#servers[@]} -gt 0 ]]; then
        "${asRoot[@]}" env DEBIAN_FRONTEND=noninteractive \
            apt-get install -y -q -o Dpkg::Use-Pty=0 --no-install-recommends "${servers[@]}" >&2 ||
            die "apt-get install failed for: ${servers[*]}"
        if [[ -d /run/systemd/system ]] && command -v systemctl >/dev/null 2>&1; then
            log "stopping and disabling the prometheus system service the package enabled (the tests run their own)"
            "${asRoot[@]}" systemctl disable --now prometheus.service >&2 || true
        fi
    fi
}

if [[ $useApt -eq 1 ]]; then
    command -v dpkg-query >/dev/null 2>&1 || die "not a Debian system (no dpkg-query); use --no-apt and install the packages by hand"
    installAptPackages
fi

# --- 2. Python virtual environment ---------------------------------------------------------
requirements="$scriptDir/requirements$flavour.txt"
constraints="$scriptDir/constraints$flavour.txt"
[[ -f $requirements && -f $constraints ]] || die "missing $requirements or $constraints"

# A venv is bound to the interpreter that made it, so the interpreter is part of the key.
interpreter="$(python3 -c 'import sys; print(sys.version, sys.base_prefix)')"
key="$( { cat "$requirements" "$constraints"; echo "$interpreter"; } | sha256sum | cut -c1-16)"
cacheDir="${XDG_CACHE_HOME:-$HOME/.cache}/modelgate"
venv="$cacheDir/venv$flavour-$key"
marker="$venv/.modelgate-complete"

venvComplete() { [[ -f $marker && $(cat "$marker") == "$key" && -x $venv/bin/python ]]; }

if ! venvComplete; then
    mkdir -p "$cacheDir"
    # Two setups at once (demo and tests) must not build the same venv over each other.
    exec 9>"$cacheDir/venv-$key.lock"
    flock 9
    if ! venvComplete; then
        log "creating Python environment $venv (a few minutes the first time)"
        rm -rf "$venv"
        python3 -m venv "$venv" >&2 || die "python3 -m venv failed (on Debian: apt-get install python3-venv)"
        if ! "$venv/bin/python" -m pip install --quiet --no-input \
            -r "$requirements" -c "$constraints" >&2; then
            rm -rf "$venv"
            die "pip install into $venv failed (see above)"
        fi
        "$venv/bin/python" -c 'import mlflow, sklearn, flask_wtf' ||
            die "the new environment cannot import mlflow/sklearn/flask_wtf"
        echo "$key" >"$marker"
        log "Python environment ready"
    fi
    exec 9>&-
else
    log "Python environment: $venv (cached)"
fi

if [[ $printVenv -eq 1 ]]; then
    echo "$venv"
fi
