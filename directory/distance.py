"""Distances and bounding boxes.

Distances shown to people are WGS-84 geodesic distances from geopy. geopy's geodesic costs about
200 microseconds a call, too slow to run over every candidate of a dense city, so the radius cut
and the ranking use the spherical (haversine) distance, whose error against the geodesic stays
under 0.6 %; a point that close to the radius boundary is decided by the geodesic.
"""

from __future__ import annotations

import math

from geopy import units
from geopy.distance import geodesic

from directory.query import Point
from directory.stores.base import Box

EARTH_RADIUS_MILES = 3958.7613
#: relative band around the radius inside which the spherical distance is not trusted
BOUNDARY_BAND = 0.006
#: one instance, reused: geopy builds its geographiclib solver on the first measure and keeps it,
#: while ``geodesic(a, b)`` would build a new one (half the cost of a call) every time
_WGS84 = geodesic()


def haversine_miles(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    phi1, phi2 = math.radians(lat1), math.radians(lat2)
    half_dphi = (phi2 - phi1) / 2
    half_dlambda = math.radians(lon2 - lon1) / 2
    h = math.sin(half_dphi) ** 2 + math.cos(phi1) * math.cos(phi2) * math.sin(half_dlambda) ** 2
    return 2 * EARTH_RADIUS_MILES * math.asin(min(1.0, math.sqrt(h)))


def geodesic_miles(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    return units.miles(kilometers=_WGS84.measure((lat1, lon1), (lat2, lon2)))


def within_radius(point: Point, latitude: float, longitude: float, radius_miles: float) -> float | None:
    """The spherical distance when the point lies inside the radius (geodesically), else None."""
    distance = haversine_miles(point.latitude, point.longitude, latitude, longitude)
    if distance <= radius_miles * (1 - BOUNDARY_BAND):
        return distance
    if distance > radius_miles * (1 + BOUNDARY_BAND):
        return None
    exact = geodesic_miles(point.latitude, point.longitude, latitude, longitude)
    return exact if exact <= radius_miles else None


def bounding_boxes(point: Point, radius_miles: float) -> list[Box]:
    """Boxes that together contain every point within ``radius_miles`` (with a safety margin)."""
    angle = math.degrees(radius_miles * (1 + 2 * BOUNDARY_BAND) / EARTH_RADIUS_MILES)
    south, north = max(-90.0, point.latitude - angle), min(90.0, point.latitude + angle)
    widest = max(abs(south), abs(north))
    if widest >= 89.9:
        return [Box(south, north, -180.0, 180.0)]
    spread = angle / math.cos(math.radians(widest))
    if spread >= 180:
        return [Box(south, north, -180.0, 180.0)]
    west, east = point.longitude - spread, point.longitude + spread
    if west < -180:
        return [Box(south, north, -180.0, east), Box(south, north, west + 360, 180.0)]
    if east > 180:
        return [Box(south, north, west, 180.0), Box(south, north, -180.0, east - 360)]
    return [Box(south, north, west, east)]
