"""Every first screen (issue 23): the app on a phone, a laptop and a projector, in each language, in the
explorer and in classroom mode, measured in a real browser and photographed for docs/screens/.

`tests/test_screens.py` asserts on the measures; `python -m harness.screens` writes the screenshots
(it starts the app itself, with every non-loopback request blocked, so the tiles cannot be reached).
"""

from __future__ import annotations

import argparse
import io
import tempfile
from dataclasses import dataclass
from pathlib import Path

from geo.text.i18n import text
from harness.browser import MAP_IFRAME, ROOT

SIZES = ((390, 844), (1366, 768), (1920, 1080))  # a phone, a laptop, a projector
ROOM_SIZES = ((1920, 1080), (1280, 720))  # classroom mode's screenshots for a room
LANGS = ("en", "es")
MODES = ("explore", "present")
MOMENT = 5  # the afternoon at the airport: the busiest map of the lesson
SCREENS = ROOT / "docs" / "screens"


@dataclass(frozen=True)
class Screen:
    """One first screen: its size, language and mode, and whether it is a touch screen (a phone)."""

    width: int
    height: int
    lang: str
    mode: str

    @property
    def touch(self) -> bool:
        return self.width < 700

    @property
    def query(self) -> str:
        return f"lang={self.lang}" + (f"&mode=present&moment={MOMENT}" if self.mode == "present" else "")

    @property
    def name(self) -> str:
        return f"{self.mode}-{self.width}x{self.height}-{self.lang}"


def every_screen() -> list[Screen]:
    return [Screen(w, h, lang, mode) for (w, h) in SIZES for lang in LANGS for mode in MODES]


def new_page(chromium, screen: Screen):
    """A fresh context at the screen's size; a phone has touch (Chromium then matches `pointer: coarse`)."""
    from harness.browser import Browsing

    context = chromium.new_context(
        viewport={"width": screen.width, "height": screen.height},
        locale="en-GB",
        has_touch=screen.touch,
        is_mobile=screen.touch,
    )
    browsing = Browsing(context.new_page())
    browsing.attach(context)
    return context, browsing


def wait_until_idle(page) -> None:
    """Streamlit has finished its run: no status widget, no stale (faded) element."""
    page.wait_for_function(
        "() => !document.querySelector('[data-testid=\"stStatusWidget\"]')"
        " && !document.querySelector('[data-stale=\"true\"]')",
        timeout=60_000,
    )


def open_first_screen(browsing, url: str, screen: Screen) -> None:
    """Open the app as a new visitor would, read the content note and dismiss it; wait until the map has
    painted its step and the page is still."""
    page = browsing.page
    page.goto(f"{url}/?{screen.query}")
    browsing.wait_for_map()
    button = page.get_by_role("button", name=text(screen.lang, "content_note_ok"))
    if screen.touch:
        button.tap()
    else:
        button.click()
    button.wait_for(state="detached")
    wait_until_idle(page)
    # read through the page (the frame is same-origin): the iframe found afresh at each poll, for the rerun
    # after the note may have made a new one
    ready = """(selector) => { const f = document.querySelector(selector);
      const m = f && f.contentDocument && f.contentDocument.querySelector('.jm-map');
      return Boolean(m && m.dataset.paintedAt && m.dataset.base === 'offline' && m.dataset.context === '4'); }"""
    try:
        page.wait_for_function(ready, arg=MAP_IFRAME, timeout=90_000)
    except Exception as error:  # say what the map had done by then
        state = browsing.map_frame().evaluate(
            "() => { const m = document.querySelector('.jm-map'); return m ? {...m.dataset} : null; }"
        )
        raise AssertionError(f"{screen.name}: the map never painted on the offline base: {state}") from error
    page.evaluate("() => document.fonts.ready")
    wait_until_idle(page)


# Every element matching a selector in a document and in the shadow roots inside it (the time control, a
# Custom Component v2, lives in one: querySelectorAll does not enter it).
DEEP = """const deep = (root, selector) => {
  const out = [...root.querySelectorAll(selector)];
  for (const host of root.querySelectorAll("*")) if (host.shadowRoot) out.push(...deep(host.shadowRoot, selector));
  return out;
};"""

# Visible text in a document: each element with text of its own, its font size and box (screen readers'
# visually hidden text, 1 px and clipped, is not seen).
_TEXT_SIZES = (
    """() => {
  """
    + DEEP
    + """
  const out = [];
  for (const node of deep(document.body, "*")) {
    const own = [...node.childNodes].some((c) => c.nodeType === 3 && c.textContent.trim());
    if (!own || !node.checkVisibility({opacityProperty: true, visibilityProperty: true})) continue;
    const r = node.getBoundingClientRect();
    if (r.width <= 1 || r.height <= 1) continue;
    out.push({size: parseFloat(getComputedStyle(node).fontSize), text: node.textContent.trim().slice(0, 60),
              tag: node.tagName, cls: String(node.className).slice(0, 60)});
  }
  return out;
}"""
)

# Boxes that reach beyond the viewport's width (the page scrolls sideways, or something is cut off).
_OUTSIDE_VIEWPORT = (
    """() => {
  """
    + DEEP
    + """
  const out = [], width = document.documentElement.clientWidth;
  for (const node of deep(document.body, "*")) {
    if (!node.checkVisibility()) continue;
    const r = node.getBoundingClientRect();
    if (r.width && r.height && (r.left < -1 || r.right > width + 1)) {
      out.push(`${node.tagName}.${String(node.className).slice(0, 40)} ${Math.round(r.left)}..${Math.round(r.right)}`);
    }
  }
  const main = document.querySelector('[data-testid="stMain"]') || document.documentElement;
  if (main.scrollWidth > main.clientWidth + 1)
    out.push(`the page scrolls sideways: ${main.scrollWidth} > ${main.clientWidth}`);
  return out;
}"""
)

# In the map's frame: controls and popups that reach beyond the map (cut off by its edge).
_OUTSIDE_MAP = """() => {
  const map = document.querySelector(".jm-map"), box = map.getBoundingClientRect(), out = [];
  for (const node of map.querySelectorAll(".leaflet-control, .leaflet-popup, .leaflet-tooltip")) {
    if (!node.checkVisibility()) continue;
    const r = node.getBoundingClientRect();
    if (r.left < box.left - 1 || r.top < box.top - 1 || r.right > box.right + 1 || r.bottom > box.bottom + 1) {
      const edges = (b) => [b.left, b.top, b.right, b.bottom].map(Math.round);
      out.push(`${String(node.className).slice(0, 50)}: ${edges(r)} in ${edges(box)}`);
    }
  }
  return out;
}"""

# Targets a finger must hit, and their boxes: in the page and in the map's frame.
_TARGETS = (
    """() => {
  const selectors = ["button", "select", "summary", "input[type=range]", "label.jl-item", "[role=radio]",
                     "[role=switch]",
                     ".leaflet-bar a", "a.leaflet-popup-close-button"];
  """
    + DEEP
    + """
  const out = [];
  for (const node of deep(document, selectors.join(","))) {
    let target = node;
    // the toggle's label is its target
    if (node.getAttribute("role") === "switch") target = node.closest("label") || node;
    if (!target.checkVisibility({opacityProperty: true, visibilityProperty: true})) continue;
    const r = target.getBoundingClientRect();
    if (r.width <= 1 || r.height <= 1) continue;
    const name = `${target.tagName}.${String(target.className).slice(0, 40)}`;
    out.push({w: r.width, h: r.height, what: `${name} ${(target.textContent || "").trim().slice(0, 30)}`});
  }
  return out;
}"""
)


def map_top(page) -> float:
    """Where the map's top is, in px from the top of the viewport."""
    return page.locator(MAP_IFRAME).bounding_box()["y"]


def small_text(browsing, smallest: float) -> list[str]:
    """Visible text under `smallest` px, in the page and in the map's frame."""
    found = []
    for where, document in (("page", browsing.page), ("map", browsing.map_frame())):
        found += [
            f"{where}: {t['size']:.1f}px {t['tag']}.{t['cls']} “{t['text']}”"
            for t in document.evaluate(_TEXT_SIZES)
            if t["size"] < smallest - 0.05
        ]
    return found


def text_sizes(document) -> list[dict]:
    return document.evaluate(_TEXT_SIZES)


def overflowing(browsing) -> list[str]:
    """What reaches beyond the viewport's width, and what reaches beyond the map."""
    return [f"page: {o}" for o in browsing.page.evaluate(_OUTSIDE_VIEWPORT)] + [
        f"map: {o}" for o in browsing.map_frame().evaluate(_OUTSIDE_MAP)
    ]


def small_targets(browsing, least: float = 44) -> list[str]:
    """Targets smaller than `least` px in either dimension, in the page and in the map's frame."""
    found = []
    for where, document in (("page", browsing.page), ("map", browsing.map_frame())):
        found += [
            f"{where}: {t['w']:.0f}x{t['h']:.0f} {t['what']}"
            for t in document.evaluate(_TARGETS)
            if min(t["w"], t["h"]) < least - 0.5
        ]
    return found


# The symbol nearest one edge of the map ("left", "right", "top", "bottom") that a press can reach (no control
# over it), as its index among the symbols, or null.
_EDGE_SYMBOL = """(edge) => {
  const map = document.querySelector(".jm-map"), box = map.getBoundingClientRect(), icons = [];
  [...map.querySelectorAll(".jm-icon")].forEach((icon, k) => {
    const r = icon.getBoundingClientRect(), x = r.left + r.width / 2, y = r.top + r.height / 2;
    if (x < box.left || x > box.right || y < box.top || y > box.bottom) return;
    const hit = document.elementFromPoint(x, y);
    if (hit && icon.contains(hit)) icons.push({k, x, y});
  });
  const key = edge === "left" || edge === "right" ? "x" : "y", sign = edge === "left" || edge === "top" ? 1 : -1;
  icons.sort((a, b) => sign * (a[key] - b[key]));
  return icons.length ? icons[0].k : null;
}"""

_POPUP = """() => {
  const map = document.querySelector(".jm-map"), box = map.getBoundingClientRect();
  const popup = map.querySelector(".leaflet-popup"), close = map.querySelector("a.leaflet-popup-close-button");
  if (!popup) return null;
  const r = popup.getBoundingClientRect(), c = close.getBoundingClientRect();
  const tips = [...map.querySelectorAll(".leaflet-tooltip")].filter((t) => t.checkVisibility({opacityProperty: true}));
  const edges = (b) => [b.left, b.top, b.right, b.bottom].map(Math.round);
  const within = (a, b, slack) => a.left >= b.left - slack && a.top >= b.top - slack && a.right <= b.right + slack
    && a.bottom <= b.bottom + slack;
  return {inside: within(r, box, 1), popup: edges(r), map: edges(box),
          close: [c.width, c.height], closeInside: within(c, box, 0),
          closeFree: close.contains(document.elementFromPoint(c.left + c.width / 2, c.top + c.height / 2)),
          tooltips: tips.length};
}"""


def popups(browsing, touch: bool) -> list[dict]:
    """Open the popup of the symbol nearest each edge of the map (by a tap on a touch screen, else a click),
    wait until it has its text and has panned into view, and measure it; close it again."""
    frame = browsing.map_frame()
    found = []
    for edge in ("right", "left", "top", "bottom"):
        k = frame.evaluate(_EDGE_SYMBOL, edge)  # afresh each time: a popup before may have panned the map
        if k is None:
            continue
        icon = frame.locator(".jm-icon").nth(k)
        label = icon.get_attribute("aria-label")
        icon.tap() if touch else icon.click()
        frame.wait_for_function(
            "() => { const p = document.querySelector('.jm-popup-title'); return Boolean(p && p.textContent); }",
            timeout=30_000,
        )
        frame.wait_for_timeout(400)  # Leaflet's pan into view is animated (0.25 s)
        measured = frame.evaluate(_POPUP)
        found.append({"edge": edge, "label": label, **(measured or {"inside": False, "missing": True})})
        close = frame.locator("a.leaflet-popup-close-button")
        close.tap() if touch else close.click()
        frame.wait_for_function("() => !document.querySelector('.leaflet-popup')")
    return found


def shoot(page, path: Path, colours: int = 128) -> int:
    """A screenshot of the viewport as a small PNG (a palette of `colours`); returns its size in bytes."""
    from PIL import Image

    image = Image.open(io.BytesIO(page.screenshot(type="png", full_page=False))).convert("RGB")
    small = image.quantize(colors=colours, method=Image.Quantize.MEDIANCUT, dither=Image.Dither.NONE)
    path.parent.mkdir(parents=True, exist_ok=True)
    small.save(path, format="PNG", optimize=True)
    return path.stat().st_size


def room_screens() -> list[Screen]:
    return [Screen(w, h, lang, "present") for (w, h) in ROOM_SIZES for lang in LANGS]


def main() -> None:
    """Write docs/screens/<mode>-<width>x<height>-<lang>.png for every first screen and classroom size."""
    from playwright.sync_api import sync_playwright

    from geo.output.browser import launch
    from harness.browser import AppServer

    parser = argparse.ArgumentParser(description=main.__doc__)
    parser.add_argument("--out", type=Path, default=SCREENS)
    args = parser.parse_args()
    server = AppServer(Path(tempfile.mkdtemp(prefix="juliaca-screens-")) / "streamlit.log")
    try:
        with sync_playwright() as playwright:
            chromium = launch(playwright, offline=True)
            for screen in dict.fromkeys(every_screen() + room_screens()):
                context, browsing = new_page(chromium, screen)
                open_first_screen(browsing, server.url, screen)
                size = shoot(browsing.page, args.out / f"{screen.name}.png")
                print(f"{screen.name}.png: {size // 1024} KB")
                context.close()
            chromium.close()
    finally:
        server.stop()


if __name__ == "__main__":
    main()
