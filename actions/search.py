"""Searching the directory and refining with the person: results three at a time."""

from __future__ import annotations

import logging
from abc import ABC, abstractmethod

from rasa_sdk import Action, Tracker
from rasa_sdk.events import EventType, SlotSet
from rasa_sdk.executor import CollectingDispatcher
from rasa_sdk.types import DomainDict

from actions import validation
from actions.directory_access import get_directory
from actions.presenting import details_fields, result_fields
from actions.search_query import next_radius, radius, refined_slots, search_query, search_summary
from actions.tracking import latest_message, slots_before_latest_message
from directory.geocoding import AmbiguousPlaceError, UnknownPlaceError
from directory.query import SearchPage

logger = logging.getLogger(__name__)


class SearchAction(Action, ABC):
    """Runs a query built from the slots and shows the page; subclasses choose offset and radius."""

    @abstractmethod
    def name(self) -> str: ...

    def offset(self, tracker: Tracker) -> int:
        return 0

    def radius(self, tracker: Tracker) -> float:
        return radius(tracker.current_slot_values())

    def before(self, dispatcher: CollectingDispatcher, tracker: Tracker) -> list[EventType]:
        return []

    def shown_before(self, tracker: Tracker) -> list[str]:
        """Programmes already listed for this search: the new ones are numbered after them."""
        return []

    async def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict) -> list[EventType]:
        slots = tracker.current_slot_values()
        if not slots.get("location"):
            dispatcher.utter_message(response="utter_ask_location")
            return [SlotSet("results_found", None)]
        events = self.before(dispatcher, tracker)
        offset, miles = self.offset(tracker), self.radius(tracker)
        try:
            page = get_directory().search(search_query(slots, radius_miles=miles, offset=offset))
        except (UnknownPlaceError, AmbiguousPlaceError):
            dispatcher.utter_message(response="utter_unknown_place")
            return [*events, SlotSet("location", None), SlotSet("results_found", None)]
        logger.info("search: %d results within %g miles (offset %d)", page.total, miles, offset)
        return [*events, *present(dispatcher, page, self.shown_before(tracker))]


def present(dispatcher: CollectingDispatcher, page: SearchPage, shown_before: list[str]) -> list[EventType]:
    """Utter a page of results (and the too-few help); remember what was shown, numbered on from
    ``shown_before`` so that "the fourth one" means the fourth listed."""
    if page.offset and not page.results:
        dispatcher.utter_message(response="utter_no_more_results")
        return []
    if page.results:
        first, last = page.offset + 1, page.offset + len(page.results)
        dispatcher.utter_message(
            response="utter_results_intro", total=page.total, place=page.place.label,
            radius=f"{page.radius_miles:g}", first=first, last=last,
        )
    else:
        dispatcher.utter_message(response="utter_no_results", place=page.place.label, radius=f"{page.radius_miles:g}")
    shown = [*shown_before, *(result.programme.id for result in page.results)]
    for number, result in enumerate(page.results, len(shown_before) + 1):
        dispatcher.utter_message(response="utter_result", **result_fields(number, result))
    # telehealth programmes from elsewhere in the state, each listed once however often "show more" pads
    telehealth = [result for result in page.telehealth_alternatives if result.programme.id not in shown]
    if page.too_few:
        if page.results:
            dispatcher.utter_message(response="utter_results_too_few", radius=f"{page.radius_miles:g}")
        if page.wider_radius_miles:
            dispatcher.utter_message(response="utter_results_wider", wider=f"{page.wider_radius_miles:g}")
        if telehealth:
            dispatcher.utter_message(response="utter_results_telehealth", state=page.place.state)
            for result in telehealth:
                shown.append(result.programme.id)
                dispatcher.utter_message(response="utter_result", **result_fields(len(shown), result))
    every = [*page.results, *telehealth]
    if any(result.demo for result in every):
        dispatcher.utter_message(response="utter_results_demo_note")
    more = page.offset + len(page.results) < page.total
    if every:
        dispatcher.utter_message(response="utter_results_next" if more else "utter_results_next_last")
    return [
        SlotSet("search_offset", float(page.offset + len(page.results))),
        SlotSet("shown_programmes", shown),
        SlotSet("results_found", bool(every)),
        SlotSet("wider_radius_miles", page.wider_radius_miles),
    ]


class ActionSearchProgrammes(SearchAction):
    def name(self) -> str:
        return "action_search_programmes"


class ActionRefineSearch(SearchAction):
    """The new wishes are in the slots (entities fill them, replacing): they are added to the earlier
    ones unless the person said "only" or "instead", said back, and the search runs again from the top."""

    def name(self) -> str:
        return "action_refine_search"

    def before(self, dispatcher: CollectingDispatcher, tracker: Tracker) -> list[EventType]:
        text, _ = latest_message(tracker)
        changed = refined_slots(slots_before_latest_message(tracker), tracker.current_slot_values(), text)
        if not changed:
            return []
        tracker.slots.update(changed)
        summary = search_summary(tracker.current_slot_values())
        if summary:
            dispatcher.utter_message(response="utter_search_now", criteria=summary)
        return [SlotSet(slot, values) for slot, values in changed.items()]


class ActionShowMore(SearchAction):
    def name(self) -> str:
        return "action_show_more"

    def offset(self, tracker: Tracker) -> int:
        return int(tracker.get_slot("search_offset") or 0)

    def shown_before(self, tracker: Tracker) -> list[str]:
        return list(tracker.get_slot("shown_programmes") or [])


class ActionFurtherAway(SearchAction):
    def name(self) -> str:
        return "action_further_away"

    def radius(self, tracker: Tracker) -> float:
        """The radius the last results promised would find more ("within 100 miles would find
        more"), else the next step out."""
        current = radius(tracker.current_slot_values())
        promised = tracker.get_slot("wider_radius_miles")
        if promised and promised > current:
            return float(promised)
        return next_radius(current) or current

    def before(self, dispatcher: CollectingDispatcher, tracker: Tracker) -> list[EventType]:
        return [SlotSet("radius_miles", self.radius(tracker))]


class ActionProgrammeDetails(Action):
    def name(self) -> str:
        return "action_programme_details"

    async def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict) -> list[EventType]:
        shown = tracker.get_slot("shown_programmes") or []
        number = validation.ordinal(next(tracker.get_latest_entity_values("ordinal"), None))
        if number is None and len(shown) == 1:
            number = 1
        if number is None or not 1 <= number <= len(shown):
            dispatcher.utter_message(response="utter_which_programme", count=len(shown))
            return []
        programme = get_directory().get(shown[number - 1])
        if programme is None:
            dispatcher.utter_message(response="utter_which_programme", count=len(shown))
            return []
        dispatcher.utter_message(response="utter_programme_details", **details_fields(programme))
        dispatcher.utter_message(response="utter_faq/what_to_ask")
        return []
