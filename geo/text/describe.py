"""What the map shows, in words: the alt text of every image, and a summary a screen reader can read.

`describe_moment` says, in the chosen language, where the map is, the time shown, how many events
it shows and which are new (or highlighted), what is listed but not mapped, the schematic marches,
and the counters, computed exactly as the app computes them (`state_at` with
`toll_from=toll_start(scale)`). `describe_span` does the same for an animation. Both are pure
functions of the data and the view; they never say more than the data holds.
"""

from __future__ import annotations

from collections.abc import Iterable

import geopandas as gpd
import pandas as pd

from geo.data.vocab import CATEGORIES, COUNT_COLUMNS
from geo.model.timeline import (
    EventIndex,
    MapState,
    Scale,
    lima_time,
    new_since,
    reported_at,
    state_at,
    toll_as_worded,
    toll_start,
)
from geo.text.i18n import text
from geo.text.labels import clock_label, count_label
from geo.text.sources import credit_of, reported_line

MAX_NAMED = 5  # events named one by one; the rest are counted ("and 3 more")


def _state(
    index: EventIndex, t: pd.Timestamp, scale: Scale, categories: frozenset[str] | None, source: str | None = None
) -> MapState:
    """The state the app shows at t on `scale`: same "new" window, same filters, same toll."""
    return state_at(
        index, t, new_from=new_since(t, scale), categories=categories, toll_from=toll_start(scale), source=source
    )


def _event_items(events: pd.DataFrame, places: gpd.GeoDataFrame, lang: str) -> str:
    """'Title (place), Title (place) and 3 more', in the events' order."""
    names = places[f"name_{lang}"]
    items = [
        f"{row[f'title_{lang}']} ({names[row['place_id']]})" if row["place_id"] in names.index else row[f"title_{lang}"]
        for _, row in events.head(MAX_NAMED).iterrows()
    ]
    if len(events) > MAX_NAMED:
        items.append(text(lang, "alt_more", n=len(events) - MAX_NAMED))
    return "; ".join(items)


def _toll_sentence(index: EventIndex, state: MapState, scale: Scale, lang: str) -> str:
    """The counters with the app's own labels and words: 'civilians killed 17; people injured over 100; …'."""
    worded = toll_as_worded(index, state.t, toll_start(scale))
    counts = "; ".join(f"{text(lang, name).lower()} {count_label(*worded[name], lang)}" for name in COUNT_COLUMNS)
    return text(lang, f"alt_toll_{'hour' if scale == 'hour' else 'day'}", counts=counts)


def _reported_sentence(
    index: EventIndex, state: MapState, scale: Scale, lang: str, source: str | None = None
) -> list[str]:
    """The latest figures reported by this time (by `source`, when one is chosen), with who gave them, as under
    the counters; none if none."""
    line = reported_line(reported_at(index, state.t, toll_start(scale), source), lang)
    return [line + "."] if line else []


def source_sentence(index: EventIndex, state: MapState, lang: str) -> str:
    """The sources of the events shown, and only those: 'Sources: Wikipedia, “Juliaca massacre” (CC BY-SA
    4.0); La República; … and 9 more.' A dataset without a record (an upload) credits its own sources."""
    return credit_of(index.record, state.visible, lang)


def _events_sentence(n: int, lang: str) -> str:
    return text(lang, "alt_events_none" if n == 0 else "alt_events_one" if n == 1 else "alt_events_other", n=n)


def describe_moment(
    index: EventIndex,
    places: gpd.GeoDataFrame,
    t: pd.Timestamp,
    *,
    scale: Scale = "hour",
    lang: str = "en",
    view: str = "region",
    categories: Iterable[str] | None = None,
    highlight: Iterable[str] = (),
    source: str | None = None,
) -> str:
    """The map at step `t`, in words: where, when, the events (new or highlighted ones by name), the
    marches, and the counters. `categories` and `source` as in `state_at` (None: all); `highlight`: event
    ids that stand out (a key moment's), named instead of the step's new events.

    >>> from geo.data.load import load_dataset
    >>> from geo.model.timeline import index_events
    >>> data = load_dataset()
    >>> index = index_events(data.events, data.places, data.record)
    >>> alt = describe_moment(index, data.places, lima_time("2023-01-09T18:00"))
    >>> "Time shown: 9 January 2023, 18:00 (Lima, UTC−5)" in alt, "civilians killed 17;" in alt
    (True, True)
    """
    categories = None if categories is None or set(categories) >= set(CATEGORIES) else frozenset(categories)
    state = _state(index, lima_time(t), scale, categories, source)
    visible = state.visible
    sentences = [
        text(lang, "alt_map", where=text(lang, f"where_{view}"), clock=clock_label(state.t, scale, lang)),
        _events_sentence(len(visible), lang),
    ]
    if categories is not None:
        kinds = ", ".join(text(lang, f"category_{c}").lower() for c in CATEGORIES if c in categories)
        sentences.append(text(lang, "alt_filter", kinds=kinds or "—"))
    named = visible[visible["id"].isin(set(highlight))] if highlight else visible[visible["id"].isin(state.new_ids)]
    if highlight and len(named):
        sentences.append(text(lang, "alt_highlight", items=_event_items(named, places, lang)))
    elif len(visible):
        sentences.append(
            text(lang, "alt_new", items=_event_items(named, places, lang)) if len(named) else text(lang, "alt_new_none")
        )
    unmapped = int((~visible["place_id"].isin(places.index)).sum())
    if unmapped:
        sentences.append(text(lang, "alt_unmapped_one" if unmapped == 1 else "alt_unmapped_other", n=unmapped))
    if state.marches:
        sentences.append(text(lang, "alt_marches", n=len(state.marches)))
    sentences += [
        _toll_sentence(index, state, scale, lang),
        *_reported_sentence(index, state, scale, lang, source),
        source_sentence(index, state, lang),
    ]
    return " ".join(sentences)


def describe_span(
    index: EventIndex,
    places: gpd.GeoDataFrame,
    steps: list[pd.Timestamp],
    *,
    scale: Scale = "hour",
    lang: str = "en",
    view: str = "region",
    categories: Iterable[str] | None = None,
    source: str | None = None,
) -> str:
    """An animation over `steps`, in words: where, the first and last time shown, how the events grow,
    and the counters at the last frame.

    >>> from geo.data.load import load_dataset
    >>> from geo.model.timeline import index_events, hour_steps
    >>> data = load_dataset()
    >>> alt = describe_span(index_events(data.events, data.places, data.record), data.places, hour_steps(), lang="es")
    >>> alt.startswith("Mapa animado de la región Puno"), "24 fotogramas" in alt
    (True, True)
    """
    if not steps:
        raise ValueError("describe_span needs at least one step")
    categories = None if categories is None or set(categories) >= set(CATEGORIES) else frozenset(categories)
    first, last = (_state(index, lima_time(t), scale, categories, source) for t in (steps[0], steps[-1]))
    return " ".join(
        [
            text(
                lang,
                "alt_span",
                where=text(lang, f"where_{view}"),
                n=len(steps),
                first=clock_label(first.t, scale, lang),
                last=clock_label(last.t, scale, lang),
            ),
            text(lang, "alt_span_events", first=len(first.visible), last=len(last.visible)),
            text(lang, "alt_span_end"),
            _toll_sentence(index, last, scale, lang),
            source_sentence(index, last, lang),
        ]
    )
