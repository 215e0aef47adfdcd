"""Twilio without the internet: a fake of its REST API on loopback, and signed webhook requests.

``FakeTwilioApi`` is a small ``http.server`` on 127.0.0.1 that answers what ``twilio.rest.Client``
posts to ``/2010-04-01/Accounts/<sid>/Messages.json``: it checks the HTTP basic auth (sid and
token), records the message (To, From, Body) and returns a message resource as Twilio does (201,
JSON). The channel is pointed at it with ``api_base_url`` (``client.api.base_url``, see
``bot.channels.twilio_sms.twilio_client``), so the real twilio library builds and sends the calls.

``signed_post`` posts a webhook request as Twilio would, signed with twilio's own
``RequestValidator`` over the full URL and the form.
"""

from __future__ import annotations

import base64
import itertools
import json
import re
import threading
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass
from email.utils import formatdate
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import parse_qs

import requests
from twilio.request_validator import RequestValidator

ACCOUNT_SID = "AC" + "0" * 31 + "1"
AUTH_TOKEN = "test-auth-token-not-a-secret"
TWILIO_NUMBER = "+15550100000"
PERSON = "+15550100123"
MESSAGES_PATH = re.compile(r"^/2010-04-01/Accounts/(?P<sid>AC\w+)/Messages\.json$")


@dataclass(frozen=True)
class Sent:
    """One message the code under test asked Twilio to send."""

    to: str
    from_: str
    body: str


class FakeTwilioApi:
    """Records the messages created through Twilio's REST API; ``url`` is its base URL."""

    def __init__(self, account_sid: str = ACCOUNT_SID, auth_token: str = AUTH_TOKEN) -> None:
        self.account_sid, self.auth_token = account_sid, auth_token
        self.sent: list[Sent] = []
        self.refused = 0
        self._lock = threading.Lock()
        self._ids = itertools.count(1)
        self._server = ThreadingHTTPServer(("127.0.0.1", 0), self._handler())
        self._thread = threading.Thread(target=self._server.serve_forever, daemon=True)

    @property
    def url(self) -> str:
        host, port = self._server.server_address[:2]
        return f"http://{host}:{port}"

    def bodies(self, to: str | None = None) -> list[str]:
        with self._lock:
            return [message.body for message in self.sent if to is None or message.to == to]

    def clear(self) -> None:
        with self._lock:
            self.sent.clear()

    def _record(self, sid: str, authorization: str, form: Mapping[str, list[str]]) -> tuple[int, dict]:
        expected = "Basic " + base64.b64encode(f"{self.account_sid}:{self.auth_token}".encode()).decode()
        if sid != self.account_sid or authorization != expected:
            with self._lock:
                self.refused += 1
            return 401, {"code": 20003, "message": "Authenticate", "status": 401}
        message = Sent(to=form["To"][0], from_=form["From"][0], body=form["Body"][0])
        with self._lock:
            self.sent.append(message)
            number = next(self._ids)
        message_sid = f"SM{number:032x}"
        now = formatdate(usegmt=True)
        return 201, {
            "sid": message_sid, "account_sid": sid, "to": message.to, "from": message.from_, "body": message.body,
            "status": "queued", "direction": "outbound-api", "num_segments": "1", "num_media": "0",
            "api_version": "2010-04-01", "date_created": now, "date_updated": now, "date_sent": None,
            "price": None, "price_unit": "USD", "error_code": None, "error_message": None,
            "messaging_service_sid": None, "uri": f"/2010-04-01/Accounts/{sid}/Messages/{message_sid}.json",
            "subresource_uris": {"media": f"/2010-04-01/Accounts/{sid}/Messages/{message_sid}/Media.json"},
        }

    def _handler(self) -> type[BaseHTTPRequestHandler]:
        fake = self

        class Handler(BaseHTTPRequestHandler):
            def do_POST(self) -> None:
                found = MESSAGES_PATH.match(self.path)
                if not found:
                    self._reply(404, {"code": 20404, "message": "Not found", "status": 404})
                    return
                length = int(self.headers.get("Content-Length") or 0)
                form = parse_qs(self.rfile.read(length).decode(), keep_blank_values=True)
                self._reply(*fake._record(found["sid"], self.headers.get("Authorization") or "", form))

            def _reply(self, status: int, payload: dict) -> None:
                body = json.dumps(payload).encode()
                self.send_response(status)
                self.send_header("Content-Type", "application/json")
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)

            def log_message(self, *args: object) -> None:
                """Quiet."""

        return Handler

    def __enter__(self) -> FakeTwilioApi:
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._server.shutdown()
        self._server.server_close()


@contextmanager
def fake_twilio_api() -> Iterator[FakeTwilioApi]:
    with FakeTwilioApi() as api:
        yield api


def signature(url: str, form: Mapping[str, str], token: str = AUTH_TOKEN) -> str:
    """``X-Twilio-Signature`` for a POST of ``form`` to ``url`` (twilio's own validator computes it)."""
    return RequestValidator(token).compute_signature(url, dict(form))


def signed_post(
    url: str, form: Mapping[str, str], *, token: str = AUTH_TOKEN, signed_url: str | None = None,
    header: str | None = None,
) -> requests.Response:
    """POST ``form`` to ``url`` as Twilio does, signed over ``signed_url`` (default ``url``);
    ``header`` replaces the signature ("" sends none)."""
    value = signature(signed_url or url, form, token) if header is None else header
    headers = {"X-Twilio-Signature": value} if value else {}
    return requests.post(url, data=dict(form), headers=headers, timeout=120)


def sms_form(
    body: str, sender: str = PERSON, to: str = TWILIO_NUMBER, account_sid: str = ACCOUNT_SID,
) -> dict[str, str]:
    """The form Twilio posts for an incoming SMS (the fields that matter, and a few that don't)."""
    return {
        "MessageSid": "SM" + "1" * 32, "SmsSid": "SM" + "1" * 32, "AccountSid": account_sid,
        "From": sender, "To": to, "Body": body, "NumMedia": "0", "NumSegments": "1", "ApiVersion": "2010-04-01",
    }
