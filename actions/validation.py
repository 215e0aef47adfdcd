"""Parsing what people type into the values the forms keep (pure; used by actions/forms.py and actions/search.py).

Every parser takes a slot or entity value (text, a number, or None) and returns the clean value,
or None when the input cannot be read, so the form asks again.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import Any

from actions.crisis import CRISIS_INTENTS
from directory import vocabulary

_UNITS = {
    "zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
    "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15,
    "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19,
}  # fmt: skip
_TENS = {"twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90}
_ORDINALS = {
    "first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6, "seventh": 7, "eighth": 8,
    "ninth": 9, "tenth": 10,
}  # fmt: skip
_NUMBER_WORDS = "|".join([*_UNITS, *_TENS, "hundred", "a", "and"])
_WORD_NUMBER = re.compile(rf"\b(?:{_NUMBER_WORDS})(?:[\s-]+(?:{_NUMBER_WORDS}))*\b")
_DIGITS = re.compile(r"(?<![\w.])-?\d+(?:\.\d+)?")
KM_TO_MILES = 0.621371

#: intents whose message never answers a question, whatever the question: a crisis, a question of
#: one's own, asking for a person, starting over, going on, asking if this is a bot, goodbye
NOT_AN_ANSWER = frozenset({*CRISIS_INTENTS, "faq", "ask_human", "start_over", "continue", "bot_challenge", "goodbye"})

MIN_RADIUS, MAX_RADIUS = 1.0, 500.0
FREQUENCY_MAX_CHARS = 100

_UNSURE = re.compile(
    r"\b(?:not sure|unsure|idk|dunno|don'?t know|do not know|no idea|not certain|uncertain|maybe|perhaps|"
    r"can'?t remember|don'?t remember|do not remember|not that i know)\b"
)
_NO = re.compile(
    r"\b(?:no|nope|nah|naw|never|not|n|negative|cannot|false|\w+n't|"
    r"dont|didnt|doesnt|cant|wont|havent|hasnt|isnt|wasnt|arent|werent|couldnt|wouldnt)\b"
)
_YES = re.compile(
    r"\b(?:yes|yeah|yea|yep|yup|ya|y|sure|ok|okay|definitely|absolutely|certainly|correct|right(?! now)|of course|"
    r"affirmative|true|(?:i|they|he|she|we) (?:do|did|have|has|am|are|is|was|were))\b"
)

_FREQUENCIES: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("daily", re.compile(
        r"\b(?:daily|every ?day|each day|most days|(?:a|per) day|every (?:night|morning|evening)|nightly|"
        r"all (?:day|the time)|constantly|non-?stop|"
        r"(?:5|6|7|five|six|seven) (?:or more )?(?:days|times|nights) (?:a|per|each) week)\b"
    )),
    ("weekly", re.compile(r"\b(?:weekly|weekends?|week|weeks)\b")),
    ("monthly_or_less", re.compile(
        r"\b(?:monthly|month|months|rarely|occasionally|once in a while|now and then|seldom|hardly|"
        r"special occasions?|year|years|yearly|not (?:very )?often|(?:once|twice|a (?:couple|few) times) since|"
        r"once or twice|only (?:once|twice))\b"
    )),
)  # fmt: skip

#: the frequency codes, most often first
FREQUENCY_CODES: tuple[str, ...] = tuple(code for code, _ in _FREQUENCIES)

_ORDINAL_SUFFIX = re.compile(r"\b(\d+)(?:st|nd|rd|th)\b")
_ORDINAL_MARKED = re.compile(r"(?:#|\bno\.?|\bnumber|\boption|\bprogram(?:me)?|\bchoice)\s*#?\s*(\w+)\b")


#: texting spellings of words the answer readers look for ("every nite", "on wknds")
TEXTING_SPELLINGS = {"nite": "night", "nites": "nights", "tonite": "tonight", "evry": "every", "evey": "every",
                     "wknd": "weekend", "wknds": "weekends", "wkend": "weekend", "wkends": "weekends",
                     "mornin": "morning", "mornins": "mornings", "thru": "through"}
_TEXTING_WORD = re.compile(r"\b(?:" + "|".join(TEXTING_SPELLINGS) + r")\b")


def plain_text(value: Any) -> str:
    """``value`` as the answer readers read it: lower case, straight apostrophes, single spaces, texting
    spellings written out ("every nite" -> "every night")."""
    text = " ".join(str(value).lower().replace("’", "'").split())
    return _TEXTING_WORD.sub(lambda match: TEXTING_SPELLINGS[match.group(0)], text)


def _words_to_number(words: str) -> int | None:
    """Number words as a number: "twenty five" -> 25, "a hundred" -> 100; None without a number word."""
    total: int | None = None
    for word in re.split(r"[\s-]+", words):
        if word in _UNITS or word in _TENS:
            total = (total or 0) + _UNITS.get(word, _TENS.get(word, 0))
        elif word == "hundred":
            total = (total or 1) * 100
    return total


def _number(value: Any) -> float | None:
    """The first number in a value: a number itself, digits ("7", "7.5") or words ("seven", "twenty five")."""
    if isinstance(value, bool) or value is None:
        return None
    if isinstance(value, int | float):
        return float(value)
    text = plain_text(value)
    digits = _DIGITS.search(text)
    words = next((m for m in _WORD_NUMBER.finditer(text) if _words_to_number(m.group()) is not None), None)
    if digits and (words is None or digits.start() < words.start()):
        return float(digits.group())
    return float(_words_to_number(words.group())) if words else None  # type: ignore[arg-type]


def numbers_in(value: Any) -> list[float]:
    """Every number in a text, digits or words, in order: "5 or 6" -> [5, 6], "about twenty five" -> [25]."""
    text = plain_text(value)
    found = [(m.start(), float(m.group())) for m in _DIGITS.finditer(text)]
    found += [(m.start(), float(n)) for m in _WORD_NUMBER.finditer(text)
              if (n := _words_to_number(m.group())) is not None]
    return [number for _, number in sorted(found)]


def _whole(number: float | None, low: int, high: int) -> int | None:
    return int(number) if number is not None and number.is_integer() and low <= number <= high else None


def readiness(value: Any) -> int | None:
    """A whole number 0-10 from "7", "7/10", "seven", "about a 6", " 10 " or 7.0; None otherwise.

    Also reads the 0-4 and 0-3 answers of the screeners (the caller checks their upper bound).
    """
    return _whole(_number(value), 0, 10)


def yes_no(text: Any) -> str | None:
    """Free text ("yeah", "nope", "idk", "not sure") as "yes", "no" or "unsure"; None if unclear or both."""
    if isinstance(text, bool):
        return "yes" if text else "no"
    if text is None:
        return None
    said = plain_text(text)
    if _UNSURE.search(said):
        return "unsure"
    yes, no = bool(_YES.search(said)), bool(_NO.search(said))
    if yes == no:
        return None
    return "yes" if yes else "no"


def radius_miles(value: Any) -> float | None:
    """A travel distance of 1-500 miles from 25, "25 miles", "10mi", "twenty" or "40 km"; None otherwise."""
    miles = _number(value)
    if miles is None:
        return None
    if isinstance(value, str) and re.search(r"\d\s*km\b|\bkm\b|kilomet", plain_text(value)):
        miles = round(miles * KM_TO_MILES, 1)
    return miles if MIN_RADIUS <= miles <= MAX_RADIUS else None


def frequency(value: Any) -> str:
    """An entity value or free text ("most days", "on weekends") as "daily", "weekly" or "monthly_or_less".

    Anything else is kept as the trimmed text, cut to 100 characters (the rules treat it as unknown).
    """
    if value is None:
        return ""
    text = plain_text(value)
    for code, pattern in _FREQUENCIES:
        if text == code or pattern.search(text.replace("_", " ")):
            return code
    return str(value).strip()[:FREQUENCY_MAX_CHARS]


def codes(facet: str, values: Iterable[Any]) -> frozenset[str]:
    """The known directory codes of ``facet`` among ``values``, lower-cased; others are dropped.

    Raises KeyError for an unknown facet.
    """
    known = set(vocabulary.codes(facet))
    return frozenset(code for code in (plain_text(value) for value in values if value is not None) if code in known)


def ordinal(value: Any) -> int | None:
    """Which item of a list, 1-10, from "second", "2nd", "2", "#2", "number 2", "the third one"; None otherwise."""
    if isinstance(value, bool) or value is None:
        return None
    if isinstance(value, int | float):
        return _whole(float(value), 1, 10)
    text = plain_text(value)
    for word in re.findall(r"[a-z]+", text):
        if word in _ORDINALS:
            return _ORDINALS[word]
    found = _ORDINAL_SUFFIX.search(text) or _ORDINAL_MARKED.search(text)
    if found:
        return _whole(_number(found.group(1)), 1, 10)
    return _whole(_number(text), 1, 10) if re.fullmatch(r"[a-z]+|\d+(?:\.0+)?", text) else None


def typed_answer(text: Any, intent: str | None) -> str | None:
    """A message's text as the answer to the question asked, unless its intent says it is something
    else (``NOT_AN_ANSWER``: a crisis is never an answer) or it has no words."""
    if intent in NOT_AN_ANSWER or not isinstance(text, str) or not text.strip() or text.lstrip().startswith("/"):
        return None
    return text.strip()
