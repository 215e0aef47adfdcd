"""Every response a suggestion can name exists in domain/level_of_care.yml."""

from __future__ import annotations

from itertools import chain, combinations
from pathlib import Path

import yaml

from actions.level_of_care import LEVELS, REASONS, SEARCH_LEVELS, TONES, Suggestion
from actions.wording import suggestion_responses

DOMAIN = Path(__file__).resolve().parents[2] / "domain" / "level_of_care.yml"


def all_suggestions() -> list[Suggestion]:
    """Every level and tone, with no reason, each single reason, and every reason at once."""
    reason_sets = chain([()], combinations(REASONS, 1), [REASONS])
    return [
        Suggestion(level, SEARCH_LEVELS[level], reasons, tone)
        for reasons in reason_sets
        for level in LEVELS
        for tone in TONES
    ]


def test_order_of_responses() -> None:
    suggestion = Suggestion("intensive_outpatient", frozenset(), ("needs_structure", "co_occurring"), "ready")
    assert suggestion_responses(suggestion) == [
        "utter_level_intensive_outpatient",
        "utter_reason_needs_structure",
        "utter_reason_co_occurring",
        "utter_tone_ready",
        "utter_level_disclaimer",
    ]


def test_every_named_response_exists() -> None:
    responses = set(yaml.safe_load(DOMAIN.read_text())["responses"])
    named = set(chain.from_iterable(suggestion_responses(s) for s in all_suggestions()))
    assert named <= responses
    assert named == responses
