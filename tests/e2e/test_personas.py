"""A handful of the simulated users of `bench/conversations.py`, typing every answer (never a tap),
one per level of care: each must reach results with the level of care its author expected, with no
crisis reply to an ordinary answer (only to a sign of danger) and at most three answers not
understood on the way."""

from __future__ import annotations

import pytest

from bench.conversation_states import Rasa
from bench.conversations import Conversation, load_personas
from bot.servers import Assistant
from tests.e2e.conftest import RASA_API_TOKEN

#: one per level, a loved one and the person themselves, a teen, an older adult, an answer skipped
PERSONAS = ("son-dts", "husband-drinks-home", "aunt-72-hospital", "daughter-15-weed", "retiree-wine-67",
            "opiates-skipper")
#: crisis replies a persona's own words call for: "is this private? my husband checks my phone" is a
#: controlling partner, and the domestic violence hotline is the right answer to it
CRISIS_REPLIES = {"husband-drinks-home": 1}


@pytest.fixture(scope="module")
def rasa(running_assistant: Assistant) -> Rasa:
    return Rasa(running_assistant.rasa_url, RASA_API_TOKEN)


@pytest.mark.parametrize("name", PERSONAS)
def test_a_person_who_only_types_reaches_results_with_the_expected_level(rasa: Rasa, name: str) -> None:
    persona = next(persona for persona in load_personas() if persona.name == name)
    outcome = Conversation(rasa, persona, "typed").play()
    assert outcome.reached_results, outcome
    assert outcome.suggested_level == persona.expected_level, outcome
    assert outcome.crisis_replies == CRISIS_REPLIES.get(name, 0) and outcome.not_understood <= 3, outcome
