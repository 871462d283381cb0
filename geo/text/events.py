"""The events in words, in one language: what a popup, a tooltip and the list show."""

from __future__ import annotations

import geopandas as gpd
import pandas as pd

from geo.data.record import SEED, Record
from geo.data.vocab import QUOTE_LANGUAGE
from geo.text.i18n import text
from geo.text.labels import time_label
from geo.text.sources import event_people, event_sources


def category_label(category: str, lang: str) -> str:
    """The name of `category` in `lang`."""
    return text(lang, f"category_{category}")


def event_texts(
    events: pd.DataFrame, places: gpd.GeoDataFrame, lang: str, record: Record | None = None
) -> dict[str, list[object]]:
    """The display text of `events` in `lang`, as columns in the frame's order: what a popup, a tooltip
    and the list show. The browser gets these columns (in chunks); the page's list gets them as rows.
    With a `record`, `sources` holds each event's sources and where they differ (`event_sources`), and
    `people` the people killed in it ([{id, name}], from people.csv)."""
    names = places[f"name_{lang}"]
    sources = [event_sources(record, e, lang) for e in events["id"]] if record else [None] * len(events)
    killed = event_people(record, lang) if record else {}
    return {
        "title": events[f"title_{lang}"].tolist(),
        "time": [
            time_label(s, p, lang, e, inferred)
            for s, p, e, inferred in zip(
                events["start"], events["time_precision"], events["end"], _inferred(events), strict=True
            )
        ],
        "summary": events[f"summary_{lang}"].tolist(),
        "place": [names[p] if p in names.index else None for p in events["place_id"]],
        "status_label": [text(lang, f"status_{s}") for s in events["claim_status"]],
        "by": events["reported_by"].tolist(),
        "quote": events["source_quote"].tolist(),
        "section": events["source_section"].tolist(),
        # The article's quote is English: its label says so, and other languages show our translation under it.
        # An upload's quote is its own (ACLED's notes): no label, no translation; its section says its source.
        "quote_label": [
            text(lang, "quote_label", section=s) if s and seed else ""
            for s, seed in zip(events["source_section"], _the_articles(events), strict=True)
        ],
        "quote_ours": [
            t if seed else "" for t, seed in zip(_translations(events, lang), _the_articles(events), strict=True)
        ],
        "sources": sources,
        "people": [killed.get(e, []) for e in events["id"]],
    }


def _the_articles(events: pd.DataFrame) -> list[bool]:
    """Whether each event's quote is the seed article's: its sources (`source_ids`, set by index_events) include
    it; an upload has none. A frame without sources is the record's own data, all the article's."""
    if "source_ids" not in events:
        return [True] * len(events)
    return [SEED in ids for ids in events["source_ids"]]


def _translations(events: pd.DataFrame, lang: str) -> list[str]:
    """Our translation of each quote into `lang`, marked as ours ("Our translation: …"); "" in the quote's own
    language, and where there is no quote or no translation."""
    column = f"source_quote_{lang}"
    if lang == QUOTE_LANGUAGE or column not in events:
        return [""] * len(events)
    return [text(lang, "quote_ours", text=t) if t else "" for t in events[column].fillna("")]


def _inferred(events: pd.DataFrame) -> list[str]:
    """The `time_inferred` column, or empty values for a frame that predates it."""
    return events["time_inferred"].tolist() if "time_inferred" in events else [""] * len(events)


LIST_LIMIT = 150  # the event list (app and exported page) describes the newest events only: cheap at any size


def describe_events(
    visible: pd.DataFrame,
    places: gpd.GeoDataFrame,
    lang: str,
    new_ids: frozenset[str] = frozenset(),
    selected: str | None = None,
    record: Record | None = None,
) -> list[dict[str, object]]:
    """The visible events as plain dicts of display text in `lang`, newest first, for the list."""
    newest = visible.iloc[::-1]
    columns = event_texts(newest, places, lang, record)
    return [
        {
            "id": event_id,
            "category_label": category_label(category, lang),
            "isNew": event_id in new_ids,
            "selected": event_id == selected,
            **{field: values[k] for field, values in columns.items()},
        }
        for k, (event_id, category) in enumerate(zip(newest["id"], newest["category"], strict=True))
    ]
