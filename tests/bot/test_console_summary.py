"""The helpline console's caller summary, handoff note and checklist (bot.console.summary)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timezone

from actions.crisis import CRISIS_INTENTS, CRISIS_KINDS
from bot.console.summary import (
    CRISIS_LABELS,
    DEMO_LABEL,
    NOT_ASKED,
    crises_seen,
    handoff_note,
    programmes_listed,
    summarize,
    warm_transfer_checklist,
)

HELPLINE = "1-800-555-0142"
WRITTEN = datetime(2026, 11, 23, 14, 5, tzinfo=timezone.utc)


@dataclass(frozen=True)
class Listed:
    name: str
    intake_phone: str
    demo: bool


DIRECTORY = {
    "demo:1": Listed("Blue Ridge Recovery - IOP", "434-555-0101", True),
    "demo:2": Listed("Rivanna Health - Evening IOP", "434-555-0102", True),
    "real:9": Listed("Charlottesville Clinic", "", False),
}

ANSWERED = {
    "who_for": "loved_one", "substances": ["alcohol", "opioids"], "use_frequency": "weekly",
    "withdrawal_history": "no", "mental_health": ["depression"], "phq2_1": 2.0, "phq2_2": 2.0,
    "audit_c_1": 2.0, "audit_c_2": 1.0, "audit_c_3": 1.0, "recent_discharge": "no", "prior_treatment": "yes",
    "medical_monitoring": "no", "home_safe": "yes", "has_support": "no", "family_involvement": "yes",
    "duties": ["work"], "readiness": 8.0, "can_commit_hours": "yes", "schedule": ["evening"],
    "suggested_level": "intensive_outpatient", "location": "22902", "radius_miles": 25.0,
    "payment": ["medicaid"], "extras_asked": True, "telehealth": True, "language": ["spanish"],
}


def user(intent: str) -> dict:
    return {"event": "user", "text": "...", "parse_data": {"intent": {"name": intent}}}


def shown(*ids: str) -> dict:
    return {"event": "slot", "name": "shown_programmes", "value": list(ids)}


def test_nothing_answered_reads_not_asked_yet() -> None:
    summary = summarize({}, [], DIRECTORY.get)
    assert summary.who_for == NOT_ASKED and summary.location == NOT_ASKED and summary.use_frequency == NOT_ASKED
    assert summary.substances == () and summary.payment == () and summary.programmes == ()
    assert summary.level is None and summary.reasons == () and summary.crises == ()
    assert summary.withdrawal_risk == (NOT_ASKED,)


def test_a_whole_call_in_staff_terms() -> None:
    events = [user("greet"), shown("demo:1", "demo:2", "gone:7"), user("show_more"), shown("demo:1", "real:9")]
    summary = summarize(ANSWERED, events, DIRECTORY.get)
    assert summary.who_for == "someone the caller cares about"
    assert summary.substances == ("alcohol", "opioids") and summary.use_frequency == "a few times a week"
    assert summary.mental_health == ("depression",)
    assert summary.withdrawal_risk == ("none reported",)
    assert summary.safety_flags == ("positive depression screen (PHQ-2 3+)",)
    assert summary.level == "intensive outpatient (IOP)"
    assert summary.reasons[0] == "needs more structure than weekly outpatient"
    assert "little support at home" in summary.reasons and "has had treatment before" in summary.reasons
    assert summary.location == "22902 (within 25 miles)"
    assert summary.payment == ("Medicaid",)
    assert "times: evening" in summary.preferences and "telehealth" in summary.preferences
    assert "language: spanish" in summary.preferences and "readiness: 8/10" in summary.preferences
    # every programme listed during the call, once, numbered; one no longer in the directory is left out
    assert [(p.number, p.name, p.intake_phone, p.demo) for p in summary.programmes] == [
        (1, "Blue Ridge Recovery - IOP", "434-555-0101", True),
        (2, "Rivanna Health - Evening IOP", "434-555-0102", True),
        (3, "Charlottesville Clinic", "no phone listed", False),
    ]


def test_withdrawal_risk_and_safety_flags_follow_the_level_rules() -> None:
    slots = {"substances": ["alcohol"], "use_frequency": "daily", "withdrawal_history": "yes",
             "medical_monitoring": "yes", "home_safe": "no", "suggested_level": "withdrawal_management_first"}
    summary = summarize(slots, [], DIRECTORY.get)
    assert summary.withdrawal_risk == (
        "serious withdrawal signs before (seizures, hallucinations or DTs)",
        "daily use of alcohol, sedatives or opioids: risky to stop suddenly",
    )
    assert summary.safety_flags == ("a health condition that needs close medical monitoring",
                                    "home not safe or not sober")
    assert summary.level == "medically supervised withdrawal (detox) first, then IOP"
    unsure = summarize({"withdrawal_history": "unsure"}, [], DIRECTORY.get)
    assert unsure.withdrawal_risk == ("not sure about past withdrawal signs",)


def test_the_level_is_shown_only_once_the_assistant_suggested_it() -> None:
    before = summarize({**ANSWERED, "suggested_level": None}, [], DIRECTORY.get)
    assert before.level is None and before.reasons == ()


def test_crises_are_listed_once_each_in_order() -> None:
    events = [user("crisis_overdose"), user("affirm"), user("crisis_suicide"), user("crisis_overdose"),
              {"event": "bot", "text": "crisis_suicide"}]
    assert crises_seen(events) == ("possible overdose (911, Poison Control)", "suicide risk mentioned (988 protocol)")
    assert programmes_listed([shown("a", "b"), shown("b", "c"), {"event": "slot", "name": "location"}]) == (
        "a", "b", "c")


def test_every_crisis_kind_has_a_label_for_the_note() -> None:
    assert set(CRISIS_LABELS) == set(CRISIS_KINDS)
    assert crises_seen([user(intent) for intent in CRISIS_INTENTS]) == tuple(CRISIS_LABELS[k] for k in CRISIS_KINDS)


def test_payment_not_sure_and_no_preference() -> None:
    assert summarize({"payment": ["any"]}, [], DIRECTORY.get).payment == ("not sure / any",)
    assert summarize({"payment": ["medicaid", "private_insurance"]}, [], DIRECTORY.get).payment == (
        "Medicaid", "private insurance")


def test_the_handoff_note_holds_everything_staff_pass_on() -> None:
    events = [shown("demo:1", "real:9"), user("crisis_suicide")]
    summary = summarize(ANSWERED, events, DIRECTORY.get)
    note = handoff_note(summary, call="call-0123456789abcdef", helpline=HELPLINE, written=WRITTEN)
    assert note.startswith("IOP Finder helpline - handoff note\nCall call-0123456789abcdef, 2026-11-23 14:05 UTC\n")
    for line in (
        "For: someone the caller cares about",
        "Substances: alcohol; opioids (use: a few times a week)",
        "Crisis during the call: suicide risk mentioned (988 protocol)",
        "Suggested level of care: intensive outpatient (IOP) (a suggestion to talk over with a professional, "
        "not a diagnosis)",
        "Location: 22902 (within 25 miles)",
        "Payment: Medicaid",
        f"  1. {DEMO_LABEL} Blue Ridge Recovery - IOP - intake 434-555-0101",
        "  2. Charlottesville Clinic - intake no phone listed",
        f"  {DEMO_LABEL} programmes are fictional demo data: do not call or transfer to them.",
        "Warm-transfer checklist:",
    ):
        assert line in note.splitlines(), line
    assert "[ ] Confirm the caller consents to the transfer and to sharing this note." in note
    assert "[ ] Stay on the line until the programme answers, then introduce the caller." in note


def test_a_note_without_demo_programmes_has_no_demo_warning() -> None:
    summary = summarize(ANSWERED, [shown("real:9")], DIRECTORY.get)
    assert DEMO_LABEL not in handoff_note(summary, call="call-0123456789abcdef", helpline=HELPLINE, written=WRITTEN)


def test_the_checklist_names_the_intake_numbers_and_the_helpline() -> None:
    summary = summarize(ANSWERED, [shown("demo:1", "real:9")], DIRECTORY.get)
    steps = warm_transfer_checklist(summary, HELPLINE)
    assert steps[0] == ("Have the programme's intake number ready: Blue Ridge Recovery - IOP 434-555-0101 "
                        "(DEMO: do not call); Charlottesville Clinic no phone listed.")
    assert any("consents" in step for step in steps) and any("Stay on the line" in step for step in steps)
    assert HELPLINE in steps[-1]
    assert "none discussed yet" in warm_transfer_checklist(summarize({}, [], DIRECTORY.get), HELPLINE)[0]
