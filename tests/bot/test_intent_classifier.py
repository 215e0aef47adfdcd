"""MaskedNgramIntentClassifier: entity masking, training, persistence in the model, prediction."""

from __future__ import annotations

from pathlib import Path
from unittest.mock import MagicMock

import pytest
import spacy
from rasa.engine.storage.local_model_storage import LocalModelStorage
from rasa.engine.storage.resource import Resource
from rasa.nlu.constants import SPACY_DOCS
from rasa.shared.nlu.constants import INTENT, INTENT_RANKING_KEY, TEXT
from rasa.shared.nlu.training_data.message import Message
from rasa.shared.nlu.training_data.training_data import TrainingData
from spacy.language import Language

from bot.nlu.build_pipeline import build
from bot.nlu.intent_classifier import MaskedNgramIntentClassifier, masked_text, placeholder, says_what_it_destroys

EXAMPLES = {
    "inform": ["medicaid", "i have medicaid", "heroin mostly", "alcohol and weed", "22902", "my zip is 23219",
               "about 25 miles", "blue cross", "meth every day", "aetna through work"],
    "faq": ["what is an iop", "how much does it cost", "do they drug test", "is it confidential",
            "can i keep working", "how many hours a week", "what is mat", "do families take part",
            "how long does it last", "is there a sliding scale"],
    "greet": ["hi", "hello", "hey there", "good morning", "hiya", "hey", "hello there", "hi hi", "yo", "howdy"],
}


@pytest.fixture(scope="module")
def nlp(tmp_path_factory: pytest.TempPathFactory) -> Language:
    """The project's spaCy pipeline, built from code as `make` builds it."""
    out = tmp_path_factory.mktemp("pipeline") / "spacy_model"
    build(out)
    return spacy.load(out)


def message(nlp: Language, text: str, intent: str | None = None) -> Message:
    """A message as SpacyNLP leaves it (the doc attached), with an intent for training."""
    data = {TEXT: text, SPACY_DOCS[TEXT]: nlp(text)}
    if intent:
        data[INTENT] = intent
    return Message(data=data)


def trained(nlp: Language, storage_dir: Path, config: dict | None = None,
            examples: dict[str, list[str]] = EXAMPLES) -> tuple[LocalModelStorage, Resource]:
    storage = LocalModelStorage(storage_dir)
    resource = Resource("intent_classifier")
    classifier = MaskedNgramIntentClassifier.create(config or {}, storage, resource, MagicMock())
    data = TrainingData([message(nlp, text, intent) for intent, texts in examples.items() for text in texts])
    classifier.train(data)
    return storage, resource


def test_placeholder_is_one_lower_word_naming_the_kind() -> None:
    assert placeholder("zip_code") == "ENTzipcode"
    assert placeholder("payment") == "ENTpayment"


def test_entities_are_replaced_by_their_kind(nlp: Language) -> None:
    assert masked_text(nlp("I have Medicaid near 22902")) == "i have entpayment near entzipcode"
    assert masked_text(nlp("what is an IOP")) == "what is an entlevelofcare"
    assert masked_text(nlp("how much does it cost")) == "how much does it cost"


def test_unseen_entity_values_read_like_the_ones_learnt(nlp: Language) -> None:
    """'tricare' never appears in training, but masked it looks like every payment answer."""
    assert masked_text(nlp("tricare")) == masked_text(nlp("medicaid"))


def test_trained_model_persists_and_predicts_after_loading(nlp: Language, tmp_path: Path) -> None:
    storage, resource = trained(nlp, tmp_path)
    loaded = MaskedNgramIntentClassifier.load({}, storage, resource, MagicMock())
    messages = loaded.process([message(nlp, "tricare"), message(nlp, "what does iop mean"),
                               message(nlp, "hello hello")])
    assert [m.get(INTENT)["name"] for m in messages] == ["inform", "faq", "greet"]
    ranking = messages[0].get(INTENT_RANKING_KEY)
    confidences = [entry["confidence"] for entry in ranking]
    assert ranking[0]["name"] == "inform"
    assert confidences == sorted(confidences, reverse=True)
    assert sum(confidences) == pytest.approx(1.0)
    assert messages[0].get(INTENT)["confidence"] == confidences[0]


def test_crisis_intents_are_neither_learned_nor_predicted(nlp: Language, tmp_path: Path) -> None:
    crisis = ["i want to die", "i'm suicidal", "i want to kill myself", "no reason to live", "i want to end it"]
    storage, resource = trained(nlp, tmp_path, {}, {**EXAMPLES, "crisis_suicide": crisis, "crisis_self_harm": crisis})
    loaded = MaskedNgramIntentClassifier.load({}, storage, resource, MagicMock())
    results = loaded.process([message(nlp, text) for text in [*crisis, "i'm not suicidal"]])
    names = {entry["name"] for result in results for entry in result.get(INTENT_RANKING_KEY)}
    assert names == set(EXAMPLES)


def test_starting_over_stands_only_when_the_message_says_so(nlp: Language, tmp_path: Path) -> None:
    restart = ["start over", "restart", "new search", "begin again", "start again", "reset", "from the top",
               "start fresh", "empezar de nuevo", "redo"]
    storage, resource = trained(nlp, tmp_path, {}, {**EXAMPLES, "start_over": restart})
    loaded = MaskedNgramIntentClassifier.load({}, storage, resource, MagicMock())
    said, unsaid = loaded.process([message(nlp, "can we start over"), message(nlp, "new orleans la")])
    assert said.get(INTENT)["name"] == "start_over"
    assert {entry["name"] for entry in unsaid.get(INTENT_RANKING_KEY)} == set(EXAMPLES)


@pytest.mark.parametrize(("text", "stands"), [
    ("start over", True), ("strat over", True), ("can we start the whole thing over", True), ("restart", True),
    ("erase everything", True), ("new search please", True), ("volver a empezar", True),
    ("new orleans la", False), ("over half the days", False), ("yes i cleared everything out", False),
    ("restarted my meds last week", False), ("new york", False),
])  # fmt: skip
def test_a_destructive_intent_needs_its_words(text: str, stands: bool) -> None:
    assert says_what_it_destroys("start_over", text) is stands
    assert says_what_it_destroys("inform", text)


def test_ranking_is_cut_to_its_configured_length(nlp: Language, tmp_path: Path) -> None:
    storage, resource = trained(nlp, tmp_path)
    loaded = MaskedNgramIntentClassifier.load({"ranking_length": 2}, storage, resource, MagicMock())
    [result] = loaded.process([message(nlp, "medicaid")])
    assert len(result.get(INTENT_RANKING_KEY)) == 2


@pytest.mark.parametrize("text", ["", "   ", "\n"])
def test_a_message_without_words_gets_no_intent_with_zero_confidence(nlp: Language, tmp_path: Path,
                                                                    text: str) -> None:
    storage, resource = trained(nlp, tmp_path)
    loaded = MaskedNgramIntentClassifier.load({}, storage, resource, MagicMock())
    results = loaded.process([message(nlp, text), Message(data={TEXT: "medicaid"})])
    for result in results:
        assert result.get(INTENT) == {"name": None, "confidence": 0.0}
        assert result.get(INTENT_RANKING_KEY) == []


def test_without_training_data_nothing_is_persisted_or_predicted(nlp: Language, tmp_path: Path) -> None:
    storage, resource = LocalModelStorage(tmp_path), Resource("intent_classifier")
    MaskedNgramIntentClassifier.create({}, storage, resource, MagicMock()).train(TrainingData([]))
    loaded = MaskedNgramIntentClassifier.load({}, storage, resource, MagicMock())
    [result] = loaded.process([message(nlp, "medicaid")])
    assert result.get(INTENT) == {"name": None, "confidence": 0.0}


def test_entities_found_before_it_are_masked_unless_spacy_has_them(nlp: Language) -> None:
    doc = nlp("we live in newport news with medicaid")
    diet = [{"start": 11, "end": 23, "entity": "location", "value": "newport news"},
            {"start": 29, "end": 37, "entity": "payment", "value": "medicaid"}]  # spaCy has this one
    assert masked_text(doc, diet) == "we live in entlocation with entpayment"


def test_malformed_extracted_entities_are_ignored(nlp: Language) -> None:
    doc = nlp("near boise")
    junk = [{"start": 5, "end": 99, "entity": "location"}, {"start": "5", "end": 10, "entity": "location"},
            {"start": 5, "end": 10}]
    assert masked_text(doc, junk) == "near boise"


def test_training_reads_the_annotated_entities(nlp: Language, tmp_path: Path) -> None:
    """Place names DIET would find are masked in training from their annotations."""
    storage = LocalModelStorage(tmp_path)
    classifier = MaskedNgramIntentClassifier.create({}, storage, Resource("intent_classifier"), MagicMock())
    places = ["boise", "tulsa", "fresno", "akron", "provo", "erie", "yuma", "waco"]
    examples = [message(nlp, place, "inform") for place in places]
    for example, place in zip(examples, places, strict=True):
        example.set("entities", [{"start": 0, "end": len(place), "entity": "location", "value": place}])
    questions = ["what is an iop", "how much is it", "is it private", "who runs it", "how long is it",
                 "what is mat", "do i pay", "can i work"]
    data = TrainingData(examples + [message(nlp, text, "faq") for text in questions])
    classifier.train(data)
    unseen = message(nlp, "omaha")
    unseen.set("entities", [{"start": 0, "end": 5, "entity": "location", "value": "omaha"}])
    [result] = classifier.process([unseen])
    assert result.get(INTENT)["name"] == "inform"
