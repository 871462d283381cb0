"""From the state at time t to folium objects: a base map built once, and what each step sends it.

The base map carries what never changes while the slider moves (tiles, context layers, place
labels, legend), so its script, and streamlit-folium's hash of it, stay the same and the map is
never rebuilt. Each step is a message of a few numbers (`step_payload`) that `geo/web/juliaca.js`
draws from; text reaches it as data, and the script puts it on the page with textContent only.
"""

from __future__ import annotations

import folium
import geopandas as gpd
import pandas as pd
from branca.element import MacroElement
from jinja2 import Template

from geo.data.vocab import CATEGORIES
from geo.map.assets import URL_ROOT, versioned
from geo.map.cartography import DATA_FRAME, FULL_NAMES_FROM_ZOOM, area_labels, place_labels
from geo.map.payload import CATEGORY_STYLE, to_js
from geo.model.views import BASEMAPS, DEFAULT_VIEW, VIEWS
from geo.text.events import category_label
from geo.text.i18n import text

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


class _Call(MacroElement):
    """A one-line script calling `JuliacaMap.<function>(<parent layer>, <json>)`."""

    _template = Template("""{% macro script(this, kwargs) %}
{{ this.prelude }}JuliacaMap.{{ this.function }}({{ this.target or this._parent.get_name() }}, {{ this.payload }});
{% endmacro %}""")

    def __init__(self, function: str, payload: object, prelude: str = "", target: str | None = None):
        super().__init__()
        self._name = "JuliacaCall"
        self.function = function
        self.payload = to_js(payload)
        self.prelude = prelude
        self.target = target


class LocalMap(folium.Map):
    """A folium Map that loads Leaflet and our script from the app, never from a CDN."""

    def __init__(self, *args, url_root: str = URL_ROOT, **kwargs):
        super().__init__(*args, **kwargs)
        self.default_js = [("leaflet", f"{url_root}/{versioned('vendor/leaflet/leaflet.js')}"),
                           ("juliaca_time", f"{url_root}/{versioned('timemodel.js')}"),
                           ("cartography", f"{url_root}/{versioned('cartography.js')}"),
                           ("juliaca", f"{url_root}/{versioned('juliaca.js')}")]
        self.default_css = [("leaflet_css", f"{url_root}/{versioned('vendor/leaflet/leaflet.css')}"),
                            ("juliaca_css", f"{url_root}/{versioned('juliaca.css')}")]


def legend(lang: str, categories: tuple[str, ...] = CATEGORIES) -> dict:
    """The legend's content: one symbol per category, then the notes on what marks mean."""
    return {
        "title": text(lang, "legend"),
        "items": [{"category": c, "style": {"color": CATEGORY_STYLE[c][0], "shape": CATEGORY_STYLE[c][1]},
                   "label": category_label(c, lang)} for c in categories],
        "notes": [text(lang, key) for key in ("legend_new", "legend_earlier", "legend_approx",
                                              "legend_claim", "legend_route", "legend_size")],
    }


MAX_LABELLED_PLACES = 60  # beyond, labels would bury the map (and bloat its script): none are drawn


def _place_labels(places: gpd.GeoDataFrame, lang: str) -> list[dict]:
    if len(places) > MAX_LABELLED_PLACES:
        return []
    return place_labels(places, lang)


def map_config(places: gpd.GeoDataFrame, lang: str, basemap: str, dataset: dict, *,
               url_root: str | None = URL_ROOT) -> dict:
    """Everything `JuliacaMap.setup` needs. `dataset` says where the bundle is (`{"url": …}`), or holds
    it (`{"core": …, "text": […]}`). With `url_root=None` the context layers carry no URL and must be
    given their `data` by the page (the self-contained export)."""
    spec = BASEMAPS[basemap]
    offline = spec.tiles is None
    context = []
    for name, pane, offline_style, tiles_style in _CONTEXT_LAYERS:
        style = offline_style if offline else tiles_style
        if style:
            context.append({"name": name, "pane": pane, "style": style,
                            "url": f"{url_root}/{versioned('layers/' + name)}" if url_root else None})
    return {
        "lang": lang,
        "tiles": not offline,
        "credit": text(lang, "map_credit"),
        "context": context,
        "contextStyles": _CONTEXT_STYLES,
        "places": _place_labels(places, lang),
        "areas": area_labels(lang) if offline else [],
        "frame": DATA_FRAME if offline else None,  # the offline layers' extent: the view stays inside
        "fullNamesFrom": FULL_NAMES_FROM_ZOOM,
        "legend": legend(lang),
        "dataset": dataset,
        "strings": {k: text(lang, k) for k in ("schematic", "tiles_failed", "march_from", "events_here", "map_name")}
        | {"source": text(lang, "popup_quote"), "reported_by": text(lang, "details_reported_by")},
    }


def base_map(places: gpd.GeoDataFrame, lang: str, basemap: str, bundle: str, *, url_root: str = URL_ROOT,
             first_step: dict | None = None) -> LocalMap:
    """A fresh base map (cheap: about a millisecond). Its script depends only on the language, the base
    map and the dataset (`bundle`: the bundle's folder under the static root, e.g. `bundles/<fingerprint>`),
    and on `first_step`, the step it draws before the time control reaches it (kept for the iframe's life)."""
    spec = BASEMAPS[basemap]
    center, zoom = VIEWS[DEFAULT_VIEW]
    fmap = LocalMap(location=center, zoom_start=zoom, tiles=None, control_scale=True, max_zoom=spec.max_zoom,
                    min_zoom=4, url_root=url_root)
    if spec.tiles:
        folium.TileLayer(spec.tiles, attr=spec.attribution, max_zoom=spec.max_zoom, name=basemap).add_to(fmap)
    dataset = {"url": f"{url_root}/{bundle}"}
    # in the app the map is an iframe: its title names the time shown (`nameFrame`, issue 11)
    _Call("setup", map_config(places, lang, basemap, dataset, url_root=url_root)
          | {"nameFrame": True, "firstStep": first_step}).add_to(fmap)
    return fmap


def step_payload(t: pd.Timestamp, new_from: pd.Timestamp, categories: frozenset[str] | None = None,
                 selected: str | None = None) -> dict:
    """What one step sends the map: the time, the start of its "new" window (`new_from`, the step before:
    `geo.model.timeline.new_since`), the filter and the selection
    (the time control posts it to the map's iframe; see juliaca_map/time_control/control.js).

    A few dozen bytes, whatever the size of the dataset: the browser has the data already.

    >>> step_payload(pd.Timestamp("2023-01-09T18:00-05:00"), pd.Timestamp("2023-01-09T17:00-05:00"))["newFrom"]
    1673301600000
    """
    as_ms = lambda ts: int(ts.value // 1_000_000)  # noqa: E731
    cats = None if categories is None or set(categories) >= set(CATEGORIES) else sorted(categories)
    return {"t": as_ms(t), "iso": t.isoformat(), "newFrom": as_ms(new_from), "cats": cats, "selected": selected}
