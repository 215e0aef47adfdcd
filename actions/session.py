"""Starting over, and picking the dialogue up again after a pause."""

from __future__ import annotations

from rasa_sdk import Action, Tracker
from rasa_sdk.events import ActiveLoop, AllSlotsReset, EventType, FollowupAction
from rasa_sdk.executor import CollectingDispatcher
from rasa_sdk.types import DomainDict

from actions.progress import FORMS, SEARCH_FORM, next_step, paused_form


class ActionStartOver(Action):
    def name(self) -> str:
        return "action_start_over"

    async def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict) -> list[EventType]:
        dispatcher.utter_message(response="utter_starting_over")
        return [AllSlotsReset()]


class ActionResume(Action):
    """Picks the dialogue up again: reopens the paused form, repeats the question, or runs the step."""

    def name(self) -> str:
        return "action_resume"

    async def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict) -> list[EventType]:
        dispatcher.utter_message(response="utter_welcome_back")
        slots = tracker.current_slot_values()
        step = paused_form(tracker.events, slots) or next_step(slots)
        if step == SEARCH_FORM or step in dict(FORMS):
            return [ActiveLoop(step)]
        if step.startswith("utter_"):
            dispatcher.utter_message(response=step)
            return []
        return [FollowupAction(step)]


class ActionNotUnderstood(Action):
    """"Didn't get that" (or "I can only help with ..." for an off-topic message) outside the forms,
    then the question the dialogue waits on, so such a message never leaves the person with nothing
    to answer ("for you or someone else?" at the start, the results' options later)."""

    def name(self) -> str:
        return "action_not_understood"

    async def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict) -> list[EventType]:
        intent = (tracker.latest_message.get("intent") or {}).get("name")
        dispatcher.utter_message(response="utter_out_of_scope" if intent == "out_of_scope" else "utter_default")
        step = next_step(tracker.current_slot_values())
        if step.startswith("utter_"):
            dispatcher.utter_message(response=step)
        return []


class ActionClose(Action):
    """The close: what to ask a programme, what the first week is like, and the helpline."""

    def name(self) -> str:
        return "action_close"

    async def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict) -> list[EventType]:
        for response in ("utter_faq/what_to_ask", "utter_faq/first_week", "utter_helpline_reminder"):
            dispatcher.utter_message(response=response)
        return []
