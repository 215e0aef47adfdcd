"""The demo directory: fictional programmes so the assistant works with no data of one's own.

Every record is plainly fictional ("Demo ..." names, 555-01XX phone numbers reserved for fiction,
``provenance.demo`` set) but realistic in shape: programmes sit at real ZIP code centroids from
the ``zipcodes`` package (with a jitter under a mile), spread roughly like the population, and
their attributes follow the chances in the tables below, so searches behave as they would on real
data. Generation is deterministic: the same size and seed give the same records in the same order.
"""

from __future__ import annotations

import math
import random
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from datetime import date, timedelta
from functools import cached_property, lru_cache
from itertools import accumulate

import zipcodes

from directory.model import Location, Phone, Programme, Provenance

DEMO_SOURCE = "demo"
DEMO_DESCRIPTION = "Demo record: fictional programme for trying out IOP Finder; not a real provider."

# ---------------------------------------------------------------------------------------------
# Attribute chances. Each code is drawn independently with its chance; a programme kind may
# override the chances of a facet (codes it does not mention keep the common chance).
# ---------------------------------------------------------------------------------------------

#: facet -> code -> chance, for a typical substance-use programme
CHANCES: dict[str, dict[str, float]] = {
    "condition": {
        "alcohol": 0.92, "opioids": 0.80, "stimulants": 0.70, "cannabis": 0.65, "sedatives": 0.50,
        "other_substances": 0.40, "co_occurring": 0.50, "depression": 0.15, "bipolar": 0.05,
        "eating_disorders": 0.01, "self_harm": 0.03, "anxiety": 0.15, "trauma": 0.12,
    },
    "service": {
        "group_therapy": 0.75, "individual_therapy": 0.90, "family_therapy": 0.50,
        "psychoeducation": 0.70, "cbt": 0.75, "motivational_interviewing": 0.65, "twelve_step": 0.40,
        "relapse_prevention": 0.70, "medication_management": 0.10, "drug_testing": 0.60,
        "case_management": 0.50, "holistic": 0.25, "child_care": 0.03, "transportation": 0.08,
        "dbt": 0.20, "trauma_therapy": 0.30,
    },
    # only for programmes that prescribe (Kind.prescribes); medication management comes with them
    "medication": {
        "buprenorphine": 0.65, "methadone": 0.08, "naltrexone": 0.65, "acamprosate": 0.30,
        "disulfiram": 0.20, "psychiatric_medications": 0.55,
    },
    "accreditation": {
        "joint_commission": 0.25, "carf": 0.25, "ncqa": 0.03, "coa": 0.03, "hfap": 0.02,
        "state_license": 0.90,
    },
    "aftercare": {
        "continuing_care": 0.60, "alumni": 0.25, "discharge_planning": 0.70, "recovery_support": 0.50,
    },
    "payment": {
        "self_pay": 0.90, "private_insurance": 0.70, "medicaid": 0.60, "medicare": 0.35,
        "military_insurance": 0.30, "sliding_fee": 0.40, "payment_plan": 0.15, "eap": 0.10,
        "scholarship": 0.05, "free": 0.04, "ihs_tribal": 0.03, "payment_assistance": 0.10,
    },
    # only for programmes with an IOP or PHP track; at least one is always kept
    "schedule": {"morning": 0.40, "daytime": 0.50, "evening": 0.45, "weekend": 0.15},
    # adults or adolescents is always kept (ADOLESCENTS_ONLY of adolescent programmes drop adults)
    "population": {
        "adults": 0.97, "adolescents": 0.15, "young_adults": 0.12, "seniors": 0.06, "women": 0.12,
        "men": 0.10, "veterans": 0.08, "lgbtq": 0.10, "pregnant_postpartum": 0.05,
        "justice_involved": 0.15,
    },
    # English is always offered (Spanish always in Puerto Rico)
    "language": {
        "spanish": 0.30, "american sign language": 0.03, "chinese": 0.03, "vietnamese": 0.02,
        "russian": 0.015, "korean": 0.01, "arabic": 0.01, "tagalog": 0.01, "haitian creole": 0.01,
        "portuguese": 0.01, "french": 0.01, "polish": 0.005,
    },
}

TELEHEALTH = 0.30  # chance a programme also offers telehealth
VOICE_LINE = 0.40  # chance of a main ("voice") line besides the intake line
ADOLESCENTS_ONLY = 0.40  # chance an adolescent programme serves adolescents only

_PSYCHIATRIC_CONDITIONS = {
    "alcohol": 0.35, "opioids": 0.25, "stimulants": 0.20, "cannabis": 0.25, "sedatives": 0.15,
    "other_substances": 0.10, "co_occurring": 0.60, "depression": 0.95, "bipolar": 0.60,
    "eating_disorders": 0.15, "self_harm": 0.45, "anxiety": 0.90, "trauma": 0.70,
}
_PSYCHIATRIC_MEDICATIONS = {
    "buprenorphine": 0.10, "naltrexone": 0.20, "acamprosate": 0.05, "disulfiram": 0.02,
    "psychiatric_medications": 0.95,
}
_GROUP_BASED = {"group_therapy": 0.97}


@dataclass(frozen=True)
class Kind:
    """A kind of programme: how common it is, its levels of care, names and attribute chances."""

    weight: float
    levels: dict[str, float]  # level of care -> chance (1.0 = always)
    names: tuple[str, ...]  # service names to choose from
    prescribes: float = 0.45  # chance it prescribes medications
    chances: dict[str, dict[str, float]] = field(default_factory=dict)  # overrides of CHANCES

    @cached_property
    def table(self) -> dict[str, tuple[tuple[str, float], ...]]:
        """CHANCES with this kind's overrides, as (code, chance) pairs per facet."""
        return {
            facet: tuple({**chances, **self.chances.get(facet, {})}.items())
            for facet, chances in CHANCES.items()
        }


KINDS: dict[str, Kind] = {
    "substance_iop": Kind(
        0.34, {"intensive_outpatient": 1.0, "outpatient": 0.90},
        ("Intensive Outpatient Program", "IOP", "Substance Use Intensive Outpatient", "Recovery IOP"),
        chances={"service": _GROUP_BASED},
    ),
    "psychiatric_iop": Kind(
        0.06, {"intensive_outpatient": 1.0, "outpatient": 0.70},
        ("Mental Health IOP", "Psychiatric Intensive Outpatient", "Behavioral Health IOP"),
        prescribes=0.80,
        chances={
            "condition": _PSYCHIATRIC_CONDITIONS, "medication": _PSYCHIATRIC_MEDICATIONS,
            "service": {**_GROUP_BASED, "dbt": 0.60, "trauma_therapy": 0.55, "twelve_step": 0.10},
        },
    ),
    "partial_hospitalization": Kind(
        0.06, {"partial_hospitalization": 1.0, "intensive_outpatient": 0.80, "outpatient": 0.60},
        ("Partial Hospitalization Program", "Day Treatment (PHP)", "PHP"),
        prescribes=0.80,
        chances={"service": _GROUP_BASED, "condition": {"co_occurring": 0.70}},
    ),
    "outpatient": Kind(
        0.42, {"outpatient": 1.0},
        ("Outpatient Counseling", "Outpatient Services", "Outpatient Program", "Counseling Services"),
        chances={"service": {"group_therapy": 0.60}},
    ),
    "residential": Kind(
        0.08,
        {"residential": 1.0, "withdrawal_management": 0.40, "outpatient": 0.30, "intensive_outpatient": 0.20},
        ("Residential Treatment", "Residential Program", "Recovery Residence Program"),
        chances={"service": {**_GROUP_BASED, "twelve_step": 0.60}},
    ),
    "hospital": Kind(
        0.04,
        {
            "inpatient": 1.0, "withdrawal_management": 0.70, "outpatient": 0.50,
            "intensive_outpatient": 0.30, "partial_hospitalization": 0.30,
        },
        ("Inpatient Detox", "Medically Managed Withdrawal", "Hospital Addiction Services"),
        prescribes=0.95,
        chances={
            "accreditation": {"joint_commission": 0.80, "hfap": 0.10},
            "medication": {"buprenorphine": 0.80, "psychiatric_medications": 0.70},
            "payment": {"medicare": 0.70, "medicaid": 0.75},
        },
    ),
}

#: (hours per week, length in weeks) as inclusive ranges, by the first of these levels a programme has
HOURS_AND_WEEKS: dict[str, tuple[tuple[int, int] | None, tuple[int, int] | None]] = {
    "partial_hospitalization": ((20, 30), (3, 8)),
    "intensive_outpatient": ((9, 19), (8, 16)),
    "residential": (None, (4, 12)),
}
OUTPATIENT_ONLY_HOURS = (1, 8)

# ---------------------------------------------------------------------------------------------
# Names, places and dates
# ---------------------------------------------------------------------------------------------

_NAME_FIRST = (
    "Maple", "Cedar", "Willow", "Aspen", "Birch", "Juniper", "Harbor", "Lantern", "Silver", "Bright",
    "Quiet", "Sunrise", "Northwind", "Clear", "Golden", "Blue", "Hollow", "Stone", "River", "Summit",
)
_NAME_SECOND = (
    "Ridge", "Valley", "Creek", "Point", "Grove", "Meadow", "Bridge", "Path", "Landing", "Springs",
    "Hill", "Field", "Light", "Trail", "Crossing", "Haven",
)
_NAME_SUFFIX = (
    "Recovery Center", "Behavioral Health", "Wellness Center", "Treatment Services", "Counseling Group",
    "Health Partners", "Recovery Services", "Community Clinic",
)
_STREETS = (
    "Example", "Sample", "Storybook", "Makebelieve", "Placeholder", "Imaginary", "Pretend", "Fable",
    "Daydream", "Mockup", "Sketch", "Rehearsal",
)

#: the jurisdictions that get programmes (50 states, DC and Puerto Rico)
STATE_NAMES: dict[str, str] = {
    "AK": "Alaska", "AL": "Alabama", "AR": "Arkansas", "AZ": "Arizona", "CA": "California",
    "CO": "Colorado", "CT": "Connecticut", "DC": "District of Columbia", "DE": "Delaware",
    "FL": "Florida", "GA": "Georgia", "HI": "Hawaii", "IA": "Iowa", "ID": "Idaho", "IL": "Illinois",
    "IN": "Indiana", "KS": "Kansas", "KY": "Kentucky", "LA": "Louisiana", "MA": "Massachusetts",
    "MD": "Maryland", "ME": "Maine", "MI": "Michigan", "MN": "Minnesota", "MO": "Missouri",
    "MS": "Mississippi", "MT": "Montana", "NC": "North Carolina", "ND": "North Dakota",
    "NE": "Nebraska", "NH": "New Hampshire", "NJ": "New Jersey", "NM": "New Mexico", "NV": "Nevada",
    "NY": "New York", "OH": "Ohio", "OK": "Oklahoma", "OR": "Oregon", "PA": "Pennsylvania",
    "PR": "Puerto Rico", "RI": "Rhode Island", "SC": "South Carolina", "SD": "South Dakota",
    "TN": "Tennessee", "TX": "Texas", "UT": "Utah", "VA": "Virginia", "VT": "Vermont",
    "WA": "Washington", "WI": "Wisconsin", "WV": "West Virginia", "WY": "Wyoming",
}

STATE_FLOOR = 20  # programmes every jurisdiction gets before the rest are spread by ZIP
JITTER_MILES = 1.0
_MILES_PER_DEGREE = 69.0
VERIFIED_FROM = date(2025, 1, 1)
VERIFIED_TO = date(2026, 10, 31)


@dataclass(frozen=True)
class _Zip:
    code: str
    city: str
    state: str
    latitude: float
    longitude: float
    area_codes: tuple[str, ...]


@lru_cache(maxsize=1)
def _zips() -> tuple[_Zip, ...]:
    """Active standard ZIP codes with coordinates in STATE_NAMES, sorted by code."""
    found = []
    for row in zipcodes.list_all():
        if not row["active"] or row["zip_code_type"] != "STANDARD" or row["state"] not in STATE_NAMES:
            continue
        latitude, longitude = float(row["lat"] or 0), float(row["long"] or 0)
        if latitude == 0 or longitude == 0:
            continue
        areas = tuple(row["area_codes"]) or ("555",)
        found.append(_Zip(row["zip_code"], row["city"], row["state"], latitude, longitude, areas))
    return tuple(sorted(found, key=lambda z: z.code))


def _places(size: int, rng: random.Random) -> list[_Zip]:
    """``size`` ZIPs: a floor per jurisdiction, the rest uniformly over ZIPs, shuffled."""
    zips = _zips()
    by_state: dict[str, list[_Zip]] = {}
    for zip_ in zips:
        by_state.setdefault(zip_.state, []).append(zip_)
    floor = min(STATE_FLOOR, size // len(by_state))
    places = [rng.choice(by_state[state]) for state in sorted(by_state) for _ in range(floor)]
    places += rng.choices(zips, k=size - len(places))
    rng.shuffle(places)
    return places


def _draw(rng: random.Random, chances: Iterable[tuple[str, float]]) -> set[str]:
    """The codes that come up, each with its own chance."""
    return {code for code, chance in chances if rng.random() < chance}


def _jitter(rng: random.Random, zip_: _Zip) -> tuple[float, float]:
    """A point uniformly within JITTER_MILES of the ZIP centroid."""
    distance = JITTER_MILES * math.sqrt(rng.random()) / _MILES_PER_DEGREE
    angle = rng.uniform(0, 2 * math.pi)
    latitude = zip_.latitude + distance * math.sin(angle)
    longitude = zip_.longitude + distance * math.cos(angle) / math.cos(math.radians(zip_.latitude))
    return round(latitude, 5), round(longitude, 5)


def _phone(rng: random.Random, zip_: _Zip, type_: str) -> Phone:
    return Phone(f"({rng.choice(zip_.area_codes)}) 555-01{rng.randrange(100):02d}", type_)


def _organization_name(rng: random.Random) -> str:
    return f"Demo {rng.choice(_NAME_FIRST)} {rng.choice(_NAME_SECOND)} {rng.choice(_NAME_SUFFIX)}"


def _service_name(
    rng: random.Random, kind: Kind, levels: set[str], populations: set[str], schedules: set[str]
) -> str:
    """A name that says the programme, echoing its audience or track when it has one; a programme
    whose kind is not an IOP at heart ("Inpatient Detox") but that runs one says so ("... & IOP")."""
    name = rng.choice(kind.names)
    if "intensive_outpatient" in levels and kind.levels.get("intensive_outpatient", 0.0) < 1.0:
        name = f"{name} & IOP"
    if "adolescents" in populations and "adults" not in populations:
        return f"Adolescent {name}"
    if schedules == {"evening"} and not levels & {"residential", "inpatient"}:
        return f"Evening {name}"
    if "women" in populations and "men" not in populations:
        return f"Women's {name}"
    return name


def _populations(rng: random.Random, kind: Kind) -> set[str]:
    populations = _draw(rng, kind.table["population"])
    if "adolescents" in populations and rng.random() < ADOLESCENTS_ONLY:
        populations -= {"adults", "seniors"}
    elif not populations & {"adults", "adolescents"}:
        populations.add("adults")
    if {"women", "men"} <= populations:
        populations.discard(rng.choice(("women", "men")))
    return populations


def _schedules(rng: random.Random, levels: set[str]) -> set[str]:
    if not levels & {"intensive_outpatient", "partial_hospitalization"}:
        return set()
    schedules = _draw(rng, CHANCES["schedule"].items())
    return schedules or {rng.choice(sorted(CHANCES["schedule"]))}


def _hours_and_weeks(rng: random.Random, levels: set[str]) -> tuple[float | None, int | None]:
    hours, weeks = next(
        (HOURS_AND_WEEKS[level] for level in HOURS_AND_WEEKS if level in levels),
        (OUTPATIENT_ONLY_HOURS if levels == {"outpatient"} else None, None),
    )
    return (
        float(rng.randint(*hours)) if hours else None,
        round(rng.triangular(*weeks)) if weeks else None,
    )


def _programme(index: int, rng: random.Random, kind: Kind, zip_: _Zip) -> Programme:
    levels = _draw(rng, kind.levels.items())
    conditions = _draw(rng, kind.table["condition"])
    medications = _draw(rng, kind.table["medication"]) if rng.random() < kind.prescribes else set()
    services = _draw(rng, kind.table["service"]) | ({"medication_management"} if medications else set())
    accreditations = _draw(rng, kind.table["accreditation"])
    populations = _populations(rng, kind)
    schedules = _schedules(rng, levels)
    hours, weeks = _hours_and_weeks(rng, levels)
    languages = {"english"} | _draw(rng, kind.table["language"]) | ({"spanish"} if zip_.state == "PR" else set())
    latitude, longitude = _jitter(rng, zip_)
    phones = [_phone(rng, zip_, "intake")]
    if rng.random() < VOICE_LINE:
        phones.append(_phone(rng, zip_, "voice"))
    verified = VERIFIED_FROM + timedelta(days=rng.randrange((VERIFIED_TO - VERIFIED_FROM).days + 1))
    return Programme(
        organization_name=_organization_name(rng),
        service_name=_service_name(rng, kind, levels, populations, schedules),
        location=Location(
            address_1=f"{rng.randint(100, 9999)} {rng.choice(_STREETS)} Street",
            city=zip_.city,
            state_province=zip_.state,
            postal_code=zip_.code,
            latitude=latitude,
            longitude=longitude,
        ),
        provenance=Provenance(DEMO_SOURCE, f"demo-{index:06d}", last_verified=verified, demo=True),
        phones=tuple(phones),
        description=DEMO_DESCRIPTION,
        levels_of_care=frozenset(levels),
        telehealth=rng.random() < TELEHEALTH,
        conditions=frozenset(conditions),
        services=frozenset(services),
        medications=frozenset(medications),
        accreditations=frozenset(accreditations),
        license_agency=(
            f"{STATE_NAMES[zip_.state]} Department of Behavioral Health (demo)"
            if "state_license" in accreditations
            else ""
        ),
        aftercare=frozenset(_draw(rng, kind.table["aftercare"])),
        payment=frozenset(_draw(rng, kind.table["payment"])),
        schedules=frozenset(schedules),
        hours_per_week=hours,
        length_weeks=weeks,
        populations=frozenset(populations),
        languages=frozenset(languages),
    )


def generate_demo(size: int = 25_000, *, seed: int = 2026) -> Iterator[Programme]:
    """Yield ``size`` fictional programmes; the same size and seed always give the same records."""
    if size < 0:
        raise ValueError(f"size must not be negative, got {size}")
    rng = random.Random(seed)
    kinds = list(KINDS.values())
    cumulative = list(accumulate(kind.weight for kind in kinds))
    for index, zip_ in enumerate(_places(size, rng)):
        yield _programme(index, rng, rng.choices(kinds, cum_weights=cumulative)[0], zip_)
