"""Deterministic crisis detector: what in a message signals an emergency happening now, and why.

The assistant is not a crisis service, so any message that signals danger must get the right number
at once. This module is the explainable layer of that decision (`bot.nlu.crisis_layers` combines it
with the learned model, `bot.nlu.crisis_guard.CrisisGuard` puts both in the NLU pipeline); it has no
Rasa import. Its patterns and word lists are in `bot.nlu.crisis_patterns`.

Approach
--------
1. Tokenise with `spacy.blank("en")` and lemmatise with the lookup tables of spacy-lookups-data
   (no model download, no statistical parts). The tokenizer already splits "dont", "cant", "im"
   like "don't", "can't", "I'm". A message in capitals is read in lower case.
2. Normalise each token's lemma: lower case, then a small spelling table (`SPELLING`: "suicidle",
   "siezure", "od'd", "offing" ...) so that the patterns see one form per word; forms whose lower
   case is another word ("ODd", not "odd") are looked up as typed (`CASE_SENSITIVE_SPELLING`).
3. Match hand-written token patterns (`RULES`, on LEMMA and LOWER, English and Spanish) with a
   `spacy.matcher.Matcher`. Each rule names a kind and a strength:
   - ``intent``: a present wish or plan ("want to die", "going to hurt him"); history words do
     not cancel it, unless the wish itself is in the past ("I wanted to die last year");
   - ``event``: something happening ("overdosed", "not breathing", "he's hitting me");
   - ``topic``: a bare subject word ("suicidal", "overdose", "seizure").
   Helper rules mark context: drug use (turns "not breathing" into an overdose), withdrawal (turns
   "shaking" or "confused" into dangerous withdrawal), a young child or an accident (turns
   swallowed pills into poisoning), a wish or plan just before ("I'm going to" ... "kill him"),
   history ("last year", "in 2019", "when I was 17", "hace tres años").
4. Drop the matches whose rule lacks its context, cue or large enough number, keep the longest of
   overlapping ones, then cancel a match, and say why, when
   - a negator ("not", "n't", "never", "no", "zero", "denies") stands before it, joined only by
     little words ("I don't really want to kill myself", "never had withdrawal seizures"); any
     other word, punctuation, or a contrast word ("but") ends the look-back, so "I'm not suicidal
     but I want to die" still triggers;
   - a rule-specific neighbour shows an idiom ("asset seizure", "cut myself shaving", "10 kms"),
     or a longer idiom rule covers it ("killing myself with this drinking");
   - it is conditional or hypothetical ("if he overdoses", "asked if I'm suicidal", "what should
     I do if"), unless its clause says "now";
   - it jokes about hurting someone ("gonna kill him lol"), unless it says it is not joking;
   - (event and topic, and a wish in the past) its sentence talks about the past ("he had a
     seizure last year") with no present cue ("now", "again", "still") in its clause;
   - (topic, and events that need a context) it sits in an informational question ("what is an
     overdose?", "how do I spot self-harm in students?"), but not in "is it normal to ...".
5. Of the kinds left, return the most urgent (`PRIORITY`, `actions.crisis.CRISIS_KINDS`), with the
   signals behind the answer (`RulesFinding.signals`): what was found, what was cancelled and why,
   which contexts were present. The learned model reads those signals too.

Limits
------
It is a list of phrasings, not understanding: new slang, heavy misspelling, sarcasm and implications
beyond the warning signs it lists are missed (on an independent held-out set it catches about 70%
of crises alone; the learned model catches most of the rest, bench/RESULTS.md). Tense is read from
words, not parsed, so "he had a seizure" with no time word counts as now (erring towards help).
Ambiguous idioms are excluded one by one, so an unusual idiom can still raise a false alarm.
"""

from __future__ import annotations

import itertools
import threading
from collections.abc import Iterator
from dataclasses import dataclass

import spacy
from spacy.language import Language
from spacy.matcher import Matcher
from spacy.tokens import Doc

from bot.nlu.crisis_patterns import (
    _MACROS,
    BODY_KINDS,
    BRIDGE,
    CASE_SENSITIVE_SPELLING,
    CONDITIONAL_BRIDGE,
    CONDITIONAL_KINDS,
    CONDITIONALS,
    HISTORY,
    HOW_TO_QUESTIONS,
    HYPOTHETICALS,
    IDIOM,
    INTENT_CUE,
    JOKE_KINDS,
    JOKES,
    NEGATORS,
    NORMAL_QUESTIONS,
    NOT_JOKING,
    NUMBER_WORDS,
    PAST_FORMS,
    PERSON_WORDS,
    PRESENT_CUES,
    PRIORITY,
    QUESTION_STARTS,
    RULES,
    SENTENCE_ENDS,
    SKIP_AFTER,
    SKIP_BEFORE,
    SOMEDAY,
    SPELLING,
    WHAT_TO_DO,
    WHOLE_MESSAGE_IDIOMS,
    Rule,
)


def _variants(word: str) -> tuple[str, ...]:
    """A word's variants: a macro's expansions, or a mix of lemma and "=exact" alternatives split in two."""
    if word in _MACROS:
        return _MACROS[word]
    suffix = "?" if word.endswith("?") and len(word) > 1 else ""
    alternatives = word.removesuffix(suffix).split("|")
    exact = [a for a in alternatives if a.startswith("=")]
    lemmas = [a for a in alternatives if not a.startswith("=")]
    if not exact or not lemmas:
        return (word,)
    return ("|".join(lemmas) + suffix, "|".join(exact) + suffix)


def _expand(pattern: str) -> Iterator[list[str]]:
    """Split a pattern string into words, expanding each word's variants (see `_variants`)."""
    words = [_variants(word) for word in pattern.split()]
    for choice in itertools.product(*words):
        yield " ".join(choice).split()


def _token_spec(word: str) -> dict:
    """One pattern word -> a Matcher token spec (see the DSL in `_compile`)."""
    if word == "~":
        return {"LOWER": {"IN": ["just", "really", "simply", "honestly", "literally", "seriously", "kinda", "so",
                                 "finally", "even", "actually", "ever", "fucking", "totally"]}, "OP": "*"}
    spec: dict
    op = None
    if word.endswith("?") and len(word) > 1:
        word, op = word[:-1], "?"
    if word == "_":
        spec = {}
    elif word == "#":
        spec = {"LIKE_NUM": True}
    elif word == "%year":
        spec = {"TEXT": {"REGEX": r"^(?:(?:19|20)\d\d|'\d\d)$"}}
    elif word == "%decade":
        spec = {"TEXT": {"REGEX": r"^(?:(?:19|20)?\d0s|'\d0s)$"}}
    elif word.startswith("="):
        spec = {"LOWER": {"IN": [w.lstrip("=") for w in word.split("|")]}}
    else:
        spec = {"LEMMA": {"IN": word.split("|")}}
    if op:
        spec["OP"] = op
    return spec


def _compile(pattern: str) -> list[list[dict]]:
    """Pattern DSL: words separated by spaces; "a|b" lemma alternatives; "=a|=b" exact lower-case forms;
    a trailing "?" makes a word optional; "_" any token; "#" a number; "~" any run of intensifiers
    ("just", "really"); "@self" is "myself" (or "himself" ...) or "my self"."""
    return [[_token_spec(word) for word in words] for words in _expand(pattern)]


def _normalise(doc: Doc) -> None:
    """Set each token's lemma to its lower-case lemma, after the spelling tables."""
    for token in doc:
        token.lemma_ = CASE_SENSITIVE_SPELLING.get(token.text) or SPELLING.get(token.lower_) or token.lemma_.lower()


@dataclass(frozen=True)
class RulesFinding:
    """What the rules found: the most urgent kind (or None), whether crisis words were cancelled, and
    the signals behind it ("found_suicide_intent", "cancelled_negation", "context_drug_context" ...),
    which the learned model reads too."""

    kind: str | None
    signals: tuple[str, ...] = ()

    @property
    def cancelled(self) -> bool:
        """Whether crisis words were found and cancelled (negated, in the past, an idiom ...)."""
        return any(signal.startswith("cancelled_") for signal in self.signals)

    @property
    def intent(self) -> bool:
        """Whether the rules found a wish or plan (an "intent" pattern), not only an event or a topic."""
        return any(signal.startswith("found_") and signal.endswith("_intent") for signal in self.signals)


@dataclass(frozen=True)
class _Match:
    rule: Rule
    start: int
    end: int


class CrisisDetector:
    """Flags messages that signal an emergency happening now (see the module docstring)."""

    def __init__(self, nlp: Language | None = None) -> None:
        self._nlp = nlp or self._blank_pipeline()
        self._matcher = Matcher(self._nlp.vocab)
        for index, rule in enumerate(RULES):
            self._matcher.add(str(index), [spec for pattern in rule.patterns for spec in _compile(pattern)])

    @staticmethod
    def _blank_pipeline() -> Language:
        nlp = spacy.blank("en")
        nlp.add_pipe("lemmatizer", config={"mode": "lookup"})
        nlp.initialize()  # loads the lookup table from spacy-lookups-data; no download
        return nlp

    def detect(self, text: str) -> str | None:
        """The most urgent crisis kind the text signals, or None. Button payloads ("/...") are skipped."""
        return self.find(text).kind

    def find(self, text: str) -> RulesFinding:
        """The most urgent crisis kind the text signals (or None), and whether crisis words were
        found and cancelled (negated, in the past, an idiom, an informational question)."""
        if not text or not text.strip() or text.lstrip().startswith("/"):
            return RulesFinding(None)
        if _plain(text) in WHOLE_MESSAGE_IDIOMS:
            return RulesFinding(None, ("cancelled_idiom",))
        doc = self._nlp(text.lower() if text.isupper() else text)  # shouting tokenises like lower case
        _normalise(doc)
        sentence, clause = _sentence_ids(doc), _clause_ids(doc)
        crisis, context = self._matches(doc)
        present = {m.rule.kind for m in context if not _negated(doc, m.start, frozenset()) and not _idiom(doc, m)}
        crisis = _longest([m for m in crisis if _applies(doc, m, present, context, sentence)])
        history = [m for m in context if m.rule.kind == HISTORY and _real_history(doc, m)]
        covered = frozenset(i for m in crisis for i in range(m.start, m.end))
        kinds = set()
        signals = {f"context_{label}" for label in present}
        for match in crisis:
            rule = match.rule
            reason = self._cancelled_by(doc, match, sentence, clause, history, covered)
            if reason:
                signals.add(f"cancelled_{reason}")
                continue
            kind = next((kind for label, kind in rule.upgrades if label in present), rule.kind)
            if rule.when_cued and _cued(match, context, sentence, INTENT_CUE):
                kind = rule.when_cued
            kinds.add(kind)
            signals.add(f"found_{kind}_{rule.strength}")
        if history:
            signals.add("history")
        return RulesFinding(next((kind for kind in PRIORITY if kind in kinds), None), tuple(sorted(signals)))

    def _matches(self, doc: Doc) -> tuple[list[_Match], list[_Match]]:
        """Crisis matches and context matches."""
        crisis: list[_Match] = []
        context: list[_Match] = []
        for label, start, end in self._matcher(doc):
            rule = RULES[int(self._nlp.vocab.strings[label])]
            (context if rule.strength == "context" else crisis).append(_Match(rule, start, end))
        return crisis, context

    @staticmethod
    def _cancelled_by(doc: Doc, match: _Match, sentence: list[int], clause: list[int], history: list[_Match],
                      covered: frozenset[int]) -> str | None:
        """What cancels a crisis match (module docstring, step 4), or None when it counts."""
        rule = match.rule
        if _negated(doc, match.start, covered):
            return "negation"
        if rule.kind == IDIOM or _idiom(doc, match):
            return "idiom"
        same = sentence[match.start]
        now = any(clause[t.i] == clause[match.start] and t.lower_ in PRESENT_CUES for t in doc)
        conditionals = CONDITIONALS if rule.kind in BODY_KINDS else HYPOTHETICALS
        conditional_strengths = {"topic"} if rule.kind in {"suicide", "self_harm"} else {"topic", "event"}
        if rule.strength in conditional_strengths and rule.kind in CONDITIONAL_KINDS and not now and \
                _scan_back(doc, match.start, conditionals, covered, bridge=BRIDGE | CONDITIONAL_BRIDGE):
            return "conditional"
        if not now and _asking_what_to_do_if(doc, sentence, same):
            return "conditional"
        if rule.kind in BODY_KINDS and not now and any(clause[t.i] == clause[match.start] and t.lower_ in SOMEDAY
                                                        for t in doc):
            return "conditional"
        if rule.kind in JOKE_KINDS and _joking(doc):
            return "joke"
        past = any(t.lower_ in PAST_FORMS for t in doc[max(match.start - 3, 0) : match.end])
        if (rule.strength != "intent" or past or _used_to_before(doc, match.start)) and not now \
                and any(sentence[m.start] == same for m in history):
            return "history"
        general = rule.strength == "topic" or rule.needs is not None
        return "question" if general and not now and _informational_question(doc, sentence, same) else None


def _sentence_ids(doc: Doc) -> list[int]:
    """A sentence number per token; sentences end at . ! ? ; newlines, and "but"/"however" start a new one."""
    ids, current = [], 0
    for token in doc:
        if token.lower_ in {"but", "however", "pero"}:
            current += 1
        ids.append(current)
        if token.text in SENTENCE_ENDS or "\n" in token.text:
            current += 1
    return ids


def _applies(doc: Doc, match: _Match, present: set[str], context: list[_Match], sentence: list[int]) -> bool:
    """Whether a match has what its rule requires: its helper context, its cue, a big enough number."""
    rule = match.rule
    return (not rule.needs or rule.needs in present) and (not rule.cue or _cued(match, context, sentence)) \
        and _enough(doc, match)


_STRENGTH_ORDER = {"intent": 0, "event": 1, "topic": 2}


def _longest(matches: list[_Match]) -> list[_Match]:
    """The longest of overlapping matches (of the same length: a wish or plan, then an event, then a topic)."""
    kept: list[_Match] = []
    taken: set[int] = set()
    for match in sorted(matches, key=lambda m: (m.start - m.end, m.start, _STRENGTH_ORDER.get(m.rule.strength, 3))):
        if taken.isdisjoint(range(match.start, match.end)):
            kept.append(match)
            taken.update(range(match.start, match.end))
    return kept


def _enough(doc: Doc, match: _Match) -> bool:
    """Whether the match's first number is at least its rule's `min_number` (no number: yes)."""
    if not match.rule.min_number:
        return True
    for token in doc[match.start : match.end]:
        if token.like_num:
            text = token.lower_.replace(",", "")
            if text in NUMBER_WORDS:
                return NUMBER_WORDS[text] >= match.rule.min_number
            try:
                return float(text) >= match.rule.min_number
            except ValueError:
                return True
    return True


def _cued(match: _Match, context: list[_Match], sentence: list[int], label: str | None = None) -> bool:
    """Whether a cue (a helper label: the rule's own by default) ends shortly before the match, in the same sentence."""
    rule = match.rule
    wanted = label or rule.cue
    return any(cue.rule.kind == wanted and cue.end <= match.start <= cue.end + rule.cue_window
               and sentence[cue.start] == sentence[match.start] for cue in context)


def _scan_back(doc: Doc, start: int, cues: frozenset[str], covered: frozenset[int], window: int = 6,
               bridge: frozenset[str] = BRIDGE) -> bool:
    """Whether a cue word (lower case) stands before `start`, joined to it only by `bridge` words or by
    other crisis matches (`covered` token indices: "no seizures or hallucinations")."""
    for i in range(start - 1, max(-1, start - 1 - window), -1):
        token = doc[i]
        if token.lower_ in cues:
            return True
        if token.lower_ not in bridge and i not in covered:
            return False
    return False


def _clause_ids(doc: Doc) -> list[int]:
    """A clause number per token: sentences, further cut at commas and at "and", "so", "now"."""
    ids, current = [], 0
    for token in doc:
        if token.lower_ in {"but", "however", "pero", "and", "so", "now"}:
            current += 1
        ids.append(current)
        if token.text in SENTENCE_ENDS or token.text == "," or "\n" in token.text:
            current += 1
    return ids


def _joking(doc: Doc) -> bool:
    """A joke marker ("lol", "jk") and no "not joking", "i mean it"."""
    text = doc.text.lower()
    return any(token.lower_ in JOKES for token in doc) and not any(phrase in text for phrase in NOT_JOKING)


def _negated(doc: Doc, start: int, covered: frozenset[int]) -> bool:
    """Negator before the match ("I'm not suicidal", "never had a seizure"); "no one" is not a negator."""
    if start + 1 < len(doc) and doc[start].lower_ == "no" and doc[start + 1].lower_ in {"one", "body"}:
        return False
    return _scan_back(doc, start, NEGATORS, covered)


def _idiom(doc: Doc, match: _Match) -> bool:
    """A rule's idiom neighbours: up to two words before (skipping determiners) or after (within the clause,
    skipping "on" and "of")."""
    rule = match.rule
    if rule.not_before:
        seen = 0
        for i in range(match.start - 1, -1, -1):
            token = doc[i]
            if token.lower_ in SKIP_BEFORE:
                continue
            if token.lower_ in rule.not_before or ("#" in rule.not_before and token.like_num):
                return True
            seen += 1
            if seen == 2 or token.is_punct:
                break
    seen = 0
    for token in doc[match.end : match.end + 3]:
        if token.is_punct or seen == 2:
            break
        if token.lower_ in rule.not_after:
            return True
        seen += token.lower_ not in SKIP_AFTER
    return False


def _real_history(doc: Doc, match: _Match) -> bool:
    """A history marker, unless it follows "since" or "for" ("since last year": still going on), is a
    frequency ("twice a week", "this week") or is an age ("my 2 year old")."""
    before = doc[match.start - 1].lower_ if match.start > 0 else ""
    after = doc[match.end].lower_ if match.end < len(doc) else ""
    unit = doc[match.start].lemma_ in {"day", "week", "month", "year", "decade"}
    ongoing = {"this", "a", "every", "per", "each", "whole", "entire", "all", "full"}
    return before not in {"since", "for"} and not (unit and before in ongoing) and after not in {"old", "olds", "-"}


def _used_to_before(doc: Doc, start: int) -> bool:
    """ "used to" just before a present-tense phrase ("I used to want to die") makes it history."""
    words = [t.lower_ for t in doc[max(0, start - 5) : start]]
    return any(a == "used" and b == "to" for a, b in itertools.pairwise(words))


def _informational_question(doc: Doc, sentence: list[int], same: int) -> bool:
    """A question naming no person ("what is an overdose?", "does IOP treat self-harm?"), or asking how
    to spot, talk about or support it ("how do I spot self harm in students?"), unless it asks whether
    what is happening is normal ("is it normal to hear voices? it's day 3")."""
    tokens = [t for t in doc if sentence[t.i] == same]
    words = [t.lower_ for t in tokens if not t.is_punct]
    if not words:
        return False
    question = tokens[-1].text == "?" or words[0] in QUESTION_STARTS
    if not question or _phrase_in(words, NORMAL_QUESTIONS):
        return False
    return not any(word in PERSON_WORDS for word in words) or _phrase_in(words, HOW_TO_QUESTIONS)


def _phrase_in(words: list[str], phrases: frozenset[tuple[str, ...]]) -> bool:
    """Whether one of ``phrases`` (word tuples) occurs in ``words``."""
    return any(tuple(words[i : i + len(phrase)]) == phrase for phrase in phrases for i in range(len(words)))


def _asking_what_to_do_if(doc: Doc, sentence: list[int], same: int) -> bool:
    """"What do I say if someone tells me ...", "if he ever ..., what should I do?": a hypothetical."""
    words = [t.lower_ for t in doc if sentence[t.i] == same and not t.is_punct]
    return "if" in words and _phrase_in(words, WHAT_TO_DO)


_shared: CrisisDetector | None = None
_lock = threading.Lock()


def _plain(text: str) -> str:
    """Lower case, letters and spaces only, single-spaced."""
    return " ".join("".join(c if c.isalpha() or c.isspace() else " " for c in text.lower()).split())


def shared_detector() -> CrisisDetector:
    """A detector shared by the process, built on first use (about a second: the lemma tables load)."""
    global _shared
    if _shared is None:
        with _lock:
            if _shared is None:
                _shared = CrisisDetector()
    return _shared


def detect(text: str) -> str | None:
    """`CrisisDetector.detect` on the shared detector."""
    return shared_detector().detect(text)
