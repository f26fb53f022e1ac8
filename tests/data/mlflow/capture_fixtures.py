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
    save("metric-history.json",
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
    status, mlmodel = rest(uri, "GET", "/model-versions/get-artifact",
                           {"name": MODEL, "version": "2", "path": "MLmodel"}, root=True)
    save("MLmodel-sklearn", status, mlmodel)


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--tracking-uri", required=True)
    args = parser.parse_args()
    run_ids = seed(args.tracking_uri)
    capture(args.tracking_uri, run_ids)


if __name__ == "__main__":
    main()
