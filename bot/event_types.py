"""Look up Rasa event classes by type name in a table instead of walking every subclass each time.

Rasa 3.6 turns each stored event back into an object with ``Event.resolve_by_type``, which lists
every subclass of ``Event`` (recursively, checking each for abstractness) for every event of every
turn: the in-memory tracker store rebuilds the whole conversation each turn, so a turn late in a
long conversation spent a fifth of the Rasa server's CPU there (bench/RESULTS.md). The table is
built once, keeps Rasa's answer (the first subclass with that type name), and unknown names still
go to Rasa's own look-up, so event classes defined later and its errors behave as before.

``install()`` replaces ``Event.resolve_by_type`` in the running process; ``bot.rasa_server`` calls
it before Rasa starts.
"""

from __future__ import annotations

from functools import cache

from rasa.shared.core.events import Event
from rasa.shared.utils.common import all_subclasses

_rasas_resolve_by_type = Event.resolve_by_type


@cache
def event_classes() -> dict[str, type[Event]]:
    """Every concrete event class by its type name, the first in Rasa's order when two share one."""
    table: dict[str, type[Event]] = {}
    for event_class in all_subclasses(Event):
        table.setdefault(event_class.type_name, event_class)
    return table


def resolve_by_type(type_name: str, default: type[Event] | None = None) -> type[Event] | None:
    """Rasa's ``Event.resolve_by_type`` through the table."""
    event_class = event_classes().get(type_name)
    return event_class if event_class is not None else _rasas_resolve_by_type(type_name, default)


def install() -> None:
    """Make every event look-up in this process use the table."""
    Event.resolve_by_type = staticmethod(resolve_by_type)
