"""From state to folium: a stable base map, a small safe payload per step, no CDN anywhere."""

from __future__ import annotations

import json

import pytest
from streamlit_folium import _get_feature_group_string, _get_map_string, generate_js_hash

from geo.layers import (BASEMAPS, CATEGORY_STYLE, base_map, describe_events, legend, step_layer, step_payload,
                        to_js)
from geo.timeline import hour_steps, lima_time, state_at
from geo.vocab import CATEGORIES

HOSTILE = ["</script><script>alert(1)</script>", "<img src=x onerror=alert(1)>", "`${alert(1)}`",
           "C:\\users\\new", "{{'map_div'}}", "\u2028\u2029", "javascript:alert(1)", "&lt;&amp;"]


@pytest.mark.parametrize("value", HOSTILE)
def test_to_js_keeps_text_and_cannot_close_a_script(value):
    encoded = to_js({"text": value})
    assert "<" not in encoded and ">" not in encoded and "{{" not in encoded
    assert json.loads(encoded) == {"text": value}


def _map_hash(fmap) -> str:
    return generate_js_hash(_get_map_string(fmap), "map")


def test_the_base_map_script_is_the_same_on_every_step(data, index):
    """streamlit-folium rebuilds the map (and loses the zoom) whenever this hash changes."""
    hashes = set()
    for t in (hour_steps()[6], hour_steps()[18]):
        fmap = base_map(data.places, "en", "offline")
        map_hash = _map_hash(fmap)
        payload = step_payload(index, state_at(index, t), data.places, "en")
        _get_feature_group_string(step_layer(payload), map=fmap)
        hashes.add(map_hash)
    assert len(hashes) == 1
    assert _map_hash(base_map(data.places, "en", "osm")) not in hashes


@pytest.mark.parametrize("basemap", sorted(BASEMAPS))
def test_no_script_or_style_comes_from_a_cdn(data, basemap):
    fmap = base_map(data.places, "es", basemap)
    links = [src for _, src in fmap.default_js + fmap.default_css]
    assert links and all(link.startswith("/app/static/") for link in links), links
    html = fmap.get_root().render()
    assert "cdn." not in html and "jquery" not in html.lower()


def test_only_the_offline_base_map_has_no_tiles(data):
    assert "L.tileLayer" not in _get_map_string(base_map(data.places, "en", "offline"))
    assert "tile.openstreetmap.org" in _get_map_string(base_map(data.places, "en", "osm"))


def test_step_layer_frees_the_groups_of_earlier_steps(data, index):
    fmap = base_map(data.places, "en", "offline")
    payload = step_payload(index, state_at(index, hour_steps()[18]), data.places, "en")
    script = _get_feature_group_string(step_layer(payload), map=fmap)
    assert script.index("window.feature_group = [];") < script.index("JuliacaMap.drawStep(")
    assert script.index("JuliacaMap.drawStep(") < script.index("window.feature_group.push(")


def test_the_payload_holds_the_mapped_visible_events(data, index):
    state = state_at(index, lima_time("2023-01-09T18:00"))
    payload = step_payload(index, state, data.places, "en")
    mapped = state.visible[state.visible["place_id"] != ""]
    assert sorted(e["id"] for e in payload["events"]) == sorted(mapped["id"])
    assert {e["id"] for e in payload["events"] if e["isNew"]} == state.new_ids & set(mapped["id"])
    assert all(e["lat"] is not None for e in payload["events"])


def test_marches_are_partial_lines_in_the_morning_and_end_at_juliaca_at_noon(data, index):
    juliaca = data.places.geometry["juliaca"]
    morning = step_payload(index, state_at(index, lima_time("2023-01-09T09:00")), data.places, "en")["marches"]
    noon = step_payload(index, state_at(index, lima_time("2023-01-09T12:00")), data.places, "en")["marches"]
    assert len(morning) == len(noon) == 7
    for march in morning:
        tip_lat, tip_lon = march["coords"][-1]
        assert not march["done"] and abs(tip_lat - juliaca.y) + abs(tip_lon - juliaca.x) > 0.05
    for march in noon:
        assert march["done"] and march["coords"][-1] == [round(juliaca.y, 5), round(juliaca.x, 5)]


def test_spanish_payload_uses_spanish_text(data, index):
    events = describe_events(state_at(index, lima_time("2023-01-09T18:00")).visible, data.places, "es")
    by_id = {e["id"]: e for e in events}
    assert by_id["police_deadly_force"]["title"] == data.events.set_index("id").loc["police_deadly_force", "title_es"]
    assert by_id["police_deadly_force"]["place"] == "Aeropuerto Internacional Inca Manco Cápac"
    assert by_id["first_death_14h"]["time"] == "9 de enero de 2023, hacia las 14:00"


def test_symbols_grow_with_casualties(data, index):
    events = {e["id"]: e for e in describe_events(state_at(index, lima_time("2023-01-09T23:00")).visible, data.places, "en")}
    assert events["police_deadly_force"]["size"] > events["first_death_14h"]["size"] > events["airport_protest_noon"]["size"]


def test_categories_differ_by_colour_and_shape_pair_and_all_are_in_the_legend():
    assert set(CATEGORY_STYLE) == set(CATEGORIES)
    assert len(set(CATEGORY_STYLE.values())) == len(CATEGORIES)
    assert [item["label"] for item in legend("es")["items"]][0] == "Marcha"
