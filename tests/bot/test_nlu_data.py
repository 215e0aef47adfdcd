"""Checks on the core NLU training data (data/nlu/core.yml) against the naming contract.

The contract is docs/conversation.md: the core intents (its "Flow" and "Results" lists), the entity
labels (its entity table) and the vocabulary codes an entity value may take.
"""

from __future__ import annotations

import json
import re
from collections import Counter, defaultdict
from pathlib import Path

import pytest
import yaml

ROOT = Path(__file__).resolve().parents[2]
CONTRACT = ROOT / "docs" / "conversation.md"
CORE_NLU = ROOT / "data" / "nlu" / "core.yml"
CORE_DOMAIN = ROOT / "domain" / "core.yml"

# ask_human is listed under "Flow" but its examples live in data/nlu/crisis.yml.
NOT_IN_CORE = {"ask_human"}
MINIMUM = {"inform": 120, "search_programmes": 40}
DEFAULT_MINIMUM = 20

# Labels the domain declares that the contract's entity table does not (yet) list, with their codes.
EXTRA_LABELS: dict[str, set[str] | None] = {
    "location": None,
    "use_frequency": {"daily", "weekly", "monthly_or_less"},
    "duty": {"work", "school", "children"},
}
CLOSED_LABELS = {
    "substance",
    "condition",
    "payment",
    "level_of_care",
    "schedule",
    "accreditation",
    "aftercare",
    "population",
    "telehealth",
    "use_frequency",
    "duty",
}
NUMERIC_LABELS = {"ordinal", "number", "distance"}

# [text](label) or [text]{"entity": ..., "value": ...}
ANNOTATION = re.compile(r"\[(?P<text>[^\]]+)\](?:\((?P<label>[^)]+)\)|(?P<json>\{[^}]*\}))")


def contract_text() -> str:
    return CONTRACT.read_text(encoding="utf-8")


def core_intents() -> set[str]:
    text = contract_text()
    section = text[text.index("Flow:") : text.index("Questions (")]
    section = re.sub(r"\([^)]*\)", "", section)  # drop asides such as (with `ordinal`)
    return set(re.findall(r"`([a-z_]+)`", section)) - NOT_IN_CORE


def entity_table() -> dict[str, set[str] | None]:
    """Label -> allowed codes (None when the list is open, like language or us_state)."""
    table: dict[str, set[str] | None] = {}
    for line in contract_text().splitlines():
        match = re.match(r"\|\s*`([a-z_]+)`\s*\|(.*)\|\s*$", line)
        if not match:
            continue
        label, values = match.group(1), match.group(2)
        codes = {value.strip() for value in values.split(",")}
        closed = all(re.fullmatch(r"[a-z_]+", code) for code in codes)
        table[label] = codes if closed else None
    return table


def allowed_labels() -> dict[str, set[str] | None]:
    return {**EXTRA_LABELS, **entity_table()}


def load_nlu() -> dict[str, list[str]]:
    data = yaml.safe_load(CORE_NLU.read_text(encoding="utf-8"))
    assert str(data.get("version")) == "3.1"
    examples: dict[str, list[str]] = {}
    for block in data["nlu"]:
        if "intent" not in block:
            continue
        lines = [line.strip() for line in block["examples"].splitlines() if line.strip()]
        assert all(line.startswith("- ") for line in lines), block["intent"]
        assert block["intent"] not in examples, f"intent {block['intent']} defined twice"
        examples[block["intent"]] = [line[2:].strip() for line in lines]
    return examples


def entities(example: str) -> list[tuple[str, str, str]]:
    """(label, value, text) for every annotation; value defaults to the annotated text."""
    found = []
    for match in ANNOTATION.finditer(example):
        text = match.group("text")
        if match.group("label"):
            found.append((match.group("label"), text, text))
        else:
            spec = json.loads(match.group("json"))
            found.append((spec["entity"], str(spec.get("value", text)), text))
    return found


def plain(example: str) -> str:
    text = ANNOTATION.sub(lambda match: match.group("text"), example)
    return " ".join(re.sub(r"[^\w\s']", " ", text.lower()).split())


@pytest.fixture(scope="module")
def nlu() -> dict[str, list[str]]:
    return load_nlu()


def test_contract_is_parsed():
    intents = core_intents()
    assert {"greet", "inform", "search_programmes", "refine", "programme_details"} <= intents
    assert "ordinal" not in intents
    table = entity_table()
    assert table["payment"] and "sliding_fee" in table["payment"]
    assert table["language"] is None


def test_every_core_intent_has_enough_examples(nlu):
    missing = core_intents() - set(nlu)
    assert not missing, f"no examples for {sorted(missing)}"
    for intent in core_intents():
        wanted = MINIMUM.get(intent, DEFAULT_MINIMUM)
        assert len(nlu[intent]) >= wanted, f"{intent}: {len(nlu[intent])} examples, want >= {wanted}"


def test_only_core_intents_and_all_in_domain(nlu):
    domain = yaml.safe_load(CORE_DOMAIN.read_text(encoding="utf-8"))
    assert set(nlu) <= core_intents()
    assert set(nlu) <= set(domain["intents"])


def test_no_example_under_two_intents_or_twice(nlu):
    where: dict[str, set[str]] = defaultdict(set)
    for intent, examples in nlu.items():
        counts = Counter(plain(example) for example in examples)
        repeated = [text for text, count in counts.items() if count > 1]
        assert not repeated, f"{intent} repeats {repeated}"
        for text in counts:
            where[text].add(intent)
    shared = {text: sorted(intents) for text, intents in where.items() if len(intents) > 1}
    assert not shared, f"examples under more than one intent: {shared}"


def test_annotations_are_well_formed(nlu):
    for intent, examples in nlu.items():
        for example in examples:
            rest = ANNOTATION.sub("", example)
            assert "[" not in rest and "]" not in rest, f"{intent}: stray bracket in {example!r}"
            for _, _, text in entities(example):
                assert text == text.strip(), f"{intent}: padded entity text in {example!r}"


def test_entity_labels_and_values_follow_the_contract(nlu):
    labels = allowed_labels()
    domain = yaml.safe_load(CORE_DOMAIN.read_text(encoding="utf-8"))
    for intent, examples in nlu.items():
        for example in examples:
            for label, value, _ in entities(example):
                assert label in labels, f"{intent}: unknown entity label {label!r} in {example!r}"
                assert label in domain["entities"], f"{label!r} is not declared in domain/core.yml"
                if label in CLOSED_LABELS:
                    codes = labels[label]
                    assert codes, f"no codes for closed label {label!r}"
                    assert value in codes, f"{intent}: {label}={value!r} is not a code in {example!r}"
                if label in NUMERIC_LABELS:
                    try:
                        float(value)
                    except ValueError:
                        pytest.fail(f"{intent}: {label}={value!r} is not a number in {example!r}")
                if label == "zip_code":
                    assert re.fullmatch(r"\d{5}", value), f"{intent}: bad ZIP {value!r}"


def test_one_text_one_value(nlu):
    """Inline annotations become synonyms: a text must always map to the same value."""
    seen: dict[str, set[str]] = defaultdict(set)
    for examples in nlu.values():
        for example in examples:
            for _, value, text in entities(example):
                if value != text:
                    seen[text.lower()].add(value)
    conflicts = {text: sorted(values) for text, values in seen.items() if len(values) > 1}
    assert not conflicts, f"the same text maps to different values: {conflicts}"


def test_affirm_and_deny_carry_no_entities(nlu):
    for intent in ("affirm", "deny", "unsure", "no_preference"):
        annotated = [example for example in nlu[intent] if entities(example)]
        assert not annotated, f"{intent} has entities: {annotated}"


def spans(example: str) -> tuple[str, list[tuple[int, int]]]:
    """The example as Rasa reads it (annotations removed) and the character span of each entity."""
    text, found, last = "", [], 0
    for match in ANNOTATION.finditer(example):
        text += example[last : match.start()]
        start = len(text)
        text += match.group("text")
        found.append((start, len(text)))
        last = match.end()
    return text + example[last:], found


def test_entities_fall_on_token_boundaries(nlu):
    """Rasa drops (with only a warning) an entity that starts or ends inside a token."""
    spacy = pytest.importorskip("spacy")
    tokenizer = spacy.blank("en").tokenizer
    for intent, examples in nlu.items():
        for example in examples:
            text, found = spans(example)
            tokens = tokenizer(text)
            starts = {token.idx for token in tokens}
            ends = {token.idx + len(token) for token in tokens}
            for start, end in found:
                assert start in starts and end in ends, f"{intent}: {text[start:end]!r} splits a token in {example!r}"


def test_inline_values_agree_with_the_generated_synonyms(nlu):
    """data/nlu/synonyms.yml (from bot/nlu/lexicon.py) and the inline annotations must not disagree."""
    synonyms_file = ROOT / "data" / "nlu" / "synonyms.yml"
    if not synonyms_file.exists():
        pytest.skip("data/nlu/synonyms.yml not generated yet")
    lexicon: dict[str, str] = {}
    for block in yaml.safe_load(synonyms_file.read_text(encoding="utf-8"))["nlu"]:
        if "synonym" in block:
            for line in block["examples"].splitlines():
                text = line.strip()[2:].strip().lower()
                if text:
                    lexicon[text] = str(block["synonym"])
    conflicts = {}
    for examples in nlu.values():
        for example in examples:
            for label, value, text in entities(example):
                mapped = lexicon.get(text.lower())
                if mapped is not None and mapped != value:
                    conflicts[text] = (label, value, mapped)
    assert not conflicts, f"annotated text -> (label, value here, value in synonyms.yml): {conflicts}"
