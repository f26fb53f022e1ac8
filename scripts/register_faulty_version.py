"""Registers a faulty version of a model: a canary that a rollout must catch.

The new version wraps an existing one (its predictions, its signature) and, as a model with a
bug would, fails on some valid inputs (rows whose COLUMN is above VALUE raise an error, which
MLflow's scoring server answers with a 4xx status) and can answer slowly (--delay-ms). The
demo (scripts/demo.sh) and the monitoring tests deploy it as a canary beside the champion, so
that its SLO rules trip and it is rolled back automatically (docs/monitoring.md).

With --fail-load the version is broken differently: its load_context raises, so the model
cannot be loaded at all and `mlflow models serve` exits at start (a deployment whose
provisioning fails, e.g. against scripts/azure_ml_fake.py).

Usage: register_faulty_version.py --tracking-uri URI --model NAME --source-version N
       [--fail-above COLUMN=VALUE] [--delay-ms MS] [--fail-load]
Credentials come from MLFLOW_TRACKING_USERNAME / MLFLOW_TRACKING_PASSWORD. Prints the new
version number on the last line of stdout.
"""
from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time
import warnings

warnings.filterwarnings("ignore")
os.environ.setdefault("MLFLOW_ENABLE_ARTIFACTS_PROGRESS_BAR", "false")

import mlflow  # noqa: E402
import mlflow.pyfunc  # noqa: E402
import numpy as np  # noqa: E402
import pandas as pd  # noqa: E402
from mlflow.tracking import MlflowClient  # noqa: E402


class FaultyModel(mlflow.pyfunc.PythonModel):
    """The wrapped model's predictions, except that rows above the threshold fail."""

    def __init__(self, column: str, threshold: float, delay_ms: int, fail_load: bool = False):
        self.column = column
        self.threshold = threshold
        self.delay_ms = delay_ms
        self.fail_load = fail_load
        self.inner = None

    def load_context(self, context):
        # getattr: versions pickled before the flag existed load as they always did.
        if getattr(self, "fail_load", False):
            raise RuntimeError("this build cannot load its artifacts (a planted start-up failure)")
        self.inner = mlflow.pyfunc.load_model(context.artifacts["inner"])

    def predict(self, context, model_input, params=None):
        if self.delay_ms > 0:
            time.sleep(self.delay_ms / 1000.0)
        frame = pd.DataFrame(model_input)
        if self.column in frame.columns and (frame[self.column].astype(float) > self.threshold).any():
            raise ValueError(f"unsupported input: {self.column} above {self.threshold:g} "
                             "(this build mishandles it)")
        return self.inner.predict(frame)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--tracking-uri", required=True)
    parser.add_argument("--model", required=True)
    parser.add_argument("--source-version", required=True)
    parser.add_argument("--fail-above", default="BMI=40", help="COLUMN=VALUE (default BMI=40)")
    parser.add_argument("--delay-ms", type=int, default=0)
    parser.add_argument("--fail-load", action="store_true",
                        help="the model's load_context raises: the version cannot be served at all")
    args = parser.parse_args()
    column, _, value = args.fail_above.partition("=")
    if not column or not value:
        parser.error("--fail-above takes COLUMN=VALUE")
    mlflow.set_tracking_uri(args.tracking_uri)
    client = MlflowClient(args.tracking_uri)
    source = client.get_model_version(args.model, args.source_version)
    source_uri = f"models:/{args.model}/{args.source_version}"
    info = mlflow.models.get_model_info(source_uri)
    with tempfile.TemporaryDirectory() as folder:
        inner = mlflow.artifacts.download_artifacts(source_uri, dst_path=folder)
        # The same input example as the version it wraps, so that it passes the same pre-checks.
        example = mlflow.models.Model.load(inner).load_input_example(inner)
        mlflow.set_experiment("diabetes-classification")
        with mlflow.start_run(run_name="hotfix-canary", tags={"mlflow.source.name": "scripts/register_faulty_version.py",
                                                             "mlflow.source.type": "LOCAL"}):
            mlflow.log_params({"wraps_version": args.source_version,
                               "fails_when": "loading" if args.fail_load else f"{column} > {value}",
                               "delay_ms": args.delay_ms})
            # Offline it looks as good as what it wraps (its evaluation is that version's): the
            # bug shows only when it serves, which is what a canary is for.
            source_metrics = client.get_run(source.run_id).data.metrics if source.run_id else {}
            if source_metrics:
                mlflow.log_metrics(source_metrics)
            logged = mlflow.pyfunc.log_model(
                name="model", python_model=FaultyModel(column, float(value), args.delay_ms, args.fail_load),
                artifacts={"inner": inner}, signature=info.signature, input_example=example,
                pip_requirements=[f"mlflow=={mlflow.__version__}", f"numpy=={np.__version__}",
                                  f"pandas=={pd.__version__}"],
                registered_model_name=args.model)
    version = str(logged.registered_model_version)
    flaw = ("Cannot be loaded: its start-up fails (a planted bug for a failed deployment)." if args.fail_load
            else f"Fails on rows with {column} above {value} (a planted bug for the canary drill).")
    client.update_model_version(args.model, version,
                                description=f"Hot-fix candidate built on v{args.source_version}. {flaw}")
    for key, value in source.tags.items():
        if not key.startswith("modelgate.") and key not in ("validation_status", "reviewed_by", "ticket"):
            client.set_model_version_tag(args.model, version, key, value)
    client.set_model_version_tag(args.model, version, "validation_status", "pending")
    client.set_model_version_tag(args.model, version, "wraps_version", source.version)
    print(version, flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
