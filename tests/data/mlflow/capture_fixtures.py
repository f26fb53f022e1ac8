#!/usr/bin/env python3
"""Regenerates the captured MLflow REST payloads in this directory.

The JSON files here are what a real MLflow server (the pinned version, see
scripts/requirements.txt) sends; tst_json_mapping and tst_mlmodel parse them, so the
mapping is tested against real payloads rather than hand-written guesses.

Usage (against a throwaway server you started yourself; it writes to that server):

    mlflow server --backend-store-uri sqlite:////tmp/cap/mlflow.db \
        --artifacts-destination /tmp/cap/artifacts --host 127.0.0.1 --port 5917 --workers 1
    python tests/data/mlflow/capture_fixtures.py --tracking-uri http://127.0.0.1:5917

Files named synthetic-*.json are hand-written variants and are not touched by this script.
"""

import argparse
import json
import os
import urllib.error
import urllib.parse
import urllib.request

OUT_DIR = os.path.dirname(os.path.abspath(__file__))
MODEL = "capture-classifier"


def rest(base, method, endpoint, params=None, body=None, root=False):
    url = base + ("" if root else "/api/2.0/mlflow") + endpoint
    data = None
    headers = {"Accept": "application/json"}
    if method == "GET" and params:
        url += "?" + urllib.parse.urlencode(params, doseq=True)
    elif body is not None:
        data = json.dumps(body).encode()
        headers["Content-Type"] = "application/json"
    req = urllib.request.Request(url, data=data, method=method, headers=headers)
    try:
        with urllib.request.urlopen(req) as resp:
            return resp.status, resp.read()
    except urllib.error.HTTPError as err:
        return err.code, err.read()


def save(name, status, payload, expect_status=200):
    if status != expect_status:
        raise SystemExit(f"{name}: expected HTTP {expect_status}, got {status}: {payload[:300]!r}")
    path = os.path.join(OUT_DIR, name)
    with open(path, "wb") as f:
        f.write(payload)
    print(f"wrote {name} ({len(payload)} bytes, HTTP {status})")


def seed(uri):
    import mlflow
    import numpy as np
    import pandas as pd
    from mlflow.models import infer_signature
    from sklearn.linear_model import LogisticRegression

    mlflow.set_tracking_uri(uri)
    mlflow.set_experiment("capture-experiment")
    rng = np.random.default_rng(7)
    # Eight named numeric columns, like the Pima diabetes data the seeded server uses.
    columns = ["pregnancies", "glucose", "blood_pressure", "skin_thickness", "insulin", "bmi",
               "diabetes_pedigree", "age"]
    X = pd.DataFrame(rng.normal(size=(120, 8)), columns=columns)
    y = (X["glucose"] + 0.5 * X["bmi"] > 0).astype(int)
    run_ids = []
    for version in range(3):
        with mlflow.start_run(run_name=f"capture-run-{version}") as run:
            model = LogisticRegression(C=1.0 + version, max_iter=200).fit(X, y)
            mlflow.log_params({"C": 1.0 + version, "max_iter": 200, "solver": "lbfgs"})
            for step in range(5):
                mlflow.log_metric("loss", 1.0 / (step + 1 + version), step=step)
            mlflow.log_metric("accuracy", float(model.score(X, y)))
            mlflow.set_tag("team", "risk")
            mlflow.log_input(mlflow.data.from_pandas(X, name="training-data"), context="training")
            signature = infer_signature(X, model.predict(X))
            mlflow.sklearn.log_model(model, name="model", signature=signature, input_example=X.head(3),
                                     registered_model_name=MODEL)
            run_ids.append(run.info.run_id)
    client = mlflow.MlflowClient()
    client.set_registered_model_alias(MODEL, "champion", "2")
    client.set_registered_model_alias(MODEL, "challenger", "3")
    client.set_registered_model_tag(MODEL, "owner", "risk-team")
    client.update_registered_model(MODEL, description="Captured for ModelGate's tests")
    client.set_model_version_tag(MODEL, "2", "validation_status", "approved")
    client.update_model_version(MODEL, "2", description="The one in production")
    for i in range(4):
        client.create_registered_model(f"capture-extra-{i}", tags={"n": str(i)})
    return run_ids


def capture(uri, run_ids):
    save("registered-models-search-page1.json",
         *rest(uri, "GET", "/registered-models/search", {"max_results": 2, "order_by": "name ASC"}))
    _, first = rest(uri, "GET", "/registered-models/search", {"max_results": 2, "order_by": "name ASC"})
    token = json.loads(first)["next_page_token"]
    save("registered-models-search-page2.json",
         *rest(uri, "GET", "/registered-models/search",
               {"max_results": 2, "order_by": "name ASC", "page_token": token}))
    save("registered-models-search-empty.json",
         *rest(uri, "GET", "/registered-models/search", {"max_results": 10, "filter": "name = 'no-such-model'"}))
    save("registered-model-get.json", *rest(uri, "GET", "/registered-models/get", {"name": MODEL}))
    save("model-versions-search.json",
         *rest(uri, "GET", "/model-versions/search",
               {"filter": f"name='{MODEL}'", "order_by": "version_number DESC", "max_results": 1000}))
    save("model-version-get.json", *rest(uri, "GET", "/model-versions/get", {"name": MODEL, "version": "2"}))
    save("model-version-by-alias.json",
         *rest(uri, "GET", "/registered-models/alias", {"name": MODEL, "alias": "champion"}))
    save("run-get.json", *rest(uri, "GET", "/runs/get", {"run_id": run_ids[1]}))
    # MLflow 3.6 quirk: without max_results the answer has no metrics and a next_page_token
    # pointing back at offset 0 (the proto default 0 reaches the store as a page size).
    save("metric-history-without-max-results.json",
         *rest(uri, "GET", "/metrics/get-history", {"run_id": run_ids[1], "metric_key": "loss"}))
    save("metric-history-page1.json",
         *rest(uri, "GET", "/metrics/get-history",
               {"run_id": run_ids[1], "metric_key": "loss", "max_results": 2}))
    save("experiments-search.json", *rest(uri, "POST", "/experiments/search", body={"max_results": 10}))
    save("error-404-model-not-found.json",
         *rest(uri, "GET", "/registered-models/get", {"name": "no-such-model"}), expect_status=404)
    save("error-400-alias-not-found.json",
         *rest(uri, "GET", "/registered-models/alias", {"name": MODEL, "alias": "nope"}), expect_status=400)
    save("error-400-bad-filter.json",
         *rest(uri, "GET", "/registered-models/search", {"max_results": 10, "filter": "nonsense ==="}),
         expect_status=400)
    # Non-finite metric values: NaN comes back as the string "NaN", +Infinity as the largest double.
    _, created = rest(uri, "POST", "/runs/create", body={"experiment_id": "0"})
    nan_run = json.loads(created)["run"]["info"]["run_id"]
    rest(uri, "POST", "/runs/log-batch", body={"run_id": nan_run, "metrics": [
        {"key": "nan_metric", "value": "NaN", "timestamp": 1, "step": 0},
        {"key": "inf_metric", "value": "Infinity", "timestamp": 1, "step": 0}]})
    save("run-get-non-finite-metrics.json", *rest(uri, "GET", "/runs/get", {"run_id": nan_run}))
    save("error-404-unknown-endpoint.html", *rest(uri, "GET", "/no-such-endpoint"), expect_status=404)
    status, mlmodel = rest(uri, "GET", "/model-versions/get-artifact",
                           {"name": MODEL, "version": "2", "path": "MLmodel"}, root=True)
    save("MLmodel-sklearn", status, mlmodel)


def write_local_mlmodels():
    """MLmodel files saved locally by MLflow itself (no server): a tensor signature with
    inference params and long column names that PyYAML folds, and a model without signature."""
    import tempfile

    import mlflow
    import numpy as np
    from mlflow.models import ModelSignature
    from mlflow.types import ColSpec, ParamSchema, ParamSpec, Schema, TensorSpec
    from mlflow.types.schema import Array, Object, Property

    class Echo(mlflow.pyfunc.PythonModel):
        def predict(self, context, model_input, params=None):
            return model_input

    tensor_signature = ModelSignature(
        inputs=Schema([TensorSpec(np.dtype("float32"), (-1, 28, 28), "image")]),
        outputs=Schema([TensorSpec(np.dtype("float64"), (-1, 10))]),
        params=ParamSchema([ParamSpec("temperature", "double", 0.5),
                            ParamSpec("stop_words", "string", ["a", "it's"], (-1,))]))
    nested_signature = ModelSignature(
        inputs=Schema([
            ColSpec("string", "a 'quoted' column name that is long enough to be folded by PyYAML's emitter"),
            ColSpec(Array("string"), "tokens", required=False),
            ColSpec(Object([Property("city", "string"), Property("zip", "long", required=False)]), "address"),
        ]),
        outputs=Schema([ColSpec("double")]))
    cwd = os.getcwd()
    scratch = tempfile.mkdtemp()
    os.chdir(scratch)  # MLflow may create ./mlruns; keep it out of the source tree
    for name, signature in [("MLmodel-tensor-params", tensor_signature),
                            ("MLmodel-nested-types", nested_signature),
                            ("MLmodel-no-signature", None)]:
        with tempfile.TemporaryDirectory() as tmp:
            path = os.path.join(tmp, "model")
            mlflow.pyfunc.save_model(path, python_model=Echo(), signature=signature)
            with open(os.path.join(path, "MLmodel"), "rb") as f:
                save(name, 200, f.read())
    os.chdir(cwd)


def capture_auth(uri, admin_user, admin_password):
    """Error bodies of MLflow's basic-auth app (mlflow server --app-name basic-auth): plain
    text served as text/html, not MLflow JSON."""
    import base64

    def auth_rest(method, endpoint, user, password, body=None, content_type="application/json"):
        url = uri + "/api/2.0/mlflow" + endpoint
        headers = {"Content-Type": content_type}
        if user:
            token = base64.b64encode(f"{user}:{password}".encode()).decode()
            headers["Authorization"] = "Basic " + token
        data = json.dumps(body).encode() if body is not None else None
        req = urllib.request.Request(url, data=data, method=method, headers=headers)
        try:
            with urllib.request.urlopen(req) as resp:
                return resp.status, resp.read()
        except urllib.error.HTTPError as err:
            return err.code, err.read()

    save("error-401-basic-auth.txt",
         *auth_rest("GET", "/registered-models/search?max_results=5", None, None), expect_status=401)
    auth_rest("POST", "/registered-models/create", admin_user, admin_password, {"name": "admins-model"})
    auth_rest("POST", "/users/create", admin_user, admin_password,
              {"username": "capture-reader", "password": "capture-reader-pw"})
    save("error-403-basic-auth.txt",
         *auth_rest("POST", "/registered-models/set-tag", "capture-reader", "capture-reader-pw",
                    {"name": "admins-model", "key": "k", "value": "v"}), expect_status=403)
    # The user endpoints want exactly "application/json", and say so in plain text.
    save("error-400-users-create-charset.txt",
         *auth_rest("POST", "/users/create", admin_user, admin_password,
                    {"username": "capture-r2", "password": "capture-reader-pw"},
                    content_type="application/json; charset=utf-8"), expect_status=400)


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--tracking-uri", required=True)
    parser.add_argument("--auth-tracking-uri", help="a server started with --app-name basic-auth "
                        "(default_permission READ); its error bodies are captured too")
    parser.add_argument("--auth-admin-user", default="admin")
    parser.add_argument("--auth-admin-password")
    args = parser.parse_args()
    run_ids = seed(args.tracking_uri)
    capture(args.tracking_uri, run_ids)
    write_local_mlmodels()
    if args.auth_tracking_uri:
        capture_auth(args.auth_tracking_uri, args.auth_admin_user, args.auth_admin_password)


if __name__ == "__main__":
    main()
