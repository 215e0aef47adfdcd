"""The learned crisis model: its corpus, its training and its cache."""

from __future__ import annotations

import collections
from pathlib import Path

import pytest

from actions.crisis import CRISIS_KINDS
from bench.crisis_detection import HELDOUT, unseen
from bot.nlu import crisis_model
from bot.nlu.crisis_model import CrisisModel, Phrasing, crisis_corpus, ordinary_messages, prepared, read_phrasings

SMALL = [Phrasing("suicide", "en", text) for text in ("i want to die", "i want to kill myself", "no reason to live")] \
    + [Phrasing("overdose", "en", text) for text in ("he took too many pills", "she is not breathing after using")] \
    + [Phrasing("none", "en", text) for text in ("every day", "medicaid", "evenings please", "hi", "22902")]


def test_a_malformed_corpus_line_is_refused_with_its_place(tmp_path: Path) -> None:
    path = tmp_path / "bad.tsv"
    path.write_text("# a comment\nsuicide\ten\ti want to die\npanic\ten\twhat\n")
    with pytest.raises(ValueError, match=r"bad.tsv:3: expected"):
        read_phrasings(path)
    path.write_text("suicide\tfr\tje veux mourir\n")
    with pytest.raises(ValueError, match=r"bad.tsv:1"):
        read_phrasings(path)


def test_the_corpus_has_hundreds_of_phrasings_per_kind_in_both_languages() -> None:
    corpus = crisis_corpus()
    counts = collections.Counter(p.label for p in corpus)
    spanish = collections.Counter(p.label for p in corpus if p.language == "es")
    assert all(counts[kind] >= 200 and spanish[kind] >= 30 for kind in CRISIS_KINDS), counts
    assert counts["none"] >= 2000 and spanish["none"] >= 300
    texts = [p.text.lower() for p in corpus]
    assert len(texts) == len(set(texts))


def test_no_line_is_labelled_two_ways_and_held_out_lines_the_training_has_are_left_out() -> None:
    labels: dict[str, set[str]] = collections.defaultdict(set)
    for path in sorted(crisis_model.CORPUS_FOLDER.glob("*.tsv")):
        for phrasing in read_phrasings(path):
            labels[phrasing.text.lower()].add(phrasing.label)
    assert {text: found for text, found in labels.items() if len(found) > 1} == {}
    trained = {p.text.lower() for p in crisis_model.training_corpus()}
    assert list(HELDOUT.glob("*.tsv")), "an independent held-out set is kept in bench/crisis_heldout/"
    for path in HELDOUT.glob("*.tsv"):
        kept, left_out = unseen(read_phrasings(path))
        assert {p.text.lower() for p in kept} & trained == set(), path.name
        assert len(kept) >= 800 and left_out < 0.15 * (len(kept) + left_out), (len(kept), left_out)


def test_the_assistants_own_messages_are_ordinary() -> None:
    ordinary = [p.text for p in ordinary_messages()]
    assert "Keep going" in ordinary and "every day" in ordinary
    assert not any(text.startswith("[") or "](" in text for text in ordinary)  # entity annotations removed


def test_the_model_reads_the_rules_signals_as_words() -> None:
    assert prepared("I Don't", ("cancelled_negation", "found_suicide_intent")) == \
        "i dont zzcancellednegation zzfoundsuicideintent"


def test_training_is_deterministic_and_opinions_name_a_crisis_kind() -> None:
    first, second = CrisisModel.train(SMALL), CrisisModel.train(SMALL)
    readings = [("i really want to die", ()), ("medicaid", ())]
    assert first.opinions(readings) == second.opinions(readings)
    die, medicaid = first.opinions(readings)
    assert die.kind in CRISIS_KINDS and die.probability > medicaid.probability


def test_the_cache_holds_one_model_per_digest_of_its_sources(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    trained = []
    monkeypatch.setattr(crisis_model, "training_corpus", lambda: trained.append(1) or SMALL)
    model = crisis_model.cached_model(tmp_path)
    again = crisis_model.cached_model(tmp_path)
    assert len(trained) == 1, "the second process loads the model"
    assert again.opinion("i want to die", ()) == model.opinion("i want to die", ())
    monkeypatch.setattr(crisis_model, "sources_digest", lambda: "changed")
    crisis_model.cached_model(tmp_path)
    assert len(trained) == 2 and len(list(tmp_path.glob("crisis-model-*.joblib"))) == 2
    (tmp_path / "crisis-model-changed.joblib").write_bytes(b"not a model")
    crisis_model.cached_model(tmp_path)
    assert len(trained) == 3, "a damaged file is trained again, not trusted"
