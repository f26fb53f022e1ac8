#!/usr/bin/env bash
# End-to-end check of scripts/azure_ml_fake.py against a real, freshly seeded MLflow server:
# tokens, the workspace, the MLflow proxy, a whole blue/green rollout with real
# `mlflow models serve` deployments, conflicts and validation errors, a deployment that fails
# to start, revoked tokens, deletion, and that `stop` leaves no process behind.
#
#   tests/fakes/check_azure_ml_fake.sh [--auth]
#
# --auth: the MLflow server runs MLflow's basic-auth app; the fake reads the registry and starts
# its servers as the admin and proxies each principal as its own MLflow user (slower: every
# authenticated MLflow request costs the server a password hash).
# Environment: PY (the venv's python; default: what scripts/setup.sh prints),
# CHECK_MLFLOW_URI (without --auth: use this running, seeded MLflow server instead of starting one).
# Exits non-zero at the first mismatch; a trap stops everything it started. About a minute
# (two with --auth).
set -euo pipefail
AUTH_MODE=""
[[ "${1:-}" == --auth ]] && AUTH_MODE=1

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
PY=${PY:-$("$ROOT/scripts/setup.sh" --print-venv --no-apt 2>/dev/null)/bin/python}
WORK=$(mktemp -d "${TMPDIR:-/tmp}/azure-fake-check.XXXXXX")
FAKE_PID=""
STARTED_MLFLOW=""
SERVER_PIDS=()

cleanup() {
    local status=$?
    set +e
    if [[ -n "$FAKE_PID" ]]; then
        "$PY" "$ROOT/scripts/azure_ml_fake.py" stop --state-dir "$WORK/fake" 2>/dev/null
        wait "$FAKE_PID" 2>/dev/null
    fi
    [[ -n "$STARTED_MLFLOW" ]] && "$PY" "$ROOT/scripts/mlflow_server.py" stop "$WORK/mlflow" 2>/dev/null
    rm -rf "$WORK"
    if [[ $status -eq 0 ]]; then echo "check_azure_ml_fake: all checks passed"; else echo "check_azure_ml_fake: FAILED" >&2; fi
    exit $status
}
trap cleanup EXIT
trap 'exit 130' INT TERM

fail() { echo "FAIL: $*" >&2; [[ -f "$WORK/body" ]] && { echo "--- last body:" >&2; head -c 2000 "$WORK/body" >&2; echo >&2; }; exit 1; }
ok() { echo "ok: $*"; }

# --- HTTP and JSON helpers ------------------------------------------------------------------
# req METHOD URL [BODY] [extra curl args...]: sets STATUS; the body is in $WORK/body, headers in $WORK/headers.
req() {
    local method=$1 url=$2 data=${3-}
    shift 3 2>/dev/null || shift $#
    local args=(-s -X "$method" -o "$WORK/body" -D "$WORK/headers" -w '%{http_code}')
    [[ -n "${AUTH:-}" ]] && args+=(-H "Authorization: Bearer $AUTH")
    if [[ -n "$data" ]]; then args+=(-H 'Content-Type: application/json' --data-binary "$data"); fi
    STATUS=$(curl "${args[@]}" "$@" "$url")
}
# jget EXPR: evaluate a Python expression over the last body (bound to d).
jget() { "$PY" -c 'import json,sys; d=json.load(open(sys.argv[1])); v=eval(sys.argv[2]); print(json.dumps(v) if isinstance(v,(dict,list,bool)) or v is None else v)' "$WORK/body" "$1"; }
header() { { grep -i "^$1:" "$WORK/headers" || true; } | head -1 | cut -d' ' -f2- | tr -d '\r'; }
expect_status() { [[ "$STATUS" == "$1" ]] || fail "$2: HTTP $STATUS, expected $1"; ok "$2 ($STATUS)"; }
expect_eq() { [[ "$1" == "$2" ]] || fail "$3: got '$1', expected '$2'"; ok "$3"; }
expect_in() { [[ "$1" == *"$2"* ]] || fail "$3: '$2' not in '$1'"; ok "$3"; }
# poll URL [SECONDS]: follow an Azure-AsyncOperation monitor until it leaves InProgress; sets OP_STATUS.
poll() {
    local deadline=$((SECONDS + ${2:-120}))
    while :; do
        req GET "$1"
        [[ "$STATUS" == 200 ]] || fail "operation monitor answered $STATUS"
        OP_STATUS=$(jget 'd["status"]')
        [[ "$OP_STATUS" != InProgress ]] && return 0
        [[ "$(header Retry-After)" == 1 ]] || fail "no Retry-After while InProgress"
        ((SECONDS < deadline)) || fail "operation still InProgress after ${2:-120} s"
        sleep 0.5
    done
}
token() {  # token FORM... -> prints access_token
    curl -s -X POST "$LOGIN/$TENANT/oauth2/v2.0/token" "$@" | "$PY" -c 'import json,sys; print(json.load(sys.stdin)["access_token"])'
}
secret() { "$PY" -c 'import secrets; print(secrets.token_urlsafe(18))'; }

# --- a real MLflow server with the seeded registry ----------------------------------------
ADMIN_PASSWORD=""
RILEY_PASSWORD="unused-open-server"
if [[ -n "$AUTH_MODE" ]]; then
    "$PY" "$ROOT/scripts/seed_users.py" passwords "$WORK/passwords.json" >/dev/null
    ADMIN_PASSWORD=$("$PY" "$ROOT/scripts/seed_users.py" password "$WORK/passwords.json" admin)
    RILEY_PASSWORD=$("$PY" "$ROOT/scripts/seed_users.py" password "$WORK/passwords.json" riley.release)
    STARTED_MLFLOW=1
    MLFLOW_URI=$(MODELGATE_MLFLOW_ADMIN_PASSWORD=$ADMIN_PASSWORD "$PY" "$ROOT/scripts/mlflow_server.py" start "$WORK/mlflow" \
        --fresh --seed --auth 2>"$WORK/mlflow.err" | tail -1) || { cat "$WORK/mlflow.err" >&2; fail "could not start MLflow"; }
    "$PY" "$ROOT/scripts/seed_users.py" setup --tracking-uri "$MLFLOW_URI" --passwords "$WORK/passwords.json" \
        --seed-summary "$WORK/mlflow/seed.json" >/dev/null 2>"$WORK/users.err" || { cat "$WORK/users.err" >&2; fail "users"; }
elif [[ -n "${CHECK_MLFLOW_URI:-}" ]]; then
    MLFLOW_URI=$CHECK_MLFLOW_URI
else
    STARTED_MLFLOW=1
    MLFLOW_URI=$("$PY" "$ROOT/scripts/mlflow_server.py" start "$WORK/mlflow" --fresh --seed 2>"$WORK/mlflow.err" | tail -1) \
        || { cat "$WORK/mlflow.err" >&2; fail "could not start MLflow"; }
fi
ok "MLflow at $MLFLOW_URI${AUTH_MODE:+ (basic auth)}"
BAD_VERSION=$(MLFLOW_TRACKING_URI=$MLFLOW_URI MLFLOW_TRACKING_USERNAME=${AUTH_MODE:+admin} \
    MLFLOW_TRACKING_PASSWORD=$ADMIN_PASSWORD "$PY" "$ROOT/scripts/register_faulty_version.py" --tracking-uri "$MLFLOW_URI" \
    --model diabetes-classifier --source-version 3 --fail-load 2>"$WORK/faulty.err" | tail -1)
[[ "$BAD_VERSION" =~ ^[0-9]+$ ]] || { cat "$WORK/faulty.err" >&2; fail "registering the --fail-load version"; }
ok "registered diabetes-classifier v$BAD_VERSION that cannot load"

# --- the fake -------------------------------------------------------------------------------
TENANT=$("$PY" -c 'import uuid; print(uuid.uuid4())')
CLIENT_ID=$("$PY" -c 'import uuid; print(uuid.uuid4())')
CLIENT_SECRET=$(secret)
USER_PASSWORD=$(secret)
ADMIN_ENTRY=""
[[ -n "$AUTH_MODE" ]] && ADMIN_ENTRY=", \"mlflowAdmin\": {\"user\": \"admin\", \"password\": \"$ADMIN_PASSWORD\"}"
(umask 077; cat >"$WORK/principals.json" <<JSON
{"tenant": "$TENANT",
 "clients": [{"clientId": "$CLIENT_ID", "clientSecret": "$CLIENT_SECRET", "oid": "$("$PY" -c 'import uuid; print(uuid.uuid4())')",
              "mlflowUser": "riley.release", "mlflowPassword": "$RILEY_PASSWORD"}],
 "users": [{"upn": "riley.release", "password": "$USER_PASSWORD", "oid": "$("$PY" -c 'import uuid; print(uuid.uuid4())')",
            "mlflowUser": "riley.release", "mlflowPassword": "$RILEY_PASSWORD"},
           {"upn": "no.mlflow", "password": "$USER_PASSWORD", "oid": "$("$PY" -c 'import uuid; print(uuid.uuid4())')"}]
 $ADMIN_ENTRY}
JSON
)
"$PY" "$ROOT/scripts/azure_ml_fake.py" run --state-dir "$WORK/fake" --principals "$WORK/principals.json" \
    --mlflow-uri "$MLFLOW_URI" --endpoint-create-seconds 1 --traffic-update-seconds 1 --provision-timeout 120 \
    --page-size 1 --metrics-delay-seconds -60 >"$WORK/fake.out" 2>"$WORK/fake.err" &
FAKE_PID=$!
for _ in $(seq 1 100); do grep -q '^READY ' "$WORK/fake.out" 2>/dev/null && break; sleep 0.1; done
grep -q '^READY ' "$WORK/fake.out" || { cat "$WORK/fake.err" >&2; fail "the fake did not start"; }
state() { "$PY" -c 'import json,sys; print(json.load(open(sys.argv[1]))[sys.argv[2]])' "$WORK/fake/fake.json" "$1"; }
LOGIN=$(state login); ARM=$(state arm); MLFLOW=$(state mlflow); SCORING=$(state scoring); SUB=$(state subscription)
expect_eq "$(state pid)" "$FAKE_PID" "fake.json names the fake's pid"
expect_eq "$(head -1 "$WORK/fake.out")" "READY $ARM" "READY line names the ARM URL"
WS="/subscriptions/$SUB/resourceGroups/rg-modelgate/providers/Microsoft.MachineLearningServices/workspaces/ws-modelgate"
API="api-version=2025-12-01"

# --- login ----------------------------------------------------------------------------------
ARM_SCOPE=https://management.azure.com/.default
AUTH="" req POST "$LOGIN/$TENANT/oauth2/v2.0/token" "" -d grant_type=client_credentials -d "client_id=$CLIENT_ID" \
    --data-urlencode client_secret=wrong --data-urlencode "scope=$ARM_SCOPE"
expect_status 401 "wrong client secret"; expect_eq "$(jget 'd["error"]')" invalid_client "wrong secret is invalid_client"
expect_eq "$(jget 'd["error_codes"][0]')" 7000215 "wrong secret is AADSTS7000215"
AUTH="" req POST "$LOGIN/00000000-1111-2222-3333-444444444444/oauth2/v2.0/token" "" -d grant_type=client_credentials \
    -d "client_id=$CLIENT_ID" --data-urlencode "client_secret=$CLIENT_SECRET" --data-urlencode "scope=$ARM_SCOPE"
expect_status 400 "unknown tenant"; expect_eq "$(jget 'd["error_codes"][0]')" 90002 "unknown tenant is AADSTS90002"
AUTH="" req POST "$LOGIN/$TENANT/oauth2/v2.0/token" "" -d grant_type=client_credentials -d "client_id=$CLIENT_ID" \
    --data-urlencode "client_secret=$CLIENT_SECRET" --data-urlencode "scope=https://management.azure.com/user_impersonation"
expect_status 400 "scope without /.default"; expect_eq "$(jget 'd["error"]')" invalid_scope "bad scope is invalid_scope"
AUTH="" req POST "$LOGIN/$TENANT/oauth2/v2.0/token" "" -d grant_type=password -d client_id=any -d username=riley.release \
    -d password=wrong --data-urlencode "scope=$ARM_SCOPE"
expect_status 400 "wrong user password"; expect_eq "$(jget 'd["error"]')" invalid_grant "wrong password is invalid_grant"
AUTH="" req POST "$LOGIN/$TENANT/oauth2/v2.0/token" "" -d grant_type=client_credentials -u "$CLIENT_ID:$CLIENT_SECRET" \
    --data-urlencode "scope=https://management.core.windows.net//.default"
expect_status 200 "client credentials with HTTP Basic"
CLAIMS=$(jget 'd["access_token"].split(".")[1]')
AUD=$("$PY" -c 'import base64,json,sys; s=sys.argv[1]; print(json.loads(base64.urlsafe_b64decode(s+"="*(-len(s)%4)))["aud"])' "$CLAIMS")
expect_eq "$AUD" https://management.azure.com "legacy ARM resource normalised to aud https://management.azure.com"
APP_TOKEN=$(token -d grant_type=client_credentials -d "client_id=$CLIENT_ID" --data-urlencode "client_secret=$CLIENT_SECRET" \
    --data-urlencode "scope=$ARM_SCOPE")
printf '{"loginUrl":"%s","tenant":"%s","username":"riley.release","password":"%s","subscription":"%s"}' \
    "$LOGIN" "$TENANT" "$USER_PASSWORD" "$SUB" >"$WORK/az-login.json"; chmod 600 "$WORK/az-login.json"
USER_TOKEN=$(MODELGATE_FAKE_AZ_LOGIN="$WORK/az-login.json" "$ROOT/scripts/fake-az" account get-access-token \
    --resource https://management.azure.com --query accessToken -o tsv)
[[ -n "$USER_TOKEN" ]] || fail "fake-az gave no token"; ok "fake-az account get-access-token (ROPC)"
if MODELGATE_FAKE_AZ_LOGIN="$WORK/missing.json" "$ROOT/scripts/fake-az" account get-access-token >/dev/null 2>"$WORK/az.err"; then
    fail "fake-az without a login succeeded"
fi
expect_in "$(cat "$WORK/az.err")" "Please run 'az login'" "fake-az without a login asks for az login"

# --- ARM basics -----------------------------------------------------------------------------
AUTH="" req GET "$ARM$WS?$API"
expect_status 401 "ARM without a token"; expect_eq "$(jget 'd["error"]["code"]')" AuthenticationFailed "missing header is AuthenticationFailed"
expect_in "$(header WWW-Authenticate)" "authorization_uri=\"$LOGIN/$TENANT\"" "WWW-Authenticate names the login authority"
[[ -n "$(header x-ms-request-id)" && -n "$(header x-ms-correlation-request-id)" ]] || fail "request ids missing on 401"
AUTH=$USER_TOKEN
req GET "$ARM$WS"; expect_status 400 "no api-version"; expect_eq "$(jget 'd["error"]["code"]')" MissingApiVersionParameter "MissingApiVersionParameter"
req GET "$ARM$WS?api-version=2019-01-01"; expect_status 400 "unknown api-version"
expect_eq "$(jget 'd["error"]["code"]')" InvalidApiVersionParameter "InvalidApiVersionParameter"
req GET "$ARM/subscriptions/00000000-9999-4000-8000-000000000009/resourceGroups/rg-modelgate?$API"
expect_status 404 "other subscription"; expect_eq "$(jget 'd["error"]["code"]')" SubscriptionNotFound "SubscriptionNotFound"
req GET "$ARM${WS/rg-modelgate/rg-other}?$API"; expect_eq "$(jget 'd["error"]["code"]')" ResourceGroupNotFound "ResourceGroupNotFound"
req GET "$ARM${WS/ws-modelgate/ws-other}?$API"; expect_eq "$(jget 'd["error"]["code"]')" ResourceNotFound "unknown workspace is ResourceNotFound"
req GET "$ARM$WS?$API"; expect_status 200 "workspace GET"
TRACKING=$(jget 'd["properties"]["mlFlowTrackingUri"]')
expect_eq "$TRACKING" "azureml://${MLFLOW#http://}/mlflow/v1.0$WS" "mlFlowTrackingUri points at the fake's MLflow endpoint"
MLBASE="http://${TRACKING#azureml://}"

# --- the workspace's MLflow endpoint ---------------------------------------------------------
req GET "$MLBASE/api/2.0/mlflow/registered-models/search?max_results=100"; expect_status 200 "registered-models/search through the proxy"
expect_in "$(jget '[m["name"] for m in d["registered_models"]]')" diabetes-classifier "the seeded model is listed"
AUTH="" req GET "$MLBASE/api/2.0/mlflow/registered-models/search"; expect_status 401 "MLflow proxy without a token"
req GET "$MLBASE/api/2.0/mlflow/registered-models/get?name=diabetes-classifier"; expect_status 200 "registered-models/get"
expect_eq "$(jget '"aliases" in d["registered_model"]')" false "aliases removed from registered models"
req GET "$MLBASE/api/2.0/mlflow/model-versions/get-by-alias?name=diabetes-classifier&alias=champion"
expect_status 404 "get-by-alias"; expect_in "$(jget 'd["message"]')" "not supported by Azure Machine Learning" "get-by-alias is not supported"
req POST "$MLBASE/api/2.0/mlflow/registered-models/alias" '{"name":"diabetes-classifier","alias":"x","version":"1"}'
expect_status 404 "setting an alias"
req GET "$MLBASE/api/2.0/mlflow/registered-models/get?name=no-such-model"; expect_status 404 "MLflow's own errors are relayed"
expect_eq "$(jget 'd["error_code"]')" RESOURCE_DOES_NOT_EXIST "RESOURCE_DOES_NOT_EXIST relayed"
req GET "$MLBASE/version"; expect_status 404 "GET /version"
if [[ -n "$AUTH_MODE" ]]; then
    AUTH=$(token -d grant_type=password -d client_id=any -d username=no.mlflow --data-urlencode "password=$USER_PASSWORD" \
        --data-urlencode "scope=$ARM_SCOPE")
    req GET "$MLBASE/api/2.0/mlflow/registered-models/search"; expect_status 403 "a principal without MLflow credentials"
    AUTH=$USER_TOKEN
fi

# --- endpoint -------------------------------------------------------------------------------
EP="$ARM$WS/onlineEndpoints/canary-e2e"
req PUT "$EP?$API" '{"properties":{"authMode":"Key"}}'; expect_status 400 "endpoint without location"
req PUT "$EP?$API" '{"location":"westeurope","properties":{"authMode":"Password"}}'; expect_status 400 "bad authMode"
req PUT "$EP?$API" '{"location":"westeurope","properties":{"authMode":"Key","traffic":{"blue":100}}}'
expect_status 400 "traffic naming a deployment that does not exist"
req PUT "$EP?$API" '{"location":"westeurope","properties":{"authMode":"Key","description":"check"}}'
expect_status 201 "create endpoint"; expect_eq "$(jget 'd["properties"]["provisioningState"]')" Creating "new endpoint is Creating"
MONITOR=$(header Azure-AsyncOperation); expect_in "$MONITOR" "/mfeOperationsStatus/" "Azure-AsyncOperation monitor"
expect_eq "$(jget 'd["properties"]["properties"]["AzureAsyncOperationUri"]')" "$MONITOR" "body carries AzureAsyncOperationUri"
expect_eq "$(header x-ms-async-operation-timeout)" PT1H "x-ms-async-operation-timeout"
req PUT "$ARM$WS/onlineEndpoints/other-e2e?$API" '{"location":"westeurope","properties":{"authMode":"AMLToken"}}'
expect_status 201 "create a second endpoint"; OTHER_MONITOR=$(header Azure-AsyncOperation)
poll "$MONITOR"; expect_eq "$OP_STATUS" Succeeded "endpoint creation succeeded"; poll "$OTHER_MONITOR"
req GET "$EP?$API"; expect_eq "$(jget 'd["properties"]["provisioningState"]')" Succeeded "endpoint Succeeded"
expect_eq "$(jget 'd["properties"]["keys"]')" null "keys null in GET"
SCORE_URI=$(jget 'd["properties"]["scoringUri"]'); expect_eq "$SCORE_URI" "$SCORING/endpoints/canary-e2e/score" "scoringUri"
req GET "$ARM$WS/onlineEndpoints?$API"; expect_status 200 "list endpoints"
NEXT=$(jget 'd.get("nextLink")'); expect_eq "$(jget 'len(d["value"])')" 1 "page of 1"
req GET "$NEXT"; expect_status 200 "follow nextLink"; expect_eq "$(jget 'd.get("nextLink")')" null "last page has no nextLink"
req POST "$ARM$WS/onlineEndpoints/other-e2e/token?$API" "" -H 'Content-Length: 0'; expect_status 200 "AML token of an AMLToken endpoint"
req POST "$EP/listKeys?$API" "" -H 'Content-Length: 0'; expect_status 200 "listKeys"
KEY=$(jget 'd["primaryKey"]')

# --- deployments ------------------------------------------------------------------------------
deployment_body() {  # NAME VERSION [extra properties JSON]
    printf '{"location":"westeurope","sku":{"name":"Default","capacity":1},"properties":{"endpointComputeType":"Managed","model":"%s/models/diabetes-classifier/versions/%s","instanceType":"Standard_DS3_v2"%s}}' \
        "$WS" "$2" "${3:+,$3}"
}
req PUT "$EP/deployments/blue?$API" '{"location":"westeurope","properties":{"endpointComputeType":"Managed","model":"azureml:diabetes-classifier:1"}}'
expect_status 400 "model shorthand refused"; expect_in "$(jget 'd["error"]["message"]')" "ARM id" "the refusal asks for the ARM id"
req PUT "$EP/deployments/blue?$API" "$(deployment_body blue 999)"; expect_status 404 "model version missing in the registry"
req PUT "$EP/deployments/blue?$API" "$(deployment_body blue 1 | sed 's/Standard_DS3_v2/Standard_NC6/')"
expect_status 400 "instance type outside the catalogue"; expect_in "$(jget 'd["error"]["message"]')" Standard_F4s_v2 "the catalogue is listed"
req PUT "$EP/deployments/blue?$API" "$(deployment_body blue 1 | sed 's/"capacity":1/"capacity":0/')"; expect_status 400 "capacity 0"
req PUT "$EP/deployments/blue?$API" "$(deployment_body blue 1)"; expect_status 201 "create deployment blue (v1)"
BLUE_MONITOR=$(header Azure-AsyncOperation)
req PUT "$EP/deployments/green?$API" "$(deployment_body green 2)"; expect_status 409 "second write while blue is created"
expect_eq "$(jget 'd["error"]["code"]')" Conflict "Conflict code"; expect_in "$(jget 'd["error"]["message"]')" "is in progress" "Conflict message"
poll "$BLUE_MONITOR"; expect_eq "$OP_STATUS" Succeeded "blue provisioned (real mlflow models serve answered /ping)"
SERVER_PIDS+=("$("$PY" -c 'import json,sys; print(json.load(open(sys.argv[1]))["pgid"])' "$WORK/fake/deployments/canary-e2e/blue/server.json")")
req GET "$EP?$API"; expect_eq "$(jget 'd["properties"]["traffic"]')" "{}" "a new deployment gets no traffic"

set_traffic() {  # JSON split -> sets TRAFFIC_MONITOR
    req PUT "$EP?$API" "{\"location\":\"westeurope\",\"properties\":{\"authMode\":\"Key\",\"description\":\"check\",\"traffic\":$1}}"
    TRAFFIC_MONITOR=$(header Azure-AsyncOperation)
}
set_traffic '{"blue":100}'; expect_status 201 "traffic blue=100"
expect_eq "$(jget 'd["properties"]["provisioningState"]')" Updating "endpoint Updating"
req GET "$EP?$API"; expect_eq "$(jget 'd["properties"]["traffic"]')" "{}" "old split live until the update completes"
poll "$TRAFFIC_MONITOR"; expect_eq "$OP_STATUS" Succeeded "traffic update succeeded"
req GET "$EP?$API"; expect_eq "$(jget 'd["properties"]["traffic"]')" '{"blue": 100}' "new split live"

INPUT='{"input_data":{"columns":["Pregnancies","PlasmaGlucose","DiastolicBloodPressure","TricepsThickness","SerumInsulin","BMI","DiabetesPedigree","Age"],"index":[0,1],"data":[[0,171,80,34,23,43.51,1.213,21],[8,92,93,47,36,21.24,0.158,23]]}}'
AUTH=$KEY req POST "$SCORE_URI" "$INPUT"; expect_status 200 "score through the endpoint"
expect_eq "$(jget 'isinstance(d, list) and len(d)')" 2 "a bare JSON array of 2 predictions"
expect_eq "$(header azureml-model-deployment)" blue "answered by blue"; [[ -n "$(header x-request-id)" ]] || fail "no x-request-id"
AUTH=$KEY req POST "$SCORE_URI" '{"dataframe_split":{"columns":["Age"],"data":[[1]]}}'; expect_status 400 "request without input_data"
expect_in "$(jget 'd["message"]')" input_data "the 400 names input_data"
AUTH=wrong-key req POST "$SCORE_URI" "$INPUT"; expect_status 401 "wrong key"
AUTH=$KEY req POST "$SCORE_URI" '{"input_data":{"columns":["Nothing"],"data":[[1]]}}'; expect_status 424 "model error is 424"
expect_eq "$(header ms-azureml-model-error-statuscode)" 400 "ms-azureml-model-error-statuscode"

req PUT "$EP/deployments/green?$API" "$(deployment_body green 2)"; expect_status 201 "create deployment green (v2)"
poll "$(header Azure-AsyncOperation)"; expect_eq "$OP_STATUS" Succeeded "green provisioned"
SERVER_PIDS+=("$("$PY" -c 'import json,sys; print(json.load(open(sys.argv[1]))["pgid"])' "$WORK/fake/deployments/canary-e2e/green/server.json")")
req GET "$EP?$API"; expect_eq "$(jget 'd["properties"]["traffic"]')" '{"blue": 100}' "green got 0 %"
AUTH=$KEY req POST "$SCORE_URI" "$INPUT" -H "azureml-model-deployment: green"; expect_status 200 "score green by header"
expect_eq "$(header azureml-model-deployment)" green "answered by green"
AUTH=$KEY req POST "$SCORE_URI" "$INPUT" -H "azureml-model-deployment: purple"; expect_status 404 "unknown deployment header"

set_traffic '{"blue":90,"green":10}'; expect_status 201 "canary 90/10"
set_traffic '{"blue":80,"green":20}'; expect_status 409 "a conflicting PUT during the update"
req DELETE "$EP/deployments/green?$API"; expect_status 409 "a delete during the update"
req GET "$EP?$API"; MON=$(jget 'd["properties"]["properties"]["AzureAsyncOperationUri"]'); poll "$MON"
req GET "$EP?$API"; expect_eq "$(jget 'd["properties"]["traffic"]')" '{"blue": 90, "green": 10}' "90/10 live"
set_traffic '{"blue":50,"green":20}'; expect_status 400 "traffic not summing to 100"
expect_in "$(jget 'd["error"]["message"]')" "Traffic values need to sum to 100." "sum message"
set_traffic '{"blue":-10,"green":110}'; expect_status 400 "negative traffic"
req DELETE "$EP/deployments/blue?$API"; expect_status 400 "delete blue while it has traffic"
expect_in "$(jget 'd["error"]["message"]')" "traffic to 0" "the refusal says to set traffic to 0"
set_traffic '{"blue":0,"green":100}'; expect_status 201 "cut over to green"; poll "$TRAFFIC_MONITOR"
for _ in 1 2 3 4 5; do AUTH=$KEY req POST "$SCORE_URI" "$INPUT"; expect_eq "$STATUS/$(header azureml-model-deployment)" 200/green "all traffic to green"; done

# --- Azure Monitor metrics from the requests served so far (the running minute counts at once) ---
metrics() {  # RESOURCE-PATH METRICNAMES AGGREGATION [FILTER]
    local span; span="$(date -u -d '-10 min' +%Y-%m-%dT%H:%M:00Z)/$(date -u -d '+2 min' +%Y-%m-%dT%H:%M:00Z)"
    req GET "$ARM$1/providers/Microsoft.Insights/metrics?api-version=2024-02-01" "" -G --data-urlencode "metricnames=$2" \
        --data-urlencode "timespan=$span" --data-urlencode interval=PT1M --data-urlencode "aggregation=$3" \
        ${4:+--data-urlencode "\$filter=$4"}
}
metrics "$WS/onlineEndpoints/canary-e2e" RequestsPerMinute,RequestLatency_P90 Total
expect_status 200 "endpoint metrics"
expect_eq "$(jget '[v["unit"] for v in d["value"]]')" '["Count", "MilliSeconds"]' "units as Azure Monitor spells them"
expect_eq "$(jget 'd["value"][0]["timeseries"][0]["metadatavalues"]')" "[]" "no filter: metadatavalues []"
expect_eq "$(jget 'int(sum(p.get("total", 0) for p in d["value"][0]["timeseries"][0]["data"]))')" \
    "$(grep -c '"endpoint": "canary-e2e"' "$WORK/fake/requests.jsonl")" "RequestsPerMinute counts every request served"
metrics "$WS/onlineEndpoints/canary-e2e" RequestsPerMinute Total "deployment eq 'green' and statusCodeClass eq '2xx'"
expect_eq "$(jget 'd["value"][0]["timeseries"][0]["metadatavalues"][1]["name"]["value"]')" statuscodeclass "dimension names lowercased"
expect_eq "$(jget 'int(sum(p.get("total", 0) for p in d["value"][0]["timeseries"][0]["data"]))')" 6 "6 successful requests to green"
metrics "$WS/onlineEndpoints/canary-e2e" RequestsPerMinute Total "deployment eq '*' and statusCodeClass ne '2xx'"
expect_eq "$(jget 'sorted(set(m["value"] for t in d["value"][0]["timeseries"] for m in t["metadatavalues"] if m["name"]["value"] == "statuscodeclass"))')" \
    '["4xx"]' "the failures are split out by status class"
for _ in $(seq 1 30); do  # the fake samples its servers' /proc every 5 s
    metrics "$WS/onlineEndpoints/canary-e2e/deployments/green" CpuUtilizationPercentage,CpuMemoryUtilizationPercentage,DeploymentCapacity Average
    [[ "$STATUS" == 200 && "$(jget 'any("average" in p for p in d["value"][2]["timeseries"][0]["data"])')" == true ]] && break
    sleep 0.5
done
expect_status 200 "deployment metrics"
expect_eq "$(jget '[v["unit"] for v in d["value"]]')" '["Percent", "Percent", "Count"]' "deployment metric units"
expect_eq "$(jget 'max(p.get("average", 0) for p in d["value"][2]["timeseries"][0]["data"])')" 1.0 "DeploymentCapacity 1"

req DELETE "$EP/deployments/blue?$API"; expect_status 202 "delete blue"
LOCATION=$(header Location); expect_in "$LOCATION" "/mfeOperationResults/" "Location monitor"; expect_eq "$(header Retry-After)" 1 "Retry-After"
for _ in $(seq 1 60); do req GET "$LOCATION"; [[ "$STATUS" == 202 ]] || break; sleep 0.5; done
expect_status 204 "delete blue completed (Location)"
req GET "$EP/deployments/blue?$API"; expect_status 404 "blue is gone"
kill -0 "${SERVER_PIDS[0]}" 2>/dev/null && fail "blue's server group still runs"; ok "blue's server stopped"
req POST "$EP/deployments/green/getLogs?$API" '{"containerType":"InferenceServer","tail":50}'; expect_status 200 "getLogs"
expect_in "$(jget 'd["content"]')" "Uvicorn running" "the inference server's log"
req PATCH "$EP/deployments/green?$API" '{"sku":{"capacity":2}}'; expect_status 202 "scale green to 2"
LOCATION=$(header Location)
req GET "$EP/deployments/green?$API"; expect_eq "$(jget 'd["properties"]["provisioningState"]')" Scaling "green Scaling"
AUTH=$KEY req POST "$SCORE_URI" "$INPUT"; expect_status 200 "green serves while scaling"
for _ in $(seq 1 60); do req GET "$LOCATION"; [[ "$STATUS" == 202 ]] || break; sleep 0.5; done
expect_status 200 "scale completed (Location answers the deployment)"; expect_eq "$(jget 'd["sku"]["capacity"]')" 2 "capacity 2"

# --- a deployment that cannot start -----------------------------------------------------------
req PUT "$EP/deployments/broken?$API" "$(deployment_body broken "$BAD_VERSION")"; expect_status 201 "create deployment broken (--fail-load)"
poll "$(header Azure-AsyncOperation)"; expect_eq "$OP_STATUS" Failed "provisioning failed"
expect_eq "$(jget 'd["error"]["code"]')" ResourceNotReady "ResourceNotReady"
expect_in "$(jget 'd["error"]["message"]')" "User container has crashed or terminated" "crash message"
req GET "$EP/deployments/broken?$API"; expect_eq "$(jget 'd["properties"]["provisioningState"]')" Failed "broken is Failed"
req POST "$EP/deployments/broken/getLogs?$API" '{"containerType":"InferenceServer"}'
expect_in "$(jget 'd["content"]')" "planted start-up failure" "getLogs shows why it crashed"
req POST "$EP/deployments/broken/getLogs?$API" '{"containerType":"StorageInitializer","tail":10}'
expect_in "$(jget 'd["content"]')" "models:/diabetes-classifier/$BAD_VERSION" "storage initializer log"
[[ -e "$WORK/fake/deployments/canary-e2e/broken/server.json" ]] && fail "the failed server is still recorded"
pgrep -f "models:/diabetes-classifier/$BAD_VERSION " >/dev/null && fail "the failed server still runs"; ok "the failed server is stopped"
AUTH=$KEY req POST "$SCORE_URI" "$INPUT" -H "azureml-model-deployment: broken"; expect_status 404 "a failed deployment gets no requests"
req GET "$EP/deployments?$API"; expect_status 200 "list deployments"; expect_eq "$(jget 'len(d["value"])')" 1 "page of 1"
[[ "$(jget 'd.get("nextLink")')" == http* ]] || fail "no nextLink"; ok "deployments are paged"

# --- tokens that stop working -----------------------------------------------------------------
AUTH="" req POST "$LOGIN/_fake/revoke-tokens" ""; expect_status 204 "revoke every token"
req GET "$EP?$API"; expect_status 401 "revoked token on ARM"
expect_eq "$(jget 'd["error"]["code"]')" ExpiredAuthenticationToken "ExpiredAuthenticationToken"
expect_in "$(jget 'd["error"]["message"]')" "is earlier than current UTC time" "expiry message"
req GET "$MLBASE/api/2.0/mlflow/registered-models/search"; expect_status 401 "revoked token on the MLflow endpoint"
AUTH=$(token -d grant_type=client_credentials -d "client_id=$CLIENT_ID" --data-urlencode "client_secret=$CLIENT_SECRET" \
    --data-urlencode "scope=https://ml.azure.com/.default")
req GET "$EP?$API"; expect_status 401 "an ml.azure.com token on ARM"
AUTH=$(token -d grant_type=client_credentials -d "client_id=$CLIENT_ID" --data-urlencode "client_secret=$CLIENT_SECRET" \
    --data-urlencode "scope=$ARM_SCOPE")

# --- deletion and stop ------------------------------------------------------------------------
req DELETE "$EP?$API"; expect_status 202 "delete the endpoint"; LOCATION=$(header Location)
for _ in $(seq 1 60); do req GET "$LOCATION"; [[ "$STATUS" == 202 ]] || break; sleep 0.5; done
expect_status 204 "endpoint deletion completed"
req GET "$EP?$API"; expect_status 404 "endpoint gone"
req DELETE "$EP?$API"; expect_status 204 "deleting it again"
for pgid in "${SERVER_PIDS[@]}"; do kill -0 "$pgid" 2>/dev/null && fail "server group $pgid survived the endpoint"; done
ok "no scoring server of the endpoint is left"

req PUT "$ARM$WS/onlineEndpoints/left-e2e?$API" '{"location":"westeurope","properties":{"authMode":"Key"}}'; poll "$(header Azure-AsyncOperation)"
req PUT "$ARM$WS/onlineEndpoints/left-e2e/deployments/blue?$API" "$(deployment_body blue 1)"; poll "$(header Azure-AsyncOperation)"
expect_eq "$OP_STATUS" Succeeded "a deployment left running for stop"
LEFT=$("$PY" -c 'import json,sys; print(json.load(open(sys.argv[1]))["pgid"])' "$WORK/fake/deployments/left-e2e/blue/server.json")
"$PY" "$ROOT/scripts/azure_ml_fake.py" stop --state-dir "$WORK/fake" || fail "stop failed"
wait "$FAKE_PID" || true
kill -0 "$FAKE_PID" 2>/dev/null && fail "the fake still runs after stop"
kill -0 "$LEFT" 2>/dev/null && fail "a scoring server survived stop"
[[ -e "$WORK/fake/fake.json" ]] && fail "fake.json left behind"
FAKE_PID=""
"$PY" "$ROOT/scripts/azure_ml_fake.py" stop --state-dir "$WORK/fake" || fail "a second stop failed"
ok "stop leaves no process and is idempotent"
for pid in $(pgrep -f "models serve|mlflow.pyfunc.scoring_server" || true); do  # ours run in $WORK/fake
    [[ "$(readlink "/proc/$pid/cwd" 2>/dev/null)" == "$WORK"* ]] && fail "scoring server $pid of this check still runs"
done
grep -qF "$CLIENT_SECRET" "$WORK/fake/fake.log" && fail "a secret reached fake.log"
grep -qF "$USER_PASSWORD" "$WORK/fake/fake.log" && fail "a password reached fake.log"
grep -qF "$KEY" "$WORK/fake/fake.log" && fail "an endpoint key reached fake.log"
if [[ -n "$AUTH_MODE" ]]; then
    grep -rqF "$ADMIN_PASSWORD" "$WORK/fake" && fail "the MLflow admin password reached the fake's files"
    grep -rqF "$RILEY_PASSWORD" "$WORK/fake" && fail "an MLflow password reached the fake's files"
fi
ok "no secret in fake.log"
