"""The crisis detector's vocabulary and patterns: which words, in which order, signal which kind.

`bot.nlu.crisis.CrisisDetector` compiles `RULES` into a spaCy Matcher and applies the checks its
docstring describes (negation, history, idioms, questions). The pattern language is `_compile`'s
there. The kinds are `actions.crisis.CRISIS_KINDS`, most urgent first.
"""

from __future__ import annotations

from dataclasses import dataclass

from actions.crisis import CRISIS_KINDS

PRIORITY = CRISIS_KINDS


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
    **dict.fromkeys(["offing", "offed"], "off"),
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
CASE_SENSITIVE_SPELLING: dict[str, str] = {
    **dict.fromkeys(["ODd", "ODed", "ODd'", "ODdd"], "overdose"),
    # clinical shorthand in staff notes ("pt endorses SI w/ plan"); lower case they are "si" and "hi"
    "SI": "suicidal", "HI": "homicidal", "NSSI": "selfharm",
}

# Words that may stand between a negator (or a conditional) and the phrase it governs.
BRIDGE = _words(
    """i im m 'm me my he she they we you it 's s 're re 've ve 'd d 'll ll am is are was were be been being
    do does did have has had having will would could should can ca might may must wo want wants wanna going gon na
    to a an the any really ever even actually honestly seriously currently feel feeling felt thoughts thought
    thinking about of like try trying tried plan planning intend mean just get got getting experience experienced
    experiencing once again anymore at all very so longer had or one someone somebody anyone plans urge urges
    intention intentions desire withdrawal serious real major bad me te se lo la le yo el ella que tengo tiene
    pienso pensado realmente quiero queria soy es estoy era fue ha he tenido tuvo hx history close considered
    consider considering here signs sign any where way pensamientos pensamiento ganas de intencion"""
)
NEGATORS = _words("not n't nt never no without nor neither none nobody noone zero denies deny denied nunca jamas ni "
                  "tampoco nadie")
CONDITIONALS = _words("if will 'll ll would whether risk prevent avoid unless asked asks asking wondering wonder si "
                      "might someday case")
#: the kinds a conditional ("if he overdoses", "asked if I'm suicidal") cancels, unless the clause says "now";
#: for a body in trouble a future ("he'll have a seizure") is no emergency yet either, for the others it may be
CONDITIONAL_KINDS = frozenset({"overdose", "poisoning", "medical", "withdrawal", "danger", "suicide", "self_harm"})
BODY_KINDS = frozenset({"overdose", "poisoning", "medical", "withdrawal"})
HYPOTHETICALS = _words("if whether unless asked asks asking wondering wonder si might someday case")
#: in the same clause, a body in trouble is a worry about the future ("I'll end up overdosing someday")
SOMEDAY = _words("someday eventually sometime")
#: a message with these words is joking about hurting someone ("i'm gonna kill him lol"), unless it says it is not
JOKES = _words("lol lmao lmfao haha hahaha jk jaja jajaja kidding joking")
NOT_JOKING = ("not joking", "not kidding", "no joke", "i mean it", "im serious", "i'm serious", "for real")
JOKE_KINDS = frozenset({"harm_others", "danger", "medical"})
PRESENT_CUES = frozenset({"now", "currently", "still", "again", "tonight", "today", "anymore", "rn", "ahora", "ahorita",
                          "hoy", "todavia"})
QUESTION_STARTS = _words(
    "what whats how why when where which who does do is are can could should would will tell explain"
)
PERSON_WORDS = _words(
    """i im me my myself we us our he she him his her they them their son daughter friend
    brother sister mom mother dad father husband wife partner boyfriend girlfriend kid child baby"""
)
#: a question about whether what is happening is normal is about the asker, whoever it names
NORMAL_QUESTIONS = frozenset({("is", "it", "normal"), ("is", "this", "normal"), ("is", "that", "normal"),
                              ("is", "it", "bad"), ("is", "it", "dangerous"), ("should", "i", "be", "worried")})
#: a question about how to recognise or handle something is information, whoever it names
HOW_TO_QUESTIONS = frozenset((first, aux, who, verb) for first in ("how", "what") for aux in ("do", "can", "should")
                             for who in ("i", "we", "you")
                             for verb in ("spot", "recognize", "recognise", "support", "talk", "approach", "bring"))
#: "what do I say if ...", "what should I do if ...": a hypothetical, whatever follows
WHAT_TO_DO = frozenset({("what", "do", "i", "say"), ("what", "should", "i", "say"), ("what", "should", "i", "do"),
                        ("what", "do", "i", "do"), ("what", "would", "i", "do"), ("how", "should", "i", "respond")})
#: words that may stand between a conditional and its phrase, besides BRIDGE ("if my dad has a seizure")
CONDITIONAL_BRIDGE = PERSON_WORDS | _words("someone somebody anyone people person love loves know or and ever "
                                          "seems seem seemed looks acting becomes gets feels client patient student "
                                          "start starts starting begin begins")
SENTENCE_ENDS = frozenset({".", "!", "?", ";", "\n", "but", "however", "pero"})
SKIP_BEFORE = frozenset({"a", "an", "the", "my", "his", "her", "their", "just", "really"})
#: words skipped when looking for an idiom's neighbour after a match ("OD'd on halloween candy")
SKIP_AFTER = frozenset({"on", "of"})

PILLS = "pill|tablet|med|meds|medication|medicine|xanax|oxy|oxys|perc|percs|bar|tylenol|benzo|benzos|painkiller"
DRUGS = (
    "heroin|fentanyl|fent|dope|coke|cocaine|crack|meth|drug|opioid|opiate|"
    "ketamine|molly|k2|spice"
)
#: things that "die" or are "dead" in everyday talk
DEVICES = "phone|battery|laptop|computer|car|plant|charger|tablet|ipad|iphone|android|signal|wifi|engine"
SPANISH_DEVICES = "=bateria|=celular|=telefono|=carro|=coche|=pila|=cel"
INTENT = "=want|=wanna|=wants|=going|=gon|=plan|=planning|=urge|=urges|=tempted|=keep|=keeps|=trying|=try|=tried|" \
    "=thinking|=think|=feel|=feeling|=might|=need|=needs"
#: a wish or plan, without the worries ("might") that INTENT also reads
WISH = INTENT.replace("|=might", "")
TOOK = "=took|=swallowed|=popped|=taken|=ate|=downed"
FAMILY = "mom|mother|sister|brother|kid|son|daughter|baby|wife|girlfriend|husband|boyfriend|child|grandma|partner"
PARTNER = "partner|husband|wife|boyfriend|girlfriend|ex|stepdad|roommate|he|she|they"
ME_NOUN = f"{PARTNER}|dad|father|mom|mother|brother"
#: more medicines and street drugs people name when they took too many
MORE_PILLS = ("ambien|klonopin|valium|ativan|lorazepam|adderall|gabapentin|seroquel|sertraline|oxycodone|percocet|"
              "lean|kratom|edible|tab|bar|xans|=blues|benadryl|methadone|suboxone|morphine|lithium|insulin|"
              "ibuprofen|advil|aspirin|sleep|acetaminophen|trazodone|soma|norco|vicodin|dilaudid|fentanyl")
#: household and other poisons a child (or a confused adult) swallows
CHEMICALS = ("bleach|detergent|pod|=cleaner|drano|antifreeze|pesticide|killer|poison|vape|nicotine|battery|oil|soap|"
             "lotion|patch|film|magnet|chemical|fertilizer|mouthwash|perfume|polish|paint|gasoline|gas|fluid|"
             "mushroom|berry|vitamin|medicine|sanitizer|wipe|lye|ammonia|kerosene|vinegar|solvent|gummy|"
             "=gummies|toothpaste|softener|spray|bait|drop|packet|gum|melatonin|shroom|shrooms|pipe|solution")
#: putting pills aside for later
SAVE_UP = "save|=saving|=saved|stockpile|=stockpiling|hoard|=hoarding"
#: what someone swallowed, drank or got into
INGEST = ("=swallowed|=swallow|=swallowing|=ate|=eaten|=eats|=drank|=drinks|=chewed|=chewing|=licked|=ingested|"
          "=sucked|=drinking|=bit|=mouthed")
#: acts that hurt another person (lemmas)
HARM = ("kill|murder|hurt|stab|shoot|strangle|choke|beat|smother|drown|shake|torch|attack|punch|harm|slap|kick|"
        "hit|strangl|suffocate|run|jump|knife|cut|slit")
#: people one could hurt (lemmas; "my", "his" ... may stand before them)
OTHERS = "him|her|them|someone|somebody|people|everyone|everybody|anyone|anybody|everybody"
OTHER_NOUNS = ("wife|husband|boyfriend|girlfriend|partner|ex|mom|mother|dad|father|stepdad|stepmom|brother|sister|"
               "son|daughter|kid|child|baby|newborn|toddler|grandkid|grandson|granddaughter|roommate|boss|coworker|"
               "manager|supervisor|neighbor|neighbour|landlord|teacher|cousin|uncle|aunt|friend|family|guy|dude|"
               "man|woman|nurse|doctor|cop|student|classmate|sponsor|spouse|fiance|parent|grandma|grandpa|bf|gf|"
               "girl|boy|infant|niece|nephew|stepson|stepdaughter|stepfather|stepmother|lady|dealer|bitch|wifes")
#: body parts self-harm marks
BODY = "arm|wrist|leg|thigh|skin|stomach|hand|head|face|body|ankle|hip|chest|shoulder"


@dataclass(frozen=True)
class Rule:
    """Patterns for one signal.

    `strength` is "intent", "event" or "topic" (see the module docstring), "context" for helpers, or
    "idiom" for phrases that only hide crisis words ("killing myself with this drinking").
    `needs` names a helper label that must also be present (unnegated) for the match to count;
    `cue` names a helper label that must end at most `cue_window` tokens before the match, in the same
    sentence ("going to" ... "kill him": a wish or plan, not a report);
    `upgrades` are (helper label, kind) pairs: with that context present the match counts as `kind`.
    `min_number`: a number in the match must be at least this ("took 30", not "took 2 tylenol").
    `when_cued`: the kind the match counts as when a wish or plan (INTENT_CUE) comes just before it
    ("I'm scared I'll hurt my baby" is harm to others; "he hurt my baby" is danger).
    `not_before` / `not_after` are lower-case words whose presence next to the match shows an idiom.
    """

    kind: str
    strength: str
    patterns: tuple[str, ...]
    needs: str | None = None
    upgrades: tuple[tuple[str, str], ...] = ()
    not_before: frozenset[str] = frozenset()
    not_after: frozenset[str] = frozenset()
    cue: str | None = None
    cue_window: int = 4
    min_number: int = 0
    when_cued: str | None = None


def _rule(kind: str, strength: str, *patterns: str, not_before: str = "", not_after: str = "",
          needs: str | None = None, upgrades: tuple[tuple[str, str], ...] = (), cue: str | None = None,
          cue_window: int = 4, min_number: int = 0, when_cued: str | None = None) -> Rule:
    """A `Rule`, with the idiom neighbours written as space-separated strings."""
    return Rule(kind, strength, patterns, needs, upgrades, frozenset(not_before.split()),
                frozenset(not_after.split()), cue, cue_window, min_number, when_cued)


INTENT_CUE = "intent_cue"
SELF_HARM_CONTEXT = "self_harm_context"
YOUNG_CHILD = "young_child"
ACCIDENT = "accident"
OD_SIGN = (DRUG, "overdose")
BY_ACCIDENT = ((YOUNG_CHILD, "poisoning"), (ACCIDENT, "poisoning"))
#: small numbers written as words ("took two advil" is not "took 30"); larger ones count as large
NUMBER_WORDS = {"zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
                "nine": 9, "ten": 10, "eleven": 11, "twelve": 12}
#: past forms that put a wish, or a completed act ("hung himself a few years ago"), in the past
PAST_FORMS = frozenset({"wanted", "tried", "planned", "thought", "felt", "needed", "wished", "was", "were", "had",
                        "hung", "hanged", "killed", "shot", "attempted", "drowned", "stabbed"})

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
          f"{WISH} to|about|of|like|na? ~ overdose",
          f"{INTENT} to|about|of|like|na? ~ take|swallow all|every my? {PILLS}",
          f"{INTENT} to|about|of|like|na? ~ poison @self"),
    _rule("self_harm", "intent",
          f"{INTENT} to|about|of|like|na? ~ hurt|harm|punish|starve|cut|burn @self"),
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
          "slit my wrist",
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
          not_after="prevention squad awareness training rates rate statistics warning"),
    _rule("harm_others", "topic",
          "homicidal",
          not_after="prevention squad awareness training rates rate statistics"),
    _rule("self_harm", "topic",
          "selfharm",
          "self -? harm|injure|injury",
          not_before="about",
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
          upgrades=BY_ACCIDENT,
          not_after="time long caffeine coffee sugar chocolate candy netflix tv love work it training class kit kits "
                    "pizza food cake cookies"),
    # naloxone given and not working: an overdose going on now, whatever else the model thinks
    _rule("overdose", "intent",
          "narcan|naloxone be not work|help",
          "narcan|naloxone not work|help"),
    _rule("overdose", "topic",
          "overdose",
          not_before="of from to prevent prevention reverse reversing risk avoid watch watched seen saw see",
          not_after="prevention risk training kit kits deaths death awareness rates of pizza food sugar candy "
                    "chocolate cake cookies netflix"),
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
          upgrades=(OD_SIGN,),
          not_after="for early on through properly right"),
    _rule("medical", "event",
          "chest be|feel? hurt|tight|pain|pressure|tightness|crush",
          "pain|pressure in my|his|her chest",
          "collapse",
          "=fainted|=fainting",
          "=choking =on =a|=his|=her|=food|=something",
          "be|=s =choking",
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
          not_before="almost nearly who",
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
          not_after="of epilepsy stopped stop stopping ended"),
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
          when_cued="harm_others",
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
          "=scared|=afraid|=terrified of my _? husband|boyfriend|partner|wife|girlfriend|ex|dad|father|stepdad",
          "will hurt|kill us|me if",
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
          "domestic violence",
          not_after="awareness night shelter program programs hotline training class group month"),
    # --- wishes and plans, by cue: "going to" / "want to" / "thoughts of" ... then the act ---------
    _rule("suicide", "intent",
          "die",
          "be dead|=gone",
          "end it|=things|everything|myself|me",
          "end it all",
          "end my|this life|=suffering",
          "not|never wake up",
          "kill|off|unalive|end @self",
          "stop live|exist|breathe",
          "not|no =longer exist|live",
          "not be alive|here|around",
          "jump off|from|in front",
          "go to sleep and not|never",
          "leave this world",
          cue=INTENT_CUE,
          not_before="phone battery laptop computer car plant",
          # "I'll die young if I keep drinking": a fear of where drinking leads, not a wish
          not_after="with of from laughing laughter embarrassment boredom inside on by than young"),
    _rule("suicide", "event",
          "rather be dead =.",
          "rather be dead than be? sober",
          "dead sound|seem|look =better|good|nice|easy|=easier",
          "=hope|=hoping|=pray|=praying i|it die",
          "=hope|=hoping|=pray|=praying i do? not|never wake up",
          "=hope|=hoping|=pray|=praying i will|='ll|=ll just? not|never wake up",
          "=hope|=hoping it be the last time",
          "the last time i wake up",
          "=tired|sick of exist|=existing|be alive",
          "=tired =of =being =alive",
          "no future for me",
          "painless way",
          "=least painful way|method",
          "=went|=going|=gone back to =cutting|=burning",
          "way to die",
          "how many _ _? to die|kill",
          "how long _ _ _? _? to die",
          "carbon monoxide",
          "gun|pistol|rifle _? load|=loaded",
          "=loaded gun|pistol|rifle",
          "post|=posted a goodbye",
          "say|=said|=saying goodbye to",
          "delete|=deleted all my social =media|account",
          "do it this time|tonight",
          "swerve|crash|drive|steer into|off",
          "in front of a|the train|bus|truck|car|semi",
          "stand|=standing|be on the|a roof|ledge|bridge|=railing|overpass|balcony",
          "join her|him|them in heaven",
          not_after="lane lanes ditch parking"),
    # means gathered and plans made (988's warning signs): as strong as a stated wish
    _rule("suicide", "intent",
          "for when i finally do it",
          "when i finally do it",
          "for|when =im|=i'm|i be ready to go",
          "how i want|be =going to do it",
          "noose",
          "hang @self",
          "buy|=bought|get|tie a|the rope|noose",
          "rope in my|the trunk|car|closet",
          "gun|pistol|rifle be? for me|myself",
          f"{PILLS}|{MORE_PILLS} =lined|=laid|=counted up|out",
          f"{SAVE_UP} up? my|her|his|the|all? _? _? {PILLS}|{MORE_PILLS}",
          "=saved|=saving up for",
          "goodbye letter|note|message|video|post|text",
          "tonight be the night",
          "go through with it",
          "not see|make it to tomorrow|# ",
          "no one would|will notice|care|miss me? if i be =gone",
          "=nobody would|will notice|care|miss me? if i be =gone",
          not_after="lane lanes ditch parking"),
    # --- self-harm -------------------------------------------------------------------------------
    _rule("self_harm", "event",
          "cut|burn|starve|slice|scratch|carve|punish|punch|bang|slam|bite|harm|hurt|hit @self",
          "=been =cutting|=burning",
          "=cutting|=cut again|tonight|today|rn",
          f"cut|burn|scratch|carve|slash|slice|punch|bang|slam|bite|hit my|his|her|their own? {BODY}",
          "till|until it|they|i|he|she bleed|=bled",
          "fresh cut|=cuts",
          "burn mark|=marks",
          f"razor|blade|=lighter|knife to|on|into my|his|her {BODY}",
          "=carving into",
          "=sh again|tonight|today",
          not_after="shaving cooking chopping accidentally by down back off out",
          needs=SELF_HARM_CONTEXT),
    _rule("self_harm", "event",
          "i|he|she|they =cut|=cuts|=cutting",
          not_before="hair paper",
          not_after="back down off out class hair ties corners loose contact ties him her them it the a an "
                    "my his their classes school ties corner paper onions grass coupons myself cooking chopping "
                    "shaving accidentally by in from ties"),
    _rule("self_harm", "intent",
          "=cut|=sh|=cutting",
          "self harm",
          cue=INTENT_CUE,
          cue_window=2,
          not_after="back down off out class hair ties corners loose contact him her them it the a an my his their "
                    "classes school corner paper onions grass coupons in from"),
    _rule("self_harm", "event",
          "cut|burn|scratch|carve|punish @self",
          f"cut|burn|scratch|carve|slash|slice|bite my|his|her|their own? {BODY} on purpose",
          "hurt|harm @self on purpose",
          "relapse|=relapsed on =cutting|=sh|selfharm",
          "relapse|=relapsed on self harm",
          "urge|=urges|=itching to cut|=sh",
          "urge|=urges|=itching to self harm",
          "=sh urge|=urges",
          "=wanna|=want|=need|=needs cut|=sh",
          "=sh again",
          "=hurting|=cutting|=burning|=scratching|=hitting|=punching|=biting|=harming|=starving @self",
          f"=cutting|=burning|=scratching|=carving|=hitting|=punching on|into? my|his|her|their _? {BODY}",
          f"=using|=used _? _? knife|blade|razor|=lighter on my|his|her {BODY}",
          "=cutting right|lately|since|every|=more|again",
          "be|=been|have =cutting|=burning",
          "hurt my|his|her body",
          "=did|=does|do it to @self",
          "hide|=hiding _? cut|=cuts|scar|=scars|burn|=burns",
          "cut|burn|scar|scratch on|across her|his|my|their _? " + BODY,
          "=cut|=cutting to feel",
          "just|i =cut =.",
          "i|he|she just|also|sometimes|still? =hurt|=cut|=burned|=burnt|=burn @self",
          "=went|=going|=gone back to =cutting|=burning|=sh",
          "every night|day i|he|she cut",
          not_after="shaving cooking chopping accidentally by down back off out"),
    # --- harm to others --------------------------------------------------------------------------
    _rule("harm_others", "intent",
          f"{HARM} {OTHERS}",
          f"{HARM} my|his|her|our|the|that|this|their|a|some _? {OTHER_NOUNS}",
          f"{HARM} {OTHER_NOUNS}",
          f"{HARM} my|his|her|our|the|that|this|their {OTHER_NOUNS} ='s? {OTHER_NOUNS}",
          f"{HARM} my|his|her|the # year|yr|month|week old|=olds?",
          "put|get my =hands on",
          "make her|him|them pay",
          "snap his|her neck",
          "break his|her neck|face",
          cue=INTENT_CUE,
          not_after="at in with up a an off time for over down out"),
    _rule("harm_others", "event",
          "shoot|=shot up the|a|his|her|my|that? school|bar|party|office|work|place|church|mall|store|club",
          "=bringing|bring|take|=taking a|his|my|the gun|knife|weapon|rifle to school|work|class|church",
          "=threatening|=threats to kill|shoot|stab his|her|their|my _? boss|wife|girlfriend|ex|teacher|supervisor",
          "list of =teachers|people|=kids he|she|i want to shoot|kill",
          "want|=wants to shoot|kill|stab =teachers|=students|=kids|people",
          "=kill us all",
          "=kill everyone",
          "=thought|=thoughts|urge|=urges|image of|about hurt|=hurting|kill|=killing|drown|=drowning|smother|"
          "=smothering|shake|=shaking|throw|=throwing my|the|our? baby|newborn|child|kid|infant|son|daughter"),
    # --- poisoning: a child or a confused adult, the wrong medicine, a double dose ---------------
    _rule("poisoning", "event",
          f"{INGEST} some|a|=an|the|my|his|her|their|all|half|one|two|three|bunch|few|of|out|#|like|from? _? _? _? "
          f"{CHEMICALS}",
          f"=got into|=into the|my|his|her|grandma|grandpa|mom|dad|some _? _? {CHEMICALS}|{PILLS}|{MORE_PILLS}",
          "=chewed|=chewing|=sucking on _? _? _? patch|pill|film|bottle|pod",
          "double|=doubled|extra|=second dose",
          "=doubled my|his|her",
          "=took|=gave|=given|=taken _? _? _? twice|again",
          "wrong pill|=pills|medicine|medication|meds|syringe|dose|bottle",
          f"{PILLS}|{MORE_PILLS} instead of",
          "instead of her|his|my own? _? pill|=pills|medicine|meds",
          "by mistake|accident",
          "put it|one|them in his|her|their mouth",
          not_after="schedule schedules a per daily"),
    _rule("poisoning", "topic",
          "poison control"),
    _rule("poisoning", "event",
          f"{INGEST}|=took|=taken|=had|=got _? _? _? _? {PILLS}|{MORE_PILLS}|{DRUGS}",
          needs=YOUNG_CHILD),
    # --- overdose: taken too much, and the signs of it ---------------------------------------------
    _rule("overdose", "event",
          f"{TOOK}|=drank|=snorted|=smoked|=did|=used like|about|around|maybe|over|almost|probably|atleast? #",
          f"{TOOK} every|all _? {PILLS}|{MORE_PILLS} i|he|she =had",
          f"{TOOK} my|his|her|the? whole month|week|bottle|supply|script|prescription|box|pack",
          f"{TOOK}|=drank|=did|=used|=snorted way|waaay|like too many|much",
          f"{TOOK}|=drank|=did|=snorted|=smoked a ton|bunch|lot|load|shitload|handful of",
          f"{TOOK}|=did|=snorted|=swallowed {MORE_PILLS}",
          "=used|=did too much",
          "need narcan|naloxone now|asap",
          min_number=5,
          upgrades=BY_ACCIDENT,
          not_after="time long caffeine coffee sugar chocolate candy netflix tv love work it training class kit kits "
                    "=years =months weeks =days minutes =hours mins =hrs steps day week month year"),
    _rule("overdose", "event",
          "breathe|=breathing _? slow|slowly|shallow|weird|funny|strange|=slowing|wrong|raspy",
          "snore|=snoring|gurgle|=gurgling",
          "nod|=nodding out|off",
          "can not|=cant|=wont|=won't|not wake|get _? _? _? up|awake",
          "out cold",
          "=still =out",
          "go|=gone|be limp",
          "turn|=turning|go|=going|look|=looking|=is|=hes|=shes|=he's|=she's|all|so grey|gray|blue|purple|pale|grayish",
          "foam|=foaming",
          "not move|=moving|respond|=responding|responsive|=answering|=waking",
          "eye|=eyes roll|=rolling",
          "slump|=slumped",
          "=dropped",
          "can not stand|feel|keep|move|breathe",
          "heart race|pound|=racing|=pounding|=skipping|=going|=beating",
          "chest pound|hurt|tight",
          "=feel|=feels|=feeling|=went|=gone|=is|=are numb",
          "overheat|=overheating",
          "puke|=puking|vomit|=vomiting|=throwing up",
          "feel like i be =dying|=floating",
          "pass out|=passed out",
          "not make|=making sense",
          needs=DRUG,
          not_before="not",
          not_after="for at"),
    # --- medical emergencies that name no drug --------------------------------------------------
    _rule("medical", "event",
          "lip|=lips|face|throat|tongue be? swell|=swelling|=swollen",
          "hive|=hives",
          "face _? droop|droopy|=drooping",
          "smile be? =crooked",
          "can not lift|raise|move _? _? arm|=arms|leg|=legs",
          "slur|=slurring|=slurred",
          "speech be? =jumbled|=slurred|weird|=garbled",
          "word be|=are? come|=coming out wrong",
          "=worst headache",
          "stroke",
          "gush|=gushing|pour|=pouring|spurt|=spurting blood",
          "blood will not|=wont stop",
          "bleed through",
          "=bleeding from his|her|my ear|=ears|head",
          "bone stick|=sticking out",
          "not =moving|=breathing",
          "fall|=fell _? _? _? and hit|bang|=banged _? head",
          "hit|bang|=banged his|her|my head and",
          "=fell|fall _? _? _? _? not move|=moving|respond|=responding|=talking|=answering|=breathing",
          "gasp|=gasping",
          "breathe|=breathing really|super|very? fast",
          "asthma attack",
          "feel like i be =going to pass out",
          "pass|=passing out",
          "fever of #",
          "stiff neck",
          "pain be unbearable",
          "appendix",
          "elephant",
          "grab|=grabbed _? chest",
          "sugar be #",
          "baby be blue",
          "lip|=lips be|look|=are? blue|gray|grey|purple|grayish|bluish",
          "can not feel my|his|her face|leg|=legs|arm|=arms",
          "can not remember where",
          "=seeing double",
          "bleed like crazy",
          upgrades=(OD_SIGN,),
          not_before="almost nearly",
          not_after="on at"),
    # --- dangerous withdrawal, in more words ---------------------------------------------------
    _rule("withdrawal", "event",
          "delirious|delirium",
          "have|=having a fit",
          "jerk|=jerking|twitch|=twitching",
          "talk|=talking to himself|herself|people|the|someone|nobody|my dead",
          "yell|=yelling|scream|=screaming|talk|=talking at|to people|someone|=things who|that be? not there",
          "people|kid|=kids|someone|somebody|voice|=voices|name who|that be|=are? not there",
          "there be nobody",
          "nobody|nobodys be? here|there",
          "hear|=hearing|=heard knock|=knocking|people|whisper|=whispering|name|my name|music",
          "see|=seeing|=saw stuff|people|someone|thing|=things|shadow|=shadows",
          "=losing my|his|her mind|touch",
          "go|=going insane|crazy",
          "do|=does not recognize",
          "burn|=burning up",
          "fever",
          "paranoid",
          "=agitated",
          "=confused",
          "gibberish",
          "seize|=seized",
          "shake|=shaking so? bad|hard",
          "can not hold",
          "point|=pointing at stuff|=things",
          "=pulling at the air",
          needs=WITHDRAWAL_CONTEXT),
    # --- danger from others, in more words ------------------------------------------------------
    _rule("danger", "event",
          "threaten|=threatening|=threatened me|us|her|him|them|everyone",
          "threaten|=threatening|=threatened to kill|hurt|shoot|stab|beat|burn|hit|choke",
          "threat|=threats",
          "stalk|=stalking|=stalked",
          "follow|=following me",
          "will not|=wont|=won't let me|her|him|us leave|go|eat|out",
          "not let me|her|him leave|go|eat",
          "=took|=taken|=grabbed my|her|his phone|=keys|=id|baby|=kids",
          "hold|=held|=holding me|her against",
          "pin|=pinned|=pins me down",
          "threaten|=threatening|=threatened everyone|us|me with",
          "kick|=kicking my? door in|down",
          "break|=breaking down the|my door",
          "=waiting at my|outside my",
          "drive|=driving by my house",
          "=posted my address",
          "see you soon",
          "=hits|=hitting|=beats|=beating|=punching|=slapping|=choking|=kicking her|him|them|us",
          "be|=s =choking|=hitting|=hurting|=beating|=strangling|=punching me|us",
          "throw|=threw a|the chair|bottle|plate|it at",
          "punch|=punched a hole",
          "=scared to go home",
          "fight|=fighting with gun|=guns|knife|=knives",
          "=is|='s|=are|=gets|=getting abusive",
          "=drunk and drive|=driving with",
          "never see her|him|them again",
          "have me =killed",
          "burn the house",
          "grab|=grabbing me",
          "kill us all",
          "kill my|our family|mom|dad|=kids",
          "hurt the =kids|my =kids",
          not_before="it that this",
          not_after="up with back off at on a an the ball"),
    # --- Spanish (the normaliser drops accents: "tomó" is "tomo") -------------------------------
    _rule("suicide", "intent",
          "=quiero|=queria|=quisiera|=deseo|=necesito|=pienso|=pensando|=ganas =en|=de? =morir|=morirme|=matarme|"
          "=suicidarme|=desaparecer",
          "=quiero|=queria|=quisiera|=voy|=pienso|=ganas =a|=de|=en? =quitarme|=acabar =la|=con =vida|=todo",
          "=me =quiero|=voy|=queria =a? =matar|=morir|=suicidar",
          "=se =quiere|=va =a? =matar|=morir|=suicidar",
          "=quiere =matarse|=morirse|=suicidarse",
          "=no =quiero =vivir|=despertar|=seguir|=existir",
          "=mejor =muerto|=muerta",
          "=estarian =mejor =sin =mi",
          "=no =vale =la =pena =vivir",
          "=no =tengo =razon|=razones =para =vivir",
          "=carta =de =despedida",
          "=tengo =un =plan",
          not_before="celular telefono bateria carro computadora",
          not_after="de"),
    _rule("suicide", "topic",
          "=suicidio|=suicida|=suicidarse|=suicidarme",
          not_before="prevencion del"),
    # a wish to hurt oneself, in Spanish ("me quiero hacer daño", "tengo ganas de cortarme")
    _rule("self_harm", "intent",
          "=quiero|=quisiera|=necesito|=ganas =de? =hacerme dano|daño",
          "=me =quiero|=voy =a? =hacer dano|daño",
          "=quiero|=ganas =de? =cortarme|=lastimarme|=quemarme"),
    _rule("self_harm", "event",
          "=me =corto|=corte|=lastimo|=quemo|=queme|=rasguno|=golpeo",
          "=me =estoy|=estaba =cortando|=lastimando|=quemando",
          "=cortarme|=lastimarme|=autolesion|=autolesiones|=autolesionarme|=cortandose|=cortandome",
          "=hacerme =dano",
          "=me =hago =dano",
          "=se =corta|=corto|=lastima|=quema",
          "=se =esta =cortando|=lastimando",
          not_after="pelo cabello unas"),
    _rule("overdose", "event",
          "=sobredosis",
          "=tomo|=tome|=tomaron|=trago|=trague =todas|=muchas|=demasiadas|=un =las|=sus|=mis? =pastillas|=frasco",
          "=se =tomo|=trago =todas|=muchas|=demasiadas|=un =las|=sus|=mis? =pastillas|=frasco|=botella",
          "=me =tome|=trague =todas|=muchas|=demasiadas|=un =las|=mis? =pastillas|=frasco",
          "=labios =morados|=azules",
          "=esta|=se =puso|=pone =azul|=morado|=morada",
          upgrades=BY_ACCIDENT,
          not_before="de la una"),
    _rule("medical", "event",
          "=no =respira|=reacciona|=responde|=despierta",
          "=no =se =mueve",
          "=no =esta =respirando",
          "=no =puede|=puedo =respirar",
          "=no =se =despierta",
          "=dolor =en =el =pecho",
          "=me|=le =duele =el =pecho",
          "=se =desmayo|=cayo",
          "=inconsciente",
          "=sangrando =mucho",
          "=mucha =sangre",
          "=infarto",
          "=ataque =al =corazon",
          "=derrame =cerebral",
          "=ambulancia",
          upgrades=(OD_SIGN,)),
    _rule("poisoning", "event",
          "=se =trago|=comio|=tomo|=bebio =el|=la|=las|=un|=una|=mis|=sus? _? =cloro|=blanqueador|=detergente|=veneno|"
          "=pastillas|=pastilla|=medicina|=medicamento|=jabon|=pila|=gomitas",
          "=doble =dosis",
          "=por =error|=accidente",
          "=sin =querer",
          "=control =de =envenenamiento|=envenenamientos"),
    _rule("withdrawal", "event",
          "=convulsion|=convulsiones|=convulsionando|=convulsiona",
          "=alucinando|=alucinaciones|=alucina",
          "=ve|=veo|=viendo =cosas|=bichos|=gente",
          "=oye|=oigo|=escucha|=escucho =voces",
          "=delirium",
          "=no =se =donde =estoy|=esta",
          not_after="hace"),
    _rule("withdrawal", "event",
          "=temblando|=tiembla|=tiemblo|=confundido|=confundida|=sudando",
          needs=WITHDRAWAL_CONTEXT),
    _rule("danger", "event",
          "=me =pega|=golpea|=golpeo|=amenaza|=amenazo|=encerro|=ahorca|=pegando|=golpeando|=lastimando",
          "=me =quiere|=va =a? =matar|=pegar|=golpear",
          "=me =esta =pegando|=golpeando|=lastimando|=amenazando",
          "=no =me =deja =salir|=irme",
          "=tiene =un|=una =arma|=pistola|=cuchillo",
          "=no =estoy =segura|=seguro",
          "=no =estoy =a =salvo",
          "=tengo =miedo =por =mi =vida",
          "=violencia =domestica",
          "=abusa =de =mi",
          not_after="si cuando"),
    _rule("harm_others", "intent",
          "=voy|=quiero|=ganas|=pienso =a|=de|=en? =matar|=lastimar|=golpear|=apunalar|=matarlo|=matarla|=lastimarlo|"
          "=lastimarla",
          "=lo|=la =voy =a =matar",
          "=miedo =de? =lastimar|=pegarle|=hacerle =a =mis|=mi|=alguien",
          "=matarlo|=matarla|=lastimarlo|=lastimarla"),
    # --- idioms: a longer match that hides the crisis words inside it ----------------------------
    _rule(IDIOM, "idiom",
          "see|=seen|=saw|watch _? _? overdose",
          "kill @self with|by drink|this|alcohol|smoke|work|worry|stress",
          "=seizing|=seize|=seized the|my|his|her|their|our|your|asset|property|opportunity|moment|day",
          # a device or a thing dying ("my phone's about to die", "se me muere la bateria")
          "it|its _? about|=going to die",
          f"{DEVICES} _? _? _? _? _? _? die|dead",
          f"=muere|=murio|=muriendo|=morir _? _? =el|=la|=mi {SPANISH_DEVICES}"),
    # --- context helpers ---------------------------------------------------------------------------
    _rule(DRUG, "context",
          f"{DRUGS}|{PILLS}|{MORE_PILLS}|alcohol|drink|high|narcan|naloxone|needle|=drunk|vodka|wine|beer|liquor|"
          "whiskey|tequila|=shot|=shots|molly|acid|shroom|shrooms|line|bump|foil|=laced|dose|nod",
          "=pastillas|=pastilla|=droga|=drogas|=alcohol|=cocaina|=heroina|=fentanilo|=cerveza|=tomando|=drogado",
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
          "without a? drink",
          "run|=ran out of",
          "day # no|without|off|sober|of",
          "day # =.?",
          "# day|=days|=hours|=hrs|hr no|without|off|since",
          "no drink|=drinking|alcohol|booze|xanax|benzo|benzos|=bars",
          "have not|=hasnt|=havent =had a drink|drink",
          "off the|my|his|her =bars|xans|benzos",
          "sober",
          "=detoxing|=detoxing",
          "stop|=stopped|quit his|her|my|the|all? _? =bars|xans|soma|lorazepam|klonopin|meds",
          "=dejo|=deje|=dejar =de =tomar|=beber",
          "=dejo|=deje =las|=sus|=mis =pastillas",
          "=sin =tomar|=beber|=alcohol",
          "=abstinencia|=desintoxicacion|=desintoxicando",
          "=dejando|=deje|=dejo =el|=la =alcohol|=bebida|=trago|=pastillas"),
    _rule(INTENT_CUE, "context",
          "=want|=wanna|=wants|=wanted|=wanting|=wish|=wished|=hope|=hoping|=need|=needs|=ready|=tempted|=decided",
          "=intend|=intending|=finna|=gunna|=should|=rather|=gon|=na",
          "=i|=he|=she|=they|=we =will|='ll|=ll|=wil",
          "=going|=about|=bout to",
          "=plan|=plans|=planning|=planned|=plotting to|on?",
          "=thinking|=think|=thought|=thoughts|=dreaming about|of",
          "=thoughts|=urge|=urges|=impulse|=impulses|=fantasies|=fantasize|=fantasizing|=imagining|=imagine",
          "=picturing|=picture|=visualizing",
          "=close to"),
    _rule(SELF_HARM_CONTEXT, "context",
          "again|purpose|urge|=urges|relapse|=relapsed|deep|feel|till|until|keep|=keeps|=been|start|=started|fresh|"
          "wanna|want|need|=itching|stop|tonight|today|rn|blade|razor|sh|clean|sober|numb|bleed|=bleeding|blood"),
    _rule(YOUNG_CHILD, "context",
          "toddler|baby|infant|newborn|kid|child|grandson|granddaughter|grandkid|preschooler|kindergartner",
          "little one",
          "# year|yr|month|mo|=years|=yrs|=months old|=olds|yo",
          "# - year|month - old",
          "he|she be|='s # =.?",
          "=yo|=y/o",
          not_before="like"),
    _rule(ACCIDENT, "context",
          "accidentally|accidental|accident|mistake|mistakenly|=forgot|forget|twice|double|=doubled|extra|wrong|"
          "dementia|alzheimers|alzheimer|=confused",
          "instead of",
          "think|=thought it be",
          "get|=got into|ahold",
          "grab|=grabbed"),
    _rule(HISTORY, "context",
          "year|month|week|decade|while|long ago|back",
          "=yr|=yrs|=mos ago",
          "past _? =attempt|=attempts|=overdose|=overdoses|=episode|=episodes|=seizure|=seizures",
          "in|since|back in? %year",
          "when i|he|she|we|they be|=was #",
          "in my|his|her|their twenty|=twenties|=thirties|=forties|=teens|20s|30s|40s|50s",
          "in|last|this? january|february|march|april|june|july|august|september|october|november|december",
          "=hace _? _? =anos|=meses|=semanas|=ano|=mes",
          "christmas|summer|winter|thanksgiving|birthday|semester ago",
          "in the %decade",
          "back in|when",
          "at # =,|=.|=i|=he|=she",
          "=freshman|=sophomore|=junior|=senior year",
          "during covid|college|the pandemic|lockdown",
          "the year|summer|winter i|he|she turn",
          "when my|his|her _? be #",
          "=hace =anos|=años|=mucho|=tiempo",
          "=el =ano|=año =pasado",
          "=cuando =era|=tenia|=estaba",
          "=de =joven|=nino|=nina",
          "=en %year",
          "last year|month|week|summer|winter|spring|fall|time|christmas",
          "in the past",
          "in high? school|college",
          "before",
          "once",
          "=used to",
          "when i|he|she|we|they be a? young|=younger|little|kid|teen|teenager|child",
          "=as a kid|teen|teenager|child|toddler|baby",
          "previously|previous",
          "back then",
          "history of",
          "=hx|=h/o of",
          "=hx",
          "grow up",
          "at one point"),
)

_MACROS = {"@self": ("myself|himself|herself|themselves|themself", "my|him|her|them self")}
