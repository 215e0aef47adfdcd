"""The store interface: what the search needs from wherever programmes are kept.

A store only keeps and prefilters records. Distances, ranking and explanations live in
:mod:`directory.search`, so a PostgreSQL (PostGIS) store only has to implement this protocol.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from typing import NamedTuple, Protocol

from directory import vocabulary
from directory.model import Programme
from directory.query import Filters

#: the facet order of Candidate.masks
FACET_ORDER: tuple[str, ...] = tuple(vocabulary.FACETS)


class Box(NamedTuple):
    """A latitude/longitude rectangle (never crossing the antimeridian)."""

    south: float
    north: float
    west: float
    east: float


class Candidate(NamedTuple):
    """A prefiltered record: enough to measure, rank and page it without loading it whole."""

    key: int
    programme_id: str
    latitude: float
    longitude: float
    #: one bit mask per facet, in FACET_ORDER
    masks: tuple[int, ...]
    telehealth: bool
    languages: frozenset[str]
    has_phone: bool


class StoreError(RuntimeError):
    """The store cannot be used (missing file, wrong format version); the message says what to do."""


@dataclass(frozen=True)
class UpsertCounts:
    inserted: int = 0
    updated: int = 0
    removed: int = 0


@dataclass(frozen=True)
class DirectoryStats:
    programmes: int
    demo: int
    by_source: dict[str, int] = field(default_factory=dict)
    states: int = 0
    by_level: dict[str, int] = field(default_factory=dict)
    telehealth: int = 0


class ProgrammeStore(Protocol):
    def upsert(self, programmes: Iterable[Programme], *, replace_source: str | None = None) -> UpsertCounts:
        """Insert or update by id, all in one transaction; on any error nothing changes.

        With ``replace_source``, records of that source absent from ``programmes`` are removed.
        """

    def candidates(self, boxes: Sequence[Box], filters: Filters) -> list[Candidate]:
        """Records inside any of the boxes that meet every filter."""

    def candidates_in_state(self, state: str, filters: Filters) -> list[Candidate]:
        """Records located in ``state`` that meet every filter."""

    def load(self, keys: Sequence[int]) -> list[Programme]:
        """Whole records for candidate keys, in the order given."""

    def get(self, programme_id: str) -> Programme | None: ...

    def iter_programmes(self) -> Iterator[Programme]: ...

    def stats(self) -> DirectoryStats: ...

    def close(self) -> None: ...
