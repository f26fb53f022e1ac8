#!/usr/bin/env python3
"""ModelGate monitoring benchmark: are the numbers exact, and how fast is a bad canary stopped?

  python3 tests/bench/run_monitor_benchmark.py --cli build/ci/app/cli/modelgate-cli [--rate 40]

Starts the shared basic-auth MLflow server as the tests have it (scripts/mlflow-test-server.sh
start-auth), registers a faulty version of diabetes-classifier (scripts/register_faulty_version.py:
it fails with a 4xx on rows with BMI above 40, half of scripts/demo_patients.csv), approves v3 and
it as riley.release, deploys v3 as "blue" and the faulty one as "green" at 0 %, and measures in
one run on this machine:

  (a) exactness: `modelgate-cli endpoint load` at --rate through a 90/10 split, plus malformed
      requests sent with urllib, then `modelgate-cli endpoint metrics --json`: requests per
      deployment and in total against what was sent, 4xx against what failed, and the server's
      p95 (HAProxy) against the load generator's own client-side p95;
  (b) time to rollback: SLO rules at their defaults with auto-rollback on, `modelgate-cli
      endpoint watch --interval 5` running, load at --rate; the canary gets 20 % at T0 (when the
      traffic command returns) and the time until the endpoint's split gives it 0 % again is
      taken, beside the rule's window.

Needs only the standard library. Everything it starts is stopped at the end, also after a failure.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
CSV = str(ROOT / "scripts/demo_patients.csv")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--cli", required=True)
    parser.add_argument("--rate", type=float, default=40)
    parser.add_argument("--seconds", type=int, default=30, help="length of the exactness load")
    parser.add_argument("--malformed", type=int, default=25)
    args = parser.parse_args()
    cli = str(Path(args.cli).resolve())
    venv = subprocess.run([str(ROOT / "scripts/setup.sh"), "--print-venv", "--no-apt"], check=True,
                          capture_output=True, text=True).stdout.strip()
    mlflow = f"{venv}/bin/mlflow"
    work = Path(tempfile.mkdtemp(prefix="mg-mbench-", dir="/tmp"))
    server = work / "server"
    env = dict(os.environ, XDG_DATA_HOME=str(work / "data"))
    background: list[subprocess.Popen] = []
    try:
        subprocess.run([str(ROOT / "scripts/mlflow-test-server.sh"), "start-auth", str(server), venv, cli],
                       check=True, stdout=subprocess.DEVNULL)
        users = json.loads((server / "users.json").read_text())
        uri = (server / "uri").read_text().strip()
        env.update(MLFLOW_TRACKING_URI=uri, MLFLOW_TRACKING_USERNAME="riley.release",
                   MLFLOW_TRACKING_PASSWORD=users["riley.release"])

        def cli_json(*words: str) -> dict:
            out = subprocess.run([cli, *words, "--json"], env=env, check=True, capture_output=True, text=True).stdout
            return json.loads(out)

        def run_cli(*words: str) -> None:
            done = subprocess.run([cli, *words], env=env, capture_output=True, text=True)
            if done.returncode != 0:
                sys.exit(f"modelgate-cli {' '.join(words)} failed ({done.returncode}): {done.stderr.strip()}")

        faulty = subprocess.run(
            [f"{venv}/bin/python", str(ROOT / "scripts/register_faulty_version.py"), "--tracking-uri", uri,
             "--model", "diabetes-classifier", "--source-version", "4"],
            env=dict(env, MLFLOW_TRACKING_USERNAME="admin", MLFLOW_TRACKING_PASSWORD=users["admin"]),
            check=True, capture_output=True, text=True).stdout.split()[-1]
        # The demo's release policy: precision may trade for recall, as v4 (and so the faulty one) does.
        run_cli("review", "policy", "set", "diabetes-classifier", "--file", str(ROOT / "scripts/demo_release_policy.json"),
                "--comment", "the demo's clinical policy")
        for version in ("3", faulty):
            run_cli("review", "approve", "diabetes-classifier", version, "--comment", "benchmark")
        run_cli("deploy", "diabetes-classifier", "3", "--endpoint", "bench", "--deployment", "blue", "--mlflow", mlflow)
        run_cli("deploy", "diabetes-classifier", faulty, "--endpoint", "bench", "--deployment", "green",
                "--mlflow", mlflow)
        run_cli("endpoint", "traffic", "bench", "blue=90", "green=10")
        url = cli_json("endpoint", "status", "bench")["scoring_uri"]

        # (a) exactness
        begin = time.time()
        load = cli_json("endpoint", "load", "bench", "--csv", CSV, "--rps", str(args.rate), "--duration",
                        str(args.seconds))
        malformed_4xx = 0
        for _ in range(args.malformed):
            request = urllib.request.Request(url + "/invocations", data=b"{not json",
                                             headers={"Content-Type": "application/json"})
            try:
                urllib.request.urlopen(request, timeout=10).read()
            except urllib.error.HTTPError as error:
                malformed_4xx += 400 <= error.code < 500
        window = f"{int(time.time() - begin) + 5}s"
        metrics = cli_json("endpoint", "metrics", "bench", "--window", window)
        per = {item["deployment"]: item for item in metrics["deployments"]}
        load_failed = sum(load["failed_by_status"].values())
        exactness = {
            "sent_by_load": load["sent"], "malformed_sent": args.malformed,
            "metrics_total": metrics["total"]["requests"],
            "metrics_blue": per.get("blue", {}).get("requests"), "metrics_green": per.get("green", {}).get("requests"),
            "sum_of_deployments": sum(item["requests"] for item in metrics["deployments"]),
            "failed_by_load": load_failed, "malformed_answered_4xx": malformed_4xx,
            "metrics_4xx": metrics["total"]["4xx"],
            "load_p50_p95_p99_ms": [load["p50_ms"], load["p95_ms"], load["p99_ms"]],
            "haproxy_p50_p95_p99_ms": [metrics["total"]["p50_ms"], metrics["total"]["p95_ms"],
                                       metrics["total"]["p99_ms"]],
            "late_starts": load["late_starts"],
        }

        # (b) time from a failing canary getting traffic to its automatic rollback
        run_cli("endpoint", "traffic", "bench", "blue=100", "green=0")
        time.sleep(61)  # the rule's window forgets the exactness run's failures
        run_cli("endpoint", "slo", "bench", "--auto-rollback", "on")
        watch_log = open(work / "watch.log", "w")
        background.append(subprocess.Popen([cli, "endpoint", "watch", "bench", "--interval", "5"], env=env,
                                           stdout=watch_log, stderr=subprocess.STDOUT, start_new_session=True))
        background.append(subprocess.Popen([cli, "endpoint", "load", "bench", "--csv", CSV, "--rps", str(args.rate),
                                            "--duration", "240"], env=env, stdout=subprocess.DEVNULL,
                                           stderr=subprocess.DEVNULL, start_new_session=True))
        time.sleep(10)
        run_cli("endpoint", "traffic", "bench", "blue=80", "green=20")
        t0 = time.monotonic()
        rolled_after = None
        while time.monotonic() - t0 < 180:
            split = {d["name"]: d["traffic"] for d in cli_json("endpoint", "status", "bench")["deployments"]}
            if split.get("green") == 0:
                rolled_after = time.monotonic() - t0
                break
            time.sleep(0.5)
        report = {"rate_per_s": args.rate, "exactness": exactness,
                  "rollback": {"seconds_from_traffic_to_rollback": None if rolled_after is None else round(rolled_after, 1),
                               "rule_window_s": 60, "watch_interval_s": 5}}
        print(json.dumps(report, indent=2))
        print((work / "watch.log").read_text() if (work / "watch.log").exists() else "", file=sys.stderr)
        return 0 if rolled_after is not None else 1
    finally:
        for process in background:
            if process.poll() is None:
                os.killpg(process.pid, 15)
                process.wait()
        subprocess.run([cli, "endpoint", "delete", "bench"], env=env, stdout=subprocess.DEVNULL,
                       stderr=subprocess.DEVNULL)
        subprocess.run([str(ROOT / "scripts/mlflow-test-server.sh"), "stop", str(server), venv],
                       stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())
