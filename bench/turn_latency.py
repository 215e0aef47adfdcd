"""Benchmark: per-turn latency of the running assistant over REST, its memory, and training time.

Starts the action server and the Rasa server (bot.servers, as ``make run`` does) over a fresh
25,000-programme demo directory, plays scripted conversations over the REST channel and reports
p50/p95 per turn, separately for turns that search the directory and turns that do not. Most
searches are in dense cities (Manhattan first), the hard case for the directory. The baseline in
the same run is the non-search turns: the search turns' extra cost is their ratio to it.

Usage: python -m bench.turn_latency [--conversations 100] [--model models/iop-finder.tar.gz] [--train]
``--train`` also times ``rasa train`` from scratch (an empty cache, a temporary output folder).
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path

import requests

from bench.directory_search import percentile
from bot.servers import DEFAULT_MODEL, RASA, REPO_ROOT, assistant, demo_directory

DENSE_PLACES = ("10024", "10001", "New York, NY", "11211", "90012", "Chicago, IL", "60614", "19104", "77002", "94103")
SEARCH_MARKERS = ("I found ", "I couldn't find a program", "That's all the programs")

#: (message, searches?) turns of a conversation that skips straight to a search and refines
SKIP_TO_SEARCH = (
    ("IOPs near {place} that take medicaid", False),
    ("just search", False),  # the offer of questions first, declined
    ("no thats all", True),
    ("show more", True),
    ("only evening ones", True),
    ("tell me about the first one", False),
    ("further away", True),
    ("what is an IOP?", False),
)
#: a whole assessment, then the search
FULL_ASSESSMENT = (
    ("hi", False), ("for me", False), ("alcohol", False), ("a few times a week", False), ("2", False),
    ("1", False), ("0", False), ("no", False), ("no", False), ("no", False), ("yes", False), ("no", False),
    ("yes", False), ("yes", False), ("yes", False), ("work", False), ("7", False), ("yes", False),
    ("evenings", False), ("{place}", False), ("25 miles", False), ("medicaid", False), ("no", True),
    ("show more", True),
)


@dataclass
class Timings:
    search: list[float] = field(default_factory=list)
    other: list[float] = field(default_factory=list)
    mislabelled: int = 0


def rss_mib(pid: int) -> float:
    """Resident memory of a process (Linux /proc), in MiB."""
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return float("nan")


def play(webhook: str, sender: str, script: tuple[tuple[str, bool], ...], place: str, timings: Timings) -> None:
    for text, searches in script:
        started = time.perf_counter()
        response = requests.post(webhook, json={"sender": sender, "message": text.format(place=place)}, timeout=60)
        elapsed = (time.perf_counter() - started) * 1000
        response.raise_for_status()
        replied = " ".join(message.get("text", "") for message in response.json())
        did_search = any(marker in replied for marker in SEARCH_MARKERS)
        timings.mislabelled += did_search != searches
        (timings.search if did_search else timings.other).append(elapsed)


def time_training() -> float:
    with tempfile.TemporaryDirectory() as scratch:
        env = {**os.environ, "RASA_CACHE_DIRECTORY": str(Path(scratch) / "cache")}
        started = time.perf_counter()
        subprocess.run([str(RASA), "train", "--domain", "domain", "--out", str(Path(scratch) / "models")],
                       cwd=REPO_ROOT, env=env, check=True, capture_output=True)
        return time.perf_counter() - started


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--conversations", type=int, default=100)
    parser.add_argument("--model", type=Path, default=DEFAULT_MODEL)
    parser.add_argument("--train", action="store_true")
    args = parser.parse_args()
    if args.train:
        print(f"training from scratch: {time_training():.0f} s")
    timings = Timings()
    with tempfile.TemporaryDirectory() as scratch, \
            assistant(args.model, demo_directory(Path(scratch)), Path(scratch) / "run") as running:
        play(running.rest_webhook, "warm-up", SKIP_TO_SEARCH, DENSE_PLACES[0], Timings())
        for number in range(args.conversations):
            script = FULL_ASSESSMENT if number % 5 == 4 else SKIP_TO_SEARCH
            play(running.rest_webhook, f"bench-{number}", script, DENSE_PLACES[number % len(DENSE_PLACES)],
                 timings)
        memory = rss_mib(running.rasa_pid), rss_mib(running.action_pid)
    print(f"{args.conversations} conversations, {len(timings.search) + len(timings.other)} turns "
          f"({timings.mislabelled} turns searched when the script did not expect it, or the reverse)")
    print("| turns | n | p50 ms | p95 ms | max ms |\n|---|---|---|---|---|")
    for name, values in (("search the directory", timings.search), ("no search", timings.other)):
        print(f"| {name} | {len(values)} | {statistics.median(values):.0f} | {percentile(values, 95):.0f} "
              f"| {max(values):.0f} |")
    print(f"\nsearch/no-search p95 ratio: {percentile(timings.search, 95) / percentile(timings.other, 95):.2f}")
    print(f"resident memory: Rasa server {memory[0]:.0f} MiB, action server {memory[1]:.0f} MiB")


if __name__ == "__main__":
    main()
