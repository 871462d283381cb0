"""The browser's time model (geo/web/timemodel.js) against Python's (geo.model.timeline.state_at), on the
exported page at 10,000 synthetic events: which events are visible, the toll, and what the map draws
in its grouped mode (above 3,000 events), with and without a filter and a selected event, at every
step and on either side of events' reveal times."""

from __future__ import annotations

import random

import pandas as pd
import pytest

from harness.generate import generate
from geo.data.load import load_dataset
from geo.model.params import steps_for
from geo.model.timeline import index_events, state_at, toll_start
from geo.output.export import PageOptions, build_page
from geo.text.events import LIST_LIMIT

pytestmark = pytest.mark.browser

N_EVENTS = 10_000
FILTER = ["protest", "clash", "casualty"]


@pytest.fixture(scope="module")
def synthetic(tmp_path_factory):
    """10,000 generated events, indexed, and the exported page of them, opened in Chromium."""
    folder = generate(N_EVENTS, tmp_path_factory.mktemp("synthetic") / "data")
    data = load_dataset(folder, strict=True)
    index = index_events(data.events, data.places, data.record)
    page_file = folder.parent / "index.html"
    page_file.write_text(build_page(index, data.places, PageOptions(base="offline", scale="day", step=0)),
                         encoding="utf-8")
    return index, page_file, index.events["place_id"].isin(data.places.index)


@pytest.fixture
def exported(chromium, synthetic):
    """The exported page of the synthetic data, loaded, with page errors collected."""
    index, page_file, known = synthetic
    page = chromium.new_page(viewport={"width": 1200, "height": 800})
    errors = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    page.goto(page_file.as_uri())
    page.wait_for_function("() => window.JuliacaMap && JuliacaMap.lastStep")
    yield index, page, errors, known
    page.close()


def _ms(t: pd.Timestamp) -> int:
    return int(t.value // 1_000_000)


def times_to_check(index, count: int = 12) -> list[pd.Timestamp]:
    """Steps of both scales, and moments on either side of (and at) some events' reveal times."""
    reveals = sorted(set(index.events["reveal"]))
    picked = random.Random(9).sample(reveals, min(count, len(reveals)))
    edges = [t + pd.Timedelta(milliseconds=d) for t in picked for d in (-1, 0, 1)]
    return steps_for("hour")[::2] + steps_for("day")[::3] + edges


BROWSER_STATE = """([t, cats, tollFrom]) => ({
    positions: JuliacaTime.visibleAt(JULIACA_PAGE.core, t, cats),
    totals: JuliacaTime.totalsAt(JULIACA_PAGE.core, t, tollFrom)})"""


@pytest.mark.parametrize("cats", [None, FILTER], ids=["all", "filtered"])
def test_the_visible_set_and_the_toll_equal_python_at_steps_and_reveal_boundaries(exported, cats):
    index, page, errors, _ = exported
    assert page.evaluate("() => JULIACA_PAGE.core.ids") == index.events["id"].tolist()  # the same order
    categories = None if cats is None else frozenset(cats)
    for scale in ("hour", "day"):
        toll_from = toll_start(scale)
        for t in times_to_check(index):
            state = state_at(index, t, categories=categories, toll_from=toll_from)
            got = page.evaluate(BROWSER_STATE, [_ms(t), cats, None if toll_from is None else _ms(toll_from)])
            assert got["positions"] == state.visible.index.tolist()[::-1], f"visible set differs at {t} ({scale}, {cats})"
            assert got["totals"] == state.totals, f"toll differs at {t} ({scale})"
    assert errors == []


DRAW = """([t, cats, selected]) => { JuliacaMap.drawStep(null, {t: t, iso: String(t), newFrom: t - 86400000,
    cats: cats, selected: selected}); return {events: JuliacaMap.lastStep.events, places: JuliacaMap.lastStep.markers}; }"""


def test_the_grouped_map_draws_what_python_shows_through_a_filter_change_and_a_selection(exported):
    index, page, errors, known = exported
    assert index.events.shape[0] > 3000  # the map gathers events per place above this
    path = [(t, None, None) for t in steps_for("day")[::4]]
    middle = steps_for("day")[30]
    chosen = state_at(index, middle).visible.iloc[-1]["id"]
    path += [(middle, FILTER, None), (middle, None, chosen), (steps_for("day")[2], FILTER, chosen),
             (steps_for("day")[-1], FILTER, None), (steps_for("day")[5], None, None)]
    for t, cats, selected in path:
        state = state_at(index, t, categories=None if cats is None else frozenset(cats))
        drawn = page.evaluate(DRAW, [_ms(t), cats, selected])
        visible = state.visible[known.reindex(state.visible.index)]
        assert drawn["events"] == len(visible), f"map at {t}, {cats}, selected {selected}"
        assert drawn["places"] == visible["place_id"].nunique()
    assert errors == []


def test_the_exported_list_counts_what_python_shows(exported):
    index, page, errors, _ = exported
    for i in (0, 20, 40, len(steps_for("day")) - 1):
        page.evaluate("i => JuliacaPage.show(i)", i)
        n = len(state_at(index, steps_for("day")[i]).visible)
        assert f"({n})" in page.locator("#list-heading").inner_text()
        assert page.locator("#events li").count() == min(n, LIST_LIMIT)
    assert errors == []
