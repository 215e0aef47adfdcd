"""Handing over to a person: the configured helpline number."""

from __future__ import annotations

import asyncio

import pytest
from rasa_sdk import Tracker
from rasa_sdk.events import SlotSet
from rasa_sdk.executor import CollectingDispatcher

from actions.safety import DEFAULT_HELPLINE, HELPLINE_ENV, ActionHandoffHuman, helpline_number


def tracker() -> Tracker:
    return Tracker("test", {}, {"intent": {"name": "ask_human"}, "text": "can I talk to a person"}, [], False,
                   None, {}, "action_listen")


@pytest.mark.parametrize(
    ("environ", "number"),
    [
        ({}, DEFAULT_HELPLINE),
        ({HELPLINE_ENV: ""}, DEFAULT_HELPLINE),
        ({HELPLINE_ENV: "   "}, DEFAULT_HELPLINE),
        ({HELPLINE_ENV: " 1-888-555-0100 \n"}, "1-888-555-0100"),
        ({"OTHER": "1-888-555-0100"}, DEFAULT_HELPLINE),
    ],
)
def test_helpline_number(environ: dict[str, str], number: str) -> None:
    assert helpline_number(environ) == number


def test_default_is_samhsa() -> None:
    assert DEFAULT_HELPLINE == "1-800-662-4357"


def run_handoff() -> tuple[CollectingDispatcher, list]:
    dispatcher = CollectingDispatcher()
    events = asyncio.run(ActionHandoffHuman().run(dispatcher, tracker(), {}))
    return dispatcher, events


def test_handoff_names_the_default_helpline(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv(HELPLINE_ENV, raising=False)
    dispatcher, events = run_handoff()
    assert ActionHandoffHuman().name() == "action_handoff_human"
    assert dispatcher.messages[0]["response"] == "utter_handoff_human"
    assert dispatcher.messages[0]["helpline_number"] == DEFAULT_HELPLINE
    assert events == [SlotSet("helpline_number", DEFAULT_HELPLINE)]


def test_handoff_uses_the_configured_helpline(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(HELPLINE_ENV, "1-888-555-0100")
    dispatcher, events = run_handoff()
    assert dispatcher.messages[0]["response"] == "utter_handoff_human"
    assert dispatcher.messages[0]["helpline_number"] == "1-888-555-0100"
    assert events == [SlotSet("helpline_number", "1-888-555-0100")]
