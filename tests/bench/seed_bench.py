#!/usr/bin/env python3
"""Seed an MLflow SQLite store for the ModelGate benchmark, fast, with MLflow's own store code.

Run with the Python of the venv that scripts/setup.sh prints (it needs the pinned mlflow):

  seed_bench.py DB_PATH ARTIFACT_ROOT --models N --history-points P [--versioned-models K]
                [--versions-per-model V]

Creating thousands of registered models through the REST API one request at a time takes
minutes. Before any server runs, this writes the same rows with MLflow's SQLAlchemy stores
(the server's own code writing the server's own database): the tracking store creates the
schema, the experiment and the runs, and logs the metric history with log_batch 1,000 points
at a time (MLflow's own batch limit); the registry rows are inserted in one session with
MLflow's ORM classes. The server started on this file afterwards sees an ordinary database.

Prints one JSON object: the run id and metric key of the long history, and the counts.
"""

from __future__ import annotations

import argparse
import json
import math
import os
import random
import sys
import time

# Names a reviewer would type part of: "d", "di", "dia", "diab" narrow the list step by step.
DOMAINS = ("diabetes", "diagnosis", "digits", "demand", "fraud", "churn", "credit", "pricing",
           "search", "ranking", "vision", "speech", "forecast", "anomaly", "recsys", "nlp")
TASKS = ("classifier", "regressor", "ranker", "detector", "embedder", "forecaster")
TEAMS = ("risk", "growth", "health", "platform", "research")
HISTORY_METRIC = "loss"
BATCH = 1000  # MLflow's MAX_METRICS_PER_BATCH


def model_name(index: int) -> str:
    return f"{DOMAINS[index % len(DOMAINS)]}-{TASKS[(index // len(DOMAINS)) % len(TASKS)]}-{index:05d}"


def seed(db_path: str, artifact_root: str, models: int, history_points: int, versioned_models: int,
         versions_per_model: int) -> dict:
    from mlflow.entities import Metric, RunStatus, RunTag
    from mlflow.store.model_registry.dbmodels.models import (SqlModelVersion, SqlModelVersionTag,
                                                             SqlRegisteredModel, SqlRegisteredModelAlias,
                                                             SqlRegisteredModelTag)
    from mlflow.store.model_registry.sqlalchemy_store import SqlAlchemyStore as RegistryStore
    from mlflow.store.tracking.sqlalchemy_store import SqlAlchemyStore as TrackingStore

    import sqlalchemy

    # A throw-away database being built: no fsync per commit (the file is renamed into the
    # cache only once complete, so a crash leaves no half-seeded cache behind).
    @sqlalchemy.event.listens_for(sqlalchemy.engine.Engine, "connect")
    def _fast_sqlite(connection, _record):
        cursor = connection.cursor()
        cursor.execute("PRAGMA synchronous=OFF")
        cursor.execute("PRAGMA journal_mode=MEMORY")
        cursor.close()

    db_uri = f"sqlite:///{db_path}"
    rng = random.Random(20261127)  # the same content on every machine
    started = time.monotonic()

    tracking = TrackingStore(db_uri, artifact_root)
    schema_done = time.monotonic()
    experiment_id = tracking.create_experiment("modelgate-benchmark")
    now = int(time.time() * 1000)
    history_run = tracking.create_run(experiment_id, "bench", now, [RunTag("mlflow.runName", "long-history")],
                                      "long-history")
    run_id = history_run.info.run_id
    for first in range(0, history_points, BATCH):
        batch = []
        for step in range(first, min(first + BATCH, history_points)):
            # A decaying, noisy training loss with occasional spikes: a curve LTTB must keep the shape of.
            value = 2.0 * math.exp(-step / max(1, history_points / 6)) + 0.05 * rng.random()
            if rng.random() < 0.001:
                value += 1.0
            batch.append(Metric(HISTORY_METRIC, value, now + step, step))
        tracking.log_batch(run_id, metrics=batch, params=[], tags=[])
    tracking.update_run_info(run_id, RunStatus.FINISHED, now + history_points, "long-history")
    metrics_done = time.monotonic()

    registry = RegistryStore(db_uri)
    source_run = tracking.create_run(experiment_id, "bench", now, [], "training").info.run_id
    with registry.ManagedSessionMaker() as session:
        rows = []
        for index in range(models):
            name = model_name(index)
            created = now - (models - index) * 60_000
            versions = versions_per_model if index < versioned_models else 1
            rows.append(SqlRegisteredModel(name=name, creation_time=created,
                                           last_updated_time=created + versions * 1000,
                                           description=f"{name.replace('-', ' ')} for the {TEAMS[index % len(TEAMS)]} "
                                                       f"team; benchmark row {index}"))
            rows.append(SqlRegisteredModelTag(name=name, key="team", value=TEAMS[index % len(TEAMS)]))
            rows.append(SqlRegisteredModelTag(name=name, key="domain", value=DOMAINS[index % len(DOMAINS)]))
            for version in range(1, versions + 1):
                rows.append(SqlModelVersion(
                    name=name, version=version, creation_time=created + version * 1000,
                    last_updated_time=created + version * 1000, description="", user_id="bench",
                    current_stage="None", source=f"models:/m-{index:05d}{version:03d}", run_id=source_run,
                    storage_location=f"{artifact_root}/models/m-{index:05d}{version:03d}", status="READY"))
                rows.append(SqlModelVersionTag(name=name, version=version, key="validation_status",
                                               value="approved" if version % 2 else "pending"))
            rows.append(SqlRegisteredModelAlias(name=name, alias="champion", version=versions))
            if versions > 1:
                rows.append(SqlRegisteredModelAlias(name=name, alias="challenger", version=versions - 1))
        session.add_all(rows)
    finished = time.monotonic()
    return {
        "run_id": run_id,
        "metric_key": HISTORY_METRIC,
        "history_points": history_points,
        "models": models,
        "versions": models - min(models, versioned_models) + min(models, versioned_models) * versions_per_model,
        "seconds_schema": round(schema_done - started, 2),
        "seconds_metrics": round(metrics_done - schema_done, 2),
        "seconds_total": round(finished - started, 2),
    }


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("db_path")
    parser.add_argument("artifact_root")
    parser.add_argument("--models", type=int, required=True)
    parser.add_argument("--history-points", type=int, required=True)
    parser.add_argument("--versioned-models", type=int, default=20)
    parser.add_argument("--versions-per-model", type=int, default=50)
    args = parser.parse_args()
    if args.models < 1 or args.history_points < 2 or args.versions_per_model < 1:
        parser.error("need at least 1 model, 2 history points and 1 version per model")
    if os.path.exists(args.db_path):
        parser.error(f"{args.db_path} exists; the seeder only writes new databases")
    os.makedirs(args.artifact_root, exist_ok=True)
    summary = seed(args.db_path, args.artifact_root, args.models, args.history_points, args.versioned_models,
                   args.versions_per_model)
    print(json.dumps(summary), flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
