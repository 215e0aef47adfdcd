"""Whole conversations by SMS: the real Rasa and action servers with the Twilio SMS channel on.

Twilio is faked on loopback: webhook requests are signed with twilio's ``RequestValidator`` as
Twilio signs them, and the channel's replies go through the twilio library to ``FakeTwilioApi``
(``api_base_url`` in credentials.yml), which records them. The credentials file is written the way
the launcher writes it (``bot.channels.credentials``): the secrets as ``${TWILIO_...}`` references,
filled from the Rasa server's environment.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

from bot.channels.credentials import sms_credentials, write_credentials
from bot.channels.sms_text import GSM7_BASIC, SMS_LIMIT
from bot.servers import assistant
from tests.bot.fake_twilio import ACCOUNT_SID, AUTH_TOKEN, TWILIO_NUMBER, FakeTwilioApi, signed_post, sms_form
from tests.e2e.conftest import HELPLINE, MODEL

RESULT_LINE = re.compile(r"^(\d+)\. \(DEMO - fictional\) .+ - [\d.]+ mi - .+$", re.MULTILINE)
_numbers = (f"+1555020{n:04d}" for n in itertools.count())


@dataclass
class SmsAssistant:
    webhook: str
    twilio: FakeTwilioApi


@pytest.fixture(scope="module")
def sms(tmp_path_factory: pytest.TempPathFactory, demo_database: Path) -> Iterator[SmsAssistant]:
    """The assistant with the REST and SMS channels, its SMS going to a fake Twilio API."""
    workdir = tmp_path_factory.mktemp("e2e-sms")
    environment = {"TWILIO_ACCOUNT_SID": ACCOUNT_SID, "TWILIO_AUTH_TOKEN": AUTH_TOKEN, "TWILIO_NUMBER": TWILIO_NUMBER}
    with FakeTwilioApi() as twilio:
        section = sms_credentials(environment)
        assert section is not None
        credentials = write_credentials(workdir / "credentials.yml", {**section, "api_base_url": twilio.url})
        assert AUTH_TOKEN not in credentials.read_text()
        with assistant(MODEL, demo_database, workdir, credentials=credentials,
                       extra_env={"IOP_HELPLINE_NUMBER": HELPLINE, **environment}) as running:
            yield SmsAssistant(f"{running.rasa_url}/webhooks/twilio_sms/webhook", twilio)


class Phone:
    """One person texting the assistant; ``text`` returns the SMS they get back, joined."""

    def __init__(self, sms: SmsAssistant) -> None:
        self.sms = sms
        self.number = next(_numbers)

    def text(self, body: str) -> str:
        before = len(self.sms.twilio.bodies(self.number))
        reply = signed_post(self.sms.webhook, sms_form(body, self.number))
        assert reply.status_code == 200, reply.text
        parts = self.sms.twilio.bodies(self.number)[before:]
        assert all(len(part) <= SMS_LIMIT for part in parts), parts
        assert all(char in GSM7_BASIC for part in parts for char in part), parts
        return "\n\n".join(parts)


def results(text: str) -> list[int]:
    return [int(number) for number in RESULT_LINE.findall(text)]


def test_from_hello_to_three_programmes_by_sms(sms: SmsAssistant) -> None:
    phone = Phone(sms)
    hello = phone.text("hi")
    assert "not medical advice" in hello and "988" in hello and "911" in hello
    assert "Reply 1 for For me, 2 for For someone else." in hello
    age = phone.text("1")
    assert "How old are you" in age and "3 for 26 to 64" in age
    substances = phone.text("3")
    assert "Which substances do you use" in substances and "3 for Meth, cocaine or other stimulants" in substances
    assert "how often" in phone.text("3").lower()
    assert "mental health" in phone.text("a few times a week")  # no seizures question for stimulants alone
    assert "recently leave" in phone.text("no")
    assert "treatment for substance use before" in phone.text("2")
    assert "health condition" in phone.text("yes")  # YES is an answer here, not the SMS keyword
    assert "home safe" in phone.text("NO")
    assert "someone who supports" in phone.text("1")
    assert "0 to 10" in phone.text("yes")
    hours = phone.text("8")
    assert "9 hours a week" in hours and "3 for Yes, evenings" in hours
    suggestion = phone.text("3")  # Yes, evenings: the times are not asked again
    assert "intensive outpatient" in suggestion.lower() and "full assessment" in suggestion
    assert "ZIP code" in suggestion
    assert "How would you pay" in phone.text("10001")  # no distance question: 25 miles, said with the results
    assert "Anything else" in phone.text("Medicaid")
    found = phone.text("1")  # No, that's all
    assert results(found) == [1, 2, 3], found
    assert "Reply MORE" in found and "made up" in found
    assert "Why it fits" not in found  # the condensed SMS wording
    details = phone.text("2")
    assert "Services:" in details and "Ways to pay:" in details
    more = phone.text("MORE")
    assert results(more) == [4, 5, 6], more


def test_help_answers_with_the_helpline_and_the_conversation_goes_on(sms: SmsAssistant) -> None:
    phone = Phone(sms)
    assert "Reply 1 for For me" in phone.text("hello")
    helped = phone.text("HELP")
    assert HELPLINE in helped and "988" in helped and "911" in helped
    assert "How old are they" in phone.text("2")


def test_stop_silences_everything_until_start(sms: SmsAssistant) -> None:
    phone = Phone(sms)
    phone.text("hi")
    assert phone.text("stop") == ""
    assert phone.text("hi") == "" and phone.text("help") == "" and phone.text("1") == ""
    welcome = phone.text("START")
    assert "not medical advice" in welcome and "Reply 1 for For me" in welcome
    assert "How old are you" in phone.text("for me")


def test_a_request_without_a_valid_signature_is_refused(sms: SmsAssistant) -> None:
    phone = Phone(sms)
    for header in ("", "bm90IGEgc2lnbmF0dXJl"):
        assert signed_post(sms.webhook, sms_form("hi", phone.number), header=header).status_code == 403
    assert signed_post(sms.webhook, sms_form("hi", phone.number), token="not-our-token").status_code == 403
    assert sms.twilio.bodies(phone.number) == []
    assert "Reply 1 for For me" in phone.text("hi")


def test_a_crisis_by_sms_gets_the_number_first(sms: SmsAssistant) -> None:
    phone = Phone(sms)
    phone.text("hi")
    phone.text("1")
    before = len(sms.twilio.bodies(phone.number))
    reply = phone.text("honestly i just want to kill myself")
    first, *rest = sms.twilio.bodies(phone.number)[before:]
    assert first.startswith("Call or text 988") and len(first) <= 160, first  # the number, one segment
    assert "Reply 1 for Keep going" in rest[-1], reply
    assert "How old are you" in phone.text("1")  # the same question again


def test_a_crisis_inside_the_questions_by_sms_in_spanish(sms: SmsAssistant) -> None:
    """A crisis typed as the answer to a question: the number first, in Spanish, and nothing answered."""
    phone = Phone(sms)
    phone.text("hi")
    phone.text("1")
    phone.text("3")  # 26 to 64
    assert "how often" in phone.text("alcohol").lower()
    before = len(sms.twilio.bodies(phone.number))
    phone.text("mi hijo de 3 anos se tomo mis pastillas, no despierta")
    first, *rest = sms.twilio.bodies(phone.number)[before:]
    assert first.startswith("Llama al 911") and len(first) <= 160, first
    assert "Reply 1 for Seguir" in rest[-1]
    assert "how often" in phone.text("1").lower()  # the same question again: nothing was taken from it
