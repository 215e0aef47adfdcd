"""How results are ordered: by distance, pulled forward by how well they fit the person's wishes.

Every soft preference a programme meets (one per preference facet, telehealth or language)
counts as FIT_MILES miles closer; a programme with no phone number counts as one preference
fewer, since a person cannot call it. Ties break on the programme id, so pages never shift.
"""

from __future__ import annotations

from collections.abc import Iterable

from directory import vocabulary
from directory.query import Filters
from directory.stores.base import FACET_ORDER, Candidate

FIT_MILES = 2.0


class PreferenceMasks:
    """Soft preferences compiled once per search into (mask index, bit mask) pairs."""

    def __init__(self, preferences: Filters) -> None:
        self.masks = [
            (FACET_ORDER.index(facet), vocabulary.to_mask(facet, values))
            for facet, values in preferences.facets.items()
        ]
        self.telehealth = preferences.telehealth
        self.languages = preferences.languages

    def fit(self, candidate: Candidate) -> int:
        points = sum(1 for index, mask in self.masks if candidate.masks[index] & mask)
        points += int(self.telehealth and candidate.telehealth)
        points += int(bool(self.languages & candidate.languages))
        return points - (0 if candidate.has_phone else 1)


def ranking_score(distance_miles: float, fit: int) -> float:
    return distance_miles - FIT_MILES * fit


def rank(
    measured: Iterable[tuple[Candidate, float]], preferences: Filters
) -> list[tuple[Candidate, float]]:
    """Order (candidate, distance) pairs best first."""
    compiled = PreferenceMasks(preferences)
    return sorted(
        measured,
        key=lambda pair: (ranking_score(pair[1], compiled.fit(pair[0])), pair[0].programme_id),
    )
