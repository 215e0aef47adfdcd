"""The embedded default store: one SQLite file with an R*Tree spatial index.

Each programme is one compact row of what a search filters on: the coordinates (mirrored in an
R*Tree so a radius search reads only a bounding box), one integer bit mask per facet (so "any of
these values" is a single ``mask & wanted != 0``), the telehealth flag, the state and the
languages. The whole record is kept as JSON in a table of its own, read only for the results
shown, so the rows a search scans stay small.
"""

from __future__ import annotations

import functools
import hashlib
import json
import sqlite3
from collections.abc import Iterable, Iterator, Sequence
from pathlib import Path

from directory import vocabulary
from directory.model import Programme, programme_from_dict, programme_to_dict
from directory.query import Filters
from directory.stores.base import (
    FACET_ORDER,
    Box,
    Candidate,
    DirectoryStats,
    StoreError,
    UpsertCounts,
)

SCHEMA_VERSION = "2"
#: page cache per connection (KiB): holds the compact tables and R*Tree of a 100,000-programme
#: directory (about 15 MB), which halves a dense-city search against SQLite's default of 2 MB
CACHE_KIB = 65536
_MASK_COLUMNS = tuple(f"{facet}_mask" for facet in FACET_ORDER)

_SCHEMA = f"""
CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE programme (
    key INTEGER PRIMARY KEY,
    id TEXT NOT NULL UNIQUE,
    source TEXT NOT NULL,
    demo INTEGER NOT NULL,
    state TEXT NOT NULL,
    latitude REAL NOT NULL,
    longitude REAL NOT NULL,
    telehealth INTEGER NOT NULL,
    languages TEXT NOT NULL,
    has_phone INTEGER NOT NULL,
    {", ".join(f"{column} INTEGER NOT NULL" for column in _MASK_COLUMNS)}
);
CREATE TABLE programme_record (key INTEGER PRIMARY KEY REFERENCES programme (key) ON DELETE CASCADE,
                               record TEXT NOT NULL);
CREATE INDEX programme_source ON programme (source);
CREATE INDEX programme_state ON programme (state, telehealth);
CREATE VIRTUAL TABLE programme_rtree USING rtree (key, min_lat, max_lat, min_lon, max_lon);
"""

_CANDIDATE_COLUMNS = (
    "p.key, p.id, p.latitude, p.longitude, "
    + ", ".join(f"p.{column}" for column in _MASK_COLUMNS)
    + ", p.telehealth, p.languages, p.has_phone"
)


def vocabulary_fingerprint() -> str:
    """Changes whenever a facet's codes or their order change (the masks' meaning)."""
    text = "|".join(f"{facet}:{','.join(vocabulary.codes(facet))}" for facet in FACET_ORDER)
    return hashlib.sha256(text.encode()).hexdigest()[:16]


class SqliteStore:
    """A :class:`~directory.stores.base.ProgrammeStore` in one SQLite file."""

    def __init__(self, path: str | Path, *, create: bool = False) -> None:
        self.path = Path(path)
        if not create and not self.path.exists():
            raise StoreError(
                f"no directory database at {self.path}: build the demo one with 'make demo-directory' "
                "or load your own with 'python -m directory import FILE'"
            )
        self.path.parent.mkdir(parents=True, exist_ok=True)
        self._db = sqlite3.connect(self.path, isolation_level=None, check_same_thread=False)
        self._db.execute("PRAGMA foreign_keys = ON")
        self._db.execute(f"PRAGMA cache_size = -{CACHE_KIB}")
        if self._table_exists("meta"):
            self._check_format()
        elif create:
            self._create_schema()
        else:
            raise StoreError(f"{self.path} is not an IOP Finder directory database")

    # -- writing -----------------------------------------------------------------------------

    def upsert(self, programmes: Iterable[Programme], *, replace_source: str | None = None) -> UpsertCounts:
        inserted = updated = removed = 0
        seen: set[str] = set()
        self._db.execute("BEGIN IMMEDIATE")
        try:
            for programme in programmes:
                seen.add(programme.id)
                existing = self._db.execute(
                    "SELECT key FROM programme WHERE id = ?", (programme.id,)
                ).fetchone()
                row = _row_values(programme)
                record = json.dumps(programme_to_dict(programme), separators=(",", ":"))
                if existing:
                    key = existing[0]
                    assignments = ", ".join(f"{column} = ?" for column in row)
                    self._db.execute(
                        f"UPDATE programme SET {assignments} WHERE key = ?", (*row.values(), key)
                    )
                    self._db.execute("DELETE FROM programme_rtree WHERE key = ?", (key,))
                    updated += 1
                else:
                    placeholders = ", ".join("?" for _ in row)
                    cursor = self._db.execute(
                        f"INSERT INTO programme ({', '.join(row)}) VALUES ({placeholders})",
                        tuple(row.values()),
                    )
                    key = cursor.lastrowid
                    inserted += 1
                self._db.execute("INSERT OR REPLACE INTO programme_record VALUES (?, ?)", (key, record))
                latitude, longitude = programme.location.latitude, programme.location.longitude
                self._db.execute(
                    "INSERT INTO programme_rtree VALUES (?, ?, ?, ?, ?)",
                    (key, latitude, latitude, longitude, longitude),
                )
            if replace_source is not None:
                removed = self._remove_missing(replace_source, seen)
            self._db.execute("COMMIT")
        except BaseException:
            self._db.execute("ROLLBACK")
            raise
        return UpsertCounts(inserted, updated, removed)

    def _remove_missing(self, source: str, keep: set[str]) -> int:
        stale = [
            key
            for key, programme_id in self._db.execute(
                "SELECT key, id FROM programme WHERE source = ?", (source,)
            )
            if programme_id not in keep
        ]
        for key in stale:
            self._db.execute("DELETE FROM programme WHERE key = ?", (key,))
            self._db.execute("DELETE FROM programme_rtree WHERE key = ?", (key,))
        return len(stale)

    # -- reading -----------------------------------------------------------------------------

    def candidates(self, boxes: Sequence[Box], filters: Filters) -> list[Candidate]:
        where, parameters = _filter_clauses(filters)
        found: list[Candidate] = []
        for box in boxes:
            sql = (
                f"SELECT {_CANDIDATE_COLUMNS} FROM programme_rtree r JOIN programme p ON p.key = r.key "
                "WHERE r.max_lat >= ? AND r.min_lat <= ? AND r.max_lon >= ? AND r.min_lon <= ?"
                + "".join(f" AND {clause}" for clause in where)
            )
            rows = self._db.execute(sql, (box.south, box.north, box.west, box.east, *parameters))
            found.extend(map(_candidate, rows))
        return found

    def candidates_in_state(self, state: str, filters: Filters) -> list[Candidate]:
        where, parameters = _filter_clauses(filters)
        sql = f"SELECT {_CANDIDATE_COLUMNS} FROM programme p WHERE p.state = ?" + "".join(
            f" AND {clause}" for clause in where
        )
        return [_candidate(row) for row in self._db.execute(sql, (state, *parameters))]

    def load(self, keys: Sequence[int]) -> list[Programme]:
        if not keys:
            return []
        placeholders = ", ".join("?" for _ in keys)
        records = dict(
            self._db.execute(f"SELECT key, record FROM programme_record WHERE key IN ({placeholders})", tuple(keys))
        )
        return [programme_from_dict(json.loads(records[key])) for key in keys]

    def get(self, programme_id: str) -> Programme | None:
        row = self._db.execute(
            "SELECT r.record FROM programme p JOIN programme_record r ON r.key = p.key WHERE p.id = ?",
            (programme_id,),
        ).fetchone()
        return programme_from_dict(json.loads(row[0])) if row else None

    def iter_programmes(self) -> Iterator[Programme]:
        for (record,) in self._db.execute("SELECT record FROM programme_record ORDER BY key"):
            yield programme_from_dict(json.loads(record))

    def stats(self) -> DirectoryStats:
        def scalar(sql: str) -> int:
            return self._db.execute(sql).fetchone()[0]

        level_position = {t.code: i for i, t in enumerate(vocabulary.LEVELS_OF_CARE)}
        by_level = {
            code: scalar(f"SELECT COUNT(*) FROM programme WHERE level_mask & {1 << bit}")
            for code, bit in level_position.items()
        }
        return DirectoryStats(
            programmes=scalar("SELECT COUNT(*) FROM programme"),
            demo=scalar("SELECT COUNT(*) FROM programme WHERE demo"),
            by_source=dict(self._db.execute("SELECT source, COUNT(*) FROM programme GROUP BY source")),
            states=scalar("SELECT COUNT(DISTINCT state) FROM programme"),
            by_level=by_level,
            telehealth=scalar("SELECT COUNT(*) FROM programme WHERE telehealth"),
        )

    def close(self) -> None:
        self._db.close()

    def __enter__(self) -> SqliteStore:
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.close()

    # -- format ------------------------------------------------------------------------------

    def _table_exists(self, name: str) -> bool:
        row = self._db.execute("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?", (name,))
        return row.fetchone() is not None

    def _create_schema(self) -> None:
        self._db.execute("PRAGMA journal_mode = WAL")
        self._db.executescript(_SCHEMA)
        self._db.executemany(
            "INSERT INTO meta VALUES (?, ?)",
            [("schema_version", SCHEMA_VERSION), ("vocabulary", vocabulary_fingerprint())],
        )

    def _check_format(self) -> None:
        meta = dict(self._db.execute("SELECT key, value FROM meta"))
        if meta.get("schema_version") != SCHEMA_VERSION or meta.get("vocabulary") != vocabulary_fingerprint():
            raise StoreError(
                f"{self.path} was built by another version of IOP Finder: delete it and rebuild "
                "('make clean demo-directory', then re-import your own data)"
            )


def _row_values(programme: Programme) -> dict[str, object]:
    masks = {
        column: vocabulary.to_mask(facet, programme.facet_values(facet))
        for facet, column in zip(FACET_ORDER, _MASK_COLUMNS, strict=True)
    }
    return {
        "id": programme.id,
        "source": programme.provenance.source,
        "demo": int(programme.demo),
        "state": programme.location.state_province,
        "latitude": programme.location.latitude,
        "longitude": programme.location.longitude,
        "telehealth": int(programme.telehealth),
        "languages": _encode_languages(programme.languages),
        "has_phone": int(bool(programme.phones)),
        **masks,
    }


def _encode_languages(languages: frozenset[str]) -> str:
    """'|english|spanish|': a delimited list so one language is found with instr()."""
    return "|" + "|".join(sorted(languages)) + "|"


def _filter_clauses(filters: Filters) -> tuple[list[str], list[object]]:
    clauses: list[str] = []
    parameters: list[object] = []
    for facet, values in filters.facets.items():
        clauses.append(f"(p.{facet}_mask & ?) != 0")
        parameters.append(vocabulary.to_mask(facet, values))
    if filters.telehealth:
        clauses.append("p.telehealth = 1")
    if filters.languages:
        clauses.append("(" + " OR ".join("instr(p.languages, ?) > 0" for _ in filters.languages) + ")")
        parameters.extend(f"|{language}|" for language in sorted(filters.languages))
    return clauses, parameters


def _candidate(row: tuple) -> Candidate:
    end = 4 + len(_MASK_COLUMNS)
    telehealth, languages, has_phone = row[end:]
    return Candidate(
        row[0], row[1], row[2], row[3], row[4:end], bool(telehealth), _decode_languages(languages), bool(has_phone)
    )


@functools.lru_cache(maxsize=1024)
def _decode_languages(encoded: str) -> frozenset[str]:
    """Inverse of _encode_languages; few distinct combinations exist, so each is decoded once."""
    return frozenset(encoded.strip("|").split("|"))
