"""Where the dialogue picks up after a pause, from the slots alone."""

from __future__ import annotations

import pytest
import yaml

from actions.progress import FORMS, answer, chosen, needed_slots, next_step, paused_form
from tests.conftest import REPO_ROOT

NEEDS_DONE = {slot: "no" for slot in dict(FORMS)["needs_form"]}
SUPPORT_DONE = {slot: "yes" for slot in dict(FORMS)["support_form"]}
READINESS_DONE = {"readiness": 7.0, "can_commit_hours": "yes", "schedule": ["evening"]}


@pytest.mark.parametrize(("slots", "step"), [
    ({}, "utter_ask_who_for"),
    ({"who_for": "self"}, "needs_form"),
    ({"who_for": "loved_one", "substances": ["alcohol"]}, "needs_form"),
    ({"who_for": "self", **NEEDS_DONE}, "support_form"),
    ({"who_for": "self", **NEEDS_DONE, **SUPPORT_DONE}, "readiness_form"),
    ({"who_for": "self", **NEEDS_DONE, **SUPPORT_DONE, **READINESS_DONE}, "action_suggest_level"),
    ({"who_for": "self", "suggested_level": "intensive_outpatient"}, "search_form"),
    ({"location": "22902"}, "search_form"),
    ({"extras_asked": True, "who_for": "self"}, "search_form"),
    ({"results_found": False, "location": "22902"}, "utter_results_next"),
    ({"results_found": True}, "utter_results_next"),
])
def test_next_step(slots: dict, step: str) -> None:
    assert next_step(slots) == step


def test_answers_and_choices() -> None:
    assert (answer("yes"), answer("no"), answer("unsure"), answer(None)) == (True, False, None, None)
    assert chosen(["alcohol", "none"]) == {"alcohol"}
    assert chosen(["any"]) == frozenset() and chosen(None) == frozenset()


def test_the_paused_form_is_the_last_active_one_while_it_has_questions() -> None:
    searching = [{"event": "active_loop", "name": "search_form"}, {"event": "active_loop", "name": None}]
    assert paused_form(searching, {}) == "search_form"
    assert paused_form(searching, dict.fromkeys(("location", "payment", "extras_asked"), 1)) is None
    walked = [{"event": "active_loop", "name": "needs_form"}, {"event": "active_loop", "name": None},
              {"event": "active_loop", "name": "support_form"}, {"event": "active_loop", "name": None}]
    assert paused_form(walked, NEEDS_DONE) == "support_form"
    assert paused_form([{"event": "user", "text": "hi"}], {}) is None


def test_the_forms_here_are_the_forms_of_the_domain() -> None:
    domain = yaml.safe_load((REPO_ROOT / "domain" / "core.yml").read_text())
    assert {form: tuple(spec["required_slots"]) for form, spec in domain["forms"].items()
            if form != "search_form"} == dict(FORMS)


def test_screeners_are_asked_only_when_they_apply() -> None:
    plain = needed_slots("needs_form", {"substances": ["cannabis"], "mental_health": ["trauma"]})
    assert not set(plain) & {"audit_c_1", "audit_c_2", "audit_c_3", "phq2_1", "phq2_2"}
    drinking_and_low = needed_slots("needs_form", {"substances": ["alcohol"], "mental_health": ["depression"]})
    assert drinking_and_low.index("use_frequency") < drinking_and_low.index("audit_c_1")
    assert drinking_and_low.index("mental_health") < drinking_and_low.index("phq2_1")
    assert needed_slots("search_form", {}) == ("location", "payment", "extras_asked")


def test_follow_up_questions_are_asked_only_when_they_apply() -> None:
    for_someone = {"who_for": "loved_one"}
    assert "family_involvement" not in needed_slots("support_form", {**for_someone, "has_support": "no"})
    assert "family_involvement" in needed_slots("support_form", {**for_someone, "has_support": "yes"})
    assert "family_involvement" in needed_slots("support_form", {"who_for": "self", "age_band": "under_18"})
    assert "family_involvement" not in needed_slots("support_form", {"who_for": "self", "age_band": "26_64"})
    assert "withdrawal_history" not in needed_slots("needs_form", {"substances": ["cannabis", "stimulants"]})
    for named in (["cannabis", "alcohol"], ["opioids"], ["other_substances"], ["unsure"], []):
        assert "withdrawal_history" in needed_slots("needs_form", {"substances": named}), named
    several = {"substances": ["alcohol", "cannabis"], "use_frequency": "daily"}
    assert "daily_substances" in needed_slots("needs_form", several)
    assert "daily_substances" not in needed_slots("needs_form", {**several, "substances": ["alcohol"]})
    assert "daily_substances" not in needed_slots("needs_form", {**several, "use_frequency": "weekly"})
