"""The offline gazetteer, resolve_place, and the Nominatim client against a fake server on loopback."""

from __future__ import annotations

import csv
import json
import random
import threading
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any, ClassVar
from urllib.parse import parse_qs, urlparse

import pytest
import us
from geopy.distance import geodesic

from directory.geocoding import (
    AmbiguousPlaceError,
    CachedGeocoder,
    Gazetteer,
    UnknownPlaceError,
    make_geocoder,
    resolve_place,
)
from directory.query import Place

CHARLOTTESVILLE = (38.03, -78.48)


@pytest.fixture(scope="module")
def gazetteer() -> Gazetteer:
    return Gazetteer()


def miles(place: Place, point: tuple[float, float]) -> float:
    return geodesic((place.point.latitude, place.point.longitude), point).miles


# --- the offline gazetteer ---------------------------------------------------------------------


@pytest.mark.parametrize("text", ["22902", "22902-1234", " 22902 "])
def test_a_zip_code_resolves_to_its_centroid(gazetteer: Gazetteer, text: str) -> None:
    place = resolve_place(text, gazetteer)
    assert place.label == "Charlottesville, VA 22902"
    assert place.state == "VA"
    assert miles(place, CHARLOTTESVILLE) < 2


def test_a_zip_location_carries_its_kind_in_raw(gazetteer: Gazetteer) -> None:
    location = gazetteer.geocode("22902")
    assert location.raw["kind"] == "zip"
    assert (location.raw["state"], location.raw["city"], location.raw["zip"]) == ("VA", "Charlottesville", "22902")
    assert isinstance(gazetteer.geocode("22902", exactly_one=False), list)


@pytest.mark.parametrize(
    "text",
    ["Charlottesville, VA", "charlottesville va", "  CHARLOTTESVILLE ,  Virginia ", "Charlottesville, Va."],
)
def test_city_and_state_in_any_common_form(gazetteer: Gazetteer, text: str) -> None:
    place = resolve_place(text, gazetteer)
    assert (place.label, place.state) == ("Charlottesville, VA", "VA")
    assert miles(place, CHARLOTTESVILLE) < 5
    assert gazetteer.geocode(text).raw["kind"] == "city"


@pytest.mark.parametrize(("text", "label"), [
    ("downtown milwaukee wi", "Milwaukee, WI"), ("i live in tulsa ok", "Tulsa, OK"),
    ("somewhere around richmond va", "Richmond, VA"),
    ("near 22902", "Charlottesville, VA 22902"),
    # names that begin with such words stay whole
    ("west palm beach fl", "West Palm Beach, FL"), ("the villages fl", "The Villages, FL"),
    ("the woodlands tx", "The Woodlands, TX"),
])  # fmt: skip
def test_words_around_a_place_are_not_part_of_its_name(gazetteer: Gazetteer, text: str, label: str) -> None:
    assert resolve_place(text, gazetteer).label == label


def test_a_bare_city_with_words_around_it_is_still_its_likeliest_namesake(gazetteer: Gazetteer) -> None:
    with pytest.raises(AmbiguousPlaceError) as raised:
        resolve_place("near downtown milwaukee", gazetteer)
    assert raised.value.likeliest is not None and raised.value.likeliest.label == "Milwaukee, WI"


@pytest.mark.parametrize(("text", "label"), [
    ("philly", "Philadelphia, PA"), ("nola", "New Orleans, LA"), ("vegas nv", "Las Vegas, NV"),
    ("kensington philly", "Kensington, Philadelphia, PA"), ("the west side of chicago", "West Side, Chicago, IL"),
    ("little havana miami", "Little Havana, Miami, FL"), ("the bronx", "Bronx, NY"),
    ("Knoxville TN, she's in Fountain City", "Knoxville, TN"),  # a place, then words about it
])  # fmt: skip
def test_nicknames_and_a_neighbourhood_before_a_big_city(gazetteer: Gazetteer, text: str, label: str) -> None:
    assert resolve_place(text, gazetteer).label == label


@pytest.mark.parametrize("text", ["my moms house", "same as before", "not sure where"])
def test_everyday_words_ending_an_answer_are_not_a_small_town(gazetteer: Gazetteer, text: str) -> None:
    with pytest.raises(UnknownPlaceError):
        resolve_place(text, gazetteer)


@pytest.mark.parametrize("text", ["New York, NY", "Manhattan, NY", "New York City"])
def test_new_york_city_and_manhattan(gazetteer: Gazetteer, text: str) -> None:
    place = resolve_place(text, gazetteer)
    assert place.state == "NY"
    assert miles(place, (40.7831, -73.9712)) < 5  # the middle of Manhattan


@pytest.mark.parametrize("text", ["St. Louis, MO", "St Louis MO", "Saint Louis, Missouri", "ST. LOUIS, MO"])
def test_saint_and_st_are_the_same_city(gazetteer: Gazetteer, text: str) -> None:
    place = resolve_place(text, gazetteer)
    assert (place.label, place.state) == ("Saint Louis, MO", "MO")
    assert miles(place, (38.627, -90.199)) < 10


def test_abbreviations_and_accepted_spellings(gazetteer: Gazetteer) -> None:
    assert resolve_place("Ft. Worth, TX", gazetteer).label == "Fort Worth, TX"
    assert resolve_place("Mt Pleasant SC", gazetteer).label == "Mount Pleasant, SC"
    # "Phila" is an accepted spelling of Philadelphia's ZIP codes in the data
    assert miles(resolve_place("Phila, PA", gazetteer), (39.9526, -75.1652)) < 10


@pytest.mark.parametrize(("text", "state"), [("Virginia", "VA"), ("VA", "VA"), ("west virginia", "WV")])
def test_a_state_name_or_abbreviation_gives_the_state_centroid(gazetteer: Gazetteer, text: str, state: str) -> None:
    place = resolve_place(text, gazetteer)
    assert place.state == state
    assert place.label == us.states.lookup(state).name
    assert gazetteer.geocode(text).raw["kind"] == "state"
    if state == "VA":
        assert 36.5 < place.point.latitude < 39.5 and -83.7 < place.point.longitude < -75.2


def test_an_address_uses_its_zip_code(gazetteer: Gazetteer) -> None:
    text = "1014 East Market Street, Charlottesville, VA 22902"
    location = gazetteer.geocode(text)
    assert location.raw["kind"] == "address"
    assert location.raw["zip"] == "22902"
    place = resolve_place(text, gazetteer)
    assert place.label == text
    assert (place.point.latitude, place.point.longitude) == gazetteer.zip_point("22902")


@pytest.mark.parametrize(
    "text", ["1014 East Market Street, Charlottesville, VA", "1014 East Market Street Charlottesville VA"]
)
def test_an_address_without_a_zip_code_uses_its_city(gazetteer: Gazetteer, text: str) -> None:
    location = gazetteer.geocode(text)
    assert location.raw["kind"] == "address"
    assert location.raw["city"] == "Charlottesville"
    assert resolve_place(text, gazetteer).label == "1014 East Market Street, Charlottesville, VA"


def test_coordinates_are_read_directly_and_validated(gazetteer: Gazetteer) -> None:
    place = resolve_place("38.03, -78.48", gazetteer)
    assert (place.point.latitude, place.point.longitude, place.state) == (38.03, -78.48, "VA")
    assert resolve_place("(38.03,-78.48)", gazetteer).point == place.point
    assert gazetteer.geocode("38.03 -78.48").raw["kind"] == "coordinates"
    with pytest.raises(UnknownPlaceError, match="not a valid latitude"):
        resolve_place("95.0, -78.48", gazetteer)


def test_a_city_in_several_states_is_never_guessed(gazetteer: Gazetteer) -> None:
    locations = gazetteer.geocode("Springfield", exactly_one=False)
    states = [location.raw["state"] for location in locations]
    assert {"IL", "MA", "MO"} <= set(states)
    assert states[:3] == ["IL", "MA", "MO"]  # most ZIP codes first
    assert gazetteer.geocode("Springfield").raw["state"] == "IL"  # geopy's exactly_one: the first
    with pytest.raises(AmbiguousPlaceError) as caught:
        resolve_place("springfield", gazetteer)
    labels = [place.label for place in caught.value.candidates]
    assert labels[:3] == ["Springfield, IL", "Springfield, MA", "Springfield, MO"]
    message = str(caught.value)
    assert message.startswith("'springfield' matches several places: Springfield, IL; Springfield, MA;")
    assert "Add the state, e.g. 'Springfield, IL'." in message
    assert resolve_place("Springfield, MO", gazetteer).state == "MO"
    assert caught.value.likeliest is None  # no Springfield stands out


@pytest.mark.parametrize(("text", "likeliest"), [
    ("Philadelphia", "Philadelphia, PA"), ("Miami", "Miami, FL"), ("Denver", "Denver, CO"),
    ("San Francisco", "San Francisco, CA"), ("Portland", "Portland, OR"),
])
def test_a_city_far_larger_than_its_namesakes_stands_out(gazetteer: Gazetteer, text: str, likeliest: str) -> None:
    with pytest.raises(AmbiguousPlaceError) as caught:
        resolve_place(text, gazetteer)
    assert caught.value.likeliest is not None and caught.value.likeliest.label == likeliest
    assert len(caught.value.candidates) > 1


def test_a_city_whose_name_ends_like_a_state_is_still_found(gazetteer: Gazetteer) -> None:
    with pytest.raises(AmbiguousPlaceError) as caught:
        resolve_place("Port Washington", gazetteer)
    assert "Port Washington, NY" in [place.label for place in caught.value.candidates]
    assert resolve_place("Port Washington, NY", gazetteer).state == "NY"


@pytest.mark.parametrize(("text", "label"), [
    ("tuscon az", "Tucson, AZ"), ("raliegh nc", "Raleigh, NC"), ("sacremento ca", "Sacramento, CA"),
    ("pittsburg pa", "Pittsburgh, PA"), ("Pittsburg, KS", "Pittsburg, KS"),
])  # fmt: skip
def test_a_misspelt_city_named_with_its_state_is_found(gazetteer: Gazetteer, text: str, label: str) -> None:
    assert resolve_place(text, gazetteer).label == label


def test_a_misspelt_big_city_without_a_state_is_its_likeliest_namesake(gazetteer: Gazetteer) -> None:
    """Only the ~160 cities with 15 ZIP codes or more; the caller says the guess back."""
    assert resolve_place("albequerque", gazetteer).label == "Albuquerque, NM"
    with pytest.raises(AmbiguousPlaceError) as raised:
        resolve_place("sacremento", gazetteer)
    assert raised.value.likeliest is not None and raised.value.likeliest.label == "Sacramento, CA"


@pytest.mark.parametrize("text", ["charlottesvile", "whatever", "somewhere"])
def test_a_misspelt_small_town_or_a_word_without_a_state_is_not_guessed(gazetteer: Gazetteer, text: str) -> None:
    with pytest.raises(UnknownPlaceError):
        resolve_place(text, gazetteer)


@pytest.mark.parametrize("text", ["Xyzzyville", "99999", "Xyzzyville, VA", "", "   "])
def test_unknown_places_raise_with_a_hint(gazetteer: Gazetteer, text: str) -> None:
    with pytest.raises(UnknownPlaceError, match="Try a ZIP code or 'City, ST'"):
        resolve_place(text, gazetteer)
    assert gazetteer.geocode(text) is None


def test_zip_point_and_state_of_zip(gazetteer: Gazetteer) -> None:
    latitude, longitude = gazetteer.zip_point("22902")
    assert geodesic((latitude, longitude), CHARLOTTESVILLE).miles < 2
    assert gazetteer.zip_point("99999") is None
    assert gazetteer.zip_point("not a zip") is None
    assert gazetteer.state_of_zip("02134") == "MA"  # a leading zero kept
    assert gazetteer.state_of_zip("09001") is None  # military ZIPs have no centroid


def test_the_index_is_loaded_once_and_is_nationwide(gazetteer: Gazetteer) -> None:
    assert gazetteer.load_seconds == Gazetteer().load_seconds  # shared by every instance
    assert gazetteer.zip_count > 40_000
    assert gazetteer.city_count > 25_000


@pytest.mark.shared_data
def test_zip_centroids_agree_with_the_census_zip_areas(gazetteer: Gazetteer, shared_data: Path) -> None:
    """The bundled ZIP points against real ZIP-area centroids, on a fixed sample of 500 ZIPs.

    Over all 32,936 ZIPs of the file: every one is known, median 0.6 miles apart,
    96.8% within 5 miles, 99.1% within 10; the thresholds below leave a small margin.
    """
    with (shared_data / "geo" / "zip_centroids.csv").open(newline="") as handle:
        rows = list(csv.DictReader(handle))
    sample = random.Random(20240501).sample(rows, 500)
    distances, states_agree = [], 0
    for row in sample:
        point = gazetteer.zip_point(row["GEOID"])
        assert point is not None, row["GEOID"]
        distances.append(geodesic(point, (float(row["Y"]), float(row["X"]))).miles)
        states_agree += gazetteer.state_of_zip(row["GEOID"]) == us.states.lookup(row["state"].zfill(2)).abbr
    distances.sort()
    assert distances[len(distances) // 2] < 1.0
    assert sum(d <= 5 for d in distances) / len(distances) >= 0.95
    assert sum(d <= 10 for d in distances) / len(distances) >= 0.98
    assert states_agree / len(sample) >= 0.99


# --- make_geocoder -----------------------------------------------------------------------------


def test_make_geocoder_is_offline_by_default(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("IOP_GEOCODER", raising=False)
    assert isinstance(make_geocoder(), Gazetteer)
    monkeypatch.setenv("IOP_GEOCODER", "Offline")
    assert isinstance(make_geocoder(), Gazetteer)


def test_make_geocoder_refuses_unknown_kinds_and_a_missing_user_agent(monkeypatch: pytest.MonkeyPatch) -> None:
    with pytest.raises(ValueError, match="unknown geocoder 'google'"):
        make_geocoder("google")
    monkeypatch.delenv("IOP_NOMINATIM_USER_AGENT", raising=False)
    with pytest.raises(ValueError, match="IOP_NOMINATIM_USER_AGENT"):
        make_geocoder("nominatim")


# --- Nominatim against a fake server -----------------------------------------------------------


def _nominatim_result(city: str, state: str, abbr: str, lat: float, lon: float) -> dict[str, Any]:
    """One /search result in Nominatim's ``format=json&addressdetails=1`` shape."""
    return {
        "place_id": round(abs(lat * lon) * 1000),
        "licence": "Data © OpenStreetMap contributors, ODbL 1.0. http://osm.org/copyright",
        "osm_type": "relation",
        "lat": f"{lat:.7f}",
        "lon": f"{lon:.7f}",
        "class": "boundary",
        "type": "administrative",
        "importance": 0.6,
        "display_name": f"{city}, {state}, United States",
        "address": {
            "city": city,
            "state": state,
            "ISO3166-2-lvl4": f"US-{abbr}",
            "country": "United States",
            "country_code": "us",
        },
    }


class FakeNominatim(BaseHTTPRequestHandler):
    """Answers /search?q=... from ``answers``; counts the requests it serves."""

    answers: ClassVar[dict[str, list[dict[str, Any]]]] = {
        "charlottesville, va": [_nominatim_result("Charlottesville", "Virginia", "VA", 38.0293, -78.4767)],
        "charlottesville": [
            _nominatim_result("Charlottesville", "Virginia", "VA", 38.0293, -78.4767),
            _nominatim_result("Charlottesville", "Virginia", "VA", 38.0301, -78.4801),
        ],
        "springfield": [
            _nominatim_result("Springfield", "Illinois", "IL", 39.7990, -89.6440),
            _nominatim_result("Springfield", "Missouri", "MO", 37.2090, -93.2923),
            _nominatim_result("Springfield", "Massachusetts", "MA", 42.1015, -72.5898),
        ],
    }
    answers["springfield, mo"] = answers["springfield"]  # Nominatim's order need not follow the state
    hits: ClassVar[list[dict[str, list[str]]]] = []

    def do_GET(self) -> None:
        url = urlparse(self.path)
        params = parse_qs(url.query)
        type(self).hits.append(params)
        body = json.dumps(self.answers.get(params.get("q", [""])[0].lower(), []) if url.path == "/search" else [])
        self.send_response(200)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(body.encode())))
        self.end_headers()
        self.wfile.write(body.encode())

    def log_message(self, format: str, *args: Any) -> None:
        pass


@pytest.fixture(scope="module")
def nominatim_server() -> Iterator[str]:
    server = ThreadingHTTPServer(("127.0.0.1", 0), FakeNominatim)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"127.0.0.1:{server.server_address[1]}"
    server.shutdown()
    server.server_close()


@pytest.fixture
def nominatim(nominatim_server: str, monkeypatch: pytest.MonkeyPatch) -> CachedGeocoder:
    monkeypatch.setenv("IOP_GEOCODER", "nominatim")
    monkeypatch.setenv("IOP_NOMINATIM_USER_AGENT", "iop-finder-tests")
    monkeypatch.setenv("IOP_NOMINATIM_DOMAIN", nominatim_server)
    monkeypatch.setenv("IOP_NOMINATIM_SCHEME", "http")
    monkeypatch.setenv("IOP_NOMINATIM_MIN_DELAY", "0")
    FakeNominatim.hits.clear()
    geocoder = make_geocoder()
    assert isinstance(geocoder, CachedGeocoder)
    return geocoder


def test_resolve_place_through_nominatim(nominatim: CachedGeocoder) -> None:
    place = resolve_place("Charlottesville, VA", nominatim)
    assert (place.label, place.state) == ("Charlottesville, VA", "VA")
    assert miles(place, CHARLOTTESVILLE) < 2
    [params] = FakeNominatim.hits
    assert params["countrycodes"] == ["us"]
    assert params["addressdetails"] == ["1"]
    assert params["format"] == ["json"]


def test_a_repeated_query_is_served_from_the_cache(nominatim: CachedGeocoder) -> None:
    first = resolve_place("Charlottesville, VA", nominatim)
    again = resolve_place("  charlottesville,  VA ", nominatim)
    assert first == again
    assert len(FakeNominatim.hits) == 1


def test_results_in_one_state_are_one_place(nominatim: CachedGeocoder) -> None:
    assert resolve_place("Charlottesville", nominatim).state == "VA"


def test_results_across_states_are_ambiguous_unless_the_text_names_a_state(nominatim: CachedGeocoder) -> None:
    with pytest.raises(AmbiguousPlaceError) as caught:
        resolve_place("Springfield", nominatim)
    assert [place.state for place in caught.value.candidates] == ["IL", "MO", "MA"]
    assert "Springfield, IL; Springfield, MO; Springfield, MA" in str(caught.value)
    # with a state named, the first answer in that state is the one
    assert resolve_place("Springfield, MO", nominatim).label == "Springfield, MO"


def test_nothing_found_online_is_unknown(nominatim: CachedGeocoder) -> None:
    with pytest.raises(UnknownPlaceError, match="Xyzzyville"):
        resolve_place("Xyzzyville", nominatim)


def test_coordinates_need_no_request_and_get_their_state_offline(nominatim: CachedGeocoder) -> None:
    place = resolve_place("38.03, -78.48", nominatim)
    assert (place.point.latitude, place.point.longitude, place.state) == (38.03, -78.48, "VA")
    assert FakeNominatim.hits == []
