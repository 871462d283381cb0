"""Schematic march routes drawn to a fraction."""

from __future__ import annotations

import pytest
from shapely.geometry import LineString, Point

from geo.model.routes import line_at, march_line


def test_march_line_runs_from_origin_to_destination(data):
    origin, destination = data.places.geometry["azangaro"], data.places.geometry["juliaca"]
    line = march_line(origin, destination)
    assert Point(line.coords[0]).equals(origin) and Point(line.coords[-1]).equals(destination)


@pytest.mark.parametrize("fraction, expected_end", [(0.0, (0, 0)), (0.5, (2, 0)), (1.0, (4, 0)), (1.5, (4, 0)), (-1, (0, 0))])
def test_line_at_ends_where_the_fraction_says(fraction, expected_end):
    part = line_at(LineString([(0, 0), (4, 0)]), fraction)
    assert part.coords[-1] == pytest.approx(expected_end)


def test_line_at_zero_is_a_point_and_grows_monotonically():
    line = LineString([(-70.2, -14.9), (-70.1, -15.5)])
    assert line_at(line, 0).geom_type == "Point"
    lengths = [line_at(line, f / 10).length for f in range(11)]
    assert lengths == sorted(lengths) and lengths[-1] == pytest.approx(line.length)
