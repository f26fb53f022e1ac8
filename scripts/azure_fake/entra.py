"""The Entra ID (Azure AD) v2 token endpoint and the fake's JWT access tokens.

Tokens are HS256 JWTs signed with a key drawn at start, so they are worthless after the
fake stops. Claims follow Entra's v1 access tokens, which ARM accepts (iss sts.windows.net).
"""
from __future__ import annotations

import base64
import hashlib
import hmac
import json
import secrets
import threading
import time
from datetime import datetime, timezone
from urllib.parse import parse_qs

from .common import FakeHandler, dotnet_utc, new_id

ARM_AUDIENCE = "https://management.azure.com"
ML_AUDIENCE = "https://ml.azure.com"
# Resource (scope without /.default, no trailing slash) -> the aud claim its tokens carry.
RESOURCES = {
    "https://management.azure.com": ARM_AUDIENCE,
    "https://management.core.windows.net": ARM_AUDIENCE,  # the legacy ARM resource id
    "https://ml.azure.com": ML_AUDIENCE,
}


def b64url(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).rstrip(b"=").decode()


def b64url_decode(text: str) -> bytes:
    return base64.urlsafe_b64decode(text + "=" * (-len(text) % 4))


class TokenError(Exception):
    """An access token that must be refused: code is ARM's error code."""

    def __init__(self, code: str, message: str):
        super().__init__(message)
        self.code = code
        self.message = message


class TokenService:
    def __init__(self, principals: dict, lifetime: int):
        self.tenant = principals["tenant"]
        self.clients = {c["clientId"].lower(): c for c in principals.get("clients", [])}
        self.users = {u["upn"].lower(): u for u in principals.get("users", [])}
        self.by_oid = {p["oid"].lower(): p for p in [*self.clients.values(), *self.users.values()]}
        self.lifetime = lifetime
        self.key = secrets.token_bytes(32)
        self.lock = threading.Lock()
        # uti (Entra's unique token id) of every token revoked by /_fake/revoke-tokens -> when.
        self.revoked: dict[str, float] = {}
        self.issued: set[str] = set()

    def sign(self, claims: dict) -> str:
        header = b64url(json.dumps({"alg": "HS256", "typ": "JWT"}, separators=(",", ":")).encode())
        payload = b64url(json.dumps(claims, separators=(",", ":")).encode())
        signature = hmac.new(self.key, f"{header}.{payload}".encode(), hashlib.sha256).digest()
        return f"{header}.{payload}.{b64url(signature)}"

    def issue(self, audience: str, principal: dict, client_id: str, user: bool,
              lifetime: int | None = None, extra: dict | None = None) -> tuple[str, int]:
        now = int(time.time())
        lifetime = self.lifetime if lifetime is None else lifetime
        uti = b64url(secrets.token_bytes(16))
        claims = {"aud": audience, "iss": f"https://sts.windows.net/{self.tenant}/", "iat": now, "nbf": now,
                  "exp": now + lifetime, "tid": self.tenant, "oid": principal.get("oid", ""),
                  "sub": principal.get("oid", ""), "appid": client_id, "uti": uti, "ver": "1.0"}
        if user:
            claims.update({"upn": principal["upn"], "unique_name": principal["upn"],
                           "name": principal.get("name", principal["upn"]), "idtyp": "user"})
        else:
            claims["idtyp"] = "app"
        claims.update(extra or {})
        with self.lock:
            self.issued.add(uti)
        return self.sign(claims), lifetime

    def decode(self, token: str) -> dict:
        """The claims of a token this fake signed; TokenError if it is not one."""
        parts = token.split(".")
        if len(parts) != 3:
            raise TokenError("InvalidAuthenticationToken", "The access token is invalid.")
        expected = hmac.new(self.key, f"{parts[0]}.{parts[1]}".encode(), hashlib.sha256).digest()
        try:
            valid = hmac.compare_digest(expected, b64url_decode(parts[2]))
            claims = json.loads(b64url_decode(parts[1]))
        except ValueError:
            valid, claims = False, None
        if not valid or not isinstance(claims, dict):
            raise TokenError("InvalidAuthenticationToken",
                             "The access token is invalid: its signature could not be verified.")
        return claims

    def validate(self, token: str, audience: str) -> dict:
        claims = self.decode(token)
        now = time.time()
        with self.lock:
            revoked_at = self.revoked.get(claims.get("uti", ""))
        expiry = float(claims.get("exp", 0))
        if revoked_at is not None:
            expiry = min(expiry, revoked_at)  # a revoked token reads as one that expired then
        if expiry <= now:
            raise TokenError("ExpiredAuthenticationToken",
                             f"The access token expiry UTC time '{dotnet_utc(expiry)}' is earlier than "
                             f"current UTC time '{dotnet_utc(now)}'.")
        if claims.get("aud") != audience:
            allowed = "'https://management.core.windows.net/','https://management.core.windows.net'," \
                      "'https://management.azure.com/','https://management.azure.com'" \
                if audience == ARM_AUDIENCE else f"'{audience}'"
            raise TokenError("InvalidAuthenticationTokenAudience",
                             f"The access token has been obtained for wrong audience or resource "
                             f"'{claims.get('aud')}'. It should exactly match with one of the allowed "
                             f"audiences {allowed}.")
        if claims.get("tid") != self.tenant:
            raise TokenError("InvalidAuthenticationTokenTenant",
                             f"The access token is from the wrong issuer '{claims.get('iss')}'.")
        return claims

    def principal(self, claims: dict) -> dict | None:
        return self.by_oid.get(str(claims.get("oid", "")).lower())

    def revoke_all(self) -> None:
        now = time.time()
        with self.lock:
            for uti in self.issued:
                self.revoked.setdefault(uti, now)
            self.issued.clear()


def bearer(header: str | None) -> str | None:
    if not header:
        return None
    scheme, _, value = header.strip().partition(" ")
    return value.strip() if scheme.lower() == "bearer" and value.strip() else None


class LoginHandler(FakeHandler):
    """POST /{tenant}/oauth2/v2.0/token (client credentials and ROPC) and the revoke control."""

    def route(self) -> None:
        path = self.split.path.rstrip("/")
        if self.command == "POST" and path == "/_fake/revoke-tokens":
            self.fake.tokens.revoke_all()
            self.fake.log.write("login: every token issued so far is revoked")
            self.send_bytes(204, b"", None)
            return
        parts = path.strip("/").split("/")
        if len(parts) != 4 or parts[1:] != ["oauth2", "v2.0", "token"]:
            self.send_json(404, {"error": "not_found", "error_description": "No such endpoint."})
            return
        if self.command != "POST":
            self.entra_error(405, "invalid_request", 900561,
                             "The endpoint only accepts POST, OPTIONS requests. Received a GET request.")
            return
        tenant = parts[0]
        tokens = self.fake.tokens
        if tenant.lower() != tokens.tenant.lower():
            self.entra_error(400, "invalid_request", 90002,
                             f"Tenant '{tenant}' not found. Check to make sure you have the correct tenant ID "
                             "and are signing into the correct cloud. Check with your subscription "
                             "administrator, this may happen if there are no active subscriptions for the tenant.")
            return
        form = {k: v[0] for k, v in parse_qs(self.read_body().decode("utf-8", "replace"),
                                             keep_blank_values=True).items()}
        basic = self.basic_credentials()
        if basic:
            form.setdefault("client_id", basic[0])
            form.setdefault("client_secret", basic[1])
        grant = form.get("grant_type")
        for name in ("grant_type", "client_id", "scope"):
            if not form.get(name):
                self.entra_error(400, "invalid_request", 900144,
                                 f"The request body must contain the following parameter: '{name}'.")
                return
        scope = form["scope"].strip()
        resource = scope[:-len("/.default")].rstrip("/") if scope.endswith("/.default") else None
        audience = RESOURCES.get(resource.lower()) if resource and " " not in scope else None
        if audience is None:
            self.entra_error(400, "invalid_scope", 70011,
                             f"The provided request must include a 'scope' input parameter. The provided value "
                             f"for the input parameter 'scope' is not valid. The scope {scope} is not valid.")
            return
        if grant == "client_credentials":
            self.client_credentials(form, audience)
        elif grant == "password":
            self.password(form, audience, scope)
        else:
            self.entra_error(400, "unsupported_grant_type", 70003,
                             "The app requested an unsupported grant type.")

    def basic_credentials(self) -> tuple[str, str] | None:
        scheme, _, value = self.headers.get("Authorization", "").partition(" ")
        if scheme.lower() != "basic":
            return None
        try:
            user, _, password = base64.b64decode(value.strip()).decode().partition(":")
        except ValueError:
            return None
        return user, password

    def client_credentials(self, form: dict, audience: str) -> None:
        tokens = self.fake.tokens
        client = tokens.clients.get(form["client_id"].lower())
        if client is None:
            self.entra_error(400, "unauthorized_client", 700016,
                             f"Application with identifier '{form['client_id']}' was not found in the directory "
                             f"'{tokens.tenant}'. This can happen if the application has not been installed by the "
                             "administrator of the tenant or consented to by any user in the tenant. You may have "
                             "sent your authentication request to the wrong tenant.")
            return
        secret = form.get("client_secret")
        if not secret:
            self.entra_error(401, "invalid_client", 7000218,
                             "The request body must contain the following parameter: 'client_assertion' or "
                             "'client_secret'.")
            return
        if not hmac.compare_digest(secret.encode(), client["clientSecret"].encode()):
            self.entra_error(401, "invalid_client", 7000215,
                             "Invalid client secret provided. Ensure the secret being sent in the request is the "
                             "client secret value, not the client secret ID, for a secret added to app "
                             f"'{client['clientId']}'.")
            return
        token, lifetime = tokens.issue(audience, client, client["clientId"], user=False)
        self.fake.log.write(f"login: token for app {client['clientId']} (aud {audience})")
        self.send_json(200, {"token_type": "Bearer", "expires_in": lifetime, "ext_expires_in": lifetime,
                             "access_token": token}, {"Cache-Control": "no-store, no-cache", "Pragma": "no-cache"})

    def password(self, form: dict, audience: str, scope: str) -> None:
        tokens = self.fake.tokens
        username, password = form.get("username", ""), form.get("password", "")
        if not username or not password:
            missing = "username" if not username else "password"
            self.entra_error(400, "invalid_request", 900144,
                             f"The request body must contain the following parameter: '{missing}'.")
            return
        user = tokens.users.get(username.lower())
        if user is None:
            self.entra_error(400, "invalid_grant", 50034,
                             f"The user account {username} does not exist in the {tokens.tenant} directory. "
                             "To sign into this application, the account must be added to the directory.")
            return
        if not hmac.compare_digest(password.encode(), user["password"].encode()):
            self.entra_error(400, "invalid_grant", 50126,
                             "Error validating credentials due to invalid username or password.")
            return
        token, lifetime = tokens.issue(audience, user, form["client_id"], user=True)
        self.fake.log.write(f"login: token for user {user['upn']} (aud {audience})")
        self.send_json(200, {"token_type": "Bearer", "scope": scope, "expires_in": lifetime,
                             "ext_expires_in": lifetime, "access_token": token},
                       {"Cache-Control": "no-store, no-cache", "Pragma": "no-cache"})

    def entra_error(self, status: int, error: str, code: int, description: str) -> None:
        trace, correlation = new_id(), new_id()
        stamp = datetime.now(timezone.utc).strftime("%Y-%m-%d %H:%M:%SZ")
        self.send_json(status, {
            "error": error,
            "error_description": f"AADSTS{code}: {description}\r\nTrace ID: {trace}\r\nCorrelation ID: {correlation}"
                                 f"\r\nTimestamp: {stamp}",
            "error_codes": [code], "timestamp": stamp, "trace_id": trace, "correlation_id": correlation,
            "error_uri": f"{self.server.url}/error?code={code}"})
