"""Every first screen (issue 23), in a real browser with no network but loopback (the tiles cannot be
reached): a phone (390x844, touch), a laptop (1366x768) and a projector (1920x1080), in English and Spanish,
in the explorer and in classroom mode. Once the content note is read, the map's top is above the fold;
nothing reaches beyond the viewport or the map; no popup is cut off; on a touch screen every target is at
least 44 px; in classroom mode no text is under 16 px; and with the tiles unreachable nothing asks the
visitor to do anything. The screenshots of docs/screens/ are these screens (`python -m harness.screens`).
"""

from __future__ import annotations

import pytest

from geo.text.i18n import text
from harness import screens

pytestmark = pytest.mark.browser


@pytest.fixture(scope="module")
def shown(app_server, chromium, request):
    """Each screen opened once for the module's tests: {screen: its browsing session}."""
    opened = {}
    yield lambda screen: opened.get(screen) or opened.setdefault(screen, _open(app_server.url, chromium, screen))
    for context, _ in opened.values():
        context.close()


def _open(url, chromium, screen):
    context, browsing = screens.new_page(chromium, screen)
    screens.open_first_screen(browsing, url, screen)
    return context, browsing


@pytest.mark.parametrize("screen", screens.every_screen(), ids=lambda s: s.name)
def test_the_first_screen_shows_the_map_and_nothing_overflows(shown, screen):
    _, browsing = shown(screen)
    top = screens.map_top(browsing.page)
    assert top < screen.height - 40, f"the map starts at {top:.0f} px, below the fold ({screen.height} px)"
    assert screens.overflowing(browsing) == []
    if screen.mode == "present":
        assert screens.small_text(browsing, 16) == [], "classroom mode: text under 16 px"
    if screen.touch:
        assert screens.small_targets(browsing, 44) == [], "touch targets under 44 px"
    browsing.assert_clean()


@pytest.mark.parametrize("screen", screens.every_screen(), ids=lambda s: s.name)
def test_the_note_once_read_folds_and_is_never_projected_and_the_credit_folds_on_a_phone(shown, screen):
    """The content note, once read, is one line that opens it again in the explorer, and nowhere on the screen
    in classroom mode; on a phone the map's credit line is a "© Credits" button that shows it in place."""
    _, browsing = shown(screen)
    page, frame = browsing.page, browsing.map_frame()
    folded = page.locator('[data-testid="stExpander"] summary', has_text=text(screen.lang, "content_note_heading"))
    assert folded.count() == (1 if screen.mode == "explore" else 0)
    assert not page.get_by_text(text(screen.lang, "content_note")).is_visible()
    button = frame.locator(".jm-credit-button")
    if screen.touch:
        assert frame.evaluate("() => document.querySelector('.jm-map').dataset.credit") == "folded"
        assert not frame.locator(".leaflet-control-attribution").is_visible()
        assert button.get_attribute("aria-expanded") == "false"
        button.tap()
        assert frame.locator(".leaflet-control-attribution").is_visible()
        assert button.get_attribute("aria-expanded") == "true"
        button.tap()
        assert not frame.locator(".leaflet-control-attribution").is_visible()
    else:  # on one line beside the legend, or folded where it does not fit (explore's map beside the list)
        credit = frame.locator(".leaflet-control-attribution")
        assert credit.is_visible() != button.is_visible()
        if credit.is_visible():
            assert credit.evaluate(
                "(n) => n.getBoundingClientRect().height < 2 * parseFloat(getComputedStyle(n).lineHeight)"
            )


@pytest.mark.parametrize("screen", screens.every_screen(), ids=lambda s: s.name)
def test_with_the_tiles_unreachable_the_map_goes_offline_by_itself_and_asks_nothing(shown, screen):
    """No internet (every request but loopback blocked): the map took the offline base by itself and says so
    in one quiet line; nothing on the first screen asks the visitor to act (it asked them to choose "Offline",
    below the list)."""
    _, browsing = shown(screen)
    frame = browsing.map_frame()
    assert frame.evaluate("() => document.querySelector('.jm-map').dataset.base") == "offline"
    line = frame.locator(".jm-quiet")
    assert line.count() == 1 and line.get_attribute("role") == "status"
    assert line.inner_text() == text(screen.lang, "tiles_failed")
    lines = line.evaluate(
        "(node) => node.getBoundingClientRect().height / parseFloat(getComputedStyle(node).lineHeight)"
    )
    assert lines < (3 if screen.touch else 2), f"{lines:.1f} lines: one short sentence (two lines on a phone at most)"
    zoom = frame.locator(".leaflet-control-zoom").bounding_box()
    box = line.bounding_box()
    assert box["x"] >= zoom["x"] + zoom["width"], "the quiet line runs under the zoom buttons"
    assert line.locator("a, button, input, select").count() == 0
    assert frame.locator(".jm-notice, [role=alert], [role=alertdialog]").count() == 0
    page = browsing.page
    alerts = [
        a for a in page.locator('[data-testid="stAlert"], [role=alert], [role=alertdialog]').all() if a.is_visible()
    ]
    assert alerts == [], f"the first screen shows notices: {[a.inner_text() for a in alerts]}"


@pytest.mark.parametrize(
    "screen", [s for s in screens.every_screen() if s.mode == "explore" or s.width == 1920], ids=lambda s: s.name
)
def test_no_popup_is_clipped_and_its_close_button_is_free(shown, screen):
    """The popups of the symbols nearest each edge of the map open inside it, their close button inside and on
    top (44 px on a touch screen), and no hover label stays under them."""
    _, browsing = shown(screen)
    opened = screens.popups(browsing, screen.touch)
    assert opened, "no symbol to press"
    for popup in opened:
        assert popup["inside"], f"popup cut off at the map's edge: {popup}"
        assert popup["closeInside"] and popup["closeFree"], f"close button hidden: {popup}"
        assert popup["tooltips"] == 0, f"a hover label stays under the popup: {popup}"
        if screen.touch:
            assert min(popup["close"]) >= 44, f"close button under 44 px: {popup}"


_ROOM_SIZES = (
    """() => {
  """
    + screens.DEEP
    + """
  const size = (selector) => deep(document, selector).filter((n) => n.checkVisibility())
    .map((n) => parseFloat(getComputedStyle(n).fontSize));
  return {clock: size(".jt-clock"), labels: size(".jt-label"), values: size(".jt-value")};
}"""
)
_ROOM_MAP = """() => {
  const size = (selector) => [...document.querySelectorAll(selector)].filter((n) => n.checkVisibility())
    .map((n) => parseFloat(getComputedStyle(n).fontSize));
  const symbols = [...document.querySelectorAll(".jm-symbol > svg")].map((s) => s.getBoundingClientRect().width);
  const legend = document.querySelector(".jm-legend"), map = document.querySelector(".jm-map").getBoundingClientRect();
  return {labels: size(".jm-place-label, .jm-area-label"), symbols, legendOpen: Boolean(legend && legend.open),
          mapHeight: map.height};
}"""


@pytest.mark.parametrize("screen", screens.room_screens(), ids=lambda s: s.name)
def test_classroom_mode_is_sized_for_a_room(shown, screen):
    """Computed sizes (issue 23): at 1080p the clock and the counters' names at least 28 px; at every size map
    labels at least 18 px, symbols at least 36 px, no text under 16 px; the legend folded; the map nearly as
    tall as the screen."""
    _, browsing = shown(screen)
    page, frame = browsing.page, browsing.map_frame()
    words, pictured = page.evaluate(_ROOM_SIZES), frame.evaluate(_ROOM_MAP)
    if screen.height >= 1080:
        assert words["clock"] and min(words["clock"]) >= 28, words
        assert len(words["labels"]) == 4 and min(words["labels"]) >= 28, words
    assert pictured["labels"] and min(pictured["labels"]) >= 18, pictured["labels"]
    assert pictured["symbols"] and min(pictured["symbols"]) >= 36, pictured["symbols"]
    assert not pictured["legendOpen"]
    assert pictured["mapHeight"] >= 0.8 * screen.height, pictured["mapHeight"]
    assert screens.small_text(browsing, 16) == []
    assert screens.overflowing(browsing) == []
