"""SAMHSA National Directory of substance-use treatment facilities (CSV, 2015 and 2017 editions).

Columns: ``Name1, Name2, Name3, Address1, Address2, Address3, City, State, ZIP_Code, Contact,
Note, Keys, loc_ID`` (``ID`` in 2017) ``, Longitude, Latitude, Match Score``. ``Keys`` holds the
directory's slash-separated service codes, mapped with :data:`CODE_EFFECTS` (meanings from the
directory's legend; ``SF`` is cash or self-payment, ``SS`` the sliding fee scale).

Repairs, each reported as a warning: ZIP codes that lost their leading zeros are padded; a phone
number cut off at the end of ``Contact`` is completed from ``Note``, where the export spilled it.
"""

from __future__ import annotations

import hashlib
import re
from datetime import date
from pathlib import Path

from directory.importers.base import (
    ImportCollector,
    ImportResult,
    MalformedFileError,
    parse_coordinate,
    read_csv_records,
)
from directory.importers.locator_json import NO_OPIOIDS, SUBSTANCE_USE, Effect, Traits, state_licence
from directory.model import InvalidRecordError, Location, Phone, Programme, Provenance

SOURCE = "samhsa-national-directory"

REQUIRED_COLUMNS = ("Name1", "Address1", "City", "State", "ZIP_Code", "Contact", "Keys", "Longitude", "Latitude")
LOCATION_ID_COLUMNS = ("loc_ID", "ID")

#: language code -> name, for the codes in the 2015 and 2017 files (F = foreign, N = native
#: American languages; spellings checked against the legend, whose PDF extraction garbled some)
LANGUAGES: dict[str, str] = {
    "SP": "spanish",
    "F2": "albanian", "F3": "amharic", "F4": "arabic", "F5": "armenian", "F9": "bengali",
    "F10": "bosnian", "F11": "bulgarian", "F12": "burmese", "F15": "chaldean", "F17": "chinese",
    "F19": "creole", "F20": "croatian", "F22": "danish", "F23": "dutch", "F25": "farsi",
    "F28": "french", "F30": "german", "F31": "greek", "F33": "gujarati", "F34": "hawaiian",
    "F35": "hebrew", "F36": "hindi", "F37": "hmong", "F38": "hungarian", "F39": "igbo",
    "F40": "ilocano", "F42": "italian", "F43": "japanese", "F44": "khmer", "F47": "korean",
    "F48": "lao", "F52": "macedonian", "F53": "malay", "F58": "mien", "F64": "palauan",
    "F65": "punjabi", "F66": "polish", "F67": "portuguese", "F69": "romanian", "F70": "russian",
    "F73": "serbian", "F79": "swahili", "F81": "tagalog", "F86": "thai", "F87": "tongan",
    "F88": "turkish", "F89": "ukrainian", "F91": "urdu", "F92": "vietnamese", "F94": "yapese",
    "F96": "yoruba", "F98": "dari", "F99": "lithuanian", "F104": "somali", "F119": "marathi",
    "N9": "crow", "N13": "hopi", "N16": "keres", "N18": "lakota", "N23": "navajo",
    "N24": "ojibwa", "N28": "passamaquoddy", "N32": "shoshoni", "N33": "tewa",
    "N35": "tohono o'odham", "N36": "towa", "N40": "yupik",
}  # fmt: skip


def _each(facet: str, codes: dict[str, str]) -> dict[str, tuple[Effect, ...]]:
    return {code: ((facet, value),) for code, value in codes.items()}


_DETOX = (("level", "withdrawal_management"),)

#: Keys code -> effects (see directory.importers.locator_json for the effect pseudo-facets)
CODE_EFFECTS: dict[str, tuple[Effect, ...]] = {
    "SA": SUBSTANCE_USE,
    "NOOP": NO_OPIOIDS,
    "CO": (("condition", "co_occurring"),),
    "TRMA": (("condition", "trauma"),),
    **_each(
        "level",
        {
            "OIT": "intensive_outpatient",
            "OP": "outpatient", "ORT": "outpatient", "OMB": "outpatient",
            "PHP": "partial_hospitalization", "ODT": "partial_hospitalization", "PH": "partial_hospitalization",
            "RES": "residential", "RS": "residential", "RL": "residential",
            "HI": "inpatient", "HIT": "inpatient", "PSYH": "inpatient",
            "DT": "withdrawal_management", "HID": "withdrawal_management", "RD": "withdrawal_management",
            "OD": "withdrawal_management", "ADTX": "withdrawal_management",
            "BDTX": "withdrawal_management", "CDTX": "withdrawal_management",
            "MDTX": "withdrawal_management", "ODTX": "withdrawal_management",
        },
    ),
    "CT": (("telehealth", "yes"),),
    **_each(
        "medication",
        {
            "BU": "buprenorphine", "BM": "buprenorphine", "BMW": "buprenorphine",
            "BUM": "buprenorphine", "UBN": "buprenorphine",
            "METH": "methadone", "MM": "methadone", "MMW": "methadone",
            "NXN": "naltrexone", "VTRL": "naltrexone", "RPN": "naltrexone",
            "ACM": "acamprosate", "DSF": "disulfiram",
        },
    ),
    "DB": (("medication", "buprenorphine"), *_DETOX),
    "DM": (("medication", "methadone"), *_DETOX),
    "MPD": (("medication", "psychiatric_medications"), ("service", "medication_management")),
    **_each(
        "payment",
        {
            "MD": "medicaid", "MC": "medicare", "PI": "private_insurance", "MI": "military_insurance",
            "ITU": "ihs_tribal", "IHS": "ihs_tribal",  # IHS: the 2015 edition's code for ITU funds
            "SF": "self_pay", "SS": "sliding_fee", "PA": "payment_assistance", "NP": "free",
        },
    ),
    **_each(
        "accreditation",
        {"JC": "joint_commission", "CARF": "carf", "NCQA": "ncqa", "COA": "coa", "HFAP": "hfap"},
    ),
    "STAG": state_licence("State substance abuse agency"),
    "STMH": state_licence("State mental health department"),
    "STDH": state_licence("State department of health"),
    "HLA": state_licence("Hospital licensing authority"),
    **_each(
        "aftercare",
        {"ACC": "continuing_care", "DP": "discharge_planning", "PEER": "recovery_support", "SHG": "recovery_support"},
    ),
    **_each(
        "population",
        {
            "AD": "adolescents", "CHLD": "adolescents", "ADLT": "adults", "YAD": "young_adults",
            "TAY": "young_adults", "SE": "seniors", "WN": "women", "MN": "men", "VET": "veterans",
            "GL": "lgbtq", "PW": "pregnant_postpartum", "CJ": "justice_involved",
        },
    ),
    # genders accepted: a population only when a single one is accepted (see Traits)
    "FEM": (("gender", "women"),),
    "MALE": (("gender", "men"),),
    **_each(
        "service",
        {
            "GCO": "group_therapy", "ICO": "individual_therapy", "FCO": "family_therapy",
            "CBT": "cbt", "MOTI": "motivational_interviewing", "TWFA": "twelve_step",
            "RELP": "relapse_prevention", "DBT": "dbt", "TRC": "trauma_therapy",
            "CM": "case_management", "DAUT": "drug_testing", "BABA": "drug_testing",
            "SAE": "psychoeducation", "TA": "transportation", "CCC": "child_care", "ACU": "holistic",
        },
    ),
    **{code: (("language", name),) for code, name in LANGUAGES.items()},
    # Understood, but nothing the model stores: facility types and operators, other payment
    # sources, smoking policy, screenings, other services and groups, the markers that other
    # (FX) or American Indian (NX) languages follow, deaf and hard-of-hearing services (AH).
    **dict.fromkeys(
        (
            "GHF", "MHF", "MHSAF", "SAF", "GH", "HH", "VAMC", "DDF", "IH", "LCCG", "PVT", "STG", "TBG",
            "SI", "ATR", "FSA", "SMON", "SMOP", "SMPD", "MOA", "NMOA", "OTP", "OTPA", "PAIN", "BMO",
            "MO", "DU", "DUO", "ANG", "BIA", "CMI", "CRV", "MXM", "REBT", "SACA", "ADM", "MF", "HV",
            "XA", "DV", "BC", "MCO", "AOSS", "CSAA", "CMHA", "DVFP", "EIH", "EMP", "HAEC", "HEOH",
            "HIVT", "HS", "ISC", "MHS", "NRT", "NSC", "OPC", "SHB", "SHC", "SMHD", "SSA", "SSD", "STDT",
            "STU", "TAEC", "TBS", "TCC", "ADD", "TGD", "TID", "FX", "NX", "AH",
        ),
        (),
    ),
}  # fmt: skip


def read_national_directory(path: Path, *, verified_on: date | None = None) -> ImportResult:
    """Read a National Directory CSV; every row is checked and refused rows say why."""
    header, id_column, records = _read(path)
    collector = ImportCollector(SOURCE)
    for line, fields in records:
        collector.add(f"line {line}", lambda fields=fields: _programme(header, fields, id_column, verified_on))
    return collector.result()


Row = dict[str, str]


def _read(path: Path) -> tuple[list[str], str, list[tuple[int, list[str]]]]:
    """The header, the location-id column and the non-blank records with their first line number."""
    header, records = read_csv_records(path)
    id_column = next((name for name in LOCATION_ID_COLUMNS if name in header), None)
    missing = [name for name in REQUIRED_COLUMNS if name not in header] + ([] if id_column else ["loc_ID or ID"])
    if missing or id_column is None:
        raise MalformedFileError(f"{path}: not a National Directory CSV, missing columns: {', '.join(missing)}")
    if not records:
        raise MalformedFileError(f"{path}: no rows after the header")
    return header, id_column, records


def _get(row: Row, column: str) -> str:
    return (row.get(column) or "").strip()


def _programme(
    header: list[str], fields: list[str], id_column: str, verified_on: date | None
) -> tuple[Programme, list[str]]:
    """The row's programme and its warnings (repairs made, Keys codes no table knows)."""
    if len(fields) != len(header):
        raise InvalidRecordError(f"has {len(fields)} fields, the header has {len(header)}")
    row = dict(zip(header, fields, strict=True))
    warnings: list[str] = []
    contact = _contact(row, warnings)
    location = Location(
        address_1=_get(row, "Address1"),
        address_2=", ".join(filter(None, (_get(row, "Address2"), _get(row, "Address3")))),
        city=_get(row, "City"),
        state_province=_get(row, "State"),
        postal_code=_zip(_get(row, "ZIP_Code"), warnings),
        latitude=_coordinate(row, "Latitude"),
        longitude=_coordinate(row, "Longitude"),
    )
    traits = Traits()
    for code in filter(None, (code.strip() for code in _get(row, "Keys").split("/"))):
        if code in CODE_EFFECTS:
            traits.add(CODE_EFFECTS[code])
        else:
            warnings.append(f"unknown code {code!r} ignored")
    note = _get(row, "Note")
    programme = Programme(
        organization_name=_get(row, "Name1"),
        service_name=", ".join(filter(None, (_get(row, "Name2"), _get(row, "Name3")))),
        location=location,
        provenance=Provenance(SOURCE, _source_id(row, id_column, contact), verified_on),
        phones=_phones(contact, warnings),
        description="" if _is_spilled_phone(note) else note,
        **traits.programme_fields(),
    )
    return programme, warnings


def _source_id(row: Row, id_column: str, contact: str) -> str:
    """Location id plus a short hash of names, address and contact: several programmes share an
    address and its location id (and a few even their names), never all of these."""
    location_id = _get(row, id_column)
    if not location_id:
        raise InvalidRecordError(f"missing {id_column}")
    columns = ("Name1", "Name2", "Name3", "Address1", "Address2", "Address3")
    parts = [_normalise(_get(row, column)) for column in columns] + [re.sub(r"\D", "", contact)]
    digest = hashlib.sha1("|".join(parts).encode()).hexdigest()[:8]
    return f"{location_id}-{digest}"


def _normalise(text: str) -> str:
    return " ".join(re.findall(r"[a-z0-9]+", text.lower()))


_PHONE = re.compile(r"^\((\d{3})\)\s*(\d{3})-(\d{4})(?:\s*x(\d+))?$")
_SPILLED = re.compile(r"^[\d\- ]+$")


def _is_spilled_phone(note: str) -> bool:
    return bool(_SPILLED.match(note))


def _contact(row: Row, warnings: list[str]) -> str:
    """The Contact text, with a number the export spilled into Note put back together."""
    contact, note = _get(row, "Contact"), _get(row, "Note")
    if note and _is_spilled_phone(note):
        warnings.append(f"phone number completed from the Note column ({note!r})")
        contact += note
    return re.sub(r"-\s+(?=\d)", "-", contact)  # "(518)399- 6446" is a line break in the PDF


def _phones(contact: str, warnings: list[str]) -> tuple[Phone, ...]:
    """Main line first, then the intake numbers after "Intake:" / "Intakes:"."""
    main, *rest = re.split(r"\s*Intakes?:\s*", contact, maxsplit=1)
    phones = [Phone(_format_phone(main) or main, "voice")] if main else []
    intakes = rest[0].strip() if rest else ""
    for text in re.split(r"\s+(?=\()", intakes) if intakes else []:
        number = _format_phone(text)
        if number is None:
            warnings.append(f"incomplete intake phone {text!r} ignored")
        elif all(phone.number != number for phone in phones):
            phones.append(Phone(number, "intake"))
    return tuple(phones)


def _format_phone(text: str) -> str | None:
    """ "(334)428-5050x12" -> "334-428-5050 x12"; None when it is not a whole number."""
    match = _PHONE.match(text.strip())
    if not match:
        return None
    area, exchange, line, extension = match.groups()
    return f"{area}-{exchange}-{line}" + (f" x{extension}" if extension else "")


def _zip(text: str, warnings: list[str]) -> str:
    """Pad a ZIP that lost its leading zeros (3 or 4 digits) to 5 digits, with a warning."""
    if text.isdigit() and len(text) in (3, 4):
        padded = text.zfill(5)
        warnings.append(f"ZIP {text} padded to {padded}")
        return padded
    return text


def _coordinate(row: Row, column: str) -> float:
    return parse_coordinate(_get(row, column), column)
