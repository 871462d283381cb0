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
from geo.data.csvrows import MAX_FILE_BYTES, neutralise_formula
from geo.data.load import REPO_DATA_DIR, Dataset, load_events, load_places
from geo.data.problems import DataError, Problem

MAX_BYTES = MAX_FILE_BYTES
MAX_ROWS = 200_000
MAX_COLUMNS = 1_000  # fields in one CSV row (this project's schema has 19, an ACLED export about 31)
_QUOTED = re.compile(rb'"[^"]*"')
UPLOAD_TTL = 2 * 3600  # seconds
UPLOADS_MAX_BYTES = 500 * 1024 * 1024  # every session's upload together, on the server's disk
FORMATS = ("project", "acled")


def _check_limits(content: bytes, name: str) -> None:
    if len(content) > MAX_BYTES:
        raise DataError([Problem(name, "file", "", f"{len(content) / 1e6:.1f} MB",
                                 f"the file is too large: the limit is {MAX_BYTES // (1024 * 1024)} MB")])
    lines = content.count(b"\n")
    if lines > MAX_ROWS + 1:
        raise DataError([Problem(name, "file", "", f"{lines:,} lines",
                                 f"too many rows: the limit is {MAX_ROWS:,}; split the file")])


def _check_columns(content: bytes, name: str) -> None:
    """Refuse a CSV record with more than `MAX_COLUMNS` fields before parsing it: Python's `csv` would
    build all of them at once (a 20 MB row of "ab,ab,..." costs over 600 MB of memory)."""
    unquoted = _QUOTED.sub(b"", content)  # what is left of each record outside its quoted cells
    widest = max(unquoted.split(b"\n"), key=lambda line: line.count(b","))
    fields = widest.count(b",") + 1
    if fields > MAX_COLUMNS:
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
    _check_limits(events, events_name)
    _check_columns(events, events_name)
    if places is not None:
        _check_limits(places, places_name)
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
        return Dataset(place_frame, event_frame, tuple(place_problems + event_problems))


def problems_csv(problems: list[Problem] | tuple[Problem, ...]) -> bytes:
    """Every refused row as CSV (file, where, column, value, what is expected), safe to open in a spreadsheet."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(["file", "where", "column", "value", "expected"])
    for p in problems:
        writer.writerow([neutralise_formula(str(v)) for v in (p.file, p.where, p.column, p.value, p.expected)])
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
