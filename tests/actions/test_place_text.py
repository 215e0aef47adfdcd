"""Finding a "City, ST" in a message when the entity extractor missed or cut it."""

from __future__ import annotations

import pytest

from actions.place_text import place_in_text, place_with_state, read_as_another_name


@pytest.mark.parametrize(("message", "place"), [
    ("IOPs near New York, NY that take medicaid", "New York, NY"),
    ("New York, NY", "New York, NY"),
    ("i live in albany, new york", "albany, new york"),
    ("help for my son in Queens, NY", "Queens, NY"),
    ("IOPs near Kansas City, MO", "Kansas City, MO"),
    ("St. Louis, MO please", "St. Louis, MO"),
    ("I need an IOP in Salt Lake City, Utah, evenings", "Salt Lake City, Utah"),
    ("Brooklyn,NY", "Brooklyn, NY"),
    ("somewhere around Washington, DC", "Washington, DC"),
])
def test_a_city_then_comma_then_state_is_found(message: str, place: str) -> None:
    assert place_in_text(message) == place


@pytest.mark.parametrize("message", [
    "22902",
    "near me, in ohio",                 # "in" is a word here, not Indiana
    "near Portland, or something",      # lower-case two letters are never a state
    "find iops, NY",                    # no city before the comma
    "near 22902, VA",                   # a ZIP code is not a city
    "alcohol, mostly",
    "",
    None,
])
def test_nothing_is_found_without_a_city_and_a_state(message: str | None) -> None:
    assert place_in_text(message) is None


@pytest.mark.parametrize(("place", "message", "completed"), [
    ("Kansas City", "IOPs near Kansas City, MO", "Kansas City, MO"),
    ("I live in Albany, New York", "I live in Albany, New York", "Albany, New York"),
    ("Chicago", "IOPs in Chicago", "Chicago"),
    ("22902", "near 22902, VA", "22902"),
    ("Richmond, VA", "Richmond, VA or Norfolk, VA", "Richmond, VA"),
    ("Norfolk", "Richmond, VA is too far, Norfolk", "Norfolk"),
])
def test_a_place_is_completed_from_its_own_message_only(place: str, message: str, completed: str) -> None:
    assert place_with_state(place, message) == completed


@pytest.mark.parametrize(("typed", "label", "said_back"), [
    ("raliegh nc", "Raleigh, NC", True), ("nyc", "New York, NY", True), ("Raleigh, NC", "Raleigh, NC", False),
    ("near downtown denver", "Denver, CO", False), ("22902", "Charlottesville, VA 22902", False),
])  # fmt: skip
def test_a_place_read_as_another_name_is_said_back(typed: str, label: str, said_back: bool) -> None:
    assert read_as_another_name(typed, label) is said_back
