"""Surface forms of the entity values, as data: what people type -> the canonical value.

``LEXICON`` maps an entity label to its canonical values and each value to the lower-case phrases
that mean it (docs/conversation.md names the labels and values). The pipeline builder turns it into
entity-ruler phrase patterns (matched on the lower-cased token text) and into Rasa synonyms, which
map the matched text to the value. Rasa's synonyms ignore the label, so a phrase means one value
across all labels; where two readings compete the more useful one wins and the other is left out
(for example "weekends" is a schedule, not a use frequency; "college" is a duty, not a population).
The US states (names from the ``us`` package) and the number words are built below.
"""

from __future__ import annotations

import us

Lexicon = dict[str, dict[str, tuple[str, ...]]]

_STATES = (*us.states.STATES, us.states.DC, us.states.PR)

#: state codes that are everyday words or abbreviations even in upper case ("OK", "HI", "ME",
#: "ID", "LA" for Los Angeles): only their full names are recognised
AMBIGUOUS_STATE_CODES = frozenset({"HI", "ID", "LA", "ME", "OK"})

#: two-letter codes recognised when typed in upper case ("Richmond, VA"), never in lower case
STATE_CODES: tuple[str, ...] = tuple(sorted(s.abbr for s in _STATES if s.abbr not in AMBIGUOUS_STATE_CODES))

_STATE_EXTRAS: dict[str, tuple[str, ...]] = {
    "CA": ("cali",),
    "DC": ("d.c.", "washington dc", "washington d.c.", "washington, dc", "washington, d.c."),
    "NY": ("nyc",),
    "WA": ("washington state",),
}

#: 0-10 as words (a number's value is its digit string: "seven" -> "7")
NUMBER_WORDS: tuple[str, ...] = ("zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten")

#: 1-10 as ordinal words and with suffixes ("second", "2nd")
ORDINAL_WORDS: tuple[str, ...] = (
    "first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth", "tenth",
)  # fmt: skip
ORDINAL_SUFFIXES: tuple[str, ...] = ("1st", "2nd", "3rd", "4th", "5th", "6th", "7th", "8th", "9th", "10th")

#: words before a number that make it an ordinal ("number 2", "#2", "option three", "program 4")
ORDINAL_PREFIXES: tuple[str, ...] = ("#", "number", "option", "program", "programme")

#: words the ruler does not take on their own, being too often something else ("the one near me",
#: "he needs detox first"); their synonyms stay, for what DIET extracts
RULER_SKIPS = frozenset({"one", "first"})

#: how "first" is said when it is an ordinal
FIRST_PHRASES: tuple[str, ...] = (
    "the first", "that first", "first one", "first program", "first programme", "first option", "first result",
)

#: units after a number that make it a distance ("25 miles", "10 mi"; glued: "25mi")
DISTANCE_UNITS: tuple[str, ...] = ("mi", "mile", "miles")

#: distances (miles) whose texts ("25 miles", "25mi", "25-mile") get a synonym to the number;
#: a longer one keeps its text, which the actions read the number from
SYNONYM_DISTANCES = range(1, 101)

# fmt: off
LEXICON: Lexicon = {
    "substance": {
        "alcohol": (
            "alcohol", "alcoholic", "alcoholism", "alcohol use disorder", "drinking", "drink", "drinks", "drank",
            "drunk", "binge drinking", "booze", "beer", "beers", "wine", "liquor", "vodka", "whiskey", "whisky",
            "tequila", "rum",
        ),
        "opioids": (
            "opioids", "opioid", "opiates", "opiate", "opioid use disorder", "heroin", "fentanyl", "fent", "oxy",
            "oxys", "oxycodone", "oxycontin", "percocet", "percocets", "percs", "vicodin", "hydrocodone", "dilaudid",
            "hydromorphone", "codeine", "tramadol", "morphine", "pain pills", "pain meds", "painkillers",
            "pain killers", "pills", "dope", "m30", "m30s",
        ),
        "stimulants": (
            "stimulants", "stimulant", "meth", "methamphetamine", "crystal", "crystal meth", "ice", "cocaine", "coke",
            "crack", "blow", "adderall", "ritalin", "vyvanse", "speed", "amphetamine", "amphetamines", "uppers",
        ),
        "cannabis": (
            "cannabis", "marijuana", "weed", "pot", "thc", "dabs", "dab", "edibles", "vaping thc", "vape thc",
            "ganja", "kush", "joints", "blunts", "delta 8", "delta-8",
        ),
        "sedatives": (
            "sedatives", "sedative", "benzos", "benzo", "benzodiazepines", "benzodiazepine", "xanax", "xannies",
            "xans", "xan", "zannies", "xanax bars", "alprazolam", "diazepam", "clonazepam", "lorazepam",
            "valium", "klonopin", "ativan", "ambien", "sleeping pills", "sleep pills", "sleeping meds", "sleep meds",
            "tranquilizers", "barbiturates", "downers",
        ),
        "other_substances": (
            "kratom", "ketamine", "special k", "lsd", "mushrooms", "shrooms", "magic mushrooms", "psilocybin",
            "hallucinogens", "psychedelics", "mdma", "molly", "ecstasy", "pcp", "inhalants", "huffing", "whippets",
            "spice", "k2", "synthetic marijuana", "bath salts", "gabapentin", "neurontin", "dxm",
        ),
    },
    "condition": {
        "depression": ("depression", "depressed", "depressive", "major depression", "mdd", "been low", "feeling low",
                       "feels low"),
        "bipolar": (
            "bipolar", "bipolar disorder", "bipolar 1", "bipolar 2", "bipolar i", "bipolar ii", "bipolar one",
            "bipolar two", "bipolar type 1", "bipolar type 2", "manic depression", "mania", "manic",
        ),
        "eating_disorders": (
            "eating disorder", "eating disorders", "anorexia", "anorexic", "bulimia", "bulimic", "binge eating",
            "arfid",
        ),
        "anxiety": ("anxiety", "anxious", "panic attacks", "panic disorder", "social anxiety", "gad", "ocd"),
        "trauma": ("trauma", "traumatic", "ptsd", "c-ptsd", "cptsd", "post traumatic stress", "post-traumatic stress"),
        "co_occurring": (
            "co-occurring", "co occurring", "cooccurring", "dual diagnosis", "dual-diagnosis", "mental health",
            "mental illness",
        ),
    },
    "payment": {
        "medicaid": (
            "dr dynasaur", "dr. dynasaur", "medicaid", "medi-cal", "medi cal", "medical assistance", "masshealth",
            "mass health", "tenncare",
            "apple health", "husky", "husky health", "soonercare", "healthy michigan", "healthy michigan plan",
            "ahcccs", "badgercare", "badger care", "kancare", "mainecare", "denali care", "denalicare",
            "health first colorado", "hoosier healthwise", "healthy indiana plan", "nj familycare",
            "oregon health plan", "peachcare", "state insurance",
        ),
        "medicare": ("medicare", "medicare advantage"),
        "private_insurance": (
            "private insurance", "commercial insurance", "my insurance", "insurance through work",
            "insurance through my job", "insurance through my employer", "employer insurance", "work insurance",
            "blue cross", "blue shield", "blue cross blue shield", "bcbs", "anthem", "aetna", "cigna",
            "united healthcare", "unitedhealthcare", "united health care", "uhc", "humana", "kaiser",
            "kaiser permanente", "ambetter", "oscar", "highmark", "carefirst", "optum", "obamacare",
            "marketplace plan", "marketplace insurance", "aca plan", "priority health", "harvard pilgrim",
            "tufts health", "premera", "regence", "emblemhealth", "emblem health", "geisinger", "wellmark", "excellus",
            "health net", "selecthealth", "healthpartners", "through work", "through my work", "through his work",
            "through her work", "through his job", "through her job", "school district", "through my union",
            "union plan", "parents insurance", "my parents plan", "cobra", "student plan", "student insurance",
            "sanford health", "gradcare",
        ),
        "military_insurance": (
            "tricare", "tri-care", "tri care", "military insurance", "champva", "va benefits", "va health care",
            "va healthcare", "va insurance", "va coverage", "the va",
        ),
        "ihs_tribal": ("ihs", "indian health service", "indian health services", "tribal", "tribal health"),
        "self_pay": ("cash", "self pay", "self-pay", "selfpay", "private pay", "out of pocket", "pay cash"),
        # uninsured people are steered to sliding fees (the NLU data's convention)
        "sliding_fee": (
            "no insurance", "uninsured", "not insured", "don't have insurance", "dont have insurance",
            "do not have insurance", "doesn't have insurance", "doesnt have insurance", "does not have insurance",
            "has no insurance", "no health insurance", "without insurance", "anything cheap", "can't afford",
            "cant afford", "cannot afford",
            "sliding scale", "sliding-scale", "sliding fee", "sliding fee scale", "low cost", "low-cost",
            "based on income", "income based", "income-based", "reduced fee", "affordable",
        ),
        # not a bare "free": "I'm free in the evenings"
        "free": (
            "for free", "is it free", "free of charge", "no cost", "at no cost", "no charge", "free care",
            "free treatment", "free program", "free programs", "free programme", "free programmes", "free services",
            "free options", "free ones", "completely free", "totally free", "something free", "anything free",
        ),
        "payment_plan": ("payment plan", "payment plans", "financing", "monthly payments", "installments"),
        "eap": (
            "eap", "work eap", "employee assistance", "employee assistance program", "employee assistance programme",
        ),
        "scholarship": ("scholarship", "scholarships", "grant", "grants"),
    },
    "level_of_care": {
        "outpatient": ("outpatient", "regular outpatient", "standard outpatient", "weekly therapy"),
        "intensive_outpatient": (
            "iop", "iops", "intensive outpatient", "intensive outpatient program", "intensive outpatient programs",
            "intensive outpatient programme",
        ),
        "partial_hospitalization": (
            "php", "partial hospitalization", "partial hospitalisation", "partial hospital", "day treatment",
            "day program",
        ),
        "residential": ("residential", "residential treatment", "live-in", "live in treatment", "long term rehab"),
        "inpatient": ("inpatient", "hospital inpatient", "psych ward", "psychiatric hospital"),
        "withdrawal_management": (
            "detox", "detoxification", "medical detox", "withdrawal management", "medically supervised withdrawal",
        ),
    },
    "schedule": {
        "morning": ("morning", "mornings", "in the am", "a.m.", "before work", "before noon"),
        "daytime": (
            "daytime", "day time", "during the day", "daytime hours", "afternoon", "afternoons", "midday", "lunchtime",
            "lunch time", "lunch break",
        ),
        "evening": (
            "evening", "evenings", "in the evening", "nights", "at night", "nighttime", "night time", "after work",
            "after 5", "after five", "after 5pm", "after 6", "after six", "after 6pm", "after 7pm",
        ),
        "weekend": ("weekend", "weekends", "on the weekend", "saturday", "saturdays", "sunday", "sundays"),
    },
    "accreditation": {
        "joint_commission": ("joint commission", "the joint commission", "jcaho", "tjc"),
        "carf": ("carf", "carf accredited", "carf-accredited", "carf accreditation"),
        "ncqa": ("ncqa", "ncqa accredited", "ncqa-accredited", "ncqa accreditation"),
        "coa": ("coa", "council on accreditation"),
        "hfap": ("hfap", "hfap accredited", "hfap-accredited", "healthcare facilities accreditation program"),
        "state_license": (
            "state licensed", "state-licensed", "licensed by the state", "state license", "state licence",
        ),
    },
    "aftercare": {
        "continuing_care": ("continuing care", "aftercare", "after care", "step down", "step-down", "stepdown"),
        "alumni": ("alumni", "alumni program", "alumni group"),
        "discharge_planning": ("discharge planning", "discharge plan"),
        "recovery_support": (
            "recovery support", "peer support", "peer recovery", "recovery coach", "recovery coaching",
            "support groups",
        ),
    },
    "population": {
        "adolescents": (
            "adolescent", "adolescents", "teen", "teens", "teenager", "teenagers", "youth", "high schooler", "minor",
            "under 18",
        ),
        "adults": ("adult", "adults"),
        "seniors": ("senior", "seniors", "older adult", "older adults", "elderly", "over 65", "retiree", "retirees"),
        "women": ("women", "woman", "womens", "female", "females", "ladies"),
        "men": ("men", "mens", "male", "males"),
        "veterans": ("veteran", "veterans", "vet", "vets", "ex-military", "former military", "military veteran"),
        "lgbtq": (
            "lgbtq", "lgbtq+", "lgbt", "lgbtqia", "lgbtqia+", "gay", "lesbian", "bisexual", "trans", "transgender",
            "queer", "nonbinary", "non-binary",
        ),
        "pregnant_postpartum": (
            "pregnant", "pregnancy", "postpartum", "post-partum", "expecting", "new mom", "just had a baby",
        ),
        "justice_involved": (
            "probation", "parole", "probation officer", "parole officer", "court ordered", "court-ordered",
            "court mandated", "court-mandated", "drug court", "dui", "dwi", "justice involved", "justice-involved",
        ),
        "young_adults": (
            "young adult", "young adults", "college student", "college students", "college kids", "college age",
            "college-age", "college aged",
        ),
    },
    "language": {
        "spanish": ("spanish", "espanol", "español", "en español", "en espanol"),
        "chinese": ("chinese", "mandarin", "cantonese"),
        "vietnamese": ("vietnamese", "tiếng việt", "tieng viet"),
        "korean": ("korean", "한국어"),
        "russian": ("russian", "русский"),
        "arabic": ("arabic", "العربية", "عربي"),
        "french": ("french", "français", "francais"),
        "haitian creole": ("haitian creole", "creole", "kreyol", "kreyòl"),
        "portuguese": ("portuguese", "português", "portugues"),
        "tagalog": ("tagalog", "filipino"),
        "polish": ("polish", "polski"),
        "american sign language": ("asl", "american sign language", "sign language"),
        "hindi": ("hindi", "हिन्दी", "हिंदी"),
        "urdu": ("urdu", "اردو"),
        "farsi": ("farsi", "persian"),
        "japanese": ("japanese", "日本語"),
        "german": ("german", "deutsch"),
        "italian": ("italian", "italiano"),
        "ukrainian": ("ukrainian", "українська"),
        "somali": ("somali", "af-soomaali", "soomaali"),
        "hmong": ("hmong", "hmoob"),
        "navajo": ("navajo", "diné bizaad", "dine bizaad"),
    },
    "telehealth": {
        "telehealth": (
            "telehealth", "tele-health", "telemedicine", "online", "virtual", "virtually", "video", "zoom", "remote",
            "remotely",
        ),
    },
    "us_state": {
        s.abbr: (s.name.lower(), *_STATE_EXTRAS.get(s.abbr, ())) for s in sorted(_STATES, key=lambda s: s.abbr)
    },
    "use_frequency": {
        "daily": (
            "daily", "every day", "everyday", "every single day", "each day", "all day", "most days", "every night",
            "every morning", "all the time", "constantly", "every other day", "times a day",
        ),
        "weekly": (
            "weekly", "once a week", "twice a week", "few times a week", "a few times a week", "couple times a week",
            "a couple times a week", "couple of times a week", "several times a week", "times a week", "every weekend",
            "most weekends",
        ),
        "monthly_or_less": (
            "monthly", "once a month", "a few times a month", "a couple times a month", "times a month", "rarely",
            "not often", "now and then", "every now and then", "once in a while", "occasionally", "every couple weeks",
            "every couple of weeks", "every other week", "twice since", "once or twice", "a couple times since",
            "a few times this year", "a few times a year", "hardly ever", "once since", "only twice", "only once",
        ),
    },
    "duty": {
        "work": ("work", "job", "my job", "working", "shift", "shifts", "full-time job", "part-time job"),
        "school": ("school", "high school", "college", "university", "class", "classes", "student"),
        "children": (
            "kids", "my kids", "kid", "children", "child", "child care", "childcare", "baby", "toddler", "little ones",
            "homeschooling", "homeschool",
        ),
    },
}
# fmt: on
