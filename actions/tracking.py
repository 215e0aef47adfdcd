"""What the tracker says about the latest message and the conversation before it."""

from __future__ import annotations

from collections.abc import Collection
from typing import Any

from rasa_sdk import Tracker


def latest_message(tracker: Tracker) -> tuple[Any, str | None]:
    """The person's latest message: its text and its intent's name."""
    message = tracker.latest_message or {}
    return message.get("text"), (message.get("intent") or {}).get("name")


def _latest_user_index(events: list[dict[str, Any]]) -> int:
    """The index of the person's latest message among ``events`` (their length when there is none)."""
    return max((i for i, event in enumerate(events) if event.get("event") == "user"), default=len(events))


def slots_before_latest_message(tracker: Tracker) -> dict[str, Any]:
    """Every slot's value before the person's latest message (slots never set are absent), in one pass."""
    events = tracker.events
    return {event.get("name"): event.get("value") for event in events[:_latest_user_index(events)]
            if event.get("event") == "slot"}


def answered_something_new(tracker: Tracker, ignore: Collection[str] = ()) -> bool:
    """Whether the latest message gave a value to a slot that had none (a place, a substance named in
    passing) through the slot mappings; ``requested_slot`` and the slots in ``ignore`` aside."""
    before = slots_before_latest_message(tracker)
    return any(value is not None and before.get(slot) is None
               for slot, value in tracker.slots_to_validate().items()
               if slot != "requested_slot" and slot not in ignore)


def question_answered_since_latest_message(tracker: Tracker) -> bool:
    """Whether the person's latest message got an answer to a question of their own (``utter_faq``)
    before this action ran."""
    events = tracker.events
    return any(event.get("event") == "action" and event.get("name") == "utter_faq"
               for event in events[_latest_user_index(events):])


def times_asked_in_a_row(tracker: Tracker, slot: str) -> int:
    """How many times ``slot``'s question was said (``utter_ask_<slot>``, any wording of it) since
    another question was asked for (or the conversation was reset)."""
    count = 0
    for event in reversed(tracker.events):
        if event.get("event") in {"reset_slots", "restart"} or (
                event.get("event") == "slot" and event.get("name") == "requested_slot"
                and event.get("value") not in {None, slot}):
            break
        said = (event.get("metadata") or {}).get("utter_action") or ""
        if event.get("event") == "bot" and (said == f"utter_ask_{slot}" or said.startswith(f"utter_ask_{slot}_")):
            count += 1
    return count
