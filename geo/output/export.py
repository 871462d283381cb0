"""Exports: a self-contained HTML page of the day, and the events shown as CSV or GeoJSON.

The page inlines Leaflet, the browser app's bundle (geo/web/app/dist/page.js: the same modules as the
app's page), the context layers and the data, so it works from `file://` with no network, on any static
host, and inside an `<iframe>`. The same page, pinned to one step, is what `geo.output.render`
photographs for snapshots and animations.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path

import geopandas as gpd
import pandas as pd
import xstatic.pkg.leaflet as xleaflet
from jinja2 import Environment
from markupsafe import Markup

from geo.data.record import Record
from geo.data.rows import CSV_COLUMNS, csv_line, csv_lines, features
from geo.data.vocab import COUNT_COLUMNS
from geo.map import bundle
from geo.map.assets import APP_DIR, LAYERS_DIR, WEB_DIR
from geo.map.layers import map_config
from geo.map.payload import to_js
from geo.map.steps import explore_steps
from geo.model.params import DEFAULT_HOUR, SCALES, steps_for
from geo.model.timeline import EventIndex, Scale, toll_as_worded, toll_start
from geo.model.views import BASEMAPS, DEFAULT_VIEW, VIEWS
from geo.text.a11y import moment_summary
from geo.text.events import LIST_LIMIT
from geo.text.i18n import LANGUAGE_INFO, LANGUAGES, STRINGS, text
from geo.text.labels import count_label, toll_scope
from geo.text.sources import credit_of
from geo.text.steptext import credit_at, credit_lines, reported_lines
from geo.text.words import control_words, counter_labels, list_words

_UI_KEYS = (
    "title",
    "precision_note_hour",
    "precision_note_day",
    "toll_scope_hour",
    "toll_scope_day",
    "sources_heading",
    "sources_body",
)
SPEEDS = (("0.5", 500), ("1", 1000), ("2", 2000))  # seconds per step, as in the app


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
    source: str | None = None  # only the events this source reports (None: every source). For the article
    # only, give the page its own dataset (geo.data.load.for_source), which every event of cites


_MAP_DATA = {  # the base map's credit, in each language
    "osm": {"en": "© OpenStreetMap contributors", "es": "© colaboradores de OpenStreetMap"},
    "satellite": {
        "en": "Imagery © Esri, Maxar, Earthstar Geographics",
        "es": "Imágenes © Esri, Maxar, Earthstar Geographics",
    },
    "offline": {"en": "Natural Earth; INEI 2007 (MPL-2.0)", "es": "Natural Earth; INEI 2007 (MPL-2.0)"},
}


def credit_line(lang: str, base: str, sources: str | None = None) -> str:
    """The credit printed on every export, wholly in `lang`: the sources, the texts' licence, the map data, the
    project (by its title in that language). `sources`: the credit of exactly the sources shown
    (`geo.text.sources.credit_of`); without it, the article and the outlets it quotes."""
    map_data = _MAP_DATA[base].get(lang, _MAP_DATA[base]["en"])
    credited = f"{sources} · {text(lang, 'credit_texts')}" if sources else text(lang, "credit_source")
    return f"{credited} · {text(lang, 'credit_map')}: {map_data}; GeoNames (CC BY 4.0) · {text(lang, 'title')}"


def step_credit(index: EventIndex, options: PageOptions) -> str:
    """The credit line of a picture of `options.step`: the sources of exactly the events it shows, the
    licences, the map data (as burned into the picture by the page)."""
    categories = None if options.categories is None else frozenset(options.categories)
    t = steps_for(options.scale)[options.step]
    return credit_line(
        options.lang, options.base, credit_at(index, t, options.scale, options.lang, categories, options.source)
    )


def events_credit(index: EventIndex, lang: str) -> str:
    """The credit of the sources of every event of `index` (the exported page's own, whatever the step)."""
    return credit_of(index.record, index.events, lang, sentence=False)


def _steps(index: EventIndex, places: gpd.GeoDataFrame, scale: Scale, options: PageOptions) -> dict[str, list[dict]]:
    """The slider's steps in each language (as the app's, geo.map.steps), each with its counters as worded
    ("over 100"), the figures reported by then, the credit of the sources of the events it shows, and the
    moment in words (what stands in for the map, issue 11), and a key moment's events standing out on
    every step."""
    out = {}
    categories = None if options.categories is None else frozenset(options.categories)
    for lang in LANGUAGES:
        summaries = [
            moment_summary(
                index, places, t, scale, lang, view=options.view, categories=options.categories, source=options.source
            )
            for t in steps_for(scale)
        ]
        steps = [
            step | {"toll": toll, "summary": summary, "reported": reported, "credit": credit}
            for step, toll, summary, reported, credit in zip(
                explore_steps(scale, lang),
                _worded_tolls(index, scale, lang),
                summaries,
                reported_lines(index, scale, lang, options.source),
                credit_lines(index, scale, lang, categories, options.source),
                strict=True,
            )
        ]
        if options.highlight:
            steps = [step | {"map": step["map"] | {"highlight": list(options.highlight)}} for step in steps]
        out[lang] = steps
    return out


def _worded_tolls(index: EventIndex, scale: Scale, lang: str) -> list[list[str]]:
    """The four counters at each step as the app words them (the toll ignores the filter)."""
    start = toll_start(scale)
    return [
        [count_label(*worded[c], lang) for c in COUNT_COLUMNS]
        for worded in (toll_as_worded(index, t, start) for t in steps_for(scale))
    ]


def _words(lang: str) -> dict:
    """The page's words in `lang`; `counted`: what the counters include on each scale ("What is counted")."""
    return (
        {k: STRINGS[lang][k] for k in _UI_KEYS}
        | list_words(lang)
        | {"control": control_words(lang, "explore")}
        | {"counted": {scale: f"{toll_scope(scale, lang)[1]} {text(lang, 'counts_help')}" for scale in SCALES}}
    )


def page_data(index: EventIndex, places: gpd.GeoDataFrame, options: PageOptions) -> dict:
    """Everything the page needs, as plain JSON-able data: the same bundle the app serves, inlined."""
    layers = {p.name: json.loads(p.read_text(encoding="utf-8")) for p in sorted(LAYERS_DIR.glob("*.geojson"))}
    center, zoom = VIEWS[options.view]
    spec = BASEMAPS[options.base]
    return {
        "lang": options.lang,
        "scale": options.scale,
        "step": options.step,
        "snapshot": options.snapshot,
        "cats": None if options.categories is None else sorted(options.categories),
        "src": options.source,
        "listLimit": LIST_LIMIT,
        "maxZoom": spec.max_zoom,
        "view": {"center": list(center), "zoom": zoom},
        "views": {name: {"center": list(c), "zoom": z} for name, (c, z) in VIEWS.items()},  # for links and goto
        "tiles": {"url": spec.tiles, "attribution": spec.attribution} if spec.tiles else None,
        "scales": {scale: _steps(index, places, scale, options) for scale in SCALES},
        "speeds": [{"label": label, "ms": ms} for label, ms in SPEEDS],
        "counters": {lang: counter_labels(lang) for lang in LANGUAGES},
        "core": bundle.core(index, places),
        "text": {lang: bundle.text_chunks(index, places, lang) for lang in LANGUAGES},
        "rows": [] if options.snapshot else bundle.row_chunks(index, places),
        "record": {} if options.snapshot else {lang: bundle.record_lists(index, lang) for lang in LANGUAGES},
        "layers": layers,  # once for both languages; the page hands them to each map it builds
        "strings": {lang: _words(lang) for lang in LANGUAGES},
        "config": {
            lang: map_config(places, lang, options.base, None, url_root=None) | _furniture(options)
            for lang in LANGUAGES
        },
        "credit": {lang: credit_line(lang, options.base, events_credit(index, lang)) for lang in LANGUAGES},
        "creditParts": {lang: credit_line(lang, options.base, "{sources}") for lang in LANGUAGES},  # a step's own
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


def build_page(
    index: EventIndex, places: gpd.GeoDataFrame, options: PageOptions = PageOptions(), card_meta: str = ""
) -> str:
    """The whole page as one HTML string; `card_meta`: its share-card tags (see `geo.output.site`), already escaped.
    Its data is JSON in the page (escaped for a script element), read by the bundle: never run as code."""
    template = Environment(autoescape=True).from_string((WEB_DIR / "page.html").read_text(encoding="utf-8"))
    leaflet = Path(xleaflet.BASE_DIR)
    return template.render(
        lang=options.lang,
        languages=[(code, info.name) for code, info in LANGUAGE_INFO.items()],
        title=text(options.lang, "page_title"),
        body_class="snapshot" if options.snapshot else "",
        leaflet_css=_trusted(leaflet / "leaflet.css", "style"),
        leaflet_js=_trusted(leaflet / "leaflet.js", "script"),
        app_js=_trusted(APP_DIR / "dist" / "page.js", "script"),
        page_json=Markup(to_js(page_data(index, places, options))),
        card_meta=Markup(card_meta),
    )


def export_site(
    index: EventIndex, places: gpd.GeoDataFrame, out_dir: Path, options: PageOptions, card_meta: str = ""
) -> Path:
    """Write `index.html` (self-contained) and the data's licence notice into `out_dir`."""
    out_dir.mkdir(parents=True, exist_ok=True)
    page = out_dir / "index.html"
    page.write_text(build_page(index, places, options, card_meta), encoding="utf-8")
    (out_dir / "LICENSE-DATA.md").write_text(
        (LAYERS_DIR.parent / "LICENSE.md").read_text(encoding="utf-8")
        + "\n"
        + (LAYERS_DIR / "README.md").read_text(encoding="utf-8"),
        encoding="utf-8",
    )
    return page


# --- the events shown, as files ------------------------------------------------------------


def events_csv(events: pd.DataFrame, record: Record | None = None) -> bytes:
    """The events in the project's CSV schema (UTF-8 with BOM, for spreadsheets), formulas neutralised,
    with their sources (`sources`, from the `record`) and `counted_in_toll` last (see `geo.data.rows.csv_lines`).
    The loader reads it back as data."""
    return ("\ufeff" + "\n".join([csv_line(CSV_COLUMNS), *csv_lines(events, record)]) + "\n").encode("utf-8")


def events_geojson(events: pd.DataFrame, places: gpd.GeoDataFrame, record: Record | None = None) -> bytes:
    """The events as a GeoJSON FeatureCollection, with their sources where the `record` gives them; an event
    whose place is unknown has a null geometry."""
    collection = {"type": "FeatureCollection", "features": features(events, places, record)}
    return json.dumps(collection, ensure_ascii=False, indent=1).encode("utf-8")
