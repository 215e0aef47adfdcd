"""The search and refinement actions, run with rasa_sdk's Tracker and CollectingDispatcher on a real directory."""

from __future__ import annotations

import asyncio
from pathlib import Path
from typing import Any

import pytest
from rasa_sdk import Tracker
from rasa_sdk.events import SlotSet
from rasa_sdk.executor import CollectingDispatcher

from actions.directory_access import get_directory
from actions.forms import ValidateSearchForm
from actions.search import (
    ActionFurtherAway,
    ActionProgrammeDetails,
    ActionRefineSearch,
    ActionSearchProgrammes,
    ActionShowMore,
)
from actions.session import ActionOfferQuestions
from directory.demo import generate_demo
from directory.stores.sqlite import SqliteStore


@pytest.fixture(scope="module", autouse=True)
def demo_directory(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("actions") / "directory.sqlite"
    with SqliteStore(path, create=True) as store:
        store.upsert(generate_demo(3000))
    patch = pytest.MonkeyPatch()
    patch.setenv("IOP_DIRECTORY_DB", str(path))
    get_directory.cache_clear()
    yield path
    get_directory.cache_clear()
    patch.undo()


def tracker(slots: dict[str, Any], entities: list[dict] | None = None) -> Tracker:
    message = {"intent": {"name": "inform", "confidence": 1.0}, "entities": entities or [], "text": "..."}
    return Tracker("test", slots, message, [], False, None, {}, "action_listen")


def run(
    action, slots: dict[str, Any], entities: list[dict] | None = None
) -> tuple[list[str], list, CollectingDispatcher]:
    dispatcher = CollectingDispatcher()
    events = asyncio.run(action.run(dispatcher, tracker(slots, entities), {}))
    return [message["response"] for message in dispatcher.messages], events, dispatcher


def slot(events: list, name: str) -> Any:
    return next(event["value"] for event in events if event == SlotSet(name, event["value"]) and event["name"] == name)


NEW_YORK = {"location": "New York, NY", "radius_miles": 25.0, "search_levels": ["intensive_outpatient"],
            "payment": ["medicaid"]}


def test_a_search_shows_three_demo_results_with_the_demo_note() -> None:
    responses, events, dispatcher = run(ActionSearchProgrammes(), NEW_YORK)
    assert responses == ["utter_results_intro", "utter_result", "utter_result", "utter_result",
                         "utter_results_demo_note", "utter_results_next"]
    shown = [message for message in dispatcher.messages if message["response"] == "utter_result"]
    assert [message["number"] for message in shown] == [1, 2, 3]
    assert all(message["demo"] == "[DEMO - fictional] " for message in shown)
    distances = [float(message["distance"]) for message in shown]
    # no soft preferences and every demo record has a phone: the ranking is by distance alone
    assert distances == sorted(distances) and distances[-1] <= 25
    assert "intensive outpatient" in shown[0]["why"] and "accepts Medicaid" in shown[0]["why"]
    assert slot(events, "search_offset") == 3.0 and slot(events, "results_found") is True
    assert len(slot(events, "shown_programmes")) == 3


def test_show_more_continues_where_the_last_page_ended_and_numbers_on() -> None:
    _, first_events, _ = run(ActionSearchProgrammes(), NEW_YORK)
    first_page = slot(first_events, "shown_programmes")
    _, more_events, dispatcher = run(
        ActionShowMore(), {**NEW_YORK, "search_offset": 3.0, "shown_programmes": first_page}
    )
    shown = slot(more_events, "shown_programmes")
    assert shown[:3] == first_page and len(shown) == 6 and not set(shown[3:]) & set(first_page)
    intro = dispatcher.messages[0]
    assert (intro["first"], intro["last"]) == (4, 6)
    assert [message["number"] for message in dispatcher.messages if message["response"] == "utter_result"] == [4, 5, 6]
    _, _, details = run(ActionProgrammeDetails(), {"shown_programmes": shown}, [{"entity": "ordinal", "value": "5"}])
    assert details.messages[0]["name"] == get_directory().get(shown[4]).name


def test_show_more_past_the_end_says_so() -> None:
    responses, events, _ = run(ActionShowMore(), {**NEW_YORK, "search_offset": 10_000.0})
    assert responses == ["utter_no_more_results"] and events == []


def test_further_away_widens_the_radius_and_remembers_it() -> None:
    _, events, dispatcher = run(ActionFurtherAway(), {**NEW_YORK, "radius_miles": 10.0})
    assert slot(events, "radius_miles") == 25.0
    assert dispatcher.messages[0]["radius"] == "25"


def test_too_few_results_offer_a_wider_radius_or_telehealth() -> None:
    remote = {"location": "59001", "radius_miles": 5.0, "search_levels": ["intensive_outpatient"]}
    responses, _, _ = run(ActionSearchProgrammes(), remote)
    assert responses[0] == "utter_no_results"
    assert "utter_results_wider" in responses


def test_details_of_the_second_programme_include_services_and_payment() -> None:
    _, events, _ = run(ActionSearchProgrammes(), NEW_YORK)
    shown = slot(events, "shown_programmes")
    responses, _, dispatcher = run(ActionProgrammeDetails(), {"shown_programmes": shown},
                                   [{"entity": "ordinal", "value": "2"}])
    assert responses == ["utter_programme_details", "utter_faq/what_to_ask"]
    details = dispatcher.messages[0]
    assert details["name"] == get_directory().get(shown[1]).name
    assert {"payment", "services", "aftercare", "accreditation", "schedule", "phone"} <= details.keys()
    assert "Medicaid" in details["payment"]


def test_details_without_a_valid_number_ask_which() -> None:
    responses, _, dispatcher = run(ActionProgrammeDetails(), {"shown_programmes": ["a", "b"]},
                                   [{"entity": "ordinal", "value": "7"}])
    assert responses == ["utter_which_programme"] and dispatcher.messages[0]["count"] == 2


def test_an_unknown_place_is_refused_and_cleared() -> None:
    responses, events, _ = run(ActionSearchProgrammes(), {**NEW_YORK, "location": "Xyzzyville"})
    assert responses == ["utter_unknown_place"]
    assert SlotSet("location", None) in events


def validate_place(typed: str, times_asked: int) -> tuple[list[str], dict[str, Any]]:
    """ValidateSearchForm.validate_location on ``typed`` after the place question was asked ``times_asked`` times."""
    asked = [{"event": "bot", "text": "Where should I look?", "metadata": {"utter_action": "utter_ask_location"}}]
    events = [{"event": "slot", "name": "requested_slot", "value": "location"}, *asked * times_asked]
    message = {"intent": {"name": "inform", "confidence": 1.0}, "entities": [], "text": typed}
    form_tracker = Tracker("test", {"requested_slot": "location"}, message, events, False, None,
                           {"name": "search_form"}, "action_listen")
    dispatcher = CollectingDispatcher()
    values = ValidateSearchForm().validate_location(typed, dispatcher, form_tracker, {})
    return [message["response"] for message in dispatcher.messages], values


def test_a_place_not_found_twice_gets_other_ways_to_say_it_and_the_helpline() -> None:
    assert validate_place("Xyzzyville", 1) == (["utter_unknown_place"], {"location": None})
    assert validate_place("Xyzzyville", 2) == (["utter_unknown_place_again"], {"location": None})


def test_a_neighbourhood_and_a_city_nickname_are_found_and_said_back() -> None:
    responses, values = validate_place("kensington philly", 1)
    assert values["location"] == "Kensington, Philadelphia, PA" and responses == ["utter_place_assumed"]


REMOTE = {"location": "59001", "radius_miles": 5.0, "search_levels": ["intensive_outpatient"]}


def test_further_away_goes_straight_to_the_radius_the_results_promised() -> None:
    _, events, dispatcher = run(ActionSearchProgrammes(), REMOTE)
    promised = slot(events, "wider_radius_miles")
    wider = next(message for message in dispatcher.messages if message["response"] == "utter_results_wider")
    assert promised is not None and wider["wider"] == f"{promised:g}"
    _, further, _ = run(ActionFurtherAway(), {**REMOTE, "wider_radius_miles": promised})
    assert slot(further, "radius_miles") == promised


def test_show_more_never_lists_a_programme_twice() -> None:
    _, first, _ = run(ActionSearchProgrammes(), REMOTE)
    shown = slot(first, "shown_programmes")
    _, more, _ = run(ActionShowMore(), {**REMOTE, "search_offset": slot(first, "search_offset"),
                                        "shown_programmes": shown})
    listed = slot(more, "shown_programmes") if more else shown
    assert len(listed) == len(set(listed))


def test_the_last_page_offers_no_more() -> None:
    page = {**NEW_YORK, "radius_miles": 2.0}
    responses, events, _ = run(ActionSearchProgrammes(), page)
    offset, total_shown = slot(events, "search_offset"), slot(events, "shown_programmes")
    while "utter_results_next" in responses:
        responses, events, _ = run(ActionShowMore(), {**page, "search_offset": offset, "shown_programmes": total_shown})
        offset, total_shown = slot(events, "search_offset"), slot(events, "shown_programmes")
    assert "utter_results_next_last" in responses and "utter_results_next" not in responses


def test_a_refinement_adds_to_the_earlier_wish_and_says_the_search_back() -> None:
    events = [{"event": "slot", "name": "payment", "value": ["medicaid"]},
              {"event": "user", "text": "what about ones that also take private insurance"},
              {"event": "slot", "name": "payment", "value": ["private_insurance"]}]
    slots = {**NEW_YORK, "payment": ["private_insurance"]}
    message = {"intent": {"name": "refine"}, "entities": [], "text": "what about ones that also take private insurance"}
    dispatcher = CollectingDispatcher()
    refined = asyncio.run(ActionRefineSearch().run(
        dispatcher, Tracker("test", slots, message, events, False, None, {}, "action_listen"), {}))
    assert SlotSet("payment", ["medicaid", "private_insurance"]) in refined
    said = dispatcher.messages[0]
    assert said["response"] == "utter_search_now" and said["criteria"] == "Medicaid or private insurance"
    assert [m["response"] for m in dispatcher.messages][1] == "utter_results_intro"


@pytest.mark.parametrize(("text", "slots", "location"), [
    ("IOPs near New York, NY that take medicaid", {}, "New York, NY"),
    ("IOPs near Kansas City, MO that take medicare", {"location": "Kansas City"}, "Kansas City, MO"),
    ("iops around philadelphia", {"location": "philadelphia"}, "Philadelphia, PA"),  # its likeliest namesake
    ("iops near xyzzyville", {"location": "xyzzyville"}, None),  # unknown: the search form asks
    ("need to find an iop asap", {}, "unchanged"),
])  # fmt: skip
def test_a_search_before_any_question_offers_the_questions_and_keeps_its_place(text: str, slots: dict[str, Any],
                                                                              location: str | None) -> None:
    dispatcher = CollectingDispatcher()
    tracker = Tracker("test", slots, {"intent": {"name": "search_programmes"}, "entities": [], "text": text},
                      [], False, None, {}, "action_listen")
    events = asyncio.run(ActionOfferQuestions().run(dispatcher, tracker, {}))
    assert [message["response"] for message in dispatcher.messages] == ["utter_questions_first"]
    assert events == ([] if location == "unchanged" else [SlotSet("location", location)])
