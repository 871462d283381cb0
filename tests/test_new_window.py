""" "New" on every scale (issue 21): an event is new at a step when it appears there, that is when it is
revealed after the step before and by this one, whatever a step spans (an hour, a day, a whole month).

The oracle does not use the code's window: what is new at step i is what is visible at step i and was
not visible at step i - 1, each visible set found by scanning every event's reveal time. It is checked
where the visitor meets it: the steps the browser is given (its `newFrom`, in the app and in the
exported page), the list's "new" badge, and the alt text.
"""

from __future__ import annotations

import itertools

import pandas as pd
import pytest

from geo.data.load import load_dataset
from geo.map.steps import explore_steps
from geo.model.params import steps_for
from geo.model.timeline import SCALES, index_events, reveal_times
from geo.output.export import PageOptions, page_data
from geo.text.describe import describe_moment
from harness.generate import generate

MARCH = pd.Timestamp("2023-03-31T23:00", tz="America/Lima")


def _visible(events: pd.DataFrame, reveal: pd.Series, t: pd.Timestamp) -> set[str]:
    return set(events.loc[reveal <= t, "id"])


def _appeared(events: pd.DataFrame) -> dict[str, list[set[str]]]:
    """Per scale, per step from the second: the ids visible there and not at the step before."""
    reveal = reveal_times(events)
    out = {}
    for scale in SCALES:
        shown = [_visible(events, reveal, t) for t in steps_for(scale)]
        out[scale] = [now - before for before, now in itertools.pairwise(shown)]
    return out


def _ms(times: pd.Series) -> pd.Series:
    """Epoch milliseconds, as the browser is given times (whatever unit pandas chose)."""
    return times.dt.as_unit("ms").astype("int64")


def _new_in_window(events: pd.DataFrame, reveal_ms: pd.Series, step: dict) -> set[str]:
    """What the browser marks new at `step`: revealed in (newFrom, t]."""
    told = step["map"]  # what the map is told at this step (geo.map.steps.step_message)
    return set(events.loc[(reveal_ms > told["newFrom"]) & (reveal_ms <= told["t"]), "id"])


@pytest.fixture(scope="module")
def generated(tmp_path_factory):
    """2,000 synthetic events over the whole span, of every time precision (month ones among them)."""
    return load_dataset(generate(2_000, tmp_path_factory.mktemp("new") / "data"), strict=True)


@pytest.mark.parametrize("which", ["bundled", "generated"])
@pytest.mark.parametrize("scale", SCALES)
def test_the_browser_is_told_what_appeared_since_the_step_before(data, generated, which, scale):
    events = data.events if which == "bundled" else generated.events
    reveal_ms = _ms(reveal_times(events))
    expected = _appeared(events)[scale]
    steps = explore_steps(scale, "en")
    wrong = [
        step["key"]
        for step, appeared in zip(steps[1:], expected, strict=True)
        if _new_in_window(events, reveal_ms, step) != appeared
    ]
    assert wrong == [], f"steps whose new events are not what appeared since the step before: {wrong}"


def test_the_exported_page_is_told_the_same(data):
    index = index_events(data.events, data.places)
    events = index.events
    reveal_ms = _ms(events["reveal"])
    for scale in SCALES:
        steps = page_data(index, data.places, PageOptions())["scales"][scale]["en"]
        expected = _appeared(data.events)[scale]
        assert [_new_in_window(events, reveal_ms, s) for s in steps[1:]] == expected, scale


def test_an_event_of_mid_march_is_new_on_the_march_step(data):
    """`pnp_generals_reassigned` (19 March, day precision) was never highlighted, badged or named."""
    index = index_events(data.events, data.places, data.record)
    (march,) = [s for s in explore_steps("day", "en") if s["key"] == "2023-03"]
    reveal_ms = _ms(index.events["reveal"])
    assert "pnp_generals_reassigned" in _new_in_window(index.events, reveal_ms, march)
    alt = describe_moment(index, data.places, MARCH, scale="day", lang="en")
    new = alt.split("New in this step: ")[1].split(". ")[0]
    assert "Police generals in charge of the response are reassigned" in new, alt
