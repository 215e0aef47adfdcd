"""Find a "City, ST" place in a message (pure), for when the entity extractor misses or cuts it.

DIET learns place names from examples and misses some: in "IOPs near New York, NY" every word is
also a state name, and it found no place at all; in "Kansas City, MO" it kept "Kansas City" and
dropped the state that tells the two apart. A place written the usual way, a city then a comma
then a state (its two capital letters, or its name in any case), is found here from the text.
"""

from __future__ import annotations

import re
from typing import Any

import us

_STATES = (*us.states.STATES, us.states.DC, us.states.PR)
_ABBREVIATIONS = "|".join(sorted(state.abbr for state in _STATES))
_NAMES = "|".join(sorted((re.escape(state.name) for state in _STATES), key=len, reverse=True))
#: ", ST" (capitals only: "in", "or", "me" are words) or ", State name" (any case)
_STATE_AFTER_COMMA = re.compile(rf",\s*(?P<state>\b(?:{_ABBREVIATIONS})\b|(?i:\b(?:{_NAMES})\b))")
#: words that end a city name when reading backwards from the comma
_BEFORE_CITY = frozenset({
    "near", "in", "around", "by", "for", "to", "from", "at", "of", "outside", "within", "close", "the", "a", "an",
    "i", "we", "you", "he", "she", "they", "live", "lives", "living", "me", "my", "our", "is", "am", "are", "be",
    "was", "im", "and", "or", "but", "find", "need", "want", "looking", "iop", "iops", "program", "programs",
})
_MAX_CITY_WORDS = 4


def place_in_text(text: Any) -> str | None:
    """The first "City, ST" or "City, State" in ``text``, as written; None when there is none.

    "IOPs near New York, NY that take medicaid" -> "New York, NY";
    "i live in albany, new york" -> "albany, new york".
    """
    text = str(text or "")
    for match in _STATE_AFTER_COMMA.finditer(text):
        clause = re.split(r"[,;:!?()\n]", text[:match.start()])[-1]
        city: list[str] = []
        for word in reversed(clause.split()):
            if word.lower() in _BEFORE_CITY or len(city) == _MAX_CITY_WORDS or not re.search(r"[a-z]", word, re.I):
                break
            city.insert(0, word)
        if city:
            return f"{' '.join(city)}, {match['state']}"
    return None


def place_with_state(place: str, message: Any) -> str:
    """``place`` completed from the message it came from: the message's "City, ST" when ``place`` is
    its start ("Kansas City" in "near Kansas City, MO") or the whole message ("I live in Albany,
    New York"); otherwise ``place`` unchanged."""
    named = place_in_text(message)
    if not named:
        return place
    whole_message = place.strip().lower() == str(message).strip().lower()
    return named if not place or whole_message or named.lower().startswith(place.strip().lower()) else place


def read_as_another_name(typed: str, label: str) -> bool:
    """Whether a place typed in words was read as a city of another spelling ("raliegh nc" as
    "Raleigh, NC"), to be said back; a ZIP code or the city's own name is not."""
    parts = label.split(",")
    city = parts[-2 if len(parts) > 1 else 0].strip().lower()  # "Kensington, Philadelphia, PA": Philadelphia
    said = " ".join(typed.lower().replace(",", " ").split())
    return not any(char.isdigit() for char in said) and city not in said
