"""Starting over, resuming after a pause and the close, with rasa_sdk's Tracker and CollectingDispatcher."""

from __future__ import annotations

import asyncio
from typing import Any

from rasa_sdk import Tracker
from rasa_sdk.events import ActiveLoop, AllSlotsReset, FollowupAction
from rasa_sdk.executor import CollectingDispatcher

from actions.session import ActionClose, ActionNotUnderstood, ActionResume, ActionStartOver


def run(action, slots: dict[str, Any], events: list[dict] | None = None) -> tuple[list[str], list]:
    dispatcher = CollectingDispatcher()
    tracker = Tracker("test", slots, {"intent": {"name": "continue"}, "entities": [], "text": "/continue"},
                      events or [], False, None, {}, "action_listen")
    result = asyncio.run(action.run(dispatcher, tracker, {}))
    return [message["response"] for message in dispatcher.messages], result


def test_start_over_forgets_everything() -> None:
    said, events = run(ActionStartOver(), {"who_for": "self", "location": "22902"})
    assert said == ["utter_starting_over"] and events == [AllSlotsReset()]


def test_resume_reopens_the_form_a_crisis_paused() -> None:
    paused = [{"event": "active_loop", "name": "support_form"}, {"event": "active_loop", "name": None}]
    said, events = run(ActionResume(), {"who_for": "self", "home_safe": "yes"}, paused)
    assert said == ["utter_welcome_back"] and events == [ActiveLoop("support_form")]


def test_resume_before_anything_asks_who_the_search_is_for() -> None:
    said, events = run(ActionResume(), {})
    assert said == ["utter_welcome_back", "utter_ask_who_for"] and events == []


def test_resume_after_results_offers_the_next_steps() -> None:
    said, events = run(ActionResume(), {"results_found": True, "location": "22902"})
    assert said == ["utter_welcome_back", "utter_results_next"] and events == []


def test_resume_runs_the_suggestion_when_only_it_is_missing() -> None:
    slots = {"who_for": "self", "substances": ["cannabis"], "use_frequency": "weekly", "withdrawal_history": "no",
             "mental_health": ["none"], "recent_discharge": "no", "prior_treatment": "no", "medical_monitoring": "no",
             "home_safe": "yes", "has_support": "yes", "family_involvement": "yes", "duties": ["work"],
             "readiness": 5.0, "can_commit_hours": "yes", "schedule": ["any"]}
    _, events = run(ActionResume(), slots)
    assert events == [FollowupAction("action_suggest_level")]


def test_the_close_names_what_to_ask_the_first_week_and_the_helpline() -> None:
    said, _ = run(ActionClose(), {})
    assert said == ["utter_faq/what_to_ask", "utter_faq/first_week", "utter_helpline_reminder"]


def test_not_understood_at_the_start_asks_whom_it_is_for_again() -> None:
    said, events = run(ActionNotUnderstood(), {})
    assert said == ["utter_default", "utter_ask_who_for"] and events == []


def test_not_understood_after_results_offers_the_next_steps_again() -> None:
    said, _ = run(ActionNotUnderstood(), {"results_found": True, "location": "22902"})
    assert said == ["utter_default", "utter_results_next"]


def test_not_understood_mid_assessment_only_says_so() -> None:
    said, _ = run(ActionNotUnderstood(), {"who_for": "self", "substances": ["alcohol"]})
    assert said == ["utter_default"]


def test_an_off_topic_message_at_the_start_says_what_it_can_do_and_asks_again() -> None:
    dispatcher = CollectingDispatcher()
    tracker = Tracker("test", {}, {"intent": {"name": "out_of_scope"}, "entities": [], "text": "whats the weather"},
                      [], False, None, {}, "action_listen")
    asyncio.run(ActionNotUnderstood().run(dispatcher, tracker, {}))
    assert [message["response"] for message in dispatcher.messages] == ["utter_out_of_scope", "utter_ask_who_for"]
