"""Benchmark: NLU 5-fold cross-validation (intent F1, FAQ response selection F1), with the real config.

Runs ``rasa test nlu --cross-validation`` on ``data/nlu`` with ``config.yml`` (the crisis guard
included) and prints the weighted and macro intent F1, the intents below 0.90 and the FAQ response
selector's F1. Takes about 30 minutes on two cores.

Usage: python -m bench.nlu_cross_validation [--folds 5]
"""

from __future__ import annotations

import argparse
import json
import subprocess
import tempfile
import time
from pathlib import Path

from bot.servers import RASA, REPO_ROOT

TARGET_F1 = 0.90


def summary(report: dict) -> tuple[float, float, dict[str, float]]:
    """(weighted F1, macro F1, {label: F1} for the labels under the target) of a Rasa report."""
    weak = {label: scores["f1-score"] for label, scores in report.items()
            if isinstance(scores, dict) and "support" in scores and label not in ("weighted avg", "macro avg",
                                                                                   "micro avg")
            and scores["f1-score"] < TARGET_F1}
    return report["weighted avg"]["f1-score"], report["macro avg"]["f1-score"], weak


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--folds", type=int, default=5)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as scratch:
        started = time.perf_counter()
        subprocess.run(
            [str(RASA), "test", "nlu", "--nlu", "data/nlu", "--config", "config.yml", "--cross-validation",
             "--folds", str(args.folds), "--out", scratch],
            cwd=REPO_ROOT, check=True, capture_output=True,
        )
        minutes = (time.perf_counter() - started) / 60
        intents = json.loads((Path(scratch) / "intent_report.json").read_text())
        selection_path = Path(scratch) / "response_selection_report.json"
        selection = json.loads(selection_path.read_text()) if selection_path.exists() else None
    weighted, macro, weak = summary(intents)
    print(f"{args.folds}-fold cross-validation in {minutes:.1f} min")
    print(f"| intents | weighted F1 | macro F1 |\n|---|---|---|\n| test folds | {weighted:.4f} | {macro:.4f} |")
    if weak:
        print("under 0.90: " + ", ".join(f"{label} {f1:.2f}" for label, f1 in sorted(weak.items())))
    if selection:
        weighted, macro, weak = summary(selection)
        print(f"FAQ response selection: weighted F1 {weighted:.4f}, macro F1 {macro:.4f}")
        if weak:
            print("under 0.90: " + ", ".join(f"{label} {f1:.2f}" for label, f1 in sorted(weak.items())))


if __name__ == "__main__":
    main()
