"""Every form can be interrupted by every kind of danger, a question, a request for a person or a restart."""

from __future__ import annotations

import yaml

from tests.conftest import REPO_ROOT

KINDS = ("suicide", "overdose", "medical", "withdrawal", "danger")


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
        for kind in KINDS:
            steps = interruption(form, f"crisis_{kind}")
            assert steps, (form, kind)
            # the number first, then staying with the person, and only then the offer to continue
            assert steps[1] == {"action": f"utter_crisis_{kind}"}
            assert steps[2] == {"action": "utter_crisis_stay"}
            assert steps[-1] == {"action": "utter_offer_continue"}
            assert {"action": "action_deactivate_loop"} in steps
        assert interruption(form, "faq")[-1] == {"active_loop": form}
        assert interruption(form, "ask_human")[1] == {"action": "action_handoff_human"}
        assert interruption(form, "start_over")[1:3] == [{"action": "action_deactivate_loop"}, {"active_loop": None}]
