#!/usr/bin/env bash
# ModelGate on a seeded local MLflow server, in one command:
#   1. installs what is missing (scripts/setup.sh),
#   2. builds the GUI and the CLI (build/release),
#   3. starts a real MLflow server with demo content and MLflow's basic-auth app, or reuses
#      the one already running (state in ${XDG_STATE_HOME:-~/.local/state}/modelgate/demo-server,
#      kept between runs; the users' random passwords in demo-users.json there, mode 0600),
#   4. once per server: creates the users dana.scientist (data scientist, trained the models)
#      and riley.release (release manager, EDIT on every model), enrols both as reviewers
#      with `modelgate-cli audit grant`, and records riley's release policy for
#      diabetes-classifier (scripts/demo_release_policy.json),
#   5. adds or updates the workspace profile "Local demo" (user riley.release) for it,
#   6. prints the users' passwords and CLI examples, and opens the console on it as riley
#      when there is a display; otherwise says how to connect.
#
# Usage: scripts/demo.sh [--screenshots DIR] [--stop]
#   --screenshots DIR  no window: render every main screen offscreen into DIR, write the
#                      release report of diabetes-classifier v4 (PDF, and its first page as PNG),
#                      then approve v3 and v4 as riley (unless approved), deploy them to a local
#                      endpoint of the run's own for the Endpoints screens, run the canary drill
#                      (a faulty hot-fix under load, caught by `endpoint watch`) for the
#                      monitoring screens, delete the endpoint, exit
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
            sed -n '2,20p' "${BASH_SOURCE[0]}" | sed 's/^# \{0,1\}//'
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

passwordFile="$stateDir/demo-users.json"
setupMarker="$stateDir/release-setup.done"
dataScientist="dana.scientist"
releaseManager="riley.release"
mkdir -p "$stateDir"
# MLflow keeps the admin password of its first start in basic_auth.db: without the file that
# holds it, start that database afresh (the setup below makes the users again).
if [[ ! -f $passwordFile && -f $stateDir/basic_auth.db ]]; then
    "$python" "$scriptDir/mlflow_server.py" stop "$stateDir"
    rm -f "$stateDir/basic_auth.db" "$setupMarker"
fi
"$python" "$scriptDir/seed_users.py" passwords "$passwordFile"
password() { "$python" "$scriptDir/seed_users.py" password "$passwordFile" "$1"; }
adminPassword="$(password admin)"
dataScientistPassword="$(password "$dataScientist")"
releaseManagerPassword="$(password "$releaseManager")"

say "Starting the demo MLflow server with basic auth (state: $stateDir)"
# Reuses a running server; restarts a stopped one (or one without auth) on its data; seeds
# only an empty one.
uri="$(MODELGATE_MLFLOW_ADMIN_PASSWORD="$adminPassword" \
    "$python" "$scriptDir/mlflow_server.py" start "$stateDir" --seed --auth)"

# The CLI as one of the demo's users (never with the caller's own MLflow credentials).
cliAs() {
    local user="$1" secret="$2"
    shift 2
    env -u MLFLOW_TRACKING_TOKEN MLFLOW_TRACKING_URI="$uri" MLFLOW_TRACKING_USERNAME="$user" \
        MLFLOW_TRACKING_PASSWORD="$secret" "$cli" "$@"
}

if [[ ! -f $setupMarker ]]; then
    say "Creating the demo users and enrolling them as reviewers"
    "$python" "$scriptDir/seed_users.py" setup --tracking-uri "$uri" --passwords "$passwordFile" \
        --seed-summary "$stateDir/seed.json"
    modelArgs=()
    while IFS= read -r model; do
        modelArgs+=(--model "$model")
    done < <("$python" "$scriptDir/seed_users.py" models "$stateDir/seed.json")
    cliAs admin "$adminPassword" audit grant "$releaseManager" "${modelArgs[@]}"
    cliAs admin "$adminPassword" audit grant "$dataScientist"
    say "Recording the release policy of diabetes-classifier (as $releaseManager)"
    if ! policyOutput="$(cliAs "$releaseManager" "$releaseManagerPassword" review policy set \
        diabetes-classifier --file "$scriptDir/demo_release_policy.json" \
        --comment "Clinical release policy: AUC and recall floors; precision may trade for recall" 2>&1)"; then
        # Already in force (a setup interrupted after this step) is fine; anything else is not.
        if [[ $policyOutput != *already_decided* ]]; then
            echo "$policyOutput" >&2
            exit 1
        fi
    fi
    touch "$setupMarker"
fi

say "Writing the workspace profile \"$profileName\""
configHome="${XDG_CONFIG_HOME:-$HOME/.config}"
PROFILE_FILE="$configHome/modelgate/profiles.json" PROFILE_NAME="$profileName" PROFILE_URI="$uri" \
    PROFILE_USER="$releaseManager" PROFILE_MLFLOW="$(dirname "$python")/mlflow" "$python" - <<'PYTHON'
import json, os, sys, tempfile

path, name, uri = os.environ["PROFILE_FILE"], os.environ["PROFILE_NAME"], os.environ["PROFILE_URI"]
user, mlflow = os.environ["PROFILE_USER"], os.environ["PROFILE_MLFLOW"]
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
# No password here: ModelGate reads it from the keychain or MLFLOW_TRACKING_PASSWORD.
# mlflow_executable: local deployments start their scoring servers from this environment.
profile = {"name": name, "tracking_uri": uri, "auth": "basic", "username": user,
           "insecure_tls": False, "ca_bundle": "", "mlflow_executable": mlflow}
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
    # The registry and review screens first, before the endpoint screens' decisions below. Both
    # languages: each run names its files with the language (01-models-en.png, -de.png). No
    # endpoint exists for these runs (their own empty XDG_DATA_HOME): the endpoint screens come after.
    endpointHome="$(mktemp -d /tmp/modelgate-shots-XXXXXX)"
    export XDG_DATA_HOME="$endpointHome"
    cleanupEndpoints() {
        cliAs "$releaseManager" "$releaseManagerPassword" endpoint delete diabetes-online \
            --comment "screenshots taken" >/dev/null 2>&1 || true
        rm -rf "$endpointHome"
    }
    trap cleanupEndpoints EXIT
    for lang in en de; do
        QT_QPA_PLATFORM=offscreen MLFLOW_TRACKING_USERNAME="$releaseManager" \
            MLFLOW_TRACKING_PASSWORD="$releaseManagerPassword" \
            "$gui" --profile "$profileName" --lang "$lang" --screenshots "$screenshotDir"
        # The release report an auditor gets (PDF), and its first page as a picture.
        report="$screenshotDir/release-report-$lang.pdf"
        cliAs "$releaseManager" "$releaseManagerPassword" review report diabetes-classifier 4 \
            --out "$report" --lang "$lang"
        pdftoppm -png -r 80 -f 1 -l 1 -singlefile "$report" "$screenshotDir/16-release-report-$lang"
    done

    # The Endpoints screens show real endpoints: v3 (the champion) serving 90 % and v4 as a 10 %
    # canary on a local endpoint of this run's own, deleted afterwards. riley approves both
    # first (on a second run they are approved already); the approvals and the deployment
    # records stay in the demo server's trail, as every deployment's do.
    say "Approving and deploying diabetes-classifier v3 and v4 for the Endpoints screens"
    for version in 3 4; do
        cliAs "$releaseManager" "$releaseManagerPassword" review verify diabetes-classifier "$version" \
            >/dev/null 2>&1 ||
            cliAs "$releaseManager" "$releaseManagerPassword" review approve diabetes-classifier "$version" \
                --comment "approved for the screenshots' endpoint" >/dev/null
    done
    # Through the profile: it names the Python environment's mlflow for the scoring servers.
    cliAs "$releaseManager" "$releaseManagerPassword" --profile "$profileName" deploy diabetes-classifier 3 \
        --endpoint diabetes-online --deployment v3 --production --comment "the champion serves" >/dev/null
    cliAs "$releaseManager" "$releaseManagerPassword" --profile "$profileName" deploy diabetes-classifier 4 \
        --endpoint diabetes-online --deployment v4 --traffic 10 --comment "canary" >/dev/null

    # The monitoring screens show the canary drill of docs/monitoring.md, for real: a faulty
    # hot-fix (registered once per demo server, by the data scientist) gets 20 % under load,
    # `endpoint watch` records its breach and rolls it back, and it is withdrawn; the load goes
    # on while the screens are taken, so the charts are live.
    say "The canary drill for the monitoring screens: a faulty hot-fix caught and rolled back"
    faultyFile="$stateDir/faulty-version"
    if [[ ! -s $faultyFile ]]; then
        MLFLOW_TRACKING_USERNAME="$dataScientist" MLFLOW_TRACKING_PASSWORD="$dataScientistPassword" \
            "$python" "$scriptDir/register_faulty_version.py" --tracking-uri "$uri" \
            --model diabetes-classifier --source-version 4 2>/dev/null | tail -n 1 >"$faultyFile"
    fi
    faulty="$(cat "$faultyFile")"
    cliAs "$releaseManager" "$releaseManagerPassword" review verify diabetes-classifier "$faulty" >/dev/null 2>&1 ||
        cliAs "$releaseManager" "$releaseManagerPassword" review approve diabetes-classifier "$faulty" \
            --comment "hot-fix; offline metrics as v4" >/dev/null
    cliAs "$releaseManager" "$releaseManagerPassword" --profile "$profileName" deploy diabetes-classifier \
        "$faulty" --endpoint diabetes-online --deployment "v$faulty" --comment "hot-fix candidate" >/dev/null
    cliAs "$releaseManager" "$releaseManagerPassword" endpoint slo diabetes-online --auto-rollback on >/dev/null
    cliAs "$releaseManager" "$releaseManagerPassword" endpoint load diabetes-online \
        --csv "$scriptDir/demo_patients.csv" --rps 12 --duration 900 >/dev/null 2>&1 &
    loadPid=$!
    cliAs "$releaseManager" "$releaseManagerPassword" endpoint watch diabetes-online --interval 5 \
        >"$endpointHome/watch.log" 2>&1 &
    watchPid=$!
    trap 'kill $loadPid $watchPid 2>/dev/null || true; cleanupEndpoints' EXIT
    sleep 20 # some chart before the canary
    cliAs "$releaseManager" "$releaseManagerPassword" endpoint traffic diabetes-online v3=70 v4=10 \
        "v$faulty=20" --comment "hot-fix canary" >/dev/null
    for _ in $(seq 1 90); do
        grep -q "ROLLED BACK" "$endpointHome/watch.log" && break
        sleep 2
    done
    if ! grep -q "ROLLED BACK" "$endpointHome/watch.log"; then
        cat "$endpointHome/watch.log" >&2
        echo "demo.sh: the watcher did not roll the faulty canary back" >&2
        exit 1
    fi
    kill "$watchPid" 2>/dev/null || true
    cliAs "$releaseManager" "$releaseManagerPassword" endpoint delete diabetes-online --deployment "v$faulty" \
        --comment "the faulty hot-fix is withdrawn" >/dev/null
    sleep 30 # the load goes on without it: the charts show the recovery

    endpointShots="$endpointHome/shots"
    mkdir -p "$endpointShots"
    for lang in en de; do
        QT_QPA_PLATFORM=offscreen MLFLOW_TRACKING_USERNAME="$releaseManager" \
            MLFLOW_TRACKING_PASSWORD="$releaseManagerPassword" \
            MODELGATE_SCREENSHOT_CSV="$scriptDir/demo_patients.csv" \
            MODELGATE_SCREENSHOT_ENDPOINT=diabetes-online \
            "$gui" --profile "$profileName" --lang "$lang" --screenshots "$endpointShots"
        cp "$endpointShots"/1[7-9]-*-"$lang".png "$endpointShots"/2[0-2]-*-"$lang".png \
            "$endpointShots"/25-*-"$lang".png "$screenshotDir"/
    done
    kill "$loadPid" 2>/dev/null || true

    # The Azure ML screens (23, 24): the same two versions on a managed online endpoint of the
    # local stand-in of Azure (scripts/azure_ml_fake.py, docs/azure.md: Entra ID, ARM and the
    # workspace's MLflow endpoint in front of this demo server; real scoring servers), riley
    # signed in as after `az login`.
    say "The Azure ML screens: an endpoint of the local stand-in of Azure"
    azureDir="$endpointHome/azure"
    mkdir -p "$azureDir" && chmod 700 "$azureDir"
    AZ_DIR="$azureDir" AZ_USER="$releaseManager" AZ_MLFLOW_PASSWORD="$releaseManagerPassword" \
        AZ_ADMIN_PASSWORD="$adminPassword" "$python" - <<'PYTHON'
import json, os, secrets
directory = os.environ["AZ_DIR"]
principals = {"tenant": "72f988bf-86f1-41af-91ab-2d7cd011db47", "clients": [],
              "users": [{"upn": os.environ["AZ_USER"], "password": secrets.token_urlsafe(18),
                         "oid": "00000000-0000-4000-8000-0000000a11e5", "mlflowUser": os.environ["AZ_USER"],
                         "mlflowPassword": os.environ["AZ_MLFLOW_PASSWORD"]}],
              "mlflowAdmin": {"user": "admin", "password": os.environ["AZ_ADMIN_PASSWORD"]}}
path = os.path.join(directory, "principals.json")
with open(os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600), "w", encoding="utf-8") as handle:
    json.dump(principals, handle)
PYTHON
    "$python" "$scriptDir/azure_ml_fake.py" run --state-dir "$azureDir/state" --principals "$azureDir/principals.json" \
        --mlflow-uri "$uri" --mlflow-executable "$(dirname "$python")/mlflow" >"$azureDir/fake.out" 2>&1 &
    azurePid=$!
    trap 'kill $azurePid 2>/dev/null || true; "$python" "$scriptDir/azure_ml_fake.py" stop --state-dir "$azureDir/state" >/dev/null 2>&1 || true; cleanupEndpoints' EXIT
    for _ in $(seq 1 300); do [[ -s $azureDir/state/fake.json ]] && break; sleep 0.2; done
    [[ -s $azureDir/state/fake.json ]] || { cat "$azureDir/fake.out" >&2; echo "demo.sh: the Azure stand-in did not start" >&2; exit 1; }
    export MODELGATE_AZURE_CLI="$scriptDir/fake-az" MODELGATE_FAKE_AZ_LOGIN="$azureDir/az-login.json"
    azureProfile="Azure ML demo (local stand-in)"
    AZ_DIR="$azureDir" PROFILE_FILE="$configHome/modelgate/profiles.json" PROFILE_NAME="$azureProfile" \
        "$python" - <<'PYTHON'
import json, os, tempfile
directory, path, name = os.environ["AZ_DIR"], os.environ["PROFILE_FILE"], os.environ["PROFILE_NAME"]
fake = json.load(open(os.path.join(directory, "state", "fake.json"), encoding="utf-8"))
principals = json.load(open(os.path.join(directory, "principals.json"), encoding="utf-8"))
user = principals["users"][0]
login = {"loginUrl": fake["login"], "tenant": fake["tenant"], "username": user["upn"], "password": user["password"],
         "subscription": fake["subscription"]}
with open(os.open(os.path.join(directory, "az-login.json"), os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600), "w") as handle:
    json.dump(login, handle)
document = json.load(open(path, encoding="utf-8"))
profile = {"name": name, "kind": "azureml", "auth": "bearer",
           "azure": {"subscription_id": fake["subscription"], "resource_group": fake["resourceGroup"],
                     "workspace": fake["workspace"], "region": fake["region"], "arm_base_url": fake["arm"],
                     "authority_host": fake["login"], "sign_in": "azure-cli"}}
document["profiles"] = [p for p in document.get("profiles", []) if p.get("name") != name] + [profile]
fd, temporary = tempfile.mkstemp(dir=os.path.dirname(path), prefix=".profiles-")
with os.fdopen(fd, "w", encoding="utf-8") as handle:
    json.dump(document, handle, indent=2)
    handle.write("\n")
os.chmod(temporary, 0o600)
os.replace(temporary, path)
PYTHON
    "$cli" --profile "$azureProfile" deploy diabetes-classifier 3 --endpoint clinic-online --deployment blue \
        --production --comment "the champion serves on Azure" >/dev/null
    "$cli" --profile "$azureProfile" deploy diabetes-classifier 4 --endpoint clinic-online --deployment green \
        --traffic 10 --instance-type Standard_F4s_v2 --comment "canary on Azure" >/dev/null
    "$cli" --profile "$azureProfile" endpoint invoke clinic-online --csv "$scriptDir/demo_patients.csv" >/dev/null
    for lang in en de; do
        QT_QPA_PLATFORM=offscreen MODELGATE_SCREENSHOT_AZURE=1 \
            "$gui" --profile "$azureProfile" --lang "$lang" --screenshots "$endpointShots"
        cp "$endpointShots"/2[3-4]-*-"$lang".png "$screenshotDir"/
    done
    "$cli" --profile "$azureProfile" endpoint traffic clinic-online blue=100 >/dev/null 2>&1 || true
    "$cli" --profile "$azureProfile" endpoint delete clinic-online --comment "screenshots taken" >/dev/null 2>&1 || true
    exit 0
fi

cat <<EOF

MLflow server: $uri  (basic auth; its web UI takes the users below;
               stop it with: scripts/demo.sh --stop)
Users (passwords kept in $passwordFile, readable only by you):
  $releaseManager   $releaseManagerPassword   release manager: EDIT on every model, enrolled reviewer
  $dataScientist  $dataScientistPassword   data scientist: trained and registered the versions
  admin           $adminPassword   MLflow admin
Profile:       "$profileName" (user $releaseManager) in $configHome/modelgate/profiles.json

Release review from the CLI, as the release manager:
  export MLFLOW_TRACKING_USERNAME=$releaseManager MLFLOW_TRACKING_PASSWORD='$releaseManagerPassword'
  $cli --profile "$profileName" review checks diabetes-classifier 4
  $cli --profile "$profileName" review approve diabetes-classifier 4 --comment "AUC and recall up; reviewed the drift report"
  $cli --profile "$profileName" review verify diabetes-classifier 4
  $cli --profile "$profileName" audit show diabetes-classifier
The data scientist trained version 4, so the four-eyes rule refuses her approval:
  MLFLOW_TRACKING_USERNAME=$dataScientist MLFLOW_TRACKING_PASSWORD='$dataScientistPassword' \\
    $cli --tracking-uri $uri review approve diabetes-classifier 4 --comment "my own model"

Deployment to a local online endpoint (HAProxy + MLflow scoring servers, docs/deployment.md;
nothing is deployed until you run these), as the release manager after the approval above:
  $cli --profile "$profileName" review approve diabetes-classifier 3 --comment "the serving champion"
  $cli --profile "$profileName" deploy diabetes-classifier 3 --endpoint diabetes-online --deployment v3 --production
  $cli --profile "$profileName" endpoint invoke diabetes-online --csv $scriptDir/demo_patients.csv
  $cli --profile "$profileName" deploy diabetes-classifier 4 --endpoint diabetes-online --deployment v4
  $cli --profile "$profileName" endpoint invoke diabetes-online --csv $scriptDir/demo_patients.csv --deployment v4
  $cli --profile "$profileName" endpoint traffic diabetes-online v3=90 v4=10 --comment "canary"
  $cli --profile "$profileName" endpoint traffic diabetes-online v4=100 --comment "promote"
  $cli --profile "$profileName" endpoint rollback diabetes-online --comment "back to the split before"
  $cli --profile "$profileName" endpoint status diabetes-online
  $cli --profile "$profileName" audit show diabetes-classifier
An unapproved version is refused before anything starts:
  $cli --profile "$profileName" deploy diabetes-classifier 2 --endpoint diabetes-online --deployment v2
Monitoring and the canary drill (docs/monitoring.md): a faulty hot-fix (v4's model and
evaluation, but it fails on rows with BMI above 40) as a canary, caught and rolled back:
  MLFLOW_TRACKING_USERNAME=$dataScientist MLFLOW_TRACKING_PASSWORD='$dataScientistPassword' \\
    $python $scriptDir/register_faulty_version.py --tracking-uri $uri --model diabetes-classifier --source-version 4
  $cli --profile "$profileName" review approve diabetes-classifier 5 --comment "hot-fix; offline metrics as v4"
  $cli --profile "$profileName" deploy diabetes-classifier 5 --endpoint diabetes-online --deployment v5
  $cli --profile "$profileName" endpoint slo diabetes-online --auto-rollback on
  $cli --profile "$profileName" endpoint watch diabetes-online &    # or keep the console's Endpoints tab open
  $cli --profile "$profileName" endpoint load diabetes-online --csv $scriptDir/demo_patients.csv --rps 20 --duration 120 &
  $cli --profile "$profileName" endpoint traffic diabetes-online v3=80 v5=20 --comment "hot-fix canary"
  $cli --profile "$profileName" endpoint metrics diabetes-online --window 5m
  $cli --profile "$profileName" audit show diabetes-classifier
Endpoints outlive the console and the CLI; remove this one with:
  $cli --profile "$profileName" endpoint traffic diabetes-online v4=100 && \\
    $cli --profile "$profileName" endpoint delete diabetes-online
EOF

if [[ -n ${DISPLAY:-} || -n ${WAYLAND_DISPLAY:-} ]]; then
    say "Opening ModelGate as $releaseManager"
    MLFLOW_TRACKING_USERNAME="$releaseManager" MLFLOW_TRACKING_PASSWORD="$releaseManagerPassword" \
        exec "$gui" --profile "$profileName"
fi

cat <<EOF

No display (\$DISPLAY and \$WAYLAND_DISPLAY are unset), so no window opens. The server keeps
running. To see the console without a display, render its screens to PNG files:
  scripts/demo.sh --screenshots screenshots
  # or, after the export above:
  #   QT_QPA_PLATFORM=offscreen $gui --profile "$profileName" --screenshots screenshots
EOF
