"""The rules of talking by SMS, as pure functions (no Rasa import).

* ``to_gsm7``: only characters of the GSM-7 basic set, so no message is sent as UCS-2 (which would
  cut a segment from 160 to 70 characters and mangle on some phones).
* ``split_sms``: parts of at most 320 characters, cut at paragraph, line, sentence or word ends.
* ``numbered_choices`` / ``pick``: buttons become "Reply 1 for ..., 2 for ..."; the reply (a number
  or a button's title) becomes that button's payload.
* ``keyword``: HELP, STOP and START as Twilio understands them.
* ``results_command``: after a list of results (which has no buttons by SMS) MORE, FURTHER and a
  number become the results intents.
* ``render_turn``: the bot's messages of one turn as the SMS parts to send (a crisis reply alone, first).
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any, Literal

from actions.crisis import is_crisis_reply

SMS_LIMIT = 320
"""The longest message sent: Twilio's advice for deliverability (longer bodies are cut by some carriers)."""

#: GSM 03.38 basic character set (without the escape to the extension table).
GSM7_BASIC = frozenset(
    "@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !\"#¤%&'()*+,-./0123456789:;<=>?"
    "¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà"
)
#: What ``to_gsm7`` writes: the plain-ASCII part of the basic set and new lines (readable on any phone).
SAFE = frozenset(c for c in GSM7_BASIC if c == "\n" or " " <= c <= "~")

_REPLACEMENTS = {
    **dict.fromkeys("‘’‚‛′`´", "'"),
    **dict.fromkeys("“”„‟″«»", '"'),
    **dict.fromkeys("‐‑‒–—―−~", "-"),
    **dict.fromkeys("\u00a0\u2007\u2009\u200a\u202f\t", " "),
    **dict.fromkeys("•·", "*"),
    "…": "...", "[": "(", "]": ")", "{": "(", "}": ")", "|": "/", "\\": "/", "^": "",
    "€": "EUR", "×": "x", "½": "1/2", "¼": "1/4", "©": "(c)", "\r\n": "\n", "\r": "\n",
}
_REPLACEMENT = re.compile("|".join(re.escape(key) for key in sorted(_REPLACEMENTS, key=len, reverse=True)))

HELP_KEYWORDS = frozenset({"help", "info"})
#: Twilio's opt-out and opt-in keywords (a message that is only the word, any case).
STOP_KEYWORDS = frozenset({"stop", "stopall", "unsubscribe", "cancel", "end", "quit"})
START_KEYWORDS = frozenset({"start", "unstop", "yes"})

#: Responses that list results or a programme: after them MORE, FURTHER and a number mean something.
RESULT_RESPONSES = frozenset({
    "utter_result", "utter_results_next", "utter_programme_details", "utter_which_programme",
    "utter_no_more_results", "utter_results_wider", "utter_results_next_last",
})
SHOW_MORE, FURTHER_AWAY = "/show_more", "/further_away"
_MORE = frozenset({"more", "show more", "more please", "next"})
_FURTHER = frozenset({"further", "further away", "farther", "farther away"})
_ORDINAL = re.compile(r"(?:details?|info|about|number|no)?\s*#?\s*(\d{1,2})\s*[.)]?")
_NUMBER = re.compile(r"#?\s*(\d{1,2})\s*[.)]?")

Keyword = Literal["help", "stop", "start"]
Button = Mapping[str, Any]


def to_gsm7(text: str) -> str:
    """``text`` in GSM-7 safe ASCII: typographic quotes, dashes and ellipses made plain, accents
    dropped from letters, anything else (emoji, symbols, other scripts) left out; spaces tidied."""
    text = _replace(unicodedata.normalize("NFKD", _replace(text)))
    text = "".join(char for char in text if char in SAFE)
    text = re.sub(r" {2,}", " ", text)
    text = re.sub(r" *\n *", "\n", text)
    return re.sub(r"\n{3,}", "\n\n", text).strip()


def _replace(text: str) -> str:
    return _REPLACEMENT.sub(lambda found: _REPLACEMENTS[found.group()], text)


#: Where a part may end, best first: a paragraph, a line, a sentence (or a colon), a word.
_BOUNDARIES = (re.compile(r"\n{2,}"), re.compile(r"\n"), re.compile(r"(?<=[.!?:;])\s+"), re.compile(r"\s+"))


def split_sms(text: str, limit: int = SMS_LIMIT) -> list[str]:
    """``text`` in parts of at most ``limit`` characters. Each part ends at the best boundary that
    keeps it at least half full (paragraph, then line, sentence, word); a word is cut only when it
    alone is longer than ``limit``."""
    if limit < 1:
        raise ValueError("limit must be positive")
    parts = []
    text = text.strip()
    while len(text) > limit:
        cut = _cut(text, limit)
        parts.append(text[:cut].rstrip())
        text = text[cut:].lstrip()
    return [*parts, text] if text else parts


def _cut(text: str, limit: int) -> int:
    window = text[:limit + 1]  # a boundary just after the limit still ends a full part
    for level, boundary in enumerate(_BOUNDARIES):
        least = 1 if level == len(_BOUNDARIES) - 1 else limit // 2
        ends = [found.start() for found in boundary.finditer(window) if least <= found.start() <= limit]
        if ends:
            return max(ends)
    return limit


def numbered_choices(text: str, buttons: Sequence[Button]) -> str:
    """The question and its buttons as one message: "<text>\\nReply 1 for <title>, 2 for <title>."."""
    titles = [str(button.get("title") or "").strip().rstrip(".") for button in buttons]
    if not titles:
        return text
    line = "Reply " + ", ".join(f"{number} for {title}" for number, title in enumerate(titles, 1)) + "."
    return f"{text.strip()}\n{line}" if text.strip() else line


def _normal(text: str) -> str:
    """Lower case, plain letters and digits, single spaces ("No, that's all" -> "no thats all")."""
    text = to_gsm7(text).lower().replace("'", "")
    return " ".join(re.sub(r"[^a-z0-9]+", " ", text).split())


def pick(reply: str, buttons: Sequence[Button]) -> str | None:
    """The payload ``reply`` chooses: a button's title (any case, punctuation ignored) or its number
    in the list ("2", "#2", "2."); None when it chooses none (then the words go to the bot as they are)."""
    wanted = _normal(reply)
    if not wanted:
        return None
    for button in buttons:
        if _normal(str(button.get("title") or "")) == wanted:
            return str(button.get("payload") or "") or None
    number = _NUMBER.fullmatch(reply.strip())
    if number and 1 <= int(number.group(1)) <= len(buttons):
        return str(buttons[int(number.group(1)) - 1].get("payload") or "") or None
    return None


def keyword(text: str) -> Keyword | None:
    """HELP, STOP or START when the message is only that word (any case, trailing . or ! allowed), as
    Twilio reads them: STOPALL, UNSUBSCRIBE, CANCEL, END and QUIT are STOP, UNSTOP and YES are START,
    INFO is HELP. The channel counts START only from someone who has stopped ("yes" is an answer)."""
    word = text.strip().rstrip(".!").strip().lower()
    if word in HELP_KEYWORDS:
        return "help"
    if word in STOP_KEYWORDS:
        return "stop"
    if word in START_KEYWORDS:
        return "start"
    return None


def results_command(reply: str) -> str | None:
    """After a list of results: MORE -> ``/show_more``, FURTHER -> ``/further_away``, "2" or
    "details 2" -> ``/programme_details{"ordinal":"2"}``; None for anything else."""
    words = _normal(reply)
    if words in _MORE:
        return SHOW_MORE
    if words in _FURTHER:
        return FURTHER_AWAY
    ordinal = _ORDINAL.fullmatch(words)
    if ordinal and int(ordinal.group(1)) >= 1:
        return f'/programme_details{{"ordinal":"{int(ordinal.group(1))}"}}'
    return None


def help_text(helpline: str) -> str:
    """The answer to HELP: what the service is and how to reach a person (under 320 characters)."""
    return (
        "IOP Finder helps you find an intensive outpatient program for alcohol, drug use or mental health. "
        f"It is not medical advice. To talk to a person, call {helpline}. "
        "In a crisis, call or text 988. In danger, call 911. Reply STOP to stop."
    )


@dataclass(frozen=True)
class Turn:
    """What one turn of the bot becomes by SMS, and what the person's next reply may refer to."""

    parts: list[str]
    buttons: tuple[Button, ...] = ()
    listed_results: bool = False


def render_turn(messages: Sequence[Mapping[str, Any]], limit: int = SMS_LIMIT) -> Turn:
    """The bot's messages of one turn (``text``, ``buttons``, ``utter_action``) as SMS parts: a crisis
    reply alone first (the number, in one message), then one body, the buttons of the last message
    that has some folded into a numbered list, GSM-7 safe, cut into parts of at most ``limit`` characters."""
    with_buttons = [index for index, message in enumerate(messages) if message.get("buttons")]
    last = with_buttons[-1] if with_buttons else None
    alone: list[str] = []
    paragraphs = []
    for index, message in enumerate(messages):
        text = str(message.get("text") or "").strip()
        if index == last:
            text = numbered_choices(text, message["buttons"])
        if text and is_crisis_reply(message.get("utter_action")):
            alone.append(text)
        elif text:
            paragraphs.append(text)
    return Turn(
        parts=[part for text in [*alone, "\n\n".join(paragraphs)] for part in split_sms(to_gsm7(text), limit)],
        buttons=tuple(messages[last]["buttons"]) if last is not None else (),
        listed_results=any(message.get("utter_action") in RESULT_RESPONSES for message in messages),
    )


def interpret(reply: str, buttons: Sequence[Button], listed_results: bool) -> str:
    """What to pass to the bot for ``reply``: the payload it picks among the last buttons, else the
    results command it names after a list of results, else the reply itself."""
    if buttons:
        return pick(reply, buttons) or reply
    if listed_results:
        return results_command(reply) or reply
    return reply
