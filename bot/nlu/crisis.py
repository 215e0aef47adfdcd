"""Deterministic crisis detector: does a message signal an emergency happening now?

The assistant is not a crisis service, so any message that signals danger must get the right number
at once, whatever the statistical NLU predicted. This module is that guarantee; it has no Rasa
import (`bot.nlu.crisis_guard.CrisisGuard` wraps it for the NLU pipeline).

Approach
--------
1. Tokenise with `spacy.blank("en")` and lemmatise with the lookup tables of spacy-lookups-data
   (no model download, no statistical parts). The tokenizer already splits "dont", "cant", "im"
   like "don't", "can't", "I'm".
2. Normalise each token's lemma: lower case, then a small spelling table (`SPELLING`: "suicidle",
   "siezure", "od'd", "cant breath" ...) so that the patterns see one form per word; forms whose
   lower case is another word ("ODd", not "odd") are looked up as typed (`CASE_SENSITIVE_SPELLING`).
3. Match hand-written token patterns (`RULES`, on LEMMA and LOWER) with a `spacy.matcher.Matcher`.
   Each rule names a kind and a strength:
   - ``intent``: present wish or plan ("want to die", "going to kill myself"); history words do
     not cancel it, so present-tense self-harm intent always triggers.
   - ``event``: something happening ("overdosed", "not breathing", "he's hitting me").
   - ``topic``: a bare subject word ("suicidal", "overdose", "seizure"); an informational question
     that names no person ("what is an overdose?", "does IOP help with suicidal thoughts?") is
     not an emergency.
   Helper rules mark context: drug use (turns "not breathing" into an overdose), withdrawal
   (turns "shaking" or "confused" into dangerous withdrawal), history ("last year", "years ago",
   "used to", "in the past").
4. Keep the longest of overlapping matches, then drop a match when
   - a negator ("not", "n't", "never", "no", "without", "nor") stands before it, joined only by
     little words ("I don't really want to kill myself", "never had a seizure"); any other word,
     punctuation, or a contrast word ("but") ends the look-back, so "I'm not suicidal but I want
     to die" still triggers;
   - a rule-specific neighbour shows an idiom ("asset seizure", "cut myself shaving", "10 kms"),
     or a longer idiom rule covers it ("killing myself with this drinking");
   - (event and topic) its sentence talks about the past ("he had a seizure last year when he
     stopped drinking") with no present cue ("now", "again", "still");
   - (overdose, medical, withdrawal) it is conditional or future ("if he overdoses", "he'll
     have a seizure");
   - (topic) it sits in an informational question.
5. Of the kinds left, return the most urgent (`PRIORITY`).

Priority: overdose > medical > withdrawal > danger > suicide. A body in trouble right now (drugs
taken, breathing, a seizure) needs 911 before anything else; violence from another person also
needs 911 now; suicidal thoughts get 988 (whose response also says 911 if the person is hurt). So
"I took all my pills because I want to die" is an overdose, and "he's hitting me and I want to
die" is danger.

Limits
------
It is a list of phrasings, not understanding: new slang, heavy misspelling, sarcasm and implications
beyond the common warning signs it lists (giving things away, saying goodbye, feeling a burden,
"no point anymore") are missed. It is the only source of crisis intents: the intent classifier is
not trained on them, because a bag of n-grams cannot read negation and history (it took "I'm not
suicidal", "I feel safe at home" and "my brother died of an overdose" for crises). Tense is read
from words, not parsed, so "he had a seizure" with no time word counts as now (erring towards
help). Ambiguous idioms are excluded one by one ("going to kill me when she sees my grades"), so an
unusual idiom can still raise a false alarm. English only.
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

CRISIS_KINDS = ("suicide", "overdose", "medical", "withdrawal", "danger")
PRIORITY = ("overdose", "medical", "withdrawal", "danger", "suicide")

# Helper labels: context that changes what a crisis match means.
DRUG = "drug_context"
WITHDRAWAL_CONTEXT = "withdrawal_context"
HISTORY = "history"
IDIOM = "idiom"
#: whole messages that are everyday idioms although they hold crisis words ("he beats me" still counts)
WHOLE_MESSAGE_IDIOMS = frozenset({"beats me", "it beats me", "that beats me", "beats me lol"})


def _words(text: str) -> frozenset[str]:
    """A set of words written as one space-separated string."""
    return frozenset(text.split())


# Misspellings and informal forms -> the lemma the patterns use (keys are lower-case tokens).
SPELLING: dict[str, str] = {
    **dict.fromkeys(["suicidle", "sucidal", "suicidel", "suicdal", "suicial", "suicidial", "sucidial"], "suicidal"),
    **dict.fromkeys(["sucide", "suiside", "suicde", "suicid", "sucicide", "suicied", "suacide"], "suicide"),
    **dict.fromkeys(
        ["overdosed", "overdosing", "overdossed", "ovrdose", "ovrdosed", "overdos", "overdosd", "overdoze", "overdozed",
         "ovedose", "ovedosed", "od", "ods", "oding", "od'd", "oded", "od'ed", "od'ing", "o.d", "o.d.", "odeing"],
        "overdose",
    ),
    **dict.fromkeys(["seizur", "siezure", "seisure", "seizuer", "sezure", "seizer", "siezures", "seisures",
                     "seizers", "seazure", "seziure"], "seizure"),
    **dict.fromkeys(["siezing", "seazing", "sezing"], "seizing"),
    **dict.fromkeys(["halucinating", "hallucinatin", "halucinate", "hallucinateing", "halucinatin", "hallucinting",
                     "hallusinating", "halucinating"], "hallucinate"),
    **dict.fromkeys(["halucinations", "halucination", "hallucinatons", "hallusinations"], "hallucination"),
    **dict.fromkeys(["breath", "breth", "brethe", "breathin", "breating", "breathing", "breahte", "breate"], "breathe"),
    **dict.fromkeys(["kil", "kll", "kilL"], "kill"),
    **dict.fromkeys(["myslef", "mysef", "mself", "myselfe", "mysefl", "myelf", "mysle"], "myself"),
    **dict.fromkeys(["dying", "dieing", "dyin"], "die"),
    **dict.fromkeys(["unaliving", "unalived", "unalive"], "unalive"),
    **dict.fromkeys(["unconcious", "unconsious", "unconscience", "unconcsious", "uncoscious"], "unconscious"),
    **dict.fromkeys(["selfharm", "selfharming", "self-harm", "self-harming"], "selfharm"),
    **dict.fromkeys(["d.t.s", "dts", "dt's", "d.t.'s"], "dts"),
    "ca": "can",
    "wo": "will",
    "nt": "not",
    "bleedin": "bleed",
    "shakin": "shake",
    "hittin": "hit",
    "beatin": "beat",
    "threatend": "threaten",
    "narcan": "narcan",
}

# Spellings whose lower-case form is another word ("ODd" is not "odd"): matched on the exact token.
CASE_SENSITIVE_SPELLING: dict[str, str] = dict.fromkeys(["ODd", "ODed", "ODd'", "ODdd"], "overdose")

# Words that may stand between a negator (or a conditional) and the phrase it governs.
BRIDGE = _words(
    """i im m 'm me my he she they we you it 's s 're re 've ve 'd d 'll ll am is are was were be been being
    do does did have has had having will would could should can ca might may must wo want wants wanna going gon na
    to a an the any really ever even actually honestly seriously currently feel feeling felt thoughts thought
    thinking about of like try trying tried plan planning intend mean just get got getting experience experienced
    experiencing once again anymore at all very so longer had or one someone somebody anyone"""
)
NEGATORS = _words("not n't nt never no without nor neither none nobody noone")
CONDITIONALS = _words("if will 'll ll would whether risk prevent avoid unless")
PRESENT_CUES = frozenset({"now", "currently", "still", "again", "tonight", "today", "anymore", "rn"})
QUESTION_STARTS = _words(
    "what whats how why when where which who does do is are can could should would will tell explain"
)
PERSON_WORDS = _words(
    """i im me my myself we us our he she him his her they them their someone somebody son daughter friend
    brother sister mom mother dad father husband wife partner boyfriend girlfriend kid child baby"""
)
SENTENCE_ENDS = frozenset({".", "!", "?", ";", "\n", "but", "however"})
SKIP_BEFORE = frozenset({"a", "an", "the", "my", "his", "her", "their", "just", "really"})

PILLS = "pill|tablet|med|meds|medication|medicine|xanax|oxy|oxys|perc|percs|bar|tylenol|benzo|benzos|painkiller"
DRUGS = (
    "heroin|fentanyl|fent|dope|coke|cocaine|crack|meth|drug|opioid|opiate|"
    "ketamine|molly|k2|spice"
)
INTENT = "=want|=wanna|=wants|=going|=gon|=plan|=planning|=urge|=urges|=tempted|=keep|=keeps|=trying|=try|=tried|" \
    "=thinking|=think|=feel|=feeling|=might|=need|=needs"
TOOK = "=took|=swallowed|=popped|=taken|=ate|=downed"
FAMILY = "mom|mother|sister|brother|kid|son|daughter|baby|wife|girlfriend|husband|boyfriend|child|grandma|partner"
PARTNER = "partner|husband|wife|boyfriend|girlfriend|ex|stepdad|roommate|he|she|they"
ME_NOUN = f"{PARTNER}|dad|father|mom|mother|brother"


@dataclass(frozen=True)
class Rule:
    """Patterns for one signal.

    `strength` is "intent", "event" or "topic" (see the module docstring), "context" for helpers, or
    "idiom" for phrases that only hide crisis words ("killing myself with this drinking").
    `needs` names a helper label that must also be present (unnegated) for the match to count;
    `upgrade` is a (helper label, kind) pair: with that context present the match counts as `kind`.
    `not_before` / `not_after` are lower-case words whose presence next to the match shows an idiom.
    """

    kind: str
    strength: str
    patterns: tuple[str, ...]
    needs: str | None = None
    upgrade: tuple[str, str] | None = None
    not_before: frozenset[str] = frozenset()
    not_after: frozenset[str] = frozenset()


def _rule(kind: str, strength: str, *patterns: str, not_before: str = "", not_after: str = "",
          needs: str | None = None, upgrade: tuple[str, str] | None = None) -> Rule:
    """A `Rule`, with the idiom neighbours written as space-separated strings."""
    return Rule(kind, strength, patterns, needs, upgrade, frozenset(not_before.split()), frozenset(not_after.split()))


OD_SIGN = (DRUG, "overdose")
PAST_FORMS = frozenset({"wanted", "tried", "planned", "thought", "felt", "needed", "wished", "was", "were"})

RULES: tuple[Rule, ...] = (
    # --- suicide and self-harm -------------------------------------------------------------------
    _rule("suicide", "intent",
          "=want|=wanna|=wants|=wanting|=wish|=need|=needs|=ready to? ~ die|unalive|disappear",
          "=wish i be|can|would ~ dead|die",
          "feel like die",
          "=as =well be dead",
          not_after="of from laughing laughter embarrassment boredom"),
    _rule("suicide", "intent",
          "=wish i be not alive|here|=born",
          "=wish i be never =born",
          "=wish i have never be =born",
          "=better off dead",
          "=better off? without me",
          "can not ~ go on",
          "and never wake up",
          "no reason|point to|in ~ go on",
          "nothing ~ =left? to live for",
          "not worth live",
          "life be not worth",
          "no one|body would|will care|notice|miss me? if i die|go|disappear",
          "=nobody would|will care|notice|miss me? if i die|go|disappear",
          "have a plan to? die|end",
          "=want|=wanna|=wants|=going|=gon|=ready|=planning to|na? ~ end it",
          f"{INTENT} to|about|of|like|na? ~ overdose",
          f"{INTENT} to|about|of|like|na? ~ take|swallow all|every my? {PILLS}",
          f"{INTENT} to|about|of|like|na? ~ hurt|harm|punish|poison|starve @self"),
    _rule("suicide", "intent",
          "no reason|point to|in ~ live",
          "point in|of ~ live",
          "why _? _? keep live",
          "why _? _? go on",
          "point in|of ~ go on",
          "=done|=tired|=sick|=finished with|of life|live",
          "not|never|no =longer? ~ =want|=wanna|=wants to? ~ live|exist",
          "not|never|no =longer? ~ =want|=wanna|=wants to? ~ be alive|here|around",
          "not|never|no =longer? ~ =want|=wanna|=wants to? ~ wake up",
          "not|never|no =longer? ~ =want|=wanna|=wants to? ~ go on",
          not_after="like with in at there here near for"),
    _rule("suicide", "event",
          "kill|unalive|off|end|hang|shoot|drown|poison|stab|suffocate @self",
          "=kms",
          "unalive",
          "end|take my own? life",
          "end it all",
          "end it ~ tonight|now|today|forever",
          "commit|attempt suicide",
          "suicide attempt|note|plan",
          "cut|burn|starve|slit|slice @self",
          "=been =cutting",
          "=cutting again",
          "slit|cut my wrist",
          "jump off|from a|the bridge|=building|roof|cliff|balcony",
          "gun|pistol to my head",
          "overdose on purpose",
          "think about|of ~ die|suicide|death",
          not_before="# few many several",
          not_after="laughing laughter trying working shaving cooking chopping accidentally"),
    # warning signs that say it without the words (988's and AFSP's lists): giving things away,
    # saying goodbye, feeling a burden, wanting the pain to end for good
    _rule("suicide", "event",
          "give away all? my =belongings|possession",
          "give all? my =belongings|possession away",
          "give away all my stuff|thing",
          "give away everything i own|have",
          "=giving all? my stuff|thing|=belongings|possession away",
          "write|=wrote a|my? goodbye|farewell note|letter",
          "say|=saying my? last|final? goodbye to everyone|everybody",
          "say|=saying my? last|final? goodbye to the world",
          "say my last|final goodbye",
          "not be around much? long|anymore",
          "=burden to|on everyone|everybody|them|people|my family",
          "feel like a? =burden",
          "pain|everything|all to? stop|end forever|permanently",
          "pain|everything|all to? stop|end for good",
          "make the? pain|everything|it stop|end forever|permanently",
          "no point anymore",
          "what _? the point anymore",
          "nothing =matters anymore",
          "use|turn it|this on @self",
          "use|turn|point the|a|my? gun|knife|pistol|rifle|weapon on @self"),
    _rule("suicide", "topic",
          "suicidal",
          "suicide",
          "selfharm",
          "self -? harm|injure|injury",
          not_after="prevention squad awareness training rates rate statistics"),
    # --- overdose ---------------------------------------------------------------------------------
    _rule("overdose", "event",
          "=overdosed|=overdosing|=overdossed|=ovrdosed|=overdosd|=overdozed|=ovedosed|=oding|=od'd|=oded|=od'ed|"
          "=od'ing|=odeing",
          "=overdoes on",
          "a =overdoes",
          f"{TOOK} too many|much",
          f"{TOOK}|do|snort|shoot|use|smoke too many|much _? {DRUGS}|{PILLS}",
          f"{TOOK} all|every of? my|his|her|the? _? {PILLS}",
          f"{TOOK} # _? {PILLS}",
          f"{TOOK} double|triple|twice",
          f"after|from too many|much _? {DRUGS}|{PILLS}",
          f"{TOOK}|drink|down a|the whole|entire? bottle|handful|bunch|lot|load|ton|box of _? {PILLS}",
          "=gave|=giving|=sprayed|=used|=need him|her|them? narcan|naloxone",
          "blue lip",
          "lip be|look|go|turn? blue",
          "turn|go blue|purple",
          "pinpoint pupil",
          not_after="time long caffeine coffee sugar chocolate candy netflix tv love work it training class kit kits"),
    _rule("overdose", "topic",
          "overdose",
          not_before="of from to prevent prevention reverse reversing risk avoid",
          not_after="prevention risk training kit kits deaths death awareness rates"),
    _rule("overdose", "event",
          "pass out",
          "nod off",
          needs=DRUG,
          not_before="i until till"),
    # --- medical ----------------------------------------------------------------------------------
    _rule("medical", "event",
          "not|stop|barely|trouble|difficulty|struggle|hard breathe",
          "can not ~ breathe|catch",
          "hard|trouble|struggle to breathe",
          "short of breathe",
          "will not wake up",
          "not wake up",
          "can not wake him|her|them|he|she|my",
          "unresponsive",
          "unconscious",
          "not respond to anything|me|us",
          "he|she|they _? not respond",
          "breathe ~ slow|slowly|shallow|weird|funny|strange",
          "gurgle",
          "foam at the mouth",
          upgrade=OD_SIGN,
          not_after="for early on through properly right"),
    _rule("medical", "event",
          "chest be|feel? hurt|tight|pain|pressure|tightness|crush",
          "pain|pressure in my|his|her chest",
          "collapse",
          "=fainted|=fainting",
          "=choking",
          "bleed a? lot|heavily|badly|bad|everywhere|out|so|really",
          "will not stop bleed",
          "lose a lot of blood",
          "lot of blood",
          "so much blood",
          "blood everywhere",
          "cough|throw|vomit|puke up? blood",
          "have a stroke",
          "have a heart attack",
          "face be? droop",
          "throat be? close|swell up?",
          "allergic reaction",
          "call|need|get a? ambulance|paramedic|911|ems",
          "medical emergency",
          "this|it be a emergency",
          not_before="almost nearly",
          not_after="of contact contacts room me back up"),
    _rule("medical", "topic",
          "heart attack",
          not_before="me almost nearly of from"),
    # --- dangerous withdrawal ---------------------------------------------------------------------
    _rule("withdrawal", "event",
          "have a|another seizure",
          "convulse|convulsion",
          "hallucinate",
          "=seizing",
          "see|feel bug|spider|insect",
          "bug|spider|insect crawl",
          "=the =shakes so|really bad",
          not_before="asset property drug police cash vehicle car",
          not_after="for"),
    _rule("withdrawal", "event",
          "see|hear thing",
          not_after="differently clearly in from more way"),
    _rule("withdrawal", "topic",
          "seizure",
          "hallucination",
          "delirium tremens",
          "dts",
          not_before="asset assets property drug drugs police cash vehicle car",
          not_after="of epilepsy"),
    _rule("withdrawal", "event",
          "shake|tremble|tremor|sweat|sweaty",
          "=confused|confusion|=disoriented",
          "heart be? race|pound",
          "hear voice",
          "throw up",
          "puke|vomit",
          needs=WITHDRAWAL_CONTEXT),
    # --- immediate danger from another person -----------------------------------------------------
    _rule("danger", "event",
          "hit|slap|punch|kick|smack|choke|strangle|stab|rape|assault|abuse|threaten|attack|shove|shoot me",
          "hit|slap|punch|kick|smack|choke|beat|hurt|attack|threaten my? _ and me",
          not_before="it that this reality wave truth panic anxiety",
          not_after="up with back a an"),
    _rule("danger", "event",
          f"hit|slap|punch|kick|smack|choke|strangle|stab|beat|hurt|attack|threaten my {FAMILY}",
          f"threaten|try to kill|hurt|stab|shoot my {FAMILY}",
          not_before="it that this",
          not_after="at in to up with back"),
    _rule("danger", "event",
          "beat me",
          "beat me up",
          not_after="at in to"),
    _rule("danger", "event",
          "hurt me",
          not_before="it that this words"),
    _rule("danger", "event",
          "threaten|try to kill|hurt|stab|shoot|strangle me",
          "say|swear|threaten _? _? _? _? kill|hurt|shoot|stab me",
          "=being =abused|=hurt|=beaten|=threatened|=attacked|=stalked",
          f"{PARTNER} be abusive|violent",
          "with a|his|her|the gun|weapon|rifle|pistol|shotgun"),
    _rule("danger", "event",
          f"{PARTNER} _? go|gon to|na kill|hurt|stab|shoot me",
          f"{PARTNER} will kill|hurt|stab|shoot me",
          "not safe",
          "unsafe",
          "not feel safe",
          "be|feel in immediate|real|serious? danger",
          "afraid|=scared|fear|=terrified for my life|safety",
          "at me with a|his|her|the? gun|knife|weapon|bat",
          "someone|somebody _? _? _? break in|into",
          f"{ME_NOUN} will not let me leave|go|out",
          "lock me in|inside",
          "get violent",
          "be be violent",
          not_after="when if for to driving"),
    _rule("danger", "event",
          "have|hold|point|wave|grab|pull|get|carry a|his|her|the|their gun|knife|weapon|rifle|pistol|shotgun",
          not_before="i",
          not_after="collection license permit safe store shop class for"),
    _rule("danger", "topic",
          "domestic violence"),
    # --- idioms: a longer match that hides the crisis words inside it ----------------------------
    _rule(IDIOM, "idiom",
          "kill @self with|by drink|this|alcohol|smoke|work|worry|stress",
          "=seizing|=seize|=seized the|my|his|her|their|our|your|asset|property|opportunity|moment|day"),
    # --- context helpers ---------------------------------------------------------------------------
    _rule(DRUG, "context",
          f"{DRUGS}|{PILLS}|alcohol|drink|high|narcan|naloxone|needle|=drunk",
          "=using|=used|=shot|=snorted|=smoked|=injected|=took|=mixed",
          "shoot up"),
    _rule(WITHDRAWAL_CONTEXT, "context",
          "withdrawal|withdraw|detox",
          "stop|quit|cut off? drink|booze|alcohol|benzo|benzos|xanax|use|klonopin|valium|ativan|pill|drug|heroin|"
          "opioid",
          "since i|he|she stop|quit",
          "cold turkey",
          "come off",
          "off benzo|benzos|xanax|alcohol|drink|booze|klonopin|valium|ativan|heroin|opioid",
          "last drink",
          "without a? drink"),
    _rule(HISTORY, "context",
          "year|month|week|decade|while|long ago|back",
          "last year|month|week|summer|winter|spring|fall|time|christmas",
          "in the past",
          "in high? school|college",
          "before",
          "once",
          "=used to",
          "when i|he|she|we|they be a? young|=younger|little|kid|teen|teenager|child",
          "=as a kid|teen|teenager|child",
          "previously|previous",
          "back then",
          "history of",
          "grow up",
          "at one point"),
)

_MACROS = {"@self": ("myself|himself|herself|themselves|themself", "my|him|her|them self")}


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
        if not text or not text.strip() or text.lstrip().startswith("/"):
            return None
        if _plain(text) in WHOLE_MESSAGE_IDIOMS:
            return None
        doc = self._nlp(text)
        _normalise(doc)
        sentence = _sentence_ids(doc)
        crisis, context = self._matches(doc)
        present = {m.rule.kind for m in context if not _negated(doc, m.start, frozenset())}
        history = [m for m in context if m.rule.kind == HISTORY and _real_history(doc, m)]
        covered = frozenset(i for m in crisis for i in range(m.start, m.end))
        kinds = set()
        for match in crisis:
            rule = match.rule
            if rule.kind == IDIOM or (rule.needs and rule.needs not in present):
                continue
            if not self._counts(doc, match, sentence, history, covered):
                continue
            kind = rule.kind
            if rule.upgrade and rule.upgrade[0] in present:
                kind = rule.upgrade[1]
            kinds.add(kind)
        return next((kind for kind in PRIORITY if kind in kinds), None)

    def _matches(self, doc: Doc) -> tuple[list[_Match], list[_Match]]:
        """Crisis matches (longest of overlapping ones kept) and context matches."""
        crisis: list[_Match] = []
        context: list[_Match] = []
        for label, start, end in self._matcher(doc):
            rule = RULES[int(self._nlp.vocab.strings[label])]
            (context if rule.strength == "context" else crisis).append(_Match(rule, start, end))
        kept: list[_Match] = []
        taken: set[int] = set()
        for match in sorted(crisis, key=lambda m: (m.start - m.end, m.start, m.rule.strength == "topic")):
            if taken.isdisjoint(range(match.start, match.end)):
                kept.append(match)
                taken.update(range(match.start, match.end))
        return kept, context

    @staticmethod
    def _counts(doc: Doc, match: _Match, sentence: list[int], history: list[_Match], covered: frozenset[int]) -> bool:
        """Whether a crisis match survives the checks on its neighbours (module docstring, step 4)."""
        rule = match.rule
        if _negated(doc, match.start, covered) or _idiom(doc, match):
            return False
        if rule.kind in {"overdose", "medical", "withdrawal"} and _scan_back(doc, match.start, CONDITIONALS, covered):
            return False
        same = sentence[match.start]
        past = any(t.lower_ in PAST_FORMS for t in doc[match.start : match.end])
        if rule.strength != "intent" or past or _used_to_before(doc, match.start):
            in_sentence = [m for m in history if sentence[m.start] == same]
            if in_sentence and not any(sentence[t.i] == same and t.lower_ in PRESENT_CUES for t in doc):
                return False
        return not (rule.strength == "topic" and _informational_question(doc, sentence, same))


def _sentence_ids(doc: Doc) -> list[int]:
    """A sentence number per token; sentences end at . ! ? ; newlines, and "but"/"however" start a new one."""
    ids, current = [], 0
    for token in doc:
        if token.lower_ in {"but", "however"}:
            current += 1
        ids.append(current)
        if token.text in SENTENCE_ENDS or "\n" in token.text:
            current += 1
    return ids


def _scan_back(doc: Doc, start: int, cues: frozenset[str], covered: frozenset[int], window: int = 6) -> bool:
    """Whether a cue word (lower case) stands before `start`, joined to it only by BRIDGE words or by
    other crisis matches (`covered` token indices: "no seizures or hallucinations")."""
    for i in range(start - 1, max(-1, start - 1 - window), -1):
        token = doc[i]
        if token.lower_ in cues:
            return True
        if token.lower_ not in BRIDGE and i not in covered:
            return False
    return False


def _negated(doc: Doc, start: int, covered: frozenset[int]) -> bool:
    """Negator before the match ("I'm not suicidal", "never had a seizure"); "no one" is not a negator."""
    if start + 1 < len(doc) and doc[start].lower_ == "no" and doc[start + 1].lower_ in {"one", "body"}:
        return False
    return _scan_back(doc, start, NEGATORS, covered)


def _idiom(doc: Doc, match: _Match) -> bool:
    """A rule's idiom neighbours: up to two words before (skipping determiners) or after (within the clause)."""
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
    for token in doc[match.end : match.end + 2]:
        if token.is_punct:
            break
        if token.lower_ in rule.not_after:
            return True
    return False


def _real_history(doc: Doc, match: _Match) -> bool:
    """A history marker, unless it follows "since" or "for" ("since last year": still going on)."""
    return not (match.start > 0 and doc[match.start - 1].lower_ in {"since", "for"})


def _used_to_before(doc: Doc, start: int) -> bool:
    """ "used to" just before a present-tense phrase ("I used to want to die") makes it history."""
    words = [t.lower_ for t in doc[max(0, start - 3) : start]]
    return any(a == "used" and b == "to" for a, b in itertools.pairwise(words))


def _informational_question(doc: Doc, sentence: list[int], same: int) -> bool:
    """A question naming no person: "what is an overdose?", "does IOP treat self-harm?"."""
    tokens = [t for t in doc if sentence[t.i] == same]
    words = [t for t in tokens if not t.is_punct]
    if not words:
        return False
    question = tokens[-1].text == "?" or words[0].lower_ in QUESTION_STARTS
    return question and not any(t.lower_ in PERSON_WORDS for t in words)


_shared: CrisisDetector | None = None
_lock = threading.Lock()


def _plain(text: str) -> str:
    """Lower case, letters and spaces only, single-spaced."""
    return " ".join("".join(c if c.isalpha() or c.isspace() else " " for c in text.lower()).split())


def detect(text: str) -> str | None:
    """`CrisisDetector.detect` on a shared detector built on first use."""
    global _shared
    if _shared is None:
        with _lock:
            if _shared is None:
                _shared = CrisisDetector()
    return _shared.detect(text)
