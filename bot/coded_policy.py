"""The base of the assistant's policies decided by code, not learned (the crisis and answer policies):
nothing to train, a fixed priority, and what they both read of the tracker."""

from __future__ import annotations

from typing import Any, ClassVar

from rasa.core.constants import POLICY_PRIORITY
from rasa.core.policies.policy import Policy
from rasa.engine.storage.resource import Resource
from rasa.shared.core.domain import Domain
from rasa.shared.core.events import ActionExecuted, UserUttered
from rasa.shared.core.generator import TrackerWithCachedStates
from rasa.shared.core.trackers import DialogueStateTracker


class CodedPolicy(Policy):
    """A policy whose predictions are rules in code; subclasses set ``PRIORITY`` and predict."""

    PRIORITY: ClassVar[int]

    @classmethod
    def get_default_config(cls) -> dict[str, Any]:
        return {POLICY_PRIORITY: cls.PRIORITY}

    def train(self, training_trackers: list[TrackerWithCachedStates], domain: Domain, **kwargs: Any) -> Resource:
        """Nothing to learn. Persists an empty marker so Rasa can load it."""
        with self._model_storage.write_to(self._resource) as folder:
            (folder / f"{type(self).__name__}.txt").write_text("no trained state\n")
        return self._resource


def actions_since_latest_message(tracker: DialogueStateTracker) -> list[str]:
    """The names of the actions run since the person's latest message, oldest first."""
    names: list[str] = []
    for event in reversed(tracker.events):
        if isinstance(event, UserUttered):
            break
        if isinstance(event, ActionExecuted) and event.action_name:
            names.append(event.action_name)
    return names[::-1]
