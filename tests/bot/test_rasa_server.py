"""bot.rasa_server starts Rasa with its speed-ups installed and its arguments passed on."""

from __future__ import annotations

import sys

import pytest
import rasa.__main__
from rasa.core.actions.action import RemoteAction
from rasa.shared.core.events import Event

from bot import rasa_server
from bot.action_response_validation import validate_action_result
from bot.event_types import resolve_by_type


def test_rasa_starts_with_the_cached_validator_and_the_event_table(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(RemoteAction, "_validate_action_result", RemoteAction._validate_action_result)
    monkeypatch.setattr(Event, "resolve_by_type", Event.__dict__["resolve_by_type"])
    monkeypatch.setattr(sys, "argv", ["bot.rasa_server", "run", "--port", "5005"])
    monkeypatch.delenv(rasa_server.TOKEN_ENV, raising=False)
    seen = {}

    def rasa_main() -> None:
        seen["validation"] = RemoteAction._validate_action_result
        seen["events"] = Event.resolve_by_type
        seen["argv"] = list(sys.argv)

    monkeypatch.setattr(rasa.__main__, "main", rasa_main)
    rasa_server.main()
    assert seen == {"validation": validate_action_result, "events": resolve_by_type,
                    "argv": ["rasa", "run", "--port", "5005"]}
