"""The whole trained NLU pipeline (not the detector alone) on every labelled crisis and safe phrasing.

The crisis guard is the only source of crisis intents; these tests hold the trained model to that:
every crisis phrasing gets its crisis intent, and no safe phrasing ("I'm not suicidal", "I feel safe
at home") gets any crisis intent from any component. Messages go to the running Rasa server's
`/model/parse` (its HTTP API, with the session's token).
"""

from __future__ import annotations

from collections.abc import Callable

import pytest
import requests

from bot.servers import Assistant
from tests.bot.crisis_phrasings import CRISIS, SAFE
from tests.e2e.conftest import RASA_API_TOKEN


@pytest.fixture(scope="module")
def parse(running_assistant: Assistant) -> Callable[[str], str]:
    """Parse one message with the running model; returns its intent name."""
    session = requests.Session()

    def intent_of(text: str) -> str:
        response = session.post(f"{running_assistant.rasa_url}/model/parse", params={"token": RASA_API_TOKEN},
                                json={"text": text}, timeout=30)
        response.raise_for_status()
        return response.json()["intent"]["name"]

    return intent_of


def test_every_crisis_phrasing_gets_its_crisis_intent(parse: Callable[[str], str]) -> None:
    wrong = {text: intent for text, kind in CRISIS if (intent := parse(text)) != f"crisis_{kind}"}
    assert wrong == {}


def test_no_safe_phrasing_gets_a_crisis_intent(parse: Callable[[str], str]) -> None:
    phrasings = [text for text in SAFE if not text.startswith("/")]  # "/crisis_suicide" is a button payload
    alarms = {text: intent for text in phrasings if (intent := parse(text)).startswith("crisis_")}
    assert alarms == {}
