"""Composes the test stories in ``conversations.yml`` from the dialogue's building blocks.

Run ``python -m tests.stories.compose`` after changing the flow; ``tests/bot/test_stories_file.py``
fails while ``conversations.yml`` is stale. Each story is a whole conversation written as the
events Rasa records (intents, actions, form activity, slots), so ``rasa test core --stories tests``
checks every prediction the policies make along it.
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path
from typing import Any

import yaml

from actions.crisis import CRISIS_KINDS, DEACTIVATE_FORM, crisis_intent, crisis_steps

Step = dict[str, Any]
OUTPUT = Path(__file__).with_name("conversations.yml")


def user(intent: str, **entities: str) -> list[Step]:
    step: Step = {"intent": intent}
    if entities:
        step["entities"] = [{label: value} for label, value in entities.items()]
    return [step]


def act(*names: str) -> list[Step]:
    return [{"action": name} for name in names]


def slots(**values: Any) -> list[Step]:
    return [{"slot_was_set": [{name: value} for name, value in values.items()]}]


def loop(name: str | None) -> list[Step]:
    return [{"active_loop": name}]


def ask(form: str, slot: str) -> list[Step]:
    """The form asks for ``slot`` and waits."""
    return [*act(form), *slots(requested_slot=slot)]


def start(form: str, first_slot: str) -> list[Step]:
    return [*act(form), *loop(form), *slots(requested_slot=first_slot)]


def answer(form: str, next_slot: str | None, intent: str, entities: dict[str, str], **filled: Any) -> list[Step]:
    """The person answers; the form fills ``filled`` and asks ``next_slot`` (or ends)."""
    steps = [*user(intent, **entities)]
    if filled:
        steps += slots(**filled)
    if next_slot:
        return [*steps, *ask(form, next_slot)]
    return [*steps, *act(form), *loop(None), *slots(requested_slot=None)]


Answer = tuple[str, dict[str, str], dict[str, Any]]

NEEDS_IOP: list[tuple[str, Answer]] = [
    ("age_band", ("inform", {"age_band": "26_64"}, {"age_band": "26_64"})),
    ("substances", ("inform", {"substance": "stimulants"}, {"substances": ["stimulants"]})),
    ("use_frequency", ("inform", {"use_frequency": "weekly"}, {"use_frequency": "weekly"})),
    ("mental_health", ("inform", {"condition": "anxiety"}, {"mental_health": ["anxiety"]})),
    ("phq2_1", ("inform", {"score": "1"}, {"phq2_1": 1.0})),
    ("phq2_2", ("inform", {"score": "2"}, {"phq2_2": 2.0})),
    ("recent_discharge", ("deny", {}, {"recent_discharge": "no"})),
    ("prior_treatment", ("affirm", {}, {"prior_treatment": "yes"})),
    ("medical_monitoring", ("deny", {}, {"medical_monitoring": "no"})),
]
NEEDS_DAILY_ALCOHOL: list[tuple[str, Answer]] = [
    ("age_band", ("inform", {"age_band": "26_64"}, {"age_band": "26_64"})),
    ("substances", ("inform", {"substance": "alcohol"}, {"substances": ["alcohol"]})),
    ("use_frequency", ("inform", {"use_frequency": "daily"}, {"use_frequency": "daily"})),
    ("audit_c_1", ("inform", {"score": "4"}, {"audit_c_1": 4.0})),
    ("audit_c_2", ("inform", {"score": "3"}, {"audit_c_2": 3.0})),
    ("audit_c_3", ("inform", {"score": "4"}, {"audit_c_3": 4.0})),
    ("withdrawal_history", ("affirm", {}, {"withdrawal_history": "yes"})),
    ("mental_health", ("deny", {}, {"mental_health": ["none"]})),
    ("recent_discharge", ("deny", {}, {"recent_discharge": "no"})),
    ("prior_treatment", ("unsure", {}, {"prior_treatment": "unsure"})),
    ("medical_monitoring", ("deny", {}, {"medical_monitoring": "no"})),
]
NEEDS_MILD: list[tuple[str, Answer]] = [
    ("age_band", ("inform", {"age_band": "26_64"}, {"age_band": "26_64"})),
    ("substances", ("inform", {"substance": "cannabis"}, {"substances": ["cannabis"]})),
    ("use_frequency", ("inform", {"use_frequency": "monthly_or_less"}, {"use_frequency": "monthly_or_less"})),
    ("mental_health", ("deny", {}, {"mental_health": ["none"]})),
    ("recent_discharge", ("deny", {}, {"recent_discharge": "no"})),
    ("prior_treatment", ("deny", {}, {"prior_treatment": "no"})),
    ("medical_monitoring", ("deny", {}, {"medical_monitoring": "no"})),
]
NEEDS_STEP_DOWN: list[tuple[str, Answer]] = [
    ("age_band", ("inform", {"age_band": "26_64"}, {"age_band": "26_64"})),
    ("substances", ("inform", {"substance": "opioids"}, {"substances": ["opioids"]})),
    ("use_frequency", ("inform", {"use_frequency": "monthly_or_less"}, {"use_frequency": "monthly_or_less"})),
    ("withdrawal_history", ("deny", {}, {"withdrawal_history": "no"})),
    ("mental_health", ("inform", {"condition": "trauma"}, {"mental_health": ["trauma"]})),
    ("recent_discharge", ("affirm", {}, {"recent_discharge": "yes", "prior_treatment": "yes"})),
    ("medical_monitoring", ("deny", {}, {"medical_monitoring": "no"})),
]
#: for themselves (adults): family taking part is asked only about someone else or someone under 18
SUPPORT_SAFE: list[tuple[str, Answer]] = [
    ("home_safe", ("affirm", {}, {"home_safe": "yes"})),
    ("has_support", ("affirm", {}, {"has_support": "yes"})),
]
SUPPORT_SAFE_LOVED_ONE: list[tuple[str, Answer]] = [
    *SUPPORT_SAFE,
    ("family_involvement", ("affirm", {}, {"family_involvement": "yes"})),
]
SUPPORT_UNSAFE: list[tuple[str, Answer]] = [
    ("home_safe", ("deny", {}, {"home_safe": "no"})),
    ("has_support", ("deny", {}, {"has_support": "no"})),
]
READINESS: list[tuple[str, Answer]] = [
    ("readiness", ("inform", {"number": "7"}, {"readiness": 7.0})),
    ("can_commit_hours", ("affirm", {"schedule": "evening"}, {"can_commit_hours": "yes", "schedule": ["evening"]})),
]
READINESS_LOW: list[tuple[str, Answer]] = [
    ("readiness", ("inform", {"number": "2"}, {"readiness": 2.0})),
    ("can_commit_hours", ("unsure", {}, {"can_commit_hours": "unsure"})),
    ("schedule", ("no_preference", {}, {"schedule": ["any"]})),
]
SEARCH: list[tuple[str, Answer]] = [
    ("location", ("inform", {"zip_code": "22902"}, {"location": "22902"})),
    ("payment", ("inform", {"payment": "medicaid"}, {"payment": ["medicaid"]})),
    ("extras_asked", ("deny", {}, {"extras_asked": True})),
]


def form(name: str, answers: list[tuple[str, Answer]], *, started: bool = False,
         interrupt_at: int | None = None, interruption: list[Step] | None = None) -> list[Step]:
    """A whole form: activation (unless ``started``), each answer, the end. An interruption may
    come before answer ``interrupt_at`` (after the form asked it)."""
    slot_names = [slot for slot, _ in answers]
    steps = [] if started else start(name, slot_names[0])
    for index, (_, (intent, entities, filled)) in enumerate(answers):
        if index == interrupt_at and interruption:
            steps += interruption
        following = slot_names[index + 1] if index + 1 < len(slot_names) else None
        steps += answer(name, following, intent, entities, **filled)
    return steps


def greeting(who: str) -> list[Step]:
    intent = "for_self" if who == "self" else "for_loved_one"
    return [*user("greet"), *act("utter_greet", "utter_ask_who_for"), *user(intent), *slots(who_for=who),
            *act("utter_intro_needs")]


def results(found: bool = True) -> list[Step]:
    return [*act("action_search_programmes"), *slots(results_found=found)]


def assessment(needs: list, support: list, readiness: list, level: str) -> list[Step]:
    return [
        *form("needs_form", needs), *act("utter_intro_support"),
        *form("support_form", support),
        *form("readiness_form", readiness),
        *act("action_suggest_level"), *slots(suggested_level=level),
    ]


def crisis(kind: str, form_active: bool = False) -> list[Step]:
    """A crisis turn (``actions.crisis.crisis_steps``): the number, the form paused, the offer to go on."""
    steps = [*user(crisis_intent(kind))]
    for action in crisis_steps(kind, form_active)[:-1]:  # the last step is listening
        steps += act(action)
        if action == DEACTIVATE_FORM:
            steps += loop(None)
    return steps


def crisis_in_form(kind: str, form_name: str, slot: str) -> list[Step]:
    """Danger inside a form: the crisis turn, then back to the same question."""
    return [*crisis(kind, form_active=True),
            *user("continue"), *act("action_resume"), *loop(form_name), *ask(form_name, slot)]


def question_in_form(form_name: str, slot: str) -> list[Step]:
    return [*user("faq/what_is_iop"), *act("utter_faq", form_name), *loop(form_name), *slots(requested_slot=slot)]


def human_in_form(form_name: str, slot: str) -> list[Step]:
    return [
        *user("ask_human"), *act("action_handoff_human", "action_deactivate_loop"), *loop(None),
        *act("utter_offer_continue"),
        *user("continue"), *act("action_resume"), *loop(form_name), *ask(form_name, slot),
    ]


def stories() -> list[dict[str, Any]]:
    iop = [*greeting("self"), *assessment(NEEDS_IOP, SUPPORT_SAFE, READINESS, "intensive_outpatient")]
    stories: list[tuple[str, Iterable[Step]]] = [
        ("for themselves: IOP suggested, three results, thanks and the close",
         [*iop, *form("search_form", SEARCH), *results(), *user("thanks"), *act("action_close"),
          *user("goodbye"), *act("utter_goodbye")]),
        ("for a loved one: daily drinking and past withdrawal, detox first",
         [*greeting("loved_one"),
          *assessment(NEEDS_DAILY_ALCOHOL, SUPPORT_SAFE_LOVED_ONE, READINESS_LOW, "withdrawal_management_first"),
          *form("search_form", SEARCH), *results()]),
        ("for themselves: home not safe, residential or inpatient first",
         [*greeting("self"), *assessment(NEEDS_IOP, SUPPORT_UNSAFE, READINESS, "residential_or_inpatient"),
          *form("search_form", SEARCH), *results()]),
        ("for themselves: mild needs, standard outpatient",
         [*greeting("self"), *assessment(NEEDS_MILD, SUPPORT_SAFE, READINESS_LOW, "outpatient"),
          *form("search_form", SEARCH), *results()]),
        ("for a loved one: just left residential care, step-down IOP",
         [*greeting("loved_one"),
          *assessment(NEEDS_STEP_DOWN, SUPPORT_SAFE_LOVED_ONE, READINESS, "step_down_intensive_outpatient"),
          *form("search_form", SEARCH), *results()]),
        ("a search before any question: the questions first; asked again, only the missing answers are asked",
         [*user("search_programmes", level_of_care="intensive_outpatient", zip_code="22902", payment="medicaid"),
          *slots(search_levels=["intensive_outpatient"], location="22902", payment=["medicaid"]),
          *act("action_offer_questions", "utter_ask_who_for"), *user("search_programmes"),
          *start("search_form", "extras_asked"),
          *answer("search_form", None, "inform", {"language": "spanish"}, language=["spanish"], extras_asked=True),
          *results()]),
        ("no results, then further away, then details",
         [*user("search_programmes", zip_code="59001", distance="5"), *slots(location="59001", radius_miles=5.0),
          *act("action_offer_questions", "utter_ask_who_for"), *user("search_programmes"),
          *start("search_form", "payment"),
          *answer("search_form", "extras_asked", "inform", {"payment": "military_insurance"},
                  payment=["military_insurance"]),
          *answer("search_form", None, "no_preference", {}, extras_asked=True),
          *results(found=False), *user("further_away"), *act("action_further_away"), *slots(results_found=True),
          *user("programme_details", ordinal="1"), *act("action_programme_details")]),
        ("refining by talking: evening only, Medicaid, more, further, the second one, start over",
         [*iop, *form("search_form", SEARCH), *results(),
          *user("refine", schedule="evening"), *slots(schedule=["evening"]), *act("action_refine_search"),
          *user("refine", payment="medicaid"), *slots(payment=["medicaid"]), *act("action_refine_search"),
          *user("show_more"), *act("action_show_more"),
          *user("further_away"), *act("action_further_away"),
          *user("programme_details", ordinal="2"), *act("action_programme_details"),
          *user("start_over"), *act("action_start_over", "utter_ask_who_for"),
          *user("for_loved_one"), *slots(who_for="loved_one"), *act("utter_intro_needs"),
          *start("needs_form", "age_band")]),
        ("start over in the middle of a form",
         [*greeting("self"), *start("needs_form", "age_band"),
          *user("start_over"), *act("action_deactivate_loop"), *loop(None),
          *act("action_start_over", "utter_ask_who_for"), *user("for_self"), *slots(who_for="self"),
          *act("utter_intro_needs"), *start("needs_form", "age_band")]),
        ("a question outside any form, and small talk",
         [*user("faq/cost"), *act("utter_faq"), *user("bot_challenge"), *act("utter_iamabot"),
          *user("out_of_scope"), *act("action_not_understood"), *user("greet"),
          *act("utter_greet", "utter_ask_who_for")]),
        ("asking for a person at the start, then going on",
         [*user("ask_human"), *act("action_handoff_human", "utter_offer_continue"),
          *user("greet"), *act("utter_greet", "utter_ask_who_for")]),
    ]
    for kind in CRISIS_KINDS:
        stories.append((f"danger ({kind}) at the very start",
                        [*crisis(kind), *user("continue"), *act("action_resume")]))
    stories.append(("danger after the results", [
        *iop, *form("search_form", SEARCH), *results(),
        *crisis("overdose"), *user("continue"), *act("action_resume"), *user("show_more"), *act("action_show_more"),
    ]))
    stories.append(("danger right after a question was answered, then the goodbye", [
        *user("faq/cost"), *act("utter_faq"), *crisis("harm_others"), *user("goodbye"), *act("utter_goodbye"),
    ]))
    crisis_points = [
        ("needs_form", 2, "suicide"), ("needs_form", 0, "poisoning"), ("support_form", 1, "danger"),
        ("support_form", 0, "self_harm"), ("readiness_form", 0, "withdrawal"), ("readiness_form", 1, "harm_others"),
        ("search_form", 2, "medical"), ("search_form", 0, "overdose"),
    ]
    for form_name, at, kind in crisis_points:
        slot = dict(IOP_PATH)[form_name][0][at][0]
        stories.append((f"danger ({kind}) during {form_name}, then carrying on to the results",
                        iop_path(form_name, at, crisis_in_form(kind, form_name, slot))))
    for form_name, (answers, _) in IOP_PATH:
        stories.append((f"a question during {form_name}, then back to its question",
                        iop_path(form_name, 1, question_in_form(form_name, answers[1][0]))))
    stories.append(("asking for a person during the needs questions, then carrying on",
                    iop_path("needs_form", 3, human_in_form("needs_form", "mental_health"))))
    return [{"story": name, "steps": list(steps)} for name, steps in stories]


#: the IOP path for themselves: each form with its answers and what follows it
IOP_PATH: tuple[tuple[str, tuple[list[tuple[str, Answer]], list[Step]]], ...] = (
    ("needs_form", (NEEDS_IOP, act("utter_intro_support"))),
    ("support_form", (SUPPORT_SAFE, [])),
    ("readiness_form", (READINESS, [*act("action_suggest_level"), *slots(suggested_level="intensive_outpatient")])),
    ("search_form", (SEARCH, results())),
)


def iop_path(interrupted: str, at: int, interruption: list[Step]) -> list[Step]:
    """The whole IOP conversation for themselves, interrupted before answer ``at`` of one form."""
    steps = greeting("self")
    for name, (answers, after) in IOP_PATH:
        if name == interrupted:
            steps += form(name, answers, interrupt_at=at, interruption=interruption)
        else:
            steps += form(name, answers)
        steps += after
    return steps


class _PlainDumper(yaml.SafeDumper):
    """Writes repeated building blocks out in full (no YAML anchors), so the file reads plainly."""

    def ignore_aliases(self, data: Any) -> bool:
        return True


def render() -> str:
    header = "# Generated by `python -m tests.stories.compose`: edit tests/stories/compose.py, not this file.\n"
    body = yaml.dump({"version": "3.1", "stories": stories()}, Dumper=_PlainDumper, sort_keys=False, width=120)
    return header + body


if __name__ == "__main__":
    OUTPUT.write_text(render())
