"""How the conversation's slots become a directory search (pure: no rasa_sdk here)."""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Any

from actions import validation
from directory import vocabulary
from directory.query import DEFAULT_RADIUS_MILES, MAX_RADIUS_MILES, RADIUS_LADDER_MILES, Filters, SearchQuery

#: what the assistant shows at a time
PAGE_SIZE = 3
#: slot -> directory facet, for the slots holding vocabulary codes
FACET_SLOTS = {
    "search_levels": "level",
    "payment": "payment",
    "schedule": "schedule",
    "accreditation": "accreditation",
    "aftercare": "aftercare",
    "population": "population",
}
#: facets that rule programmes out; the others only rank (a wish, not a requirement). A population
#: asked for ("a women's program", "for veterans") is meant as a must (iop-facts.md, "Age and special
#: populations")
REQUIRED_FACETS = frozenset({"level", "payment", "schedule", "population"})
#: levels where people stay day and night: the times they can come only rank there
STAYING_LEVELS = frozenset({"withdrawal_management", "inpatient", "residential"})
#: age band -> (population, required): a minor needs a teen programme; other ages only rank
AGE_POPULATIONS = {"under_18": ("adolescents", True), "18_25": ("young_adults", False), "65_plus": ("seniors", False)}
#: slot values that mean "no preference"
ANY = frozenset({"any", "none"})


def _values(value: Any) -> list[str]:
    """A slot's values as strings, in order, "no preference" left out."""
    values = value if isinstance(value, list | tuple | set | frozenset) else [value] if value else []
    return [str(item) for item in values if str(item) not in ANY]


def _codes(facet: str, values: Any) -> frozenset[str]:
    known = set(vocabulary.codes(facet))
    return frozenset(value for value in _values(values) if value in known)


def search_filters(slots: Mapping[str, Any]) -> tuple[Filters, Filters]:
    """(required filters, soft preferences) from the slots.

    The level of care, the way to pay, the times a person can come and a population asked for rule
    programmes out ("only evening ones" means only), and so does being under 18 (teen programmes);
    accreditation, aftercare, language, telehealth and the other age groups only rank, so a person
    is never left with nothing because of a wish. The times only rank too when a level where people
    stay (detox, residential, hospital) is searched: its hours are not the person's to fit.
    """
    required: dict[str, frozenset[str]] = {}
    preferred: dict[str, frozenset[str]] = {}
    staying = bool(_codes("level", slots.get("search_levels")) & STAYING_LEVELS)
    for slot, facet in FACET_SLOTS.items():
        codes = _codes(facet, slots.get(slot))
        if codes:
            must = facet in REQUIRED_FACETS and not (facet == "schedule" and staying)
            (required if must else preferred)[facet] = codes
    if slots.get("age_band") in AGE_POPULATIONS:
        population, must = AGE_POPULATIONS[slots["age_band"]]
        if must:  # a teen programme, whatever else was named: other groups (women, LGBTQ+) then only rank
            named = required.pop("population", frozenset()) - {population, "adults", "seniors"}
            required["population"] = frozenset({population})
            if named:
                preferred["population"] = named
        else:
            preferred["population"] = preferred.get("population", frozenset()) | {population}
    languages = frozenset(str(v).lower() for v in slots.get("language") or () if str(v).lower() not in ANY)
    return (
        Filters(facets=required),
        Filters(facets=preferred, languages=languages, telehealth=bool(slots.get("telehealth"))),
    )


def radius(slots: Mapping[str, Any]) -> float:
    """The radius asked for ("within 10 miles", "15 km"), else the default 25 miles (not asked: the
    results say it, and "further away" widens it)."""
    return validation.radius_miles(slots.get("radius_miles")) or DEFAULT_RADIUS_MILES


def search_query(slots: Mapping[str, Any], *, radius_miles: float | None = None, offset: int = 0) -> SearchQuery:
    filters, preferences = search_filters(slots)
    return SearchQuery(
        near=str(slots["location"]),
        radius_miles=min(radius_miles or radius(slots), MAX_RADIUS_MILES),
        filters=filters,
        preferences=preferences,
        limit=PAGE_SIZE,
        offset=offset,
    )


def next_radius(current: float) -> float | None:
    """The next step out on the directory's radius ladder, or None at the end."""
    return next((float(r) for r in RADIUS_LADDER_MILES if r > current), None)


#: the slots a refinement changes, as people say them: values add to what was asked before
REFINABLE = ("payment", "schedule", "population", "accreditation", "aftercare", "language")
#: words that mean the new wish replaces the old one ("only evenings", "switch to medicaid instead")
_REPLACES = re.compile(
    r"\b(?:only|just|instead|rather than|not .{0,30} any ?more|no longer|switch(?:ed)? to|change (?:it )?to|"
    r"replace|forget (?:about )?(?:the )?|never ?mind)\b"
)


def refined_slots(before: Mapping[str, Any], now: Mapping[str, Any], text: str | None) -> dict[str, list[str]]:
    """The refinable slots this message changed, as they should stand: a new wish is added to what was
    asked before ("also my insurance": Medicaid or private insurance), unless the message says it
    replaces it ("only evenings", "instead"). Slots the message did not change are left out."""
    replaces = bool(_REPLACES.search(str(text or "").lower()))
    changed: dict[str, list[str]] = {}
    for slot in REFINABLE:
        old, new = _values(before.get(slot)), _values(now.get(slot))
        if not new or new == old:
            continue
        changed[slot] = new if replaces else list(dict.fromkeys([*old, *new]))
    return changed


#: how each refinable facet (slot of the same name) is said back: the word that joins its values
_SAID_BACK = (("payment", " or "), ("schedule", " or "), ("population", " and "), ("accreditation", " or "),
              ("aftercare", " and "))


def search_summary(slots: Mapping[str, Any]) -> str:
    """What the search now asks for, in the directory's own labels ("Medicaid or private insurance;
    weekend; veterans"), for saying a change back; empty when it asks for nothing in particular."""
    parts = []
    for facet, joiner in _SAID_BACK:
        codes = _codes(facet, slots.get(facet))
        if codes:
            parts.append(joiner.join(vocabulary.labels(facet, codes)))
    languages = _values(slots.get("language"))
    if languages:
        parts.append(" or ".join(language.capitalize() for language in languages))
    if slots.get("telehealth"):
        parts.append("telehealth")
    return "; ".join(parts)
