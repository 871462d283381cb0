"""The baseline's map: the whole folium.Map rebuilt with one Marker per visible event (benchmarks only)."""

from __future__ import annotations

import html

import folium
import geopandas as gpd

from geo.map.layers import LocalMap
from geo.model.timeline import MapState


def naive_map(state: MapState, places: gpd.GeoDataFrame) -> folium.Map:
    """What the obvious app does on every step. Leaflet comes from the app, as in this app, for fairness."""
    fmap = LocalMap(location=(-14.85, -70.05), zoom_start=8, tiles=None)
    for ev in state.visible.itertuples(index=False):
        if ev.place_id in places.index:
            point = places.geometry[ev.place_id]
            folium.Marker([point.y, point.x], tooltip=html.escape(ev.title_en)).add_to(fmap)
    return fmap
