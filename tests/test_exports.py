"""Exports: PNG snapshots, the animation, the self-contained page, and the events as CSV and GeoJSON."""

from __future__ import annotations

import csv
import io
import json
import subprocess
import sys
from pathlib import Path

import pytest
from PIL import Image, ImageStat

from geo.commands.cli import main
from geo.data.csvrows import neutralise_formula
from geo.data.load import REPO_DATA_DIR, load_dataset
from geo.model.timeline import index_events, lima_time, state_at
from geo.output.export import PageOptions, build_page, events_csv, events_geojson, export_site
from geo.text.i18n import STRINGS

ROOT = Path(__file__).resolve().parent.parent


def _run(argv):
    out, err = io.StringIO(), io.StringIO()
    return main(argv, out, err), out.getvalue(), err.getvalue()


def _command(argv):
    """Run `python -m geo ...` as a user would (a separate process, with its own browser)."""
    done = subprocess.run([sys.executable, "-m", "geo", *argv], capture_output=True, text=True, timeout=300, cwd=ROOT)
    return done.returncode, done.stdout, done.stderr


# --- unit: files of the events shown ----------------------------------------------------------


@pytest.mark.parametrize(
    "value, expected",
    [
        ("=1+1", "'=1+1"),
        ("+44 20", "'+44 20"),
        ("-3", "'-3"),
        ("@SUM(A1)", "'@SUM(A1)"),
        ("\t=cmd", "'\t=cmd"),
        ("Juliaca", "Juliaca"),
        ("a=b", "a=b"),
        ("", ""),
        (17, 17),
        (None, None),
    ],
)
def test_formula_cells_are_neutralised(value, expected):
    assert neutralise_formula(value) == expected


def test_csv_export_round_trips_and_neutralises(data, index):
    visible = state_at(index, lima_time("2023-01-09T18:00")).visible.copy()
    visible.loc[visible.index[0], "title_en"] = '=HYPERLINK("http://e.vil","x")'
    rows = list(csv.DictReader(io.StringIO(events_csv(visible).decode("utf-8-sig"))))
    assert len(rows) == len(visible)
    assert rows[0]["title_en"].startswith("'=HYPERLINK")
    assert {r["id"] for r in rows} == set(visible["id"])
    assert rows[0]["start"].endswith("-05:00")


def test_csv_export_is_valid_input_for_the_loader(data, index, tmp_path):
    folder = tmp_path / "data"
    folder.mkdir()
    (folder / "places.geojson").write_bytes((REPO_DATA_DIR / "places.geojson").read_bytes())
    (folder / "events.csv").write_bytes(events_csv(data.events, data.record))
    assert len(load_dataset(folder).events) == len(data.events)


def test_geojson_export_has_points_and_null_geometry_for_unknown_places(data, index):
    visible = state_at(index, lima_time("2023-01-09T18:00")).visible
    doc = json.loads(events_geojson(visible, data.places))
    assert doc["type"] == "FeatureCollection" and len(doc["features"]) == len(visible)
    by_id = {f["properties"]["id"]: f for f in doc["features"]}
    assert by_id["boluarte_announces_death"]["geometry"] is None
    lon, lat = by_id["police_deadly_force"]["geometry"]["coordinates"]
    assert -71 < lon < -69 and -16 < lat < -15


# --- unit: the command line's arguments ----------------------------------------------------------


@pytest.mark.parametrize(
    "argv, message",
    [
        (["snapshot", "--out", "x.png", "--at", "banana"], "is not a step"),
        (["snapshot", "--out", "x.png", "--at", "2023-01-09T17:30"], "is not a step"),
        (["snapshot", "--out", "x.png", "--scale", "4"], "invalid choice"),
        (["snapshot", "--out", "x.png", "--width", "50"], "outside 200..8000"),
        (["snapshot", "--out", "x.png", "--lang", "fr"], "invalid choice"),
        (["snapshot"], "the following arguments are required: --out"),
        (["animate", "--out", "x.gif", "--fps", "0"], "outside 0.1..30"),
        (["animate", "--out", "x.gif", "--from", "yesterday"], "is not a step"),
        (["export-html"], "the following arguments are required: --out"),
        (["export-html", "--out", "site", "--view", "moon"], "invalid choice"),
    ],
)
def test_argument_errors_exit_2_and_say_why(argv, message, capsys):
    with pytest.raises(SystemExit) as exit_:
        main(argv)
    assert exit_.value.code == 2
    assert message in capsys.readouterr().err


def test_animate_refuses_a_reversed_range(tmp_path):
    code, _, err = _run(
        ["animate", "--from", "2023-01-09T12:00", "--to", "2023-01-09T10:00", "--out", str(tmp_path / "x.gif")]
    )
    assert code == 2 and "in order" in err


def test_no_browser_says_how_to_get_one(tmp_path, monkeypatch):
    monkeypatch.setenv("JULIACA_CHROMIUM", str(tmp_path / "no-such-chromium"))
    code, _, err = _command(["snapshot", "--out", str(tmp_path / "x.png")])
    assert code == 3 and "not a file" in err
    assert "apt-get install chromium" in err and "playwright install chromium" in err
    assert not (tmp_path / "x.png").exists()


def test_the_page_inlines_everything_and_escapes_the_data(index, data, hostile_data_dir):
    html = build_page(index, data.places)
    assert "<script src" not in html and "<link" not in html and "https://cdn" not in html
    hostile = load_dataset(hostile_data_dir)
    hostile_html = build_page(index_events(hostile.events, hostile.places), hostile.places)
    assert "<script>alert" not in hostile_html and "<img src=x" not in hostile_html


# --- in a real browser ---------------------------------------------------------------------


def _png(path):
    image = Image.open(path)
    image.load()
    return image


@pytest.mark.browser
def test_snapshot_is_a_png_of_the_asked_size_and_scale_and_not_blank(tmp_path):
    out = tmp_path / "juliaca-1700.png"
    code, _said, err = _command(
        [
            "snapshot",
            "--at",
            "2023-01-09T17:00",
            "--lang",
            "es",
            "--view",
            "airport",
            "--width",
            "800",
            "--height",
            "500",
            "--scale",
            "2",
            "--out",
            str(out),
        ]
    )
    assert code == 0, err
    image = _png(out)
    assert image.format == "PNG" and image.size == (1600, 1000)
    stat = ImageStat.Stat(image.convert("L"))
    assert stat.stddev[0] > 10, "the image is (nearly) one colour"
    assert len(image.convert("RGB").getcolors(maxcolors=1_000_000)) > 50


@pytest.mark.browser
def test_two_hours_give_different_images(tmp_path):
    images = []
    for hour in ("06", "18"):
        out = tmp_path / f"{hour}.png"
        assert (
            _command(
                ["snapshot", "--at", f"2023-01-09T{hour}:00", "--width", "700", "--height", "500", "--out", str(out)]
            )[0]
            == 0
        )
        images.append(_png(out).convert("RGB"))
    assert images[0].size == images[1].size
    assert images[0].tobytes() != images[1].tobytes()


@pytest.mark.browser
@pytest.mark.parametrize(
    "lang, words, reported",
    [
        ("en", "Sources: Wikipedia", "14 killed (Ministry of Health"),
        ("es", "Fuentes: Wikipedia", "14 muertos (Ministerio de Salud"),
    ],
)
def test_the_snapshot_page_shows_title_clock_counters_legend_and_credit(
    chromium, index, data, tmp_path, lang, words, reported
):
    page_path = tmp_path / "snap.html"
    page_path.write_text(
        build_page(index, data.places, PageOptions(lang=lang, step=18, snapshot=True)), encoding="utf-8"
    )
    page = chromium.new_page(viewport={"width": 900, "height": 600})
    page.goto(page_path.as_uri())
    page.wait_for_function("() => { const m = document.querySelector('.jm-map'); return m && m.dataset.paintedAt; }")
    assert words in page.locator("#credit").inner_text() and "GeoNames" in page.locator("#credit").inner_text()
    assert "18:00 (Lima, UTC−5)" in page.locator(".jt-clock").inner_text()
    assert page.locator(".jt-value").first.inner_text() == "17"
    assert page.locator(".jt-value").nth(1).inner_text() == {"en": "over 100", "es": "más de 100"}[lang]  # issue 9
    assert page.locator(".jt-scope").inner_text() == STRINGS[lang]["toll_scope_hour"]
    assert reported in page.locator(".jt-reported").inner_text()  # the figures reported by then, in the picture
    assert not page.locator(".jt-controls").is_visible()  # a picture has no buttons
    assert page.locator(".jm-legend").get_attribute("open") is not None
    assert page.locator("h1").inner_text().startswith("Juliaca, 9")
    page.close()


@pytest.mark.browser
def test_the_animation_has_one_frame_per_hour(tmp_path):
    out = tmp_path / "9-january.gif"
    code, _said, err = _command(
        ["animate", "--lang", "en", "--view", "region", "--width", "600", "--height", "400", "--out", str(out)]
    )
    assert code == 0, err
    gif = Image.open(out)
    assert gif.format == "GIF" and gif.n_frames == 24 and gif.size == (600, 400)


@pytest.mark.browser
@pytest.mark.parametrize("lang, clock", [("en", "9 January 2023, 18:00"), ("es", "9 de enero de 2023, 18:00")])
def test_the_exported_page_works_from_file_with_no_network(chromium, index, data, tmp_path, lang, clock):
    site = tmp_path / "site"
    page_file = export_site(index, data.places, site, PageOptions(lang=lang))
    context = chromium.new_context(viewport={"width": 1200, "height": 800})
    blocked = []
    context.route(
        "**/*",
        lambda route: (
            (blocked.append(route.request.url), route.abort())
            if route.request.url.startswith(("http:", "https:"))
            else route.continue_()
        ),
    )
    page = context.new_page()
    errors = []
    page.on("pageerror", lambda e: errors.append(str(e)))
    page.goto(page_file.as_uri())
    drawn = (
        "() => { const m = document.querySelector('.jm-map');"
        " return m && [m.dataset.t, Number(m.dataset.events) + Number(m.dataset.marches)]; }"
    )
    page.wait_for_function(
        "() => { const m = document.querySelector('.jm-map'); return m && m.dataset.context === '4'; }"
    )
    at_six = page.evaluate(drawn)[1]
    page.locator(".jt-slider").fill("18")
    page.wait_for_function("() => document.querySelector('.jm-map').dataset.t.startsWith('2023-01-09T18:00')")
    at_eighteen = page.evaluate(drawn)[1]
    assert at_eighteen > at_six
    assert clock in page.locator(".jt-clock").inner_text()
    other = "es" if lang == "en" else "en"
    page.locator(f"[data-lang={other}]").click()
    page.wait_for_function(f"() => document.documentElement.lang === '{other}'")
    assert page.evaluate(drawn)[0].startswith("2023-01-09T18:00")
    assert blocked == [] and errors == []
    context.close()


@pytest.mark.browser
def test_the_exported_page_embeds_in_an_iframe(chromium, index, data, tmp_path):
    site = tmp_path / "site"
    export_site(index, data.places, site, PageOptions())
    host = tmp_path / "host.html"
    host.write_text('<iframe src="site/index.html" width="900" height="600" title="Juliaca map"></iframe>')
    page = chromium.new_page()
    page.goto(host.as_uri())
    frame = page.frame_locator("iframe").locator(".jt-clock")
    frame.wait_for()
    assert "9 January 2023" in frame.inner_text()
    page.close()


@pytest.mark.browser
def test_hostile_text_runs_no_script_in_any_export(chromium, hostile_data_dir, tmp_path):
    hostile = load_dataset(hostile_data_dir)
    index = index_events(hostile.events, hostile.places)
    page_file = export_site(index, hostile.places, tmp_path / "site", PageOptions(step=23))
    page = chromium.new_page(viewport={"width": 1200, "height": 800})
    dialogs, errors = [], []
    page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
    page.on("pageerror", lambda e: errors.append(str(e)))
    page.goto(page_file.as_uri())
    page.wait_for_function("() => { const m = document.querySelector('.jm-map'); return m && m.dataset.paintedAt; }")
    page.locator(".jl-item").first.wait_for()
    assert "<script>alert(1)</script>" in page.locator(".jl-items").inner_text()
    page.locator(".jm-icon").first.focus()
    page.keyboard.press("Enter")
    page.locator(".leaflet-popup .jm-popup").wait_for()
    assert "`${alert(3)}`" in page.locator(".leaflet-popup .jm-popup").inner_text()
    assert page.locator("img[src='x']").count() == 0
    assert dialogs == [] and errors == []
    rows = list(csv.DictReader(io.StringIO(events_csv(hostile.events).decode("utf-8-sig"))))
    assert rows[0]["title_en"].startswith("<script>")  # text, and not a formula
    json.loads(events_geojson(hostile.events, hostile.places))
    page.close()


@pytest.mark.browser
def test_the_exported_slider_tells_the_time_in_words(chromium, tmp_path):
    """Issue 11: a screen reader hears "9 de enero de 2023, 17:00 …", not a bare step number."""
    assert main(["export-html", "--lang", "es", "--out", str(tmp_path / "site"), "--no-cards"]) == 0
    page = chromium.new_page()
    page.goto((tmp_path / "site" / "index.html").as_uri())
    page.evaluate("() => { location.hash = 't=2023-01-09T17:00'; }")  # a link within the page
    page.wait_for_function("() => document.querySelector('.jt-slider').value === '17'")
    assert page.locator(".jt-slider").get_attribute("aria-valuetext") == "9 de enero de 2023, 17:00 (Lima, UTC−5)"
    page.close()


@pytest.mark.browser
@pytest.mark.parametrize("lang", ["en", "es"])
def test_a_quote_says_its_language_and_section_and_spanish_adds_our_translation(chromium, index, data, tmp_path, lang):
    """Issue 23: the article's English quote, in the popup and in the list, labelled with its language and
    section; on the Spanish page our translation under it, marked as ours (it said "Fuente: Events")."""
    page_path = tmp_path / "page.html"
    page_path.write_text(build_page(index, data.places, PageOptions(lang=lang, step=18)), encoding="utf-8")
    page = chromium.new_page(viewport={"width": 1200, "height": 900})
    page.goto(page_path.as_uri())
    page.wait_for_function("() => { const m = document.querySelector('.jm-map'); return m && m.dataset.paintedAt; }")
    # the first event of the list, and the first symbol inside the map, whose text quotes the article
    page.evaluate("""() => { for (const input of document.querySelectorAll('.jl-item input')) {
      input.click(); if (document.querySelector('.jl-event .jm-popup-quote')) return; } }""")
    page.evaluate("""async () => { const box = document.querySelector('.jm-map').getBoundingClientRect();
      for (const icon of document.querySelectorAll('.jm-icon')) { const r = icon.getBoundingClientRect();
        if (r.left < box.left || r.right > box.right || r.top < box.top || r.bottom > box.bottom) continue;
        icon.click();
        for (let k = 0; k < 50 && !document.querySelector('.leaflet-popup .jm-popup-title'); k++)
          await new Promise((go) => setTimeout(go, 20));
        if (document.querySelector('.leaflet-popup .jm-popup-quote')) return; } }""")
    label = {"en": "Source: Wikipedia (English), section “", "es": "Fuente: Wikipedia (en inglés), sección «"}[lang]
    for where in (".jl-event", ".leaflet-popup"):
        quote = page.locator(f"{where} .jm-popup-quote")
        assert quote.get_attribute("lang") == "en"
        assert page.locator(f"{where} .jm-popup-section").inner_text().startswith(label)
        ours = page.locator(f"{where} .jm-popup-ours")
        if lang == "es":
            assert ours.inner_text().startswith("Nuestra traducción: ") and len(ours.inner_text()) > 30
        else:
            assert ours.count() == 0
    page.close()
