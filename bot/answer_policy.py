"""Rasa policy: a typed answer to the question being asked goes to the form, whatever its intent.

The intent classifier does not know which question is open, so an answer with its reason ("yes, he
had the DTs last time he quit") may come out as a question (`faq`), and a short answer the
classifier is unsure of ("nearly every day") as `nlu_fallback`, whose rule says "didn't get that".
While a form asks something, this policy predicts the form itself for such a message when the
question's answer reader (`actions.answers`) reads it, and for any other message that is neither
a question nor a request (a greeting, chit-chat, an unsure classification), so the form reads it or
says what it expects, with the options again. It never speaks for a crisis (the crisis policy,
above it, answers those), a request for a person, starting over or a question of one's own.
"""

from __future__ import annotations

from typing import Any

from rasa.core.constants import RULE_POLICY_PRIORITY
from rasa.core.policies.policy import PolicyPrediction, confidence_scores_for
from rasa.engine.recipes.default_recipe import DefaultV1Recipe
from rasa.shared.core.domain import Domain
from rasa.shared.core.trackers import DialogueStateTracker

from actions import answers
from bot.coded_policy import CodedPolicy, actions_since_latest_message

#: above RulePolicy (4), below the crisis policy
ANSWER_POLICY_PRIORITY = RULE_POLICY_PRIORITY + 1
#: intents a form reads or refuses itself rather than leaving them to a rule ("didn't get that", chit-chat,
#: "for me" / "my wife", which outside a form start the questions about someone)
FORM_READS = frozenset({"nlu_fallback", "out_of_scope", "greet", "thanks", "faq", "for_self", "for_loved_one",
                        "affirm", "deny", "unsure", "inform", "no_preference"})


def routes_to_form(intent: str | None, text: str | None, requested_slot: str | None) -> bool:
    """Whether a message, while a form asks ``requested_slot``, belongs to the form (pure)."""
    if requested_slot is None or intent not in FORM_READS | answers.ANSWER_IF_READ \
            or not answers.answering(text, intent, requested_slot):
        return False
    return intent != "faq" or not answers.asks_something(text) or answers.read_answer(requested_slot, text) is not None


@DefaultV1Recipe.register(DefaultV1Recipe.ComponentType.POLICY_WITHOUT_END_TO_END_SUPPORT, is_trainable=True)
class AnswerPolicy(CodedPolicy):
    """Predicts the active form for a message that answers (or tries to answer) its question."""

    PRIORITY = ANSWER_POLICY_PRIORITY

    def predict_action_probabilities(self, tracker: DialogueStateTracker, domain: Domain,
                                     rule_only_data: dict[str, Any] | None = None, **kwargs: Any) -> PolicyPrediction:
        """The active form with confidence 1.0 as the first step after such a message, else no opinion."""
        form = tracker.active_loop_name
        message = tracker.latest_message
        if form and message and not actions_since_latest_message(tracker) and routes_to_form(
                message.intent.get("name"), message.text, tracker.get_slot("requested_slot")):
            return self._prediction(confidence_scores_for(form, 1.0, domain))
        return self._prediction(self._default_predictions(domain))
