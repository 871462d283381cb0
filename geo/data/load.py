"""Checked loading of `places.geojson` and `events.csv` into typed, timezone-aware frames.

Data enters once, here. Every value is checked against `geo.data.vocab`; each problem names the file,
the line (CSV) or feature (GeoJSON), the column, the value and what is expected. Strict loading
raises `DataError` with them; lenient loading keeps the valid rows and returns the rest as problems.
A file is read within the limits of `geo.data.limits`, and only the first `MAX_LISTED` problems of a
file are kept, the rest counted (issue 21). Nothing here touches the network.
"""

from __future__ import annotations

import json
import math
import os
import re
from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path

import geopandas as gpd
import numpy as np
import numpy.typing as npt
import pandas as pd
import pandera.pandas as pa
from shapely.geometry import Point

from geo.data import vocab
from geo.data.csvrows import read_records, read_text_checked
from geo.data.limits import MAX_FEATURES, MAX_JSON_VALUES
from geo.data.problems import DataError, Found, Listed, Problem
from geo.data.record import SEED, Record, article_view, load_record

LIMA = "America/Lima"
REPO_DATA_DIR = Path(__file__).resolve().parents[2] / "data"

# Patterns as strings, not compiled: pandas then matches a whole column in Arrow, not cell by cell in Python.
_SLUG = "[a-z0-9][a-z0-9_]{0,79}"
_MAX_LISTED = 20  # header problems listed one by one; the rest are counted
_ISO_WITH_OFFSET = r"\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2})?([+-]\d{2}:\d{2}|Z)"


@dataclass(frozen=True)
class Dataset:
    """The checked data: places indexed by id, events sorted by start, who says what (`record`: the
    sources, citations, readings, reported figures and people killed; empty for an upload), and what was
    rejected."""

    places: gpd.GeoDataFrame
    events: pd.DataFrame
    problems: tuple[Problem, ...] = ()  # the first MAX_LISTED of each file, in file order
    unlisted: int = 0  # problems found past those, counted, not kept (issue 21)
    record: Record = field(default_factory=Record)


def default_data_dir(explicit: Path | str | None = None) -> Path:
    """The folder to load, resolved, the same for the app and the CLI: `explicit` (the CLI's --data-dir) if
    given, else `$JULIACA_DATA_DIR` if set, else the bundled `data/`."""
    return Path(explicit or os.environ.get("JULIACA_DATA_DIR") or REPO_DATA_DIR).resolve()


def is_bundled(folder: Path | str) -> bool:
    """Whether `folder` is the bundled `data/` (the key moments name its events, and only its).

    >>> is_bundled(REPO_DATA_DIR / ".." / "data"), is_bundled("/tmp")
    (True, False)
    """
    return Path(folder).resolve() == REPO_DATA_DIR.resolve()


def load_dataset(data_dir: Path | str | None = None, *, strict: bool = True) -> Dataset:
    """Load `places.geojson`, `events.csv` and, where the folder has them, the record's files
    (`geo.data.record`) from `data_dir`; see the module docstring."""
    folder = Path(data_dir) if data_dir is not None else default_data_dir()
    places, place_problems = load_places(folder / "places.geojson", strict=strict)
    events, event_problems = load_events(folder / "events.csv", places, strict=strict)
    record, record_problems = load_record(folder, events, places.index, _ids_in(folder))
    if not record:
        record_problems += _unsourced(events, "events.csv")
    if strict and record_problems:
        raise DataError(record_problems)
    return dataset_of(places, events, place_problems, event_problems, Listed(record_problems), record=record)


def for_source(data: Dataset, source: str | None) -> Dataset:
    """The dataset as the source choice shows it. "The article only" (`SEED`) is the map on the article
    alone: its events, at the times and places it gives (`geo.data.record.article_view`), counted as it
    counts them. Any other source keeps the whole dataset, and the toll as established: the map hides
    the events that source does not report (`state_at(..., source=)`)."""
    if source != SEED or not data.record:
        return data
    events, record = article_view(data.events, data.record)
    return Dataset(data.places, events, data.problems, data.unlisted, record)


def dataset_of(
    places: gpd.GeoDataFrame, events: pd.DataFrame, *problems: Listed, record: Record | None = None
) -> Dataset:
    """A Dataset with the problems of each file (its first MAX_LISTED) and the count of the rest."""
    return Dataset(
        places,
        events,
        tuple(p for listed in problems for p in listed),
        sum(getattr(listed, "unlisted", 0) for listed in problems),
        Record() if record is None else record,
    )


def _ids_in(folder: Path) -> list[str]:
    """Every id of events.csv, refused rows included, where the folder has a record to check against them."""
    if not (folder / "sources.csv").is_file():
        return []
    rows = read_records(read_text_checked(folder / "events.csv"), "events.csv")
    header = [h.strip() for h in next(rows, (1, []))[1]]
    column = header.index("id") if "id" in header else None
    return [] if column is None else [cells[column] for _, cells in rows if len(cells) > column]


def _unsourced(events: pd.DataFrame, file: str) -> list[Problem]:
    """Without a record of sources, every event must carry its own: `sources`, or a section and a quoted phrase."""
    return [
        Problem(
            file,
            f"line {row.line}",
            "source_quote",
            "",
            "this event has no source: give its sources, or "
            "source_section and source_quote (or add the folder's sources.csv and citations.csv)",
        )
        for row in events.itertuples(index=False)
        if not str(row.source_quote).strip() and not str(getattr(row, "sources", "")).strip()
    ]


# --- shared helpers ------------------------------------------------------------------------


# Checks on whole columns (pandera's built-in ones, or vectorised): no Python call per cell.
def _text(max_len: int, *, required: bool = True) -> list[pa.Check]:
    longest = pa.Check.str_length(max_value=max_len, error=f"expected at most {max_len} characters")
    return (
        [pa.Check.str_matches(r"(?s).*\S", error="this column must not be empty"), longest] if required else [longest]
    )


def _one_of(values: tuple[str, ...], *, required: bool = True) -> pa.Check:
    return pa.Check.isin([*values] if required else [*values, ""], error="expected one of: " + ", ".join(values))


def _slug(example: str) -> pa.Check:
    return pa.Check(lambda s: s.str.fullmatch(_SLUG), error=f"expected a lowercase slug (a-z, 0-9, _), e.g. {example}")


def _schema_problems(
    schema: pa.DataFrameSchema, frame: pd.DataFrame, file: str, numbers: list[int], unit: str, found: Found
) -> Found:
    """Run a pandera schema's checks column by column; each failing cell becomes a problem of its row
    (`numbers`: the line or feature of each row, in file order), added to `found`.

    The checks run on whole columns, and a problem is built only for the cells `found` keeps: a column
    that fails on every row costs a boolean mask, not a problem per cell (issue 21; pandera's own lazy
    report built one per failing cell, 2.8 million for a file of bad rows). A failure with no row (a
    missing column, a column that is not text) is a problem of the whole table: raised at once."""
    try:
        schema.validate(frame.head(100), lazy=True)  # the columns and their types, on a few rows
    except pa.errors.SchemaErrors as err:
        cases = err.failure_cases
        whole = [
            Problem(
                file,
                "file",
                c.column if isinstance(c.column, str) else "",
                c.failure_case,
                f"the whole table fails pandera's {c.check}",
            )
            for c in cases[cases["index"].isna()].itertuples()
        ]
        if whole:
            raise DataError(whole) from err
    lines = np.asarray(numbers)
    for name, column in schema.columns.items():
        cells = frame[name].reset_index(drop=True)
        for check in column.checks:
            failing = np.flatnonzero(~check(cells).check_output.to_numpy(dtype=bool))
            failing = failing[np.argsort(lines[failing], kind="stable")]  # in file order, whatever the frame's
            expected = check.error or str(check)
            problem_at = _cell_problem(file, unit, lines, name, cells, failing, expected)
            found.add_each([int(n) for n in lines[failing]], problem_at)
    return found


def _cell_problem(
    file: str,
    unit: str,
    lines: npt.NDArray[np.int_],
    column: str,
    cells: pd.Series,
    failing: npt.NDArray[np.intp],
    expected: str,
) -> Callable[[int], Problem]:
    """`problem_at(k)`: the problem of the k-th failing cell, built only when asked for (`Found.add_each`)."""
    return lambda k: Problem(file, f"{unit} {lines[failing[k]]}", column, cells.iat[failing[k]], expected)


def _adder(found: Found, file: str, unit: str, number: int) -> Callable[[str, object, str], None]:
    """`add(column, value, expected)`: records one problem of line or feature `number` (`unit`: "line", "feature")."""
    return lambda column, value, expected: found.add(number, Problem(file, f"{unit} {number}", column, value, expected))


def _kept(found: Found, strict: bool) -> tuple[Listed, set[int]]:
    """The problems kept (in file order) and the numbers of every row they refuse; strict loading raises them."""
    if strict and found.count:
        raise found.error()
    return found.listed(), found.refused


# --- events.csv ----------------------------------------------------------------------------


def _times(values: pd.Series) -> pd.Series:
    """The cells that are ISO 8601 times with their offset, in the plausible years, as UTC; else NaT."""
    values = values.astype("str")
    shaped = values.where(
        values.str.fullmatch(_ISO_WITH_OFFSET)
        & pd.to_numeric(values.str[:4], errors="coerce").between(vocab.EARLIEST_YEAR, vocab.LATEST_YEAR)
    )
    return pd.to_datetime(shaped, utc=True, format="ISO8601", errors="coerce")


_TIME_EXPECTED = (
    f"expected an ISO 8601 time with its UTC offset between {vocab.EARLIEST_YEAR} and "
    f"{vocab.LATEST_YEAR}, e.g. 2023-01-09T17:20-05:00 (Lima is -05:00)"
)
_COUNT_EXPECTED = f"expected a whole number from 0 to {vocab.MAX_COUNT}, or empty when the source gives none"

EVENTS_SCHEMA = pa.DataFrameSchema(
    {
        "id": pa.Column(str, _slug("first_death_14h")),
        "start": pa.Column(str, pa.Check(lambda s: _times(s).notna(), error=_TIME_EXPECTED)),
        "end": pa.Column(str, pa.Check(lambda s: s.eq("") | _times(s).notna(), error=_TIME_EXPECTED + ", or empty")),
        "time_precision": pa.Column(str, _one_of(vocab.TIME_PRECISIONS)),
        "place_id": pa.Column(str, _text(80, required=False)),
        "origin_place_id": pa.Column(str, _text(80, required=False)),
        "category": pa.Column(str, _one_of(vocab.CATEGORIES)),
        **{col: pa.Column(str, _text(vocab.MAX_TITLE)) for col in vocab.per_language("title")},
        **{col: pa.Column(str, _text(vocab.MAX_SUMMARY)) for col in vocab.per_language("summary")},
        **{
            col: pa.Column(
                str,
                pa.Check(
                    lambda s: (
                        s.eq("") | (s.str.fullmatch("[0-9]+") & (pd.to_numeric(s, errors="coerce") <= vocab.MAX_COUNT))
                    ),
                    error=_COUNT_EXPECTED,
                ),
            )
            for col in vocab.COUNT_COLUMNS
        },
        "claim_status": pa.Column(str, _one_of(vocab.CLAIM_STATUSES)),
        "reported_by": pa.Column(str, _text(vocab.MAX_SHORT_TEXT, required=False)),
        # Empty where the event rests on other sources (geo.data.record); a folder without them needs both.
        "source_section": pa.Column(str, _text(vocab.MAX_SHORT_TEXT, required=False)),
        "source_quote": pa.Column(
            str,
            [
                *_text(vocab.MAX_SHORT_TEXT, required=False),
                pa.Check(
                    lambda s: s.str.count(r"\S+") <= vocab.MAX_QUOTE_WORDS,
                    error=f"expected a verbatim phrase of at most {vocab.MAX_QUOTE_WORDS} words",
                ),
            ],
        ),
        **{c: pa.Column(str, _text(vocab.MAX_SHORT_TEXT, required=False)) for c in vocab.QUOTE_TRANSLATIONS},
        "time_inferred": pa.Column(str, _one_of(vocab.TIME_INFERRED, required=False)),
        "count_qualifier": pa.Column(str, _one_of(vocab.COUNT_QUALIFIERS, required=False)),
        "sources": pa.Column(str, _text(vocab.MAX_SOURCES_TEXT, required=False)),
    },
    strict=False,
)


_CHUNK = 20_000  # rows turned into compact (Arrow) columns at a time: the Python strings of a chunk only


def _read_csv_records(path: Path, text: str, max_rows: int | None = None) -> tuple[pd.DataFrame, Found]:
    """Parse CSV text into a frame of strings with the line each record starts on.

    Header problems (missing, duplicated or unknown columns) are fatal and raised at once;
    a ragged row is a problem of its own line. Rows become Arrow columns a chunk at a time, so that
    the Python strings of a large file are never all held at once (issue 21).
    """
    rows = read_records(text, path.name, max_rows)
    header = next(rows, (1, None))[1]
    if not header or not any(h.strip() for h in header):
        raise DataError(
            [
                Problem(
                    path.name,
                    "line 1",
                    "",
                    "",
                    "the file is empty; expected the header row: " + ",".join(vocab.EVENT_COLUMNS),
                )
            ]
        )
    header = [h.strip() for h in header]
    counts = Counter(header)  # a header may have thousands of columns: count once (issue 16)
    fatal = [
        Problem(path.name, "line 1", col, col, "this column appears more than once; keep one")
        for col in sorted(c for c, n in counts.items() if n > 1)
    ][:_MAX_LISTED]
    missing = [c for c in vocab.EVENT_COLUMNS if c not in counts and c not in vocab.OPTIONAL_EVENT_COLUMNS]
    if missing:
        hint = " (is the file comma-separated?)" if len(header) == 1 else ""
        fatal += [
            Problem(path.name, "line 1", col, "", f"missing column; add it to the header{hint}") for col in missing
        ]
    unknown = [col for col in counts if col not in vocab.EVENT_COLUMNS and col not in vocab.EXPORT_ONLY_COLUMNS]
    fatal += [
        Problem(path.name, "line 1", col, col, "unknown column; expected only: " + ", ".join(vocab.EVENT_COLUMNS))
        for col in unknown[:_MAX_LISTED]
    ]
    if len(unknown) > _MAX_LISTED:
        fatal.append(
            Problem(
                path.name,
                "line 1",
                "",
                f"{len(unknown):,} unknown columns",
                f"only the first {_MAX_LISTED} are listed; is this the right file?",
            )
        )
    if fatal:
        raise DataError(fatal)

    found, chunks = Found(), []
    wanted = [(header.index(c), c) for c in vocab.EVENT_COLUMNS if c in counts]
    cells: dict[str, list[str]] = {c: [] for _, c in wanted}
    lines: list[int] = []
    for start_line, row in rows:
        if row and any(cell.strip() for cell in row):
            if len(row) != len(header):
                found.add(
                    start_line,
                    Problem(
                        path.name,
                        f"line {start_line}",
                        "",
                        f"{len(row)} fields",
                        f"expected {len(header)} comma-separated fields, like the header",
                    ),
                )
                continue
            for i, column in wanted:
                cells[column].append(row[i])
            lines.append(start_line)
            if len(lines) == _CHUNK:
                chunks.append(_chunk(cells, lines))
                cells, lines = {c: [] for _, c in wanted}, []
    if lines or not chunks:
        chunks.append(_chunk(cells, lines))
    if not found.count and all(chunk.empty for chunk in chunks):
        raise DataError(
            [Problem(path.name, "line 2", "", "", "the file has a header but no events; add rows below it")]
        )
    return pd.concat(chunks, ignore_index=True) if len(chunks) > 1 else chunks[0], found


def _chunk(cells: dict[str, list[str]], lines: list[int]) -> pd.DataFrame:
    """Rows read so far as a frame of Arrow strings (fast checks, compact), with their lines."""
    frame = pd.DataFrame(cells, columns=list(vocab.EVENT_COLUMNS), dtype="str").fillna("")
    frame.insert(0, "line", pd.Series(lines, dtype="int64"))
    return frame


def _relational_problems(frame: pd.DataFrame, place_ids: set[str], file: str, found: Found) -> Found:
    """Rules across cells and rows: unique ids, known places, marches with an origin, end after start."""
    first_line: dict[str, int] = {}
    ends_early = (_times(frame["end"]) < _times(frame["start"])).tolist()
    needed = frame[
        [
            "line",
            "id",
            "start",
            "end",
            "place_id",
            "origin_place_id",
            "category",
            "source_section",
            "source_quote",
            *vocab.QUOTE_TRANSLATIONS,
        ]
    ]  # not the long texts
    for row, ends_before_start in zip(
        needed.astype(object).itertuples(index=False), ends_early, strict=True
    ):  # Python strings: fast by row
        add = _adder(found, file, "line", row.line)
        if row.id in first_line:
            add("id", row.id, f"duplicate id: already used on line {first_line[row.id]}")
        first_line.setdefault(row.id, row.line)
        for col in ("place_id", "origin_place_id"):
            value = getattr(row, col)
            if value and value not in place_ids:
                add(
                    col,
                    value,
                    "not an id in places.geojson; add the place there or use one of: " + ", ".join(sorted(place_ids)),
                )
        if row.category == "march" and not row.origin_place_id:
            add("origin_place_id", "", "a march needs the id of the place it came from")
        if ends_before_start:
            add("end", row.end, f"end is before start ({row.start}); swap them or fix one")
        if bool(row.source_section.strip()) != bool(row.source_quote.strip()):
            column = "source_quote" if row.source_section.strip() else "source_section"
            add(column, getattr(row, column), "give both the section and the quoted phrase of the article, or neither")
        for column in vocab.QUOTE_TRANSLATIONS:
            if getattr(row, column).strip() and not row.source_quote.strip():
                add(column, getattr(row, column), "a translation needs the quoted phrase it translates (source_quote)")
    return found


def _typed_events(frame: pd.DataFrame) -> pd.DataFrame:
    """Convert checked strings into Lima-time timestamps and nullable integer counts, sorted by start."""
    out = frame.astype(dict.fromkeys(vocab.EVENT_COLUMNS, object))  # back to Python strings: fast by cell downstream
    for col in ("start", "end"):
        out[col] = pd.to_datetime(out[col].replace("", None), utc=True, format="ISO8601").dt.tz_convert(LIMA)
    for col in vocab.COUNT_COLUMNS:
        out[col] = pd.to_numeric(out[col].replace("", None)).astype("Int64")
    return out.sort_values(["start", "line"], kind="stable").reset_index(drop=True)


def load_events(
    path: Path | str,
    places: gpd.GeoDataFrame,
    *,
    strict: bool = True,
    text: str | None = None,
    max_rows: int | None = None,
) -> tuple[pd.DataFrame, Listed]:
    """Read and check `events.csv` against the vocabularies and the ids of `places`.

    Returns the valid events (Lima time, sorted by start) and the problems (the first MAX_LISTED, with
    the count of the rest). With `strict=True` any problem raises `DataError` instead. `text`: the file's
    text, already read (an upload: no copy of it is written to disk and read back); `max_rows`: the most
    rows it may have (an upload's limit; the project's own data folders have none).
    """
    path = Path(path)
    frame, found = _read_csv_records(path, read_text_checked(path) if text is None else text, max_rows)
    del text
    return check_event_records(frame, places, path.name, strict=strict, problems=found)


def check_event_records(
    frame: pd.DataFrame,
    places: gpd.GeoDataFrame,
    file: str,
    *,
    strict: bool = True,
    problems: Found | Iterable[tuple[int, Problem]] = (),
) -> tuple[pd.DataFrame, Listed]:
    """Check a frame of event strings (one column per `EVENT_COLUMNS`, plus `line`) and type the valid rows.

    Any source of rows can use it (events.csv, an ACLED export); `line` is the line in that source, and
    `problems` are those already found there (a `Found`, or (line, problem) pairs).
    """
    found = problems if isinstance(problems, Found) else Found()
    if not isinstance(problems, Found):
        for line, problem in problems:
            found.add(line, problem)
    _schema_problems(EVENTS_SCHEMA, frame, file, frame["line"].tolist(), "line", found)
    _relational_problems(frame, set(places.index), file, found)
    kept, bad_lines = _kept(found, strict)
    return _typed_events(frame[~frame["line"].isin(bad_lines)]), kept


# --- places.geojson ------------------------------------------------------------------------

PLACES_SCHEMA = pa.DataFrameSchema(
    {
        "id": pa.Column(str, _slug("jul_airport")),
        **{col: pa.Column(str, _text(120)) for col in vocab.per_language("name")},
        "kind": pa.Column(str, _one_of(vocab.PLACE_KINDS)),
        "role": pa.Column(str, _one_of(vocab.PLACE_ROLES)),
        "geo_precision": pa.Column(str, _one_of(vocab.GEO_PRECISIONS)),
        "source": pa.Column(str, _text(vocab.MAX_SHORT_TEXT)),
    },
    strict=False,
)


def _in_peru(lon: float, lat: float) -> bool:
    west, south, east, north = vocab.PERU_BOUNDS
    return west <= lon <= east and south <= lat <= north


def point_problem(coords: object) -> str | None:
    """Why a GeoJSON Point's coordinates cannot be mapped here, or None if they can."""
    if not isinstance(coords, list) or len(coords) not in (2, 3):
        return "expected [longitude, latitude]"
    if not all(isinstance(c, (int, float)) and not isinstance(c, bool) and math.isfinite(c) for c in coords):
        return "expected two finite numbers [longitude, latitude]"
    lon, lat = coords[0], coords[1]
    if not (-180 <= lon <= 180 and -90 <= lat <= 90):
        return "out of range: longitude must be within -180..180 and latitude within -90..90"
    if not _in_peru(lon, lat):
        if _in_peru(lat, lon):
            return "latitude and longitude look swapped: GeoJSON wants [longitude, latitude]"
        return "outside Peru and its borders (lon -81.5..-68.5, lat -18.5..0.1); check the coordinates"
    return None


_DECODER = json.JSONDecoder()
_SPACE = re.compile(r"[ \t\n\r]*")
_COLLECTION = 'expected a GeoJSON object {"type": "FeatureCollection", "features": [...]}'


def _json_values(text: str) -> int:
    """About how many values parsing `text` would make: its brackets and commas (a bound that errs high)."""
    return text.count("{") + text.count("[") + text.count(",") + 1


def _skip(text: str, pos: int) -> int:
    space = _SPACE.match(text, pos)
    return pos if space is None else space.end()  # the pattern matches the empty string: never None


def _expect(text: str, pos: int, char: str, what: str) -> int:
    if not text.startswith(char, pos):
        raise json.JSONDecodeError(what, text, pos)
    return _skip(text, pos + 1)


def _feature_list(text: str, pos: int, file: str) -> tuple[list[object], int]:
    """The array at `pos`, one feature at a time: the one past `MAX_FEATURES` raises before it is parsed."""
    features: list[object] = []
    pos = _skip(text, pos + 1)
    if text.startswith("]", pos):
        return features, pos + 1
    while True:
        if len(features) == MAX_FEATURES:
            raise DataError(
                [
                    Problem(
                        file,
                        f"feature {MAX_FEATURES}",
                        "",
                        f"more than {MAX_FEATURES:,} places",
                        f"too many places: the limit is {MAX_FEATURES:,}; split the file",
                    )
                ]
            )
        feature, pos = _DECODER.raw_decode(text, pos)
        features.append(feature)
        pos = _skip(text, pos)
        if text.startswith("]", pos):
            return features, pos + 1
        pos = _expect(text, pos, ",", "Expecting ',' delimiter")


def _collection(text: str, file: str) -> tuple[object, object]:
    """(`type`, `features`) of the JSON object in `text`, its features parsed one by one (issue 21: a
    feature limit counted after `json.loads` would come after 300,000 features were already held)."""
    pos = _skip(text, 0)
    if not text.startswith("{", pos):  # not an object: parsed whole (the value count bounds it), for its kind
        doc = json.loads(text)
        raise DataError([Problem(file, "file", "type", type(doc).__name__, _COLLECTION)])
    kind = features = None
    pos = _skip(text, pos + 1)
    while not text.startswith("}", pos):
        if not text.startswith('"', pos):
            raise json.JSONDecodeError("Expecting property name enclosed in double quotes", text, pos)
        key, pos = _DECODER.raw_decode(text, pos)
        pos = _expect(text, _skip(text, pos), ":", "Expecting ':' delimiter")
        if key == "features" and text.startswith("[", pos):
            features, pos = _feature_list(text, pos, file)
        else:
            value, pos = _DECODER.raw_decode(text, pos)
            kind, features = (
                (value, features) if key == "type" else (kind, value) if key == "features" else (kind, features)
            )
        pos = _skip(text, pos)
        if not text.startswith("}", pos):
            pos = _expect(text, pos, ",", "Expecting ',' delimiter")
    if _skip(text, pos + 1) != len(text):
        raise json.JSONDecodeError("Extra data", text, _skip(text, pos + 1))
    return kind, features


def _read_features(path: Path, text: str | None = None) -> list[object]:
    text = read_text_checked(path) if text is None else text
    values = _json_values(text)
    if values > MAX_JSON_VALUES:  # refused before parsing: an empty list is 3 bytes here, 64 in memory
        raise DataError(
            [
                Problem(
                    path.name,
                    "file",
                    "",
                    f"{values:,} values",
                    f"too many JSON values (brackets and commas): the limit is {MAX_JSON_VALUES:,}; "
                    "a place holds about 20",
                )
            ]
        )
    try:
        kind, features = _collection(text, path.name)
    except json.JSONDecodeError as err:
        raise DataError(
            [
                Problem(
                    path.name,
                    f"line {err.lineno}, column {err.colno}",
                    "",
                    text[err.pos : err.pos + 20],
                    f"invalid JSON ({err.msg})",
                )
            ]
        ) from err
    except RecursionError as err:  # "[[[[..." thousands deep (issue 16)
        raise DataError(
            [
                Problem(
                    path.name,
                    "file",
                    "",
                    text[:20],
                    "the JSON is nested too deeply: a place is "
                    '{"type": "Feature", "geometry": {"type": "Point", ...}, "properties": {...}}',
                )
            ]
        ) from err
    if kind != "FeatureCollection" or not isinstance(features, list):
        raise DataError([Problem(path.name, "file", "type", kind, _COLLECTION)])
    if not features:
        raise DataError([Problem(path.name, "file", "features", [], "no places: add at least one Point feature")])
    return features


def load_places(path: Path | str, *, strict: bool = True, text: str | None = None) -> tuple[gpd.GeoDataFrame, Listed]:
    """Read and check `places.geojson`: Point features in [lon, lat] order inside Peru, known vocabularies.

    Returns a GeoDataFrame indexed by `id` (EPSG:4326) and the problems (the first MAX_LISTED, with the
    count of the rest); `strict=True` raises them. `text`: the file's text, already read.
    """
    path = Path(path)
    found = Found()
    rows, points, indices = [], [], []
    for i, feature in enumerate(_read_features(path, text)):
        add = _adder(found, path.name, "feature", i)
        geometry = feature.get("geometry") if isinstance(feature, dict) else None
        props = feature.get("properties") if isinstance(feature, dict) else None
        if not isinstance(geometry, dict) or geometry.get("type") != "Point":
            add(
                "geometry",
                geometry.get("type") if isinstance(geometry, dict) else geometry,
                "expected a Point geometry: each place is one point",
            )
            continue
        why = point_problem(geometry.get("coordinates"))
        if why:
            add("coordinates", geometry.get("coordinates"), why)
            continue
        if not isinstance(props, dict):
            add("properties", props, "expected an object of properties")
            continue
        nested = [k for k in vocab.PLACE_PROPERTIES if isinstance(props.get(k), (dict, list))]
        if nested:
            add(nested[0], props[nested[0]], "expected text, not a list or object")
            continue
        rows.append({k: "" if props.get(k) is None else str(props.get(k)) for k in vocab.PLACE_PROPERTIES})
        points.append(Point(geometry["coordinates"][:2]))
        indices.append(i)
    frame = pd.DataFrame(rows, columns=list(vocab.PLACE_PROPERTIES), dtype="str")
    _schema_problems(PLACES_SCHEMA, frame, path.name, indices, "feature", found)
    seen: dict[str, int] = {}
    for i, place_id in zip(indices, frame["id"], strict=True):
        if place_id in seen:
            found.add(
                i,
                Problem(
                    path.name, f"feature {i}", "id", place_id, f"duplicate id: already used by feature {seen[place_id]}"
                ),
            )
        seen.setdefault(place_id, i)
    problems, bad = _kept(found, strict)
    keep = [r for r, i in enumerate(indices) if i not in bad]
    places = gpd.GeoDataFrame(frame.iloc[keep].astype(object), geometry=[points[r] for r in keep], crs="EPSG:4326")
    return places.set_index("id"), problems
