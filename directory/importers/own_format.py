"""The project's own format, for a programme or a helper keeping a list of programmes by hand.

Two spellings of the same records: a CSV file with a header row, or a YAML file holding a list
of mappings (or a mapping with a ``programmes`` list). Column / key names:

==================  ========  ===============================================================
name                required  meaning
==================  ========  ===============================================================
id                  yes       the record's id, unique in the file (stays the same on updates)
organization        yes       the organization, e.g. "Blue Ridge Recovery"
name                          the service's own name, e.g. "Evening IOP"
address, address_2            street address
city, state, zip              state is the 2-letter code, zip 5 digits (ZIP+4 is cut to 5)
latitude, longitude           decimal degrees; when both are empty the ZIP's centre is used
phone, intake_phone           main line and the number to call to start treatment
website, description          free text
levels                        codes, e.g. ``intensive_outpatient;partial_hospitalization``
telehealth                    yes/no (also true/false, 1/0); empty means no
conditions, services, medications, accreditations, aftercare, payment, schedules, populations
                              codes from :mod:`directory.vocabulary`
license_agency                who licenses the programme, with ``accreditations: state_license``
hours_per_week                e.g. 9 (more than 0, at most 80)
length_weeks                  e.g. 12 (1 to 104)
languages                     lower-case names, e.g. ``english;spanish`` (default english)
last_verified                 the day someone checked the record, YYYY-MM-DD
==================  ========  ===============================================================

In CSV a field with several values separates them with ";". In YAML they may be a list or a
";"-separated string; every YAML value is read as text, so ``zip: 02134`` keeps its zero.
A row with an unknown code, a bad value, a duplicate id, or no coordinates that the ZIP can
supply is refused with the reason; the other rows are still read. Unknown columns are ignored
with a warning. See ``directory/examples/programmes.csv`` and ``programmes.yaml``.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date
from pathlib import Path
from typing import Any

import yaml

from directory.importers.base import (
    ImportCollector,
    ImportResult,
    MalformedFileError,
    ZipLocator,
    read_csv_records,
    where_with_id,
)
from directory.model import InvalidRecordError, Location, Phone, Programme, Provenance

REQUIRED = ("id", "organization")
#: column -> Programme attribute, for the columns holding vocabulary codes
CODE_COLUMNS: dict[str, str] = {
    "levels": "levels_of_care",
    "conditions": "conditions",
    "services": "services",
    "medications": "medications",
    "accreditations": "accreditations",
    "aftercare": "aftercare",
    "payment": "payment",
    "schedules": "schedules",
    "populations": "populations",
}
COLUMNS = (
    *REQUIRED,
    *("name", "address", "address_2", "city", "state", "zip", "latitude", "longitude"),
    *("phone", "intake_phone", "website", "description", "telehealth", "license_agency"),
    *("hours_per_week", "length_weeks", "languages", "last_verified"),
    *CODE_COLUMNS,
)
_BOOLEANS = {"yes": True, "true": True, "1": True, "no": False, "false": False, "0": False, "": False}

Item = Mapping[str, Any]


def read_own_csv(path: Path, *, source: str, locate_zip: ZipLocator | None = None) -> ImportResult:
    """Read the own format's CSV spelling; rows are reported by physical line ("line 3")."""
    header, records = _read_csv(path)
    collector = ImportCollector(source)

    def build(fields: list[str]) -> tuple[Programme, list[str]]:
        if len(fields) > len(header):
            raise InvalidRecordError(
                f"has {len(fields)} values but the header has {len(header)} columns (quote values with commas)"
            )
        return _programme(dict(zip(header, fields, strict=False)), source, locate_zip), []

    for line, fields in records:
        collector.add(f"line {line}", lambda fields=fields: build(fields))
    return collector.result(notes=[f"unknown column {name!r} ignored" for name in header if name not in COLUMNS])


def read_own_yaml(path: Path, *, source: str, locate_zip: ZipLocator | None = None) -> ImportResult:
    """Read the own format's YAML spelling; items are reported as "item 2 (id blue-ridge-iop)"."""
    collector = ImportCollector(source)
    for number, entry in enumerate(_read_yaml(path), 1):
        for key in entry if isinstance(entry, dict) else ():
            if key not in COLUMNS:
                collector.warn(f"unknown key {key!r} ignored", f"item {number}")
        collector.add(
            where_with_id(f"item {number}", entry, "id"),
            lambda entry=entry: (_programme(_yaml_item(entry), source, locate_zip), []),
        )
    return collector.result()


def _yaml_item(entry: Any) -> Item:
    if not isinstance(entry, dict):
        raise InvalidRecordError("not a mapping of column names to values")
    return entry


def _programme(item: Item, source: str, locate_zip: ZipLocator | None) -> Programme:
    """One record (column -> text, or list of texts for code columns) as a Programme."""
    if not _value(item, "id"):
        raise InvalidRecordError("missing id")
    return Programme(
        organization_name=_value(item, "organization"),
        service_name=_value(item, "name"),
        location=_location(item, locate_zip),
        provenance=Provenance(source, _value(item, "id"), _date(item, "last_verified")),
        phones=tuple(
            Phone(number, kind)
            for number, kind in ((_value(item, "intake_phone"), "intake"), (_value(item, "phone"), "voice"))
            if number
        ),
        website=_value(item, "website"),
        description=_value(item, "description"),
        telehealth=_boolean(item, "telehealth"),
        license_agency=_value(item, "license_agency"),
        hours_per_week=_number(item, "hours_per_week", float),
        length_weeks=_number(item, "length_weeks", int),
        languages=_list(item, "languages") or frozenset({"english"}),
        **{attribute: _list(item, column) for column, attribute in CODE_COLUMNS.items()},
    )


def _read_csv(path: Path) -> tuple[list[str], list[tuple[int, list[str]]]]:
    header, records = read_csv_records(path)
    header = [name.lower() for name in header]
    missing = [name for name in REQUIRED if name not in header]
    if missing:
        raise MalformedFileError(f"{path}: missing required columns: {', '.join(missing)}")
    if not records:
        raise MalformedFileError(f"{path}: no rows after the header")
    return header, records


class _TextLoader(yaml.SafeLoader):
    """Safe YAML where every scalar stays text (no 02134 -> 1116 octal, no yes -> True), except null."""


_TextLoader.yaml_implicit_resolvers = {
    first: [(tag, regexp) for tag, regexp in resolvers if tag == "tag:yaml.org,2002:null"]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}


def _read_yaml(path: Path) -> list[Any]:
    try:
        data = yaml.load(path.read_text(encoding="utf-8-sig"), Loader=_TextLoader)
    except UnicodeDecodeError:
        raise MalformedFileError(f"{path}: not UTF-8 text") from None
    except yaml.YAMLError as error:
        raise MalformedFileError(f"{path}: not valid YAML ({' '.join(str(error).split())})") from None
    if data is None:
        raise MalformedFileError(f"{path}: empty file")
    items = data.get("programmes") if isinstance(data, dict) else data
    if not isinstance(items, list):
        raise MalformedFileError(f"{path}: expected a list of programmes or a mapping with a 'programmes' list")
    if not items:
        raise MalformedFileError(f"{path}: no programmes")
    return items


def _value(item: Item, key: str) -> str:
    value = item.get(key)
    if value is None:
        return ""
    if not isinstance(value, str):
        raise InvalidRecordError(f"{key} must be a single value, not a {type(value).__name__}")
    return value.strip()


def _list(item: Item, key: str) -> frozenset[str]:
    """Lower-case values of a multi-valued field: a ";"-separated text or a list of texts."""
    value = item.get(key)
    parts = value if isinstance(value, list) else [value or ""]
    if not all(isinstance(part, str) for part in parts):
        raise InvalidRecordError(f"{key} must be a list of texts or a ';'-separated text")
    return frozenset(code.strip().lower() for part in parts for code in part.split(";") if code.strip())


def _boolean(item: Item, key: str) -> bool:
    text = _value(item, key).lower()
    if text not in _BOOLEANS:
        raise InvalidRecordError(f"{key} {text!r} is not yes or no")
    return _BOOLEANS[text]


def _number(item: Item, key: str, kind: type[int] | type[float]) -> Any:
    text = _value(item, key)
    if not text:
        return None
    try:
        return kind(text)
    except ValueError:
        raise InvalidRecordError(f"{key} {text!r} is not {'a whole' if kind is int else 'a'} number") from None


def _date(item: Item, key: str) -> date | None:
    text = _value(item, key)
    try:
        return date.fromisoformat(text) if text else None
    except ValueError:
        raise InvalidRecordError(f"{key} {text!r} is not a date like 2025-06-30") from None


def _location(item: Item, locate_zip: ZipLocator | None) -> Location:
    zip_code = _value(item, "zip")
    zip_code = zip_code[:5] if len(zip_code) == 10 and zip_code[5] == "-" else zip_code
    latitude, longitude = _number(item, "latitude", float), _number(item, "longitude", float)
    if (latitude is None) != (longitude is None):
        raise InvalidRecordError("latitude and longitude must be given together")
    if latitude is None:
        if locate_zip is None:
            raise InvalidRecordError("no latitude/longitude, and no ZIP locator to find them")
        point = locate_zip(zip_code)
        if point is None:
            raise InvalidRecordError(f"no latitude/longitude, and ZIP {zip_code!r} is not a known ZIP code")
        latitude, longitude = point
    return Location(
        address_1=_value(item, "address"),
        address_2=_value(item, "address_2"),
        city=_value(item, "city"),
        state_province=_state(_value(item, "state")),
        postal_code=zip_code,
        latitude=latitude,
        longitude=longitude,
    )


def _state(text: str) -> str:
    """A 2-letter state code in capitals ("va" -> "VA"); anything else is left for the model to refuse."""
    return text.upper() if len(text) == 2 else text
