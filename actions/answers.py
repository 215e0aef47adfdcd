"""Answer readers: what a typed answer means for the question that was asked (pure).

Every question the forms ask (a requested slot) has a reader here that turns free text into the
slot's value, so a person who never taps a button gets as far as one who does:

- yes/no questions read "yeah", "nope", "not really", and an answer with its reason ("yes, he had
  the DTs last time he quit", "no, my roommates use every day");
- the support question reads a named supporter ("my wife", "my sister kind of") as a yes, and never
  as a change of whom the search is for;
- the AUDIT-C and PHQ-2 items read frequency words ("nearly every day", "weekends", "several days")
  and counts ("about 6", "5 or 6", "a six pack", "a fifth"). A typed number is a quantity, never a
  button's position: "2" drinks is the "1 or 2" answer;
- every question reads "skip", "rather not say" and "not sure" as the slot's "unknown" value
  (``SKIPPED``), so no question is a dead end.

A reader returns the value, or None when the text does not answer the question (the form then
says so and asks again, with its options).
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Callable
from functools import cache
from typing import Any

from actions import validation
from bot.nlu.lexicon import LEXICON

#: what a skipped question keeps: "unsure" for yes/no and list questions, -1 for a score
UNSURE = "unsure"
SKIPPED_SCORE = -1.0

_SKIP = re.compile(
    r"^(?:skip(?: (?:it|this|that|this one|the question))?|pass|next|next question|no comment|"
    r"(?:i'?d )?(?:rather|prefer) not(?: to)?(?: say| answer| share)?|i don'?t want to (?:say|answer)|"
    r"not sure|unsure|idk|dunno|i don'?t know|don'?t know|no idea|not certain|hard to say|can'?t say|"
    r"i'?m not sure|im not sure|no se|no sé|prefiero no decir|paso)\b"
)
_LEADING_YES = re.compile(
    r"^(?:yes|yeah|yea|yep|yup|ya|yah|y|sure|ok|okay|definitely|absolutely|of course|i do|i am|i have|"
    r"they do|he does|she does|he has|she has|they have|correct|right|true|si|sí|claro|i guess so|i think so|"
    r"probably|i believe so|pretty much|for sure|i can|i could|we can|he can|she can|they can)\b"
)
_LEADING_NO = re.compile(
    r"^(?:no|nope|nah|naw|n|not really|not at all|never|negative|i don'?t|i dont|i haven'?t|i'm not|im not|"
    r"they don'?t|he doesn'?t|she doesn'?t|he hasn'?t|she hasn'?t|they haven'?t|not that i know of|nunca)\b"
)
_HEDGED = re.compile(r"^(?:kinda|kind of|sort of|sorta|somewhat|maybe|possibly|it depends|depends)\b")
#: people a person may name as support
SUPPORTERS = re.compile(
    r"\b(?:wife|husband|partner|spouse|boyfriend|girlfriend|fianc[eé]e?|mom|mum|mother|dad|father|parents?|"
    r"sister|brother|siblings?|son|daughter|kids|children|aunt|uncle|cousin|grandma|grandmother|grandpa|"
    r"grandfather|friends?|roommate|sponsor|pastor|church|counsel+or|therapist|family|bf|gf|"
    r"esposa|esposo|mam[aá]|pap[aá]|hermana|hermano|amigos?|amigas?|familia|pareja|novia|novio)\b"
)
#: "nobody", "no one": no support, whatever else is said
_NOBODY = re.compile(r"\b(?:nobody|no one|noone|no-one|not anyone|nadie|alone|by myself|on my own)\b")

_DAILY = re.compile(
    r"\b(?:daily|every ?day|everyday|each day|all day|every (?:night|morning|evening)|nightly|most days|"
    r"nearly (?:every|all)|almost (?:every|all|daily)|all the time|constantly|non-?stop|24/7|(?:a|per) (?:day|night)|"
    r"(?:4|5|6|7|four|five|six|seven)(?: or more)?(?: days| times| nights)? (?:a|per|each|in a) week)\b"
)
_FEW_A_WEEK = re.compile(
    r"\b(?:(?:2|3|two|three|a couple|couple|a few|few|several)(?: or (?:3|4|three|four))?(?: days| times| nights)? "
    r"(?:a|per|each|in a) week|weekends?|every weekend|fri(?:day)?s? and sat(?:urday)?s?)\b"
)
_WEEKLY = re.compile(r"\b(?:weekly|once a week|one (?:day|time|night) a week|every week|every other day)\b")
_FEW_A_MONTH = re.compile(
    r"\b(?:(?:2|3|4|two|three|four|a couple|couple|a few|few)(?: or (?:3|4|three|four))?(?: times| days| nights)? "
    r"(?:a|per|each|in a) month|every other week|twice a month|every couple (?:of )?weeks)\b"
)
_MONTHLY = re.compile(r"\b(?:monthly|once a month|one time a month|every month)\b")
_RARELY = re.compile(
    r"\b(?:rarely|hardly(?: ever)?|seldom|occasionally|once in a while|now and (?:then|again)|special occasions?|"
    r"holidays|a few times a year|few times a year|once or twice a year|less than (?:monthly|once a month)|"
    r"not (?:very )?often|every few months|socially)\b"
)
_NEVER = re.compile(r"^(?:never|not at all|none|nope|no|zero|0|i don'?t drink|don'?t drink|nunca)\b")

_DRINK_MEASURES: tuple[tuple[re.Pattern[str], int], ...] = (
    (re.compile(r"\b(?:a |one )?(?:fifth|handle)\b"), 17),
    (re.compile(r"\b(?:a |one )?(?:case|30 ?rack|24 ?pack|18 ?pack|12 ?pack)\b"), 12),
    (re.compile(r"\b(?:a |one )?pint of (?:vodka|whiskey|liquor|rum|gin|tequila)\b"), 11),
    (re.compile(r"\b(?:a |one )?(?:six ?pack|6 ?pack)\b"), 6),
    (re.compile(r"\b(?:a |one |whole )?bottle of wine\b"), 5),
)
#: a number with another unit than drinks ("30 days residential", "2 years"): not a count of drinks
_OTHER_UNITS = re.compile(
    r"\b(?:\d+(?:\.\d+)?\s*|[a-z-]+\s+)(?:days?|weeks?|months?|years?|yrs?|hours?|hrs?|minutes?|mins?|miles?|mi|times|x|am|pm|"
    r"dollars?|bucks|percent|%|mg|kids?|years? old|yo)\b"
)
_FEW = re.compile(r"\b(?:a few|few|several)\b")
_COUPLE = re.compile(r"\b(?:a couple|couple)\b")
_LOTS = re.compile(r"\b(?:a lot|lots|tons|way too many|too many|until i pass out|till i pass out|until blackout)\b")


def _said(text: Any) -> str:
    return " ".join(str(text or "").lower().replace("’", "'").split()).strip(" .!,")


def skipped(text: Any) -> bool:
    """Whether the message declines or cannot answer the question: "skip", "rather not say", "not sure"."""
    return bool(_SKIP.match(_said(text)))


def yes_no(text: Any) -> str | None:
    """"yes", "no" or "unsure", reading an answer with its reason by its first words ("no, my roommates
    use every day" is a no, whatever follows); None when it says neither."""
    said = _said(text)
    if skipped(said):
        return UNSURE
    if _LEADING_YES.match(said):
        return "yes"
    if _LEADING_NO.match(said):
        return "no"
    if _HEDGED.match(said):
        return UNSURE
    first_clause = re.split(r"[,.;!?]| because | but | since ", said, maxsplit=1)[0]
    return validation.yes_no(first_clause)


def support(text: Any) -> str | None:
    """The support question: a named supporter ("my wife", "my sister kind of") is a yes, "nobody" a no."""
    said = _said(text)
    if _NOBODY.search(said):
        return "no"
    answer = yes_no(said)
    if answer is None and SUPPORTERS.search(said):
        return "yes"
    return answer


def drinks_per_day(text: Any) -> int | None:
    """AUDIT-C item 2 (drinks on a typical drinking day) scored 0-4 from a count or a measure:
    1-2 -> 0, 3-4 -> 1, 5-6 -> 2, 7-9 -> 3, 10 or more -> 4. A range counts at its top ("5 or 6")."""
    said = _said(text)
    for pattern, drinks in _DRINK_MEASURES:
        if pattern.search(said):
            return _drinks_band(drinks)
    numbers = validation.numbers_in(_OTHER_UNITS.sub(" ", said))
    if numbers:
        return _drinks_band(max(numbers))
    if _LOTS.search(said):
        return 4
    if _FEW.search(said):
        return _drinks_band(3)
    if _COUPLE.search(said):
        return _drinks_band(2)
    return None


def _drinks_band(drinks: float) -> int | None:
    if drinks < 0 or drinks > 100:
        return None
    return next(score for score, top in ((0, 2), (1, 4), (2, 6), (3, 9), (4, 101)) if drinks <= top)


Scale = tuple[tuple[re.Pattern[str], int], ...]

#: AUDIT-C item 1 (how often a drink): never 0, monthly or less 1, 2-4 times a month 2,
#: 2-3 times a week 3, 4 or more times a week 4
_DRINKING_SCALE: Scale = ((_NEVER, 0), (_DAILY, 4), (_FEW_A_WEEK, 3), (_WEEKLY, 2), (_FEW_A_MONTH, 2),
                          (_MONTHLY, 1), (_RARELY, 1))
#: AUDIT-C item 3 (six or more drinks on one occasion): never 0, less than monthly 1, monthly 2,
#: weekly 3, daily or almost daily 4
_HEAVY_DRINKING_SCALE: Scale = ((_NEVER, 0), (_DAILY, 4), (_FEW_A_WEEK, 3), (_WEEKLY, 3), (_FEW_A_MONTH, 2),
                                (_MONTHLY, 2), (_RARELY, 1))


def _on_scale(said: str, scale: Scale) -> int | None:
    """The score of the first pattern of ``scale`` the (normalised) text matches, or None."""
    return next((score for pattern, score in scale if pattern.search(said)), None)


def drinking_frequency(text: Any) -> int | None:
    """AUDIT-C item 1 scored 0-4 (``_DRINKING_SCALE``). A bare number says nothing of how often: None."""
    return _on_scale(_said(text), _DRINKING_SCALE)


def heavy_drinking_frequency(text: Any) -> int | None:
    """AUDIT-C item 3 scored 0-4 (``_HEAVY_DRINKING_SCALE``)."""
    return _on_scale(_said(text), _HEAVY_DRINKING_SCALE)


_PHQ_WORDS: Scale = (
    (re.compile(r"^(?:not at all|never|no|nope|none|not really|nah|0|zero|nunca)\b|\bnot at all\b"), 0),
    (re.compile(r"\b(?:nearly|almost) (?:every|all)|every ?day|everyday|daily|all the time|constantly|"
                r"all day|every single day|casi todos los d[ií]as|todos los d[ií]as\b"), 3),
    (re.compile(r"\b(?:more than half|over half|most days|most of the (?:time|days)|a lot|often|usually|"
                r"majority|mas de la mitad|más de la mitad)\b"), 2),
    (re.compile(r"\b(?:several days|some days|a few days|few days|a couple (?:of )?days|sometimes|"
                r"once in a while|occasionally|a little|a bit|now and then|here and there|on and off|"
                r"varios d[ií]as|algunos d[ií]as|a veces)\b"), 1),
)


def phq2_frequency(text: Any) -> int | None:
    """A PHQ-2 item (over the last two weeks) scored 0-3 from words ("several days", "nearly every
    day") or a number of days out of 14 (0 -> 0, 1-6 -> 1, 7-11 -> 2, 12-14 -> 3)."""
    said = _said(text)
    score = _on_scale(said, _PHQ_WORDS)
    if score is not None:
        return score
    numbers = validation.numbers_in(said)
    if numbers and re.search(r"\bdays?\b|^\d+$", said):
        days = max(numbers)
        return None if days > 14 else 0 if days == 0 else 1 if days <= 6 else 2 if days <= 11 else 3
    return None


def _scored(reader: Callable[[Any], int | None]) -> Callable[[Any], float | None]:
    """A screener reader whose score is kept as the float slot value ("skip" is read by ``read_answer``)."""
    def read(text: Any) -> float | None:
        score = reader(text)
        return float(score) if score is not None else None

    read.__doc__ = reader.__doc__
    return read


#: how close a misspelt word must be to a known one ("cocain", "alchohol", "depresion")
SPELLING_CUTOFF = 0.84
_MIN_FUZZY_LENGTH = 5


@cache
def _phrases(label: str) -> dict[str, str]:
    """Every phrase of an entity label in the lexicon, with its canonical value."""
    return {phrase: value for value, phrases in LEXICON[label].items() for phrase in phrases}


def named_values(label: str, text: Any) -> list[str]:
    """The lexicon's values of ``label`` named in the text, spelt right or nearly ("cocain" ->
    stimulants, "alchohol" -> alcohol, "depresion" -> depression), in order, each once."""
    phrases = _phrases(label)
    words = re.findall(r"[a-z0-9']+", _said(text))
    found: list[str] = []
    for size in (3, 2, 1):
        for start in range(len(words) - size + 1):
            piece = " ".join(words[start:start + size])
            match = phrases.get(piece)
            if match is None and size == 1 and len(piece) >= _MIN_FUZZY_LENGTH:
                close = difflib.get_close_matches(piece, list(phrases), n=1, cutoff=SPELLING_CUTOFF)
                match = phrases[close[0]] if close else None
            if match is not None and match not in found:
                found.append(match)
    return found


_DUTIES = (
    ("work", re.compile(r"\b(?:work|works|working|job|jobs|shifts?|nights|overnights|employed|full[ -]?time|"
                        r"part[ -]?time|9 to 5|trabajo|trabaja)\b")),
    ("school", re.compile(r"\b(?:school|college|class|classes|university|uni|studying|student|escuela)\b")),
    ("children", re.compile(r"\b(?:kids?|children|child|baby|babies|daycare|childcare|son|daughter|hijos?)\b")),
)


def duties(text: Any) -> list[str] | None:
    """What a schedule must fit around ("he works nights", "school and my kids"), or ["none"] for a no."""
    said = _said(text)
    found = [duty for duty, pattern in _DUTIES if pattern.search(said)]
    if found:
        return found
    return ["none"] if yes_no(said) == "no" or re.search(r"\b(?:none|nothing|free|retired|unemployed)\b", said) \
        else None


YES_NO_SLOTS = ("withdrawal_history", "recent_discharge", "prior_treatment", "medical_monitoring", "home_safe",
                "can_commit_hours")

#: the reader of each question answered by typing; the forms use it when no button or entity answered
READERS: dict[str, Callable[[Any], Any]] = {
    **dict.fromkeys(YES_NO_SLOTS, yes_no),
    "has_support": support,
    "family_involvement": support,
    "duties": duties,
    "audit_c_1": _scored(drinking_frequency),
    "audit_c_2": _scored(drinks_per_day),
    "audit_c_3": _scored(heavy_drinking_frequency),
    "phq2_1": _scored(phq2_frequency),
    "phq2_2": _scored(phq2_frequency),
    "substances": lambda text: named_values("substance", text) or None,
    "mental_health": lambda text: named_values("condition", text) or (["none"] if yes_no(text) == "no" else None),
    # "anything else?": whatever is said answers it (what it names is read by the entity mappings)
    "extras_asked": lambda text: True,
    "readiness": lambda text: float(n) if (n := validation.readiness(text)) is not None else None,
}

#: what a skipped or twice-misunderstood question keeps (questions not listed cannot be skipped: the place)
SKIP_VALUES: dict[str, Any] = {
    **dict.fromkeys((*YES_NO_SLOTS, "has_support", "family_involvement"), UNSURE),
    **dict.fromkeys(("audit_c_1", "audit_c_2", "audit_c_3", "phq2_1", "phq2_2", "readiness"), SKIPPED_SCORE),
    "substances": [UNSURE], "mental_health": [UNSURE], "duties": [UNSURE], "use_frequency": UNSURE,
    "schedule": ["any"], "radius_miles": 25.0, "payment": ["any"], "extras_asked": True,
}


#: after this many answers in a row that a question cannot read, it is left as "not sure"
MISSES_BEFORE_MOVING_ON = 2
def answering(text: Any, intent: str | None) -> bool:
    """Whether a message may be read as the answer to the question asked (``validation.typed_answer``:
    typed words, not a crisis or a request), where a message the classifier took for a question
    ("faq") still answers when it asks nothing ("yes, he had the DTs last time he quit")."""
    if intent == "faq" and isinstance(text, str) and not text.rstrip().endswith("?"):
        intent = None
    return validation.typed_answer(text, intent) is not None


def read_answer(slot: str, text: Any) -> Any:
    """The value ``text`` gives the question ``slot``, or None when it does not answer it."""
    if skipped(text) and slot in SKIP_VALUES:
        return SKIP_VALUES[slot]
    reader = READERS.get(slot)
    return reader(text) if reader else None


def first_drinking_frequency(use_frequency: Any, substances: Any) -> float | None:
    """AUDIT-C item 1 already answered by the frequency answer, when alcohol is the only substance or
    the answer names a drink ("mostly beer, every day"); None otherwise, and the item is asked."""
    said = _said(use_frequency)
    names_a_drink = re.search(r"\b(?:drink|drinks|drinking|beer|beers|wine|vodka|whiskey|liquor|booze|alcohol|"
                              r"shots?|tequila|rum|gin|seltzers?)\b", said)
    if list(substances or ()) != ["alcohol"] and not names_a_drink:
        return None
    score = drinking_frequency(said)
    return float(score) if score is not None else None
