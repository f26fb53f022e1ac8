"""Shared pieces of the fake's servers: the HTTP handler base, JSON answers, times, ids and
process-group handling."""
from __future__ import annotations

import json
import os
import re
import signal
import socket
import sys
import threading
import time
import traceback
import uuid
from datetime import datetime, timezone
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

# Query parameters that could carry a secret; never written to the request log.
SECRET_PARAMS = re.compile(r"(?i)(client_secret|password|access_token|code|key|token|sig)=[^&]*")


def new_id() -> str:
    return str(uuid.uuid4())


def iso_utc(epoch: float | None = None) -> str:
    """ARM's timestamp form, e.g. 2026-07-01T10:00:00.1234560Z (seven fraction digits)."""
    moment = datetime.fromtimestamp(time.time() if epoch is None else epoch, tz=timezone.utc)
    return moment.strftime("%Y-%m-%dT%H:%M:%S.%f") + "0Z"


def iso_minute(epoch: float) -> str:
    return datetime.fromtimestamp(epoch, tz=timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")


def dotnet_utc(epoch: float) -> str:
    """The form ARM's token errors print times in: '12/4/2026 3:10:41 PM'."""
    moment = datetime.fromtimestamp(epoch, tz=timezone.utc)
    hour = moment.hour % 12 or 12
    return f"{moment.month}/{moment.day}/{moment.year} {hour}:{moment:%M:%S} {'AM' if moment.hour < 12 else 'PM'}"


_DURATION = re.compile(r"^P(?:(\d+(?:\.\d+)?)D)?(?:T(?:(\d+(?:\.\d+)?)H)?(?:(\d+(?:\.\d+)?)M)?(?:(\d+(?:\.\d+)?)S)?)?$")


def parse_duration(text: str) -> float | None:
    """Seconds of an ISO 8601 duration such as PT5S, PT0.5S, PT1M, P1D; None if malformed."""
    match = _DURATION.match(text.strip().upper()) if isinstance(text, str) else None
    if not match or text.strip().upper() in ("P", "PT"):
        return None
    days, hours, minutes, seconds = (float(part) if part else 0.0 for part in match.groups())
    return days * 86400 + hours * 3600 + minutes * 60 + seconds


def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def write_json_atomic(path: Path, data: dict, mode: int = 0o644) -> None:
    temporary = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    fd = os.open(temporary, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, mode)
    with os.fdopen(fd, "w") as handle:
        json.dump(data, handle, indent=2)
        handle.write("\n")
    os.replace(temporary, path)


class FakeLog:
    """DIR/fake.log: one line per request (method, path without secrets, status) and events."""

    def __init__(self, path: Path):
        self.path = path
        self.lock = threading.Lock()

    def write(self, line: str) -> None:
        stamp = datetime.now(timezone.utc).strftime("%Y-%m-%d %H:%M:%S.%f")[:-3]
        with self.lock, open(self.path, "a", encoding="utf-8") as handle:
            handle.write(f"{stamp} {line}\n")


# --- process groups ------------------------------------------------------------------------
# Each scoring server runs in its own session and process group (mlflow starts uvicorn through
# a shell), so stopping one means signalling the group, as scripts/mlflow_server.py does.

def group_alive(pgid: int) -> bool:
    try:
        os.killpg(pgid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


def reap(pid: int) -> None:
    try:
        os.waitpid(pid, os.WNOHANG)
    except ChildProcessError:
        pass


def stop_group(pgid: int, grace: float = 10.0) -> bool:
    """SIGTERM the group, wait up to grace seconds, then SIGKILL. True if it is gone."""
    for sig, wait in ((signal.SIGTERM, grace), (signal.SIGKILL, 5.0)):
        try:
            os.killpg(pgid, sig)
        except ProcessLookupError:
            return True
        deadline = time.monotonic() + wait
        while time.monotonic() < deadline:
            reap(pgid)
            if not group_alive(pgid):
                return True
            time.sleep(0.1)
    return not group_alive(pgid)


def cmdline(pid: int) -> bytes:
    try:
        return Path(f"/proc/{pid}/cmdline").read_bytes()
    except OSError:
        return b""


def group_members(pgid: int) -> list[int]:
    members = []
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            stat = (entry / "stat").read_text()
        except OSError:
            continue
        # The command name (field 2) may hold spaces and parentheses: split after its last ')'.
        fields = stat[stat.rfind(")") + 2:].split()
        if len(fields) > 2 and int(fields[2]) == pgid:
            members.append(int(entry.name))
    return members


def is_recorded_server(record: dict) -> bool:
    """True if the process group recorded in a server.json still runs that scoring server:
    a member's command line names the model URI (mlflow) or the port (its uvicorn), so a
    recycled PID or group id is never taken for it."""
    pgid, uri, port = record.get("pgid"), record.get("modelUri", ""), record.get("port")
    if not isinstance(pgid, int) or pgid <= 1 or not uri:
        return False
    for pid in group_members(pgid):
        line = cmdline(pid)
        if b"serve" in line and uri.encode() in line:
            return True
        if b"mlflow.pyfunc.scoring_server" in line and f"--port\0{port}\0".encode() in line + b"\0":
            return True
    return False


def cleanup_recorded_servers(deployments_dir: Path, log=None) -> int:
    """Stop every scoring server recorded under DIR/deployments that still runs; return how many."""
    stopped = 0
    for record_path in sorted(deployments_dir.glob("*/*/server.json")):
        try:
            record = json.loads(record_path.read_text())
        except (OSError, ValueError):
            continue
        if is_recorded_server(record):
            stop_group(record["pgid"])
            stopped += 1
            if log:
                log(f"stopped leftover scoring server group {record['pgid']} ({record.get('modelUri')})")
        record_path.unlink(missing_ok=True)
    return stopped


# --- HTTP ----------------------------------------------------------------------------------

class FakeServer(ThreadingHTTPServer):
    daemon_threads = True
    allow_reuse_address = True

    def __init__(self, name: str, handler, fake):
        self.name = name
        self.fake = fake
        super().__init__(("127.0.0.1", 0), handler)

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.server_address[1]}"


class BodyError(Exception):
    pass


class FakeHandler(BaseHTTPRequestHandler):
    """HTTP/1.1 with keep-alive (every answer has a Content-Length); one route() per server."""

    protocol_version = "HTTP/1.1"
    server_version = "AzureMLFake/1.0"

    def version_string(self) -> str:
        return self.server_version

    # Set per request by dispatch().
    split = None
    query: dict[str, list[str]] = {}
    extra_headers: dict[str, str] = {}
    body_bytes: bytes | None = None

    @property
    def fake(self):
        return self.server.fake

    def log_message(self, format, *args):  # noqa: A002 (BaseHTTPRequestHandler's signature)
        pass  # request lines go to fake.log through log_request()

    def log_request(self, code="-", size="-"):
        path = SECRET_PARAMS.sub(lambda m: f"{m.group(1)}=***", self.path)
        self.fake.log.write(f"{self.server.name} {self.command} {path} {code}")

    def param(self, name: str, default: str | None = None) -> str | None:
        for key, values in self.query.items():
            if key.lower() == name.lower():
                return values[0]
        return default

    def read_body(self) -> bytes:
        """The request body, read once (dispatch() reads it before routing, so that an answer
        given without looking at it never leaves it in the connection as the next request)."""
        if self.body_bytes is None:
            self.body_bytes = self._read_body()
        return self.body_bytes

    def _read_body(self) -> bytes:
        if "chunked" in self.headers.get("Transfer-Encoding", "").lower():
            chunks = []
            while True:
                size = int(self.rfile.readline().split(b";")[0].strip() or b"0", 16)
                if size == 0:
                    while self.rfile.readline() not in (b"\r\n", b"\n", b""):
                        pass
                    return b"".join(chunks)
                chunks.append(self.rfile.read(size))
                self.rfile.readline()
        try:
            length = int(self.headers.get("Content-Length") or 0)
        except ValueError as error:
            raise BodyError("bad Content-Length") from error
        return self.rfile.read(length) if length > 0 else b""

    def send_bytes(self, status: int, data: bytes, content_type: str | None = "application/json; charset=utf-8",
                   headers: dict[str, str] | None = None) -> None:
        self.send_response(status)
        for name, value in {**self.extra_headers, **(headers or {})}.items():
            self.send_header(name, value)
        if content_type and (data or status not in (204, 304)):
            self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        if data and self.command != "HEAD":
            self.wfile.write(data)

    def send_json(self, status: int, body, headers: dict[str, str] | None = None) -> None:
        data = b"" if body is None else json.dumps(body).encode()
        self.send_bytes(status, data, "application/json; charset=utf-8" if data else None, headers)

    def dispatch(self) -> None:
        self.split = urlsplit(self.path)
        self.query = parse_qs(self.split.query, keep_blank_values=True)
        self.extra_headers = {}
        self.body_bytes = None
        try:
            self.read_body()
        except (BodyError, ValueError, OSError):
            self.send_json(400, {"error": {"code": "InvalidRequestContent", "message": "Unreadable request body."}})
            self.close_connection = True
            return
        try:
            self.route()
        except (BrokenPipeError, ConnectionResetError):
            self.close_connection = True
        except Exception:  # noqa: BLE001 (a bug in the fake must answer 500, not hang the client)
            self.fake.log.write(f"{self.server.name} error in {self.command} {self.split.path}:\n"
                                f"{traceback.format_exc()}")
            try:
                self.send_json(500, {"error": {"code": "InternalServerError",
                                               "message": "The fake hit an internal error (see fake.log)."}})
            except OSError:
                pass
            self.close_connection = True

    def route(self) -> None:
        raise NotImplementedError

    do_GET = do_POST = do_PUT = do_PATCH = do_DELETE = do_HEAD = lambda self: self.dispatch()  # noqa: E731


def log_stderr(message: str) -> None:
    print(f"azure_ml_fake: {message}", file=sys.stderr, flush=True)
