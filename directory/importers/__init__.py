"""Importers of the provider directory: each reads one file format into an ImportResult.

Importers only read: they validate every row and report refused rows with the reason, and the
store does the writing. :func:`read_source` picks the reader (detecting the format when asked).
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

from directory.importers.base import ImportResult, MalformedFileError, ZipLocator
from directory.importers.locator_json import read_locator_json
from directory.importers.national_directory import read_national_directory
from directory.importers.own_format import read_own_csv, read_own_yaml

FORMATS = ("locator-json", "national-directory", "csv", "yaml")

_OWN_READERS = {"csv": read_own_csv, "yaml": read_own_yaml}
_SAMHSA_READERS = {"locator-json": read_locator_json, "national-directory": read_national_directory}
_SNIFF_BYTES = 4096


def detect_format(path: Path) -> str:
    """The format of ``path`` from its extension and a look at its first bytes.

    Raises MalformedFileError when the file does not look like any format.
    """
    suffix = path.suffix.lower()
    if suffix in (".yaml", ".yml"):
        return "yaml"
    if suffix not in (".json", ".csv"):
        kind = f"extension {suffix!r}" if suffix else "no extension"
        raise MalformedFileError(f"{path}: cannot tell the format ({kind}); name it (one of: {', '.join(FORMATS)})")
    try:
        with path.open(encoding="utf-8-sig") as handle:
            start = handle.read(_SNIFF_BYTES)
    except UnicodeDecodeError:
        raise MalformedFileError(f"{path}: not UTF-8 text") from None
    if suffix == ".json":
        if start.lstrip()[:1] in ("[", "{"):
            return "locator-json"
        raise MalformedFileError(f"{path}: does not start like JSON (expected a list or an object of rows)")
    header = {name.strip().strip('"').lower() for name in start.partition("\n")[0].split(",")}
    if "name1" in header:
        return "national-directory"
    if header & {"id", "organization"}:
        return "csv"
    raise MalformedFileError(
        f"{path}: the CSV header is neither the National Directory's (Name1, Keys, ...) "
        "nor the own format's (id, organization, ...)"
    )


def read_source(
    path: Path,
    format: str | None = None,
    *,
    source: str | None = None,
    verified_on: date | None = None,
    locate_zip: ZipLocator | None = None,
) -> ImportResult:
    """Read ``path`` in ``format`` (detected when None).

    ``source`` names the records' source: by default the SAMHSA reader's own SOURCE, or
    "own:<file stem>" for the own CSV/YAML. ``verified_on`` is the day the records were checked,
    used for every SAMHSA record and for own-format rows without a ``last_verified`` of their own.
    ``locate_zip`` finds coordinates for own-format rows without them (SAMHSA rows have them).
    """
    format = format or detect_format(path)
    if format in _OWN_READERS:
        result = _OWN_READERS[format](path, source=source or f"own:{path.stem}", locate_zip=locate_zip)
        if verified_on:
            result.programmes = [
                p if p.provenance.last_verified else p.with_provenance(last_verified=verified_on)
                for p in result.programmes
            ]
        return result
    if format not in _SAMHSA_READERS:
        raise ValueError(f"unknown format {format!r} (expected one of: {', '.join(FORMATS)})")
    result = _SAMHSA_READERS[format](path, verified_on=verified_on)
    if source:
        result.source = source
        result.programmes = [programme.with_provenance(source=source) for programme in result.programmes]
    return result
