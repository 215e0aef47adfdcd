"""The directory's controlled vocabulary: every filterable attribute and its allowed values.

Each facet is an ordered tuple of terms. A term has a stable ``code`` (stored, used in filters
and on the command line), a plain-words ``label`` and a ``reason`` phrase used when a search
explains why a programme matched ("accepts Medicaid", "CARF accredited").

The order of terms inside a facet is part of the SQLite store's format (each term is one bit of
an integer mask): append new terms at the end, never reorder or remove.
Languages are open-ended and are not a facet here; they are stored as lower-case names.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass


@dataclass(frozen=True)
class Term:
    code: str
    label: str
    reason: str


def _terms(*rows: tuple[str, str, str]) -> tuple[Term, ...]:
    return tuple(Term(code, label, reason) for code, label, reason in rows)


LEVELS_OF_CARE = _terms(
    ("outpatient", "outpatient", "outpatient"),
    ("intensive_outpatient", "intensive outpatient (IOP)", "intensive outpatient"),
    ("partial_hospitalization", "partial hospitalization (PHP)", "partial hospitalization"),
    ("residential", "residential", "residential care"),
    ("inpatient", "hospital inpatient", "hospital inpatient care"),
    ("withdrawal_management", "withdrawal management (detox)", "medically supervised detox"),
)

CONDITIONS = _terms(
    ("alcohol", "alcohol use", "treats alcohol use"),
    ("opioids", "opioid use", "treats opioid use"),
    ("stimulants", "stimulant use (cocaine, meth)", "treats stimulant use"),
    ("cannabis", "cannabis use", "treats cannabis use"),
    ("sedatives", "sedative use (benzodiazepines)", "treats sedative use"),
    ("other_substances", "other substance use", "treats other substance use"),
    ("co_occurring", "co-occurring mental health and substance use", "treats co-occurring conditions"),
    ("depression", "depression", "treats depression"),
    ("bipolar", "bipolar disorder", "treats bipolar disorder"),
    ("eating_disorders", "eating disorders", "treats eating disorders"),
    ("self_harm", "self-harm", "treats self-harm"),
    ("anxiety", "anxiety", "treats anxiety"),
    ("trauma", "trauma and PTSD", "treats trauma"),
)

SERVICES = _terms(
    ("group_therapy", "group therapy", "group therapy"),
    ("individual_therapy", "individual therapy", "individual therapy"),
    ("family_therapy", "family therapy", "family therapy"),
    ("psychoeducation", "psychoeducation", "education about recovery"),
    ("cbt", "cognitive behavioral therapy (CBT)", "CBT"),
    ("motivational_interviewing", "motivational interviewing", "motivational interviewing"),
    ("twelve_step", "12-step facilitation", "12-step facilitation"),
    ("relapse_prevention", "relapse prevention", "relapse prevention"),
    ("medication_management", "medication management", "medication management"),
    ("drug_testing", "drug and alcohol testing", "drug and alcohol testing"),
    ("case_management", "case management", "case management"),
    ("holistic", "holistic approaches (mindfulness, yoga, art)", "holistic approaches"),
    ("child_care", "child care", "child care help"),
    ("transportation", "transportation help", "transportation help"),
    ("dbt", "dialectical behavior therapy (DBT)", "DBT"),
    ("trauma_therapy", "trauma-focused therapy", "trauma-focused therapy"),
)

MEDICATIONS = _terms(
    ("buprenorphine", "buprenorphine (Suboxone, Sublocade)", "offers buprenorphine"),
    ("methadone", "methadone", "offers methadone"),
    ("naltrexone", "naltrexone (oral or Vivitrol)", "offers naltrexone"),
    ("acamprosate", "acamprosate (Campral)", "offers acamprosate"),
    ("disulfiram", "disulfiram (Antabuse)", "offers disulfiram"),
    ("psychiatric_medications", "medications for mental health", "psychiatric medications"),
)

ACCREDITATIONS = _terms(
    ("joint_commission", "The Joint Commission", "Joint Commission accredited"),
    ("carf", "CARF", "CARF accredited"),
    ("ncqa", "NCQA", "NCQA accredited"),
    ("coa", "Council on Accreditation (COA)", "COA accredited"),
    ("hfap", "HFAP", "HFAP accredited"),
    ("state_license", "state licence", "state licensed"),
)

AFTERCARE = _terms(
    ("continuing_care", "continuing care / step-down", "continuing care"),
    ("alumni", "alumni programme", "alumni programme"),
    ("discharge_planning", "discharge planning", "discharge planning"),
    ("recovery_support", "recovery support (peer, self-help groups)", "recovery support"),
)

PAYMENT = _terms(
    ("medicaid", "Medicaid", "accepts Medicaid"),
    ("medicare", "Medicare", "accepts Medicare"),
    ("private_insurance", "private insurance", "accepts private insurance"),
    ("military_insurance", "military insurance (TRICARE)", "accepts military insurance"),
    ("ihs_tribal", "IHS / tribal funds", "accepts IHS/tribal funds"),
    ("self_pay", "self-pay (cash)", "accepts self-pay"),
    ("sliding_fee", "sliding fee scale", "sliding fee scale"),
    ("free", "free care", "free care available"),
    ("payment_plan", "payment plans / financing", "payment plans"),
    ("eap", "employee assistance programmes (EAP)", "accepts EAP"),
    ("scholarship", "grants / scholarships", "scholarships available"),
    ("payment_assistance", "payment assistance", "payment assistance"),
)

SCHEDULES = _terms(
    ("morning", "morning", "morning groups"),
    ("daytime", "daytime", "daytime groups"),
    ("evening", "evening", "evening groups"),
    ("weekend", "weekend", "weekend groups"),
)

POPULATIONS = _terms(
    ("adolescents", "adolescents", "serves adolescents"),
    ("adults", "adults", "serves adults"),
    ("seniors", "seniors", "serves seniors"),
    ("women", "women", "programme for women"),
    ("men", "men", "programme for men"),
    ("veterans", "veterans", "serves veterans"),
    ("lgbtq", "LGBTQ+", "LGBTQ+ affirming"),
    ("pregnant_postpartum", "pregnant or postpartum", "serves pregnant/postpartum women"),
    ("justice_involved", "justice-involved", "serves justice-involved clients"),
    ("young_adults", "young adults", "serves young adults"),
)

#: facet name -> its terms. The facet names are the filter names used everywhere.
FACETS: dict[str, tuple[Term, ...]] = {
    "level": LEVELS_OF_CARE,
    "condition": CONDITIONS,
    "service": SERVICES,
    "medication": MEDICATIONS,
    "accreditation": ACCREDITATIONS,
    "aftercare": AFTERCARE,
    "payment": PAYMENT,
    "schedule": SCHEDULES,
    "population": POPULATIONS,
}

_BY_CODE: dict[str, dict[str, Term]] = {
    facet: {term.code: term for term in terms} for facet, terms in FACETS.items()
}


class UnknownTermError(ValueError):
    """A filter or record named a value that is not in the vocabulary."""


def term(facet: str, code: str) -> Term:
    """The term ``code`` of ``facet``; raises UnknownTermError with the allowed codes."""
    if facet not in _BY_CODE:
        raise UnknownTermError(f"unknown filter {facet!r} (expected one of: {', '.join(FACETS)})")
    try:
        return _BY_CODE[facet][code]
    except KeyError:
        allowed = ", ".join(_BY_CODE[facet])
        raise UnknownTermError(f"unknown {facet} {code!r} (expected one of: {allowed})") from None


def codes(facet: str) -> tuple[str, ...]:
    return tuple(t.code for t in FACETS[facet])


def labels(facet: str, wanted: Iterable[str]) -> tuple[str, ...]:
    """The labels of the ``wanted`` codes of ``facet``, in the vocabulary's order (unknown codes skipped)."""
    chosen = set(wanted)
    return tuple(t.label for t in FACETS[facet] if t.code in chosen)


def validate_codes(facet: str, values: object) -> frozenset[str]:
    """Check every value is a known code of ``facet`` and return them as a frozenset."""
    return frozenset(term(facet, value).code for value in values)  # type: ignore[union-attr]


def to_mask(facet: str, values: frozenset[str] | set[str]) -> int:
    """Encode a set of codes as a bit mask (bit i = i-th term of the facet)."""
    position = {t.code: i for i, t in enumerate(FACETS[facet])}
    mask = 0
    for value in values:
        mask |= 1 << position[value]
    return mask


def from_mask(facet: str, mask: int) -> frozenset[str]:
    return frozenset(t.code for i, t in enumerate(FACETS[facet]) if mask >> i & 1)
