"""Rasa NLU component, first in the pipeline: every later component reads the normalised text.

`bot.nlu.text.normalise` undoes invisible and look-alike characters (zero-width spaces, soft
hyphens, full-width letters, Cyrillic look-alikes, combining accents), so the crisis guard and the
intent classifier see "I want to kill myself" however it was typed. The conversation keeps what
the person wrote; only the parse reads the normalised form.

Training examples are normalised too when that keeps their length, so their entity offsets stay
right; the examples are written by us, so in practice they are already plain.
"""

from __future__ import annotations

from typing import Any

from rasa.engine.graph import ExecutionContext, GraphComponent
from rasa.engine.recipes.default_recipe import DefaultV1Recipe
from rasa.engine.storage.resource import Resource
from rasa.engine.storage.storage import ModelStorage
from rasa.shared.nlu.constants import TEXT
from rasa.shared.nlu.training_data.message import Message
from rasa.shared.nlu.training_data.training_data import TrainingData

from bot.nlu.text import normalise


# Registered as a message featurizer only so that Rasa runs it in pipeline order, before SpacyNLP.
@DefaultV1Recipe.register([DefaultV1Recipe.ComponentType.MESSAGE_FEATURIZER], is_trainable=False)
class TextNormaliser(GraphComponent):
    """Replaces each message's text with `bot.nlu.text.normalise` of it."""

    def __init__(self, config: dict[str, Any]) -> None:
        self.component_config = config

    @classmethod
    def create(
        cls,
        config: dict[str, Any],
        model_storage: ModelStorage,
        resource: Resource,
        execution_context: ExecutionContext,
    ) -> TextNormaliser:
        return cls(config)

    def process(self, messages: list[Message]) -> list[Message]:
        """Normalise the text of each incoming message."""
        for message in messages:
            text = message.get(TEXT)
            if isinstance(text, str):
                message.set(TEXT, normalise(text))
        return messages

    def process_training_data(self, training_data: TrainingData) -> TrainingData:
        """Normalise the training examples whose length it keeps (their entity offsets stay valid)."""
        for example in training_data.training_examples:
            text = example.get(TEXT)
            if isinstance(text, str) and len(plain := normalise(text)) == len(text):
                example.set(TEXT, plain)
        return training_data
