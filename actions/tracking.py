"""What the tracker says about the latest message and the conversation before it."""

from __future__ import annotations

from typing import Any

from rasa_sdk import Tracker


def latest_message(tracker: Tracker) -> tuple[Any, str | None]:
    """The person's latest message: its text and its intent's name."""
    message = tracker.latest_message or {}
    return message.get("text"), (message.get("intent") or {}).get("name")


def slots_before_latest_message(tracker: Tracker) -> dict[str, Any]:
    """Every slot's value before the person's latest message (slots never set are absent), in one pass."""
    events = tracker.events
    latest_user = max((i for i, event in enumerate(events) if event.get("event") == "user"), default=len(events))
    return {event.get("name"): event.get("value") for event in events[:latest_user] if event.get("event") == "slot"}
