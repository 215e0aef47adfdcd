"""The demo directory: deterministic, fictional, valid, and spread over the whole country."""

from __future__ import annotations

import math
import re
from datetime import date

import pytest

from directory.demo import DEMO_DESCRIPTION, DEMO_SOURCE, STATE_NAMES, generate_demo
from directory.model import Programme, programme_from_dict, programme_to_dict

SIZE = 3_000
MANHATTAN = (40.7831, -73.9712)
FICTIONAL_PHONE = re.compile(r"^\(\d{3}\) 555-01\d{2}$")


@pytest.fixture(scope="module")
def demo() -> list[Programme]:
    return list(generate_demo(SIZE))


def _miles(a: tuple[float, float], b: tuple[float, float]) -> float:
    lat1, lon1, lat2, lon2 = map(math.radians, (*a, *b))
    h = math.sin((lat2 - lat1) / 2) ** 2 + math.cos(lat1) * math.cos(lat2) * math.sin((lon2 - lon1) / 2) ** 2
    return 3958.8 * 2 * math.asin(math.sqrt(h))


def _share(programmes: list[Programme], level: str) -> float:
    return sum(level in p.levels_of_care for p in programmes) / len(programmes)


def test_same_size_and_seed_give_the_same_records(demo: list[Programme]) -> None:
    assert list(generate_demo(SIZE)) == demo


def test_another_seed_gives_other_records(demo: list[Programme]) -> None:
    other = list(generate_demo(SIZE, seed=7))
    assert sum(a == b for a, b in zip(other, demo, strict=True)) == 0


@pytest.mark.parametrize("size", [0, 1, 10, 51])
def test_size_is_respected(size: int) -> None:
    assert len(list(generate_demo(size))) == size


def test_negative_size_is_refused() -> None:
    with pytest.raises(ValueError):
        list(generate_demo(-1))


def test_every_state_dc_and_puerto_rico_have_programmes(demo: list[Programme]) -> None:
    states = {p.location.state_province for p in demo}
    assert states == set(STATE_NAMES)
    assert len(STATE_NAMES) == 52


def test_records_are_plainly_fictional(demo: list[Programme]) -> None:
    for programme in demo:
        assert programme.demo
        assert programme.provenance.source == DEMO_SOURCE
        assert programme.organization_name.startswith("Demo ")
        assert programme.description == DEMO_DESCRIPTION
        assert programme.phones and programme.phones[0].type == "intake"
        assert all(FICTIONAL_PHONE.match(phone.number) for phone in programme.phones)
        assert re.fullmatch(r"\d+ \w+ Street", programme.location.address_1)


def test_ids_are_unique_and_dates_fixed(demo: list[Programme]) -> None:
    assert len({p.id for p in demo}) == SIZE
    assert demo[0].id == "demo:demo-000000"
    verified = [p.provenance.last_verified for p in demo if p.provenance.last_verified]
    assert len(verified) == SIZE
    assert date(2025, 1, 1) <= min(verified) and max(verified) <= date(2026, 12, 31)


def test_intensive_outpatient_share_is_realistic(demo: list[Programme]) -> None:
    assert 0.40 <= _share(demo, "intensive_outpatient") <= 0.55
    assert _share(demo, "outpatient") > 0.75
    assert _share(demo, "partial_hospitalization") < 0.15
    assert 0.2 <= sum(p.telehealth for p in demo) / SIZE <= 0.4


def test_hours_and_schedules_follow_the_level_of_care(demo: list[Programme]) -> None:
    for p in demo:
        levels = p.levels_of_care
        if "partial_hospitalization" in levels:
            assert p.hours_per_week is not None and 20 <= p.hours_per_week <= 30
        elif "intensive_outpatient" in levels:
            assert p.hours_per_week is not None and 9 <= p.hours_per_week <= 19
            assert p.length_weeks is not None and 8 <= p.length_weeks <= 16
        elif levels == {"outpatient"}:
            assert p.hours_per_week is not None and 1 <= p.hours_per_week <= 8
        assert bool(p.schedules) == bool(levels & {"intensive_outpatient", "partial_hospitalization"})
        assert bool(p.license_agency) == ("state_license" in p.accreditations)
        assert p.populations & {"adults", "adolescents"}
        assert "english" in p.languages


def test_records_round_trip_through_dicts(demo: list[Programme]) -> None:
    for programme in demo[::50]:
        assert programme_from_dict(programme_to_dict(programme)) == programme


def test_full_size_is_dense_in_manhattan() -> None:
    programmes = list(generate_demo(25_000))
    assert len(programmes) == 25_000
    near = [p for p in programmes if _miles(MANHATTAN, (p.location.latitude, p.location.longitude)) <= 3]
    assert len(near) >= 30
    assert {p.location.postal_code[:3] for p in near} >= {"100"}


def test_a_name_never_hides_the_iop_a_programme_runs(demo: list[Programme]) -> None:
    """An IOP offered by a detox, residential or PHP programme is in its name, so a result card
    for an IOP search never reads like a different level of care."""
    offers_iop = [p for p in demo if "intensive_outpatient" in p.levels_of_care]
    assert offers_iop
    for programme in offers_iop:
        assert re.search(r"IOP|Intensive Outpatient", programme.service_name), programme.service_name
