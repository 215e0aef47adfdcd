"""Rasa policy: a crisis message is answered first, whatever else the dialogue was doing.

When the latest message carries a crisis intent (set by the crisis guard, `bot.nlu.crisis_guard`),
this policy predicts the crisis turn of `actions.crisis.crisis_steps`: the response with the right
number, the active form paused (`action_deactivate_loop`), the offer to keep going, start over or
talk to a person, then listening. It outranks every other policy:

* its priority is above RulePolicy's, so it wins the ties of confidence 1.0 with any rule;
* its predictions are "no-user" predictions, the kind Rasa lets overrule all others; a form's own
  happy-path prediction is of that kind too, and loses on priority. So no form, slot mapping, FAQ
  answer, fallback, goodbye or results refinement comes before the number.

On the first step it also sets the slot `reply_language` ("en" or "es", from the message), which
selects the crisis responses' Spanish variations. Every step is a response or a built-in action,
so a crisis turn never waits for the action server. The test stories, the end-to-end matrix
(every question x every kind) and `tests/bot/test_crisis_policy.py` hold it to this.
"""

from __future__ import annotations

from typing import Any

from rasa.core.constants import RULE_POLICY_PRIORITY
from rasa.core.policies.policy import PolicyPrediction, confidence_scores_for
from rasa.engine.recipes.default_recipe import DefaultV1Recipe
from rasa.shared.core.domain import Domain
from rasa.shared.core.events import SlotSet
from rasa.shared.core.trackers import DialogueStateTracker

from actions.crisis import REPLY_LANGUAGE_SLOT, next_crisis_step
from bot.coded_policy import CodedPolicy, actions_since_latest_message
from bot.nlu.language import reply_language

#: above RulePolicy (4) and the answer policy (5): rules, forms and answers give way to a crisis
CRISIS_POLICY_PRIORITY = RULE_POLICY_PRIORITY + 2


@DefaultV1Recipe.register(DefaultV1Recipe.ComponentType.POLICY_WITHOUT_END_TO_END_SUPPORT, is_trainable=True)
class CrisisPolicy(CodedPolicy):
    """Predicts the crisis turn whenever the latest message carries a crisis intent (a fixed sequence)."""

    PRIORITY = CRISIS_POLICY_PRIORITY

    def predict_action_probabilities(self, tracker: DialogueStateTracker, domain: Domain,
                                     rule_only_data: dict[str, Any] | None = None, **kwargs: Any) -> PolicyPrediction:
        """The next step of a crisis turn with confidence 1.0, or no opinion (all zeros)."""
        message = tracker.latest_message
        intent = message.intent.get("name") if message else None
        done = actions_since_latest_message(tracker)
        step = next_crisis_step(intent, done, tracker.active_loop_name is not None)
        if step is None:
            return self._prediction(self._default_predictions(domain))
        events = [] if done else [SlotSet(REPLY_LANGUAGE_SLOT, reply_language(message.text if message else None))]
        return self._prediction(confidence_scores_for(step, 1.0, domain), events=events, is_no_user_prediction=True)

