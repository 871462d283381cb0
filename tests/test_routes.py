"""Schematic march routes: a straight line from the origin to the destination (the browser draws it growing)."""

from __future__ import annotations

from shapely.geometry import Point

from geo.model.routes import march_line


def test_march_line_runs_from_origin_to_destination(data):
    origin, destination = data.places.geometry["azangaro"], data.places.geometry["juliaca"]
    line = march_line(origin, destination)
    assert Point(line.coords[0]).equals(origin) and Point(line.coords[-1]).equals(destination)
