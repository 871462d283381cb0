"""Schematic march routes: a straight line from origin to destination (the browser draws it growing: map.js).

The source names the towns the marchers came from but gives no route, so the map never draws a
road: it draws this straight line and labels it schematic.
"""

from __future__ import annotations

from shapely.geometry import LineString, Point


def march_line(origin: Point, destination: Point) -> LineString:
    """The schematic route, origin to destination (lon/lat).

    >>> march_line(Point(-70.2, -14.9), Point(-70.1, -15.5)).length > 0
    True
    """
    return LineString([origin, destination])
