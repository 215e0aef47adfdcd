"""What ``make run`` starts.

Today the directory is what exists: the launcher checks it, prints what it holds and runs an
example search, and shows the commands to query it. The conversation (Rasa) is started here once
it exists.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from directory.query import Filters, SearchQuery
from directory.search import DEFAULT_DB_PATH, open_directory
from directory.stores.base import StoreError

EXAMPLE_PLACE = "22902"
EXAMPLE_FILTERS = Filters(facets={"level": {"intensive_outpatient"}, "payment": {"medicaid"}})


def require_python_310() -> None:
    if sys.version_info[:2] != (3, 10):
        version = sys.version.split()[0]
        sys.exit(f"error: IOP Finder needs Python 3.10 (Rasa 3.6 supports nothing newer); this is {version}")


def main(argv: list[str] | None = None) -> int:
    require_python_310()
    parser = argparse.ArgumentParser(description="Start IOP Finder.")
    parser.add_argument("--db", type=Path, default=DEFAULT_DB_PATH)
    args = parser.parse_args(argv)
    try:
        with open_directory(args.db) as directory:
            stats = directory.stats()
            page = directory.search(SearchQuery(EXAMPLE_PLACE, filters=EXAMPLE_FILTERS, limit=3))
    except StoreError as error:
        print(f"error: {error}", file=sys.stderr)
        return 2
    print(f"IOP Finder directory: {args.db}")
    print(f"  {stats.programmes:,} programmes in {stats.states} states and territories, "
          f"{stats.demo:,} of them DEMO (fictional)")
    print(f"\nExample: intensive outpatient programmes accepting Medicaid near {page.place.label} "
          f"({page.total} within 25 miles):")
    for result in page.results:
        demo = " [DEMO - fictional]" if result.demo else ""
        programme = result.programme
        print(f"  - {programme.name}{demo}: {result.distance_miles:.1f} mi, call {programme.intake_phone}")
        print(f"    why: {'; '.join(result.why)}")
    print("\nSearch it yourself:")
    print(f"  {sys.executable} -m directory search --near 'Charlottesville, VA' "
          "--level intensive_outpatient --payment medicaid")
    print(f"  {sys.executable} -m directory search --help")
    print("\nThe conversation (Rasa) is not built yet; 'make run' will start it here once it is.")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
