"""What the tracker says about the latest message: slots before it, a question of one's own answered."""

from __future__ import annotations

from typing import Any

from rasa_sdk import Tracker

from actions.tracking import (
    question_answered_since_latest_message,
    slots_before_latest_message,
    times_asked_in_a_row,
)


def tracker(events: list[dict[str, Any]]) -> Tracker:
    return Tracker("someone", {}, {}, events, False, None, {"name": "needs_form"}, "action_listen")


USER = {"event": "user", "text": "is it dangerous to stop?", "parse_data": {"intent": {"name": "faq"}}}


def test_a_question_answered_after_the_latest_message_is_seen() -> None:
    answered = tracker([USER, {"event": "action", "name": "utter_faq"}])
    assert question_answered_since_latest_message(answered)


def test_an_answer_to_an_earlier_question_does_not_count() -> None:
    earlier = tracker([{"event": "action", "name": "utter_faq"}, USER, {"event": "action", "name": "needs_form"}])
    assert not question_answered_since_latest_message(earlier)


def test_slots_before_the_latest_message_leave_out_what_it_set() -> None:
    events = [{"event": "slot", "name": "substances", "value": ["alcohol"]}, USER,
              {"event": "slot", "name": "substances", "value": ["alcohol", "sedatives"]}]
    assert slots_before_latest_message(tracker(events)) == {"substances": ["alcohol"]}


def asked(slot: str) -> list[dict[str, Any]]:
    """The form asking for ``slot``: requested_slot set, the question said."""
    return [{"event": "slot", "name": "requested_slot", "value": slot},
            {"event": "bot", "text": "...", "metadata": {"utter_action": f"utter_ask_{slot}"}}]


def test_the_times_a_question_was_asked_in_a_row_are_counted_since_another_was_asked() -> None:
    events = [*asked("age_band"), *asked("payment"), USER, *asked("payment"), USER,
              {"event": "action", "name": "utter_faq"}, *asked("payment")]
    assert times_asked_in_a_row(tracker(events), "payment") == 3
    assert times_asked_in_a_row(tracker(events), "age_band") == 0
    reset = [*asked("payment"), {"event": "reset_slots"}, *asked("payment")]
    assert times_asked_in_a_row(tracker(reset), "payment") == 1
    teen = [{"event": "bot", "metadata": {"utter_action": "utter_ask_can_commit_hours_teen"}}]
    assert times_asked_in_a_row(tracker(teen), "can_commit_hours") == 1
