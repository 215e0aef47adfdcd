"""How the conversation's slots become a directory search (pure: no rasa_sdk here)."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

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
#: facets that rule programmes out; the others only rank (a wish, not a requirement)
REQUIRED_FACETS = frozenset({"level", "payment", "schedule"})
#: slot values that mean "no preference"
ANY = frozenset({"any", "none"})


def _codes(facet: str, values: Any) -> frozenset[str]:
    if not isinstance(values, list | tuple | set | frozenset):
        values = [values] if values else []
    known = set(vocabulary.codes(facet))
    return frozenset(str(value) for value in values if str(value) in known)


def search_filters(slots: Mapping[str, Any]) -> tuple[Filters, Filters]:
    """(required filters, soft preferences) from the slots.

    The level of care, the way to pay and the times a person can come rule programmes out
    ("only evening ones" means only); accreditation, aftercare, population, language and
    telehealth only rank, so a person is never left with nothing because of a wish.
    """
    required: dict[str, frozenset[str]] = {}
    preferred: dict[str, frozenset[str]] = {}
    for slot, facet in FACET_SLOTS.items():
        codes = _codes(facet, slots.get(slot))
        if codes:
            (required if facet in REQUIRED_FACETS else preferred)[facet] = codes
    languages = frozenset(str(v).lower() for v in slots.get("language") or () if str(v).lower() not in ANY)
    return (
        Filters(facets=required),
        Filters(facets=preferred, languages=languages, telehealth=bool(slots.get("telehealth"))),
    )


def radius(slots: Mapping[str, Any]) -> float:
    value = slots.get("radius_miles")
    return float(value) if value else DEFAULT_RADIUS_MILES


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
