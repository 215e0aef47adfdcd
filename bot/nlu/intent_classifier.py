"""Rasa NLU component: intents from word and character n-grams of the message, entities masked.

Most of what people type here is short, and many intents differ less by their words than by what
kind of thing they name: "opioids", "employee assistance program" or "22902" answer a question
(``inform``) whatever the words are, while "is there a sliding scale" asks one (``faq``). The
classifier therefore sees each message twice over: as typed, and with every entity the project's
spaCy pipeline found (substances, payment, states, numbers ...) or DIET found before it (place
names) replaced by a placeholder naming its kind (``masked_text``; in training, the annotated
entities stand for DIET's). A linear model (logistic regression, balanced classes) over TF-IDF word
1-2-grams and character 2-5-grams of that text is both more accurate on this data than DIET over
the same kind of features and faster to train (bench/RESULTS.md has the comparison).

DIET stays in the pipeline for the entities it learns (places, free phrasing) with its own intent
classification switched off; this component sets the intent and the ranking. It never learns the
crisis intents (``actions.crisis.CRISIS_INTENTS``): the crisis guard alone sets them, because
n-grams cannot read "I'm not suicidal".
"""

from __future__ import annotations

import logging
import re
from collections.abc import Iterable
from typing import Any

import joblib
from rasa.engine.graph import ExecutionContext, GraphComponent
from rasa.engine.recipes.default_recipe import DefaultV1Recipe
from rasa.engine.storage.resource import Resource
from rasa.engine.storage.storage import ModelStorage
from rasa.nlu.classifiers.classifier import IntentClassifier
from rasa.nlu.constants import SPACY_DOCS
from rasa.shared.nlu.constants import (
    ENTITIES,
    ENTITY_ATTRIBUTE_END,
    ENTITY_ATTRIBUTE_START,
    ENTITY_ATTRIBUTE_TYPE,
    INTENT,
    INTENT_NAME_KEY,
    INTENT_RANKING_KEY,
    PREDICTED_CONFIDENCE_KEY,
    TEXT,
)
from rasa.shared.nlu.training_data.message import Message
from rasa.shared.nlu.training_data.training_data import TrainingData
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.linear_model import LogisticRegression
from sklearn.pipeline import Pipeline, make_pipeline, make_union
from spacy.tokens import Doc

from actions.crisis import is_crisis

logger = logging.getLogger(__name__)

MODEL_FILE = "intent_classifier.joblib"
#: the prediction for a message with no words
NO_INTENT = {INTENT_NAME_KEY: None, PREDICTED_CONFIDENCE_KEY: 0.0}
PLACEHOLDER_PREFIX = "ENT"


#: intents that throw the conversation away: they stand only when the message says so in words, never
#: on n-grams alone ("new orleans la" and "over half the days" once came out as starting over)
DESTRUCTIVE_INTENTS = {
    "start_over": re.compile(
        r"\b(?:st[ar]{2}t(?:ing)?(?: the whole thing| it all| all)? ?(?:over|again|fresh|from)|start_over|"
        r"re-?st[ar]{2}t|reset|begin(?:ning)? again|re-?do|do over|from (?:the )?(?:scratch|top|beginning|start)|"
        r"(?:clear|erase|wipe|forget) (?:everything|it all|all|my answers)|new (?:search|conversation|chat)|"
        r"start (?:a )?new|(?:go )?back to the (?:beginning|start)|do it (?:all )?again|empezar de nuevo|"
        r"volver a empezar|de nuevo)\b",
        re.IGNORECASE,
    ),
}


def says_what_it_destroys(intent: str, text: str | None) -> bool:
    """Whether ``intent`` may stand for ``text``: always, unless it throws the conversation away and the
    text does not say so (``DESTRUCTIVE_INTENTS``)."""
    pattern = DESTRUCTIVE_INTENTS.get(intent)
    return pattern is None or bool(pattern.search(text or ""))


def placeholder(label: str) -> str:
    """The token that stands for an entity of kind ``label`` (letters only, one token)."""
    return PLACEHOLDER_PREFIX + "".join(char for char in label.lower() if char.isalpha())


def entity_spans(doc: Doc, extracted: Iterable[dict[str, Any]] = ()) -> list[tuple[int, int, str]]:
    """(start, end, kind) of the spaCy pipeline's entities, plus those ``extracted`` before this
    component (DIET's place names; the annotations when training) that overlap none of them."""
    spans = [(span.start_char, span.end_char, span.label_) for span in doc.ents]
    for entity in extracted:
        start, end = entity.get(ENTITY_ATTRIBUTE_START), entity.get(ENTITY_ATTRIBUTE_END)
        kind = entity.get(ENTITY_ATTRIBUTE_TYPE)
        if not (isinstance(start, int) and isinstance(end, int) and kind and 0 <= start < end <= len(doc.text)):
            continue
        if all(end <= taken_start or taken_end <= start for taken_start, taken_end, _ in spans):
            spans.append((start, end, str(kind)))
    return sorted(spans)


def masked_text(doc: Doc, extracted: Iterable[dict[str, Any]] = ()) -> str:
    """The message's text, lower-cased, with each entity span replaced by its kind's placeholder."""
    text = doc.text
    for start, end, kind in reversed(entity_spans(doc, extracted)):
        text = f"{text[:start]} {placeholder(kind)} {text[end:]}"
    return " ".join(text.lower().split())


def message_text(message: Message) -> str:
    """What the model reads of a message that has a spaCy doc."""
    return masked_text(message.get(SPACY_DOCS[TEXT]), message.get(ENTITIES) or ())


def build_model(config: dict[str, Any]) -> Pipeline:
    """TF-IDF word and character n-grams feeding a balanced logistic regression."""
    features = make_union(
        TfidfVectorizer(analyzer="word", ngram_range=(1, 2), sublinear_tf=True, token_pattern=r"(?u)\b\w+\b"),
        TfidfVectorizer(analyzer="char_wb", ngram_range=(2, 5), sublinear_tf=True),
    )
    classifier = LogisticRegression(C=config["C"], class_weight="balanced", max_iter=config["max_iter"],
                                    random_state=config["random_seed"])
    return make_pipeline(features, classifier)


@DefaultV1Recipe.register([DefaultV1Recipe.ComponentType.INTENT_CLASSIFIER], is_trainable=True)
class MaskedNgramIntentClassifier(GraphComponent, IntentClassifier):
    """Sets the intent and ranking from n-grams of the entity-masked text (needs SpacyNLP before it)."""

    @staticmethod
    def get_default_config() -> dict[str, Any]:
        """C: inverse regularisation strength; ranking_length: intents kept in the ranking."""
        return {"C": 100.0, "max_iter": 5000, "random_seed": 2026, "ranking_length": 10}

    def __init__(self, config: dict[str, Any], model_storage: ModelStorage, resource: Resource,
                 model: Pipeline | None = None) -> None:
        self.component_config = {**self.get_default_config(), **config}
        self._model_storage = model_storage
        self._resource = resource
        self._model = model

    @classmethod
    def create(cls, config: dict[str, Any], model_storage: ModelStorage, resource: Resource,
               execution_context: ExecutionContext) -> MaskedNgramIntentClassifier:
        """An untrained classifier."""
        return cls(config, model_storage, resource)

    @classmethod
    def load(cls, config: dict[str, Any], model_storage: ModelStorage, resource: Resource,
             execution_context: ExecutionContext, **kwargs: Any) -> MaskedNgramIntentClassifier:
        """The classifier trained and persisted with the model; untrained if there is none."""
        try:
            with model_storage.read_from(resource) as directory:
                model = joblib.load(directory / MODEL_FILE)
        except (ValueError, FileNotFoundError):
            logger.debug("No trained intent classifier in the model; it will predict nothing.")
            model = None
        return cls(config, model_storage, resource, model)

    def train(self, training_data: TrainingData) -> Resource:
        """Fit on every example that has a spaCy doc and an intent other than a crisis intent."""
        examples = [example for example in training_data.intent_examples
                    if example.get(INTENT) and not is_crisis(example.get(INTENT))
                    and example.get(SPACY_DOCS[TEXT]) is not None]
        if len({example.get(INTENT) for example in examples}) < 2:
            logger.debug("Fewer than two intents to learn: the intent classifier stays untrained.")
            return self._resource
        self._model = build_model(self.component_config).fit(
            [message_text(example) for example in examples],
            [example.get(INTENT) for example in examples],
        )
        with self._model_storage.write_to(self._resource) as directory:
            joblib.dump(self._model, directory / MODEL_FILE)
        return self._resource

    def process(self, messages: list[Message]) -> list[Message]:
        """Set ``intent`` and ``intent_ranking`` on each message; one without words (empty, blank)
        gets no intent with confidence 0, as Rasa's classifiers do, so the fallback takes it (so does
        every message when there was nothing to train on)."""
        for message in messages:
            readable = self._model is not None and message.get(SPACY_DOCS[TEXT]) is not None
            text = message_text(message) if readable else ""
            if not text:
                message.set(INTENT, dict(NO_INTENT), add_to_output=True)
                message.set(INTENT_RANKING_KEY, [], add_to_output=True)
                continue
            probabilities = self._model.predict_proba([text])[0]
            ranking = sorted(
                ({INTENT_NAME_KEY: str(name), PREDICTED_CONFIDENCE_KEY: float(probability)}
                 for name, probability in zip(self._model.classes_, probabilities, strict=True)
                 if says_what_it_destroys(str(name), message.get(TEXT))),
                key=lambda entry: -entry[PREDICTED_CONFIDENCE_KEY],
            )[: self.component_config["ranking_length"]]
            message.set(INTENT, dict(ranking[0]), add_to_output=True)
            message.set(INTENT_RANKING_KEY, ranking, add_to_output=True)
        return messages
