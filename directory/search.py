"""The directory as callers see it: search by place and radius, get one programme.

Callers (the command line, the assistant's actions) use :class:`Directory` and never learn
which store or geocoder is behind it.
"""

from __future__ import annotations

import os
from pathlib import Path

from geopy.geocoders.base import Geocoder

from directory.distance import bounding_boxes, geodesic_miles, haversine_miles, within_radius
from directory.geocoding import make_geocoder, resolve_place
from directory.model import Programme
from directory.query import (
    ENOUGH_RESULTS,
    RADIUS_LADDER_MILES,
    Filters,
    Place,
    Point,
    SearchPage,
    SearchQuery,
    SearchResult,
)
from directory.ranking import rank
from directory.reasons import explain
from directory.stores.base import Candidate, DirectoryStats, ProgrammeStore
from directory.stores.sqlite import SqliteStore

DEFAULT_DB_PATH = Path(__file__).resolve().parent.parent / "var" / "directory.sqlite"
#: how many telehealth programmes to offer when a search finds too few nearby
TELEHEALTH_ALTERNATIVES = 3


class Directory:
    def __init__(self, store: ProgrammeStore, geocoder: Geocoder | None = None) -> None:
        self.store = store
        self._geocoder = geocoder

    @property
    def geocoder(self) -> Geocoder:
        if self._geocoder is None:
            self._geocoder = make_geocoder()
        return self._geocoder

    def resolve(self, near: str | Place) -> Place:
        """A Place for a place text; raises UnknownPlaceError or AmbiguousPlaceError."""
        return near if isinstance(near, Place) else resolve_place(near, self.geocoder)

    def search(self, query: SearchQuery) -> SearchPage:
        place = self.resolve(query.near)
        ranked = self._ranked_matches(place.point, query.radius_miles, query.filters, query.preferences)
        page = ranked[query.offset : query.offset + query.limit]
        results = self._results(page, place.point, query.filters, query.preferences)
        wider, telehealth = None, ()
        if len(ranked) < ENOUGH_RESULTS:
            wider = self._wider_radius(place.point, query, len(ranked))
            nearby = {candidate.programme_id for candidate, _ in ranked}
            telehealth = self._telehealth_alternatives(place, query, nearby)
        return SearchPage(
            place=place,
            radius_miles=query.radius_miles,
            results=results,
            total=len(ranked),
            offset=query.offset,
            limit=query.limit,
            wider_radius_miles=wider,
            telehealth_alternatives=telehealth,
        )

    def get(self, programme_id: str) -> Programme | None:
        return self.store.get(programme_id)

    def stats(self) -> DirectoryStats:
        return self.store.stats()

    def close(self) -> None:
        self.store.close()

    def __enter__(self) -> Directory:
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.close()

    # -- steps -------------------------------------------------------------------------------

    def _ranked_matches(
        self, point: Point, radius_miles: float, filters: Filters, preferences: Filters
    ) -> list[tuple[Candidate, float]]:
        measured = []
        for candidate in self.store.candidates(bounding_boxes(point, radius_miles), filters):
            distance = within_radius(point, candidate.latitude, candidate.longitude, radius_miles)
            if distance is not None:
                measured.append((candidate, distance))
        return rank(measured, preferences)

    def _results(
        self,
        ranked: list[tuple[Candidate, float]],
        point: Point,
        filters: Filters,
        preferences: Filters,
    ) -> tuple[SearchResult, ...]:
        programmes = self.store.load([candidate.key for candidate, _ in ranked])
        return tuple(
            SearchResult(
                programme=programme,
                distance_miles=geodesic_miles(
                    point.latitude, point.longitude, programme.location.latitude, programme.location.longitude
                ),
                why=explain(programme, filters, preferences),
            )
            for programme in programmes
        )

    def _wider_radius(self, point: Point, query: SearchQuery, found: int) -> float | None:
        """The first radius on the ladder that finds enough, else the first that finds more."""
        finds_more = None
        for radius in (r for r in RADIUS_LADDER_MILES if r > query.radius_miles):
            count = len(self._ranked_matches(point, radius, query.filters, query.preferences))
            if count >= ENOUGH_RESULTS:
                return float(radius)
            if count > found and finds_more is None:
                finds_more = float(radius)
        return finds_more

    def _telehealth_alternatives(
        self, place: Place, query: SearchQuery, exclude: set[str]
    ) -> tuple[SearchResult, ...]:
        if not place.state:
            return ()
        filters = Filters(
            facets=query.filters.facets, languages=query.filters.languages, telehealth=True
        )
        point = place.point
        measured = [
            (candidate, haversine_miles(point.latitude, point.longitude, candidate.latitude, candidate.longitude))
            for candidate in self.store.candidates_in_state(place.state, filters)
            if candidate.programme_id not in exclude
        ]
        best = rank(measured, query.preferences)[:TELEHEALTH_ALTERNATIVES]
        return self._results(best, point, filters, query.preferences)


def open_directory(db_path: str | Path | None = None, *, geocoder: Geocoder | None = None) -> Directory:
    """The embedded directory: ``db_path``, else $IOP_DIRECTORY_DB, else var/directory.sqlite."""
    path = Path(db_path or os.environ.get("IOP_DIRECTORY_DB") or DEFAULT_DB_PATH)
    return Directory(SqliteStore(path), geocoder)
