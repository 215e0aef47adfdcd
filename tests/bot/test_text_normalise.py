"""Invisible and look-alike characters are undone before the crisis layers and the NLU read a message."""

from __future__ import annotations

import pytest

from bot.nlu.crisis import CrisisDetector
from bot.nlu.text import normalise

PLAIN = "I want to kill myself"
#: the issue's disguises: zero-width space, soft hyphen, non-breaking spaces, full-width letters, a Cyrillic
#: "і", a combining accent; and a few more of the same families
DISGUISED = {
    "zero-width space": "I want to kill\u200b myself",
    "zero-width joiner inside a word": "I want to ki\u200dll myself",
    "soft hyphen": "I want to ki\u00adll my\u00adself",
    "non-breaking spaces": "I\u00a0want\u00a0to\u00a0kill\u00a0myself",
    "full-width letters": "Ｉ ｗａｎｔ ｔｏ ｋｉｌｌ ｍｙｓｅｌｆ",
    "Cyrillic i": "I want to k\u0456ll myself",
    "Cyrillic o and e": "I want to kill mys\u0435lf",
    "combining accent": "I want to ki\u0301ll myself",
    "byte-order mark and direction marks": "\ufeffI want to \u200ekill myself\u200f",
    "mathematical bold letters": "I want to 𝐤𝐢𝐥𝐥 myself",
}


@pytest.fixture(scope="module")
def detector() -> CrisisDetector:
    return CrisisDetector()


@pytest.mark.parametrize("disguise", DISGUISED)
def test_a_disguised_message_reads_as_the_plain_one(disguise: str, detector: CrisisDetector) -> None:
    text = DISGUISED[disguise]
    assert normalise(text) == PLAIN
    assert detector.detect(normalise(text)) == "suicide"


def test_words_in_other_scripts_and_line_breaks_are_kept() -> None:
    assert normalise("русский") == "русский"  # a Russian word, not a disguise
    assert normalise("हिन्दी") == "हिन्दी"  # combining marks belong to Devanagari letters
    assert normalise("tiếng việt, español") == "tieng viet, espanol"
    assert normalise("  first line \r\n\n second\tline  ") == "first line\nsecond line"


def test_plain_text_is_unchanged() -> None:
    for text in ("every day", "I'm not suicidal", "IOPs near 22902 that take Medicaid", "$5 - 10 miles?"):
        assert normalise(text) == text
