"""What every part of the page shares: the session's data and language, the view, the map."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import geopandas as gpd
import streamlit as st
from streamlit_folium import st_folium

from geo.i18n import text
from geo.layers import VIEWS, base_map
from geo.load import Dataset
from geo.moments import Moment
from geo.params import ViewState, steps_for, to_params
from geo.timeline import DAY, HOUR, EventIndex

STATIC = Path(__file__).resolve().parent.parent / "static"
MAP_KEY = "juliaca_map"  # the container around st_folium: the time control finds the map's iframe by it


@dataclass(frozen=True)
class Page:
    """The data this session shows (the bundled data, or its own upload) and its language."""

    data: Dataset
    index: EventIndex
    moments: list[Moment]
    bundle: str              # the bundle's folder under static/, for the map
    source_format: str       # "project" or "acled"
    lang: str

    @property
    def places(self) -> gpd.GeoDataFrame:
        return self.data.places

    def t(self, key: str, **values: object) -> str:
        return text(self.lang, key, **values)


def current_view() -> ViewState:
    """The view the session's widgets describe."""
    s = st.session_state
    return ViewState(steps_for(s.scale)[s.step], s.scale, s.lang, s.view, s.base, frozenset(s.categories), s.event,
                     "present" if s.present else "explore", s.moment)


def step_size(scale: str):
    return HOUR if scale == "hour" else DAY


def show_map(page: Page, view: ViewState, height: int) -> None:
    """The map: a fresh base map (never rebuilt in the browser). The time is not in its arguments: the
    time control draws each step by message, so a release leaves the iframe untouched."""
    center, zoom = VIEWS[view.view]
    with st.container(key=MAP_KEY):
        st_folium(base_map(page.places, page.lang, view.base, page.bundle), key=f"map-{page.lang}-{view.base}",
                  height=height, use_container_width=True, center=center, zoom=zoom, returned_objects=[])


def sync_url(view: ViewState) -> None:
    """Keep the address bar equal to the view, so that a link reproduces it."""
    if st.query_params.to_dict() != to_params(view):
        st.query_params.from_dict(to_params(view))
