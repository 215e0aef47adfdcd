"""Benchmark: directory search latency at 1,000 / 25,000 / 100,000 programmes, and import rate.

The hard case: a 25-mile search around Manhattan (ZIP 10024) with three filters (intensive
outpatient, accepts Medicaid, evening groups), through the same code path the assistant uses
(geocoding included). Two scans of the same data run in the same process as baselines:

- "sql scan": the same store and filters without the spatial index (every row is read);
- "python scan": every record already in memory, filtered and measured in Python.

Usage: python -m bench.directory_search [--sizes 1000,25000,100000] [--repeats 300]
Prints a Markdown table to paste into bench/RESULTS.md.
"""

from __future__ import annotations

import argparse
import statistics
import tempfile
import time
from collections.abc import Callable, Sequence
from pathlib import Path

from directory.demo import generate_demo
from directory.distance import haversine_miles
from directory.geocoding import make_geocoder
from directory.importers import read_source
from directory.query import Filters, SearchQuery
from directory.search import Directory
from directory.stores.base import Box
from directory.stores.sqlite import SqliteStore

PLACE = "10024"  # Upper West Side, Manhattan
RADIUS = 25.0
FILTERS = Filters(facets={"level": {"intensive_outpatient"}, "payment": {"medicaid"}, "schedule": {"evening"}})
WHOLE_WORLD = [Box(-90.0, 90.0, -180.0, 180.0)]
SHARED_DATA = Path(__file__).resolve().parent.parent.parent / "shared" / "data"
NATIONAL_DIRECTORY = SHARED_DATA / "samhsa/directory/national_directory_2015_geocoded.csv"


class ScanStore(SqliteStore):
    """The same store, asked for every row: what a search costs without the R*Tree."""

    def candidates(self, boxes, filters):  # type: ignore[override]
        return super().candidates(WHOLE_WORLD, filters)


def timed(call: Callable[[], object], repeats: int) -> list[float]:
    for _ in range(max(3, repeats // 20)):
        call()
    samples = []
    for _ in range(repeats):
        start = time.perf_counter()
        call()
        samples.append((time.perf_counter() - start) * 1000)
    return samples


def percentile(samples: Sequence[float], q: int) -> float:
    """The ``q``-th percentile (1-99) of the samples, interpolated between the nearest two."""
    return statistics.quantiles(samples, n=100, method="inclusive")[q - 1]


def bench_size(size: int, repeats: int, workdir: Path) -> dict[str, float]:
    path = workdir / f"demo-{size}.sqlite"
    start = time.perf_counter()
    records = list(generate_demo(size))
    with SqliteStore(path, create=True) as store:
        store.upsert(records)
    build_seconds = time.perf_counter() - start
    geocoder = make_geocoder("offline")
    query = SearchQuery(PLACE, radius_miles=RADIUS, filters=FILTERS, limit=10)

    indexed = Directory(SqliteStore(path), geocoder)
    page = indexed.search(query)
    scan = Directory(ScanStore(path), geocoder)
    assert [r.programme.id for r in scan.search(query).results] == [r.programme.id for r in page.results]

    origin = indexed.resolve(PLACE).point

    def python_scan() -> list:
        hits = [
            (haversine_miles(origin.latitude, origin.longitude, p.location.latitude, p.location.longitude), p.id)
            for p in records
            if FILTERS.matches(p)
        ]
        return sorted(hit for hit in hits if hit[0] <= RADIUS)[:10]

    assert len(python_scan()) == min(10, page.total)
    indexed_ms = timed(lambda: indexed.search(query), repeats)
    sql_scan_ms = timed(lambda: scan.search(query), max(20, repeats // 10))
    python_scan_ms = timed(python_scan, max(10, repeats // 30))
    indexed.close()
    scan.close()
    return {
        "size": size,
        "build_s": build_seconds,
        "matches": page.total,
        "p50": percentile(indexed_ms, 50),
        "p95": percentile(indexed_ms, 95),
        "sql_scan_p50": percentile(sql_scan_ms, 50),
        "python_scan_p50": percentile(python_scan_ms, 50),
    }


def bench_import(workdir: Path) -> str:
    if not NATIONAL_DIRECTORY.exists():
        return f"skipped: {NATIONAL_DIRECTORY} not found (only beside a CI checkout)"
    start = time.perf_counter()
    result = read_source(NATIONAL_DIRECTORY, "national-directory")
    read_seconds = time.perf_counter() - start
    with SqliteStore(workdir / "national.sqlite", create=True) as store:
        store.upsert(result.programmes)
    total = time.perf_counter() - start
    return (
        f"{result.rows_read} rows ({len(result.programmes)} imported, {len(result.refused)} refused) "
        f"in {total:.1f} s (read and map {read_seconds:.1f} s, write {total - read_seconds:.1f} s): "
        f"{result.rows_read / total:,.0f} rows/s"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="1000,25000,100000")
    parser.add_argument("--repeats", type=int, default=300)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        workdir = Path(tmp)
        rows = [bench_size(int(size), args.repeats, workdir) for size in args.sizes.split(",")]
        import_line = bench_import(workdir)
    print(f"25-mile search near Manhattan ({PLACE}), IOP + Medicaid + evening, {args.repeats} runs each\n")
    print("| programmes | build (s) | matches | p50 (ms) | p95 (ms) | SQL scan p50 (ms) | Python scan p50 (ms) "
          "| speed-up vs SQL scan | vs Python scan |")
    print("|---:|---:|---:|---:|---:|---:|---:|---:|---:|")
    for r in rows:
        print(
            f"| {r['size']:,} | {r['build_s']:.1f} | {r['matches']} | {r['p50']:.2f} | {r['p95']:.2f} "
            f"| {r['sql_scan_p50']:.1f} | {r['python_scan_p50']:.1f} "
            f"| {r['sql_scan_p50'] / r['p50']:.0f}x | {r['python_scan_p50'] / r['p50']:.0f}x |"
        )
    print(f"\nImport of the 2015 National Directory: {import_line}")


if __name__ == "__main__":
    main()
