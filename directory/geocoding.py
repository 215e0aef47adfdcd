"""Turning what a person types ("22902", "Charlottesville, VA", an address) into a :class:`Place`.

The default geocoder is :class:`Gazetteer`, an offline US gazetteer built from the ZIP code data
bundled with the ``zipcodes`` package (ZIP centroids, city names and their accepted spellings)
and the state names of the ``us`` package. :func:`make_geocoder` can instead return a Nominatim
client (``IOP_GEOCODER=nominatim``), rate limited and cached. :func:`resolve_place` works the
same with both and refuses to guess: an unknown text raises :class:`UnknownPlaceError`, a text
naming several places raises :class:`AmbiguousPlaceError` with the candidates.
"""

from __future__ import annotations

import difflib
import functools
import os
import re
import threading
import time
from collections import OrderedDict, defaultdict
from collections.abc import Callable, Iterable
from dataclasses import dataclass, replace
from typing import Any, NamedTuple

import us
import zipcodes
from geopy.extra.rate_limiter import RateLimiter
from geopy.geocoders import Nominatim
from geopy.geocoders.base import DEFAULT_SENTINEL, Geocoder
from geopy.location import Location

from directory.query import Place, Point

__all__ = [
    "AmbiguousPlaceError",
    "CachedGeocoder",
    "Gazetteer",
    "UnknownPlaceError",
    "make_geocoder",
    "parse_coordinates",
    "resolve_place",
]

_CENTROID_TYPES = ("STANDARD", "PO BOX", "UNIQUE")
_ZIP_RE = re.compile(r"^(\d{5})(?:-\d{4})?$")
_TRAILING_ZIP_RE = re.compile(r"[\s,]+(\d{5})(?:-\d{4})?$")
#: "38.03, -78.48", "(38, -78)" or, without a comma, "38.03 -78.48" (decimals required then)
_COORDINATES_RE = re.compile(
    r"^\(?\s*([-+]?\d{1,3}(?:\.\d+)?)\s*,\s*([-+]?\d{1,3}(?:\.\d+)?)\s*\)?$"
    r"|^([-+]?\d{1,3}\.\d+)\s+([-+]?\d{1,3}\.\d+)$"
)
#: abbreviations written out so that "St. Louis", "St Louis" and "Saint Louis" are one key
_TOKEN_EXPANSIONS = {"ST": "SAINT", "STE": "SAINTE", "MT": "MOUNT", "FT": "FORT"}
_ABBREVIATION_RE = re.compile(r"\b(?:" + "|".join(_TOKEN_EXPANSIONS) + r")\b")
_DROPPED_RE = re.compile(r"[.'’]")
#: what people call a big city ("philly"), with its state or without: the city
_NICKNAMES = {
    "NEW YORK CITY": ("NEW YORK", "NY"), "NYC": ("NEW YORK", "NY"), "PHILLY": ("PHILADELPHIA", "PA"),
    "NOLA": ("NEW ORLEANS", "LA"), "VEGAS": ("LAS VEGAS", "NV"), "SAN FRAN": ("SAN FRANCISCO", "CA"),
    "SF": ("SAN FRANCISCO", "CA"), "ATL": ("ATLANTA", "GA"), "SLC": ("SALT LAKE CITY", "UT"),
    "OKC": ("OKLAHOMA CITY", "OK"), "BMORE": ("BALTIMORE", "MD"), "CHITOWN": ("CHICAGO", "IL"),
    "CHI TOWN": ("CHICAGO", "IL"), "NASHVEGAS": ("NASHVILLE", "TN"), "SATX": ("SAN ANTONIO", "TX"),
}
#: names people use that the ZIP data does not carry as a city: (name, state or "") -> (city, state)
_CITY_ALIASES = {
    ("MANHATTAN", "NY"): ("NEW YORK", "NY"),
    **{(nickname, ""): city for nickname, city in _NICKNAMES.items()},
    **{(nickname, city[1]): city for nickname, city in _NICKNAMES.items()},
}
#: a neighbourhood typed before a city without a state ("kensington philly", "fishtown philadelphia") is
#: read as that city only when the city is a big one (at least this many ZIP codes), so that everyday
#: words ending an answer ("my mom's house") never land on a village of that name
BIG_CITY_MIN_ZIPS = 15
#: the longest state name in words ("Northern Mariana Islands", "District of Columbia")
_MAX_STATE_WORDS = 3
#: list at most this many candidates in an AmbiguousPlaceError message
_MAX_LISTED = 10
#: Nominatim ``address`` keys naming the settlement, most specific first
_SETTLEMENT_KEYS = ("city", "town", "village", "hamlet", "municipality", "suburb", "county")


class UnknownPlaceError(ValueError):
    """No US place matches the text."""


class AmbiguousPlaceError(ValueError):
    """The text names several places; ``candidates`` lists them, most likely first."""

    def __init__(self, text: str, candidates: list[Place], likeliest: Place | None = None) -> None:
        self.candidates = candidates
        #: the candidate a bare city name almost surely means ("Philadelphia": Philadelphia, PA, many
        #: times larger than the next one), or None when no candidate stands out
        self.likeliest = likeliest
        listed = "; ".join(place.label for place in candidates[:_MAX_LISTED])
        more = len(candidates) - _MAX_LISTED
        if more > 0:
            listed += f"; and {more} more"
        super().__init__(
            f"{text.strip()!r} matches several places: {listed}. Add the state, e.g. {candidates[0].label!r}."
        )


# ---------------------------------------------------------------------------------------------
# the gazetteer's index


class _Zip(NamedTuple):
    code: str
    city: str
    state: str
    latitude: float
    longitude: float
    active: bool
    type: str


class _Group(NamedTuple):
    """The ZIPs of one city (or accepted spelling) in one state, under the name to show."""

    name: str
    zips: list[_Zip]


class _Area(NamedTuple):
    """A city in one state, or a whole state: a centroid and how many ZIPs it has."""

    name: str
    state: str
    latitude: float
    longitude: float
    zip_count: int


@dataclass(frozen=True)
class _Index:
    zips: dict[str, _Zip]
    #: normalised city name -> state -> its ZIPs (names the ZIP data gives as the city)
    cities: dict[str, dict[str, _Group]]
    #: normalised accepted spelling -> state -> its ZIPs (only where no city has that name)
    aliases: dict[str, dict[str, _Group]]
    states: dict[str, _Group]
    #: normalised state name or abbreviation -> abbreviation
    state_keys: dict[str, str]
    #: (floor(lat), floor(lon)) -> ZIPs in that one-degree cell, to find the state of a point
    grid: dict[tuple[int, int], list[_Zip]]
    #: state -> the normalised names of its cities (to read a misspelt city named with its state)
    city_names: dict[str, list[str]]
    #: the normalised names of big cities (``BIG_CITY_MIN_ZIPS``), to read one misspelt without a state
    big_city_names: list[str]
    load_seconds: float


_INDEX: _Index | None = None
_INDEX_LOCK = threading.Lock()


def _index() -> _Index:
    """The parsed gazetteer, built on first use and shared (read-only) by the whole process."""
    global _INDEX
    if _INDEX is not None:
        return _INDEX
    with _INDEX_LOCK:
        if _INDEX is None:
            started = time.perf_counter()
            _INDEX = _build_index(zipcodes.list_all(), started)
        return _INDEX


def _build_index(records: Iterable[dict[str, Any]], started: float) -> _Index:
    normalise = functools.lru_cache(maxsize=None)(_normalise)
    zips: dict[str, _Zip] = {}
    cities: dict[str, dict[str, _Group]] = defaultdict(dict)
    accepted: dict[str, dict[str, _Group]] = defaultdict(dict)
    states: dict[str, _Group] = {}
    grid: dict[tuple[int, int], list[_Zip]] = defaultdict(list)
    for record in records:
        entry = _zip_from_record(record)
        if entry is None:
            continue
        zips[entry.code] = entry
        _add(cities, normalise(entry.city), entry.state, entry.city, entry)
        for spelling in record.get("acceptable_cities") or ():
            _add(accepted, normalise(spelling), entry.state, _title(spelling), entry)
        if entry.state not in states:
            states[entry.state] = _Group(_state_name(entry.state), [])
        states[entry.state].zips.append(entry)
        grid[(int(entry.latitude // 1), int(entry.longitude // 1))].append(entry)
    aliases = {
        key: kept
        for key, groups in accepted.items()
        if (kept := {state: group for state, group in groups.items() if state not in cities.get(key, {})})
    }
    city_names: dict[str, list[str]] = defaultdict(list)
    for key, groups in cities.items():
        for state in groups:
            city_names[state].append(key)
    big_city_names = sorted(key for key, groups in cities.items()
                            if any(len(group.zips) >= BIG_CITY_MIN_ZIPS for group in groups.values()))
    return _Index(
        zips=zips,
        cities=dict(cities),
        city_names=dict(city_names),
        big_city_names=big_city_names,
        aliases=aliases,
        states=states,
        # ZIP data also has states the ``us`` package lacks (FM, MH, PW): known by abbreviation
        state_keys={**{abbr: abbr for abbr in states}, **_STATE_KEYS},
        grid=dict(grid),
        load_seconds=time.perf_counter() - started,
    )


def _add(groups: dict[str, dict[str, _Group]], key: str, state: str, name: str, entry: _Zip) -> None:
    group = groups[key].get(state)
    if group is None:
        group = groups[key][state] = _Group(name, [])
    group.zips.append(entry)


def _zip_from_record(record: dict[str, Any]) -> _Zip | None:
    """A ZIP with a usable centroid, or None (military ZIPs and missing or (0, 0) coordinates)."""
    if record.get("zip_code_type") not in _CENTROID_TYPES:
        return None
    try:
        latitude, longitude = float(record["lat"]), float(record["long"])
    except (KeyError, TypeError, ValueError):
        return None
    if (latitude == 0 and longitude == 0) or not (-90 <= latitude <= 90 and -180 <= longitude <= 180):
        return None
    city = record["city"]
    return _Zip(
        record["zip_code"],
        _title(city),
        record["state"],
        latitude,
        longitude,
        bool(record.get("active", True)),
        record["zip_code_type"],
    )


def _area(group: _Group, state: str) -> _Area:
    """Centroid = mean of the ZIP centroids, from active STANDARD ZIPs when there are any.

    Falls back to the other active ZIPs, then to retired ones; ``zip_count`` counts all of them.
    """
    active = [entry for entry in group.zips if entry.active] or group.zips
    used = [entry for entry in active if entry.type == "STANDARD"] or active
    return _Area(
        name=group.name,
        state=state,
        latitude=sum(entry.latitude for entry in used) / len(used),
        longitude=sum(entry.longitude for entry in used) / len(used),
        zip_count=len(group.zips),
    )


def _state_name(abbr: str) -> str:
    state = us.states.lookup(abbr, field="abbr")
    return state.name if state else abbr


def _us_state_keys() -> dict[str, str]:
    """Normalised names and abbreviations of the states, DC and territories -> abbreviation."""
    keys: dict[str, str] = {}
    for state in us.states.STATES_AND_TERRITORIES:
        keys[state.abbr] = keys[_key(state.name)] = state.abbr
    return keys


# ---------------------------------------------------------------------------------------------
# reading the text


@dataclass(frozen=True)
class _Parsed:
    street: str = ""
    city: str = ""
    state: str = ""
    zip: str = ""
    #: the words read as the state when they ended the city's part ("Kansas City MO" -> "MO")
    state_words: str = ""


def _key(text: str) -> str:
    """Upper case, no periods or apostrophes, hyphens as spaces, single spaces."""
    return " ".join(_DROPPED_RE.sub("", text.upper()).replace("-", " ").split())


def _normalise(city: str) -> str:
    """A city's lookup key: :func:`_key` with abbreviations written out ("ST" -> "SAINT")."""
    return _ABBREVIATION_RE.sub(lambda match: _TOKEN_EXPANSIONS[match.group(0)], _key(city))


def _title(city: str) -> str:
    """``Winston-salem`` -> ``Winston-Salem`` (the data is title case except after hyphens)."""
    if "-" not in city:
        return city
    return "-".join(part[:1].upper() + part[1:] for part in city.split("-"))


def _clean(text: str) -> str:
    return " ".join(text.replace("\u00a0", " ").split()).strip(" ,;")


_STATE_KEYS = _us_state_keys()
#: words around a place that are not part of its name ("near downtown Milwaukee", "Dallas area"): the place
#: is looked up without them first, then as typed, then without a leading "the" too ("the Dallas area"; "The
#: Villages, FL" is found as typed)
_FILLER_BEFORE = re.compile(
    r"^(?:(?:i(?:'m| am|m)?|we(?:'re| are)?|live|living|lives|located|based|somewhere|anywhere|near|nearby|in|"
    r"around|by|at|close to|outside(?: of)?|downtown|uptown|midtown|greater|metro|inner city|city of)\s+)+",
    re.IGNORECASE,
)
_FILLER_AFTER = re.compile(r"(?:\s+(?:area|metro|metro area|region|downtown|proper|please|thanks))+$", re.IGNORECASE)
_LEADING_THE = re.compile(r"^(?:the\s+)", re.IGNORECASE)


def _without_words_around(text: str) -> str:
    """``text`` without the words before and after a place name that are not part of it."""
    return _FILLER_AFTER.sub("", _FILLER_BEFORE.sub("", text))


def _without_filler(text: str) -> str:
    """``text`` without the words around a place name that are not part of it, a leading "the" included."""
    return _FILLER_BEFORE.sub("", _LEADING_THE.sub("", _without_words_around(text)))


def _parse(text: str, state_keys: dict[str, str]) -> _Parsed:
    """Split "street, city, ST ZIP" (every part optional) into its parts."""
    text = _clean(text)
    zip_code = ""
    whole_zip = _ZIP_RE.match(text)
    if whole_zip:
        return _Parsed(zip=whole_zip.group(1))
    trailing_zip = _TRAILING_ZIP_RE.search(text)
    if trailing_zip:
        zip_code, text = trailing_zip.group(1), text[: trailing_zip.start()]
    parts = [part.strip() for part in text.split(",") if part.strip()]
    state, state_words = "", ""
    if parts:
        state, rest, state_words = _split_trailing_state(parts[-1], state_keys)
        if state and rest:
            parts[-1] = rest
        elif state:
            parts.pop()
    city = parts.pop() if parts else ""
    return _Parsed(", ".join(parts), city, state, zip_code, state_words)


def _split_trailing_state(part: str, state_keys: dict[str, str]) -> tuple[str, str, str]:
    """Split off a trailing state: "Charlottesville Va." -> ("VA", "Charlottesville", "Va.").

    Returns ("", part, "") when no state name or abbreviation ends the part.
    """
    words = part.split()
    for count in range(min(len(words), _MAX_STATE_WORDS), 0, -1):
        state_words = " ".join(words[-count:])
        abbr = state_keys.get(_key(state_words))
        if abbr:
            return abbr, " ".join(words[:-count]), state_words
    return "", part, ""


# ---------------------------------------------------------------------------------------------
# the offline geocoder


class Gazetteer(Geocoder):
    """Offline US geocoder: ZIP codes, cities ("City, ST"), states, addresses (by ZIP or city).

    ``Location.raw`` holds ``kind`` ("zip", "city", "state", "address" or "coordinates"),
    ``state``, ``city``, ``zip``, ``label`` and ``zip_count``. A bare city name that exists in
    several states gives one Location per state, the one with most ZIP codes first.
    """

    @property
    def load_seconds(self) -> float:
        """How long parsing the ZIP data took (once per process)."""
        return _index().load_seconds

    @property
    def zip_count(self) -> int:
        return len(_index().zips)

    @property
    def city_count(self) -> int:
        """Distinct (city, state) pairs under the cities' own names."""
        return sum(len(states) for states in _index().cities.values())

    def geocode(
        self, query: str, exactly_one: bool = True, timeout: Any = DEFAULT_SENTINEL
    ) -> Location | list[Location] | None:
        locations = self._lookup(query)
        if not locations:
            return None
        return locations[0] if exactly_one else locations

    def zip_point(self, zip_code: str) -> tuple[float, float] | None:
        """(latitude, longitude) of a ZIP code's centroid; usable as an importer's ZipLocator."""
        entry = self._zip(zip_code)
        return (entry.latitude, entry.longitude) if entry else None

    def state_of_zip(self, zip_code: str) -> str | None:
        entry = self._zip(zip_code)
        return entry.state if entry else None

    def state_at(self, latitude: float, longitude: float) -> str:
        """The state of the nearest ZIP centroid within about a degree, or "" (e.g. at sea)."""
        return _state_at(latitude, longitude)

    # -- internals ------------------------------------------------------------------------

    def _zip(self, zip_code: str) -> _Zip | None:
        match = _ZIP_RE.match(zip_code.strip())
        return _index().zips.get(match.group(1)) if match else None

    def _lookup(self, query: str) -> list[Location]:
        coordinates = parse_coordinates(query)
        if coordinates is not None:
            return [self._coordinates_location(*coordinates)]
        typed = _clean(query)
        tries = dict.fromkeys([_without_words_around(typed), typed, _without_filler(typed),
                               # a place, then words about it ("Knoxville TN, she's in Fountain City")
                               *(_without_filler(part.strip()) for part in typed.split(",")[:-1])])
        return next((found for text in tries if text and (found := self._lookup_place(text))), [])

    def _lookup_place(self, query: str) -> list[Location]:
        index = _index()
        parsed = _parse(query, index.state_keys)
        if parsed.zip and parsed.zip in index.zips:
            return [self._zip_location(index.zips[parsed.zip], parsed)]
        if parsed.city:
            return self._city_locations(parsed, index)
        if parsed.state and not parsed.street:
            return [self._state_location(_area(index.states[parsed.state], parsed.state))]
        return []

    def _city_locations(self, parsed: _Parsed, index: _Index) -> list[Location]:
        areas = _find_cities(parsed.city, parsed.state, index)
        if not areas and parsed.state_words:
            # "Port Washington" first reads as city "Port" in Washington state; read it whole
            areas = _find_cities(f"{parsed.city} {parsed.state_words}", "", index)
        if not areas and parsed.state:
            parsed, areas = _city_ending(parsed, index)
        if not areas and parsed.state and not parsed.street:
            areas = _misspelt_city(parsed.city, parsed.state, index)
        if not areas and not parsed.state:
            parsed, areas = _city_ending(parsed, index, BIG_CITY_MIN_ZIPS, _neighbourhood)
        if not areas and not parsed.state and not parsed.street:
            areas = _misspelt_big_city(parsed.city, index)
        kind = "address" if parsed.street else "city"
        return [self._city_location(area, kind, parsed) for area in areas]

    @staticmethod
    def _zip_location(entry: _Zip, parsed: _Parsed) -> Location:
        label = f"{entry.city}, {entry.state} {entry.code}"
        street = parsed.street or (parsed.city if any(ch.isdigit() for ch in parsed.city) else "")
        kind = "address" if street else "zip"
        if street:
            label = f"{street}, {label}"
        raw = _raw(kind, entry.state, entry.city, entry.code, label, 1)
        return Location(label, (entry.latitude, entry.longitude), raw)

    @staticmethod
    def _city_location(area: _Area, kind: str, parsed: _Parsed) -> Location:
        label = f"{area.name}, {area.state}"
        if parsed.street:
            label = f"{parsed.street}, {label}"
        raw = _raw(kind, area.state, area.name, "", label, area.zip_count)
        return Location(label, (area.latitude, area.longitude), raw)

    @staticmethod
    def _state_location(area: _Area) -> Location:
        raw = _raw("state", area.state, "", "", area.name, area.zip_count)
        return Location(area.name, (area.latitude, area.longitude), raw)

    def _coordinates_location(self, latitude: float, longitude: float) -> Location:
        label = f"{latitude:.4f}, {longitude:.4f}"
        raw = _raw("coordinates", _state_at(latitude, longitude), "", "", label, 0)
        return Location(label, (latitude, longitude), raw)


def _find_cities(city: str, state: str, index: _Index) -> list[_Area]:
    """The city in ``state``; with no state, every state having it, most ZIP codes first."""
    key = _normalise(city)
    key, state = _CITY_ALIASES.get((key, state), (key, state))
    groups = {**index.aliases.get(key, {}), **index.cities.get(key, {})}
    if state:
        return [_area(groups[state], state)] if state in groups else []
    areas = [_area(group, group_state) for group_state, group in groups.items()]
    return sorted(areas, key=lambda area: (-area.zip_count, area.state))


#: how close a misspelt city must be to a city of the state named with it ("tuscon az": Tucson)
CITY_SPELLING_CUTOFF = 0.8


def _misspelt_city(city: str, state: str, index: _Index) -> list[_Area]:
    """The city of ``state`` whose name is closest to a misspelt one ("raliegh", "sacremento"), if
    one is close enough; a state must be named, so a typo never jumps across the country."""
    names = index.city_names.get(state, [])
    close = difflib.get_close_matches(_normalise(city), names, n=1, cutoff=CITY_SPELLING_CUTOFF)
    return [_area(index.cities[close[0]][state], state)] if close else []


def _misspelt_big_city(city: str, index: _Index) -> list[_Area]:
    """The big city closest to a misspelt name typed without a state, if one is close enough: its
    namesakes too, largest first, so that the caller says the likeliest back (a typo is a guess)."""
    key = _normalise(city)
    if len(key) < 5:
        return []
    close = difflib.get_close_matches(key, index.big_city_names, n=1, cutoff=CITY_SPELLING_CUTOFF)
    return _find_cities(close[0], "", index) if close else []


def _city_ending(parsed: _Parsed, index: _Index, min_zips: int = 0,
                 words_before: Callable[[str], str] = str) -> tuple[_Parsed, list[_Area]]:
    """The longest known city (in ``parsed.state``, with at least ``min_zips`` ZIP codes) ending the city
    part, the words before it (as ``words_before`` writes them) moved to the street: an address without
    commas ("12 Main St Charlottesville VA"), a neighbourhood before a big city ("kensington philly")."""
    words = parsed.city.split()
    for start in range(1, len(words)):
        city = " ".join(words[start:])
        areas = [area for area in _find_cities(city, parsed.state, index) if area.zip_count >= min_zips]
        if areas:
            street = ", ".join(filter(None, [parsed.street, words_before(" ".join(words[:start]))]))
            return replace(parsed, street=street, city=city), areas
    return parsed, []


_NEIGHBOURHOOD_EDGES = re.compile(r"^the\b\s*|\s*\b(?:of|in)$", re.IGNORECASE)


def _neighbourhood(words: str) -> str:
    """A neighbourhood's name from the words before its city ("the west side of" -> "West Side")."""
    return _NEIGHBOURHOOD_EDGES.sub("", words).title()


def _raw(kind: str, state: str, city: str, zip_code: str, label: str, zip_count: int) -> dict[str, Any]:
    return {
        "kind": kind,
        "state": state,
        "city": city,
        "zip": zip_code,
        "label": label,
        "zip_count": zip_count,
    }


def _state_at(latitude: float, longitude: float) -> str:
    cell_lat, cell_lon = int(latitude // 1), int(longitude // 1)
    nearby = [
        entry
        for d_lat in (-1, 0, 1)
        for d_lon in (-1, 0, 1)
        for entry in _index().grid.get((cell_lat + d_lat, cell_lon + d_lon), ())
    ]
    if not nearby:
        return ""
    nearest = min(nearby, key=lambda entry: (entry.latitude - latitude) ** 2 + (entry.longitude - longitude) ** 2)
    return nearest.state


# ---------------------------------------------------------------------------------------------
# resolving a place with any geocoder


def parse_coordinates(text: str) -> tuple[float, float] | None:
    """Read "38.03, -78.48" as (38.03, -78.48); None when the text is not two numbers.

    Raises UnknownPlaceError when they are numbers but not a latitude and longitude.
    """
    match = _COORDINATES_RE.match(_clean(text))
    if not match:
        return None
    numbers = [float(group) for group in match.groups() if group is not None]
    latitude, longitude = numbers
    if not (-90 <= latitude <= 90 and -180 <= longitude <= 180):
        raise UnknownPlaceError(
            f"{text.strip()!r} is not a valid latitude and longitude (latitude -90 to 90, longitude -180 to 180)."
        )
    return latitude, longitude


def resolve_place(text: str, geocoder: Geocoder) -> Place:
    """The one place ``text`` names; raises UnknownPlaceError or AmbiguousPlaceError otherwise."""
    coordinates = parse_coordinates(text)
    if coordinates is not None:
        # the state (for telehealth alternatives) comes from the offline ZIP data, whatever the geocoder
        label = f"{coordinates[0]:.4f}, {coordinates[1]:.4f}"
        return Place(label, Point(*coordinates), _state_at(*coordinates))
    locations = (geocoder.geocode(text, exactly_one=False) or []) if _clean(text) else []
    if not locations:
        raise UnknownPlaceError(f"No US place called {_clean(text)!r} was found. Try a ZIP code or 'City, ST'.")
    places = _distinct([_place_from_location(location) for location in locations])
    from_gazetteer = all("kind" in location.raw for location in locations)
    candidates = places if from_gazetteer else _online_candidates(text, places)
    if len(candidates) > 1:
        raise AmbiguousPlaceError(text, candidates, _standing_out(locations) if from_gazetteer else None)
    return candidates[0]


#: a bare city name means its largest namesake when that has this many times the next one's ZIP codes
LIKELIEST_RATIO = 3


def _standing_out(locations: list[Location]) -> Place | None:
    """The gazetteer's place with far more ZIP codes than any other of the same name, if there is one."""
    sizes = sorted(((location.raw.get("zip_count", 0), _place_from_location(location)) for location in locations),
                   key=lambda pair: -pair[0])
    if len(sizes) > 1 and sizes[0][0] >= LIKELIEST_RATIO * max(sizes[1][0], 1):
        return sizes[0][1]
    return None


def _online_candidates(text: str, places: list[Place]) -> list[Place]:
    """An online geocoder's results are ambiguous only across states, for a text naming none.

    When the text names a state, the first result in that state (else the first) is the one.
    """
    parsed = _parse(text, _STATE_KEYS)
    if parsed.state or parsed.zip:
        return [place for place in places if place.state == parsed.state][:1] or places[:1]
    first_per_state: dict[str, Place] = {}
    for place in places:
        if place.state:
            first_per_state.setdefault(place.state, place)
    return list(first_per_state.values()) or places[:1]


def _distinct(places: list[Place]) -> list[Place]:
    seen: dict[str, Place] = {}
    for place in places:
        seen.setdefault(place.label, place)
    return list(seen.values())


def _place_from_location(location: Location) -> Place:
    point = Point(location.latitude, location.longitude)
    raw = location.raw if isinstance(location.raw, dict) else {}
    if "kind" in raw:
        return Place(raw["label"], point, raw["state"])
    address = raw.get("address") or {}
    state = _state_from_address(address)
    settlement = next((address[key] for key in _SETTLEMENT_KEYS if address.get(key)), "")
    if settlement and state:
        label = f"{settlement}, {state}"
        if address.get("postcode"):
            label += f" {address['postcode']}"
        if address.get("road"):
            label = f"{address.get('house_number', '')} {address['road']}, {label}".lstrip()
        return Place(label, point, state)
    return Place(location.address or f"{point.latitude:.4f}, {point.longitude:.4f}", point, state)


def _state_from_address(address: dict[str, Any]) -> str:
    """Nominatim's ``ISO3166-2-lvl4`` ("US-VA"), else its ``state`` name looked up."""
    iso = str(address.get("ISO3166-2-lvl4", ""))
    if iso.startswith("US-") and len(iso) == 5:
        return iso[3:]
    return _STATE_KEYS.get(_key(str(address.get("state", ""))), "")


# ---------------------------------------------------------------------------------------------
# the online geocoder


class CachedGeocoder(Geocoder):
    """Wraps an online geocoder: calls go through a RateLimiter, results are kept in an LRU cache.

    Extra keyword arguments (e.g. ``country_codes="us"``, ``addressdetails=True``) are passed to
    every call of the wrapped geocoder. Errors are not swallowed: after the RateLimiter's retries
    a ``geopy.exc.GeocoderServiceError`` reaches the caller.
    """

    def __init__(
        self,
        geocoder: Geocoder,
        *,
        min_delay_seconds: float = 1.0,
        max_retries: int = 2,
        error_wait_seconds: float = 5.0,
        cache_size: int = 512,
        **geocode_options: Any,
    ) -> None:
        super().__init__()
        self.geocoder = geocoder
        self.cache_size = cache_size
        self._options = geocode_options
        self._limited = RateLimiter(
            geocoder.geocode,
            min_delay_seconds=min_delay_seconds,
            max_retries=max_retries,
            error_wait_seconds=max(error_wait_seconds, min_delay_seconds),
            swallow_exceptions=False,
        )
        self._cache: OrderedDict[tuple[str, bool], Any] = OrderedDict()
        self._lock = threading.Lock()

    def geocode(
        self, query: str, exactly_one: bool = True, timeout: Any = DEFAULT_SENTINEL
    ) -> Location | list[Location] | None:
        key = (_clean(query).lower(), exactly_one)
        with self._lock:
            if key in self._cache:
                self._cache.move_to_end(key)
                return self._cache[key]
        result = self._limited(query, exactly_one=exactly_one, timeout=timeout, **self._options)
        with self._lock:
            self._cache[key] = result
            while len(self._cache) > self.cache_size:
                self._cache.popitem(last=False)
        return result


def make_geocoder(kind: str | None = None) -> Geocoder:
    """The geocoder named by ``kind`` or env ``IOP_GEOCODER``: "offline" (default) or "nominatim".

    Nominatim reads ``IOP_NOMINATIM_USER_AGENT`` (required), ``IOP_NOMINATIM_DOMAIN``,
    ``IOP_NOMINATIM_SCHEME`` and ``IOP_NOMINATIM_MIN_DELAY`` (seconds between requests, 1.0).
    """
    kind = (kind or os.environ.get("IOP_GEOCODER") or "offline").strip().lower()
    if kind == "offline":
        return Gazetteer()
    if kind == "nominatim":
        return _make_nominatim()
    raise ValueError(f"unknown geocoder {kind!r}: use 'offline' or 'nominatim' (IOP_GEOCODER)")


def _make_nominatim() -> CachedGeocoder:
    user_agent = os.environ.get("IOP_NOMINATIM_USER_AGENT", "").strip()
    if not user_agent:
        raise ValueError(
            "IOP_NOMINATIM_USER_AGENT must be set to use Nominatim: a name identifying this "
            "deployment with a contact, e.g. 'iop-finder/0.1 (ops@example.org)'"
        )
    delay_text = os.environ.get("IOP_NOMINATIM_MIN_DELAY", "1.0")
    try:
        min_delay = float(delay_text)
    except ValueError:
        raise ValueError(f"IOP_NOMINATIM_MIN_DELAY must be a number of seconds, got {delay_text!r}") from None
    if min_delay < 0:
        raise ValueError(f"IOP_NOMINATIM_MIN_DELAY must not be negative, got {min_delay:g}")
    nominatim = Nominatim(
        user_agent=user_agent,
        domain=os.environ.get("IOP_NOMINATIM_DOMAIN", "nominatim.openstreetmap.org"),
        scheme=os.environ.get("IOP_NOMINATIM_SCHEME", "https"),
    )
    return CachedGeocoder(nominatim, min_delay_seconds=min_delay, country_codes="us", addressdetails=True)
