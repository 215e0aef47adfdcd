"""The provider directory's data model.

Names follow Open Referral HSDS 3.0 where it has them (organization, service, location with
address fields, phone with a type, cost options as ``payment``, accreditations, languages,
last verified date); the IOP-specific attributes are facets from :mod:`directory.vocabulary`.
One :class:`Programme` is one service offered at one location by one organization, which is
what a person calls.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, fields, replace
from datetime import date
from typing import Any

from directory import vocabulary

#: facet name (as used in filters) -> Programme attribute holding its codes
FACET_FIELDS: dict[str, str] = {
    "level": "levels_of_care",
    "condition": "conditions",
    "service": "services",
    "medication": "medications",
    "accreditation": "accreditations",
    "aftercare": "aftercare",
    "payment": "payment",
    "schedule": "schedules",
    "population": "populations",
}

PHONE_TYPES = ("intake", "voice", "hotline")
_STATE_RE = re.compile(r"^[A-Z]{2}$")
_ZIP_RE = re.compile(r"^\d{5}$")


class InvalidRecordError(ValueError):
    """A programme record breaks a rule of the model; the message says which."""


@dataclass(frozen=True)
class Phone:
    number: str
    type: str = "voice"

    def __post_init__(self) -> None:
        if self.type not in PHONE_TYPES:
            raise InvalidRecordError(f"phone type {self.type!r} is not one of {PHONE_TYPES}")
        if sum(ch.isdigit() for ch in self.number) < 10:
            raise InvalidRecordError(f"phone {self.number!r} has fewer than 10 digits")


@dataclass(frozen=True)
class Location:
    address_1: str
    city: str
    state_province: str
    postal_code: str
    latitude: float
    longitude: float
    address_2: str = ""

    def __post_init__(self) -> None:
        if not _STATE_RE.match(self.state_province):
            raise InvalidRecordError(f"state {self.state_province!r} is not a 2-letter code")
        if not _ZIP_RE.match(self.postal_code):
            raise InvalidRecordError(f"ZIP code {self.postal_code!r} is not 5 digits")
        if not (-90 <= self.latitude <= 90 and -180 <= self.longitude <= 180):
            raise InvalidRecordError(f"coordinates ({self.latitude}, {self.longitude}) are out of range")
        if self.latitude == 0 and self.longitude == 0:
            raise InvalidRecordError("coordinates are (0, 0), which means missing")


@dataclass(frozen=True)
class Provenance:
    """Where a record came from. ``last_verified`` is None when the source does not say."""

    source: str
    source_id: str
    last_verified: date | None = None
    demo: bool = False

    def __post_init__(self) -> None:
        if not self.source or not self.source_id:
            raise InvalidRecordError("a record needs a source and a source id")


@dataclass(frozen=True)
class Programme:
    organization_name: str
    service_name: str
    location: Location
    provenance: Provenance
    phones: tuple[Phone, ...] = ()
    website: str = ""
    description: str = ""
    levels_of_care: frozenset[str] = frozenset()
    telehealth: bool = False
    conditions: frozenset[str] = frozenset()
    services: frozenset[str] = frozenset()
    medications: frozenset[str] = frozenset()
    accreditations: frozenset[str] = frozenset()
    license_agency: str = ""
    aftercare: frozenset[str] = frozenset()
    payment: frozenset[str] = frozenset()
    schedules: frozenset[str] = frozenset()
    hours_per_week: float | None = None
    length_weeks: int | None = None
    populations: frozenset[str] = frozenset()
    languages: frozenset[str] = field(default_factory=lambda: frozenset({"english"}))

    def __post_init__(self) -> None:
        if not self.organization_name.strip():
            raise InvalidRecordError("a programme needs an organization name")
        for facet, attribute in FACET_FIELDS.items():
            values = getattr(self, attribute)
            if not isinstance(values, frozenset):
                raise InvalidRecordError(f"{attribute} must be a frozenset, got {type(values).__name__}")
            try:
                vocabulary.validate_codes(facet, values)
            except vocabulary.UnknownTermError as error:
                raise InvalidRecordError(str(error)) from None
        if self.hours_per_week is not None and not 0 < self.hours_per_week <= 80:
            raise InvalidRecordError(f"hours per week {self.hours_per_week} is not between 0 and 80")
        if self.length_weeks is not None and not 0 < self.length_weeks <= 104:
            raise InvalidRecordError(f"programme length {self.length_weeks} weeks is not between 1 and 104")
        if any(lang != lang.lower() or not lang.strip() for lang in self.languages):
            raise InvalidRecordError("languages must be non-empty lower-case names")

    @property
    def id(self) -> str:
        return f"{self.provenance.source}:{self.provenance.source_id}"

    @property
    def name(self) -> str:
        """What a person sees: the service name after the organization when they differ."""
        if self.service_name and self.service_name != self.organization_name:
            return f"{self.organization_name} - {self.service_name}"
        return self.organization_name

    @property
    def demo(self) -> bool:
        return self.provenance.demo

    @property
    def intake_phone(self) -> str:
        """The number to call to start treatment: the intake line, else the main line."""
        for wanted in ("intake", "voice", "hotline"):
            for phone in self.phones:
                if phone.type == wanted:
                    return phone.number
        return ""

    def facet_values(self, facet: str) -> frozenset[str]:
        return getattr(self, FACET_FIELDS[facet])

    def with_provenance(self, **changes: Any) -> Programme:
        return replace(self, provenance=replace(self.provenance, **changes))


def programme_to_dict(programme: Programme) -> dict[str, Any]:
    """A JSON-ready dict (sets become sorted lists, dates ISO strings)."""
    return _to_plain(programme)


def programme_from_dict(data: dict[str, Any]) -> Programme:
    """Inverse of :func:`programme_to_dict`; raises InvalidRecordError on bad data."""
    try:
        location = Location(**data["location"])
        provenance_data = dict(data["provenance"])
        verified = provenance_data.get("last_verified")
        provenance_data["last_verified"] = date.fromisoformat(verified) if verified else None
        provenance = Provenance(**provenance_data)
        phones = tuple(Phone(**phone) for phone in data.get("phones", ()))
        values: dict[str, Any] = {}
        for item in fields(Programme):
            if item.name in ("location", "provenance", "phones") or item.name not in data:
                continue
            value = data[item.name]
            values[item.name] = frozenset(value) if isinstance(value, list) else value
        return Programme(location=location, provenance=provenance, phones=phones, **values)
    except (KeyError, TypeError) as error:
        raise InvalidRecordError(f"malformed programme record: {error}") from None


def _to_plain(value: Any) -> Any:
    if hasattr(value, "__dataclass_fields__"):
        return {item.name: _to_plain(getattr(value, item.name)) for item in fields(value)}
    if isinstance(value, frozenset):
        return sorted(value)
    if isinstance(value, tuple):
        return [_to_plain(item) for item in value]
    if isinstance(value, date):
        return value.isoformat()
    return value
