"""SAMHSA FindTreatment.gov locator JSON: rows of ``frid, name1, ... services[{f1, f2, f3}]``.

Each ``services`` entry holds a category code (``f2``, e.g. ``SET`` service setting, ``PAY``
payment) and its texts (``f3``, separated by "; "). The texts are mapped to the vocabulary with
the tables below; a text the tables do not know is ignored with a warning, never a refusal.

The tables speak in *effects*: ``(facet, code)`` pairs where the facet is a vocabulary facet
("level", "payment", ...) or one of the pseudo-facets handled by :class:`Traits` ("telehealth",
"license_agency", "language", "gender", "not_condition", "mental_health"). The National Directory
reader reuses :class:`Traits` and the shared effects, since both formats describe the same survey.
"""

from __future__ import annotations

import json
import re
from collections import defaultdict
from collections.abc import Iterable, Mapping
from datetime import date
from pathlib import Path
from typing import Any

from directory.importers.base import (
    ImportCollector,
    ImportResult,
    MalformedFileError,
    parse_coordinate,
    where_with_id,
)
from directory.model import FACET_FIELDS, InvalidRecordError, Location, Phone, Programme, Provenance

SOURCE = "samhsa-locator"

Effect = tuple[str, str]

#: "treats substance use" without detail: alcohol, opioids and other substances
#: (opioids are withdrawn again by "Does not treat opioid addiction")
SUBSTANCE_USE: tuple[Effect, ...] = (
    ("condition", "alcohol"),
    ("condition", "opioids"),
    ("condition", "other_substances"),
)
SUBSTANCE_CONDITIONS = frozenset({"alcohol", "opioids", "stimulants", "cannabis", "sedatives", "other_substances"})
NO_OPIOIDS: tuple[Effect, ...] = (("not_condition", "opioids"),)
MENTAL_HEALTH: tuple[Effect, ...] = (("mental_health", "treatment"),)


def state_licence(agency: str) -> tuple[Effect, ...]:
    """A licence by a state body: the ``state_license`` accreditation and the agency's name."""
    return (("accreditation", "state_license"), ("license_agency", agency))


def _each(facet: str, table: Mapping[str, str]) -> dict[str, tuple[Effect, ...]]:
    return {text: ((facet, code),) for text, code in table.items()}


def _nothing(*texts: str) -> dict[str, tuple[Effect, ...]]:
    """Texts that are understood but carry nothing the model stores."""
    return dict.fromkeys(texts, ())


_BUPRENORPHINE = (("medication", "buprenorphine"),)
_METHADONE = (("medication", "methadone"),)
_NALTREXONE = (("medication", "naltrexone"),)
_DETOX = (("level", "withdrawal_management"),)
_PSYCHIATRIC = (("medication", "psychiatric_medications"), ("service", "medication_management"))

#: f3 text -> effects, for every category except those in CATEGORY_EFFECTS and IGNORED_CATEGORIES
TEXT_EFFECTS: dict[str, tuple[Effect, ...]] = {
    # TC: type of care
    "Substance use treatment": SUBSTANCE_USE,
    "Mental health treatment": MENTAL_HEALTH,
    "Detoxification": _DETOX,
    "Treatment for co-occurring serious mental health illness/serious emotional disturbance and "
    "substance use disorders": (("condition", "co_occurring"),),
    **_nothing("Transitional housing, halfway house, or sober home"),
    # SET: service setting; FT: facility type
    **_each(
        "level",
        {
            "Intensive outpatient treatment": "intensive_outpatient",
            "Regular outpatient treatment": "outpatient",
            "Outpatient": "outpatient",
            "Outpatient methadone/buprenorphine or naltrexone treatment": "outpatient",
            "Outpatient mental health facility": "outpatient",
            "Partial hospitalization/day treatment": "partial_hospitalization",
            "Outpatient day treatment or partial hospitalization": "partial_hospitalization",
            "Residential": "residential",
            "Short-term residential": "residential",
            "Long-term residential": "residential",
            "Residential/24-hour residential": "residential",
            "Residential treatment center (RTC) for adults": "residential",
            "Residential treatment center (RTC) for children": "residential",
            "Hospital inpatient": "inpatient",
            "Hospital inpatient treatment": "inpatient",
            "Psychiatric hospital or psychiatric unit of a general hospital": "inpatient",
            "Residential detoxification": "withdrawal_management",
            "Hospital inpatient detoxification": "withdrawal_management",
            "Outpatient detoxification": "withdrawal_management",
        },
    ),
    "Telemedicine/telehealth": (("telehealth", "yes"),),
    "Computerized treatment/telemedicine": (("telehealth", "yes"),),
    **_nothing("Community mental health center", "Multi-setting mental health facility"),
    # OT, OM, PHR: opioid treatment and pharmacotherapies
    "Buprenorphine used in Treatment": _BUPRENORPHINE,
    "Buprenorphine maintenance": _BUPRENORPHINE,
    "Buprenorphine maintenance for predetermined time": _BUPRENORPHINE,
    "Prescribes/administers buprenorphine": _BUPRENORPHINE,
    "Buprenorphine with naloxone (Suboxone®)": _BUPRENORPHINE,
    "Buprenorphine without naloxone": _BUPRENORPHINE,
    "Buprenorphine (extended-release, injectable, for example, Sublocade®)": _BUPRENORPHINE,
    "Buprenorphine sub-dermal implant (Probuphine®)": _BUPRENORPHINE,
    "Buprenorphine detoxification": _BUPRENORPHINE + _DETOX,
    "Methadone": _METHADONE,
    "Methadone used in Treatment": _METHADONE,
    "Methadone maintenance": _METHADONE,
    "Methadone maintenance for predetermined time": _METHADONE,
    "Methadone detoxification": _METHADONE + _DETOX,
    "Naltrexone (oral)": _NALTREXONE,
    "Extended-release, injectable Naltrexone (Vivitrol®)": _NALTREXONE,
    "Naltrexone used in Treatment": _NALTREXONE,
    "Prescribes/administers naltrexone": _NALTREXONE,
    "Relapse prevention from naltrexone": _NALTREXONE,
    "Relapse prevention with naltrexone": _NALTREXONE,
    "Acamprosate (Campral®)": (("medication", "acamprosate"),),
    "Disulfiram (Antabuse®)": (("medication", "disulfiram"),),
    "Medications for psychiatric disorders": _PSYCHIATRIC,
    "Does not treat opioid addiction": NO_OPIOIDS,
    **_nothing(
        "Accepts clients on opioid medication",
        "Accepts clients on opioid medication but prescribed elsewhere",
        "Do not use medication for opioid addiction",
        "Does not use medication for opioid addiction",
        "SAMHSA-certified Opioid Treatment Program",
        "Use methadone/buprenorphine for pain management or emergency dosing",
    ),
    # TAP, EDU, AS, SCR: approaches, counselling, ancillary services, testing
    **_each(
        "service",
        {
            "Group counseling offered": "group_therapy",
            "Group therapy": "group_therapy",
            "Individual counseling offered": "individual_therapy",
            "Individual psychotherapy": "individual_therapy",
            "Family counseling offered": "family_therapy",
            "Couples/family therapy": "family_therapy",
            "Cognitive behavioral therapy": "cbt",
            "Motivational interviewing": "motivational_interviewing",
            "12-step facilitation": "twelve_step",
            "Relapse prevention": "relapse_prevention",
            "Dialectical behavior therapy": "dbt",
            "Trauma-related counseling": "trauma_therapy",
            "Trauma therapy": "trauma_therapy",
            "Case management": "case_management",
            "Intensive case management": "case_management",
            "Drug or alcohol urine screening": "drug_testing",
            "Breath analyzer or blood alcohol testing": "drug_testing",
            "Substance abuse education": "psychoeducation",
            "Family psychoeducation": "psychoeducation",
            "Transportation assistance": "transportation",
            "Child care for clients' children": "child_care",
            "Acupuncture": "holistic",
            "Psychotropic medication": "medication_management",
        },
    ),
    "Integrated dual disorders treatment": (("condition", "co_occurring"),),
    "Court-ordered outpatient treatment": (("population", "justice_involved"),),
    **_nothing(
        "Activity therapy",
        "Anger management",
        "Assertive community treatment",
        "Assistance with obtaining social services",
        "Behavior modification",
        "Brief intervention",
        "Chronic disease/illness management",
        "Community reinforcement plus vouchers",
        "Contingency management/motivational incentives",
        "Diet and exercise counseling",
        "Domestic violence services-family or partner",
        "Early intervention for HIV",
        "Education services",
        "Electroconvulsive therapy",
        "Employment counseling or training",
        "Health education services other than HIV/AIDS or hepatitis",
        "Hepatitis education, counseling, or support",
        "HIV or AIDS education, counseling, or support",
        "HIV testing",
        "Housing services",
        "Illness management and recovery",
        "Integrated primary care services",
        "Marital/couples counseling offered",
        "Matrix Model",
        "Mental health services",
        "Psychosocial rehabilitation services",
        "Rational emotive behavioral therapy",
        "Screening for Hepatitis B",
        "Screening for Hepatitis C",
        "Screening for mental health disorders",
        "Screening for substance use",
        "Social skills development",
        "STD testing",
        "Substance use counseling approach",
        "Suicide prevention services",
        "Supported housing",
        "TB screening",
    ),
    # TRSRV and peer support: aftercare
    "Aftercare/continuing care": (("aftercare", "continuing_care"),),
    "Discharge Planning": (("aftercare", "discharge_planning"),),
    "Consumer-run (peer-support) services": (("aftercare", "recovery_support"),),
    "Self-help groups": (("aftercare", "recovery_support"),),
    **_nothing("Outcome follow-up after discharge"),
    # PAY, PYAS: payment
    **_each(
        "payment",
        {
            "Medicaid": "medicaid",
            "Medicare": "medicare",
            "Private health insurance": "private_insurance",
            "Military insurance (e.g., TRICARE)": "military_insurance",
            "IHS/Tribal/Urban (ITU) funds": "ihs_tribal",
            "Cash or self-payment": "self_pay",
            "No payment accepted": "free",
            "Sliding fee scale (fee is based on income and other factors)": "sliding_fee",
            "Sliding fee scale": "sliding_fee",
            "Payment assistance (check with facility for details)": "payment_assistance",
            "Payment assistance": "payment_assistance",
        },
    ),
    **_nothing(
        "Access to Recovery (ATR) vouchers",
        "Community Mental Health Block Grants",
        "Community Service Block Grants",
        "County or local government funds",
        "Federal, or any government funding for substance abuse programs",
        "Other State funds",
        "State corrections or juvenile justice funds",
        "State education funds",
        "State mental health agency (or equivalent) funds",
        "State welfare or child and family services funds",
        "State-financed health insurance plan other than Medicaid",
        "U.S. Department of VA funds",
    ),
    # LCA: licences and accreditation
    **_each(
        "accreditation",
        {
            "The Joint Commission": "joint_commission",
            "Commission on Accreditation of Rehabilitation Facilities": "carf",
            "National Committee for Quality Assurance": "ncqa",
            "Council on Accreditation": "coa",
            "Healthcare Facilities Accreditation Program": "hfap",
        },
    ),
    **{
        agency: state_licence(agency)
        for agency in (
            "State substance abuse agency",
            "State mental health department",
            "State department of health",
            "Hospital licensing authority",
        )
    },
    **_nothing("Federally Qualified Health Center"),
    # SG, AGE, EXCL: populations and the conditions of special groups
    **_each(
        "population",
        {
            "Adolescents": "adolescents",
            "Children/adolescents": "adolescents",
            "Children/adolescents with serious emotional disturbance (SED)": "adolescents",
            "Adults": "adults",
            "Young adults": "young_adults",
            "Transitional age young adults": "young_adults",
            "Seniors or older adults": "seniors",
            "Seniors (65 or older)": "seniors",
            "Adult women": "women",
            "Adult men": "men",
            "Veterans": "veterans",
            "Serves Veterans only": "veterans",
            "Lesbian, gay, bisexual, or transgender (LGBT) clients": "lgbtq",
            "Pregnant/postpartum women": "pregnant_postpartum",
            "Clients referred from the court/judicial system": "justice_involved",
            "Criminal justice clients": "justice_involved",
        },
    ),
    **_each(
        "condition",
        {
            "Persons with co-occurring mental and substance use disorders": "co_occurring",
            "Persons who have experienced trauma": "trauma",
            "Persons with post-traumatic stress disorder (PTSD)": "trauma",
            "Persons with eating disorders": "eating_disorders",
        },
    ),
    **_nothing(
        "Active duty military",
        "All Clients in Opioid Treatment Program",
        "DUI/DWI clients",
        "Methadone and buprenorphine clients only",
        "Military families",
        "Persons who have experienced intimate partner violence, domestic violence",
        "Persons who have experienced sexual abuse",
        "Persons with Alzheimer's or dementia",
        "Persons with co-occurring pain and substance use",
        "Persons with HIV or AIDS",
        "Persons with serious mental illness (SMI)",
        "Persons with traumatic brain injury (TBI)",
        "Serves only DUI/DWI clients",
    ),
    # GN: genders accepted (a population only when a single gender is accepted, see Traits)
    "Male": (("gender", "men"),),
    "Female": (("gender", "women"),),
}

#: categories whose every text has the same effect, whatever it says
CATEGORY_EFFECTS: dict[str, tuple[Effect, ...]] = {"DETOX": _DETOX}

#: categories that carry nothing the model stores: their texts are ignored without a warning
IGNORED_CATEGORIES = frozenset({"ASSES", "AUT", "EMS", "FOP", "HOSP", "OTHR", "SL", "SMP", "TOBAC"})


class Traits:
    """Collects effects for one record and turns them into Programme keyword arguments."""

    def __init__(self) -> None:
        self._values: dict[str, set[str]] = defaultdict(set)

    def add(self, effects: Iterable[Effect]) -> None:
        for facet, value in effects:
            self._values[facet].add(value)

    def programme_fields(self) -> dict[str, Any]:
        values = self._values
        fields: dict[str, Any] = {attribute: frozenset(values[facet]) for facet, attribute in FACET_FIELDS.items()}
        fields["conditions"] = self._conditions()
        if len(values["gender"]) == 1:  # a single gender accepted: a programme for that gender
            fields["populations"] |= values["gender"]
        fields["telehealth"] = bool(values["telehealth"])
        fields["license_agency"] = "; ".join(sorted(values["license_agency"]))
        fields["languages"] = frozenset({"english"} | values["language"])
        return fields

    def _conditions(self) -> frozenset[str]:
        conditions = self._values["condition"] - self._values["not_condition"]
        if self._values["mental_health"]:
            # The locator's "Mental health treatment" names no disorder. Next to substance-use
            # treatment it means the facility treats both, i.e. co-occurring conditions. Alone we
            # record the two commonest conditions such facilities treat (depression, anxiety), so
            # that a person looking for mental-health care finds them; that is broader than the
            # source says, and the facility's own page is the authority.
            mental = {"co_occurring"} if conditions & SUBSTANCE_CONDITIONS else {"depression", "anxiety"}
            conditions |= mental
        return frozenset(conditions)


def programme_from_locator_row(row: dict, *, verified_on: date | None = None) -> tuple[Programme, list[str]]:
    """One locator row as a Programme, with warnings for texts the tables do not know.

    Raises InvalidRecordError when the row cannot make a valid programme.
    """
    if not isinstance(row, dict):
        raise InvalidRecordError(f"a row must be a JSON object, got {type(row).__name__}")
    frid = _text(row, "frid")
    if not frid:
        raise InvalidRecordError("missing frid")
    traits = Traits()
    warnings = [w for entry in _services(row) for w in _apply(traits, *entry)]
    location = Location(
        address_1=_text(row, "street1"),
        address_2=_text(row, "street2"),
        city=_text(row, "city"),
        state_province=_text(row, "state"),
        postal_code=_postal_code(_text(row, "zip")),
        latitude=_coordinate(row, "latitude"),
        longitude=_coordinate(row, "longitude"),
    )
    phones = tuple(Phone(_text(row, key), kind) for key, kind in _PHONE_FIELDS if _text(row, key))
    programme = Programme(
        organization_name=_text(row, "name1"),
        service_name=_text(row, "name2"),
        location=location,
        provenance=Provenance(SOURCE, frid, verified_on),
        phones=phones,
        website=_text(row, "website"),
        **traits.programme_fields(),
    )
    return programme, warnings


def read_locator_json(path: Path, *, verified_on: date | None = None) -> ImportResult:
    """Read a locator JSON file: a list of rows, or the page envelope ``{"rows": [...]}``."""
    collector = ImportCollector(SOURCE)
    for number, row in enumerate(_load_rows(path), 1):
        collector.add(
            where_with_id(f"row {number}", row, "frid"),
            lambda row=row: programme_from_locator_row(row, verified_on=verified_on),
        )
    return collector.result()


_PHONE_FIELDS = (("intake1", "intake"), ("phone", "voice"), ("hotline1", "hotline"))
_ZIP_PLUS_4 = re.compile(r"^(\d{5})-\d{4}$")
_SPACES = re.compile(r"\s+")


def _load_rows(path: Path) -> list[Any]:
    try:
        data = json.loads(path.read_text(encoding="utf-8-sig"))
    except UnicodeDecodeError:
        raise MalformedFileError(f"{path}: not UTF-8 text") from None
    except json.JSONDecodeError as error:
        raise MalformedFileError(f"{path}: not valid JSON ({error})") from None
    rows = data.get("rows") if isinstance(data, dict) else data
    if not isinstance(rows, list):
        raise MalformedFileError(f"{path}: expected a JSON list of locator rows or an object with a 'rows' list")
    if not rows:
        raise MalformedFileError(f"{path}: no rows")
    return rows


def _services(row: dict) -> list[tuple[str, str]]:
    """(category, text) pairs of the row's services, texts split on ";" with spaces tidied."""
    services = row.get("services") or []
    if not isinstance(services, list):
        raise InvalidRecordError("services must be a list")
    pairs = []
    for index, entry in enumerate(services):
        if not isinstance(entry, dict):
            raise InvalidRecordError(f"services[{index}] must be an object")
        category = _text(entry, "f2")
        pairs += [(category, _SPACES.sub(" ", text).strip()) for text in _text(entry, "f3").split(";")]
    return [(category, text) for category, text in pairs if text]


def _apply(traits: Traits, category: str, text: str) -> list[str]:
    """Add the effects of one text; returns a warning when the text is not known."""
    if category in IGNORED_CATEGORIES:
        return []
    if category == "OL":
        traits.add([("language", text.lower())])
        return []
    effects = CATEGORY_EFFECTS.get(category, TEXT_EFFECTS.get(text))
    if effects is None:
        return [f"unknown {category or 'uncategorised'} text {text!r} ignored"]
    traits.add(effects)
    return []


def _text(row: Mapping[str, Any], key: str) -> str:
    value = row.get(key)
    if value is None:
        return ""
    if isinstance(value, bool) or not isinstance(value, (str, int, float)):
        raise InvalidRecordError(f"{key} must be text, got {type(value).__name__}")
    return str(value).strip()


def _coordinate(row: Mapping[str, Any], key: str) -> float:
    return parse_coordinate(_text(row, key), key)


def _postal_code(text: str) -> str:
    """The 5-digit ZIP; a ZIP+4 keeps its first five digits."""
    match = _ZIP_PLUS_4.match(text)
    return match.group(1) if match else text
