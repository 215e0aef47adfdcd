"""The forms' reading of typed answers (``FormValidation.get_extraction_events``), run with rasa_sdk's
Tracker and CollectingDispatcher on the project's domain."""

from __future__ import annotations

import asyncio
from typing import Any

import pytest
import yaml
from rasa_sdk import Tracker
from rasa_sdk.executor import CollectingDispatcher

from actions.forms import ValidateNeedsForm, ValidateSearchForm, ValidateSupportForm
from tests.conftest import REPO_ROOT


def project_domain() -> dict[str, Any]:
    """The domain files merged into one mapping, as Rasa hands it to the action server."""
    merged: dict[str, Any] = {}
    for path in sorted((REPO_ROOT / "domain").glob("*.yml")):
        for key, value in (yaml.safe_load(path.read_text()) or {}).items():
            if isinstance(value, dict):
                merged.setdefault(key, {}).update(value)
            elif isinstance(value, list):
                merged.setdefault(key, []).extend(value)
    return merged


DOMAIN = project_domain()


def extract(form, slots: dict[str, Any], text: str, intent: str = "inform") -> tuple[dict[str, Any], list[str]]:
    """The slots the form reads from ``text`` and the responses it says."""
    message = {"intent": {"name": intent, "confidence": 1.0}, "entities": [], "text": text}
    tracker = Tracker("test", dict(slots), message, [], False, None, {"name": "form"}, "action_listen")
    dispatcher = CollectingDispatcher()
    events = asyncio.run(form.get_extraction_events(dispatcher, tracker, DOMAIN))
    return {event["name"]: event["value"] for event in events}, [m.get("response") for m in dispatcher.messages]


@pytest.mark.parametrize(("who_for", "read", "said"), [
    ("loved_one", {"has_support": "yes"}, []),  # the parent asking is their son's support
    ("self", {}, ["utter_not_understood"]),  # "me" alone, for oneself: nobody else, asked again
])  # fmt: skip
def test_me_answers_the_support_question_when_asking_for_someone_else(
        who_for: str, read: dict[str, Any], said: list[str]) -> None:
    assert extract(ValidateSupportForm(), {"who_for": who_for, "requested_slot": "has_support"}, "me") == (read, said)


def test_a_way_to_pay_said_before_a_question_is_the_answer() -> None:
    read, _ = extract(ValidateSearchForm(), {"requested_slot": "payment", "location": "Boise, ID"},
                      "she doesnt have insurance. is there anything cheap?", intent="faq")
    assert read == {"payment": ["sliding_fee"]}


def test_a_substance_named_in_passing_keeps_the_questions_of_the_substances_answered_before() -> None:
    """"on the coke nights 6 to 8" at the drinks question: the substance mapping sets cocaine alone for a
    moment, which must not drop the drinking questions (the answer was once asked for 35 times)."""
    answered = {"who_for": "self", "age_band": "26_64", "use_frequency": "weekly", "audit_c_1": 4.0}
    events = [{"event": "slot", "name": "substances", "value": ["stimulants", "alcohol"]},
              {"event": "action", "name": "action_listen"},
              {"event": "user", "text": "On the coke nights 6 to 8. Otherwise a glass or two"},
              {"event": "slot", "name": "substances", "value": ["stimulants", "stimulants"]}]
    slots = {**answered, "substances": ["stimulants", "stimulants"], "requested_slot": "audit_c_2"}
    message = {"intent": {"name": "inform", "confidence": 1.0}, "entities": [{"entity": "substance",
               "value": "stimulants"}], "text": "On the coke nights 6 to 8. Otherwise a glass or two"}
    tracker = Tracker("test", slots, message, events, False, None, {"name": "needs_form"}, "action_listen")
    dispatcher = CollectingDispatcher()
    done = asyncio.run(ValidateNeedsForm().run(dispatcher, tracker, DOMAIN))
    read = {event["name"]: event["value"] for event in done if event["event"] == "slot"}
    assert read["audit_c_2"] == 3.0 and read["requested_slot"] == "audit_c_3"
    assert read["substances"] == ["stimulants", "alcohol"]


def test_words_in_passing_that_say_no_frequency_leave_the_frequency_question_to_be_asked() -> None:
    """"she drinks wine every evening-ish" at the substances question: an entity the frequency reader
    cannot read is not kept as the answer (it once was, as unknown, and "How often?" was never asked)."""
    form, slots = ValidateNeedsForm(), {"who_for": "loved_one", "requested_slot": "substances"}
    message = {"intent": {"name": "inform", "confidence": 1.0}, "entities": [], "text": "wine, on and off-ish"}
    tracker = Tracker("test", slots, message, [], False, None, {"name": "needs_form"}, "action_listen")
    assert form.validate_use_frequency("on and off-ish", CollectingDispatcher(), tracker, DOMAIN) == {
        "use_frequency": None}
    asked = Tracker("test", {**slots, "requested_slot": "use_frequency"}, message, [], False, None,
                    {"name": "needs_form"}, "action_listen")
    assert form.validate_use_frequency("every day", CollectingDispatcher(), asked, DOMAIN)["use_frequency"] == "daily"
