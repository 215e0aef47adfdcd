"""The event-type table answers as Rasa's own look-up does, and builds itself once."""

from __future__ import annotations

import pytest
from rasa.shared.core.events import ActiveLoop, BotUttered, Event, SlotSet, UserUttered
from rasa.shared.core.trackers import DialogueStateTracker, EventVerbosity
from rasa.shared.utils.common import all_subclasses

from bot import event_types
from bot.event_types import event_classes, resolve_by_type

RASAS_RESOLVE_BY_TYPE = Event.resolve_by_type


@pytest.fixture
def installed(monkeypatch: pytest.MonkeyPatch) -> None:
    """The table installed for one test; Rasa's look-up restored afterwards."""
    monkeypatch.setattr(Event, "resolve_by_type", Event.__dict__["resolve_by_type"])
    event_types.install()


@pytest.mark.parametrize("type_name", sorted({event_class.type_name for event_class in all_subclasses(Event)}))
def test_every_event_type_resolves_to_rasas_class(type_name: str) -> None:
    assert resolve_by_type(type_name) is RASAS_RESOLVE_BY_TYPE(type_name)


def test_unknown_names_behave_as_in_rasa() -> None:
    assert resolve_by_type("topic") is None
    assert resolve_by_type("no_such_event", SlotSet) is SlotSet
    with pytest.raises(ValueError, match="Unknown event name 'no_such_event'"):
        resolve_by_type("no_such_event")


def test_the_table_is_built_once_for_many_look_ups(monkeypatch: pytest.MonkeyPatch) -> None:
    walks = []
    monkeypatch.setattr(event_types, "all_subclasses", lambda cls: walks.append(cls) or all_subclasses(cls))
    event_classes.cache_clear()
    for _ in range(50):
        assert resolve_by_type("slot") is SlotSet
    assert walks == [Event]
    event_classes.cache_clear()


def test_a_stored_conversation_reads_back_the_same(installed: None) -> None:
    events = [UserUttered("hi", {"name": "greet", "confidence": 1.0}), BotUttered("Hello", {"buttons": []}),
              SlotSet("location", "22902"), ActiveLoop("search_form"), ActiveLoop(None)]
    stored = DialogueStateTracker.from_events("someone", events).current_state(EventVerbosity.ALL)
    restored = DialogueStateTracker.from_dict("someone", stored["events"])
    assert list(restored.events) == events
