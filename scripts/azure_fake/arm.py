"""Azure Resource Manager (management.azure.com) for one Machine Learning workspace: the
workspace, its online endpoints and deployments, model versions (read from the real MLflow
registry), the mfe operation monitors and, through metrics.py, Azure Monitor metrics."""
from __future__ import annotations

import json
from urllib.parse import quote, unquote, urlencode

from .cloud import ArmError, user_error
from .common import FakeHandler, iso_utc, new_id
from .entra import ARM_AUDIENCE, TokenError, bearer

API_VERSIONS = ("2022-05-01", "2023-04-01", "2024-10-01", "2025-06-01", "2025-09-01", "2025-12-01", "2026-03-01",
                "2026-05-01", "2026-07-01", "2026-09-01")
# Microsoft.Insights metrics: the versions of the MON spec folders (2018-01-01 in the recorded calls).
METRICS_API_VERSIONS = ("2018-01-01", "2019-07-01", "2021-05-01", "2023-10-01", "2024-02-01")
PROVIDER = "microsoft.machinelearningservices"
OPERATION_TIMEOUT = "PT1H"


class ArmHandler(FakeHandler):
    def route(self) -> None:
        self.extra_headers = {
            "x-ms-request-id": new_id(),
            "x-ms-correlation-request-id": self.headers.get("x-ms-correlation-request-id") or new_id(),
            "Cache-Control": "no-cache"}
        if self.headers.get("x-ms-client-request-id"):
            self.extra_headers["x-ms-client-request-id"] = self.headers["x-ms-client-request-id"]
        try:
            self.claims = self.authenticate()
            if self.claims is None:
                return
            segments = [unquote(s) for s in self.split.path.strip("/").split("/")] if self.split.path.strip("/") else []
            self.resolve(segments)
        except ArmError as error:
            self.send_json(error.status, error.body())

    # --- authentication and api-version ---------------------------------------------------

    def authenticate(self) -> dict | None:
        tokens = self.fake.tokens
        header = self.headers.get("Authorization")
        token = bearer(header)
        if token is None:
            if header:
                error = TokenError("InvalidAuthenticationToken", "The access token is invalid.")
            else:
                error = TokenError("AuthenticationFailed", "Authentication failed. The 'Authorization' header "
                                                           "is missing.")
        else:
            try:
                return tokens.validate(token, ARM_AUDIENCE)
            except TokenError as refused:
                error = refused
        described = error.message if header else "The authentication failed because of missing 'Authorization' header."
        challenge = (f'Bearer authorization_uri="{self.fake.urls["login"]}/{tokens.tenant}", error="invalid_token", '
                     f'error_description="{described}"')
        self.send_json(401, {"error": {"code": error.code, "message": error.message}},
                       {"WWW-Authenticate": challenge})
        return None

    def api_version(self, supported=API_VERSIONS) -> str:
        version = self.param("api-version")
        if not version:
            raise ArmError(400, "MissingApiVersionParameter",
                           "The api-version query parameter (?api-version=) is required for all requests.")
        if version not in supported:
            raise ArmError(400, "InvalidApiVersionParameter",
                           f"The api-version '{version}' is invalid. The supported versions are "
                           f"'{','.join(reversed(supported))}'.")
        return version

    @property
    def principal(self) -> str:
        return self.claims.get("upn") or self.claims.get("appid") or ""

    def body(self):
        raw = self.read_body()
        if not raw.strip():
            return None
        try:
            return json.loads(raw)
        except ValueError as error:
            raise ArmError(400, "InvalidRequestContent",
                           f"The request content was invalid and could not be deserialized: {error}.") from error

    # --- routing ---------------------------------------------------------------------------

    def resolve(self, seg: list[str]) -> None:
        config = self.fake.config
        low = [s.lower() for s in seg]
        if len(seg) < 2 or low[0] != "subscriptions":
            raise self.no_route(seg)
        if low[1] != config.subscription.lower():
            self.api_version_any()
            raise ArmError(404, "SubscriptionNotFound", f"The subscription '{seg[1]}' could not be found.")
        if len(seg) == 8 and low[2:5] == ["providers", PROVIDER, "locations"] \
                and low[6] in ("mfeoperationsstatus", "mfeoperationresults"):
            self.operation(seg[5], low[6], seg[7])
            return
        if len(seg) < 4 or low[2] != "resourcegroups":
            raise self.no_route(seg)
        if low[3] != config.resource_group.lower():
            self.api_version_any()
            raise ArmError(404, "ResourceGroupNotFound", f"Resource group '{seg[3]}' could not be found.")
        if len(seg) < 8 or low[4:7] != ["providers", PROVIDER, "workspaces"]:
            raise self.no_route(seg)
        rest, low_rest = seg[8:], low[8:]
        metrics = low_rest[-3:] == ["providers", "microsoft.insights", "metrics"]
        version = self.api_version(METRICS_API_VERSIONS if metrics else API_VERSIONS)
        if low[7] != config.workspace.lower():
            raise ArmError(404, "ResourceNotFound",
                           f"The Resource 'Microsoft.MachineLearningServices/workspaces/{seg[7]}' under resource "
                           f"group '{seg[3]}' was not found. For more details please go to "
                           "https://aka.ms/ARMResourceNotFoundFix")
        if metrics:
            self.methods("GET")
            self.fake.metrics.answer(self, rest[:-3])
            return
        self.workspace_route(rest, low_rest, version)

    def api_version_any(self) -> None:
        """Scope checks come after the api-version check, as ARM orders them."""
        if self.param("api-version") is None:
            self.api_version()

    def no_route(self, seg: list[str]) -> ArmError:
        kind = "/".join(seg[6:7] + seg[8:9]) if len(seg) > 6 else "/".join(seg)
        return ArmError(404, "InvalidResourceType",
                        f"The resource type '{kind or '/'}' could not be found in the namespace "
                        f"'Microsoft.MachineLearningServices' for api version '{self.param('api-version')}'.")

    def methods(self, *allowed: str) -> None:
        if self.command not in allowed:
            raise ArmError(405, "MethodNotAllowed",
                           f"The requested resource does not support http method '{self.command}'.")

    def workspace_route(self, rest: list[str], low: list[str], version: str) -> None:
        cloud = self.fake.cloud
        n = len(rest)
        if n == 0:
            self.methods("GET")
            self.send_json(200, self.workspace_json())
        elif low[0] == "onlineendpoints" and n == 1:
            self.methods("GET")
            with cloud.lock:
                items = [cloud.endpoint_json(e) for e in cloud.endpoints.values()
                         if not self.param("name") or e.name.lower() == self.param("name").lower()]
            self.page(items, version, self.param("count"))
        elif low[0] == "onlineendpoints" and n == 2:
            self.endpoint(rest[1], version)
        elif low[0] == "onlineendpoints" and n == 3 and low[2] in ("listkeys", "regeneratekeys", "token"):
            self.methods("POST")
            self.endpoint_action(rest[1], low[2], version)
        elif low[0] == "onlineendpoints" and n == 3 and low[2] == "deployments":
            self.methods("GET")
            with cloud.lock:
                ep = cloud.require_endpoint(rest[1])
                items = [cloud.deployment_json(d) for d in ep.deployments.values()]
            self.page(items, version, self.param("$top"))
        elif low[0] == "onlineendpoints" and n == 4 and low[2] == "deployments":
            self.deployment(rest[1], rest[3], version)
        elif low[0] == "onlineendpoints" and n == 5 and low[2] == "deployments" and low[4] in ("getlogs", "skus"):
            self.deployment_action(rest[1], rest[3], low[4], version)
        elif low[0] == "models" and n in (3, 4) and low[2] == "versions":
            self.methods("GET")
            self.model_versions(rest[1], rest[3] if n == 4 else None, version)
        else:
            raise self.no_route(["", "", "", "", "", "", "Microsoft.MachineLearningServices", "", *rest])

    # --- answers ---------------------------------------------------------------------------

    def workspace_json(self) -> dict:
        config, cloud = self.fake.config, self.fake.cloud
        mlflow = self.fake.urls["mlflow"]
        host = mlflow.split("://", 1)[1]
        group_id = f"/subscriptions/{config.subscription}/resourceGroups/{config.resource_group}/providers"
        return {
            "id": cloud.ws_id, "name": config.workspace, "type": "Microsoft.MachineLearningServices/workspaces",
            "location": config.region, "tags": {}, "kind": "Default", "sku": {"name": "Basic", "tier": "Basic"},
            "identity": {"type": "SystemAssigned", "principalId": self.fake.workspace_guid,
                         "tenantId": self.fake.tokens.tenant},
            "properties": {
                "friendlyName": config.workspace, "description": "", "workspaceId": self.fake.workspace_guid,
                "provisioningState": "Succeeded", "tenantId": self.fake.tokens.tenant,
                "mlFlowTrackingUri": f"azureml://{host}/mlflow/v1.0{cloud.ws_id}",
                "discoveryUrl": f"{mlflow}/discovery",
                "storageAccount": f"{group_id}/Microsoft.Storage/storageAccounts/{config.workspace.replace('-', '')}sa",
                "keyVault": f"{group_id}/Microsoft.KeyVault/vaults/{config.workspace}-kv",
                "applicationInsights": f"{group_id}/Microsoft.insights/components/{config.workspace}-ai",
                "hbiWorkspace": False, "publicNetworkAccess": "Enabled", "v1LegacyMode": False,
                "storageHnsEnabled": False, "creationTime": iso_utc(self.fake.started)},
            "systemData": cloud.system_data(self.fake.started, self.fake.started, "")}

    def page(self, items: list, version: str, requested: str | None) -> None:
        size = self.fake.config.page_size
        try:
            skip = max(0, int(self.param("$skip") or 0))
            if requested:
                size = max(1, min(size, int(requested)))
        except ValueError as error:
            raise user_error("$skip, $top and count must be integers.") from error
        body = {"value": items[skip:skip + size]}
        if skip + size < len(items):
            query = {k: v[0] for k, v in self.query.items() if k.lower() not in ("$skip", "api-version")}
            query.update({"api-version": version, "$skip": str(skip + size)})
            body["nextLink"] = f"{self.fake.urls['arm']}{self.split.path}?{urlencode(query, quote_via=quote)}"
        self.send_json(200, body)

    def started(self, status: int, body, op, version: str, location: bool, asynchronous: bool) -> None:
        cloud = self.fake.cloud
        headers = {"x-ms-async-operation-timeout": OPERATION_TIMEOUT}
        if asynchronous:
            headers["Azure-AsyncOperation"] = cloud.ops_url("mfeOperationsStatus", op, version)
        if location:
            headers["Location"] = cloud.ops_url("mfeOperationResults", op, version)
            headers["Retry-After"] = "1"
        self.send_json(status, body, headers)

    def endpoint(self, name: str, version: str) -> None:
        cloud = self.fake.cloud
        self.methods("GET", "PUT", "PATCH", "DELETE")
        if self.command == "GET":
            with cloud.lock:
                self.send_json(200, cloud.endpoint_json(cloud.require_endpoint(name)))
        elif self.command == "PUT":
            status, body, op = cloud.put_endpoint(name, self.body(), self.principal, version)
            self.started(status, body, op, version, location=False, asynchronous=True)
        elif self.command == "PATCH":
            op = cloud.patch_endpoint(name, self.body(), version)
            self.started(202, None, op, version, location=True, asynchronous=False)
        else:
            op = cloud.delete_endpoint(name, version)
            if op is None:
                self.send_json(204, None)
            else:
                self.started(202, None, op, version, location=True, asynchronous=False)

    def endpoint_action(self, name: str, action: str, version: str) -> None:
        cloud = self.fake.cloud
        body = self.body()
        if action == "listkeys":
            self.send_json(200, cloud.list_keys(name))
        elif action == "token":
            self.send_json(200, cloud.endpoint_token(name))
        else:
            op = cloud.regenerate_key(name, body, version)
            self.started(202, None, op, version, location=True, asynchronous=True)

    def deployment(self, endpoint: str, name: str, version: str) -> None:
        cloud = self.fake.cloud
        self.methods("GET", "PUT", "PATCH", "DELETE")
        if self.command == "GET":
            with cloud.lock:
                dep = cloud.require_endpoint(endpoint).deployments.get(name.lower())
                if dep is None:
                    raise cloud.not_found(f"onlineEndpoints/{endpoint}/deployments/{name}")
                self.send_json(200, cloud.deployment_json(dep))
        elif self.command == "PUT":
            body, op = cloud.put_deployment(endpoint, name, self.body(), self.principal, version)
            self.started(201, body, op, version, location=False, asynchronous=True)
        elif self.command == "PATCH":
            op = cloud.patch_deployment(endpoint, name, self.body(), version)
            self.started(202, None, op, version, location=True, asynchronous=False)
        else:
            op = cloud.delete_deployment(endpoint, name, version)
            if op is None:
                self.send_json(204, None)
            else:
                self.started(202, None, op, version, location=True, asynchronous=False)

    def deployment_action(self, endpoint: str, name: str, action: str, version: str) -> None:
        cloud = self.fake.cloud
        if action == "getlogs":
            self.methods("POST")
            self.send_json(200, {"content": cloud.deployment_logs(endpoint, name, self.body())})
            return
        self.methods("GET")
        with cloud.lock:
            if cloud.require_endpoint(endpoint).deployments.get(name.lower()) is None:
                raise cloud.not_found(f"onlineEndpoints/{endpoint}/deployments/{name}")
        self.page([{"resourceType": "Microsoft.MachineLearning.Services/endpoints/deployments",
                    "sku": {"name": "Default", "tier": "Standard"},
                    "capacity": {"minimum": 1, "maximum": 20, "default": 1, "scaleType": "Manual"}}],
                  version, self.param("count"))

    def operation(self, region: str, kind: str, op_id: str) -> None:
        self.methods("GET")
        self.api_version()
        cloud = self.fake.cloud
        with cloud.lock:
            op = cloud.operations.get(op_id)
            if op is None or region.lower() != self.fake.config.region.lower():
                raise ArmError(404, "NotFound", f"Operation {op_id} was not found.")
            status, error, result = op.status, op.error, op.result
            body = op.status_body(cloud.status_id(op))
        retry = {"Retry-After": "1"} if status == "InProgress" else {}
        if kind == "mfeoperationsstatus":
            self.send_json(200, body, retry)
        elif status == "InProgress":
            self.send_json(202, None, {**retry, "Location": f"{self.fake.urls['arm']}{self.path}"})
        elif status == "Succeeded":
            self.send_json(200 if result else 204, result)
        else:
            error = error or {"code": "OperationCanceled", "message": "The operation was canceled."}
            self.send_json(400, {"error": {**error, "details": [], "additionalInfo": []}})

    def model_versions(self, name: str, version: str | None, api: str) -> None:
        cloud = self.fake.cloud
        if version is not None:
            self.send_json(200, self.model_version_json(cloud.model_version(name, version)))
            return
        escaped = name.replace("'", "\\'")
        status, body = cloud.registry("model-versions/search", {"filter": f"name='{escaped}'", "max_results": 1000})
        if status != 200:
            raise ArmError(500, "InternalServerError", f"The model registry answered HTTP {status}.")
        records = sorted(body.get("model_versions", []), key=lambda r: int(r.get("version", 0)), reverse=True)
        self.page([self.model_version_json(r) for r in records], api, self.param("$top"))

    def model_version_json(self, record: dict) -> dict:
        cloud = self.fake.cloud
        created = int(record.get("creation_timestamp", 0)) / 1000
        modified = int(record.get("last_updated_timestamp", 0)) / 1000
        tags = {t["key"]: t.get("value", "") for t in record.get("tags", [])}
        return {
            "id": f"{cloud.ws_id}/models/{record['name']}/versions/{record['version']}",
            "name": str(record["version"]), "type": "Microsoft.MachineLearningServices/workspaces/models/versions",
            "properties": {"description": record.get("description", ""), "tags": tags, "properties": {},
                           "isArchived": False, "isAnonymous": False, "modelType": "mlflow_model",
                           "modelUri": record.get("source", ""), "jobName": record.get("run_id"),
                           "stage": record.get("current_stage"), "provisioningState": "Succeeded"},
            "systemData": cloud.system_data(created, modified, record.get("user_id", ""))}

