"""Why a programme matched, in plain words: "intensive outpatient; accepts Medicaid; CARF accredited"."""

from __future__ import annotations

from directory import vocabulary
from directory.model import Programme
from directory.query import Filters

#: the order reasons are told in: the kind of care first, then what people ask about most
REASON_ORDER = ("level", "condition", "payment", "accreditation", "aftercare", "schedule",
                "population", "service", "medication")
#: when no level of care was asked for, the one to mention first, most relevant first
LEVEL_PRIORITY = ("intensive_outpatient", "partial_hospitalization", "outpatient", "residential",
                  "inpatient", "withdrawal_management")


def explain(programme: Programme, filters: Filters, preferences: Filters) -> tuple[str, ...]:
    """Reasons for every requested value (required or preferred) the programme offers."""
    reasons: list[str] = []
    for facet in REASON_ORDER:
        wanted = filters.facets.get(facet, frozenset()) | preferences.facets.get(facet, frozenset())
        offered = programme.facet_values(facet)
        if facet == "level" and not wanted:
            first = next((code for code in LEVEL_PRIORITY if code in offered), None)
            wanted = frozenset({first}) if first else frozenset()
        for term in vocabulary.FACETS[facet]:
            if term.code in wanted and term.code in offered:
                reasons.append(term.reason)
    if (filters.telehealth or preferences.telehealth) and programme.telehealth:
        reasons.append("offers telehealth")
    for language in sorted((filters.languages | preferences.languages) & programme.languages):
        reasons.append(f"services in {language.title()}")
    return tuple(dict.fromkeys(reasons))
