"""Whole conversations over the REST channel with the trained model and the real action server."""

from __future__ import annotations

import itertools
import re

import pytest
import requests

from tests.e2e.conftest import HELPLINE

_senders = itertools.count()
RESULT = re.compile(r"^\d+\. \[DEMO - fictional\] .+\n[\d.]+ miles away\. Call .+\nWhy it fits: .+\nLast checked: ")


class Chat:
    """One person talking to the assistant; ``say`` returns the bot's texts for that turn."""

    def __init__(self, webhook: str) -> None:
        self.webhook = webhook
        self.sender = f"e2e-{next(_senders)}"
        self.buttons: list[str] = []

    def say(self, text: str) -> list[str]:
        response = requests.post(self.webhook, json={"sender": self.sender, "message": text}, timeout=60)
        response.raise_for_status()
        messages = response.json()
        self.buttons = [button["payload"] for message in messages for button in message.get("buttons") or ()]
        return [message.get("text", "") for message in messages]

    def say_all(self, *texts: str) -> list[str]:
        """Say each text in turn; the replies to the last one."""
        replies: list[str] = []
        for text in texts:
            replies = self.say(text)
        return replies


def joined(texts: list[str]) -> str:
    return "\n".join(texts)


def results_in(texts: list[str]) -> list[str]:
    return [text for text in texts if RESULT.match(text)]


def test_from_hello_to_three_programmes_for_themselves(webhook: str) -> None:
    chat = Chat(webhook)
    hello = joined(chat.say("hi"))
    assert "not medical advice" in hello and "988" in hello and "911" in hello
    assert "How old are you" in joined(chat.say("its for me"))
    assert "Which substances do you use" in joined(chat.say("34"))
    assert "how often" in joined(chat.say("cocaine mostly")).lower()
    assert "mental health" in joined(chat.say("a few times a week"))  # no seizures question for cocaine alone
    assert "recently leave" in joined(chat.say("no"))
    assert "treatment for substance use before" in joined(chat.say("no"))
    assert "health condition" in joined(chat.say("yes"))
    assert "home safe" in joined(chat.say("no"))
    assert "someone who supports" in joined(chat.say("yes"))
    assert "0 to 10" in joined(chat.say("yeah"))  # family taking part: asked about someone else or a teen
    hours = joined(chat.say("8"))
    assert "9 hours a week" in hours and "which times work best" in hours
    suggestion = joined(chat.say("yes, evenings after work"))  # the times with the yes: not asked again
    assert "intensive outpatient" in suggestion.lower()
    assert "professional" in suggestion and "full assessment" in suggestion
    assert "ZIP code" in suggestion
    assert "How would you pay" in joined(chat.say("10001"))  # no distance question: 25 miles, said back
    assert "Anything else" in joined(chat.say("medicaid"))
    found = chat.say("no thats all")
    assert "within 25 miles of" in joined(found)
    shown = results_in(found)
    assert len(shown) == 3, joined(found)
    assert all("intensive outpatient" in text and "accepts Medicaid" in text and "evening" in text for text in shown)
    assert any("made up" in text for text in found)
    details = joined(chat.say("tell me about the second one"))
    assert "Services:" in details and "Aftercare:" in details and "Ways to pay:" in details


def test_a_loved_one_is_asked_about_in_the_third_person(webhook: str) -> None:
    chat = Chat(webhook)
    chat.say("hello")
    assert "How old are they" in joined(chat.say("its for my son"))
    assert "Which substances do they use" in joined(chat.say("he's 19"))
    assert "often do they" in joined(chat.say("he drinks"))


def test_an_age_said_in_passing_is_not_asked_and_a_teen_gets_teen_programmes(webhook: str) -> None:
    chat = Chat(webhook)
    chat.say("hi")
    asked = joined(chat.say("i need help for my son, he's 16"))
    assert "How old" not in asked and "Which substances do they use" in asked
    chat.say("weed")
    assert "mental health" in joined(chat.say("every day"))
    for answer in ("no", "no", "no", "no", "yes", "yes", "yes", "7"):
        reply = joined(chat.say(answer))
    assert "6 hours a week" in reply  # the teen version of the hours question
    suggestion = joined(chat.say("yes, evenings"))
    assert "for teens" in suggestion and "under 18" in suggestion
    chat.say("10001")
    chat.say("medicaid")
    found = chat.say("no")
    assert len(results_in(found)) == 3, joined(found)
    details = joined(chat.say("tell me about the first one"))
    assert "adolescents" in details.split("Serves:")[1].split("\n")[0]


def test_several_substances_are_tied_to_their_frequency(webhook: str) -> None:
    """Daily cannabis and weekend drinking is not daily drinking: no detox wording."""
    chat = Chat(webhook)
    reply = joined(chat.say_all("hi", "for me", "23", "weed and alcohol", "weed every day, drinking only on weekends"))
    assert "Which of them" not in reply and "safety note" not in reply
    assert "How many drinks" in reply  # AUDIT-C item 1 from the drinking part ("on weekends"), unit-tested


def test_a_search_first_offers_the_questions_then_skips_them_when_asked_again(webhook: str) -> None:
    chat = Chat(webhook)
    offered = joined(chat.say("need to find an iop asap"))
    assert "a few quick questions" in offered and "yourself, or for someone" in offered
    assert "How old are you" in joined(chat.say("for me"))  # the questions, toward a suggested level of care
    chat = Chat(webhook)
    chat.say("need to find an iop asap")
    assert "Where should I look" in joined(chat.say("just search"))


def test_skipping_straight_to_a_search_asks_only_what_is_missing(webhook: str) -> None:
    chat = Chat(webhook)
    assert "a few quick questions" in joined(chat.say("IOPs near 10001 that take Medicaid"))
    asked = joined(chat.say("just search"))
    assert "Anything else" in asked and "ZIP code" not in asked and "How would you pay" not in asked
    found = chat.say("no")
    assert len(results_in(found)) == 3, joined(found)
    more = chat.say("show more")
    assert results_in(more) and all(text.startswith(("4.", "5.", "6.")) for text in results_in(more))


@pytest.mark.parametrize(("message", "place"), [
    ("IOPs near New York, NY that take medicaid", "New York, NY"),   # every word is also a state name
    ("IOPs near Kansas City, MO that take medicare", "Kansas City, MO"),  # two Kansas Cities: the state decides
])
def test_a_city_and_state_in_the_first_message_is_understood(webhook: str, message: str, place: str) -> None:
    chat = Chat(webhook)
    chat.say(message)
    asked = joined(chat.say("just search"))
    assert "Anything else" in asked and "Where should I look" not in asked and "more than one" not in asked
    found = joined(chat.say("no"))
    assert f"25 miles of {place}" in found


def test_danger_in_the_middle_of_the_questions_gets_the_number_first(webhook: str) -> None:
    chat = Chat(webhook)
    chat.say("hi")
    chat.say("for me")
    reply = chat.say("honestly i just want to kill myself")
    assert "988" in reply[0]
    assert chat.buttons == ["/continue", "/start_over", "/ask_human"]
    assert "How old are you" in joined(chat.say("/continue"))  # the same question again


def test_an_unknown_place_is_asked_again(webhook: str) -> None:
    chat = Chat(webhook)
    chat.say_all("find an IOP for me", "just search")
    assert "couldn't find that place" in joined(chat.say("Xyzzyville"))
    assert "How would you pay" in joined(chat.say("Charlottesville, VA"))


def test_words_that_only_sound_like_starting_over_never_throw_the_conversation_away(webhook: str) -> None:
    chat = Chat(webhook)
    chat.say_all("find an IOP for me", "just search")
    asked = joined(chat.say("new orleans la"))  # "new" once came out as "start over"
    assert "How would you pay" in asked and "start over" not in asked


def test_an_empty_message_gets_a_clear_answer_and_changes_nothing(webhook: str) -> None:
    chat = Chat(webhook)
    chat.say("hi")
    assert "didn't get that" in joined(chat.say(""))
    chat.say_all("find an IOP for me", "just search")
    for blank in ("", "   ", "\n"):
        assert "Where should I look?" in joined(chat.say(blank))
    assert "How would you pay" in joined(chat.say("Charlottesville, VA"))


def test_asking_for_a_person_names_the_deployments_helpline_then_offers_to_go_on(webhook: str) -> None:
    chat = Chat(webhook)
    chat.say("hi")
    chat.say("for my daughter")
    reply = joined(chat.say("can i talk to a real person please"))
    assert HELPLINE in reply
    assert "/continue" in chat.buttons
    assert "How old are they" in joined(chat.say("/continue"))


def test_screener_questions_and_reasons_answered_in_words(webhook: str) -> None:
    """A wife asking for her husband, typing everything: the screeners read words and counts, answers
    with reasons are read, naming herself as support never makes the questions about her."""
    chat = Chat(webhook)
    chat.say("hello")
    chat.say("i need help for my husband")
    chat.say("hes 52")
    assert "often do they" in joined(chat.say("beer mostly, and some weed"))
    daily = joined(chat.say("pretty much every day"))
    assert "Which of them do they use every day" in daily  # two substances: which one is daily?
    assert "drink containing alcohol" in joined(chat.say("the beer"))
    assert "How many drinks" in joined(chat.say("nearly every day"))
    assert "six or more drinks" in joined(chat.say("like 5 or 6"))
    assert "seizures" in joined(chat.say("every weekend"))
    assert "mental health concern" in joined(chat.say("yes, he had the DTs last time he quit"))
    assert "recently leave" in joined(chat.say("no, he just drinks"))
    assert "treatment for substance use before" in joined(chat.say("no"))
    assert "health condition" in joined(chat.say("yeah once before"))
    assert "home safe" in joined(chat.say("not that i know of"))
    assert "someone who supports their recovery" in joined(chat.say("no, his buddies drink at our place every night"))
    support = joined(chat.say("me and his brother"))
    assert "Would family be willing" in support and "Thank you for helping them" not in support


def test_a_refinement_adds_to_the_search_and_is_said_back(webhook: str) -> None:
    chat = Chat(webhook)
    chat.say_all("IOPs near 10001 that take Medicaid", "just search", "no")
    refined = chat.say("what about ones that also take private insurance")
    assert "Now showing: Medicaid or private insurance." in refined
    assert len(results_in(refined)) == 3, joined(refined)


def test_a_withdrawal_worry_gets_the_safety_answer(webhook: str) -> None:
    chat = Chat(webhook)
    chat.say("hi")
    reply = joined(chat.say("if i stop drinking will i get the shakes really bad?"))
    assert "dangerous" in reply  # the withdrawal answer (or, if read as danger now, the 911 reply): both say it


def test_a_frequency_about_drinking_answers_the_first_screener_question(webhook: str) -> None:
    chat = Chat(webhook)
    daily = joined(chat.say_all("hi", "for me", "40", "alcohol", "every day"))
    assert "How many drinks do you have" in daily  # not "how often a drink" again
    assert "safety note" in daily  # daily drinking: stopping suddenly can be dangerous, said at once
    again = joined(chat.say("every night"))  # no count of drinks: asked again, and the note is not said twice
    assert "How many drinks do you have" in again and "safety note" not in again


def test_a_question_not_understood_is_asked_again_then_left_as_not_sure(webhook: str) -> None:
    chat = Chat(webhook)
    first = chat.say_all("hi", "for me", "29", "opioids", "most days", "the weather is nice")
    assert joined(first).count("didn't understand") == 1 and "seizures" in joined(first)
    assert "/affirm" in chat.buttons  # the options come again
    second = joined(chat.say("banana bread"))
    assert "not sure" in second and "mental health concern" in second
    assert "recently leave" in joined(chat.say("skip"))


def test_a_bare_big_city_is_taken_and_said_back(webhook: str) -> None:
    chat = Chat(webhook)
    chat.say_all("IOPs that take Medicaid", "just search")
    asked = joined(chat.say("philadelphia"))
    assert "I'll look around Philadelphia, PA" in asked and "Anything else" in asked


def test_a_message_not_understood_at_the_start_gets_the_question_again(webhook: str) -> None:
    chat = Chat(webhook)
    chat.say("hi")
    reply = joined(chat.say("qwerty zxcv asdf"))
    assert ("didn't get that" in reply or "I can only help" in reply) and "for yourself, or for someone" in reply


def test_a_question_asked_again_and_again_is_left_as_not_sure(webhook: str) -> None:
    """Questions of one's own at the same question, again and again: answered each time, then the
    question is left as "not sure" rather than asked forever."""
    chat = Chat(webhook)
    chat.say_all("hi", "for me")
    for _ in range(3):
        assert "How old are you" in joined(chat.say("what is an iop?"))
    last = joined(chat.say("what is an iop?"))
    assert "not sure" in last and "Which substances" in last
