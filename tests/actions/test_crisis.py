"""The crisis kinds and the crisis turn (actions/crisis.py), as pure functions."""

from __future__ import annotations

import pytest

from actions.crisis import (
    CRISIS_INTENTS,
    CRISIS_KINDS,
    crisis_intent,
    crisis_steps,
    is_crisis,
    is_crisis_reply,
    kind_of,
    next_crisis_step,
)


def test_one_list_of_kinds_and_their_intents() -> None:
    assert len(set(CRISIS_KINDS)) == len(CRISIS_KINDS) == 8
    assert tuple(f"crisis_{kind}" for kind in CRISIS_KINDS) == CRISIS_INTENTS
    assert all(kind_of(crisis_intent(kind)) == kind and is_crisis(crisis_intent(kind)) for kind in CRISIS_KINDS)
    assert kind_of("inform") is None and not is_crisis(None) and not is_crisis("crisis")
    with pytest.raises(ValueError):
        crisis_intent("panic")


def test_the_turn_gives_the_number_first_pauses_a_form_then_offers_to_go_on() -> None:
    assert crisis_steps("suicide", form_active=False) == ("utter_crisis_suicide", "utter_crisis_offer", "action_listen")
    assert crisis_steps("overdose", form_active=True) == (
        "utter_crisis_overdose", "action_deactivate_loop", "utter_crisis_offer", "action_listen")


@pytest.mark.parametrize("form_active", [True, False])
def test_next_step_walks_the_turn_and_stops_when_it_is_done(form_active: bool) -> None:
    steps = crisis_steps("danger", form_active)
    done: list[str] = []
    for expected in steps:
        active = form_active and "action_deactivate_loop" not in done
        assert next_crisis_step("crisis_danger", done, active) == expected
        done.append(expected)
    assert next_crisis_step("crisis_danger", done, False) is None


def test_no_step_for_other_intents_or_a_turn_that_went_elsewhere() -> None:
    assert next_crisis_step("inform", [], True) is None
    assert next_crisis_step(None, [], False) is None
    assert next_crisis_step("crisis_medical", ["needs_form"], True) is None


def test_only_the_number_replies_count_as_crisis_replies() -> None:
    assert all(is_crisis_reply(f"utter_crisis_{kind}") for kind in CRISIS_KINDS)
    assert not is_crisis_reply("utter_crisis_offer") and not is_crisis_reply(None)
