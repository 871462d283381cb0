"""The base map's cartography: the frame the layers cover, the names on it, and labels that never collide."""

from __future__ import annotations

import geopandas as gpd
import pytest
from shapely.geometry import Point, box

from geo.map.assets import LAYERS_DIR
from geo.map.cartography import COUNTRY_LABELS, DATA_FRAME, WATER_LABELS, place_labels, short_name
from geo.model.params import step_key, steps_for
from geo.model.views import VIEWS
from geo.output.export import PageOptions, build_page
from geo.text.i18n import LANGUAGES, text
from harness.browser import CATCH_MAPS, MAP

# The steps the issue names: 06:00 and 17:00 on 9 January, and 12 January on the context scale.
STEPS = (("hour", "2023-01-09T06:00"), ("hour", "2023-01-09T17:00"), ("day", "2023-01-12"))


def _layer(name: str) -> gpd.GeoDataFrame:
    return gpd.read_file(LAYERS_DIR / name)


def test_the_layers_are_complete():
    assert len(_layer("peru_departments.geojson")) == 25
    assert len(_layer("peru_provinces.geojson")) == 197
    names = set(_layer("countries_ne10m.geojson")["name"])
    assert {"Peru", "Bolivia", "Brazil", "Chile", "Ecuador", "Colombia"} <= names


def test_the_frame_is_the_extent_of_the_countries_layer_so_land_reaches_every_edge():
    (south, west), (north, east) = DATA_FRAME
    minx, miny, maxx, maxy = _layer("countries_ne10m.geojson").total_bounds
    assert (miny, maxx, maxy) == pytest.approx((south, east, north))
    assert west <= minx  # west of the land is the Pacific, drawn as water: that is true
    peru = _layer("peru_departments.geojson").total_bounds
    assert box(west, south, east, north).contains(box(*peru))


@pytest.mark.parametrize("label", COUNTRY_LABELS, ids=lambda c: f"{c['id']}@{c['zoom'][0]}")
def test_each_country_name_sits_inside_its_country(label):
    countries = _layer("countries_ne10m.geojson").set_index("name")
    point = Point(label["lon"], label["lat"])
    inside = [name for name, shape in countries.geometry.items() if shape.contains(point)]
    assert [n.upper() for n in inside] == [text("en", f"country_{label['id']}")]


def test_water_names_sit_on_water():
    land = _layer("countries_ne10m.geojson").union_all()
    lake = _layer("lakes_ne10m.geojson").union_all()
    ocean, titicaca = WATER_LABELS
    assert not land.contains(Point(ocean["lon"], ocean["lat"]))
    assert lake.contains(Point(titicaca["lon"], titicaca["lat"]))


@pytest.mark.parametrize(
    "place_id, full, lang, short",
    [
        ("jul_airport", "Inca Manco Cápac International Airport", "en", "Inca Manco Cápac Airport"),
        ("jul_airport", "Aeropuerto Internacional Inca Manco Cápac", "es", "Aeropuerto Inca Manco Cápac"),
        ("putina", "Putina (San Antonio de Putina)", "es", "Putina"),
        ("macusani", "Macusani (Carabaya)", "en", "Macusani"),
        ("juliaca", "Juliaca", "en", "Juliaca"),
        ("x", "(only a parenthesis)", "en", "(only a parenthesis)"),
    ],
)
def test_short_names(place_id, full, lang, short):
    assert short_name(place_id, full, lang) == short


def test_the_airport_and_juliaca_come_first_then_origins_then_context(data):
    labels = place_labels(data.places, "es")
    assert [r["id"] for r in labels[:2]] == ["jul_airport", "juliaca"]
    roles = [r["role"] for r in labels]
    assert roles == sorted(roles, key=["site", "origin", "context"].index)
    assert {r["id"]: r["name"] for r in labels}["putina"] == "Putina (San Antonio de Putina)"  # the full name kept


# --- in a real browser: the exported page, offline ----------------------------------------

_BOXES = """() => {
  const rect = n => { const r = n.getBoundingClientRect(); return {x: r.left, y: r.top, w: r.width, h: r.height}; };
  const map = document.getElementById('map').getBoundingClientRect();
  const labels = [...document.querySelectorAll('.jm-label')].filter(n => getComputedStyle(n).display !== 'none')
    .map(n => ({text: n.textContent, title: n.getAttribute('title'), ...rect(n)}));
  const controls = [...document.querySelectorAll('#map .leaflet-control')].map(n => ({text: 'control', ...rect(n)}))
    .filter(r => r.w && r.h);
  return {labels, controls, map: {x: map.left, y: map.top, w: map.width, h: map.height}};
}"""
_BOXES_IN_APP = _BOXES.replace(
    "document.getElementById('map')", "document.querySelector('.leaflet-container')"
).replace("#map .leaflet-control", ".leaflet-control")
_IN_FRAME = f"""frame => {{ const b = {MAP}.getBounds(), f = L.latLngBounds(frame).pad(0.0001);  // rounding
  return f.contains(b) ? null : b.toBBoxString(); }}"""
_SET_VIEW = f"([c, z]) => {{ {MAP}.setView(c, z, {{animate: false}}); }}"


def _overlap(a: dict, b: dict) -> bool:
    return (
        a["x"] < b["x"] + b["w"] and b["x"] < a["x"] + a["w"] and a["y"] < b["y"] + b["h"] and b["y"] < a["y"] + a["h"]
    )


def _collisions(found: dict) -> list[str]:
    """Every pair of labels that overlap, every label over a map control, every label outside the map."""
    labels, out = found["labels"], []
    for i, a in enumerate(labels):
        out += [f"{a['text']!r} over {b['text']!r}" for b in labels[i + 1 :] + found["controls"] if _overlap(a, b)]
        m = found["map"]
        if a["x"] < m["x"] or a["y"] < m["y"] or a["x"] + a["w"] > m["x"] + m["w"] or a["y"] + a["h"] > m["y"] + m["h"]:
            out.append(f"{a['text']!r} outside the map")
    return out


def _step_index(scale: str, key: str) -> int:
    return [step_key(t, scale) for t in steps_for(scale)].index(key)


@pytest.fixture(scope="module")
def pages(index, data, tmp_path_factory):
    """The exported page in each language, written once."""
    folder = tmp_path_factory.mktemp("labels")
    out = {}
    for lang in LANGUAGES:
        path = folder / f"{lang}.html"
        path.write_text(build_page(index, data.places, PageOptions(lang=lang)), encoding="utf-8")
        out[lang] = path
    return out


def _open(chromium, path, width, height, snapshot_layout=False):
    page = chromium.new_page(viewport={"width": width, "height": height})
    page.add_init_script(CATCH_MAPS)
    errors = []
    page.on("pageerror", lambda e: errors.append(str(e)))
    page.goto(path.as_uri())
    page.wait_for_function(
        "() => { const m = document.querySelector('.jm-map'); return m && m.dataset.t && m.dataset.context === '4'; }"
    )
    if snapshot_layout:
        page.evaluate("() => document.body.classList.add('snapshot')")
        page.evaluate(f"() => {MAP}.invalidateSize({{animate: false}})")
    return page, errors


def _go(page, scale: str, key: str) -> None:
    """Show the step `key` by a link within the page, and wait until it is drawn."""
    page.evaluate("k => { location.hash = 't=' + k; }", key)
    t = steps_for(scale)[_step_index(scale, key)]
    page.wait_for_function("t => document.querySelector('.jm-map').dataset.t === t", arg=t.isoformat())


def _settle(page):
    """Two frames: the legend's resize has been observed and the labels placed again."""
    page.evaluate("() => new Promise(r => requestAnimationFrame(() => requestAnimationFrame(r)))")


@pytest.mark.browser
@pytest.mark.parametrize("lang", LANGUAGES)
@pytest.mark.parametrize("width, height, snapshot_layout", [(1600, 1000, True), (1200, 800, False), (390, 844, False)])
def test_no_label_collides_in_any_preset_view_step_or_zoom(chromium, pages, lang, width, height, snapshot_layout):
    page, errors = _open(chromium, pages[lang], width, height, snapshot_layout)
    problems = []
    for view, (center, zoom) in VIEWS.items():
        for scale, key in STEPS:
            _go(page, scale, key)
            page.evaluate(_SET_VIEW, [list(center), zoom])
            _settle(page)
            found = page.evaluate(_BOXES)
            problems += [f"{view} {key}: {p}" for p in _collisions(found)]
            shown = {label["text"] for label in found["labels"]}
            if view in ("region", "airport"):  # the story's two places are always named
                assert "Juliaca" in shown, (view, key, shown)
                assert any("Inca Manco" in s for s in shown), (view, key, shown)
        # every zoom the view allows, from the farthest out to the closest in
        low, high = page.evaluate(f"() => [{MAP}.getMinZoom(), {MAP}.getMaxZoom()]")
        z = low
        while z <= high:
            page.evaluate(_SET_VIEW, [list(center), z])
            _settle(page)
            problems += [f"{view} zoom {z}: {p}" for p in _collisions(page.evaluate(_BOXES))]
            outside = page.evaluate(_IN_FRAME, [[-26, -84], [3, -60]])
            assert outside is None, f"{view} at zoom {z} shows {outside}, beyond the land data"
            z += 1
    assert problems == [] and errors == []
    page.close()


@pytest.mark.browser
def test_short_names_at_small_scales_carry_the_full_name_as_tooltip(chromium, pages):
    page, _ = _open(chromium, pages["es"], 1200, 800)
    center, zoom = VIEWS["region"]
    page.evaluate(_SET_VIEW, [list(center), zoom])
    _settle(page)
    airport = [lb for lb in page.evaluate(_BOXES)["labels"] if "Inca Manco" in lb["text"]]
    assert airport == [
        {**airport[0], "text": "Aeropuerto Inca Manco Cápac", "title": "Aeropuerto Internacional Inca Manco Cápac"}
    ]
    center, zoom = VIEWS["airport"]
    page.evaluate(_SET_VIEW, [list(center), zoom])
    _settle(page)
    texts = [lb["text"] for lb in page.evaluate(_BOXES)["labels"]]
    assert "Aeropuerto Internacional Inca Manco Cápac" in texts
    page.close()


# Each symbol's box, by the place its name ends with ("title, time, place": geo/web/app/eventview.js).
_SYMBOLS_BY_PLACE = """([places, differ]) => {
  const out = {};
  for (const icon of document.querySelectorAll('.jm-icon')) {
    const r = icon.querySelector('svg').getBoundingClientRect();
    const label = icon.getAttribute('aria-label').replace(', ' + differ, '');  // "…, place, sources differ"
    const place = places.find((p) => label.endsWith(', ' + p));
    if (place) (out[place] = out[place] || []).push({x: r.left, y: r.top, w: r.width, h: r.height});
  }
  return out;
}"""


@pytest.mark.browser
def test_the_airport_and_juliaca_stay_apart_at_the_region_zoom_and_no_event_is_hidden(chromium, pages, data, index):
    page, errors = _open(chromium, pages["en"], 1200, 800)
    step = _step_index("hour", "2023-01-09T17:00")
    _go(page, "hour", "2023-01-09T17:00")
    center, zoom = VIEWS["region"]
    page.evaluate(_SET_VIEW, [list(center), zoom])
    _settle(page)
    names = data.places["name_en"].tolist()
    page.wait_for_function(
        "() => [...document.querySelectorAll('.jm-icon')].every(i => i.getAttribute('aria-label').includes(', '))"
    )
    boxes = page.evaluate(_SYMBOLS_BY_PLACE, [names, text("en", "sources_differ_badge")])
    airport, juliaca = boxes[data.places.loc["jul_airport", "name_en"]], boxes[data.places.loc["juliaca", "name_en"]]
    assert airport and juliaca
    assert [(a, b) for a in airport for b in juliaca if _overlap(a, b)] == []
    # every event revealed by 17:00 at a known place has its own symbol
    t = steps_for("hour")[step]
    ev = index.events
    expected = int(((ev["reveal"] <= t) & ev["place_id"].isin(data.places.index)).sum())
    assert sum(len(v) for v in boxes.values()) == expected
    # a symbol in the airport's fan opens its event
    airport_name = data.places.loc["jul_airport", "name_en"]
    page.locator(f".jm-icon[aria-label$=', {airport_name}']").first.click()
    page.locator(".leaflet-popup .jm-popup-place").wait_for()
    assert page.locator(".leaflet-popup .jm-popup-place").inner_text() == "Inca Manco Cápac International Airport"
    assert errors == []
    page.close()


@pytest.mark.parametrize("base", ["offline", "osm", "satellite"])
def test_the_spanish_credit_line_is_wholly_spanish(base):
    from geo.output.export import credit_line

    line = credit_line("es", base)
    assert line.startswith("Fuente: Wikipedia") and line.endswith("Juliaca, 9 de enero de 2023: el día hora a hora")
    assert not any(word in line for word in ("hour-by-hour", "contributors", "Imagery", "Map data"))


@pytest.mark.browser
def test_a_snapshot_has_a_north_arrow_an_inset_and_a_legend_of_what_is_in_the_picture(chromium, index, data, tmp_path):
    path = tmp_path / "snap.html"
    step = _step_index("hour", "2023-01-09T17:00")
    path.write_text(
        build_page(index, data.places, PageOptions(lang="en", view="airport", step=step, snapshot=True)),
        encoding="utf-8",
    )
    page, errors = _open(chromium, path, 1200, 800)
    _settle(page)
    assert page.locator(".jm-north").count() == 1 and page.locator(".jm-inset").count() == 1
    assert page.locator(".leaflet-control-scale").count() == 1
    legend = [t for t in page.locator(".jm-legend-body > ul:not(.jm-legend-notes) > li").all_inner_texts() if t]
    shown = page.locator(".jm-legend-body > ul:not(.jm-legend-notes) > li:visible").all_inner_texts()
    assert len(legend) == 12 and "March" in shown and "Clash" in shown
    assert "Government decision" not in shown  # the government's events are in Lima, out of the picture
    assert errors == []
    page.close()


@pytest.mark.browser
@pytest.mark.parametrize("lang", LANGUAGES)
def test_the_apps_offline_map_keeps_labels_apart_and_the_view_on_the_land_data(app_server, browsing, lang):
    for view in VIEWS:
        browsing.page.goto(f"{app_server.url}/?t=2023-01-09T17:00&base=offline&view={view}&lang={lang}")
        frame = browsing.wait_for_map()
        frame.wait_for_function(
            "() => document.querySelector('.jm-map').dataset.context === '4' && document.querySelector('.jm-label')"
        )
        frame.evaluate("() => new Promise(r => requestAnimationFrame(() => requestAnimationFrame(r)))")
        found = frame.evaluate(_BOXES_IN_APP)
        assert _collisions(found) == [], view
        assert len(found["labels"]) >= 2, view  # the airport view holds two places
        inside = frame.evaluate(
            "frame => L.latLngBounds(frame).pad(0.0001).contains(window.map_div.getBounds())", [[-26, -84], [3, -60]]
        )
        assert inside, view
    browsing.assert_clean()
