"""The questions the assistant asks, with their button titles, as the brief for authors of held-out
personas (``bench/personas_heldout_task.md``) calls `questions.md`: the first wording of every
``utter_ask_<slot>`` response of the domain, in the order a conversation asks them.

Usage: python -m bench.persona_questions > questions.md
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import yaml

DOMAIN = Path(__file__).resolve().parents[1] / "domain"
ORDER = ("who_for", "age_band", "substances", "daily_substances", "use_frequency", "audit_c_1", "audit_c_2",
         "audit_c_3", "withdrawal_history", "mental_health", "phq2_1", "phq2_2", "recent_discharge",
         "prior_treatment", "medical_monitoring", "home_safe", "has_support", "family_involvement", "readiness",
         "can_commit_hours", "can_commit_hours_teen", "schedule", "location", "payment", "extras_asked")
INTRO = ("Not every person is asked every question (the drinking questions only when alcohol is named; which "
         "substance daily only when several are named). The wording changes when someone asks for another "
         "person ('they').")


def responses(folder: Path = DOMAIN) -> dict[str, list[dict[str, Any]]]:
    """Every response of the domain files, by name."""
    found: dict[str, list[dict[str, Any]]] = {}
    for path in sorted(folder.glob("*.yml")):
        found.update((yaml.safe_load(path.read_text()) or {}).get("responses") or {})
    return found


def questions_markdown(known: dict[str, list[dict[str, Any]]]) -> str:
    """The questions in ``ORDER`` (the age question is "age" to the persona format), each with its buttons."""
    lines = ["# The questions the assistant asks, with their buttons", "", INTRO]
    for slot in ORDER:
        variations = known.get(f"utter_ask_{slot}") or []
        if not variations:
            continue
        first = variations[0]
        lines += ["", f"## {slot.removesuffix('_band')}", "", f"> {first.get('text', '').strip()}", ""]
        lines += [f'- button: "{button["title"]}"' for button in first.get("buttons") or ()]
    return "\n".join(lines) + "\n"


if __name__ == "__main__":
    print(questions_markdown(responses()), end="")
