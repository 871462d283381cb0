"""The time model: steps, reveal rules by precision, state at the boundaries, marches, the toll."""

from __future__ import annotations

import itertools
import re

import geopandas as gpd
import pandas as pd
import pytest
from shapely.geometry import Point

from geo.data.vocab import COUNT_COLUMNS, EVENT_COLUMNS
from geo.model.timeline import (
    HOUR,
    MARCH_LEAD,
    context_steps,
    hour_steps,
    index_events,
    lima_time,
    march_progress,
    new_since,
    reveal_times,
    state_at,
    toll_start,
)


def _events(*rows: dict) -> pd.DataFrame:
    """A minimal typed events frame: each row gives id, start and time_precision at least."""
    base = {c: "" for c in EVENT_COLUMNS}
    frame = pd.DataFrame([{**base, "category": "protest", **r} for r in rows])
    frame["start"] = frame["start"].map(lima_time)
    for col in COUNT_COLUMNS:
        frame[col] = pd.array([r.get(col) for r in rows], dtype="Int64")
    return frame


def _places() -> gpd.GeoDataFrame:
    return gpd.GeoDataFrame(
        {"id": ["here", "far"], "role": ["site", "context"]},
        geometry=[Point(-70.1, -15.5), Point(-77.0, -12.0)],
        crs="EPSG:4326",
    ).set_index("id")


def test_hour_steps_cover_9_january_in_lima_time():
    steps = hour_steps()
    assert len(steps) == 24
    assert steps[0] == pd.Timestamp("2023-01-09T00:00-05:00")
    assert steps[-1] == pd.Timestamp("2023-01-09T23:00-05:00")
    assert all(b - a == HOUR for a, b in itertools.pairwise(steps))
    assert all(str(s.tz) == "America/Lima" for s in steps)


def test_context_steps_run_daily_then_monthly_to_june_2023():
    steps = context_steps()
    assert steps[0] == pd.Timestamp("2022-12-07T23:00-05:00")
    assert pd.Timestamp("2023-01-09T23:00-05:00") in steps
    assert steps[-1] == pd.Timestamp("2023-06-30T23:00-05:00")
    assert pd.Timestamp("2023-03-31T23:00-05:00") in steps
    assert all(a < b for a, b in itertools.pairwise(steps))


@pytest.mark.parametrize(
    "precision, start, revealed",
    [
        ("minute", "2023-01-09T17:20", "2023-01-09T17:20"),
        ("hour", "2023-01-09T14:00", "2023-01-09T14:00"),
        ("part_of_day", "2023-01-09T18:00", "2023-01-09T18:00"),
        ("day", "2023-01-09T00:00", "2023-01-09T23:00"),
        ("month", "2023-03-01T00:00", "2023-03-31T23:00"),
        ("month", "2023-02-01T00:00", "2023-02-28T23:00"),
        ("undated", "2023-01-09T00:00", "2023-01-10T23:00"),
    ],
)
def test_reveal_time_follows_precision(precision, start, revealed):
    events = _events({"id": "e", "start": start, "time_precision": precision})
    assert reveal_times(events).iloc[0] == lima_time(revealed)


def test_an_event_exactly_on_a_step_is_shown_and_new_at_that_step_only():
    index = index_events(_events({"id": "e", "start": "2023-01-09T14:00", "time_precision": "hour"}), _places())
    before, on, after = (
        state_at(index, lima_time(t)) for t in ("2023-01-09T13:00", "2023-01-09T14:00", "2023-01-09T15:00")
    )
    assert list(before.visible["id"]) == [] and before.new_ids == frozenset()
    assert list(on.visible["id"]) == ["e"] and on.new_ids == {"e"}
    assert list(after.visible["id"]) == ["e"] and after.new_ids == frozenset()


def test_a_minute_between_steps_is_new_at_the_next_step():
    index = index_events(_events({"id": "e", "start": "2023-01-09T17:20", "time_precision": "minute"}), _places())
    assert state_at(index, lima_time("2023-01-09T17:00")).visible.empty
    assert state_at(index, lima_time("2023-01-09T18:00")).new_ids == {"e"}


def test_first_and_last_hour(index):
    first, last = hour_steps()[0], hour_steps()[-1]
    at_first, at_last = state_at(index, first), state_at(index, last)
    assert (at_first.visible["start"] < lima_time("2023-01-09T00:00:01")).all()
    assert at_first.totals["civilians_killed"] == 0
    assert len(at_last.visible) > len(at_first.visible)
    assert (at_last.visible["reveal"] <= last).all()


def test_day_scale_step_counts_new_events_of_that_day(index):
    state = state_at(index, lima_time("2023-01-09T23:00"), new_from=new_since(lima_time("2023-01-09T23:00"), "day"))
    new = index.events[index.events["id"].isin(state.new_ids)]
    assert len(new) > 10
    assert (new["reveal"] > lima_time("2023-01-08T23:00")).all()


def test_category_filter_hides_events_but_not_the_toll(index):
    t = lima_time("2023-01-09T20:00")
    everything = state_at(index, t)
    only_marches = state_at(index, t, categories=frozenset({"march"}))
    nothing = state_at(index, t, categories=frozenset())
    assert set(only_marches.visible["category"]) == {"march"}
    assert nothing.visible.empty and nothing.marches == () and nothing.new_ids == frozenset()
    assert only_marches.totals == everything.totals == nothing.totals


def test_context_places_are_left_out_of_the_toll():
    events = _events(
        {"id": "a", "start": "2023-01-09T10:00", "time_precision": "hour", "place_id": "here", "civilians_killed": 2},
        {"id": "b", "start": "2023-01-09T10:00", "time_precision": "hour", "place_id": "far", "civilians_killed": 10},
        {"id": "c", "start": "2023-01-09T11:00", "time_precision": "hour", "place_id": "", "police_injured": 1},
    )
    state = state_at(index_events(events, _places()), lima_time("2023-01-09T12:00"))
    assert state.totals == {"civilians_killed": 2, "civilians_injured": 0, "police_killed": 0, "police_injured": 1}


@pytest.mark.parametrize("hours_after_draw_start, progress", [(-1, 0.0), (0, 0.0), (3, 0.5), (6, 1.0), (9, 1.0)])
def test_march_progress_grows_over_the_lead_then_stays_complete(hours_after_draw_start, progress):
    arrive = lima_time("2023-01-09T12:00")
    t = arrive - MARCH_LEAD + hours_after_draw_start * HOUR
    assert march_progress(arrive - MARCH_LEAD, arrive, t) == pytest.approx(progress)


def test_marches_grow_through_the_morning(index):
    progress = [dict(state_at(index, t).marches).get("march_azangaro", 0.0) for t in hour_steps()]
    assert progress[6] == 0.0 and 0 < progress[9] < 1 and progress[12] == 1.0
    assert progress == sorted(progress)
    assert len(state_at(index, hour_steps()[12]).marches) == 7


def test_totals_reconcile_with_the_source(index, source_text):
    total = int(re.search(r"In total, (\d+) civilians were killed", source_text).group(1))
    iachr = int(re.search(r"condemns the death of at least (\d+) people", source_text).group(1))
    assert state_at(index, lima_time("2023-01-09T23:00")).totals["civilians_killed"] == iachr
    assert state_at(index, lima_time("2023-01-12T23:00")).totals["civilians_killed"] == total
    assert state_at(index, context_steps()[-1]).totals["civilians_killed"] == total


def test_the_hourly_counters_count_9_january_only(index):
    """Issue 9: the EFE photojournalist shot on 7 January is not part of 9 January's toll."""
    for t in ("2023-01-09T06:00", "2023-01-09T13:00"):
        state = state_at(index, lima_time(t), toll_from=toll_start("hour"))
        assert state.totals == dict.fromkeys(COUNT_COLUMNS, 0), t
    before_the_day = state_at(index, lima_time("2023-01-08T23:00"))
    assert before_the_day.totals["civilians_injured"] >= 1  # the context scale counts it
