"""The endpoints' scoring URIs (https://<endpoint>.<region>.inference.ml.azure.com/score): key,
AML token or Entra auth, Azure ML's MLflow no-code request format (input_data), routing by the
live traffic split or the azureml-model-deployment header, mirroring, and the model's answer
relayed as a no-code MLflow deployment does. Each request is appended to DIR/requests.jsonl."""
from __future__ import annotations

import hmac
import http.client
import json
import random
import threading
import time

from .common import FakeHandler, new_id, parse_duration
from .entra import ML_AUDIENCE, TokenError, bearer


def to_mlflow(input_data):
    """Azure ML's input_data -> the body `mlflow models serve` expects."""
    if isinstance(input_data, dict) and "columns" in input_data and "data" in input_data:
        split = {k: input_data[k] for k in ("columns", "index", "data") if k in input_data}
        return {"dataframe_split": split}
    return {"inputs": input_data}


class RequestLog:
    def __init__(self, path):
        self.path = path
        self.lock = threading.Lock()

    def append(self, record: dict) -> None:
        with self.lock, open(self.path, "a", encoding="utf-8") as handle:
            handle.write(json.dumps(record) + "\n")


class ScoringHandler(FakeHandler):
    rng = random.Random()

    def route(self) -> None:
        started = time.monotonic()
        request_id = self.headers.get("x-ms-client-request-id") or new_id()
        self.extra_headers = {"x-request-id": request_id, "x-ms-request-id": request_id}
        parts = self.split.path.strip("/").split("/")
        if len(parts) != 3 or parts[0] != "endpoints" or parts[2] not in ("score", "swagger.json"):
            self.send_json(404, {"message": "Not found."})
            return
        self.endpoint_name = parts[1]
        self.deployment_name = ""
        self.model_status = None
        status = self.serve(parts[1], parts[2])
        self.fake.requests.append({"time": time.time(), "endpoint": parts[1].lower(),
                                   "deployment": self.deployment_name, "status": status,
                                   "modelStatus": self.model_status,
                                   "latencyMs": round((time.monotonic() - started) * 1000, 3)})

    def answer(self, status: int, body, headers: dict | None = None) -> int:
        self.send_json(status, body, headers)
        return status

    def serve(self, endpoint: str, action: str) -> int:
        cloud = self.fake.cloud
        with cloud.lock:
            ep = cloud.endpoint(endpoint)
            auth = (ep.auth_mode, dict(ep.keys)) if ep else None
        if ep is None or ep.state in ("Creating", "Deleting"):
            return self.answer(404, {"message": f"Endpoint '{endpoint}' was not found."})
        refusal = self.check_auth(ep.name, *auth)
        if refusal:
            return self.answer(401, {"message": refusal}, {"WWW-Authenticate": 'Bearer realm="endpoint"'})
        if action == "swagger.json":
            if self.command != "GET":
                return self.answer(405, {"message": "Use GET for swagger.json."})
            return self.answer(200, {"swagger": "2.0", "info": {"title": ep.name, "version": "1.0"},
                                     "schemes": ["http"], "consumes": ["application/json"],
                                     "paths": {"/score": {"post": {"parameters": [
                                         {"name": "body", "in": "body", "required": True,
                                          "schema": {"type": "object", "required": ["input_data"]}}],
                                         "responses": {"200": {"description": "The predictions."}}}}}})
        if self.command != "POST":
            return self.answer(405, {"message": "Scoring requests use POST."})
        raw = self.read_body()
        named = self.headers.get("azureml-model-deployment")
        ep, dep, problem = cloud.route(endpoint, named, self.rng)
        if dep is None:
            return self.answer(404, {"message": problem})
        self.deployment_name = dep.name
        headers = {"azureml-model-deployment": dep.name}
        try:
            payload = json.loads(raw)
        except ValueError:
            return self.answer(400, {"message": "The request body must be JSON."}, headers)
        if not isinstance(payload, dict) or "input_data" not in payload:
            return self.answer(400, {"message": "Azure Machine Learning's MLflow deployments need the input in a "
                                                "top-level 'input_data' key: {\"input_data\": {\"columns\": [...], "
                                                "\"index\": [...], \"data\": [...]}} or {\"input_data\": [...]}."},
                               headers)
        body = to_mlflow(payload["input_data"])
        if isinstance(payload.get("params"), dict):
            body["params"] = payload["params"]
        data = json.dumps(body).encode()
        timeout = parse_duration(dep.properties["requestSettings"]["requestTimeout"]) or 5.0
        server = dep.server
        if server is None:  # deleted or replaced since it was picked
            return self.answer(502, {"message": f"Deployment '{dep.name}' is not serving."}, headers)
        if not named:
            shadow = cloud.mirror_target(ep, self.rng)
            if shadow is not None:
                threading.Thread(target=self.mirror, args=(ep.name, shadow, data, timeout), daemon=True).start()
        try:
            status, answer, content_type = self.invoke(server.port, data, timeout)
        except TimeoutError:
            return self.answer(408, {"message": f"Request timed out after {timeout * 1000:g} ms."}, headers)
        except OSError as error:
            return self.answer(502, {"message": f"The deployment's inference server did not answer: {error}"},
                               headers)
        self.model_status = status
        if status != 200:
            headers.update({"ms-azureml-model-error-statuscode": str(status),
                            "ms-azureml-model-error-reason": "model_error"})
            self.send_bytes(424, answer, content_type or "application/json", {**headers})
            return 424
        try:
            predictions = json.loads(answer)
        except ValueError:
            self.send_bytes(200, answer, content_type, headers)
            return 200
        if isinstance(predictions, dict) and "predictions" in predictions:
            predictions = predictions["predictions"]  # a no-code deployment answers the bare array
        return self.answer(200, predictions, headers)

    def check_auth(self, endpoint: str, mode: str, keys: dict) -> str | None:
        token = bearer(self.headers.get("Authorization"))
        if token is None:
            return "Authorization header missing or not a Bearer credential."
        if mode == "Key":
            if any(hmac.compare_digest(token.encode(), k.encode()) for k in keys.values() if k):
                return None
            return "Invalid key: use the endpoint's primary or secondary key (listKeys)."
        audience = f"{self.fake.cloud.scoring_url}/endpoints/{endpoint}" if mode == "AMLToken" else ML_AUDIENCE
        try:
            self.fake.tokens.validate(token, audience)
        except TokenError as error:
            return f"{error.code}: {error.message}"
        return None

    @staticmethod
    def invoke(port: int, data: bytes, timeout: float) -> tuple[int, bytes, str | None]:
        connection = http.client.HTTPConnection("127.0.0.1", port, timeout=timeout)
        try:
            connection.request("POST", "/invocations", body=data, headers={"Content-Type": "application/json"})
            response = connection.getresponse()
            return response.status, response.read(), response.getheader("Content-Type")
        finally:
            connection.close()

    def mirror(self, endpoint: str, dep, data: bytes, timeout: float) -> None:
        """A copy of a live request for the shadow deployment; its answer goes nowhere."""
        started = time.monotonic()
        try:
            status, _, _ = self.invoke(dep.server.port, data, timeout)
            model_status = status
            status = 200 if status == 200 else 424
        except OSError:
            status, model_status = 502, None
        self.fake.requests.append({"time": time.time(), "endpoint": endpoint.lower(), "deployment": dep.name,
                                   "status": status, "modelStatus": model_status, "mirrored": True,
                                   "latencyMs": round((time.monotonic() - started) * 1000, 3)})
