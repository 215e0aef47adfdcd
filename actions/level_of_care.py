"""Which level of care to suggest, from what the person told us (pure rules, no rasa_sdk).

The rules follow ../shared/docs/iop-facts.md (beside the repository): "Who is a good candidate for an IOP" and "When
something else comes first", with the continuum of care from "What an IOP is". The result is a
suggestion to talk over with a professional, never a diagnosis or a placement.

Principles:

- ``RULES`` is one ordered table; the first rule that matches sets the level. The most cautious
  levels come first, so a reason for more care always wins over a reason for less.
- Unknown answers (None: skipped, "unsure") never push anyone to a higher level on their own. Each
  rule needs a positive answer ("yes", a named substance, a score); intensive outpatient is the
  baseline this assistant exists for, and outpatient needs positive evidence of mild needs.
- One exception, by design: withdrawal can be dangerous, so when withdrawal history is unsure or
  unknown and the AUDIT-C (asked when alcohol is named) is in its highest-risk band (8 or more), a
  detox check comes first.
  Daily use of alcohol, sedatives or opioids leads to a detox check whatever the withdrawal answer;
  daily use means use of that substance: daily cannabis beside weekend drinking is not daily drinking.
- Someone just out of residential, inpatient, PHP or detox care steps down to an IOP, even if they
  used daily before or had seizures or DTs in an earlier withdrawal: they came through withdrawal in
  that care (the flow's safety note still says not to stop daily drinking or benzos alone).
- Age: under 18 means teen programmes (ASAM's adolescent criteria put IOP at about 6 hours a week,
  with family taking part); 65 and over adds a note on medicines and withdrawal, never a level.
- Readiness shapes the tone of the wording only, never the level: a person's need does not change
  with how ready they feel.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Literal

from actions.screeners import AUDIT_C_HIGH_RISK, audit_c_positive, phq2_positive

Level = Literal[
    "withdrawal_management_first",
    "residential_or_inpatient",
    "intensive_outpatient",
    "step_down_intensive_outpatient",
    "outpatient",
]
Tone = Literal["ready", "ambivalent", "not_ready"]

LEVELS: tuple[Level, ...] = (
    "withdrawal_management_first",
    "residential_or_inpatient",
    "intensive_outpatient",
    "step_down_intensive_outpatient",
    "outpatient",
)
TONES: tuple[Tone, ...] = ("ready", "ambivalent", "not_ready")

#: levels that mean "more care first": their reasons are always worth saying, whichever level wins
HIGHER_CARE: frozenset[Level] = frozenset({"withdrawal_management_first", "residential_or_inpatient"})

#: substances whose withdrawal can need medical care when used daily (facts: "When something else
#: comes first": heavy daily alcohol, benzodiazepine or opioid use)
SEDATING_SUBSTANCES = frozenset({"alcohol", "sedatives", "opioids"})
#: substances whose sudden stop after heavy daily use can cause seizures (facts: "Safety facts"): the
#: flow's safety note
SEIZURE_RISK_SUBSTANCES = frozenset({"alcohol", "sedatives"})
#: substances whose weekly use can still be a mild problem (with a low AUDIT-C for alcohol)
LIGHTER_SUBSTANCES = frozenset({"alcohol", "cannabis"})

#: suggested level -> the directory's level codes to search (directory/vocabulary.py LEVELS_OF_CARE).
#: Detox is offered in hospitals and residential programmes as well as stand-alone; a person who needs
#: more than an IOP sees the levels above it, partial hospitalization included; someone stepping
#: down looks for an IOP; outpatient also shows IOPs, as the directory holds mostly IOPs and the
#: person can compare.
SEARCH_LEVELS: dict[Level, frozenset[str]] = {
    "withdrawal_management_first": frozenset({"withdrawal_management", "inpatient", "residential"}),
    "residential_or_inpatient": frozenset({"residential", "inpatient", "partial_hospitalization"}),
    "intensive_outpatient": frozenset({"intensive_outpatient"}),
    "step_down_intensive_outpatient": frozenset({"intensive_outpatient"}),
    "outpatient": frozenset({"outpatient", "intensive_outpatient"}),
}


@dataclass(frozen=True)
class Assessment:
    """What the person told us; every field may be unknown (None, or an empty set)."""

    substances: frozenset[str] = frozenset()
    use_frequency: str | None = None  # the heaviest use: "daily", "weekly", "monthly_or_less" or free text
    #: the substances used daily, when the answer said which; None: not said (all named ones count)
    daily_substances: frozenset[str] | None = None
    age_band: str | None = None  # "under_18", "18_25", "26_64", "65_plus"
    withdrawal_history: bool | None = None  # seizures, hallucinations or DTs when stopping before
    mental_health: frozenset[str] = frozenset()
    severe_psychiatric: bool | None = None  # psychosis, active suicidal risk
    recent_discharge: bool | None = None  # recently left hospital, detox or residential care
    prior_treatment: bool | None = None
    medical_monitoring: bool | None = None  # a health condition a doctor must watch closely
    home_safe: bool | None = None
    support: bool | None = None
    can_commit_hours: bool | None = None  # about 9 hours a week
    audit_c: int | None = None  # 0-12
    phq2: int | None = None  # 0-6
    readiness: int | None = None  # 0-10


@dataclass(frozen=True)
class Suggestion:
    """A suggested level, the directory levels to search, why (reason codes, in order) and the tone."""

    level: Level
    search_levels: frozenset[str]
    reasons: tuple[str, ...]
    tone: Tone
    adolescent: bool = False  # under 18: teen programmes, worded for them (or their parent)


@dataclass(frozen=True)
class Rule:
    """If ``applies`` to the assessment, suggest ``level`` and say ``reason``."""

    applies: Callable[[Assessment], bool]
    level: Level
    reason: str


@dataclass(frozen=True)
class Note:
    """A secondary reason said after the level's own, when it ``applies`` and the level is one of ``levels``."""

    applies: Callable[[Assessment], bool]
    reason: str
    levels: frozenset[Level] = field(default_factory=lambda: frozenset(LEVELS))


def used_daily(a: Assessment) -> frozenset[str]:
    """The substances used every day or most days: those the answer tied to daily use, or every one
    named when the answer did not say which (the cautious reading)."""
    if a.use_frequency != "daily":
        return frozenset()
    return a.substances if a.daily_substances is None else a.daily_substances & a.substances


def daily_sedating(a: Assessment) -> frozenset[str]:
    """Alcohol, sedatives or opioids used daily (withdrawal can need medical care)."""
    return used_daily(a) & SEDATING_SUBSTANCES


def _current_withdrawal_risk(a: Assessment) -> bool:
    """Seizures or DTs when stopping before: a risk now, unless the person has just left care (they
    came through withdrawal there; how often they used describes the time before it)."""
    return a.withdrawal_history is True and a.recent_discharge is not True


def _daily_sedating_use(a: Assessment) -> bool:
    return bool(daily_sedating(a)) and a.recent_discharge is not True


def _heavy_drinking_withdrawal_unknown(a: Assessment) -> bool:
    return (
        a.withdrawal_history is None
        and a.recent_discharge is not True
        and "alcohol" in a.substances
        and a.audit_c is not None
        and a.audit_c >= AUDIT_C_HIGH_RISK
    )


def _mild_needs(a: Assessment) -> bool:
    """Facts, "When something else comes first": mild problems with good support -> outpatient may be
    enough. Mild means use once a month or less (with a negative AUDIT-C, or one below its high-risk
    band when there is support or an IOP's hours are out of reach: a monthly binge is risky drinking,
    not daily need), or weekly drinking or cannabis use below the AUDIT-C's high-risk band, with
    support, by someone who can only manage about one session a week."""
    below_high_risk = a.audit_c is None or a.audit_c < AUDIT_C_HIGH_RISK
    occasional = a.use_frequency == "monthly_or_less" and (
        a.audit_c is None or not audit_c_positive(a.audit_c)
        or (below_high_risk and (a.can_commit_hours is False or a.support is True)))
    weekly_and_limited = (
        a.use_frequency == "weekly"
        and a.can_commit_hours is False
        and a.support is True
        and a.substances <= LIGHTER_SUBSTANCES
        and below_high_risk
    )
    return (
        (occasional or weekly_and_limited)
        and not a.mental_health
        and (a.phq2 is None or not phq2_positive(a.phq2))
        and a.prior_treatment is not True
        and a.support is not False
    )


#: The level of care, first match wins:
#:
#: ==  ====================================================  ==============================  ==================
#: #   when                                                  level                           reason
#: ==  ====================================================  ==============================  ==================
#: 1   seizures, hallucinations or DTs when stopping before  withdrawal_management_first     withdrawal_risk
#:     (not just out of care)
#: 2   daily use of alcohol, sedatives or opioids            withdrawal_management_first     daily_sedating_use
#:     (not just out of care)
#: 3   AUDIT-C >= 8, withdrawal history unsure or unknown    withdrawal_management_first     heavy_drinking
#:     (not just out of care)
#: 4   a health condition that needs close monitoring        residential_or_inpatient        medical_monitoring
#: 5   severe psychiatric symptoms                           residential_or_inpatient        severe_psychiatric
#: 6   home not safe, or not free of alcohol and drugs       residential_or_inpatient        home_unsafe
#: 7   recently left hospital, detox or residential care     step_down_intensive_outpatient  recent_discharge
#: 8   mild needs (see ``_mild_needs``)                      outpatient                      mild_needs
#: 9   otherwise                                             intensive_outpatient            needs_structure
#: ==  ====================================================  ==============================  ==================
#:
#: Sources in iop-facts.md: rules 1-6 "When something else comes first"; 7 "Who is a good candidate
#: for an IOP" (step-down care); 8 "When something else comes first" (mild problems with good
#: support); 9 "Who is a good candidate for an IOP" (more than outpatient, less than inpatient).
RULES: tuple[Rule, ...] = (
    Rule(_current_withdrawal_risk, "withdrawal_management_first", "withdrawal_risk"),
    Rule(_daily_sedating_use, "withdrawal_management_first", "daily_sedating_use"),
    Rule(_heavy_drinking_withdrawal_unknown, "withdrawal_management_first", "heavy_drinking"),
    Rule(lambda a: a.medical_monitoring is True, "residential_or_inpatient", "medical_monitoring"),
    Rule(lambda a: a.severe_psychiatric is True, "residential_or_inpatient", "severe_psychiatric"),
    Rule(lambda a: a.home_safe is False, "residential_or_inpatient", "home_unsafe"),
    Rule(lambda a: a.recent_discharge is True, "step_down_intensive_outpatient", "recent_discharge"),
    Rule(_mild_needs, "outpatient", "mild_needs"),
    Rule(lambda a: True, "intensive_outpatient", "needs_structure"),
)

_IOP_LEVELS: frozenset[Level] = frozenset({"intensive_outpatient", "step_down_intensive_outpatient"})

#: Secondary reasons, said after the level's own, in this order, for the levels listed.
#: A co-occurring condition or a positive PHQ-2 matters at every level ("Who is a good candidate":
#: co-occurring conditions); hours and support matter where the suggestion is an IOP.
NOTES: tuple[Note, ...] = (
    Note(lambda a: bool(a.mental_health), "co_occurring"),
    Note(lambda a: a.phq2 is not None and phq2_positive(a.phq2), "positive_phq2"),
    Note(
        lambda a: a.audit_c is not None and audit_c_positive(a.audit_c),
        "high_audit_c",
        frozenset({"residential_or_inpatient", *_IOP_LEVELS}),
    ),
    Note(lambda a: a.prior_treatment is True, "prior_treatment", frozenset({"intensive_outpatient"})),
    Note(lambda a: a.support is False, "little_support", _IOP_LEVELS),
    Note(lambda a: a.can_commit_hours is False, "cannot_commit_hours", _IOP_LEVELS),
    Note(lambda a: a.age_band == "under_18", "adolescent"),
    Note(lambda a: a.age_band == "65_plus", "older_adult"),
)

#: every reason code a suggestion can carry, in the order they can appear
REASONS: tuple[str, ...] = tuple(rule.reason for rule in RULES) + tuple(note.reason for note in NOTES)


def tone(readiness: int | None) -> Tone:
    """Readiness 7-10 "ready", 4-6 "ambivalent", 0-3 "not_ready"; unknown reads as "ambivalent" (no pressure)."""
    if readiness is None:
        return "ambivalent"
    if readiness >= 7:
        return "ready"
    return "ambivalent" if readiness >= 4 else "not_ready"


def suggest_level(assessment: Assessment) -> Suggestion:
    """The suggested level of care: the first matching rule sets the level.

    Reasons are, in table order: every matching rule of that level or of a higher-care level (a
    detox suggestion also says home is unsafe), then the notes that apply to the level. Someone who
    cannot commit to IOP hours also sees outpatient programmes in the search.
    """
    matching = [rule for rule in RULES if rule.applies(assessment)]
    level = matching[0].level
    reasons = [rule.reason for rule in matching if rule.level == level or rule.level in HIGHER_CARE]
    reasons += [note.reason for note in NOTES if level in note.levels and note.applies(assessment)]
    search_levels = SEARCH_LEVELS[level]
    if "cannot_commit_hours" in reasons:
        search_levels |= {"outpatient"}
    return Suggestion(
        level, search_levels, tuple(reasons), tone(assessment.readiness), adolescent=assessment.age_band == "under_18"
    )
