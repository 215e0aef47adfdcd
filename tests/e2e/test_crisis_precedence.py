"""A crisis wins over every question: the matrix of every point where the assistant waits x every kind.

Each cell forks the conversation at one point (`conversation_states`), sends one crisis message of
one kind over REST to the real Rasa and action servers, and checks: the crisis turn ran exactly
(the number in one short message, the form paused, the offer), no slot took anything from the
message, and "Keep going" (typed, not tapped; "Seguir" after a Spanish reply) picks the dialogue up
at the same question. The messages name substances,
places and numbers on purpose: each one would answer some question if it were not a crisis.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from actions.crisis import CRISIS_KINDS, crisis_steps, reply_response
from actions.progress import FORMS, SEARCH_FORM, SEARCH_REQUIRED
from bench.conversation_states import Rasa, State, every_question
from bot.servers import Assistant, assistant
from tests.bot.crisis_phrasings import NUMBER, PRECEDENCE_MESSAGES, SPANISH_MESSAGE
from tests.e2e.conftest import MODEL, RASA_API_TOKEN

OUTSIDE_FORMS = ("greeting", "faq answered", "results", "close")
FORM_QUESTIONS = tuple(f"{form}:{slot}" for form, slots in (*FORMS, (SEARCH_FORM, SEARCH_REQUIRED)) for slot in slots)
POSITIONS = (*OUTSIDE_FORMS[:2], *FORM_QUESTIONS, *OUTSIDE_FORMS[2:])
#: what "/continue" asks again outside a form: the question that was pending, or the next step
RESUMED_OUTSIDE = {"greeting": "utter_ask_who_for", "faq answered": "utter_ask_who_for",
                   "results": "utter_results_next", "close": "utter_results_next"}
CELLS = [(position, kind) for position in POSITIONS for kind in (*CRISIS_KINDS, "spanish")]
CONTINUE_BUTTONS = ["/continue", "/start_over", "/ask_human"]


@pytest.fixture(scope="module")
def rasa(running_assistant: Assistant) -> Rasa:
    return Rasa(running_assistant.rasa_url, RASA_API_TOKEN)


@pytest.fixture(scope="module")
def states(rasa: Rasa) -> dict[str, State]:
    return {state.name: state for state in every_question(rasa)}


def test_the_walk_reaches_every_question(states: dict[str, State]) -> None:
    assert set(POSITIONS) <= set(states), sorted(set(POSITIONS) - set(states))


def bot_responses(events: list[dict[str, Any]]) -> list[str]:
    return [(event.get("metadata") or {}).get("utter_action") for event in events if event["event"] == "bot"]


@pytest.mark.parametrize(("position", "kind"), CELLS)
def test_a_crisis_is_answered_first_and_the_dialogue_resumes(rasa: Rasa, states: dict[str, State],
                                                          position: str, kind: str) -> None:
    state = states[position]
    expected_kind = "suicide" if kind == "spanish" else kind
    sender = rasa.fork(state)

    replies = rasa.say(sender, SPANISH_MESSAGE if kind == "spanish" else PRECEDENCE_MESSAGES[kind])
    events = rasa.tracker(sender)["events"][len(state.events):]
    actions = [event["name"] for event in events if event["event"] == "action"]
    assert actions == list(crisis_steps(expected_kind, form_active=state.active_loop is not None))
    assert bot_responses(events) == [reply_response(expected_kind), "utter_crisis_offer"]
    first, offer = replies
    assert NUMBER[expected_kind] in first["text"][:40] and len(first["text"]) <= 200, first["text"]
    assert [button["payload"] for button in offer["buttons"]] == CONTINUE_BUTTONS
    if kind == "spanish":
        assert "marca 2" in first["text"] and offer["buttons"][0]["title"] == "Seguir"
    filled = {event["name"] for event in events if event["event"] == "slot"} - {"requested_slot", "reply_language"}
    assert filled == set(), f"the crisis message filled {filled}"

    rasa.say(sender, offer["buttons"][0]["title"])  # typed, as a person who never taps: "Keep going", "Seguir"
    tracker = rasa.tracker(sender)
    resumed = tracker["events"][len(state.events) + len(events):]
    if state.active_loop:
        assert (tracker.get("active_loop") or {}).get("name") == state.active_loop
        assert tracker["slots"]["requested_slot"] == state.requested_slot
        assert bot_responses(resumed)[-1] == f"utter_ask_{state.requested_slot}"
    else:
        assert bot_responses(resumed)[-1] == RESUMED_OUTSIDE[position]


@pytest.fixture(scope="module")
def without_actions(tmp_path_factory: pytest.TempPathFactory, demo_database: Path) -> Iterator[Rasa]:
    """A second Rasa server on the same model whose action server is down (nothing answers its endpoint)."""
    with assistant(MODEL, demo_database, tmp_path_factory.mktemp("no-actions"), with_actions=False,
                   extra_env={"RASA_API_TOKEN": RASA_API_TOKEN}) as running:
        yield Rasa(running.rasa_url, RASA_API_TOKEN)


@pytest.mark.parametrize("position", ["greeting", "needs_form:use_frequency", "support_form:home_safe",
                                      "search_form:location", "results"])
@pytest.mark.parametrize("kind", (*CRISIS_KINDS, "spanish"))
def test_a_crisis_is_answered_with_the_action_server_down(without_actions: Rasa, states: dict[str, State],
                                                         position: str, kind: str) -> None:
    """Crisis replies are responses and Rasa's own actions: they never wait for the action server."""
    state = states[position]
    sender = without_actions.fork(state)
    replies = without_actions.say(sender, SPANISH_MESSAGE if kind == "spanish" else PRECEDENCE_MESSAGES[kind])
    expected_kind = "suicide" if kind == "spanish" else kind
    assert NUMBER[expected_kind] in replies[0].get("text", "")[:40], replies
    assert [button["payload"] for button in replies[-1]["buttons"]] == CONTINUE_BUTTONS
    events = without_actions.tracker(sender)["events"][len(state.events):]
    assert [e["name"] for e in events if e["event"] == "action"] == list(
        crisis_steps(expected_kind, form_active=state.active_loop is not None))
