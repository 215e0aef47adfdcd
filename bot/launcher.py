"""What ``make run`` starts: the directory check, the action server and the Rasa server.

It prints what the directory holds and an example search, starts both servers on their
conventional ports (Rasa 5005 with the REST and Socket.IO channels, actions 5055) and the website
demo page with the chat widget (8080), prints where to talk to the assistant, and keeps them
running until Ctrl-C.
"""

from __future__ import annotations

import argparse
import os
import secrets
import sys
import time
from collections.abc import Callable, Mapping
from pathlib import Path

from bot import pages
from bot.channels.credentials import sms_credentials, write_credentials
from bot.console import auth
from bot.rasa_server import TOKEN_ENV
from bot.servers import (
    ACTION_PORT,
    ACTION_SERVER,
    DEFAULT_MODEL,
    RASA_PORT,
    RASA_SERVER,
    REPO_ROOT,
    PortInUse,
    ServerDidNotStart,
    assistant,
    ensure_ports_free,
)
from directory.query import Filters, SearchQuery
from directory.search import DEFAULT_DB_PATH, open_directory
from directory.stores.base import StoreError

EXAMPLE_PLACE = "22902"
EXAMPLE_FILTERS = Filters(facets={"level": {"intensive_outpatient"}, "payment": {"medicaid"}})


def require_python_310() -> None:
    if sys.version_info[:2] != (3, 10):
        version = sys.version.split()[0]
        sys.exit(f"error: IOP Finder needs Python 3.10 (Rasa 3.6 supports nothing newer); this is {version}")


def describe_directory(db: Path) -> None:
    """Print what the directory holds and an example search; raises StoreError when it is missing."""
    with open_directory(db) as directory:
        stats = directory.stats()
        page = directory.search(SearchQuery(EXAMPLE_PLACE, filters=EXAMPLE_FILTERS, limit=3))
    print(f"IOP Finder directory: {db}")
    print(f"  {stats.programmes:,} programmes in {stats.states} states and territories, "
          f"{stats.demo:,} of them DEMO (fictional)")
    print(f"\nExample: intensive outpatient programmes accepting Medicaid near {page.place.label} "
          f"({page.total} within 25 miles):")
    for result in page.results:
        demo = " [DEMO - fictional]" if result.demo else ""
        programme = result.programme
        print(f"  - {programme.name}{demo}: {result.distance_miles:.1f} mi, call {programme.intake_phone}")
        print(f"    why: {'; '.join(result.why)}")
    print("\nSearch it yourself:")
    print(f"  {sys.executable} -m directory search --near 'Charlottesville, VA' "
          "--level intensive_outpatient --payment medicaid")


CONSOLE_USER = "staff"


def one_time_secrets(environ: Mapping[str, str], token: Callable[[], str] = secrets.token_urlsafe) -> dict[str, str]:
    """What Rasa needs and ``environ`` lacks: the HTTP API token, the console's staff login and
    session key, generated for this run only (passed to Rasa's environment, never written down)."""
    generated = {TOKEN_ENV: token(), auth.USER_ENV: CONSOLE_USER, auth.PASSWORD_ENV: token(),
                 auth.SECRET_ENV: token()}
    return {name: value for name, value in generated.items() if not (environ.get(name) or "").strip()}


def describe_console(url: str, environ: Mapping[str, str], generated: Mapping[str, str]) -> list[str]:
    """The lines that say where the helpline console is and how to log in."""
    password = (f"{generated[auth.PASSWORD_ENV]}  (generated for this run; set {auth.PASSWORD_ENV} to choose one)"
                if auth.PASSWORD_ENV in generated else f"the one in {auth.PASSWORD_ENV}")
    api = "a token generated for this run" if TOKEN_ENV in generated else f"the token in {TOKEN_ENV}"
    return [
        f"  Helpline console (staff):  {url}",
        f"    user: {environ.get(auth.USER_ENV, '').strip() or generated.get(auth.USER_ENV)}   password: {password}",
        f"  Rasa HTTP API: on, protected by {api}",
    ]


def serve(model: Path, db: Path) -> None:
    """Run both servers until interrupted, saying where to talk to the assistant; raises PortInUse
    before starting anything when a port is taken, ServerDidNotStart when a server does not come up."""
    ensure_ports_free({RASA_PORT: RASA_SERVER, ACTION_PORT: ACTION_SERVER, pages.PAGE_PORT: "the demo page"})
    workdir = REPO_ROOT / "var" / "run"
    sms = sms_credentials(os.environ)
    credentials = write_credentials(workdir / "credentials.yml", sms)
    generated = one_time_secrets(os.environ)
    print("\nStarting the action server and the Rasa server (about a minute)...", flush=True)
    with pages.serving(f"http://127.0.0.1:{RASA_PORT}", port=pages.PAGE_PORT) as page, \
            assistant(model, db, workdir, rasa_port=RASA_PORT, action_port=ACTION_PORT,
                      credentials=credentials, cors_origins=pages.origins(page), extra_env=generated) as running:
        print(f"\nIOP Finder is running (logs in {running.logs}).")
        print(f"  Website demo page with the chat widget:  {page}")
        print("\n".join(describe_console(running.console, os.environ, generated)))
        print("  Talk to it in this terminal, from another one:  make chat")
        print(f"  REST channel:  POST {running.rest_webhook}")
        print(f"""    curl -s {running.rest_webhook} -d '{{"sender": "me", "message": "hi"}}'""")
        if sms:
            print(f"  SMS (Twilio): point your number's webhook at https://<public host>:{RASA_PORT}"
                  "/webhooks/twilio_sms/webhook")
        else:
            print("  SMS (Twilio): off; set TWILIO_ACCOUNT_SID, TWILIO_AUTH_TOKEN and TWILIO_NUMBER to start it")
        print("Press Ctrl-C to stop.", flush=True)
        try:
            while True:
                time.sleep(3600)
        except KeyboardInterrupt:
            print("\nStopping.")


def main(argv: list[str] | None = None) -> int:
    require_python_310()
    parser = argparse.ArgumentParser(description="Start IOP Finder.")
    parser.add_argument("--db", type=Path, default=DEFAULT_DB_PATH)
    parser.add_argument("--model", type=Path, default=DEFAULT_MODEL)
    parser.add_argument("--no-serve", action="store_true", help="only check the directory; start no server")
    args = parser.parse_args(argv)
    try:
        describe_directory(args.db)
    except StoreError as error:
        print(f"error: {error}", file=sys.stderr)
        return 2
    if args.no_serve:
        return 0
    if not args.model.exists():
        print(f"error: no trained model at {args.model}; run 'make train'", file=sys.stderr)
        return 2
    try:
        serve(args.model, args.db)
    except (PortInUse, ServerDidNotStart) as error:
        print(f"error: {error}", file=sys.stderr)
        return 2
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
