"""The questions people ask along the way: names, examples, readability and numbers of the FAQ answers."""

from __future__ import annotations

import re
from collections import defaultdict

import pytest
import yaml

from tests.conftest import REPO_ROOT

DOMAIN = REPO_ROOT / "domain" / "faq.yml"
NLU = REPO_ROOT / "data" / "nlu" / "faq.yml"
CONTRACT = REPO_ROOT / "docs" / "conversation.md"
RULES = REPO_ROOT / "data" / "rules" / "faq.yml"

MIN_EXAMPLES = 14
MAX_SENTENCE_WORDS = 25
MAX_GRADE = 8.0
LOVED_ONE = [{"type": "slot", "name": "who_for", "value": "loved_one"}]
NUMBERS = {"1-800-662-4357", "988"}

# Acronyms people say as words; every other all-capitals word is read letter by letter.
SPOKEN_ACRONYMS = {"HIPAA": 2, "SAMHSA": 3, "CARF": 1, "CFR": 3}


# -- readability helpers ------------------------------------------------------------------------

def syllables(word: str) -> int:
    """A small heuristic syllable counter: vowel groups, less a silent final e; acronyms spelled out."""
    if word.isdigit():
        return max(1, len(word))  # read digit by digit, roughly
    word = word.removesuffix("'s")
    acronym = word.removesuffix("s")  # "IOPs"
    if acronym in SPOKEN_ACRONYMS:
        return SPOKEN_ACRONYMS[acronym]
    if len(acronym) > 1 and acronym.isupper():
        return sum(3 if letter == "W" else 1 for letter in acronym)
    word = word.lower().replace("'", "")
    count = len(re.findall(r"[aeiouy]+", word))
    count += len(re.findall(r"(?<![cgstx])i[ao]|ua|uo", word))  # two sounds: "opioid", "usually"
    if word.endswith("e") and not re.search(r"[^aeiou]le$|ee$|ye$", word) and count > 1:
        count -= 1  # silent final e: "care", "home", "rule"
    elif (word.endswith(("ed", "es")) and count > 1
          and not re.search(r"(?:[td]ed|[sxzcg]es|[cs]hes)$", word)):
        count -= 1  # "helped", "lives"
    return max(1, count)


def words(text: str) -> list[str]:
    return re.findall(r"[A-Za-z]+(?:'[A-Za-z]+)?|\d+", text)


def sentences(text: str) -> list[str]:
    """Split at . ! ? and at line breaks (each list item counts as a sentence)."""
    parts = re.split(r"(?<=[.!?])\s+|\n+", text)
    return [part for part in parts if words(part)]


def grade(text: str) -> float:
    """Flesch-Kincaid grade level: 0.39 * words per sentence + 11.8 * syllables per word - 15.59."""
    tokens = words(text)
    return (0.39 * len(tokens) / len(sentences(text))
            + 11.8 * sum(syllables(token) for token in tokens) / len(tokens) - 15.59)


def test_the_syllable_counter_is_sensible() -> None:
    expected = {"the": 1, "care": 1, "program": 2, "family": 3, "outpatient": 3, "intensive": 3,
                "medicine": 3, "helped": 1, "IOP": 3, "HIPAA": 2, "little": 2, "insurance": 3, "988": 3,
                "rule": 1, "people": 2, "IOPs": 3, "SAMHSA's": 3, "usually": 4, "opioids": 3, "action": 2}
    assert {word: syllables(word) for word in expected} == expected
    assert grade("The cat sat on the mat. It was a good cat.") < 2


# -- loading --------------------------------------------------------------------------------------

def contract_names() -> list[str]:
    names = re.findall(r"`faq/([a-z_]+)`", CONTRACT.read_text())
    assert names, "no faq/<name> intents found in docs/conversation.md"
    return list(dict.fromkeys(names))


def responses() -> dict[str, list[dict]]:
    domain = yaml.safe_load(DOMAIN.read_text())
    assert domain["version"] == "3.1"
    assert "faq" in domain["intents"]
    return {key.removeprefix("utter_faq/"): value for key, value in domain["responses"].items()
            if key.startswith("utter_faq/")}


def examples() -> dict[str, list[str]]:
    data = yaml.safe_load(NLU.read_text())
    assert data["version"] == "3.1"
    found: dict[str, list[str]] = defaultdict(list)
    for block in data["nlu"]:
        intent = block["intent"]
        assert intent.startswith("faq/"), intent
        for line in block["examples"].splitlines():
            line = line.strip()
            if line:
                assert line.startswith("- "), (intent, line)
                found[intent.removeprefix("faq/")].append(line[2:].strip())
    return found


def says_you(text: str) -> bool:
    return re.search(r"\byou(r|rs|rself|'re|'ll|'d|'ve)?\b", text, re.IGNORECASE) is not None


RESPONSES = responses()
EXAMPLES = examples()
TEXTS = [(name, i, variation["text"]) for name, variations in RESPONSES.items()
         for i, variation in enumerate(variations)]


# -- names and examples ---------------------------------------------------------------------------

def test_every_contract_question_has_an_answer_and_examples() -> None:
    names = contract_names()
    assert len(names) == 19
    assert set(RESPONSES) == set(names)
    assert set(EXAMPLES) == set(names)
    for name in names:
        assert len(EXAMPLES[name]) >= MIN_EXAMPLES, (name, len(EXAMPLES[name]))


def test_no_example_is_used_twice() -> None:
    seen: dict[str, str] = {}
    for name, texts in EXAMPLES.items():
        for text in texts:
            key = re.sub(r"\s+", " ", text.lower()).strip()
            assert key not in seen, (text, seen.get(key), name)
            seen[key] = name


def test_no_example_is_also_a_flow_example() -> None:
    """Training data in the other NLU files must not teach the same text as another intent."""
    faq = {re.sub(r"\s+", " ", text.lower()).strip() for texts in EXAMPLES.values() for text in texts}
    for path in (REPO_ROOT / "data" / "nlu").glob("*.yml"):
        if path == NLU:
            continue
        for block in (yaml.safe_load(path.read_text()) or {}).get("nlu", []):
            for line in (block.get("examples") or "").splitlines():
                text = re.sub(r"\s+", " ", line.strip().removeprefix("- ").lower()).strip()
                assert text not in faq, (path.name, block.get("intent"), text)


def test_examples_carry_no_entity_annotations() -> None:
    for name, texts in EXAMPLES.items():
        for text in texts:
            assert not re.search(r"\]\s*[({]", text), (name, text)


def test_there_is_a_rule_to_answer_a_question_outside_forms() -> None:
    rules = yaml.safe_load(RULES.read_text())["rules"]
    assert any(rule["steps"] == [{"intent": "faq"}, {"action": "utter_faq"}] and not rule.get("condition")
               for rule in rules)


# -- the answers ----------------------------------------------------------------------------------

@pytest.mark.parametrize(("name", "index", "text"), TEXTS, ids=[f"{n}-{i}" for n, i, _ in TEXTS])
def test_sentences_are_short(name: str, index: int, text: str) -> None:
    for sentence in sentences(text):
        assert len(words(sentence)) <= MAX_SENTENCE_WORDS, (name, sentence)


@pytest.mark.parametrize(("name", "index", "text"), TEXTS, ids=[f"{n}-{i}" for n, i, _ in TEXTS])
def test_reading_grade_is_low(name: str, index: int, text: str) -> None:
    assert grade(text) <= MAX_GRADE, (name, round(grade(text), 1), text)


NUDGE = "You can ask me more, or we can keep going."


@pytest.mark.parametrize(("name", "index", "text"), TEXTS, ids=[f"{n}-{i}" for n, i, _ in TEXTS])
def test_answers_are_short(name: str, index: int, text: str) -> None:
    """Two to five sentences (a nudge to go on not counted); a list answer has at most eight items."""
    items = [line for line in text.splitlines() if line.startswith("- ")]
    if items:
        assert len(items) <= 8, name
    else:
        assert 2 <= len(sentences(text.replace(NUDGE, ""))) <= 5, (name, sentences(text))


def test_the_nudge_is_not_on_every_answer() -> None:
    with_nudge = [name for name, variations in RESPONSES.items() if NUDGE in variations[-1]["text"]]
    assert 0 < len(with_nudge) <= len(RESPONSES) // 3, with_nudge


def test_answers_that_say_you_have_a_loved_one_variation_first() -> None:
    for name, variations in RESPONSES.items():
        if any(says_you(variation["text"]) for variation in variations):
            assert len(variations) >= 2, name
            assert variations[0].get("condition") == LOVED_ONE, name
            assert "condition" not in variations[-1], name  # the default comes last
            assert variations[0]["text"] != variations[-1]["text"], name


def test_what_to_ask_covers_the_essentials() -> None:
    text = " ".join(variation["text"] for variation in RESPONSES["what_to_ask"]).lower()
    for needle in ("accredit", "staff", "week", "aftercare", "family"):
        assert needle in text, needle
    assert "cost" in text or "pay" in text


def test_numbers_are_the_right_ones() -> None:
    """Any phone number is the SAMHSA helpline; the helpline and the crisis line always come with their number."""
    for name, _index, text in TEXTS:
        for number in re.findall(r"\d[\d-]{6,}\d", text):
            assert number in NUMBERS, (name, number)
        lowered = text.lower()
        if "helpline" in lowered or "samhsa" in lowered:
            assert "1-800-662-4357" in text, name
        if "lifeline" in lowered or "crisis line" in lowered:
            assert re.search(r"\b988\b", text), name
    assert any("1-800-662-4357" in text for _name, _index, text in TEXTS)
