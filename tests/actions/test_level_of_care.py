"""The level-of-care rules: one row per rule, edge cases, readiness never moves the level, every response exists."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path
from typing import Any

import pytest
import yaml

from actions.level_of_care import (
    LEVELS,
    REASONS,
    RULES,
    SEARCH_LEVELS,
    TONES,
    Assessment,
    suggest_level,
    tone,
)
from actions.wording import TEEN_VERSIONS
from directory import vocabulary

DOMAIN = Path(__file__).resolve().parents[2] / "domain" / "level_of_care.yml"
CORE = Path(__file__).resolve().parents[2] / "domain" / "core.yml"

#: a first-time IOP candidate: weekly stimulant use, safe home, support, nothing else
BASE = Assessment(
    substances=frozenset({"stimulants"}),
    use_frequency="weekly",
    withdrawal_history=False,
    recent_discharge=False,
    prior_treatment=False,
    medical_monitoring=False,
    home_safe=True,
    support=True,
    can_commit_hours=True,
)
MILD = replace(BASE, substances=frozenset({"cannabis"}), use_frequency="monthly_or_less")


def case(**changes: Any) -> Assessment:
    return replace(BASE, **changes)


# (name, assessment, level, first reason)
RULE_ROWS = [
    ("1 withdrawal history", case(withdrawal_history=True), "withdrawal_management_first", "withdrawal_risk"),
    (
        "2 daily alcohol",
        case(substances=frozenset({"alcohol"}), use_frequency="daily"),
        "withdrawal_management_first",
        "daily_sedating_use",
    ),
    (
        "2 daily sedatives",
        case(substances=frozenset({"sedatives", "cannabis"}), use_frequency="daily"),
        "withdrawal_management_first",
        "daily_sedating_use",
    ),
    (
        "2 daily opioids, no withdrawal history",
        case(substances=frozenset({"opioids"}), use_frequency="daily", withdrawal_history=False),
        "withdrawal_management_first",
        "daily_sedating_use",
    ),
    (
        "3 heavy drinking, withdrawal unsure",
        case(substances=frozenset({"alcohol"}), withdrawal_history=None, audit_c=9),
        "withdrawal_management_first",
        "heavy_drinking",
    ),
    ("4 medical monitoring", case(medical_monitoring=True), "residential_or_inpatient", "medical_monitoring"),
    ("5 severe psychiatric", case(severe_psychiatric=True), "residential_or_inpatient", "severe_psychiatric"),
    ("6 home unsafe", case(home_safe=False), "residential_or_inpatient", "home_unsafe"),
    ("7 recent discharge", case(recent_discharge=True), "step_down_intensive_outpatient", "recent_discharge"),
    ("8 mild needs", MILD, "outpatient", "mild_needs"),
    ("9 otherwise", BASE, "intensive_outpatient", "needs_structure"),
]

EDGE_ROWS = [
    ("everything unknown is the IOP baseline", Assessment(), "intensive_outpatient", "needs_structure"),
    (
        "daily stimulants are not a withdrawal risk by themselves",
        case(use_frequency="daily"),
        "intensive_outpatient",
        "needs_structure",
    ),
    (
        "daily use of an unknown substance does not escalate",
        case(substances=frozenset(), use_frequency="daily"),
        "intensive_outpatient",
        "needs_structure",
    ),
    (
        "free-text frequency reads as unknown",
        case(substances=frozenset({"alcohol"}), use_frequency="whenever I can"),
        "intensive_outpatient",
        "needs_structure",
    ),
    (
        "heavy drinking with no withdrawal history stays IOP",
        case(substances=frozenset({"alcohol"}), withdrawal_history=False, audit_c=9),
        "intensive_outpatient",
        "needs_structure",
    ),
    (
        "AUDIT-C just below the high-risk band with withdrawal unsure stays IOP",
        case(substances=frozenset({"alcohol"}), withdrawal_history=None, audit_c=7),
        "intensive_outpatient",
        "needs_structure",
    ),
    ("unknown home safety does not escalate", case(home_safe=None), "intensive_outpatient", "needs_structure"),
    (
        "unknown medical monitoring does not escalate",
        case(medical_monitoring=None),
        "intensive_outpatient",
        "needs_structure",
    ),
    ("unsure about discharge stays IOP", case(recent_discharge=None), "intensive_outpatient", "needs_structure"),
    (
        "just out of care with a withdrawal history, not using daily: step down",
        case(withdrawal_history=True, recent_discharge=True),
        "step_down_intensive_outpatient",
        "recent_discharge",
    ),
    (
        "just out of care, withdrawal history and daily drinking before it: step down",
        case(substances=frozenset({"alcohol"}), use_frequency="daily", withdrawal_history=True, recent_discharge=True),
        "step_down_intensive_outpatient",
        "recent_discharge",
    ),
    (
        "just out of 30 days of residential, used daily before: step down, not detox",
        case(substances=frozenset({"alcohol", "opioids"}), use_frequency="daily", recent_discharge=True, audit_c=10,
             withdrawal_history=None),
        "step_down_intensive_outpatient",
        "recent_discharge",
    ),
    (
        "daily cannabis and weekend drinking is not daily drinking",
        case(substances=frozenset({"alcohol", "cannabis"}), use_frequency="daily",
             daily_substances=frozenset({"cannabis"})),
        "intensive_outpatient",
        "needs_structure",
    ),
    (
        "daily use with several substances, which one unsaid: the cautious reading",
        case(substances=frozenset({"alcohol", "cannabis"}), use_frequency="daily"),
        "withdrawal_management_first",
        "daily_sedating_use",
    ),
    (
        "weekly light drinking, one session a week is all they can do: outpatient",
        case(substances=frozenset({"alcohol"}), audit_c=4, can_commit_hours=False),
        "outpatient",
        "mild_needs",
    ),
    (
        "weekly stimulant use and no time for an IOP is still IOP (with outpatient shown)",
        case(can_commit_hours=False),
        "intensive_outpatient",
        "needs_structure",
    ),
    (
        "weekly drinking in the high-risk band is not mild, even with little time",
        case(substances=frozenset({"alcohol"}), audit_c=8, withdrawal_history=False, can_commit_hours=False),
        "intensive_outpatient",
        "needs_structure",
    ),
    (
        "residential wins over a recent discharge",
        case(home_safe=False, recent_discharge=True),
        "residential_or_inpatient",
        "home_unsafe",
    ),
    ("mild with unknown support is still mild", replace(MILD, support=None), "outpatient", "mild_needs"),
    ("mild but no support is IOP", replace(MILD, support=False), "intensive_outpatient", "needs_structure"),
    (
        "mild with a mental-health concern is IOP",
        replace(MILD, mental_health=frozenset({"anxiety"})),
        "intensive_outpatient",
        "needs_structure",
    ),
    ("mild after treatment is IOP", replace(MILD, prior_treatment=True), "intensive_outpatient", "needs_structure"),
    ("mild with a positive PHQ-2 is IOP", replace(MILD, phq2=3), "intensive_outpatient", "needs_structure"),
    ("mild with PHQ-2 of 2 stays mild", replace(MILD, phq2=2), "outpatient", "mild_needs"),
    (
        "a monthly binge with support stays mild (a positive AUDIT-C below its high-risk band)",
        replace(MILD, substances=frozenset({"alcohol"}), audit_c=4, support=True),
        "outpatient",
        "mild_needs",
    ),
    (
        "monthly drinking with a positive AUDIT-C and support not said is IOP",
        replace(MILD, substances=frozenset({"alcohol"}), audit_c=3, support=None),
        "intensive_outpatient",
        "needs_structure",
    ),
    (
        "monthly drinking in the AUDIT-C's high-risk band is IOP, support or not",
        replace(MILD, substances=frozenset({"alcohol"}), audit_c=8, support=True),
        "intensive_outpatient",
        "needs_structure",
    ),
    (
        "mild with a low AUDIT-C stays mild",
        replace(MILD, substances=frozenset({"alcohol"}), audit_c=2),
        "outpatient",
        "mild_needs",
    ),
    ("mild needs a known frequency", replace(MILD, use_frequency=None), "intensive_outpatient", "needs_structure"),
]


ROWS = RULE_ROWS + EDGE_ROWS
ROW_IDS = [row[0] for row in ROWS]


@pytest.mark.parametrize(("name", "assessment", "level", "reason"), ROWS, ids=ROW_IDS)
def test_rules(name: str, assessment: Assessment, level: str, reason: str) -> None:
    suggestion = suggest_level(assessment)
    assert suggestion.level == level, name
    assert suggestion.reasons[0] == reason, name


def test_every_rule_has_a_row() -> None:
    assert {row[3] for row in RULE_ROWS} == {rule.reason for rule in RULES}


def test_every_level_is_reachable_and_a_domain_value() -> None:
    core_levels = yaml.safe_load(CORE.read_text())["slots"]["suggested_level"]["values"]
    assert set(LEVELS) == set(core_levels)
    assert {row[2] for row in RULE_ROWS} == set(LEVELS)


def test_search_levels_are_directory_codes() -> None:
    known = set(vocabulary.codes("level"))
    assert set(SEARCH_LEVELS) == set(LEVELS)
    for levels in SEARCH_LEVELS.values():
        assert levels and levels <= known


@pytest.mark.parametrize(("name", "assessment", "level", "reason"), ROWS, ids=ROW_IDS)
def test_readiness_never_changes_the_level(name: str, assessment: Assessment, level: str, reason: str) -> None:
    suggestions = [suggest_level(replace(assessment, readiness=r)) for r in (None, *range(11))]
    assert {s.level for s in suggestions} == {level}
    assert {s.search_levels for s in suggestions} == {suggestions[0].search_levels}
    assert {s.reasons for s in suggestions} == {suggestions[0].reasons}


def test_readiness_0_and_10_give_the_same_level() -> None:
    low, high = suggest_level(replace(BASE, readiness=0)), suggest_level(replace(BASE, readiness=10))
    assert low.level == high.level == "intensive_outpatient"
    assert (low.tone, high.tone) == ("not_ready", "ready")


@pytest.mark.parametrize(
    ("readiness", "expected"),
    [(0, "not_ready"), (3, "not_ready"), (4, "ambivalent"), (6, "ambivalent"), (7, "ready"), (10, "ready"),
     (None, "ambivalent")],
)  # fmt: skip
def test_tone(readiness: int | None, expected: str) -> None:
    assert tone(readiness) == expected


def test_secondary_reasons_for_iop() -> None:
    suggestion = suggest_level(
        case(
            mental_health=frozenset({"depression"}),
            phq2=4,
            substances=frozenset({"alcohol"}),
            audit_c=5,
            prior_treatment=True,
            support=False,
            can_commit_hours=False,
        )
    )
    assert suggestion.level == "intensive_outpatient"
    assert suggestion.reasons == (
        "needs_structure",
        "co_occurring",
        "positive_phq2",
        "high_audit_c",
        "prior_treatment",
        "little_support",
        "cannot_commit_hours",
    )


def test_cannot_commit_hours_also_searches_outpatient() -> None:
    assert suggest_level(case(can_commit_hours=False)).search_levels == {"intensive_outpatient", "outpatient"}
    assert suggest_level(case(can_commit_hours=None)).search_levels == {"intensive_outpatient"}
    step_down = suggest_level(case(recent_discharge=True, can_commit_hours=False))
    assert step_down.reasons == ("recent_discharge", "cannot_commit_hours")
    assert "outpatient" in step_down.search_levels


def test_higher_care_reasons_are_all_said() -> None:
    suggestion = suggest_level(
        case(withdrawal_history=True, substances=frozenset({"alcohol"}), use_frequency="daily", home_safe=False)
    )
    assert suggestion.level == "withdrawal_management_first"
    assert suggestion.reasons == ("withdrawal_risk", "daily_sedating_use", "home_unsafe")


def test_lower_level_reasons_are_not_said_with_a_higher_level() -> None:
    suggestion = suggest_level(replace(MILD, withdrawal_history=True, recent_discharge=False))
    assert suggestion.reasons == ("withdrawal_risk",)


def test_notes_are_said_only_for_their_levels() -> None:
    detox = suggest_level(case(withdrawal_history=True, prior_treatment=True, can_commit_hours=False, support=False))
    assert detox.reasons == ("withdrawal_risk",)
    assert detox.search_levels == SEARCH_LEVELS["withdrawal_management_first"]
    residential = suggest_level(case(home_safe=False, mental_health=frozenset({"trauma"})))
    assert residential.reasons == ("home_unsafe", "co_occurring")


def test_reason_codes_are_unique() -> None:
    assert len(REASONS) == len(set(REASONS))


@pytest.fixture(scope="module")
def responses() -> dict[str, list[dict]]:
    return yaml.safe_load(DOMAIN.read_text())["responses"]


def test_every_level_reason_and_tone_has_a_response(responses: dict[str, list[dict]]) -> None:
    expected = {f"utter_level_{level}" for level in LEVELS}
    expected |= {f"utter_reason_{reason}" for reason in REASONS}
    expected |= {f"utter_tone_{t}" for t in TONES} | {"utter_level_disclaimer"}
    expected |= {f"{name}_teen" for name in TEEN_VERSIONS}
    assert expected == set(responses)


def test_every_response_has_a_loved_one_variation_first(responses: dict[str, list[dict]]) -> None:
    loved_one = [{"type": "slot", "name": "who_for", "value": "loved_one"}]
    for name, variations in responses.items():
        chat = [variation for variation in variations if "channel" not in variation]  # helpline: staff wording
        assert len(chat) == 2, name
        first, default = chat
        assert first.get("condition") == loved_one, name
        assert "condition" not in default, name
        assert first["text"].strip() and default["text"].strip(), name


def test_responses_are_short_and_say_no_diagnosis(responses: dict[str, list[dict]]) -> None:
    for name, variations in responses.items():
        for variation in variations:
            text = variation["text"]
            assert len(text) <= 320, name
            assert "you have a disorder" not in text.lower() and "addict" not in text.lower(), name
    assert "professional" in responses["utter_level_disclaimer"][1]["text"]


def test_age_notes_and_teen_wording() -> None:
    teen = suggest_level(case(age_band="under_18"))
    assert teen.adolescent and "adolescent" in teen.reasons
    assert "older_adult" in suggest_level(case(age_band="65_plus")).reasons
    assert not suggest_level(case(age_band="26_64")).adolescent
