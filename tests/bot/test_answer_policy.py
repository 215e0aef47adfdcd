"""Which messages the answer policy sends to the form asking a question (pure part)."""

from __future__ import annotations

import pytest
from rasa.core.constants import RULE_POLICY_PRIORITY

from bot.answer_policy import ANSWER_POLICY_PRIORITY, routes_to_form
from bot.crisis_policy import CRISIS_POLICY_PRIORITY


@pytest.mark.parametrize(("intent", "text", "slot", "routed"), [
    ("faq", "yes, he had the DTs last time he quit", "withdrawal_history", True),
    ("faq", "does insurance cover detox?", "withdrawal_history", False),
    ("faq", "how much does it cost", "withdrawal_history", False),
    ("faq", "she saw a therapist once", "prior_treatment", True),  # no question: an answer, read or not
    ("faq", "nothing really, she just talks to her pastor", "withdrawal_history", True),
    ("faq", "can i keep my job", "use_frequency", False),  # opens like a question: answered, then asked again
    ("faq", "do they do suboxone", "extras_asked", True),  # "anything else?" takes any answer
    ("continue", "did na meetings a while back", "prior_treatment", True),  # an answer the reader reads
    ("continue", "keep going", "prior_treatment", False),  # a request: the rules take it
    ("nlu_fallback", "nearly every day", "phq2_1", True),
    ("nlu_fallback", "purple monkey", "phq2_1", True),  # the form says what it expects, with the options
    ("for_loved_one", "my wife", "has_support", True),
    ("for_self", "me", "has_support", True),
    ("crisis_suicide", "every day", "phq2_1", False),
    ("ask_human", "can i talk to someone real", "phq2_1", False),
    ("start_over", "start over", "phq2_1", False),
    ("affirm", "yes", None, False),
])
def test_a_typed_answer_goes_to_the_form(intent: str, text: str, slot: str | None, routed: bool) -> None:
    assert routes_to_form(intent, text, slot) is routed


def test_a_crisis_outranks_an_answer_which_outranks_a_rule() -> None:
    assert CRISIS_POLICY_PRIORITY > ANSWER_POLICY_PRIORITY > RULE_POLICY_PRIORITY
