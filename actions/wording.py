"""Which responses say a suggestion, in order, and the words that fill them (pure: names and values
only; the sentences are in domain/level_of_care.yml)."""

from __future__ import annotations

from actions.level_of_care import Assessment, Suggestion, daily_sedating

DISCLAIMER = "utter_level_disclaimer"
#: responses with a version for someone under 18 (``<name>_teen``): teen IOPs run about 6 hours a week
TEEN_VERSIONS = frozenset({
    "utter_level_intensive_outpatient",
    "utter_level_step_down_intensive_outpatient",
    "utter_level_outpatient",
    "utter_reason_cannot_commit_hours",
})
#: how a substance is named in a sentence ("You use {daily_sedating} almost every day")
SUBSTANCE_WORDS = {"alcohol": "alcohol", "sedatives": "benzos or sleeping pills", "opioids": "opioids"}


def _version(name: str, adolescent: bool) -> str:
    return f"{name}_teen" if adolescent and name in TEEN_VERSIONS else name


def suggestion_responses(suggestion: Suggestion) -> list[str]:
    """``utter_level_<level>``, ``utter_reason_<code>`` per reason, ``utter_tone_<tone>``, then the
    disclaimer; the teen version of a response where there is one and the person is under 18."""
    names = [
        f"utter_level_{suggestion.level}",
        *(f"utter_reason_{reason}" for reason in suggestion.reasons),
        f"utter_tone_{suggestion.tone}",
        DISCLAIMER,
    ]
    return [_version(name, suggestion.adolescent) for name in names]


def suggestion_fields(assessment: Assessment) -> dict[str, str]:
    """The values the responses fill in: only substances the person named ("alcohol and opioids")."""
    named = [SUBSTANCE_WORDS[code] for code in SUBSTANCE_WORDS if code in daily_sedating(assessment)]
    return {"daily_sedating": " and ".join(named)}
