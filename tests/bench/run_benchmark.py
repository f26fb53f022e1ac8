#!/usr/bin/env python3
"""ModelGate benchmark: ModelGate's core and CLI against MLflow's Python client, on one real server.

  python3 tests/bench/run_benchmark.py --build-dir build/bench [--models 5000] [--history-points 100000]

Seeds (or reuses a cached copy of) an MLflow SQLite store with --models registered models
(--versioned-models of them with --versions-per-model versions each, the rest with one) and one
run whose metric "loss" has --history-points steps, starts a real MLflow server on it (loopback,
free port, scripts/mlflow_server.py) and measures, side by side:

  (a) listing every registered model, all pages of 1,000: ModelGate core in-process
      (searchAllRegisteredModels), MLflow's Python client (search_registered_models page by page),
      and the floor: the same GET requests over one kept-alive libcurl connection, unparsed;
  (b) the long metric history: core getMetricHistory + LTTB to 2,000 points versus the Python
      client's get_metric_history (and, for reference, the chart's bulk-interval request);
  (c) filter latency per keystroke over every model in the GUI's item models;
  (d) peak memory (VmHWM / ru_maxrss) of each, each measured in its own process;
and the whole-process equivalents a pipeline step sees: `modelgate-cli ... models list --json`
and `modelgate-cli ... metrics history` against `python -c` with the MLflow client.

The driver itself needs only the standard library; MLflow runs in the venv (--venv,
$MODELGATE_VENV, or `scripts/setup.sh --print-venv --no-apt`). --smoke runs a tiny registry once
to check that everything still works and every figure is produced (the CTest bench_smoke); it
asserts no timings.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import platform
import shutil
import signal
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
SEEDER = Path(__file__).resolve().parent / "seed_bench.py"
SERVER_HELPER = ROOT / "scripts" / "mlflow_server.py"
CHART_POINTS = 2000

# Targets from the issue ("Speed at registry scale" / "A benchmark, not a timed test").
TARGET_CORE_VS_FLOOR = 1.3
TARGET_WHOLE_SPEEDUP = 3.0
TARGET_KEYSTROKE_MS = 16.0
TARGET_CHART_MS = 300.0

PY_COMMON = r"""
import json, sys, time
def kb(field):
    with open("/proc/self/status") as status:
        for line in status:
            if line.startswith(field + ":"):
                return int(line.split()[1])
    return -1
import mlflow
from mlflow import MlflowClient
client = MlflowClient(tracking_uri=sys.argv[1], registry_uri=sys.argv[1])
repeat = int(sys.argv[2])
"""

PY_LIST_IN_PROCESS = PY_COMMON + r"""
def list_all():
    token, items, pages = None, 0, 0
    while True:
        page = client.search_registered_models(max_results=1000, order_by=["name ASC"], page_token=token)
        items += len(page); pages += 1
        token = page.token
        if not token:
            return items, pages
baseline = kb("VmRSS")
times = []
for _ in range(repeat):
    started = time.perf_counter()
    items, pages = list_all()
    times.append((time.perf_counter() - started) * 1000)
print(json.dumps({"mode": "python-list", "times_ms": times, "median_ms": sorted(times)[len(times) // 2] if len(times) % 2 else sum(sorted(times)[len(times) // 2 - 1:len(times) // 2 + 1]) / 2,
                  "baseline_rss_kb": baseline, "peak_rss_kb": kb("VmHWM"), "items": items, "pages": pages}))
"""

PY_HISTORY_IN_PROCESS = PY_COMMON + r"""
run_id, key = sys.argv[3], sys.argv[4]
baseline = kb("VmRSS")
times = []
for _ in range(repeat):
    started = time.perf_counter()
    history = client.get_metric_history(run_id, key)
    times.append((time.perf_counter() - started) * 1000)
    items = len(history)
    del history
print(json.dumps({"mode": "python-history", "times_ms": times, "median_ms": sorted(times)[len(times) // 2] if len(times) % 2 else sum(sorted(times)[len(times) // 2 - 1:len(times) // 2 + 1]) / 2,
                  "baseline_rss_kb": baseline, "peak_rss_kb": kb("VmHWM"), "items": items}))
"""

# What a pipeline step would write: import, list every page, exit.
PY_LIST_WHOLE = (
    "import sys, mlflow\n"
    "c = mlflow.MlflowClient(tracking_uri=sys.argv[1], registry_uri=sys.argv[1])\n"
    "t, n = None, 0\n"
    "while True:\n"
    "    p = c.search_registered_models(max_results=1000, order_by=['name ASC'], page_token=t)\n"
    "    n += len(p); t = p.token\n"
    "    if not t: break\n"
    "assert n == int(sys.argv[2]), n\n"
)
PY_HISTORY_WHOLE = (
    "import sys, mlflow\n"
    "h = mlflow.MlflowClient(tracking_uri=sys.argv[1]).get_metric_history(sys.argv[3], sys.argv[4])\n"
    "assert len(h) == int(sys.argv[2]), len(h)\n"
)


class BenchError(RuntimeError):
    pass


def log(message: str) -> None:
    print(f"bench: {message}", file=sys.stderr, flush=True)


def quiet_env() -> dict[str, str]:
    env = dict(os.environ)
    env.update({"MLFLOW_DISABLE_TELEMETRY": "true", "DO_NOT_TRACK": "true", "PYTHONUNBUFFERED": "1",
                "QT_QPA_PLATFORM": env.get("QT_QPA_PLATFORM", "offscreen"), "LC_ALL": "C.UTF-8",
                "QT_LOGGING_RULES": "qt.qpa.*=false"})
    # The server is on the loopback; a proxy from the environment must not sit in between.
    for name in ("http_proxy", "https_proxy", "HTTP_PROXY", "HTTPS_PROXY", "all_proxy", "ALL_PROXY"):
        env.pop(name, None)
    env["no_proxy"] = env["NO_PROXY"] = "127.0.0.1,localhost"
    return env


def run_child(command: list[str], stdout=subprocess.PIPE, timeout: float = 900.0) -> tuple[float, int, str]:
    """Runs one child process; returns (wall ms, peak RSS kB from wait4, stdout text)."""
    started = time.perf_counter()
    process = subprocess.Popen(command, stdin=subprocess.DEVNULL, stdout=stdout, stderr=subprocess.PIPE,
                               env=quiet_env())
    try:
        out, err = process.communicate(timeout=timeout)
    except subprocess.TimeoutExpired:
        process.kill()
        process.communicate()
        raise BenchError(f"{command[0]} took longer than {timeout:.0f} s")
    # communicate() reaped the child; its rusage is in RUSAGE_CHILDREN only cumulatively, so
    # reap it ourselves instead when a peak is wanted (see run_timed).
    elapsed = (time.perf_counter() - started) * 1000
    if process.returncode != 0:
        raise BenchError(f"{' '.join(command[:3])}... exited with {process.returncode}:\n"
                         f"{(err or b'').decode(errors='replace')[-3000:]}")
    return elapsed, -1, (out or b"").decode(errors="replace")


def run_timed(command: list[str], timeout: float = 900.0) -> tuple[float, int]:
    """Runs one child with stdout to /dev/null; returns (wall ms, its peak RSS in kB via wait4)."""
    with open(os.devnull, "wb") as devnull, open(os.devnull, "wb") as devnull_err:
        started = time.perf_counter()
        process = subprocess.Popen(command, stdin=subprocess.DEVNULL, stdout=devnull, stderr=devnull_err,
                                   env=quiet_env())
        deadline = started + timeout
        while True:
            pid, status, usage = os.wait4(process.pid, os.WNOHANG)
            if pid:
                break
            if time.perf_counter() > deadline:
                process.kill()
                os.wait4(process.pid, 0)
                raise BenchError(f"{command[0]} took longer than {timeout:.0f} s")
            time.sleep(0.0005)
        elapsed = (time.perf_counter() - started) * 1000
        process.returncode = os.waitstatus_to_exitcode(status)
    if process.returncode != 0:
        raise BenchError(f"{' '.join(command[:4])}... exited with {process.returncode}")
    return elapsed, usage.ru_maxrss


def run_json(command: list[str]) -> dict:
    _, _, out = run_child(command)
    lines = [line for line in out.splitlines() if line.startswith("{")]
    if not lines:
        raise BenchError(f"{' '.join(command[:3])}... printed no result:\n{out[-2000:]}")
    return json.loads(lines[-1])


def find_venv(explicit: str | None) -> Path:
    venv = explicit or os.environ.get("MODELGATE_VENV", "")
    if not venv:
        result = subprocess.run([str(ROOT / "scripts" / "setup.sh"), "--print-venv", "--no-apt"],
                                stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, check=False)
        if result.returncode != 0:
            raise BenchError(f"scripts/setup.sh --print-venv failed:\n{result.stderr[-2000:]}")
        venv = result.stdout.strip().splitlines()[-1]
    python = Path(venv) / "bin" / "python"
    if not python.exists():
        raise BenchError(f"no Python at {python} (run scripts/setup.sh or pass --venv)")
    return python


def mlflow_version(python: Path) -> str:
    _, _, out = run_child([str(python), "-c", "import mlflow; print(mlflow.__version__)"])
    return out.strip()


# --- seeding, cached by content


def seeded_database(args, python: Path, version: str) -> tuple[Path, dict]:
    key_text = json.dumps([args.models, args.history_points, args.versioned_models, args.versions_per_model,
                           version, hashlib.sha256(SEEDER.read_bytes()).hexdigest()])
    key = hashlib.sha256(key_text.encode()).hexdigest()[:16]
    cache = args.cache_dir / f"n{args.models}-p{args.history_points}-{key}"
    db, summary_file = cache / "mlflow.db", cache / "seed.json"
    if db.exists() and summary_file.exists():
        log(f"reusing the seeded store {cache}")
        return db, json.loads(summary_file.read_text())
    building = cache.with_name(cache.name + f".building-{os.getpid()}")
    shutil.rmtree(building, ignore_errors=True)
    building.mkdir(parents=True)
    log(f"seeding {args.models} models and a {args.history_points}-point history into {cache} (once)")
    started = time.perf_counter()
    summary = run_json([str(python), str(SEEDER), str(building / "mlflow.db"), str(building / "artifacts"),
                        "--models", str(args.models), "--history-points", str(args.history_points),
                        "--versioned-models", str(args.versioned_models),
                        "--versions-per-model", str(args.versions_per_model)])
    (building / "seed.json").write_text(json.dumps(summary))
    shutil.rmtree(cache, ignore_errors=True)
    building.rename(cache)  # complete or not at all: a killed seeding leaves no cache entry
    log(f"seeded in {time.perf_counter() - started:.1f} s")
    return db, summary


class Server:
    """A real MLflow server on a private copy of the seeded store, via scripts/mlflow_server.py run."""

    def __init__(self, python: Path, db: Path, state_dir: Path):
        shutil.rmtree(state_dir, ignore_errors=True)
        (state_dir / "artifacts").mkdir(parents=True)
        shutil.copyfile(db, state_dir / "mlflow.db")
        self.state_dir = state_dir
        self.process = subprocess.Popen([str(python), str(SERVER_HELPER), "run", str(state_dir), "--timeout", "180"],
                                        stdin=subprocess.DEVNULL, stdout=subprocess.PIPE, stderr=None,
                                        env=quiet_env(), text=True)
        self.uri = ""
        for line in self.process.stdout:
            if line.startswith("READY "):
                self.uri = line.split()[1]
                break
        if not self.uri:
            self.process.wait(timeout=30)
            raise BenchError(f"the MLflow server did not start (see {state_dir / 'server.log'})")

    def stop(self) -> None:
        if self.process.poll() is None:
            self.process.send_signal(signal.SIGTERM)
            try:
                self.process.wait(timeout=30)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()


# --- measurements


def merged(runs: list[dict]) -> dict:
    """One contender's results from several processes: every time, the highest peaks."""
    result = dict(runs[-1])
    result["times_ms"] = [ms for run in runs for ms in run["times_ms"]]
    result["median_ms"] = statistics.median(result["times_ms"])
    result["peak_rss_kb"] = max(run["peak_rss_kb"] for run in runs)
    if all(run.get("baseline_rss_kb", -1) > 0 for run in runs):
        result["call_kb"] = max(run["peak_rss_kb"] - run["baseline_rss_kb"] for run in runs)
    return result


def interleaved(commands: dict[str, list[str]], rounds: int) -> dict[str, dict]:
    """Runs the contenders in turn, one process each per round: the server's speed drifts with
    the machine's load, and taking turns spreads that drift over all of them alike."""
    runs: dict[str, list[dict]] = {name: [] for name in commands}
    for _ in range(rounds):
        for name, command in commands.items():
            runs[name].append(run_json(command))
    return {name: merged(results) for name, results in runs.items()}


def whole_processes(commands: dict[str, list[str]], rounds: int) -> dict[str, dict]:
    for command in commands.values():
        run_timed(command)  # warm-up: page cache, the server's first queries
    times: dict[str, list[float]] = {name: [] for name in commands}
    peaks: dict[str, list[int]] = {name: [] for name in commands}
    for _ in range(rounds):
        for name, command in commands.items():
            ms, peak = run_timed(command)
            times[name].append(ms)
            peaks[name].append(peak)
    return {name: {"mode": name, "times_ms": times[name], "median_ms": statistics.median(times[name]),
                   "peak_rss_kb": max(peaks[name])} for name in commands}


def measure(args, bench: str, cli: str, python: Path, uri: str, seed: dict) -> dict:
    run_id, key, models, points = seed["run_id"], seed["metric_key"], seed["models"], seed["history_points"]
    results: dict[str, dict] = {}

    log("warming the server up")
    run_json([bench, "raw-list", uri, "--repeat", "1"])

    log(f"(a) listing, in-process, {args.repeat} rounds: core, raw floor, Python client")
    results.update(interleaved({
        "list_core": [bench, "list", uri, "--repeat", "1"],
        "list_floor": [bench, "raw-list", uri, "--repeat", "1"],
        "list_python": [str(python), "-c", PY_LIST_IN_PROCESS, uri, "1"],
    }, args.repeat))

    log(f"(b) history, in-process, {args.repeat} rounds: core fetch + LTTB, raw floor, Python client")
    results.update(interleaved({
        "history_core": [bench, "history", uri, run_id, key, "--repeat", "1", "--points", str(CHART_POINTS)],
        "history_floor": [bench, "raw-history", uri, run_id, key, "--repeat", "1"],
        "history_python": [str(python), "-c", PY_HISTORY_IN_PROCESS, uri, "1", run_id, key],
    }, args.repeat))
    results["history_overview"] = run_json([bench, "overview", uri, run_id, key, "--repeat", str(args.repeat),
                                            "--points", str(CHART_POINTS)])

    log("(c) filter keystrokes in the item models")
    results["filter"] = run_json([bench, "filter", uri, "--repeat", str(max(3, args.repeat)), "--keys", args.keys])

    log(f"whole processes, {args.whole_repeat} rounds: modelgate-cli against python -c")
    cli_list = [cli, "--tracking-uri", uri, "models", "list", "--json"]
    cli_history = [cli, "--tracking-uri", uri, "metrics", "history", run_id, key, "--json",
                   "--max-points", str(CHART_POINTS)]
    # Check once that the CLI really returns everything before timing it against /dev/null.
    listed = json.loads(run_child(cli_list)[2])["registered_models"]
    history = json.loads(run_child(cli_history)[2])
    if len(listed) != models or history["total_points"] != points or len(history["metrics"]) != min(
            points, CHART_POINTS):
        raise BenchError(f"modelgate-cli returned {len(listed)} models and {history['total_points']} points")
    results.update(whole_processes({
        "whole_list_cli": cli_list,
        # The floor as a process too, in the same rounds: what is left is the clients' own cost.
        "whole_list_floor": [bench, "raw-list", uri, "--repeat", "1"],
        "whole_list_python": [str(python), "-c", PY_LIST_WHOLE, uri, str(models)],
    }, args.whole_repeat))
    results.update(whole_processes({
        "whole_history_cli": cli_history,
        "whole_history_floor": [bench, "raw-history", uri, run_id, key, "--repeat", "1"],
        "whole_history_python": [str(python), "-c", PY_HISTORY_WHOLE, uri, str(points), run_id, key],
    }, args.whole_repeat))

    expected = {"list_core": models, "list_python": models, "history_core": points,
                "history_python": points, "filter": models}
    for name, count in expected.items():
        if results[name].get("items") != count:
            raise BenchError(f"{name} saw {results[name].get('items')} items, expected {count}")
    return results


# --- report


def machine() -> dict:
    cpu = "unknown"
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    ram = "unknown"
    try:
        for line in Path("/proc/meminfo").read_text().splitlines():
            if line.startswith("MemTotal:"):
                ram = f"{int(line.split()[1]) / 1024 / 1024:.1f} GiB"
    except OSError:
        pass
    os_name = platform.platform()
    try:
        for line in Path("/etc/os-release").read_text().splitlines():
            if line.startswith("PRETTY_NAME="):
                os_name = line.split("=", 1)[1].strip('"') + f" (kernel {platform.release()})"
    except OSError:
        pass
    return {"nproc": os.cpu_count(), "cpu": cpu, "ram": ram, "os": os_name,
            "python": platform.python_version(), "load_average": " ".join(f"{x:.2f}" for x in os.getloadavg())}


def mib(kb: int) -> str:
    return f"{kb / 1024:.0f} MiB" if kb and kb > 0 else "-"


def verdict(ok: bool) -> str:
    return "PASS" if ok else "MISS"


def overhead(whole: dict, floor: dict) -> str:
    """What a process adds to the bare requests: start-up, imports, parsing, output."""
    return f"{whole['median_ms'] - floor['median_ms']:+.0f} ms"


def build_rows(results: dict) -> tuple[list[list[str]], list[list[str]]]:
    r = results
    f = r["filter"]

    def call_mem(result: dict) -> str:
        if "call_kb" in result:
            return mib(max(result["call_kb"], 1))
        return mib(max(result["peak_rss_kb"] - result["baseline_rss_kb"], 1)) if result.get("baseline_rss_kb") else "-"

    figures = [
        ["(a) list all models, in-process", "ModelGate core", f"{r['list_core']['median_ms']:.1f} ms",
         call_mem(r["list_core"]), mib(r["list_core"]["peak_rss_kb"])],
        ["", "raw HTTP floor (libcurl, unparsed)", f"{r['list_floor']['median_ms']:.1f} ms",
         call_mem(r["list_floor"]), mib(r["list_floor"]["peak_rss_kb"])],
        ["", "MLflow Python client", f"{r['list_python']['median_ms']:.1f} ms",
         call_mem(r["list_python"]), mib(r["list_python"]["peak_rss_kb"])],
        ["(a) list all models, whole process", "modelgate-cli models list --json",
         f"{r['whole_list_cli']['median_ms']:.1f} ms", "", mib(r["whole_list_cli"]["peak_rss_kb"])],
        ["", "python -c (MLflow client)", f"{r['whole_list_python']['median_ms']:.1f} ms", "",
         mib(r["whole_list_python"]["peak_rss_kb"])],
        ["", "raw HTTP floor as a process (modelgate-bench raw-list)",
         f"{r['whole_list_floor']['median_ms']:.1f} ms", "", mib(r["whole_list_floor"]["peak_rss_kb"])],
        [f"(b) history ({r['history_core']['items']} points), in-process",
         f"ModelGate core (+ LTTB to {CHART_POINTS})", f"{r['history_core']['median_ms']:.1f} ms",
         call_mem(r["history_core"]), mib(r["history_core"]["peak_rss_kb"])],
        ["", "raw HTTP floor (libcurl, unparsed)", f"{r['history_floor']['median_ms']:.1f} ms",
         call_mem(r["history_floor"]), mib(r["history_floor"]["peak_rss_kb"])],
        ["", "MLflow Python client get_metric_history", f"{r['history_python']['median_ms']:.1f} ms",
         call_mem(r["history_python"]), mib(r["history_python"]["peak_rss_kb"])],
        ["", f"ModelGate chart request (bulk-interval, {CHART_POINTS} pts)",
         f"{r['history_overview']['median_ms']:.1f} ms", call_mem(r["history_overview"]),
         mib(r["history_overview"]["peak_rss_kb"])],
        ["(b) history, whole process", f"modelgate-cli metrics history --max-points {CHART_POINTS}",
         f"{r['whole_history_cli']['median_ms']:.1f} ms", "", mib(r["whole_history_cli"]["peak_rss_kb"])],
        ["", "python -c (MLflow client)", f"{r['whole_history_python']['median_ms']:.1f} ms", "",
         mib(r["whole_history_python"]["peak_rss_kb"])],
        ["", "raw HTTP floor as a process (modelgate-bench raw-history)",
         f"{r['whole_history_floor']['median_ms']:.1f} ms", "", mib(r["whole_history_floor"]["peak_rss_kb"])],
        [f"(c) filter {f['items']} rows, per keystroke", "proxy model alone (median / max)",
         f"{f['proxy_median_ms']:.2f} / {f['proxy_max_ms']:.2f} ms", "", mib(f["peak_rss_kb"])],
        ["", "proxy + models table repaint (median / max)",
         f"{f['view_median_ms']:.2f} / {f['view_max_ms']:.2f} ms", call_mem(f), ""],
    ]
    floor_ratio = r["list_core"]["median_ms"] / r["list_floor"]["median_ms"]
    list_speedup = r["whole_list_python"]["median_ms"] / r["whole_list_cli"]["median_ms"]
    history_speedup = r["whole_history_python"]["median_ms"] / r["whole_history_cli"]["median_ms"]
    targets = [
        ["core in-process listing vs raw floor", f"<= {TARGET_CORE_VS_FLOOR}x", f"{floor_ratio:.2f}x",
         verdict(floor_ratio <= TARGET_CORE_VS_FLOOR)],
        ["whole-process listing, Python / modelgate-cli", f">= {TARGET_WHOLE_SPEEDUP:.0f}x", f"{list_speedup:.2f}x",
         verdict(list_speedup >= TARGET_WHOLE_SPEEDUP)],
        ["whole-process history, Python / modelgate-cli", f">= {TARGET_WHOLE_SPEEDUP:.0f}x",
         f"{history_speedup:.2f}x", verdict(history_speedup >= TARGET_WHOLE_SPEEDUP)],
        ["filter keystroke with table repaint, max", f"< {TARGET_KEYSTROKE_MS:.0f} ms", f"{f['view_max_ms']:.2f} ms",
         verdict(f["view_max_ms"] < TARGET_KEYSTROKE_MS)],
        ["chart data of the long history (bulk-interval)", f"< {TARGET_CHART_MS:.0f} ms",
         f"{r['history_overview']['median_ms']:.1f} ms", verdict(r["history_overview"]["median_ms"] < TARGET_CHART_MS)],
        ["(info) best any client could do: Python / floor, whole processes", "-",
         f"listing {r['whole_list_python']['median_ms'] / r['whole_list_floor']['median_ms']:.2f}x, history "
         f"{r['whole_history_python']['median_ms'] / r['whole_history_floor']['median_ms']:.2f}x", "-"],
        ["(info) whole process minus the floor process: modelgate-cli / Python", "-",
         f"listing {overhead(r['whole_list_cli'], r['whole_list_floor'])} / "
         f"{overhead(r['whole_list_python'], r['whole_list_floor'])}, "
         f"history {overhead(r['whole_history_cli'], r['whole_history_floor'])} / "
         f"{overhead(r['whole_history_python'], r['whole_history_floor'])}", "-"],
        ["(info) in-process history, Python / core", "-",
         f"{r['history_python']['median_ms'] / r['history_core']['median_ms']:.2f}x", "-"],
        ["(info) in-process listing, Python / core", "-",
         f"{r['list_python']['median_ms'] / r['list_core']['median_ms']:.2f}x", "-"],
    ]
    return figures, targets


def text_table(header: list[str], rows: list[list[str]]) -> str:
    widths = [max(len(str(row[i])) for row in [header] + rows) for i in range(len(header))]
    lines = ["  ".join(str(cell).ljust(widths[i]) for i, cell in enumerate(row)).rstrip() for row in [header] + rows]
    lines.insert(1, "  ".join("-" * w for w in widths))
    return "\n".join(lines)


def markdown_table(header: list[str], rows: list[list[str]]) -> str:
    lines = ["| " + " | ".join(header) + " |", "|" + "|".join("---" for _ in header) + "|"]
    lines += ["| " + " | ".join(cell.replace("|", "\\|") for cell in row) + " |" for row in rows]
    return "\n".join(lines)


FIGURE_HEADER = ["Measurement", "Contender", "Median time", "Call memory", "Process peak"]
TARGET_HEADER = ["Target", "Goal", "Measured", "Result"]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--build-dir", type=Path, help="CMake build dir with modelgate-bench and modelgate-cli")
    parser.add_argument("--bench", help="path of modelgate-bench (default: in --build-dir)")
    parser.add_argument("--cli", help="path of modelgate-cli (default: in --build-dir)")
    parser.add_argument("--venv", help="Python venv with the pinned mlflow (default: $MODELGATE_VENV or setup.sh)")
    parser.add_argument("--models", type=int, default=5000)
    parser.add_argument("--history-points", type=int, default=100_000)
    parser.add_argument("--versioned-models", type=int, default=20)
    parser.add_argument("--versions-per-model", type=int, default=50)
    parser.add_argument("--repeat", type=int, default=3, help="repetitions of each in-process call (median)")
    parser.add_argument("--whole-repeat", type=int, default=3, help="runs of each whole process (median)")
    parser.add_argument("--keys", default="d,di,dia,diab", help="filter texts typed one keystroke at a time")
    parser.add_argument("--cache-dir", type=Path, default=Path.home() / ".cache" / "modelgate" / "bench")
    parser.add_argument("--work-dir", type=Path, help="where the server's copy of the store lives")
    parser.add_argument("--json-out", type=Path, help="also write every figure as JSON here")
    parser.add_argument("--markdown-out", type=Path, help="also write the tables as Markdown here")
    parser.add_argument("--smoke", action="store_true",
                        help="tiny registry, one repetition: checks that every figure is produced")
    args = parser.parse_args()
    if args.smoke:
        args.models, args.history_points, args.versioned_models, args.versions_per_model = 50, 2000, 5, 10
        args.repeat, args.whole_repeat, args.keys = 1, 1, "d,di"
    if args.models < 1 or args.history_points < 2 or args.repeat < 1 or args.whole_repeat < 1:
        parser.error("--models, --repeat and --whole-repeat must be positive, --history-points at least 2")

    def tool(explicit: str | None, name: str, subdir: str) -> str:
        if explicit:
            return explicit
        if args.build_dir and (args.build_dir / subdir / name).exists():
            return str((args.build_dir / subdir / name).resolve())
        parser.error(f"cannot find {name}: pass --build-dir (after building it) or --{name.split('-')[1]}")
        return ""

    bench = tool(args.bench, "modelgate-bench", "tests/bench")
    cli = tool(args.cli, "modelgate-cli", "app/cli")
    work_dir = args.work_dir or (Path(bench).resolve().parent / "bench-run")
    if args.smoke:
        args.cache_dir = work_dir / "cache"  # private to this build tree, never the user's cache

    server = None
    try:
        python = find_venv(args.venv)
        version = mlflow_version(python)
        db, seed = seeded_database(args, python, version)
        log("starting the MLflow server")
        server = Server(python, db, work_dir / "server")
        log(f"server at {server.uri}")
        info = machine()
        started = time.perf_counter()
        results = measure(args, bench, cli, python, server.uri, seed)
        info["load_average_after"] = " ".join(f"{x:.2f}" for x in os.getloadavg())
    except BenchError as error:
        log(f"error: {error}")
        return 1
    finally:
        if server:
            server.stop()

    figures, targets = build_rows(results)
    seed_line = (f"{seed['models']} registered models ({seed['versions']} versions), one run with a "
                 f"{seed['history_points']}-point metric history; MLflow {version}; repeat {args.repeat} "
                 f"in-process, {args.whole_repeat} whole-process (medians)")
    print()
    print(f"ModelGate benchmark: {seed_line}")
    print(f"Machine: {info['nproc']} CPUs ({info['cpu']}), {info['ram']} RAM, {info['os']}; "
          f"load average {info['load_average']} before, {info['load_average_after']} after")
    print()
    print(text_table(FIGURE_HEADER, figures))
    print()
    print(text_table(TARGET_HEADER, targets))
    print(f"\n(measured in {time.perf_counter() - started:.0f} s)")
    payload = {"seed": seed, "mlflow_version": version, "machine": info, "results": results,
               "figures": figures, "targets": targets, "arguments": sys.argv[1:]}
    if args.json_out:
        args.json_out.write_text(json.dumps(payload, indent=2) + "\n")
    if args.markdown_out:
        args.markdown_out.write_text(f"{seed_line}\n\n{markdown_table(FIGURE_HEADER, figures)}\n\n"
                                     f"{markdown_table(TARGET_HEADER, targets)}\n")
    if args.smoke:
        missing = [row[0] or row[1] for row in figures + targets if any(cell in ("", "nan") for cell in row[2:3])]
        if missing:
            log(f"figures missing: {missing}")
            return 1
        print("bench_smoke: every figure produced")
    return 0


if __name__ == "__main__":
    sys.exit(main())
