"""Rasa NLU component: a message that signals danger gets a crisis intent and is nothing else.

Last in the pipeline (config.yml). `bot.nlu.crisis_layers.CrisisAssessor` decides (the deterministic
rules, then the learned model as a second opinion); on a crisis the guard

* sets the intent `crisis_<kind>` with confidence 1.0, first in the ranking, whatever the intent
  classifier or the FallbackClassifier decided;
* removes the message's entities, so no slot mapping can read a crisis message as an answer
  (a substance, a place, a number): by construction, for every slot, form and future mapping;
* logs the kind, the layer that decided and the reply language at INFO, never the text.

Any other message passes through untouched.
"""

from __future__ import annotations

import logging
from typing import Any

from rasa.engine.graph import ExecutionContext, GraphComponent
from rasa.engine.recipes.default_recipe import DefaultV1Recipe
from rasa.engine.storage.resource import Resource
from rasa.engine.storage.storage import ModelStorage
from rasa.nlu.classifiers.classifier import IntentClassifier
from rasa.shared.nlu.constants import (
    ENTITIES,
    INTENT,
    INTENT_NAME_KEY,
    INTENT_RANKING_KEY,
    PREDICTED_CONFIDENCE_KEY,
    TEXT,
)
from rasa.shared.nlu.training_data.message import Message

from actions.crisis import crisis_intent
from bot.nlu.crisis_layers import CrisisAssessor, shared_assessor

logger = logging.getLogger(__name__)


@DefaultV1Recipe.register([DefaultV1Recipe.ComponentType.INTENT_CLASSIFIER], is_trainable=False)
class CrisisGuard(GraphComponent, IntentClassifier):
    """Sets `crisis_<kind>` (and clears the entities) on messages the crisis layers flag."""

    def __init__(self, config: dict[str, Any], assessor: CrisisAssessor | None = None) -> None:
        self.component_config = config
        self._assessor = assessor or shared_assessor()

    @classmethod
    def create(
        cls,
        config: dict[str, Any],
        model_storage: ModelStorage,
        resource: Resource,
        execution_context: ExecutionContext,
    ) -> CrisisGuard:
        """Builds the guard: the detector's lemma tables load and the model trains (a few seconds)."""
        return cls(config)

    def process(self, messages: list[Message]) -> list[Message]:
        """Override the intent, and drop the entities, of each message that signals a crisis."""
        for message in messages:
            text = message.get(TEXT)
            if not isinstance(text, str):
                continue
            verdict = self._assessor.assess(text)
            if verdict.kind is None:
                continue
            intent = {INTENT_NAME_KEY: crisis_intent(verdict.kind), PREDICTED_CONFIDENCE_KEY: 1.0}
            ranking = [entry for entry in message.get(INTENT_RANKING_KEY) or []
                       if entry.get(INTENT_NAME_KEY) != intent[INTENT_NAME_KEY]]
            message.set(INTENT, intent, add_to_output=True)
            message.set(INTENT_RANKING_KEY, [dict(intent), *ranking], add_to_output=True)
            message.set(ENTITIES, [], add_to_output=True)
            logger.info("Crisis signal: kind=%s layer=%s language=%s", verdict.kind, verdict.layer, verdict.language)
        return messages
