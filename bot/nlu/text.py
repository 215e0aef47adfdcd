"""What the crisis detector and the NLU read: the message with invisible and look-alike characters undone (pure).

"I want to kill myself" written with a zero-width space, a soft hyphen, non-breaking spaces,
full-width letters, a Cyrillic "і" or a combining accent must read as those words. ``normalise``:

1. NFKC: full-width and other compatibility forms become the plain letters ("ｋｉｌｌ" -> "kill"),
   and every space-like character becomes a space;
2. removes format and control characters (Unicode categories Cf and Cc: zero-width spaces and
   joiners, the soft hyphen, byte-order marks, direction marks, NUL), but not line breaks;
3. removes combining marks that sit on a Latin letter ("kíll" -> "kill", "está" -> "esta",
   "tiếng việt" -> "tieng viet", as the lexicon also spells it), and keeps them in other scripts,
   where they are part of the letter (Hindi);
4. folds letters that look like Latin ones (Cyrillic "і", "о", Greek "ο" ...) to ASCII in a word
   that has Latin letters too, or whose every letter has a Latin look-alike: a Russian word such
   as "русский" stays as it is;
5. collapses runs of spaces (a line break stays one line break: it ends a sentence) and trims the ends.
"""

from __future__ import annotations

import re
import unicodedata

#: Cyrillic and Greek letters that look like a Latin letter (Unicode's confusables, the common ones)
LOOKALIKES: dict[str, str] = {
    **dict(zip("аеорсухіјѕԁһӏԛԝѵꙇкмтпгиԍ", "aeopcyxijsdhlqwvikmtnrug", strict=True)),
    **dict(zip("АВЕКМНОРСТХІЈЅУ", "ABEKMHOPCTXIJSY", strict=True)),
    **dict(zip("αοιυνκτρϲϳ", "aoiuvktpcj", strict=True)),
    **dict(zip("ΑΒΕΖΗΙΚΜΝΟΡΤΥΧ", "ABEZHIKMNOPTYX", strict=True)),
    "ı": "i", "ȷ": "j", "ɡ": "g", "ɑ": "a", "ℓ": "l",
}
_WORD = re.compile(r"\w+")
_SPACES = re.compile(r"[^\S\n]+")
_BREAKS = re.compile(r" ?\n[\s]*")
_LINE_SEPARATORS = str.maketrans({"\r": "\n", "\u2028": "\n", "\u2029": "\n", "\x85": "\n"})


def normalise(text: str) -> str:
    """``text`` as the detector and the NLU read it (see the module docstring)."""
    text = unicodedata.normalize("NFKC", text).translate(_LINE_SEPARATORS)
    text = "".join(char for char in text if char in "\n\t" or unicodedata.category(char) not in ("Cf", "Cc"))
    text = _drop_marks_on_latin(text)
    text = _WORD.sub(lambda word: _fold_lookalikes(word.group()), text)
    return _BREAKS.sub("\n", _SPACES.sub(" ", text)).strip()


def _drop_marks_on_latin(text: str) -> str:
    """Combining marks removed where their base letter is Latin (A-Z, a-z)."""
    kept: list[str] = []
    base = ""
    for char in unicodedata.normalize("NFD", text):
        if unicodedata.category(char) == "Mn":
            if not ("a" <= base.lower() <= "z"):
                kept.append(char)
            continue
        base = char
        kept.append(char)
    return unicodedata.normalize("NFC", "".join(kept))


def _fold_lookalikes(word: str) -> str:
    """A word's look-alike letters in ASCII, when the word mixes them with Latin letters or is made of them."""
    if not any(char in LOOKALIKES for char in word):
        return word
    has_latin = any(char.isascii() and char.isalpha() for char in word)
    all_lookalike = all(char in LOOKALIKES or not char.isalpha() or char.isascii() for char in word)
    if has_latin or all_lookalike:
        return "".join(LOOKALIKES.get(char, char) for char in word)
    return word
