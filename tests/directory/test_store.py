"""The SQLite store: upsert semantics, all-or-nothing writes, spatial prefilter, format checks."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from directory.distance import bounding_boxes
from directory.query import Filters
from directory.stores.base import Box, StoreError
from directory.stores.sqlite import SqliteStore
from tests.directory.factories import CHARLOTTESVILLE, point_at, programme


@pytest.fixture
def store(tmp_path: Path) -> SqliteStore:
    with SqliteStore(tmp_path / "directory.sqlite", create=True) as opened:
        yield opened


def test_reimporting_the_same_records_updates_instead_of_duplicating(store: SqliteStore) -> None:
    first = [programme(source_id="a", name="Alpha"), programme(source_id="b", name="Beta")]
    assert store.upsert(first).inserted == 2
    renamed = [programme(source_id="a", name="Alpha Renamed"), programme(source_id="b", name="Beta")]
    counts = store.upsert(renamed)
    assert (counts.inserted, counts.updated) == (0, 2)
    assert store.stats().programmes == 2
    assert store.get("test:a").organization_name == "Alpha Renamed"


def test_a_failed_import_leaves_the_database_as_it_was(store: SqliteStore) -> None:
    store.upsert([programme(source_id="keep", name="Kept")])

    def records_then_failure():
        yield programme(source_id="keep", name="Overwritten")
        yield programme(source_id="new")
        raise ValueError("the file broke half-way")

    with pytest.raises(ValueError, match="half-way"):
        store.upsert(records_then_failure())
    assert store.stats().programmes == 1
    assert store.get("test:keep").organization_name == "Kept"
    assert store.get("test:new") is None
    # the R*Tree was rolled back with the table: only the kept record is found by place
    boxes = bounding_boxes(CHARLOTTESVILLE, 5)
    assert [c.programme_id for c in store.candidates(boxes, Filters())] == ["test:keep"]


def test_replace_source_removes_records_missing_from_the_new_import(store: SqliteStore) -> None:
    store.upsert([programme(source_id="a"), programme(source_id="b"), programme(source="other", source_id="c")])
    counts = store.upsert([programme(source_id="a")], replace_source="test")
    assert counts.removed == 1
    assert store.get("test:b") is None
    assert store.get("other:c") is not None  # other sources are untouched


def test_radius_candidates_come_from_the_rtree_not_a_table_scan(store: SqliteStore) -> None:
    store.upsert([programme(at=point_at(CHARLOTTESVILLE, miles)) for miles in (1, 10, 100)])
    plan = store._db.execute(
        "EXPLAIN QUERY PLAN SELECT p.key FROM programme_rtree r JOIN programme p ON p.key = r.key "
        "WHERE r.max_lat >= 1 AND r.min_lat <= 2 AND r.max_lon >= 1 AND r.min_lon <= 2"
    ).fetchall()
    assert any("VIRTUAL TABLE INDEX" in row[-1] for row in plan), plan
    assert len(store.candidates(bounding_boxes(CHARLOTTESVILLE, 25), Filters())) == 2


def test_candidates_apply_facet_language_and_telehealth_filters(store: SqliteStore) -> None:
    store.upsert(
        [
            programme(source_id="iop-medicaid", levels_of_care={"intensive_outpatient"}, payment={"medicaid"}),
            programme(source_id="iop-private", levels_of_care={"intensive_outpatient"}, payment={"private_insurance"}),
            programme(source_id="op-medicaid-tele", levels_of_care={"outpatient"}, payment={"medicaid"},
                      telehealth=True, languages=frozenset({"english", "spanish"})),
        ]
    )
    boxes = [Box(30, 40, -80, -70)]

    def found(**kwargs) -> set[str]:
        return {c.programme_id.split(":")[1] for c in store.candidates(boxes, Filters(**kwargs))}

    assert found(facets={"level": {"intensive_outpatient"}}) == {"iop-medicaid", "iop-private"}
    assert found(facets={"level": {"intensive_outpatient"}, "payment": {"medicaid"}}) == {"iop-medicaid"}
    assert found(facets={"payment": {"medicaid", "private_insurance"}}) == {
        "iop-medicaid", "iop-private", "op-medicaid-tele"}
    assert found(telehealth=True) == {"op-medicaid-tele"}
    assert found(languages={"Spanish"}) == {"op-medicaid-tele"}
    assert found(languages={"span"}) == set()  # whole names only


def test_boxes_split_at_the_antimeridian_still_find_records(store: SqliteStore) -> None:
    from directory.query import Point

    aleutian = Point(52.0, 179.9)
    store.upsert([programme(at=Point(52.0, -179.9), state="AK")])
    boxes = bounding_boxes(aleutian, 25)
    assert len(boxes) == 2
    assert len(store.candidates(boxes, Filters())) == 1


def test_load_returns_records_in_the_order_asked(store: SqliteStore) -> None:
    store.upsert([programme(source_id=s) for s in ("x", "y", "z")])
    keys = {c.programme_id: c.key for c in store.candidates([Box(-90, 90, -180, 180)], Filters())}
    order = [keys["test:z"], keys["test:x"], keys["test:y"]]
    assert [p.id for p in store.load(order)] == ["test:z", "test:x", "test:y"]


def test_opening_a_missing_database_says_how_to_build_one(tmp_path: Path) -> None:
    with pytest.raises(StoreError, match="make demo-directory"):
        SqliteStore(tmp_path / "absent.sqlite")


def test_a_database_from_another_vocabulary_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "old.sqlite"
    SqliteStore(path, create=True).close()
    with sqlite3.connect(path) as db:
        db.execute("UPDATE meta SET value = 'stale' WHERE key = 'vocabulary'")
    with pytest.raises(StoreError, match="another version"):
        SqliteStore(path)


def test_a_file_that_is_not_a_directory_database_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "other.sqlite"
    with sqlite3.connect(path) as db:
        db.execute("CREATE TABLE unrelated (x)")
    with pytest.raises(StoreError, match="not an IOP Finder directory"):
        SqliteStore(path)


def test_stats_count_demo_records_and_levels(store: SqliteStore) -> None:
    store.upsert([
        programme(demo=True, source="demo", levels_of_care={"intensive_outpatient"}),
        programme(levels_of_care={"outpatient", "intensive_outpatient"}, telehealth=True),
    ])
    stats = store.stats()
    assert (stats.programmes, stats.demo, stats.telehealth) == (2, 1, 1)
    assert stats.by_level["intensive_outpatient"] == 2
    assert stats.by_level["outpatient"] == 1
    assert stats.by_source == {"demo": 1, "test": 1}
