"""An oracle of the record read straight from the CSV files with the `csv` module (not the loader), for the
tests that check what the app derives from it: each event's sources, when it is shown, and the credit of the
sources of the events shown. The rules are written again here from docs/data.md, so that a mistake in the
loader, the time model, the bundle or the words would show."""

from __future__ import annotations

import csv
import re
from collections import Counter

import pandas as pd

from geo.data.load import REPO_DATA_DIR
from geo.data.record import SEED
from geo.model.timeline import lima_time
from geo.text.i18n import text


def read(name: str) -> list[dict[str, str]]:
    with (REPO_DATA_DIR / name).open(encoding="utf-8", newline="") as f:
        return list(csv.DictReader(f))


EVENTS, SOURCES, CITATIONS = read("events.csv"), read("sources.csv"), read("citations.csv")
READINGS, PEOPLE, FIGURES = read("readings.csv"), read("people.csv"), read("figures.csv")
PUBLISHER = {row["id"]: row["publisher"] for row in SOURCES}


def sources_of(event_id: str) -> set[str]:
    """An event's sources as the CSVs give them: its citations that do not contradict it, and the article
    where events.csv quotes it."""
    cited = {c["source_id"] for c in CITATIONS if c["event_id"] == event_id and c["role"] != "contradicts"}
    quoted = any(e["id"] == event_id and e["source_quote"].strip() for e in EVENTS)
    return cited | ({SEED} if quoted else set())


def voices(event_id: str) -> set[str]:
    """The independent voices that report an event (docs/data.md): whom a citation credits, else the wire or
    outlet its source relays, else its outlet; the article is one voice."""
    origin = {row["id"]: row["origin"] or row["publisher"] for row in SOURCES}
    cited = {
        c["said_by_en"] or origin[c["source_id"]]
        for c in CITATIONS
        if c["event_id"] == event_id and c["role"] != "contradicts"
    }
    return cited | ({origin[SEED]} if SEED in sources_of(event_id) else set())


def reveal(event: dict[str, str]) -> pd.Timestamp:
    """When events.csv's row is shown (docs/data.md): a day's event at 23:00 of that day, a month's at 23:00 of
    its last day, an undated one at 23:00 of the next day, any other at its start."""
    start = lima_time(event["start"][:16])
    day_end = start.normalize() + pd.Timedelta(hours=23)
    precision = event["time_precision"]
    if precision == "day":
        return day_end
    if precision == "month":
        return start.normalize() + pd.offsets.MonthEnd(0) + pd.Timedelta(hours=23)
    if precision == "undated":
        return day_end + pd.Timedelta(days=1)
    return start


def shown_at(t: pd.Timestamp, source: str | None = None, categories: set[str] | None = None) -> list[dict[str, str]]:
    """The rows of events.csv shown at t: revealed by then, of the categories chosen, reported by the source chosen."""
    return [
        e
        for e in EVENTS
        if reveal(e) <= t
        and (categories is None or e["category"] in categories)
        and (source is None or source in sources_of(e["id"]))
    ]


def expected_outlets(t: pd.Timestamp, source: str | None = None, categories: set[str] | None = None) -> Counter[str]:
    """The publishers of the sources of the events shown at t, each weighted by how many shown events it supports."""
    weights: Counter[str] = Counter()
    for event in shown_at(t, source, categories):
        for source_id in sources_of(event["id"]) - {SEED}:
            weights[PUBLISHER[source_id]] += 1
    return weights


def named_in(credit: str, lang: str = "en") -> tuple[list[str], int]:
    """The outlets a credit names (the article apart), and how many more it counts."""
    body = credit.removeprefix(text(lang, "credit_sources", sources=""))
    more = re.search(r" (?:and|y) (\d+) m", body)
    body = body[: more.start()] if more else body
    names = [n.strip() for n in body.split(";") if n.strip() and not n.strip().startswith("Wikipedia")]
    return names, int(more.group(1)) if more else 0
