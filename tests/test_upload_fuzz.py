"""Nothing an upload contains can crash the page (issue 16): both upload paths, fuzzed with Hypothesis.

The property: `load_upload` returns a dataset or raises the project's own `DataError`, never anything
else; every problem can be shown (as the page does) and names its file and where (a line, a feature,
or the whole file); every refused row names a line of the file. The grammar below writes CSVs with
everything the issue lists, and places GeoJSON with everything its second list does.

The examples that ever failed are kept in `tests/hypothesis-examples/` (committed), and are replayed
first on every run. The seed is fixed and the examples few, so that CI runs them all within 60 s;
`JULIACA_FUZZ_EXAMPLES=5000` runs longer (and `JULIACA_FUZZ_SEED` explores elsewhere).
"""

from __future__ import annotations

import csv
import io
import json
import os
import re
from pathlib import Path

from hypothesis import HealthCheck, given, seed, settings
from hypothesis import strategies as st
from hypothesis.database import DirectoryBasedExampleDatabase

from geo.commands.cli import main
from geo.data.acled import ACLED_REQUIRED
from geo.data.load import REPO_DATA_DIR, Dataset
from geo.data.problems import DataError, Problem
from geo.data.upload import MAX_BYTES, load_upload
from geo.data.vocab import CATEGORIES, EVENT_COLUMNS, PLACE_PROPERTIES

HERE = Path(__file__).resolve().parent


class KeptExamples(DirectoryBasedExampleDatabase):
    """Hypothesis's example database, minus forgetting: it deletes an example once it passes, but these
    are committed so that every failure ever found is replayed on every run, after its fix too."""

    def delete(self, key: bytes, value: bytes) -> None:
        pass

    def move(self, src: bytes, dest: bytes, value: bytes) -> None:
        self.save(dest, value)


EXAMPLES = int(os.environ.get("JULIACA_FUZZ_EXAMPLES", "40"))
FUZZ = settings(
    database=KeptExamples(HERE / "hypothesis-examples"),
    max_examples=EXAMPLES,
    deadline=None,
    print_blob=True,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large, HealthCheck.large_base_example],
)
SEED = int(os.environ.get("JULIACA_FUZZ_SEED", "20230109"))


def fuzzed(test):
    """The settings above with a fixed seed. (`@seed` alone switches the database off; the settings
    applied after it switch it back on, so failures are saved and replayed, and CI is reproducible.)"""
    return FUZZ(seed(SEED)(test))


WHERE = re.compile(r"file|line \d+(, column \d+)?|feature \d+")
ACLED_COLUMNS = (*ACLED_REQUIRED, "time_precision", "admin1", "geo_precision", "source", "notes", "year")
BUNDLED_EVENTS = (REPO_DATA_DIR / "events.csv").read_bytes()
FEW_EVENTS = b"\n".join(BUNDLED_EVENTS.split(b"\n")[:4]) + b"\n"  # a header and three rows
ACLED_OK = (HERE / "corpus" / "acled_ok.csv").read_bytes()

# --- cells ------------------------------------------------------------------------------------

LONG = [0, 1, 4_095, 131_071, 131_072, 131_073]  # bytes; csv's own limit is 131,072
HUGE = [1_000_000, MAX_BYTES - 2_000, MAX_BYTES + 1]  # at most one such cell a file: they are slow to build
FLOATS = [
    "1.7976931348623157e308",
    "-1.7976931348623157e308",
    "1e309",
    "-1e309",
    "5e-324",
    "2.2250738585072014e-308",
    "nan",
    "NaN",
    "inf",
    "-Infinity",
    "0",
    "-0",
    "-15.5",
    "-70.13",
    "9" * 400,
    "1_000",
    "0x10",
    "١٢",
    "²",
]
DATES = [
    "2023-01-09",
    "2023-01-09T17:20-05:00",
    "2023-01-09T17:20Z",
    "2023-01-09T17:20",
    "2023-01-09 17:20",
    "09/01/2023",
    "01/09/2023",
    "9 Jan 2023",
    "09 January 2023",
    "9 enero 2023",
    "2023-02-30T14:00-05:00",
    "2023-13-01",
    "1900-01-09T14:00-05:00",
    "9999-12-31T23:59+14:00",
    "0000-00-00",
    "20230109",
    "2023-W02-1",
    "1673301600",
    "2023-01-09T24:00-05:00",
    "2023-01-09T17:20:60-05:00",
    "2023-1-9",
    "",
]
FORMULAS = ["=1+1", "+cmd|' /C calc'!A0", "-2+3", "@SUM(A1:A9)", '=HYPERLINK("http://x")', "\t=1", "\r=1"]
PAYLOADS = [
    "<script>alert(1)</script>",
    "<img src=x onerror=alert(2)>",
    "`${alert(3)}`",
    "javascript:alert(4)",
    "</textarea><svg onload=alert(5)>",
    "{{7*7}}",
    "C:\\new\\x",
    "\"'><",
    "[a](javascript:alert(6))",
]
WORDS = [
    "protest",
    "march",
    "shooting",
    "day",
    "hour",
    "reported",
    "disputed",
    "jul_airport",
    "juliaca",
    "Protests",
    "Riots",
    "Battles",
    "Violence against civilians",
    "Strategic developments",
    "Arrests",
    "1",
    "3",
    *CATEGORIES,
]
ODD = ["\x00", "\ufeff", "\r", "\n", "\r\n", '"', '""', ",", ";", "\t", "\u2028", "\ud7ff", "\U0001f600", " "]


def _long_cell(size: int) -> str:
    return "x" * size


cells = st.one_of(
    st.sampled_from(FLOATS + DATES + FORMULAS + PAYLOADS + WORDS + ODD),
    st.text(max_size=40),
    st.sampled_from(LONG).map(_long_cell),
    st.lists(st.sampled_from(WORDS + PAYLOADS + ODD), max_size=6).map("".join),
)


def _quote(cell: str, style: str) -> str:
    """A cell written well or badly: `plain`, `quoted`, `unclosed`, `stray` (a quote inside), `doubled`."""
    return {
        "plain": cell,
        "quoted": '"' + cell.replace('"', '""') + '"',
        "unclosed": '"' + cell,
        "stray": cell[:1] + '"' + cell[1:],
        "doubled": '""' + cell + '""',
    }[style]


@st.composite
def csv_files(draw, columns: tuple[str, ...]) -> bytes:
    """A CSV meant for `columns`, with every mistake the issue lists; as bytes, sometimes broken."""
    header = draw(
        st.one_of(
            st.permutations(columns).map(list),  # reordered
            st.lists(st.sampled_from(columns), min_size=1, max_size=len(columns) + 3),  # duplicated, missing
            st.integers(1_000, 5_000).map(lambda n: list(columns) + [f"c{i}" for i in range(n)]),  # thousands
        )
    )
    delimiter = draw(st.sampled_from([",", ",", ",", ";", "\t", "|"]))
    newline = draw(st.sampled_from(["\n", "\r\n", "\r"]))
    style = st.sampled_from(["plain", "plain", "plain", "quoted", "unclosed", "stray", "doubled"])
    width = st.integers(0, len(header) + 2)
    rows = draw(
        st.lists(width.flatmap(lambda n: st.lists(st.tuples(cells, style), min_size=n, max_size=n)), max_size=6)
    )
    huge = draw(st.one_of(st.none(), st.none(), st.none(), st.sampled_from(HUGE)))
    if huge and rows and rows[0]:  # one cell up to the file-size limit, and just over it
        rows[0][0] = (_long_cell(huge), rows[0][0][1])
    lines = [delimiter.join(header)] + [delimiter.join(_quote(c, s) for c, s in row) for row in rows]
    text = newline.join(lines) + draw(st.sampled_from(["", newline]))
    if draw(st.booleans()):  # a byte-order mark in the middle
        at = draw(st.integers(0, len(text)))
        text = text[:at] + "\ufeff" + text[at:]
    data = text.encode("utf-8", "surrogatepass")
    return draw(st.one_of(st.just(data), _broken(data)))


def _broken(data: bytes):
    """The same bytes truncated (perhaps inside a UTF-8 character), or with random bytes spliced in."""
    return st.one_of(
        st.integers(0, max(len(data) - 1, 0)).map(lambda n: data[:n]),
        st.tuples(st.integers(0, len(data)), st.binary(min_size=1, max_size=16)).map(
            lambda a: data[: a[0]] + a[1] + data[a[0] :]
        ),
    )


uploads_anything = st.binary(max_size=2_000)


# --- the property -----------------------------------------------------------------------------


def _check_outcome(load, name: str) -> None:
    """`load()` gives a Dataset or a DataError; every problem is shown in full and says where."""
    try:
        result = load()
    except DataError as error:
        problems = error.problems
        assert problems, "a DataError must say what is wrong"
    else:
        assert isinstance(result, Dataset)
        problems = list(result.problems)
        assert all(p.where != "file" for p in problems), "every refused row names its line or feature"
    for problem in problems:
        assert isinstance(problem, Problem) and WHERE.fullmatch(problem.where), problem.where
        assert problem.file in (name, "places.geojson", "events.csv")
        assert len(str(problem)) < 2_000  # shown on the page: quoted in short, never a whole cell


@fuzzed
@given(csv_files(EVENT_COLUMNS))
def test_a_project_schema_upload_never_crashes(content):
    _check_outcome(lambda: load_upload(content, "fuzz.csv", "project"), "fuzz.csv")


@fuzzed
@given(csv_files(ACLED_COLUMNS))
def test_an_acled_upload_never_crashes(content):
    _check_outcome(lambda: load_upload(content, "fuzz.csv", "acled"), "fuzz.csv")


@st.composite
def valid_files_made_ragged(draw, content: bytes) -> bytes:
    """A valid file with its columns in any order and each row cut short or lengthened at random: rows that
    pass every other check, so that a missing cell is reached (issue 21: a short ACLED row raised KeyError)."""
    rows = list(csv.reader(io.StringIO(content.decode("utf-8"), newline="")))
    order = draw(st.permutations(range(len(rows[0]))))
    rows = [[row[i] for i in order] for row in rows]
    for k in range(1, len(rows)):
        width = draw(st.integers(0, len(rows[0]) + 2))
        rows[k] = (rows[k] + ["x", "y"])[:width]
    out = io.StringIO()
    csv.writer(out, lineterminator="\n").writerows(rows)
    return out.getvalue().encode("utf-8")


@fuzzed
@given(valid_files_made_ragged(ACLED_OK))
def test_a_ragged_acled_upload_never_crashes(content):
    _check_outcome(lambda: load_upload(content, "fuzz.csv", "acled"), "fuzz.csv")


@fuzzed
@given(valid_files_made_ragged(BUNDLED_EVENTS))
def test_a_ragged_project_upload_never_crashes(content):
    _check_outcome(lambda: load_upload(content, "fuzz.csv", "project"), "fuzz.csv")


@fuzzed
@given(st.one_of(csv_files(ACLED_COLUMNS), valid_files_made_ragged(ACLED_OK)))
def test_validate_never_prints_a_traceback_for_an_acled_file(tmp_path_factory, content):
    """`python -m geo validate --acled FILE` checks strictly: a summary (0) or the problems (1), nothing else."""
    path = tmp_path_factory.mktemp("validate") / "acled.csv"
    path.write_bytes(content)
    out, err = io.StringIO(), io.StringIO()
    assert main(["validate", "--acled", str(path)], out, err) in (0, 1)
    assert "Traceback" not in out.getvalue() + err.getvalue()


@fuzzed
@given(uploads_anything, st.sampled_from(["project", "acled"]))
def test_random_bytes_never_crash_either_path(content, fmt):
    _check_outcome(lambda: load_upload(content, "fuzz.csv", fmt), "fuzz.csv")


# --- places GeoJSON ---------------------------------------------------------------------------

NUMBERS = st.one_of(
    st.floats(allow_nan=True, allow_infinity=True),
    st.integers(-(10**30), 10**30),
    st.sampled_from([-70.13, -15.5, 0, 1e308]),
)
json_values = st.recursive(
    st.none() | st.booleans() | NUMBERS | st.text(max_size=20),
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=8), inner, max_size=4),
    max_leaves=12,
)
coordinates = st.one_of(
    st.lists(NUMBERS, max_size=4),
    st.just([-70.13, -15.5]),
    st.integers(3, 200_000).map(lambda n: [-70.13, -15.5] * (n // 2)),  # a huge coordinate array
    json_values,
)
properties = st.one_of(
    st.fixed_dictionaries(
        {
            k: st.one_of(
                st.sampled_from(["jul_airport", "Juliaca", "town", "site", "town", "exact", "ACLED"]), json_values
            )
            for k in PLACE_PROPERTIES
        }
    ),
    json_values,  # not an object
)
features = st.one_of(
    st.fixed_dictionaries(
        {
            "type": st.just("Feature"),
            "geometry": st.one_of(
                st.fixed_dictionaries(
                    {"type": st.sampled_from(["Point", "Polygon", "LineString"]), "coordinates": coordinates}
                ),
                json_values,
            ),
            "properties": properties,
        }
    ),
    json_values,
)


@st.composite
def geojson_files(draw) -> bytes:
    """A FeatureCollection (or not), nested, huge, non-finite, misshapen; as text, sometimes broken."""
    kind = draw(st.sampled_from(["collection", "collection", "deep", "big_feature", "other"]))
    if kind == "deep":  # nesting depth: "[[[[...", to 100,000 levels
        depth = draw(st.sampled_from([10, 500, 1_000, 5_000, 100_000]))
        inner = "[" * depth + "]" * depth
        text = '{"type": "FeatureCollection", "features": [{"type": "Feature", "geometry": ' + inner + "}]}"
    elif kind == "big_feature":  # one feature of about 20 MB
        size = draw(st.sampled_from([MAX_BYTES - 300, MAX_BYTES + 1]))
        text = (
            '{"type": "FeatureCollection", "features": [{"type": "Feature", "geometry": {"type": "Point", '
            '"coordinates": [-70.13, -15.5]}, "properties": {"id": "big", "name_en": "' + "x" * size + '"}}]}'
        )
    elif kind == "other":
        text = json.dumps(draw(json_values))
    else:
        text = json.dumps(
            {"type": "FeatureCollection", "features": draw(st.lists(features, max_size=5))}, allow_nan=True
        )
    data = text.encode("utf-8", "surrogatepass")
    return draw(st.one_of(st.just(data), st.just(data), _broken(data)))


@fuzzed
@given(geojson_files())
def test_a_places_upload_never_crashes(content):
    _check_outcome(
        lambda: load_upload(FEW_EVENTS, "events.csv", "project", content, "places.geojson"), "places.geojson"
    )
