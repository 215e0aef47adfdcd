"""Rasa NLU component: the deterministic crisis detector overrides any intent when a message signals danger.

Last in the pipeline (config.yml). When `bot.nlu.crisis.CrisisDetector` flags a message's text it sets
the intent `crisis_<kind>` with confidence 1.0 and puts it first in the ranking, whatever the intent classifier or the
FallbackClassifier decided; any other message passes through untouched.
"""

from __future__ import annotations

from typing import Any

from rasa.engine.graph import ExecutionContext, GraphComponent
from rasa.engine.recipes.default_recipe import DefaultV1Recipe
from rasa.engine.storage.resource import Resource
from rasa.engine.storage.storage import ModelStorage
from rasa.nlu.classifiers.classifier import IntentClassifier
from rasa.shared.nlu.constants import (
    INTENT,
    INTENT_NAME_KEY,
    INTENT_RANKING_KEY,
    PREDICTED_CONFIDENCE_KEY,
    TEXT,
)
from rasa.shared.nlu.training_data.message import Message

from bot.nlu.crisis import CrisisDetector


@DefaultV1Recipe.register([DefaultV1Recipe.ComponentType.INTENT_CLASSIFIER], is_trainable=False)
class CrisisGuard(GraphComponent, IntentClassifier):
    """Sets `crisis_<kind>` on messages the deterministic detector flags."""

    def __init__(self, config: dict[str, Any], detector: CrisisDetector | None = None) -> None:
        self.component_config = config
        self._detector = detector or CrisisDetector()

    @classmethod
    def create(
        cls,
        config: dict[str, Any],
        model_storage: ModelStorage,
        resource: Resource,
        execution_context: ExecutionContext,
    ) -> CrisisGuard:
        """Builds the guard and its detector (about a second: the lemma tables load)."""
        return cls(config)

    def process(self, messages: list[Message]) -> list[Message]:
        """Override the intent of each message whose text signals a crisis."""
        for message in messages:
            text = message.get(TEXT)
            kind = self._detector.detect(text) if isinstance(text, str) else None
            if kind is None:
                continue
            intent = {INTENT_NAME_KEY: f"crisis_{kind}", PREDICTED_CONFIDENCE_KEY: 1.0}
            ranking = [entry for entry in message.get(INTENT_RANKING_KEY) or []
                       if entry.get(INTENT_NAME_KEY) != intent[INTENT_NAME_KEY]]
            message.set(INTENT, intent, add_to_output=True)
            message.set(INTENT_RANKING_KEY, [dict(intent), *ranking], add_to_output=True)
        return messages
