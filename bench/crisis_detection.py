"""Benchmark: how the crisis layers do on phrasings they were not written or trained from.

Offline (default): the deterministic rules alone, the learned model alone and both together (the
guard's decision, `bot.nlu.crisis_layers`) on a held-out set of `bench/crisis_heldout/` (written
independently of the rules and the training corpus, never used to tune either) and, for comparison,
5-fold cross-validation on the training corpus. Prints recall (any crisis kind; the right kind),
false alarms, both by kind and language, and which layer decided. It never prints a held-out
message: tuning on them one by one would make the figure worthless.

Live (`--live`): the same held-out messages over REST to a real Rasa and action server, at the
greeting and inside every question of every form (conversations forked through Rasa's HTTP API):
the crisis reply must come first, wherever the person is.

Usage: python -m bench.crisis_detection [--heldout v7] [--cv] [--thresholds] [--live]  (default: the newest set)
"""

from __future__ import annotations

import argparse
import collections
import functools
import statistics
import time
from collections.abc import Callable, Sequence
from pathlib import Path

import numpy as np
from sklearn.model_selection import StratifiedKFold

from bot.nlu.crisis import shared_detector
from bot.nlu.crisis_layers import CrisisAssessor, Verdict
from bot.nlu.crisis_model import (
    CORPUS_FOLDER,
    NONE,
    CrisisModel,
    Phrasing,
    crisis_corpus,
    ordinary_messages,
    read_phrasings,
    rule_signals,
    sentence_vectors,
    training_corpus,
)
from bot.nlu.text import normalise

HELDOUT = Path(__file__).with_name("crisis_heldout")
TARGET_RECALL, TARGET_FALSE_ALARMS = 0.99, 0.02

Decide = Callable[[str], str | None]


def report(name: str, phrasings: Sequence[Phrasing], kinds: Sequence[str | None],
           layers: Sequence[str] | None = None) -> dict[str, float]:
    """Print the figures of one detector's answers (``kinds``, one per phrasing); return the headline ones."""
    crisis = [(p, k) for p, k in zip(phrasings, kinds, strict=True) if p.label != NONE]
    benign = [(p, k) for p, k in zip(phrasings, kinds, strict=True) if p.label == NONE]
    recall = sum(k is not None for _, k in crisis) / len(crisis)
    right = sum(k == p.label for p, k in crisis) / len(crisis)
    alarms = sum(k is not None for _, k in benign) / len(benign)
    print(f"\n{name}: recall {recall:.3f} (right kind {right:.3f}) of {len(crisis)} crisis messages; "
          f"false alarms {alarms:.3f} of {len(benign)} ordinary ones")
    for language in ("en", "es"):
        caught = [k is not None for p, k in crisis if p.language == language]
        alarmed = [k is not None for p, k in benign if p.language == language]
        if caught:
            print(f"  {language}: recall {statistics.mean(caught):.3f} ({len(caught)}), "
                  f"false alarms {statistics.mean(alarmed):.3f} ({len(alarmed)})")
    by_kind = collections.defaultdict(list)
    for p, k in crisis:
        by_kind[p.label].append(k)
    print("  by kind (recall / right kind): " + ", ".join(
        f"{label} {_share(found, lambda k: k is not None):.2f}/{_share(found, lambda k, label=label: k == label):.2f}"
        for label, found in sorted(by_kind.items())))
    if layers is not None:
        decided = collections.Counter(layer for p, layer in zip(phrasings, layers, strict=True) if p.label != NONE)
        print("  crisis messages by deciding layer: " + ", ".join(f"{k} {v}" for k, v in decided.most_common()))
    return {"recall": recall, "right_kind": right, "false_alarms": alarms}


def _share(values: Sequence[str | None], test: Callable[[str | None], bool]) -> float:
    return sum(map(test, values)) / len(values)


def offline(phrasings: Sequence[Phrasing], assessor: CrisisAssessor, model: CrisisModel) -> None:
    texts = [normalise(p.text) for p in phrasings]
    started = time.perf_counter()
    verdicts: list[Verdict] = [assessor.assess(text) for text in texts]
    per_message = (time.perf_counter() - started) / len(texts) * 1000
    detector = shared_detector()
    findings = [detector.find(text) for text in texts]
    report("rules alone", phrasings, [finding.kind for finding in findings])
    opinions = model.opinions([(text, finding.signals) for text, finding in zip(texts, findings, strict=True)])
    report("model alone (reading the rules' signals)", phrasings,
           [opinion.kind if model.flags(opinion) else None for opinion in opinions])
    figures = report("rules + model (the guard)", phrasings, [v.kind for v in verdicts], [v.layer for v in verdicts])
    met = figures["recall"] >= TARGET_RECALL and figures["false_alarms"] <= TARGET_FALSE_ALARMS
    print(f"  {per_message:.2f} ms per message (both layers); targets: recall >= {TARGET_RECALL}, "
          f"false alarms <= {TARGET_FALSE_ALARMS}: {'met' if met else 'NOT met'}")


def cross_validation(folds: int = 5) -> None:
    """The guard on the hand-written training corpus, each fold's model trained on the other folds
    (and on all of the assistant's ordinary messages, as in production)."""
    corpus, ordinary = crisis_corpus(), ordinary_messages()
    detector = shared_detector()
    kinds: list[str | None] = [None] * len(corpus)
    labels = [p.label for p in corpus]
    for train, test in StratifiedKFold(folds, shuffle=True, random_state=0).split(labels, labels):
        assessor = CrisisAssessor(detector, CrisisModel.train([corpus[i] for i in train] + ordinary))
        for i in test:
            kinds[i] = assessor.assess(normalise(corpus[i].text)).kind
    report(f"rules + model, {folds}-fold cross-validation on the hand-written training corpus", corpus, kinds)


def leave_one_set_out(thresholds: Sequence[float] = (0.5, 0.55, 0.6, 0.65, 0.7, 0.75, 0.8)) -> None:
    """The guard on each former held-out set (``former_heldout_v*.tsv``: written apart, like the next one)
    with the model trained on everything else, at several thresholds: how to choose the threshold
    before a new held-out set is opened, on data that was once as unseen as it."""
    corpus, ordinary = crisis_corpus(), ordinary_messages()
    detector = shared_detector()
    former = sorted(CORPUS_FOLDER.glob("former_heldout_v*.tsv"))
    signals, vectors = functools.cache(rule_signals), _cached_vectors()  # each text read once, not once a model
    rows: dict[float, list[tuple[float, float]]] = collections.defaultdict(list)
    for path in former:
        held = {p.text.lower() for p in read_phrasings(path)}
        test = [p for p in corpus if p.text.lower() in held]
        model = CrisisModel.train([p for p in corpus if p.text.lower() not in held] + ordinary, signals,
                                  vectors=vectors)
        texts = [normalise(p.text) for p in test]
        findings = [detector.find(text) for text in texts]
        opinions = model.opinions([(text, f.signals) for text, f in zip(texts, findings, strict=True)])
        for threshold in thresholds:
            flagged = [(f.kind is not None and f.intent) or o.probability >= threshold
                       for f, o in zip(findings, opinions, strict=True)]
            crisis = [hit for p, hit in zip(test, flagged, strict=True) if p.label != NONE]
            benign = [hit for p, hit in zip(test, flagged, strict=True) if p.label == NONE]
            rows[threshold].append((statistics.mean(crisis), statistics.mean(benign)))
    print(f"\nleave one former held-out set out ({', '.join(p.stem for p in former)}): recall / false alarms")
    for threshold, figures in rows.items():
        cells = "  ".join(f"{r:.3f}/{a:.3f}" for r, a in figures)
        print(f"  threshold {threshold:.2f}: {cells}   mean {statistics.mean(r for r, _ in figures):.3f}/"
              f"{statistics.mean(a for _, a in figures):.3f}")


def _cached_vectors() -> Callable[[Sequence[str]], np.ndarray]:
    """``sentence_vectors`` that embeds each distinct text once per process."""
    cache: dict[str, np.ndarray] = {}

    def vectors(texts: Sequence[str]) -> np.ndarray:
        missing = list(dict.fromkeys(text for text in texts if text not in cache))
        if missing:
            cache.update(zip(missing, sentence_vectors(missing), strict=True))
        return np.stack([cache[text] for text in texts])

    return vectors


def unseen(phrasings: Sequence[Phrasing]) -> tuple[list[Phrasing], int]:
    """The held-out phrasings whose text the model was not trained on, and how many were left out."""
    trained = {phrasing.text.lower() for phrasing in training_corpus()}
    kept = [phrasing for phrasing in phrasings if phrasing.text.lower() not in trained]
    return kept, len(phrasings) - len(kept)


def newest_heldout() -> str:
    """The name of the newest held-out set ("v5" beats "v4"); the one a figure should come from."""
    names = [path.stem for path in HELDOUT.glob("*.tsv")]
    return max(names, key=lambda name: (len(name), name), default="")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--heldout", default=newest_heldout(),
                        help="which held-out set (bench/crisis_heldout/<name>.tsv; default: the newest)")
    parser.add_argument("--cv", action="store_true", help="also cross-validate on the training corpus")
    parser.add_argument("--live", action="store_true", help="also run the held-out set over REST, in every form")
    parser.add_argument("--thresholds", action="store_true",
                        help="also sweep the model's threshold, leaving each former held-out set out in turn")
    args = parser.parse_args()
    heldout, shared = unseen(read_phrasings(HELDOUT / f"{args.heldout}.tsv"))
    print(f"held-out set {args.heldout}: {len(heldout)} messages ({shared} more that the training data also has "
          f"word for word, such as \"hi\" or \"alcohol\", left out)")
    assessor = CrisisAssessor()
    offline(heldout, assessor, assessor.model)
    if args.cv:
        cross_validation()
    if args.thresholds:
        leave_one_set_out()
    if args.live:
        from bench.crisis_live import live

        live(heldout)


if __name__ == "__main__":
    main()
