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
from actions.progress import AGE_BANDS
from actions.search_query import AGE_POPULATIONS
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
    r"probably|i believe so|pretty much|for sure|i can|i could|we can|he can|she can|they can)\b(?! not\b)"
)
_LEADING_NO = re.compile(
    r"^(?:no|nope|nah|naw|n|not really|not at all|never|negative|i don'?t|i dont|i haven'?t|i'm not|im not|"
    r"they don'?t|he doesn'?t|she doesn'?t|he hasn'?t|she hasn'?t|they haven'?t|not that i know of|nunca|"
    r"probably not|likely not|i doubt it|doubt it)\b"
)
#: an answer that ends with its yes or no ("hiv, undetectable, so no"; "on top of school? probably not")
_CONCLUDED = re.compile(r"(?:^|[,.;!?]|\bso|\bthen)\s*(?:(no|nope|nah|probably not|not really)|(yes|yeah|yep))[.!]*$|"
                        r"[.!?]\s+(?:(no|nope|nah)|(yes|yeah|yep))\b")
_HEDGED = re.compile(r"^(?:kinda|kind of|sort of|sorta|somewhat|maybe|possibly|it depends|depends)\b")
#: people a person may name as support
SUPPORTERS = re.compile(
    r"\b(?:wife|husband|partner|spouse|boyfriend|girlfriend|fianc[eé]e?|mom|mum|mother|dad|father|parents?|"
    r"sister|brother|siblings?|son|daughter|kids|children|aunt|uncle|cousin|grandma|grandmother|grandpa|"
    r"grandfather|grandmom|granny|nana|grandparents|stepmom|stepdad|abuela|abuelo|t[ií]a|t[ií]o|neighbou?rs?|"
    r"friends?|roommate|sponsor|pastor|church|counsel+or|therapist|family|bf|gf|"
    r"esposa|esposo|mam[aá]|pap[aá]|hermana|hermano|amigos?|amigas?|familia|pareja|novia|novio)\b"
)
#: "nobody", "no one": no support, whatever else is said
_NOBODY = re.compile(r"\b(?:nobody|no one|noone|no-one|not anyone|nadie|alone|by myself|on my own)\b")

_DAILY = re.compile(
    r"\b(?:daily|every ?day|everyday|each day|all day|every (?:night|morning|evening)|nightly|most (?:days|nights)|"
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
    r"not (?:very )?often|every few months|socially|first time in (?:years|months|a while)|just (?:the|that) "
    r"(?:wedding|party|night)|(?:once maybe|only once|just once|one time)(?! (?:a|per|every|each) \w+))\b"
)
_NEVER = re.compile(r"^(?:never|not at all|none|nope|no|zero|0|i don'?t drink|don'?t drink|nunca)\b")

_DRINK_MEASURES: tuple[tuple[re.Pattern[str], int], ...] = (
    (re.compile(r"\b(?:a |one )?(?:fifth|handle)\b"), 17),
    (re.compile(r"\b(?:a |one )?(?:case|30 ?rack|24 ?pack|18 ?pack|12 ?pack)\b"), 12),
    (re.compile(r"\b(?:a |one )?pint of (?:vodka|whiskey|liquor|rum|gin|tequila)\b"), 11),
    (re.compile(r"\b(?:a |one )?(?:six ?pack|6 ?pack)\b"), 6),
    (re.compile(r"(?<!half )(?<!half a )\b(?:a |one |whole )?bottle of wine\b"), 5),
    (re.compile(r"\b(?:a |one |whole )?bottle of (?:vodka|whiskey|liquor|rum|gin|tequila|bourbon|brandy)\b"), 17),
    # "a bottle" of something unnamed: at least a bottle of wine (a bottle of beer is one drink)
    (re.compile(r"(?<!half )\b(?:a |one |whole |the )bottle\b(?! of (?:beer|water|soda|pop))"), 5),
)
#: a number with another unit than drinks ("30 days residential", "2 years"): not a count of drinks
_OTHER_UNITS = re.compile(
    r"\b(?:\d+(?:\.\d+)?\s*|[a-z-]+\s+)(?:days?|weeks?|months?|years?|yrs?|hours?|hrs?|minutes?|mins?|miles?|mi|times|x|am|pm|"
    r"dollars?|bucks|percent|%|mg|kids?|years? old|yo)\b"
)
_FEW = re.compile(r"\b(?:a few|few|several)\b")
_COUPLE = re.compile(r"\b(?:a couple|couple)\b")
_LOTS = re.compile(r"\b(?:a lot|lots|tons|way too many|too many|until i pass out|till i pass out|until blackout)\b")


#: emphasis that changes nothing a reader reads ("every single day" is "every day")
_EMPHASIS = re.compile(r"\b(?:every single|each and every|every last)\b")


#: helpline staff relaying the caller's words ("caller says yes", "per the caller, weekends", "she says
#: nobody uses there"): the answer is what follows
_RELAYED = re.compile(r"^(?:(?:the )?caller|(?:s)?he|they)(?: (?:says|said|reports|thinks|guesses))(?: that)?[, ]+|"
                      r"^per (?:the )?caller[, ]+|[, ]+(?:per (?:the )?caller|(?:the )?caller says)$")
#: a relayed "not sure" ("caller isn't sure", "she doesn't know")
_RELAYED_UNSURE = re.compile(r"^(?:(?:the )?caller|(?:s)?he|they)(?:'s| is| isn'?t| is not| doesn'?t| does not|"
                             r"'s not) (?:sure|know)\b")


def _said(text: Any) -> str:
    said = validation.plain_text(text or "").strip(" .!,")
    said = _RELAYED_UNSURE.sub("not sure", _RELAYED.sub("", said))
    return _EMPHASIS.sub("every", said)


def skipped(text: Any) -> bool:
    """Whether the message declines or cannot answer the question: "skip", "rather not say", "not sure"."""
    return bool(_SKIP.match(_said(text)))


def _first_words(said: str) -> str | None:
    """"unsure" for a skip, "yes" or "no" when the (normalised) answer opens with one; else None."""
    if skipped(said):
        return UNSURE
    if _LEADING_YES.match(said):
        return "yes"
    return "no" if _LEADING_NO.match(said) else None


def yes_no(text: Any) -> str | None:
    """"yes", "no" or "unsure", reading an answer with its reason by its first words ("no, my roommates
    use every day" is a no, whatever follows); None when it says neither."""
    said = _said(text)
    answer = _first_words(said)
    if answer:
        return answer
    if _HEDGED.match(said):
        return UNSURE
    first_clause = re.split(r"[,.;!?]| because | but | since ", said, maxsplit=1)[0]
    concluded = _CONCLUDED.search(said)  # "i see my doc every 3 months. so no"
    return validation.yes_no(first_clause) or (
        concluded and ("no" if concluded.group(1) or concluded.group(3) else "yes"))


#: the person answering names themself with someone else ("me and his abuela"), or says family would gladly
#: join ("they'd jump at the chance"); "me" alone is read by ``asker_named`` (who asks decides what it means)
_WILLING_OR_ME = re.compile(r"^me and\b|\band me$|\b(?:jump at|would love|happy to|glad to|willing to)\b")
_ME_ALONE = re.compile(r"^(?:me|us|we do|i do|me too|i am|i will)[.!]*$")


def asker_named(text: Any) -> bool:
    """Whether the answer is only "me" / "us": support from the person asking, when they ask for someone
    else (for themself, "me" alone says there is nobody else)."""
    return bool(_ME_ALONE.match(_said(text)))


def support(text: Any) -> str | None:
    """The support and family questions: a named supporter ("my wife", "my sister kind of", "me and his
    abuela") or a willing "they'd jump at the chance" is a yes, "nobody" a no."""
    said = _said(text)
    if _NOBODY.search(said):
        return "no"
    answer = yes_no(said)
    if answer is None and (SUPPORTERS.search(said) or _WILLING_OR_ME.search(said)):
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
_DRINKING_SCALE: Scale = ((_NEVER, 0), (_DAILY, 4), (_FEW_A_WEEK, 3), (_WEEKLY, 2), (_RARELY, 1),
                          (_FEW_A_MONTH, 2), (_MONTHLY, 1))
#: AUDIT-C item 3 (six or more drinks on one occasion): never 0, less than monthly 1, monthly 2,
#: weekly 3, daily or almost daily 4
_HEAVY_DRINKING_SCALE: Scale = ((_NEVER, 0), (_DAILY, 4), (_FEW_A_WEEK, 3), (_WEEKLY, 3), (_RARELY, 1),
                                (_FEW_A_MONTH, 2), (_MONTHLY, 2))


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
    (re.compile(r"^(?:not at all|never|no|nope|none|not really|not rly|nah|0|zero|nunca|hardly at all|hardly ever)\b|"
                r"\bnot at all\b"), 0),
    (re.compile(r"\b(?:nearly|almost) (?:every|all)|every ?day|everyday|daily|all the time|constantly|"
                r"all day|every single day|casi todos los d[ií]as|todos los d[ií]as\b"), 3),
    (re.compile(r"\b(?:more than half|over half|most days|most of the (?:time|days)|a lot|often|usually|"
                r"majority|more days than not|(?:like |about |around )?half|mas de la mitad|más de la mitad)\b"), 2),
    (re.compile(r"^(?:several|some|a few|few)$|"
                r"\b(?:several days|some days|a few days|few days|(?:a )?couple (?:of )?days|sometimes|"
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
    one_word = [phrase for phrase in phrases if " " not in phrase]  # "insurance" is no misspelt "va insurance"
    words = re.findall(r"[a-z0-9']+", _said(text))
    found: list[str] = []
    for size in (3, 2, 1):
        for start in range(len(words) - size + 1):
            piece = " ".join(words[start:start + size])
            match = phrases.get(piece)
            if match is None and size == 1 and len(piece) >= _MIN_FUZZY_LENGTH:
                close = difflib.get_close_matches(piece, one_word, n=1, cutoff=SPELLING_CUTOFF)
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


_AGE_WORDS: tuple[tuple[re.Pattern[str], str], ...] = (
    (re.compile(r"\b(?:under ?18|minor|teen|teens|teenager|teenage|adolescent|high ?school|middle ?school|"
                r"(?:9|10|11|12)th grade|(?:freshman|sophomore|junior|senior) in high school|menor)\b"), "under_18"),
    (re.compile(r"\b(?:over ?65|65 ?\+|65 or older|senior citizen|elderly|retired|retiree|older adult|"
                r"seventies|eighties|nineties|(?:70|80|90)'?s)\b"), "65_plus"),
    (re.compile(r"\b(?:early twenties|college (?:age|student)|young adult|(?:18|19|20|21|22|23|24|25)ish)\b"), "18_25"),
    (re.compile(r"\b(?:late twenties|thirties|forties|fifties|(?:30|40|50)'?s|middle[- ]aged|adult)\b"), "26_64"),
)
#: an age said in passing, unmistakably: "16 years old", "my 16 yo", "he's 17", "i'm 45", "aged 70"
_AGE_IN_PASSING = re.compile(
    r"\b(\d{1,2})[ -]?(?:years?[ -]old|yrs?[ -]old|year-old|yo|y/o|y\.o\.)|"
    r"\b(i'?m|im|i am|he'?s|she'?s|they'?re|he is|she is|they are|aged?|turned|turning)\s+(\d{1,2})\b(?!\s*(?:%|days?|"
    r"weeks?|months?|hours?|mins?|minutes?|miles?|times|drinks?|beers?|pills?|mg|am|pm|o'?clock))"
)


def age_band_of(age: float) -> str | None:
    """The band of an age in years: under 18, 18-25, 26-64, 65 and over; None outside 5-110."""
    if not 5 <= age <= 110:
        return None
    return "under_18" if age < 18 else "18_25" if age <= 25 else "26_64" if age < 65 else "65_plus"


def age_band(text: Any) -> str | None:
    """The age question: a number ("17", "he's 16", "sixty-eight") or words ("a teenager", "retired",
    "in her seventies") as an age band."""
    said = _said(text)
    if said in AGE_BANDS:
        return said
    numbers = [n for n in validation.numbers_in(_OTHER_UNITS.sub(" ", said.replace("years old", "")))
               if age_band_of(n)]
    if numbers:
        return age_band_of(numbers[0])
    return next((band for pattern, band in _AGE_WORDS if pattern.search(said)), None)


def age_in_passing(text: Any, *, for_self: bool = True) -> str | None:
    """An age band said unmistakably in a message ("my 16 yo son", "she's 70"), or None. Someone
    asking for another person may give their own age ("i'm 45"): that one is not theirs."""
    for match in _AGE_IN_PASSING.finditer(_said(text)):
        first_person = bool(match.group(2)) and re.match(r"i'?m|im|i am", match.group(2)) is not None
        if for_self or not first_person:
            return age_band_of(float(match.group(1) or match.group(3)))
    return None


def who_for(text: Any) -> str | None:
    """"For you or someone else?" in words: "me", "myself", "Me. I'm a vet." -> self; "my son", "the
    caller", "a friend of mine" -> loved_one; None when it says neither."""
    said = _said(text)
    if re.match(r"(?:me|myself|for me|just me|it'?s me|its me|mine|yo|para m[ií])\b", said):
        return "self"
    if SUPPORTERS.search(said) or re.search(
            r"\b(?:someone|somebody|some one|caller|client|patient|loved one|him|her|them|para (?:mi|un|una))\b", said):
        return "loved_one"
    return "self" if re.match(r"(?:i am|i'?m|im)\b", said) else None


#: the words between two parts of an answer about several substances ("weed daily, but beer on weekends")
_CLAUSES = re.compile(r"[,;.]| and | but | plus | also | then | while | whereas | y | pero ")


def frequency_by_substance(text: Any, substances: Any) -> dict[str, str]:
    """How often each named substance is used, from an answer that says it per substance ("weed every
    day, drinking only on weekends" -> cannabis daily, alcohol weekly). A frequency with no substance in
    its part of the answer belongs to the substance just named, or, said first, to the next one named.
    Empty when the answer ties no frequency to a substance of ``substances``."""
    named = set(substances or ())
    found: dict[str, str] = {}
    pending: str | None = None  # a frequency said before its substance ("every day i smoke weed")
    last: list[str] = []
    for part in _CLAUSES.split(_said(text)):
        here = [value for value in named_values("substance", part) if value in named]
        code = validation.frequency(part)
        code = code if code in validation.FREQUENCY_CODES else None
        if here:
            for value in here:
                found.setdefault(value, code or pending or "")
            pending, last = None, here
        elif code:
            for value in last:
                if not found.get(value):
                    found[value] = code
            pending = None if last else code
    return {value: code for value, code in found.items() if code}


#: severe psychiatric symptoms now (iop-facts.md: psychosis, a higher level of care)
_SEVERE_SIGNS = re.compile(
    r"\b(?:psychos[ie]s|psychotic|hearing (?:voices|things)|hears voices|seeing things|sees things|hallucinat\w*|"
    r"paranoi[ad]\w*|manic|mania|schizo\w*|delusion\w*|thinks (?:people|everyone|they|the \w+) (?:are|is) "
    r"(?:after|watching|following|poisoning)|(?:not|hasn'?t|haven'?t) slept (?:in|for) days)\b"
)


def severe_psychiatric_signs(text: Any) -> bool:
    """Whether a mental-health answer describes psychosis or mania now ("hearing voices", "manic")."""
    return bool(_SEVERE_SIGNS.search(_said(text)))


#: times of day or week, or time to spare ("whenever", "retired"): an answer to "could you fit that in, and
#: when?" that names one is a yes
_TIMES = re.compile(r"\b(?:mornings?|daytime|days|afternoons?|evenings?|nights|weekends?|after (?:work|school)|"
                    r"any ?time|lunch ?time|whenever|after that|after \d{1,2}(?::\d\d)?|early in the day|"
                    r"during the day|in the day|retired)\b")

#: words that say treatment happened ("she saw a therapist once", "he did 30 days at a rehab")
_TREATMENT = re.compile(
    r"\b(?:therap(?:ist|y)|counsel(?:l?or|ing)|rehab|detox|treatment|program|programme|iop|php|inpatient|"
    r"residential|hospital|psych ward|aa|na|meetings|methadone|suboxone|sober living|halfway house|outpatient|"
    r"psychiatrist|clinic|12[ -]?step|smart recovery|classes|dui school)\b"
)
_LEFT_EARLY = re.compile(r"\b(?:ama|against (?:medical )?advice|left early|walked out|ran away|only lasted|"
                         r"checked (?:myself|himself|herself|themselves) out|didn'?t finish|did not finish|"
                         r"never finished|kicked out)\b")
_LEFT_CARE = re.compile(r"\b(?:got out|just out|out of|left|discharged|released|finished|completed|came home|"
                        r"graduated)\b")


_UNSAFE_HOME = re.compile(
    r"\b(?:not safe|unsafe|isn'?t safe|fight|fights|fighting|abus\w*|violen\w*|hits?|beat|dealer|deals)\b"
)
_USE_AT_HOME = re.compile(
    r"\b(?:use|uses|using|drink|drinks|drinking|smoke|smokes|party|parties)\b.{0,25}"
    r"\b(?:at home|there|in the house|all the time)\b|\bdrugs (?:in|at|all over|everywhere)\b"
)
_SAFE_HOME = re.compile(
    r"\b(?:lives? alone|live by myself|no one (?:else )?(?:uses|drinks)|nobody (?:else )?(?:uses|drinks)|"
    r"sober (?:house|home|living)|clean house|dry house|it'?s safe|its safe|pretty safe|safe enough)\b|^mostly\b"
)
#: the people at home use ("staying w my cousin, he uses too"), or the drink is always there ("his beer is
#: always in the fridge")
_OTHERS_USE = re.compile(
    r"\b(?:he|she|they|roommates?|everyone|everybody) (?:uses|drinks|smokes|use|drink|smoke|parties)(?: \w+)? "
    r"(?:too|also|a lot|every ?day|all the time|daily)\b|"
    r"\b(?:beer|booze|alcohol|liquor|wine|drugs|weed) (?:is|are) (?:always|everywhere|all over)|\bin the fridge\b"
)
#: the others at home don't use ("she doesnt even drink", "my mom doesn't use anything")
_OTHERS_SOBER = re.compile(
    r"\b(?:he|she|they|nobody|no one|mom|dad|wife|husband) (?:doesn'?t|dont|don'?t|does not|do not|never) "
    r"(?:even )?(?:drink|drinks|use|uses|smoke|smokes|touch)\b"
)
#: "no drugs there", "no alcohol or drugs at home": a yes to "free of alcohol and drugs?", whatever the first word
_NOTHING_AT_HOME = re.compile(
    r"\bno (?:drugs|alcohol|booze|liquor|drinking|using)(?: or (?:drugs|alcohol|booze|drinking))? "
    r"(?:there|in the house|in the home|at home|at the house|around)\b"
)
_MINOR_CONDITION = re.compile(r"\b(?:nothing serious|not serious|nothing (?:like that|close|major)|routine|"
                              r"that'?s it|thats it|that'?s all|thats all|undetectable|"
                              r"nothing (?:his|her|my|the|their) (?:doctor|doc)|"
                              r"under control|minor|(?:well |its |it's |is )?(?:controlled|managed)|stable|"
                              r"just (?:takes?|on) (?:a |his |her |my )?(?:pill|pills|meds|medication))\b")
_UNCONTROLLED = re.compile(r"\b(?:(?:not|isn'?t|poorly|badly|barely) (?:well |really )?(?:controlled|managed)|"
                           r"out of control|uncontrolled|unstable)\b")
_LESS_THAN_IOP = re.compile(r"\b(?:once a week|one (?:day|time|session|night|evening) a week|an hour a week|"
                            r"too much|can'?t|cannot|no way|not (?:9|nine) hours)\b")


def _yes_no_or_described(said: str, *signs: re.Pattern[str]) -> str | None:
    """yes/no by the answer's words, else a yes when it describes the thing asked (every one of
    ``signs`` found in it), else None."""
    return yes_no(said) or ("yes" if all(sign.search(said) for sign in signs) else None)


def home_safe(text: Any) -> str | None:
    """"Is home safe and mostly free of alcohol and drugs?": "no drugs there" is a yes; else yes/no by its
    first words, else use or fights at home described as a no, living alone or a sober house as a yes."""
    said = _said(text)
    if _NOTHING_AT_HOME.search(said) and not _UNSAFE_HOME.search(said):
        return "yes"
    answer = _first_words(said)
    if answer:
        return answer
    if _UNSAFE_HOME.search(said) or _OTHERS_USE.search(said):
        return "no"
    if _SAFE_HOME.search(said) or _OTHERS_SOBER.search(said):
        return "yes"
    return "no" if _USE_AT_HOME.search(said) else yes_no(said)


def medical_watch(text: Any) -> str | None:
    """"A health condition a doctor must watch closely?": a condition said to be minor or routine is a no."""
    said = _said(text)
    if _UNCONTROLLED.search(said):
        return "yes"
    return "no" if _MINOR_CONDITION.search(said) else yes_no(said)


def fits_iop_hours(text: Any) -> str | None:
    """"Could you fit about 9 hours a week in, and when?": "once a week maybe" or "too much" is a no,
    a time named ("evenings would work") a yes."""
    said = _said(text)
    return "no" if _LESS_THAN_IOP.search(said) else _yes_no_or_described(said, _TIMES)


def had_treatment(text: Any) -> str | None:
    """"Have you had treatment before?": yes/no, or a treatment named ("she saw a therapist once") as a yes."""
    return _yes_no_or_described(_said(text), _TREATMENT)


_WITHDRAWAL_SIGNS = re.compile(
    r"\b(?:shak(?:y|es|ing|en)|tremors?|seizures?|seized|fits?|dts|d\.t\.s|delirium|hallucinat\w*|"
    r"(?:seeing|saw|hearing|heard) things|confused|confusion|withdraw\w*|withdrawl\w*)\b"
)
_DENIED = re.compile(r"\b(?:never|no|not|n't|didn'?t|wasn'?t|without|none|nothing)\b")


#: the dangerous signs denied ("no seizures", "he knew where he was"): the question asks about those alone
_NOT_DANGEROUS = re.compile(
    r"\b(?:no (?:seizures?|dts|hallucinations?)|(?:knew|knows) where (?:he|she|i|they) (?:was|were))\b")


def withdrawal_seen(text: Any) -> str | None:
    """"When they stopped before, did they have seizures, hallucinations, DTs?": yes/no, or such signs
    described ("got really shaky and confused in the hospital") as a yes, unless something is denied."""
    said = _said(text)
    if _NOT_DANGEROUS.search(said):
        return "no"  # "sweating, throwing up ... no seizures, he knew where he was": not the dangerous kind
    return yes_no(said) or ("yes" if _WITHDRAWAL_SIGNS.search(said) and not _DENIED.search(said) else None)


def left_care(text: Any) -> str | None:
    """"Did you recently leave a hospital, detox or residential program?": yes/no, or leaving care
    described ("got out of rehab last week") as a yes; care left before it was finished ("left detox
    after 2 days AMA") is "not sure": a step down needs a stay completed."""
    said = _said(text)
    if _LEFT_EARLY.search(said):
        return UNSURE
    return _yes_no_or_described(said, _LEFT_CARE, _TREATMENT)


YES_NO_SLOTS = ("withdrawal_history", "recent_discharge", "prior_treatment", "medical_monitoring", "home_safe",
                "can_commit_hours")
#: the questions answered yes / no / not sure, whose readers know "probably not" from "probably"
YES_NO_READERS = frozenset({*YES_NO_SLOTS, "has_support", "family_involvement"})

#: the questions about the people around the person ("me" answers them when asking for someone else)
SUPPORT_SLOTS = ("has_support", "family_involvement")
#: the reader of each question answered by typing; the forms use it when no button or entity answered
READERS: dict[str, Callable[[Any], Any]] = {
    "age_band": age_band,
    "daily_substances": lambda text: named_values("substance", text) or (
        ["none"] if re.search(r"\b(?:none|neither|no one|nothing)\b", _said(text)) or yes_no(text) == "no" else
        ["all"] if re.search(r"\b(?:all|both|each|every one|everything)\b", _said(text)) else None),
    **dict.fromkeys(YES_NO_SLOTS, yes_no),
    "has_support": support,
    "family_involvement": support,
    "can_commit_hours": fits_iop_hours,
    "home_safe": home_safe,
    "medical_monitoring": medical_watch,
    "payment": lambda text: named_values("payment", text) or None,
    "prior_treatment": had_treatment,
    "withdrawal_history": withdrawal_seen,
    "recent_discharge": left_care,
    "audit_c_1": _scored(drinking_frequency),
    "audit_c_2": _scored(drinks_per_day),
    "audit_c_3": _scored(heavy_drinking_frequency),
    "phq2_1": _scored(phq2_frequency),
    "phq2_2": _scored(phq2_frequency),
    "substances": lambda text: named_values("substance", text) or None,
    "mental_health": lambda text: named_values("condition", text) or (
        ["co_occurring"] if severe_psychiatric_signs(text) else ["none"] if yes_no(text) == "no" else None),
    # "anything else?": whatever is said answers it (what it names is read by the entity mappings)
    "extras_asked": lambda text: True,
    "readiness": lambda text: float(n) if (n := validation.readiness(text)) is not None else None,
}

#: what a skipped or twice-misunderstood question keeps (questions not listed cannot be skipped: the place)
SKIP_VALUES: dict[str, Any] = {
    **dict.fromkeys(YES_NO_READERS, UNSURE),
    **dict.fromkeys(("audit_c_1", "audit_c_2", "audit_c_3", "phq2_1", "phq2_2", "readiness"), SKIPPED_SCORE),
    "substances": [UNSURE], "mental_health": [UNSURE], "use_frequency": UNSURE,
    "age_band": UNSURE, "daily_substances": [UNSURE],
    "schedule": ["any"], "payment": ["any"], "extras_asked": True,
}


#: after this many answers in a row that a question cannot read, it is left as "not sure"
MISSES_BEFORE_MOVING_ON = 2
#: a question asked this many times in a row (asides, questions of one's own, crises in between) is
#: left with its skip value, whatever came between: no loop
ASKS_BEFORE_MOVING_ON = 4
_QUESTION_START = re.compile(
    r"^(?:what|whats|what's|how|can|could|will|would|is|are|am|should|why|where|who|which|"
    r"if|any ?one know|qu[eé]|c[oó]mo|puedo|es|"
    # "when she was in the hospital she got shaky" tells, "when do groups meet" asks
    r"when\s+(?:do|does|did|is|are|can|could|will|would|should|was it|were)|"
    # "did outpatient in 2016" tells, "did they ..." asks
    r"(?:do|does|did)\s+(?:i|you|u|ya|they|we|he|she|it|my|your|their|the|a|an|any|iops?|programs?|insurance|"
    r"medicaid|medicare|people|this|that|these|those))\b"
)


def asks_something(text: Any) -> bool:
    """Whether a message is a question of one's own: it ends with "?" or opens like one ("will i lose my
    job if i go", "if i stop drinking will i get the shakes")."""
    raw = str(text or "").strip()
    return raw.endswith("?") or bool(_QUESTION_START.match(_said(raw)))


#: intents the classifier may give an answer in words ("did na meetings a while back" as "continue"):
#: such a message answers the question when its reader reads it; a crisis, asking for a person and
#: starting over never do
ANSWER_IF_READ = frozenset({"continue", "search_programmes", "show_more", "further_away", "programme_details",
                            "refine", "bot_challenge", "goodbye"})


def _statements(text: str) -> str:
    """The sentences of ``text`` that are not questions."""
    return " ".join(part for part in re.split(r"(?<=[.!?])\s+", text.strip()) if part and not part.endswith("?"))


def answering(text: Any, intent: str | None, slot: str | None = None) -> bool:
    """Whether a message may be read as the answer to the question asked (``validation.typed_answer``:
    typed words, not a crisis or a request), where a message the classifier took for a question
    ("faq") still answers when it asks nothing ("yes, he had the DTs last time he quit"), and one it
    took for a request (``ANSWER_IF_READ``) answers when the question ``slot``'s reader reads it."""
    if intent == "faq" and isinstance(text, str) and (not text.rstrip().endswith("?") or (
            slot and read_answer(slot, _statements(text)) is not None)):
        intent = None  # asks nothing, or answers before it asks ("she has no insurance. anything cheap?")
    typed = validation.typed_answer(text, None)
    if intent in ANSWER_IF_READ and slot and typed and read_answer(slot, typed) is not None:
        intent = None
    return validation.typed_answer(text, intent) is not None


#: the group of one's own age ("people my age", "people her age"), by age band
PEER_POPULATIONS = {band: population for band, (population, _) in AGE_POPULATIONS.items()}
_PEERS = re.compile(r"\b(?:(?:my|her|his|their|our) (?:own )?age|same age|peers|age group)\b")
_KEPT_AWAY = re.compile(r"\b(?:no|not|without|can'?t|cannot|away from|don'?t|dont|never|no more)\b")


def populations_asked(text: Any, age_band: Any = None) -> list[str]:
    """The groups an answer asks a programme to be for: the groups named, except those it keeps away
    ("women only please, i can't be around men": women), and people of the person's own age ("people
    her age" for someone 65 or older: seniors)."""
    wanted: list[str] = []
    for clause in _CLAUSES.split(_said(text)):
        if not _KEPT_AWAY.search(clause):
            wanted += named_values("population", clause)
        if _PEERS.search(clause) and age_band in PEER_POPULATIONS:
            wanted.append(PEER_POPULATIONS[str(age_band)])
    return list(dict.fromkeys(wanted))


def read_answer(slot: str, text: Any) -> Any:
    """The value ``text`` gives the question ``slot``, or None when it does not answer it."""
    if skipped(text) and slot in SKIP_VALUES:
        return SKIP_VALUES[slot]
    reader = READERS.get(slot)
    return reader(text) if reader else None


_DRINK_WORDS = re.compile(r"\b(?:drink|drinks|drinking|beer|beers|wine|vodka|whiskey|liquor|booze|alcohol|"
                          r"shots?|tequila|rum|gin|seltzers?)\b")


def first_drinking_frequency(use_frequency: Any, substances: Any) -> float | None:
    """AUDIT-C item 1 already answered by the frequency answer, when alcohol is the only substance or
    the answer names a drink ("mostly beer, every day"); None otherwise, and the item is asked. When
    the answer says it per substance ("weed every day, beer on weekends"), the drinking part counts."""
    said = _said(use_frequency)
    if list(substances or ()) != ["alcohol"] and not _DRINK_WORDS.search(said):
        return None
    drinking_parts = [part for part in _CLAUSES.split(said) if _DRINK_WORDS.search(part)]
    score = next((score for part in drinking_parts if (score := drinking_frequency(part)) is not None), None)
    if score is None and len(named_values("substance", said)) <= 1:
        score = drinking_frequency(said)
    return float(score) if score is not None else None
