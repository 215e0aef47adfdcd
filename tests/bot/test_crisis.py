"""The deterministic crisis detector: every labelled phrasing, the whole-list figures, and its building blocks."""

from __future__ import annotations

import pytest

from actions.crisis import CRISIS_KINDS
from bot.nlu import crisis
from bot.nlu.crisis import CrisisDetector
from bot.nlu.crisis_patterns import PRIORITY, RULES
from tests.bot.crisis_phrasings import CRISIS, SAFE


@pytest.fixture(scope="module")
def detector() -> CrisisDetector:
    return CrisisDetector()


def test_phrasing_lists_are_big_enough_and_cover_every_kind() -> None:
    assert len(CRISIS) >= 120
    assert len(SAFE) >= 80
    assert {kind for _, kind in CRISIS} == set(CRISIS_KINDS)
    assert len({text for text, _ in CRISIS}) == len(CRISIS)
    assert len(set(SAFE)) == len(SAFE)


@pytest.mark.parametrize(("text", "kind"), CRISIS)
def test_crisis_phrasing_is_flagged_with_its_kind(detector: CrisisDetector, text: str, kind: str) -> None:
    assert detector.detect(text) == kind


@pytest.mark.parametrize("text", SAFE)
def test_safe_phrasing_is_not_flagged(detector: CrisisDetector, text: str) -> None:
    assert detector.detect(text) is None


def test_recall_and_false_alarm_rate(detector: CrisisDetector) -> None:
    caught = sum(detector.detect(text) == kind for text, kind in CRISIS)
    alarms = sum(detector.detect(text) is not None for text in SAFE)
    recall, false_alarm_rate = caught / len(CRISIS), alarms / len(SAFE)
    print(f"recall {recall:.3f} ({caught}/{len(CRISIS)}), false alarms {false_alarm_rate:.3f} ({alarms}/{len(SAFE)})")
    assert recall == 1.0
    assert alarms == 0


def test_priority_lists_every_kind_once() -> None:
    assert sorted(PRIORITY) == sorted(CRISIS_KINDS)


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("I took all my pills because I want to kill myself", "overdose"),
        ("he's hitting me and i want to die", "danger"),
        ("i'm having a seizure and i can't breathe", "medical"),
        ("she OD'd and she's not breathing", "overdose"),
    ],
)
def test_the_most_urgent_kind_wins(detector: CrisisDetector, text: str, kind: str) -> None:
    assert detector.detect(text) == kind


def test_every_lemma_in_the_patterns_is_a_normalised_lemma() -> None:
    """A pattern word that the lemmatizer never produces ("closing" -> "close") could never match."""
    nlp = CrisisDetector._blank_pipeline()
    unreachable = set()
    for rule in RULES:
        for pattern in rule.patterns:
            for words in crisis._expand(pattern):
                for word in words:
                    word = word.removesuffix("?")
                    if word in {"~", "_", "#", "%year", "%decade"} or word.startswith("="):
                        continue
                    for lemma in word.split("|"):
                        doc = nlp(lemma)
                        crisis._normalise(doc)
                        if [t.lemma_ for t in doc] != [lemma]:
                            unreachable.add(lemma)
    assert not unreachable


def test_spelling_table_maps_misspellings(detector: CrisisDetector) -> None:
    for text in ("im suiside", "my friend had a seisure", "he ovrdosed", "cant breth"):
        assert detector.detect(text) is not None, text


def test_module_level_detect_uses_a_shared_detector() -> None:
    assert crisis.detect("I want to kill myself") == "suicide"
    assert crisis.detect("evenings please") is None
    assert crisis._shared is not None


@pytest.mark.parametrize("text", ["/crisis_suicide", "/ask_human", "", " \n "])
def test_payloads_and_empty_text_are_skipped(detector: CrisisDetector, text: str) -> None:
    assert detector.detect(text) is None
