"""Search: filters, radius, ranking, reasons, pagination and the too-few suggestions."""

from __future__ import annotations

import random
from pathlib import Path

import pytest

from directory import vocabulary
from directory.distance import geodesic_miles
from directory.query import Filters, InvalidQueryError, Place, SearchQuery
from directory.search import Directory
from directory.stores.sqlite import SqliteStore
from tests.directory.factories import CHARLOTTESVILLE, point_at, programme

HERE = Place("Charlottesville, VA", CHARLOTTESVILLE, "VA")


@pytest.fixture
def directory(tmp_path: Path) -> Directory:
    with Directory(SqliteStore(tmp_path / "d.sqlite", create=True)) as opened:
        yield opened


def ids(page) -> list[str]:
    return [result.programme.id for result in page.results]


def random_programmes(count: int, seed: int) -> list:
    rng = random.Random(seed)
    records = []
    for i in range(count):
        facets = {
            facet_attr: {t.code for t in vocabulary.FACETS[facet] if rng.random() < 0.35}
            for facet, facet_attr in (
                ("level", "levels_of_care"), ("payment", "payment"), ("accreditation", "accreditations"),
                ("aftercare", "aftercare"), ("schedule", "schedules"), ("population", "populations"),
                ("condition", "conditions"), ("service", "services"), ("medication", "medications"),
            )
        }
        records.append(
            programme(
                source_id=f"r{i:04d}",
                at=point_at(CHARLOTTESVILLE, rng.uniform(0, 60), rng.uniform(0, 360)),
                telehealth=rng.random() < 0.3,
                languages=frozenset({"english"} | ({"spanish"} if rng.random() < 0.3 else set())),
                **facets,
            )
        )
    return records


def test_search_returns_exactly_what_a_brute_force_scan_finds(directory: Directory) -> None:
    """Random records and random filter combinations: the indexed search equals the reference."""
    records = random_programmes(400, seed=7)
    directory.store.upsert(records)
    rng = random.Random(11)
    for _ in range(40):
        facets = {
            facet: set(rng.sample(vocabulary.codes(facet), rng.randint(1, 2)))
            for facet in rng.sample(list(vocabulary.FACETS), rng.randint(0, 3))
        }
        filters = Filters(facets=facets, telehealth=rng.random() < 0.2,
                          languages=frozenset({"spanish"}) if rng.random() < 0.2 else frozenset())
        radius = rng.choice([5, 10, 25, 50])
        expected = {
            p.id for p in records
            if filters.matches(p)
            and geodesic_miles(CHARLOTTESVILLE.latitude, CHARLOTTESVILLE.longitude,
                               p.location.latitude, p.location.longitude) <= radius
        }
        found: list[str] = []
        while True:
            page = directory.search(
                SearchQuery(HERE, radius_miles=radius, filters=filters, limit=100, offset=len(found))
            )
            found += ids(page)
            if not page.has_more:
                break
        assert page.total == len(expected)
        assert sorted(found) == sorted(expected)


@pytest.mark.parametrize("facet", list(vocabulary.FACETS))
def test_each_filter_keeps_any_of_its_values_and_only_those(directory: Directory, facet: str) -> None:
    first, second, third = vocabulary.codes(facet)[:3]
    attribute = {"level": "levels_of_care", "accreditation": "accreditations", "schedule": "schedules",
                 "population": "populations", "condition": "conditions", "service": "services",
                 "medication": "medications"}.get(facet, facet)
    directory.store.upsert([
        programme(source_id="first", **{attribute: {first}}),
        programme(source_id="second", **{attribute: {second}}),
        programme(source_id="third", **{attribute: {third}}),
    ])
    page = directory.search(SearchQuery(HERE, filters=Filters(facets={facet: {first, second}})))
    assert sorted(ids(page)) == ["test:first", "test:second"]


def test_different_filters_must_all_hold(directory: Directory) -> None:
    directory.store.upsert([
        programme(source_id="both", levels_of_care={"intensive_outpatient"}, payment={"medicaid"}),
        programme(source_id="level-only", levels_of_care={"intensive_outpatient"}, payment={"self_pay"}),
        programme(source_id="payment-only", levels_of_care={"outpatient"}, payment={"medicaid"}),
    ])
    filters = Filters(facets={"level": {"intensive_outpatient"}, "payment": {"medicaid"}})
    assert ids(directory.search(SearchQuery(HERE, filters=filters))) == ["test:both"]


def test_the_radius_is_measured_geodesically_at_the_boundary(directory: Directory) -> None:
    directory.store.upsert([
        programme(source_id="inside", at=point_at(CHARLOTTESVILLE, 24.98, 0)),
        programme(source_id="outside", at=point_at(CHARLOTTESVILLE, 25.02, 90)),
    ])
    page = directory.search(SearchQuery(HERE, radius_miles=25))
    assert ids(page) == ["test:inside"]
    assert page.results[0].distance_miles == pytest.approx(24.98, abs=0.005)


def test_results_are_ranked_by_distance_and_preferences_pull_forward(directory: Directory) -> None:
    directory.store.upsert([
        programme(source_id="near", at=point_at(CHARLOTTESVILLE, 2)),
        programme(source_id="mid-evening", at=point_at(CHARLOTTESVILLE, 3), schedules={"evening"}),
        programme(source_id="far", at=point_at(CHARLOTTESVILLE, 9), schedules={"evening"}),
    ])
    assert ids(directory.search(SearchQuery(HERE))) == ["test:near", "test:mid-evening", "test:far"]
    evening = Filters(facets={"schedule": {"evening"}})
    page = directory.search(SearchQuery(HERE, preferences=evening))
    assert ids(page) == ["test:mid-evening", "test:near", "test:far"]
    assert page.results[0].why[-1] == "evening groups"


def test_a_programme_without_a_phone_ranks_after_an_equal_one_with_a_phone(directory: Directory) -> None:
    directory.store.upsert([
        programme(source_id="a-no-phone", at=point_at(CHARLOTTESVILLE, 1), phone=None),
        programme(source_id="b-phone", at=point_at(CHARLOTTESVILLE, 2)),
    ])
    assert ids(directory.search(SearchQuery(HERE))) == ["test:b-phone", "test:a-no-phone"]


def test_pages_are_stable_and_cover_every_result_once(directory: Directory) -> None:
    # many programmes at the same distance: ties must not shuffle between pages
    directory.store.upsert([programme(source_id=f"t{i:02d}", at=point_at(CHARLOTTESVILLE, 5, 45)) for i in range(23)])
    everything = ids(directory.search(SearchQuery(HERE, limit=100)))
    paged = [
        pid for offset in range(0, 23, 5) for pid in ids(directory.search(SearchQuery(HERE, limit=5, offset=offset)))
    ]
    assert paged == everything
    assert len(set(paged)) == 23
    last = directory.search(SearchQuery(HERE, limit=5, offset=20))
    assert (len(last.results), last.has_more) == (3, False)


def test_results_say_why_they_matched(directory: Directory) -> None:
    directory.store.upsert([programme(
        levels_of_care={"intensive_outpatient", "outpatient"}, payment={"medicaid", "self_pay"},
        accreditations={"carf"}, schedules={"evening"},
    )])
    filters = Filters(facets={"level": {"intensive_outpatient"}, "payment": {"medicaid"},
                              "accreditation": {"carf"}, "schedule": {"evening"}})
    [result] = directory.search(SearchQuery(HERE, filters=filters)).results
    assert "; ".join(result.why) == "intensive outpatient; accepts Medicaid; CARF accredited; evening groups"


def test_without_a_level_filter_the_reasons_name_the_kind_of_care(directory: Directory) -> None:
    directory.store.upsert([programme(levels_of_care={"outpatient", "intensive_outpatient"})])
    assert directory.search(SearchQuery(HERE)).results[0].why == ("intensive outpatient",)


def test_too_few_results_offer_a_wider_radius_and_telehealth_in_the_state(directory: Directory) -> None:
    iop = {"levels_of_care": {"intensive_outpatient"}}
    directory.store.upsert([
        programme(source_id="near", at=point_at(CHARLOTTESVILLE, 3), **iop),
        programme(source_id="forty-a", at=point_at(CHARLOTTESVILLE, 40, 10), **iop),
        programme(source_id="forty-b", at=point_at(CHARLOTTESVILLE, 45, 200), **iop),
        programme(source_id="tele-va", at=point_at(CHARLOTTESVILLE, 150, 230), telehealth=True, **iop),
        programme(source_id="tele-md", at=point_at(CHARLOTTESVILLE, 120, 30), state="MD", telehealth=True, **iop),
        programme(source_id="tele-va-op", at=point_at(CHARLOTTESVILLE, 90, 200), telehealth=True,
                  levels_of_care={"outpatient"}),
    ])
    filters = Filters(facets={"level": {"intensive_outpatient"}})
    page = directory.search(SearchQuery(HERE, radius_miles=10, filters=filters))
    assert page.too_few and page.total == 1
    assert page.wider_radius_miles == 50
    assert [r.programme.id for r in page.telehealth_alternatives] == ["test:tele-va"]
    assert "offers telehealth" in page.telehealth_alternatives[0].why


def test_enough_results_need_no_suggestion(directory: Directory) -> None:
    directory.store.upsert([programme(at=point_at(CHARLOTTESVILLE, m)) for m in (1, 2, 3)])
    page = directory.search(SearchQuery(HERE, radius_miles=5))
    assert not page.too_few
    assert (page.wider_radius_miles, page.telehealth_alternatives) == (None, ())


def test_nothing_anywhere_suggests_no_radius(directory: Directory) -> None:
    page = directory.search(SearchQuery(HERE, radius_miles=25))
    assert page.total == 0 and page.wider_radius_miles is None


def test_demo_records_are_marked_in_results(directory: Directory) -> None:
    directory.store.upsert([programme(source="demo", demo=True)])
    [result] = directory.search(SearchQuery(HERE)).results
    assert result.demo and result.programme.provenance.source == "demo"


@pytest.mark.parametrize(
    ("kwargs", "message"),
    [
        ({"radius_miles": 0.5}, "radius 0.5 miles is out of range"),
        ({"radius_miles": 501}, "radius 501 miles is out of range"),
        ({"limit": 0}, "limit 0 is out of range"),
        ({"offset": -1}, "offset -1 is negative"),
    ],
)
def test_out_of_range_queries_are_refused(kwargs: dict, message: str) -> None:
    with pytest.raises(InvalidQueryError, match=message):
        SearchQuery(HERE, **kwargs)


def test_unknown_filter_values_are_refused_with_the_allowed_ones() -> None:
    with pytest.raises(InvalidQueryError, match=r"unknown payment 'medicade' \(expected one of: medicaid"):
        Filters(facets={"payment": {"medicade"}})
    with pytest.raises(InvalidQueryError, match="unknown filter 'colour'"):
        Filters(facets={"colour": {"blue"}})
