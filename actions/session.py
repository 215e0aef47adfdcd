"""Starting over, and picking the dialogue up again after a pause."""

from __future__ import annotations

from typing import Any

from rasa_sdk import Action, Tracker
from rasa_sdk.events import ActiveLoop, AllSlotsReset, EventType, FollowupAction, SlotSet
from rasa_sdk.executor import CollectingDispatcher
from rasa_sdk.types import DomainDict

from actions import answers, validation
from actions.answers import SKIP_VALUES
from actions.crisis import CRISIS_ANSWERS, question_at_crisis
from actions.directory_access import get_directory
from actions.place_text import place_in_text
from actions.progress import FORMS, SEARCH_FORM, next_step, paused_form
from actions.tracking import answered_something_new, latest_message
from directory.geocoding import AmbiguousPlaceError, UnknownPlaceError


class ActionStartOver(Action):
    def name(self) -> str:
        return "action_start_over"

    async def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict) -> list[EventType]:
        dispatcher.utter_message(response="utter_starting_over")
        return [AllSlotsReset()]


class ActionOfferQuestions(Action):
    """A search asked for before any question: the offer of the questions first (they tell whether a
    detox or a residential stay should come before an IOP), keeping a "City, ST" the request named
    ("IOPs near New York, NY that take medicaid") for the search."""

    def name(self) -> str:
        return "action_offer_questions"

    async def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict) -> list[EventType]:
        dispatcher.utter_message(response="utter_questions_first")
        said = validation.typed_answer(latest_message(tracker)[0], None)
        extracted = str(tracker.get_slot("location") or "")
        place = _resolved(place_in_text(said) or "") or _resolved(extracted)
        return [SlotSet("location", place)] if place != (extracted or None) else []


def _resolved(place: str) -> str | None:
    """The directory's label for a place named ("Kansas City, MO"), or its likeliest namesake; None
    when it names nothing known (the search form asks for the place then)."""
    if not place.strip():
        return None
    try:
        return get_directory().resolve(place).label
    except AmbiguousPlaceError as error:
        return error.likeliest.label if error.likeliest else None
    except UnknownPlaceError:
        return None


def answers_after_crisis(events: list[dict[str, Any]], slots: dict[str, Any]) -> dict[str, Any]:
    """The answers a crisis message leaves to the question it came at when it was the second in a row
    there (``actions.crisis.question_at_crisis``) and the person chose to go on: the cautious answer it
    gives (``actions.crisis.CRISIS_ANSWERS``), else "not sure". Asking a third time would bring the
    same answer and the same crisis reply, a loop."""
    asked = question_at_crisis(events)
    if asked is None or slots.get(asked[0]) is not None:
        return {}
    slot, kind = asked
    if (slot, kind) in CRISIS_ANSWERS:
        return dict(CRISIS_ANSWERS[slot, kind])
    return {slot: SKIP_VALUES[slot]} if slot in SKIP_VALUES else {}


class ActionResume(Action):
    """Picks the dialogue up again: reopens the paused form, repeats the question, or runs the step. A
    second crisis message at the same question leaves it answered (``answers_after_crisis``), so the
    form goes on to the next one."""

    def name(self) -> str:
        return "action_resume"

    async def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict) -> list[EventType]:
        dispatcher.utter_message(response="utter_welcome_back")
        slots = tracker.current_slot_values()
        events = [SlotSet(slot, value) for slot, value in answers_after_crisis(tracker.events, slots).items()]
        slots.update({event["name"]: event["value"] for event in events})
        step = paused_form(tracker.events, slots) or next_step(slots)
        if step == SEARCH_FORM or step in dict(FORMS):
            return [*events, ActiveLoop(step)]
        if step.startswith("utter_"):
            dispatcher.utter_message(response=step)
            return events
        return [*events, FollowupAction(step)]


class ActionNotUnderstood(Action):
    """"Didn't get that" (or "I can only help with ..." for an off-topic message) outside the forms,
    then the question the dialogue waits on, so such a message never leaves the person with nothing
    to answer ("for you or someone else?" at the start, the search's next question, the results'
    options later). At "for you or someone else?", an answer in words the classifier missed ("Me. I'm
    a vet.") is read and the needs questions start; once a search has begun, a message that filled a
    slot ("philadelphia") goes on with the search without "didn't get that"."""

    def name(self) -> str:
        return "action_not_understood"

    async def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict) -> list[EventType]:
        text, intent = latest_message(tracker)
        step = next_step(tracker.current_slot_values())
        who = answers.who_for(text) if step == "utter_ask_who_for" else None
        if who:  # "Me. I'm a vet.": the answer to "for you or someone else?" in words the classifier missed
            return [SlotSet("who_for", who), FollowupAction(FORMS[0][0])]
        if step == SEARCH_FORM and answered_something_new(tracker):  # "philadelphia" once a search has begun
            return [FollowupAction(SEARCH_FORM)]
        dispatcher.utter_message(response="utter_out_of_scope" if intent == "out_of_scope" else "utter_default")
        if step.startswith("utter_"):
            dispatcher.utter_message(response=step)
        return [FollowupAction(SEARCH_FORM)] if step == SEARCH_FORM else []


class ActionClose(Action):
    """The close: what to ask a programme, what the first week is like, and the helpline."""

    def name(self) -> str:
        return "action_close"

    async def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict) -> list[EventType]:
        for response in ("utter_faq/what_to_ask", "utter_faq/first_week", "utter_helpline_reminder"):
            dispatcher.utter_message(response=response)
        return []
