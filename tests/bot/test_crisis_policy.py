"""The crisis policy on real Rasa trackers and domain: the crisis turn comes first, ahead of any form.

The end-to-end matrix (tests/e2e/test_crisis_precedence.py) runs it in the real server; these tests
pin down the predictions, and that Rasa's ensemble lets them win over a form's own prediction.
"""

from __future__ import annotations

from pathlib import Path
from unittest.mock import MagicMock

import pytest
from rasa.core.constants import RULE_POLICY_PRIORITY
from rasa.core.policies.ensemble import DefaultPolicyPredictionEnsemble
from rasa.core.policies.policy import PolicyPrediction, confidence_scores_for
from rasa.engine.storage.local_model_storage import LocalModelStorage
from rasa.engine.storage.resource import Resource
from rasa.shared.core.domain import Domain
from rasa.shared.core.events import ActionExecuted, ActiveLoop, SlotSet, UserUttered
from rasa.shared.core.trackers import DialogueStateTracker

from actions.crisis import CRISIS_KINDS, crisis_intent, crisis_steps
from bot import crisis_rules
from bot.crisis_policy import CrisisPolicy
from tests.conftest import REPO_ROOT


@pytest.fixture(scope="module")
def domain() -> Domain:
    return Domain.load(str(REPO_ROOT / "domain"))


@pytest.fixture()
def policy(tmp_path: Path) -> CrisisPolicy:
    return CrisisPolicy.create(CrisisPolicy.get_default_config(), LocalModelStorage(tmp_path), Resource("crisis"),
                               MagicMock(is_finetuning=False))


def tracker(domain: Domain, intent: str, text: str = "...", form: str | None = "needs_form",
            done: tuple[str, ...] = ()) -> DialogueStateTracker:
    events = [ActionExecuted("action_listen")]
    if form:
        events += [ActionExecuted(form), ActiveLoop(form), SlotSet("requested_slot", "use_frequency"),
                   ActionExecuted("action_listen")]
    events += [UserUttered(text, {"name": intent, "confidence": 1.0})]
    for action in done:
        events.append(ActionExecuted(action))
        if action == "action_deactivate_loop":
            events.append(ActiveLoop(None))
    return DialogueStateTracker.from_events("test", events, domain.slots)


def predicted(prediction: PolicyPrediction, domain: Domain) -> str:
    return domain.action_names_or_texts[prediction.max_confidence_index]


@pytest.mark.parametrize("kind", CRISIS_KINDS)
@pytest.mark.parametrize("form", ["needs_form", "search_form", None])
def test_the_whole_crisis_turn_is_predicted(policy: CrisisPolicy, domain: Domain, kind: str, form: str | None) -> None:
    steps = crisis_steps(kind, form_active=form is not None)
    for done in range(len(steps)):
        prediction = policy.predict_action_probabilities(tracker(domain, crisis_intent(kind), form=form,
                                                                 done=steps[:done]), domain)
        assert predicted(prediction, domain) == steps[done]
        assert prediction.max_confidence == 1.0 and prediction.is_no_user_prediction


def test_the_first_step_sets_the_reply_language(policy: CrisisPolicy, domain: Domain) -> None:
    spanish = policy.predict_action_probabilities(tracker(domain, "crisis_suicide", "quiero morirme ya"), domain)
    english = policy.predict_action_probabilities(tracker(domain, "crisis_suicide", "i want to die"), domain)
    assert spanish.events == [SlotSet("reply_language", "es")]
    assert english.events == [SlotSet("reply_language", "en")]
    later = policy.predict_action_probabilities(
        tracker(domain, "crisis_suicide", "quiero morirme", done=("utter_crisis_suicide",)), domain)
    assert later.events == []


def test_no_opinion_on_other_messages(policy: CrisisPolicy, domain: Domain) -> None:
    prediction = policy.predict_action_probabilities(tracker(domain, "inform", "every day"), domain)
    assert prediction.max_confidence == 0.0 and not prediction.is_no_user_prediction


def test_it_outranks_a_form_in_rasas_ensemble(policy: CrisisPolicy, domain: Domain) -> None:
    """A form's happy-path prediction is a "no-user" prediction of confidence 1.0 that Rasa lets overrule
    everything; the crisis policy's is the same kind, and wins on priority."""
    current = tracker(domain, "crisis_overdose", "just did fentanyl and my chest is tight")
    form = PolicyPrediction(confidence_scores_for("needs_form", 1.0, domain), "RulePolicy", RULE_POLICY_PRIORITY,
                            is_no_user_prediction=True)
    crisis = policy.predict_action_probabilities(current, domain)
    for order in ([form, crisis], [crisis, form]):
        best = DefaultPolicyPredictionEnsemble._pick_best_policy(order)
        assert predicted(best, domain) == "utter_crisis_overdose"


def test_the_rules_file_is_generated_from_the_one_list() -> None:
    assert crisis_rules.RULES_FILE.read_text() == crisis_rules.render(), "run: python -m bot.crisis_rules"
