"""The classroom handout: one A4 page per key moment between a cover and the sources, real text in both
languages, and nothing that overflows its page."""

from __future__ import annotations

import io
import re
import subprocess
import sys
import unicodedata
from pathlib import Path

import pytest
from PIL import Image
from pypdf import PdfReader

from geo.model.moments import load_moments
from geo.output.handout import IMAGE_SIZE, handout_html
from geo.text.i18n import text as app_text

ROOT = Path(__file__).resolve().parent.parent
A4_POINTS = (595, 842)


@pytest.fixture(scope="module")
def moments(index):
    """The key moments of data/moments.csv."""
    return load_moments(index)


def _plain(value: str) -> str:
    """Text compared as a reader sees it: ligatures unfolded (ﬁ -> fi), whitespace collapsed."""
    return re.sub(r"\s+", " ", unicodedata.normalize("NFKC", value)).strip()


def _placeholder_png() -> bytes:
    buffer = io.BytesIO()
    Image.new("RGB", (IMAGE_SIZE[0] * 2, IMAGE_SIZE[1] * 2), (200, 220, 200)).save(buffer, format="PNG")
    return buffer.getvalue()


def test_the_document_escapes_the_data(hostile_data_dir):
    from geo.data.load import load_dataset
    from geo.model.timeline import index_events

    hostile = load_dataset(hostile_data_dir)
    index = index_events(hostile.events, hostile.places)
    moments = load_moments(index)
    document = handout_html(index, hostile.places, moments, "en", [_placeholder_png()] * len(moments))
    assert "<script>alert" not in document and "<img src=x" not in document
    assert "&lt;script&gt;alert(5)&lt;/script&gt;" in document


@pytest.mark.browser
@pytest.mark.parametrize("lang", ["en", "es"])
def test_every_page_fits_on_its_a4_sheet(chromium, index, data, moments, tmp_path, lang):
    """Overflowing text would be cut at the page's foot: measure every page in print layout."""
    path = tmp_path / "handout.html"
    path.write_text(
        handout_html(index, data.places, moments, lang, [_placeholder_png()] * len(moments)), encoding="utf-8"
    )
    page = chromium.new_page(viewport={"width": 680, "height": 1000})
    page.goto(path.as_uri())
    page.emulate_media(media="print")
    overflow = page.evaluate(
        "() => [...document.querySelectorAll('section')].map(s => s.scrollHeight - s.clientHeight)"
    )
    assert len(overflow) == len(moments) + 2
    assert overflow == [0] * len(overflow), f"pages that overflow (px): {overflow}"
    page.close()


def _check_pdf(pdf: bytes, moments, lang: str) -> None:
    reader = PdfReader(io.BytesIO(pdf))
    assert len(reader.pages) == len(moments) + 2
    width, height = (round(float(v)) for v in reader.pages[0].mediabox.upper_right)
    assert (width, height) == A4_POINTS
    pages = [_plain(p.extract_text()) for p in reader.pages]
    assert _plain(app_text(lang, "content_note")) in pages[0]
    assert _plain(app_text(lang, "title")) in pages[0]
    for k, moment in enumerate(moments, start=1):
        assert _plain(moment.title[lang]) in pages[k], (lang, moment.id)
        assert _plain(moment.caption[lang])[:120] in pages[k], (lang, moment.id)
        assert "CC BY-SA 4.0" in pages[k]
        assert len(reader.pages[k].images) >= 1, f"no map image on the page of {moment.id}"
    assert "https://en.wikipedia.org/wiki/Juliaca_massacre" in pages[-1]


def _handout(lang: str, out: Path) -> bytes:
    """Run `python -m geo handout` as a teacher would (its own process and browser)."""
    done = subprocess.run(
        [sys.executable, "-m", "geo", "handout", "--lang", lang, "--out", str(out)],
        capture_output=True,
        text=True,
        cwd=ROOT,
        timeout=600,
    )
    assert done.returncode == 0, done.stderr
    return out.read_bytes()


@pytest.mark.browser
def test_the_handout_command_writes_a_spanish_pdf(moments, tmp_path):
    pdf = _handout("es", tmp_path / "clase.pdf")
    _check_pdf(pdf, moments, "es")
    text = _plain(" ".join(p.extract_text() for p in PdfReader(io.BytesIO(pdf)).pages))
    assert "Civiles muertos" in text and "Fuentes" in text and "Cómo se hizo este mapa" in text


@pytest.mark.browser
def test_the_english_handout_quotes_the_source(index, moments, tmp_path):
    pdf = _handout("en", tmp_path / "class.pdf")
    _check_pdf(pdf, moments, "en")
    text = _plain(" ".join(p.extract_text() for p in PdfReader(io.BytesIO(pdf)).pages))
    quotes = index.events.set_index("id").loc[[i for m in moments for i in m.event_ids], "source_quote"]
    missing = [q for q in set(quotes) if _plain(q) not in text]
    assert missing == []


# In a photographed map: the legend, the map's own credit (Leaflet's) and the credit line under the map, each
# with how far it reaches beyond the picture or the map, and what it hides by scrolling (issue 23: page 6's
# legend was cut at the map's top, the credit line under the map clipped).
_PICTURE_FITS = """() => {
  const view = {left: 0, top: 0, right: innerWidth, bottom: innerHeight};
  const map = document.querySelector("#map").getBoundingClientRect();
  const beyond = (r, box) => Math.max(0, box.left - r.left, box.top - r.top, r.right - box.right,
                                      r.bottom - box.bottom);
  const measure = (node, box) => { if (!node) return null; const r = node.getBoundingClientRect();
    const hidden = Math.max(0, node.scrollHeight - node.clientHeight, node.scrollWidth - node.clientWidth);
    return {beyond: Math.round(beyond(r, box)), hidden,
            height: Math.round(r.height)}; };
  return {legend: measure(document.querySelector(".jm-legend"), map),
          attribution: measure(document.querySelector(".leaflet-control-attribution"), map),
          credit: measure(document.querySelector("#credit"), view),
          open: Boolean(document.querySelector(".jm-legend") && document.querySelector(".jm-legend").open)};
}"""


@pytest.mark.browser
@pytest.mark.parametrize("lang", ["en", "es"])
def test_every_map_of_the_handout_keeps_its_legend_and_credit_whole(chromium, index, data, moments, tmp_path, lang):
    """Each moment's map photographed as the handout photographs it (its size, the snapshot page): the legend
    open and inside the map, nothing of it scrolled away; the credit lines inside the picture, not clipped."""
    from dataclasses import replace

    from geo.output.export import PageOptions, build_page
    from geo.output.handout import BASE
    from geo.output.site import moment_options

    page = chromium.new_page(viewport={"width": IMAGE_SIZE[0], "height": IMAGE_SIZE[1]})
    cut = {}
    for moment in moments:
        path = tmp_path / f"{lang}-{moment.id}.html"
        options = replace(moment_options(moment, PageOptions(lang=lang, base=BASE)), snapshot=True)
        path.write_text(build_page(index, data.places, options), encoding="utf-8")
        page.goto(path.as_uri())
        page.wait_for_function(
            "() => { const m = document.querySelector('#map.jm-map');"
            " return m && m.dataset.paintedAt && Number(m.dataset.context) >= 4; }"
        )
        page.evaluate("() => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done)))")
        fits = page.evaluate(_PICTURE_FITS)
        assert fits["open"], f"{moment.id}: the legend is folded in a picture"
        bad = {
            name: box
            for name, box in fits.items()
            if name != "open" and (box is None or box["beyond"] > 1 or box["hidden"] > 1)
        }
        if bad:
            cut[moment.id] = bad
    page.close()
    assert cut == {}, f"cut off in the handout's maps: {cut}"
