"""The crisis replies in the domain: the number first, one short message, on every channel and in Spanish."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from actions.crisis import CRISIS_INTENTS, CRISIS_KINDS, OFFER_RESPONSE, REPLY_LANGUAGE_SLOT, reply_response
from bot.channels.sms_text import to_gsm7
from tests.bot.crisis_phrasings import NUMBER
from tests.conftest import REPO_ROOT

CHANNELS = (None, "twilio_sms", "helpline")
LANGUAGES = ("en", "es")
#: a web or REST crisis reply fits a phone screen; an SMS one a single segment
LONGEST = {None: 200, "twilio_sms": 160, "helpline": 300}
OFFER_PAYLOADS = ["/continue", "/start_over", "/ask_human"]


def domain() -> dict:
    merged: dict = {"intents": [], "responses": {}, "slots": {}}
    for path in sorted(Path(REPO_ROOT / "domain").glob("*.yml")):
        part = yaml.safe_load(path.read_text())
        merged["intents"] += part.get("intents") or []
        merged["responses"].update(part.get("responses") or {})
        merged["slots"].update(part.get("slots") or {})
    return merged


DOMAIN = domain()


def variation(response: str, channel: str | None, language: str) -> dict:
    """The variation Rasa 3.6 picks: the channel's own ones if it has any, else the others; among those,
    one whose condition on the reply language holds, else one without a condition."""
    variations = DOMAIN["responses"][response]
    own = [v for v in variations if channel is not None and v.get("channel") == channel]
    candidates = own or [v for v in variations if "channel" not in v]
    matching = [v for v in candidates if v.get("condition") and v["condition"][0]["value"] == language]
    plain = [v for v in candidates if not v.get("condition")]
    return (matching or plain)[0]


def test_every_kind_is_an_intent_with_a_reply() -> None:
    assert set(CRISIS_INTENTS) <= set(DOMAIN["intents"])
    assert all(reply_response(kind) in DOMAIN["responses"] for kind in CRISIS_KINDS)
    assert DOMAIN["slots"][REPLY_LANGUAGE_SLOT]["values"] == list(LANGUAGES)


@pytest.mark.parametrize("kind", CRISIS_KINDS)
@pytest.mark.parametrize("channel", CHANNELS)
@pytest.mark.parametrize("language", LANGUAGES)
def test_the_reply_starts_with_the_number_in_one_short_message(kind: str, channel: str | None, language: str) -> None:
    chosen = variation(reply_response(kind), channel, language)
    text = chosen["text"]
    assert NUMBER[kind] in text[:40], text
    assert "buttons" not in chosen
    assert len(to_gsm7(text) if channel == "twilio_sms" else text) <= LONGEST[channel], (len(text), text)
    if channel == "twilio_sms":
        assert to_gsm7(text) == text, "an SMS reply is written in GSM-7 already"


@pytest.mark.parametrize("kind", CRISIS_KINDS)
def test_the_spanish_replies_are_spanish_and_name_the_spanish_lines(kind: str) -> None:
    text = variation(reply_response(kind), None, "es")["text"]
    assert text.startswith("Llama"), text
    if NUMBER[kind] == "988":
        assert "marca 2" in text and "AYUDA" in text


@pytest.mark.parametrize("channel", (None, "helpline"))
@pytest.mark.parametrize("language", LANGUAGES)
def test_the_offer_follows_with_continue_start_over_and_a_person(channel: str | None, language: str) -> None:
    offer = variation(OFFER_RESPONSE, channel, language)
    assert [button["payload"] for button in offer["buttons"]] == OFFER_PAYLOADS
