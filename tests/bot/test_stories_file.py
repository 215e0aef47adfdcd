"""The committed test stories are what ``tests/stories/compose.py`` composes, and cover every path."""

from __future__ import annotations

import yaml

from tests.stories import compose


def test_conversations_file_is_up_to_date() -> None:
    assert compose.OUTPUT.read_text() == compose.render(), "run: python -m tests.stories.compose"


def test_stories_cover_every_outcome_and_interruption() -> None:
    stories = yaml.safe_load(compose.OUTPUT.read_text())["stories"]
    steps = [step for story in stories for step in story["steps"]]
    levels = {value for step in steps for slot in step.get("slot_was_set", []) for name, value in slot.items()
              if name == "suggested_level"}
    assert levels == {"intensive_outpatient", "withdrawal_management_first", "residential_or_inpatient",
                      "outpatient", "step_down_intensive_outpatient"}
    intents = {step["intent"].split("/")[0] for step in steps if "intent" in step}
    for needed in ("for_self", "for_loved_one", "search_programmes", "faq", "ask_human", "start_over", "refine",
                   "show_more", "further_away", "programme_details", "continue",
                   *(f"crisis_{kind}" for kind in compose.CRISIS_KINDS)):
        assert needed in intents, needed
    assert {"results_found": False} in [slot for step in steps for slot in step.get("slot_was_set", [])]
