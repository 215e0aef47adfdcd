"""The importers on the real SAMHSA records in ../shared/data (skipped when that folder is absent)."""

from __future__ import annotations

import csv
import time
from collections import Counter
from pathlib import Path

import pytest

from directory.importers import detect_format, read_source
from directory.importers.base import ImportResult
from directory.importers.locator_json import read_locator_json
from directory.importers.national_directory import read_national_directory

pytestmark = pytest.mark.shared_data

DIRECTORY = Path("samhsa") / "directory"


def keys_of(path: Path) -> list[set[str]]:
    """The Keys codes of each row, read independently of the importer."""
    with path.open(encoding="utf-8", newline="") as handle:
        return [set(row["Keys"].split("/")) for row in csv.DictReader(handle)]


def rows_named(warnings: list[str]) -> int:
    """How many rows grouped warnings name: "msg (line 3, line 9 and 4 more)" names 6."""
    total = 0
    for warning in warnings:
        places = warning.rsplit(" (", 1)[1].rstrip(")")
        listed, _, more = places.partition(" and ")
        total += len(listed.split(", ")) + (int(more.split()[0]) if more else 0)
    return total


def count(result: ImportResult, attribute: str) -> Counter[str]:
    return Counter(value for programme in result.programmes for value in getattr(programme, attribute))


@pytest.fixture(scope="module")
def directory_2015(shared_data: Path) -> tuple[ImportResult, float]:
    started = time.perf_counter()
    result = read_national_directory(shared_data / DIRECTORY / "national_directory_2015_geocoded.csv")
    return result, time.perf_counter() - started


def test_charlottesville_locator_rows(shared_data: Path) -> None:
    path = shared_data / "samhsa" / "locator" / "charlottesville_va_rows.json"
    assert detect_format(path) == "locator-json"
    result = read_locator_json(path)
    assert result.rows_read == 41
    assert result.refused == []  # every real row makes a valid programme
    assert result.warnings == []  # every service text of the sample is in the tables
    levels = count(result, "levels_of_care")
    assert levels["intensive_outpatient"] == 8  # the "Intensive outpatient treatment" SET entries
    assert count(result, "payment")["medicaid"] == 38
    assert count(result, "accreditations")["carf"] == 3
    assert all(programme.location.state_province == "VA" for programme in result.programmes)
    assert len({programme.provenance.source_id for programme in result.programmes}) == 41


def test_national_directory_2015_every_row_accounted_for(
    shared_data: Path, directory_2015: tuple[ImportResult, float]
) -> None:
    result, seconds = directory_2015
    assert result.rows_read == 11928
    assert all(refused.reason for refused in result.refused)
    assert len(result.refused) == 0
    assert seconds < 20, f"reading the 2015 directory took {seconds:.1f} s"
    ids = [programme.provenance.source_id for programme in result.programmes]
    assert len(set(ids)) == len(ids)
    assert not any(programme.demo for programme in result.programmes)


def test_national_directory_2015_oit_rows_become_intensive_outpatient(
    shared_data: Path, directory_2015: tuple[ImportResult, float]
) -> None:
    result, _ = directory_2015
    rows = keys_of(shared_data / DIRECTORY / "national_directory_2015_geocoded.csv")
    iop = [programme.levels_of_care for programme in result.programmes]
    assert [("OIT" in keys) for keys in rows] == [("intensive_outpatient" in levels) for levels in iop]
    payment = count(result, "payment")
    assert payment["self_pay"] == sum("SF" in keys for keys in rows)
    assert payment["sliding_fee"] == sum("SS" in keys for keys in rows)
    assert payment["military_insurance"] == sum("MI" in keys for keys in rows)


def test_national_directory_2015_repairs_are_reported(
    shared_data: Path, directory_2015: tuple[ImportResult, float]
) -> None:
    result, _ = directory_2015
    with (shared_data / DIRECTORY / "national_directory_2015_geocoded.csv").open(encoding="utf-8") as handle:
        short_zips = sum(len(row["ZIP_Code"]) in (3, 4) for row in csv.DictReader(handle))
    padded = [warning for warning in result.warnings if " padded to " in warning]
    assert rows_named(padded) == short_zips > 1000  # every repaired row is counted, grouped by message
    assert all(len(programme.location.postal_code) == 5 for programme in result.programmes)
    assert any(warning.startswith("unknown code 'Methadone' ignored") for warning in result.warnings)


def test_national_directory_2017_otp_accreditation_and_aftercare(shared_data: Path) -> None:
    path = shared_data / DIRECTORY / "national_directory_2017_otp.csv"
    result = read_source(path)
    assert result.source == "samhsa-national-directory"
    assert result.rows_read == 1090
    assert result.refused == []
    rows = keys_of(path)
    accreditations, aftercare = count(result, "accreditations"), count(result, "aftercare")
    assert accreditations["carf"] == sum("CARF" in keys for keys in rows) > 0
    assert accreditations["joint_commission"] == sum("JC" in keys for keys in rows) > 0
    assert aftercare["continuing_care"] == sum("ACC" in keys for keys in rows) > 0
    assert aftercare["discharge_planning"] == sum("DP" in keys for keys in rows) > 0
    assert count(result, "medications")["methadone"] == 1090  # every row is an opioid treatment programme
    assert all(p.license_agency for p in result.programmes if "state_license" in p.accreditations)
