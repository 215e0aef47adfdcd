"""The project's spaCy pipeline: entities as Rasa will see them, lemmas, reloading, lexicon and synonyms."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
import spacy
from spacy.language import Language

from bot.nlu.build_pipeline import DEFAULT_SYNONYMS, build, synonyms, synonyms_yaml
from bot.nlu.lexicon import LEXICON, STATE_CODES
from directory import vocabulary

#: entity label -> the directory facet whose codes are its values
FACET_OF_LABEL = {
    "substance": "condition",
    "condition": "condition",
    "payment": "payment",
    "level_of_care": "level",
    "schedule": "schedule",
    "accreditation": "accreditation",
    "aftercare": "aftercare",
    "population": "population",
}

#: Rasa's EntitySynonymMapper table: each example, and each synonym's own name (any case), to the synonym
_TO_VALUE = {phrase: value for value, phrases in synonyms().items() for phrase in phrases}
_RASA_TABLE = {**{value.lower(): value for value in synonyms()}, **_TO_VALUE}

Entities = set[tuple[str, str]]


@pytest.fixture(scope="module")
def model_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("pipeline") / "spacy_model"
    build(out)
    return out


@pytest.fixture(scope="module")
def nlp(model_dir: Path) -> Language:
    """The saved pipeline, loaded as Rasa's SpacyNLP loads it."""
    return spacy.load(model_dir, disable=["parser"])


def entities(nlp: Language, text: str) -> Entities:
    """(label, value) pairs as Rasa reports them: SpacyEntityExtractor's text, then EntitySynonymMapper."""
    return {(ent.label_, _RASA_TABLE.get(ent.text.lower(), ent.text)) for ent in nlp(text).ents}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("i drink every day and use xanax",
         {("substance", "alcohol"), ("use_frequency", "daily"), ("substance", "sedatives")}),
        ("IOPs near 22902 that take medicaid",
         {("level_of_care", "intensive_outpatient"), ("zip_code", "22902"), ("payment", "medicaid")}),
        ("do they take blue cross", {("payment", "private_insurance")}),
        ("Do they take Blue Cross Blue Shield?", {("payment", "private_insurance")}),
        ("evenings after work", {("schedule", "evening")}),
        ("within 25 miles", {("distance", "25")}),
        ("anything within 10mi", {("distance", "10")}),
        ("a 50-mile radius is fine", {("distance", "50")}),
        ("1 mile", {("distance", "1")}),
        ("250 miles", {("distance", "250 miles")}),
        ("tell me about the second one", {("ordinal", "2")}),
        ("more on #3 please", {("ordinal", "3")}),
        ("number 4", {("ordinal", "4")}),
        ("number ten", {("ordinal", "10")}),
        ("show me details for program 2", {("ordinal", "2")}),
        ("what about the 1st", {("ordinal", "1")}),
        ("The first one", {("ordinal", "1")}),
        ("tell me more about that first place", {("ordinal", "1")}),
        ("he might need detox first", {("level_of_care", "withdrawal_management")}),
        ("seven", {("number", "7")}),
        ("3", {("number", "3")}),
        ("the one near me", set()),
        ("Richmond, VA", {("us_state", "VA")}),
        ("Columbus OH 43215", {("us_state", "OH"), ("zip_code", "43215")}),
        ("i'm in ohio", {("us_state", "OH")}),
        ("I live in Virginia", {("us_state", "VA")}),
        ("West Virginia", {("us_state", "WV")}),
        ("near washington dc", {("us_state", "DC")}),
        ("i'm in a bad place", set()),
        ("me or my son, ok?", set()),
        ("OK", set()),
        ("I have VA benefits", {("payment", "military_insurance")}),
        ("I'm free in the evenings", {("schedule", "evening")}),
        ("is it free?", {("payment", "free")}),
        ("he's been using heroin and fentanyl", {("substance", "opioids")}),
        ("crystal meth mostly, sometimes coke", {("substance", "stimulants")}),
        ("smoking weed a few times a week", {("substance", "cannabis"), ("use_frequency", "weekly")}),
        ("kratom once in a while", {("substance", "other_substances"), ("use_frequency", "monthly_or_less")}),
        ("she has depression and ptsd", {("condition", "depression"), ("condition", "trauma")}),
        ("dual diagnosis with bipolar", {("condition", "co_occurring"), ("condition", "bipolar")}),
        ("an eating disorder", {("condition", "eating_disorders")}),
        ("I'll pay out of pocket", {("payment", "self_pay")}),
        ("is there a sliding scale", {("payment", "sliding_fee")}),
        ("we dont have insurance", {("payment", "sliding_fee")}),
        ("bipolar 2", {("condition", "bipolar")}),
        ("like 2 or 3 times a week", {("number", "2"), ("number", "3"), ("use_frequency", "weekly")}),
        ("she's in high school", {("duty", "school")}),
        ("we have Medi-Cal", {("payment", "medicaid")}),
        ("tricare or medicare", {("payment", "military_insurance"), ("payment", "medicare")}),
        ("partial hospitalization or detox",
         {("level_of_care", "partial_hospitalization"), ("level_of_care", "withdrawal_management")}),
        ("mornings or weekends", {("schedule", "morning"), ("schedule", "weekend")}),
        ("is it CARF or joint commission", {("accreditation", "carf"), ("accreditation", "joint_commission")}),
        ("NCQA-accredited", {("accreditation", "ncqa")}),
        ("do they offer aftercare and an alumni group", {("aftercare", "continuing_care"), ("aftercare", "alumni")}),
        ("a program for teens", {("population", "adolescents")}),
        ("women only, I'm pregnant", {("population", "women"), ("population", "pregnant_postpartum")}),
        ("I'm a veteran on probation", {("population", "veterans"), ("population", "justice_involved")}),
        ("LGBTQ+ friendly", {("population", "lgbtq")}),
        ("someone who speaks Spanish", {("language", "spanish")}),
        ("en español por favor", {("language", "spanish")}),
        ("ASL interpreter", {("language", "american sign language")}),
        ("can I do it online over zoom", {("telehealth", "telehealth")}),
        ("I work full time and have kids", {("duty", "work"), ("duty", "children")}),
        ("i have classes", {("duty", "school")}),
    ],
)  # fmt: skip
def test_entities(nlp: Language, text: str, expected: Entities) -> None:
    assert entities(nlp, text) == expected


def test_every_phrase_alone_gives_its_own_value(nlp: Language) -> None:
    """No phrase is swallowed by a longer pattern of another value, and the ruler id agrees with the synonyms."""
    for label, values in LEXICON.items():
        for value, phrases in values.items():
            for phrase in phrases:
                ents = nlp(phrase).ents
                assert [(e.label_, e.ent_id_, e.text) for e in ents] == [(label, value, phrase)], phrase
                assert _RASA_TABLE[phrase] == value


def test_state_codes_only_in_upper_case(nlp: Language) -> None:
    for code in STATE_CODES:
        assert entities(nlp, f"Springfield, {code}") == {("us_state", code)}
        assert ("us_state", code) not in entities(nlp, f"springfield, {code.lower()}")


def test_lemmas(nlp: Language) -> None:
    assert [t.lemma_ for t in nlp("seizures started after drinking")] == ["seizure", "start", "after", "drink"]


def test_loads_without_the_lookups_package(model_dir: Path) -> None:
    """The lemma table is saved with the pipeline: spacy-lookups-data is needed only to build it."""
    code = (
        "import sys; sys.modules['spacy_lookups_data'] = None; import spacy; "
        f"print(spacy.load({str(model_dir)!r})('pills')[0].lemma_)"
    )
    run = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert run.stdout.strip() == "pill"


def test_meta_written(model_dir: Path) -> None:
    assert (model_dir / "meta.json").is_file()
    assert spacy.info(str(model_dir))["name"] == "iop_finder"


@pytest.mark.parametrize("label", sorted(FACET_OF_LABEL))
def test_values_are_directory_codes(label: str) -> None:
    for value in LEXICON[label]:
        vocabulary.term(FACET_OF_LABEL[label], value)


def test_phrases_are_lower_case_and_mean_one_value() -> None:
    """Rasa's synonyms ignore the label, so a phrase (or a value's own name) may mean only one value overall."""
    meaning: dict[str, str] = {}
    for values in LEXICON.values():
        for value, phrases in values.items():
            for phrase in {value.lower(), *phrases}:
                assert phrase == phrase.lower(), phrase
                assert meaning.setdefault(phrase, value) == value, f"{phrase!r}: {meaning[phrase]} and {value}"


def test_every_value_has_a_synonym() -> None:
    """Rasa maps a value typed in another case ("CARF") only when its synonym has at least one example."""
    for label, values in LEXICON.items():
        for value, phrases in values.items():
            assert set(phrases) - {value.lower()}, f"{label} {value}"


def test_synonyms_file_is_up_to_date() -> None:
    assert DEFAULT_SYNONYMS.read_text(encoding="utf-8") == synonyms_yaml(), "run: python -m bot.nlu.build_pipeline"


def test_rasa_reads_the_synonyms() -> None:
    from rasa.shared.nlu.training_data.formats.rasa_yaml import RasaYAMLReader

    data = RasaYAMLReader().reads(synonyms_yaml())
    assert data.entity_synonyms == _TO_VALUE
    assert len(_TO_VALUE) == sum(map(len, synonyms().values())), "a text is listed under two values"
