"""Handing over to a person: the helpline configured for this deployment."""

from __future__ import annotations

import os
from collections.abc import Mapping

from rasa_sdk import Action, Tracker
from rasa_sdk.events import EventType, SlotSet
from rasa_sdk.executor import CollectingDispatcher
from rasa_sdk.types import DomainDict

HELPLINE_ENV = "IOP_HELPLINE_NUMBER"
DEFAULT_HELPLINE = "1-800-662-4357"  # SAMHSA National Helpline: free, confidential, 24/7, English and Spanish


def helpline_number(environ: Mapping[str, str]) -> str:
    """The number to hand people over to: `IOP_HELPLINE_NUMBER` when set and not blank, else SAMHSA's."""
    return environ.get(HELPLINE_ENV, "").strip() or DEFAULT_HELPLINE


class ActionHandoffHuman(Action):
    """Names the helpline where the person can talk to someone, and records it in `helpline_number`."""

    def name(self) -> str:
        return "action_handoff_human"

    async def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict) -> list[EventType]:
        number = helpline_number(os.environ)
        dispatcher.utter_message(response="utter_handoff_human", helpline_number=number)
        return [SlotSet("helpline_number", number)]
