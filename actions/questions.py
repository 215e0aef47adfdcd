"""Questions whose options depend on earlier answers: the buttons come from the domain's own."""

from __future__ import annotations

from typing import Any

from rasa_sdk import Action, Tracker
from rasa_sdk.events import EventType
from rasa_sdk.executor import CollectingDispatcher
from rasa_sdk.types import DomainDict


def buttons_for(domain: DomainDict, response: str, codes: list[str]) -> list[dict[str, Any]]:
    """The buttons of ``response``'s first variation whose payload names one of ``codes``, in its order,
    with the payload's template braces unescaped (``{{`` is ``{`` once a response is filled)."""
    variations = domain.get("responses", {}).get(response) or [{}]
    return [{**button, "payload": button["payload"].replace("{{", "{").replace("}}", "}")}
            for button in variations[0].get("buttons", [])
            if any(f'"{code}"' in button.get("payload", "") for code in codes)]


class ActionAskDailySubstances(Action):
    """"Which of them do you use every day?": a button for each substance named, then all / none."""

    def name(self) -> str:
        return "action_ask_daily_substances"

    async def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict) -> list[EventType]:
        named = [str(code) for code in tracker.get_slot("substances") or []]
        dispatcher.utter_message(response="utter_ask_daily_substances",
                                 buttons=buttons_for(domain, "utter_ask_substances", named))
        return []


class ActionAskCanCommitHours(Action):
    """"Could you fit about 9 hours a week in, and when?": for someone under 18, the teen version
    (teen IOPs run about 6 hours a week, iop-facts.md "Age and special populations")."""

    def name(self) -> str:
        return "action_ask_can_commit_hours"

    async def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict) -> list[EventType]:
        teen = tracker.get_slot("age_band") == "under_18"
        dispatcher.utter_message(response="utter_ask_can_commit_hours_teen" if teen else "utter_ask_can_commit_hours")
        return []
