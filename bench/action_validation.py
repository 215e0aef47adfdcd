"""Benchmark: cost of checking one action-server reply, Rasa's way against the cached validator.

Rasa 3.6 calls ``jsonschema.validate`` on every reply (the schema re-checked, a validator built each
time); ``bot.action_response_validation`` builds the validator once. Both check the same replies
in the same run, so the ratio is free of the machine's noise. The replies are shaped like this
assistant's: a form-validation reply (a few slots) and a search reply (slots and three results).

Usage: python -m bench.action_validation [--repeat 200]
"""

from __future__ import annotations

import argparse
import time
from collections.abc import Callable

from rasa.core.actions.action import RemoteAction

from bot.action_response_validation import response_validator, validate_action_result

FORM_REPLY = {
    "events": [{"event": "slot", "name": name, "value": value} for name, value in
               (("location", "New York, NY"), ("radius_miles", 25.0), ("payment", ["medicaid"]),
                ("requested_slot", "preferences"))],
    "responses": [{"response": "utter_ask_preferences"}],
}
SEARCH_REPLY = {
    "events": [{"event": "slot", "name": "results", "value": [{"id": f"demo-{n}", "miles": n * 1.3}
                                                               for n in range(12)]},
               {"event": "slot", "name": "results_shown", "value": 3},
               {"event": "active_loop", "name": None},
               {"event": "slot", "name": "requested_slot", "value": None}],
    "responses": [{"response": "utter_result", "name": f"Demo Program {n}", "phone": "555-0100"}
                  for n in range(3)] + [{"response": "utter_refine_options"}],
}


def per_call_ms(check: Callable[[dict], object], reply: dict, repeat: int) -> float:
    """Mean milliseconds of ``check(reply)`` over ``repeat`` calls (after one warm-up call)."""
    check(reply)
    started = time.perf_counter()
    for _ in range(repeat):
        check(reply)
    return (time.perf_counter() - started) / repeat * 1000


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=200)
    args = parser.parse_args()
    action = RemoteAction("action_search", None)
    response_validator()
    checks = {"Rasa's jsonschema.validate": lambda reply: RemoteAction._validate_action_result(action, reply),
              "cached validator": lambda reply: validate_action_result(action, reply)}
    print("| reply | " + " | ".join(f"{name} ms" for name in checks) + " | ratio |\n|---|---|---|---|")
    for label, reply in (("form validation", FORM_REPLY), ("search", SEARCH_REPLY)):
        rasas, cached = (per_call_ms(check, reply, args.repeat) for check in checks.values())
        print(f"| {label} | {rasas:.2f} | {cached:.2f} | {rasas / cached:.1f} |")


if __name__ == "__main__":
    main()
