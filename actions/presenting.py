"""The values a result or a programme's details fill into their responses (pure).

The sentences themselves are responses in the domain (``utter_result``,
``utter_programme_details``); this module only turns records into the words that fill them.
"""

from __future__ import annotations

from typing import Any

from directory import vocabulary
from directory.model import Programme
from directory.query import SearchResult


def _labels(facet: str, codes: frozenset[str]) -> str:
    labels = [term.label for term in vocabulary.FACETS[facet] if term.code in codes]
    return ", ".join(labels) or "not listed"


def _verified(programme: Programme) -> str:
    verified = programme.provenance.last_verified
    return verified.isoformat() if verified else "not stated"


def _demo(programme: Programme) -> str:
    return "[DEMO - fictional] " if programme.demo else ""


def result_fields(number: int, result: SearchResult) -> dict[str, Any]:
    """Fills ``utter_result``: number, name, demo, distance, phone, why, verified."""
    programme = result.programme
    return {
        "number": number,
        "name": programme.name,
        "demo": _demo(programme),
        "distance": f"{result.distance_miles:.1f}",
        "phone": programme.intake_phone or "no phone listed",
        "why": "; ".join(result.why) or "matches your search",
        "verified": _verified(programme),
        "map_query": f"{programme.location.latitude:.5f},{programme.location.longitude:.5f}",
    }


def details_fields(programme: Programme) -> dict[str, Any]:
    """Fills ``utter_programme_details``."""
    location = programme.location
    services = programme.services | programme.medications
    return {
        "name": programme.name,
        "demo": _demo(programme),
        "address": f"{location.address_1}, {location.city}, {location.state_province} {location.postal_code}",
        "phone": programme.intake_phone or "no phone listed",
        "levels": _labels("level", programme.levels_of_care) + ("; telehealth" if programme.telehealth else ""),
        "services": ", ".join(
            term.label for facet in ("service", "medication") for term in vocabulary.FACETS[facet]
            if term.code in services
        ) or "not listed",
        "aftercare": _labels("aftercare", programme.aftercare),
        "accreditation": _labels("accreditation", programme.accreditations),
        "payment": _labels("payment", programme.payment),
        "schedule": _labels("schedule", programme.schedules),
        "verified": _verified(programme),
    }
