"""Starting over, resuming after a pause and the close, with rasa_sdk's Tracker and CollectingDispatcher."""

from __future__ import annotations

import asyncio
from typing import Any

import pytest
from rasa_sdk import Tracker
from rasa_sdk.events import ActiveLoop, AllSlotsReset, FollowupAction, SlotSet
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
    slots = {"who_for": "self", "age_band": "26_64", "substances": ["cannabis"], "use_frequency": "weekly",
             "withdrawal_history": "no",
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


def _crisis_at(slot: str, intent: str, times: int = 2) -> list[dict]:
    """``times`` crisis messages at the question ``slot``, each followed by "keep going" and the question again."""
    asked = [{"event": "active_loop", "name": "needs_form"}, {"event": "slot", "name": "requested_slot", "value": slot}]
    crisis_turn = [{"event": "user", "text": "...", "parse_data": {"intent": {"name": intent}}},
                   {"event": "active_loop", "name": None}, {"event": "slot", "name": "requested_slot", "value": None},
                   {"event": "user", "text": "keep going", "parse_data": {"intent": {"name": "continue"}}}]
    return [*asked, *crisis_turn, *((asked + crisis_turn) * (times - 1))]


def test_after_a_first_crisis_at_a_question_the_same_question_comes_back() -> None:
    slots = {"who_for": "self", "age_band": "26_64", "substances": ["alcohol"], "use_frequency": "daily"}
    _, events = run(ActionResume(), slots, _crisis_at("withdrawal_history", "crisis_withdrawal", times=1))
    assert events == [ActiveLoop("needs_form")]


def test_a_withdrawal_emergency_twice_at_the_withdrawal_question_answers_it() -> None:
    slots = {"who_for": "self", "age_band": "26_64", "substances": ["alcohol"], "use_frequency": "daily"}
    said, events = run(ActionResume(), slots, _crisis_at("withdrawal_history", "crisis_withdrawal"))
    assert said == ["utter_welcome_back"]
    assert events == [SlotSet("withdrawal_history", "yes"), ActiveLoop("needs_form")]


def test_danger_twice_at_the_mental_health_question_is_a_severe_symptom_now() -> None:
    slots = {"who_for": "self", "age_band": "26_64", "substances": ["alcohol"], "use_frequency": "daily"}
    _, events = run(ActionResume(), slots, _crisis_at("mental_health", "crisis_danger"))
    assert events == [SlotSet("mental_health", ["co_occurring"]), SlotSet("severe_psychiatric", "yes"),
                      ActiveLoop("needs_form")]


def test_another_crisis_twice_at_a_question_leaves_it_not_sure_so_the_form_goes_on() -> None:
    slots = {"who_for": "self", "age_band": "26_64", "substances": ["alcohol"], "use_frequency": "daily"}
    _, events = run(ActionResume(), slots, _crisis_at("withdrawal_history", "crisis_suicide"))
    assert events == [SlotSet("withdrawal_history", "unsure"), ActiveLoop("needs_form")]


def test_a_crisis_at_the_start_answers_nothing() -> None:
    events = [{"event": "user", "text": "...", "parse_data": {"intent": {"name": "crisis_suicide"}}}]
    _, resumed = run(ActionResume(), {}, events)
    assert resumed == []


@pytest.mark.parametrize(("text", "who"), [("Me. I'm a vet.", "self"), ("the caller, for herself", "loved_one")])
def test_who_it_is_for_in_words_the_classifier_missed_starts_the_needs_questions(text: str, who: str) -> None:
    dispatcher = CollectingDispatcher()
    tracker = Tracker("test", {}, {"intent": {"name": "nlu_fallback"}, "entities": [], "text": text},
                      [], False, None, {}, "action_listen")
    events = asyncio.run(ActionNotUnderstood().run(dispatcher, tracker, {}))
    assert dispatcher.messages == [] and events == [SlotSet("who_for", who), FollowupAction("needs_form")]


def test_a_place_said_once_a_search_has_begun_goes_on_with_the_search() -> None:
    events = [{"event": "user", "text": "philadelphia", "parse_data": {"intent": {"name": "inform"}}},
              {"event": "slot", "name": "location", "value": "philadelphia"}]
    dispatcher = CollectingDispatcher()
    tracker = Tracker("test", {"location": "philadelphia", "payment": ["medicaid"]},
                      {"intent": {"name": "inform"}, "entities": [], "text": "philadelphia"}, events, False, None, {},
                      "action_listen")
    resumed = asyncio.run(ActionNotUnderstood().run(dispatcher, tracker, {}))
    assert dispatcher.messages == [] and resumed == [FollowupAction("search_form")]
