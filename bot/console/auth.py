"""Who may use the helpline console (pure): the staff login from the environment, signed sessions.

The login is one shared staff account, ``IOP_CONSOLE_USER`` / ``IOP_CONSOLE_PASSWORD``; with either
missing, every login is refused (``LoginRefused.NOT_CONFIGURED``). A session is a token
``<user, hex>.<expiry>.<HMAC-SHA256>`` kept in an HttpOnly cookie, signed with ``IOP_CONSOLE_SECRET`` (a
random key per process when unset, so sessions end when Rasa restarts).
"""

from __future__ import annotations

import hashlib
import hmac
import secrets
from collections.abc import Mapping
from dataclasses import dataclass
from enum import Enum

USER_ENV = "IOP_CONSOLE_USER"
PASSWORD_ENV = "IOP_CONSOLE_PASSWORD"
SECRET_ENV = "IOP_CONSOLE_SECRET"
SESSION_SECONDS = 8 * 3600


class LoginRefused(Enum):
    NOT_CONFIGURED = "The console has no staff login: set IOP_CONSOLE_USER and IOP_CONSOLE_PASSWORD for Rasa."
    WRONG = "Wrong user name or password."


@dataclass(frozen=True)
class StaffLogin:
    user: str
    password: str

    def __repr__(self) -> str:  # never show the password in a log or a traceback
        return f"StaffLogin(user={self.user!r})"


def staff_login(environ: Mapping[str, str]) -> StaffLogin | None:
    """The configured staff login, or None when the user name or the password is missing or blank."""
    user, password = (environ.get(USER_ENV) or "").strip(), environ.get(PASSWORD_ENV) or ""
    return StaffLogin(user, password) if user and password.strip() else None


def check_login(login: StaffLogin | None, user: str, password: str) -> LoginRefused | None:
    """None when ``user``/``password`` match ``login``; both are compared in constant time."""
    if login is None:
        return LoginRefused.NOT_CONFIGURED
    same_user = hmac.compare_digest(user.encode(), login.user.encode())
    same_password = hmac.compare_digest(password.encode(), login.password.encode())
    return None if same_user and same_password else LoginRefused.WRONG


def session_key(environ: Mapping[str, str]) -> bytes:
    """The key sessions are signed with: ``IOP_CONSOLE_SECRET``, else a fresh random one."""
    secret = (environ.get(SECRET_ENV) or "").strip()
    return secret.encode() if secret else secrets.token_bytes(32)


def _signature(key: bytes, payload: str) -> str:
    return hmac.new(key, payload.encode(), hashlib.sha256).hexdigest()


def issue_session(key: bytes, user: str, now: float) -> str:
    """A session token for ``user`` valid for ``SESSION_SECONDS`` from ``now``."""
    payload = f"{user.encode().hex()}.{int(now) + SESSION_SECONDS}"
    return f"{payload}.{_signature(key, payload)}"


def session_user(key: bytes, token: str | None, now: float) -> str | None:
    """The user of a valid, unexpired session token, else None."""
    try:
        encoded, expiry, signature = (token or "").split(".")
        if not hmac.compare_digest(signature, _signature(key, f"{encoded}.{expiry}")) or int(expiry) < now:
            return None
        return bytes.fromhex(encoded).decode()
    except ValueError:  # UnicodeDecodeError is one
        return None
