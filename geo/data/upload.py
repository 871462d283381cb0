"""Someone's own data: an events CSV in the project's schema (with an optional places GeoJSON), or an
ACLED export. Checked like the bundled data, within stated limits, and never written over `data/`.

Uploads are per session: the app keeps them in the session's memory, and publishes their map data
under a random, unguessable folder of `static/uploads/` that is deleted after `UPLOAD_TTL`, when the
session uploads again, or, oldest first, when all uploads together pass `UPLOADS_MAX_BYTES`.
"""

from __future__ import annotations

import csv
import io
import re
import secrets
import shutil
import tempfile
import time
from pathlib import Path

from geo.data import acled
from geo.data.csvrows import neutralise_formula
from geo.data.limits import MAX_COLUMNS, MAX_FEATURES, MAX_FILE_BYTES, MAX_LISTED, MAX_ROWS  # noqa: F401 (re-exported)
from geo.data.load import REPO_DATA_DIR, Dataset, dataset_of, load_events, load_places
from geo.data.problems import DataError, Problem, unlisted_line

MAX_BYTES = MAX_FILE_BYTES
_QUOTED = re.compile(rb'"[^"]*"')
_WIDE = re.compile(rb",{%d,}" % MAX_COLUMNS)  # a record of more than MAX_COLUMNS fields
_ALL_BUT_COMMAS_AND_BREAKS = bytes(b for b in range(256) if b not in b",\r\n")
UPLOAD_TTL = 2 * 3600  # seconds
UPLOADS_MAX_BYTES = 500 * 1024 * 1024  # every session's upload together, on the server's disk
FORMATS = ("project", "acled")


def _check_size(content: bytes, name: str) -> None:
    """The file's size; its rows are counted as it is read (`geo.data.csvrows.read_records`)."""
    if len(content) > MAX_BYTES:
        raise DataError([Problem(name, "file", "", f"{len(content) / 1e6:.1f} MB",
                                 f"the file is too large: the limit is {MAX_BYTES // (1024 * 1024)} MB")])


def _check_columns(content: bytes, name: str) -> None:
    """Refuse a CSV record with more than `MAX_COLUMNS` fields before parsing it: Python's `csv` would
    build all of them at once (a 20 MB row of "ab,ab,..." costs over 600 MB of memory).

    Fields are counted per record, whatever ends it (\\n, \\r\\n or a bare \\r: issue 21), as the run of
    commas between two line breaks once quoted cells are taken out; no line is copied on its own."""
    commas = _QUOTED.sub(b"", content).translate(None, _ALL_BUT_COMMAS_AND_BREAKS)
    widest = _WIDE.search(commas)
    if widest:
        fields = len(widest.group()) + 1
        raise DataError([Problem(name, "file", "", f"{fields:,} fields in one row",
                                 f"too many columns: the limit is {MAX_COLUMNS:,}; is this the right file?")])


def load_upload(events: bytes, events_name: str, fmt: str = "project",
                places: bytes | None = None, places_name: str = "places.geojson") -> Dataset:
    """Check uploaded files leniently: the valid rows, and every refused row with its reason.

    Raises DataError for a file that cannot be read at all (too large, binary, not UTF-8, no header).
    Without a places file, events in the project's schema refer to the bundled places.
    """
    if fmt not in FORMATS:
        raise ValueError(f"format must be one of {FORMATS}")
    _check_size(events, events_name)
    _check_columns(events, events_name)
    if places is not None:
        _check_size(places, places_name)
    with tempfile.TemporaryDirectory(prefix="juliaca-upload-") as folder:
        events_path = Path(folder) / Path(events_name).name
        events_path.write_bytes(events)
        if fmt == "acled":
            return acled.load_acled(events_path)
        places_path = REPO_DATA_DIR / "places.geojson"
        if places is not None:
            places_path = Path(folder) / Path(places_name).name
            places_path.write_bytes(places)
        place_frame, place_problems = load_places(places_path, strict=False)
        event_frame, event_problems = load_events(events_path, place_frame, strict=False)
        return dataset_of(place_frame, event_frame, place_problems, event_problems)


def problems_csv(problems: list[Problem] | tuple[Problem, ...], unlisted: int = 0) -> bytes:
    """The refused rows as CSV (file, where, column, value, what is expected), safe to open in a spreadsheet:
    the problems kept (the first 1,000 of each file), then a last row with the count of the rest."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(["file", "where", "column", "value", "expected"])
    for p in problems:
        writer.writerow([neutralise_formula(str(v)) for v in (p.file, p.where, p.column, p.value, p.expected)])
    if unlisted:
        writer.writerow(["", "", "", "", unlisted_line(unlisted)])
    return ("\ufeff" + buffer.getvalue()).encode("utf-8")


def new_upload_folder(static_dir: Path, now: float | None = None, replaces: str | None = None) -> tuple[Path, str]:
    """A fresh folder under `static_dir/uploads/` with a random name, after removing expired ones and
    `replaces` (the session's previous upload, relative to `static_dir`): one upload per session.

    Returns the folder and its path relative to `static_dir`.
    """
    uploads = static_dir / "uploads"
    uploads.mkdir(parents=True, exist_ok=True)
    if replaces:
        remove_upload_folder(static_dir, replaces)
    now = time.time() if now is None else now
    for old in uploads.iterdir():
        if old.is_dir() and now - old.stat().st_mtime > UPLOAD_TTL:
            shutil.rmtree(old, ignore_errors=True)
    token = secrets.token_urlsafe(18)
    folder = uploads / token
    folder.mkdir()
    return folder, f"uploads/{token}"


def remove_upload_folder(static_dir: Path, relative: str) -> None:
    """Delete one upload's folder (`uploads/<token>`); any other path is left alone."""
    folder = (static_dir / relative).resolve()
    if folder.parent == (static_dir / "uploads").resolve():
        shutil.rmtree(folder, ignore_errors=True)


def _stat(path: Path):
    """`path.stat()`, or None if another session has just removed it."""
    try:
        return path.stat()
    except OSError:
        return None


def _size(folder: Path) -> int:
    return sum(info.st_size for f in folder.rglob("*") if (info := _stat(f)) is not None)


def evict_oldest(static_dir: Path, keep: Path, budget: int = UPLOADS_MAX_BYTES) -> list[Path]:
    """Remove the oldest upload folders, never `keep`, until `static_dir/uploads/` fits in `budget` bytes.

    Visitors uploading in a loop cannot fill the disk; an evicted session is told to upload again.
    Returns the folders removed, oldest first.
    """
    folders = sorted((f for f in (static_dir / "uploads").iterdir() if f.is_dir()),
                     key=lambda f: getattr(_stat(f), "st_mtime", 0))
    sizes = {f: _size(f) for f in folders}
    total, removed = sum(sizes.values()), []
    for folder in folders:
        if total <= budget:
            break
        if folder.resolve() != keep.resolve():
            shutil.rmtree(folder, ignore_errors=True)
            total -= sizes[folder]
            removed.append(folder)
    return removed
