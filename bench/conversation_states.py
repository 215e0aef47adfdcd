"""Every point where the assistant waits for an answer, reached once by a typed conversation and then
forked: Rasa's HTTP API copies a conversation's events into a new one, so a test or a benchmark can
try many messages at the same question without walking there again. Needs Rasa's API token.
"""

from __future__ import annotations

import itertools
from dataclasses import dataclass
from typing import Any

import requests

_ids = itertools.count()

#: typed answers for the questions a button would also answer; other questions get their first button
#: (the frequency answer says nothing of how often a drink, so the first AUDIT-C item is still asked)
#: typed answers that reach the questions asked only after some answers: which substance is daily
#: (several named, "every day"), treatment before (no recent discharge), family taking part (for
#: someone else), the times (hours "not sure"); every other question takes its first button
TYPED = {"age_band": "30", "substances": "alcohol and weed", "use_frequency": "every day",
         "mental_health": "depression", "recent_discharge": "no", "readiness": "8", "can_commit_hours": "not sure",
         "location": "10001", "payment": "medicaid", "extras_asked": "no thats all"}


@dataclass(frozen=True)
class State:
    """A point of the conversation: where it waits, and the events that led there."""

    name: str
    active_loop: str | None
    requested_slot: str | None
    events: list[dict[str, Any]]


class Rasa:
    """The Rasa server's REST channel and HTTP API."""

    def __init__(self, url: str, token: str) -> None:
        self.url = url
        self.token = token
        self.session = requests.Session()

    def say(self, sender: str, text: str) -> list[dict[str, Any]]:
        response = self.session.post(f"{self.url}/webhooks/rest/webhook", json={"sender": sender, "message": text},
                                     timeout=60)
        response.raise_for_status()
        return response.json()

    def tracker(self, sender: str) -> dict[str, Any]:
        response = self.session.get(f"{self.url}/conversations/{sender}/tracker",
                                    params={"token": self.token, "include_events": "ALL"}, timeout=60)
        response.raise_for_status()
        return response.json()

    def fork(self, state: State) -> str:
        """A new conversation holding ``state``'s events; its sender id."""
        sender = f"fork-{next(_ids)}"
        response = self.session.put(f"{self.url}/conversations/{sender}/tracker/events",
                                    params={"token": self.token}, json=[_storable(e) for e in state.events], timeout=60)
        response.raise_for_status()
        return sender

    def state(self, name: str, sender: str) -> State:
        tracker = self.tracker(sender)
        return State(name, (tracker.get("active_loop") or {}).get("name"), tracker["slots"].get("requested_slot"),
                     tracker["events"])


def _storable(event: dict[str, Any]) -> dict[str, Any]:
    """An event as Rasa's API accepts it back: spaCy's entities come out with "confidence": null,
    which the API's own schema refuses, so those nulls are left out."""
    parse = event.get("parse_data")
    if not parse or not parse.get("entities"):
        return event
    entities = [{key: value for key, value in entity.items() if value is not None} for entity in parse["entities"]]
    return {**event, "parse_data": {**parse, "entities": entities}}


def every_question(rasa: Rasa) -> list[State]:
    """The greeting's question, every question of every form (AUDIT-C and PHQ-2 included), the results,
    an answered FAQ question and the close, each as the conversation stands while waiting there."""
    states = [_after_faq(rasa), _after_greeting(rasa)]
    sender = f"walk-{next(_ids)}"
    replies = rasa.say(sender, "hi")
    replies = rasa.say(sender, "for my brother")
    for _ in range(40):
        tracker = rasa.tracker(sender)
        loop, slot = (tracker.get("active_loop") or {}).get("name"), tracker["slots"].get("requested_slot")
        if loop is None:
            break
        states.append(State(f"{loop}:{slot}", loop, slot, tracker["events"]))
        buttons = [button["payload"] for reply in replies for button in reply.get("buttons") or ()]
        replies = rasa.say(sender, TYPED.get(slot) or buttons[0])
    states.append(rasa.state("results", sender))
    rasa.say(sender, "thanks")
    states.append(rasa.state("close", sender))
    return states


def _after_greeting(rasa: Rasa) -> State:
    sender = f"greeting-{next(_ids)}"
    rasa.say(sender, "hi")
    return rasa.state("greeting", sender)


def _after_faq(rasa: Rasa) -> State:
    sender = f"faq-{next(_ids)}"
    rasa.say(sender, "what is an iop?")
    return rasa.state("faq answered", sender)
