#!/usr/bin/env python3
"""Users of the demo's basic-auth MLflow server (scripts/demo.sh) and of the tests' shared one
(scripts/mlflow-test-server.sh start-auth).

  passwords FILE [--user NAME]...
                       create FILE (mode 0600) with a random password for each demo user
                       (admin, dana.scientist, riley.release) and each NAME, or add the ones it
                       lacks; existing passwords are kept, since the server's auth database keeps them
  password FILE USER   print USER's password from FILE
  models SUMMARY       print the names of the models scripts/seed_demo.py seeded (its summary
                       JSON; without one, the names it seeds), one per line
  setup --tracking-uri URI --passwords FILE [--seed-summary SUMMARY] [--user NAME]...
                       as admin: create dana.scientist (the data scientist who trained and
                       registered the seeded versions: MANAGE on her experiments and models, as
                       their creator would have) and riley.release (the release manager; demo.sh
                       gives riley EDIT on every model with `modelgate-cli audit grant`); each
                       --user NAME is created too, with the server's default permission (READ)

Only the standard library: it runs before and without the heavy imports of seeding. Each
authenticated request costs the server a password hash (~0.5 s), so this makes few of them.
"""

from __future__ import annotations

import argparse
import base64
import json
import os
import secrets
import sys
import urllib.error
import urllib.parse
import urllib.request
from pathlib import Path

ADMIN = "admin"
DATA_SCIENTIST = "dana.scientist"
RELEASE_MANAGER = "riley.release"
USERS = (ADMIN, DATA_SCIENTIST, RELEASE_MANAGER)
# Where the seeded content says nothing (an older summary): what scripts/seed_demo.py gives dana.
FALLBACK_EXPERIMENTS = ("diabetes-classification", "readmission")
FALLBACK_MODELS = ("diabetes-classifier", "readmission-risk")
SEEDED_MODELS = ("diabetes-classifier", "fraud-detector", "churn-predictor", "readmission-risk",
                 "sepsis-early-warning")


class SetupError(RuntimeError):
    pass


def log(message: str) -> None:
    print(f"seed_users: {message}", file=sys.stderr, flush=True)


def read_passwords(path: Path) -> dict[str, str]:
    try:
        document = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        return {}
    except (OSError, ValueError) as error:
        raise SetupError(f"{path} is unreadable ({error})") from error
    if not isinstance(document, dict):
        raise SetupError(f"{path} is not a JSON object")
    return {str(k): str(v) for k, v in document.items() if isinstance(v, str) and v}


def ensure_passwords(path: Path, extra_users: list[str]) -> None:
    passwords = read_passwords(path)
    missing = [user for user in (*USERS, *extra_users) if user not in passwords]
    if not missing and (path.stat().st_mode & 0o077) == 0:
        return
    for user in missing:
        passwords[user] = secrets.token_urlsafe(18)
    path.parent.mkdir(parents=True, exist_ok=True)
    temporary = path.with_name(f".{path.name}.tmp")
    fd = os.open(temporary, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    with os.fdopen(fd, "w", encoding="utf-8") as handle:
        json.dump(passwords, handle, indent=2)
        handle.write("\n")
    os.chmod(temporary, 0o600)
    os.replace(temporary, path)


class Api:
    def __init__(self, uri: str, user: str, password: str) -> None:
        self.base = uri.rstrip("/") + "/api/2.0/mlflow/"
        self.base3 = uri.rstrip("/") + "/api/3.0/mlflow/"
        token = base64.b64encode(f"{user}:{password}".encode()).decode()
        self.headers = {"Authorization": f"Basic {token}"}

    def call(self, method: str, endpoint: str, body: dict | None = None, query: dict | None = None,
             api3: bool = False) -> dict:
        url = (self.base3 if api3 else self.base) + endpoint
        if query:
            url += "?" + urllib.parse.urlencode(query)
        data = None
        headers = dict(self.headers)
        if body is not None:
            data = json.dumps(body).encode()
            # The auth app's user endpoints accept exactly this content type.
            headers["Content-Type"] = "application/json"
        request = urllib.request.Request(url, data=data, headers=headers, method=method)
        try:
            with urllib.request.urlopen(request, timeout=60) as response:
                text = response.read().decode() or "{}"
                return json.loads(text)
        except urllib.error.HTTPError as error:
            text = error.read().decode(errors="replace")
            try:
                payload = json.loads(text)
            except ValueError:
                payload = {"error_code": f"HTTP_{error.code}", "message": text.strip()}
            payload["http_status"] = error.code
            return {"error": payload}
        except (urllib.error.URLError, OSError) as error:
            raise SetupError(f"{url}: {error}") from error


def check(reply: dict, what: str, tolerate: str = "") -> dict:
    error = reply.get("error")
    if not error:
        return reply
    if tolerate and error.get("error_code") == tolerate:
        return reply
    if error.get("http_status") == 401:
        raise SetupError(f"{what}: the server refused the admin's password (HTTP 401); its auth database "
                         "was made with another one")
    raise SetupError(f"{what}: {error.get('error_code')}: {error.get('message')}")


def create_user(api: Api, user: str, password: str) -> None:
    reply = check(api.call("POST", "users/create", {"username": user, "password": password}),
                  f"creating user {user}", tolerate="RESOURCE_ALREADY_EXISTS")
    log(f"user {user} {'exists' if 'error' in reply else 'created'}")


def grant(api: Api, kind: str, key: dict, label: str, user: str, permission: str) -> None:
    body = {**key, "username": user, "permission": permission}
    what = f"giving {user} {permission} on {label}"
    reply = api.call("POST", f"{kind}/permissions/create", body)
    if reply.get("error", {}).get("http_status") == 404 and reply["error"].get("error_code") == "HTTP_404":
        # No 2.0 permission endpoints (newer MLflow 3.x): the 3.0 grants, as core/src/mlflow/permissions.cpp.
        grant3(api, "experiment" if kind == "experiments" else "registered_model", next(iter(key.values())),
               user, permission, what)
    else:
        reply = check(reply, what, tolerate="RESOURCE_ALREADY_EXISTS")
        if "error" in reply:
            check(api.call("PATCH", f"{kind}/permissions/update", body), what)
    log(what.replace("giving", "gave", 1))


def grant3(api: Api, resource_type: str, resource_id: str, user: str, permission: str, what: str) -> None:
    target = {"username": user, "resource_type": resource_type, "resource_id": resource_id}
    body = {**target, "permission": permission}
    reply = check(api.call("POST", "users/permissions/grant", body, api3=True), what,
                  tolerate="RESOURCE_ALREADY_EXISTS")
    if "error" in reply:
        # One grant per user and resource: changing its level is revoke, then grant.
        check(api.call("POST", "users/permissions/revoke", target, api3=True), what)
        check(api.call("POST", "users/permissions/grant", body, api3=True), what)


def authored_by(summary_path: Path | None, user: str) -> tuple[list[str], list[str]]:
    """The experiments and models whose seeded runs `user` trained."""
    if summary_path is None or not summary_path.exists():
        return list(FALLBACK_EXPERIMENTS), list(FALLBACK_MODELS)
    summary = json.loads(summary_path.read_text(encoding="utf-8"))
    experiments, models = [], []
    for model, content in summary.get("models", {}).items():
        for version in content.get("versions", []):
            if version.get("user") != user:
                continue
            if version.get("experiment") not in experiments:
                experiments.append(version["experiment"])
            if model not in models:
                models.append(model)
    return experiments, models


def setup(args: argparse.Namespace) -> None:
    passwords = read_passwords(args.passwords)
    if any(user not in passwords for user in (*USERS, *args.user)):
        raise SetupError(f"{args.passwords} lacks a password; run the 'passwords' command first")
    api = Api(args.tracking_uri, ADMIN, passwords[ADMIN])
    for user in (DATA_SCIENTIST, RELEASE_MANAGER, *args.user):
        create_user(api, user, passwords[user])
    experiments, models = authored_by(args.seed_summary, DATA_SCIENTIST)
    for name in experiments:
        reply = check(api.call("GET", "experiments/get-by-name", query={"experiment_name": name}),
                      f"looking up experiment {name}")
        grant(api, "experiments", {"experiment_id": reply["experiment"]["experiment_id"]},
              f"experiment '{name}'", DATA_SCIENTIST, "MANAGE")
    for name in models:
        grant(api, "registered-models", {"name": name}, f"model '{name}'", DATA_SCIENTIST, "MANAGE")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    commands = parser.add_subparsers(dest="command", required=True)
    passwords_parser = commands.add_parser("passwords")
    passwords_parser.add_argument("file", type=Path)
    passwords_parser.add_argument("--user", action="append", default=[], help="one more user")
    password = commands.add_parser("password")
    password.add_argument("file", type=Path)
    password.add_argument("user")
    commands.add_parser("models").add_argument("summary", type=Path)
    setup_parser = commands.add_parser("setup")
    setup_parser.add_argument("--tracking-uri", required=True)
    setup_parser.add_argument("--passwords", type=Path, required=True)
    setup_parser.add_argument("--seed-summary", type=Path)
    setup_parser.add_argument("--user", action="append", default=[], help="one more user (READ)")
    args = parser.parse_args()
    try:
        if args.command == "passwords":
            ensure_passwords(args.file, args.user)
        elif args.command == "password":
            passwords = read_passwords(args.file)
            if args.user not in passwords:
                raise SetupError(f"{args.file} has no password for {args.user}")
            print(passwords[args.user])
        elif args.command == "models":
            models = SEEDED_MODELS
            if args.summary.exists():
                models = tuple(json.loads(args.summary.read_text(encoding="utf-8")).get("models", {}))
            for model in models:
                print(model)
        else:
            setup(args)
    except (SetupError, OSError, ValueError, KeyError) as error:
        log(f"error: {error}")
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
