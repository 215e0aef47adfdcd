"""What a search asks for and what it gives back (no I/O here)."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field

from directory import vocabulary
from directory.model import Programme

MIN_RADIUS_MILES = 1.0
MAX_RADIUS_MILES = 500.0
DEFAULT_RADIUS_MILES = 25.0
MAX_PAGE_SIZE = 100
#: when fewer results than this fall inside the radius, the page suggests a wider one
ENOUGH_RESULTS = 3
#: the radii a search may suggest when it finds too few programmes
RADIUS_LADDER_MILES = (5, 10, 25, 50, 100, 250, 500)


class InvalidQueryError(ValueError):
    """A query value is out of range or unknown; the message names it."""


@dataclass(frozen=True)
class Filters:
    """Hard requirements. Values inside one facet mean "any of"; different facets must all hold."""

    facets: Mapping[str, frozenset[str]] = field(default_factory=dict)
    languages: frozenset[str] = frozenset()
    telehealth: bool = False

    def __post_init__(self) -> None:
        cleaned: dict[str, frozenset[str]] = {}
        for facet, values in self.facets.items():
            try:
                checked = vocabulary.validate_codes(facet, values)
            except vocabulary.UnknownTermError as error:
                raise InvalidQueryError(str(error)) from None
            if checked:
                cleaned[facet] = checked
        object.__setattr__(self, "facets", cleaned)
        object.__setattr__(self, "languages", frozenset(lang.lower() for lang in self.languages))

    def matches(self, programme: Programme) -> bool:
        """The reference semantics of the filters, used by tests and the brute-force scan."""
        if self.telehealth and not programme.telehealth:
            return False
        if self.languages and not self.languages & programme.languages:
            return False
        return all(values & programme.facet_values(facet) for facet, values in self.facets.items())

    def without(self, facet: str) -> Filters:
        facets = {name: values for name, values in self.facets.items() if name != facet}
        return Filters(facets=facets, languages=self.languages, telehealth=self.telehealth)


@dataclass(frozen=True)
class Point:
    latitude: float
    longitude: float


@dataclass(frozen=True)
class Place:
    """A resolved place: where the search is centred and what to call it."""

    label: str
    point: Point
    state: str = ""


@dataclass(frozen=True)
class SearchQuery:
    """``near`` is a place text (ZIP, "City, ST", address, "lat,lon") or an already resolved Place."""

    near: str | Place
    radius_miles: float = DEFAULT_RADIUS_MILES
    filters: Filters = field(default_factory=Filters)
    #: soft wishes: they never exclude, a programme meeting more of them ranks higher
    preferences: Filters = field(default_factory=Filters)
    limit: int = 10
    offset: int = 0

    def __post_init__(self) -> None:
        if not MIN_RADIUS_MILES <= self.radius_miles <= MAX_RADIUS_MILES:
            raise InvalidQueryError(
                f"radius {self.radius_miles:g} miles is out of range "
                f"({MIN_RADIUS_MILES:g} to {MAX_RADIUS_MILES:g})"
            )
        if not 1 <= self.limit <= MAX_PAGE_SIZE:
            raise InvalidQueryError(f"limit {self.limit} is out of range (1 to {MAX_PAGE_SIZE})")
        if self.offset < 0:
            raise InvalidQueryError(f"offset {self.offset} is negative")


@dataclass(frozen=True)
class SearchResult:
    programme: Programme
    distance_miles: float
    #: plain-words reasons it matched, e.g. ("intensive outpatient", "accepts Medicaid")
    why: tuple[str, ...]

    @property
    def demo(self) -> bool:
        return self.programme.demo


@dataclass(frozen=True)
class SearchPage:
    place: Place
    radius_miles: float
    results: tuple[SearchResult, ...]
    #: how many programmes match inside the radius in all (all pages)
    total: int
    offset: int
    limit: int
    #: set when fewer than ENOUGH_RESULTS matched: the next radius that finds more, if any
    wider_radius_miles: float | None = None
    #: set when fewer than ENOUGH_RESULTS matched: telehealth programmes in the same state
    telehealth_alternatives: tuple[SearchResult, ...] = ()

    @property
    def too_few(self) -> bool:
        return self.total < ENOUGH_RESULTS

    @property
    def has_more(self) -> bool:
        return self.offset + len(self.results) < self.total
