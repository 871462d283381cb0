"""The map in a real browser (Debian's Chromium through Playwright), with no network but loopback.

Waits are on the map's own state (what its container says it has drawn, inside the iframe), never fixed sleeps.
"""

from __future__ import annotations

import json

import pytest

from geo.model.timeline import hour_steps, state_at
from geo.model.views import VIEWS
from geo.output.export import events_csv, events_geojson
from geo.text.i18n import text
from harness.browser import MAP_IFRAME, ROOT

pytestmark = pytest.mark.browser

FORWARD = "Forward ▶"


def iso(hour: int) -> str:
    return hour_steps()[hour].isoformat()


def mapped_count(index, t) -> int:
    state = state_at(index, t)
    return int((state.visible["place_id"] != "").sum())


def test_the_offline_base_map_draws_context_layers_and_every_event_with_no_network(app_server, browsing, index):
    browsing.page.goto(f"{app_server.url}/?t=2023-01-09T18:00&base=offline")
    frame = browsing.wait_for_map(iso(18))
    frame.wait_for_function("() => document.querySelector('.jm-map').dataset.context === '4'")
    assert int(browsing.drawn("events")) == mapped_count(index, hour_steps()[18])
    assert int(browsing.drawn("marches")) == 7
    assert frame.locator(".jm-icon").count() == mapped_count(index, hour_steps()[18])
    assert browsing.external == [], "the offline map must not ask the network for anything"
    browsing.assert_clean()


def test_tiles_unreachable_still_show_events_and_say_so(app_server, browsing, index):
    browsing.page.goto(f"{app_server.url}/?t=2023-01-09T18:00&base=osm")
    frame = browsing.wait_for_map(iso(18))
    # issue 23: the map takes the offline base by itself and says so in one quiet line, asking nothing
    frame.wait_for_function("() => document.querySelector('.jm-map').dataset.base === 'offline'")
    assert frame.locator(".jm-quiet[role=status]").inner_text() == text("en", "tiles_failed")
    assert frame.locator(".jm-notice, .leaflet-tile-pane img").count() == 0
    frame.wait_for_function("() => document.querySelector('.jm-map').dataset.context === '4'")  # the offline layers
    assert any("tile.openstreetmap.org" in url for url in browsing.external)
    assert int(browsing.drawn("events")) == mapped_count(index, hour_steps()[18])
    browsing.assert_clean()


def test_drawn_features_grow_from_06_to_18_step_by_step(app_server, browsing):
    page = browsing.page
    page.goto(f"{app_server.url}/?t=2023-01-09T06:00&base=offline")
    browsing.wait_for_map(iso(6))
    counts = [int(browsing.drawn("events")) + int(browsing.drawn("marches"))]
    for hour in range(7, 19):
        page.get_by_role("button", name=FORWARD).click()
        browsing.wait_for_map(iso(hour))
        counts.append(int(browsing.drawn("events")) + int(browsing.drawn("marches")))
    assert counts == sorted(counts) and counts[-1] > counts[0], counts
    browsing.assert_clean()


def test_the_keyboard_steps_the_hour(app_server, browsing):
    page = browsing.page
    page.goto(f"{app_server.url}/?t=2023-01-09T10:00&base=offline")
    browsing.wait_for_map(iso(10))
    page.keyboard.press("ArrowRight")
    browsing.wait_for_map(iso(11))
    page.get_by_role("slider").first.focus()
    page.keyboard.press("ArrowLeft")
    browsing.wait_for_map(iso(10))
    browsing.assert_clean()


def test_zoom_and_the_map_itself_survive_a_step(app_server, browsing):
    page = browsing.page
    page.goto(f"{app_server.url}/?t=2023-01-09T12:00&base=offline")
    frame = browsing.wait_for_map(iso(12))
    frame.evaluate(
        "() => { window.map.setView([-15.4, -70.1], 11, {animate: false}); window.map.jmMark = 'same map'; }"
    )
    page.get_by_role("button", name=FORWARD).click()
    browsing.wait_for_map(iso(13))
    browsing.wait_for_address("T13")  # released: the browser's address, list and downloads follow
    page.get_by_text("show 9 January 2023, 13:00", exact=False).wait_for()
    assert browsing.map_value("window.map.getZoom()") == 11
    assert browsing.map_value("window.map.jmMark") == "same map", "the map was rebuilt"
    center = browsing.map_value("[window.map.getCenter().lat, window.map.getCenter().lng]")
    # within a pixel (0.0007° at zoom 11): the iframe may resize by a scrollbar; a reset would move 0.5°
    assert center == pytest.approx([-15.4, -70.1], abs=1e-3)
    browsing.assert_clean()


def test_browser_memory_stays_bounded_over_steps(app_server, browsing):
    page = browsing.page
    page.goto(f"{app_server.url}/?t=2023-01-09T14:00&base=offline")
    frame = browsing.wait_for_map(iso(14))
    frame.wait_for_function("() => document.querySelector('.jm-map').dataset.context === '4'")  # it may draw before
    layers_before = browsing.map_value("Object.keys(window.map._layers).length")
    for hour in (15, 16, 17, 18, 19):
        page.get_by_role("button", name=FORWARD).click()
        browsing.wait_for_map(iso(hour))
    for hour in (18, 17, 16, 15, 14):
        page.get_by_role("button", name="◀ Back").click()
        browsing.wait_for_map(iso(hour))
    assert browsing.map_value("(window.feature_group || []).length") == 0, "the time never travels as a feature group"
    assert browsing.map_value("Object.keys(window.map._layers).length") == layers_before
    browsing.assert_clean()


def test_spanish_link_shows_spanish(app_server, browsing):
    page = browsing.page
    page.goto(f"{app_server.url}/?lang=es&t=2023-01-09T18:00&base=offline")
    frame = browsing.wait_for_map(iso(18))
    page.locator(".jt-clock", has_text="9 de enero de 2023, 18:00 (Lima, UTC−5)").wait_for()
    assert page.get_by_text("Civiles muertos").count() >= 1
    assert frame.locator(".jm-legend summary").inner_text() == "Leyenda"
    browsing.assert_clean()


def test_a_link_reproduces_its_view_and_the_slider_updates_the_link(app_server, browsing):
    page = browsing.page
    page.goto(f"{app_server.url}/?t=2023-01-09T17:00&lang=es&view=airport&base=offline")
    browsing.wait_for_map(iso(17))
    center, zoom = VIEWS["airport"]
    assert browsing.map_value("window.map.getZoom()") == zoom
    lat_lng = browsing.map_value("[window.map.getCenter().lat, window.map.getCenter().lng]")
    assert lat_lng == pytest.approx(list(center), abs=1e-3)
    assert browsing.map_value("Object.values(window.map._layers).some(l => l instanceof L.TileLayer)") is False
    page.get_by_role("button", name="Adelante ▶").click()
    browsing.wait_for_map(iso(18))
    browsing.wait_for_address("t=2023-01-09T18:00")
    assert all(part in browsing.address() for part in ("lang=es", "view=airport", "base=offline"))
    browsing.assert_clean()


def test_hostile_text_is_shown_as_text_and_runs_nothing(hostile_server, browsing):
    page = browsing.page
    page.goto(f"{hostile_server.url}/?t=2023-01-09T23:00&base=offline")
    frame = browsing.wait_for_map(iso(23))
    frame.locator(".jm-icon").first.focus()
    page.keyboard.press("Enter")  # Leaflet opens a focused marker's popup: the keyboard path
    popup = frame.locator(".jm-popup")
    popup.wait_for()
    assert "<script>alert(1)</script>" in popup.inner_text()
    assert "`${alert(3)}`" in popup.inner_text() and "C:\\new\\x" in popup.inner_text()
    frame.locator(".jm-icon").nth(1).dispatch_event("mouseover")
    frame.locator(".jm-tip").first.wait_for()
    assert "<img src=x" in frame.locator(".jm-tip").first.inner_text()
    page.get_by_text("<script>alert(1)</script>", exact=False).first.wait_for()
    page.locator(".jl-item input").first.check()
    page.locator(".jl-details").get_by_text("[a](javascript:alert(4))", exact=False).first.wait_for()
    assert frame.locator("img[src='x']").count() == 0 and page.locator("img[src='x']").count() == 0
    assert page.locator("a[href^='javascript']").count() == 0
    browsing.assert_clean()


@pytest.mark.parametrize("browsing", [(390, 844), (1920, 1080)], indirect=True, ids=["phone", "projector"])
def test_phone_and_projector_layouts(app_server, browsing, request):
    page = browsing.page
    page.goto(f"{app_server.url}/?t=2023-01-09T18:00&base=offline")
    browsing.wait_for_map(iso(18))
    width = page.viewport_size["width"]
    box = page.locator(MAP_IFRAME).bounding_box()
    assert box["width"] <= width and box["width"] >= width * 0.5
    assert page.evaluate("() => document.documentElement.scrollWidth") <= width
    artifacts = ROOT / "test-artifacts"
    artifacts.mkdir(exist_ok=True)
    page.screenshot(path=str(artifacts / f"layout-{width}x{page.viewport_size['height']}.png"))
    browsing.assert_clean()


def test_the_download_buttons_give_the_view_as_png_and_the_events_as_csv(app_server, browsing, tmp_path, index, data):
    page = browsing.page
    page.goto(f"{app_server.url}/?t=2023-01-09T18:00&base=offline&lang=es")
    browsing.wait_for_map(iso(18))
    png_download = browsing.download_image("Esta vista (PNG)")
    png = tmp_path / "view.png"
    png_download.save_as(png)
    from PIL import Image

    image = Image.open(png)
    assert image.format == "PNG" and image.size == (1600, 1000)
    assert png_download.suggested_filename == "juliaca-20230109-1800.png"
    with page.expect_download() as csv_download:
        page.get_by_role("button", name="Hechos mostrados (CSV)").click()
    made = csv_download.value.path().read_bytes()
    visible = state_at(index, hour_steps()[18]).visible
    assert made == events_csv(visible, index.record), "the browser's CSV is Python's, byte for byte"
    assert csv_download.value.suggested_filename == "juliaca-events-20230109-1800.csv"
    with page.expect_download() as geojson_download:
        page.get_by_role("button", name="Hechos mostrados (GeoJSON)").click()
    made = json.loads(geojson_download.value.path().read_text(encoding="utf-8"))
    assert made == json.loads(events_geojson(visible, data.places, index.record))
    browsing.assert_clean()


def test_the_first_map_draws_its_hour_by_itself_without_the_time_control(app_server, browsing, index):
    """A new visitor's map must not wait for the time control: with the control's script blocked it
    still shows the linked hour's events (and fetches the bundle itself, as nobody shares it)."""
    page = browsing.page
    page.route("**/juliaca-map.app/loader.js", lambda route: route.abort())
    page.goto(f"{app_server.url}/?t=2023-01-09T17:00&base=offline")
    frame = browsing.wait_for_map(iso(17))
    assert int(browsing.drawn("events")) == mapped_count(index, hour_steps()[17])
    assert frame.locator(".jm-icon").count() == mapped_count(index, hour_steps()[17])
    assert page.locator(".jt-slider").count() == 0, "the control must really be missing in this test"
    # nobody reports the map painted: the rest of the page still comes, a little later (here the list is
    # the browser app's too, so it is missing with it: the settings come)
    page.get_by_text("Show these kinds of event").first.wait_for(timeout=20_000)
    assert browsing.external == []


def test_a_new_visitor_gets_the_list_and_the_downloads_after_the_map_without_doing_anything(app_server, browsing):
    """Map first (issue 10): the map comes before the list and the downloads, which follow by themselves
    once it is painted; a link's time and event still apply to them."""
    page = browsing.page
    page.goto(f"{app_server.url}/?t=2023-01-09T15:00&event=first_death_14h&base=offline")
    browsing.wait_for_map(iso(15))
    chosen = page.locator(".jl-item input:checked")
    chosen.wait_for(state="attached", timeout=20_000)
    assert "First death: a man shot by police" in chosen.locator("xpath=ancestor::label").inner_text()
    assert "selling cobblestones" in page.locator(".jl-details").inner_text()  # the event in full, with its source
    assert page.get_by_text("show 9 January 2023, 15:00", exact=False).is_visible()
    assert page.get_by_role("button", name="Events shown (CSV)").is_visible()
    assert page.get_by_role("status").filter(has_text="Loading the list").count() == 0
    assert browsing.drawn() == iso(15)
    assert "event=first_death_14h" in browsing.address() and "t=2023-01-09T15" in browsing.address()
    browsing.assert_clean()


def test_reruns_keep_the_map_iframe_and_a_new_iframe_starts_at_the_time_shown(app_server, browsing):
    """The map's first step is in its script: it stays the same through releases and server jumps (else
    streamlit-folium would rebuild the iframe and lose the zoom); a new iframe takes the time the control
    shows as it announces itself, before its first paint."""
    page = browsing.page
    page.goto(f"{app_server.url}/?t=2023-01-09T12:00&base=offline")
    frame = browsing.wait_for_map(iso(12))
    frame.evaluate("() => { window.map.setView([-15.4, -70.1], 11, {animate: false}); window.jmMark = 'same map'; }")
    page.keyboard.press("ArrowRight")
    page.keyboard.press("ArrowRight")
    browsing.wait_for_map(iso(14))
    browsing.wait_for_address("T14")  # released: in the address, with no rerun
    page.get_by_text("Show these kinds of event").first.click()
    page.locator(".st-key-categories button", has_text="Protest").click()  # a full rerun
    browsing.wait_for_address("cats=", "T14")
    page.get_by_text("show 9 January 2023, 14:00", exact=False).wait_for()
    assert browsing.map_value("window.jmMark") == "same map", "a rerun rebuilt the map iframe"
    assert browsing.map_value("window.map.getZoom()") == 11
    assert browsing.map_value("document.querySelector('.jm-map').dataset.first") == iso(12)
    page.get_by_role("radio", name="OpenStreetMap").click()  # another base map: a new iframe, by design
    page.wait_for_function("""() => { const f = document.querySelector(".st-key-juliaca_map iframe");
        const map = f && f.contentDocument.querySelector(".jm-map");
        return map && !f.contentWindow.jmMark && map.dataset.t; }""")
    browsing.wait_for_map(iso(14))  # built with the server's time, it drew the browser's before it painted
    browsing.assert_clean()


def test_the_map_takes_steps_by_event_from_its_page_and_nothing_else(app_server, browsing):
    """The control hands steps as a same-origin event (drawn at once, inside the dispatch). Every step goes
    through the same check: no field of another type gets through; a posted message is not listened to."""
    page = browsing.page
    page.goto(f"{app_server.url}/?t=2023-01-09T10:00&base=offline")
    frame = browsing.wait_for_map(iso(10))
    frame.evaluate("""() => { window.jmDrawnSteps = []; new MutationObserver(() =>
        window.jmDrawnSteps.push(document.querySelector(".jm-map").dataset.t)).observe(document.querySelector(".jm-map"),
        {attributes: true, attributeFilter: ["data-t"]}); }""")

    def ms(hour: int) -> int:
        return int(hour_steps()[hour].value // 1_000_000)

    def step(hour: int) -> dict:
        return {"t": ms(hour), "iso": iso(hour), "newFrom": ms(hour - 1), "cats": None, "selected": None}

    send = """([how, step]) => { const w = document.querySelector(".st-key-juliaca_map iframe").contentWindow;
        if (how === "message") w.postMessage({type: "juliaca:step", step}, location.origin);
        else w.dispatchEvent(new w.CustomEvent("juliaca:step", {detail: step})); }"""
    bad = [
        {**step(20), "t": "alert(1)"},
        {**step(20), "cats": "march"},
        {**step(20), "selected": ["x"]},
        {**step(20), "title": {"toString": "x"}},
        {**step(20), "highlight": [1]},
        None,
        "juliaca:step",
    ]
    for value in bad:
        page.evaluate(send, ["event", value])
    page.evaluate(send, ["message", step(21)])  # the old fallback: nobody listens
    page.evaluate(send, ["event", step(16)])
    assert browsing.drawn() == iso(16), "an event is drawn at once, inside the dispatch"
    frame.evaluate("() => new Promise(r => requestAnimationFrame(() => setTimeout(r, 50)))")
    drawn = browsing.map_value("window.jmDrawnSteps")
    assert drawn == [iso(16)], drawn
    browsing.assert_clean()
