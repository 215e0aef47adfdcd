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
def test_duties_are_read_from_the_times_answer(text: str, value: list[str] | None) -> None:
    assert answers.duties(text) == value


@pytest.mark.parametrize(("text", "value"), [
    ("yes evenings", "yes"), ("evenings would work", "yes"), ("probably not with classes", "no"),
    ("not sure", "unsure"), ("after work is best", "yes"), ("blue", None),
])  # fmt: skip
def test_the_hours_question_reads_a_time_as_a_yes(text: str, value: str | None) -> None:
    assert read_answer("can_commit_hours", text) == value


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
    ("beer every night, weed just weekends", ["alcohol", "cannabis"], 4.0),
    ("weed every day, beer on weekends", ["alcohol", "cannabis"], 3.0),  # not the weed's "every day"
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


@pytest.mark.parametrize(("text", "band"), [
    ("17", "under_18"), ("he's 16", "under_18"), ("a teenager", "under_18"), ("sixty-eight", "65_plus"),
    ("im 22", "18_25"), ("45", "26_64"), ("she is 25", "18_25"), ("26", "26_64"), ("64", "26_64"), ("65", "65_plus"),
    ("retired", "65_plus"), ("in her seventies", "65_plus"), ("my son, 28", "26_64"), ("65_plus", "65_plus"),
])  # fmt: skip
def test_the_age_question_reads_numbers_and_words(text: str, band: str) -> None:
    assert answers.age_band(text) == band


@pytest.mark.parametrize("text", ["30 days", "a lot", "3 drinks", "not old"])
def test_no_age_in_other_numbers(text: str) -> None:
    assert answers.age_band(text) is None


@pytest.mark.parametrize(("text", "for_self", "band"), [
    ("my 16 yo son vapes every day", False, "under_18"),
    ("my 16-year-old daughter", False, "under_18"),
    ("she's 70 and drinks wine every night", False, "65_plus"),
    ("i'm 45 and i drink too much", True, "26_64"),
    ("i'm 45 and worried about my son", False, None),  # a parent's own age is not the son's
    ("he is 12 days sober", False, None),
    ("I drink 3 beers a night", True, None),
    ("hi", True, None),
])  # fmt: skip
def test_an_age_said_in_passing_is_kept(text: str, for_self: bool, band: str | None) -> None:
    assert answers.age_in_passing(text, for_self=for_self) == band


@pytest.mark.parametrize(("text", "by_substance"), [
    ("weed every day, drinking only on weekends", {"cannabis": "daily", "alcohol": "weekly"}),
    ("every day i smoke weed and i drink on the weekends", {"cannabis": "daily", "alcohol": "weekly"}),
    ("i smoke pot daily but only drink once a month", {"cannabis": "daily", "alcohol": "monthly_or_less"}),
    ("beer most days and weed sometimes", {"alcohol": "daily"}),
    ("daily", {}),
    ("pretty much every day", {}),
])  # fmt: skip
def test_frequency_is_tied_to_its_substance(text: str, by_substance: dict[str, str]) -> None:
    assert answers.frequency_by_substance(text, ["cannabis", "alcohol"]) == by_substance


@pytest.mark.parametrize(("text", "who"), [
    ("Me. I'm a vet.", "self"), ("myself", "self"), ("its me", "self"), ("the caller, for herself", "loved_one"),
    ("my son", "loved_one"), ("for a friend", "loved_one"), ("someone else", "loved_one"), ("hello", None),
    ("i'm looking for my son", "loved_one"), ("i'm the one who needs it", "self"),
])  # fmt: skip
def test_who_it_is_for_in_words(text: str, who: str | None) -> None:
    assert answers.who_for(text) == who


@pytest.mark.parametrize(("text", "severe"), [
    ("he's been hearing voices and thinks the neighbors are watching him", True),
    ("bipolar, she's manic right now", True), ("paranoid all the time", True),
    ("depression and anxiety", False), ("no", False),
])  # fmt: skip
def test_psychosis_or_mania_now_is_read_at_the_mental_health_question(text: str, severe: bool) -> None:
    assert answers.severe_psychiatric_signs(text) is severe
    assert answers.read_answer("mental_health", text) is not None or text == "no"


@pytest.mark.parametrize(("text", "asks"), [
    ("will i lose my job if i go", True), ("if i stop drinking will i get the shakes", True), ("cost?", True),
    ("she saw a therapist once", False), ("yes, he had the DTs", False), ("every day", False),
    ("did they drug test?", True), ("do you take medicaid", True), ("when do groups meet", True),
    ("did outpatient in 2016", False), ("when she was in the hospital she got really shaky", False),
])  # fmt: skip
def test_a_question_of_ones_own_is_told_from_an_answer(text: str, asks: bool) -> None:
    assert answers.asks_something(text) is asks


@pytest.mark.parametrize(("slot", "text", "value"), [
    ("prior_treatment", "she saw a therapist once", "yes"), ("prior_treatment", "he did 30 days at a rehab", "yes"),
    ("recent_discharge", "got out of rehab last week", "yes"), ("recent_discharge", "a hospital once", None),
    ("prior_treatment", "did outpatient in 2016", "yes"),
])  # fmt: skip
def test_treatment_described_answers_the_treatment_questions(slot: str, text: str, value: str | None) -> None:
    assert read_answer(slot, text) == value


def test_less_than_monthly_is_the_lowest_score_not_monthly() -> None:
    assert answers.heavy_drinking_frequency("less than monthly") == 1
    assert answers.drinking_frequency("less than once a month") == 1
    assert answers.heavy_drinking_frequency("monthly") == 2


def test_a_bare_several_is_a_phq2_answer() -> None:
    assert answers.phq2_frequency("several") == 1 and answers.phq2_frequency("some") == 1


@pytest.mark.parametrize(("slot", "text", "value"), [
    ("home_safe", "he lives alone, no one else uses there", "yes"),
    ("home_safe", "my mom and her bf drink and smoke all the time and they fight", "no"),
    ("home_safe", "yes she lives alone in her condo", "yes"), ("home_safe", "nope", "no"),
    ("home_safe", "she lives with her grandma, no drugs there", "yes"),
    ("home_safe", "staying with my sister in hampden, she doesnt even drink", "yes"),
    ("home_safe", "i live with my mom, she doesnt use anything", "yes"),
    ("home_safe", "staying w my cousin, he uses too", "no"),
    ("home_safe", "its our apartment, i dont drink, but his beer is always in the fridge", "no"),
    ("has_support", "me and his abuela", "yes"),
    ("audit_c_3", "just the wedding, first time in years", 1.0), ("phq2_1", "couple days", 1.0),
    ("audit_c_3", "one time a month", 2.0), ("audit_c_3", "just once a month", 2.0),
    ("audit_c_2", "a bottle, sometimes more", 2.0), ("audit_c_2", "a whole bottle of vodka", 4.0),
    ("audit_c_2", "half a bottle", None),
    ("phq2_2", "more days than not", 2.0), ("phq2_2", "Hardly at all, really. I feel hopeful.", 0.0),
    ("can_commit_hours", "9 hours a week is a lot. no, I golf", "no"),
    ("can_commit_hours", "I'm retired, early in the day is best", "yes"),
    ("home_safe", "mostly? my roommate drinks but she's chill about it", "yes"),
    ("medical_monitoring", "just blood pressure pills, nothing his doctor watches closely", "no"),
    ("mental_health", "he's been low since mom passed, nothing diagnosed", ["depression"]),
    ("payment", "dr dynasaur", ["medicaid"]), ("payment", "Sanford Health Plan", ["private_insurance"]),
    ("prior_treatment", "court made me do classes after my 2nd DUI. thats it", "yes"),
    ("withdrawal_history", "sweating, throwing up, legs jumping all night. no seizures, he knew where he was", "no"),
    # helpline staff relaying the caller's words
    ("home_safe", "he lives with the caller and her husband, she says nobody uses there", "yes"),
    ("prior_treatment", "caller isn't sure, maybe a class in jail years ago", UNSURE),
    ("family_involvement", "she says yes", "yes"), ("readiness", "caller says he told her a 7", 7.0),
    ("audit_c_2", "caller guesses 5 or 6", 2.0), ("phq2_2", "caller isn't sure", SKIPPED_SCORE),
    ("recent_discharge", "yes, left detox after 2 days AMA", UNSURE),
    ("recent_discharge", "he walked out of rehab last week", UNSURE),
    ("recent_discharge", "got out of rehab last week", "yes"), ("has_support", "my grandmom", "yes"),
    ("family_involvement", "They'd jump at the chance", "yes"),
    ("can_commit_hours", "shes in school till 3:15, after that works", "yes"),
    ("can_commit_hours", "she's retired so whenever, but she doesnt drive at night", "yes"),
    ("can_commit_hours", "6 hours a week on top of school and volleyball? probably not", "no"),
    ("medical_monitoring", "im hiv+ undetectable, i see my doc every 3 months. so no", "no"),
    ("medical_monitoring", "high blood pressure thats it", "no"),
    ("payment", "she doesnt have insurance. is there anything cheap?", ["sliding_fee"]),
    ("payment", "AHCCCS", ["medicaid"]), ("payment", "insurance", None),
    ("payment", "priority health through the school district", ["private_insurance"]),
    ("home_safe", "no alcohol or drugs at home, just me and the kids", "yes"),
    ("home_safe", "no, drugs everywhere", "no"), ("home_safe", "no drugs there but he hits me", "no"),
    ("medical_monitoring", "she has arthritis, nothing serious", "no"),
    ("medical_monitoring", "im on blood thinners but its routine, nothing close", "no"),
    ("medical_monitoring", "yes, heart problems", "yes"),
    ("can_commit_hours", "9 hours a week? no. once a week maybe", "no"),
    ("can_commit_hours", "thats too much with my job", "no"),
])  # fmt: skip
def test_yes_no_questions_read_what_the_answer_describes(slot: str, text: str, value: str) -> None:
    assert read_answer(slot, text) == value


def test_most_nights_is_near_daily() -> None:
    assert answers.heavy_drinking_frequency("most nights honestly") == 4


@pytest.mark.parametrize(("text", "value"), [
    ("when she was in the hospital and couldnt drink she got really shaky and confused", "yes"),
    ("he gets the shakes bad in the morning", "yes"), ("saw things on the walls last time", "yes"),
    ("no never been sick from it", "no"), ("never had seizures or anything", "no"),
    ("she never got the shakes", "no"), ("he just drinks", None),
])  # fmt: skip
def test_withdrawal_signs_described_answer_the_withdrawal_question(text: str, value: str | None) -> None:
    assert read_answer("withdrawal_history", text) == value


@pytest.mark.parametrize(("text", "age_band", "groups"), [
    ("women only please, i cant be around men right now. thats a must", None, ["women"]),
    ("id want people my age, not a room full of 50 year olds", "18_25", ["young_adults"]),
    ("somewhere with people her age", "65_plus", ["seniors"]),
    ("people my age", "26_64", []),  # no group for the middle ages
    ("a program for veterans", None, ["veterans"]),
    ("no, that's all", None, []),
])  # fmt: skip
def test_anything_else_asks_for_groups_and_keeps_others_away(text: str, age_band: str | None,
                                                             groups: list[str]) -> None:
    assert answers.populations_asked(text, age_band) == groups


@pytest.mark.parametrize("text", ["every single day", "each and every day", "every single night"])
def test_emphasis_changes_nothing_a_reader_reads(text: str) -> None:
    assert answers.drinking_frequency(text) == answers.drinking_frequency("every day") == 4


@pytest.mark.parametrize(("text", "value"), [
    ("high blood pressure but its controlled", "no"), ("diabetes, well managed", "no"),
    ("heart stuff, he just takes a pill for it", "no"), ("yes, her liver is bad", "yes"),
    ("his diabetes is not controlled", "yes"), ("blood pressure, poorly managed", "yes"),
])  # fmt: skip
def test_a_condition_kept_in_hand_needs_no_close_watch(text: str, value: str) -> None:
    assert read_answer("medical_monitoring", text) == value
