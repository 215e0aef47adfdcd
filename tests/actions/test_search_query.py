"""Slots -> directory query, the shown-page values, and where the dialogue resumes."""

from __future__ import annotations

from datetime import date

import pytest

from actions.presenting import details_fields, result_fields
from actions.search_query import PAGE_SIZE, next_radius, search_filters, search_query
from directory.query import SearchResult
from tests.directory.factories import programme


def test_level_payment_and_schedule_rule_out_while_other_wishes_only_rank() -> None:
    required, preferred = search_filters({
        "search_levels": ["intensive_outpatient"], "payment": ["medicaid", "any"], "schedule": ["evening"],
        "accreditation": ["carf"], "population": ["veterans"], "language": ["Spanish"], "telehealth": True,
    })
    assert dict(required.facets) == {"level": {"intensive_outpatient"}, "payment": {"medicaid"},
                                     "schedule": {"evening"}}
    assert dict(preferred.facets) == {"accreditation": {"carf"}, "population": {"veterans"}}
    assert preferred.languages == {"spanish"} and preferred.telehealth


def test_no_preference_values_and_unknown_codes_add_no_filter() -> None:
    required, preferred = search_filters({"payment": ["any"], "schedule": ["any"], "search_levels": ["spa"]})
    assert dict(required.facets) == {} and dict(preferred.facets) == {}


def test_the_query_pages_three_at_a_time_from_the_location_and_radius() -> None:
    query = search_query({"location": "22902", "radius_miles": 10.0}, offset=3)
    assert (query.near, query.radius_miles, query.limit, query.offset) == ("22902", 10.0, PAGE_SIZE, 3)
    assert search_query({"location": "22902"}).radius_miles == 25.0


@pytest.mark.parametrize(("current", "expected"), [(10, 25.0), (25, 50.0), (30, 50.0), (500, None)])
def test_further_away_steps_out_on_the_radius_ladder(current: float, expected: float | None) -> None:
    assert next_radius(current) == expected


def test_result_fields_mark_demo_and_say_not_stated_for_unknown_dates() -> None:
    record = programme(demo=True, source="demo", last_verified=None, name="Demo Test Place",
                       levels_of_care={"intensive_outpatient"})
    fields = result_fields(2, SearchResult(record, 3.04, ("intensive outpatient",)))
    assert fields["demo"] == "[DEMO - fictional] "
    assert (fields["number"], fields["distance"], fields["verified"]) == (2, "3.0", "not stated")
    assert fields["why"] == "intensive outpatient"


def test_details_fields_use_plain_labels() -> None:
    record = programme(last_verified=date(2025, 6, 1), payment={"medicaid", "sliding_fee"},
                       aftercare={"alumni"}, accreditations={"carf"}, medications={"buprenorphine"},
                       services={"group_therapy"})
    fields = details_fields(record)
    assert fields["payment"] == "Medicaid, sliding fee scale"
    assert fields["aftercare"] == "alumni programme"
    assert "buprenorphine" in fields["services"] and "group therapy" in fields["services"]
    assert fields["schedule"] == "not listed" and fields["demo"] == ""
