"""The exported page as an embed: the journalists' guide's iframe and parent script resize the frame to the page,
and the documented messages drive it. Everything runs from file:// with no network."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from geo.model.params import SCALES, step_key, steps_for
from geo.output.export import PageOptions, export_site
from harness.browser import CATCH_MAPS, MAP, PAINTED

STATE = f"() => [document.querySelector('.jm-map').dataset.t, document.documentElement.lang, {MAP}.getZoom()]"

ROOT = Path(__file__).resolve().parent.parent
GUIDE = (ROOT / "docs" / "journalists.md").read_text(encoding="utf-8")


def readme_embed_snippet() -> tuple[str, str]:
    """The journalists' guide's iframe and parent script, exactly as written there."""
    after = GUIDE.split("<!-- embed-snippet", 1)[1]
    iframe, script = re.findall(r"```html\n(.*?)```", after, re.S)[:2]
    assert "<iframe" in iframe and "<script>" in script
    return iframe, script


def test_the_readme_snippet_has_title_aria_label_lazy_loading_and_a_ten_line_script():
    iframe, script = readme_embed_snippet()
    assert 'title="' in iframe and 'aria-label="' in iframe and 'loading="lazy"' in iframe
    assert len(script.strip().splitlines()) <= 12  # ten lines of code inside <script>…</script>
    assert "eval" not in script and "innerHTML" not in script


@pytest.fixture(scope="module")
def site(index, data, tmp_path_factory):
    """The exported site, without card images (no browser needed to build it)."""
    folder = tmp_path_factory.mktemp("embed") / "site"
    export_site(index, data.places, folder, PageOptions())
    return folder


def _host(site: Path, body: str) -> Path:
    host = site.parent / "story.html"
    host.write_text(
        f"<!DOCTYPE html><html lang='en'><head><meta charset='utf-8'><title>Story</title></head>"
        f"<body style='margin:0'><p>A story about Juliaca.</p>{body}</body></html>",
        encoding="utf-8",
    )
    return host


def _readme_host(site: Path) -> Path:
    iframe, script = readme_embed_snippet()
    iframe = re.sub(r'src="https://example\.org/juliaca/index\.html', 'src="site/index.html', iframe)
    listener = "<script>window.received = []; window.addEventListener('message', e => received.push(e.data));</script>"
    return _host(site, listener + iframe + script)


def _frame_height(frame) -> int:
    return frame.evaluate("() => Math.ceil(document.documentElement.getBoundingClientRect().height)")


@pytest.mark.browser
def test_the_iframe_resizes_to_the_page_at_any_width(chromium, site):
    context = chromium.new_context(viewport={"width": 1200, "height": 900})
    page = context.new_page()
    page.add_init_script(CATCH_MAPS)
    errors = []
    page.on("pageerror", lambda e: errors.append(str(e)))
    page.goto(_readme_host(site).as_uri())
    frame = page.frame_locator("iframe.juliaca-embed")
    frame.locator(".jt-clock").wait_for()
    inner = page.frames[1]
    inner.wait_for_function(PAINTED, arg=None)
    iframe = page.locator("iframe.juliaca-embed")
    page.wait_for_function("() => document.querySelector('iframe.juliaca-embed').style.height !== ''")
    wide = iframe.bounding_box()["height"]
    assert wide != 720 and abs(wide - _frame_height(inner)) <= 1
    # Leaflet measured the embedded layout, not the full-window one
    assert inner.evaluate(f"() => {MAP}.getSize().y === document.getElementById('map').clientHeight")
    page.set_viewport_size({"width": 420, "height": 900})  # a phone: the list goes under the map
    page.wait_for_function(
        f"() => Math.abs(document.querySelector('iframe.juliaca-embed').getBoundingClientRect().height - {wide}) > 50"
    )
    narrow = iframe.bounding_box()["height"]
    assert abs(iframe.bounding_box()["height"] - _frame_height(inner)) <= 1, (narrow, _frame_height(inner))
    messages = page.evaluate("() => received")
    assert {"type": "juliaca:ready"} in messages
    assert any(m.get("type") == "juliaca:height" for m in messages)
    assert errors == []
    context.close()


@pytest.mark.browser
def test_goto_lang_and_view_messages_drive_the_embedded_map(chromium, site):
    page = chromium.new_page(viewport={"width": 1200, "height": 900})
    page.add_init_script(CATCH_MAPS)
    page.goto(_readme_host(site).as_uri())
    page.frame_locator("iframe.juliaca-embed").locator(".jt-clock").wait_for()
    inner = page.frames[1]
    inner.wait_for_function(PAINTED, arg=None)
    assert "12:00" in inner.locator(".jt-clock").inner_text()  # the iframe's src asked for 12:00
    send = "m => document.querySelector('iframe.juliaca-embed').contentWindow.postMessage(m, '*')"
    page.evaluate(send, {"type": "juliaca:goto", "t": "2023-01-09T17:20", "lang": "es", "view": "airport"})
    inner.wait_for_function(PAINTED, arg="2023-01-09T18:00:00-05:00")
    assert "9 de enero de 2023, 18:00" in inner.locator(".jt-clock").inner_text()
    assert inner.evaluate(f"() => {MAP}.getZoom()") == 13  # the airport view
    page.wait_for_function(
        "() => received.some(m => m.type === 'juliaca:step' && m.t === '2023-01-09T18:00' && m.lang === 'es')"
    )
    page.evaluate(send, {"type": "juliaca:goto", "t": "2023-01-12"})
    inner.wait_for_function(PAINTED, arg="2023-01-12T23:00:00-05:00")
    assert "12 de enero de 2023" in inner.locator(".jt-clock").inner_text()
    page.evaluate(send, {"type": "juliaca:lang", "lang": "en"})
    inner.wait_for_function("() => document.documentElement.lang === 'en'")
    assert inner.evaluate("() => document.querySelector('.jm-map').dataset.t").startswith("2023-01-12T23:00")
    page.close()


@pytest.mark.browser
def test_bad_messages_and_messages_from_elsewhere_change_nothing(chromium, site):
    page = chromium.new_page(viewport={"width": 1000, "height": 800})
    page.add_init_script(CATCH_MAPS)
    dialogs, errors = [], []
    page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
    page.on("pageerror", lambda e: errors.append(str(e)))
    page.goto(_readme_host(site).as_uri())
    page.frame_locator("iframe.juliaca-embed").locator(".jt-clock").wait_for()
    inner = page.frames[1]
    inner.wait_for_function(PAINTED, arg=None)
    before = inner.evaluate(STATE)
    send = "m => document.querySelector('iframe.juliaca-embed').contentWindow.postMessage(m, '*')"
    for message in (
        {"type": "juliaca:goto", "t": "<img src=x onerror=alert(1)>", "lang": "constructor", "view": "__proto__"},
        {"type": "juliaca:goto", "t": "2023-02-31"},
        {"type": "juliaca:goto", "t": "2023-01-09T25:00"},
        {"type": "juliaca:goto", "t": "alert(1)"},
        {"type": "juliaca:goto", "t": ["2023-01-09T18:00"]},
        {"type": "juliaca:lang", "lang": "toString"},
        {"type": "juliaca:view", "view": "moon"},
        "juliaca:goto",
        None,
        42,
    ):
        page.evaluate(send, message)
    # the page posting to itself is not its parent: ignored
    inner.evaluate("() => window.postMessage({type: 'juliaca:goto', t: '2023-01-09T18:00'}, '*')")
    page.evaluate(send, {"type": "juliaca:lang", "lang": "es"})  # a good message after the bad ones
    inner.wait_for_function("() => document.documentElement.lang === 'es'")
    after = inner.evaluate(STATE)
    assert after == [before[0], "es", before[2]]
    assert inner.locator("img[src='x']").count() == 0 and dialogs == [] and errors == []
    page.close()


@pytest.mark.browser
def test_links_and_goto_read_steps_as_python_does(chromium, site):
    """One rule on both sides of the wire: every step key of the app opens the same step in the page."""
    page = chromium.new_page()
    page.add_init_script(CATCH_MAPS)
    page.goto((site / "index.html").as_uri() + "?t=2023-01-09T15:00&lang=es&view=peru")
    page.wait_for_function(PAINTED, arg=None)
    assert page.evaluate("() => document.querySelector('.jm-map').dataset.t").startswith("2023-01-09T15:00")
    assert page.evaluate(f"() => [document.documentElement.lang, {MAP}.getZoom()]") == ["es", 6]
    keys = {scale: [step_key(t, scale) for t in steps_for(scale)] for scale in SCALES}
    for scale in SCALES:  # a link within the page (#t=…), read by the same rule as the link's ?t=
        for t, key in zip(steps_for(scale), keys[scale], strict=True):
            page.evaluate("v => { location.hash = 't=' + v; }", key)
            page.wait_for_function(PAINTED, arg=t.isoformat())
    between = {
        "2023-01-09T17:20": ("hour", 18),
        "2023-01-09T00:00": ("hour", 0),
        "2023-01-09T23:30": ("day", 34),
        "2023-01-08T10:00": ("day", 32),
        "2023-03-15": ("day", 57),
        "2023-01": ("day", 55),
        "2022-12-06": None,
        "2023-07": None,
        "2023-02-31": None,
        "2023-13": None,
    }
    for value, expected in between.items():
        page.evaluate("() => { location.hash = 't=2023-01-09T03:00'; }")  # a known step first
        page.wait_for_function(PAINTED, arg=steps_for("hour")[3].isoformat())
        page.evaluate("v => { location.hash = 't=' + v; }", value)
        wanted = steps_for("hour")[3] if expected is None else steps_for(expected[0])[expected[1]]
        page.wait_for_function(PAINTED, arg=wanted.isoformat())  # nothing understood: the step stays
        page.evaluate("() => new Promise(r => setTimeout(r, 30))")
        assert page.evaluate("() => document.querySelector('.jm-map').dataset.t") == wanted.isoformat(), value
    day_keys = keys["day"]
    assert day_keys[34] == "2023-01-10" and day_keys[32] == "2023-01-08" and day_keys[57] == "2023-03"
    page.close()
