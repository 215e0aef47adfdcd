"""Every response a suggestion can name exists in domain/level_of_care.yml."""

from __future__ import annotations

from itertools import chain, combinations
from pathlib import Path

import yaml

from actions.level_of_care import LEVELS, REASONS, SEARCH_LEVELS, TONES, Assessment, Suggestion
from actions.wording import suggestion_fields, suggestion_responses

DOMAIN = Path(__file__).resolve().parents[2] / "domain" / "level_of_care.yml"


def all_suggestions() -> list[Suggestion]:
    """Every level and tone, with no reason, each single reason, and every reason at once."""
    reason_sets = chain([()], combinations(REASONS, 1), [REASONS])
    return [
        Suggestion(level, SEARCH_LEVELS[level], reasons, tone, adolescent=adolescent)
        for reasons in reason_sets
        for level in LEVELS
        for tone in TONES
        for adolescent in (False, True)
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


def test_a_teen_hears_the_teen_version_where_there_is_one() -> None:
    suggestion = Suggestion("intensive_outpatient", frozenset(), ("needs_structure", "adolescent"), "ready",
                            adolescent=True)
    assert suggestion_responses(suggestion)[:3] == [
        "utter_level_intensive_outpatient_teen", "utter_reason_needs_structure", "utter_reason_adolescent",
    ]


def test_reasons_name_only_the_substances_used_daily() -> None:
    daily_drinking = Assessment(substances=frozenset({"alcohol", "cannabis", "stimulants"}), use_frequency="daily",
                                daily_substances=frozenset({"alcohol", "cannabis"}))
    assert suggestion_fields(daily_drinking) == {"daily_sedating": "alcohol"}
    both = Assessment(substances=frozenset({"sedatives", "opioids"}), use_frequency="daily")
    assert suggestion_fields(both) == {"daily_sedating": "benzos or sleeping pills and opioids"}
