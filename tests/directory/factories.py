"""Builders of programmes for tests: fictional, valid, with only what a test cares about."""

from __future__ import annotations

from datetime import date
from itertools import count

from geopy.distance import geodesic

from directory.model import Location, Phone, Programme, Provenance
from directory.query import Point

CHARLOTTESVILLE = Point(38.0293, -78.4767)
_ids = count(1)


def point_at(origin: Point, miles: float, bearing: float = 90.0) -> Point:
    """The point ``miles`` away from ``origin`` along ``bearing`` (geodesic, WGS-84)."""
    destination = geodesic(miles=miles).destination((origin.latitude, origin.longitude), bearing)
    return Point(destination.latitude, destination.longitude)


def programme(
    *,
    at: Point = CHARLOTTESVILLE,
    state: str = "VA",
    source: str = "test",
    source_id: str | None = None,
    name: str | None = None,
    demo: bool = False,
    phone: str | None = "434-555-0100",
    last_verified: date | None = date(2025, 6, 1),
    telehealth: bool = False,
    languages: frozenset[str] = frozenset({"english"}),
    **facets: frozenset[str] | set[str],
) -> Programme:
    number = next(_ids)
    return Programme(
        organization_name=name or f"Test Programme {number}",
        service_name="",
        location=Location("1 Test Street", "Testville", state, "22902", at.latitude, at.longitude),
        provenance=Provenance(source, source_id or f"p{number}", last_verified, demo),
        phones=(Phone(phone, "intake"),) if phone else (),
        telehealth=telehealth,
        languages=languages,
        **{attribute: frozenset(values) for attribute, values in facets.items()},
    )
