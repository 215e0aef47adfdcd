"""action_suggest_level run with rasa_sdk's Tracker and CollectingDispatcher: slots in, responses and slots out."""

from __future__ import annotations

import asyncio
from typing import Any

import pytest
from rasa_sdk import Tracker
from rasa_sdk.events import SlotSet
from rasa_sdk.executor import CollectingDispatcher

from actions.assessment import ActionSuggestLevel

#: a first-time IOP candidate, answered as the forms fill the slots
SELF_IOP: dict[str, Any] = {
    "who_for": "self",
    "substances": ["stimulants"],
    "use_frequency": "weekly",
    "withdrawal_history": "no",
    "mental_health": ["none"],
    "recent_discharge": "no",
    "prior_treatment": "no",
    "medical_monitoring": "no",
    "home_safe": "yes",
    "has_support": "yes",
    "family_involvement": "yes",
    "duties": ["work"],
    "readiness": 8.0,
    "can_commit_hours": "yes",
    "schedule": ["evening"],
}


def run(slots: dict[str, Any]) -> tuple[list[str], list]:
    tracker = Tracker("test", slots, {"intent": {"name": "affirm"}, "entities": [], "text": "yes"}, [], False, None,
                      {}, "action_listen")  # fmt: skip
    dispatcher = CollectingDispatcher()
    events = asyncio.run(ActionSuggestLevel().run(dispatcher, tracker, {}))
    return [message["response"] for message in dispatcher.messages], events


@pytest.mark.parametrize(
    ("changes", "responses", "level", "search_levels"),
    [
        (
            {},
            ["utter_level_intensive_outpatient", "utter_reason_needs_structure", "utter_tone_ready"],
            "intensive_outpatient",
            ["intensive_outpatient"],
        ),
        (
            {"substances": ["alcohol"], "use_frequency": "daily", "withdrawal_history": "unsure",
             "audit_c_1": 4.0, "audit_c_2": 3.0, "audit_c_3": 3.0, "readiness": 5.0},
            ["utter_level_withdrawal_management_first", "utter_reason_daily_sedating_use",
             "utter_reason_heavy_drinking", "utter_tone_ambivalent"],
            "withdrawal_management_first",
            ["inpatient", "residential", "withdrawal_management"],
        ),
        (
            {"recent_discharge": "yes", "prior_treatment": "yes", "readiness": 2.0},
            ["utter_level_step_down_intensive_outpatient", "utter_reason_recent_discharge", "utter_tone_not_ready"],
            "step_down_intensive_outpatient",
            ["intensive_outpatient"],
        ),
        (
            {"substances": ["cannabis"], "use_frequency": "monthly_or_less"},
            ["utter_level_outpatient", "utter_reason_mild_needs", "utter_tone_ready"],
            "outpatient",
            ["intensive_outpatient", "outpatient"],
        ),
        (
            {"home_safe": "no", "mental_health": ["depression"], "phq2_1": 2.0, "phq2_2": 2.0},
            ["utter_level_residential_or_inpatient", "utter_reason_home_unsafe", "utter_reason_co_occurring",
             "utter_reason_positive_phq2", "utter_tone_ready"],
            "residential_or_inpatient",
            ["inpatient", "partial_hospitalization", "residential"],
        ),
        (
            {"readiness": None, "can_commit_hours": "no"},
            ["utter_level_intensive_outpatient", "utter_reason_needs_structure", "utter_reason_cannot_commit_hours",
             "utter_tone_ambivalent"],
            "intensive_outpatient",
            ["intensive_outpatient", "outpatient"],
        ),
    ],
    ids=["self IOP", "daily alcohol", "recent discharge", "mild", "home unsafe", "cannot commit hours"],
)  # fmt: skip
def test_suggestion(changes: dict[str, Any], responses: list[str], level: str, search_levels: list[str]) -> None:
    said, events = run({**SELF_IOP, **changes})
    assert said == [*responses, "utter_level_disclaimer"]
    assert events == [SlotSet("suggested_level", level), SlotSet("search_levels", search_levels)]


def test_loved_one_gets_the_same_suggestion() -> None:
    """The wording changes by the who_for slot in the domain; the action says the same names."""
    assert run({**SELF_IOP, "who_for": "loved_one"}) == run(SELF_IOP)


def test_levels_the_person_asked_for_are_kept() -> None:
    said, events = run({**SELF_IOP, "search_levels": ["partial_hospitalization"]})
    assert said[0] == "utter_level_intensive_outpatient"
    assert events == [SlotSet("suggested_level", "intensive_outpatient")]


def test_readiness_does_not_change_the_level() -> None:
    low, high = run({**SELF_IOP, "readiness": 0.0}), run({**SELF_IOP, "readiness": 10.0})
    assert low[1] == high[1]
    assert (low[0][-2], high[0][-2]) == ("utter_tone_not_ready", "utter_tone_ready")
