"""The page without a browser (streamlit AppTest): every widget path, both languages, URL parameters.

AppTest cannot run Leaflet; it sees the map as a component whose arguments can be read. The map
itself is tested in a real browser (tests/test_browser.py).
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from geo.model.views import VIEWS

APP = str(Path(__file__).resolve().parent.parent / "app.py")


def run_app(query: dict | None = None, session: dict | None = None) -> AppTest:
    """The page once the browser has painted the map (the control's "drawn" report, simulated)."""
    at = AppTest.from_file(APP, default_timeout=60)
    for key, value in (query or {}).items():
        at.query_params[key] = value
    at.run()
    at.session_state["page_complete"] = True  # what ui.explore.complete_page does on the report
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


def control(at: AppTest) -> dict:
    """The data the time control (in the browser) was given."""
    (component,) = [c for c in at.get("bidi_component") if c.proto.component_name == "juliaca-map.time_control"]
    return json.loads(component.proto.json)


def clock(at: AppTest) -> str:
    """What the control's clock shows first: the step Python holds."""
    data = control(at)
    return data["steps"][data["step"]]["clock"]


def test_default_page_explains_itself():
    at = run_app()
    assert clock(at) == "9 January 2023, 06:00 (Lima, UTC−5)"
    assert "Content note" in at.info[0].value
    assert "Move the time slider" in at.caption[0].value
    assert control(at)["counters"] == ["Civilians killed", "People injured", "Police killed", "Police injured"]
    assert at.warning.len == 0


def test_a_new_visitor_gets_the_map_first_and_the_rest_once_it_is_painted():
    """Issue 10: the first run holds back the list, downloads, settings and upload, and says so."""
    at = AppTest.from_file(APP, default_timeout=60)
    at.query_params.update(t="2023-01-09T15:00", event="first_death_14h")
    at.run()
    assert not at.exception
    assert map_args(at) and control(at)["reportDrawn"] is True
    assert not [r for r in at.radio if r.key == "event"] and not at.get("download_button") and not at.expander
    assert any("Loading the list of events" in h.proto.body for h in at.get("html"))
    at.session_state["page_complete"] = True
    at.run()
    assert control(at)["reportDrawn"] is False and event_radio(at).value == "first_death_14h"
    assert at.get("download_button") and at.expander


def test_the_content_note_can_be_dismissed_for_the_session():
    at = run_app()
    at.button[0].click().run()
    assert at.info.len == 0
    at.run()
    assert at.info.len == 0


def test_spanish_shows_spanish_everywhere():
    at = run_app({"lang": "es", "t": "2023-01-09T18:00"})
    assert clock(at) == "9 de enero de 2023, 18:00 (Lima, UTC−5)"
    assert control(at)["counters"][0] == "Civiles muertos"
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


def test_a_released_time_reaches_both_ends_and_updates_the_list_and_url():
    """What hear_time does when the browser releases a time (the browser path: tests/test_time_control.py)."""
    at = run_app()
    at.session_state["step"] = 0
    at.run()
    assert clock(at).endswith("00:00 (Lima, UTC−5)") and at.query_params["t"] == "2023-01-09T00:00"
    at.session_state["step"] = 23
    at.run()
    assert clock(at).endswith("23:00 (Lima, UTC−5)") and at.query_params["t"] == "2023-01-09T23:00"
    assert any("show 9 January 2023, 23\\:00" in c.value for c in at.caption)


def test_the_control_gets_every_step_of_the_scale_and_no_server_play():
    data = control(run_app({"t": "2023-01-09T10:00"}))
    assert [s["key"] for s in data["steps"]][:2] == ["2023-01-09T00:00", "2023-01-09T01:00"] and len(data["steps"]) == 24
    assert data["step"] == 10 and data["rev"] == 0 and data["mapKey"] == "juliaca_map"
    assert data["steps"][10]["tollFrom"] == data["steps"][0]["t"]  # the hourly toll counts 9 January only


def test_a_scale_change_is_a_server_jump_with_a_new_revision():
    at = run_app({"t": "2023-01-09T17:00"})
    next(c for c in at.button_group if c.key == "scale").set_value("day").run()
    data = control(at)
    assert data["rev"] == 1 and data["steps"][data["step"]]["key"] == "2023-01-09"
    assert data["steps"][data["step"]]["tollFrom"] is None


def test_the_day_scale_from_a_link():
    at = run_app({"t": "2023-01-12", "lang": "es"})
    assert clock(at) == "12 de enero de 2023, al final del día (Lima, UTC−5)"


def test_filtering_hides_events_from_list_and_map_but_not_the_counts():
    at = run_app({"t": "2023-01-09T18:00"}, session={"categories": ["march"]})
    assert all("March from" in option for option in event_radio(at).options)
    assert control(at)["cats"] == ["march"]
    assert at.query_params["cats"] == "march"


def test_an_empty_filter_says_so():
    at = run_app({"cats": ""})
    assert all(r.key != "event" for r in at.radio)
    assert any("No event of the chosen kinds yet" in c.value for c in at.caption)


def test_choosing_an_event_in_the_list_highlights_it_and_shows_its_source():
    at = run_app({"t": "2023-01-09T15:00"})
    event_radio(at).set_value("first_death_14h").run()
    assert control(at)["selected"] == "first_death_14h"
    shown = " ".join(m.value for m in at.markdown)
    assert "selling cobblestones" in shown and "Events" in shown
    assert at.query_params["event"] == "first_death_14h"


def test_a_selected_event_is_dropped_when_the_slider_goes_before_it():
    at = run_app({"t": "2023-01-09T15:00", "event": "first_death_14h"})
    at.session_state["step"] = 10
    at.run()
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
    assert "<script>" not in map_args(at)["script"]
    assert not map_args(at).get("feature_group"), "the time travels by message, never in the map's arguments"


def test_a_superscript_moment_in_a_classroom_link_keeps_the_rest_of_the_link():
    """Issue 21: `?moment=²` raised inside the link's parser, and the guard opened the default view in English."""
    at = run_app({"mode": "present", "moment": "²", "lang": "es"})
    assert at.session_state["lang"] == "es" and at.session_state["present"] is True
    assert at.session_state["moment"] == 1
    assert any("“moment”" in w.value for w in at.warning), [w.value for w in at.warning]
    assert not any("Algo salió mal" in e.value or "Something went wrong" in e.value for e in at.error)
