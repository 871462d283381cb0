"""Exports: a self-contained HTML page of the day, and the events shown as CSV or GeoJSON.

The page inlines Leaflet, our script, the context layers and the data, so it works from `file://`
with no network, on any static host, and inside an `<iframe>`. The slider filters in the browser:
each step lists the ids it shows, and each event is described once per language.
The same page, pinned to one step, is what `geo.output.render` photographs for snapshots and animations.
"""

from __future__ import annotations

import csv
import io
import json
from dataclasses import dataclass
from pathlib import Path

import geopandas as gpd
import pandas as pd
import xstatic.pkg.leaflet as xleaflet
from jinja2 import Environment
from markupsafe import Markup

from geo.data.csvrows import neutralise_formula
from geo.data.vocab import COUNT_COLUMNS, EVENT_COLUMNS, EXPORT_ONLY_COLUMNS
from geo.map import bundle
from geo.map.assets import LAYERS_DIR, WEB_DIR
from geo.map.layers import map_config
from geo.map.payload import to_js
from geo.model.params import DEFAULT_HOUR, SCALES, step_key, steps_for
from geo.model.timeline import EventIndex, Scale, new_since, toll_as_worded, toll_start
from geo.model.views import BASEMAPS, DEFAULT_VIEW, VIEWS
from geo.text.a11y import map_title, moment_summary
from geo.text.events import LIST_LIMIT
from geo.text.i18n import LANGUAGE_INFO, LANGUAGES, STRINGS, text
from geo.text.labels import clock_label, count_label, step_name

_UI_KEYS = ("title", "play", "pause", "previous", "next", "time", "list_heading", "not_mapped", "summary_heading",
            "precision_note_hour", "precision_note_day", "toll_scope_hour", "toll_scope_day", *COUNT_COLUMNS)


@dataclass(frozen=True)
class PageOptions:
    """What the page shows first: language, view, base map, scale and step; `snapshot` for a still image."""

    lang: str = "en"
    view: str = DEFAULT_VIEW
    base: str = "offline"
    scale: Scale = "hour"
    step: int = DEFAULT_HOUR  # 06:00
    snapshot: bool = False
    categories: frozenset[str] | None = None  # None: every category
    highlight: tuple[str, ...] = ()  # event ids that stand out (a key moment's); the rest fade


_MAP_DATA = {  # the base map's credit, in each language
    "osm": {"en": "© OpenStreetMap contributors", "es": "© colaboradores de OpenStreetMap"},
    "satellite": {"en": "Imagery © Esri, Maxar, Earthstar Geographics",
                  "es": "Imágenes © Esri, Maxar, Earthstar Geographics"},
    "offline": {"en": "Natural Earth; INEI 2007 (MPL-2.0)", "es": "Natural Earth; INEI 2007 (MPL-2.0)"},
}


def credit_line(lang: str, base: str) -> str:
    """The credit printed on every export, wholly in `lang`: the source and its outlets, the map data, the
    project (by its title in that language)."""
    map_data = _MAP_DATA[base].get(lang, _MAP_DATA[base]["en"])
    return (f"{text(lang, 'credit_source')} · {text(lang, 'credit_map')}: {map_data}; GeoNames (CC BY 4.0)"
            f" · {text(lang, 'title')}")


def _epoch_ms(t: pd.Timestamp | None) -> int | None:
    return None if t is None else int(t.value // 1_000_000)


def _steps(index: EventIndex, scale: Scale) -> list[dict]:
    """The slider's steps with their clock, short name and counters (as worded: "over 100") in each language."""
    return [{"t": int(t.value // 1_000_000), "iso": t.isoformat(), "newFrom": int(new_since(t, scale).value // 1_000_000),
             "key": step_key(t, scale),
             "clock": {lang: clock_label(t, scale, lang) for lang in LANGUAGES},
             "name": {lang: step_name(t, scale, lang) for lang in LANGUAGES},
             "toll": _worded_toll(index, t, scale),
             "mapTitle": {lang: map_title(t, scale, lang) for lang in LANGUAGES}} for t in steps_for(scale)]


def _worded_toll(index: EventIndex, t: pd.Timestamp, scale: Scale) -> dict[str, list[str]]:
    """The four counters at t as the app words them, per language (the toll ignores the filter)."""
    worded = toll_as_worded(index, t, toll_start(scale))
    return {lang: [count_label(*worded[c], lang) for c in COUNT_COLUMNS] for lang in LANGUAGES}


def _summaries(index: EventIndex, places: gpd.GeoDataFrame, options: PageOptions) -> dict:
    """Per scale and step, the moment in words in each language: what stands in for the map (issue 11)."""
    return {scale: [{lang: moment_summary(index, places, t, scale, lang, view=options.view, categories=options.categories)
                     for lang in LANGUAGES} for t in steps_for(scale)] for scale in SCALES}


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
        "highlight": list(options.highlight) or None,
        "listLimit": LIST_LIMIT,
        "maxZoom": spec.max_zoom,
        "view": {"center": list(center), "zoom": zoom},
        "views": {name: {"center": list(c), "zoom": z} for name, (c, z) in VIEWS.items()},  # for links and goto
        "tiles": {"url": spec.tiles, "attribution": spec.attribution} if spec.tiles else None,
        "scales": {scale: _steps(index, scale) for scale in SCALES},
        "tollFrom": {scale: _epoch_ms(toll_start(scale)) for scale in SCALES},  # where each scale's counters start
        "core": bundle.core(index, places),
        "text": {lang: bundle.text_chunks(index, places, lang) for lang in LANGUAGES},
        "layers": layers,  # once for both languages; page.js hands them to each map it builds
        "strings": {lang: {k: STRINGS[lang][k] for k in _UI_KEYS} for lang in LANGUAGES},  # JS fills {n}
        "config": {lang: map_config(places, lang, options.base, None, url_root=None) | _furniture(options)
                   for lang in LANGUAGES},
        "credit": {lang: credit_line(lang, options.base) for lang in LANGUAGES},
        "summaries": _summaries(index, places, options),
    }


def _furniture(options: PageOptions) -> dict:
    """What a snapshot adds to the map (drawn by geo/web/cartography.js): a north arrow, a legend of only the
    categories on the map, and a locator inset on the views closer than the whole country."""
    if not options.snapshot:
        return {}
    return {"snapshot": {"northArrow": True, "legendShown": True, "inset": options.view != "peru"}}


def _trusted(path: Path, closing: str) -> Markup:
    """A file of ours inlined into <script> or <style>; its closing tag cannot appear inside."""
    return Markup(path.read_text(encoding="utf-8").replace(f"</{closing}", f"<\\/{closing}"))


def build_page(index: EventIndex, places: gpd.GeoDataFrame, options: PageOptions = PageOptions(),
               card_meta: str = "") -> str:
    """The whole page as one HTML string; `card_meta`: its share-card tags (see `geo.output.site`), already escaped."""
    template = Environment(autoescape=True).from_string((WEB_DIR / "page.html").read_text(encoding="utf-8"))
    leaflet = Path(xleaflet.BASE_DIR)
    return template.render(
        lang=options.lang,
        languages=[(code, info.name) for code, info in LANGUAGE_INFO.items()],
        title=text(options.lang, "page_title"),
        body_class="snapshot" if options.snapshot else "",
        leaflet_css=_trusted(leaflet / "leaflet.css", "style"),
        juliaca_css=_trusted(WEB_DIR / "juliaca.css", "style"),
        leaflet_js=_trusted(leaflet / "leaflet.js", "script"),
        timemodel_js=_trusted(WEB_DIR / "timemodel.js", "script"),
        cartography_js=_trusted(WEB_DIR / "cartography.js", "script"),
        juliaca_js=_trusted(WEB_DIR / "juliaca.js", "script"),
        page_js=_trusted(WEB_DIR / "page.js", "script"),
        page_json=Markup(to_js(page_data(index, places, options))),
        card_meta=Markup(card_meta),
    )


def export_site(index: EventIndex, places: gpd.GeoDataFrame, out_dir: Path, options: PageOptions,
                card_meta: str = "") -> Path:
    """Write `index.html` (self-contained) and the data's licence notice into `out_dir`."""
    out_dir.mkdir(parents=True, exist_ok=True)
    page = out_dir / "index.html"
    page.write_text(build_page(index, places, options, card_meta), encoding="utf-8")
    (out_dir / "LICENSE-DATA.md").write_text((LAYERS_DIR.parent / "LICENSE.md").read_text(encoding="utf-8")
                                             + "\n" + (LAYERS_DIR / "README.md").read_text(encoding="utf-8"),
                                             encoding="utf-8")
    return page


# --- the events shown, as files ------------------------------------------------------------

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
    """The events in the project's CSV schema (UTF-8 with BOM, for spreadsheets), formulas neutralised.

    A last column, `counted_in_toll`, says whether the row's counts are part of the map's toll (`yes`)
    or not (`no`: Ayacucho's dead are never added to Juliaca's); empty for events that were not indexed.
    The loader ignores that column, so the file reads back as data.
    """
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=[*EVENT_COLUMNS, *EXPORT_ONLY_COLUMNS], lineterminator="\n")
    writer.writeheader()
    in_toll = events["in_toll"].tolist() if "in_toll" in events else [None] * len(events)
    for row, counted in zip(_as_records(events), in_toll):
        cells = {k: "" if v is None else neutralise_formula(v) for k, v in row.items()}
        writer.writerow({**cells, "counted_in_toll": "" if counted is None else ("yes" if counted else "no")})
    return ("\ufeff" + buffer.getvalue()).encode("utf-8")


def events_geojson(events: pd.DataFrame, places: gpd.GeoDataFrame) -> bytes:
    """The events as a GeoJSON FeatureCollection; an event whose place is unknown has a null geometry."""
    features = []
    in_toll = events["in_toll"].tolist() if "in_toll" in events else [None] * len(events)
    for row, counted in zip(_as_records(events), in_toll):
        if counted is not None:
            row["counted_in_toll"] = bool(counted)  # as in the CSV: Ayacucho is never in Juliaca's toll
        place = row["place_id"]
        geometry = None
        if place in places.index:
            point = places.geometry[place]
            geometry = {"type": "Point", "coordinates": [round(point.x, 5), round(point.y, 5)]}
        features.append({"type": "Feature", "geometry": geometry, "properties": row})
    return json.dumps({"type": "FeatureCollection", "features": features}, ensure_ascii=False, indent=1).encode("utf-8")
