"""WCAG 2.2 AA with axe-core, in every frame (the map is an iframe), in English and Spanish.

Each case opens one state of the app or of the exported page; the test injects axe into every frame,
fails on any serious or critical violation and prints what axe could not decide (`incomplete`, such
as contrast over map tiles) for a person to review; the full reports go to test-artifacts/a11y/.
To add a case, add a row to CASES.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import pytest

from geo.output.export import PageOptions, export_site
from geo.text.i18n import text
from harness.axe import axe_source, check_every_frame, describe, save
from harness.browser import MAP_IFRAME, ROOT

pytestmark = pytest.mark.browser

CORPUS = Path(__file__).resolve().parent / "corpus"
LANGS = ("en", "es")


@dataclass(frozen=True)
class Opened:
    """What a case needs: the browsing session, the app's address, the language, a scratch folder, the data."""

    browsing: object
    url: str
    lang: str
    tmp_path: Path
    data: object
    index: object


def _app(query: str, t_iso: str | None) -> Callable[[Opened], None]:
    """Open the app at `?{query}&lang=…` and wait until the map has drawn `t_iso` and the run is over."""

    def open_app(o: Opened) -> None:
        o.browsing.page.goto(f"{o.url}/?{query}&lang={o.lang}")
        o.browsing.wait_for_map(t_iso)
        _wait_until_idle(o.browsing.page)

    return open_app


def _upload(o: Opened) -> None:
    """An ACLED file with good and refused rows: the map, the summary and the table of refused rows."""
    page = o.browsing.page
    page.goto(f"{o.url}/?base=offline&lang={o.lang}")
    o.browsing.wait_for_map()
    _wait_until_idle(page)
    page.get_by_text(text(o.lang, "upload_heading")).click()
    page.get_by_text(text(o.lang, "upload_format_acled"), exact=True).click()
    page.locator("input[type=file]").first.set_input_files(str(CORPUS / "acled_bad_coordinates.csv"))
    page.get_by_role("button", name=text(o.lang, "upload_use")).click()
    page.locator('[data-testid="stDataFrame"]').wait_for()
    _wait_until_idle(page)
    o.browsing.wait_for_map("2023-06-30T23:00:00-05:00")  # the new data made a new map iframe: found afresh


def _exported(o: Opened) -> None:
    """The self-contained page, from file://, at 17:00."""
    page_file = export_site(o.index, o.data.places, o.tmp_path / "site", PageOptions(lang=o.lang, step=17))
    page = o.browsing.page
    page.goto(page_file.as_uri())
    page.wait_for_function(
        "() => { const m = document.querySelector('.jm-map');"
        " return m && m.dataset.paintedAt && m.dataset.context === '4'; }"
    )


def _wait_until_idle(page) -> None:
    """Streamlit has finished its run: no status widget, no stale (faded) element."""
    page.wait_for_function(
        "() => !document.querySelector('[data-testid=\"stStatusWidget\"]')"
        " && !document.querySelector('[data-stale=\"true\"]')",
        timeout=60_000,
    )


# name: how to open it. Every case runs in each language.
CASES: dict[str, Callable[[Opened], None]] = {
    "app-0600": _app("t=2023-01-09T06:00&base=offline", "2023-01-09T06:00:00-05:00"),
    "app-1700": _app("t=2023-01-09T17:00&base=offline", "2023-01-09T17:00:00-05:00"),
    "app-1700-tiles-unreachable": _app("t=2023-01-09T17:00&base=osm", "2023-01-09T17:00:00-05:00"),
    "app-context-scale": _app("t=2023-01-12&base=offline", "2023-01-12T23:00:00-05:00"),
    "classroom": _app("mode=present&moment=5&base=offline", "2023-01-09T18:00:00-05:00"),
    "upload": _upload,
    "exported-page": _exported,
}


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("case", list(CASES))
def test_no_serious_or_critical_axe_violation_in_any_frame(case, lang, app_server, browsing, tmp_path, data, index):
    source = axe_source()
    CASES[case](Opened(browsing, app_server.url, lang, tmp_path, data, index))
    reports = check_every_frame(browsing.page, source)
    save(reports, ROOT / "test-artifacts" / "a11y" / f"{case}-{lang}.json")
    if case != "exported-page":
        map_url = browsing.page.locator(MAP_IFRAME).element_handle().content_frame().url
        assert map_url in [r.url for r in reports], "axe did not run inside the map's iframe"
    print(
        f"\n{case} ({lang}), axe {reports[0].version}, {len(reports)} frame(s); for review (incomplete):\n"
        + (describe(reports, "incomplete") or "    none")
    )
    failing = describe(reports, "failing")
    assert not failing, f"serious or critical violations:\n{failing}"
    browsing.assert_clean()


@pytest.mark.parametrize("lang", LANGS)
def test_markers_are_named_24_px_targets_fanned_apart_and_not_tab_stops(chromium, index, data, tmp_path, lang):
    from geo.model.timeline import hour_steps, state_at
    from geo.text.events import event_texts

    page_file = export_site(index, data.places, tmp_path / "site", PageOptions(lang=lang, view="airport", step=18))
    page = chromium.new_page(viewport={"width": 1200, "height": 800})
    page.goto(page_file.as_uri())
    page.wait_for_function("() => { const m = document.querySelector('.jm-map'); return m && m.dataset.paintedAt; }")
    icons = page.evaluate("""() => [...document.querySelectorAll('.jm-icon')].map((e) => {
        const r = e.getBoundingClientRect();
        return {label: e.getAttribute('aria-label'), role: e.getAttribute('role'), tabindex: e.getAttribute('tabindex'),
                box: [r.left, r.top, r.width, r.height]}; })""")
    visible = state_at(index, hour_steps()[18]).visible
    mapped = visible[visible["place_id"] != ""]
    texts = event_texts(mapped, data.places, lang)
    differ = {r.event_id for r in data.record.readings}  # the name says so where the badge does (issue 20)
    marks = [text(lang, "sources_differ_badge") if e in differ else None for e in mapped["id"]]
    expected = sorted(
        ", ".join(filter(None, parts))
        for parts in zip(texts["title"], texts["time"], texts["place"], marks, strict=True)
    )
    assert sorted(i["label"] for i in icons) == expected
    assert {(i["role"], i["tabindex"]) for i in icons} == {("button", "-1")}
    assert min(min(i["box"][2], i["box"][3]) for i in icons) >= 24
    boxes = [i["box"] for i in icons]
    overlapping = [
        (a, b)
        for k, a in enumerate(boxes)
        for b in boxes[k + 1 :]
        if a[0] < b[0] + b[2] and b[0] < a[0] + a[2] and a[1] < b[1] + b[3] and b[1] < a[1] + a[3]
    ]
    assert overlapping == [], "symbols at one place must fan out without overlapping hit areas"
    page.close()
