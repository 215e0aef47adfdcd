"""Simulated users: do people who TYPE every answer get through the assistant's questions to search
results as well as people who tap buttons?

Starts the assistant once (the committed model, a 25,000-programme demo directory, Rasa's HTTP API on
with a token, free loopback ports, as bench.crisis_live does) and plays every persona of
bench/personas.yml (the tuning set; ``--held-out``: bench/personas_heldout.yml, written apart and never
tuned on) twice: ``typed`` (always sends the typed answer, never a payload) and ``tapped``
(sends the payload of the button titled ``taps[slot]`` when the question offered it, else the typed
answer). After each turn the tracker tells which question is open (the active form's
``requested_slot``, or the ``utter_ask_<slot>`` sent outside a form) and what the assistant said
(``metadata.utter_action`` of the bot events). With no question open the person asks to search, or
goes on after an offer to continue (by its button in ``tapped`` mode), rephrasing when not
understood. A conversation ends when the search ran (``results_found`` set or
``action_search_programmes`` run) or after 40 user turns.

Figures per persona and mode, and per mode in total: reached the search questions (``search_form``
active: past the assessment), reached results, the expected level suggested,
user turns to results, "didn't get that" replies (``utter_default`` and any response named
``*invalid*``, ``*unknown*`` or ``*not_understood*``), whether every programme shown serves the groups the
persona needs (``expected_populations``: a minor needs teen programmes), questions given up on (``utter_moving_on``),
repeated questions (the same ``utter_ask_<slot>`` sent again with the slot still empty, not counting
the re-ask that follows an aside, which is counted apart), the slots asked again most often, crisis
replies, and question slots filled out of turn (a new value set by a message meant as the answer to
another question, or by an aside: a misreading that no "didn't get that" shows, or an answer the
assistant derives on purpose, like one screener item from another).
Logs name personas and slots only, never a message (``--verbose`` prints the transcripts,
for debugging).

Usage: python -m bench.conversations [--held-out] [--only typed|tapped] [--personas N] [--persona NAME]
       [--json PATH] [--verbose] [--model PATH]
"""

from __future__ import annotations

import argparse
import collections
import itertools
import json
import statistics
import tempfile
import time
from collections.abc import Callable, Iterable, Sequence
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

import yaml

from bench.conversation_states import Rasa
from bot.servers import DEFAULT_MODEL, REPO_ROOT, assistant, demo_directory
from directory.stores.sqlite import SqliteStore

TOKEN = "bench-conversations"
PERSONAS = Path(__file__).with_name("personas.yml")
MODES = ("typed", "tapped")
MAX_USER_TURNS = 40
ASK_PREFIX = "utter_ask_"
NOT_UNDERSTOOD_EXACT = frozenset({"utter_default"})
NOT_UNDERSTOOD_PARTS = ("invalid", "unknown", "not_understood")
#: the assistant gave up on a question and went on without the answer
MOVED_ON = "utter_moving_on"
CRISIS_PREFIX = "utter_crisis_"
CONTINUE_OFFERS = frozenset({"utter_crisis_offer", "utter_offer_continue"})
SEARCH_ACTIONS = frozenset({"action_search_programmes"})
SEARCH_FORM = "search_form"
#: what a typing person says when no question is open, after an offer to go on and otherwise; when
#: that is not understood either, the next phrasing, in turn
TYPED_CONTINUE = ("ok, keep going", "yes, search please", "can you help me find a program?")
TYPED_SEARCH = ("yes, search please", "ok, keep going", "can you help me find a program?")
#: the buttons a tapping person taps in those two cases (payload prefixes)
CONTINUE_PAYLOADS = ("/continue",)
SEARCH_PAYLOADS = ("/search_programmes", "/affirm", "/continue")
#: the answer sent to a question a persona has no answer for (counted as unscripted)
FALLBACK_ANSWER = "not sure"
#: persona keys that name a question by another name than its slot ("age" answers ``age_band``; the
#: teen wording of the hours question is still ``can_commit_hours``)
SLOT_NAMES = {"age": "age_band", "can_commit_hours_teen": "can_commit_hours"}
PERSONAS_HELD_OUT = Path(__file__).with_name("personas_heldout.yml")
DOMAIN = REPO_ROOT / "domain" / "core.yml"
_run_ids = itertools.count()


@dataclass(frozen=True)
class Persona:
    """One simulated person: what they open with, type, tap and ask in between."""

    name: str
    description: str
    expected_level: str
    opening: str
    answers: dict[str, str]
    taps: dict[str, str]
    asides: dict[str, tuple[str, ...]]
    #: the groups every programme shown must serve (a minor: adolescents; "a women's program": women)
    expected_populations: frozenset[str] = frozenset()


@dataclass
class Step:
    """One user message: what the driver meant it as (``answer``, ``aside``, ``opening``, ``continue``,
    ``search``), for which slot, and whether it was a button's payload."""

    kind: str
    slot: str | None
    text: str
    payload: bool = False


@dataclass
class Outcome:
    """The figures of one persona in one mode."""

    persona: str
    mode: str
    expected_level: str
    suggested_level: str | None = None
    reached_search_questions: bool = False
    reached_results: bool = False
    results_found: bool | None = None
    user_turns: int = 0
    turns_to_results: int | None = None
    not_understood: int = 0
    moved_on: int = 0
    repeated_questions: int = 0
    reasked_after_aside: int = 0
    repeated_slots: dict[str, int] = field(default_factory=dict)
    crisis_replies: int = 0
    unscripted_slots: list[str] = field(default_factory=list)
    taps_missing: list[str] = field(default_factory=list)
    asides_sent: int = 0
    filled_out_of_turn: dict[str, int] = field(default_factory=dict)
    expected_populations: tuple[str, ...] = ()
    #: whether every programme shown serves the expected populations (None: none expected or none shown)
    populations_served: bool | None = None

    @property
    def level_matched(self) -> bool:
        return self.suggested_level == self.expected_level


# -- personas -------------------------------------------------------------------------------------


def load_personas(path: Path = PERSONAS) -> list[Persona]:
    """The personas of ``path`` (bench/personas.yml), every answer as a string."""
    raw = yaml.safe_load(path.read_text())
    return [_persona(entry) for entry in raw]


def _persona(entry: dict[str, Any]) -> Persona:
    """One persona from its YAML mapping; ``asides`` grouped by the slot they come before."""
    asides: dict[str, list[str]] = collections.defaultdict(list)
    for aside in entry.get("asides") or ():
        asides[aside["before"]].append(str(aside["text"]))
    return Persona(
        name=entry["name"], description=entry.get("description", ""), expected_level=entry["expected_level"],
        opening=str(entry["opening"]),
        answers={SLOT_NAMES.get(slot, slot): str(text) for slot, text in (entry.get("answers") or {}).items()},
        taps={SLOT_NAMES.get(slot, slot): str(title) for slot, title in (entry.get("taps") or {}).items()},
        asides={SLOT_NAMES.get(slot, slot): tuple(texts) for slot, texts in asides.items()},
        expected_populations=frozenset(entry.get("expected_populations") or ()),
    )


def question_slots(domain: Path = DOMAIN) -> frozenset[str]:
    """Every slot a question asks: ``who_for`` and the forms' required slots."""
    forms = yaml.safe_load(domain.read_text())["forms"]
    return frozenset({"who_for", *(slot for form in forms.values() for slot in form["required_slots"])})


QUESTION_SLOTS = question_slots()


# -- reading the tracker --------------------------------------------------------------------------


def utter_name(event: dict[str, Any]) -> str | None:
    """The response name of a bot event (``metadata.utter_action``), if it has one."""
    return (event.get("metadata") or {}).get("utter_action")


def since_last_user(events: Sequence[dict[str, Any]]) -> list[dict[str, Any]]:
    """The events after the last user message (everything the assistant did in the last turn)."""
    for index in range(len(events) - 1, -1, -1):
        if events[index]["event"] == "user":
            return list(events[index + 1:])
    return list(events)


def search_ran(tracker: dict[str, Any]) -> bool:
    """Whether results were shown: ``results_found`` set, or the search action ran."""
    if tracker["slots"].get("results_found") is not None:
        return True
    return any(event["event"] == "action" and event.get("name") in SEARCH_ACTIONS for event in tracker["events"])


def open_question(tracker: dict[str, Any]) -> tuple[str, str | None]:
    """What the assistant waits for: ``("continue", None)`` when its last prompt was an offer to go on,
    ``("slot", name)`` for the active form's question or an ``utter_ask_<slot>`` just sent, else
    ``("search", None)``. When the last turn asked nothing (a "didn't get that" alone), the question
    asked before still waits if its slot is still empty."""
    prompts = _prompts(since_last_user(tracker["events"]))
    if prompts and prompts[-1] in CONTINUE_OFFERS:
        return "continue", None
    loop = (tracker.get("active_loop") or {}).get("name")
    requested = tracker["slots"].get("requested_slot")
    if loop and requested:
        return "slot", requested
    if prompts:
        return "slot", prompts[-1][len(ASK_PREFIX):]
    earlier = _prompts(tracker["events"])
    if earlier and earlier[-1] in CONTINUE_OFFERS:
        return "continue", None
    if earlier and tracker["slots"].get(earlier[-1][len(ASK_PREFIX):]) is None:
        return "slot", earlier[-1][len(ASK_PREFIX):]
    return "search", None


def _prompts(events: Iterable[dict[str, Any]]) -> list[str]:
    """The questions (``utter_ask_<slot>``) and offers to go on among ``events``' bot messages."""
    names = [utter_name(event) or "" for event in events if event["event"] == "bot"]
    return [name for name in names if name.startswith(ASK_PREFIX) or name in CONTINUE_OFFERS]


# -- choosing what the person says ----------------------------------------------------------------


def buttons_of(replies: Iterable[dict[str, Any]]) -> dict[str, str]:
    """The buttons the last replies offered: title -> payload."""
    return {button["title"]: button["payload"] for reply in replies for button in reply.get("buttons") or ()}


def first_payload(buttons: dict[str, str], prefixes: Sequence[str]) -> str | None:
    """The payload of the first offered button starting with one of ``prefixes``."""
    return next((payload for payload in buttons.values() if payload.startswith(tuple(prefixes))), None)


def answer_step(persona: Persona, slot: str, mode: str, buttons: dict[str, str], outcome: Outcome) -> Step:
    """The answer to ``slot``: the tapped button's payload in ``tapped`` mode when it is offered, else
    the typed answer (a fallback, counted, when the persona has none)."""
    if mode == "tapped" and slot in persona.taps:
        payload = buttons.get(persona.taps[slot])
        if payload is not None:
            return Step("answer", slot, payload, payload=True)
        outcome.taps_missing.append(slot)
    if slot not in persona.answers:
        outcome.unscripted_slots.append(slot)
    return Step("answer", slot, persona.answers.get(slot, FALLBACK_ANSWER))


def no_question_step(kind: str, mode: str, buttons: dict[str, str], attempt: int) -> Step:
    """What to say when no question is open: go on after an offer to continue, otherwise ask to search
    (the ``attempt``-th phrasing, when the earlier ones were not understood); in ``tapped`` mode by
    the matching button when one is offered."""
    typed, prefixes = (TYPED_CONTINUE, CONTINUE_PAYLOADS) if kind == "continue" else (TYPED_SEARCH, SEARCH_PAYLOADS)
    payload = first_payload(buttons, prefixes) if mode == "tapped" else None
    return Step(kind, None, payload or typed[attempt % len(typed)], payload=payload is not None)


# -- playing one conversation ---------------------------------------------------------------------


class Conversation:
    """One persona talking to the assistant in one mode."""

    def __init__(self, rasa: Rasa, persona: Persona, mode: str, verbose: bool = False,
                 populations: Callable[[str], frozenset[str]] | None = None) -> None:
        self.rasa, self.persona, self.mode, self.verbose = rasa, persona, mode, verbose
        self.populations = populations
        self.sender = f"conv-{persona.name}-{mode}-{next(_run_ids)}-{int(time.time())}"
        self.steps: list[Step] = []
        self.replies: list[dict[str, Any]] = []
        #: the buttons offered with each question when it was last asked (a person can tap them later)
        self.question_buttons: dict[str, dict[str, str]] = {}
        self.outcome = Outcome(persona.name, mode, persona.expected_level)

    def send(self, step: Step) -> None:
        """Send one user message and keep the replies (for their buttons)."""
        self.steps.append(step)
        self.replies = self.rasa.say(self.sender, step.text)
        if self.verbose:
            print(f"  USER [{step.kind}:{step.slot or '-'}]{' (tap)' if step.payload else ''}: {step.text}")
            for reply in self.replies:
                titles = [button["title"] for button in reply.get("buttons") or ()]
                print(f"  BOT: {reply.get('text', '')}{f'  {titles}' if titles else ''}")

    def play(self) -> Outcome:
        """Walk the conversation to the results or to the turn limit; return its figures."""
        self.send(Step("opening", None, self.persona.opening))
        asides_done: set[str] = set()
        idle = 0  # messages in a row sent with no question open
        tracker = self.rasa.tracker(self.sender)
        while not search_ran(tracker) and len(self.steps) < MAX_USER_TURNS:
            kind, slot = open_question(tracker)
            if kind == "slot" and slot in self.persona.asides and slot not in asides_done:
                asides_done.add(slot)
                for text in self.persona.asides[slot][:MAX_USER_TURNS - len(self.steps)]:
                    self.send(Step("aside", slot, text))
            elif kind == "slot":
                idle = 0
                self.send(answer_step(self.persona, slot, self.mode, self.buttons_for(slot), self.outcome))
            else:
                self.send(no_question_step(kind, self.mode, buttons_of(self.replies), idle))
                idle += 1
            tracker = self.rasa.tracker(self.sender)
        return self.score(tracker)

    def buttons_for(self, slot: str) -> dict[str, str]:
        """The buttons of question ``slot``: those of the last replies when they offered any, else the
        ones offered when it was last asked."""
        buttons = buttons_of(self.replies)
        if buttons:
            self.question_buttons[slot] = buttons
        return self.question_buttons.get(slot, {})

    def score(self, tracker: dict[str, Any]) -> Outcome:
        """Fill the outcome's figures from the final tracker."""
        outcome = self.outcome
        outcome.user_turns = len(self.steps)
        outcome.suggested_level = tracker["slots"].get("suggested_level")
        outcome.results_found = tracker["slots"].get("results_found")
        outcome.reached_results = search_ran(tracker)
        outcome.reached_search_questions = any(
            event["event"] == "active_loop" and event.get("name") == SEARCH_FORM for event in tracker["events"])
        outcome.turns_to_results = outcome.user_turns if outcome.reached_results else None
        outcome.asides_sent = sum(step.kind == "aside" for step in self.steps)
        outcome.expected_populations = tuple(sorted(self.persona.expected_populations))
        shown = tracker["slots"].get("shown_programmes") or []
        if self.persona.expected_populations and shown and self.populations:
            outcome.populations_served = all(self.persona.expected_populations <= self.populations(programme)
                                             for programme in shown)
        count_events(tracker["events"], self.steps, outcome, QUESTION_SLOTS)
        return outcome


def count_events(events: Sequence[dict[str, Any]], steps: Sequence[Step], outcome: Outcome,
                 questions: frozenset[str]) -> None:
    """Not-understood replies, crisis replies, repeated questions and slots filled out of turn, from
    the tracker's events.

    A question is repeated when its ``utter_ask_<slot>`` is sent again while the slot is still (or
    again) empty; after an aside the re-ask is counted apart. A question's slot (of ``questions``) is
    filled out of turn when a message meant as the answer to another question, or an aside, gives it
    a new value.
    """
    asked: set[str] = set()
    values: dict[str, Any] = {}
    repeats: collections.Counter[str] = collections.Counter()
    out_of_turn: collections.Counter[str] = collections.Counter()
    step: Step | None = None
    user_index = -1
    for event in events:
        kind, name = event["event"], event.get("name")
        if kind == "user":
            user_index += 1
            step = steps[user_index] if user_index < len(steps) else None
        elif kind == "slot" and name != "requested_slot":
            value = event.get("value")
            if value is not None and name in questions and values.get(name) != value and _out_of_turn(step, name):
                out_of_turn[name] += 1
            values[name] = value
        elif kind in ("reset_slots", "restart"):
            asked.clear()
            values.clear()
        elif kind == "bot":
            _count_reply(utter_name(event) or "", asked, values, step, repeats, outcome)
    outcome.repeated_questions = sum(repeats.values())
    outcome.repeated_slots = dict(repeats)
    outcome.filled_out_of_turn = dict(out_of_turn)


def _out_of_turn(step: Step | None, slot: str) -> bool:
    """Whether ``step`` (the last user message) was an answer to another question, or an aside."""
    return step is not None and step.kind in ("answer", "aside") and step.slot != slot


def _count_reply(name: str, asked: set[str], values: dict[str, Any], step: Step | None,
                 repeats: collections.Counter[str], outcome: Outcome) -> None:
    """Count one bot response: not understood, moved on, crisis, or a question asked again (``asked``:
    the questions asked so far, ``values``: the slots' current values)."""
    outcome.not_understood += is_not_understood(name)
    outcome.moved_on += name == MOVED_ON
    outcome.crisis_replies += name.startswith(CRISIS_PREFIX) and name not in CONTINUE_OFFERS
    if not name.startswith(ASK_PREFIX):
        return
    slot = name[len(ASK_PREFIX):]
    if slot in asked and values.get(slot) is None:
        if step is not None and step.kind == "aside":
            outcome.reasked_after_aside += 1
        else:
            repeats[slot] += 1
    asked.add(slot)


def is_not_understood(name: str) -> bool:
    """Whether a response says the assistant did not get the answer."""
    return name in NOT_UNDERSTOOD_EXACT or any(part in name for part in NOT_UNDERSTOOD_PARTS)


# -- figures --------------------------------------------------------------------------------------


def share(values: Sequence[bool]) -> float | None:
    """The share of true values (None for none)."""
    return round(sum(values) / len(values), 3) if values else None


def median(values: Sequence[float]) -> float | None:
    return statistics.median(values) if values else None


def totals(outcomes: Sequence[Outcome]) -> dict[str, Any]:
    """The figures of one mode over all its conversations."""
    turns = [o.turns_to_results for o in outcomes if o.turns_to_results is not None]
    levels = collections.Counter(f"{o.expected_level} -> {o.suggested_level}" for o in outcomes)
    return {
        "conversations": len(outcomes),
        "reached_search_questions": sum(o.reached_search_questions for o in outcomes),
        "reached_search_questions_share": share([o.reached_search_questions for o in outcomes]),
        "reached_results": sum(o.reached_results for o in outcomes),
        "reached_results_share": share([o.reached_results for o in outcomes]),
        "expected_level": sum(o.level_matched for o in outcomes),
        "expected_level_share": share([o.level_matched for o in outcomes]),
        "populations_served": sum(o.populations_served is True for o in outcomes),
        "populations_checked": sum(o.populations_served is not None for o in outcomes),
        "turns_to_results_median": median(turns),
        "turns_to_results": turns,
        "not_understood_median": median([o.not_understood for o in outcomes]),
        "not_understood_total": sum(o.not_understood for o in outcomes),
        "moved_on_total": sum(o.moved_on for o in outcomes),
        "repeated_questions_total": sum(o.repeated_questions for o in outcomes),
        "reasked_after_aside_total": sum(o.reasked_after_aside for o in outcomes),
        "crisis_replies_total": sum(o.crisis_replies for o in outcomes),
        "filled_out_of_turn_total": sum(sum(o.filled_out_of_turn.values()) for o in outcomes),
        "filled_out_of_turn": _summed([o.filled_out_of_turn for o in outcomes]),
        "most_repeated_slots": dict(list(_summed(o.repeated_slots for o in outcomes).items())[:10]),
        "unscripted_slots": dict(collections.Counter(s for o in outcomes for s in o.unscripted_slots)),
        "taps_missing": dict(collections.Counter(s for o in outcomes for s in o.taps_missing)),
        "levels_expected_to_suggested": dict(sorted(levels.items())),
    }


def _summed(counts: Iterable[dict[str, int]]) -> dict[str, int]:
    """Per-slot counts added up, most first."""
    total: collections.Counter[str] = collections.Counter()
    for count in counts:
        total.update(count)
    return dict(total.most_common())


def print_outcome(outcome: Outcome) -> None:
    """One line per persona and mode: names, slot names and figures only."""
    turns = outcome.turns_to_results if outcome.reached_results else f"none in {outcome.user_turns}"
    level = "ok" if outcome.level_matched else f"{outcome.suggested_level} (expected {outcome.expected_level})"
    extra = f" repeated {outcome.repeated_slots}" if outcome.repeated_slots else ""
    extra += f" unscripted {outcome.unscripted_slots}" if outcome.unscripted_slots else ""
    extra += f" taps missing {outcome.taps_missing}" if outcome.taps_missing else ""
    extra += f" moved-on {outcome.moved_on}" if outcome.moved_on else ""
    extra += f" crisis {outcome.crisis_replies}" if outcome.crisis_replies else ""
    extra += f" out-of-turn {outcome.filled_out_of_turn}" if outcome.filled_out_of_turn else ""
    extra += " POPULATION NOT SERVED" if outcome.populations_served is False else ""
    print(f"  {outcome.persona:28} {outcome.mode:6} results {'yes' if outcome.reached_results else 'NO ':3} "
          f"turns {turns!s:9} level {level}  didn't-get {outcome.not_understood}{extra}", flush=True)


def print_totals(mode: str, figures: dict[str, Any]) -> None:
    """The totals of one mode."""
    print(f"\n{mode}: {figures['conversations']} conversations")
    print(f"  reached search form    {figures['reached_search_questions']} "
          f"({figures['reached_search_questions_share']})")
    print(f"  reached results        {figures['reached_results']} ({figures['reached_results_share']})")
    print(f"  expected level         {figures['expected_level']} ({figures['expected_level_share']})")
    print(f"  populations served     {figures['populations_served']} of {figures['populations_checked']} "
          "result lists where a group was a must")
    print(f"  turns to results       median {figures['turns_to_results_median']}  {figures['turns_to_results']}")
    print(f"  didn't get that        median {figures['not_understood_median']}  total "
          f"{figures['not_understood_total']}")
    print(f"  gave up, moved on      {figures['moved_on_total']}")
    print(f"  repeated questions     {figures['repeated_questions_total']} "
          f"(+{figures['reasked_after_aside_total']} re-asked after an aside)")
    print(f"  crisis replies         {figures['crisis_replies_total']}")
    print(f"  most repeated slots    {figures['most_repeated_slots']}")
    print(f"  filled out of turn     {figures['filled_out_of_turn_total']} {figures['filled_out_of_turn']}")
    print(f"  unscripted questions   {figures['unscripted_slots']}")
    if figures["taps_missing"]:
        print(f"  taps not offered       {figures['taps_missing']}")
    print("  levels (expected -> suggested):")
    for pair, count in figures["levels_expected_to_suggested"].items():
        print(f"    {count:3}  {pair}")


# -- running --------------------------------------------------------------------------------------


def run_all(rasa: Rasa, personas: Sequence[Persona], modes: Sequence[str], verbose: bool,
            populations: Callable[[str], frozenset[str]] | None = None) -> list[Outcome]:
    """Play every persona in every mode; ``verbose`` prints the transcripts;
    ``populations`` gives the groups a programme (by id) serves."""
    outcomes = []
    for persona in personas:
        for mode in modes:
            if verbose:
                print(f"\n--- {persona.name} ({mode}) ---")
            outcome = Conversation(rasa, persona, mode, verbose=verbose, populations=populations).play()
            print_outcome(outcome)
            outcomes.append(outcome)
    return outcomes


def select(personas: Sequence[Persona], name: str | None, count: int | None) -> list[Persona]:
    """The personas asked for on the command line (``name``: one name or several, comma-separated)."""
    names = set(name.split(",")) if name else set()
    chosen = [p for p in personas if p.name in names] if names else list(personas)
    if names - {p.name for p in chosen}:
        raise SystemExit(f"no persona named {', '.join(sorted(names - {p.name for p in chosen}))}")
    return chosen[:count] if count else chosen


def report(outcomes: Sequence[Outcome], modes: Sequence[str], json_path: Path | None) -> None:
    """Print the totals per mode and write every figure to ``json_path``."""
    figures = {mode: totals([o for o in outcomes if o.mode == mode]) for mode in modes}
    for mode in modes:
        print_totals(mode, figures[mode])
    if json_path:
        conversations = [{**asdict(o), "level_matched": o.level_matched} for o in outcomes]
        json_path.write_text(json.dumps({"totals": figures, "conversations": conversations}, indent=2))
        print(f"\nfigures written to {json_path}")


def parse_args(argv: Sequence[str] | None = None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--only", choices=MODES)
    parser.add_argument("--personas", type=int, help="only the first N personas")
    parser.add_argument("--persona", help="only the personas with these names (comma-separated)")
    parser.add_argument("--json", type=Path, help="write all figures to this JSON file")
    parser.add_argument("--verbose", action="store_true", help="print the transcripts (with --persona: debugging)")
    parser.add_argument("--model", type=Path, default=DEFAULT_MODEL)
    parser.add_argument("--file", type=Path, default=PERSONAS, help="the personas (YAML)")
    parser.add_argument("--held-out", action="store_true",
                        help=f"play the held-out personas ({PERSONAS_HELD_OUT.name}) instead")
    return parser.parse_args(argv)


def main(argv: Sequence[str] | None = None) -> None:
    """Start the assistant on free loopback ports, play the personas, report."""
    args = parse_args(argv)
    personas = select(load_personas(PERSONAS_HELD_OUT if args.held_out else args.file), args.persona, args.personas)
    modes = (args.only,) if args.only else MODES
    started = time.perf_counter()
    with tempfile.TemporaryDirectory() as scratch:
        folder = Path(scratch)
        database = demo_directory(folder)
        with assistant(args.model, database, folder / "run", extra_env={"RASA_API_TOKEN": TOKEN}) as running, \
                SqliteStore(database) as store:
            print(f"assistant up; {len(personas)} personas x {len(modes)} modes", flush=True)
            outcomes = run_all(Rasa(running.rasa_url, TOKEN), personas, modes, args.verbose,
                               populations=lambda programme_id: _populations(store, programme_id))
    report(outcomes, modes, args.json)
    print(f"\n{time.perf_counter() - started:.0f} s in all")


def _populations(store: SqliteStore, programme_id: str) -> frozenset[str]:
    programme = store.get(programme_id)
    return programme.populations if programme else frozenset()


if __name__ == "__main__":
    main()
