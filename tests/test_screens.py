"""Every first screen (issue 23), in a real browser with no network but loopback (the tiles cannot be
reached): a phone (390x844, touch), a laptop (1366x768) and a projector (1920x1080), in English and Spanish,
in the explorer and in classroom mode. Once the content note is read, the map's top is above the fold;
nothing reaches beyond the viewport or the map; no popup is cut off; on a touch screen every target is at
least 44 px; in classroom mode no text is under 16 px; and with the tiles unreachable nothing asks the
visitor to do anything. The screenshots of docs/screens/ are these screens (`python -m harness.screens`).
"""

from __future__ import annotations

import pytest

from harness import screens
from harness.screens import Screen

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
