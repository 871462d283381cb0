"""The dataset as the browser gets it, once: compact arrays sorted by reveal time, and the text.

Sending the data once lets a step be a few bytes (`t`, the filter, the selection) whatever the
size of the dataset; the browser finds the visible events by binary search and draws only what
changed since the last step. The text of the popups comes in chunks of `CHUNK` events per
language, fetched when a popup needs them, so 100,000 events do not cost 50 MB up front. The record's
lists come in files of their own, per language, fetched when first opened: the people killed
(`people-<lang>.json`) and every source (`sources-<lang>.json`).
"""

from __future__ import annotations

import hashlib
import shutil
import tempfile
import time
from pathlib import Path

import geopandas as gpd
import numpy as np
import pandas as pd

from geo.data.rows import CSV_COLUMNS, csv_line, csv_lines, features
from geo.data.vocab import CATEGORIES, COUNT_COLUMNS
from geo.map.payload import APPROXIMATE, CATEGORY_STYLE, CLAIM_BADGE, symbol_size, to_js
from geo.model.routes import march_line
from geo.model.timeline import MARCH_LEAD, EventIndex, epoch_ms
from geo.text.events import event_texts
from geo.text.i18n import LANGUAGES
from geo.text.sources import people_records, sources_panel

CHUNK = 1000
PARTIAL = ".partial-"  # a bundle being written; one left behind by a process that died is removed later
STALE_AFTER_S = 600  # far longer than any write takes, so a write under way in another process is never touched


def _ms(values: pd.Series) -> list[int]:
    return (values.to_numpy(dtype="datetime64[ms]").astype(np.int64)).tolist()


def core(index: EventIndex, places: gpd.GeoDataFrame) -> dict:
    """Everything but the text: positions, categories, sizes, flags, running totals, march routes."""
    ev = index.events
    known = ev["place_id"].isin(places.index).to_numpy()
    xy = places.geometry.reindex(ev["place_id"].where(known))
    lat = [round(p.y, 5) if ok else None for p, ok in zip(xy, known, strict=True)]
    lon = [round(p.x, 5) if ok else None for p, ok in zip(xy, known, strict=True)]
    place_codes = {pid: i for i, pid in enumerate(places.index)}
    place = [place_codes[p] if ok else -1 for p, ok in zip(ev["place_id"], known, strict=True)]
    slot = pd.Series(place).groupby(place).cumcount().where(np.array(place) >= 0, 0).astype(int).tolist()
    harmed = ev[list(COUNT_COLUMNS)].fillna(0).astype(int).sum(axis=1)
    marching = ((ev["category"] == "march") & known & ev["origin_place_id"].isin(places.index)).to_numpy()
    source_codes = {source_id: k for k, source_id in enumerate(index.record.sources)}
    differ = {r.event_id for r in index.record.readings}
    return {
        "n": len(ev),
        "ids": ev["id"].tolist(),
        "reveal": _ms(ev["reveal"]),
        "lat": lat,
        "lon": lon,
        "place": place,
        "slot": slot,
        "cat": ev["category"].map({c: i for i, c in enumerate(CATEGORIES)}).astype(int).tolist(),
        "size": [symbol_size(h) for h in harmed],
        "approx": ev["time_precision"].isin(APPROXIMATE).astype(int).tolist(),
        "badge": ev["claim_status"].map(CLAIM_BADGE).tolist(),
        "differ": [int(e in differ) for e in ev["id"]],  # sources differ on it: a badge of its own
        "sourceIds": list(source_codes),  # the record's sources; `src[i]`: event i's, as indices into it
        "src": [[source_codes[s] for s in ids] for ids in ev["source_ids"]],
        "running": index.running_totals.T.tolist(),  # per count column, totals over the first k events
        "countColumns": list(COUNT_COLUMNS),
        "categories": list(CATEGORIES),
        "styles": [{"color": CATEGORY_STYLE[c][0], "shape": CATEGORY_STYLE[c][1]} for c in CATEGORIES],
        "marches": [
            {
                "i": int(i),
                "route": [
                    [round(y, 5), round(x, 5)]
                    for x, y in march_line(places.geometry[row.origin_place_id], places.geometry[row.place_id]).coords
                ],
                "drawFrom": epoch_ms(row.start - MARCH_LEAD),
                "arrive": epoch_ms(row.start),
                "origin": row.origin_place_id,
                "name": {lang: places.loc[row.origin_place_id, f"name_{lang}"] for lang in LANGUAGES},
            }
            for i, row in zip(np.flatnonzero(marching), ev[marching].itertuples(index=False), strict=True)
        ],
        "chunk": CHUNK,
        "csvHeader": csv_line(CSV_COLUMNS),
    }


def text_chunks(index: EventIndex, places: gpd.GeoDataFrame, lang: str) -> list[dict]:
    """The popups' text in `lang`, as column lists of `CHUNK` events each, in reveal order."""
    columns = event_texts(index.events, places, lang, index.record)
    return [
        {field: values[start : start + CHUNK] for field, values in columns.items()}
        for start in range(0, len(index.events), CHUNK)
    ] or [{field: [] for field in columns}]


def row_chunks(index: EventIndex, places: gpd.GeoDataFrame) -> list[dict]:
    """Each event's CSV line and GeoJSON feature (geo.data.rows), in chunks of `CHUNK` events in reveal
    order: the browser joins those of the events shown into the downloads."""
    lines, found = csv_lines(index.events, index.record), features(index.events, places, index.record)
    return [
        {"csv": lines[start : start + CHUNK], "feature": found[start : start + CHUNK]}
        for start in range(0, len(index.events), CHUNK)
    ] or [{"csv": [], "feature": []}]


def record_lists(index: EventIndex, lang: str) -> dict[str, list[dict]]:
    """The record's lists in `lang`: the people killed (`geo.text.sources.people_records`) and every source
    with what cites it (`sources_panel`); both empty for a dataset without a record (an upload)."""
    record = index.record
    return {
        "people": people_records(record, index.events, lang) if record else [],
        "sources": sources_panel(record, lang) if record else [],
    }


def files(index: EventIndex, places: gpd.GeoDataFrame) -> dict[str, str]:
    """The bundle's files by name: core.json; for each language text-<lang>-<k>.json, people-<lang>.json and
    sources-<lang>.json; rows-<k>.json."""
    out = {"core.json": to_js(core(index, places))}
    for lang in LANGUAGES:
        out |= {f"text-{lang}-{k}.json": to_js(chunk) for k, chunk in enumerate(text_chunks(index, places, lang))}
        out |= {f"{name}-{lang}.json": to_js(values) for name, values in record_lists(index, lang).items()}
    return out | {f"rows-{k}.json": to_js(chunk) for k, chunk in enumerate(row_chunks(index, places))}


def fingerprint(contents: dict[str, str]) -> str:
    """A short name for exactly these files: the hash of the output itself, so that a change anywhere
    that shapes the bundle (data, texts, styles, code, a library's locale data) gives a new name."""
    digest = hashlib.sha256()
    for name, content in sorted(contents.items()):
        digest.update(f"{name}\0{len(content)}\0{content}".encode())
    return digest.hexdigest()[:16]


def write(index: EventIndex, places: gpd.GeoDataFrame, folder: Path, contents: dict[str, str] | None = None) -> None:
    """Write the bundle's files into `folder`."""
    folder.mkdir(parents=True, exist_ok=True)
    for name, content in (contents or files(index, places)).items():
        (folder / name).write_text(content, encoding="utf-8")


def publish(index: EventIndex, places: gpd.GeoDataFrame, static_dir: Path) -> str:
    """Write the bundle once under `static_dir/bundles/<fingerprint>/`; returns that path, relative.
    Atomic: a temporary folder, then a rename; of processes publishing it at once, the first wins."""
    contents = files(index, places)
    relative = f"bundles/{fingerprint(contents)}"
    final = static_dir / relative
    final.parent.mkdir(parents=True, exist_ok=True)
    remove_stale_partials(final.parent)
    if not final.is_dir():
        staging = Path(tempfile.mkdtemp(prefix=PARTIAL, dir=final.parent))
        staging.chmod(0o755)  # mkdtemp's 0o700 would hide it from a web server running as another user
        write(index, places, staging, contents)
        try:
            staging.rename(final)
        except OSError:
            shutil.rmtree(staging, ignore_errors=True)
            if not final.is_dir():
                raise
    return relative


def remove_stale_partials(bundles_dir: Path, now: float | None = None) -> list[str]:
    """Remove the `.partial-*` folders older than `STALE_AFTER_S` (an interrupted write); returns their names."""
    now = time.time() if now is None else now
    stale = [p for p in bundles_dir.glob(PARTIAL + "*") if now - _modified(p) > STALE_AFTER_S]
    for path in stale:
        shutil.rmtree(path, ignore_errors=True)  # another process may be removing it too
    return sorted(p.name for p in stale)


def _modified(path: Path) -> float:
    """When a real folder was last changed; infinitely recent for anything else, or for one just renamed away."""
    try:
        return path.stat().st_mtime if path.is_dir() and not path.is_symlink() else float("inf")
    except OSError:
        return float("inf")
