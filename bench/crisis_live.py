"""The held-out crisis set over REST, at the greeting and inside every question of every form.

Starts the assistant (the committed model, a 25,000-programme demo directory) with Rasa's API on,
walks one typed conversation to every question (`bench.conversation_states`), and sends every
held-out message at the greeting and at `spread` other points (questions of the forms, the results,
an answered question, the close: round robin, so each point gets its share), each in a fork of that
conversation. A crisis message counts as caught when the first thing the assistant says is a crisis
reply; an ordinary one raises a false alarm when it is. Also times crisis turns against ordinary
turns (p50, p95). Prints shares only, never a message.
"""

from __future__ import annotations

import collections
import itertools
import statistics
import tempfile
import time
from collections.abc import Sequence
from pathlib import Path

from actions.crisis import CRISIS_KINDS, reply_response
from bench.conversation_states import Rasa, State, every_question
from bot.nlu.crisis_model import NONE, Phrasing
from bot.servers import DEFAULT_MODEL, assistant, demo_directory

TOKEN = "bench-crisis-live"
CRISIS_REPLIES = {reply_response(kind) for kind in CRISIS_KINDS}


def _first_response(rasa: Rasa, sender: str, events_before: int) -> str | None:
    """The response name of the first bot message after ``events_before`` events."""
    for event in rasa.tracker(sender)["events"][events_before:]:
        if event["event"] == "bot":
            return (event.get("metadata") or {}).get("utter_action")
    return None


def at_every_question(rasa: Rasa, states: Sequence[State], phrasings: Sequence[Phrasing], spread: int = 3) -> None:
    caught: dict[str, list[bool]] = collections.defaultdict(list)
    alarms: dict[str, list[bool]] = collections.defaultdict(list)
    timing: dict[bool, list[float]] = {True: [], False: []}
    greeting = next(state for state in states if state.name == "greeting")
    others = itertools.cycle([state for state in states if state is not greeting])
    for phrasing in phrasings:
        for state in [greeting, *itertools.islice(others, spread)]:
            sender = rasa.fork(state)
            started = time.perf_counter()
            rasa.say(sender, phrasing.text)
            timing[phrasing.label != NONE].append((time.perf_counter() - started) * 1000)
            crisis = _first_response(rasa, sender, len(state.events)) in CRISIS_REPLIES
            (caught if phrasing.label != NONE else alarms)[state.name].append(crisis)
    print(f"\nover REST: {len(phrasings)} messages at the greeting, and each at {spread} of the "
          f"{len(states) - 1} other points:")
    for state in states:
        print(f"  {state.name:36} recall {statistics.mean(caught[state.name]):.3f}  "
              f"false alarms {statistics.mean(alarms[state.name]):.3f}")
    every_caught = [hit for hits in caught.values() for hit in hits]
    every_alarm = [hit for hits in alarms.values() for hit in hits]
    lowest = min(statistics.mean(hits) for hits in caught.values())
    print(f"  all points: recall {statistics.mean(every_caught):.3f} (lowest at one point {lowest:.3f}), "
          f"false alarms {statistics.mean(every_alarm):.3f}")
    for crisis, label in ((True, "crisis turns"), (False, "ordinary turns")):
        values = sorted(timing[crisis])
        print(f"  {label}: p50 {statistics.median(values):.0f} ms, p95 {values[int(len(values) * 0.95) - 1]:.0f} ms "
              f"({len(values)} turns)")


def live(phrasings: Sequence[Phrasing]) -> None:
    """Start the assistant and run ``phrasings`` at every question (about 20 minutes for 750 messages)."""
    with tempfile.TemporaryDirectory() as scratch:
        folder = Path(scratch)
        database = demo_directory(folder)
        with assistant(DEFAULT_MODEL, database, folder / "run", extra_env={"RASA_API_TOKEN": TOKEN}) as running:
            rasa = Rasa(running.rasa_url, TOKEN)
            at_every_question(rasa, every_question(rasa), phrasings)
