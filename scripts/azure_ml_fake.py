#!/usr/bin/env python3
"""A local fake of Azure Machine Learning's control plane, for ModelGate's tests and demo.

No Azure subscription is reachable from here, so this stands in for what the Azure ML target
talks to: the Entra ID token service, Azure Resource Manager for one workspace (online
endpoints and deployments, long-running operations), the workspace's MLflow endpoint and the
endpoints' scoring URIs. Everything behind those stays real: the model registry is a real
MLflow tracking server (--mlflow-uri), reached as the caller's MLflow user, and every
deployment is a real `mlflow models serve` process of the registered version.

  run --state-dir DIR --principals FILE --mlflow-uri URI [options]
      Start four HTTP servers on free loopback ports (login, arm, mlflow, scoring), write
      DIR/fake.json ({"pid","login","arm","mlflow","scoring","subscription","resourceGroup",
      "workspace","region","tenant"}) and print "READY <arm url>". Runs in the foreground
      until SIGTERM/SIGINT or until its parent process dies, then stops every scoring server
      it started (each in its own process group: SIGTERM, 10 s, SIGKILL).
  stop --state-dir DIR
      Stop the fake recorded in DIR/fake.json and any scoring server recorded under
      DIR/deployments/<endpoint>/<deployment>/server.json that still runs (recognised by its
      process group's command lines, never by a PID alone). Idempotent.

The principals FILE (JSON, mode 0600) holds every secret; none is ever on a command line or in
a log: {"tenant", "clients": [{"clientId","clientSecret","oid","mlflowUser","mlflowPassword"}],
"users": [{"upn","password","oid","mlflowUser","mlflowPassword"}], "mlflowAdmin": {"user",
"password"} (optional; absent = the MLflow server has no auth)}.

State: in memory. A new run starts with an empty workspace (endpoints and deployments of an
earlier run are gone, their leftover servers are stopped, DIR/requests.jsonl starts empty).
Files in DIR: fake.json, fake.log (request lines and events, no secrets), requests.jsonl (one
line per scoring request: time, endpoint, deployment, status, modelStatus, latencyMs) and
deployments/<e>/<d>/{server.json,inference-server.log,storage-initializer.log}.

Azure Monitor metrics (GET <resource>/providers/Microsoft.Insights/metrics) of an endpoint
(RequestsPerMinute by deployment/statusCode/statusCodeClass/modelStatusCode, RequestLatency and
RequestLatency_P50/P90/P95/P99 by deployment, ConnectionsActive) and of a deployment
(CpuUtilizationPercentage and CpuMemoryUtilizationPercentage of its server's process group
sampled from /proc every 5 s relative to the SKU's vCPUs and memory, DeploymentCapacity,
RequestsPerMinute by envoy_response_code, RequestLatency_P50..P99) come from what really
happened, at whole-minute grains; a minute is reported --metrics-delay-seconds after it ends
(earlier buckets carry only a timeStamp). Units and lowercased dimension names as in the
recorded responses; metadatavalues [] without $filter; a $filter splits by the dimensions it
names (eq '*' for all values), one timeseries per combination.

Fake's choices where the reference is silent:
- Validation failures are 400 {"error":{"code":"UserError","message",...,"innerError":
  {"code":"BadArgument"|"InvalidName"|"DeploymentHasTraffic"|...}}}, as Azure ML reports user
  errors. A token for the wrong audience is refused with ARM's InvalidAuthenticationTokenAudience.
- Endpoint PUT answers 201 + Azure-AsyncOperation for a create and for an update alike. During
  an update GET shows the live traffic; the requested split (also shown in the PUT answer)
  takes effect, for routing and GET, when the operation completes.
- Any write to an endpoint or its deployments while an operation runs on that endpoint is
  409 Conflict (Kubernetes endpoints do this per the troubleshooting doc; assumed for managed).
- PATCH of an endpoint (tags, identity) or a deployment (sku, tags) with any other field is
  400, pointing to PUT. listKeys/regenerateKeys on a non-Key endpoint and token on a
  non-AMLToken endpoint are 400.
- The Location monitor (mfeOperationResults) answers 202 while running, then 200 with the
  resource for a PATCH, 204 for other operations, or 400 with the operation's error.
- A deployment that fails to start (its server exits, or no /ping within
  --provision-timeout) fails its operation with ResourceNotReady "User container has crashed
  or terminated: ...", and is left in provisioningState Failed with its server stopped.
- A deployment PUT that changes the model starts a new server and swaps it in when it is
  ready (the old one serves meanwhile); other changes apply after --traffic-update-seconds.
- Deployments serve while Succeeded, Updating or Scaling (Azure keeps serving while it
  scales); Creating, Failed and Deleting ones get no traffic, even by header.
- Only MLflow no-code deployments: codeConfiguration or environmentId is refused (400).
- getLogs: tail N > 0 gives the last N lines, tail 0 or absent the whole log (up to 5000 lines).
- AML tokens (authMode AMLToken) live --token-lifetime seconds; refreshAfterTimeUtc is half-way.
- Scoring errors are JSON {"message": ...}; an endpoint that is still Creating answers 404.
- Metrics: ConnectionsActive is the minute's mean concurrency (the requests' summed latency /
  60 s); each deployment has one instance id, "<deployment>-instance-0", whatever its capacity;
  DeploymentCapacity's State is the deployment's provisioningState; mirrored copies count for
  the shadow deployment only.
- The MLflow endpoint does not support model version aliases: registered-models/alias (any
  method) and model-versions/get-by-alias answer 404 ENDPOINT_NOT_FOUND "... not supported by
  Azure Machine Learning", and "aliases" is removed from registered-model and model-version
  answers. GET <prefix>/version is 404 as well.
"""
from __future__ import annotations

import argparse
import json
import os
import signal
import sys
import threading
import time
from pathlib import Path

from azure_fake.arm import ArmHandler
from azure_fake.cloud import Cloud
from azure_fake.common import (FakeLog, FakeServer, cleanup_recorded_servers, cmdline, log_stderr, new_id,
                               write_json_atomic)
from azure_fake.entra import LoginHandler, TokenService
from azure_fake.metrics import Metrics
from azure_fake.mlflow_proxy import MlflowHandler
from azure_fake.scoring import RequestLog, ScoringHandler


class StopRequested(Exception):
    pass


def load_principals(path: Path) -> dict:
    mode = path.stat().st_mode & 0o777
    if mode & 0o077:
        raise SystemExit(f"azure_ml_fake: {path} is readable by others (mode {mode:o}); chmod 600 it")
    principals = json.loads(path.read_text())
    if not isinstance(principals.get("tenant"), str):
        raise SystemExit(f"azure_ml_fake: {path} has no tenant")
    for entry in principals.get("clients", []):
        if not all(isinstance(entry.get(k), str) for k in ("clientId", "clientSecret", "oid")):
            raise SystemExit(f"azure_ml_fake: {path}: every client needs clientId, clientSecret and oid")
    for entry in principals.get("users", []):
        if not all(isinstance(entry.get(k), str) for k in ("upn", "password", "oid")):
            raise SystemExit(f"azure_ml_fake: {path}: every user needs upn, password and oid")
    return principals


class Fake:
    """The four servers and the state they share (handlers reach it as self.server.fake)."""

    def __init__(self, config: argparse.Namespace, principals: dict):
        self.config = config
        self.started = time.time()
        self.workspace_guid = new_id()
        self.log = FakeLog(config.state_dir / "fake.log")
        self.tokens = TokenService(principals, config.token_lifetime)
        self.cloud = Cloud(config, self.log, self.tokens)
        self.requests = RequestLog(config.state_dir / "requests.jsonl")
        self.metrics = Metrics(self)
        self.servers = {name: FakeServer(name, handler, self) for name, handler in
                        (("login", LoginHandler), ("arm", ArmHandler), ("mlflow", MlflowHandler),
                         ("scoring", ScoringHandler))}
        self.urls = {name: server.url for name, server in self.servers.items()}
        self.cloud.arm_url, self.cloud.scoring_url = self.urls["arm"], self.urls["scoring"]
        self.cloud.mlflow_url = self.urls["mlflow"]

    def serve(self) -> None:
        for server in self.servers.values():
            threading.Thread(target=server.serve_forever, name=f"http-{server.name}", daemon=True).start()
        threading.Thread(target=self.metrics.sample_forever, name="usage-sampler", daemon=True).start()

    def close(self) -> None:
        for server in self.servers.values():
            server.shutdown()
        self.cloud.shutdown()
        for server in self.servers.values():
            server.server_close()


def run(args: argparse.Namespace) -> int:
    state_dir = args.state_dir.resolve()
    state_dir.mkdir(parents=True, exist_ok=True, mode=0o700)
    args.state_dir = state_dir
    principals = load_principals(args.principals)
    args.mlflow_admin = principals.get("mlflowAdmin")
    args.mlflow_uri = args.mlflow_uri.rstrip("/")
    if not Path(args.mlflow_executable).exists():
        log_stderr(f"no mlflow executable at {args.mlflow_executable}")
        return 2
    # A new run is a new, empty workspace: stop servers an earlier run may have left behind.
    cleanup_recorded_servers(state_dir / "deployments", log_stderr)
    (state_dir / "requests.jsonl").write_text("")
    parent = os.getppid()

    def request_stop(_signum, _frame):
        raise StopRequested()

    signal.signal(signal.SIGTERM, request_stop)
    signal.signal(signal.SIGINT, request_stop)
    fake = None
    try:
        fake = Fake(args, principals)
        fake.serve()
        write_json_atomic(state_dir / "fake.json", {
            "pid": os.getpid(), **fake.urls, "subscription": args.subscription,
            "resourceGroup": args.resource_group, "workspace": args.workspace, "region": args.region,
            "tenant": principals["tenant"]})
        fake.log.write(f"fake started: {json.dumps(fake.urls)}")
        print(f"READY {fake.urls['arm']}", flush=True)
        # Orphaned (the test died without stopping us): go down and take the servers along.
        while os.getppid() == parent:
            time.sleep(0.2)
        fake.log.write("parent process is gone; stopping")
    except StopRequested:
        pass
    finally:
        signal.signal(signal.SIGTERM, signal.SIG_IGN)
        signal.signal(signal.SIGINT, signal.SIG_IGN)
        if fake is not None:
            fake.close()
            fake.log.write("fake stopped")
        cleanup_recorded_servers(state_dir / "deployments", log_stderr)
        (state_dir / "fake.json").unlink(missing_ok=True)
    return 0


def is_fake(pid: int) -> bool:
    return b"azure_ml_fake.py" in cmdline(pid) and b"run" in cmdline(pid)


def stop(args: argparse.Namespace) -> int:
    state_dir = args.state_dir.resolve()
    try:
        pid = int(json.loads((state_dir / "fake.json").read_text())["pid"])
    except (OSError, ValueError, KeyError, TypeError):
        pid = 0
    if pid and is_fake(pid):
        try:
            os.kill(pid, signal.SIGTERM)
        except ProcessLookupError:
            pass
        deadline = time.monotonic() + 30  # it stops its scoring servers first (10 s grace each, in parallel)
        while time.monotonic() < deadline and is_fake(pid):
            time.sleep(0.1)
        if is_fake(pid):
            log_stderr(f"the fake (pid {pid}) did not stop in time; killing it")
            os.kill(pid, signal.SIGKILL)
    stopped = cleanup_recorded_servers(state_dir / "deployments", log_stderr)
    (state_dir / "fake.json").unlink(missing_ok=True)
    if stopped:
        log_stderr(f"stopped {stopped} leftover scoring server(s)")
    return 0


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    commands = parser.add_subparsers(dest="command", required=True)
    run_parser = commands.add_parser("run")
    run_parser.add_argument("--state-dir", type=Path, required=True)
    run_parser.add_argument("--principals", type=Path, required=True)
    run_parser.add_argument("--mlflow-uri", required=True)
    run_parser.add_argument("--subscription", default="00000000-0000-4000-8000-000000000001")
    run_parser.add_argument("--resource-group", default="rg-modelgate")
    run_parser.add_argument("--workspace", default="ws-modelgate")
    run_parser.add_argument("--region", default="westeurope")
    run_parser.add_argument("--token-lifetime", type=int, default=3599, metavar="SECONDS")
    run_parser.add_argument("--endpoint-create-seconds", type=float, default=2.0)
    run_parser.add_argument("--traffic-update-seconds", type=float, default=1.0)
    run_parser.add_argument("--provision-timeout", type=float, default=240.0, metavar="SECONDS")
    run_parser.add_argument("--page-size", type=int, default=10)
    run_parser.add_argument("--metrics-delay-seconds", type=float, default=60.0,
                            help="Azure Monitor's ingestion delay: a minute is reported this long after it "
                                 "ends (-60: the running minute is reported at once, for tests)")
    run_parser.add_argument("--mlflow-executable", default=str(Path(sys.executable).parent / "mlflow"))
    commands.add_parser("stop").add_argument("--state-dir", type=Path, required=True)
    args = parser.parse_args()
    if args.command == "run":
        return run(args)
    return stop(args)


if __name__ == "__main__":
    sys.exit(main())
