"""Exports: a self-contained HTML page of the day, and the events shown as CSV or GeoJSON.

The page inlines Leaflet, our script, the context layers and the data, so it works from `file://`
with no network, on any static host, and inside an `<iframe>`. The slider filters in the browser:
each step lists the ids it shows, and each event is described once per language.
The same page, pinned to one step, is what `geo.render` photographs for snapshots and animations.
"""

from __future__ import annotations

import csv
import html
import io
import json
import re
from dataclasses import dataclass
from pathlib import Path

import geopandas as gpd
import pandas as pd
import xstatic.pkg.leaflet as xleaflet
from jinja2 import Environment
from markupsafe import Markup

from geo.assets import LAYERS_DIR, WEB_DIR
from geo.i18n import LANGUAGES, STRINGS, text
from geo.labels import clock_label, step_name
from geo import bundle
from geo.layers import BASEMAPS, LIST_LIMIT, VIEWS, map_config, to_js
from geo.params import SCALES, steps_for
from geo.timeline import DAY, HOUR, EventIndex, toll_start
from geo.vocab import COUNT_COLUMNS, EVENT_COLUMNS

PROJECT = "Juliaca, 9 January 2023: an hour-by-hour map"
_UI_KEYS = ("title", "play", "pause", "previous", "next", "time", "list_heading", "not_mapped",
            "precision_note_hour", "precision_note_day", *COUNT_COLUMNS)


@dataclass(frozen=True)
class PageOptions:
    """What the page shows first: language, view, base map, scale and step; `snapshot` for a still image."""

    lang: str = "en"
    view: str = "region"
    base: str = "offline"
    scale: str = "hour"
    step: int = 6
    snapshot: bool = False
    categories: frozenset[str] | None = None  # None: every category


def credit_line(lang: str, base: str) -> str:
    """The credit printed on every export: the source and its outlets, the map data (the base map's own
    attribution, as the map shows it, without its link), the project."""
    map_data = html.unescape(re.sub(r"<[^>]+>", "", BASEMAPS[base].attribution))
    return f"{text(lang, 'credit_source')} · {text(lang, 'credit_map')}: {map_data}; GeoNames (CC BY 4.0) · {PROJECT}"


def _epoch_ms(t: pd.Timestamp | None) -> int | None:
    return None if t is None else int(t.value // 1_000_000)


def _steps(scale: str) -> list[dict]:
    """The slider's steps with their clock and short name in each language (the data does the rest)."""
    size = HOUR if scale == "hour" else DAY
    return [{"t": int(t.value // 1_000_000), "iso": t.isoformat(), "newFrom": int((t - size).value // 1_000_000),
             "clock": {lang: clock_label(t, scale, lang) for lang in LANGUAGES},
             "name": {lang: step_name(t, scale, lang) for lang in LANGUAGES}} for t in steps_for(scale)]


def page_data(index: EventIndex, places: gpd.GeoDataFrame, options: PageOptions) -> dict:
    """Everything the page needs, as plain JSON-able data: the same bundle the app serves, inlined."""
    layers = {p.name: json.loads(p.read_text(encoding="utf-8")) for p in sorted(LAYERS_DIR.glob("*.geojson"))}
    center, zoom = VIEWS[options.view]
    spec = BASEMAPS[options.base]
    cats = None if options.categories is None else sorted(options.categories)
    return {
        "lang": options.lang,
        "scale": options.scale,
        "step": options.step,
        "snapshot": options.snapshot,
        "cats": cats,
        "listLimit": LIST_LIMIT,
        "maxZoom": spec.max_zoom,
        "view": {"center": list(center), "zoom": zoom},
        "tiles": {"url": spec.tiles, "attribution": spec.attribution} if spec.tiles else None,
        "scales": {scale: _steps(scale) for scale in SCALES},
        "tollFrom": {scale: _epoch_ms(toll_start(scale)) for scale in SCALES},  # where each scale's counters start
        "core": bundle.core(index, places),
        "text": {lang: bundle.text_chunks(index, places, lang) for lang in LANGUAGES},
        "layers": layers,  # once for both languages; page.js hands them to each map it builds
        "strings": {lang: {k: STRINGS[lang][k] for k in _UI_KEYS} for lang in LANGUAGES},  # JS fills {n}
        "config": {lang: map_config(places, lang, options.base, None, url_root=None) for lang in LANGUAGES},
        "credit": {lang: credit_line(lang, options.base) for lang in LANGUAGES},
    }


def _trusted(path: Path, closing: str) -> Markup:
    """A file of ours inlined into <script> or <style>; its closing tag cannot appear inside."""
    return Markup(path.read_text(encoding="utf-8").replace(f"</{closing}", f"<\\/{closing}"))


def build_page(index: EventIndex, places: gpd.GeoDataFrame, options: PageOptions = PageOptions()) -> str:
    """The whole page as one HTML string."""
    template = Environment(autoescape=True).from_string((WEB_DIR / "page.html").read_text(encoding="utf-8"))
    leaflet = Path(xleaflet.BASE_DIR)
    return template.render(
        lang=options.lang,
        title=text(options.lang, "page_title"),
        body_class="snapshot" if options.snapshot else "",
        leaflet_css=_trusted(leaflet / "leaflet.css", "style"),
        juliaca_css=_trusted(WEB_DIR / "juliaca.css", "style"),
        leaflet_js=_trusted(leaflet / "leaflet.js", "script"),
        timemodel_js=_trusted(WEB_DIR / "timemodel.js", "script"),
        juliaca_js=_trusted(WEB_DIR / "juliaca.js", "script"),
        page_js=_trusted(WEB_DIR / "page.js", "script"),
        page_json=Markup(to_js(page_data(index, places, options))),
    )


def export_site(index: EventIndex, places: gpd.GeoDataFrame, out_dir: Path, options: PageOptions) -> Path:
    """Write `index.html` (self-contained) and the data's licence notice into `out_dir`."""
    out_dir.mkdir(parents=True, exist_ok=True)
    page = out_dir / "index.html"
    page.write_text(build_page(index, places, options), encoding="utf-8")
    (out_dir / "LICENSE-DATA.md").write_text((LAYERS_DIR.parent / "LICENSE.md").read_text(encoding="utf-8")
                                             + "\n" + (LAYERS_DIR / "README.md").read_text(encoding="utf-8"),
                                             encoding="utf-8")
    return page


# --- the events shown, as files ------------------------------------------------------------

_FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def neutralise_formula(value: object) -> object:
    """Stop a spreadsheet from running a cell as a formula: text starting with = + - @ (or tab, CR) gets a '.

    >>> neutralise_formula("=HYPERLINK(\\"http://e.vil\\")")
    '\\'=HYPERLINK("http://e.vil")'
    >>> neutralise_formula(17)
    17
    """
    return f"'{value}" if isinstance(value, str) and value.startswith(_FORMULA_STARTS) else value


def _as_records(events: pd.DataFrame) -> list[dict]:
    rows = []
    for ev in events[list(EVENT_COLUMNS)].itertuples(index=False):
        row = {}
        for column, value in zip(EVENT_COLUMNS, ev):
            if column in ("start", "end"):
                value = "" if pd.isna(value) else value.isoformat()
            elif column in COUNT_COLUMNS:
                value = None if pd.isna(value) else int(value)
            row[column] = value
        rows.append(row)
    return rows


def events_csv(events: pd.DataFrame) -> bytes:
    """The events in the project's CSV schema (UTF-8 with BOM, for spreadsheets), formulas neutralised."""
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=list(EVENT_COLUMNS), lineterminator="\n")
    writer.writeheader()
    for row in _as_records(events):
        writer.writerow({k: "" if v is None else neutralise_formula(v) for k, v in row.items()})
    return ("\ufeff" + buffer.getvalue()).encode("utf-8")


def events_geojson(events: pd.DataFrame, places: gpd.GeoDataFrame) -> bytes:
    """The events as a GeoJSON FeatureCollection; an event whose place is unknown has a null geometry."""
    features = []
    for row in _as_records(events):
        place = row["place_id"]
        geometry = None
        if place in places.index:
            point = places.geometry[place]
            geometry = {"type": "Point", "coordinates": [round(point.x, 5), round(point.y, 5)]}
        features.append({"type": "Feature", "geometry": geometry, "properties": row})
    return json.dumps({"type": "FeatureCollection", "features": features}, ensure_ascii=False, indent=1).encode("utf-8")
