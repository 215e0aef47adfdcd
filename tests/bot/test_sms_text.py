"""The SMS rules (pure): GSM-7 text, parts of at most 320 characters, numbered choices, keywords."""

from __future__ import annotations

import random
import string
from pathlib import Path

import pytest
import yaml

from bot.channels.sms_text import (
    FURTHER_AWAY,
    GSM7_BASIC,
    SHOW_MORE,
    SMS_LIMIT,
    help_text,
    interpret,
    keyword,
    numbered_choices,
    pick,
    render_turn,
    results_command,
    split_sms,
    to_gsm7,
)

DOMAIN = Path(__file__).resolve().parents[2] / "domain"
PAYMENT = [
    {"title": "Medicaid", "payload": '/inform{"payment":"medicaid"}'},
    {"title": "Medicare", "payload": '/inform{"payment":"medicare"}'},
    {"title": "Private insurance", "payload": '/inform{"payment":"private_insurance"}'},
    {"title": "Military (TRICARE)", "payload": '/inform{"payment":"military_insurance"}'},
    {"title": "No insurance / low cost", "payload": '/inform{"payment":"self_pay"}'},
    {"title": "Not sure", "payload": "/unsure"},
]
EXTRAS = [
    {"title": "No, that's all", "payload": "/deny"},
    {"title": "Telehealth", "payload": '/inform{"telehealth":"telehealth"}'},
]
DRINKS = [
    {"title": "1 or 2", "payload": '/inform{"number":"0"}'},
    {"title": "3 or 4", "payload": '/inform{"number":"1"}'},
    {"title": "5 or 6", "payload": '/inform{"number":"2"}'},
]


def gsm7(text: str) -> bool:
    return all(char in GSM7_BASIC for char in text)


# --- to_gsm7 --------------------------------------------------------------------------------------

@pytest.mark.parametrize(("text", "expected"), [
    ("It’s fine", "It's fine"),
    ("‘quoted’", "'quoted'"),
    ("“Hello,” she said", '"Hello," she said'),
    ("9 hours — about 12 weeks", "9 hours - about 12 weeks"),
    ("2–4 times a month", "2-4 times a month"),
    ("Wait…", "Wait..."),
    ("café naïve résumé", "cafe naive resume"),
    ("Año Niño São Paulo", "Ano Nino Sao Paulo"),
    ("Great 😀 news 🎉!", "Great news !"),
    ("[DEMO - fictional] Name", "(DEMO - fictional) Name"),
    ("{braces} and ~tilde~ and a|b", "(braces) and -tilde- and a/b"),
    ("back\\slash and caret^", "back/slash and caret"),
    ("price 50 €", "price 50 EUR"),
    ("• one\n• two", "* one\n* two"),
    ("non\u00a0breaking\tspace", "non breaking space"),
    ("line\r\nbreak\rhere", "line\nbreak\nhere"),
    ("too   many    spaces", "too many spaces"),
    ("a \n b", "a\nb"),
    ("one\n\n\n\ntwo", "one\n\ntwo"),
    ("中文 only", "only"),
    ("ﬁle ²", "file 2"),
    ("`backtick`", "'backtick'"),
    ("", ""),
])
def test_to_gsm7_makes_text_plain(text: str, expected: str) -> None:
    assert to_gsm7(text) == expected


def test_every_character_to_gsm7_writes_is_in_the_gsm7_basic_set() -> None:
    every_bmp_character = "".join(chr(code) for code in range(0x20, 0x3000)) + "😀🎉👍🏽\u200d"
    out = to_gsm7(every_bmp_character)
    assert gsm7(out)
    assert set(string.ascii_letters + string.digits) <= set(out)


def test_plain_ascii_without_gsm7_extension_characters_is_left_alone() -> None:
    text = "Call 1-800-662-4357 (free, 24/7). Reply 1 for Yes, 2 for No: it's 100% @ \"home\"?"
    assert to_gsm7(text) == text


# --- split_sms ------------------------------------------------------------------------------------

SENTENCE = "This sentence is part of a long answer about intensive outpatient programs. "


@pytest.mark.parametrize("text", [
    "Short.",
    SENTENCE * 10,
    "\n\n".join([SENTENCE * 2] * 6),
    "\n".join([SENTENCE] * 12),
    "word " * 400,
    "x" * 1000,
    "start " + "y" * 700 + " end",
    "Paragraph one.\n\n" + "z" * 330 + "\n\nParagraph three.",
    "Line\n" * 200,
])
def test_no_part_is_over_the_limit_and_no_text_is_lost(text: str) -> None:
    parts = split_sms(text)
    assert parts and all(0 < len(part) <= SMS_LIMIT for part in parts)
    assert "".join(parts).replace(" ", "").replace("\n", "") == text.replace(" ", "").replace("\n", "")


def test_a_short_text_is_one_part() -> None:
    assert split_sms("  Hello there.  ") == ["Hello there."]
    assert split_sms("") == [] and split_sms(" \n ") == []


def test_paragraphs_are_kept_together_when_they_fit() -> None:
    first, second = "A" * 200 + ".", "B" * 200 + "."
    assert split_sms(f"{first}\n\n{second}") == [first, second]
    assert split_sms("One.\n\nTwo.") == ["One.\n\nTwo."]


def test_sentences_are_kept_whole_when_a_paragraph_is_too_long() -> None:
    parts = split_sms(SENTENCE * 10)
    assert all(part.endswith(".") for part in parts)


def test_words_are_never_cut_unless_longer_than_the_limit() -> None:
    words = [random.Random(seed).choice(["alpha", "beta", "gamma", "delta", "telehealth"]) for seed in range(300)]
    parts = split_sms(" ".join(words))
    assert [word for part in parts for word in part.split()] == words
    assert split_sms("q" * 700) == ["q" * 320, "q" * 320, "q" * 60]


def test_a_label_is_not_left_alone_before_a_long_list() -> None:
    services = ", ".join(["group therapy", "family therapy"] * 20)
    details = f"Call: (434) 555-0124\nServices: {services}\nSchedule: evening"
    parts = split_sms(details)
    assert all(len(part) >= SMS_LIMIT // 2 for part in parts[:-1])
    assert parts[0].startswith("Call: (434) 555-0124\nServices: group therapy")


def test_parts_are_at_least_half_full_when_boundaries_allow() -> None:
    text = "\n\n".join(["Short line."] + [SENTENCE * 3] * 4)
    parts = split_sms(text)
    assert all(SMS_LIMIT // 2 <= len(part) <= SMS_LIMIT for part in parts[:-1])


@pytest.mark.parametrize("limit", [20, 70, 160, 320])
def test_any_limit_is_respected(limit: int) -> None:
    assert all(len(part) <= limit for part in split_sms(SENTENCE * 5, limit))


# --- numbered choices and picking -----------------------------------------------------------------

def test_buttons_become_a_numbered_list() -> None:
    assert numbered_choices("How would you pay?", PAYMENT[:3]) == (
        "How would you pay?\nReply 1 for Medicaid, 2 for Medicare, 3 for Private insurance."
    )
    assert numbered_choices("", PAYMENT[:1]) == "Reply 1 for Medicaid."
    assert numbered_choices("Text only", []) == "Text only"


@pytest.mark.parametrize(("reply", "payload"), [
    ("1", '/inform{"payment":"medicaid"}'),
    (" 2 ", '/inform{"payment":"medicare"}'),
    ("#3", '/inform{"payment":"private_insurance"}'),
    ("6.", "/unsure"),
    ("medicaid", '/inform{"payment":"medicaid"}'),
    ("MEDICAID", '/inform{"payment":"medicaid"}'),
    ("Private Insurance", '/inform{"payment":"private_insurance"}'),
    ("private insurance!", '/inform{"payment":"private_insurance"}'),
    ("military tricare", '/inform{"payment":"military_insurance"}'),
    ("no insurance low cost", '/inform{"payment":"self_pay"}'),
    ("not sure", "/unsure"),
])
def test_a_number_or_the_title_picks_the_payload(reply: str, payload: str) -> None:
    assert pick(reply, PAYMENT) == payload


@pytest.mark.parametrize("reply", ["0", "7", "12", "", "  ", "medic", "I have Medicaid", "1 2", "one"])
def test_anything_else_picks_nothing(reply: str) -> None:
    assert pick(reply, PAYMENT) is None


def test_apostrophes_and_commas_do_not_matter_in_a_title() -> None:
    assert pick("no thats all", EXTRAS) == "/deny"
    assert pick("No, that’s all", EXTRAS) == "/deny"


def test_a_title_that_is_a_number_wins_over_the_position() -> None:
    assert pick("3 or 4", DRINKS) == '/inform{"number":"1"}'
    assert pick("3", DRINKS) == '/inform{"number":"2"}'


def test_every_button_in_the_domain_can_be_picked_by_number_and_by_title() -> None:
    for path in sorted(DOMAIN.glob("*.yml")):
        for variations in (yaml.safe_load(path.read_text()).get("responses") or {}).values():
            for variation in variations:
                buttons = variation.get("buttons") or []
                for number, button in enumerate(buttons, 1):
                    assert pick(str(number), buttons) == button["payload"], (path.name, button)
                    assert pick(button["title"].upper(), buttons) == button["payload"], (path.name, button)
                message = numbered_choices(variation.get("text", ""), buttons)
                assert gsm7(to_gsm7(message))


# --- keywords -------------------------------------------------------------------------------------

@pytest.mark.parametrize(("text", "expected"), [
    ("HELP", "help"), ("help", "help"), (" Help ", "help"), ("INFO", "help"), ("help!", "help"),
    ("STOP", "stop"), ("stop", "stop"), ("Stop.", "stop"), ("STOPALL", "stop"), ("unsubscribe", "stop"),
    ("Cancel", "stop"), ("END", "stop"), ("quit", "stop"),
    ("START", "start"), ("start", "start"), ("UNSTOP", "start"), ("yes", "start"), ("Yes", "start"),
    ("help me find a program", None), ("please stop", None), ("stop drinking", None), ("", None),
    ("hi", None), ("2", None), ("medicaid", None),
])
def test_keywords_in_any_case(text: str, expected: str | None) -> None:
    assert keyword(text) == expected


def test_help_names_the_service_the_helpline_and_emergency_numbers() -> None:
    text = help_text("1-800-555-0142")
    assert "IOP Finder" in text and "1-800-555-0142" in text and "988" in text and "911" in text and "STOP" in text
    assert len(text) <= SMS_LIMIT and gsm7(text)


# --- after a list of results ----------------------------------------------------------------------

@pytest.mark.parametrize(("reply", "expected"), [
    ("MORE", SHOW_MORE), ("more", SHOW_MORE), ("Show more", SHOW_MORE), ("next", SHOW_MORE),
    ("FURTHER", FURTHER_AWAY), ("further away", FURTHER_AWAY), ("Farther", FURTHER_AWAY),
    ("2", '/programme_details{"ordinal":"2"}'), ("#3", '/programme_details{"ordinal":"3"}'),
    ("DETAILS 2", '/programme_details{"ordinal":"2"}'), ("details #5", '/programme_details{"ordinal":"5"}'),
    ("number 4", '/programme_details{"ordinal":"4"}'), ("12", '/programme_details{"ordinal":"12"}'),
    ("0", None), ("only evening ones", None), ("22902", None), ("tell me more about it", None), ("", None),
])
def test_more_further_and_a_number_after_results(reply: str, expected: str | None) -> None:
    assert results_command(reply) == expected


def test_interpret_prefers_the_buttons_then_the_results_then_the_words() -> None:
    assert interpret("1", PAYMENT, listed_results=True) == '/inform{"payment":"medicaid"}'
    assert interpret("more", PAYMENT, listed_results=True) == "more"
    assert interpret("more", (), listed_results=True) == SHOW_MORE
    assert interpret("2", (), listed_results=True) == '/programme_details{"ordinal":"2"}'
    assert interpret("2", (), listed_results=False) == "2"
    assert interpret("hello", (), listed_results=False) == "hello"


# --- a whole turn ---------------------------------------------------------------------------------

def test_a_turn_is_one_body_with_the_last_buttons_numbered() -> None:
    turn = render_turn([
        {"text": "Thanks — that helps.", "buttons": None, "utter_action": "utter_thanks"},
        {"text": "How would you pay?", "buttons": PAYMENT, "utter_action": "utter_ask_payment"},
    ])
    assert turn.parts == [
        "Thanks - that helps.\n\nHow would you pay?\nReply 1 for Medicaid, 2 for Medicare, 3 for Private insurance, "
        "4 for Military (TRICARE), 5 for No insurance / low cost, 6 for Not sure."
    ]
    assert turn.buttons == tuple(PAYMENT) and not turn.listed_results


def test_a_long_turn_is_cut_into_gsm7_parts_of_at_most_320_characters() -> None:
    messages = [{"text": f"{number}. “Programme” {number} — " + "details " * 30} for number in range(1, 6)]
    turn = render_turn([*messages, {"text": "Pick one 👇", "buttons": EXTRAS}])
    assert len(turn.parts) > 1
    assert all(len(part) <= SMS_LIMIT and gsm7(part) for part in turn.parts)
    assert turn.parts[-1].endswith("Reply 1 for No, that's all, 2 for Telehealth.")


def test_a_list_of_results_is_remembered_and_has_no_buttons() -> None:
    turn = render_turn([
        {"text": "1. A - 2.0 mi - 555-0100", "utter_action": "utter_result"},
        {"text": "Reply MORE for more.", "utter_action": "utter_results_next"},
    ])
    assert turn.listed_results and turn.buttons == ()


def test_an_empty_turn_sends_nothing() -> None:
    assert render_turn([]).parts == []
    assert render_turn([{"text": "", "buttons": None}]).parts == []


def test_a_crisis_reply_is_its_own_message_first() -> None:
    offer = [{"title": "Keep going", "payload": "/continue"}, {"title": "Start over", "payload": "/start_over"},
             {"title": "Talk to a person", "payload": "/ask_human"}]
    turn = render_turn([
        {"text": "Call or text 988 now, the Suicide & Crisis Lifeline (free, 24/7).",
         "utter_action": "utter_crisis_suicide"},
        {"text": "I'm here with you. What would you like to do?", "buttons": offer,
         "utter_action": "utter_crisis_offer"},
    ])
    assert turn.parts[0] == "Call or text 988 now, the Suicide & Crisis Lifeline (free, 24/7)."
    assert turn.parts[1].startswith("I'm here with you.") and "Reply 1 for Keep going" in turn.parts[1]
    assert turn.buttons == tuple(offer)
