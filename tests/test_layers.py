"""From state to folium: a stable base map, a tiny step payload, no CDN anywhere, safe JSON."""

from __future__ import annotations

import json

import pytest
from streamlit_folium import _get_map_string, generate_js_hash

from geo.data.vocab import CATEGORIES
from geo.map.layers import base_map, legend
from geo.map.payload import CATEGORY_STYLE, to_js
from geo.map.steps import explore_steps, step_filter, with_view
from geo.model.views import BASEMAPS

HOSTILE = [
    "</script><script>alert(1)</script>",
    "<img src=x onerror=alert(1)>",
    "`${alert(1)}`",
    "C:\\users\\new",
    "{{'map_div'}}",
    "\u2028\u2029",
    "javascript:alert(1)",
    "&lt;&amp;",
]


@pytest.mark.parametrize("value", HOSTILE)
def test_to_js_keeps_text_and_cannot_close_a_script(value):
    encoded = to_js({"text": value})
    assert "<" not in encoded and ">" not in encoded and "{{" not in encoded
    assert json.loads(encoded) == {"text": value}


def _map_hash(fmap) -> str:
    return generate_js_hash(_get_map_string(fmap), "map")


def test_the_base_map_script_is_the_same_on_every_rerun(data):
    """streamlit-folium rebuilds the map (and loses the zoom) whenever this hash changes."""
    hashes = {_map_hash(base_map(data.places, "en", "offline", "bundles/abc123")) for _ in range(2)}
    assert len(hashes) == 1
    assert _map_hash(base_map(data.places, "en", "osm", "bundles/abc123")) not in hashes
    assert _map_hash(base_map(data.places, "en", "offline", "bundles/other")) not in hashes


@pytest.mark.parametrize("basemap", sorted(BASEMAPS))
def test_no_script_or_style_comes_from_a_cdn(data, basemap):
    fmap = base_map(data.places, "es", basemap, "bundles/abc123")
    links = [src for _, src in fmap.default_js + fmap.default_css]
    assert links and all(link.startswith("/app/static/") for link in links), links
    html = fmap.get_root().render()
    assert "cdn." not in html and "jquery" not in html.lower()
    assert "/app/static/bundles/abc123" in html


def test_only_the_offline_base_map_has_no_tiles(data):
    assert "L.tileLayer" not in _get_map_string(base_map(data.places, "en", "offline", "bundles/k"))
    assert "tile.openstreetmap.org" in _get_map_string(base_map(data.places, "en", "osm", "bundles/k"))


def test_a_step_is_a_few_bytes(data):
    payload = with_view(
        explore_steps("hour", "en")[18]["map"], step_filter(frozenset({"shooting", "casualty"})), "first_death_14h"
    )
    assert payload["t"] - payload["newFrom"] == 3_600_000
    assert payload["cats"] == ["casualty", "shooting"] and payload["selected"] == "first_death_14h"
    assert len(to_js(payload)) < 250  # with the map's name at that time (issue 11)


def test_all_categories_is_no_filter():
    assert step_filter(frozenset(CATEGORIES)) is None
    assert step_filter(frozenset()) == []


def test_categories_differ_by_colour_and_shape_pair_and_all_are_in_the_legend():
    assert set(CATEGORY_STYLE) == set(CATEGORIES)
    assert len(set(CATEGORY_STYLE.values())) == len(CATEGORIES)
    assert next(item["label"] for item in legend("es")["items"]) == "Marcha"
