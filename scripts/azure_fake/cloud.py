"""The workspace's state (online endpoints, deployments, long-running operations) and the rules
Azure ML enforces on it. The ARM handler (arm.py) turns HTTP into calls here; the scoring
handler asks here where a request goes. All state is in memory, guarded by one lock.
"""
from __future__ import annotations

import base64
import json
import re
import secrets
import shutil
import threading
import time
import traceback
import urllib.error
import urllib.parse
import urllib.request
from dataclasses import dataclass, field

from .common import iso_utc, new_id, parse_duration
from .serving import InferenceServer, tail_lines, write_storage_log

ENDPOINT_TYPE = "Microsoft.MachineLearningServices/workspaces/onlineEndpoints"
DEPLOYMENT_TYPE = "Microsoft.MachineLearningServices/workspaces/onlineEndpoints/deployments"
AUTH_MODES = ("Key", "AMLToken", "AADToken")
SKUS = ("Standard_DS1_v2", "Standard_DS2_v2", "Standard_DS3_v2", "Standard_DS4_v2", "Standard_F2s_v2",
        "Standard_F4s_v2", "Standard_F8s_v2", "Standard_E4s_v3")
DEFAULT_SKU = "Standard_F4s_v2"
MAX_CAPACITY = 20
NAME = re.compile(r"^[a-zA-Z][a-zA-Z0-9-]{1,30}[a-zA-Z0-9]$")
# Probe defaults of the 2026-09-01 spec (ProbeSettings).
PROBE_DEFAULTS = {"initialDelay": None, "period": "PT10S", "timeout": "PT2S", "successThreshold": 1,
                  "failureThreshold": 30}
REQUEST_DEFAULTS = {"maxConcurrentRequestsPerInstance": 1, "requestTimeout": "PT5S", "maxQueueWait": "PT0.5S"}
TROUBLESHOOTING = "https://aka.ms/oe-tsg#error-resourcenotready"


class ArmError(Exception):
    """An ARM error answer: {"error":{"code","message",...}} with an HTTP status."""

    def __init__(self, status: int, code: str, message: str, inner: str | None = None):
        super().__init__(message)
        self.status, self.code, self.message, self.inner = status, code, message, inner

    def body(self) -> dict:
        error = {"code": self.code, "message": self.message, "details": [], "additionalInfo": []}
        if self.inner:
            error["innerError"] = {"code": self.inner}
        return {"error": error}


def user_error(message: str, inner: str = "BadArgument") -> ArmError:
    # Azure ML reports validation failures as code UserError with the specific reason inside.
    return ArmError(400, "UserError", message, inner)


@dataclass
class Operation:
    id: str
    kind: str
    endpoint: str
    start: float = field(default_factory=time.time)
    status: str = "InProgress"
    end: float | None = None
    error: dict | None = None
    result: dict | None = None  # what the Location URL answers once Succeeded (PATCH)

    def status_body(self, status_id: str) -> dict:
        body = {"id": status_id, "name": self.id, "status": self.status, "startTime": iso_utc(self.start)}
        if self.end is not None:
            body["endTime"] = iso_utc(self.end)
            body["percentComplete"] = 100.0
        if self.error:
            body["error"] = self.error
        return body


@dataclass
class Deployment:
    name: str
    endpoint: "Endpoint"
    location: str
    model: str
    model_name: str
    model_version: str
    instance_type: str
    capacity: int
    tags: dict
    properties: dict
    created: float = field(default_factory=time.time)
    modified: float = field(default_factory=time.time)
    created_by: str = ""
    state: str = "Creating"
    server: InferenceServer | None = None

    def servable(self) -> bool:
        # Azure keeps serving while a deployment scales or updates in place.
        return self.state in ("Succeeded", "Updating", "Scaling") and self.server is not None


@dataclass
class Endpoint:
    name: str
    location: str
    auth_mode: str
    description: str
    tags: dict
    properties: dict
    identity: dict
    keys: dict
    traffic: dict = field(default_factory=dict)
    mirror: dict = field(default_factory=dict)
    deployments: dict = field(default_factory=dict)  # lower-cased name -> Deployment, in creation order
    created: float = field(default_factory=time.time)
    modified: float = field(default_factory=time.time)
    created_by: str = ""
    state: str = "Creating"
    busy: Operation | None = None
    last_status_url: str = ""


def new_key() -> str:
    return base64.b64encode(secrets.token_bytes(24)).decode()


class Cloud:
    def __init__(self, config, log, tokens):
        self.config = config
        self.log = log
        self.tokens = tokens
        self.lock = threading.RLock()
        self.endpoints: dict[str, Endpoint] = {}
        self.operations: dict[str, Operation] = {}
        self.stopping = threading.Event()
        self.threads: list[threading.Thread] = []
        self.arm_url = self.scoring_url = self.mlflow_url = ""
        self.ws_id = (f"/subscriptions/{config.subscription}/resourceGroups/{config.resource_group}/providers/"
                      f"Microsoft.MachineLearningServices/workspaces/{config.workspace}")
        self.deployments_dir = config.state_dir / "deployments"

    # --- names, URLs and rendering -------------------------------------------------------

    def endpoint(self, name: str) -> Endpoint | None:
        return self.endpoints.get(name.lower())

    def ops_url(self, kind: str, op: Operation, api_version: str) -> str:
        return (f"{self.arm_url}/subscriptions/{self.config.subscription}/providers/"
                f"Microsoft.MachineLearningServices/locations/{self.config.region}/{kind}/{op.id}"
                f"?api-version={api_version}")

    def status_id(self, op: Operation) -> str:
        return (f"/subscriptions/{self.config.subscription}/providers/Microsoft.MachineLearningServices/"
                f"locations/{self.config.region}/mfeOperationsStatus/{op.id}")

    def system_data(self, created: float, modified: float, by: str) -> dict:
        kind = "Application" if by and not ("@" in by or "." in by) else "User"
        return {"createdAt": iso_utc(created), "createdBy": by, "createdByType": kind,
                "lastModifiedAt": iso_utc(modified), "lastModifiedBy": by, "lastModifiedByType": kind}

    def endpoint_json(self, ep: Endpoint, traffic: dict | None = None, mirror: dict | None = None) -> dict:
        base = f"{self.scoring_url}/endpoints/{ep.name}"
        properties = {"azureml.onlineendpointid": f"{self.ws_id}/onlineendpoints/{ep.name}".lower(),
                      **ep.properties}
        if ep.last_status_url:
            properties["AzureAsyncOperationUri"] = ep.last_status_url
        return {
            "id": f"{self.ws_id}/onlineEndpoints/{ep.name}", "name": ep.name, "type": ENDPOINT_TYPE,
            "location": ep.location, "tags": ep.tags, "kind": "Managed", "identity": ep.identity,
            "properties": {
                "authMode": ep.auth_mode, "description": ep.description, "properties": properties,
                "keys": None, "scoringUri": f"{base}/score", "swaggerUri": f"{base}/swagger.json",
                "traffic": dict(ep.traffic if traffic is None else traffic),
                "mirrorTraffic": dict(ep.mirror if mirror is None else mirror),
                "publicNetworkAccess": "Enabled", "provisioningState": ep.state},
            "systemData": self.system_data(ep.created, ep.modified, ep.created_by)}

    def deployment_json(self, dep: Deployment) -> dict:
        props = dep.properties
        return {
            "id": f"{self.ws_id}/onlineEndpoints/{dep.endpoint.name}/deployments/{dep.name}", "name": dep.name,
            "type": DEPLOYMENT_TYPE, "location": dep.location, "tags": dep.tags, "kind": "Managed",
            "sku": {"name": "Default", "tier": "Standard", "capacity": dep.capacity},
            "properties": {
                "endpointComputeType": "Managed", "model": dep.model, "instanceType": dep.instance_type,
                "description": props.get("description"), "properties": props.get("properties", {}),
                "environmentId": None, "codeConfiguration": None,
                "environmentVariables": props.get("environmentVariables", {}),
                "appInsightsEnabled": bool(props.get("appInsightsEnabled", False)),
                "egressPublicNetworkAccess": props.get("egressPublicNetworkAccess", "Enabled"),
                "scaleSettings": {"scaleType": "Default"},
                "requestSettings": props["requestSettings"], "livenessProbe": props["livenessProbe"],
                "readinessProbe": props["readinessProbe"], "modelMountPath": None,
                "provisioningState": dep.state},
            "systemData": self.system_data(dep.created, dep.modified, dep.created_by)}

    # --- the registry (the real MLflow server, read with the admin's credentials) ---------

    def registry(self, path: str, params: dict) -> tuple[int, dict]:
        url = f"{self.config.mlflow_uri}/api/2.0/mlflow/{path}?{urllib.parse.urlencode(params)}"
        request = urllib.request.Request(url)
        admin = self.config.mlflow_admin
        if admin:
            pair = f"{admin['user']}:{admin['password']}".encode()
            request.add_header("Authorization", "Basic " + base64.b64encode(pair).decode())
        try:
            with urllib.request.urlopen(request, timeout=30) as response:
                return response.status, json.loads(response.read() or b"{}")
        except urllib.error.HTTPError as error:
            try:
                return error.code, json.loads(error.read() or b"{}")
            except ValueError:
                return error.code, {}
        except (urllib.error.URLError, OSError, ValueError) as error:
            raise ArmError(500, "InternalServerError",
                           f"The workspace's model registry could not be reached: {error}") from error

    def model_version(self, name: str, version: str) -> dict:
        status, body = self.registry("model-versions/get", {"name": name, "version": version})
        if status == 200 and "model_version" in body:
            return body["model_version"]
        if status in (400, 404):
            raise ArmError(404, "ResourceNotFound",
                           f"Model version {name}:{version} was not found in workspace {self.config.workspace}.",)
        raise ArmError(500, "InternalServerError", f"The model registry answered HTTP {status}.")

    # --- operations ----------------------------------------------------------------------

    def check_idle(self, ep: Endpoint) -> None:
        op = ep.busy
        if op is not None:
            raise ArmError(409, "Conflict",
                           f"Online endpoint '{ep.name}' cannot be changed now: an operation ({op.kind}, "
                           f"{op.id}, started {iso_utc(op.start)}) is in progress on the endpoint or one of "
                           "its deployments. Wait for it to complete, then retry.")

    def begin(self, ep: Endpoint, kind: str, api_version: str, work) -> Operation:
        """Start a long-running operation on ep (lock held by the caller); work(op) runs in a thread."""
        op = Operation(new_id(), kind, ep.name.lower())
        self.operations[op.id] = op
        ep.busy = op
        ep.last_status_url = self.ops_url("mfeOperationsStatus", op, api_version)
        thread = threading.Thread(target=self._run, args=(op, ep, work), name=f"op-{kind}", daemon=True)
        self.threads.append(thread)
        thread.start()
        self.log.write(f"operation {op.id} {kind} on endpoint {ep.name} started")
        return op

    def _run(self, op: Operation, ep: Endpoint, work) -> None:
        try:
            work(op)
        except Exception:  # noqa: BLE001 (an operation that breaks must still end, as Failed)
            self.log.write(f"operation {op.id} {op.kind} crashed:\n{traceback.format_exc()}")
            with self.lock:
                op.status = "Failed"
                op.error = {"code": "InternalServerError", "message": "The operation failed unexpectedly."}
        finally:
            with self.lock:
                if op.status == "InProgress":
                    op.status = "Canceled" if self.stopping.is_set() else "Succeeded"
                op.end = time.time()
                if ep.busy is op:
                    ep.busy = None
            self.log.write(f"operation {op.id} {op.kind} on endpoint {ep.name}: {op.status}")

    def pause(self, seconds: float) -> bool:
        """Wait; False if the fake is stopping (the operation is then Canceled)."""
        return not self.stopping.wait(max(0.0, seconds))

    # --- endpoints -----------------------------------------------------------------------

    def put_endpoint(self, name: str, body, principal: str, api_version: str) -> tuple[int, dict, Operation]:
        if not NAME.match(name):
            raise user_error(f"Invalid endpoint name '{name}': use 3 to 32 letters, digits and '-', starting "
                             "with a letter and ending with a letter or digit.", "InvalidName")
        location = self.check_location(body)
        props = body.get("properties")
        if not isinstance(props, dict):
            raise user_error("The field properties is required.")
        auth = next((m for m in AUTH_MODES if m.lower() == str(props.get("authMode", "")).lower()), None)
        if auth is None:
            raise user_error(f"properties.authMode must be one of {', '.join(AUTH_MODES)}; got "
                             f"{props.get('authMode')!r}.")
        tags = self.check_tags(body.get("tags"))
        with self.lock:
            ep = self.endpoint(name)
            if ep is not None:
                self.check_idle(ep)
            existing = ep.deployments if ep else {}
            traffic = self.check_traffic(props.get("traffic"), existing, name)
            mirror = self.check_mirror(props.get("mirrorTraffic"), existing, traffic)
            if ep is None:
                keys = props.get("keys") if isinstance(props.get("keys"), dict) else {}
                ep = Endpoint(name=name, location=location, auth_mode=auth, description=str(props.get("description") or ""),
                              tags=tags, properties=dict(props.get("properties") or {}),
                              identity=self.identity(body.get("identity")), created_by=principal,
                              keys={"primaryKey": keys.get("primaryKey") or new_key(),
                                    "secondaryKey": keys.get("secondaryKey") or new_key()})
                self.endpoints[name.lower()] = ep
                op = self.begin(ep, "EndpointCreate", api_version, lambda op: self._create_endpoint(op, ep))
                return 201, self.endpoint_json(ep), op
            ep.auth_mode, ep.tags, ep.modified = auth, tags, time.time()
            ep.description = str(props.get("description") or "")
            ep.properties = dict(props.get("properties") or {})
            if body.get("identity") is not None:
                ep.identity = self.identity(body.get("identity"))
            ep.state = "Updating"
            op = self.begin(ep, "EndpointUpdate", api_version,
                            lambda op: self._update_endpoint(op, ep, traffic, mirror))
            # The answer shows the requested split; GET shows the live one until the update ends.
            return 201, self.endpoint_json(ep, traffic, mirror), op

    def _create_endpoint(self, op: Operation, ep: Endpoint) -> None:
        if self.pause(self.config.endpoint_create_seconds):
            with self.lock:
                ep.state = "Succeeded"

    def _update_endpoint(self, op: Operation, ep: Endpoint, traffic: dict, mirror: dict) -> None:
        if self.pause(self.config.traffic_update_seconds):
            with self.lock:
                ep.traffic, ep.mirror, ep.state = traffic, mirror, "Succeeded"
                self.log.write(f"endpoint {ep.name}: traffic {traffic} mirror {mirror}")

    def patch_endpoint(self, name: str, body, api_version: str) -> Operation:
        if not isinstance(body, dict) or set(body) - {"tags", "identity"}:
            raise user_error("PATCH of an online endpoint takes only 'tags' and 'identity'. Change traffic "
                             "and other properties with a PUT of the whole endpoint.")
        tags = self.check_tags(body.get("tags"))
        with self.lock:
            ep = self.require_endpoint(name)
            self.check_idle(ep)
            ep.state = "Updating"

            def work(op: Operation) -> None:
                if self.pause(self.config.traffic_update_seconds):
                    with self.lock:
                        if "tags" in body:
                            ep.tags = tags
                        if body.get("identity") is not None:
                            ep.identity = self.identity(body["identity"])
                        ep.state, ep.modified = "Succeeded", time.time()
                        op.result = self.endpoint_json(ep)
            return self.begin(ep, "EndpointPatch", api_version, work)

    def delete_endpoint(self, name: str, api_version: str) -> Operation | None:
        with self.lock:
            ep = self.endpoint(name)
            if ep is None:
                return None
            self.check_idle(ep)
            ep.state = "Deleting"
            for dep in ep.deployments.values():
                dep.state = "Deleting"
            return self.begin(ep, "EndpointDelete", api_version, lambda op: self._delete_endpoint(op, ep))

    def _delete_endpoint(self, op: Operation, ep: Endpoint) -> None:
        for dep in list(ep.deployments.values()):
            if dep.server:
                dep.server.stop()
        self.pause(min(1.0, self.config.traffic_update_seconds))
        with self.lock:
            self.endpoints.pop(ep.name.lower(), None)
        shutil.rmtree(self.deployments_dir / ep.name.lower(), ignore_errors=True)

    def require_endpoint(self, name: str) -> Endpoint:
        ep = self.endpoint(name)
        if ep is None:
            raise self.not_found(f"onlineEndpoints/{name}")
        return ep

    def not_found(self, tail: str) -> ArmError:
        return ArmError(404, "ResourceNotFound",
                        f"The Resource 'Microsoft.MachineLearningServices/workspaces/{self.config.workspace}/{tail}' "
                        f"under resource group '{self.config.resource_group}' was not found. For more details "
                        "please go to https://aka.ms/ARMResourceNotFoundFix")

    def list_keys(self, name: str) -> dict:
        with self.lock:
            ep = self.require_endpoint(name)
            if ep.auth_mode != "Key":
                raise user_error(f"Online endpoint '{ep.name}' uses authMode {ep.auth_mode}: it has no keys.")
            return dict(ep.keys)

    def regenerate_key(self, name: str, body, api_version: str) -> Operation:
        kind = str((body or {}).get("keyType", "")).capitalize() if isinstance(body, dict) else ""
        if kind not in ("Primary", "Secondary"):
            raise user_error("keyType must be 'Primary' or 'Secondary'.")
        value = body.get("keyValue") or new_key()
        with self.lock:
            ep = self.require_endpoint(name)
            if ep.auth_mode != "Key":
                raise user_error(f"Online endpoint '{ep.name}' uses authMode {ep.auth_mode}: it has no keys.")
            self.check_idle(ep)

            def work(op: Operation) -> None:
                if self.pause(self.config.traffic_update_seconds):
                    with self.lock:
                        ep.keys[f"{kind.lower()}Key"] = value
            return self.begin(ep, "RegenerateKeys", api_version, work)

    def endpoint_token(self, name: str) -> dict:
        with self.lock:
            ep = self.require_endpoint(name)
            if ep.auth_mode != "AMLToken":
                raise user_error(f"Online endpoint '{ep.name}' uses authMode {ep.auth_mode}: it issues no "
                                 "AML tokens.")
        principal = {"oid": "", "appid": "AzureML"}
        token, lifetime = self.tokens.issue(f"{self.scoring_url}/endpoints/{ep.name}", principal, "AzureML",
                                            user=False, extra={"endpoint": ep.name.lower()})
        now = int(time.time())
        return {"accessToken": token, "expiryTimeUtc": now + lifetime,
                "refreshAfterTimeUtc": now + lifetime // 2, "tokenType": "Bearer"}

    # --- validation helpers --------------------------------------------------------------

    def check_location(self, body) -> str:
        if not isinstance(body, dict):
            raise ArmError(400, "InvalidRequestContent", "The request content was invalid and could not be "
                           "deserialized: the body must be a JSON object.")
        location = body.get("location")
        if not isinstance(location, str) or not location.strip():
            raise user_error("The field location is required.")
        if location.replace(" ", "").lower() != self.config.region.lower():
            raise user_error(f"Location '{location}' does not match the workspace's location "
                             f"'{self.config.region}'.", "InvalidLocation")
        return self.config.region

    @staticmethod
    def check_tags(tags) -> dict:
        if tags is None:
            return {}
        if not isinstance(tags, dict) or not all(isinstance(v, str) for v in tags.values()):
            raise user_error("tags must be an object of string values.")
        return dict(tags)

    def identity(self, identity) -> dict:
        kind = str((identity or {}).get("type", "SystemAssigned")) if isinstance(identity, dict) else "SystemAssigned"
        if kind.lower() == "none":
            return {"type": "None"}
        return {"type": "SystemAssigned", "principalId": new_id(), "tenantId": self.tokens.tenant}

    @staticmethod
    def percentages(split, what: str) -> dict:
        if split is None:
            return {}
        if not isinstance(split, dict):
            raise user_error(f"{what} must be an object of deployment name to integer percent.")
        for name, value in split.items():
            if not isinstance(value, int) or isinstance(value, bool) or not 0 <= value <= 100:
                raise user_error(f"{what} value for deployment '{name}' must be an integer from 0 to 100.")
        return split

    def canonical(self, split: dict, existing: dict, endpoint: str) -> dict:
        result = {}
        for name, value in split.items():
            dep = existing.get(name.lower())
            if dep is None:
                raise user_error(f"Traffic can only be set for existing deployments: endpoint '{endpoint}' has "
                                 f"no deployment '{name}'.", "DeploymentNotFound")
            result[dep.name] = value
        return result

    def check_traffic(self, traffic, existing: dict, endpoint: str) -> dict:
        split = self.canonical(self.percentages(traffic, "Traffic"), existing, endpoint)
        if sum(split.values()) not in (0, 100):
            raise user_error("Traffic values need to sum to 100.")
        return split

    def check_mirror(self, mirror, existing: dict, traffic: dict) -> dict:
        split = self.canonical(self.percentages(mirror, "Mirror traffic"), existing, "")
        if sum(split.values()) > 50:
            raise user_error("Traffic values need to sum to utmost 50.")
        shadowed = [n for n, v in split.items() if v > 0]
        if len(shadowed) > 1:
            raise user_error("Mirror traffic can be set for one deployment only.")
        if shadowed and traffic.get(shadowed[0], 0) > 0:
            raise user_error(f"Deployment '{shadowed[0]}' cannot receive both live and mirrored traffic.")
        return split

    # --- deployments ---------------------------------------------------------------------

    def model_reference(self, model) -> tuple[str, str]:
        pattern = re.compile(r"^/subscriptions/([^/]+)/resourceGroups/([^/]+)/providers/"
                             r"Microsoft\.MachineLearningServices/workspaces/([^/]+)/models/([^/]+)/versions/([^/]+)$",
                             re.IGNORECASE)
        match = pattern.match(model) if isinstance(model, str) else None
        if not match:
            raise user_error(f"properties.model must be the ARM id of a model version, "
                             f"{self.ws_id}/models/{{name}}/versions/{{version}}; got {model!r}. Shorthands such "
                             "as azureml:name:version are resolved by the Azure ML CLI and SDK, not by the "
                             "service.", "InvalidModelReference")
        sub, group, workspace, name, version = match.groups()
        if (sub.lower(), group.lower(), workspace.lower()) != (self.config.subscription.lower(),
                                                             self.config.resource_group.lower(),
                                                             self.config.workspace.lower()):
            raise user_error(f"The model {model} is not in workspace {self.ws_id}.", "InvalidModelReference")
        return urllib.parse.unquote(name), urllib.parse.unquote(version)

    def check_deployment_body(self, body) -> dict:
        location = self.check_location(body)
        props = body.get("properties")
        if not isinstance(props, dict):
            raise user_error("The field properties is required.")
        if str(props.get("endpointComputeType", "")).lower() != "managed":
            raise user_error(f"properties.endpointComputeType must be 'Managed' (a managed online deployment); "
                             f"got {props.get('endpointComputeType')!r}.")
        if props.get("codeConfiguration") or props.get("environmentId"):
            raise user_error("This workspace runs MLflow no-code deployments only: omit codeConfiguration and "
                             "environmentId (the model's MLflow flavor provides both).")
        name, version = self.model_reference(props.get("model"))
        requested = props.get("instanceType") or DEFAULT_SKU
        instance = next((s for s in SKUS if s.lower() == str(requested).lower()), None)
        if instance is None:
            raise user_error(f"Instance type {requested} is not supported for managed online deployments. "
                             f"Supported instance types: {', '.join(SKUS)}.", "InvalidInstanceType")
        sku = body.get("sku") if isinstance(body.get("sku"), dict) else {}
        capacity = sku.get("capacity", 1)
        if not isinstance(capacity, int) or isinstance(capacity, bool) or not 1 <= capacity <= MAX_CAPACITY:
            raise user_error(f"sku.capacity (the instance count) must be an integer from 1 to {MAX_CAPACITY}; "
                             f"got {capacity!r}.")
        request = {**REQUEST_DEFAULTS, **(props.get("requestSettings") or {})}
        timeout = parse_duration(request["requestTimeout"])
        if timeout is None or not 0 < timeout <= 180:
            raise user_error("requestSettings.requestTimeout must be an ISO 8601 duration up to PT3M.")
        probes = {}
        for probe in ("livenessProbe", "readinessProbe"):
            given = props.get(probe) or {}
            if not isinstance(given, dict):
                raise user_error(f"{probe} must be an object.")
            probes[probe] = {**PROBE_DEFAULTS, **given}
        return {"location": location, "model": props["model"], "model_name": name, "model_version": version,
                "instance_type": instance, "capacity": capacity, "tags": self.check_tags(body.get("tags")),
                "properties": {"description": props.get("description"),
                               "properties": dict(props.get("properties") or {}),
                               "environmentVariables": dict(props.get("environmentVariables") or {}),
                               "appInsightsEnabled": props.get("appInsightsEnabled", False),
                               "egressPublicNetworkAccess": props.get("egressPublicNetworkAccess", "Enabled"),
                               "requestSettings": request, **probes}}

    def put_deployment(self, endpoint: str, name: str, body, principal: str,
                       api_version: str) -> tuple[dict, Operation]:
        if not NAME.match(name):
            raise user_error(f"Invalid deployment name '{name}': use 3 to 32 letters, digits and '-', starting "
                             "with a letter and ending with a letter or digit.", "InvalidName")
        with self.lock:
            self.check_idle(self.require_endpoint(endpoint))
        spec = self.check_deployment_body(body)
        record = self.model_version(spec["model_name"], spec["model_version"])  # outside the lock: network
        if record.get("status", "READY") != "READY":
            raise user_error(f"Model version {spec['model_name']}:{spec['model_version']} is not ready "
                             f"(status {record.get('status')}).")
        with self.lock:
            ep = self.require_endpoint(endpoint)
            self.check_idle(ep)
            if ep.state != "Succeeded":
                raise user_error(f"Online endpoint '{ep.name}' is {ep.state}; deployments can be created once "
                                 "it has succeeded.", "EndpointNotReady")
            dep = ep.deployments.get(name.lower())
            if dep is None:
                dep = Deployment(name=name, endpoint=ep, created_by=principal,
                                 **{k: spec[k] for k in ("location", "model", "model_name", "model_version",
                                                         "instance_type", "capacity", "tags", "properties")})
                ep.deployments[name.lower()] = dep
                folder = self.deployments_dir / ep.name.lower() / name.lower()
                shutil.rmtree(folder, ignore_errors=True)
                op = self.begin(ep, "DeploymentCreate", api_version,
                                lambda op: self._provision(op, dep, spec, replacing=None))
                return self.deployment_json(dep), op
            if spec["instance_type"] != dep.instance_type:
                raise user_error(f"instanceType cannot be changed on deployment '{dep.name}' "
                                 f"({dep.instance_type}); create a new deployment instead.", "ImmutableProperty")
            dep.state = "Updating"
            dep.modified = time.time()
            restart = spec["model"].lower() != dep.model.lower() or dep.server is None
            if restart:
                op = self.begin(ep, "DeploymentUpdate", api_version,
                                lambda op: self._provision(op, dep, spec, replacing=dep.server))
            else:
                op = self.begin(ep, "DeploymentUpdate", api_version, lambda op: self._apply(op, dep, spec))
            shown = self.deployment_json(dep)
            shown["properties"]["model"] = spec["model"]
            return shown, op

    def _apply(self, op: Operation, dep: Deployment, spec: dict) -> None:
        if self.pause(self.config.traffic_update_seconds):
            with self.lock:
                for key in ("location", "capacity", "tags", "properties"):
                    setattr(dep, key, spec[key])
                dep.state, dep.modified = "Succeeded", time.time()
                op.result = self.deployment_json(dep)

    def _provision(self, op: Operation, dep: Deployment, spec: dict, replacing: InferenceServer | None) -> None:
        """Start the real inference server and wait for its readiness (GET /ping), as the managed
        instance's readiness probe does; the deployment fails if it exits or never gets ready."""
        folder = self.deployments_dir / dep.endpoint.name.lower() / dep.name.lower()
        uri = f"models:/{spec['model_name']}/{spec['model_version']}"
        write_storage_log(folder, [f"Storage initializer started for deployment {dep.name} ({spec['instance_type']} "
                                   f"x{spec['capacity']})",
                                   f"Downloading model {uri} from the workspace registry ...",
                                   f"Model {uri} will be mounted at /var/azureml-app/azureml-models"])
        server = InferenceServer(folder, spec["model_name"], spec["model_version"], self.config)
        deadline = time.monotonic() + self.config.provision_timeout
        for attempt in range(3):
            server.start()
            failure = None
            while not self.stopping.is_set():
                status = server.exit_status()
                if status is not None:
                    failure = f"the inference server exited with status {status}"
                    break
                if server.ready():
                    break
                if time.monotonic() > deadline:
                    failure = (f"Readiness probe failed: the inference server did not answer GET /ping within "
                               f"{self.config.provision_timeout:g} s")
                    break
                time.sleep(0.5)
            if not (failure and server.port_was_taken() and attempt < 2):
                break
            server.stop()  # another process took the port between our probe and its bind
        if self.stopping.is_set():
            server.stop()
            return
        if failure:
            server.stop()
            if replacing:
                replacing.stop()
            write_storage_log(folder, [f"Model {uri} downloaded"])
            with self.lock:
                dep.state, dep.server, dep.modified = "Failed", None, time.time()
                op.status = "Failed"
                op.error = {"code": "ResourceNotReady",
                            "message": f"User container has crashed or terminated: {failure}. Please see "
                                       f"troubleshooting guide, available here: {TROUBLESHOOTING}. Get the "
                                       "container logs (getLogs, containerType InferenceServer) for details."}
            return
        write_storage_log(folder, [f"Model {uri} downloaded", "Storage initializer completed"])
        with self.lock:
            old = dep.server
            for key in ("location", "model", "model_name", "model_version", "capacity", "tags", "properties"):
                setattr(dep, key, spec[key])
            dep.server, dep.state, dep.modified = server, "Succeeded", time.time()
        if old is not None and old is not server:
            old.stop()

    def patch_deployment(self, endpoint: str, name: str, body, api_version: str) -> Operation:
        if not isinstance(body, dict) or set(body) - {"sku", "tags"}:
            raise user_error("PATCH of an online deployment takes only 'sku' and 'tags'. Change other "
                             "properties with a PUT of the whole deployment.")
        sku = body.get("sku") or {}
        capacity = sku.get("capacity") if isinstance(sku, dict) else None
        if capacity is not None and (not isinstance(capacity, int) or isinstance(capacity, bool)
                                     or not 1 <= capacity <= MAX_CAPACITY):
            raise user_error(f"sku.capacity must be an integer from 1 to {MAX_CAPACITY}; got {capacity!r}.")
        tags = self.check_tags(body.get("tags")) if "tags" in body else None
        with self.lock:
            ep = self.require_endpoint(endpoint)
            dep = ep.deployments.get(name.lower())
            if dep is None:
                raise self.not_found(f"onlineEndpoints/{endpoint}/deployments/{name}")
            self.check_idle(ep)
            scaling = capacity is not None and capacity != dep.capacity
            previous = dep.state
            dep.state = "Scaling" if scaling else "Updating"

            def work(op: Operation) -> None:
                if self.pause(self.config.traffic_update_seconds):
                    with self.lock:
                        if capacity is not None:
                            dep.capacity = capacity
                        if tags is not None:
                            dep.tags = tags
                        dep.state = "Succeeded" if previous != "Failed" else "Failed"
                        dep.modified = time.time()
                        op.result = self.deployment_json(dep)
            return self.begin(ep, "DeploymentPatch", api_version, work)

    def delete_deployment(self, endpoint: str, name: str, api_version: str) -> Operation | None:
        with self.lock:
            ep = self.require_endpoint(endpoint)
            dep = ep.deployments.get(name.lower())
            if dep is None:
                return None
            self.check_idle(ep)
            share = ep.traffic.get(dep.name, 0) or ep.mirror.get(dep.name, 0)
            if share > 0:
                raise user_error(f"Deployment '{dep.name}' still receives {share}% of the traffic of endpoint "
                                 f"'{ep.name}'. Set its traffic to 0 before you delete it.", "DeploymentHasTraffic")
            dep.state = "Deleting"

            def work(op: Operation) -> None:
                if dep.server:
                    dep.server.stop()
                self.pause(min(1.0, self.config.traffic_update_seconds))
                with self.lock:
                    ep.deployments.pop(dep.name.lower(), None)
                    ep.traffic.pop(dep.name, None)
                    ep.mirror.pop(dep.name, None)
                shutil.rmtree(self.deployments_dir / ep.name.lower() / dep.name.lower(), ignore_errors=True)
            return self.begin(ep, "DeploymentDelete", api_version, work)

    def deployment_logs(self, endpoint: str, name: str, body) -> str:
        body = body if isinstance(body, dict) else {}
        container = str(body.get("containerType") or "InferenceServer")
        files = {"inferenceserver": "inference-server.log", "storageinitializer": "storage-initializer.log"}
        if container.lower() not in files:
            raise user_error("containerType must be 'InferenceServer' or 'StorageInitializer'.")
        tail = body.get("tail")
        if tail is not None and (not isinstance(tail, int) or isinstance(tail, bool) or tail < 0):
            raise user_error("tail must be a non-negative integer.")
        with self.lock:
            ep = self.require_endpoint(endpoint)
            dep = ep.deployments.get(name.lower())
            if dep is None:
                raise self.not_found(f"onlineEndpoints/{endpoint}/deployments/{name}")
        folder = self.deployments_dir / ep.name.lower() / dep.name.lower()
        return tail_lines(folder / files[container.lower()], tail or 5000)

    # --- scoring -------------------------------------------------------------------------

    def route(self, endpoint: str, named: str | None, rng) -> tuple[Endpoint | None, Deployment | None, str]:
        """Pick the deployment for a scoring request: the named one, else by the live split."""
        with self.lock:
            ep = self.endpoint(endpoint)
            if ep is None or ep.state in ("Creating", "Deleting"):
                return None, None, f"Endpoint '{endpoint}' was not found."
            if named:
                dep = ep.deployments.get(named.lower())
                if dep is None:
                    return ep, None, (f"Deployment '{named}' was not found in endpoint '{ep.name}'. It has: "
                                      f"{', '.join(d.name for d in ep.deployments.values()) or 'no deployments'}.")
                if not dep.servable():
                    return ep, None, f"Deployment '{dep.name}' is {dep.state} and cannot serve requests."
                return ep, dep, ""
            weights = [(ep.deployments[n.lower()], w) for n, w in ep.traffic.items()
                       if w > 0 and n.lower() in ep.deployments and ep.deployments[n.lower()].servable()]
            if not weights:
                return ep, None, ("No valid deployments to route to. Please check that the endpoint has at least "
                                  "one deployment with positive weight values or use a deployment specific "
                                  "header to route.")
            pick = rng.uniform(0, sum(w for _, w in weights))
            for dep, weight in weights:
                pick -= weight
                if pick < 0:
                    return ep, dep, ""
            return ep, weights[-1][0], ""

    def mirror_target(self, ep: Endpoint, rng) -> Deployment | None:
        with self.lock:
            for name, share in ep.mirror.items():
                dep = ep.deployments.get(name.lower())
                if share > 0 and dep is not None and dep.servable() and rng.uniform(0, 100) < share:
                    return dep
        return None

    # --- shutdown ------------------------------------------------------------------------

    def shutdown(self) -> None:
        self.stopping.set()
        with self.lock:
            servers = [d.server for e in self.endpoints.values() for d in e.deployments.values() if d.server]
        for thread in list(self.threads):
            thread.join(timeout=15)
        stoppers = [threading.Thread(target=s.stop) for s in servers]
        for thread in stoppers:
            thread.start()
        for thread in stoppers:
            thread.join()
