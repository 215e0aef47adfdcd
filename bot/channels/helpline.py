"""The helpline console: a Rasa input channel for staff who talk to callers on the phone.

A staff member logs in, starts a call, and records the caller's answers with the same buttons and
short texts a chat user has. The channel is named ``helpline``, so Rasa picks the ``channel:
helpline`` variations of the responses: prompts for the staff member to read aloud or paraphrase
("Ask the caller whether ..."), from the same dialogue. After each turn the page shows the caller
summary (``bot.console.summary``), read from the call's tracker inside Rasa; at the end, a handoff
note and a warm-transfer checklist.

Who may use it (``bot.console.auth``): the staff login in Rasa's environment
(``IOP_CONSOLE_USER``/``IOP_CONSOLE_PASSWORD``, none -> every login refused, saying why); a signed
HttpOnly, SameSite=Strict session cookie; POSTs must be JSON. Every API request without a valid
session gets 401 and nothing reaches the bot. The page itself (``bot/console/static``) holds no
data. Logs hold no message text.

credentials.yml::

    bot.channels.helpline.HelplineInput:

Routes under ``/webhooks/helpline/``: ``GET /`` the page, ``GET /static/<file>``, ``POST /login``,
``POST /logout``, ``GET /session``, ``POST /call`` (a new call id), ``POST /message``
(``{"call", "message"}`` -> the bot's messages and the summary), ``GET /summary?call=`` (summary,
handoff note, checklist).
"""

from __future__ import annotations

import asyncio
import logging
import os
import re
import secrets
import time
from collections.abc import Awaitable, Callable, Mapping
from datetime import datetime, timezone
from pathlib import Path
from typing import Any

from rasa.core.channels.channel import CollectingOutputChannel, InputChannel, UserMessage
from sanic import Blueprint, response
from sanic.request import Request
from sanic.response import HTTPResponse

from actions.crisis import is_crisis_reply
from actions.directory_access import get_directory
from actions.safety import helpline_number
from bot.console import auth
from bot.console.summary import Listing, handoff_note, summarize, warm_transfer_checklist
from directory.stores.base import StoreError

logger = logging.getLogger(__name__)

CHANNEL_NAME = "helpline"
COOKIE = "iop_console"
COOKIE_PATH = f"/webhooks/{CHANNEL_NAME}"
STATIC = Path(__file__).resolve().parents[1] / "console" / "static"
STATIC_TYPES = {".html": "text/html; charset=utf-8", ".js": "text/javascript; charset=utf-8",
                ".css": "text/css; charset=utf-8"}
CALL_ID = re.compile(r"call-[0-9a-f]{16}")
MAX_MESSAGE = 500
FAILED_LOGIN_DELAY = 1.0
SECURITY_HEADERS = {
    "Content-Security-Policy": "default-src 'self'; img-src 'self' data:; frame-ancestors 'none'; base-uri 'none'",
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "no-referrer",
    "Cache-Control": "no-store",
}

Handler = Callable[[UserMessage], Awaitable[Any]]


class HelplineOutput(CollectingOutputChannel):
    """Collects the bot's messages of a turn; its name makes Rasa choose the helpline wording. A
    crisis reply is marked ``"crisis": true`` so the console shows it as the crisis protocol."""

    @classmethod
    def name(cls) -> str:
        return CHANNEL_NAME

    async def send_response(self, recipient_id: str, message: dict[str, Any]) -> None:
        crisis = is_crisis_reply(message.get("utter_action"))
        count = len(self.messages)
        await super().send_response(recipient_id, message)
        if crisis:
            for collected in self.messages[count:]:
                collected["crisis"] = True


def _lookup(programme_id: str) -> Listing | None:
    """A listed programme from the directory the actions read ($IOP_DIRECTORY_DB)."""
    try:
        return get_directory().get(programme_id)
    except StoreError:
        logger.error("The helpline console could not read the directory")
        return None


def _json(body: Mapping[str, Any], status: int = 200) -> HTTPResponse:
    return response.json(body, status=status, headers=SECURITY_HEADERS)


def _error(message: str, status: int) -> HTTPResponse:
    return _json({"error": message}, status)


class HelplineInput(InputChannel):
    """The staff console: the page, the login, and the bot behind a session."""

    @classmethod
    def name(cls) -> str:
        return CHANNEL_NAME

    @classmethod
    def from_credentials(cls, credentials: dict[str, Any] | None) -> InputChannel:
        return cls(os.environ)

    def __init__(self, environ: Mapping[str, str], lookup: Callable[[str], Listing | None] = _lookup) -> None:
        self.login = auth.staff_login(environ)
        self.key = auth.session_key(environ)
        self.helpline = helpline_number(environ)
        self.lookup = lookup
        if self.login is None:
            logger.warning("Helpline console: no staff login configured (%s, %s); every login is refused",
                           auth.USER_ENV, auth.PASSWORD_ENV)

    def user(self, request: Request) -> str | None:
        """The staff member of the request's session, or None."""
        return auth.session_user(self.key, request.cookies.get(COOKIE), time.time())

    async def summary(self, request: Request, call: str) -> dict[str, Any]:
        """The call's summary, handoff note and checklist, from its tracker in this Rasa process."""
        tracker = await request.app.ctx.agent.tracker_store.retrieve(call)
        slots = tracker.current_slot_values() if tracker else {}
        events = [event.as_dict() for event in tracker.events] if tracker else []
        summary = summarize(slots, events, self.lookup)
        note = handoff_note(summary, call=call, helpline=self.helpline, written=datetime.now(timezone.utc))
        return {"summary": summary.as_dict(), "note": note,
                "checklist": list(warm_transfer_checklist(summary, self.helpline))}

    def blueprint(self, on_new_message: Handler) -> Blueprint:
        console = Blueprint("helpline_console", __name__)
        pages = {path.name: (path.read_bytes(), STATIC_TYPES[path.suffix])
                 for path in STATIC.iterdir() if path.suffix in STATIC_TYPES}

        def static(name: str) -> HTTPResponse:
            if name not in pages:
                return response.text("Not found", status=404)
            body, content_type = pages[name]
            return response.raw(body, content_type=content_type, headers=SECURITY_HEADERS)

        def staff_only(handler: Callable[..., Awaitable[HTTPResponse]]) -> Callable[..., Awaitable[HTTPResponse]]:
            async def checked(request: Request, *args: Any, **kwargs: Any) -> HTTPResponse:
                if self.user(request) is None:
                    return _error("Log in first.", 401)
                if request.method == "POST" and request.content_type.split(";")[0] != "application/json":
                    return _error("Send JSON.", 415)
                return await handler(request, *args, **kwargs)
            checked.__name__ = handler.__name__
            return checked

        def call_id(value: Any) -> str | None:
            return value if isinstance(value, str) and CALL_ID.fullmatch(value) else None

        @console.route("/", methods=["GET"])
        async def page(_: Request) -> HTTPResponse:
            return static("index.html")

        @console.route("/static/<name>", methods=["GET"])
        async def asset(_: Request, name: str) -> HTTPResponse:
            return static(name)

        @console.route("/login", methods=["POST"])
        async def login(request: Request) -> HTTPResponse:
            body = request.json if request.content_type.split(";")[0] == "application/json" else None
            if not isinstance(body, dict):
                return _error("Send JSON with user and password.", 400)
            refused = auth.check_login(self.login, str(body.get("user") or ""), str(body.get("password") or ""))
            if refused is auth.LoginRefused.NOT_CONFIGURED:
                return _error(refused.value, 503)
            if refused is not None:
                logger.warning("Refused a helpline console login")
                await asyncio.sleep(FAILED_LOGIN_DELAY)
                return _error(refused.value, 401)
            reply = _json({"user": self.login.user, "helpline": self.helpline})
            reply.cookies[COOKIE] = auth.issue_session(self.key, self.login.user, time.time())
            for key, value in (("httponly", True), ("samesite", "Strict"), ("path", COOKIE_PATH),
                               ("max-age", auth.SESSION_SECONDS)):
                reply.cookies[COOKIE][key] = value
            return reply

        @console.route("/logout", methods=["POST"])
        async def logout(_: Request) -> HTTPResponse:
            reply = _json({"ok": True})
            reply.cookies[COOKIE] = ""
            reply.cookies[COOKIE]["path"] = COOKIE_PATH
            reply.cookies[COOKIE]["max-age"] = 0
            return reply

        @console.route("/session", methods=["GET"])
        @staff_only
        async def session(request: Request) -> HTTPResponse:
            return _json({"user": self.user(request), "helpline": self.helpline})

        @console.route("/call", methods=["POST"])
        @staff_only
        async def new_call(_: Request) -> HTTPResponse:
            return _json({"call": f"call-{secrets.token_hex(8)}"})

        @console.route("/message", methods=["POST"])
        @staff_only
        async def message(request: Request) -> HTTPResponse:
            body = request.json if isinstance(request.json, dict) else {}
            call, text = call_id(body.get("call")), body.get("message")
            if call is None:
                return _error("Unknown call: start a call first.", 400)
            if not isinstance(text, str) or not text.strip() or len(text) > MAX_MESSAGE:
                return _error(f"Type the caller's answer (1 to {MAX_MESSAGE} characters).", 400)
            output = HelplineOutput()
            try:
                await on_new_message(UserMessage(text.strip(), output, call, input_channel=CHANNEL_NAME))
            except Exception as error:  # the page must get an answer whatever the bot did
                logger.error("The bot failed on a helpline message: %s", type(error).__name__)
                logger.debug("Bot failure", exc_info=True)
                return _error("The assistant failed on this message. Try again, or use the crisis panel.", 500)
            return _json({"messages": output.messages, **await self.summary(request, call)})

        @console.route("/summary", methods=["GET"])
        @staff_only
        async def call_summary(request: Request) -> HTTPResponse:
            call = call_id(request.args.get("call"))
            if call is None:
                return _error("Unknown call: start a call first.", 400)
            return _json(await self.summary(request, call))

        return console
