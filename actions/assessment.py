"""The suggested level of care: slots -> pure rules -> responses by name."""

from __future__ import annotations

from typing import Any

from rasa_sdk import Action, Tracker
from rasa_sdk.events import SlotSet
from rasa_sdk.executor import CollectingDispatcher
from rasa_sdk.types import DomainDict

from actions.level_of_care import Assessment, suggest_level
from actions.progress import AGE_BANDS, answer, chosen
from actions.screeners import score_audit_c, score_phq2
from actions.wording import suggestion_fields, suggestion_responses


def _scores(slots: dict[str, Any], names: tuple[str, ...], score) -> int | None:
    """A screener's total, or None when an item is unanswered or skipped (a negative score)."""
    values = [slots.get(name) for name in names]
    known = all(value is not None and value >= 0 for value in values)
    return score([int(value) for value in values]) if known else None


def _daily_substances(value: Any) -> frozenset[str] | None:
    """The substances said to be used daily; None when not asked or not known ("not sure")."""
    return None if value is None or "unsure" in value else chosen(value)


def assessment_from_slots(slots: dict[str, Any]) -> Assessment:
    """What the person told us, as the level-of-care rules read it (unknown stays None)."""
    readiness = slots.get("readiness")
    return Assessment(
        substances=chosen(slots.get("substances")),
        use_frequency=slots.get("use_frequency"),
        daily_substances=_daily_substances(slots.get("daily_substances")),
        age_band=slots.get("age_band") if slots.get("age_band") in AGE_BANDS else None,
        withdrawal_history=answer(slots.get("withdrawal_history")),
        mental_health=chosen(slots.get("mental_health")),
        severe_psychiatric=answer(slots.get("severe_psychiatric")),
        recent_discharge=answer(slots.get("recent_discharge")),
        prior_treatment=answer(slots.get("prior_treatment")),
        medical_monitoring=answer(slots.get("medical_monitoring")),
        home_safe=answer(slots.get("home_safe")),
        support=answer(slots.get("has_support")),
        can_commit_hours=answer(slots.get("can_commit_hours")),
        audit_c=_scores(slots, ("audit_c_1", "audit_c_2", "audit_c_3"), score_audit_c),
        phq2=_scores(slots, ("phq2_1", "phq2_2"), score_phq2),
        readiness=int(readiness) if readiness is not None and readiness >= 0 else None,
    )


class ActionSuggestLevel(Action):
    def name(self) -> str:
        return "action_suggest_level"

    async def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict) -> list:
        assessment = assessment_from_slots(tracker.current_slot_values())
        suggestion = suggest_level(assessment)
        fields = suggestion_fields(assessment)
        for response in suggestion_responses(suggestion):
            dispatcher.utter_message(response=response, **fields)
        events = [SlotSet("suggested_level", suggestion.level)]
        if not tracker.get_slot("search_levels"):
            events.append(SlotSet("search_levels", sorted(suggestion.search_levels)))
        return events
