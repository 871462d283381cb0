"""At scale: generated datasets validate at every N, and the time index agrees with a full scan."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from geo.data.load import load_dataset
from geo.data.vocab import COUNT_COLUMNS
from geo.model.timeline import DAY, HOUR, context_steps, hour_steps, index_events, reveal_times, state_at
from harness.generate import generate


@pytest.fixture(scope="module")
def generated(tmp_path_factory):
    """10,000 synthetic events, loaded strictly."""
    folder = generate(10_000, tmp_path_factory.mktemp("gen") / "data")
    return load_dataset(folder, strict=True)


@pytest.mark.parametrize("count", [1_000, 10_000, 100_000])
def test_generated_data_passes_the_validator(tmp_path, count, generated):
    data = generated if count == 10_000 else load_dataset(generate(count, tmp_path / "data"), strict=True)
    assert len(data.events) == count
    assert data.events["place_id"].eq("").mean() < 0.1
    assert data.events.groupby("place_id").size().max() > 20, "some places must share many events"
    assert data.events["category"].nunique() >= 10 and data.events["time_precision"].nunique() >= 5


def _full_scan(events: pd.DataFrame, places, t: pd.Timestamp, step: pd.Timedelta, categories=None):
    """The slow, obvious answer: test every event against the rules."""
    reveal = reveal_times(events)
    visible = events[reveal <= t]
    new = events[(reveal > t - step) & (reveal <= t)]
    if categories is not None:
        visible = visible[visible["category"].isin(categories)]
        new = new[new["category"].isin(categories)]
    context = set(places.index[places["role"] == "context"])
    toll = events[(reveal <= t) & ~events["place_id"].isin(context)]
    totals = {c: int(toll[c].fillna(0).sum()) for c in COUNT_COLUMNS}
    return set(visible["id"]), set(new["id"]), totals


def _boundaries(events: pd.DataFrame) -> list[pd.Timestamp]:
    """Steps of both scales, and the exact reveal times of some events, and a millisecond either side."""
    reveal = reveal_times(events).sort_values()
    picks = [reveal.iloc[k] for k in np.linspace(0, len(reveal) - 1, 7).astype(int)]
    near = [
        t + d for t in picks for d in (pd.Timedelta(0), pd.Timedelta(milliseconds=1), -pd.Timedelta(milliseconds=1))
    ]
    return hour_steps()[::5] + context_steps()[::9] + near


def test_the_index_agrees_with_a_full_scan(generated):
    index = index_events(generated.events, generated.places)
    for t in _boundaries(generated.events):
        for step in (HOUR, DAY):
            state = state_at(index, t, new_from=t - step)
            visible, new, totals = _full_scan(generated.events, generated.places, t, step)
            assert set(state.visible["id"]) == visible, t
            assert state.new_ids == new, t
            assert state.totals == totals, t


def test_the_index_agrees_with_a_full_scan_under_a_filter(generated):
    index = index_events(generated.events, generated.places)
    categories = frozenset({"protest", "shooting"})
    for t in _boundaries(generated.events)[::3]:
        state = state_at(index, t, categories=categories)
        visible, new, totals = _full_scan(generated.events, generated.places, t, HOUR, categories)
        assert set(state.visible["id"]) == visible and state.new_ids == new and state.totals == totals
