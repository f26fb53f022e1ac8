#!/usr/bin/env python3
"""ModelGate deployment benchmark: traffic shifts under steady load, and deploy-to-healthy time.

  python3 tests/bench/run_deploy_benchmark.py --cli build/ci/app/cli/modelgate-cli [--rate 50]

Starts the shared basic-auth MLflow server as the tests have it (scripts/mlflow-test-server.sh
start-auth: seeded, riley.release enrolled with EDIT), approves diabetes-classifier v3 as riley,
and measures, in one run on this machine:

  (a) deploy-to-healthy: `modelgate-cli deploy` of v3 to a new local endpoint (gate, HAProxy,
      the scoring server until /ping answers, the split, the trail record), beside
      `mlflow models serve` of the same version alone until its /ping answers;
  (b) traffic shifts 0 -> 10 -> 50 -> 100 % and a rollback between two deployments while an
      open-loop sender keeps --rate requests/s on the scoring URI (each request on its own
      connection, sent on schedule whether or not earlier ones answered): requests sent, lost
      (no answer), errors (not 200), and latency p50/p95/p99 before, during and after the shifts.

Needs only the standard library; the CLI and the venv's mlflow do the work. Everything it
starts is stopped at the end, also after a failure.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
BODY = json.dumps({"dataframe_split": {"columns": ["Pregnancies", "PlasmaGlucose", "DiastolicBloodPressure",
                                                   "TricepsThickness", "SerumInsulin", "BMI", "DiabetesPedigree",
                                                   "Age"],
                                       "data": [[0, 171, 80, 34, 23, 43.51, 1.213, 21]]}}).encode()


def percentile(values: list[float], p: float) -> float:
    if not values:
        return float("nan")
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(p / 100 * (len(ordered) - 1))))]


class Sender:
    """Open loop: one request every 1/rate s on its own thread, whatever the earlier ones do."""

    def __init__(self, url: str, rate: float):
        self.url, self.interval = url + "/invocations", 1.0 / rate
        self.results: list[tuple[float, float, int]] = []  # start, latency s, status (0: no answer)
        self.lock = threading.Lock()
        self.stop = threading.Event()

    def one(self, started: float) -> None:
        status = 0
        try:
            request = urllib.request.Request(self.url, data=BODY, headers={"Content-Type": "application/json"})
            with urllib.request.urlopen(request, timeout=10) as answer:
                answer.read()
                status = answer.status
        except urllib.error.HTTPError as error:
            status = error.code
        except Exception:
            status = 0
        with self.lock:
            self.results.append((started, time.monotonic() - started, status))

    def run(self) -> None:
        next_at = time.monotonic()
        while not self.stop.is_set():
            now = time.monotonic()
            if now < next_at:
                time.sleep(min(next_at - now, 0.01))
                continue
            threading.Thread(target=self.one, args=(next_at,), daemon=True).start()
            next_at += self.interval


def window(results, start: float, end: float) -> dict:
    chosen = [r for r in results if start <= r[0] < end]
    ok = [r[1] * 1000 for r in chosen if r[2] == 200]
    statuses: dict[str, int] = {}
    for r in chosen:
        if r[2] not in (0, 200):
            statuses[str(r[2])] = statuses.get(str(r[2]), 0) + 1
    return {"sent": len(chosen), "lost": sum(1 for r in chosen if r[2] == 0),
            "errors": sum(1 for r in chosen if r[2] not in (0, 200)), "error_statuses": statuses,
            "p50_ms": round(percentile(ok, 50), 1), "p95_ms": round(percentile(ok, 95), 1),
            "p99_ms": round(percentile(ok, 99), 1)}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--cli", required=True)
    parser.add_argument("--rate", type=float, default=50)
    parser.add_argument("--hold", type=float, default=5, help="seconds of load between shifts")
    args = parser.parse_args()
    cli = str(Path(args.cli).resolve())
    venv = subprocess.run([str(ROOT / "scripts/setup.sh"), "--print-venv", "--no-apt"], check=True,
                          capture_output=True, text=True).stdout.strip()
    mlflow = f"{venv}/bin/mlflow"
    work = Path(tempfile.mkdtemp(prefix="mg-bench-", dir="/tmp"))
    server = work / "server"
    env = dict(os.environ, XDG_DATA_HOME=str(work / "data"))
    started = []
    try:
        subprocess.run([str(ROOT / "scripts/mlflow-test-server.sh"), "start-auth", str(server), venv, cli],
                       check=True, stdout=subprocess.DEVNULL)
        users = json.loads((server / "users.json").read_text())
        env.update(MLFLOW_TRACKING_URI=(server / "uri").read_text().strip(),
                   MLFLOW_TRACKING_USERNAME="riley.release", MLFLOW_TRACKING_PASSWORD=users["riley.release"])

        def run_cli(*words: str) -> float:
            begin = time.monotonic()
            subprocess.run([cli, *words], env=env, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
            return time.monotonic() - begin

        run_cli("review", "approve", "diabetes-classifier", "3", "--comment", "benchmark")

        # (a) mlflow models serve alone, then through ModelGate, same model version.
        port = 5300 + os.getpid() % 500
        begin = time.monotonic()
        alone = subprocess.Popen([mlflow, "models", "serve", "-m", "models:/diabetes-classifier/3", "--env-manager",
                                  "local", "-h", "127.0.0.1", "-p", str(port)],
                                 env=dict(env, PATH=f"{venv}/bin:" + env["PATH"]), stdout=subprocess.DEVNULL,
                                 stderr=subprocess.DEVNULL, start_new_session=True)
        started.append(alone)
        while True:
            try:
                with urllib.request.urlopen(f"http://127.0.0.1:{port}/ping", timeout=1):
                    break
            except Exception:
                time.sleep(0.1)
        serve_alone = time.monotonic() - begin
        os.killpg(alone.pid, 15)
        alone.wait()
        deploy_time = run_cli("deploy", "diabetes-classifier", "3", "--endpoint", "bench", "--deployment", "blue",
                              "--mlflow", mlflow)
        run_cli("deploy", "diabetes-classifier", "3", "--endpoint", "bench", "--deployment", "green", "--mlflow", mlflow)
        status = json.loads(subprocess.run([cli, "endpoint", "status", "bench", "--json"], env=env, check=True,
                                           capture_output=True, text=True).stdout)
        url = status["scoring_uri"]

        # (b) shifts under load.
        sender = Sender(url, args.rate)
        thread = threading.Thread(target=sender.run, daemon=True)
        thread.start()
        t0 = time.monotonic()
        time.sleep(args.hold)
        t1 = time.monotonic()
        shifts = {}
        for label, words in (("green=10", ["endpoint", "traffic", "bench", "blue=90", "green=10"]),
                             ("green=50", ["endpoint", "traffic", "bench", "blue=50", "green=50"]),
                             ("green=100", ["endpoint", "traffic", "bench", "green=100"]),
                             ("rollback", ["endpoint", "rollback", "bench"])):
            shifts[label] = round(run_cli(*words), 2)
            time.sleep(args.hold)
        t2 = time.monotonic()
        time.sleep(args.hold)
        t3 = time.monotonic()
        sender.stop.set()
        thread.join()
        time.sleep(2)  # let the last requests answer
        results = list(sender.results)
        report = {
            "rate_per_s": args.rate,
            "deploy_to_healthy_s": {"modelgate_cli_deploy": round(deploy_time, 2),
                                    "mlflow_models_serve_alone": round(serve_alone, 2),
                                    "added_by_modelgate": round(deploy_time - serve_alone, 2)},
            "shift_command_s": shifts,
            "before": window(results, t0, t1), "during": window(results, t1, t2), "after": window(results, t2, t3),
            "all": window(results, t0, t3),
        }
        print(json.dumps(report, indent=2))
        return 0
    finally:
        for process in started:
            if process.poll() is None:
                os.killpg(process.pid, 9)
        subprocess.run([cli, "endpoint", "delete", "bench"], env=env, stdout=subprocess.DEVNULL,
                       stderr=subprocess.DEVNULL)
        subprocess.run([str(ROOT / "scripts/mlflow-test-server.sh"), "stop", str(server), venv],
                       stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())
