"""The answer readers: typed answers to every question, as people type them."""

from __future__ import annotations

import pytest

from actions import answers
from actions.answers import SKIPPED_SCORE, UNSURE, read_answer


@pytest.mark.parametrize(("text", "score"), [
    ("every day", 4), ("daily", 4), ("nearly every day", 4), ("most days", 4), ("like 5 days a week", 4),
    ("a fifth a day", 4), ("weekends", 3), ("2 or 3 times a week", 3), ("couple times a week", 3),
    ("once a week", 2), ("a few times a month", 2), ("every other week", 2), ("once a month", 1),
    ("rarely", 1), ("only on special occasions", 1), ("never", 0), ("i dont drink", 0),
])
def test_how_often_a_drink_reads_frequency_words(text: str, score: int) -> None:
    assert read_answer("audit_c_1", text) == score


@pytest.mark.parametrize("text", ["2", "4", "about 3"])
def test_a_bare_number_says_nothing_of_how_often(text: str) -> None:
    assert read_answer("audit_c_1", text) is None


@pytest.mark.parametrize(("text", "score"), [
    ("2", 0), ("one or two", 0), ("a couple", 0), ("about six", 2), ("5 or 6", 2), ("like 3 or 4 beers", 1),
    ("a few", 1), ("7-9", 3), ("10 or more", 4), ("twelve", 4), ("a six pack", 2), ("a bottle of wine", 2),
    ("a fifth of vodka", 4), ("a 12 pack", 4), ("way too many", 4), ("like 6 drinks a day", 2),
])
def test_drinks_on_a_drinking_day_is_a_count_never_a_buttons_position(text: str, score: int) -> None:
    assert read_answer("audit_c_2", text) == score


@pytest.mark.parametrize("text", ["yes he did 30 days residential, got out last week", "2 times", "blue"])
def test_a_number_of_something_else_is_no_count_of_drinks(text: str) -> None:
    assert read_answer("audit_c_2", text) is None


@pytest.mark.parametrize(("text", "value"), [
    ("no, his roommates use every day", ["none"]), ("nope", ["none"]), ("depression", ["depression"]),
    ("skip", [UNSURE]), ("blue", None),
])
def test_the_mental_health_question_reads_conditions_and_a_no(text: str, value: list[str] | None) -> None:
    assert read_answer("mental_health", text) == value


@pytest.mark.parametrize(("text", "score"), [
    ("never", 0), ("a few times a year", 1), ("once a month", 2), ("every weekend", 3), ("weekly", 3),
    ("almost daily", 4),
])
def test_six_or_more_drinks_reads_frequency_words(text: str, score: int) -> None:
    assert read_answer("audit_c_3", text) == score


@pytest.mark.parametrize(("text", "score"), [
    ("not at all", 0), ("nope", 0), ("several days", 1), ("sometimes", 1), ("a few days", 1),
    ("more than half the days", 2), ("most days", 2), ("nearly every day", 3), ("every day honestly", 3),
    ("3 days", 1), ("10 days", 2), ("casi todos los dias", 3),
])
def test_phq2_items_read_words_and_days(text: str, score: int) -> None:
    assert read_answer("phq2_1", text) == score
    assert read_answer("phq2_2", text) == score


@pytest.mark.parametrize(("text", "value"), [
    ("yes, he had the DTs last time he quit", "yes"), ("yeah", "yes"), ("yep he does", "yes"),
    ("i guess so", "yes"), ("no, my roommates use every day and there are drugs everywhere", "no"),
    ("nope", "no"), ("not really", "no"), ("never been to treatment", "no"), ("kinda", UNSURE),
    ("not sure", UNSURE), ("idk", UNSURE), ("he got out of rehab last week", None), ("blue", None),
])
def test_yes_no_questions_read_an_answer_with_its_reason(text: str, value: str | None) -> None:
    assert read_answer("withdrawal_history", text) == value


@pytest.mark.parametrize(("text", "value"), [
    ("my wife", "yes"), ("my sister kind of", "yes"), ("yes, my wife", "yes"), ("my sponsor and my mom", "yes"),
    ("nobody really", "no"), ("no one", "no"), ("im on my own", "no"), ("no", "no"), ("me", None),
])
def test_the_support_question_reads_a_named_supporter(text: str, value: str | None) -> None:
    assert read_answer("has_support", text) == value


@pytest.mark.parametrize(("text", "value"), [
    ("he works nights", ["work"]), ("school and my kids", ["school", "children"]), ("full time job", ["work"]),
    ("nope", ["none"]), ("nothing really, hes retired", ["none"]), ("blue", None),
])
def test_the_duties_question_reads_work_school_and_children(text: str, value: list[str] | None) -> None:
    assert read_answer("duties", text) == value


def test_family_involvement_reads_named_family() -> None:
    assert read_answer("family_involvement", "me and his brother") == "yes"
    assert read_answer("family_involvement", "no, they dont talk to him") == "no"


@pytest.mark.parametrize("text", ["skip", "Skip this one", "I'd rather not say", "rather not say", "pass",
                                  "not sure", "idk", "no idea", "prefer not to answer"])
def test_every_question_can_be_skipped(text: str) -> None:
    for slot, value in answers.SKIP_VALUES.items():
        assert read_answer(slot, text) == value, slot
    assert read_answer("audit_c_2", text) == SKIPPED_SCORE
    assert read_answer("location", text) is None  # no search without a place


@pytest.mark.parametrize(("intent", "text", "answering"), [
    ("affirm", "yes", True), ("faq", "yes, he had the DTs last time he quit", True),
    ("faq", "is it covered by medicaid?", False), ("crisis_suicide", "every day", False),
    ("ask_human", "can i talk to a person", False), ("inform", "/inform{\"score\":\"2\"}", False),
    ("nlu_fallback", "nearly every day", True), ("inform", "   ", False),
])
def test_what_may_be_read_as_an_answer(intent: str, text: str, answering: bool) -> None:
    assert answers.answering(text, intent) is answering


@pytest.mark.parametrize(("frequency", "substances", "first"), [
    ("every day", ["alcohol"], 4.0), ("mostly beer, every day", ["alcohol", "cannabis"], 4.0),
    ("weekends", ["alcohol"], 3.0), ("every day", ["alcohol", "cannabis"], None), ("every day", ["opioids"], None),
    ("it varies", ["alcohol"], None),
])
def test_a_drinking_frequency_answers_the_first_audit_c_item(frequency: str, substances: list[str],
                                                               first: float | None) -> None:
    assert answers.first_drinking_frequency(frequency, substances) == first


@pytest.mark.parametrize(("label", "text", "values"), [
    ("substance", "mostly cocain and some alchohol", ["stimulants", "alcohol"]),
    ("substance", "pain pills and beer", ["opioids", "alcohol"]),
    ("condition", "depresion and anxiety", ["depression", "anxiety"]),
    ("substance", "the weather is nice", []),
])
def test_substances_and_conditions_are_read_even_misspelt(label: str, text: str, values: list[str]) -> None:
    assert answers.named_values(label, text) == values


@pytest.mark.parametrize("text", ["one that treats eating disorders too", "telehealth", "nah thats it"])
def test_anything_else_takes_any_answer(text: str) -> None:
    assert read_answer("extras_asked", text) is True
