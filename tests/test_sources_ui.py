"""The record's sources in a real browser (issue 20, part 4), on a phone (390×844) and a laptop (1366×768), in
English and Spanish: popups and the list show each event's sources with their links and where they differ; the
people killed are reached from a death's popup and from the list by keyboard, with axe clean; the source
choice (the article only, one source); the figures reported under the counters; and the credit line of a
snapshot, checked against an oracle read from the CSV files.

Waits are on the page's own state (what the map says it drew, the focus, the text), never fixed sleeps.
"""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import expect

from geo.model.timeline import context_steps, hour_steps, lima_time
from geo.output.export import PageOptions, build_page, export_site
from geo.text.i18n import text
from harness.axe import axe_source, check_every_frame, describe
from harness.oracle import CITATIONS, EVENTS, PEOPLE, READINGS, expected_outlets, named_in, shown_at, voices

pytestmark = pytest.mark.browser

PHONE, LAPTOP = (390, 844), (1366, 768)
# (viewport, language): every size in each language
SIZES = [
    pytest.param(PHONE, "es", id="phone-es"),
    pytest.param(PHONE, "en", id="phone-en"),
    pytest.param(LAPTOP, "en", id="laptop-en"),
    pytest.param(LAPTOP, "es", id="laptop-es"),
]
TWO = [pytest.param(PHONE, "es", id="phone-es"), pytest.param(LAPTOP, "en", id="laptop-en")]
DEADLY = "police_deadly_force"  # twelve of the people killed belong to it; its sources differ on time and place

# The element that has the focus, through the shadow roots of the app's component.
ACTIVE = """() => { let a = document.activeElement;
  while (a && a.shadowRoot && a.shadowRoot.activeElement) a = a.shadowRoot.activeElement;
  return a ? {tag: a.tagName, cls: String(a.className), text: a.textContent.slice(0, 80),
              value: a.value || null} : null; }"""


def _open(browsing, url: str, size, lang: str, query: str):
    """The app at `query`, in `lang`, at the viewport `size`; returns the map's frame once the list is drawn."""
    page = browsing.page
    page.set_viewport_size({"width": size[0], "height": size[1]})
    page.goto(f"{url}/?{query}&lang={lang}&base=offline")
    frame = browsing.wait_for_map()
    frame.wait_for_function("() => document.querySelector('.jm-map').dataset.paintedAt")
    page.locator(".jl-heading").wait_for(timeout=60_000)
    return frame


def _title(event_id: str, lang: str) -> str:
    return next(e[f"title_{lang}"] for e in EVENTS if e["id"] == event_id)


def _popup_by_keyboard(browsing, frame, event_id: str, lang: str):
    """Open an event's popup the keyboard's way: its marker focused, then Enter (Leaflet opens it)."""
    icon = frame.locator(f'.jm-icon[aria-label^="{_title(event_id, lang)}"]')
    icon.focus()
    browsing.page.keyboard.press("Enter")
    popup = frame.locator(".leaflet-popup .jm-popup")
    popup.wait_for()
    return icon, popup


def _tab_to(page, selector_class: str, limit: int = 40) -> dict:
    """Press Tab until the focused element has the class `selector_class` (at most `limit` times)."""
    for _ in range(limit):
        page.keyboard.press("Tab")
        active = page.evaluate(ACTIVE)
        if active and selector_class in active["cls"].split():
            return active
    raise AssertionError(f"no .{selector_class} reached by Tab; focus is on {page.evaluate(ACTIVE)}")


def _focused_in_frame(frame) -> dict:
    return frame.evaluate(
        "() => ({cls: String(document.activeElement.className), text: document.activeElement.textContent})"
    )


def _assert_links_are_safe(links) -> None:
    for k in range(links.count()):
        link = links.nth(k)
        assert re.match(r"https?://", link.get_attribute("href")), link.get_attribute("href")
        assert link.get_attribute("target") == "_blank" and link.get_attribute("rel") == "noopener noreferrer"


def _axe_clean(page) -> None:
    reports = check_every_frame(page, axe_source())
    failing = describe(reports, "failing")
    assert not failing, f"serious or critical violations:\n{failing}"


# --- popups and the list ------------------------------------------------------------------------------------


@pytest.mark.parametrize("size, lang", SIZES)
def test_a_popup_and_the_list_show_the_sources_with_links_and_where_they_differ(app_server, browsing, size, lang):
    frame = _open(browsing, app_server.url, size, lang, "t=2023-01-09T18:00&view=airport")
    page = browsing.page
    cited = {c["source_id"] for c in CITATIONS if c["event_id"] == DEADLY} | {"wikipedia_en"}
    aspects = {r["aspect"] for r in READINGS if r["event_id"] == DEADLY}
    icon, popup = _popup_by_keyboard(browsing, frame, DEADLY, lang)
    assert icon.get_attribute("aria-label").endswith(text(lang, "sources_differ_badge"))
    assert icon.locator(".jm-differ-badge").count() == 1
    assert popup.locator(".jm-popup-count").inner_text() == text(lang, "source_count", n=len(voices(DEADLY)))
    popup.locator(".jm-sources summary").click()
    assert popup.locator(".jm-sources summary").inner_text() == text(lang, "sources_open", n=len(cited))
    _assert_links_are_safe(popup.locator(".jm-source-link"))
    assert popup.locator(".jm-source-link").count() == len(cited)
    assert popup.locator(".jm-differ-title").inner_text() == text(lang, "sources_differ")
    assert popup.locator(".jm-aspect").count() == len(aspects)
    # the same in the list's details
    page.locator(".jl-item", has_text=_title(DEADLY, lang)).click()
    details = page.locator(".jl-details .jl-event")
    details.locator(".jm-differ-title").wait_for()
    assert details.locator(".jm-source-link").count() == len(cited)
    _assert_links_are_safe(details.locator(".jm-source-link"))
    assert (
        page.locator(".jl-item", has_text=_title(DEADLY, lang))
        .inner_text()
        .endswith(text(lang, "sources_differ_badge"))
    )
    legend = frame.locator(".jm-legend-notes").text_content()  # folded away on a phone
    assert text(lang, "legend_differ") in legend
    browsing.assert_clean()


# --- the people killed ----------------------------------------------------------------------------------------


@pytest.mark.parametrize("size, lang", SIZES)
def test_the_people_killed_are_reached_from_a_deaths_popup_by_keyboard(app_server, browsing, size, lang):
    frame = _open(browsing, app_server.url, size, lang, "t=2023-01-09T18:00&view=airport")
    page = browsing.page
    _popup_by_keyboard(browsing, frame, DEADLY, lang)
    for _ in range(40):  # Tab from the marker into its popup, to the first person's link
        page.keyboard.press("Tab")
        if "jm-person-link" in _focused_in_frame(frame)["cls"]:
            break
    person = _focused_in_frame(frame)
    assert "jm-person-link" in person["cls"], person
    expected = [r["name"] or r[f"label_{lang}"] for r in PEOPLE if r["event_id"] == DEADLY]
    assert person["text"] == expected[0]
    page.keyboard.press("Enter")
    page.wait_for_function(f"() => ({ACTIVE})()?.cls.includes('jp-name')")
    assert page.evaluate(ACTIVE)["text"] == expected[0]
    names = page.locator(".jp-name").all_inner_texts()
    assert names == [r["name"] or r[f"label_{lang}"] for r in PEOPLE]
    minors = [r[f"label_{lang}"] for r in PEOPLE if r["minor"] == "yes"]
    assert all(m in names for m in minors)
    _assert_links_are_safe(page.locator(".jp-sources a"))
    _axe_clean(page)
    browsing.assert_clean()


@pytest.mark.parametrize("size, lang", SIZES)
def test_the_people_killed_are_reached_from_the_list_and_lead_back_to_the_map_by_keyboard(
    app_server, browsing, size, lang
):
    frame = _open(browsing, app_server.url, size, lang, "t=2023-01-09T18:00")
    page = browsing.page
    page.locator(".jl-item input").first.focus()
    for _ in range(60):  # the arrows move within the list's radio group (they do not step the time there)
        if page.locator(".jl-details .jm-popup-people").count():
            break
        page.keyboard.press("ArrowDown")
    assert browsing.drawn() == hour_steps()[18].isoformat()
    first = page.locator(".jl-details .jm-person-link").first.inner_text()
    _tab_to(page, "jm-person-link")
    page.keyboard.press("Enter")
    page.wait_for_function(f"() => ({ACTIVE})()?.cls.includes('jp-name')")
    assert page.evaluate(ACTIVE)["text"] == first
    # a person's event is a link that selects it on the map, the time moving on to when it is shown: the doctor
    # killed near the airport, given at the end of 9 January; on this scale the boy who died on 12 January is not
    doctor = next(r for r in PEOPLE if r["event_id"] == "doctor_killed")
    page.locator(".jp-person", has_text=doctor["name"]).locator(".jp-name").focus()
    _tab_to(page, "jp-event-link")
    page.keyboard.press("Enter")
    page.wait_for_function(f"() => ({ACTIVE})()?.value === 'doctor_killed'")
    browsing.wait_for_map(hour_steps()[23].isoformat())
    frame.locator(
        ".leaflet-popup .jm-popup-title", has_text=_title("doctor_killed", lang)
    ).wait_for()  # the other fades out
    browsing.wait_for_address("event=doctor_killed", "t=2023-01-09T23:00")
    boy = next(r for r in PEOPLE if r["event_id"] == "boy_dies_12jan")
    on_days = page.locator(".jp-person", has_text=boy[f"label_{lang}"]).locator(
        "dd", has_text=_title("boy_dies_12jan", lang)
    )
    assert on_days.locator("a").count() == 0 and text(lang, "scale_day") in on_days.inner_text()
    _axe_clean(page)
    browsing.assert_clean()


def test_the_exported_page_has_the_people_and_every_source_and_is_axe_clean(chromium, index, data, tmp_path):
    page_file = export_site(index, data.places, tmp_path / "site", PageOptions(lang="es", step=18, view="airport"))
    page = chromium.new_page(viewport={"width": PHONE[0], "height": PHONE[1]})
    errors = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    page.goto(page_file.as_uri())
    page.wait_for_function("() => document.querySelector('.jm-map').dataset.paintedAt")
    _popup_by_keyboard(type("B", (), {"page": page})(), page.main_frame, DEADLY, "es")
    page.locator(".leaflet-popup .jm-person-link").first.focus()
    page.keyboard.press("Enter")
    page.wait_for_function(f"() => ({ACTIVE})()?.cls.includes('jp-name')")
    page.locator(".ja summary").click()
    page.locator(".js-source").first.wait_for()
    assert page.locator(".js-source").count() == 130
    _assert_links_are_safe(page.locator(".js-source a"))
    box = page.locator(".jp").first.bounding_box()
    assert box["height"] > 200, "on a phone the list of the people killed has room (the page scrolls as one column)"
    _axe_clean(page)
    assert errors == []
    page.close()


# --- the source choice ---------------------------------------------------------------------------------------


def _counter(page, k: int) -> str:
    return page.locator(".jt-value").nth(k).inner_text()


def _wait_events(browsing, test: str, wanted: int) -> None:
    """Wait until the number of events the map has drawn passes `test` (a JS arrow of n, against `wanted`)."""
    browsing.map_frame().wait_for_function(
        f"wanted => {{ const m = document.querySelector('.jm-map'); const n = m ? Number(m.dataset.events) : NaN;"
        f" return ({test})(n); }}",
        arg=wanted,
        timeout=30_000,
    )


def _day_key(t) -> str:
    return t.isoformat()


@pytest.mark.parametrize("size, lang", TWO)
def test_the_article_only_draws_the_old_map_police_killed_from_11_january(app_server, browsing, size, lang):
    _open(browsing, app_server.url, size, lang, "t=2023-01-10&src=wikipedia_en")
    page = browsing.page
    day = {t.date().isoformat(): t for t in context_steps()}
    expect(page.locator(".jt-value").nth(2)).to_have_text(
        "0"
    )  # the officer is found dead on 11 January, the article says
    page.locator(".jt-slider").focus()
    page.keyboard.press("ArrowRight")
    browsing.wait_for_map(_day_key(day["2023-01-11"]))
    expect(page.locator(".jt-value").nth(2)).to_have_text("1")
    article_events = sum(1 for e in EVENTS if e["source_quote"].strip())
    assert page.get_by_text(text(lang, "source_shown_seed", n=article_events)).count() == 1
    page.goto(f"{app_server.url}/?t=2023-01-10&lang={lang}&base=offline")  # every source: found on 10 January
    browsing.wait_for_map(_day_key(day["2023-01-10"]))
    expect(page.locator(".jt-value").nth(2)).to_have_text("1")
    browsing.assert_clean()


@pytest.mark.parametrize("size, lang", TWO)
def test_one_source_hides_the_other_events_and_keeps_the_counters(app_server, browsing, size, lang):
    t = lima_time("2023-01-09T23:00")
    _open(browsing, app_server.url, size, lang, "t=2023-01-09T23:00")
    page = browsing.page
    every = [_counter(page, k) for k in range(4)]
    every_events = int(browsing.drawn("events"))
    source = "larepublica_17_muertos"
    page.goto(f"{app_server.url}/?t=2023-01-09T23:00&lang={lang}&base=offline&src={source}")
    browsing.wait_for_map(t.isoformat())
    page.locator(".jl-heading").wait_for(timeout=60_000)
    mine = [e for e in shown_at(t, source) if e["place_id"]]
    _wait_events(browsing, "n => n === wanted", len(mine))
    assert len(mine) < every_events
    expect(page.locator(".jl-item")).to_have_count(len(shown_at(t, source)))
    assert [_counter(page, k) for k in range(4)] == every
    assert "src=" + source in browsing.address()
    browsing.assert_clean()


def test_the_source_choice_is_made_in_the_page_and_kept_in_the_link(app_server, browsing):
    _open(browsing, app_server.url, LAPTOP, "en", "t=2023-01-09T23:00")
    page = browsing.page
    before = int(browsing.drawn("events"))
    box = page.get_by_label("Sources", exact=True)
    box.click()
    page.keyboard.type("Pachamama Radio, date not shown — The north")
    page.keyboard.press("Enter")
    browsing.wait_for_address("src=pachamama_norte")
    page.get_by_text("Shown: only the", exact=False).wait_for()
    _wait_events(browsing, "n => n < wanted", before)
    browsing.assert_clean()


# --- what was reported by then ---------------------------------------------------------------------------------

REPORTED = {  # the Defensoría's and the ministry's counts as the press gave them, by hour (docs/data.md)
    ("en", 15): "9 killed (Defensoría del Pueblo)",
    ("en", 18): "14 killed (Ministry of Health; Defensoría del Pueblo)",
    ("en", 21): "17 killed (Defensoría del Pueblo)",
    ("es", 15): "9 muertos (Defensoría del Pueblo)",
    ("es", 18): "14 muertos (Ministerio de Salud; Defensoría del Pueblo)",
    ("es", 21): "17 muertos (Defensoría del Pueblo)",
}


@pytest.mark.parametrize("size, lang", TWO)
def test_the_figures_reported_by_then_follow_the_time_under_the_counters(app_server, browsing, size, lang):
    _open(browsing, app_server.url, size, lang, "t=2023-01-09T13:00")
    page = browsing.page
    reported = page.locator(".jt-reported")
    expect(reported).to_be_hidden()  # nothing reported yet at 13:00
    page.locator(".jt-slider").focus()
    hour = 13
    for target in (15, 18, 21):
        while hour < target:
            page.keyboard.press("ArrowRight")
            hour += 1
        browsing.wait_for_map(hour_steps()[hour].isoformat())
        expect(reported).to_contain_text(REPORTED[(lang, hour)])
        assert reported.inner_text().startswith(text(lang, "reported_line", parts=""))
    browsing.assert_clean()


# --- the credit line of a snapshot ---------------------------------------------------------------------------


@pytest.mark.parametrize("size, lang", TWO)
def test_a_snapshots_credit_line_names_exactly_the_outlets_of_the_events_shown(
    chromium, index, data, tmp_path, size, lang
):
    options = PageOptions(lang=lang, step=12, snapshot=True, view="region")
    path = tmp_path / "snapshot.html"
    path.write_text(build_page(index, data.places, options), encoding="utf-8")
    page = chromium.new_page(viewport={"width": size[0], "height": size[1]})
    page.goto(path.as_uri())
    for hour in (12, 18, 23):
        t = hour_steps()[hour]
        page.evaluate("key => { location.hash = 't=' + key; }", f"2023-01-09T{hour:02d}:00")
        page.wait_for_function("t => document.querySelector('#map').dataset.t === t", arg=t.isoformat())
        credit = page.locator("#credit").inner_text()
        sources = credit.split(" · ")[0]
        names, more = named_in(sources, lang)
        weights = expected_outlets(t)
        assert len(names) + more == len(weights) and set(names) <= set(weights), (hour, names, more, len(weights))
        assert names == sorted(weights, key=lambda p: (-weights[p], p.casefold()))[: len(names)]
        assert "CC BY-SA 4.0" in credit and "GeoNames (CC BY 4.0)" in credit and "Natural Earth" in credit
        box = page.locator("#credit").bounding_box()
        assert box["y"] + box["height"] <= size[1], "the credit line is in the picture"
    page.close()


def test_a_snapshot_of_one_source_credits_only_the_sources_of_its_events(chromium, index, data, tmp_path):
    source = "pachamama_norte"
    options = PageOptions(step=23, snapshot=True, source=source)
    path = tmp_path / "snapshot.html"
    path.write_text(build_page(index, data.places, options), encoding="utf-8")
    page = chromium.new_page(viewport={"width": LAPTOP[0], "height": LAPTOP[1]})
    page.goto(path.as_uri())
    t = hour_steps()[23]
    page.wait_for_function("t => document.querySelector('#map').dataset.t === t", arg=t.isoformat())
    names, more = named_in(page.locator("#credit").inner_text().split(" · ")[0])
    weights = expected_outlets(t, source)
    assert len(names) + more == len(weights) and "Pachamama Radio" in names
    mapped = [e for e in shown_at(t, source) if e["place_id"]]
    assert int(page.evaluate("() => document.querySelector('#map').dataset.events")) == len(mapped)
    page.close()
