"""The limits on a data file, counted on what is read (issue 21): rows as the csv reader ends them (any line
ending), columns per record, places as they are parsed, and problems capped at the first 1,000 with a count
of the rest. Nothing is kept that a limit would refuse: the memory a check takes is bounded too."""

from __future__ import annotations

import io
import json
import tracemalloc
from pathlib import Path

import pytest

from geo.commands.cli import main
from geo.data.load import REPO_DATA_DIR
from geo.data.problems import DataError
from geo.data.upload import MAX_COLUMNS, MAX_FEATURES, MAX_LISTED, MAX_ROWS, load_upload
from geo.data.vocab import EVENT_COLUMNS

HEADER = ",".join(EVENT_COLUMNS)
BUNDLED_EVENTS = (REPO_DATA_DIR / "events.csv").read_bytes()
ACLED_OK = (Path(__file__).resolve().parent / "corpus" / "acled_ok.csv").read_bytes()


def _outcome(content: bytes, fmt: str = "project", places: bytes | None = None):
    """The dataset, or the DataError that refused the file."""
    try:
        return load_upload(content, "events.csv", fmt, places, "places.geojson")
    except DataError as error:
        return error


def _messages(outcome) -> list[str]:
    return [str(p) for p in outcome.problems]


def _rows(n: int, ending: str, row: str = "x") -> bytes:
    return (HEADER + ending + (row + ending) * n).encode()


@pytest.mark.parametrize("ending", ["\n", "\r\n", "\r"])
def test_the_row_limit_is_counted_on_records_whatever_the_line_ending(ending):
    """Issue 21: 300,000 rows ending in a bare CR passed a limit that counted b"\\n"."""
    over = _outcome(_rows(MAX_ROWS + 1, ending))
    assert isinstance(over, DataError), f"{len(over.problems)} problems, not refused"
    assert _messages(over) == [
        f"events.csv, line {MAX_ROWS + 2}: 'more than {MAX_ROWS:,} rows': "
        f"too many rows: the limit is {MAX_ROWS:,}; split the file"
    ]
    at_limit = _outcome(_rows(MAX_ROWS, ending))
    assert not isinstance(at_limit, DataError), _messages(at_limit)[:3]


def test_line_breaks_inside_quoted_cells_are_not_rows():
    """A note of 300,000 lines is one cell of one row; it was refused as 300,000 rows."""
    header, row = ACLED_OK.split(b"\n")[:2]
    note = b'"On 9 January 2023, police fired.' + b"\n" * (MAX_ROWS + 100_000) + b'"'
    content = (
        header
        + b"\n"
        + row.replace(b'"On 9 January 2023, police fired on demonstrators near the airport in Juliaca."', note, 1)
        + b"\n"
    )
    dataset = _outcome(content, "acled")
    assert not isinstance(dataset, DataError), _messages(dataset)
    assert len(dataset.events) == 1 and dataset.problems == ()


@pytest.mark.parametrize("ending", ["\n", "\r\n", "\r"])
def test_columns_are_counted_per_record_whatever_the_line_ending(ending):
    """Many rows of 21 fields are not one row of thousands of fields (a file saved with CR line ends)."""
    wide_file = _rows(2_000, ending, ",".join(["x"] * len(EVENT_COLUMNS)))
    assert not any("too many columns" in m for m in _messages(_outcome(wide_file)))
    one_wide_row = (HEADER + ending + ",".join(["ab"] * (MAX_COLUMNS + 1)) + ending).encode()
    assert any(
        f"'{MAX_COLUMNS + 1:,} fields in one row': too many columns" in m for m in _messages(_outcome(one_wide_row))
    )


def _feature_bomb(n: int) -> bytes:
    return b'{"type": "FeatureCollection", "features": [' + b",".join([b"{}"] * n) + b"]}"


def test_a_places_file_on_one_line_has_a_feature_limit():
    """Issue 21: 300,000 `{}` features in 0.9 MB had no limit at all (and took 95 MB)."""
    outcome = _outcome(BUNDLED_EVENTS, places=_feature_bomb(300_000))
    assert isinstance(outcome, DataError), f"{len(outcome.problems)} problems, not refused"
    assert _messages(outcome) == [
        f"places.geojson, feature {MAX_FEATURES}: 'more than {MAX_FEATURES:,} places': "
        f"too many places: the limit is {MAX_FEATURES:,}; split the file"
    ]


def _peak_mb(load) -> float:
    """The most memory Python held while `load()` ran, above what it held before (tracemalloc)."""
    tracemalloc.start()
    try:
        load()
        return tracemalloc.get_traced_memory()[1] / 1e6
    finally:
        tracemalloc.stop()


def test_the_feature_limit_stops_the_parse_before_the_features_are_held():
    bomb = _feature_bomb(300_000)
    assert _peak_mb(lambda: _outcome(BUNDLED_EVENTS, places=bomb)) < 20


def test_a_value_bomb_inside_one_feature_is_refused_before_it_is_parsed():
    """Empty lists, three bytes each, are 64 bytes each once parsed: a 20 MB file would be 450 MB."""
    bomb = (
        b'{"type": "FeatureCollection", "features": [{"type": "Feature", "geometry": {"type": "Point", '
        b'"coordinates": [-70.13, -15.5]}, "properties": {"id": "a", "x": [' + b",".join([b"[]"] * 2_000_000) + b"]}}]}"
    )
    outcome = _outcome(BUNDLED_EVENTS, places=bomb)
    assert isinstance(outcome, DataError) and "too many JSON values" in _messages(outcome)[0], _messages(outcome)[:1]
    assert _peak_mb(lambda: _outcome(BUNDLED_EVENTS, places=bomb)) < 60


def test_problems_are_the_first_thousand_in_file_order_and_a_count_of_the_rest():
    dataset = _outcome(_rows(5_000, "\n"))
    assert len(dataset.problems) == MAX_LISTED == 1_000
    assert [p.where for p in dataset.problems[:2]] == ["line 2", "line 3"]
    assert dataset.problems[-1].where == f"line {MAX_LISTED + 1}"
    assert dataset.unlisted == 5_000 - MAX_LISTED


def test_a_file_where_every_cell_is_bad_is_checked_in_bounded_memory():
    """Every row fails nine columns: 30,000 rows were 270,000 problems kept, and 2.8 million at the row limit
    (1.6 GB, 20 s of CPU). Now the problems kept are 1,000 whatever the file."""
    bad = _rows(30_000, "\n", ",".join(["x"] * len(EVENT_COLUMNS)))
    outcomes = []
    peak = _peak_mb(lambda: outcomes.append(_outcome(bad)))  # one load, measured: it takes seconds
    dataset = outcomes[0]
    assert len(dataset.problems) == MAX_LISTED and dataset.unlisted > 200_000 and dataset.events.empty
    assert peak < 120


def test_validate_lists_the_first_thousand_and_counts_the_rest(tmp_path):
    folder = tmp_path / "data"
    folder.mkdir()
    (folder / "places.geojson").write_bytes((REPO_DATA_DIR / "places.geojson").read_bytes())
    (folder / "events.csv").write_bytes(_rows(2_500, "\n"))
    out, err = io.StringIO(), io.StringIO()
    assert main(["validate", str(folder)], out, err) == 1
    said = err.getvalue()
    assert (
        said.startswith(f"2,500 problem(s) in {folder}")
        and said.count(f"expected {len(EVENT_COLUMNS)} comma-separated") == 1_000
    )
    assert said.rstrip().endswith("… and 1,500 more problem(s): only the first 1,000 are listed")


def test_the_error_counts_what_it_does_not_list():
    error = DataError([], unlisted=0)
    assert error.unlisted == 0
    try:
        load_upload(
            BUNDLED_EVENTS,
            "events.csv",
            "project",
            json.dumps({"type": "FeatureCollection", "features": [{}] * 3}).encode(),
            "places.geojson",
        )
    except DataError as error:  # every feature refused: the places are listed, no event can be placed
        assert error.unlisted == 0


def test_the_refused_rows_download_ends_with_the_count_of_the_rest():
    import csv

    from geo.data.upload import problems_csv

    dataset = _outcome(_rows(1_200, "\n"))
    rows = list(csv.reader(io.StringIO(problems_csv(dataset.problems, dataset.unlisted).decode("utf-8-sig"))))
    assert (
        len(rows) == 1 + MAX_LISTED + 1 and rows[-1][-1] == "… and 200 more problem(s): only the first 1,000 are listed"
    )
