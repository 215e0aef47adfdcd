"""What every importer shares: its result (programmes, refused rows with why), the row loop, CSV reading."""

from __future__ import annotations

import csv
from collections import defaultdict
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path

from directory.model import InvalidRecordError, Programme

#: resolves a 5-digit ZIP code to (latitude, longitude), or None when unknown
ZipLocator = Callable[[str], "tuple[float, float] | None"]


class MalformedFileError(ValueError):
    """The file as a whole cannot be read (wrong format, missing columns); nothing is imported."""


@dataclass(frozen=True)
class RefusedRow:
    #: where the row is: "line 12", "row 3 (frid 811a...)"
    where: str
    reason: str

    def __str__(self) -> str:
        return f"{self.where}: {self.reason}"


@dataclass
class ImportResult:
    source: str
    programmes: list[Programme] = field(default_factory=list)
    refused: list[RefusedRow] = field(default_factory=list)
    #: repairs and ignored values that did not refuse a row, e.g. "line 9: ZIP 4401 padded to 04401"
    warnings: list[str] = field(default_factory=list)

    @property
    def rows_read(self) -> int:
        return len(self.programmes) + len(self.refused)


def where_with_id(place: str, row: object, key: str) -> str:
    """"row 3 (frid 811a908f...)": a row's place plus its own id (long ids shortened), if it has one."""
    ident = row.get(key) if isinstance(row, dict) else None
    if not isinstance(ident, str) or not ident:
        return f"{place} (no {key})"
    return f"{place} ({key} {ident if len(ident) <= 20 else ident[:8] + '...'})"


def aggregate_warnings(found: Mapping[str, list[str]], limit: int = 5) -> list[str]:
    """One warning per distinct message, naming where: "... (row 1, row 4 and 2 more)"."""
    warnings = []
    for message, places in found.items():
        shown = ", ".join(places[:limit])
        more = f" and {len(places) - limit} more" if len(places) > limit else ""
        warnings.append(f"{message} ({shown}{more})")
    return warnings


class ImportCollector:
    """Gathers what an importer makes of its rows: programmes, refusals with reasons, warnings.

    Every importer feeds its rows through :meth:`add`, so they all refuse a bad row and a
    repeated source id the same way and report warnings grouped by message.
    """

    def __init__(self, source: str) -> None:
        self._result = ImportResult(source=source)
        self._first_seen: dict[str, str] = {}
        self._warnings: dict[str, list[str]] = defaultdict(list)

    def add(self, where: str, build: Callable[[], tuple[Programme, list[str]]]) -> None:
        """Build one row's programme; an InvalidRecordError or a repeated id refuses the row."""
        place = where.split(" (")[0]
        try:
            programme, warnings = build()
            ident = programme.provenance.source_id
            if ident in self._first_seen:
                raise InvalidRecordError(f"duplicate id (first seen at {self._first_seen[ident]})")
        except InvalidRecordError as error:
            self._result.refused.append(RefusedRow(where, str(error)))
            return
        self._first_seen[ident] = place
        self._result.programmes.append(programme)
        for warning in warnings:
            self.warn(warning, place)

    def warn(self, message: str, where: str) -> None:
        self._warnings[message].append(where)

    def result(self, *, notes: Iterable[str] = ()) -> ImportResult:
        """The result so far; ``notes`` are file-level warnings listed before the grouped ones."""
        self._result.warnings = [*notes, *aggregate_warnings(self._warnings)]
        return self._result


def read_csv_records(path: Path) -> tuple[list[str], list[tuple[int, list[str]]]]:
    """The stripped header and each non-blank record with the physical line it starts on.

    Raises MalformedFileError when the file is not UTF-8, not CSV, or empty.
    """
    try:
        with path.open(encoding="utf-8-sig", newline="") as handle:
            reader = csv.reader(handle)
            header = [name.strip() for name in next(reader, [])]
            records, start = [], reader.line_num + 1
            for fields in reader:
                if any(field.strip() for field in fields):
                    records.append((start, fields))
                start = reader.line_num + 1
    except UnicodeDecodeError:
        raise MalformedFileError(f"{path}: not UTF-8 text") from None
    except csv.Error as error:
        raise MalformedFileError(f"{path}: not a readable CSV ({error})") from None
    if not any(header):
        raise MalformedFileError(f"{path}: empty file")
    return header, records


def parse_coordinate(text: str, name: str) -> float:
    """A latitude or longitude written as text; a missing or non-numeric one refuses the row."""
    if not text:
        raise InvalidRecordError(f"missing {name}")
    try:
        return float(text)
    except ValueError:
        raise InvalidRecordError(f"{name} {text!r} is not a number") from None
