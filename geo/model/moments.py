"""The key moments of the day for classroom mode, read from `data/moments.csv` and checked.

Each moment is a row of data: the step it shows (as in a link: `2023-01-09T18:00`, `2023-01-12`,
`2023-06`), the preset view, the events it names, and a title and caption in each language.
"""

from __future__ import annotations

import csv
from dataclasses import dataclass
from pathlib import Path

import pandas as pd

from geo.data.csvrows import read_text_checked
from geo.data.languages import LANGUAGES
from geo.data.load import REPO_DATA_DIR
from geo.data.problems import DataError, Problem
from geo.data.vocab import per_language
from geo.model.params import parse_params
from geo.model.timeline import EventIndex, Scale, state_at
from geo.model.views import VIEWS

MOMENT_COLUMNS = ("id", "t", "view", "event_ids", *per_language("title", "caption"))
MOMENTS_CSV = REPO_DATA_DIR / "moments.csv"


@dataclass(frozen=True)
class Moment:
    id: str
    t: pd.Timestamp
    scale: Scale
    view: str
    event_ids: tuple[str, ...]
    title: dict[str, str]
    caption: dict[str, str]


def _problems(row: dict[str, str], line: int, index: EventIndex, file: str) -> list[Problem]:
    where = f"line {line}"
    problems = []
    state, refused = parse_params({"t": row["t"]})
    if refused:
        problems.append(Problem(file, where, "t", row["t"], "expected a step as in a link, e.g. 2023-01-09T18:00"))
    if row["view"] not in VIEWS:
        problems.append(Problem(file, where, "view", row["view"], "expected one of: " + ", ".join(VIEWS)))
    for column in per_language("title", "caption"):
        if not row[column].strip() or len(row[column]) > 1200:
            problems.append(Problem(file, where, column, row[column], "expected 1 to 1200 characters"))
    known = set(index.events["id"])
    ids = row["event_ids"].split()
    if not ids:
        problems.append(Problem(file, where, "event_ids", "", "name at least one event id, separated by spaces"))
    for event_id in ids:
        if event_id not in known:
            problems.append(Problem(file, where, "event_ids", event_id, "not an id in events.csv"))
    if not refused and ids and set(ids) <= known:
        shown = state_at(index, state.t)
        drawn = set(shown.visible["id"]) | {m for m, _ in shown.marches}
        hidden = [i for i in ids if i not in drawn]
        if hidden:
            problems.append(
                Problem(
                    file,
                    where,
                    "event_ids",
                    " ".join(hidden),
                    f"not yet shown at {row['t']}: choose a later step or other events",
                )
            )
    return problems


def load_moments(index: EventIndex, path: Path = MOMENTS_CSV) -> list[Moment]:
    """The moments in file order; raises DataError naming every bad cell."""
    rows = list(csv.DictReader(read_text_checked(path).splitlines()))
    if not rows or set(rows[0]) != set(MOMENT_COLUMNS):  # in any order
        raise DataError(
            [
                Problem(
                    path.name,
                    "line 1",
                    "",
                    ",".join(rows[0]) if rows else "",
                    "expected the header: " + ",".join(MOMENT_COLUMNS),
                )
            ]
        )
    problems = [p for line, row in enumerate(rows, start=2) for p in _problems(row, line, index, path.name)]
    if problems:
        raise DataError(problems)
    moments = []
    for row in rows:
        state, _ = parse_params({"t": row["t"]})
        moments.append(
            Moment(
                row["id"],
                state.t,
                state.scale,
                row["view"],
                tuple(row["event_ids"].split()),
                {lang: row[f"title_{lang}"] for lang in LANGUAGES},
                {lang: row[f"caption_{lang}"] for lang in LANGUAGES},
            )
        )
    return moments
