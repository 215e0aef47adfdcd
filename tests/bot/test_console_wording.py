"""The helpline console's wording: `channel: helpline` variations in the domain (staff read them aloud)."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from tests.conftest import REPO_ROOT

DOMAIN = REPO_ROOT / "domain"
STAFF_OPENINGS = ("Ask the caller", "Tell the caller", "911 NOW", "988 NOW", "1-800-222-1222 NOW",
                  "Warm-transfer the caller", "Remind the caller", "Close the call", "Programs marked DEMO",
                  "That place was not found", "There is more than one", "The assistant did not understand",
                  "Type the caller's answer", "{number}.")


def responses() -> dict[str, list[dict]]:
    merged: dict[str, list[dict]] = {}
    for path in sorted(Path(DOMAIN).glob("*.yml")):
        merged.update(yaml.safe_load(path.read_text()).get("responses") or {})
    return merged


RESPONSES = responses()
HELPLINE = {name: [v for v in variations if v.get("channel") == "helpline"] for name, variations in RESPONSES.items()}
MUST_HAVE = sorted(
    name for name in RESPONSES
    if name.startswith(("utter_ask_", "utter_crisis_", "utter_level_")) or name in (
        "utter_greet", "utter_offer_continue", "utter_handoff_human", "utter_results_intro", "utter_result",
        "utter_results_next", "utter_results_demo_note")
)


@pytest.mark.parametrize("name", MUST_HAVE)
def test_questions_and_key_statements_have_one_staff_variation(name: str) -> None:
    """One staff wording (a crisis reply may add one for a Spanish-speaking caller)."""
    unconditional = [v for v in HELPLINE[name] if "condition" not in v]
    assert len(unconditional) == 1, f"{name} needs one `channel: helpline` variation"
    for variation in HELPLINE[name]:
        assert variation["text"].startswith(STAFF_OPENINGS), (name, variation["text"])


@pytest.mark.parametrize("name", [name for name in MUST_HAVE if name.startswith("utter_ask_")])
def test_staff_questions_say_ask_or_tell_the_caller(name: str) -> None:
    assert HELPLINE[name][0]["text"].startswith(("Ask the caller", "Tell the caller")), name


@pytest.mark.parametrize("name", [name for name, found in HELPLINE.items() if found])
def test_staff_buttons_send_what_a_chat_user_sends(name: str) -> None:
    """Same dialogue: the staff variation offers exactly the chat variations' payloads."""
    chat = [v for v in RESPONSES[name] if "channel" not in v]
    payloads = {tuple(button["payload"] for button in v.get("buttons") or ()) for v in chat}
    assert len(payloads) == 1, name
    assert tuple(button["payload"] for button in HELPLINE[name][0].get("buttons") or ()) == payloads.pop(), name


def test_the_handoff_names_the_configured_helpline() -> None:
    assert "{helpline_number}" in HELPLINE["utter_handoff_human"][0]["text"]
