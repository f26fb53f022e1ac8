#!/usr/bin/env bash
# ModelGate on a seeded local MLflow server, in one command:
#   1. installs what is missing (scripts/setup.sh),
#   2. builds the GUI and the CLI (build/release),
#   3. starts a real MLflow server with demo content, or reuses the one already running
#      (state in ${XDG_STATE_HOME:-~/.local/state}/modelgate/demo-server, kept between runs),
#   4. adds or updates the workspace profile "Local demo" for it,
#   5. opens the console on it when there is a display; otherwise says how to connect.
#
# Usage: scripts/demo.sh [--screenshots DIR] [--stop]
#   --screenshots DIR  no window: render every main screen offscreen into DIR and exit
#   --stop             stop the demo server (its data stays for next time)
set -euo pipefail

# $HOME can be unset in service or CI environments; the user database knows it.
: "${HOME:=$(getent passwd "$(id -u)" | cut -d: -f6)}"

rootDir="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
scriptDir="$rootDir/scripts"
buildDir="$rootDir/build/release"
stateDir="${XDG_STATE_HOME:-$HOME/.local/state}/modelgate/demo-server"
profileName="Local demo"
screenshotDir=""
stopOnly=0

while [[ $# -gt 0 ]]; do
    case "$1" in
        --screenshots)
            [[ $# -ge 2 && -n $2 ]] || {
                echo "demo.sh: --screenshots needs a directory" >&2
                exit 2
            }
            screenshotDir="$2"
            shift 2
            ;;
        --stop)
            stopOnly=1
            shift
            ;;
        -h | --help)
            sed -n '2,13p' "${BASH_SOURCE[0]}" | sed 's/^# \{0,1\}//'
            exit 0
            ;;
        *)
            echo "demo.sh: unknown argument '$1' (try --help)" >&2
            exit 2
            ;;
    esac
done

say() { echo "==> $*"; }

setupArgs=(--print-venv)
[[ $stopOnly -eq 0 ]] || setupArgs+=(--no-apt)
venv="$("$scriptDir/setup.sh" "${setupArgs[@]}")"
python="$venv/bin/python"

if [[ $stopOnly -eq 1 ]]; then
    "$python" "$scriptDir/mlflow_server.py" stop "$stateDir"
    exit 0
fi

say "Building ModelGate (build/release)"
# RelWithDebInfo at build/release, as the "release" preset has it; no tests for the demo.
cmake -S "$rootDir" -B "$buildDir" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo \
    -DMODELGATE_BUILD_TESTS=OFF >/dev/null
cmake --build "$buildDir" -j2 --target modelgate modelgate-cli
gui="$buildDir/app/gui/modelgate"
cli="$buildDir/app/cli/modelgate-cli"

say "Starting the demo MLflow server (state: $stateDir)"
# Reuses a running server; restarts a stopped one on its data; seeds only an empty one.
uri="$("$python" "$scriptDir/mlflow_server.py" start "$stateDir" --seed)"

say "Writing the workspace profile \"$profileName\""
configHome="${XDG_CONFIG_HOME:-$HOME/.config}"
PROFILE_FILE="$configHome/modelgate/profiles.json" PROFILE_NAME="$profileName" PROFILE_URI="$uri" \
    "$python" - <<'PYTHON'
import json, os, sys, tempfile

path, name, uri = os.environ["PROFILE_FILE"], os.environ["PROFILE_NAME"], os.environ["PROFILE_URI"]
document = {"version": 1, "last_used": name, "profiles": []}
if os.path.exists(path):
    try:
        with open(path, encoding="utf-8") as handle:
            document = json.load(handle)
        if not isinstance(document, dict) or not isinstance(document.get("profiles", []), list):
            raise ValueError("not a profiles document")
    except (OSError, ValueError) as error:
        # Never overwrite what we cannot read: the user's other workspaces are in there.
        sys.exit(f"demo.sh: {path} is unreadable ({error}); not touching it. "
                 f"Use --tracking-uri {uri} instead, or fix the file.")
profile = {"name": name, "tracking_uri": uri, "auth": "none", "username": "",
           "insecure_tls": False, "ca_bundle": ""}
profiles = [p for p in document.get("profiles", []) if not (isinstance(p, dict) and p.get("name") == name)]
document.update({"version": document.get("version", 1), "last_used": name, "profiles": profiles + [profile]})
os.makedirs(os.path.dirname(path), exist_ok=True)
# Atomic and private, as ModelGate itself writes the file.
fd, temporary = tempfile.mkstemp(dir=os.path.dirname(path), prefix=".profiles-")
with os.fdopen(fd, "w", encoding="utf-8") as handle:
    json.dump(document, handle, indent=2)
    handle.write("\n")
os.chmod(temporary, 0o600)
os.replace(temporary, path)
PYTHON

if [[ -n $screenshotDir ]]; then
    say "Rendering the screens offscreen into $screenshotDir"
    mkdir -p "$screenshotDir"
    # Both languages: each run names its files with the language (01-models-en.png, -de.png).
    for lang in en de; do
        QT_QPA_PLATFORM=offscreen "$gui" --profile "$profileName" --lang "$lang" --screenshots "$screenshotDir"
    done
    exit 0
fi

cat <<EOF

MLflow server: $uri  (web UI there too; stop it with: scripts/demo.sh --stop)
Profile:       "$profileName" in $configHome/modelgate/profiles.json
CLI:           $cli --tracking-uri $uri models list
               $cli --profile "$profileName" models list
EOF

if [[ -n ${DISPLAY:-} || -n ${WAYLAND_DISPLAY:-} ]]; then
    say "Opening ModelGate"
    exec "$gui" --profile "$profileName"
fi

cat <<EOF

No display (\$DISPLAY and \$WAYLAND_DISPLAY are unset), so no window opens. The server keeps
running. To see the console without a display, render its screens to PNG files:
  scripts/demo.sh --screenshots screenshots
  # or: QT_QPA_PLATFORM=offscreen $gui --profile "$profileName" --screenshots screenshots
EOF
