"""Benchmark: how a turn's latency grows along one long conversation (a long helpline call).

Rasa rebuilds the whole conversation from the tracker store on every turn and its policies read
all of it, so a turn costs more the longer the conversation. One conversation of 80 turns (a
search in Manhattan, then refinements, details and questions, repeated) over REST against the
servers as ``make run`` starts them; prints the median and maximum of each block of ten turns.
The first block is the baseline of the same run.

Usage: python -m bench.long_conversation [--turns 80]
"""

from __future__ import annotations

import argparse
import statistics
import tempfile
import time
from itertools import cycle, islice
from pathlib import Path

import requests

from bench.turn_latency import SKIP_TO_SEARCH
from bot.servers import DEFAULT_MODEL, assistant, demo_directory

OPENING = tuple(text.format(place="10024") for text, _ in SKIP_TO_SEARCH)
REPEATED = ("show more", "what is an IOP?", "only evening ones", "how much does it cost?", "further away",
            "tell me about the second one")
BLOCK = 10


def script(turns: int) -> list[str]:
    """The conversation's messages: the opening search, then the repeated refinements and questions."""
    return list(islice([*OPENING, *islice(cycle(REPEATED), turns)], turns))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--turns", type=int, default=80)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as scratch, \
            assistant(DEFAULT_MODEL, demo_directory(Path(scratch)), Path(scratch) / "run") as running:
        for text in OPENING:
            requests.post(running.rest_webhook, json={"sender": "warm-up", "message": text}, timeout=60)
        milliseconds = []
        for text in script(args.turns):
            started = time.perf_counter()
            requests.post(running.rest_webhook, json={"sender": "long", "message": text},
                          timeout=60).raise_for_status()
            milliseconds.append((time.perf_counter() - started) * 1000)
    print("| turns | median ms | max ms |\n|---|---|---|")
    for first in range(0, len(milliseconds), BLOCK):
        block = milliseconds[first:first + BLOCK]
        print(f"| {first + 1}-{first + len(block)} | {statistics.median(block):.0f} | {max(block):.0f} |")
    first_block, last_block = milliseconds[:BLOCK], milliseconds[-BLOCK:]
    print(f"\nlast/first block median ratio: {statistics.median(last_block) / statistics.median(first_block):.2f}")


if __name__ == "__main__":
    main()
