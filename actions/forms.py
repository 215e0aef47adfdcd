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
from actions.level_of_care import SEIZURE_RISK_SUBSTANCES
from actions.place_text import place_in_text, place_with_state, read_as_another_name
from actions.progress import AGE_BANDS, needed_slots
from actions.tracking import (
    answered_something_new,
    latest_message,
    question_answered_since_latest_message,
    slots_before_latest_message,
    times_asked_in_a_row,
)
from directory.geocoding import AmbiguousPlaceError, UnknownPlaceError

#: how many answers in a row the question being asked could not read
MISSES_SLOT = "unread_answers"
SUBSTANCES = ("alcohol", "opioids", "stimulants", "cannabis", "sedatives", "other_substances")
MENTAL_HEALTH = ("depression", "bipolar", "eating_disorders", "anxiety", "trauma", "co_occurring")
#: after this many asks for a place that could not be found, the reply adds other ways (a ZIP code, the
#: state alone, the helpline by phone): a place question has no "not sure" to fall back on
PLACE_TRIES_BEFORE_HELP = 2


class FormValidation(FormValidationAction, ABC):
    """Shared helpers: keep a value, or refuse it with a response that says what is expected."""

    @abstractmethod
    def name(self) -> str: ...

    async def required_slots(
        self, domain_slots: list[str], dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> list[str]:
        """The form's questions that apply to the answers so far (``actions.progress.needed_slots``:
        AUDIT-C when alcohol is named, PHQ-2 when a mood concern is, ...), the answers as validation
        will leave them: words in passing never change an earlier answer (``get_validation_events``), so
        "on the coke nights 6 to 8" at the drinks question does not make the substances "cocaine" alone
        and the drinking questions vanish (it once left that question asked 35 times)."""
        settled = {**tracker.current_slot_values(), **self._earlier_answers(domain_slots, tracker)}
        needed = needed_slots(self.name().removeprefix("validate_"), settled)
        return [slot for slot in domain_slots if slot in needed]

    @staticmethod
    def _earlier_answers(form_slots: list[str], tracker: Tracker) -> dict[str, Any]:
        """The answers given before the latest message to this form's questions other than the one being
        asked: words in passing never change them, only their own question does."""
        requested, before = tracker.get_slot("requested_slot"), slots_before_latest_message(tracker)
        return {slot: before[slot] for slot in form_slots if slot != requested and before.get(slot) is not None}

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
        nothing gets "sorry, I didn't understand" once (the form then asks again with its options); the
        second miss in a row moves on with the question's "not sure" value. A question without a reader
        (the place, the way to pay) leaves the message to its ``validate_<slot>``."""
        events = await super().get_extraction_events(dispatcher, tracker, domain)
        requested = tracker.get_slot("requested_slot")
        required = await self.required_slots(self.domain_slots(domain), dispatcher, tracker, domain)
        if requested not in required:
            return events
        if tracker.slots.get(requested) is not None:  # a button, an entity or extract_<slot> answered it
            tracker.slots[MISSES_SLOT] = 0.0
            return [*events, *self._read_again(requested, tracker)]
        text, intent = latest_message(tracker)
        answering = answers.answering(text, intent, requested)
        value = answers.read_answer(requested, text) if answering else None
        if value is None and answering and requested in answers.SUPPORT_SLOTS \
                and tracker.get_slot("who_for") == "loved_one" and answers.asker_named(text):
            value = "yes"  # "me", from the one asking for their son
        if value is None and requested in answers.SKIP_VALUES \
                and times_asked_in_a_row(tracker, requested) >= answers.ASKS_BEFORE_MOVING_ON:
            dispatcher.utter_message(response="utter_moving_on")  # asked again and again: asides, crises
            tracker.slots[requested], tracker.slots[MISSES_SLOT] = answers.SKIP_VALUES[requested], 0.0
            return [*events, SlotSet(requested, answers.SKIP_VALUES[requested])]
        if not answering:
            return events
        asked_and_answered = intent == "faq" and question_answered_since_latest_message(tracker)
        if value is None and (asked_and_answered or answered_something_new(tracker, ignore={MISSES_SLOT})):
            return events  # a question answered, or a new answer to another question (a place, a substance)
        if requested not in answers.READERS:  # its validator reads the message itself (a place, a way to pay)
            return [*events, SlotSet(requested, None)]
        misses = 0 if value is not None else int(tracker.get_slot(MISSES_SLOT) or 0) + 1
        if misses >= answers.MISSES_BEFORE_MOVING_ON and requested in answers.SKIP_VALUES:
            dispatcher.utter_message(response="utter_moving_on")
            value, misses = answers.SKIP_VALUES[requested], 0
        elif misses:
            dispatcher.utter_message(response="utter_not_understood")
        tracker.slots[requested], tracker.slots[MISSES_SLOT] = value, float(misses)
        return [*events, SlotSet(requested, value)] if value is not None else events

    @staticmethod
    def _read_again(requested: str, tracker: Tracker) -> list[EventType]:
        """A yes/no answer typed in words is read by its words, not by the intent the classifier gave it
        ("probably not with classes" taken for "affirm"); a button's payload is kept as it is."""
        text = validation.typed_answer(latest_message(tracker)[0], None)
        if requested not in answers.YES_NO_READERS or text is None:
            return []
        read = answers.read_answer(requested, text)
        if read is None or read == tracker.slots.get(requested):
            return []
        tracker.slots[requested] = read
        return [SlotSet(requested, read)]

    async def get_validation_events(self, dispatcher: CollectingDispatcher, tracker: Tracker,
                                    domain: DomainDict) -> list[EventType]:
        """The validated answers, except that an answer given earlier to another question of this form
        is never overwritten by words in passing ("like 7 days a week" at another question): a slot
        changes only when its question is asked."""
        events = await super().get_validation_events(dispatcher, tracker, domain)
        earlier_answers = self._earlier_answers(self.domain_slots(domain), tracker)
        kept = []
        for event in events:
            slot = event.get("name")
            earlier = earlier_answers.get(slot)
            if earlier is not None and event.get("value") != earlier:
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

    def validate_substances(self, value: Any, dispatcher, tracker, domain) -> dict:
        """Known substances; a misspelt one the extractor kept as typed ("cocain") is read again."""
        text, _ = latest_message(tracker)
        typed = answers.named_values("substance", text) if tracker.get_slot("requested_slot") == "substances" else []
        kept = self.known([*self.list_of(value), *typed], (*SUBSTANCES, answers.UNSURE), "substance")
        return {"substances": kept} if kept else \
            self.refuse(dispatcher, "substances", self.asked("substances", tracker))

    async def extract_use_frequency(self, dispatcher: CollectingDispatcher, tracker: Tracker,
                                    domain: DomainDict) -> dict:
        """The typed answer when it says how often (kept whole: it may say it per substance); other
        words are not an answer ("can I keep my job?"): the form says so and asks again."""
        typed = self.typed("use_frequency", tracker)
        text = typed.get("use_frequency")
        readable = text == answers.UNSURE or validation.frequency(text) in validation.FREQUENCY_CODES
        return typed if readable else {}

    async def extract_age_band(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict) -> dict:
        """An age said in passing in any message so far ("my 16 yo son"): the question is not asked."""
        if tracker.get_slot("age_band") is not None:
            return {}
        for_self = tracker.get_slot("who_for") != "loved_one"
        texts = [event.get("text") for event in tracker.events if event.get("event") == "user"]
        band = next((band for text in texts if (band := answers.age_in_passing(text, for_self=for_self))), None)
        return {"age_band": band} if band else {}

    def validate_age_band(self, value: Any, dispatcher, tracker, domain) -> dict:
        band = value if value in (*AGE_BANDS, answers.UNSURE) else answers.age_band(value)
        return {"age_band": band} if band else self.refuse(dispatcher, "age_band", self.asked("age_band", tracker))

    def validate_use_frequency(self, value: Any, dispatcher, tracker, domain) -> dict:
        """The frequency; for several substances, the heaviest, and which ones are used daily when the
        answer says it per substance. It also answers the first AUDIT-C item when it is about drinking."""
        # the words, whether said here or in passing at another question (a button: its value)
        said = validation.typed_answer(latest_message(tracker)[0], None) or value
        code = validation.frequency(value)  # an entity's value ("once") may say less than the words do
        if code not in validation.FREQUENCY_CODES:
            code = validation.frequency(said)
        if code not in validation.FREQUENCY_CODES and tracker.get_slot("requested_slot") != "use_frequency":
            return {"use_frequency": None}  # words in passing that say no frequency: its question asks later
        kept: dict[str, Any] = {"use_frequency": code}
        by_substance = answers.frequency_by_substance(said, tracker.get_slot("substances"))
        if by_substance:
            kept["use_frequency"] = min(by_substance.values(), key=validation.FREQUENCY_CODES.index)
            if tracker.get_slot("daily_substances") is None:
                kept["daily_substances"] = [code for code, how in by_substance.items() if how == "daily"] or ["none"]
        named = self.list_of(tracker.get_slot("substances"))
        first_time = slots_before_latest_message(tracker).get("use_frequency") is None  # the note is said once
        if first_time and kept["use_frequency"] == "daily" and ("daily_substances" in kept or len(named) < 2):
            self.withdrawal_note(dispatcher, kept.get("daily_substances", named))
        first = answers.first_drinking_frequency(said, tracker.get_slot("substances"))
        if first is not None and tracker.get_slot("audit_c_1") is None:
            kept["audit_c_1"] = first
        return kept

    def validate_daily_substances(self, value: Any, dispatcher, tracker, domain) -> dict:
        """Which of the substances named are used daily ("all of them": every one)."""
        named = self.list_of(tracker.get_slot("substances"))
        values = self.list_of(value)
        if "all" in values:
            values = named
        kept = [code for code in self.known(values, (*SUBSTANCES, "none", answers.UNSURE), "substance")
                if code in named or code in ("none", answers.UNSURE)]
        if not kept:
            return self.refuse(dispatcher, "daily_substances", self.asked("daily_substances", tracker))
        self.withdrawal_note(dispatcher, named if answers.UNSURE in kept else kept)
        return {"daily_substances": kept}

    @staticmethod
    def withdrawal_note(dispatcher: CollectingDispatcher, used_daily: list[str]) -> None:
        """Daily drinking or benzos: stopping suddenly can be dangerous, said as soon as it is known."""
        if SEIZURE_RISK_SUBSTANCES & set(used_daily):
            dispatcher.utter_message(response="utter_withdrawal_safety_note")

    def validate_recent_discharge(self, value: Any, dispatcher, tracker, domain) -> dict:
        """Just out of care answers "treatment before?" too: it is not asked."""
        if value == "yes" and tracker.get_slot("prior_treatment") is None:
            return {"recent_discharge": value, "prior_treatment": "yes"}
        return {"recent_discharge": value}

    def validate_mental_health(self, value: Any, dispatcher, tracker, domain) -> dict:
        """Conditions named; psychosis or mania described now ("he hears voices") is also a severe
        psychiatric symptom (a higher level of care)."""
        kept = self.known(value, (*MENTAL_HEALTH, "none", answers.UNSURE), "condition")
        text, _ = latest_message(tracker)
        severe = tracker.get_slot("requested_slot") == "mental_health" and answers.severe_psychiatric_signs(text)
        if severe:
            return {"mental_health": [code for code in kept if code != "none"] or ["co_occurring"],
                    "severe_psychiatric": "yes"}
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
        """The times; what they must fit around ("evenings, i work days") is kept for the handoff note."""
        kept: dict[str, Any] = {"schedule": sorted(validation.codes("schedule", self.list_of(value))) or ["any"]}
        duties = answers.duties(latest_message(tracker)[0])
        if duties and not tracker.get_slot("duties"):
            kept["duties"] = duties
        return kept


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

    def validate_location(self, value: Any, dispatcher, tracker, domain) -> dict:
        """The place, resolved. A bare city name means its far larger namesake ("Philadelphia":
        Philadelphia, PA), said back so the person can correct it; other ambiguous names are asked
        again with examples. When the place is the question, the whole typed answer is tried first
        ("San Francisco", of which the entity extractor may keep only "San"). A distance said with it
        ("22902 within 10 miles") sets the radius."""
        said, intent = latest_message(tracker)
        text = place_with_state(str(value or "").strip(), said)
        typed = validation.typed_answer(said, intent) if tracker.get_slot("requested_slot") == "location" else None
        typed = typed or place_in_text(validation.typed_answer(said, None))  # "near New York, NY that ..."
        try:
            place = self._resolve(typed, text)
        except UnknownPlaceError:
            again = times_asked_in_a_row(tracker, "location") >= PLACE_TRIES_BEFORE_HELP
            return self.refuse(dispatcher, "location", "utter_unknown_place_again" if again else "utter_unknown_place")
        except AmbiguousPlaceError as error:
            if error.likeliest is None:
                examples = "; ".join(candidate.label for candidate in error.candidates[:3])
                return self.refuse(dispatcher, "location", "utter_ambiguous_place", place=text, examples=examples)
            place = error.likeliest
            dispatcher.utter_message(response="utter_place_assumed", place=place.label)
        else:
            if read_as_another_name(typed or text, place.label):  # "tuscon az": Tucson, AZ, said back
                dispatcher.utter_message(response="utter_place_assumed", place=place.label)
        miles = validation.radius_miles(next(tracker.get_latest_entity_values("distance"), None))
        return {"location": place.label, **({"radius_miles": miles} if miles else {})}

    @staticmethod
    def _resolve(typed: str | None, text: str):
        """The typed answer's place (or the "City, ST" written in the message) when it names one, else
        the extracted text's (the entity extractor may keep only "NY" of "New York, NY")."""
        if typed and typed.strip().lower() != text.strip().lower():
            try:
                return get_directory().resolve(typed)
            except UnknownPlaceError:
                pass
        return get_directory().resolve(text)

    def validate_extras_asked(self, value: Any, dispatcher, tracker, domain) -> dict:
        """"Anything else?": any answer ends the question; a group asked for ("a women's program", "people
        my age") is a must, one kept away ("i can't be around men") is not."""
        said, intent = latest_message(tracker)
        typed = validation.typed_answer(said, intent)
        named = answers.populations_asked(typed, tracker.get_slot("age_band")) if typed else [
            str(code) for code in tracker.get_latest_entity_values("population")]
        if tracker.get_slot("requested_slot") != "extras_asked" or not named:
            return {"extras_asked": value}
        earlier = self.list_of(tracker.get_slot("population"))
        return {"extras_asked": value, "population": list(dict.fromkeys([*earlier, *named]))}

    def validate_payment(self, value: Any, dispatcher, tracker, domain) -> dict:
        kept = sorted(validation.codes("payment", self.list_of(value)))
        return {"payment": kept or ["any"]}
