"""The values a result or a programme's details fill into their responses (pure).

The sentences themselves are responses in the domain (``utter_result``,
``utter_programme_details``); this module only turns records into the words that fill them.
"""

from __future__ import annotations

import re
from typing import Any
from urllib.parse import urlencode

from directory import vocabulary
from directory.model import Programme
from directory.query import SearchResult


def _labels(facet: str, codes: frozenset[str]) -> str:
    return ", ".join(vocabulary.labels(facet, codes)) or "not listed"


def _verified(programme: Programme) -> str:
    verified = programme.provenance.last_verified
    return verified.isoformat() if verified else "not stated"


def _demo(programme: Programme) -> str:
    return "[DEMO - fictional] " if programme.demo else ""


_EXTENSION = re.compile(r"\s*(?:ext\.?|extension|x)\s*(\d+)\s*$", re.IGNORECASE)


def tel_number(phone: str) -> str:
    """What follows ``tel:`` in a tap-to-call link (RFC 3966): ``+1`` and ten digits for a North
    American number, an extension as ``;ext=``; empty when ``phone`` holds no dialable number."""
    extension = _EXTENSION.search(phone)
    digits = re.sub(r"\D", "", phone[: extension.start()] if extension else phone)
    if len(digits) == 11 and digits.startswith("1"):
        digits = digits[1:]
    if len(digits) == 10:
        number = f"+1{digits}"
    elif 3 <= len(digits) <= 15:  # short codes (988, 911) and numbers we cannot place: dial as written
        number = digits
    else:
        return ""
    return f"{number};ext={extension.group(1)}" if extension else number


def map_url(latitude: float, longitude: float) -> str:
    """An OpenStreetMap page with a marker on the programme (opened only when the person taps it)."""
    lat, lon = f"{latitude:.5f}", f"{longitude:.5f}"
    return f"https://www.openstreetmap.org/?{urlencode({'mlat': lat, 'mlon': lon})}#map=16/{lat}/{lon}"


def result_fields(number: int, result: SearchResult) -> dict[str, Any]:
    """Fills ``utter_result``: number, name, demo, distance, phone, why, verified, and for the web
    widget's card ``tel`` (empty without a number) and ``map_url``."""
    programme = result.programme
    location = programme.location
    return {
        "number": number,
        "name": programme.name,
        "demo": _demo(programme),
        "distance": f"{result.distance_miles:.1f}",
        "phone": programme.intake_phone or "no phone listed",
        "why": "; ".join(result.why) or "matches your search",
        "verified": _verified(programme),
        "map_query": f"{location.latitude:.5f},{location.longitude:.5f}",
        "tel": tel_number(programme.intake_phone),
        "map_url": map_url(location.latitude, location.longitude),
    }


def details_fields(programme: Programme) -> dict[str, Any]:
    """Fills ``utter_programme_details``; ``serves`` names the ages and groups served (teens, women...)."""
    location = programme.location
    return {
        "name": programme.name,
        "demo": _demo(programme),
        "address": f"{location.address_1}, {location.city}, {location.state_province} {location.postal_code}",
        "phone": programme.intake_phone or "no phone listed",
        "levels": _labels("level", programme.levels_of_care) + ("; telehealth" if programme.telehealth else ""),
        "serves": _labels("population", programme.populations),
        "services": ", ".join(
            (*vocabulary.labels("service", programme.services), *vocabulary.labels("medication", programme.medications))
        ) or "not listed",
        "aftercare": _labels("aftercare", programme.aftercare),
        "accreditation": _labels("accreditation", programme.accreditations),
        "payment": _labels("payment", programme.payment),
        "schedule": _labels("schedule", programme.schedules),
        "verified": _verified(programme),
    }
