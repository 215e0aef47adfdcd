"""The web widget's card fields: the tap-to-call number and the map link (pure functions)."""

from __future__ import annotations

from urllib.parse import parse_qs, urlsplit

import pytest

from actions.presenting import map_url, result_fields, tel_number
from directory.query import Point, SearchResult
from tests.directory.factories import programme


@pytest.mark.parametrize(("phone", "expected"), [
    ("(434) 555-0142", "+14345550142"),
    ("434-555-0100", "+14345550100"),
    ("1 (800) 662-4357", "+18006624357"),
    ("+1 434.555.0100", "+14345550100"),
    ("434-555-0100 x12", "+14345550100;ext=12"),
    ("434-555-0100 ext. 7", "+14345550100;ext=7"),
    ("988", "988"),
    ("", ""),
    ("call the front desk", ""),
    ("12", ""),
])
def test_tel_number_is_what_follows_tel(phone: str, expected: str) -> None:
    assert tel_number(phone) == expected


def test_map_url_puts_a_marker_on_the_programme() -> None:
    url = urlsplit(map_url(38.0293, -78.47671234))
    assert (url.scheme, url.netloc) == ("https", "www.openstreetmap.org")
    assert parse_qs(url.query) == {"mlat": ["38.02930"], "mlon": ["-78.47671"]}
    assert url.fragment == "map=16/38.02930/-78.47671"


def test_result_fields_carry_the_card_links() -> None:
    record = programme(phone="(434) 555-0142", at=Point(38.0293, -78.4767), demo=True, source="demo")
    fields = result_fields(1, SearchResult(record, 2.5, ("evening groups",)))
    assert fields["tel"] == "+14345550142"
    assert fields["map_url"] == map_url(38.0293, -78.4767)
    assert fields["demo"] == "[DEMO - fictional] "


def test_a_programme_without_a_phone_has_no_number_to_call() -> None:
    fields = result_fields(1, SearchResult(programme(phone=None), 2.5, ()))
    assert fields["tel"] == "" and fields["phone"] == "no phone listed"
