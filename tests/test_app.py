"""The page without a browser (streamlit AppTest): every widget path, both languages, URL parameters.

AppTest cannot run Leaflet; it sees the map as a component whose arguments can be read. The map
itself is tested in a real browser (tests/test_browser.py).
"""

from __future__ import annotations

import pytest
from streamlit.testing.v1 import AppTest

from geo.model.views import VIEWS
from harness.apptest import APP, clock, control, map_args, mounts, run_app


def panel(at: AppTest) -> dict:
    """The data the list and downloads (in the browser) were given."""
    (data,) = mounts(at, "panel")
    return data


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
    assert not mounts(at, "panel") and not at.expander
    assert any("Loading the list of events" in h.proto.body for h in at.get("html"))
    at.session_state["page_complete"] = True
    at.run()
    assert control(at)["reportDrawn"] is False and control(at)["selected"] == "first_death_14h"
    assert panel(at)["limit"] == 150 and at.expander


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
    assert panel(at)["words"]["list_heading"].startswith("Hechos") and panel(at)["lang"] == "es"
    assert panel(at)["words"]["categories"]["shooting"] == "Disparos"
    assert '"title": "Leyenda"' in map_args(at)["script"] and '"lang": "es"' in map_args(at)["script"]


@pytest.mark.parametrize("view", sorted(VIEWS))
def test_each_preset_view_sets_centre_and_zoom(view):
    args = map_args(run_app({"view": view}))
    center, zoom = VIEWS[view]
    assert args["center"] == list(center) and args["zoom"] == zoom


@pytest.mark.parametrize(
    "base, tiles", [("osm", "tile.openstreetmap.org"), ("satellite", "arcgisonline"), ("offline", None)]
)
def test_each_base_map_and_only_local_scripts(base, tiles):
    args = map_args(run_app({"base": base}))
    if tiles:
        assert tiles in args["script"]
    else:
        assert "L.tileLayer" not in args["script"]
    assert all(link.startswith("/app/static/") for link in args["js_links"] + args["css_links"])


def test_python_gives_the_browser_the_view_and_leaves_it_the_time_in_the_address():
    """The explorer's address bar is the browser's (a release costs the server nothing: tests/test_time_control.py);
    Python gives the rest of the view, and writes no address of its own."""
    at = run_app({"t": "2023-01-09T10:00", "view": "airport"})
    assert control(at)["address"] == {"lang": "en", "view": "airport", "base": "osm"}
    at.session_state["step"] = 23  # a time the server decides (as a scale change or an upload do)...
    at.session_state["time_rev"] = 1
    at.run()
    assert clock(at).endswith("23:00 (Lima, UTC−5)") and control(at)["rev"] == 1  # ...is applied once, by revision
    assert at.query_params["t"] == "2023-01-09T10:00"  # the link's, untouched by Python


def test_the_control_gets_every_step_of_the_scale_and_no_server_play():
    data = control(run_app({"t": "2023-01-09T10:00"}))
    assert [s["key"] for s in data["steps"]][:2] == ["2023-01-09T00:00", "2023-01-09T01:00"]
    assert len(data["steps"]) == 24
    assert data["step"] == 10 and data["rev"] == 0 and data["mapKey"] == "juliaca_map"
    assert data["steps"][10]["tollFrom"] == data["steps"][0]["map"]["t"]  # the hourly toll counts 9 January only
    assert "summary" in data["steps"][10] and data["steps"][10]["map"]["title"].startswith("Map")


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
    assert control(at)["cats"] == ["march"]
    assert control(at)["address"]["cats"] == "march"
    assert "march" in map_args(at)["script"]  # the map's first step draws the filter too


def test_an_empty_filter_reaches_the_browser_as_an_empty_filter():
    at = run_app({"cats": ""})
    assert control(at)["cats"] == [] and control(at)["address"]["cats"] == ""
    assert panel(at)["words"]["list_empty"].startswith("No event of the chosen kinds yet")


def test_a_linked_event_is_dropped_when_it_is_not_shown_at_the_linked_time():
    at = run_app({"t": "2023-01-09T10:00", "event": "first_death_14h"})
    assert at.session_state["event"] is None and control(at)["selected"] is None


@pytest.mark.parametrize(
    "query",
    [
        {"t": "banana"},
        {"t": "1999-01-01T00:00"},
        {"lang": "xx"},
        {"view": "x" * 10_000},
        {"base": "<script>alert(1)</script>"},
        {"cats": "riot"},
        {"event": "nope"},
    ],
)
def test_hostile_urls_fall_back_with_a_visible_notice(query):
    at = run_app(query)
    (name,) = query
    assert at.warning.len == 1 and f"“{name}”" in at.warning[0].value
    assert clock(at).startswith("9 January 2023")


def test_a_link_reproduces_its_view():
    query = {"t": "2023-01-09T17:00", "lang": "es", "view": "airport", "base": "offline", "cats": "clash,shooting"}
    at = run_app(query)
    assert {k: at.query_params[k] for k in at.query_params} == query
    assert control(at)["address"] == {k: v for k, v in query.items() if k != "t"}
    args = map_args(at)
    assert args["zoom"] == VIEWS["airport"][1] and "L.tileLayer" not in args["script"]
    assert clock(at) == "9 de enero de 2023, 17:00 (Lima, UTC−5)"


def test_hostile_data_is_shown_as_text(hostile_data_dir, monkeypatch):
    monkeypatch.setenv("JULIACA_DATA_DIR", str(hostile_data_dir))
    at = run_app({"t": "2023-01-09T23:00"})
    assert "<script>" not in map_args(at)["script"]  # the text goes to the browser as data (tests/test_browser.py)
    assert not map_args(at).get("feature_group"), "the time travels by message, never in the map's arguments"


# --- the record's sources (issue 20, part 4) -----------------------------------------------------------


def _toll_at(at: AppTest, key: str) -> list[str]:
    data = control(at)
    return next(step["toll"] for step in data["steps"] if step["key"] == key)


def test_the_article_only_is_its_own_dataset_with_the_articles_counters():
    """The officer found dead: 10 January with every source, 11 January on the article alone."""
    every, article = run_app({"t": "2023-01-10"}), run_app({"t": "2023-01-10", "src": "wikipedia_en"})
    assert article.warning.len == 0 and control(article)["src"] is None  # a dataset of its own, not a mask
    assert control(article)["bundle"] != control(every)["bundle"]
    assert panel(article)["recordUrl"] == panel(every)["recordUrl"]  # the people and sources lists stay whole
    assert _toll_at(every, "2023-01-10")[2] == "1"
    assert [_toll_at(article, day)[2] for day in ("2023-01-10", "2023-01-11")] == ["0", "1"]
    assert control(article)["address"]["src"] == "wikipedia_en"
    assert any("on the article alone" in c.value for c in article.caption)


def test_one_source_masks_the_events_in_the_browser_and_keeps_the_counters():
    every, one = run_app({"t": "2023-01-09T23:00"}), run_app({"t": "2023-01-09T23:00", "src": "pachamama_norte"})
    assert control(one)["src"] == "pachamama_norte" and control(one)["bundle"] == control(every)["bundle"]
    assert [s["toll"] for s in control(one)["steps"]] == [s["toll"] for s in control(every)["steps"]]
    assert '"src": "pachamama_norte"' in map_args(one)["script"]  # the map's first step masks too
    line = next(c.value for c in one.caption if c.value.startswith("Shown: only the"))
    assert "The north of the Puno region mourns its dead" in line and "The counters do not change" in line
    assert control(one)["address"]["src"] == "pachamama_norte"


def test_the_source_choice_lists_every_source_and_changes_the_link():
    at = run_app({"t": "2023-01-09T18:00"})
    (box,) = [s for s in at.selectbox if s.key == "source"]
    assert len(box.options) == 131 and box.options[:2] == [
        "All sources",
        "The article only (its events and counts, as the map read them)",
    ]
    box.set_value("pachamama_norte").run()
    assert control(at)["src"] == "pachamama_norte" and control(at)["address"]["src"] == "pachamama_norte"
    next(s for s in at.selectbox if s.key == "source").set_value("*").run()
    assert control(at)["src"] is None and "src" not in control(at)["address"]


def test_an_unknown_source_in_a_link_falls_back_with_a_notice():
    at = run_app({"src": "no_such_outlet"})
    assert at.warning.len == 1 and "“src”" in at.warning[0].value and control(at)["src"] is None


def test_each_step_carries_the_figures_reported_by_then_and_the_panel_the_records_lists():
    at = run_app({"t": "2023-01-09T15:00", "lang": "es"})
    steps = control(at)["steps"]
    assert steps[13]["reported"] == "" and "9 muertos (Defensoría del Pueblo)" in steps[15]["reported"]
    assert panel(at)["people"] == 17 and panel(at)["words"]["people_heading"] == "Las personas muertas"
    (sources,) = mounts(at, "sources")
    assert sources["recordUrl"] == panel(at)["recordUrl"] and sources["lang"] == "es"


def test_a_deaths_popup_links_the_people_killed_only_where_their_list_is_beside_the_map():
    assert '"peopleLinks": true' in map_args(run_app({"t": "2023-01-09T18:00"}))["script"]
    assert '"peopleLinks": false' in map_args(run_app({"mode": "present", "moment": "5"}))["script"]


@pytest.mark.parametrize("lang", ["es", "en"])
def test_the_note_button_pressed_while_the_page_still_loads_keeps_the_page(lang):
    """Issue 23: on a slow first load, the widgets not mounted yet come back as None when the content note's
    button reruns the page; the language None raised KeyError: None. The link's choices stand in for them."""
    at = AppTest.from_file(APP, default_timeout=60)
    at.query_params["lang"] = lang
    at.query_params["view"] = "airport"
    at.run()
    for key in ("lang", "view", "base", "scale", "categories"):
        at.session_state[key] = None  # as the rerun started by the button finds them
    at.button[0].click().run()
    assert not at.exception, at.exception
    assert at.session_state["note_dismissed"] and at.session_state["lang"] == lang
    assert at.session_state["view"] == "airport" and at.session_state["categories"]


def test_a_superscript_moment_in_a_classroom_link_keeps_the_rest_of_the_link():
    """Issue 21: `?moment=²` raised inside the link's parser, and the guard opened the default view in English."""
    at = run_app({"mode": "present", "moment": "²", "lang": "es"})
    assert at.session_state["lang"] == "es" and at.session_state["present"] is True
    assert at.session_state["moment"] == 1
    assert any("“moment”" in w.value for w in at.warning), [w.value for w in at.warning]
    assert not any("Algo salió mal" in e.value or "Something went wrong" in e.value for e in at.error)
