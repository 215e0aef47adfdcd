"""Validation of the four forms: each ``validate_<slot>`` calls a pure helper and says why on a refusal."""

from __future__ import annotations

from abc import ABC, abstractmethod
from typing import Any

from rasa_sdk import Tracker
from rasa_sdk.events import EventType, SlotSet
from rasa_sdk.executor import CollectingDispatcher
from rasa_sdk.forms import FormValidationAction
from rasa_sdk.types import DomainDict

from actions import answers, validation
from actions.directory_access import get_directory
from actions.place_text import place_in_text, place_with_state
from actions.progress import needed_slots
from directory.geocoding import AmbiguousPlaceError, UnknownPlaceError

#: how many answers in a row the question being asked could not read
MISSES_SLOT = "unread_answers"
SUBSTANCES = ("alcohol", "opioids", "stimulants", "cannabis", "sedatives", "other_substances")
MENTAL_HEALTH = ("depression", "bipolar", "eating_disorders", "anxiety", "trauma", "co_occurring")


def latest_message(tracker: Tracker) -> tuple[Any, str | None]:
    """The person's latest message: its text and its intent's name."""
    message = tracker.latest_message or {}
    return message.get("text"), (message.get("intent") or {}).get("name")


def slots_before_latest_message(tracker: Tracker) -> dict[str, Any]:
    """Every slot's value before the person's latest message (slots never set are absent), in one pass."""
    events = tracker.events
    latest_user = max((i for i, event in enumerate(events) if event.get("event") == "user"), default=len(events))
    return {event.get("name"): event.get("value") for event in events[:latest_user] if event.get("event") == "slot"}


def said_something_else(tracker: Tracker) -> bool:
    """Whether the latest message answered a question still open (a place, a substance named in
    passing); a slot already answered is kept as it was, so it does not count."""
    before = slots_before_latest_message(tracker)
    return any(value is not None and before.get(slot) is None
               for slot, value in tracker.slots_to_validate().items() if slot != MISSES_SLOT)


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
        text = validation.typed_answer(*latest_message(tracker))
        if text and answers.skipped(text) and slot in answers.SKIP_VALUES:
            return {slot: answers.SKIP_VALUES[slot]}
        return {slot: text} if text else {}

    async def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict) -> list[EventType]:
        """Rasa SDK's extraction and validation, and the count of unread answers kept for the next turn."""
        misses_before = tracker.get_slot(MISSES_SLOT)
        events = await super().run(dispatcher, tracker, domain)
        misses = tracker.slots.get(MISSES_SLOT)
        return [*events, SlotSet(MISSES_SLOT, misses)] if misses != misses_before else events

    async def get_extraction_events(self, dispatcher: CollectingDispatcher, tracker: Tracker,
                                    domain: DomainDict) -> list[EventType]:
        """Rasa's mappings and the ``extract_<slot>`` methods first; then the question being asked reads
        the typed message through its answer reader (``actions.answers``). A message that answers
        nothing gets "sorry, I didn't understand" (the form then asks again with its options); the
        second miss in a row moves on with the question's "not sure" value."""
        events = await super().get_extraction_events(dispatcher, tracker, domain)
        requested = tracker.get_slot("requested_slot")
        required = await self.required_slots(self.domain_slots(domain), dispatcher, tracker, domain)
        if requested not in required:
            return events
        if tracker.slots.get(requested) is not None:  # a button, an entity or extract_<slot> answered it
            tracker.slots[MISSES_SLOT] = 0.0
            return events
        text, intent = latest_message(tracker)
        if not answers.answering(text, intent):
            return events
        value = answers.read_answer(requested, text)
        if value is None and (intent == "faq" or said_something_else(tracker)):
            return events  # a question, or a new answer to another question (a place, a substance)
        misses = 0 if value is not None else int(tracker.get_slot(MISSES_SLOT) or 0) + 1
        if misses >= answers.MISSES_BEFORE_MOVING_ON and requested in answers.SKIP_VALUES:
            dispatcher.utter_message(response="utter_moving_on")
            value, misses = answers.SKIP_VALUES[requested], 0
        elif misses:
            dispatcher.utter_message(response="utter_not_understood")
        tracker.slots[requested], tracker.slots[MISSES_SLOT] = value, float(misses)
        return [*events, SlotSet(requested, value)]

    async def get_validation_events(self, dispatcher: CollectingDispatcher, tracker: Tracker,
                                    domain: DomainDict) -> list[EventType]:
        """The validated answers, except that an answer given earlier to another question of this form
        is never overwritten by words in passing ("like 7 days a week" at another question): a slot
        changes only when its question is asked."""
        events = await super().get_validation_events(dispatcher, tracker, domain)
        requested = tracker.get_slot("requested_slot")
        form_slots, before = self.domain_slots(domain), slots_before_latest_message(tracker)
        kept = []
        for event in events:
            slot = event.get("name")
            earlier = before.get(slot) if slot in form_slots else None
            if slot != requested and earlier is not None and event.get("value") != earlier:
                event = SlotSet(slot, earlier)
                tracker.slots[slot] = earlier
            kept.append(event)
        return kept

    @staticmethod
    def asked(slot: str, tracker: Tracker) -> str | None:
        """"Didn't understand" when ``slot`` is the question being asked; nothing for words in passing."""
        return "utter_not_understood" if tracker.get_slot("requested_slot") == slot else None

    @classmethod
    def known(cls, value: Any, codes: tuple[str, ...], label: str) -> list[str]:
        """The values among ``codes``, each other value read again as text through the lexicon."""
        kept: list[str] = []
        for item in cls.list_of(value):
            for code in [item] if item in codes else answers.named_values(label, item):
                if code in codes and code not in kept:
                    kept.append(code)
        return kept

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
        """Known substances; a misspelt one the extractor kept as typed ("cocain") is read again."""
        kept = self.known(value, (*SUBSTANCES, answers.UNSURE), "substance")
        return {"substances": kept} if kept else \
            self.refuse(dispatcher, "substances", self.asked("substances", tracker))

    async def extract_use_frequency(self, dispatcher: CollectingDispatcher, tracker: Tracker,
                                    domain: DomainDict) -> dict:
        return self.typed("use_frequency", tracker)

    def validate_use_frequency(self, value: Any, dispatcher, tracker, domain) -> dict:
        """The frequency; it also answers the first AUDIT-C item when it is about drinking."""
        kept = {"use_frequency": validation.frequency(value)}
        first = answers.first_drinking_frequency(value, tracker.get_slot("substances"))
        if first is not None and tracker.get_slot("audit_c_1") is None:
            kept["audit_c_1"] = first
        return kept

    def validate_mental_health(self, value: Any, dispatcher, tracker, domain) -> dict:
        kept = self.known(value, (*MENTAL_HEALTH, "none", answers.UNSURE), "condition")
        return {"mental_health": kept} if kept else \
            self.refuse(dispatcher, "mental_health", self.asked("mental_health", tracker))

    def _score(self, slot: str, value: Any, highest: int) -> dict:
        """A screener item: a button's score or what the answer reader made of the typed text (0 to
        ``highest``), or skipped."""
        if value == answers.SKIPPED_SCORE:
            return {slot: answers.SKIPPED_SCORE}
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
        kept = [duty for duty in self.list_of(value) if duty in ("work", "school", "children", "none", answers.UNSURE)]
        return {"duties": kept} if kept else self.refuse(dispatcher, "duties")


class ValidateReadinessForm(FormValidation):
    def name(self) -> str:
        return "validate_readiness_form"

    def validate_readiness(self, value: Any, dispatcher, tracker, domain) -> dict:
        """0-10 from the answer reader, or skipped (-1)."""
        if value == answers.SKIPPED_SCORE:
            return {"readiness": answers.SKIPPED_SCORE}
        number = validation.readiness(value)
        return {"readiness": float(number) if number is not None else None}

    def validate_schedule(self, value: Any, dispatcher, tracker, domain) -> dict:
        kept = sorted(validation.codes("schedule", self.list_of(value)))
        return {"schedule": kept or ["any"]}


class ValidateSearchForm(FormValidation):
    def name(self) -> str:
        return "validate_search_form"

    async def extract_location(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict) -> dict:
        """A "City, ST" written in the message when no slot mapping found a place (DIET missed it),
        else the typed answer when the place is the question."""
        text = validation.typed_answer(*latest_message(tracker))
        if tracker.get_slot("location") or text is None:
            return {}
        place = place_in_text(text)
        return {"location": place} if place else self.typed("location", tracker)

    async def extract_radius_miles(self, dispatcher: CollectingDispatcher, tracker: Tracker,
                                   domain: DomainDict) -> dict:
        return self.typed("radius_miles", tracker)

    def validate_location(self, value: Any, dispatcher, tracker, domain) -> dict:
        """The place, resolved. A bare city name means its far larger namesake ("Philadelphia":
        Philadelphia, PA), said back so the person can correct it; other ambiguous names are asked
        again with examples. When the place is the question, the whole typed answer is tried first
        ("San Francisco", of which the entity extractor may keep only "San")."""
        said, intent = latest_message(tracker)
        text = place_with_state(str(value or "").strip(), said)
        typed = validation.typed_answer(said, intent) if tracker.get_slot("requested_slot") == "location" else None
        try:
            place = self._resolve(typed, text)
        except UnknownPlaceError:
            return self.refuse(dispatcher, "location", "utter_unknown_place")
        except AmbiguousPlaceError as error:
            if error.likeliest is None:
                examples = "; ".join(candidate.label for candidate in error.candidates[:3])
                return self.refuse(dispatcher, "location", "utter_ambiguous_place", place=text, examples=examples)
            place = error.likeliest
            dispatcher.utter_message(response="utter_place_assumed", place=place.label)
        return {"location": place.label}

    @staticmethod
    def _resolve(typed: str | None, text: str):
        """The typed answer's place when it names one, else the extracted text's."""
        if typed and typed.strip().lower() != text.strip().lower():
            try:
                return get_directory().resolve(typed)
            except UnknownPlaceError:
                pass
        return get_directory().resolve(text)

    def validate_radius_miles(self, value: Any, dispatcher, tracker, domain) -> dict:
        miles = validation.radius_miles(value)
        if miles is None:
            return self.refuse(dispatcher, "radius_miles", "utter_invalid_radius")
        return {"radius_miles": miles}

    def validate_payment(self, value: Any, dispatcher, tracker, domain) -> dict:
        kept = sorted(validation.codes("payment", self.list_of(value)))
        return {"payment": kept or ["any"]}
