"""``python -m directory``: every command, bad input that changes nothing, and the real-data searches."""

from __future__ import annotations

import csv
import hashlib
import json
import subprocess
import sys
from pathlib import Path

import pytest

from directory.cli import main
from directory.distance import geodesic_miles
from directory.geocoding import Gazetteer, resolve_place
from tests.conftest import REPO_ROOT


def run(capsys: pytest.CaptureFixture[str], *argv: str | Path) -> tuple[int, str, str]:
    code = main([str(arg) for arg in argv])
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


@pytest.fixture
def db(tmp_path: Path, fixtures_dir: Path, capsys: pytest.CaptureFixture[str]) -> Path:
    path = tmp_path / "directory.sqlite"
    code, _, _ = run(capsys, "import", fixtures_dir / "locator_rows.json", "--db", path)
    assert code == 0
    return path


def test_import_reports_counts_and_reimport_updates(fixtures_dir: Path, db: Path, capsys) -> None:
    code, out, _ = run(capsys, "import", fixtures_dir / "locator_rows.json", "--db", db)
    assert code == 0
    assert "read 6 rows: 6 valid, 0 refused" in out
    assert "(0 new, 6 updated, 0 removed)" in out


def test_import_of_own_csv_geocodes_rows_without_coordinates(fixtures_dir: Path, tmp_path: Path, capsys) -> None:
    path = tmp_path / "own.sqlite"
    code, out, _ = run(capsys, "import", fixtures_dir / "programmes.csv", "--db", path)
    assert code == 0 and "3 valid" in out
    code, out, _ = run(capsys, "show", "own:programmes:crozet-teen-iop", "--json", "--db", path)
    record = json.loads(out)
    assert record["location"]["latitude"] == pytest.approx(38.07, abs=0.1)  # the ZIP 22932 centroid


@pytest.mark.parametrize(
    ("fixture", "message"),
    [
        ("not_json.json", "error: "),
        ("national_directory_missing_columns.csv", "error: "),
    ],
)
def test_a_malformed_file_exits_2_with_one_line_and_changes_nothing(
    fixtures_dir: Path, db: Path, capsys, fixture: str, message: str
) -> None:
    before = digest(db)
    code, _, err = run(capsys, "import", fixtures_dir / fixture, "--db", db)
    assert code == 2
    error_lines = [line for line in err.splitlines() if line.startswith("error:")]
    assert len(error_lines) == 1 and error_lines[0].startswith(message)
    assert digest(db) == before


def test_refused_rows_are_listed_and_strict_imports_nothing(fixtures_dir: Path, db: Path, capsys) -> None:
    before = digest(db)
    code, out, err = run(capsys, "import", fixtures_dir / "locator_malformed_rows.json", "--strict", "--db", db)
    assert code == 2
    assert "--strict given, nothing imported" in err
    refused = [line for line in err.splitlines() if line.startswith("refused row")]
    assert refused and all(": " in line for line in refused)
    assert digest(db) == before

    code, out, err = run(capsys, "import", fixtures_dir / "locator_malformed_rows.json", "--db", db)
    assert code == 0
    assert f"{len(refused)} refused" in out


def test_search_json_has_the_documented_fields(db: Path, capsys) -> None:
    code, out, _ = run(capsys, "search", "--near", "22902", "--level", "intensive_outpatient", "--json", "--db", db)
    assert code == 0
    results = json.loads(out)
    assert results
    for item in results:
        assert {"id", "name", "distance_miles", "phone", "levels_of_care", "payment", "accreditations",
                "aftercare", "why", "last_verified", "demo"} <= item.keys()
        assert "intensive_outpatient" in item["levels_of_care"]
        assert item["demo"] is False
    distances = [item["distance_miles"] for item in results]
    assert distances == sorted(distances)


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (["--near", "Xyzzyville"], "No US place called 'Xyzzyville'"),
        (["--near", "Springfield"], "matches several places"),
        (["--near", "22902", "--payment", "medicade"], "unknown payment 'medicade'"),
        (["--near", "22902", "--radius", "0"], "radius 0 miles is out of range"),
        (["--near", "22902", "--prefer", "evening"], "expected FACET=VALUE"),
    ],
)
def test_bad_search_input_exits_2_with_one_clear_line(db: Path, capsys, argv: list[str], message: str) -> None:
    code, out, err = run(capsys, "search", *argv, "--db", db)
    assert code == 2
    assert out == ""
    assert err.count("\n") == 1 and err.startswith("error: ") and message in err


def test_search_on_a_missing_database_says_how_to_build_one(tmp_path: Path, capsys) -> None:
    code, _, err = run(capsys, "stats", "--db", tmp_path / "none.sqlite")
    assert code == 2 and "make demo-directory" in err
    assert not (tmp_path / "none.sqlite").exists()


def test_demo_stats_show_and_the_demo_marking(tmp_path: Path, capsys) -> None:
    path = tmp_path / "demo.sqlite"
    code, out, _ = run(capsys, "demo", "--size", "600", "--db", path)
    assert code == 0 and "600 fictional programmes" in out
    code, out, _ = run(capsys, "stats", "--db", path)
    assert "600 programmes" in out and "demo (fictional): 600" in out
    code, out, _ = run(capsys, "search", "--near", "New York, NY", "--radius", "100", "--db", path)
    assert code == 0
    result_lines = [line for line in out.splitlines() if line[:4].strip().rstrip(".").isdigit()]
    assert result_lines and all("[DEMO - fictional]" in line for line in result_lines)
    programme_id = out.split("| id ")[1].split()[0]
    code, out, _ = run(capsys, "show", programme_id, "--db", path)
    assert code == 0 and "DEMO - fictional programme, not a real provider" in out


def test_the_module_runs_as_a_program(db: Path) -> None:
    completed = subprocess.run(
        [sys.executable, "-m", "directory", "stats", "--db", str(db)],
        cwd=REPO_ROOT, capture_output=True, text=True, timeout=120,
    )
    assert completed.returncode == 0, completed.stderr
    assert "6 programmes" in completed.stdout


# -- the acceptance searches on real records ------------------------------------------


def expected_from_locator(rows: list[dict], origin, radius: float) -> set[str]:
    """IOP + Medicaid rows inside the radius, read straight from the source's own texts."""
    chosen = set()
    for row in rows:
        texts = {s["f2"]: s["f3"].split("; ") for s in row["services"]}
        if "Intensive outpatient treatment" in texts.get("SET", ()) and "Medicaid" in texts.get("PAY", ()):
            miles = geodesic_miles(origin.latitude, origin.longitude, float(row["latitude"]), float(row["longitude"]))
            if miles <= radius:
                chosen.add(f"samhsa-locator:{row['frid']}")
    return chosen


@pytest.mark.shared_data
def test_real_charlottesville_rows_iop_with_medicaid_near_22902(shared_data: Path, tmp_path: Path, capsys) -> None:
    source = shared_data / "samhsa" / "locator" / "charlottesville_va_rows.json"
    path = tmp_path / "real.sqlite"
    assert run(capsys, "import", source, "--db", path)[0] == 0
    origin = resolve_place("22902", Gazetteer()).point
    for radius in (5, 25, 50):
        code, out, _ = run(capsys, "search", "--near", "22902", "--radius", str(radius), "--level",
                           "intensive_outpatient", "--payment", "medicaid", "--limit", "100", "--json", "--db", path)
        assert code == 0
        found = {item["id"] for item in json.loads(out)}
        expected = expected_from_locator(json.loads(source.read_text()), origin, radius)
        assert found == expected, radius
    assert expected  # the 50-mile search is not trivially empty


@pytest.mark.shared_data
def test_real_2015_national_directory_iop_with_medicaid_near_22902(shared_data: Path, tmp_path: Path, capsys) -> None:
    source = shared_data / "samhsa" / "directory" / "national_directory_2015_geocoded.csv"
    path = tmp_path / "national.sqlite"
    code, out, _ = run(capsys, "import", source, "--verified-on", "2015-01-01", "--db", path)
    assert code == 0 and "11928 valid, 0 refused" in out
    origin = resolve_place("22902", Gazetteer()).point
    with source.open(encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle))

    def expected(radius: float) -> list[tuple[str, str]]:
        return sorted(
            (row["Name1"], row["City"])
            for row in rows
            if {"OIT", "MD"} <= set(row["Keys"].split("/"))
            and geodesic_miles(origin.latitude, origin.longitude, float(row["Latitude"]), float(row["Longitude"]))
            <= radius
        )

    for radius in (25, 60):
        code, out, _ = run(capsys, "search", "--near", "22902", "--radius", str(radius), "--level",
                             "intensive_outpatient", "--payment", "medicaid", "--limit", "100", "--json", "--db", path)
        assert code == 0
        results = json.loads(out)
        found = sorted((item["name"].split(" - ")[0], item["address"].split(", ")[-1]) for item in results)
        assert found == expected(radius), radius
        assert all(item["last_verified"] == "2015-01-01" for item in results)
    # in 2015 no such programme lay within 25 miles of Charlottesville: the search says so and widens
    assert expected(25) == [] and len(expected(60)) >= 3
    code, out, _ = run(capsys, "search", "--near", "22902", "--level", "intensive_outpatient", "--payment",
                       "medicaid", "--db", path)
    assert "No programmes match within 25 miles" in out
    assert "Searching within 50 miles would find more." in out
