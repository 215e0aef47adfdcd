"""The SMS channel in a Sanic app of its own, without Rasa.

``on_new_message`` is a stub standing in for Rasa itself: it records each ``UserMessage`` and
answers through the message's output channel as Rasa would. Twilio is faked on loopback
(``tests/bot/fake_twilio.py``): webhook requests are signed with twilio's ``RequestValidator`` and
what the channel sends goes through the twilio library to the fake REST API.
"""

from __future__ import annotations

import asyncio
import socket
import threading
import uuid
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

import pytest
import requests
from rasa.core.channels.channel import UserMessage
from sanic import Sanic

from bot.channels.credentials import CHANNEL, credentials_yaml, sms_credentials
from bot.channels.sms_text import GSM7_BASIC, SMS_LIMIT
from bot.channels.twilio_sms import TwilioSmsInput, TwilioSmsOutput, tag, twilio_client
from tests.bot.fake_twilio import (
    ACCOUNT_SID,
    AUTH_TOKEN,
    PERSON,
    TWILIO_NUMBER,
    FakeTwilioApi,
    signature,
    signed_post,
    sms_form,
)

HELPLINE = "1-800-555-0142"
PAYMENT_QUESTION = {
    "text": "How would you pay for treatment?",
    "buttons": [
        {"title": "Medicaid", "payload": '/inform{"payment":"medicaid"}'},
        {"title": "Private insurance", "payload": '/inform{"payment":"private_insurance"}'},
        {"title": "Not sure", "payload": "/unsure"},
    ],
    "utter_action": "utter_ask_payment",
}
RESULTS = [
    {"text": f"{number}. (DEMO - fictional) Programme {number} - {number}.5 mi - 555-010{number}",
     "utter_action": "utter_result"}
    for number in (1, 2, 3)
] + [{"text": "Reply MORE for more, FURTHER to look further away, or a number for details.",
      "utter_action": "utter_results_next"}]
LONG_ANSWER = {"text": "An IOP “meets” several times a week — for about 3 hours… 🙂 " * 12, "utter_action": "utter_faq"}


@dataclass
class StubRasa:
    """Stands in for Rasa: records what reaches the bot and answers with ``answers[text]``."""

    answers: dict[str, list[dict[str, Any]]] = field(default_factory=dict)
    received: list[UserMessage] = field(default_factory=list)

    async def __call__(self, message: UserMessage) -> None:
        self.received.append(message)
        for answer in self.answers.get(message.text, [{"text": f"You said: {message.text}"}]):
            await message.output_channel.send_response(message.sender_id, dict(answer))

    @property
    def texts(self) -> list[str]:
        return [message.text for message in self.received]


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@dataclass
class Served:
    webhook: str
    channel: TwilioSmsInput
    rasa: StubRasa
    twilio: FakeTwilioApi

    def say(self, body: str, sender: str = PERSON) -> list[str]:
        """Send an SMS through the signed webhook; the SMS parts the channel sent back."""
        before = len(self.twilio.sent)
        reply = signed_post(self.webhook, sms_form(body, sender))
        assert reply.status_code == 200, reply.text
        assert "<Response>" in reply.text
        return [message.body for message in self.twilio.sent[before:] if message.to == sender]


def _serve(app: Sanic, port: int, started: threading.Event, stop: threading.Event) -> None:
    async def main() -> None:
        server = await app.create_server(host="127.0.0.1", port=port, return_asyncio_server=True)
        await server.startup()
        await server.start_serving()
        started.set()
        while not stop.is_set():
            await asyncio.sleep(0.02)
        server.close()
        await server.wait_closed()

    asyncio.run(main())


@pytest.fixture(scope="module")
def server() -> Iterator[Served]:
    """The channel's blueprint mounted where Rasa mounts it, on a free loopback port, with the fake
    Twilio API. One server for the module: Sanic 21.12 cannot start a second app in one process."""
    with FakeTwilioApi() as twilio:
        rasa = StubRasa()
        channel = TwilioSmsInput(ACCOUNT_SID, AUTH_TOKEN, TWILIO_NUMBER, api_base_url=twilio.url, helpline=HELPLINE)
        app = Sanic(f"sms_test_{uuid.uuid4().hex}")
        app.blueprint(channel.blueprint(rasa), url_prefix="/webhooks/twilio_sms")
        port, started, stop = free_port(), threading.Event(), threading.Event()
        thread = threading.Thread(target=_serve, args=(app, port, started, stop), daemon=True)
        thread.start()
        assert started.wait(30), "the test server did not start"
        try:
            yield Served(f"http://127.0.0.1:{port}/webhooks/twilio_sms/webhook", channel, rasa, twilio)
        finally:
            stop.set()
            thread.join(10)


@pytest.fixture
def served(server: Served) -> Served:
    """The module's server with a fresh start: no conversations, no messages, no answers."""
    server.channel.conversations.clear()
    server.channel.webhook_url = None
    server.rasa.answers.clear()
    server.rasa.received.clear()
    server.twilio.clear()
    return server


@pytest.fixture
def twilio() -> Iterator[FakeTwilioApi]:
    with FakeTwilioApi() as api:
        yield api


def gsm7_parts(parts: list[str]) -> bool:
    return all(len(part) <= SMS_LIMIT and all(char in GSM7_BASIC for char in part) for part in parts)


# --- the signature --------------------------------------------------------------------------------

def test_a_signed_message_reaches_the_bot_and_the_answer_goes_out_through_twilio(served: Served) -> None:
    assert served.say("hi") == ["You said: hi"]
    assert served.rasa.texts == ["hi"]
    message = served.rasa.received[0]
    assert message.sender_id == PERSON and message.input_channel == "twilio_sms"
    assert served.twilio.sent[0].from_ == TWILIO_NUMBER and served.twilio.refused == 0


@pytest.mark.parametrize("header", ["", "bm90IGEgc2lnbmF0dXJl", "garbage"])
def test_a_missing_or_bad_signature_is_refused_and_nothing_reaches_the_bot(served: Served, header: str) -> None:
    reply = signed_post(served.webhook, sms_form("hi"), header=header)
    assert reply.status_code == 403
    assert served.rasa.received == [] and served.twilio.sent == []


@pytest.mark.parametrize("change", ["token", "url", "form"])
def test_a_signature_for_something_else_is_refused(served: Served, change: str) -> None:
    form = sms_form("hi")
    if change == "token":
        reply = signed_post(served.webhook, form, token="another-token")
    elif change == "url":
        reply = signed_post(served.webhook, form, signed_url="https://elsewhere.example/webhooks/twilio_sms/webhook")
    else:
        assert signed_post(served.webhook + "?probe=1", form, signed_url=served.webhook).status_code == 403
        tampered = {**form, "Body": "tampered"}
        reply = requests.post(served.webhook, data=tampered,
                              headers={"X-Twilio-Signature": signature(served.webhook, form)}, timeout=30)
    assert reply.status_code == 403
    assert served.rasa.received == [] and served.twilio.sent == []


def test_behind_a_proxy_the_configured_public_url_is_what_is_signed(served: Served) -> None:
    public = "https://sms.example.org/webhooks/twilio_sms/webhook"
    served.channel.webhook_url = public
    assert signed_post(served.webhook, sms_form("hi")).status_code == 403
    assert signed_post(served.webhook, sms_form("hi"), signed_url=public).status_code == 200
    assert served.rasa.texts == ["hi"]


# --- keywords -------------------------------------------------------------------------------------

@pytest.mark.parametrize("word", ["HELP", "help", "Help", "INFO"])
def test_help_is_answered_by_the_channel_with_the_helpline(served: Served, word: str) -> None:
    sent = served.say(word)
    assert len(sent) == 1 and HELPLINE in sent[0] and "988" in sent[0] and "911" in sent[0]
    assert gsm7_parts(sent)
    assert served.rasa.received == []


def test_help_leaves_the_numbered_choices_in_place(served: Served) -> None:
    served.rasa.answers["hi"] = [PAYMENT_QUESTION]
    served.say("hi")
    served.say("HELP")
    served.say("2")
    assert served.rasa.texts == ["hi", '/inform{"payment":"private_insurance"}']


@pytest.mark.parametrize("stop", ["STOP", "stop", "StopAll", "UNSUBSCRIBE", "cancel", "END", "quit"])
@pytest.mark.parametrize("start", ["START", "start", "UNSTOP", "yes"])
def test_stop_ends_the_conversation_and_nothing_is_sent_until_start(served: Served, stop: str, start: str) -> None:
    served.rasa.answers["/greet"] = [{"text": "Hi, I'm IOP Finder."}, PAYMENT_QUESTION]
    served.say("hi")
    assert served.say(stop) == []
    assert served.rasa.texts == ["hi", "/restart"]
    assert served.say("hello?") == [] and served.say("HELP") == [] and served.say("1") == []
    assert served.rasa.texts == ["hi", "/restart"]
    welcome = served.say(start)
    assert served.rasa.texts == ["hi", "/restart", "/greet"]
    assert welcome and welcome[0].startswith("Hi, I'm IOP Finder.")
    served.say("medicaid")
    assert served.rasa.texts[-1] == '/inform{"payment":"medicaid"}'


def test_yes_is_an_answer_when_the_person_has_not_stopped(served: Served) -> None:
    served.rasa.answers["hi"] = [{"text": "Is it for you?", "buttons": [
        {"title": "Yes", "payload": "/affirm"}, {"title": "No", "payload": "/deny"}]}]
    served.say("hi")
    served.say("YES")
    assert served.rasa.texts == ["hi", "/affirm"]


def test_twilio_opt_out_type_is_honoured(served: Served) -> None:
    form = {**sms_form("Arrêt"), "OptOutType": "STOP"}
    assert signed_post(served.webhook, form).status_code == 200
    assert served.channel.conversations[PERSON].stopped


# --- numbered choices and results -----------------------------------------------------------------

def test_buttons_arrive_as_a_numbered_list_and_a_number_or_the_words_pick_one(served: Served) -> None:
    served.rasa.answers["hi"] = [PAYMENT_QUESTION]
    question = served.say("hi")
    assert question == [
        "How would you pay for treatment?\nReply 1 for Medicaid, 2 for Private insurance, 3 for Not sure."
    ]
    served.rasa.answers['/inform{"payment":"medicaid"}'] = [PAYMENT_QUESTION]
    served.say("1")
    served.say("PRIVATE INSURANCE")
    assert served.rasa.texts == ["hi", '/inform{"payment":"medicaid"}', '/inform{"payment":"private_insurance"}']


def test_a_reply_that_picks_nothing_goes_to_the_bot_as_written(served: Served) -> None:
    served.rasa.answers["hi"] = [PAYMENT_QUESTION]
    served.say("hi")
    served.say("9")
    served.say("my employer pays")
    assert served.rasa.texts == ["hi", "9", "my employer pays"]


def test_each_sender_has_their_own_choices(served: Served) -> None:
    served.rasa.answers["hi"] = [PAYMENT_QUESTION]
    served.say("hi", sender=PERSON)
    served.say("1", sender="+15550100999")
    assert served.rasa.texts == ["hi", "1"]


def test_after_a_list_of_results_more_further_and_a_number_work(served: Served) -> None:
    served.rasa.answers["find"] = RESULTS
    for answer in ("/show_more", "/further_away", '/programme_details{"ordinal":"2"}'):
        served.rasa.answers[answer] = RESULTS
    sent = served.say("find")
    assert len(sent) == 1 and sent[0].startswith("1. (DEMO - fictional) Programme 1") and "Reply MORE" in sent[0]
    served.say("MORE")
    served.say("further")
    served.say("2")
    served.say("details 3")
    assert served.rasa.texts == [
        "find", "/show_more", "/further_away", '/programme_details{"ordinal":"2"}',
        '/programme_details{"ordinal":"3"}',
    ]


def test_numbers_mean_nothing_special_when_no_results_or_choices_were_offered(served: Served) -> None:
    served.say("hello")
    served.say("2")
    served.say("more")
    assert served.rasa.texts == ["hello", "2", "more"]


def test_a_long_answer_goes_out_in_gsm7_parts_of_at_most_320_characters(served: Served) -> None:
    served.rasa.answers["what is an iop"] = [LONG_ANSWER, PAYMENT_QUESTION]
    sent = served.say("what is an iop")
    assert len(sent) > 2 and gsm7_parts(sent)
    assert "meets" in sent[0] and "..." in sent[0] and "\u201c" not in "".join(sent)
    assert sent[-1].endswith("3 for Not sure.")


def test_when_the_bot_fails_the_webhook_still_answers_twilio(served: Served) -> None:
    async def broken(message: UserMessage) -> None:
        raise RuntimeError("boom")

    reply = asyncio.run(served.channel.handle(PERSON, "hi", broken))
    assert reply is None and served.twilio.sent == []


# --- the output channel on its own ----------------------------------------------------------------

def test_the_output_channel_sends_gsm7_parts_to_twilio(twilio: FakeTwilioApi) -> None:
    out = TwilioSmsOutput(twilio_client(ACCOUNT_SID, AUTH_TOKEN, twilio.url), TWILIO_NUMBER)

    async def turn() -> None:
        await out.send_text_message(PERSON, "Café “menu” — " + "long words here " * 40)
        await out.send_text_with_buttons(PERSON, "Pick one:", PAYMENT_QUESTION["buttons"])
        assert twilio.sent == []  # collected until the turn ends
        await out.send_turn(PERSON)

    asyncio.run(turn())
    parts = twilio.bodies(PERSON)
    assert len(parts) == 3 and gsm7_parts(parts)
    assert parts[0].startswith('Cafe "menu" - long words here')
    assert parts[-1].endswith("Reply 1 for Medicaid, 2 for Private insurance, 3 for Not sure.")
    assert all(message.from_ == TWILIO_NUMBER for message in twilio.sent)


def test_outside_a_turn_messages_are_sent_at_once(twilio: FakeTwilioApi) -> None:
    channel = TwilioSmsInput(ACCOUNT_SID, AUTH_TOKEN, TWILIO_NUMBER, api_base_url=twilio.url)
    asyncio.run(channel.get_output_channel().send_text_message(PERSON, "A reminder 👋"))
    assert twilio.bodies(PERSON) == ["A reminder"]


def test_a_refusal_from_twilio_is_logged_without_the_number(caplog: pytest.LogCaptureFixture) -> None:
    with FakeTwilioApi(auth_token="the-real-token") as twilio:
        out = TwilioSmsOutput(twilio_client(ACCOUNT_SID, "a-wrong-token", twilio.url), TWILIO_NUMBER)
        assert asyncio.run(out.send_sms(PERSON, "hi")) is False
        assert twilio.refused >= 1
    assert "Twilio refused" in caplog.text and PERSON not in caplog.text and "hi" not in caplog.messages


def test_numbers_are_only_logged_as_a_hash() -> None:
    assert tag(PERSON) == tag(PERSON) and PERSON not in tag(PERSON) and len(tag(PERSON)) == 10


# --- configuration --------------------------------------------------------------------------------

def test_from_credentials_builds_the_channel_and_needs_every_key() -> None:
    channel = TwilioSmsInput.from_credentials({
        "account_sid": ACCOUNT_SID, "auth_token": AUTH_TOKEN, "twilio_number": TWILIO_NUMBER,
        "webhook_url": "https://sms.example.org/webhooks/twilio_sms/webhook",
    })
    assert isinstance(channel, TwilioSmsInput) and channel.name() == "twilio_sms"
    assert channel.webhook_url == "https://sms.example.org/webhooks/twilio_sms/webhook"
    with pytest.raises(Exception, match="credentials"):
        TwilioSmsInput.from_credentials({"account_sid": ACCOUNT_SID, "auth_token": AUTH_TOKEN})
    with pytest.raises(Exception, match="credentials"):
        TwilioSmsInput.from_credentials(None)


def test_the_helpline_comes_from_the_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("IOP_HELPLINE_NUMBER", HELPLINE)
    assert TwilioSmsInput(ACCOUNT_SID, AUTH_TOKEN, TWILIO_NUMBER).helpline == HELPLINE
    monkeypatch.delenv("IOP_HELPLINE_NUMBER")
    assert TwilioSmsInput(ACCOUNT_SID, AUTH_TOKEN, TWILIO_NUMBER).helpline == "1-800-662-4357"


ENVIRONMENT = {"TWILIO_ACCOUNT_SID": ACCOUNT_SID, "TWILIO_AUTH_TOKEN": AUTH_TOKEN, "TWILIO_NUMBER": TWILIO_NUMBER}


@pytest.mark.parametrize("missing", sorted(ENVIRONMENT))
def test_without_every_credential_the_channel_is_not_started(missing: str) -> None:
    assert sms_credentials({**ENVIRONMENT, missing: ""}) is None
    assert sms_credentials({key: value for key, value in ENVIRONMENT.items() if key != missing}) is None


def test_the_credentials_file_names_the_secrets_without_holding_them(monkeypatch: pytest.MonkeyPatch) -> None:
    from rasa.shared.utils.io import read_yaml

    section = sms_credentials({**ENVIRONMENT, "TWILIO_WEBHOOK_URL": "https://sms.example.org/webhooks/twilio_sms/webhook"})
    text = credentials_yaml(section)
    assert AUTH_TOKEN not in text and ACCOUNT_SID not in text and "${TWILIO_AUTH_TOKEN}" in text
    for variable, value in ENVIRONMENT.items():
        monkeypatch.setenv(variable, value)
    loaded = read_yaml(text)  # as Rasa reads credentials.yml: ${VAR} filled from its environment
    assert "rest" in loaded
    assert loaded[CHANNEL] == {
        "account_sid": ACCOUNT_SID, "auth_token": AUTH_TOKEN, "twilio_number": TWILIO_NUMBER,
        "webhook_url": "https://sms.example.org/webhooks/twilio_sms/webhook",
    }
    assert isinstance(TwilioSmsInput.from_credentials(loaded[CHANNEL]), TwilioSmsInput)
    assert CHANNEL not in credentials_yaml(None)
