"""Which responses say a suggestion, in order (pure: names only; the words are in domain/level_of_care.yml)."""

from __future__ import annotations

from actions.level_of_care import Suggestion

DISCLAIMER = "utter_level_disclaimer"


def suggestion_responses(suggestion: Suggestion) -> list[str]:
    """``utter_level_<level>``, ``utter_reason_<code>`` per reason, ``utter_tone_<tone>``, then the disclaimer."""
    return [
        f"utter_level_{suggestion.level}",
        *(f"utter_reason_{reason}" for reason in suggestion.reasons),
        f"utter_tone_{suggestion.tone}",
        DISCLAIMER,
    ]
