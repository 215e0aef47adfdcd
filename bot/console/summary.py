"""The helpline console's caller summary, handoff note and warm-transfer checklist (pure).

Everything here is read from a call's tracker: its slots (what the caller answered) and its events
(crisis intents seen, programmes listed). The level of care and its reasons are the assistant's own
rules (``actions.level_of_care.suggest_level``) applied to the same slots, so the summary always
agrees with what the assistant said. The words are for staff, in a note: short labels, not dialogue.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from dataclasses import asdict, dataclass
from datetime import datetime
from typing import Any, Protocol

from actions.assessment import assessment_from_slots
from actions.crisis import kind_of
from actions.level_of_care import suggest_level
from actions.progress import chosen
from actions.search_query import radius as search_radius
from directory import vocabulary

DEMO_LABEL = "[DEMO - fictional]"
NOT_ASKED = "not asked yet"

WHO_FOR = {"self": "the caller themselves", "loved_one": "someone the caller cares about"}
FREQUENCY = {"daily": "every day or most days", "weekly": "a few times a week",
             "monthly_or_less": "once a month or less"}
ANSWER = {"yes": "yes", "no": "no", "unsure": "not sure"}
SUBSTANCES = {
    "alcohol": "alcohol", "opioids": "opioids", "stimulants": "stimulants (cocaine, meth)",
    "cannabis": "cannabis", "sedatives": "sedatives (benzodiazepines, sleeping pills)",
    "other_substances": "other substances",
}
LEVELS = {
    "withdrawal_management_first": "medically supervised withdrawal (detox) first, then IOP",
    "residential_or_inpatient": "residential or inpatient care first, then IOP",
    "intensive_outpatient": "intensive outpatient (IOP)",
    "step_down_intensive_outpatient": "intensive outpatient (IOP) as a step down after recent care",
    "outpatient": "outpatient (IOPs shown as well)",
}
REASONS = {
    "withdrawal_risk": "serious withdrawal signs before (seizures, hallucinations or DTs)",
    "daily_sedating_use": "daily use of alcohol, sedatives or opioids: risky to stop suddenly",
    "heavy_drinking": "very heavy drinking (AUDIT-C 8+) and past withdrawal unknown",
    "medical_monitoring": "a health condition that needs close medical monitoring",
    "severe_psychiatric": "severe psychiatric symptoms",
    "home_unsafe": "home not safe or not sober",
    "recent_discharge": "recently left hospital, detox or residential care",
    "mild_needs": "less frequent use and no other concerns",
    "needs_structure": "needs more structure than weekly outpatient",
    "co_occurring": "mental health concern alongside substance use",
    "positive_phq2": "positive depression screen (PHQ-2 3+)",
    "high_audit_c": "drinking in a risky range (AUDIT-C)",
    "prior_treatment": "has had treatment before",
    "little_support": "little support at home",
    "cannot_commit_hours": "cannot commit to about 9 hours a week",
}
WITHDRAWAL_REASONS = ("withdrawal_risk", "daily_sedating_use", "heavy_drinking")
SAFETY_REASONS = ("medical_monitoring", "severe_psychiatric", "home_unsafe", "recent_discharge", "positive_phq2")
#: what the note says of each crisis kind (``actions.crisis.CRISIS_KINDS``; a test checks none is missing)
CRISIS_LABELS = {
    "overdose": "possible overdose (911, Poison Control)",
    "poisoning": "possible poisoning or double dose (Poison Control 1-800-222-1222, 911 if not awake)",
    "medical": "medical emergency (911)",
    "withdrawal": "dangerous withdrawal signs (911)",
    "danger": "danger or violence (911, DV hotline)",
    "harm_others": "talked of hurting someone else (911, then 988)",
    "suicide": "suicide risk mentioned (988 protocol)",
    "self_harm": "self-harm mentioned (988 protocol)",
}
CHECKLIST = (
    "Have the programme's intake number ready: {phones}.",
    "Confirm the caller consents to the transfer and to sharing this note.",
    "Tell the caller who you are connecting them with, and why.",
    "Stay on the line until the programme answers, then introduce the caller.",
    "If no one answers: give the caller the number, and the helpline {helpline} to call back.",
)


class Listing(Protocol):
    """What the note needs of a directory programme (``directory.model.Programme`` has it)."""

    @property
    def name(self) -> str: ...
    @property
    def intake_phone(self) -> str: ...
    @property
    def demo(self) -> bool: ...


@dataclass(frozen=True)
class ProgrammeNote:
    """A programme listed during the call, as the note shows it."""

    number: int
    name: str
    intake_phone: str
    demo: bool


@dataclass(frozen=True)
class CallSummary:
    """What the caller said so far, in staff terms. Unknown answers read ``NOT_ASKED``."""

    who_for: str
    substances: tuple[str, ...]
    use_frequency: str
    mental_health: tuple[str, ...]
    withdrawal_risk: tuple[str, ...]
    safety_flags: tuple[str, ...]
    crises: tuple[str, ...]
    level: str | None
    reasons: tuple[str, ...]
    location: str
    payment: tuple[str, ...]
    preferences: tuple[str, ...]
    programmes: tuple[ProgrammeNote, ...]

    def as_dict(self) -> dict[str, Any]:
        return asdict(self)


ProgrammeLookup = Callable[[str], "Listing | None"]
"""Finds a listed programme by its directory id (None when it is gone)."""


def _labels(mapping: Mapping[str, str], codes: Iterable[str]) -> tuple[str, ...]:
    return tuple(mapping.get(code, code.replace("_", " ")) for code in codes)


def crises_seen(events: Iterable[Mapping[str, Any]]) -> tuple[str, ...]:
    """The crisis intents of the caller's messages, once each, in the order they came."""
    seen = [(event.get("parse_data") or {}).get("intent", {}).get("name") for event in events
            if event.get("event") == "user"]
    return tuple(dict.fromkeys(CRISIS_LABELS[kind] for name in seen if (kind := kind_of(name))))


def programmes_listed(events: Iterable[Mapping[str, Any]]) -> tuple[str, ...]:
    """Every programme id the assistant listed during the call (each search sets ``shown_programmes``)."""
    ids = [value for event in events if event.get("event") == "slot" and event.get("name") == "shown_programmes"
           for value in event.get("value") or ()]
    return tuple(dict.fromkeys(str(value) for value in ids))


def _payment(slots: Mapping[str, Any]) -> tuple[str, ...]:
    values = slots.get("payment")
    if values is None:
        return ()
    return vocabulary.labels("payment", chosen(values)) or ("not sure / any",)


def _preferences(slots: Mapping[str, Any]) -> tuple[str, ...]:
    preferences = []
    schedule = slots.get("schedule")
    if schedule is not None:
        preferences.append("times: " + (", ".join(vocabulary.labels("schedule", chosen(schedule))) or "any"))
    if chosen(slots.get("duties")):
        preferences.append("fits around: " + ", ".join(sorted(chosen(slots.get("duties")))))
    if slots.get("can_commit_hours") is not None:
        preferences.append(f"can commit about 9 hours a week: {ANSWER.get(slots['can_commit_hours'], NOT_ASKED)}")
    if slots.get("readiness") is not None and slots["readiness"] >= 0:  # a skipped question keeps -1
        preferences.append(f"readiness: {int(slots['readiness'])}/10")
    if slots.get("family_involvement") is not None:
        preferences.append(f"family willing to join: {ANSWER.get(slots['family_involvement'], NOT_ASKED)}")
    if slots.get("telehealth"):
        preferences.append("telehealth")
    languages = sorted(chosen(slots.get("language")))
    if languages:
        preferences.append("language: " + ", ".join(languages))
    for facet in ("population", "accreditation", "aftercare"):
        labels = vocabulary.labels(facet, chosen(slots.get(facet)))
        if labels:
            preferences.append(f"{facet}: " + ", ".join(labels))
    return tuple(preferences)


def summarize(slots: Mapping[str, Any], events: Iterable[Mapping[str, Any]], lookup: ProgrammeLookup) -> CallSummary:
    """The caller summary from a tracker's slots and events; ``lookup`` finds listed programmes."""
    events = list(events)
    suggestion = suggest_level(assessment_from_slots(dict(slots)))
    reasons = suggestion.reasons
    withdrawal = _labels(REASONS, (reason for reason in reasons if reason in WITHDRAWAL_REASONS))
    if slots.get("withdrawal_history") == "unsure":
        withdrawal += ("not sure about past withdrawal signs",)
    if not withdrawal:
        withdrawal = ("none reported",) if slots.get("withdrawal_history") == "no" else (NOT_ASKED,)
    level = slots.get("suggested_level")
    location = slots.get("location")
    radius = search_radius(slots)  # asked for, else the 25 miles every search starts at
    found = (lookup(programme_id) for programme_id in programmes_listed(events))
    programmes = tuple(ProgrammeNote(number, p.name, p.intake_phone or "no phone listed", p.demo)
                       for number, p in enumerate((p for p in found if p is not None), 1))
    return CallSummary(
        who_for=WHO_FOR.get(slots.get("who_for") or "", NOT_ASKED),
        substances=_labels(SUBSTANCES, sorted(chosen(slots.get("substances")))),
        use_frequency=FREQUENCY.get(str(slots.get("use_frequency")), slots.get("use_frequency") or NOT_ASKED),
        mental_health=vocabulary.labels("condition", chosen(slots.get("mental_health")))
        or (("none reported",) if slots.get("mental_health") is not None else ()),
        withdrawal_risk=withdrawal,
        safety_flags=_labels(REASONS, (reason for reason in reasons if reason in SAFETY_REASONS)),
        crises=crises_seen(events),
        level=LEVELS.get(level) if level else None,
        reasons=_labels(REASONS, reasons) if level else (),
        location=f"{location} (within {radius:g} miles)" if location else NOT_ASKED,
        payment=_payment(slots),
        preferences=_preferences(slots),
        programmes=programmes,
    )


def programme_line(programme: ProgrammeNote) -> str:
    demo = f"{DEMO_LABEL} " if programme.demo else ""
    return f"{programme.number}. {demo}{programme.name} - intake {programme.intake_phone}"


def warm_transfer_checklist(summary: CallSummary, helpline: str) -> tuple[str, ...]:
    """The steps of a warm transfer, with the intake numbers of the programmes discussed."""
    phones = "; ".join(f"{p.name} {p.intake_phone}" + (" (DEMO: do not call)" if p.demo else "")
                       for p in summary.programmes) or "none discussed yet"
    return tuple(step.format(phones=phones, helpline=helpline) for step in CHECKLIST)


def handoff_note(summary: CallSummary, *, call: str, helpline: str, written: datetime) -> str:
    """The plain-text note staff copy or print at the end of a call."""
    def items(values: Iterable[str], empty: str = NOT_ASKED) -> str:
        return "; ".join(values) or empty

    lines = [
        "IOP Finder helpline - handoff note",
        f"Call {call}, {written:%Y-%m-%d %H:%M %Z}".rstrip(", "),
        "",
        f"For: {summary.who_for}",
        f"Substances: {items(summary.substances)} (use: {summary.use_frequency})",
        f"Mental health: {items(summary.mental_health)}",
        f"Withdrawal risk: {items(summary.withdrawal_risk)}",
        f"Safety flags: {items(summary.safety_flags, 'none')}",
        f"Crisis during the call: {items(summary.crises, 'none')}",
        f"Suggested level of care: {summary.level or NOT_ASKED}"
        + (" (a suggestion to talk over with a professional, not a diagnosis)" if summary.level else ""),
        f"Reasons: {items(summary.reasons, '-')}",
        f"Location: {summary.location}",
        f"Payment: {items(summary.payment)}",
        f"Preferences: {items(summary.preferences, 'none stated')}",
        "",
        "Programmes discussed:",
        *(f"  {programme_line(p)}" for p in summary.programmes),
        *(() if summary.programmes else ("  none",)),
    ]
    if any(p.demo for p in summary.programmes):
        lines.append(f"  {DEMO_LABEL} programmes are fictional demo data: do not call or transfer to them.")
    lines += ["", "Warm-transfer checklist:", *(f"  [ ] {step}" for step in warm_transfer_checklist(summary, helpline))]
    return "\n".join(lines) + "\n"
