"""The page without a browser (streamlit AppTest): every widget path, both languages, URL parameters.

AppTest cannot run Leaflet; it sees the map as a component whose arguments can be read. The map
itself is tested in a real browser (tests/test_browser.py).
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from geo.layers import VIEWS

APP = str(Path(__file__).resolve().parent.parent / "app.py")


def run_app(query: dict | None = None, session: dict | None = None) -> AppTest:
    at = AppTest.from_file(APP, default_timeout=60)
    for key, value in (query or {}).items():
        at.query_params[key] = value
    at.run()
    if session:
        for key, value in session.items():
            at.session_state[key] = value
        at.run()
    assert not at.exception, at.exception
    return at


def map_args(at: AppTest) -> dict:
    (component,) = at.get("component_instance")
    assert component.proto.component_name == "streamlit_folium.st_folium"
    return json.loads(component.proto.json_args)


def event_radio(at: AppTest):
    """The event list (other radios on the page: the upload format)."""
    return next(r for r in at.radio if r.key == "event")


def clock(at: AppTest) -> str:
    return at.subheader[0].value


def test_default_page_explains_itself():
    at = run_app()
    assert clock(at) == "9 January 2023, 06:00 (Lima, UTC−5)"
    assert "Content note" in at.info[0].value
    assert "Move the time slider" in at.caption[0].value
    assert [m.label for m in at.metric] == ["Civilians killed", "People injured", "Police killed", "Police injured"]
    assert at.warning.len == 0


def test_the_content_note_can_be_dismissed_for_the_session():
    at = run_app()
    at.button[0].click().run()
    assert at.info.len == 0
    at.run()
    assert at.info.len == 0


def test_spanish_shows_spanish_everywhere():
    at = run_app({"lang": "es", "t": "2023-01-09T18:00"})
    assert clock(at) == "9 de enero de 2023, 18:00 (Lima, UTC−5)"
    assert [m.label for m in at.metric][0] == "Civiles muertos"
    assert any("La policía responde con fuerza letal" in o for o in event_radio(at).options)
    assert '"title": "Leyenda"' in map_args(at)["script"] and '"lang": "es"' in map_args(at)["script"]


@pytest.mark.parametrize("view", sorted(VIEWS))
def test_each_preset_view_sets_centre_and_zoom(view):
    args = map_args(run_app({"view": view}))
    center, zoom = VIEWS[view]
    assert args["center"] == list(center) and args["zoom"] == zoom


@pytest.mark.parametrize("base, tiles", [("osm", "tile.openstreetmap.org"), ("satellite", "arcgisonline"), ("offline", None)])
def test_each_base_map_and_only_local_scripts(base, tiles):
    args = map_args(run_app({"base": base}))
    if tiles:
        assert tiles in args["script"]
    else:
        assert "L.tileLayer" not in args["script"]
    assert all(link.startswith("/app/static/") for link in args["js_links"] + args["css_links"])


def test_the_slider_reaches_both_ends_and_updates_the_url():
    at = run_app()
    at.select_slider[0].set_value(0).run()
    assert clock(at).endswith("00:00 (Lima, UTC−5)") and at.query_params["t"] == "2023-01-09T00:00"
    at.select_slider[0].set_value(23).run()
    assert clock(at).endswith("23:00 (Lima, UTC−5)") and at.query_params["t"] == "2023-01-09T23:00"
    assert at.metric[0].value == "17"


def test_back_and_forward_buttons_step_one_hour_and_stop_at_the_ends():
    at = run_app({"t": "2023-01-09T00:00"})
    back, forward = (next(b for b in at.button if b.label == label) for label in ("◀ Back", "Forward ▶"))
    back.click().run()
    assert clock(at).startswith("9 January 2023, 00:00")
    next(b for b in at.button if b.label == "Forward ▶").click().run()
    assert clock(at).startswith("9 January 2023, 01:00")


def test_play_advances_and_pause_stops():
    at = run_app({"t": "2023-01-09T10:00"})
    next(b for b in at.button if b.label == "▶ Play").click().run()
    assert at.session_state["playing"] and clock(at).startswith("9 January 2023, 11:00")
    next(b for b in at.button if b.label == "⏸ Pause").click().run()
    assert not at.session_state["playing"]


def test_play_from_the_last_step_starts_again_from_the_first():
    at = run_app({"t": "2023-01-09T23:00"})
    next(b for b in at.button if b.label == "▶ Play").click().run()
    assert clock(at).startswith("9 January 2023, 01:00") or clock(at).startswith("9 January 2023, 00:00")


def test_the_day_scale_from_a_link():
    at = run_app({"t": "2023-01-12", "lang": "es"})
    assert clock(at) == "12 de enero de 2023, al final del día (Lima, UTC−5)"
    assert at.metric[0].value == "18"


def test_filtering_hides_events_from_list_and_map_but_not_the_counts():
    at = run_app({"t": "2023-01-09T18:00"}, session={"categories": ["march"]})
    assert all("March from" in option for option in event_radio(at).options)
    assert '"cats": ["march"]' in map_args(at)["feature_group"]
    assert at.metric[0].value == "17"
    assert at.query_params["cats"] == "march"


def test_an_empty_filter_says_so():
    at = run_app({"cats": ""})
    assert all(r.key != "event" for r in at.radio)
    assert any("No event of the chosen kinds yet" in c.value for c in at.caption)


def test_choosing_an_event_in_the_list_highlights_it_and_shows_its_source():
    at = run_app({"t": "2023-01-09T15:00"})
    event_radio(at).set_value("first_death_14h").run()
    payload = map_args(at)["feature_group"]
    assert '"selected": "first_death_14h"' in payload
    shown = " ".join(m.value for m in at.markdown)
    assert "selling cobblestones" in shown and "Events" in shown
    assert at.query_params["event"] == "first_death_14h"


def test_a_selected_event_is_dropped_when_the_slider_goes_before_it():
    at = run_app({"t": "2023-01-09T15:00", "event": "first_death_14h"})
    at.select_slider[0].set_value(10).run()
    assert at.session_state["event"] is None and "event" not in at.query_params


@pytest.mark.parametrize("query", [
    {"t": "banana"}, {"t": "1999-01-01T00:00"}, {"lang": "xx"}, {"view": "x" * 10_000},
    {"base": "<script>alert(1)</script>"}, {"cats": "riot"}, {"event": "nope"},
])
def test_hostile_urls_fall_back_with_a_visible_notice(query):
    at = run_app(query)
    (name,) = query
    assert at.warning.len == 1 and f"“{name}”" in at.warning[0].value
    assert clock(at).startswith("9 January 2023")


def test_a_link_reproduces_its_view():
    query = {"t": "2023-01-09T17:00", "lang": "es", "view": "airport", "base": "offline", "cats": "clash,shooting"}
    at = run_app(query)
    assert {k: at.query_params[k] for k in at.query_params} == query
    args = map_args(at)
    assert args["zoom"] == VIEWS["airport"][1] and "L.tileLayer" not in args["script"]
    assert clock(at) == "9 de enero de 2023, 17:00 (Lima, UTC−5)"


def test_hostile_data_is_shown_as_text(hostile_data_dir, monkeypatch):
    monkeypatch.setenv("JULIACA_DATA_DIR", str(hostile_data_dir))
    at = run_app({"t": "2023-01-09T23:00"})
    options = " ".join(event_radio(at).options)
    assert "\\<script\\>" in options and "<script>" not in options
    assert "<script>" not in map_args(at)["feature_group"] + map_args(at)["script"]
