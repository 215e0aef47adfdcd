"""Every form can be interrupted by a question, a request for a person or a restart; danger is the
crisis policy's (tests/bot/test_crisis_policy.py), so no rule may claim a crisis intent inside a form."""

from __future__ import annotations

import yaml

from actions.crisis import CRISIS_INTENTS
from tests.conftest import REPO_ROOT


def rules() -> list[dict]:
    return [rule for path in (REPO_ROOT / "data" / "rules").glob("*.yml")
            for rule in yaml.safe_load(path.read_text()).get("rules", [])]


def interruption(form: str, intent: str) -> list[dict] | None:
    for rule in rules():
        condition = rule.get("condition") or []
        if {"active_loop": form} in condition and rule["steps"][0] == {"intent": intent}:
            return rule["steps"]
    return None


def test_every_form_has_every_interruption() -> None:
    forms = yaml.safe_load((REPO_ROOT / "domain" / "core.yml").read_text())["forms"]
    for form in forms:
        assert interruption(form, "faq")[-1] == {"active_loop": form}
        assert interruption(form, "ask_human")[1] == {"action": "action_handoff_human"}
        assert interruption(form, "start_over")[1:3] == [{"action": "action_deactivate_loop"}, {"active_loop": None}]


def test_no_rule_handles_a_crisis_inside_a_form() -> None:
    """A second, hand-kept path for danger inside forms would drift from the policy's."""
    for rule in rules():
        if rule.get("condition") and any(step.get("intent") in CRISIS_INTENTS for step in rule["steps"]):
            raise AssertionError(f"rule {rule['rule']!r} handles a crisis intent inside a form")
