"""The exported site: share cards (Open Graph and Twitter tags, a 1200x630 image with its alt text), one
static page per key moment, and the alt text of snapshots and animations, in both languages."""

from __future__ import annotations

import csv
import html
import io
import re
import subprocess
import sys
from html.parser import HTMLParser
from pathlib import Path

import pytest
from PIL import Image

from geo.data.load import REPO_DATA_DIR, load_dataset
from geo.model.moments import load_moments
from geo.model.params import step_key
from geo.model.timeline import index_events
from geo.output.export import PageOptions
from geo.output.site import CARD_SIZE, write_site

ROOT = Path(__file__).resolve().parent.parent


class _Meta(HTMLParser):
    """Every <meta> of a page, as {property or name: content}, and every <a href>."""

    def __init__(self):
        super().__init__()
        self.meta, self.links, self.images = {}, [], []

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "meta" and ("property" in attrs or "name" in attrs):
            self.meta[attrs.get("property") or attrs.get("name")] = attrs.get("content")
        elif tag == "a":
            self.links.append(attrs.get("href"))
        elif tag == "img":
            self.images.append(attrs)


def _parse(path: Path) -> _Meta:
    parser = _Meta()
    parser.feed(path.read_text(encoding="utf-8"))
    return parser


@pytest.fixture(scope="module")
def moments(index):
    """The key moments of data/moments.csv."""
    return load_moments(index)


@pytest.fixture(scope="module")
def text_site(index, data, moments, tmp_path_factory):
    """The Spanish site with absolute addresses and no images (no browser needed)."""
    folder = tmp_path_factory.mktemp("site-es") / "site"
    write_site(
        index, data.places, moments, folder, PageOptions(lang="es"), "https://example.org/juliaca/", images=False
    )
    return folder


def test_the_page_has_text_cards_without_an_image(text_site):
    meta = _parse(text_site / "index.html").meta
    assert meta["og:title"] == "Juliaca, 9 de enero de 2023: el día hora a hora"
    assert "murieron 18 civiles" in meta["og:description"] and meta["og:locale"] == "es_PE"
    assert meta["og:url"] == "https://example.org/juliaca/"
    assert meta["twitter:card"] == "summary" and "og:image" not in meta


def test_one_page_per_moment_with_its_title_time_caption_counters_and_sources(text_site, moments, index):
    assert len(moments) >= 8
    listed = _parse(text_site / "moments" / "index.html").links
    for moment in moments:
        page = text_site / "moments" / moment.id / "index.html"
        body = html.unescape(page.read_text(encoding="utf-8"))
        assert moment.title["es"] in body and moment.caption["es"] in body
        parsed = _parse(page)
        assert parsed.meta["og:title"] == moment.title["es"]
        assert parsed.meta["og:url"] == f"https://example.org/juliaca/moments/{moment.id}/"
        link = f"../../index.html?t={step_key(moment.t, moment.scale)}&lang=es&view={moment.view}"
        assert link.replace(":", "%3A") in parsed.links or link in parsed.links
        quotes = index.events.set_index("id").loc[list(moment.event_ids), "source_quote"]
        assert all(q in body for q in quotes), moment.id
        assert f"{moment.id}/index.html" in listed
    first = html.unescape((text_site / "moments" / "first_death" / "index.html").read_text(encoding="utf-8"))
    assert re.search(r"<dt>Civiles muertos</dt><dd>1</dd>", first)
    assert "9 de enero de 2023, hacia las 14:00 (Lima, UTC−5)" not in first  # the clock is the step's
    assert "9 de enero de 2023, 14:00 (Lima, UTC−5)" in first
    toll = html.unescape((text_site / "moments" / "toll" / "index.html").read_text(encoding="utf-8"))
    assert re.search(r"<dt>Civiles muertos</dt><dd>18</dd>", toll)


def test_without_a_base_url_addresses_are_relative_and_the_command_says_so(index, data, tmp_path):
    from geo.commands.cli import main

    folder, out, err = tmp_path / "site", io.StringIO(), io.StringIO()
    assert main(["export-html", "--lang", "en", "--no-cards", "--out", str(folder)], out, err) == 0, err.getvalue()
    assert "--base-url" in err.getvalue() and f"{_moment_count()} moment pages" in out.getvalue()
    meta = _parse(folder / "index.html").meta
    assert "og:url" not in meta and not (folder / "card.png").exists()
    assert _parse(folder / "moments" / "strike" / "index.html").meta["og:title"] == "A region on strike"


@pytest.mark.parametrize("value", ["banana", "ftp://example.org/", 'https://example.org/"><script>', "javascript:x"])
def test_a_bad_base_url_is_refused(value, capsys):
    from geo.commands.cli import main

    with pytest.raises(SystemExit) as exit_:
        main(["export-html", "--out", "x", "--base-url", value])
    assert exit_.value.code == 2 and "is not an address" in capsys.readouterr().err


def test_hostile_text_stays_text_in_the_moment_pages(hostile_data_dir, tmp_path):
    hostile = load_dataset(hostile_data_dir)
    index = index_events(hostile.events, hostile.places)
    folder = tmp_path / "site"
    write_site(index, hostile.places, load_moments(index), folder, PageOptions(), images=False)
    for page in [folder / "index.html", *(folder / "moments").rglob("index.html")]:
        body = page.read_text(encoding="utf-8")
        assert "<script>alert" not in body and "<img src=x" not in body, page


# --- with the browser: the images ----------------------------------------------------------------


@pytest.mark.browser
def test_cards_are_1200x630_pngs_with_alt_text_and_absolute_addresses(tmp_path):
    folder = tmp_path / "site"
    # In a process of its own: Playwright's sync API cannot start while another test's browser runs here.
    script = (
        "import sys; from pathlib import Path; from geo.data.load import load_dataset; from geo.model.timeline import "
        "index_events; from geo.model.moments import load_moments; from geo.output.site import write_site; "
        "from geo.output.export import PageOptions; d = load_dataset(); i = index_events(d.events, d.places); "
        "write_site(i, d.places, load_moments(i)[:2], Path(sys.argv[1]), PageOptions(lang='en'), "
        "'https://example.org/juliaca', images=True)"
    )
    subprocess.run([sys.executable, "-c", script, str(folder)], check=True, cwd=ROOT, timeout=600)
    meta = _parse(folder / "index.html").meta
    assert meta["og:image"] == "https://example.org/juliaca/card.png"
    assert meta["twitter:card"] == "summary_large_image" and meta["twitter:image"] == meta["og:image"]
    assert (meta["og:image:width"], meta["og:image:height"]) == ("1200", "630")
    card = Image.open(folder / "card.png")
    assert card.size == CARD_SIZE and card.format == "PNG"
    alt = (folder / "card.txt").read_text(encoding="utf-8").strip()
    assert card.text["Description"] == alt == meta["og:image:alt"]
    assert "Time shown: 9 January 2023, 18:00" in alt and "civilians killed 17;" in alt
    assert len(meta["twitter:image:alt"]) <= 420
    strike = folder / "moments" / "strike"
    parsed = _parse(strike / "index.html")
    assert parsed.meta["og:image"] == "https://example.org/juliaca/moments/strike/card.png"
    assert parsed.images[0]["alt"] == (strike / "card.txt").read_text(encoding="utf-8").strip()
    assert Image.open(strike / "card.png").tobytes() != card.tobytes()
    assert "It highlights:" in parsed.images[0]["alt"]


@pytest.mark.browser
def test_a_moment_page_opens_the_map_at_that_moment(chromium, text_site, moments):
    page = chromium.new_page(viewport={"width": 1100, "height": 800})
    for moment_id, expected in (("first_death", "2023-01-09T14:00"), ("claims", "2023-06-30T23:00")):
        page.goto((text_site / "moments" / moment_id / "index.html").as_uri())
        page.locator("a.open").click()
        page.wait_for_function(
            "t => { const m = document.querySelector('.jm-map');"
            " return m && m.dataset.t && m.dataset.t.startsWith(t); }",
            arg=expected,
        )
        assert page.evaluate("() => document.documentElement.lang") == "es"
    page.close()


def _cli(argv):
    done = subprocess.run([sys.executable, "-m", "geo", *argv], capture_output=True, text=True, timeout=300, cwd=ROOT)
    assert done.returncode == 0, done.stderr
    return done.stdout


@pytest.mark.browser
def test_snapshot_writes_alt_text_beside_and_inside_the_png(tmp_path):
    out = tmp_path / "juliaca-1700.png"
    said = _cli(
        [
            "snapshot",
            "--at",
            "2023-01-09T14:00",
            "--lang",
            "es",
            "--view",
            "airport",
            "--width",
            "600",
            "--height",
            "400",
            "--out",
            str(out),
        ]
    )
    sidecar = tmp_path / "juliaca-1700.txt"
    assert str(sidecar) in said
    alt = sidecar.read_text(encoding="utf-8").strip()
    assert alt.startswith("Mapa de los alrededores del Aeropuerto") and "civiles muertos 1;" in alt
    image = Image.open(out)
    assert image.text["Description"] == alt and "Wikipedia" in image.text["Copyright"]


@pytest.mark.browser
@pytest.mark.parametrize("suffix", [".gif", ".mp4"])
def test_animations_carry_the_alt_text_of_their_span(tmp_path, suffix):
    out = tmp_path / f"tarde{suffix}"
    _cli(
        [
            "animate",
            "--from",
            "2023-01-09T12:00",
            "--to",
            "2023-01-09T14:00",
            "--lang",
            "en",
            "--width",
            "400",
            "--height",
            "300",
            "--out",
            str(out),
        ]
    )
    alt = (tmp_path / "tarde.txt").read_text(encoding="utf-8").strip()
    assert "3 frames" in alt and "Last frame: 9 January 2023, 14:00" in alt
    if suffix == ".gif":
        assert Image.open(out).info["comment"].decode("utf-8") == alt
    else:
        import imageio_ffmpeg

        probe = subprocess.run(
            [imageio_ffmpeg.get_ffmpeg_exe(), "-hide_banner", "-i", str(out)], capture_output=True, text=True
        )
        assert "description" in probe.stderr and "3 frames" in probe.stderr


def _moment_count() -> int:
    """How many key moments data/moments.csv holds (a row per moment after the header)."""
    with (REPO_DATA_DIR / "moments.csv").open(encoding="utf-8", newline="") as f:
        return sum(1 for _ in csv.DictReader(f))
