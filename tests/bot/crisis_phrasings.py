"""Labelled phrasings for the crisis layers' tests and benchmarks.

`CRISIS` and `SAFE` are the deterministic detector's own lists, kept in the training corpus
(`bot/nlu/crisis_corpus/detector_lists.tsv`, which the learned model also learns from): `CRISIS`,
(message, expected kind) pairs that the rules alone must catch; `SAFE`, messages that must raise no
alarm (negations, history, questions about treatment, idioms and ordinary answers). The independent
held-out sets are in `bench/crisis_heldout/`.
"""

from __future__ import annotations

from bot.nlu.crisis_model import CORPUS_FOLDER, NONE, read_phrasings

_LISTS = read_phrasings(CORPUS_FOLDER / "detector_lists.tsv")
CRISIS: list[tuple[str, str]] = [(p.text, p.label) for p in _LISTS if p.label != NONE]
SAFE: list[str] = [p.text for p in _LISTS if p.label == NONE] + ["", "   "]  # blank messages too

#: the number each kind's reply starts with (every channel, every language)
NUMBER: dict[str, str] = {
    "overdose": "911", "poisoning": "1-800-222-1222", "medical": "911", "withdrawal": "911", "danger": "911",
    "harm_others": "911", "suicide": "988", "self_harm": "988",
}

#: one crisis message per kind for the precedence matrix (tests/e2e/test_crisis_precedence.py): each
#: also names something a question would take as its answer (a substance, a frequency, a number, a
#: place, a time), so a slot mapping that read crisis messages would show
PRECEDENCE_MESSAGES: dict[str, str] = {
    "overdose": "just did fentanyl and my chest is tight i cant breathe",
    "poisoning": "my 2 year old swallowed some of my methadone what do i do",
    "medical": "my dad collapsed at home in 10001 and he is not breathing",
    "withdrawal": "my dad is having a seizure, he stopped drinking yesterday",
    "danger": "my husband is drunk every day and right now he is hitting me",
    "harm_others": "im going to stab my roommate tonight, i have the knife",
    "suicide": "i drink every day and i want to kill myself",
    "self_harm": "I've been cutting myself again, 3 times this week",
}
#: a Spanish crisis message ("I want to die, I drink alcohol every day"): the reply is in Spanish
SPANISH_MESSAGE = "quiero morirme, tomo alcohol todos los dias"
