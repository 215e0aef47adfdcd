"""The crisis kinds, and what the assistant does on a crisis turn: the one list every part reads (pure).

The crisis guard (``bot.nlu.crisis_guard``) sets ``crisis_<kind>`` on a message that signals danger;
the crisis policy (``bot.crisis_policy``) then runs ``crisis_steps`` ahead of any form, rule or
fallback; slot extraction never reads a crisis message as an answer (``is_crisis``); the generated
rules file, the test stories, the console's summary and the tests all take the kinds from here.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from typing import Any

#: every kind, most urgent first: when a message signals several, the first one named here wins.
#: A body in trouble right now needs 911 before anything else (a child who swallowed pills and will
#: not wake up is 911 first, Poison Control second); violence from or towards another person needs
#: 911 too; thoughts of suicide or self-harm get 988, whose reply also says 911 when something has
#: been taken or someone is hurt.
CRISIS_KINDS: tuple[str, ...] = (
    "overdose", "medical", "poisoning", "withdrawal", "danger", "harm_others", "suicide", "self_harm",
)
CRISIS_PREFIX = "crisis_"
CRISIS_INTENTS: tuple[str, ...] = tuple(CRISIS_PREFIX + kind for kind in CRISIS_KINDS)

#: the languages a crisis reply is written in; the rest of the dialogue is English for now
REPLY_LANGUAGES = ("en", "es")
REPLY_LANGUAGE_SLOT = "reply_language"

#: after the number: stay with the person and offer to continue, start over or talk to a person
OFFER_RESPONSE = "utter_crisis_offer"
DEACTIVATE_FORM = "action_deactivate_loop"
LISTEN = "action_listen"


def crisis_intent(kind: str) -> str:
    """The intent of a kind ("suicide" -> "crisis_suicide")."""
    if kind not in CRISIS_KINDS:
        raise ValueError(f"unknown crisis kind {kind!r}")
    return CRISIS_PREFIX + kind


def kind_of(intent: str | None) -> str | None:
    """The kind of a crisis intent, or None for any other intent."""
    return intent[len(CRISIS_PREFIX):] if intent in CRISIS_INTENTS else None


def is_crisis(intent: str | None) -> bool:
    """Whether ``intent`` is a crisis intent."""
    return intent in CRISIS_INTENTS


def reply_response(kind: str) -> str:
    """The response that gives the number for ``kind``."""
    return f"utter_{crisis_intent(kind)}"


def is_crisis_reply(response: str | None) -> bool:
    """Whether ``response`` is one that gives a crisis number (the channels show it apart)."""
    return response in {reply_response(kind) for kind in CRISIS_KINDS}


def crisis_steps(kind: str, form_active: bool) -> tuple[str, ...]:
    """What a crisis turn runs: the number first (one short message), then the form paused, then the
    offer to go on; then the assistant listens."""
    return (reply_response(kind), *((DEACTIVATE_FORM,) if form_active else ()), OFFER_RESPONSE, LISTEN)


def next_crisis_step(intent: str | None, done: Sequence[str], form_active: bool) -> str | None:
    """The next action of a crisis turn, given the actions ``done`` since the person's message and
    whether a form is still active; None when the message is no crisis or the turn went elsewhere."""
    kind = kind_of(intent)
    if kind is None:
        return None
    steps = crisis_steps(kind, form_active or DEACTIVATE_FORM in done)
    if tuple(done) != steps[: len(done)] or len(done) >= len(steps):
        return None
    return steps[len(done)]


#: what any danger described at the mental-health question answers: a severe psychiatric symptom now
_ACUTE_AT_MENTAL_HEALTH = {"mental_health": ["co_occurring"], "severe_psychiatric": "yes"}
#: a crisis message that also answers the question it came at, with the cautious answer: danger in
#: withdrawal at "did you ever have seizures or DTs when stopping?" is a yes; any danger described at
#: the mental-health question (voices, paranoia, not sleeping for days, wanting to die) is a severe
#: psychiatric symptom now (iop-facts.md: a higher level of care); danger described at the home
#: question is an unsafe home. Used when the same question raised
#: a crisis twice (``question_at_crisis``): the crisis reply always comes first, and the first time the
#: form asks the same question again.
CRISIS_ANSWERS: dict[tuple[str, str], dict[str, Any]] = {
    ("withdrawal_history", "withdrawal"): {"withdrawal_history": "yes"},
    ("home_safe", "danger"): {"home_safe": "no"},
    ("home_safe", "harm_others"): {"home_safe": "no"},
    **{("mental_health", kind): _ACUTE_AT_MENTAL_HEALTH for kind in CRISIS_KINDS},
}


def question_at_crisis(events: Iterable[Mapping[str, Any]]) -> tuple[str, str] | None:
    """(question slot, kind) when the latest crisis message was the second (or later) one in a row at
    the same question: the form goes back to a question after a crisis, and the same answer raising the
    same reply again means it is the person's answer (a loop, else)."""
    requested: str | None = None
    found: tuple[str, str] | None = None
    times = 0
    for event in events:
        if event.get("event") == "slot" and event.get("name") == "requested_slot" and event.get("value"):
            if event.get("value") != requested:
                requested, times = event.get("value"), 0
        elif event.get("event") == "user":
            kind = kind_of((event.get("parse_data") or {}).get("intent", {}).get("name"))
            if kind is not None:  # "keep going" after the crisis reply neither counts nor resets
                times = times + 1 if requested else 0
                found = (requested, kind) if requested and times >= 2 else None
    return found
