"""The events as files: each event's CSV line (the project's schema, formulas neutralised) and its
GeoJSON feature. Written once per event: the exported files join them (geo.output.export), and the
browser joins the same lines from the bundle for the moment it shows (geo/map/bundle.py)."""

from __future__ import annotations

import csv
import io

import geopandas as gpd
import pandas as pd

from geo.data.csvrows import neutralise_formula
from geo.data.record import Record, sources_line
from geo.data.vocab import COUNT_COLUMNS, EVENT_COLUMNS, EXPORT_ONLY_COLUMNS

CSV_COLUMNS = (*EVENT_COLUMNS, *EXPORT_ONLY_COLUMNS)


def records(events: pd.DataFrame, record: Record | None = None) -> list[dict[str, object]]:
    """Each event's columns as plain values: times in ISO 8601 (or ""), counts as numbers (or None); with the
    `record`, `sources` lists each event's sources (outlet, date, link), so that a file cites them on its own."""
    rows = []
    for ev in events[list(EVENT_COLUMNS)].itertuples(index=False):
        row = {}
        for column, value in zip(EVENT_COLUMNS, ev, strict=True):
            if column in ("start", "end"):
                value = "" if pd.isna(value) else value.isoformat()
            elif column in COUNT_COLUMNS:
                value = None if pd.isna(value) else int(value)
            row[column] = value
        if record:
            row["sources"] = sources_line(record, row["id"])
        rows.append(row)
    return rows


def _in_toll(events: pd.DataFrame) -> list[bool | None]:
    return events["in_toll"].tolist() if "in_toll" in events else [None] * len(events)


def csv_line(cells: list[object]) -> str:
    """One CSV line (no line end), quoted as Python's csv module quotes.

    >>> csv_line(["a", 'say "hi", then go', None])
    'a,"say ""hi"", then go",'
    """
    buffer = io.StringIO()
    csv.writer(buffer, lineterminator="\n").writerow(["" if c is None else c for c in cells])
    return buffer.getvalue()[:-1]


def csv_lines(events: pd.DataFrame, record: Record | None = None) -> list[str]:
    """Each event's line of the CSV download. A last column, `counted_in_toll`, says whether the row's
    counts are part of the map's toll (`yes`) or not (`no`: Ayacucho's dead are never added to Juliaca's);
    empty for events that were not indexed. The loader ignores that column."""
    return [
        csv_line(
            [
                *(neutralise_formula(row[c]) for c in EVENT_COLUMNS),
                "" if counted is None else ("yes" if counted else "no"),
            ]
        )
        for row, counted in zip(records(events, record), _in_toll(events), strict=True)
    ]


def features(events: pd.DataFrame, places: gpd.GeoDataFrame, record: Record | None = None) -> list[dict[str, object]]:
    """Each event as a GeoJSON feature; an event whose place is unknown has a null geometry."""
    out: list[dict[str, object]] = []
    for row, counted in zip(records(events, record), _in_toll(events), strict=True):
        if counted is not None:
            row["counted_in_toll"] = bool(counted)  # as in the CSV: Ayacucho is never in Juliaca's toll
        geometry = None
        if row["place_id"] in places.index:
            point = places.geometry[row["place_id"]]
            geometry = {"type": "Point", "coordinates": [round(point.x, 5), round(point.y, 5)]}
        out.append({"type": "Feature", "geometry": geometry, "properties": row})
    return out
