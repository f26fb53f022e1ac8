#!/usr/bin/env python3
"""Start, stop and watch a real local MLflow tracking server for ModelGate.

The one place that knows how to run MLflow for the demo (scripts/demo.sh), the shared
CTest fixture (scripts/mlflow-test-server.sh) and the tests' private servers
(tests/support/mlflow_test_server.cpp). Run it with the Python of the venv that
scripts/setup.sh prints; it uses that venv's mlflow.

  start <dir> [--fresh] [--seed] [--auth] [--port N] [--workers N] [--timeout S]
      Start a server whose whole state (SQLite store, artifacts, log) lives in <dir>, wait
      until GET /health answers, write <dir>/uri and <dir>/pid, print the URI and return,
      leaving the server running in its own process group. A server already running
      for <dir> is reused unless --fresh, which stops it and wipes its state first; a stopped
      one restarts on its data, and on its old port if that is free (its URI stays valid).
  run <dir> [--fresh] [--seed] [--auth] [--port N] [--workers N] [--timeout S]
      The same, in the foreground: prints "READY <uri>" once the server answers, then keeps
      it running until this helper gets SIGTERM/SIGINT or its parent dies (so a crashed test
      never leaks a server), and stops it on the way out.
  stop <dir>       Stop the server of <dir> (whole process group) and remove <dir>/pid.
  status <dir>     Print the URI and exit 0 if the server of <dir> answers, exit 1 if not.

--port picks the port (default: a free one), e.g. to restart a server where it was.
--workers sets the server's worker processes (default 1). With the basic-auth app every request
hashes a password (CPU-bound, ~0.5 s on MLflow 3.6), so a server that several clients use at
once (the tests' shared one) answers them in parallel only with more than one worker.
--seed runs scripts/seed_demo.py against the new server (summary in <dir>/seed.json).
--auth runs MLflow's basic-auth app (one worker, default permission READ, a random Flask
secret key per start); the admin user is "admin" and its password is taken from the
environment variable MODELGATE_MLFLOW_ADMIN_PASSWORD (required, never logged). MLflow keeps
the admin's password from the first start in <dir>/basic_auth.db, so reuse the same one.
With --seed, an unseeded <dir> is seeded while the server is open, then served with auth.
"start" reuses a running server only if it runs in the asked mode (<dir>/mode); otherwise it
restarts it on the same data and port.
"""

from __future__ import annotations

import argparse
import os
import secrets
import shutil
import signal
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path

SCRIPT_DIR = Path(__file__).resolve().parent
ADMIN_USER = "admin"
ADMIN_PASSWORD_ENV = "MODELGATE_MLFLOW_ADMIN_PASSWORD"
# Files and folders this helper owns inside a state dir; --fresh deletes exactly these, never
# the whole folder, because the folder is the caller's.
STATE_ENTRIES = ("mlflow.db", "artifacts", "mlruns", "server.log", "seed.log", "seed.json", "uri", "pid",
                 "mode", "basic_auth.ini", "basic_auth.db", "release-setup.done")
# release-setup.done: scripts/demo.sh has created its users and reviewers on this data.
# <dir>/mode says how the running server was started: "auth" (basic-auth app) or "open".


class ServerError(RuntimeError):
    pass


class StopRequested(Exception):
    """Raised by the SIGTERM/SIGINT handler of "run" so that every wait unwinds at once."""


def log(message: str) -> None:
    print(f"mlflow_server: {message}", file=sys.stderr, flush=True)


def port_is_free(port: int) -> bool:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        # As the server binds: connections of a server just stopped (TIME_WAIT) do not count.
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        try:
            sock.bind(("127.0.0.1", port))
        except OSError:
            return False
    return True


def recorded_port(state_dir: Path) -> int:
    try:
        port = int((state_dir / "uri").read_text().strip().rsplit(":", 1)[1])
    except (OSError, IndexError, ValueError):
        return 0
    return port if 0 < port < 65536 else 0


def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def log_tail(state_dir: Path, name: str = "server.log", lines: int = 40) -> str:
    try:
        text = (state_dir / name).read_text(errors="replace").splitlines()
    except OSError:
        return "(no log)"
    return "\n".join(text[-lines:])


def is_healthy(uri: str, timeout: float = 2.0) -> bool:
    try:
        with urllib.request.urlopen(f"{uri}/health", timeout=timeout) as response:
            return response.status == 200 and response.read().strip() == b"OK"
    except (urllib.error.URLError, OSError, ValueError):
        return False


def group_alive(pgid: int) -> bool:
    try:
        os.killpg(pgid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


def reap(pid: int) -> None:
    # The server is our child only in "run" mode and while "start" waits; reap it if so,
    # or a zombie group leader keeps the group "alive".
    try:
        os.waitpid(pid, os.WNOHANG)
    except ChildProcessError:
        pass


def is_our_server(pid: int) -> bool:
    """True if pid still is an MLflow server group leader (not a recycled pid)."""
    try:
        cmdline = Path(f"/proc/{pid}/cmdline").read_bytes()
        return b"mlflow" in cmdline and os.getpgid(pid) == pid
    except (OSError, ProcessLookupError):
        return False


def stop_group(pgid: int, grace: float = 10.0) -> None:
    for sig, wait in ((signal.SIGTERM, grace), (signal.SIGKILL, 5.0)):
        try:
            os.killpg(pgid, sig)
        except ProcessLookupError:
            return
        deadline = time.monotonic() + wait
        while time.monotonic() < deadline:
            reap(pgid)
            if not group_alive(pgid):
                return
            time.sleep(0.1)
    raise ServerError(f"processes of group {pgid} survived SIGKILL")


def read_state(state_dir: Path) -> tuple[str, int] | None:
    try:
        uri = (state_dir / "uri").read_text().strip()
        pid = int((state_dir / "pid").read_text().strip())
    except (OSError, ValueError):
        return None
    return uri, pid


def stop(state_dir: Path) -> None:
    state = read_state(state_dir)
    if state is None:
        log(f"no server recorded in {state_dir}")
        return
    _, pid = state
    if is_our_server(pid):
        stop_group(pid)
        log(f"stopped server (pid {pid})")
    else:
        log(f"server pid {pid} is gone already")
    (state_dir / "pid").unlink(missing_ok=True)


def wipe(state_dir: Path) -> None:
    for name in STATE_ENTRIES:
        path = state_dir / name
        if path.is_dir() and not path.is_symlink():
            shutil.rmtree(path)
        else:
            path.unlink(missing_ok=True)


# Seconds a successful basic-auth check is remembered per worker, on servers that can
# (MLflow 3.7 and later; older ones have no such setting and hash the password on every
# request). It buys most of the per-request cost of PBKDF2 back (several requests per second
# instead of about one on this machine); it costs staleness: a changed or deleted password
# still works on a worker for up to this long. The demo and the tests change no passwords.
AUTH_CACHE_TTL_SECONDS = 300


def supports_auth_cache() -> bool:
    try:
        from mlflow.server.auth.config import AuthConfig  # noqa: PLC0415 (the venv's own MLflow)
    except ImportError:
        return False
    return "auth_cache_ttl_seconds" in AuthConfig._fields


def write_auth_config(state_dir: Path) -> Path:
    password = os.environ.get(ADMIN_PASSWORD_ENV, "")
    if len(password) < 8:
        raise ServerError(f"--auth needs {ADMIN_PASSWORD_ENV} (at least 8 characters)")
    config = state_dir / "basic_auth.ini"
    # MLflow reads the admin password only from this file; keep it private to its owner.
    fd = os.open(config, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    with os.fdopen(fd, "w") as handle:
        handle.write(
            "[mlflow]\n"
            "default_permission = READ\n"
            f"database_uri = sqlite:///{state_dir / 'basic_auth.db'}\n"
            f"admin_username = {ADMIN_USER}\n"
            f"admin_password = {password}\n"
            "authorization_function = mlflow.server.auth:authenticate_request_basic_auth\n"
        )
        # MODELGATE_MLFLOW_AUTH_CACHE=0 leaves it off (a test of the server's own refusals).
        if supports_auth_cache() and os.environ.get("MODELGATE_MLFLOW_AUTH_CACHE", "1") != "0":
            handle.write(f"auth_cache_ttl_seconds = {AUTH_CACHE_TTL_SECONDS}\n")
    return config


def server_command(state_dir: Path, port: int, auth: bool, workers: int) -> list[str]:
    mlflow = Path(sys.executable).parent / "mlflow"
    base = [str(mlflow)] if mlflow.exists() else [sys.executable, "-m", "mlflow"]
    command = base + [
        "server",
        "--backend-store-uri", f"sqlite:///{state_dir / 'mlflow.db'}",
        # Artifacts go through the server (mlflow-artifacts:/ proxy), as on a real deployment,
        # so that GET /model-versions/get-artifact and the artifact REST API work.
        "--serve-artifacts",
        "--artifacts-destination", str(state_dir / "artifacts"),
        "--host", "127.0.0.1",
        "--port", str(port),
        "--workers", str(workers),
    ]
    if auth:
        command += ["--app-name", "basic-auth"]
    return command


def quiet_mlflow_env() -> dict[str, str]:
    env = dict(os.environ)
    # No network but the loopback: no telemetry, no update checks, no progress bars in logs.
    env.update({"MLFLOW_DISABLE_TELEMETRY": "true", "DO_NOT_TRACK": "true",
                "MLFLOW_ENABLE_ARTIFACTS_PROGRESS_BAR": "false", "PYTHONUNBUFFERED": "1"})
    return env


def launch(state_dir: Path, auth: bool, timeout: float, port: int = 0,
           workers: int = 1) -> tuple[str, subprocess.Popen]:
    env = quiet_mlflow_env()
    if auth:
        env["MLFLOW_AUTH_CONFIG_PATH"] = str(write_auth_config(state_dir))
        env["MLFLOW_FLASK_SERVER_SECRET_KEY"] = secrets.token_hex(32)
    env.pop(ADMIN_PASSWORD_ENV, None)

    # Another process may take the free port between our probe and the server's bind;
    # a server that dies at once is retried on a new port (unless the caller chose it).
    attempts = 1 if port else 3
    for attempt in range(attempts):
        if attempts > 1:
            port = free_port()
        uri = f"http://127.0.0.1:{port}"
        with open(state_dir / "server.log", "ab") as server_log:
            process = subprocess.Popen(server_command(state_dir, port, auth, workers), cwd=state_dir, env=env,
                                       stdin=subprocess.DEVNULL, stdout=server_log,
                                       stderr=subprocess.STDOUT, start_new_session=True)
        deadline = time.monotonic() + timeout
        try:
            while time.monotonic() < deadline:
                if process.poll() is not None:
                    break
                if is_healthy(uri):
                    (state_dir / "uri").write_text(uri + "\n")
                    (state_dir / "pid").write_text(f"{process.pid}\n")
                    (state_dir / "mode").write_text("auth\n" if auth else "open\n")
                    return uri, process
                time.sleep(0.25)
        except BaseException:
            stop_group(process.pid)  # a stop request while starting: leave nothing behind
            raise
        if process.poll() is None:
            stop_group(process.pid)
            raise ServerError(f"MLflow did not answer {uri}/health within {timeout:.0f} s; "
                              f"log tail ({state_dir / 'server.log'}):\n{log_tail(state_dir)}")
        stop_group(process.pid)
        tail = log_tail(state_dir)
        if "address already in use" not in tail.lower() or attempt == attempts - 1:
            raise ServerError(f"MLflow exited with status {process.returncode} before answering; "
                              f"log tail ({state_dir / 'server.log'}):\n{tail}")
        log(f"port {port} was taken, retrying")
    raise ServerError("unreachable")


def seed(state_dir: Path, uri: str) -> None:
    env = quiet_mlflow_env()
    started = time.monotonic()
    with open(state_dir / "seed.log", "wb") as seed_log:
        result = subprocess.run([sys.executable, str(SCRIPT_DIR / "seed_demo.py"), "--tracking-uri", uri,
                                 "--summary", str(state_dir / "seed.json")],
                                env=env, stdin=subprocess.DEVNULL, stdout=seed_log,
                                stderr=subprocess.STDOUT, check=False)
    if result.returncode != 0:
        raise ServerError(f"seeding failed (status {result.returncode}); log tail "
                          f"({state_dir / 'seed.log'}):\n{log_tail(state_dir, 'seed.log')}")
    log(f"seeded in {time.monotonic() - started:.1f} s")


def bring_up(state_dir: Path, args: argparse.Namespace) -> tuple[str, subprocess.Popen]:
    """Launch (and seed, if asked) the server of state_dir; return its URI and process."""
    if args.seed and args.auth and (state_dir / "seed.json").exists():
        # Seeded before (seed.json is its summary): never open the data up again.
        return launch(state_dir, True, args.timeout, args.port, args.workers)
    if args.seed and args.auth:
        # The auth app checks a salted password hash on every request (~0.5 s each), which
        # would make seeding take minutes: seed an open server, then guard the same data.
        uri, process = launch(state_dir, False, args.timeout, args.port)
        try:
            seed(state_dir, uri)
        finally:
            stop_group(process.pid)
            (state_dir / "pid").unlink(missing_ok=True)
        return launch(state_dir, True, args.timeout, args.port, args.workers)
    uri, process = launch(state_dir, args.auth, args.timeout, args.port, args.workers)
    if args.seed:
        try:
            seed(state_dir, uri)
        except BaseException:
            stop_group(process.pid)
            (state_dir / "pid").unlink(missing_ok=True)
            raise
    return uri, process


def running_mode(state_dir: Path) -> str:
    try:
        return (state_dir / "mode").read_text().strip()
    except OSError:
        return "open"  # servers started before the mode file existed ran without auth


def prepare(state_dir: Path, fresh: bool, auth: bool = False) -> str | None:
    """Return the URI of a server already running for state_dir, or None after cleaning up.
    A running server started with the other auth mode is stopped, to be started again."""
    state_dir.mkdir(parents=True, exist_ok=True)
    state = read_state(state_dir)
    if state is not None and is_our_server(state[1]):
        same_mode = running_mode(state_dir) == ("auth" if auth else "open")
        if not fresh and same_mode and is_healthy(state[0]):
            return state[0]
        if not same_mode:
            log("the running server has the other auth mode; restarting it")
        stop(state_dir)
    if fresh:
        wipe(state_dir)
    else:
        for name in ("uri", "pid", "mode"):
            (state_dir / name).unlink(missing_ok=True)
    return None


def start(args: argparse.Namespace) -> int:
    state_dir = args.dir.resolve()
    keep_port = not args.fresh and not args.port and (state_dir / "mlflow.db").exists()
    old_port = recorded_port(state_dir) if keep_port else 0
    running = prepare(state_dir, args.fresh, args.auth)
    if running is not None:
        log(f"reusing the server already running for {state_dir}")
        print(running, flush=True)
        return 0
    # Checked after prepare(): a server restarted for the other auth mode frees its port there.
    if old_port and port_is_free(old_port):
        args.port = old_port
    started = time.monotonic()
    uri, process = bring_up(state_dir, args)
    log(f"server up at {uri} (pid {process.pid}) after {time.monotonic() - started:.1f} s")
    print(uri, flush=True)
    return 0


def run(args: argparse.Namespace) -> int:
    state_dir = args.dir.resolve()
    prepare(state_dir, args.fresh, args.auth)
    parent = os.getppid()

    def request_stop(_signum, _frame):
        raise StopRequested()

    signal.signal(signal.SIGTERM, request_stop)
    signal.signal(signal.SIGINT, request_stop)
    try:
        uri, process = bring_up(state_dir, args)
    except StopRequested:
        return 0
    try:
        print(f"READY {uri}", flush=True)
        # Orphaned (the test process died without stopping us): take the server down with us.
        while os.getppid() == parent:
            if process.poll() is not None:
                log(f"server exited unexpectedly with status {process.returncode}:\n{log_tail(state_dir)}")
                return 1
            time.sleep(0.2)
        log("parent process is gone; stopping the server")
    except StopRequested:
        pass
    finally:
        signal.signal(signal.SIGTERM, signal.SIG_IGN)
        signal.signal(signal.SIGINT, signal.SIG_IGN)
        stop_group(process.pid)
        (state_dir / "pid").unlink(missing_ok=True)
    return 0


def status(args: argparse.Namespace) -> int:
    state = read_state(args.dir.resolve())
    if state is not None and is_our_server(state[1]) and is_healthy(state[0]):
        print(state[0])
        return 0
    return 1


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    commands = parser.add_subparsers(dest="command", required=True)
    for name in ("start", "run"):
        command = commands.add_parser(name)
        command.add_argument("dir", type=Path)
        command.add_argument("--fresh", action="store_true", help="wipe the state of <dir> first")
        command.add_argument("--seed", action="store_true", help="seed the demo content")
        command.add_argument("--auth", action="store_true", help="run the basic-auth app")
        command.add_argument("--port", type=int, default=0, help="port to listen on (default: a free one)")
        command.add_argument("--workers", type=int, default=1, help="server worker processes (default: 1)")
        command.add_argument("--timeout", type=float, default=90.0, help="seconds to wait for /health")
    for name in ("stop", "status"):
        commands.add_parser(name).add_argument("dir", type=Path)
    args = parser.parse_args()
    try:
        if args.command == "start":
            return start(args)
        if args.command == "run":
            return run(args)
        if args.command == "stop":
            stop(args.dir.resolve())
            return 0
        return status(args)
    except ServerError as error:
        log(f"error: {error}")
        return 1


if __name__ == "__main__":
    sys.exit(main())
