"""The two hosts of the browser app, held to the same behaviour (issue 22): the app's page (the time control
in the page, the map in streamlit-folium's iframe) and the exported page (everything in one page, from
file://). The same keys step the same way, the same speeds are offered, Play plays and Pause stops."""

from __future__ import annotations

from dataclasses import dataclass

import pytest

from geo.model.timeline import hour_steps
from geo.output.export import PageOptions, export_site

pytestmark = pytest.mark.browser


def iso(hour: int) -> str:
    return hour_steps()[hour].isoformat()


@dataclass
class Host:
    page: object
    map_frame: object  # where the map lives: the page itself, or the map's iframe

    def drawn(self) -> str:
        return self.map_frame.evaluate("() => document.querySelector('.jm-map').dataset.t")

    def wait_drawn(self, hour: int, timeout: float = 20_000) -> None:
        self.map_frame.wait_for_function(
            "t => document.querySelector('.jm-map').dataset.t === t", arg=iso(hour), timeout=timeout
        )

    def focus_page(self) -> None:
        self.page.evaluate("() => { if (document.activeElement) document.activeElement.blur(); }")


@pytest.fixture(params=["app", "exported"])
def host(request, browsing, app_server, index, data, tmp_path):
    page = browsing.page
    if request.param == "app":
        page.goto(f"{app_server.url}/?t=2023-01-09T10:00&base=offline")
        frame = browsing.wait_for_map(iso(10))
        page.locator(".jl-heading").wait_for(timeout=30_000)
    else:
        page_file = export_site(index, data.places, tmp_path / "site", PageOptions(step=10))
        page.goto(page_file.as_uri())
        frame = page.main_frame
    hosted = Host(page, frame)
    hosted.wait_drawn(10)
    yield hosted
    browsing.assert_clean()


def test_the_keys_step_the_same_way_in_both_hosts(host):
    page = host.page
    host.focus_page()
    page.keyboard.press("PageDown")  # outside the control and the map, Page Down is the page's (issue 22)
    page.wait_for_timeout(300)
    assert host.drawn() == iso(10)
    page.locator(".jt-forward").focus()  # in the time control, a clicker's keys step
    for key, hour in (("ArrowRight", 11), ("PageDown", 12), ("ArrowLeft", 11), ("PageUp", 10)):
        page.keyboard.press(key)
        host.wait_drawn(hour)
    host.focus_page()
    address = page.evaluate("() => location.href")
    page.keyboard.press("Alt+ArrowLeft")  # the browser's Back, never a step
    page.keyboard.press("Alt+ArrowRight")
    page.wait_for_timeout(300)
    assert host.drawn() == iso(10) and page.evaluate("() => location.href") == address
    page.locator(".jt-slider").focus()  # the slider moves itself, by one step
    page.keyboard.press("ArrowRight")
    host.wait_drawn(11)
    page.keyboard.press("Home")
    host.wait_drawn(0)
    page.keyboard.press("End")
    host.wait_drawn(23)


def test_on_the_map_the_arrows_pan_and_a_clicker_steps_in_both_hosts(host):
    page, container = host.page, host.map_frame.locator(".jm-map")
    container.focus()
    center = host.map_frame.evaluate("() => document.querySelector('.leaflet-map-pane').style.transform")
    page.keyboard.press("ArrowLeft")  # Leaflet's keyboard pans the map
    host.map_frame.wait_for_function(
        "c => document.querySelector('.leaflet-map-pane').style.transform !== c", arg=center
    )
    assert host.drawn() == iso(10)
    page.keyboard.press("PageDown")
    host.wait_drawn(11)
    page.keyboard.press("PageUp")
    host.wait_drawn(10)


def test_the_same_speeds_and_play_in_both_hosts(host):
    page = host.page
    speeds = page.locator(".jt-speed select option").all_inner_texts()
    assert speeds == ["0.5", "1", "2"] and page.locator(".jt-speed select").input_value() == "1000"
    page.locator(".jt-speed select").select_option(label="0.5")
    page.get_by_role("button", name="▶ Play").click()
    host.wait_drawn(12, timeout=10_000)
    page.get_by_role("button", name="⏸ Pause").click()
    stopped = host.drawn()
    page.wait_for_timeout(1200)  # more than two steps at this speed
    assert host.drawn() == stopped
    assert page.get_by_role("button", name="▶ Play").is_visible()
