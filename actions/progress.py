"""Where the dialogue stands, from its slots alone (pure): what to ask next, what the answers mean."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

from actions.level_of_care import SEDATING_SUBSTANCES

#: the screener items asked only when they apply (see ``needed_slots``)
AUDIT_C = ("audit_c_1", "audit_c_2", "audit_c_3")
PHQ_2 = ("phq2_1", "phq2_2")
MOOD_CONCERNS = frozenset({"depression", "bipolar", "anxiety"})
#: substances whose withdrawal may need medical care (iop-facts.md, "When something else comes first"),
#: with "something else" and "not sure" (the cautious reading)
WITHDRAWAL_CAN_NEED_CARE = SEDATING_SUBSTANCES | {"other_substances", "unsure"}
#: the age question's values (the bands of ../shared/docs/iop-facts.md, "Age and special populations")
AGE_BANDS = ("under_18", "18_25", "26_64", "65_plus")

#: the forms in the order the dialogue walks them, with their required slots (as in domain/core.yml)
FORMS: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("needs_form", ("age_band", "substances", "use_frequency", "daily_substances", *AUDIT_C, "withdrawal_history",
                    "mental_health", *PHQ_2, "recent_discharge", "prior_treatment", "medical_monitoring")),
    ("support_form", ("home_safe", "has_support", "family_involvement")),
    ("readiness_form", ("readiness", "can_commit_hours", "schedule")),
)
_ANSWERS = {"yes": True, "no": False}


#: slots only the search form fills: once one is set, the person is searching
SEARCH_STARTED = ("location", "extras_asked")
SEARCH_FORM = "search_form"
SEARCH_REQUIRED = ("location", "payment", "extras_asked")
REQUIRED = {**dict(FORMS), SEARCH_FORM: SEARCH_REQUIRED}


def needed_slots(form: str, slots: Mapping[str, Any]) -> tuple[str, ...]:
    """The questions ``form`` asks given the answers so far: AUDIT-C only when alcohol is named,
    PHQ-2 only when a mood concern (depression, bipolar disorder, anxiety) is named, which substance
    is used daily only when several are named and the frequency answer did not say; past withdrawal
    (seizures, DTs) only when a substance whose withdrawal can need medical care may be in use
    (alcohol, sedatives, opioids, something else or not sure: not for cannabis or stimulants alone);
    family taking part only when the search is for someone else or someone under 18, who has support."""
    skipped: set[str] = set()
    named = set(slots.get("substances") or ())
    if named and not named & WITHDRAWAL_CAN_NEED_CARE:
        skipped.add("withdrawal_history")
    about_family = slots.get("who_for") == "loved_one" or slots.get("age_band") == "under_18"
    if not about_family or slots.get("has_support") == "no":
        skipped.add("family_involvement")
    if slots.get("use_frequency") != "daily" or len(chosen(named)) < 2:
        skipped.add("daily_substances")
    if "alcohol" not in named:
        skipped.update(AUDIT_C)
    if not chosen(slots.get("mental_health")) & MOOD_CONCERNS:
        skipped.update(PHQ_2)
    return tuple(slot for slot in REQUIRED[form] if slot not in skipped)


def unanswered(form: str, slots: Mapping[str, Any]) -> bool:
    return any(slots.get(slot) is None for slot in needed_slots(form, slots))


def next_step(slots: Mapping[str, Any]) -> str:
    """Where the dialogue picks up again after a pause (a crisis, a request for a person).

    A form name, a response name (``utter_...``) or an action name. A person who skipped
    straight to a search goes back to the search, not to the assessment they never began.
    """
    if slots.get("results_found") is not None:
        return "utter_results_next"
    if slots.get("suggested_level") or any(slots.get(slot) is not None for slot in SEARCH_STARTED):
        return SEARCH_FORM
    if not slots.get("who_for"):
        return "utter_ask_who_for"
    for form, _ in FORMS:
        if unanswered(form, slots):
            return form
    return "action_suggest_level"


def paused_form(events: Iterable[Mapping[str, Any]], slots: Mapping[str, Any]) -> str | None:
    """The form a pause interrupted: the last one that was active, if it still has questions."""
    for event in reversed(list(events)):
        name = event.get("name") if event.get("event") == "active_loop" else None
        if name in REQUIRED:
            return name if unanswered(name, slots) else None
    return None


def answer(value: Any) -> bool | None:
    """A yes/no/unsure slot as True, False or None (unknown)."""
    return _ANSWERS.get(value) if isinstance(value, str) else None


def chosen(values: Any) -> frozenset[str]:
    """A list slot's real choices ("none", "any" and a skipped question's "unsure" mean no choice)."""
    return frozenset(str(v) for v in values or () if str(v) not in ("none", "any", "unsure"))
