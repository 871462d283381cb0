"""Checked loading of `places.geojson` and `events.csv` into typed, timezone-aware frames.

Data enters once, here. Every value is checked against `geo.vocab`; each problem names the file,
the line (CSV) or feature (GeoJSON), the column, the value and what is expected. Strict loading
raises `DataError` with all of them; lenient loading keeps the valid rows and returns the rest
as problems. Nothing here touches the network.
"""

from __future__ import annotations

import json
import math
import os
import re
from collections import Counter
from dataclasses import dataclass
from pathlib import Path
from typing import Callable

import geopandas as gpd
import pandas as pd
import pandera.pandas as pa
from shapely.geometry import Point

from geo import vocab
from geo.csvrows import read_records
from geo.problems import DataError, Problem

LIMA = "America/Lima"
REPO_DATA_DIR = Path(__file__).resolve().parent.parent / "data"

_SLUG = re.compile(r"[a-z0-9][a-z0-9_]*")
_MAX_LISTED = 20  # header problems listed one by one; the rest are counted
_ISO_WITH_OFFSET = re.compile(r"\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2})?([+-]\d{2}:\d{2}|Z)")


@dataclass(frozen=True)
class Dataset:
    """The checked data: places indexed by id, events sorted by start, and what was rejected."""

    places: gpd.GeoDataFrame
    events: pd.DataFrame
    problems: tuple[Problem, ...] = ()


def default_data_dir() -> Path:
    """The folder to load: `$JULIACA_DATA_DIR` if set, else the bundled `data/`."""
    return Path(os.environ.get("JULIACA_DATA_DIR") or REPO_DATA_DIR)


def load_dataset(data_dir: Path | str | None = None, *, strict: bool = True) -> Dataset:
    """Load `places.geojson` and `events.csv` from `data_dir`; see the module docstring."""
    folder = Path(data_dir) if data_dir is not None else default_data_dir()
    places, place_problems = load_places(folder / "places.geojson", strict=strict)
    events, event_problems = load_events(folder / "events.csv", places, strict=strict)
    return Dataset(places, events, tuple(place_problems + event_problems))


# --- shared helpers ------------------------------------------------------------------------


def _check(rule: Callable[[str], bool], expected: str) -> pa.Check:
    """An element-wise check on a text cell whose failure message says what is expected."""
    return pa.Check(rule, element_wise=True, error=expected)


def _text(max_len: int, *, required: bool = True) -> list[pa.Check]:
    checks = [_check(lambda v: len(v) <= max_len, f"expected at most {max_len} characters")]
    if required:
        checks.insert(0, _check(lambda v: v.strip() != "", "this column must not be empty"))
    return checks


def _one_of(values: tuple[str, ...], *, required: bool = True) -> pa.Check:
    allowed = set(values) if required else set(values) | {""}
    return _check(lambda v: v in allowed, "expected one of: " + ", ".join(values))


def _schema_problems(schema: pa.DataFrameSchema, frame: pd.DataFrame, file: str,
                     where: Callable[[int], str]) -> list[Problem]:
    """Run a pandera schema lazily and turn each failure case into a `Problem`."""
    try:
        schema.validate(frame, lazy=True)
    except pa.errors.SchemaErrors as err:
        cases = err.failure_cases.dropna(subset=["index"])
        columns = (cases[name].tolist() for name in ("index", "column", "failure_case", "check"))
        # zip, not iterrows: 200,000 refused rows took 10 s of CPU with iterrows (issue 16)
        return [Problem(file, where(int(index)), str(column), value, str(check))
                for index, column, value, check in zip(*columns)]
    return []


def read_text_checked(path: Path) -> str:
    """The text of a data file as UTF-8 (BOM allowed); binary or Latin-1 files raise DataError."""
    try:
        raw = path.read_bytes()
    except OSError as err:
        raise DataError([Problem(path.name, "file", "", str(path), f"cannot be read ({err.strerror})")]) from err
    if b"\x00" in raw[:4096]:
        raise DataError([Problem(path.name, "file", "", raw[:16], "this is a binary file, not UTF-8 text")])
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError as err:
        line = raw[: err.start].count(b"\n") + 1
        raise DataError([Problem(path.name, f"line {line}", "", raw[err.start:err.start + 8],
                                 "not valid UTF-8: save the file as UTF-8 (Latin-1 is not accepted)")]) from err


# --- events.csv ----------------------------------------------------------------------------


def _is_time(v: str) -> bool:
    if not _ISO_WITH_OFFSET.fullmatch(v):
        return False
    try:
        ts = pd.Timestamp(v)
    except ValueError:
        return False
    return vocab.EARLIEST_YEAR <= ts.year <= vocab.LATEST_YEAR


def _is_digits(v: str) -> bool:
    """ASCII digits only, short enough for `int` ('²' passes `isdigit`; 5,000 digits overflow `int`)."""
    return v.isascii() and v.isdigit() and len(v) <= 12


_TIME_EXPECTED = (f"expected an ISO 8601 time with its UTC offset between {vocab.EARLIEST_YEAR} and "
                  f"{vocab.LATEST_YEAR}, e.g. 2023-01-09T17:20-05:00 (Lima is -05:00)")
_COUNT_EXPECTED = f"expected a whole number from 0 to {vocab.MAX_COUNT}, or empty when the source gives none"

EVENTS_SCHEMA = pa.DataFrameSchema(
    {
        "id": pa.Column(str, _check(lambda v: bool(_SLUG.fullmatch(v)) and len(v) <= 80,
                                    "expected a lowercase slug (a-z, 0-9, _), e.g. first_death_14h")),
        "start": pa.Column(str, _check(_is_time, _TIME_EXPECTED)),
        "end": pa.Column(str, _check(lambda v: v == "" or _is_time(v), _TIME_EXPECTED + ", or empty")),
        "time_precision": pa.Column(str, _one_of(vocab.TIME_PRECISIONS)),
        "place_id": pa.Column(str, _text(80, required=False)),
        "origin_place_id": pa.Column(str, _text(80, required=False)),
        "category": pa.Column(str, _one_of(vocab.CATEGORIES)),
        "title_en": pa.Column(str, _text(vocab.MAX_TITLE)),
        "title_es": pa.Column(str, _text(vocab.MAX_TITLE)),
        "summary_en": pa.Column(str, _text(vocab.MAX_SUMMARY)),
        "summary_es": pa.Column(str, _text(vocab.MAX_SUMMARY)),
        **{
            col: pa.Column(str, _check(lambda v: v == "" or (_is_digits(v) and int(v) <= vocab.MAX_COUNT),
                                       _COUNT_EXPECTED))
            for col in vocab.COUNT_COLUMNS
        },
        "claim_status": pa.Column(str, _one_of(vocab.CLAIM_STATUSES)),
        "reported_by": pa.Column(str, _text(vocab.MAX_SHORT_TEXT, required=False)),
        "source_section": pa.Column(str, _text(vocab.MAX_SHORT_TEXT)),
        "source_quote": pa.Column(str, _text(vocab.MAX_SHORT_TEXT) + [
            _check(lambda v: len(v.split()) <= vocab.MAX_QUOTE_WORDS,
                   f"expected a verbatim phrase of at most {vocab.MAX_QUOTE_WORDS} words")]),
        "time_inferred": pa.Column(str, _one_of(vocab.TIME_INFERRED, required=False)),
        "count_qualifier": pa.Column(str, _one_of(vocab.COUNT_QUALIFIERS, required=False)),
    },
    strict=False,
)


def _read_csv_records(path: Path, text: str) -> tuple[pd.DataFrame, list[Problem]]:
    """Parse CSV text into a frame of strings with the line each record starts on.

    Header problems (missing, duplicated or unknown columns) are fatal and raised at once;
    a ragged row is a problem of its own line.
    """
    rows = read_records(text, path.name)
    header = next(rows, (1, None))[1]
    if not header or not any(h.strip() for h in header):
        raise DataError([Problem(path.name, "line 1", "", "", "the file is empty; expected the header row: "
                                 + ",".join(vocab.EVENT_COLUMNS))])
    header = [h.strip() for h in header]
    counts = Counter(header)  # a header may have thousands of columns: count once (issue 16)
    fatal = [Problem(path.name, "line 1", col, col, "this column appears more than once; keep one")
             for col in sorted(c for c, n in counts.items() if n > 1)][:_MAX_LISTED]
    missing = [c for c in vocab.EVENT_COLUMNS if c not in counts and c not in vocab.OPTIONAL_EVENT_COLUMNS]
    if missing:
        hint = " (is the file comma-separated?)" if len(header) == 1 else ""
        fatal += [Problem(path.name, "line 1", col, "", f"missing column; add it to the header{hint}") for col in missing]
    unknown = [col for col in counts if col not in vocab.EVENT_COLUMNS and col not in vocab.EXPORT_ONLY_COLUMNS]
    fatal += [Problem(path.name, "line 1", col, col, "unknown column; expected only: " + ", ".join(vocab.EVENT_COLUMNS))
              for col in unknown[:_MAX_LISTED]]
    if len(unknown) > _MAX_LISTED:
        fatal.append(Problem(path.name, "line 1", "", f"{len(unknown):,} unknown columns",
                             f"only the first {_MAX_LISTED} are listed; is this the right file?"))
    if fatal:
        raise DataError(fatal)

    records, lines, problems = [], [], []
    for start_line, row in rows:
        if row and any(cell.strip() for cell in row):
            if len(row) != len(header):
                problems.append(Problem(path.name, f"line {start_line}", "", f"{len(row)} fields",
                                        f"expected {len(header)} comma-separated fields, like the header"))
            else:
                records.append(dict(zip(header, row)))
                lines.append(start_line)
    if not records and not problems:
        raise DataError([Problem(path.name, "line 2", "", "", "the file has a header but no events; add rows below it")])
    frame = pd.DataFrame(records, columns=list(vocab.EVENT_COLUMNS), dtype=object).fillna("")
    frame.insert(0, "line", lines)
    return frame, problems


def _relational_problems(frame: pd.DataFrame, place_ids: set[str], file: str) -> list[Problem]:
    """Rules across cells and rows: unique ids, known places, marches with an origin, end after start."""
    problems: list[Problem] = []
    first_line: dict[str, int] = {}
    for row in frame.itertuples(index=False):
        where = f"line {row.line}"
        if row.id in first_line:
            problems.append(Problem(file, where, "id", row.id, f"duplicate id: already used on line {first_line[row.id]}"))
        first_line.setdefault(row.id, row.line)
        for col in ("place_id", "origin_place_id"):
            value = getattr(row, col)
            if value and value not in place_ids:
                problems.append(Problem(file, where, col, value,
                                        "not an id in places.geojson; add the place there or use one of: "
                                        + ", ".join(sorted(place_ids))))
        if row.category == "march" and not row.origin_place_id:
            problems.append(Problem(file, where, "origin_place_id", "", "a march needs the id of the place it came from"))
        if row.end and _is_time(row.start) and _is_time(row.end) and pd.Timestamp(row.end) < pd.Timestamp(row.start):
            problems.append(Problem(file, where, "end", row.end, f"end is before start ({row.start}); swap them or fix one"))
    return problems


def _typed_events(frame: pd.DataFrame) -> pd.DataFrame:
    """Convert checked strings into Lima-time timestamps and nullable integer counts, sorted by start."""
    out = frame.copy()
    for col in ("start", "end"):
        out[col] = pd.to_datetime(out[col].replace("", None), utc=True, format="ISO8601").dt.tz_convert(LIMA)
    for col in vocab.COUNT_COLUMNS:
        out[col] = pd.to_numeric(out[col].replace("", None)).astype("Int64")
    return out.sort_values(["start", "line"], kind="stable").reset_index(drop=True)


def load_events(path: Path | str, places: gpd.GeoDataFrame, *, strict: bool = True
                ) -> tuple[pd.DataFrame, list[Problem]]:
    """Read and check `events.csv` against the vocabularies and the ids of `places`.

    Returns the valid events (Lima time, sorted by start) and the problems. With `strict=True`
    any problem raises `DataError` instead.
    """
    path = Path(path)
    frame, problems = _read_csv_records(path, read_text_checked(path))
    return check_event_records(frame, places, path.name, strict=strict, problems=problems)


def check_event_records(frame: pd.DataFrame, places: gpd.GeoDataFrame, file: str, *, strict: bool = True,
                        problems: list[Problem] | None = None) -> tuple[pd.DataFrame, list[Problem]]:
    """Check a frame of event strings (one column per `EVENT_COLUMNS`, plus `line`) and type the valid rows.

    Any source of rows can use it (events.csv, an ACLED export); `line` is the line in that source.
    """
    problems = list(problems or [])
    lines = frame["line"].tolist()  # a list: a frame lookup for each of 200,000 problems is slow
    problems += _schema_problems(EVENTS_SCHEMA, frame, file, lambda i: f"line {lines[i]}")
    problems += _relational_problems(frame, set(places.index), file)
    problems.sort(key=lambda p: p.number)
    if strict and problems:
        raise DataError(problems)
    bad_lines = {p.number for p in problems}
    return _typed_events(frame[~frame["line"].isin(bad_lines)]), problems


# --- places.geojson ------------------------------------------------------------------------

PLACES_SCHEMA = pa.DataFrameSchema(
    {
        "id": pa.Column(str, _check(lambda v: bool(_SLUG.fullmatch(v)) and len(v) <= 80,
                                    "expected a lowercase slug (a-z, 0-9, _), e.g. jul_airport")),
        "name_en": pa.Column(str, _text(120)),
        "name_es": pa.Column(str, _text(120)),
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


def _read_features(path: Path) -> list[object]:
    text = read_text_checked(path)
    try:
        doc = json.loads(text)
    except json.JSONDecodeError as err:
        raise DataError([Problem(path.name, f"line {err.lineno}, column {err.colno}", "", text[err.pos:err.pos + 20],
                                 f"invalid JSON ({err.msg})")]) from err
    except RecursionError as err:  # "[[[[..." thousands deep (issue 16)
        raise DataError([Problem(path.name, "file", "", text[:20], "the JSON is nested too deeply: a place is "
                                 '{"type": "Feature", "geometry": {"type": "Point", ...}, "properties": {...}}')]) from err
    if not isinstance(doc, dict) or doc.get("type") != "FeatureCollection" or not isinstance(doc.get("features"), list):
        raise DataError([Problem(path.name, "file", "type", doc.get("type") if isinstance(doc, dict) else type(doc).__name__,
                                 'expected a GeoJSON object {"type": "FeatureCollection", "features": [...]}')])
    if not doc["features"]:
        raise DataError([Problem(path.name, "file", "features", [], "no places: add at least one Point feature")])
    return doc["features"]


def load_places(path: Path | str, *, strict: bool = True) -> tuple[gpd.GeoDataFrame, list[Problem]]:
    """Read and check `places.geojson`: Point features in [lon, lat] order inside Peru, known vocabularies.

    Returns a GeoDataFrame indexed by `id` (EPSG:4326) and the problems; `strict=True` raises them.
    """
    path = Path(path)
    problems: list[Problem] = []
    rows, points, indices = [], [], []
    for i, feature in enumerate(_read_features(path)):
        where = f"feature {i}"
        geometry = feature.get("geometry") if isinstance(feature, dict) else None
        props = feature.get("properties") if isinstance(feature, dict) else None
        if not isinstance(geometry, dict) or geometry.get("type") != "Point":
            problems.append(Problem(path.name, where, "geometry",
                                    geometry.get("type") if isinstance(geometry, dict) else geometry,
                                    "expected a Point geometry: each place is one point"))
            continue
        why = point_problem(geometry.get("coordinates"))
        if why:
            problems.append(Problem(path.name, where, "coordinates", geometry.get("coordinates"), why))
            continue
        if not isinstance(props, dict):
            problems.append(Problem(path.name, where, "properties", props, "expected an object of properties"))
            continue
        nested = [k for k in vocab.PLACE_PROPERTIES if isinstance(props.get(k), (dict, list))]
        if nested:
            problems.append(Problem(path.name, where, nested[0], props[nested[0]], "expected text, not a list or object"))
            continue
        rows.append({k: "" if props.get(k) is None else str(props.get(k)) for k in vocab.PLACE_PROPERTIES})
        points.append(Point(geometry["coordinates"][:2]))
        indices.append(i)
    frame = pd.DataFrame(rows, columns=list(vocab.PLACE_PROPERTIES), dtype=object)
    problems += _schema_problems(PLACES_SCHEMA, frame, path.name, lambda r: f"feature {indices[r]}")
    seen: dict[str, int] = {}
    for r, place_id in enumerate(frame["id"]):
        if place_id in seen:
            problems.append(Problem(path.name, f"feature {indices[r]}", "id", place_id,
                                    f"duplicate id: already used by feature {seen[place_id]}"))
        seen.setdefault(place_id, indices[r])
    problems.sort(key=lambda p: p.number)
    if strict and problems:
        raise DataError(problems)
    bad = {p.number for p in problems}
    keep = [r for r, i in enumerate(indices) if i not in bad]
    places = gpd.GeoDataFrame(frame.iloc[keep], geometry=[points[r] for r in keep], crs="EPSG:4326")
    return places.set_index("id"), problems
