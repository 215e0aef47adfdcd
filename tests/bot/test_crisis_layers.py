"""The decision between the two crisis layers, with the real rules and a model whose opinion the test sets."""

from __future__ import annotations

from collections.abc import Sequence

import pytest

from bot.nlu.crisis import CrisisDetector
from bot.nlu.crisis_layers import CrisisAssessor, Verdict
from bot.nlu.crisis_model import Opinion


class FixedModel:
    """Says the same thing of every message, and remembers the rules' signals it was shown."""

    threshold = 0.6

    def __init__(self, kind: str, probability: float) -> None:
        self.answer = Opinion(kind, probability)
        self.seen: list[Sequence[str]] = []

    def opinion(self, text: str, signals: Sequence[str]) -> Opinion:
        self.seen.append(signals)
        return self.answer

    def flags(self, opinion: Opinion) -> bool:
        return opinion.probability >= self.threshold


@pytest.fixture(scope="module")
def detector() -> CrisisDetector:
    return CrisisDetector()


def assess(detector: CrisisDetector, text: str, kind: str, probability: float) -> Verdict:
    return CrisisAssessor(detector, FixedModel(kind, probability)).assess(text)  # type: ignore[arg-type]


def test_a_wish_or_plan_the_rules_find_decides_alone(detector: CrisisDetector) -> None:
    assert assess(detector, "I want to kill myself", "medical", 0.01) == Verdict("suicide", "rules", "en")
    assert assess(detector, "I want to kill myself", "suicide", 0.99) == Verdict("suicide", "rules+model", "en")


def test_an_event_the_rules_find_needs_the_model_and_keeps_the_rules_kind(detector: CrisisDetector) -> None:
    text = "my toddler swallowed some of my pills"
    assert assess(detector, text, "overdose", 0.2).kind is None
    assert assess(detector, text, "overdose", 0.9) == Verdict("poisoning", "rules+model", "en")


def test_the_model_decides_what_the_rules_do_not_see(detector: CrisisDetector) -> None:
    text = "tired of being a ghost in my own life, tonight i finish it"
    assert assess(detector, text, "suicide", 0.95) == Verdict("suicide", "model", "en")
    assert assess(detector, text, "suicide", 0.3) == Verdict(None, "none", "en")


def test_the_model_reads_what_the_rules_cancelled(detector: CrisisDetector) -> None:
    model = FixedModel("suicide", 0.1)
    CrisisAssessor(detector, model).assess("I'm not suicidal")  # type: ignore[arg-type]
    assert "cancelled_negation" in model.seen[0]


@pytest.mark.parametrize("text", ["", "   ", "/continue", '/inform{"number": 3}'])
def test_buttons_and_blank_messages_are_never_a_crisis(detector: CrisisDetector, text: str) -> None:
    assert assess(detector, text, "suicide", 1.0).kind is None


def test_the_reply_language(detector: CrisisDetector) -> None:
    assert assess(detector, "me quiero matar", "suicide", 0.9) == Verdict("suicide", "rules+model", "es")
