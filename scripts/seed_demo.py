#!/usr/bin/env python3
"""Fill an MLflow tracking server with realistic, deterministic content for ModelGate.

Trains real scikit-learn models on synthetic tabular data (fixed seeds, so every run of this
script produces the same data, parameters and metrics) and registers them:

  diabetes-classifier   4 versions of different quality, each from its own run with params,
                        metrics (accuracy, auc, precision, recall, f1), a per-iteration `loss`
                        history (except the decision tree, which has none), a model signature
                        and input example. Alias `champion` -> v3, `challenger` -> v4 (newest).
                        Stages (deprecated, still common): v1 Archived, v3 Production, v4 Staging.
  fraud-detector        2 versions, alias `champion` -> v2
  churn-predictor       1 version, no alias
  readmission-risk      1 version, no description and no tags (the bare case)
  sepsis-early-warning  registered, no versions yet

Usage: seed_demo.py --tracking-uri URI [--summary FILE]
Seeding a server that already has `diabetes-classifier` changes nothing and succeeds.
"""

from __future__ import annotations

import argparse
import inspect
import json
import os
import sys
import time
import warnings

# Before mlflow is imported: no telemetry or progress bars (the machine has no internet).
os.environ.setdefault("MLFLOW_DISABLE_TELEMETRY", "true")
os.environ.setdefault("DO_NOT_TRACK", "true")
os.environ.setdefault("MLFLOW_ENABLE_ARTIFACTS_PROGRESS_BAR", "false")
warnings.filterwarnings("ignore")

import mlflow  # noqa: E402
import numpy as np  # noqa: E402
import pandas as pd  # noqa: E402
from mlflow.entities import Metric  # noqa: E402
from mlflow.exceptions import MlflowException  # noqa: E402
from mlflow.models import infer_signature  # noqa: E402
from mlflow.tracking import MlflowClient  # noqa: E402
from sklearn.ensemble import GradientBoostingClassifier, RandomForestClassifier  # noqa: E402
from sklearn.linear_model import LogisticRegression, SGDClassifier  # noqa: E402
from sklearn.metrics import (accuracy_score, f1_score, log_loss, precision_score,  # noqa: E402
                             recall_score, roc_auc_score)
from sklearn.model_selection import train_test_split  # noqa: E402
from sklearn.pipeline import make_pipeline  # noqa: E402
from sklearn.preprocessing import StandardScaler  # noqa: E402
from sklearn.tree import DecisionTreeClassifier  # noqa: E402

SEED = 20240611
DIABETES = "diabetes-classifier"
FEATURES = ["Pregnancies", "PlasmaGlucose", "DiastolicBloodPressure", "TricepsThickness",
            "SerumInsulin", "BMI", "DiabetesPedigree", "Age"]
# Features that carry little signal: the first candidate model was trained on these only.
WEAK_FEATURES = ["DiastolicBloodPressure", "TricepsThickness", "SerumInsulin"]
# Logging the exact requirements skips MLflow's slow requirement inference (a subprocess
# that imports the model), and pins what the model really needs.
PIP_REQUIREMENTS = [f"scikit-learn=={__import__('sklearn').__version__}",
                    f"numpy=={np.__version__}", f"pandas=={pd.__version__}",
                    f"mlflow=={mlflow.__version__}"]


def diabetes_data(rows: int = 3000) -> pd.DataFrame:
    """A synthetic clinical data set whose label depends on a few features, plus noise."""
    rng = np.random.default_rng(SEED)
    age = np.clip(21 + rng.gamma(2.0, 7.5, rows), 21, 81).round()
    pregnancies = np.clip(rng.poisson(1.0 + (age - 21) / 12.0), 0, 15)
    glucose = np.clip(rng.normal(108 + 0.25 * (age - 21), 26, rows), 44, 199).round()
    pressure = np.clip(rng.normal(70 + 0.15 * (age - 21), 11, rows), 24, 122).round()
    bmi = np.clip(rng.normal(31.5, 6.8, rows), 18.2, 59.0).round(1)
    triceps = np.clip(0.9 * bmi - 1.5 + rng.normal(0, 6, rows), 7, 60).round()
    insulin = np.clip(rng.lognormal(np.log(80 + 0.6 * (glucose - 100).clip(0)), 0.55), 14, 846).round()
    pedigree = np.clip(rng.gamma(2.0, 0.24, rows), 0.078, 2.42).round(3)

    # Centred risk factors, then a logistic link: glucose, BMI, family history and age carry
    # the signal, as in the clinical literature; pressure, skin fold and insulin barely do.
    linear = (0.048 * (glucose - 120) + 0.085 * (bmi - 31) + 1.05 * (pedigree - 0.5)
              + 0.028 * (age - 35) + 0.09 * pregnancies)
    # Interactions a linear model cannot express and trees can.
    interactions = 1.1 * ((glucose > 150) & (bmi > 33)) + 0.8 * ((age > 50) & (pedigree > 0.6))
    logit = 1.6 * linear + 1.5 * interactions - 0.9 + rng.normal(0, 0.6, rows)
    diabetic = (rng.random(rows) < 1 / (1 + np.exp(-logit))).astype(int)
    frame = pd.DataFrame({
        "Pregnancies": pregnancies.astype(int), "PlasmaGlucose": glucose.astype(int),
        "DiastolicBloodPressure": pressure.astype(int), "TricepsThickness": triceps.astype(int),
        "SerumInsulin": insulin.astype(int), "BMI": bmi, "DiabetesPedigree": pedigree,
        "Age": age.astype(int), "Diabetic": diabetic})
    return frame


def quality_metrics(y_true, probabilities) -> dict[str, float]:
    predicted = (probabilities >= 0.5).astype(int)
    return {
        "accuracy": round(float(accuracy_score(y_true, predicted)), 4),
        "auc": round(float(roc_auc_score(y_true, probabilities)), 4),
        "precision": round(float(precision_score(y_true, predicted, zero_division=0)), 4),
        "recall": round(float(recall_score(y_true, predicted)), 4),
        "f1": round(float(f1_score(y_true, predicted)), 4),
    }


def sgd_logistic(x_train, y_train, epochs: int = 150):
    """Logistic regression trained by SGD, one epoch at a time, to record the loss curve."""
    scaler = StandardScaler().fit(x_train)
    scaled = scaler.transform(x_train)
    model = SGDClassifier(loss="log_loss", learning_rate="invscaling", eta0=0.05, alpha=1e-4,
                          random_state=SEED)
    losses = []
    for _ in range(epochs):
        model.partial_fit(scaled, y_train, classes=[0, 1])
        losses.append(log_loss(y_train, model.predict_proba(scaled)[:, 1]))
    return make_pipeline(scaler, model), losses


def random_forest(x_train, y_train, x_valid, y_valid):
    model = RandomForestClassifier(n_estimators=120, max_depth=7, min_samples_leaf=5,
                                   random_state=SEED, n_jobs=1).fit(x_train, y_train)
    # Validation loss of the forest made of its first k trees, k = 1..n.
    per_tree = np.array([tree.predict_proba(x_valid.to_numpy())[:, 1] for tree in model.estimators_])
    running = np.cumsum(per_tree, axis=0) / np.arange(1, len(per_tree) + 1)[:, None]
    losses = [log_loss(y_valid, np.clip(p, 1e-6, 1 - 1e-6)) for p in running]
    return model, losses


def gradient_boosting(x_train, y_train, x_valid, y_valid):
    model = GradientBoostingClassifier(n_estimators=220, learning_rate=0.05, max_depth=3,
                                       subsample=0.8, random_state=SEED).fit(x_train, y_train)
    losses = [log_loss(y_valid, p[:, 1]) for p in model.staged_predict_proba(x_valid)]
    return model, losses


def log_loss_history(client: MlflowClient, run_id: str, losses) -> None:
    # Steps and values are deterministic; the timestamps are real, 10 ms apart, ending now.
    now_ms = int(time.time() * 1000)
    metrics = [Metric("loss", round(float(value), 6), now_ms - 10 * (len(losses) - step), step)
               for step, value in enumerate(losses)]
    for start in range(0, len(metrics), 900):  # the server takes at most 1000 per batch
        client.log_batch(run_id, metrics=metrics[start:start + 900])


def sklearn_log_options(model) -> dict:
    """Newer MLflow (3.7 and later) saves scikit-learn models with skops, which loads only the
    types it is told to trust; a tree ensemble's node storage is not trusted by default, so
    the input example's validation (and later serving) would refuse the model. Name exactly
    the model's own types, as skops finds them; older MLflow pickles and takes no such option."""
    if "skops_trusted_types" not in inspect.signature(mlflow.sklearn.log_model).parameters:
        return {}
    import skops.io  # noqa: PLC0415 (present only where MLflow uses it)
    return {"skops_trusted_types": skops.io.get_untrusted_types(data=skops.io.dumps(model))}


def train_and_register(client: MlflowClient, *, model_name: str, experiment: str, run_name: str,
                       user: str, model, features, x_train, x_test, y_test, params: dict,
                       losses=None, dataset_name: str, description: str, tags: dict) -> dict:
    mlflow.set_experiment(experiment)
    with mlflow.start_run(run_name=run_name, tags={"mlflow.user": user,
                                                   "mlflow.source.name": "scripts/seed_demo.py",
                                                   "mlflow.source.type": "LOCAL"}) as run:
        probabilities = model.predict_proba(x_test[features])[:, 1]
        metrics = quality_metrics(y_test, probabilities)
        train_set = mlflow.data.from_pandas(x_train[features], name=f"{dataset_name}-train")
        test_set = mlflow.data.from_pandas(x_test[features].assign(label=y_test.to_numpy()),
                                           name=f"{dataset_name}-test", targets="label")
        mlflow.log_input(train_set, context="training")
        mlflow.log_params({**params, "features": ",".join(features), "train_rows": len(x_train),
                           "seed": SEED})
        example = x_train[features].head(5)
        signature = infer_signature(example, model.predict(example))
        info = mlflow.sklearn.log_model(model, name="model", signature=signature,
                                        input_example=example, pip_requirements=PIP_REQUIREMENTS,
                                        registered_model_name=model_name, **sklearn_log_options(model))
        mlflow.log_metrics(metrics, model_id=info.model_id, dataset=test_set)
        if losses is not None:
            log_loss_history(client, run.info.run_id, losses)
    version = str(info.registered_model_version)
    client.update_model_version(model_name, version, description=description)
    for key, value in tags.items():
        client.set_model_version_tag(model_name, version, key, value)
    print(f"{model_name} v{version}: {run_name} {metrics}", flush=True)
    return {"version": version, "run_id": run.info.run_id, "run_name": run_name,
            "experiment": experiment, "model_id": info.model_id, "metrics": metrics,
            "loss_steps": 0 if losses is None else len(losses), "user": user}


def describe_model(client: MlflowClient, name: str, description: str, tags: dict) -> None:
    client.update_registered_model(name, description=description)
    for key, value in tags.items():
        client.set_registered_model_tag(name, key, value)


def seed_diabetes(client: MlflowClient) -> dict:
    data = diabetes_data()
    features = data[FEATURES]
    labels = data["Diabetic"]
    x_train, x_test, y_train, y_test = train_test_split(features, labels, test_size=0.25,
                                                        random_state=SEED, stratify=labels)
    common = {"model_name": DIABETES, "experiment": "diabetes-classification",
              "x_train": x_train, "x_test": x_test, "y_test": y_test,
              "dataset_name": "diabetes-synthetic-v1"}
    base_tags = {"team": "clinical-ml", "dataset": "diabetes-synthetic-v1"}
    versions = []

    logistic, losses = sgd_logistic(x_train[WEAK_FEATURES], y_train)
    versions.append(train_and_register(
        client, run_name="logreg-weak-features", user="dana.scientist", model=logistic,
        features=WEAK_FEATURES, losses=losses,
        params={"model_class": "SGDClassifier(log_loss)", "epochs": 150, "eta0": 0.05, "alpha": 1e-4},
        description="Baseline: logistic regression on blood pressure, skin thickness and insulin "
                    "only. Kept for reference; not fit for clinical use.",
        tags={**base_tags, "validation_status": "rejected", "reviewed_by": "sam.reviewer"}, **common))

    tree = DecisionTreeClassifier(max_depth=4, min_samples_leaf=20, random_state=SEED).fit(x_train, y_train)
    versions.append(train_and_register(
        client, run_name="decision-tree-depth4", user="dana.scientist", model=tree, features=FEATURES,
        params={"model_class": "DecisionTreeClassifier", "max_depth": 4, "min_samples_leaf": 20},
        description="Interpretable decision tree (depth 4) on all eight features.",
        tags={**base_tags, "validation_status": "superseded", "reviewed_by": "sam.reviewer"}, **common))

    forest, losses = random_forest(x_train, y_train, x_test, y_test)
    versions.append(train_and_register(
        client, run_name="random-forest-120", user="lee.engineer", model=forest, features=FEATURES,
        losses=losses,
        params={"model_class": "RandomForestClassifier", "n_estimators": 120, "max_depth": 7,
                "min_samples_leaf": 5},
        description="Random forest, 120 trees. Approved after clinical review; serves production "
                    "traffic.",
        tags={**base_tags, "validation_status": "approved", "reviewed_by": "sam.reviewer",
              "ticket": "CLIN-142"}, **common))

    boosting, losses = gradient_boosting(x_train, y_train, x_test, y_test)
    versions.append(train_and_register(
        client, run_name="gradient-boosting-220", user="dana.scientist", model=boosting,
        features=FEATURES, losses=losses,
        params={"model_class": "GradientBoostingClassifier", "n_estimators": 220,
                "learning_rate": 0.05, "max_depth": 3, "subsample": 0.8},
        description="Gradient boosting, 220 stages. Candidate to replace the champion; "
                    "awaiting review.",
        tags={**base_tags, "validation_status": "pending"}, **common))

    # Stages are deprecated but still what many servers carry; show both worlds.
    for version, stage in ((versions[0], "Archived"), (versions[2], "Production"), (versions[3], "Staging")):
        client.transition_model_version_stage(DIABETES, version["version"], stage)
        version["stage"] = stage
    client.set_registered_model_alias(DIABETES, "champion", versions[2]["version"])
    client.set_registered_model_alias(DIABETES, "challenger", versions[3]["version"])
    describe_model(client, DIABETES,
                   "Predicts type 2 diabetes from eight routine clinical measurements. "
                   "Owner: clinical ML team. Inputs are raw values; no scaling needed.",
                   {"team": "clinical-ml", "domain": "healthcare", "owner": "dana.scientist",
                    "risk_tier": "high"})
    return {"versions": versions, "aliases": {"champion": versions[2]["version"],
                                              "challenger": versions[3]["version"]}}


def tabular_task(seed: int, rows: int, columns: list[str], weights: list[float], bias: float):
    """A small synthetic binary task: standard-normal features, logistic label."""
    rng = np.random.default_rng(seed)
    x = pd.DataFrame(rng.normal(size=(rows, len(columns))).round(4), columns=columns)
    logit = bias + x.to_numpy() @ np.array(weights) + rng.normal(0, 0.5, rows)
    y = pd.Series((rng.random(rows) < 1 / (1 + np.exp(-logit))).astype(int), name="label")
    return train_test_split(x, y, test_size=0.25, random_state=seed, stratify=y)


def seed_other_models(client: MlflowClient) -> dict:
    summary = {}
    fraud_columns = ["amount_z", "merchant_risk", "hour_sin", "hour_cos", "card_age", "velocity_1h"]
    x_train, x_test, y_train, y_test = tabular_task(SEED + 1, 1500, fraud_columns,
                                                    [1.4, 1.1, 0.3, -0.2, -0.6, 1.7], -2.2)
    fraud = []
    for run_name, c_value, columns in (("logreg-c0.01-core", 0.01, fraud_columns[:3]),
                                       ("logreg-c1.0-all", 1.0, fraud_columns)):
        model = LogisticRegression(C=c_value, max_iter=500).fit(x_train[columns], y_train)
        fraud.append(train_and_register(
            client, model_name="fraud-detector", experiment="fraud-detection", run_name=run_name,
            user="lee.engineer", model=model, features=columns, x_train=x_train, x_test=x_test,
            y_test=y_test, params={"model_class": "LogisticRegression", "C": c_value},
            dataset_name="card-transactions-synthetic", tags={"team": "payments-risk"},
            description=f"Logistic regression, C={c_value}, on {len(columns)} transaction features."))
    client.set_registered_model_alias("fraud-detector", "champion", fraud[1]["version"])
    describe_model(client, "fraud-detector", "Scores card transactions for fraud in real time.",
                   {"team": "payments-risk", "domain": "finance"})
    summary["fraud-detector"] = {"versions": fraud, "aliases": {"champion": fraud[1]["version"]}}

    churn_columns = ["tenure_months", "monthly_charges", "support_calls", "contract_months"]
    x_train, x_test, y_train, y_test = tabular_task(SEED + 2, 1200, churn_columns,
                                                    [-1.2, 0.7, 0.9, -1.0], -0.8)
    model = DecisionTreeClassifier(max_depth=3, random_state=SEED).fit(x_train, y_train)
    churn = train_and_register(
        client, model_name="churn-predictor", experiment="customer-churn", run_name="tree-depth3",
        user="mo.analyst", model=model, features=churn_columns, x_train=x_train, x_test=x_test,
        y_test=y_test, params={"model_class": "DecisionTreeClassifier", "max_depth": 3},
        dataset_name="telecom-customers-synthetic", tags={"team": "growth"},
        description="Monthly churn propensity for subscription customers.")
    describe_model(client, "churn-predictor", "Monthly churn propensity.", {"team": "growth"})
    summary["churn-predictor"] = {"versions": [churn], "aliases": {}}

    readmission_columns = ["length_of_stay", "prior_admissions", "comorbidity_index"]
    x_train, x_test, y_train, y_test = tabular_task(SEED + 3, 1000, readmission_columns,
                                                    [0.6, 1.1, 0.8], -1.1)
    model = LogisticRegression(max_iter=500).fit(x_train, y_train)
    # The bare case on purpose: no description, no tags, no alias.
    readmission = train_and_register(
        client, model_name="readmission-risk", experiment="readmission", run_name="logreg-baseline",
        user="dana.scientist", model=model, features=readmission_columns, x_train=x_train,
        x_test=x_test, y_test=y_test, params={"model_class": "LogisticRegression"},
        dataset_name="admissions-synthetic", tags={}, description="")
    summary["readmission-risk"] = {"versions": [readmission], "aliases": {}}

    client.create_registered_model(
        "sepsis-early-warning", tags={"team": "clinical-ml", "domain": "healthcare"},
        description="Planned: early warning score for sepsis in ICU patients. No versions yet.")
    summary["sepsis-early-warning"] = {"versions": [], "aliases": {}}
    return summary


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--tracking-uri", required=True)
    parser.add_argument("--summary", help="write what was seeded (versions, runs, metrics) as JSON here")
    args = parser.parse_args()

    started = time.monotonic()
    mlflow.set_tracking_uri(args.tracking_uri)
    mlflow.set_registry_uri(args.tracking_uri)
    client = MlflowClient(tracking_uri=args.tracking_uri, registry_uri=args.tracking_uri)
    try:
        client.get_registered_model(DIABETES)
        print(f"{args.tracking_uri} already has {DIABETES}; nothing to seed")
        return 0
    except MlflowException as error:
        if error.error_code != "RESOURCE_DOES_NOT_EXIST":
            raise

    summary = {"tracking_uri": args.tracking_uri, "models": {DIABETES: seed_diabetes(client)}}
    summary["models"].update(seed_other_models(client))
    if args.summary:
        with open(args.summary, "w") as handle:
            json.dump(summary, handle, indent=2)
            handle.write("\n")
    print(f"seeded {args.tracking_uri} in {time.monotonic() - started:.1f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
