"""SMS through Twilio: a Rasa input channel and its output channel.

It mirrors Rasa's own ``rasa.core.channels.twilio`` (same credentials, same webhook form fields)
and adds what SMS needs:

* every webhook request must carry a valid ``X-Twilio-Signature`` for our auth token, computed over
  the public URL Twilio called (``webhook_url``, default the URL of the request) and the POSTed
  form; anything else gets 403 and nothing reaches the bot;
* the bot's messages of a turn go out as one body cut into GSM-7 parts of at most 320 characters,
  buttons folded into "Reply 1 for ..., 2 for ..." (``sms_text``); replying with the number or the
  title sends that button's payload; after a list of results MORE, FURTHER and a number work;
* HELP is answered here (what the service is, the deployment's helpline, 988 and 911). STOP (and
  STOPALL, UNSUBSCRIBE, CANCEL, END, QUIT) ends the conversation: the tracker is restarted and
  nothing is sent, nor anything passed to the bot, until START (or UNSTOP, YES), which begins again
  with the greeting. We send no STOP confirmation of our own: on a long code Twilio's Advanced
  Opt-Out sends it and blocks any later message to that number (error 21610) until START.

What the channel remembers per sender (the last buttons, whether results were just listed,
whether they stopped) is kept in memory: right for one Rasa process; several processes behind a
load balancer would need a shared store. Logs never hold message text or phone numbers above DEBUG,
and numbers only as a short hash.

credentials.yml (see ``bot.channels.credentials``)::

    bot.channels.twilio_sms.TwilioSmsInput:
      account_sid: ${TWILIO_ACCOUNT_SID}
      auth_token: ${TWILIO_AUTH_TOKEN}
      twilio_number: ${TWILIO_NUMBER}
      webhook_url: https://example.org/webhooks/twilio_sms/webhook   # optional, behind a proxy
      api_base_url: http://127.0.0.1:8099                            # optional, tests only

Twilio calls ``POST /webhooks/twilio_sms/webhook``.
"""

from __future__ import annotations

import asyncio
import hashlib
import logging
import os
from collections.abc import Awaitable, Callable, Mapping
from dataclasses import dataclass
from typing import Any

import requests
from rasa.core.channels.channel import CollectingOutputChannel, InputChannel, OutputChannel, UserMessage
from sanic import Blueprint, response
from sanic.request import Request
from sanic.response import HTTPResponse
from twilio.base.exceptions import TwilioException, TwilioRestException
from twilio.request_validator import RequestValidator
from twilio.rest import Client

from actions.safety import helpline_number
from bot.channels import sms_text

logger = logging.getLogger(__name__)

CHANNEL_NAME = "twilio_sms"
SIGNATURE_HEADER = "X-Twilio-Signature"
EMPTY_TWIML = '<?xml version="1.0" encoding="UTF-8"?><Response></Response>'
RESTART, GREET = "/restart", "/greet"

SmsHandler = Callable[[UserMessage], Awaitable[Any]]


def tag(sender: str) -> str:
    """A short hash of a phone number, the only form in which one may appear in a log."""
    return hashlib.sha256(sender.encode()).hexdigest()[:10]


def twilio_client(account_sid: str, auth_token: str, api_base_url: str | None = None) -> Client:
    """A Twilio REST client; ``api_base_url`` sends its calls elsewhere (the tests' fake API).

    In twilio 8.x ``client.messages.create`` posts to ``client.api.base_url`` +
    ``/2010-04-01/Accounts/<sid>/Messages.json`` (``twilio.base.domain.Domain.absolute_url``; the
    default base is https://api.twilio.com), and ``ClientBase.get_hostname`` rewrites the host only
    when an edge or region is configured. Replacing ``client.api.base_url`` therefore redirects every
    message while the library's own HTTP client, authentication and form encoding stay in use.
    """
    client = Client(account_sid, auth_token)
    if api_base_url:
        client.api.base_url = api_base_url.rstrip("/")
    return client


@dataclass
class Conversation:
    """What the channel remembers about one sender between messages."""

    buttons: tuple[sms_text.Button, ...] = ()
    listed_results: bool = False
    stopped: bool = False


class TwilioSmsOutput(OutputChannel):
    """Collects the bot's messages of a turn and sends them by SMS with ``send_turn``.

    With ``collect=False`` (messages Rasa sends outside a turn, e.g. reminders) each message is sent
    as soon as it comes.
    """

    @classmethod
    def name(cls) -> str:
        return CHANNEL_NAME

    def __init__(self, client: Client, twilio_number: str, *, collect: bool = True) -> None:
        self.client = client
        self.twilio_number = twilio_number
        self.collect = collect
        self.messages: list[dict[str, Any]] = []

    async def send_response(self, recipient_id: str, message: dict[str, Any]) -> None:
        """Keep the text (with an image or attachment link), the buttons and the response's name."""
        links = [value for value in (message.get("image"), message.get("attachment")) if isinstance(value, str)]
        text = "\n".join(part for part in (message.get("text"), *dict.fromkeys(links)) if part)
        buttons = message.get("buttons") or message.get("quick_replies") or []
        if message.get("custom") or message.get("elements"):
            logger.debug("SMS cannot carry custom JSON or elements; left out")
        if text or buttons:
            self.messages.append({"text": text, "buttons": buttons, "utter_action": message.get("utter_action")})
        if not self.collect:
            await self.send_turn(recipient_id)

    async def send_text_message(self, recipient_id: str, text: str, **kwargs: Any) -> None:
        await self.send_response(recipient_id, {**kwargs, "text": text})

    async def send_text_with_buttons(
        self, recipient_id: str, text: str, buttons: list[dict[str, Any]], **kwargs: Any
    ) -> None:
        await self.send_response(recipient_id, {**kwargs, "text": text, "buttons": buttons})

    async def send_turn(self, recipient_id: str) -> sms_text.Turn:
        """Send what was collected as GSM-7 parts of at most 320 characters; forget it."""
        turn = sms_text.render_turn(self.messages)
        self.messages = []
        for part in turn.parts:
            await self.send_sms(recipient_id, part)
        return turn

    async def send_sms(self, recipient_id: str, body: str) -> bool:
        """One message through Twilio's REST API (in a thread: the client blocks); False on failure."""
        try:
            await asyncio.to_thread(self.client.messages.create, to=recipient_id, from_=self.twilio_number, body=body)
        except TwilioRestException as error:  # its text names the number: log the codes only
            logger.error("Twilio refused an SMS (HTTP %s, code %s)", error.status, error.code)
            return False
        except (TwilioException, requests.RequestException) as error:
            logger.error("Could not reach Twilio to send an SMS: %s", type(error).__name__)
            return False
        logger.debug("SMS sent to %s (%d characters)", tag(recipient_id), len(body))
        return True


class TwilioSmsInput(InputChannel):
    """Twilio's SMS webhook, signed, with HELP/STOP/START and numbered choices."""

    @classmethod
    def name(cls) -> str:
        return CHANNEL_NAME

    @classmethod
    def from_credentials(cls, credentials: dict[str, Any] | None) -> InputChannel:
        if not credentials:
            cls.raise_missing_credentials_exception()
        missing = [key for key in ("account_sid", "auth_token", "twilio_number") if not credentials.get(key)]
        if missing:
            cls.raise_missing_credentials_exception()
        return cls(
            str(credentials["account_sid"]), str(credentials["auth_token"]), str(credentials["twilio_number"]),
            webhook_url=credentials.get("webhook_url"), api_base_url=credentials.get("api_base_url"),
        )

    def __init__(
        self, account_sid: str, auth_token: str, twilio_number: str, *, webhook_url: str | None = None,
        api_base_url: str | None = None, helpline: str | None = None,
    ) -> None:
        self.twilio_number = twilio_number
        self.webhook_url = webhook_url
        self.validator = RequestValidator(auth_token)
        self.client = twilio_client(account_sid, auth_token, api_base_url)
        self.helpline = helpline or helpline_number(os.environ)
        self.conversations: dict[str, Conversation] = {}

    def signed(self, request: Request) -> bool:
        """Whether the request carries Twilio's signature for our token, this URL and this form."""
        signature = request.headers.get(SIGNATURE_HEADER)
        if not signature:
            return False
        return self.validator.validate(self.webhook_url or request.url, request.form, signature)

    def blueprint(self, on_new_message: SmsHandler) -> Blueprint:
        webhook = Blueprint("twilio_sms_webhook", __name__)

        @webhook.route("/", methods=["GET"])
        async def health(_: Request) -> HTTPResponse:
            return response.json({"status": "ok"})

        @webhook.route("/webhook", methods=["POST"])
        async def receive(request: Request) -> HTTPResponse:
            if not self.signed(request):
                logger.warning("Refused an SMS webhook request without a valid %s", SIGNATURE_HEADER)
                return response.text("Forbidden", status=403)
            sender = request.form.get("From")
            if not sender:
                return response.text("No sender", status=400)
            # "@" arrives as "¡" from some carriers (as in Rasa's Twilio channel)
            text = (request.form.get("Body") or "").replace("¡", "@")
            opt_out = (request.form.get("OptOutType") or "").lower() or None
            await self.handle(sender, text, on_new_message, self.get_metadata(request), opt_out)
            return response.text(EMPTY_TWIML, content_type="text/xml")

        return webhook

    async def handle(
        self, sender: str, text: str, on_new_message: SmsHandler, metadata: dict[str, Any] | None = None,
        opt_out: str | None = None,
    ) -> None:
        """Apply the keywords, turn a numbered reply into its payload, pass the rest to the bot."""
        conversation = self.conversations.setdefault(sender, Conversation())
        word = opt_out if opt_out in ("help", "stop", "start") else sms_text.keyword(text)
        if conversation.stopped:
            if word != "start":
                logger.debug("Message from stopped sender %s ignored", tag(sender))
                return
            conversation.stopped = False
            await self.to_bot(GREET, sender, on_new_message, metadata)
        elif word == "help":
            await self.get_output_channel().send_sms(sender, sms_text.to_gsm7(sms_text.help_text(self.helpline)))
        elif word == "stop":
            self.conversations[sender] = Conversation(stopped=True)
            # the conversation ends: restart the tracker, and discard whatever the bot says to it
            await self.to_bot(RESTART, sender, on_new_message, metadata, CollectingOutputChannel())
        else:
            message = sms_text.interpret(text, conversation.buttons, conversation.listed_results)
            await self.to_bot(message, sender, on_new_message, metadata)

    async def to_bot(
        self, text: str, sender: str, on_new_message: SmsHandler, metadata: Mapping[str, Any] | None,
        output: OutputChannel | None = None,
    ) -> None:
        """One turn: the message to the bot, then its answer out by SMS, and what the answer offered remembered."""
        out = output or TwilioSmsOutput(self.client, self.twilio_number)
        try:
            await on_new_message(UserMessage(text, out, sender, input_channel=self.name(), metadata=metadata))
        except Exception as error:  # the webhook must answer Twilio whatever the bot did
            logger.error("The bot failed on an SMS from %s: %s", tag(sender), type(error).__name__)
            logger.debug("Bot failure", exc_info=True)
        if isinstance(out, TwilioSmsOutput):
            turn = await out.send_turn(sender)
            if turn.parts:
                conversation = self.conversations.setdefault(sender, Conversation())
                conversation.buttons, conversation.listed_results = turn.buttons, turn.listed_results

    def get_output_channel(self) -> TwilioSmsOutput:
        """For messages Rasa sends outside a webhook call: sent one by one, straight away."""
        return TwilioSmsOutput(self.client, self.twilio_number, collect=False)
