"""Checked loading of places.geojson: geometry, coordinates and properties."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from geo.data.load import load_dataset, load_places
from geo.data.problems import DataError

FEATURE = 3  # the feature the tables edit (azangaro)


def _edit(folder: Path, change) -> None:
    path = folder / "places.geojson"
    doc = json.loads(path.read_text(encoding="utf-8"))
    change(doc["features"][FEATURE])
    path.write_text(json.dumps(doc, ensure_ascii=False), encoding="utf-8")


def _set_coords(coords):
    return lambda f: f["geometry"].__setitem__("coordinates", coords)


def _set_prop(key, value):
    return lambda f: f["properties"].__setitem__(key, value)


INVALID = [
    (_set_coords([-14.91416, -70.19846]), "coordinates", "look swapped"),
    (_set_coords([-70.2, -95.0]), "coordinates", "out of range"),
    (_set_coords([2.35, 48.85]), "coordinates", "outside Peru"),
    (_set_coords([float("nan"), -14.9]), "coordinates", "finite numbers"),
    (_set_coords(["-70.2", "-14.9"]), "coordinates", "finite numbers"),
    (_set_coords([-70.2]), "coordinates", "[longitude, latitude]"),
    (lambda f: f.__setitem__("geometry", {"type": "Polygon", "coordinates": []}), "geometry", "Point geometry"),
    (_set_prop("kind", "village"), "kind", "expected one of: airport, city"),
    (_set_prop("role", "victim"), "role", "expected one of: site, origin, context"),
    (_set_prop("geo_precision", "approx"), "geo_precision", "expected one of: exact, town, province"),
    (_set_prop("name_es", ""), "name_es", "must not be empty"),
    (_set_prop("id", "jul_airport"), "id", "duplicate id: already used by feature 0"),
    (_set_prop("id", "Azángaro"), "id", "lowercase slug"),
]


@pytest.mark.parametrize("change, column, message", INVALID, ids=[f"{c}:{m}" for _, c, m in INVALID])
def test_invalid_feature_names_file_feature_and_column(data_copy, change, column, message):
    _edit(data_copy, change)
    with pytest.raises(DataError) as caught:
        load_places(data_copy / "places.geojson")
    texts = [str(p) for p in caught.value.problems]
    assert any(t.startswith(f"places.geojson, feature {FEATURE}, column '{column}'") and message in t for t in texts), (
        texts
    )


@pytest.mark.parametrize(
    "text, message",
    [
        ('{"type": "FeatureCollection", "features": [', "places.geojson, line 1, column 44: '': invalid JSON"),
        ('{"type": "Feature"}', "expected a GeoJSON object"),
        ("[]", "expected a GeoJSON object"),
        ('{"type": "FeatureCollection", "features": []}', "no places"),
    ],
)
def test_broken_geojson_is_refused(data_copy, text, message):
    (data_copy / "places.geojson").write_text(text, encoding="utf-8")
    with pytest.raises(DataError, match=message.replace("[", r"\[").replace("(", r"\(")):
        load_places(data_copy / "places.geojson")


def test_an_event_at_a_rejected_place_is_rejected_too(data_copy):
    """Lenient loading drops a bad place, and then every event that needs it, each with its reason."""
    _edit(data_copy, _set_coords([-14.91416, -70.19846]))
    loaded = load_dataset(data_copy, strict=False)
    assert "azangaro" not in loaded.places.index
    assert "march_azangaro" not in set(loaded.events["id"])
    assert any("origin_place_id" in str(p) and "azangaro" in str(p) for p in loaded.problems)


def test_places_are_points_in_lon_lat_order(data):
    places = data.places
    assert places.crs.to_epsg() == 4326
    assert (places.geometry.geom_type == "Point").all()
    assert places.geometry.x.between(-81.5, -68.5).all() and places.geometry.y.between(-18.5, 0.1).all()
