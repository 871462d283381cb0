"""The time control in a real browser: it draws the map as the slider moves; in the explorer a release
costs the server nothing, in classroom mode Python hears it (geo/web/app/control.js, ui/time_control.py).

Waits are on the page's own state (what the map's container says it drew, the address bar), never fixed
sleeps; the only timed pauses pace a human-speed mouse drag. Reruns are counted from a settled page: the
page's own messages (the map's "drawn" report, the rest of the page) are over before counting starts.
"""

from __future__ import annotations

import pytest

from geo.data.vocab import COUNT_COLUMNS
from geo.model.params import steps_for
from geo.model.timeline import hour_steps, toll_as_worded, toll_start
from geo.text.labels import count_label
from harness.browser import MAP_IFRAME

pytestmark = pytest.mark.browser


def iso(hour: int) -> str:
    return hour_steps()[hour].isoformat()


def count_reruns(page) -> list[int]:
    """A counter of the messages the page sends the server (each rerun request is one)."""
    sent = [0]
    page.on("websocket", lambda ws: ws.on("framesent", lambda _: sent.__setitem__(0, sent[0] + 1)))
    return sent


def settle(browsing) -> None:
    """Wait until the page has stopped talking to the server: the rest of the page is drawn (the list is the
    browser's, the settings Python's) and no run is under way."""
    page = browsing.page
    page.locator(".jl-heading").wait_for(timeout=30_000)
    page.get_by_text("Show these kinds of event").first.wait_for(timeout=30_000)
    page.wait_for_function("() => !document.querySelector('[data-testid=\"stStatusWidget\"]')", timeout=30_000)


def slider(page):
    return page.locator(".jt-slider")


# The map's drawn steps, recorded in the map frame at every animation frame.
RECORD_DRAWN = """() => { window.jmDrawn = []; const tick = () => {
    const t = document.querySelector(".jm-map").dataset.t;
    if (t && window.jmDrawn[window.jmDrawn.length - 1] !== t) window.jmDrawn.push(t);
    requestAnimationFrame(tick); }; tick(); }"""

# In the app's page, just before each paint (ResizeObserver callbacks run after every animation-frame
# callback of the frame, and before it is painted): the time the map shows, and the control's clock
# and counters. A box resized at every frame makes the observer fire at every frame.
SAMPLE_FRAMES = """() => {
    window.jmFrames = [];
    const probe = document.createElement("div");
    probe.style.cssText = "position:fixed;left:0;top:0;height:1px;width:1px;opacity:0;pointer-events:none";
    document.body.appendChild(probe);
    const control = () => {
      const holder = document.querySelector(".st-key-time_control_explore");
      const host = Array.from(holder.querySelectorAll("*")).find((e) => e.shadowRoot);
      return host ? host.shadowRoot : holder;
    };
    new ResizeObserver(() => {
      const frame = document.querySelector(".st-key-juliaca_map iframe");
      const map = frame && frame.contentDocument.querySelector(".jm-map");
      const root = control();
      const jt = root.querySelector(".jt");
      if (!map || !map.dataset.ms || !jt) return;
      window.jmFrames.push({map: Number(map.dataset.ms), text: Number(jt.dataset.textT),
                            clock: root.querySelector(".jt-clock").textContent,
                            counters: Array.from(root.querySelectorAll(".jt-value")).map(v => v.textContent)});
    }).observe(probe);
    const tick = () => {
      probe.style.width = probe.style.width === "1px" ? "2px" : "1px";
      requestAnimationFrame(tick);
    };
    tick();
  }"""


def test_a_drag_paints_as_it_goes_and_a_release_costs_the_server_nothing(app_server, browsing):
    page = browsing.page
    sent = count_reruns(page)
    page.goto(f"{app_server.url}/?t=2023-01-09T00:00&base=offline")
    frame = browsing.wait_for_map(iso(0))
    settle(browsing)
    frame.evaluate(RECORD_DRAWN)
    box = slider(page).bounding_box()
    y = box["y"] + box["height"] / 2
    start, end = box["x"] + 8, box["x"] + 8 + (box["width"] - 16) * 17 / 23
    before = sent[0]
    page.mouse.move(start, y)
    page.mouse.down()
    for k in range(1, 61):  # 60 moves over about 1.2 s: a person's drag
        page.mouse.move(start + (end - start) * k / 60, y)
        page.wait_for_timeout(20)
    drawn = frame.evaluate("() => window.jmDrawn.length")
    reruns_while_dragging = sent[0] - before
    page.mouse.up()
    value = int(slider(page).input_value())
    key = f"2023-01-09T{value:02d}:00"
    browsing.wait_for_address(f"t={key}")
    page.get_by_text(f"show 9 January 2023, {value:02d}:00", exact=False).wait_for()  # the list, in the browser
    assert drawn >= 2, f"only {drawn} states painted during the drag"  # a count, whatever the frame rate
    assert reruns_while_dragging == 0
    assert 15 <= value <= 19 and browsing.drawn() == iso(value)
    page.wait_for_timeout(500)  # longer than the release's debounce: any message it would send is sent
    assert sent[0] - before == 0, "a release in the explorer asks the server nothing"
    browsing.assert_clean()


def test_clock_and_counters_equal_the_map_at_every_painted_frame(app_server, browsing, index):
    page = browsing.page
    page.goto(f"{app_server.url}/?t=2023-01-09T06:00&base=offline")
    browsing.wait_for_map(iso(6))
    page.locator(".jt-value").first.wait_for()
    page.evaluate(SAMPLE_FRAMES)
    for _ in range(12):  # a burst of key steps, faster than the frames
        page.keyboard.press("ArrowRight")
    browsing.wait_for_map(iso(18))
    page.get_by_role("button", name="▶ Play").click()
    browsing.wait_for_map(iso(21), timeout=20_000)
    page.get_by_role("button", name="⏸ Pause").click()
    frames = page.evaluate("() => window.jmFrames")
    assert frames, "no frame was sampled"  # how many depends on the frame rate; what each shows does not
    by_ms = {int(t.value // 1_000_000): t for t in hour_steps()}
    expected = {}
    for sample in frames:
        assert sample["text"] == sample["map"], sample
        t = by_ms[sample["map"]]
        if t not in expected:
            worded = toll_as_worded(index, t, toll_from=toll_start("hour"))  # as the source words them: "over 100"
            expected[t] = [count_label(*worded[c], "en") for c in COUNT_COLUMNS]
        assert sample["clock"].startswith(f"9 January 2023, {t.hour:02d}:00"), sample
        assert sample["counters"] == expected[t], sample
    assert len({s["map"] for s in frames}) >= 4  # 06:00, 18:00 after the burst, and the steps of Play
    browsing.assert_clean()


def test_play_and_its_end_make_no_rerun(app_server, browsing):
    page = browsing.page
    sent = count_reruns(page)
    page.goto(f"{app_server.url}/?t=2023-01-09T19:00&base=offline")
    browsing.wait_for_map(iso(19))
    settle(browsing)
    page.locator(".jt-speed select").select_option(label="0.5")
    before = sent[0]
    page.get_by_role("button", name="▶ Play").click()
    browsing.wait_for_map(iso(22), timeout=20_000)
    assert sent[0] == before, "Play must not ask the server for anything"
    browsing.wait_for_map(iso(23), timeout=20_000)
    browsing.wait_for_address("t=2023-01-09T23:00")
    page.get_by_text("show 9 January 2023, 23:00", exact=False).wait_for()
    assert sent[0] - before == 0, "nor does its end: the list and the address are the browser's"
    assert page.get_by_role("button", name="▶ Play").is_visible()
    browsing.assert_clean()


def test_a_server_jump_is_applied_once_and_a_rerun_never_snaps_the_slider_back(app_server, browsing):
    page = browsing.page
    page.goto(f"{app_server.url}/?t=2023-01-09T10:00&base=offline")
    browsing.wait_for_map(iso(10))
    control = page.locator(".jt")
    page.keyboard.press("ArrowRight")
    page.keyboard.press("ArrowRight")
    browsing.wait_for_map(iso(12))
    browsing.wait_for_address("t=2023-01-09T12:00")
    page.get_by_text("Show these kinds of event").first.click()
    slider(page).focus()
    page.keyboard.press("ArrowRight")  # moved in the browser, not yet heard...
    browsing.wait_for_map(iso(13))
    page.locator(".st-key-categories button", has_text="Protest").click()  # ...and a rerun arrives meanwhile
    browsing.wait_for_address("cats=", "T13")
    assert slider(page).input_value() == "13" and browsing.drawn() == iso(13)
    assert control.get_attribute("data-jumps") == "0"
    page.get_by_role("radio", name="Dec 2022 – Jun 2023").click()  # a jump decided by the server
    day = steps_for("day")
    nine = next(i for i, t in enumerate(day) if t.day == 9 and t.month == 1)
    browsing.wait_for_map(day[nine].isoformat())
    assert control.get_attribute("data-jumps") == "1" and slider(page).input_value() == str(nine)
    page.get_by_role("radio", name="Airport", exact=True).click()  # another rerun: the jump is not applied again
    browsing.wait_for_address("view=airport")
    slider(page).focus()
    page.keyboard.press("ArrowLeft")
    browsing.wait_for_map(day[nine - 1].isoformat())
    browsing.wait_for_address("t=2023-01-08")
    assert control.get_attribute("data-jumps") == "1" and slider(page).input_value() == str(nine - 1)
    page.evaluate("() => document.activeElement && document.activeElement.blur()")
    page.keyboard.press("ArrowRight")  # after five data changes, still one listener: one key, one step
    browsing.wait_for_map(day[nine].isoformat())
    assert slider(page).input_value() == str(nine)
    browsing.assert_clean()


def test_a_base_map_change_keeps_the_time(app_server, browsing):
    page = browsing.page
    page.goto(f"{app_server.url}/?t=2023-01-09T10:00&base=offline")
    frame = browsing.wait_for_map(iso(10))
    frame.evaluate("() => { window.jmOld = true; }")
    for _ in range(3):
        page.keyboard.press("ArrowRight")
    browsing.wait_for_map(iso(13))
    page.get_by_role("radio", name="OpenStreetMap").click()  # before or after the release: either way
    page.wait_for_function("""() => { const f = document.querySelector(".st-key-juliaca_map iframe");
        const map = f && f.contentDocument.querySelector(".jm-map");
        return map && !f.contentWindow.jmOld && map.dataset.t; }""")
    browsing.wait_for_map(iso(13))
    # the new map is OpenStreetMap's: it asked for its tiles (offline here, it then takes the offline base by itself)
    assert any("tile.openstreetmap.org" in url for url in browsing.external)
    assert page.locator(".jt-clock").inner_text().startswith("9 January 2023, 13:00")
    browsing.assert_clean()


def test_a_clicker_key_works_while_the_map_has_focus(app_server, browsing):
    page = browsing.page
    page.goto(f"{app_server.url}/?t=2023-01-09T10:00&base=offline")
    frame = page.frame_locator(MAP_IFRAME)
    browsing.wait_for_map(iso(10))
    frame.locator(".leaflet-container").focus()
    page.keyboard.press("PageDown")
    browsing.wait_for_map(iso(11))
    page.keyboard.press("PageDown")
    browsing.wait_for_map(iso(12))
    page.keyboard.press("PageUp")
    browsing.wait_for_map(iso(11))
    assert browsing.map_value("document.activeElement.classList.contains('leaflet-container')")
    center = browsing.map_value("[map.getCenter().lat, map.getCenter().lng]")
    page.keyboard.press("ArrowLeft")  # on the map itself the arrows pan (Leaflet's keyboard), not the time
    page.wait_for_function(
        """(c) => { const m = document.querySelector(".st-key-juliaca_map iframe").contentWindow.map;
        return m.getCenter().lng !== c[1]; }""",
        arg=center,
    )
    assert browsing.drawn() == iso(11)
    browsing.wait_for_address("t=2023-01-09T11:00")
    browsing.assert_clean()


def test_the_control_speaks_the_time_for_screen_readers(app_server, browsing):
    page = browsing.page
    page.goto(f"{app_server.url}/?t=2023-01-09T16:00&base=offline&lang=es")
    browsing.wait_for_map(iso(16))
    time = page.get_by_role("slider", name="Momento mostrado")
    assert time.get_attribute("aria-valuetext") == "9 de enero de 2023, 16:00 (Lima, UTC−5)"
    time.focus()
    page.keyboard.press("ArrowRight")
    browsing.wait_for_map(iso(17))
    assert time.get_attribute("aria-valuetext") == "9 de enero de 2023, 17:00 (Lima, UTC−5)"
    live = page.locator(".jt-live")  # role=status, aria-live=polite
    assert live.get_attribute("aria-live") == "polite"
    live.filter(has_text="17:00").wait_for(state="attached")
    page.get_by_role("button", name="▶ Reproducir").click()
    page.get_by_role("button", name="⏸ Pausa").wait_for()
    browsing.wait_for_map(iso(18))
    assert "18:00" not in live.inner_text(), "the live region is quiet during Play"
    page.get_by_role("button", name="⏸ Pausa").click()
    live.filter(has_text=time.get_attribute("aria-valuetext")).wait_for(state="attached")
    browsing.assert_clean()
