"""Someone's own data: an events CSV in the project's schema (with an optional places GeoJSON), or an
ACLED export. Checked like the bundled data, within stated limits, and never written over `data/`.

Uploads are per session: the app keeps them in the session's memory, and publishes their map data
under a random, unguessable folder of `static/uploads/` that is deleted after `UPLOAD_TTL`, when the
session uploads again, or, oldest first, when all uploads together pass `UPLOADS_MAX_BYTES`.

Memory is budgeted too (issue 21): one process checks one file at a time (`checking`), and the uploads
it holds are counted and sized in one budget (`UploadMemory`), checked before an upload is kept; when
it is full, the oldest session's upload goes first, and that session is told so.
"""

from __future__ import annotations

import csv
import io
import itertools
import os
import re
import secrets
import shutil
import threading
import time
import weakref
from collections import OrderedDict
from collections.abc import Callable, Iterator
from contextlib import AbstractContextManager
from dataclasses import dataclass, field
from pathlib import Path

import pandas as pd

from geo.data import acled
from geo.data.csvrows import decode_checked, neutralise_formula
from geo.data.limits import MAX_COLUMNS, MAX_FEATURES, MAX_FILE_BYTES, MAX_LISTED, MAX_ROWS  # noqa: F401 (re-exported)
from geo.data.load import REPO_DATA_DIR, Dataset, dataset_of, load_events, load_places
from geo.data.problems import DataError, Problem, unlisted_line
from geo.data.work import HEAVY_WORK, Busy  # noqa: F401 (Busy re-exported)

MAX_BYTES = MAX_FILE_BYTES
_QUOTED = re.compile(rb'"[^"]*"')
_WIDE = re.compile(rb",{%d,}" % MAX_COLUMNS)  # a record of more than MAX_COLUMNS fields
_ALL_BUT_COMMAS_AND_BREAKS = bytes(b for b in range(256) if b not in b",\r\n")
UPLOAD_TTL = 2 * 3600  # seconds
UPLOADS_MAX_BYTES = 500 * 1024 * 1024  # every session's upload together, on the server's disk
FORMATS = ("project", "acled")
# Held in one process's memory, every session's upload together: how many, and how large (their frames'
# own measure; the process grows by up to about 1.5 times it: docs/your-data.md). A pod's operator can
# set both (JULIACA_UPLOADS_HELD, JULIACA_UPLOADS_MEMORY_MB).
HELD_MAX = int(os.environ.get("JULIACA_UPLOADS_HELD", "20"))
HELD_MAX_BYTES = int(os.environ.get("JULIACA_UPLOADS_MEMORY_MB", "96")) * 1024 * 1024
CHECK_WAIT_S = 60  # how long a file waits for its turn to be checked (one at a time per process)


def _check_size(content: bytes, name: str) -> None:
    """The file's size; its rows are counted as it is read (`geo.data.csvrows.read_records`)."""
    if len(content) > MAX_BYTES:
        raise DataError(
            [
                Problem(
                    name,
                    "file",
                    "",
                    f"{len(content) / 1e6:.1f} MB",
                    f"the file is too large: the limit is {MAX_BYTES // (1024 * 1024)} MB",
                )
            ]
        )


def _check_columns(content: bytes, name: str) -> None:
    """Refuse a CSV record with more than `MAX_COLUMNS` fields before parsing it: Python's `csv` would
    build all of them at once (a 20 MB row of "ab,ab,..." costs over 600 MB of memory).

    Fields are counted per record, whatever ends it (\\n, \\r\\n or a bare \\r: issue 21), as the run of
    commas between two line breaks once quoted cells are taken out; no line is copied on its own."""
    commas = _QUOTED.sub(b"", content).translate(None, _ALL_BUT_COMMAS_AND_BREAKS)
    widest = _WIDE.search(commas)
    if widest:
        fields = len(widest.group()) + 1
        raise DataError(
            [
                Problem(
                    name,
                    "file",
                    "",
                    f"{fields:,} fields in one row",
                    f"too many columns: the limit is {MAX_COLUMNS:,}; is this the right file?",
                )
            ]
        )


def load_upload(
    events: bytes,
    events_name: str,
    fmt: str = "project",
    places: bytes | None = None,
    places_name: str = "places.geojson",
) -> Dataset:
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
    events_path = Path(Path(events_name).name)  # for its name only: the text is read from memory, once
    if fmt == "acled":
        return acled.load_acled(events_path, text=decode_checked(events, events_path.name), max_rows=MAX_ROWS)
    if places is None:
        place_frame, place_problems = load_places(REPO_DATA_DIR / "places.geojson", strict=False)
    else:
        place_frame, place_problems = load_places(
            Path(Path(places_name).name), strict=False, text=decode_checked(places, Path(places_name).name)
        )
    event_frame, event_problems = load_events(
        events_path, place_frame, strict=False, text=decode_checked(events, events_path.name), max_rows=MAX_ROWS
    )
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


def _stat(path: Path) -> os.stat_result | None:
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
    folders = sorted(
        (f for f in (static_dir / "uploads").iterdir() if f.is_dir()), key=lambda f: getattr(_stat(f), "st_mtime", 0)
    )
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


# --- memory: one file checked at a time, and one budget for the uploads held -------------------------


class TooLarge(ValueError):
    """An upload needs more memory than the whole budget of uploads held: it cannot be kept."""

    def __init__(self, size: int, limit: int):
        self.size, self.limit = size, limit
        super().__init__(f"{size / 1e6:.0f} MB in memory; the server holds {limit / 1e6:.0f} MB of uploads in all")


def checking(wait: float = CHECK_WAIT_S, on_wait: Callable[[], None] | None = None) -> AbstractContextManager[None]:
    """One file checked at a time in this process, and never while pictures are drawn (`geo.data.work`): a
    check takes up to about 400 MB at the limits, two at once could take a 1 GiB pod down. `on_wait()`
    is called if the turn does not come at once; `Busy` is raised if it has not come within `wait` s."""
    return HEAVY_WORK.checking(wait, on_wait)


def memory_size(*frames: pd.DataFrame) -> int:
    """What frames hold in memory, their strings included (pandas' deep measure), in bytes."""
    return sum(int(frame.memory_usage(deep=True, index=True).sum()) for frame in frames)


@dataclass(eq=False)
class Held:
    """One session's upload in memory: what the app keeps (`value`), its size, and whether the budget
    took it back (`evicted`: `value` is None then, and the session should say so)."""

    value: object
    size: int
    order: int = 0
    evicted: bool = False


@dataclass
class UploadMemory:
    """Every session's upload held in this process, counted and sized in one budget (issue 21: a 16 MB file
    kept 42 MB until its session ended, with no limit on how many). The budget holds the uploads only
    weakly: when a session ends, its upload leaves the count with it."""

    max_count: int = HELD_MAX
    max_bytes: int = HELD_MAX_BYTES
    # order -> weak reference, oldest first
    _held: OrderedDict[int, weakref.ref[Held]] = field(default_factory=OrderedDict)
    _lock: threading.Lock = field(default_factory=threading.Lock)
    _orders: Iterator[int] = field(default_factory=itertools.count)

    def keep(self, value: object, size: int) -> tuple[Held, list[Held]]:
        """Hold `value` (`size` bytes): first evict the oldest uploads until it fits. Returns it and the
        uploads evicted; raises `TooLarge` if it cannot fit even alone."""
        if size > self.max_bytes:
            raise TooLarge(size, self.max_bytes)
        with self._lock:
            alive = self._alive()
            evicted = []
            while alive and (len(alive) + 1 > self.max_count or sum(h.size for h in alive) + size > self.max_bytes):
                oldest = alive.pop(0)
                oldest.value, oldest.evicted = None, True
                del self._held[oldest.order]
                evicted.append(oldest)
            held = Held(value, size, next(self._orders))
            self._held[held.order] = weakref.ref(held)
            return held, evicted

    def release(self, held: Held | None) -> None:
        """The session lets its upload go (a new upload, or back to the bundled data)."""
        if held is not None:
            with self._lock:
                self._held.pop(held.order, None)
            held.value = None

    def totals(self) -> tuple[int, int]:
        """How many uploads are held, and their bytes."""
        with self._lock:
            alive = self._alive()
            return len(alive), sum(h.size for h in alive)

    def _alive(self) -> list[Held]:
        """The uploads still held by a session, oldest first (those of ended sessions are forgotten)."""
        alive = []
        for order, ref in list(self._held.items()):
            held = ref()
            if held is None:
                del self._held[order]
            else:
                alive.append(held)
        return alive


UPLOADS_IN_MEMORY = UploadMemory()  # this process's budget
