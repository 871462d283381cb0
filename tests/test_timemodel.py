"""The browser's time model (geo/web/app/timemodel.js) against Python's (geo.model.timeline.state_at) at 10,000
synthetic events, run by node on the bundle's arrays: which events are visible and the toll, with and without
a filter, at every step and on either side of events' reveal times. Then, in the exported page, what the map
draws in its grouped mode (above 3,000 events) and what the list counts, through a filter and a selection."""

from __future__ import annotations

import json
import random
import subprocess

import pandas as pd
import pytest

from geo.data.load import load_dataset
from geo.map import bundle
from geo.map.assets import APP_DIR
from geo.model.params import step_key, steps_for
from geo.model.timeline import epoch_ms, index_events, state_at, toll_start
from geo.output.export import PageOptions, build_page
from geo.text.events import LIST_LIMIT
from harness.browser import PAINTED
from harness.generate import generate

N_EVENTS = 10_000
FILTER = ["protest", "clash", "casualty"]
NODE_CHECK = """import { visibleAt, totalsAt } from "%s";
import { readFileSync } from "node:fs";
const {core, cases} = JSON.parse(readFileSync(0, "utf8"));
const answers = cases.map(([t, cats, tollFrom]) => [visibleAt(core, t, cats), totalsAt(core, t, tollFrom)]);
console.log(JSON.stringify(answers));"""


@pytest.fixture(scope="module")
def synthetic(tmp_path_factory):
    """10,000 generated events, indexed."""
    folder = generate(N_EVENTS, tmp_path_factory.mktemp("synthetic") / "data")
    data = load_dataset(folder, strict=True)
    return folder, data, index_events(data.events, data.places)


def times_to_check(index, count: int = 12) -> list[pd.Timestamp]:
    """Steps of both scales, and moments on either side of (and at) some events' reveal times."""
    reveals = sorted(set(index.events["reveal"]))
    picked = random.Random(9).sample(reveals, min(count, len(reveals)))
    edges = [t + pd.Timedelta(milliseconds=d) for t in picked for d in (-1, 0, 1)]
    return steps_for("hour")[::2] + steps_for("day")[::3] + edges


@pytest.mark.parametrize("cats", [None, FILTER], ids=["all", "filtered"])
def test_the_visible_set_and_the_toll_equal_python_at_steps_and_reveal_boundaries(synthetic, cats):
    _, data, index = synthetic
    core = bundle.core(index, data.places)
    categories = None if cats is None else frozenset(cats)
    cases, expected = [], []
    for scale in ("hour", "day"):
        toll_from = toll_start(scale)
        for t in times_to_check(index):
            state = state_at(index, t, categories=categories, toll_from=toll_from)
            cases.append([epoch_ms(t), cats, epoch_ms(toll_from)])
            expected.append((state.visible.index.tolist()[::-1], state.totals, t, scale))
    script = NODE_CHECK % (APP_DIR / "timemodel.js").as_uri()
    done = subprocess.run(
        ["node", "--input-type=module", "-e", script],
        input=json.dumps({"core": core, "cases": cases}),
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.returncode == 0, done.stderr
    for (positions, totals), (want_positions, want_totals, t, scale) in zip(
        json.loads(done.stdout), expected, strict=True
    ):
        assert positions == want_positions, f"visible set differs at {t} ({scale}, {cats})"
        assert totals == want_totals, f"toll differs at {t} ({scale})"


def _page(chromium, folder, data, index, **options):
    page_file = folder.parent / f"index-{len(options)}.html"
    page_file.write_text(
        build_page(index, data.places, PageOptions(base="offline", scale="day", step=0, **options)), encoding="utf-8"
    )
    page = chromium.new_page(viewport={"width": 1200, "height": 800})
    errors = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    page.goto(page_file.as_uri())
    page.wait_for_function(PAINTED, arg=None)
    return page, errors


def _show(page, t: pd.Timestamp) -> dict:
    """Step `t` by a link within the page, once drawn: what the map and the list say."""
    page.evaluate("k => { location.hash = 't=' + k; }", step_key(t, "day"))
    page.wait_for_function(PAINTED, arg=t.isoformat())
    return page.evaluate("""() => { const m = document.querySelector('.jm-map').dataset;
        return {events: Number(m.events), places: Number(m.markers)}; }""")


@pytest.mark.browser
@pytest.mark.parametrize("cats", [None, FILTER], ids=["all", "filtered"])
def test_the_grouped_map_and_the_list_show_what_python_shows(chromium, synthetic, cats):
    folder, data, index = synthetic
    assert len(index.events) > 3000  # the map gathers events per place above this
    categories = None if cats is None else frozenset(cats)
    page, errors = _page(chromium, folder, data, index, **({} if cats is None else {"categories": categories}))
    known = index.events["place_id"].isin(data.places.index)
    days = steps_for("day")
    for t in [*days[1::6], days[-1], days[5]]:
        state = state_at(index, t, categories=categories)
        drawn = _show(page, t)
        visible = state.visible[known.reindex(state.visible.index)]
        assert drawn["events"] == len(visible), f"map at {t}, {cats}"
        assert drawn["places"] == visible["place_id"].nunique()
        page.wait_for_function(
            "n => document.querySelector('.jl-heading').textContent.includes('(' + n + ')')", arg=len(state.visible)
        )
        assert page.locator(".jl-item").count() == min(len(state.visible), LIST_LIMIT)
    page.locator(".jl-item input").first.check()  # a selection: the newest event, in the list and on the map
    page.locator(".jl-details .jm-popup-title").wait_for()
    assert _show(page, days[2])["events"] == int(
        known.reindex(state_at(index, days[2], categories=categories).visible.index).sum()
    )
    assert errors == []
    page.close()
