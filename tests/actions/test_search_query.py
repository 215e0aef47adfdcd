"""Slots -> directory query, the shown-page values, and where the dialogue resumes."""

from __future__ import annotations

from datetime import date

import pytest

from actions.presenting import details_fields, result_fields
from actions.search_query import PAGE_SIZE, next_radius, refined_slots, search_filters, search_query, search_summary
from directory.query import SearchResult
from tests.directory.factories import programme


def test_level_payment_schedule_and_population_rule_out_while_other_wishes_only_rank() -> None:
    required, preferred = search_filters({
        "search_levels": ["intensive_outpatient"], "payment": ["medicaid", "any"], "schedule": ["evening"],
        "accreditation": ["carf"], "population": ["veterans"], "language": ["Spanish"], "telehealth": True,
    })
    assert dict(required.facets) == {"level": {"intensive_outpatient"}, "payment": {"medicaid"},
                                     "schedule": {"evening"}, "population": {"veterans"}}
    assert dict(preferred.facets) == {"accreditation": {"carf"}}
    assert preferred.languages == {"spanish"} and preferred.telehealth


@pytest.mark.parametrize("levels", [["withdrawal_management", "inpatient", "residential"],
                                    ["residential", "inpatient", "partial_hospitalization"]])
def test_the_times_only_rank_where_people_stay_day_and_night(levels: list[str]) -> None:
    required, preferred = search_filters({"search_levels": levels, "schedule": ["evening"], "payment": ["medicaid"]})
    assert dict(required.facets) == {"level": set(levels), "payment": {"medicaid"}}
    assert dict(preferred.facets) == {"schedule": {"evening"}}


@pytest.mark.parametrize(("band", "required", "preferred"), [
    ("under_18", {"population": {"adolescents"}}, {}),
    ("65_plus", {}, {"population": {"seniors"}}),
    ("18_25", {}, {"population": {"young_adults"}}),
    ("26_64", {}, {}),
    ("unsure", {}, {}),
])  # fmt: skip
def test_a_minor_needs_a_teen_programme_other_ages_only_rank(band: str, required: dict, preferred: dict) -> None:
    must, wish = search_filters({"age_band": band})
    assert dict(must.facets) == required and dict(wish.facets) == preferred


def test_a_teen_needs_a_teen_programme_and_other_groups_named_only_rank() -> None:
    must, wish = search_filters({"age_band": "under_18", "population": ["women", "adults"]})
    assert dict(must.facets) == {"population": {"adolescents"}}  # never "teens or adults"
    assert dict(wish.facets) == {"population": {"women"}}


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
                       services={"group_therapy"}, populations={"adolescents", "women"})
    fields = details_fields(record)
    assert fields["serves"] == "adolescents, women"
    assert fields["payment"] == "Medicaid, sliding fee scale"
    assert fields["aftercare"] == "alumni programme"
    assert "buprenorphine" in fields["services"] and "group therapy" in fields["services"]
    assert fields["schedule"] == "not listed" and fields["demo"] == ""


@pytest.mark.parametrize(("text", "payment"), [
    ("what about ones that take my insurance but also do weekends", ["medicaid", "private_insurance"]),
    ("also private insurance", ["medicaid", "private_insurance"]),
    ("only private insurance", ["private_insurance"]),
    ("switch to private insurance instead", ["private_insurance"]),
])  # fmt: skip
def test_a_refinement_adds_unless_it_says_it_replaces(text: str, payment: list[str]) -> None:
    before = {"payment": ["medicaid"], "schedule": ["any"]}
    now = {"payment": ["private_insurance"], "schedule": ["weekend"]}
    changed = refined_slots(before, now, text)
    assert changed["payment"] == payment and changed["schedule"] == ["weekend"]


def test_a_refinement_leaves_unchanged_slots_out() -> None:
    assert refined_slots({"payment": ["medicaid"]}, {"payment": ["medicaid"]}, "medicaid") == {}


def test_the_search_is_said_back_in_plain_labels() -> None:
    summary = search_summary({"payment": ["medicaid", "private_insurance"], "schedule": ["weekend"],
                              "population": ["veterans"], "language": ["spanish"], "telehealth": True})
    assert summary == "Medicaid or private insurance; weekend; veterans; Spanish; telehealth"
    assert search_summary({"payment": ["any"]}) == ""
