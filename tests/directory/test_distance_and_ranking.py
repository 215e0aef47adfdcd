"""Pure rules: distances, bounding boxes, ranking scores and reasons."""

from __future__ import annotations

import random

import pytest

from directory.distance import (
    BOUNDARY_BAND,
    bounding_boxes,
    geodesic_miles,
    haversine_miles,
    within_radius,
)
from directory.query import Filters, Point
from directory.ranking import FIT_MILES, PreferenceMasks, rank, ranking_score
from directory.reasons import explain
from directory.stores.base import FACET_ORDER, Candidate
from tests.directory.factories import point_at, programme


def test_the_spherical_distance_stays_inside_the_trusted_band_across_the_us() -> None:
    rng = random.Random(3)
    for _ in range(300):
        a = Point(rng.uniform(18, 71), rng.uniform(-170, -66))
        b = point_at(a, rng.uniform(0.5, 500), rng.uniform(0, 360))
        exact = geodesic_miles(a.latitude, a.longitude, b.latitude, b.longitude)
        assert abs(haversine_miles(a.latitude, a.longitude, b.latitude, b.longitude) - exact) <= exact * BOUNDARY_BAND


@pytest.mark.parametrize("origin", [Point(38.03, -78.48), Point(64.8, -147.7), Point(19.7, -155.1), Point(52.0, 179.9)])
@pytest.mark.parametrize("radius", [1, 25, 500])
def test_bounding_boxes_contain_every_point_of_the_circle(origin: Point, radius: float) -> None:
    boxes = bounding_boxes(origin, radius)
    for bearing in range(0, 360, 15):
        p = point_at(origin, radius, bearing)
        assert any(b.south <= p.latitude <= b.north and b.west <= p.longitude <= b.east for b in boxes), bearing


def test_within_radius_uses_the_geodesic_near_the_edge() -> None:
    origin = Point(40.78, -73.97)
    inside, outside = point_at(origin, 9.995, 0), point_at(origin, 10.005, 0)
    assert within_radius(origin, inside.latitude, inside.longitude, 10) == pytest.approx(9.995, abs=1e-6)
    assert within_radius(origin, outside.latitude, outside.longitude, 10) is None


def candidate(programme_id: str, *, masks: dict[str, int] | None = None, telehealth: bool = False,
              has_phone: bool = True, languages: frozenset[str] = frozenset({"english"})) -> Candidate:
    masks = masks or {}
    return Candidate(0, programme_id, 0.0, 0.0, tuple(masks.get(f, 0) for f in FACET_ORDER),
                     telehealth, languages, has_phone)


def test_fit_counts_one_point_per_preference_met_and_one_off_for_no_phone() -> None:
    wishes = PreferenceMasks(Filters(facets={"schedule": {"evening", "weekend"}, "payment": {"medicaid"}},
                                     telehealth=True, languages=frozenset({"spanish"})))
    evening_bit, medicaid_bit = 1 << 2, 1
    assert wishes.fit(candidate("a")) == 0
    assert wishes.fit(candidate("b", masks={"schedule": evening_bit})) == 1
    assert wishes.fit(candidate("c", masks={"schedule": evening_bit, "payment": medicaid_bit},
                                telehealth=True, languages=frozenset({"spanish"}))) == 4
    assert wishes.fit(candidate("d", has_phone=False)) == -1


def test_each_fit_point_is_worth_fit_miles() -> None:
    assert ranking_score(10.0, 2) == 10.0 - 2 * FIT_MILES


def test_rank_breaks_ties_on_the_programme_id() -> None:
    ranked = rank([(candidate("b"), 3.0), (candidate("a"), 3.0), (candidate("c"), 1.0)], Filters())
    assert [c.programme_id for c, _ in ranked] == ["c", "a", "b"]


def test_reasons_cover_filters_preferences_telehealth_and_language_without_repeats() -> None:
    offered = programme(levels_of_care={"intensive_outpatient"}, payment={"medicaid", "sliding_fee"},
                        aftercare={"alumni"}, telehealth=True, languages=frozenset({"english", "spanish"}))
    filters = Filters(facets={"payment": {"medicaid", "medicare"}}, telehealth=True)
    preferences = Filters(facets={"payment": {"medicaid"}, "aftercare": {"alumni"}},
                          languages=frozenset({"spanish"}))
    assert explain(offered, filters, preferences) == (
        "intensive outpatient", "accepts Medicaid", "alumni programme", "offers telehealth", "services in Spanish",
    )
