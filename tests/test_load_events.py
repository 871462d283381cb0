"""Checked loading of events.csv: tables of valid and invalid rows, and whole-file failures."""

from __future__ import annotations

import csv
from pathlib import Path

import pandas as pd
import pytest

from geo.data.load import check_event_records, load_dataset
from geo.data.problems import DataError, Problem
from geo.data.vocab import EVENT_COLUMNS

ROW = "first_death_14h"  # the row the tables edit


def _rows(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8", newline="") as f:
        return list(csv.DictReader(f))


def _write(path: Path, rows: list[dict[str, str]], columns=EVENT_COLUMNS) -> None:
    with path.open("w", encoding="utf-8", newline="") as f:
        writer = csv.DictWriter(f, fieldnames=list(columns), lineterminator="\n", extrasaction="ignore")
        writer.writeheader()
        writer.writerows(rows)


def _edit(folder: Path, row_id: str, **changes: str) -> int:
    """Change cells of one row; returns the CSV line the row is on (1 = header)."""
    path = folder / "events.csv"
    rows = _rows(path)
    position = next(i for i, r in enumerate(rows) if r["id"] == row_id)
    rows[position].update(changes)
    _write(path, rows)
    return position + 2


INVALID = [
    # (column, bad value, words the message must contain)
    ("start", "2023-01-09T14:00", "UTC offset"),
    ("start", "2023-02-30T14:00-05:00", "ISO 8601"),
    ("start", "1900-01-09T14:00-05:00", "between 2000"),
    ("start", "2100-01-09T14:00-05:00", "between 2000"),
    ("start", "banana", "ISO 8601"),
    ("start", "", "ISO 8601"),
    ("end", "2023-01-09T13:00-05:00", "before start"),
    ("end", "tomorrow", "ISO 8601"),
    ("time_precision", "roughly", "expected one of: minute, hour"),
    ("place_id", "atlantis", "not an id in places.geojson"),
    ("origin_place_id", "atlantis", "not an id in places.geojson"),
    ("category", "massacre", "expected one of: march, protest"),
    ("civilians_killed", "-1", "whole number"),
    ("civilians_killed", "1.5", "whole number"),
    ("police_injured", "many", "whole number"),
    ("claim_status", "true", "expected one of: reported, official_claim, party_claim, disputed"),
    ("title_en", "", "must not be empty"),
    ("title_es", "x" * 161, "at most 160 characters"),
    ("summary_en", "y" * 5000, "at most 1200 characters"),
    (
        "source_quote",
        "one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen",
        "at most 15 words",
    ),
    ("source_section", "", "give both the section and the quoted phrase"),
    ("id", "First Death", "lowercase slug"),
    ("id", "airport_protest_noon", "duplicate id"),
    ("id", "first_death\n", "lowercase slug"),  # a pattern must match the whole cell
    ("id", "x" * 81, "lowercase slug"),
    ("civilians_killed", "²", "whole number"),  # a Unicode digit is not a count
    ("civilians_killed", "1000001", "whole number"),
]


@pytest.mark.parametrize("column, value, message", INVALID, ids=[f"{c}={v[:20]!r}" for c, v, _ in INVALID])
def test_invalid_cell_names_file_line_column_and_value(data_copy, column, value, message):
    line = _edit(data_copy, ROW, **{column: value})
    with pytest.raises(DataError) as caught:
        load_dataset(data_copy, strict=True)
    texts = [str(p) for p in caught.value.problems]
    where = f"events.csv, line {line}, column '{column}'"
    matching = [t for t in texts if t.startswith(where)]
    assert matching, f"no problem at {where}; got {texts}"
    assert any(message in t for t in matching), matching
    assert any(repr(value)[:40] in t for t in matching), "the message must quote the bad value"


def test_without_a_record_every_event_needs_its_own_source(data_copy):
    """A folder without sources.csv (an upload) has no citations: each row must carry a section and a phrase."""
    for name in ("sources.csv", "citations.csv", "readings.csv", "figures.csv", "people.csv"):
        (data_copy / name).unlink()
    line = _edit(data_copy, ROW, source_section="", source_quote="", source_quote_es="")
    with pytest.raises(DataError) as caught:
        load_dataset(data_copy, strict=True)
    where = f"events.csv, line {line}, column 'source_quote'"
    assert any(str(p).startswith(where) and "has no source" in str(p) for p in caught.value.problems), [
        str(p) for p in caught.value.problems
    ][:5]


def test_a_translation_without_the_quote_it_translates_is_refused(data_copy):
    line = _edit(data_copy, ROW, source_section="", source_quote="")
    with pytest.raises(DataError, match=rf"line {line}, column 'source_quote_es'.*needs the quoted phrase"):
        load_dataset(data_copy)


def test_a_march_without_origin_is_refused(data_copy):
    line = _edit(data_copy, "march_moho", origin_place_id="")
    with pytest.raises(DataError, match=rf"line {line}, column 'origin_place_id'.*came from"):
        load_dataset(data_copy)


VALID = [
    ("end", ""),
    ("start", "2023-01-09T19:00Z"),  # UTC is converted to Lima time
    ("start", "2023-01-09T14:00:00-05:00"),
    ("place_id", ""),  # a place the source does not give
    ("civilians_killed", ""),
    ("civilians_killed", "0"),
    ("reported_by", ""),
    ("title_es", "Niño, pingüino y acción: ñandú"),
    ("summary_en", "<script>alert(1)</script> `${x}` C:\\users"),  # stored as text; escaped when shown
]


@pytest.mark.parametrize("column, value", VALID, ids=[f"{c}={v[:20]!r}" for c, v in VALID])
def test_valid_cell_loads(data_copy, column, value):
    _edit(data_copy, ROW, **{column: value})
    events = load_dataset(data_copy).events
    row = events[events["id"] == ROW].iloc[0]
    if column == "start":
        assert row["start"] == pd.Timestamp("2023-01-09T14:00-05:00")
        assert str(row["start"].tz) == "America/Lima"
    elif value == "":
        assert pd.isna(row[column]) or row[column] == ""
    elif column == "civilians_killed":
        assert row[column] == int(value)
    else:
        assert row[column] == value


def test_lenient_mode_keeps_valid_rows_and_lists_rejected(data_copy):
    strict_count = len(load_dataset(data_copy).events)
    line_a = _edit(data_copy, "c130_arrives", start="2023-01-08 11:00")
    line_b = _edit(data_copy, "doctor_killed", place_id="nowhere")
    before = (data_copy / "events.csv").read_bytes()
    loaded = load_dataset(data_copy, strict=False)
    assert len(loaded.events) == strict_count - 2
    assert {p.where for p in loaded.problems} == {f"line {line_a}", f"line {line_b}"}
    assert not loaded.events["id"].isin(["c130_arrives", "doctor_killed"]).any()
    assert (data_copy / "events.csv").read_bytes() == before, "loading must never write the file"


def _records(folder: Path) -> pd.DataFrame:
    rows = _rows(folder / "events.csv")
    return pd.DataFrame(rows, columns=list(EVENT_COLUMNS), dtype=object).fillna("").assign(line=range(2, len(rows) + 2))


@pytest.mark.parametrize(
    "breakage, column",
    [
        (lambda frame: frame.drop(columns="category"), "category"),
        (lambda frame: frame.assign(civilians_killed=0), "civilians_killed"),  # numbers where text is expected
    ],
)
def test_a_whole_table_failure_is_raised_even_when_lenient(data, data_copy, breakage, column):
    """Pandera reports these with no row; they used to be dropped, and the table loaded as if valid."""
    with pytest.raises(DataError) as caught:
        check_event_records(breakage(_records(data_copy)), data.places, "events.csv", strict=False)
    (problem,) = caught.value.problems
    assert problem.where == "file" and column in str(problem), str(problem)


def test_rows_are_refused_by_their_line_number_in_file_order(data, data_copy):
    frame = _records(data_copy).iloc[::-1].reset_index(drop=True)  # rows in any order, each with its line
    frame.loc[frame["id"] == "doctor_killed", "category"] = "massacre"
    frame.loc[frame["id"] == "c130_arrives", ["start", "place_id"]] = ["banana", "nowhere"]
    events, problems = check_event_records(
        frame,
        data.places,
        "events.csv",
        strict=False,
        problems=[(1000, Problem("events.csv", "line 1000", "", "3 fields", "ragged"))],
    )
    assert set(frame["id"]) - set(events["id"]) == {"doctor_killed", "c130_arrives"}
    lines = [int(p.where.split()[1]) for p in problems]
    assert lines == sorted(lines) and lines[-1] == 1000 and len(problems) == 4


def test_events_are_sorted_and_in_lima_time(data):
    starts = data.events["start"]
    assert starts.is_monotonic_increasing
    assert str(starts.dt.tz) == "America/Lima"


@pytest.mark.parametrize(
    "header_change, message",
    [
        (lambda cols: [c for c in cols if c != "category"], "column 'category': '': missing column"),
        (lambda cols: [*cols, "category"], "column 'category': 'category': this column appears more than once"),
        (lambda cols: [*cols, "colour"], "column 'colour': 'colour': unknown column"),
    ],
)
def test_header_problems_are_fatal_and_named(data_copy, header_change, message):
    path = data_copy / "events.csv"
    rows = _rows(path)
    _write(path, rows, columns=header_change(list(EVENT_COLUMNS)))
    with pytest.raises(DataError) as caught:
        load_dataset(data_copy)
    assert any(message in str(p) and "line 1" in str(p) for p in caught.value.problems), caught.value


@pytest.mark.parametrize(
    "content, message",
    [
        (b"", "the file is empty"),
        (",".join(EVENT_COLUMNS).encode() + b"\n", "a header but no events"),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00", "binary file"),
        (b"id;start;end\n", "is the file comma-separated?"),
        ("caf\xe9\n".encode("latin-1"), "not valid UTF-8"),
    ],
)
def test_unreadable_files_say_why(data_copy, content, message):
    (data_copy / "events.csv").write_bytes(content)
    with pytest.raises(DataError, match=message):
        load_dataset(data_copy)


def test_ragged_row_is_named_by_line(data_copy):
    path = data_copy / "events.csv"
    lines = path.read_text(encoding="utf-8").splitlines()
    width = len(next(csv.reader([lines[0]])))  # the header's fields
    lines[2] = lines[2] + ",extra"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    with pytest.raises(DataError, match=rf"events\.csv, line 3: '{width + 1} fields': expected {width}"):
        load_dataset(data_copy)


def test_utf8_with_bom_is_accepted(data_copy):
    path = data_copy / "events.csv"
    path.write_bytes(b"\xef\xbb\xbf" + path.read_bytes())
    assert len(load_dataset(data_copy).events) > 0


def test_a_one_megabyte_cell_is_refused_with_its_line(data_copy):
    line = _edit(data_copy, ROW, summary_en="y" * 1_000_000)
    with pytest.raises(
        DataError, match=rf"events\.csv, line {line}, column 'summary_en': 'yyy.*at most 1200 characters"
    ):
        load_dataset(data_copy)
