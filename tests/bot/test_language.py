"""The reply language of a crisis message: Spanish or English."""

from __future__ import annotations

import pytest

from bot.nlu.crisis_model import crisis_corpus
from bot.nlu.language import reply_language


@pytest.mark.parametrize("text", ["Quiero morirme", "mi hijo no respira", "ayuda por favor mi esposo me pega",
                                  "me quiero matar", "tomé muchas pastillas", "QUIERO MORIR"])
def test_spanish(text: str) -> None:
    assert reply_language(text) == "es"


@pytest.mark.parametrize("text", ["I want to die", "no", "my son isn't breathing", "", None, "ok me"])
def test_english_or_too_little_to_tell(text: str | None) -> None:
    assert reply_language(text) == "en"


def test_the_language_of_the_crisis_corpus_lines() -> None:
    """Every line of the training corpus says its language; nearly all must be read as written."""
    corpus = crisis_corpus()
    wrong = [p for p in corpus if reply_language(p.text) != p.language]
    assert len(wrong) / len(corpus) <= 0.02, [p.text for p in wrong[:20]]
