"""The whole app by keyboard alone, on a fresh page, in both languages: no mouse event is sent.

Tab to the time control, step to the hour that shows the 17:20 events, reach the event list, open an
event and read its source phrase, switch the language, enter classroom mode and go to the next moment.
Focus must stay visible at every tab stop, and a rebuilt map must never take it.
"""

from __future__ import annotations

import pytest

from geo.model.moments import load_moments
from geo.model.params import DEFAULT_HOUR
from geo.model.timeline import hour_steps, state_at
from geo.text.a11y import map_title
from geo.text.events import describe_events
from geo.text.i18n import text
from geo.text.labels import clock_label
from harness.browser import MAP_IFRAME

pytestmark = pytest.mark.browser

MAX_TABS = 60  # more tab stops than this before a target would itself be a failure (WCAG 2.4.3)
# The focused element, inside shadow roots too (the time control is a Custom Components v2 element).
DEEP_ACTIVE = (
    "let el = document.activeElement;"
    " while (el && el.shadowRoot && el.shadowRoot.activeElement) el = el.shadowRoot.activeElement;"
)
FOCUSED = (
    """() => { """
    + DEEP_ACTIVE
    + """
  const style = getComputedStyle(el);
  return {tag: el.tagName, role: el.getAttribute("role") || "", type: el.getAttribute("type") || "",
          text: (el.innerText || el.getAttribute("aria-label") || "").trim().slice(0, 80),
          inList: !!el.closest('.jl-events'),
          visible: style.outlineStyle !== "none" && style.outlineWidth !== "0px" || style.boxShadow !== "none"
                   || !!el.closest("label, [data-baseweb]") }; }"""
)


def tab_until(browsing, wanted, backwards: bool = False) -> dict:
    """Press Tab (or Shift+Tab) until the focused element satisfies `wanted`. Every stop on the way, in the page
    or in the map's frame, must show its focus (an outline or a shadow, or a styled label around it)."""
    page = browsing.page
    for _ in range(MAX_TABS):
        page.keyboard.press("Shift+Tab" if backwards else "Tab")
        focused = page.evaluate(FOCUSED)
        if focused["tag"] == "IFRAME":  # a stop inside the map (its pane, zoom buttons, legend)
            focused = {**browsing.map_frame().evaluate(FOCUSED), "tag": "IFRAME"}
        if focused["tag"] != "BODY":  # BODY: past the end of the page, on the way round
            assert focused["visible"], f"focus is not visible on {focused}"
        if wanted(focused):
            return focused
    raise AssertionError(f"not reached within {MAX_TABS} tab stops; last focus: {focused}")


def wait_idle(page) -> None:
    page.wait_for_function(
        "() => !document.querySelector('[data-testid=\"stStatusWidget\"]')"
        " && !document.querySelector('[data-stale=\"true\"]')",
        timeout=60_000,
    )


@pytest.mark.parametrize("lang", ["en", "es"])
def test_everything_by_keyboard_alone(app_server, browsing, index, data, lang):
    page, other = browsing.page, "es" if lang == "en" else "en"
    page.goto(f"{app_server.url}/?lang={lang}&base=offline")
    browsing.wait_for_map(hour_steps()[DEFAULT_HOUR].isoformat())
    wait_idle(page)

    # the time control, and step by step to 18:00: the step that shows the events of 17:20
    tab_until(browsing, lambda f: f["type"] == "range" and f["text"] == text(lang, "time"))
    for _ in range(12):
        page.keyboard.press("ArrowRight")
    frame = browsing.wait_for_map(hour_steps()[18].isoformat())
    # the time settles once the keys stop (debounced): the list, in the browser, then says it shows 18:00
    page.get_by_text(text(lang, "list_at", clock=clock_label(hour_steps()[18], "hour", lang))).wait_for()
    wait_idle(page)
    assert page.evaluate("() => { " + DEEP_ACTIVE + " return el.type; }") == "range", "stepping lost the focus"
    assert page.locator(MAP_IFRAME).get_attribute("title") == map_title(hour_steps()[18], "hour", lang)

    # the event list: the newest event first; open it and read the source's phrase
    state = state_at(index, hour_steps()[18])
    newest = describe_events(state.visible, data.places, lang, state.new_ids)[0]
    at_1720 = state.visible[state.visible["start"].dt.strftime("%H:%M") == "17:20"][f"title_{lang}"]
    assert len(at_1720) > 0
    tab_until(browsing, lambda f: f["inList"])
    page.keyboard.press("Space")
    page.get_by_text(newest["quote"], exact=False).first.wait_for()
    for title in at_1720:
        assert page.get_by_text(title, exact=False).count() >= 1, f"{title!r} is not in the list at 18:00"

    # the language, back up the page; the rebuilt map must not take the focus
    names = {"en": "English", "es": "Español"}
    focused = tab_until(browsing, lambda f: f["role"] == "radio" and f["text"] in names.values(), backwards=True)
    if focused["text"] != names[other]:
        page.keyboard.press("ArrowRight" if other == "es" else "ArrowLeft")  # within the group, as radios go
    assert page.evaluate(FOCUSED)["text"] == names[other]
    page.keyboard.press("Enter")
    page.wait_for_function(f"() => document.documentElement.lang === '{other}'")
    wait_idle(page)
    page.wait_for_function("(s) => document.querySelectorAll(s).length === 1", arg=MAP_IFRAME)  # the old map is gone
    frame = browsing.wait_for_map(hour_steps()[18].isoformat())
    wait_idle(page)
    assert frame.evaluate("() => document.documentElement.lang") == other
    assert page.locator(MAP_IFRAME).get_attribute("title") == map_title(hour_steps()[18], "hour", other)
    assert page.evaluate("() => document.activeElement.tagName") != "IFRAME", "the rebuilt map took the focus"
    page.get_by_text(text(other, "title")).wait_for()

    # classroom mode, then the next moment
    tab_until(browsing, lambda f: f["role"] == "switch" and f["text"] == text(other, "present_toggle"))
    page.keyboard.press("Space")
    count = len(load_moments(index))
    page.get_by_text(text(other, "present_position", i=1, n=count), exact=False).wait_for()
    wait_idle(page)
    tab_until(browsing, lambda f: f["tag"] == "BUTTON" and f["text"].startswith(text(other, "present_next")))
    page.keyboard.press("Enter")
    page.get_by_text(text(other, "present_position", i=2, n=count), exact=False).wait_for()
    browsing.assert_clean()
