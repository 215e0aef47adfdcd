"""``python -m directory``: import, search, show, stats, demo and fetch.

Bad input (unknown place, unknown filter value, radius out of range, malformed file) prints one
line starting with "error:" on stderr, exits with status 2 and changes nothing.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Sequence
from datetime import date
from pathlib import Path
from typing import Any

from directory import vocabulary
from directory.demo import DEMO_SOURCE, generate_demo
from directory.geocoding import AmbiguousPlaceError, Gazetteer, UnknownPlaceError
from directory.importers import FORMATS, read_source
from directory.importers.base import ImportResult, MalformedFileError
from directory.model import Programme, programme_to_dict
from directory.query import (
    DEFAULT_RADIUS_MILES,
    MAX_RADIUS_MILES,
    Filters,
    InvalidQueryError,
    SearchPage,
    SearchQuery,
    SearchResult,
)
from directory.remote import FindTreatmentClient, RemoteSourceError
from directory.search import DEFAULT_DB_PATH, Directory, open_directory
from directory.stores.base import StoreError
from directory.stores.sqlite import SqliteStore

USER_ERRORS = (
    AmbiguousPlaceError,
    UnknownPlaceError,
    InvalidQueryError,
    MalformedFileError,
    RemoteSourceError,
    StoreError,
    FileNotFoundError,
)


class UsageError(ValueError):
    """Bad command-line input detected by the CLI itself."""


def main(argv: Sequence[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    try:
        return args.command(args)
    except (*USER_ERRORS, UsageError) as error:
        print(f"error: {_one_line(error)}", file=sys.stderr)
        return 2


# -- commands ----------------------------------------------------------------------------------


def cmd_import(args: argparse.Namespace) -> int:
    verified_on = _parse_date(args.verified_on) if args.verified_on else None
    result = read_source(
        Path(args.path),
        args.format,
        source=args.source,
        verified_on=verified_on,
        locate_zip=Gazetteer().zip_point,
    )
    _print_import_report(result)
    if not result.programmes:
        raise UsageError(f"{args.path}: no valid rows, nothing imported")
    if result.refused and args.strict:
        raise UsageError(f"{args.path}: {len(result.refused)} rows refused and --strict given, nothing imported")
    with SqliteStore(args.db, create=True) as store:
        counts = store.upsert(result.programmes, replace_source=result.source if args.replace else None)
    print(
        f"imported {len(result.programmes)} programmes from {args.path} into {args.db} "
        f"({counts.inserted} new, {counts.updated} updated, {counts.removed} removed)"
    )
    return 0


def cmd_fetch(args: argparse.Namespace) -> int:
    client = FindTreatmentClient(args.base_url)
    result = client.fetch_programmes(args.near, args.radius, codes=args.code or ())
    _print_import_report(result)
    with SqliteStore(args.db, create=True) as store:
        counts = store.upsert(result.programmes)
    print(f"fetched {len(result.programmes)} programmes ({counts.inserted} new, {counts.updated} updated)")
    return 0


def cmd_demo(args: argparse.Namespace) -> int:
    with SqliteStore(args.db, create=True) as store:
        counts = store.upsert(generate_demo(args.size, seed=args.seed), replace_source=DEMO_SOURCE)
    print(
        f"demo directory at {args.db}: {counts.inserted + counts.updated} fictional programmes "
        f"(seed {args.seed}); every one is marked DEMO"
    )
    return 0


def cmd_search(args: argparse.Namespace) -> int:
    query = SearchQuery(
        near=args.near,
        radius_miles=args.radius,
        filters=Filters(
            facets={facet: _split(getattr(args, facet)) for facet in vocabulary.FACETS},
            languages=_split(args.language),
            telehealth=args.telehealth,
        ),
        preferences=_parse_preferences(args.prefer),
        limit=args.limit,
        offset=args.offset,
    )
    with _directory(args) as directory:
        page = directory.search(query)
    if args.json:
        print(json.dumps([result_to_json(result) for result in page.results], indent=2))
        for line in _shortfall_lines(page):
            print(line, file=sys.stderr)
    else:
        print(_format_page(page))
    return 0


def cmd_show(args: argparse.Namespace) -> int:
    with _directory(args) as directory:
        programme = directory.get(args.id)
    if programme is None:
        raise UsageError(f"no programme with id {args.id!r}")
    if args.json:
        print(json.dumps(programme_to_dict(programme), indent=2))
    else:
        print(_format_programme(programme))
    return 0


def cmd_stats(args: argparse.Namespace) -> int:
    with _directory(args) as directory:
        stats = directory.stats()
    print(f"{args.db}: {stats.programmes} programmes in {stats.states} states/territories")
    print(f"  demo (fictional): {stats.demo}")
    for source, count in sorted(stats.by_source.items()):
        print(f"  source {source}: {count}")
    for level, count in stats.by_level.items():
        print(f"  {vocabulary.term('level', level).label}: {count}")
    print(f"  telehealth: {stats.telehealth}")
    return 0


# -- output ------------------------------------------------------------------------------------


def result_to_json(result: SearchResult) -> dict[str, Any]:
    programme = result.programme
    location = programme.location
    return {
        "id": programme.id,
        "name": programme.name,
        "demo": programme.demo,
        "distance_miles": round(result.distance_miles, 2),
        "phone": programme.intake_phone,
        "address": ", ".join(filter(None, (location.address_1, location.address_2, location.city))),
        "state": location.state_province,
        "zip": location.postal_code,
        "latitude": location.latitude,
        "longitude": location.longitude,
        "levels_of_care": sorted(programme.levels_of_care),
        "telehealth": programme.telehealth,
        "payment": sorted(programme.payment),
        "accreditations": sorted(programme.accreditations),
        "aftercare": sorted(programme.aftercare),
        "schedules": sorted(programme.schedules),
        "why": list(result.why),
        "last_verified": _iso(programme.provenance.last_verified),
        "source": programme.provenance.source,
        "website": programme.website,
    }


def _format_page(page: SearchPage) -> str:
    place, radius = page.place.label, f"{page.radius_miles:g}"
    if not page.results:
        lines = [f"No programmes match within {radius} miles of {place}."]
    else:
        first, last = page.offset + 1, page.offset + len(page.results)
        lines = [f"{page.total} programmes within {radius} miles of {place} (showing {first}-{last}):"]
        lines += [_format_result(page.offset + n, result) for n, result in enumerate(page.results, 1)]
    lines += _shortfall_lines(page)
    for result in page.telehealth_alternatives:
        lines.append(_format_result(0, result, bullet="  *"))
    return "\n".join(lines)


def _shortfall_lines(page: SearchPage) -> list[str]:
    if not page.too_few:
        return []
    lines = [f"Only {page.total} found within {page.radius_miles:g} miles."] if page.total else []
    if page.wider_radius_miles:
        lines.append(f"Searching within {page.wider_radius_miles:g} miles would find more.")
    else:
        lines.append(f"No wider radius (up to {MAX_RADIUS_MILES:g} miles) finds more.")
    if page.telehealth_alternatives:
        lines.append(f"Telehealth programmes in {page.place.state} that match:")
    return lines


def _format_result(number: int, result: SearchResult, bullet: str | None = None) -> str:
    programme = result.programme
    location = programme.location
    demo = " [DEMO - fictional]" if programme.demo else ""
    verified = _iso(programme.provenance.last_verified) or "not stated"
    return "\n".join(
        [
            f"{bullet or f'{number:>3}.'} {programme.name}{demo}",
            f"     {result.distance_miles:.1f} mi | call {programme.intake_phone or 'no phone listed'} | "
            f"{location.address_1}, {location.city}, {location.state_province} {location.postal_code}",
            f"     why: {'; '.join(result.why) or '-'}",
            f"     last verified: {verified} | id {programme.id}",
        ]
    )


def _format_programme(programme: Programme) -> str:
    lines = [programme.name + (" [DEMO - fictional programme, not a real provider]" if programme.demo else "")]
    location = programme.location
    lines.append(f"  {location.address_1}, {location.city}, {location.state_province} {location.postal_code}")
    for phone in programme.phones:
        lines.append(f"  {phone.type}: {phone.number}")
    if programme.website:
        lines.append(f"  website: {programme.website}")
    for facet in vocabulary.FACETS:
        labels = [t.label for t in vocabulary.FACETS[facet] if t.code in programme.facet_values(facet)]
        if labels:
            lines.append(f"  {facet}: {', '.join(labels)}")
    lines.append(f"  telehealth: {'yes' if programme.telehealth else 'no'}")
    if programme.license_agency:
        lines.append(f"  licensed by: {programme.license_agency}")
    if programme.hours_per_week:
        lines.append(f"  hours per week: {programme.hours_per_week:g}")
    if programme.length_weeks:
        lines.append(f"  length: {programme.length_weeks} weeks")
    lines.append(f"  languages: {', '.join(sorted(programme.languages))}")
    provenance = programme.provenance
    lines.append(
        f"  source: {provenance.source} ({provenance.source_id}), "
        f"last verified: {_iso(provenance.last_verified) or 'not stated'}"
    )
    return "\n".join(lines)


def _print_import_report(result: ImportResult) -> None:
    print(f"read {result.rows_read} rows: {len(result.programmes)} valid, {len(result.refused)} refused")
    for refused in result.refused:
        print(f"refused {refused}", file=sys.stderr)
    for warning in result.warnings:
        print(f"warning: {warning}", file=sys.stderr)


# -- parsing -----------------------------------------------------------------------------------


def _parser() -> argparse.ArgumentParser:
    common = argparse.ArgumentParser(add_help=False)
    common.add_argument("--db", type=Path, default=DEFAULT_DB_PATH, help="directory database (SQLite file)")
    parser = argparse.ArgumentParser(prog="python -m directory", description="The IOP Finder provider directory.")
    commands = parser.add_subparsers(required=True, metavar="COMMAND")

    imp = commands.add_parser("import", parents=[common], help="import a file of programmes")
    imp.add_argument("path")
    imp.add_argument("--format", choices=FORMATS, help="file format (detected when omitted)")
    imp.add_argument("--source", help="source name for the project's own CSV/YAML (default: own:<file stem>)")
    imp.add_argument("--verified-on", metavar="YYYY-MM-DD", help="date the source's records were verified")
    imp.add_argument("--strict", action="store_true", help="import nothing if any row is refused")
    imp.add_argument("--replace", action="store_true", help="remove this source's records absent from the file")
    imp.set_defaults(command=cmd_import)

    search = commands.add_parser("search", parents=[common], help="search near a place")
    search.add_argument("--near", required=True, metavar="PLACE", help="ZIP, 'City, ST', address or 'lat,lon'")
    search.add_argument("--radius", type=float, default=DEFAULT_RADIUS_MILES, metavar="MILES")
    for facet, terms in vocabulary.FACETS.items():
        search.add_argument(
            f"--{facet}", action="append", metavar="VALUE",
            help=f"any of (repeat or comma-separate): {', '.join(t.code for t in terms)}",
        )
    search.add_argument("--language", action="append", metavar="NAME", help="e.g. spanish")
    search.add_argument("--telehealth", action="store_true", help="only programmes offering telehealth")
    search.add_argument(
        "--prefer", action="append", metavar="FACET=VALUE",
        help="a soft wish that ranks matching programmes higher, e.g. schedule=evening",
    )
    search.add_argument("--limit", type=int, default=10)
    search.add_argument("--offset", type=int, default=0)
    search.add_argument("--json", action="store_true", help="print a JSON list of results")
    search.set_defaults(command=cmd_search)

    show = commands.add_parser("show", parents=[common], help="show one programme by id")
    show.add_argument("id")
    show.add_argument("--json", action="store_true")
    show.set_defaults(command=cmd_show)

    stats = commands.add_parser("stats", parents=[common], help="count what the directory holds")
    stats.set_defaults(command=cmd_stats)

    demo = commands.add_parser("demo", parents=[common], help="(re)build the fictional demo directory")
    demo.add_argument("--size", type=int, default=25_000)
    demo.add_argument("--seed", type=int, default=2026)
    demo.set_defaults(command=cmd_demo)

    fetch = commands.add_parser("fetch", parents=[common], help="import from the live FindTreatment.gov locator")
    fetch.add_argument("--near", required=True, metavar="ADDRESS")
    fetch.add_argument("--radius", type=float, default=DEFAULT_RADIUS_MILES, metavar="MILES")
    fetch.add_argument("--code", action="append", help="locator service code, e.g. IOT (repeatable)")
    fetch.add_argument("--base-url", default="https://findtreatment.gov")
    fetch.set_defaults(command=cmd_fetch)
    return parser


def _directory(args: argparse.Namespace) -> Directory:
    return open_directory(args.db)


def _split(values: list[str] | None) -> frozenset[str]:
    return frozenset(v.strip() for value in values or () for v in value.split(",") if v.strip())


def _parse_preferences(items: list[str] | None) -> Filters:
    facets: dict[str, set[str]] = {}
    languages: set[str] = set()
    telehealth = False
    for item in items or ():
        facet, _, value = item.partition("=")
        if facet == "telehealth" and not value:
            telehealth = True
        elif facet == "language" and value:
            languages.add(value)
        elif facet in vocabulary.FACETS and value:
            facets.setdefault(facet, set()).add(value)
        else:
            raise UsageError(f"--prefer {item!r}: expected FACET=VALUE, e.g. schedule=evening")
    return Filters(facets={k: frozenset(v) for k, v in facets.items()}, languages=frozenset(languages),
                   telehealth=telehealth)


def _parse_date(text: str) -> date:
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise UsageError(f"--verified-on {text!r} is not a date like 2025-06-30") from None


def _iso(value: date | None) -> str | None:
    return value.isoformat() if value else None


def _one_line(error: BaseException) -> str:
    text = str(error) or type(error).__name__
    return " ".join(text.split())
