"""Schematic march routes: a straight line from origin to destination, drawn up to a fraction.

The source names the towns the marchers came from but gives no route, so the map never draws a
road: it draws this straight line and labels it schematic.
"""

from __future__ import annotations

from shapely.geometry import LineString, Point
from shapely.ops import substring


def march_line(origin: Point, destination: Point) -> LineString:
    """The schematic route, origin to destination (lon/lat).

    >>> march_line(Point(-70.2, -14.9), Point(-70.1, -15.5)).length > 0
    True
    """
    return LineString([origin, destination])


def line_at(line: LineString, fraction: float) -> Point | LineString:
    """The part of `line` drawn at `fraction` (0..1): its first point at 0, the whole line at 1.

    >>> line_at(LineString([(0, 0), (4, 0)]), 0.25).coords[:]
    [(0.0, 0.0), (1.0, 0.0)]
    """
    fraction = min(max(fraction, 0.0), 1.0)
    if fraction == 0.0:
        return Point(line.coords[0])
    return substring(line, 0.0, fraction, normalized=True)
