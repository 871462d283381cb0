"""CSV both ways: text as records, each with the line it starts on, for every CSV this app reads (issue 16);
cells a spreadsheet will not run as formulas, for every CSV it writes.

Python's `csv` refuses a cell over 131,072 characters with a bare `csv.Error`. A cell may be as long
as the largest file the app accepts, so it is read here, and the column's own rule then refuses it
with its line, column and limit. A record `csv` still cannot read becomes a `DataError` on its line.
Records are counted as the reader ends them, so the row limit holds whatever ends a line (issue 21).
"""

from __future__ import annotations

import csv
import re
from collections.abc import Iterator
from pathlib import Path

from geo.data.limits import MAX_FILE_BYTES
from geo.data.problems import DataError, Problem

_LINE = re.compile(r"[^\r\n]*(?:\r\n|\r|\n)|[^\r\n]+\Z")


def _lines(text: str) -> Iterator[str]:
    """The lines of `text`, each with its ending, one at a time (what `io.StringIO(text, newline="")` gives,
    without its copy of the whole text at four bytes a character: 80 MB for a 20 MB file)."""
    return (match.group() for match in _LINE.finditer(text))


def read_records(text: str, file: str, max_rows: int | None = None) -> Iterator[tuple[int, list[str]]]:
    """Each record of `text` as (the line it starts on, its cells); any cell up to `MAX_FILE_BYTES` is read.
    With `max_rows` (an upload's: `MAX_ROWS`), the record after the header and `max_rows` rows raises
    `DataError` before it is given, whatever ends the lines (issue 21); blank lines are not rows.

    >>> list(read_records('a,b\\n"multi\\nline",2\\r3,4\\n', "x.csv"))
    [(1, ['a', 'b']), (2, ['multi\\nline', '2']), (4, ['3', '4'])]
    >>> list(read_records('a\\r1\\r2\\r', "x.csv", max_rows=1))
    Traceback (most recent call last):
    geo.data.problems.DataError: x.csv, line 3: 'more than 1 rows': too many rows: the limit is 1; split the file
    """
    if csv.field_size_limit() < MAX_FILE_BYTES:  # process-wide; only ever raised
        csv.field_size_limit(MAX_FILE_BYTES)
    reader = csv.reader(_lines(text))
    line, count = 1, 0
    while True:
        try:
            record = next(reader)
        except StopIteration:
            return
        except csv.Error as err:
            raise DataError(
                [
                    Problem(
                        file,
                        f"line {line}",
                        "",
                        str(err),
                        f"this record cannot be read: each cell must be under "
                        f"{MAX_FILE_BYTES // (1024 * 1024)} MB; close every quote",
                    )
                ]
            ) from err
        count += bool(record)  # a blank line is not a row
        if max_rows is not None and count > max_rows + 1:  # the header and max_rows rows were given: one too many
            raise DataError(
                [
                    Problem(
                        file,
                        f"line {line}",
                        "",
                        f"more than {max_rows:,} rows",
                        f"too many rows: the limit is {max_rows:,}; split the file",
                    )
                ]
            )
        yield line, record
        line = reader.line_num + 1


_FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def neutralise_formula(value: object) -> object:
    """Stop a spreadsheet from running a cell as a formula: text starting with = + - @ (or tab, CR) gets a '.

    >>> neutralise_formula("=HYPERLINK(\\"http://e.vil\\")")
    '\\'=HYPERLINK("http://e.vil")'
    >>> neutralise_formula(17)
    17
    """
    return f"'{value}" if isinstance(value, str) and value.startswith(_FORMULA_STARTS) else value


def read_text_checked(path: Path) -> str:
    """The text of a data file as UTF-8 (BOM allowed); binary or Latin-1 files raise DataError."""
    try:
        raw = path.read_bytes()
    except OSError as err:
        raise DataError([Problem(path.name, "file", "", str(path), f"cannot be read ({err.strerror})")]) from err
    return decode_checked(raw, path.name)


def decode_checked(raw: bytes, name: str) -> str:
    """`raw` as UTF-8 text (BOM allowed); binary or Latin-1 content raises DataError naming `name`."""
    if b"\x00" in raw[:4096]:
        raise DataError([Problem(name, "file", "", raw[:16], "this is a binary file, not UTF-8 text")])
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError as err:
        line = raw[: err.start].count(b"\n") + 1
        raise DataError(
            [
                Problem(
                    name,
                    f"line {line}",
                    "",
                    raw[err.start : err.start + 8],
                    "not valid UTF-8: save the file as UTF-8 (Latin-1 is not accepted)",
                )
            ]
        ) from err
