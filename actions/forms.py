"""Validation of the four forms: each ``validate_<slot>`` calls a pure helper and says why on a refusal."""

from __future__ import annotations

from abc import ABC, abstractmethod
from typing import Any

from rasa_sdk import Tracker
from rasa_sdk.executor import CollectingDispatcher
from rasa_sdk.forms import FormValidationAction
from rasa_sdk.types import DomainDict

from actions import validation
from actions.directory_access import get_directory
from actions.place_text import place_in_text, place_with_state
from actions.progress import needed_slots
from directory.geocoding import AmbiguousPlaceError, UnknownPlaceError

SUBSTANCES = ("alcohol", "opioids", "stimulants", "cannabis", "sedatives", "other_substances")
MENTAL_HEALTH = ("depression", "bipolar", "eating_disorders", "anxiety", "trauma", "co_occurring")


class FormValidation(FormValidationAction, ABC):
    """Shared helpers: keep a value, or refuse it with a response that says what is expected."""

    @abstractmethod
    def name(self) -> str: ...

    @staticmethod
    def refuse(dispatcher: CollectingDispatcher, slot: str, response: str | None = None, **values: Any) -> dict:
        if response:
            dispatcher.utter_message(response=response, **values)
        return {slot: None}

    @staticmethod
    def typed(slot: str, tracker: Tracker) -> dict:
        """The message's text for ``slot`` when ``slot`` is the question being asked, is still empty and
        the message is an answer (never a crisis, a question or a request: ``validation.typed_answer``)."""
        if tracker.get_slot("requested_slot") != slot or tracker.get_slot(slot) is not None:
            return {}
        message = tracker.latest_message or {}
        text = validation.typed_answer(message.get("text"), (message.get("intent") or {}).get("name"))
        return {slot: text} if text else {}

    @staticmethod
    def list_of(value: Any) -> list:
        """A slot value as a list without repeats (DIET and the spaCy rules may both find a value)."""
        values = value if isinstance(value, list) else [value] if value is not None else []
        return list(dict.fromkeys(values))


class ValidateNeedsForm(FormValidation):
    def name(self) -> str:
        return "validate_needs_form"

    async def required_slots(
        self, domain_slots: list[str], dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> list[str]:
        """AUDIT-C follows when alcohol is named; PHQ-2 when a mood concern is named."""
        needed = needed_slots("needs_form", tracker.current_slot_values())
        return [slot for slot in domain_slots if slot in needed]

    def validate_substances(self, value: Any, dispatcher, tracker, domain) -> dict:
        kept = [code for code in self.list_of(value) if code in SUBSTANCES]
        return {"substances": kept} if kept else self.refuse(dispatcher, "substances")

    async def extract_use_frequency(self, dispatcher: CollectingDispatcher, tracker: Tracker,
                                    domain: DomainDict) -> dict:
        return self.typed("use_frequency", tracker)

    def validate_use_frequency(self, value: Any, dispatcher, tracker, domain) -> dict:
        return {"use_frequency": validation.frequency(value)}

    def validate_mental_health(self, value: Any, dispatcher, tracker, domain) -> dict:
        kept = [code for code in self.list_of(value) if code in (*MENTAL_HEALTH, "none")]
        return {"mental_health": kept} if kept else self.refuse(dispatcher, "mental_health")

    def _score(self, slot: str, value: Any, highest: int) -> dict:
        number = validation.readiness(value)
        return {slot: float(number) if number is not None and number <= highest else None}

    def validate_audit_c_1(self, value, dispatcher, tracker, domain) -> dict:
        return self._score("audit_c_1", value, 4)

    def validate_audit_c_2(self, value, dispatcher, tracker, domain) -> dict:
        return self._score("audit_c_2", value, 4)

    def validate_audit_c_3(self, value, dispatcher, tracker, domain) -> dict:
        return self._score("audit_c_3", value, 4)

    def validate_phq2_1(self, value, dispatcher, tracker, domain) -> dict:
        return self._score("phq2_1", value, 3)

    def validate_phq2_2(self, value, dispatcher, tracker, domain) -> dict:
        return self._score("phq2_2", value, 3)


class ValidateSupportForm(FormValidation):
    def name(self) -> str:
        return "validate_support_form"

    def validate_duties(self, value: Any, dispatcher, tracker, domain) -> dict:
        kept = [duty for duty in self.list_of(value) if duty in ("work", "school", "children", "none")]
        return {"duties": kept} if kept else self.refuse(dispatcher, "duties")


class ValidateReadinessForm(FormValidation):
    def name(self) -> str:
        return "validate_readiness_form"

    async def extract_readiness(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict) -> dict:
        return self.typed("readiness", tracker)

    def validate_readiness(self, value: Any, dispatcher, tracker, domain) -> dict:
        number = validation.readiness(value)
        if number is None:
            return self.refuse(dispatcher, "readiness", "utter_invalid_readiness")
        return {"readiness": float(number)}

    def validate_schedule(self, value: Any, dispatcher, tracker, domain) -> dict:
        kept = sorted(validation.codes("schedule", self.list_of(value)))
        return {"schedule": kept or ["any"]}


class ValidateSearchForm(FormValidation):
    def name(self) -> str:
        return "validate_search_form"

    async def extract_location(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict) -> dict:
        """A "City, ST" written in the message when no slot mapping found a place (DIET missed it),
        else the typed answer when the place is the question."""
        message = tracker.latest_message or {}
        text = validation.typed_answer(message.get("text"), (message.get("intent") or {}).get("name"))
        if tracker.get_slot("location") or text is None:
            return {}
        place = place_in_text(text)
        return {"location": place} if place else self.typed("location", tracker)

    async def extract_radius_miles(self, dispatcher: CollectingDispatcher, tracker: Tracker,
                                   domain: DomainDict) -> dict:
        return self.typed("radius_miles", tracker)

    def validate_location(self, value: Any, dispatcher, tracker, domain) -> dict:
        text = place_with_state(str(value or "").strip(), tracker.latest_message.get("text"))
        try:
            place = get_directory().resolve(text)
        except UnknownPlaceError:
            return self.refuse(dispatcher, "location", "utter_unknown_place")
        except AmbiguousPlaceError as error:
            examples = "; ".join(candidate.label for candidate in error.candidates[:3])
            return self.refuse(dispatcher, "location", "utter_ambiguous_place", place=text, examples=examples)
        return {"location": place.label}

    def validate_radius_miles(self, value: Any, dispatcher, tracker, domain) -> dict:
        miles = validation.radius_miles(value)
        if miles is None:
            return self.refuse(dispatcher, "radius_miles", "utter_invalid_radius")
        return {"radius_miles": miles}

    def validate_payment(self, value: Any, dispatcher, tracker, domain) -> dict:
        kept = sorted(validation.codes("payment", self.list_of(value)))
        return {"payment": kept or ["any"]}
