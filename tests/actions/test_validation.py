"""Parsing typed answers into slot values (actions/validation.py)."""

from __future__ import annotations

from typing import Any

import pytest

from actions import validation


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("7", 7), ("7/10", 7), ("7 out of 10", 7), ("seven", 7), ("Seven.", 7), ("about a 6", 6), (" 10 ", 10),
        ("0", 0), ("zero", 0), ("ten", 10), (7.0, 7), (3, 3), ("7.0", 7), ("I'd say a 5", 5), ("maybe 8?", 8),
        ("11", None), ("-1", None), ("7.5", None), (7.5, None), ("banana", None), ("", None), (None, None),
        (True, None), ("a lot", None), ("100", None),
    ],
)  # fmt: skip
def test_readiness(value: Any, expected: int | None) -> None:
    assert validation.readiness(value) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("yes", "yes"), ("Yes!", "yes"), ("yeah", "yes"), ("yep", "yes"), ("yup", "yes"), ("sure", "yes"),
        ("y", "yes"), ("they did", "yes"), ("I have", "yes"), ("of course", "yes"), (True, "yes"),
        ("no", "no"), ("No.", "no"), ("nope", "no"), ("nah", "no"), ("never", "no"), ("not really", "no"),
        ("I don't think so", "no"), ("they haven’t", "no"), ("not right now", "no"), (False, "no"),
        ("idk", "unsure"), ("not sure", "unsure"), ("I'm not sure", "unsure"), ("unsure", "unsure"),
        ("I don't know", "unsure"), ("dunno", "unsure"), ("maybe", "unsure"), ("no idea", "unsure"),
        ("I can't remember", "unsure"),
        ("I want help", None), ("banana", None), ("", None), (None, None), ("yes and no", None),
    ],
)  # fmt: skip
def test_yes_no(text: Any, expected: str | None) -> None:
    assert validation.yes_no(text) == expected


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("25", 25.0), ("25 miles", 25.0), ("10mi", 10.0), ("10 mi", 10.0), ("within 30 miles", 30.0),
        ("twenty", 20.0), ("twenty five", 25.0), ("twenty-five miles", 25.0), ("a hundred", 100.0),
        ("fifty", 50.0), (25.0, 25.0), (10, 10.0), ("1", 1.0), ("500", 500.0), ("12.5 miles", 12.5),
        ("40 km", 24.9), ("100 kilometres", 62.1),
        ("0", None), ("0.5", None), ("501", None), ("22902", None), ("-5", None), ("far", None), ("", None),
        (None, None), (True, None),
    ],
)  # fmt: skip
def test_radius_miles(value: Any, expected: float | None) -> None:
    assert validation.radius_miles(value) == expected


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("daily", "daily"), ("weekly", "weekly"), ("monthly_or_less", "monthly_or_less"),
        ("every day", "daily"), ("Everyday", "daily"), ("most days", "daily"), ("every night", "daily"),
        ("twice a day", "daily"), ("all the time", "daily"), ("5 days a week", "daily"),
        ("a few times a week", "weekly"), ("once a week", "weekly"), ("3 days a week", "weekly"),
        ("on weekends", "weekly"),
        ("once a month", "monthly_or_less"), ("rarely", "monthly_or_less"), ("a few times a year", "monthly_or_less"),
        ("only on special occasions", "monthly_or_less"), ("not very often", "monthly_or_less"),
        ("twice since june, when i couldn't sleep", "monthly_or_less"), ("once or twice a week", "weekly"),
        ("she drinks wine every nite", "daily"), ("on wknds mostly", "weekly"),  # texting spellings
        ("  whenever I can get it  ", "whenever I can get it"), (None, ""),
    ],
)  # fmt: skip
def test_frequency(value: Any, expected: str) -> None:
    assert validation.frequency(value) == expected


def test_frequency_truncates_free_text() -> None:
    assert validation.frequency("x" * 300) == "x" * 100


@pytest.mark.parametrize(
    ("facet", "values", "expected"),
    [
        ("schedule", ["evening", "Weekend", "midnight"], {"evening", "weekend"}),
        ("schedule", ["any"], set()),
        ("payment", ["medicaid", " MEDICARE ", None, 3], {"medicaid", "medicare"}),
        ("payment", [], set()),
        ("level", ("intensive_outpatient", "detox"), {"intensive_outpatient"}),
    ],
)
def test_codes(facet: str, values: list, expected: set[str]) -> None:
    assert validation.codes(facet, values) == expected


def test_codes_unknown_facet() -> None:
    with pytest.raises(KeyError):
        validation.codes("colour", ["red"])


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("second", 2), ("2nd", 2), ("2", 2), ("#2", 2), ("# 2", 2), ("number 2", 2), ("number two", 2),
        ("the third one", 3), ("The first", 1), ("10th", 10), ("tenth", 10), ("two", 2), ("no. 4", 4),
        ("option 5", 5), (3, 3), (3.0, 3), ("1", 1),
        ("the one near me", None), ("11", None), ("0", None), ("eleventh", None), ("no thanks", None),
        ("banana", None), ("", None), (None, None), (True, None), (2.5, None), ("22902", None),
    ],
)  # fmt: skip
def test_ordinal(value: Any, expected: int | None) -> None:
    assert validation.ordinal(value) == expected
