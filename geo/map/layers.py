"""From the state at time t to folium objects: a base map built once, and what each step sends it.

The base map carries what never changes while the slider moves (tiles, context layers, place
labels, legend), so its script, and streamlit-folium's hash of it, stay the same and the map is
never rebuilt. Each step is a message of a few numbers (geo.map.steps) that the browser app
(geo/web/app/map.js) draws from; text reaches it as data, and goes on the page with textContent only.
"""

from __future__ import annotations

import folium
import geopandas as gpd
from branca.element import MacroElement
from jinja2 import Template

from geo.data.vocab import CATEGORIES
from geo.map.assets import URL_ROOT, versioned
from geo.map.cartography import DATA_FRAME, FULL_NAMES_FROM_ZOOM, area_labels, place_labels
from geo.map.payload import CATEGORY_STYLE, to_js
from geo.model.views import BASEMAPS, DEFAULT_VIEW, VIEWS
from geo.text.events import category_label
from geo.text.i18n import text
from geo.text.words import event_words

_CONTEXT_LAYERS = (  # file, pane, style when offline, style over tiles (None: not drawn)
    ("countries_ne10m.geojson", "jm-land", "land", None),
    ("lakes_ne10m.geojson", "jm-lake", "lake", None),
    ("peru_provinces.geojson", "jm-borders", "province", "province_thin"),
    ("peru_departments.geojson", "jm-borders", "department", "department_thin"),
)
# A quiet reference map: neutral land, water clearly different (the map's background, see juliaca.css),
# national borders strongest, then departments, then provinces.
_CONTEXT_STYLES = {
    "land": {"color": "#6e6e6e", "weight": 1.4, "fillColor": "#f3f1ec", "fillOpacity": 1},
    "lake": {"color": "#7fa3ba", "weight": 0.8, "fillColor": "#c6dbe8", "fillOpacity": 1},
    "province": {"color": "#c9c4ba", "weight": 0.6, "fill": False},
    "department": {"color": "#8e8a82", "weight": 1.1, "fill": False},
    "province_thin": {"color": "#666666", "weight": 0.5, "fill": False, "opacity": 0.5, "dashArray": "2 3"},
    "department_thin": {"color": "#444444", "weight": 1, "fill": False, "opacity": 0.6},
}


class _Setup(MacroElement):
    """A script handing the Leaflet map and its configuration to the browser app (geo/web/app/host-frame.js,
    loaded before it): an event, not a global. The configuration is JSON that is safe inside a script."""

    _template = Template("""{% macro script(this, kwargs) %}
document.dispatchEvent(new CustomEvent("juliaca:setup",
  {detail: {map: {{ this._parent.get_name() }}, config: {{ this.config }}}}));
{% endmacro %}""")

    def __init__(self, config: dict):
        super().__init__()
        self._name = "JuliacaSetup"
        self.config = to_js(config)


class LocalMap(folium.Map):
    """A folium Map that loads Leaflet and the browser app from the app itself, never from a CDN."""

    def __init__(self, *args, url_root: str = URL_ROOT, **kwargs):
        super().__init__(*args, **kwargs)
        self.default_js = [
            ("leaflet", f"{url_root}/{versioned('vendor/leaflet/leaflet.js')}"),
            ("juliaca", f"{url_root}/{versioned('frame.js')}"),
        ]  # the map's style is in it
        self.default_css = [("leaflet_css", f"{url_root}/{versioned('vendor/leaflet/leaflet.css')}")]


def legend(lang: str, categories: tuple[str, ...] = CATEGORIES) -> dict:
    """The legend's content: one symbol per category, then the notes on what marks mean."""
    return {
        "title": text(lang, "legend"),
        "items": [
            {
                "category": c,
                "style": {"color": CATEGORY_STYLE[c][0], "shape": CATEGORY_STYLE[c][1]},
                "label": category_label(c, lang),
            }
            for c in categories
        ],
        "notes": [
            text(lang, key)
            for key in (
                "legend_new",
                "legend_earlier",
                "legend_approx",
                "legend_claim",
                "legend_differ",
                "legend_route",
                "legend_size",
            )
        ],
    }


MAX_LABELLED_PLACES = 60  # beyond, labels would bury the map (and bloat its script): none are drawn


def _place_labels(places: gpd.GeoDataFrame, lang: str) -> list[dict]:
    if len(places) > MAX_LABELLED_PLACES:
        return []
    return place_labels(places, lang)


def _context(offline: bool, url_root: str | None) -> list[dict]:
    """The context layers drawn under the events: all of them offline, the borders only over tiles."""
    context = []
    for name, pane, offline_style, tiles_style in _CONTEXT_LAYERS:
        style = offline_style if offline else tiles_style
        if style:
            context.append(
                {
                    "name": name,
                    "pane": pane,
                    "style": style,
                    "url": f"{url_root}/{versioned('layers/' + name)}" if url_root else None,
                }
            )
    return context


def _offline_base(lang: str, url_root: str | None) -> dict:
    """What a map over tiles switches to by itself when the tiles cannot be reached (issue 23)."""
    return {
        "context": _context(True, url_root),
        "areas": area_labels(lang),
        "frame": DATA_FRAME,
        "maxZoom": BASEMAPS["offline"].max_zoom,
    }


def map_config(
    places: gpd.GeoDataFrame, lang: str, basemap: str, dataset: dict, *, url_root: str | None = URL_ROOT
) -> dict:
    """Everything the browser app's map needs (geo/web/app/map.js). `dataset` says where the bundle is
    (`{"url": …}`), or holds
    it (`{"core": …, "text": […]}`). With `url_root=None` the context layers carry no URL and must be
    given their `data` by the page (the self-contained export). Over tiles, `offline` holds the offline
    base, which the map takes by itself if the tiles cannot be reached."""
    spec = BASEMAPS[basemap]
    offline = spec.tiles is None
    return {
        "lang": lang,
        "tiles": not offline,
        "credit": text(lang, "map_credit"),
        "creditButton": text(lang, "map_credit_button"),
        "offline": None if offline else _offline_base(lang, url_root),
        "context": _context(offline, url_root),
        "contextStyles": _CONTEXT_STYLES,
        "places": _place_labels(places, lang),
        "areas": area_labels(lang) if offline else [],
        "frame": DATA_FRAME if offline else None,  # the offline layers' extent: the view stays inside
        "fullNamesFrom": FULL_NAMES_FROM_ZOOM,
        "legend": legend(lang),
        "dataset": dataset,
        "strings": {k: text(lang, k) for k in ("schematic", "tiles_failed", "march_from", "events_here", "map_name")}
        | event_words(lang),
    }


def base_map(
    places: gpd.GeoDataFrame,
    lang: str,
    basemap: str,
    bundle: str,
    *,
    url_root: str = URL_ROOT,
    first_step: dict | None = None,
    room: bool = False,
    people_links: bool = False,
) -> LocalMap:
    """A fresh base map (cheap: about a millisecond). Its script depends only on the language, the base
    map and the dataset (`bundle`: the bundle's folder under the static root, e.g. `bundles/<fingerprint>`),
    on `room` (classroom mode: type and symbols for a room, the legend folded), and on `first_step`, the
    step it draws before the time control reaches it (kept for the iframe's life).
    `people_links`: a death's popup links each person killed to the list of the people killed beside the map
    (where the page has that list); else it names them as text.
    (Its arrays are fetched, or taken from the page's control: inlined in the script, even 66 events' made
    the first map slower in the benchmark, and 1,000 events' 1.9 times the baseline's.)"""
    spec = BASEMAPS[basemap]
    center, zoom = VIEWS[DEFAULT_VIEW]
    fmap = LocalMap(
        location=center,
        zoom_start=zoom,
        tiles=None,
        control_scale=True,
        max_zoom=spec.max_zoom,
        min_zoom=4,
        url_root=url_root,
    )
    if spec.tiles:
        folium.TileLayer(spec.tiles, attr=spec.attribution, max_zoom=spec.max_zoom, name=basemap).add_to(fmap)
    dataset = {"url": f"{url_root}/{bundle}"}
    # in the app the map is an iframe: its title names the time shown (`nameFrame`, issue 11)
    _Setup(
        map_config(places, lang, basemap, dataset, url_root=url_root)
        | {"nameFrame": True, "firstStep": first_step, "room": room, "peopleLinks": people_links}
    ).add_to(fmap)
    return fmap
