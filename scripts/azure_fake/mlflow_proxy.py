"""The workspace's MLflow endpoint (https://<region>.api.azureml.ms/mlflow/v1.0/<workspace id>):
an ARM token in, the real MLflow server out, as the caller's MLflow user. What Azure ML's MLflow
endpoint does not offer (model version aliases, GET /version) is refused here too."""
from __future__ import annotations

import base64
import http.client
import json
from urllib.parse import urlsplit

from .common import FakeHandler, new_id
from .entra import ARM_AUDIENCE, TokenError, bearer

PASSED_PREFIXES = ("/api/2.0/mlflow/", "/api/2.0/mlflow-artifacts/", "/api/3.0/mlflow/", "/get-artifact",
                   "/model-versions/get-artifact", "/ajax-api/")
ALIAS_PATHS = ("/registered-models/alias", "/model-versions/get-by-alias")
REQUEST_HEADERS = ("Content-Type", "Accept", "Content-Length")
RESPONSE_HEADERS = ("Content-Type", "Content-Disposition", "Cache-Control", "ETag", "Last-Modified")
CHUNK = 64 * 1024


def strip_aliases(value):
    """Drop every "aliases" field of registered models and model versions (and nested ones)."""
    if isinstance(value, dict):
        return {k: strip_aliases(v) for k, v in value.items() if k != "aliases"}
    if isinstance(value, list):
        return [strip_aliases(v) for v in value]
    return value


class MlflowHandler(FakeHandler):
    def mlflow_error(self, status: int, code: str, message: str, headers: dict | None = None) -> None:
        self.send_json(status, {"error_code": code, "message": message}, headers)

    def route(self) -> None:
        self.extra_headers = {"x-ms-request-id": new_id()}
        path = self.split.path
        if path.rstrip("/") == "/discovery":
            # What discoveryUrl of the workspace answers: every service at this host.
            base = self.server.url
            self.send_json(200, {k: base for k in ("api", "catalog", "experimentation", "gallery", "history",
                                                   "hyperdrive", "labeling", "modelmanagement", "pipelines")})
            return
        prefix = f"/mlflow/v1.0{self.fake.cloud.ws_id}"
        if not path.lower().startswith(prefix.lower()):
            self.mlflow_error(404, "ENDPOINT_NOT_FOUND", f"No workspace MLflow endpoint at {path}.")
            return
        rest = path[len(prefix):]
        claims = self.authenticate()
        if claims is None:
            return
        if rest.rstrip("/") in ("", "/version"):
            self.mlflow_error(404, "ENDPOINT_NOT_FOUND", f"{rest or '/'} is not served by the Azure Machine "
                                                         "Learning workspace's MLflow endpoint.")
            return
        if any(rest.startswith(p) and rest.rstrip("/").endswith(a) for p in PASSED_PREFIXES for a in ALIAS_PATHS):
            self.mlflow_error(404, "ENDPOINT_NOT_FOUND", f"{self.command} {rest} (model version aliases) is not "
                                                        "supported by Azure Machine Learning.")
            return
        if not rest.startswith(PASSED_PREFIXES):
            self.mlflow_error(404, "ENDPOINT_NOT_FOUND", f"{rest} is not an MLflow REST API path.")
            return
        principal = self.fake.tokens.principal(claims)
        admin = self.fake.config.mlflow_admin
        if admin and not (principal and principal.get("mlflowUser") and principal.get("mlflowPassword")):
            self.mlflow_error(403, "PERMISSION_DENIED", "This principal has no access to the workspace's MLflow.")
            return
        self.forward(rest, principal if admin else None)

    def authenticate(self) -> dict | None:
        token = bearer(self.headers.get("Authorization"))
        try:
            if token is None:
                raise TokenError("AuthenticationFailed", "The 'Authorization' header is missing or not a Bearer token.")
            return self.fake.tokens.validate(token, ARM_AUDIENCE)
        except TokenError as error:
            self.mlflow_error(401, "UNAUTHENTICATED", f"{error.code}: {error.message}",
                              {"WWW-Authenticate": 'Bearer error="invalid_token"'})
            return None

    def forward(self, rest: str, principal: dict | None) -> None:
        target = urlsplit(self.fake.config.mlflow_uri)
        body = self.read_body()
        headers = {h: self.headers[h] for h in REQUEST_HEADERS if self.headers.get(h)}
        headers["Content-Length"] = str(len(body))
        if principal:
            pair = f"{principal['mlflowUser']}:{principal['mlflowPassword']}".encode()
            headers["Authorization"] = "Basic " + base64.b64encode(pair).decode()
        path = (target.path.rstrip("/") + rest) + (f"?{self.split.query}" if self.split.query else "")
        connection = http.client.HTTPConnection(target.hostname, target.port or 80, timeout=300)
        try:
            connection.request(self.command, path, body=body if body or self.command in ("POST", "PUT", "PATCH")
                               else None, headers=headers)
            response = connection.getresponse()
            relayed = {h: response.getheader(h) for h in RESPONSE_HEADERS if response.getheader(h)}
            relayed.pop("Content-Type", None)
            content_type = response.getheader("Content-Type")
            length = response.getheader("Content-Length")
            if "json" in (content_type or "") and ("/registered-models/" in rest or "/model-versions/" in rest):
                data = response.read()
                try:
                    data = json.dumps(strip_aliases(json.loads(data))).encode()
                except ValueError:
                    pass
                self.send_bytes(response.status, data, content_type, relayed)
            elif length is None:
                self.send_bytes(response.status, response.read(), content_type, relayed)
            else:
                self.stream(response, int(length), content_type, relayed)
        except OSError as error:
            self.mlflow_error(502, "TEMPORARILY_UNAVAILABLE", f"The tracking server could not be reached: {error}")
        finally:
            connection.close()

    def stream(self, response, length: int, content_type: str | None, headers: dict) -> None:
        self.send_response(response.status)
        for name, value in {**self.extra_headers, **headers}.items():
            self.send_header(name, value)
        if content_type:
            self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(length))
        self.end_headers()
        while length > 0:
            chunk = response.read(min(CHUNK, length))
            if not chunk:
                self.close_connection = True
                break
            if self.command != "HEAD":
                self.wfile.write(chunk)
            length -= len(chunk)
