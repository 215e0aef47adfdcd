"""``rasa run`` with its HTTP API on and protected when ``RASA_API_TOKEN`` is set.

The token is read from the environment and added to Rasa's own arguments inside this process, so
it never appears on a command line (``ps``) or on disk. Without a token the HTTP API stays off: it
is never open unprotected. Two measured hot spots of Rasa 3.6 are replaced in this process: replies
from the action server are checked with a validator built once (``bot.action_response_validation``)
and stored events find their classes in a table (``bot.event_types``). ``bot.servers.assistant``
starts Rasa through this module.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Mapping, Sequence

TOKEN_ENV = "RASA_API_TOKEN"


def rasa_arguments(argv: Sequence[str], environ: Mapping[str, str]) -> list[str]:
    """``argv`` plus ``--enable-api --auth-token <token>`` when the environment holds a token."""
    token = (environ.get(TOKEN_ENV) or "").strip()
    return [*argv, "--enable-api", "--auth-token", token] if token else list(argv)


def main() -> None:
    """Run Rasa with this process's arguments, the API token, the cached reply validator and the
    event-type table."""
    from rasa.__main__ import main as rasa_main

    from bot import action_response_validation, event_types

    action_response_validation.install()
    event_types.install()
    sys.argv = ["rasa", *rasa_arguments(sys.argv[1:], os.environ)]
    rasa_main()


if __name__ == "__main__":
    main()
