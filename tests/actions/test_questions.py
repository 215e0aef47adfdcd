"""Questions whose options depend on earlier answers, run with rasa_sdk's Tracker and CollectingDispatcher."""

from __future__ import annotations

import asyncio
from typing import Any

import pytest
import yaml
from rasa_sdk import Tracker
from rasa_sdk.executor import CollectingDispatcher

from actions.questions import ActionAskCanCommitHours, ActionAskDailySubstances
from tests.conftest import REPO_ROOT

DOMAIN = yaml.safe_load((REPO_ROOT / "domain" / "core.yml").read_text())


def ask(action, slots: dict[str, Any]) -> list[dict[str, Any]]:
    dispatcher = CollectingDispatcher()
    tracker = Tracker("test", slots, {"intent": {"name": "inform"}, "entities": [], "text": "daily"}, [], False, None,
                      {}, "action_listen")
    asyncio.run(action.run(dispatcher, tracker, DOMAIN))
    return dispatcher.messages


def test_which_substance_daily_offers_a_button_for_each_one_named() -> None:
    [message] = ask(ActionAskDailySubstances(), {"substances": ["cannabis", "alcohol"]})
    assert message["response"] == "utter_ask_daily_substances"
    assert [button["payload"] for button in message["buttons"]] == [
        '/inform{"substance":"alcohol"}', '/inform{"substance":"cannabis"}']
    assert [button["title"] for button in message["buttons"]] == ["Alcohol", "Cannabis"]


@pytest.mark.parametrize(("band", "response"), [
    ("under_18", "utter_ask_can_commit_hours_teen"), ("26_64", "utter_ask_can_commit_hours"),
    (None, "utter_ask_can_commit_hours"),
])  # fmt: skip
def test_the_hours_question_has_a_teen_version(band: str | None, response: str) -> None:
    [message] = ask(ActionAskCanCommitHours(), {"age_band": band})
    assert message["response"] == response
