"""CrisisGuard, the last NLU component: it overrides the intent of messages that signal danger."""

from __future__ import annotations

import logging
from unittest.mock import MagicMock

import pytest
from rasa.shared.nlu.constants import ENTITIES, INTENT, INTENT_RANKING_KEY, TEXT
from rasa.shared.nlu.training_data.message import Message

from bot.nlu.crisis_guard import CrisisGuard


@pytest.fixture(scope="module")
def guard() -> CrisisGuard:
    return CrisisGuard.create({}, MagicMock(), MagicMock(), MagicMock())


def classified(text: str | None) -> Message:
    """A message as DIET and the FallbackClassifier left it."""
    data = {INTENT: {"name": "inform", "confidence": 0.81},
            INTENT_RANKING_KEY: [{"name": "inform", "confidence": 0.81},
                                 {"name": "crisis_suicide", "confidence": 0.12},
                                 {"name": "greet", "confidence": 0.07}]}
    if text is not None:
        data[TEXT] = text
    return Message(data=data)


def test_crisis_overrides_the_predicted_intent(guard: CrisisGuard) -> None:
    [message] = guard.process([classified("honestly i just want to die")])
    assert message.get(INTENT) == {"name": "crisis_suicide", "confidence": 1.0}
    ranking = message.get(INTENT_RANKING_KEY)
    assert ranking[0] == {"name": "crisis_suicide", "confidence": 1.0}
    assert [entry["name"] for entry in ranking] == ["crisis_suicide", "inform", "greet"]
    assert INTENT in message.output_properties


@pytest.mark.parametrize(
    ("text", "intent"),
    [
        ("my friend took too many pills and won't wake up", "crisis_overdose"),
        ("i cant breathe", "crisis_medical"),
        ("I'm shaking so bad and seeing things", "crisis_withdrawal"),
        ("he's hitting me", "crisis_danger"),
    ],
)
def test_each_kind_sets_its_intent(guard: CrisisGuard, text: str, intent: str) -> None:
    [message] = guard.process([classified(text)])
    assert message.get(INTENT)["name"] == intent


@pytest.mark.parametrize("text", ["evenings", "I'm not suicidal", "/crisis_suicide", "", None])
def test_other_messages_are_untouched(guard: CrisisGuard, text: str | None) -> None:
    before = classified(text)
    [message] = guard.process([before])
    assert message.get(INTENT) == {"name": "inform", "confidence": 0.81}
    assert message.get(INTENT_RANKING_KEY)[0]["name"] == "inform"


def test_a_message_without_intent_or_ranking(guard: CrisisGuard) -> None:
    [message] = guard.process([Message(data={TEXT: "i want to kill myself"})])
    assert message.get(INTENT)["name"] == "crisis_suicide"
    assert message.get(INTENT_RANKING_KEY) == [{"name": "crisis_suicide", "confidence": 1.0}]


def test_processes_a_batch(guard: CrisisGuard) -> None:
    messages = guard.process([classified("alcohol"), classified("he's not breathing after using")])
    assert [m.get(INTENT)["name"] for m in messages] == ["inform", "crisis_overdose"]


def test_a_crisis_message_keeps_no_entities(guard: CrisisGuard) -> None:
    """By construction no slot mapping can read a crisis message as an answer (a substance, a number)."""
    data = classified("just did fentanyl and my chest is tight i cant breathe")
    data.set(ENTITIES, [{"entity": "substance", "value": "opioids", "start": 9, "end": 17}])
    [message] = guard.process([data])
    assert message.get(INTENT)["name"] == "crisis_overdose"
    assert message.get(ENTITIES) == []
    ordinary = classified("fentanyl every day")
    ordinary.set(ENTITIES, [{"entity": "substance", "value": "opioids", "start": 0, "end": 8}])
    assert guard.process([ordinary])[0].get(ENTITIES)[0]["value"] == "opioids"


def test_the_decision_is_logged_by_kind_and_layer_never_the_text(guard: CrisisGuard,
                                                                 caplog: pytest.LogCaptureFixture) -> None:
    text = "quiero morirme, tomo alcohol todos los dias"
    with caplog.at_level(logging.INFO, logger="bot.nlu.crisis_guard"):
        guard.process([classified(text)])
    [record] = [r for r in caplog.records if r.name == "bot.nlu.crisis_guard"]
    line = record.getMessage()
    assert "kind=suicide" in line and "layer=" in line and "language=es" in line
    assert "morir" not in line and "alcohol" not in line


@pytest.mark.parametrize(("text", "intent"), [
    ("my 2 year old swallowed some of my methadone what do i do", "crisis_poisoning"),
    ("im going to stab my roommate tonight, i have the knife", "crisis_harm_others"),
    ("I've been cutting myself again, 3 times this week", "crisis_self_harm"),
])
def test_the_new_kinds(guard: CrisisGuard, text: str, intent: str) -> None:
    assert guard.process([classified(text)])[0].get(INTENT)["name"] == intent
