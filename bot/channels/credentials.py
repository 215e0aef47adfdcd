"""Whether the SMS channel runs, and the credentials.yml that switches it on.

The Twilio credentials live in the environment only. ``sms_credentials`` says whether they are all
there; ``write_credentials`` writes a credentials.yml (the repository's channels plus ours) that
names them as ``${TWILIO_...}`` references, which Rasa fills from its own environment when it
starts, so the secrets are never written to disk.
"""

from __future__ import annotations

import json
import re
from collections.abc import Mapping
from pathlib import Path

from bot.servers import REPO_CREDENTIALS

CHANNEL = "bot.channels.twilio_sms.TwilioSmsInput"
"""The key of the SMS channel in credentials.yml: Rasa imports a custom channel by its class path."""
REQUIRED = {"account_sid": "TWILIO_ACCOUNT_SID", "auth_token": "TWILIO_AUTH_TOKEN", "twilio_number": "TWILIO_NUMBER"}
WEBHOOK_URL_ENV = "TWILIO_WEBHOOK_URL"
"""Optional: the public URL Twilio calls, when a proxy makes it differ from what Rasa sees."""
_ENV_REFERENCE = re.compile(r"\$\{[A-Za-z_][A-Za-z0-9_]*\}")


def sms_credentials(environ: Mapping[str, str]) -> dict[str, str] | None:
    """The channel's section of credentials.yml when ``environ`` has every Twilio setting, else None
    (then the SMS channel is simply not started). Secrets stay ``${VAR}`` references."""
    if not all((environ.get(variable) or "").strip() for variable in REQUIRED.values()):
        return None
    section = {key: "${%s}" % variable for key, variable in REQUIRED.items()}  # noqa: UP031 (literal braces)
    if (environ.get(WEBHOOK_URL_ENV) or "").strip():
        section["webhook_url"] = environ[WEBHOOK_URL_ENV].strip()
    return section


def credentials_yaml(sms: Mapping[str, str] | None, base: Path = REPO_CREDENTIALS) -> str:
    """``base`` (the repository's credentials.yml) with the SMS channel's section added when given."""
    text = base.read_text().rstrip() + "\n" if base.exists() else "rest:\n"
    if sms:
        text += f"{CHANNEL}:\n" + "".join(f"  {key}: {_scalar(str(value))}\n" for key, value in sms.items())
    return text


def _scalar(value: str) -> str:
    """A ``${VAR}`` reference stays a plain scalar (Rasa expands only those); anything else is quoted
    (a JSON string is a valid YAML scalar)."""
    return value if _ENV_REFERENCE.fullmatch(value) else json.dumps(value)


def write_credentials(target: Path, sms: Mapping[str, str] | None, base: Path = REPO_CREDENTIALS) -> Path:
    """Write ``credentials_yaml(sms, base)`` to ``target`` and return it (for ``rasa run --credentials``)."""
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(credentials_yaml(sms, base))
    return target
