"""Benchmark: cost of checking one action-server reply, Rasa's way against the cached validator.

Rasa 3.6 calls ``jsonschema.validate`` on every reply (the schema re-checked, a validator built each
time); ``bot.action_response_validation`` builds the validator once. Both check the same replies
in the same run, so the ratio is free of the machine's noise. The replies are shaped like this
assistant's: a form-validation reply (three slots) and a search reply (three slots, three results).

Usage: python -m bench.action_validation [--repeat 200]
"""

from __future__ import annotations

import argparse
import time
from collections.abc import Callable

from rasa.core.actions.action import RemoteAction

from bot.action_response_validation import validate_action_result

#: what validate_search_form returns when a message fills the place, distance and payment
FORM_REPLY = {
    "events": [{"event": "slot", "name": name, "value": value} for name, value in
               (("location", "New York, NY"), ("radius_miles", 25.0), ("payment", ["medicaid"]))],
    "responses": [],
}
_RESULT = {"response": "utter_result", "demo": "[DEMO - fictional] ", "distance": "0.8", "phone": "(212) 555-0100",
           "why": "offers an IOP; takes Medicaid", "verified": "2026-11-01", "map_query": "40.78000,-73.97000",
           "tel": "+12125550100", "map_url": "https://www.openstreetmap.org/?mlat=40.78000&mlon=-73.97000"}
#: what action_search returns with a page of three results (actions/search.py)
SEARCH_REPLY = {
    "events": [{"event": "slot", "name": "search_offset", "value": 3.0},
               {"event": "slot", "name": "shown_programmes", "value": ["demo-00017", "demo-00342", "demo-01275"]},
               {"event": "slot", "name": "results_found", "value": True}],
    "responses": [{"response": "utter_results_intro", "total": 105, "place": "New York, NY 10024", "radius": "25",
                   "first": 1, "last": 3},
                  *({**_RESULT, "number": number, "name": f"Demo Program {number}"} for number in (1, 2, 3)),
                  {"response": "utter_results_demo_note"}, {"response": "utter_results_next"}],
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
    checks = {"Rasa's jsonschema.validate": lambda reply: RemoteAction._validate_action_result(action, reply),
              "cached validator": lambda reply: validate_action_result(action, reply)}
    print("| reply | " + " | ".join(f"{name} ms" for name in checks) + " | ratio |\n|---|---|---|---|")
    for label, reply in (("form validation", FORM_REPLY), ("search", SEARCH_REPLY)):
        rasas, cached = (per_call_ms(check, reply, args.repeat) for check in checks.values())
        print(f"| {label} | {rasas:.2f} | {cached:.2f} | {rasas / cached:.1f} |")


if __name__ == "__main__":
    main()
