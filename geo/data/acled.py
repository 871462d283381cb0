"""ACLED exports mapped onto the project's schema (docs/your-data.md).

ACLED rows become rows of `events.csv` and `places.geojson`, and then go through the same checked
loader as everything else, so a bad ACLED row is refused with its line, column, value and reason.

The mapping, column by column:
- `event_id_cnty` → `id` (lowercased, non-slug characters replaced by `_`);
- `event_date` (`2023-01-09` or `09 January 2023`) → `start` at 00:00 Lima time; ACLED
  `time_precision` 1 (day) → `day`, 2 (week) and 3 (month) → `month`;
- `event_type`/`sub_event_type` → `category` (table `CATEGORY_BY_TYPE`);
- `location`, `latitude`, `longitude`, `admin1` → a place (one per distinct location and point),
  ACLED `geo_precision` 1 → `town`, 2 → `town`, 3 → `province`;
- `sub_event_type` and `location` → the titles; `notes` → the summaries; `source` → `reported_by`;
  the first 15 words of `notes` → `source_quote`; `source_section` is "ACLED";
- `fatalities` → `civilians_killed`: ACLED does not split the dead into civilians and police, so
  the app labels that counter "People killed (ACLED: not split)" for an ACLED dataset.
ACLED's texts are English; the Spanish columns repeat them, and the app says so.
"""

from __future__ import annotations

import math
import re
from pathlib import Path

import geopandas as gpd
import pandas as pd
from shapely.geometry import Point

from geo.data.csvrows import read_records, read_text_checked
from geo.data.load import Dataset, check_event_records, dataset_of, point_problem
from geo.data.problems import DataError, Found, Problem
from geo.data.vocab import EVENT_COLUMNS, MAX_QUOTE_WORDS, MAX_SUMMARY, MAX_TITLE, per_language

ACLED_REQUIRED = (
    "event_id_cnty",
    "event_date",
    "event_type",
    "sub_event_type",
    "location",
    "latitude",
    "longitude",
    "fatalities",
)
CATEGORY_BY_TYPE = {
    ("Protests", None): "protest",
    ("Riots", "Looting/property destruction"): "looting",
    ("Riots", None): "clash",
    ("Battles", None): "clash",
    ("Explosions/Remote violence", None): "clash",
    ("Violence against civilians", None): "shooting",
    ("Strategic developments", "Arrests"): "arrest",
    ("Strategic developments", "Looting/property destruction"): "looting",
    ("Strategic developments", None): "context",
}
MAX_PLACE_NAME = 120  # as `name_en` in places.geojson
_MONTHS = {
    m: i
    for i, m in enumerate(
        (
            "january",
            "february",
            "march",
            "april",
            "may",
            "june",
            "july",
            "august",
            "september",
            "october",
            "november",
            "december",
        ),
        start=1,
    )
}


def _slug(value: str) -> str:
    return re.sub(r"[^a-z0-9_]+", "_", value.strip().lower()).strip("_") or "x"


def _date(value: str) -> str | None:
    """ISO date from ACLED's `2023-01-09` or `09 January 2023`; None if neither."""
    value = value.strip()
    if re.fullmatch(r"\d{4}-\d{2}-\d{2}", value):
        return value
    match = re.fullmatch(r"(\d{1,2}) ([A-Za-z]+) (\d{4})", value)
    if match and match.group(2).lower() in _MONTHS:
        return f"{match.group(3)}-{_MONTHS[match.group(2).lower()]:02d}-{int(match.group(1)):02d}"
    return None


def _category(event_type: str, sub_event_type: str) -> str | None:
    return CATEGORY_BY_TYPE.get((event_type, sub_event_type)) or CATEGORY_BY_TYPE.get((event_type, None))


def _number(value: str) -> float | None:
    try:
        number = float(value)
    except ValueError:
        return None
    return number if math.isfinite(number) else None


def _is_count(value: str) -> bool:
    """A whole number written in ASCII digits ('²' and '٣' pass `str.isdigit` but not `int` or pandas)."""
    return value.isascii() and value.isdigit()


def convert(text: str, file: str, max_rows: int | None = None) -> tuple[pd.DataFrame, gpd.GeoDataFrame, Found]:
    """ACLED CSV text → (event rows as strings with their ACLED `line`, places, the problems of unmappable rows).

    The rows still go through `geo.data.load.check_event_records`, which checks them like any events.
    Within the limits of `geo.data.limits`: rows as the csv reader counts them, problems capped.
    """
    records = read_records(text, file, max_rows)
    header = next(records, (1, []))[1]
    missing = [c for c in ACLED_REQUIRED if c not in header]
    if missing:
        hint = " (is the file comma-separated?)" if len(header) == 1 else "; is this an ACLED export?"
        raise DataError([Problem(file, "line 1", c, "", f"missing ACLED column{hint}") for c in missing])
    places: dict[tuple[str, float, float], dict[str, object]] = {}
    rows: dict[str, list[object]] = {column: [] for column in ("line", *EVENT_COLUMNS)}
    problems = Found()
    for line, cells in records:
        where = f"line {line}"
        if not cells:
            continue
        if len(cells) != len(header):  # short too (issue 21: a missing `location` raised a KeyError)
            problems.add(
                line,
                Problem(
                    file,
                    where,
                    "",
                    f"{len(cells)} fields",
                    f"expected {len(header)} comma-separated fields, like the header",
                ),
            )
            continue
        record = dict(zip(header, cells, strict=True))
        date = _date(record.get("event_date") or "")
        category = _category(record.get("event_type") or "", record.get("sub_event_type") or "")
        lat, lon = _number(record.get("latitude") or ""), _number(record.get("longitude") or "")
        fatalities = (record.get("fatalities") or "0").strip() or "0"
        checks = (
            ("event_date", record.get("event_date"), "expected a date like 2023-01-09 or 09 January 2023", not date),
            (
                "event_type",
                record.get("event_type"),
                "not an ACLED event type this app maps: " + ", ".join(sorted({t for t, _ in CATEGORY_BY_TYPE})),
                not category,
            ),
            ("latitude", record.get("latitude"), "expected a finite number", lat is None),
            ("longitude", record.get("longitude"), "expected a finite number", lon is None),
            ("fatalities", fatalities, "expected a whole number from 0", not _is_count(fatalities)),
            (
                "location",
                record.get("location"),
                f"expected at most {MAX_PLACE_NAME} characters",
                len(record.get("location") or "") > MAX_PLACE_NAME,
            ),
        )
        bad = [Problem(file, where, c, v, m) for c, v, m, failed in checks if failed]
        if not bad:
            why = point_problem([lon, lat])
            if why:
                bad.append(
                    Problem(
                        file,
                        where,
                        "latitude",
                        f"{record['latitude']}, {record['longitude']}",
                        why.replace("GeoJSON wants [longitude, latitude]", "check the two columns"),
                    )
                )
        if bad or lat is None or lon is None:  # lat and lon are None only with a problem in bad
            for problem in bad:
                problems.add(line, problem)
            continue
        key = (record["location"].strip(), round(lat, 5), round(lon, 5))
        if key not in places:
            places[key] = {
                "id": f"{_slug(key[0])[:50]}_{len(places)}",
                "name": key[0] or "?",
                "point": Point(round(lon, 5), round(lat, 5)),
                "precision": {"3": "province"}.get((record.get("geo_precision") or "").strip(), "town"),
            }
        notes = (record.get("notes") or "").strip()
        title = f"{record['sub_event_type'] or record['event_type']}: {record['location']}"[:MAX_TITLE]
        summary = (notes or title)[:MAX_SUMMARY]
        _append(
            rows,
            {
                "line": line,
                "id": _slug(record["event_id_cnty"]),
                "start": f"{date}T00:00-05:00",
                "end": "",
                "time_precision": "day" if (record.get("time_precision") or "1").strip() == "1" else "month",
                "place_id": places[key]["id"],
                "origin_place_id": "",
                "category": category,
                **dict.fromkeys(per_language("title"), title),
                **dict.fromkeys(per_language("summary"), summary),
                "civilians_killed": fatalities,
                "civilians_injured": "",
                "police_killed": "",
                "police_injured": "",
                "claim_status": "reported",
                "reported_by": (record.get("source") or "")[:300],
                "source_section": "ACLED",
                "source_quote": " ".join((notes or title).split()[:MAX_QUOTE_WORDS])[:300],
            },
        )
    frame = pd.DataFrame(
        {c: pd.Series(v, dtype="str") for c, v in rows.items() if c != "line"}, columns=list(EVENT_COLUMNS)
    )  # Arrow strings, as load.py reads them
    frame.insert(0, "line", pd.Series(rows["line"], dtype="int64"))
    place_frame = gpd.GeoDataFrame(
        {
            "id": [p["id"] for p in places.values()],
            **{column: [p["name"] for p in places.values()] for column in per_language("name")},
            "kind": "town",
            "role": "site",
            "geo_precision": [p["precision"] for p in places.values()],
            "source": "ACLED",
        },
        geometry=[p["point"] for p in places.values()],
        crs="EPSG:4326",
    ).set_index("id")
    return frame, place_frame, problems


def _append(columns: dict[str, list[object]], row: dict[str, object]) -> None:
    """One row into lists by column: a dict per row would hold 200,000 dicts of 22 keys (issue 21)."""
    for column, values in columns.items():
        values.append(row.get(column, ""))


def load_acled(
    path: Path | str, *, strict: bool = False, text: str | None = None, max_rows: int | None = None
) -> Dataset:
    """An ACLED export as a checked Dataset: the rows that map and pass, and each refused row with its reason
    (the first 1,000 problems; the rest are counted). `text`: the file's text, already read; `max_rows`:
    the most rows it may have (an upload's limit)."""
    path = Path(path)
    frame, places, problems = convert(read_text_checked(path) if text is None else text, path.name, max_rows)
    del text
    if frame.empty and not problems.count:
        raise DataError([Problem(path.name, "line 2", "", "", "the file has a header but no events")])
    events, found = check_event_records(frame, places, path.name, strict=strict, problems=problems)
    return dataset_of(places, events, found)
