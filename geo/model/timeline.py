"""The time model: the slider's steps, when each event is shown, and the state of the map at time t.

Every rule is a pure function of its arguments. Times are timezone-aware, in Lima time (UTC-5).

When an event is shown ("revealed") depends on how precisely the source dates it:

==============  ==========================================================================
precision       revealed at
==============  ==========================================================================
minute, hour    its `start` ("at 17:20", "around 14:00")
part_of_day     its `start`, the earliest time the source allows ("that night" = 18:00,
                "the following morning" = 06:00, "then", after a known time = that time)
day             23:00 of that day, the last hourly step: the source says only that it
                happened that day, so it is never shown before it could have happened
month           23:00 on the last day of that month
undated         23:00 on the day after `start` (the day of the events it concerns): the
                source reports it without a date, after those events
==============  ==========================================================================

A step at time t shows every event revealed at or before t; the events revealed since the step
before, in (previous step, t], are "new" in that step: the hour, the day or, for the month steps of
February to June 2023, the whole month it stands for (`new_since`, issue 21). Marches are drawn from
`MARCH_LEAD` before their arrival (their `start`) and grow along a schematic line until they arrive: a
drawing rule, not data.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from functools import cached_property, lru_cache
from typing import Literal, get_args

import geopandas as gpd
import numpy as np
import pandas as pd

from geo.data.record import SEED, Record
from geo.data.vocab import COUNT_COLUMNS

LIMA = "America/Lima"
DAY_OF_MASSACRE = date(2023, 1, 9)
CONTEXT_FIRST_DAY = date(2022, 12, 7)
CONTEXT_LAST_DAILY = date(2023, 1, 31)
CONTEXT_LAST_MONTH = date(2023, 6, 30)
HOUR = pd.Timedelta(hours=1)
DAY = pd.Timedelta(days=1)
# The slider's two scales: 9 January hour by hour, or the context day by day (and month by month).
Scale = Literal["hour", "day"]
SCALES: tuple[Scale, ...] = get_args(Scale)
MARCH_LEAD = pd.Timedelta(hours=6)
_LAST_HOUR = pd.Timedelta(hours=23)


def epoch_ms(t: pd.Timestamp | None) -> int | None:
    """Milliseconds since the Unix epoch, as the browser counts time (None stays None).

    >>> epoch_ms(pd.Timestamp("2023-01-09T18:00-05:00"))
    1673305200000
    """
    return None if t is None else int(t.value // 1_000_000)


def lima_time(value: str | date) -> pd.Timestamp:
    """A timestamp in Lima time; naive values are taken as Lima time.

    >>> lima_time("2023-01-09T17:00")
    Timestamp('2023-01-09 17:00:00-0500', tz='America/Lima')
    """
    ts = pd.Timestamp(value)
    return ts.tz_localize(LIMA) if ts.tzinfo is None else ts.tz_convert(LIMA)


def hour_steps(day: date = DAY_OF_MASSACRE) -> list[pd.Timestamp]:
    """The 24 hourly steps of `day`: 00:00, 01:00 ... 23:00, Lima time."""
    first = lima_time(day)
    return [first + h * HOUR for h in range(24)]


def context_steps() -> list[pd.Timestamp]:
    """The coarse scale: one step a day from 7 Dec 2022 to 31 Jan 2023, then one a month to June 2023.

    Each step stands at 23:00, the end of its day (or of its month's last day), so that it
    shows everything that day (or month) holds.
    """
    days = pd.date_range(CONTEXT_FIRST_DAY, CONTEXT_LAST_DAILY, freq="D", tz=LIMA)
    months = pd.date_range(CONTEXT_LAST_DAILY + pd.Timedelta(days=1), CONTEXT_LAST_MONTH, freq="ME", tz=LIMA)
    return [d + _LAST_HOUR for d in days.append(months)]


def step_size(scale: Scale) -> pd.Timedelta:
    """The usual span of one step of `scale`: an hour, or a day (a month step spans its month: `new_since`)."""
    return HOUR if scale == "hour" else DAY


@lru_cache(maxsize=2)
def _steps_ns(scale: Scale) -> np.ndarray:
    steps = hour_steps() if scale == "hour" else context_steps()
    return np.array([t.value for t in steps], dtype=np.int64)


def new_since(t: pd.Timestamp, scale: Scale) -> pd.Timestamp:
    """Where the "new" window of the step at `t` opens: the step before it on `scale`. The events revealed
    in (new_since(t), t] are new at t: an hour's, a day's, or a whole month's for a month step (issue 21:
    a one-day window left the 19 March event never new). Before the first step: one usual step back.

    >>> new_since(lima_time("2023-03-31T23:00"), "day")
    Timestamp('2023-02-28 23:00:00-0500', tz='America/Lima')
    >>> new_since(lima_time("2023-01-09T17:00"), "hour")
    Timestamp('2023-01-09 16:00:00-0500', tz='America/Lima')
    """
    t = lima_time(t)
    steps = _steps_ns(scale)
    before = int(np.searchsorted(steps, t.value, side="left"))
    if before == 0:
        return t - step_size(scale)
    return pd.Timestamp(int(steps[before - 1]), tz="UTC").tz_convert(LIMA)


def is_month_step(t: pd.Timestamp) -> bool:
    """Whether a context step stands for a whole month (February to June 2023) rather than a day."""
    return bool(lima_time(t).date() > CONTEXT_LAST_DAILY)


def reveal_times(events: pd.DataFrame) -> pd.Series:
    """When each event is shown, by its `time_precision` (see the module's table)."""
    start = events["start"]
    day_start = start.dt.normalize()
    by_precision = {
        "day": day_start + _LAST_HOUR,
        "month": (day_start + pd.offsets.MonthEnd(0)) + _LAST_HOUR,
        "undated": day_start + DAY + _LAST_HOUR,
    }
    reveal = start.copy()
    for precision, when in by_precision.items():
        mask = events["time_precision"] == precision
        reveal[mask] = when[mask]
    return reveal


@dataclass(frozen=True)
class EventIndex:
    """Events sorted by reveal time, with running casualty totals, so that a step costs a binary search.

    Build it once per dataset with `index_events`; it is read-only afterwards.
    """

    events: pd.DataFrame  # sorted by `reveal`; has `reveal`, `in_toll` and `source_ids` columns
    reveal_ns: np.ndarray  # int64 nanoseconds of `events.reveal`, for searchsorted
    running_totals: np.ndarray  # shape (n + 1, 4): totals of COUNT_COLUMNS over the first k events
    marches: pd.DataFrame  # march rows with `draw_from` and `arrive`
    figures: pd.DataFrame = field(default_factory=pd.DataFrame)  # reported counts, by the order of their events
    record: Record = field(default_factory=Record)  # who says what (empty for an upload): see geo.data.record


def index_events(events: pd.DataFrame, places: gpd.GeoDataFrame, record: Record | None = None) -> EventIndex:
    """Sort events by reveal time and pre-compute the running totals of the toll.

    The toll counts every event except those at a `context` place (Ayacucho, Lima, Puno city):
    the counters are about Juliaca and the Puno region; Ayacucho's dead are shown on their own
    event, not added to them. Events with no known place count. With a `record`, each event also
    carries the ids of its sources (`source_ids`), and the counts reported through the day come along
    (`figures`, see `reported_at`).
    """
    frame = events.copy()
    frame["reveal"] = reveal_times(frame)
    context_ids = set(places.index[places["role"] == "context"])
    frame["in_toll"] = ~frame["place_id"].isin(context_ids)
    frame["source_ids"] = _source_ids(frame, record)
    frame = frame.sort_values(["reveal", "start"], kind="stable").reset_index(drop=True)
    counts = frame[list(COUNT_COLUMNS)].fillna(0).to_numpy(dtype=np.int64)
    counts[~frame["in_toll"].to_numpy()] = 0
    running = np.vstack([np.zeros((1, len(COUNT_COLUMNS)), dtype=np.int64), np.cumsum(counts, axis=0)])
    marches = frame[frame["category"] == "march"].copy()
    marches["arrive"] = marches["start"]
    marches["draw_from"] = marches["start"] - MARCH_LEAD
    return EventIndex(
        frame,
        frame["reveal"].to_numpy(dtype="datetime64[ns]").astype(np.int64),
        running,
        marches,
        _figures(frame, record),
        record or Record(),
    )


def _source_ids(events: pd.DataFrame, record: Record | None) -> list[tuple[str, ...]]:
    """Each event's sources, the seed first where it quotes it; without a record, none (an upload's own)."""
    if not record:
        return [()] * len(events)
    cited: dict[str, list[str]] = {}
    for citation in record.citations:
        if citation.role != "contradicts":
            cited.setdefault(citation.event_id, []).append(citation.source_id)
    return [tuple(sorted(cited.get(event_id, ()), key=lambda s: s != SEED)) for event_id in events["id"]]


def _figures(events: pd.DataFrame, record: Record | None) -> pd.DataFrame:
    """The reported counts with the position of their event in reveal order (`at`), oldest first."""
    columns = ["at", "event_id", "measure", "value", "qualifier", "said_by"]
    if not record or not record.figures:
        return pd.DataFrame(columns=columns)
    position = {event_id: k for k, event_id in enumerate(events["id"])}
    rows = [(position[f.event_id], f.event_id, f.measure, f.value, f.qualifier, f.said_by) for f in record.figures]
    return pd.DataFrame(rows, columns=columns).sort_values("at", kind="stable").reset_index(drop=True)


@dataclass(frozen=True)
class MapState:
    """What the map shows at `t`."""

    t: pd.Timestamp
    visible: pd.DataFrame  # revealed at or before t, category filter applied, oldest first
    new_ids: frozenset[str]  # revealed in (new_from, t]: see `new_since`
    totals: dict[str, int]  # COUNT_COLUMNS summed over the toll up to t (no filter)
    march_rows: pd.DataFrame = field(repr=False, default_factory=pd.DataFrame)  # the marches the filter keeps

    @cached_property
    def marches(self) -> tuple[tuple[str, float], ...]:
        """(event id, progress 0..1] for the marches drawn at t. Computed when asked: the browser draws
        the marches itself, so a step of the app does not pay for it."""
        return tuple(
            (row.id, progress)
            for row in self.march_rows.itertuples(index=False)
            if (progress := march_progress(row.draw_from, row.arrive, self.t)) > 0
        )


def march_progress(draw_from: pd.Timestamp, arrive: pd.Timestamp, t: pd.Timestamp) -> float:
    """How far along its schematic line a march is drawn at t: 0 before `draw_from`, 1 from `arrive`."""
    span = (arrive - draw_from) / pd.Timedelta(seconds=1)
    done = (t - draw_from) / pd.Timedelta(seconds=1)
    return float(min(max(done / span, 0.0), 1.0)) if span > 0 else float(t >= arrive)


def _count_revealed(index: EventIndex, t: pd.Timestamp) -> int:
    return int(np.searchsorted(index.reveal_ns, lima_time(t).value, side="right"))


def toll_start(scale: Scale) -> pd.Timestamp | None:
    """Where the counters start counting on `scale`: the hourly scale is about 9 January only, so it
    counts from its first minute (an injury on 7 January is not part of that day's toll); the
    context scale counts everything up to the step (None).

    >>> toll_start("hour")
    Timestamp('2023-01-09 00:00:00-0500', tz='America/Lima')
    >>> toll_start("day") is None
    True
    """
    return lima_time(DAY_OF_MASSACRE) if scale == "hour" else None


def _toll_base(index: EventIndex, toll_from: pd.Timestamp | None) -> int:
    """How many events were revealed strictly before `toll_from` (0 when counting from the start)."""
    if toll_from is None:
        return 0
    return int(np.searchsorted(index.reveal_ns, lima_time(toll_from).value, side="left"))


def state_at(
    index: EventIndex,
    t: pd.Timestamp,
    *,
    new_from: pd.Timestamp | None = None,
    categories: frozenset[str] | None = None,
    toll_from: pd.Timestamp | None = None,
    source: str | None = None,
) -> MapState:
    """The state of the map at t: visible events, the new ones, marches under way, the toll.

    Selects events that 1. are revealed at or before t, 2. belong to `categories` (all when None) and
    3. are reported by `source` (all when None). The new ones are those revealed in (new_from, t]: pass
    `new_since(t, scale)`, the step before on the scale shown (None: an hour before t). The toll ignores
    the filters: hiding a category or a source does not change the number of dead. It counts the events
    revealed in [toll_from, t] (from the start when `toll_from` is None; see `toll_start` for each scale's).

    >>> from geo.data.load import load_dataset
    >>> data = load_dataset()
    >>> index = index_events(data.events, data.places, data.record)
    >>> state_at(index, lima_time("2023-01-09T18:00")).totals["civilians_killed"]
    17
    """
    t = lima_time(t)
    shown = _count_revealed(index, t)
    first_new = _count_revealed(index, t - HOUR if new_from is None else new_from)
    visible = index.events.iloc[:shown]
    new_ids = index.events["id"].iloc[first_new:shown]
    keep = np.ones(len(index.events), dtype=bool)
    if categories is not None:
        keep &= index.events["category"].isin(categories).to_numpy()
    if source is not None:
        keep &= index.events["source_ids"].map(lambda ids: source in ids).to_numpy(dtype=bool)
    visible = visible[keep[:shown]]
    new_ids = new_ids[keep[first_new:shown]]
    marches = index.marches[keep[index.marches.index.to_numpy()]]
    base = index.running_totals[min(_toll_base(index, toll_from), shown)]
    totals = dict(zip(COUNT_COLUMNS, (int(x) for x in index.running_totals[shown] - base), strict=True))
    return MapState(t, visible, frozenset(new_ids), totals, marches)


def toll_as_worded(
    index: EventIndex, t: pd.Timestamp, toll_from: pd.Timestamp | None = None
) -> dict[str, tuple[int, str]]:
    """Each counter as the source words it: (number, qualifier), the qualifier "" (exact), "over" or "at_least".

    A row whose `count_qualifier` is set holds a bound ("over 100 others were injured"). The source does
    not say whether the people of a bound include those counted exactly beside it, so a bound is never
    added to: the counter shows "over L" when the bound L is at least the exact sum E, else "at least E".
    Same rows as `state_at`'s toll: revealed in [toll_from, t], at no `context` place.
    """
    shown = _count_revealed(index, t)
    base = min(_toll_base(index, toll_from), shown)
    totals = index.running_totals[shown] - index.running_totals[base]
    if "count_qualifier" not in index.events:
        return {c: (int(v), "") for c, v in zip(COUNT_COLUMNS, totals, strict=True)}
    qualifier = index.events["count_qualifier"].to_numpy()[base:shown]
    rows = np.flatnonzero((qualifier != "") & index.events["in_toll"].to_numpy()[base:shown]) + base
    worded = {}
    for column, total in zip(COUNT_COLUMNS, totals, strict=True):
        counts = index.events[column].to_numpy(dtype="float64", na_value=0)[rows] if len(rows) else np.zeros(0)
        bound, exact = int(counts.sum()), int(total - counts.sum())
        words = set(index.events["count_qualifier"].to_numpy()[rows[counts > 0]])
        if not bound:
            worded[column] = (exact, "")
        elif bound >= exact:
            worded[column] = (bound, "over" if words == {"over"} else "at_least")
        else:
            worded[column] = (exact, "at_least")
    return worded


@dataclass(frozen=True)
class Reported:
    """The latest count of one kind reported by a time: its value as worded, and the event of its report."""

    value: int
    qualifier: str
    event_id: str
    said_by: dict[str, str] = field(default_factory=dict)  # who gave it, per language


def reported_at(
    index: EventIndex, t: pd.Timestamp, toll_from: pd.Timestamp | None = None, source: str | None = None
) -> dict[str, Reported]:
    """What was known when: for each count column, the latest figure reported in [toll_from, t] (by `source`
    when given), as its report gave it. The counters show the toll as later established; this is the
    figure a person could have read at t.

    >>> from geo.data.load import load_dataset
    >>> data = load_dataset()
    >>> index = index_events(data.events, data.places, data.record)
    >>> reported_at(index, lima_time("2023-01-09T06:00"), toll_start("hour"))
    {}
    """
    shown = _count_revealed(index, t)
    base = min(_toll_base(index, toll_from), shown)
    figures = index.figures
    if figures.empty:
        return {}
    chosen = figures[(figures["at"] >= base) & (figures["at"] < shown)]
    if source is not None:
        sources = index.events["source_ids"]
        chosen = chosen[np.array([source in sources.iloc[at] for at in chosen["at"]], dtype=bool)]
    latest = chosen.groupby("measure", sort=False).tail(1)
    return {
        row.measure: Reported(int(row.value), row.qualifier, row.event_id, row.said_by) for row in latest.itertuples()
    }
