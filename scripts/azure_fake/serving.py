"""The real inference servers behind the fake's deployments: one `mlflow models serve` each."""
from __future__ import annotations

import os
import subprocess
import urllib.error
import urllib.request
from datetime import datetime, timezone
from pathlib import Path

from .common import free_port, is_recorded_server, reap, stop_group, write_json_atomic

LOG_ROTATE_BYTES = 4 * 1024 * 1024


def proc_start_ticks(pid: int) -> int | None:
    try:
        stat = Path(f"/proc/{pid}/stat").read_text()
    except OSError:
        return None
    return int(stat[stat.rfind(")") + 2:].split()[19])


def tail_lines(path: Path, lines: int | None) -> str:
    try:
        text = path.read_text(errors="replace")
    except OSError:
        return ""
    rows = text.splitlines()
    return "\n".join(rows[-lines:] if lines else rows)


class InferenceServer:
    """`mlflow models serve -m models:/NAME/VERSION --env-manager local` on a free loopback port,
    in its own session (so that it and its uvicorn are stopped as one group). Credentials for
    the tracking server reach it through its environment only, never its command line."""

    def __init__(self, folder: Path, model_name: str, version: str, config):
        self.folder = folder
        self.model_uri = f"models:/{model_name}/{version}"
        self.config = config
        self.process: subprocess.Popen | None = None
        self.port = 0
        self.log_path = folder / "inference-server.log"
        self.record_path = folder / "server.json"

    def environment(self) -> dict[str, str]:
        env = {k: v for k, v in os.environ.items()
               if not k.startswith(("MLFLOW_TRACKING_", "MODELGATE_"))}
        bin_dir = str(Path(self.config.mlflow_executable).parent)
        # MLflow starts uvicorn by name: the executable's own folder first on PATH.
        env["PATH"] = bin_dir + os.pathsep + env.get("PATH", "")
        env.update({"MLFLOW_TRACKING_URI": self.config.mlflow_uri, "MLFLOW_DISABLE_TELEMETRY": "true",
                    "DO_NOT_TRACK": "true", "MLFLOW_ENABLE_ARTIFACTS_PROGRESS_BAR": "false",
                    "PYTHONUNBUFFERED": "1"})
        admin = self.config.mlflow_admin
        if admin:
            env["MLFLOW_TRACKING_USERNAME"] = admin["user"]
            env["MLFLOW_TRACKING_PASSWORD"] = admin["password"]
        return env

    def start(self) -> None:
        self.folder.mkdir(parents=True, exist_ok=True)
        if self.log_path.exists() and self.log_path.stat().st_size > LOG_ROTATE_BYTES:
            self.log_path.replace(self.log_path.with_suffix(".log.1"))
        self.port = free_port()
        command = [self.config.mlflow_executable, "models", "serve", "-m", self.model_uri,
                   "--env-manager", "local", "-h", "127.0.0.1", "-p", str(self.port)]
        with open(self.log_path, "ab") as log:
            log.write(f"{stamp()} Starting the inference server for {self.model_uri} on port {self.port}\n".encode())
            log.flush()
            self.process = subprocess.Popen(command, cwd=self.folder, env=self.environment(),
                                            stdin=subprocess.DEVNULL, stdout=log, stderr=subprocess.STDOUT,
                                            start_new_session=True)
        write_json_atomic(self.record_path, {
            "pid": self.process.pid, "pgid": self.process.pid, "port": self.port,
            "startTime": datetime.now(timezone.utc).isoformat(), "procStartTicks": proc_start_ticks(self.process.pid),
            "modelUri": self.model_uri, "command": command})

    def exit_status(self) -> int | None:
        return None if self.process is None else self.process.poll()

    def ready(self) -> bool:
        try:
            with urllib.request.urlopen(f"http://127.0.0.1:{self.port}/ping", timeout=2) as response:
                return response.status == 200
        except (urllib.error.URLError, OSError, ValueError):
            return False

    def port_was_taken(self) -> bool:
        return "address already in use" in tail_lines(self.log_path, 30).lower()

    def stop(self) -> None:
        if self.process is None:
            return
        # Signal the group only while it is still this server's: once its leader has exited and
        # been reaped and no member is left, the number is free, and on a busy machine another
        # process (another test's HAProxy, say) may lead a group of that number by now.
        record = {"pgid": self.process.pid, "modelUri": self.model_uri, "port": self.port}
        if self.process.poll() is None or is_recorded_server(record):
            stop_group(self.process.pid)
        reap(self.process.pid)
        self.process.poll()
        self.record_path.unlink(missing_ok=True)

    def pgid(self) -> int | None:
        return self.process.pid if self.process is not None and self.process.poll() is None else None


def stamp() -> str:
    return datetime.now(timezone.utc).strftime("%Y-%m-%dT%H:%M:%S.%fZ")


def write_storage_log(folder: Path, lines: list[str]) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    with open(folder / "storage-initializer.log", "a", encoding="utf-8") as log:
        for line in lines:
            log.write(f"{stamp()} {line}\n")

