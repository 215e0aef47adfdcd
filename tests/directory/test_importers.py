"""The importers on small hand-written fixtures: mapping, refused rows and their reasons, detection."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from directory.importers import FORMATS, detect_format, read_source
from directory.importers.base import ImportResult, MalformedFileError, RefusedRow
from directory.importers.locator_json import SOURCE as LOCATOR_SOURCE
from directory.importers.locator_json import programme_from_locator_row, read_locator_json
from directory.importers.national_directory import SOURCE as DIRECTORY_SOURCE
from directory.importers.national_directory import read_national_directory
from directory.importers.own_format import read_own_csv, read_own_yaml
from directory.model import InvalidRecordError, Phone, Programme

VERIFIED = date(2025, 6, 30)
ZIP_POINTS = {"22901": (38.07, -78.49), "22902": (38.03, -78.48), "22932": (38.07, -78.70)}


def by_name(result: ImportResult) -> dict[str, Programme]:
    return {programme.name: programme for programme in result.programmes}


# -- locator JSON ------------------------------------------------------------------------------


@pytest.fixture
def locator(fixtures_dir: Path) -> list[Programme]:
    result = read_locator_json(fixtures_dir / "locator_rows.json", verified_on=VERIFIED)
    assert result.refused == []
    return result.programmes


def test_locator_reads_the_page_envelope_with_provenance(fixtures_dir: Path) -> None:
    result = read_locator_json(fixtures_dir / "locator_rows.json", verified_on=VERIFIED)
    assert result.source == LOCATOR_SOURCE == "samhsa-locator"
    assert result.rows_read == len(result.programmes) == 6
    first = result.programmes[0]
    assert first.provenance.source_id == "f1c0000000000000000000000000000000000000000000000000000000000001"
    assert first.provenance.last_verified == VERIFIED
    assert first.name == "Example Rivanna Recovery Services (fictional) - Evening Intensive Outpatient"
    assert (first.location.address_1, first.location.address_2) == ("101 Example Street", "Suite 1")
    assert (first.location.latitude, first.location.longitude) == (38.0301, -78.4790)
    assert not any(programme.demo for programme in result.programmes)


def test_locator_maps_service_settings_to_levels_of_care(locator: list[Programme]) -> None:
    levels = [programme.levels_of_care for programme in locator]
    assert levels == [
        {"outpatient", "intensive_outpatient"},
        {"outpatient"},
        {"outpatient", "partial_hospitalization"},
        {"outpatient"},
        {"residential", "withdrawal_management"},
        {"inpatient"},
    ]
    assert [programme.telehealth for programme in locator] == [True, False, False, False, False, False]


def test_locator_maps_payment_with_medicaid_only_where_listed(locator: list[Programme]) -> None:
    assert locator[0].payment == {"medicaid", "private_insurance", "self_pay", "sliding_fee"}
    assert locator[1].payment == {"self_pay", "private_insurance"}
    assert locator[2].payment == {"medicaid", "medicare", "military_insurance"}
    assert locator[3].payment == {"medicaid", "ihs_tribal", "payment_assistance"}


def test_locator_maps_licences_accreditation_and_aftercare(locator: list[Programme]) -> None:
    assert locator[0].accreditations == {"state_license", "carf"}
    assert locator[0].license_agency == "State substance abuse agency"
    assert locator[2].accreditations == {"joint_commission", "state_license"}
    assert locator[2].license_agency == "State mental health department"
    assert locator[0].aftercare == {"continuing_care"}
    assert locator[3].aftercare == {"discharge_planning", "recovery_support"}


def test_locator_derives_conditions_from_type_of_care(locator: list[Programme]) -> None:
    assert locator[0].conditions == {"alcohol", "opioids", "other_substances"}
    assert locator[1].conditions == {"alcohol", "other_substances"}  # "Does not treat opioid addiction"
    assert locator[2].conditions == {"depression", "anxiety", "eating_disorders"}  # mental health only
    assert locator[3].conditions == {"alcohol", "opioids", "other_substances", "co_occurring"}


def test_locator_maps_medications_services_populations_and_languages(locator: list[Programme]) -> None:
    assert locator[0].medications == {"buprenorphine", "naltrexone"}  # "with naloxone  (Suboxone®)"
    assert locator[0].services == {"cbt", "motivational_interviewing", "individual_therapy", "group_therapy"}
    assert locator[2].services == {"dbt", "medication_management"}
    assert locator[3].medications == {"methadone"}
    assert locator[3].services == {"transportation", "case_management", "drug_testing"}
    assert locator[0].populations == {"adults", "young_adults"}  # both genders: no men/women
    assert locator[1].populations == {"adults", "women"}
    assert locator[3].populations == {"veterans", "lgbtq"}
    assert locator[4].populations == {"pregnant_postpartum", "justice_involved"}
    assert locator[0].languages == {"english", "spanish"}
    assert locator[1].languages == {"english"}


def test_locator_phones_by_type_skipping_empty_ones(locator: list[Programme]) -> None:
    assert locator[0].phones == (Phone("434-555-0102", "intake"), Phone("434-555-0101", "voice"))
    assert locator[1].phones == (Phone("434-555-0103", "voice"), Phone("434-555-0104", "hotline"))
    assert locator[2].phones == (Phone("434-555-0105", "voice"),)
    assert locator[3].intake_phone == "434-555-0107 x2"


def test_locator_unknown_texts_give_one_warning_each(fixtures_dir: Path) -> None:
    result = read_locator_json(fixtures_dir / "locator_rows.json")
    assert result.warnings == ["unknown TAP text 'Equine-assisted therapy' ignored (row 2, row 3)"]


def test_programme_from_locator_row_returns_warnings_and_refuses_bad_rows() -> None:
    row = {
        "frid": "f1c0000000000000000000000000000000000000000000000000000000000099",
        "name1": "Example Single Row (fictional)",
        "street1": "1 Example Street",
        "city": "Charlottesville",
        "state": "VA",
        "zip": "22902",
        "latitude": "38.03",
        "longitude": "-78.48",
        "services": [{"f2": "SET", "f3": "Intensive outpatient treatment; Moon therapy"}],
    }
    programme, warnings = programme_from_locator_row(row, verified_on=VERIFIED)
    assert programme.levels_of_care == {"intensive_outpatient"}
    assert programme.provenance.last_verified == VERIFIED
    assert warnings == ["unknown SET text 'Moon therapy' ignored"]
    with pytest.raises(InvalidRecordError, match="longitude 'west' is not a number"):
        programme_from_locator_row({**row, "longitude": "west"})
    with pytest.raises(InvalidRecordError, match="services must be a list"):
        programme_from_locator_row({**row, "services": "SET"})


def test_locator_refuses_every_bad_row_and_keeps_the_good_ones(fixtures_dir: Path) -> None:
    result = read_locator_json(fixtures_dir / "locator_malformed_rows.json")
    assert [programme.name for programme in result.programmes] == [
        "Example Good Row One (fictional)",
        "Example Good Row Two (fictional) - Evening Group",
    ]
    assert result.programmes[1].location.postal_code == "22902"  # ZIP+4 cut to 5 digits
    assert result.refused == [
        RefusedRow("row 2 (no frid)", "missing frid"),
        RefusedRow("row 3 (frid bad00000...)", "latitude 'abc' is not a number"),
        RefusedRow("row 4 (frid bad00000...)", "state 'Virginia' is not a 2-letter code"),
        RefusedRow("row 5 (frid bad00000...)", "ZIP code '2290' is not 5 digits"),
        RefusedRow("row 7 (frid bad00000...)", "duplicate id (first seen at row 1)"),
        RefusedRow("row 8 (no frid)", "a row must be a JSON object, got str"),
    ]


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ("frid,name1\nnot JSON {", "not valid JSON"),
        ('{"page": 1, "rows": 3}', "expected a JSON list of locator rows"),
        ('"just a string"', "expected a JSON list of locator rows"),
        ("[]", "no rows"),
    ],
)
def test_locator_file_that_cannot_be_read_is_malformed(tmp_path: Path, content: str, message: str) -> None:
    path = tmp_path / "rows.json"
    path.write_text(content)
    with pytest.raises(MalformedFileError, match=message):
        read_locator_json(path)


def test_locator_fixture_that_is_not_json(fixtures_dir: Path) -> None:
    with pytest.raises(MalformedFileError, match=r"not_json\.json: not valid JSON"):
        read_locator_json(fixtures_dir / "not_json.json")


# -- National Directory CSV --------------------------------------------------------------------


@pytest.fixture
def directory_result(fixtures_dir: Path) -> ImportResult:
    return read_national_directory(fixtures_dir / "national_directory.csv", verified_on=VERIFIED)


@pytest.fixture
def directory(directory_result: ImportResult) -> list[Programme]:
    assert directory_result.refused == []
    return directory_result.programmes


def test_directory_reads_every_row_with_provenance(directory_result: ImportResult) -> None:
    assert directory_result.source == DIRECTORY_SOURCE == "samhsa-national-directory"
    assert len(directory_result.programmes) == 6
    assert all(p.provenance.last_verified == VERIFIED and not p.demo for p in directory_result.programmes)


def test_directory_oit_is_intensive_outpatient_and_op_is_not(directory: list[Programme]) -> None:
    assert directory[0].levels_of_care == {"outpatient", "intensive_outpatient"}
    assert directory[4].levels_of_care == {"outpatient"}
    assert directory[2].levels_of_care == {"partial_hospitalization"}
    assert directory[3].levels_of_care == {"residential", "withdrawal_management"}
    assert directory[0].telehealth and not directory[4].telehealth


def test_directory_sf_is_self_pay_ss_is_sliding_fee_mi_is_military(directory: list[Programme]) -> None:
    assert directory[0].payment == {"self_pay", "medicaid", "private_insurance"}
    assert directory[1].payment == {"sliding_fee", "military_insurance"}
    assert directory[3].payment == {"free"}
    assert directory[4].payment == {"self_pay", "sliding_fee", "payment_assistance"}
    assert directory[5].payment == {"medicare", "ihs_tribal"}


def test_directory_contact_gives_main_line_and_intake_numbers(directory: list[Programme]) -> None:
    assert directory[0].phones == (Phone("434-555-0121", "voice"), Phone("434-555-0122", "intake"))
    assert directory[0].intake_phone == "434-555-0122"
    assert directory[1].phones == (Phone("617-555-0123 x12", "voice"),)
    assert directory[5].phones == (  # "Intakes:" with a number broken across a line ("555- 0128x3")
        Phone("434-555-0126", "voice"),
        Phone("434-555-0127", "intake"),
        Phone("434-555-0128 x3", "intake"),
    )


def test_directory_pads_short_zip_codes_with_a_warning(directory_result: ImportResult) -> None:
    assert directory_result.programmes[1].location.postal_code == "02138"
    assert "ZIP 2138 padded to 02138 (line 3)" in directory_result.warnings


def test_directory_unknown_codes_give_one_warning_each(directory_result: ImportResult) -> None:
    assert directory_result.warnings == [
        "ZIP 2138 padded to 02138 (line 3)",
        "unknown code 'ZZZ' ignored (line 3, line 5)",
    ]


def test_directory_maps_accreditation_aftercare_conditions(directory: list[Programme]) -> None:
    day = directory[2]
    assert day.accreditations == {"joint_commission", "carf", "state_license"}
    assert day.license_agency == "State mental health department; State substance abuse agency"
    assert day.aftercare == {"continuing_care", "discharge_planning", "recovery_support"}
    assert day.conditions == {"alcohol", "opioids", "other_substances", "trauma"}
    assert day.services == {"cbt", "dbt"}
    assert directory[0].conditions == {"alcohol", "opioids", "other_substances", "co_occurring"}
    assert directory[3].conditions == {"alcohol", "other_substances"}  # NOOP: does not treat opioids


def test_directory_maps_medications_populations_languages(directory: list[Programme]) -> None:
    otp = directory[5]
    assert otp.medications == {
        "methadone",
        "buprenorphine",
        "naltrexone",
        "acamprosate",
        "disulfiram",
        "psychiatric_medications",
    }
    assert otp.populations == {"veterans", "lgbtq", "seniors", "men"}  # MALE only: a men's programme
    assert otp.description == "Methadone Clients Only"
    assert directory[0].populations == {"young_adults", "adults"}  # FEM and MALE: neither
    assert directory[3].populations == {"pregnant_postpartum", "justice_involved", "women"}
    assert directory[1].languages == {"english", "spanish", "french"}
    assert directory[1].services == {"group_therapy", "individual_therapy"}


def test_directory_names_organization_then_site(directory: list[Programme]) -> None:
    assert directory[2].organization_name == "Example Piedmont Day Treatment (fictional)"
    assert directory[2].service_name == "Adult Services, Building B"
    assert directory[3].name == "Example Shenandoah Residential (fictional)"


def test_directory_source_ids_are_unique_stable_and_keep_the_location_id(
    fixtures_dir: Path, directory: list[Programme]
) -> None:
    ids = [programme.provenance.source_id for programme in directory]
    assert len(set(ids)) == 6
    assert ids[0].startswith("1001VA22902-") and ids[4].startswith("1001VA22902-")
    again = read_national_directory(fixtures_dir / "national_directory.csv")
    assert [programme.provenance.source_id for programme in again.programmes] == ids


def test_directory_refuses_every_bad_row_by_physical_line(fixtures_dir: Path) -> None:
    result = read_national_directory(fixtures_dir / "national_directory_bad_rows.csv")
    assert [programme.organization_name for programme in result.programmes] == [
        "Example Good Clinic (fictional)",
        "Example Good Clinic Two (fictional)",
    ]
    assert result.refused == [
        RefusedRow("line 3", "Latitude 'n/a' is not a number"),
        RefusedRow("line 4", "state 'Virginia' is not a 2-letter code"),
        RefusedRow("line 5", "ZIP code '22' is not 5 digits"),
        RefusedRow("line 6", "missing loc_ID"),
        RefusedRow("line 7", "has 9 fields, the header has 16"),
        RefusedRow("line 8", "phone '(434)555-01' has fewer than 10 digits"),
        RefusedRow("line 9", "a programme needs an organization name"),
        RefusedRow("line 10", "coordinates are (0, 0), which means missing"),
    ]


def test_directory_line_numbers_count_physical_lines(tmp_path: Path, fixtures_dir: Path) -> None:
    lines = (fixtures_dir / "national_directory_bad_rows.csv").read_text().splitlines()
    quoted = lines[1].replace("Example Good Clinic (fictional)", '"Example Good\nClinic (fictional)"')
    path = tmp_path / "directory.csv"
    path.write_text("\n".join([lines[0], quoted, "", lines[2]]) + "\n")
    result = read_national_directory(path)
    assert result.refused == [RefusedRow("line 5", "Latitude 'n/a' is not a number")]


def test_directory_missing_columns_is_malformed(fixtures_dir: Path) -> None:
    with pytest.raises(MalformedFileError, match="missing columns: Keys, Latitude"):
        read_national_directory(fixtures_dir / "national_directory_missing_columns.csv")


@pytest.mark.parametrize(
    ("content", "message"),
    [("", "empty file"), ("Name1,Keys\n", "missing columns"), ("{header}\n\n", "no rows after the header")],
)
def test_directory_empty_files_are_malformed(tmp_path: Path, fixtures_dir: Path, content: str, message: str) -> None:
    path = tmp_path / "directory.csv"
    header = (fixtures_dir / "national_directory.csv").read_text().splitlines()[0]
    path.write_text(content.format(header=header))
    with pytest.raises(MalformedFileError, match=message):
        read_national_directory(path)


# -- own format --------------------------------------------------------------------------------


class RecordingLocator:
    """A ZipLocator that knows a few ZIPs and remembers what it was asked."""

    def __init__(self) -> None:
        self.asked: list[str] = []

    def __call__(self, zip_code: str) -> tuple[float, float] | None:
        self.asked.append(zip_code)
        return ZIP_POINTS.get(zip_code)


def test_own_csv_reads_every_column(fixtures_dir: Path) -> None:
    locate = RecordingLocator()
    result = read_own_csv(fixtures_dir / "programmes.csv", source="own:test", locate_zip=locate)
    assert result.refused == []
    assert result.warnings == ["unknown column 'notes_for_staff' ignored"]
    evening, day, teen = result.programmes
    assert evening.id == "own:test:rivanna-evening-iop"
    assert evening.name == "Example Rivanna Recovery (fictional) - Evening IOP"
    assert evening.phones == (Phone("434-555-0162", "intake"), Phone("434-555-0161", "voice"))
    assert evening.description == "Three evenings a week, with family sessions."
    assert evening.levels_of_care == {"intensive_outpatient", "outpatient"}
    assert evening.telehealth and not day.telehealth and teen.telehealth
    assert evening.accreditations == {"state_license", "carf"}
    assert evening.license_agency == "Example State Licensing Office"
    assert evening.aftercare == {"continuing_care", "alumni"}
    assert evening.schedules == {"evening"}
    assert (evening.hours_per_week, evening.length_weeks) == (9.0, 12)
    assert evening.languages == {"english", "spanish"}
    assert evening.provenance.last_verified == date(2025, 6, 30)
    assert day.location.postal_code == "22901"  # ZIP+4 cut
    assert day.languages == {"english"}
    assert teen.payment == {"medicaid", "scholarship"}  # "Medicaid; scholarship"
    assert (teen.location.latitude, teen.location.longitude) == ZIP_POINTS["22932"]
    assert teen.provenance.last_verified is None
    assert locate.asked == ["22932"]  # only the row without coordinates
    assert not any(programme.demo for programme in result.programmes)


def test_own_yaml_reads_lists_and_strings_as_text(fixtures_dir: Path) -> None:
    result = read_own_yaml(fixtures_dir / "programmes.yaml", source="own:test", locate_zip=RecordingLocator())
    assert result.refused == []
    assert result.warnings == ["unknown key 'favourite_colour' ignored (item 2)"]
    womens, harbor, veterans = result.programmes
    assert womens.location.state_province == "VA"  # "va"
    assert womens.services == {"group_therapy", "trauma_therapy", "child_care"}  # ";"-string
    assert womens.hours_per_week == 10.5 and womens.telehealth
    assert womens.provenance.last_verified == date(2025, 6, 30)
    assert harbor.location.postal_code == "02138"  # not the octal number 1118
    assert harbor.payment == {"military_insurance"} and not harbor.telehealth
    assert (veterans.location.latitude, veterans.location.longitude) == ZIP_POINTS["22901"]
    assert veterans.levels_of_care == {"outpatient", "intensive_outpatient"}
    assert veterans.provenance.last_verified is None


def test_own_csv_refuses_every_bad_row_with_the_models_message(fixtures_dir: Path) -> None:
    result = read_own_csv(fixtures_dir / "programmes_bad.csv", source="own:bad", locate_zip=RecordingLocator())
    assert [programme.provenance.source_id for programme in result.programmes] == ["good-one", "good-two"]
    assert result.programmes[1].location.latitude == ZIP_POINTS["22902"][0]
    reasons = {refused.where: refused.reason for refused in result.refused}
    assert reasons.pop("line 3").startswith("unknown payment 'medicade' (expected one of: medicaid, medicare,")
    assert reasons == {
        "line 4": "no latitude/longitude, and ZIP '99999' is not a known ZIP code",
        "line 5": "duplicate id (first seen at line 2)",
        "line 6": "telehealth 'maybe' is not yes or no",
        "line 7": "missing id",
        "line 8": "latitude and longitude must be given together",
        "line 9": "last_verified '30/06/2025' is not a date like 2025-06-30",
        "line 10": "has 16 values but the header has 15 columns (quote values with commas)",
        "line 11": "hours per week 90.0 is not between 0 and 80",
    }
    assert [refused.where for refused in result.refused] == [f"line {n}" for n in range(3, 12)]


def test_own_csv_without_a_zip_locator_refuses_rows_without_coordinates(fixtures_dir: Path) -> None:
    result = read_own_csv(fixtures_dir / "programmes.csv", source="own:test")
    assert result.refused == [RefusedRow("line 4", "no latitude/longitude, and no ZIP locator to find them")]
    assert len(result.programmes) == 2


def test_own_yaml_refuses_items_that_are_not_records(tmp_path: Path) -> None:
    path = tmp_path / "list.yaml"
    path.write_text(
        "- id: a\n  organization: Example A (fictional)\n  state: VA\n  zip: 22902\n"
        "  latitude: 38.03\n  longitude: -78.48\n"
        "- just a string\n"
        "- id: c\n  organization: Example C (fictional)\n  phone: [434-555-0101, 434-555-0102]\n"
        "  state: VA\n  zip: 22902\n  latitude: 38.03\n  longitude: -78.48\n"
        "- id: d\n  organization: Example D (fictional)\n  payment: {medicaid: yes}\n"
        "  state: VA\n  zip: 22902\n  latitude: 38.03\n  longitude: -78.48\n"
    )
    result = read_own_yaml(path, source="own:list")
    assert [programme.provenance.source_id for programme in result.programmes] == ["a"]
    assert result.refused == [
        RefusedRow("item 2 (no id)", "not a mapping of column names to values"),
        RefusedRow("item 3 (id c)", "phone must be a single value, not a list"),
        RefusedRow("item 4 (id d)", "payment must be a list of texts or a ';'-separated text"),
    ]


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        ("bad.yaml", "- id: [unclosed\n", "not valid YAML"),
        ("bad.yaml", "just text\n", "expected a list of programmes"),
        ("bad.yaml", "programmes: 3\n", "expected a list of programmes"),
        ("bad.yaml", "# nothing\n", "empty file"),
        ("bad.yaml", "programmes: []\n", "no programmes"),
        ("bad.csv", "", "empty file"),
        ("bad.csv", "name,city\nExample,Charlottesville\n", "missing required columns: id, organization"),
        ("bad.csv", "id,organization\n", "no rows after the header"),
        ("bad.csv", b"id,organization\n1,Caf\xe9\n", "not UTF-8 text"),
    ],
)
def test_own_files_that_cannot_be_read_are_malformed(
    tmp_path: Path, name: str, content: str | bytes, message: str
) -> None:
    path = tmp_path / name
    if isinstance(content, bytes):
        path.write_bytes(content)
    else:
        path.write_text(content)
    reader = read_own_yaml if name.endswith(".yaml") else read_own_csv
    with pytest.raises(MalformedFileError, match=message):
        reader(path, source="own:bad")


def test_examples_shipped_with_the_project_import_cleanly() -> None:
    examples = Path(__file__).resolve().parents[2] / "directory" / "examples"
    for name in ("programmes.csv", "programmes.yaml"):
        result = read_source(examples / name, locate_zip=ZIP_POINTS.get)
        assert result.refused == [] and result.warnings == [], name
        assert all("EXAMPLE" in programme.name for programme in result.programmes)
        assert all("555-01" in phone.number for programme in result.programmes for phone in programme.phones)


# -- format detection and dispatch -------------------------------------------------------------


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("locator_rows.json", "locator-json"),
        ("locator_malformed_rows.json", "locator-json"),
        ("national_directory.csv", "national-directory"),
        ("national_directory_missing_columns.csv", "national-directory"),
        ("programmes.csv", "csv"),
        ("programmes_bad.csv", "csv"),
        ("programmes.yaml", "yaml"),
    ],
)
def test_detect_format(fixtures_dir: Path, name: str, expected: str) -> None:
    assert detect_format(fixtures_dir / name) == expected
    assert expected in FORMATS


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        ("rows.txt", "[]", r"cannot tell the format \(extension '.txt'\)"),
        ("rows", "[]", r"cannot tell the format \(no extension\)"),
        ("rows.json", "frid,name1\n", "does not start like JSON"),
        ("rows.csv", "facility,town\nA,B\n", "the CSV header is neither"),
    ],
)
def test_detect_format_refuses_what_it_cannot_recognise(
    tmp_path: Path, name: str, content: str, message: str
) -> None:
    path = tmp_path / name
    path.write_text(content)
    with pytest.raises(MalformedFileError, match=message):
        detect_format(path)


def test_read_source_dispatches_and_names_own_sources_after_the_file(fixtures_dir: Path) -> None:
    own = read_source(fixtures_dir / "programmes.yaml", locate_zip=ZIP_POINTS.get, verified_on=VERIFIED)
    assert own.source == "own:programmes"
    assert {p.provenance.source for p in own.programmes} == {"own:programmes"}
    verified = {p.provenance.source_id: p.provenance.last_verified for p in own.programmes}
    assert verified == {  # verified_on fills in only where the row has no date of its own
        "rivanna-womens-iop": date(2025, 6, 30),
        "harbor-op": VERIFIED,
        "monticello-veterans": VERIFIED,
    }
    named = read_source(fixtures_dir / "programmes.csv", "csv", source="own:clinic", locate_zip=ZIP_POINTS.get)
    assert named.source == "own:clinic" and len(named.programmes) == 3


def test_read_source_samhsa_formats_with_default_and_given_source(fixtures_dir: Path) -> None:
    locator = read_source(fixtures_dir / "locator_rows.json", verified_on=VERIFIED)
    assert locator.source == LOCATOR_SOURCE and len(locator.programmes) == 6
    assert locator.programmes[0].provenance.last_verified == VERIFIED
    directory = read_source(fixtures_dir / "national_directory.csv", "national-directory", source="samhsa-2015")
    assert directory.source == "samhsa-2015"
    assert {programme.provenance.source for programme in directory.programmes} == {"samhsa-2015"}


def test_read_source_rejects_an_unknown_format(fixtures_dir: Path) -> None:
    with pytest.raises(ValueError, match="unknown format 'xml'"):
        read_source(fixtures_dir / "programmes.csv", "xml")


def test_read_source_malformed_file_raises_one_clear_line(fixtures_dir: Path) -> None:
    with pytest.raises(MalformedFileError) as caught:
        read_source(fixtures_dir / "not_json.json", "locator-json")
    assert "\n" not in str(caught.value)
