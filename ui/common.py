"""What every part of the page shares: the session's data and language, the view, the map."""

from __future__ import annotations

import html
import json
from dataclasses import dataclass, field
from pathlib import Path

import geopandas as gpd
import streamlit as st
from streamlit_folium import st_folium

from geo.data.load import Dataset
from geo.data.record import SEED, Record
from geo.data.vocab import COUNT_COLUMNS
from geo.map.layers import base_map
from geo.model.moments import Moment
from geo.model.params import ViewState, steps_for, to_params
from geo.model.timeline import EventIndex, MapState, toll_as_worded, toll_start
from geo.model.views import VIEWS
from geo.text.a11y import moment_summary
from geo.text.i18n import text
from geo.text.labels import count_label, toll_scope
from geo.text.steptext import reported_lines

STATIC = Path(__file__).resolve().parent.parent / "static"
MAP_KEY = "juliaca_map"  # the container around st_folium: the time control finds the map's iframe by it


class UploadGone(RuntimeError):
    """The session's upload was taken out of memory (the budget made room for another) during this run."""


def again_if_upload_gone(section):
    """A fragment that runs the whole page again if the session's upload was taken back (which says so)."""
    import functools

    @functools.wraps(section)
    def run(*args, **kwargs):
        try:
            return section(*args, **kwargs)
        except UploadGone:
            st.rerun(scope="app")

    return run


@dataclass(frozen=True)
class Page:
    """The data this session shows (the bundled data, or its own upload) and its language.

    The data is reached through its holder (`holder.value`: {"data", "index"}): for an upload, the
    `geo.data.upload.Held` of the process's memory budget. A page kept by a fragment, a button or a
    download of an idle session then keeps no upload alive once the budget takes it back (issue 21);
    reading it after that raises `UploadGone`, and the page runs again and says so."""

    holder: object
    moments: list[Moment]
    bundle: str  # the bundle's folder under static/, for the map
    source_format: str  # "project" or "acled"
    lang: str
    source: str | None = None  # the source chosen: None (every source), SEED (the article only: `data` is its
    # own dataset, geo.data.load.for_source) or a source id (the browser shows that source's events only)
    # the whole record, whatever the source chosen (for its choices and lists)
    record: Record = field(default_factory=Record)
    record_bundle: str = ""  # the bundle that holds the whole record's lists (people, sources)

    def _content(self) -> dict:
        value = self.holder.value
        if value is None:
            raise UploadGone("the upload was taken out of memory")
        return value

    @property
    def data(self) -> Dataset:
        return self._content()["data"]

    @property
    def index(self) -> EventIndex:
        return self._content()["index"]

    @property
    def places(self) -> gpd.GeoDataFrame:
        return self.data.places

    @property
    def mask(self) -> str | None:
        """The source whose events alone the browser shows (None for every source, and for the article only,
        whose dataset holds its events only)."""
        return None if self.source in (None, SEED) else self.source

    def t(self, key: str, **values: object) -> str:
        return text(self.lang, key, **values)


def restore_unmounted(state) -> None:
    """Give back the value chosen at the session's start to every setting that came back as None.

    On a slow first load, a widget that has not mounted yet comes back as None when another one (the content
    note's button) reruns the page, and the language None made the page crash (issue 23). The choices of
    the session's first run (the link's, or the defaults) stand in for them; a setting the visitor changed
    keeps its value."""
    for key, value in state.get("chosen_at_start", {}).items():
        if state.get(key) is None:
            state[key] = value


def current_view() -> ViewState:
    """The view the session's widgets describe."""
    s = st.session_state
    return ViewState(
        steps_for(s.scale)[s.step],
        s.scale,
        s.lang,
        s.view,
        s.base,
        frozenset(s.categories),
        s.event,
        "present" if s.present else "explore",
        s.moment,
        chosen_source(),
    )


ALL_SOURCES = "*"  # the source choice's "All sources" (no source id looks like it)


def chosen_source() -> str | None:
    """The session's source choice: a source id, or None for every source (and in classroom mode, and for an
    upload, which brings no record to choose from)."""
    s = st.session_state
    value = s.get("source")
    return None if s.get("present") or s.get("upload") or value in (None, ALL_SOURCES) else value


def show_map(page: Page, view: ViewState, height: int, step: dict) -> None:
    """The map: a fresh base map (never rebuilt in the browser). The time control draws each step, so a
    release leaves the iframe untouched. `step` (ui.time_control.first_map_step) is the step shown now: a new
    map iframe draws it by itself, without waiting for the control."""
    center, zoom = VIEWS[view.view]
    key = f"map-{page.lang}-{view.base}"
    first = _first_step(f"{view.mode}/{key}/{page.bundle}", step)
    fmap = base_map(
        page.places,
        page.lang,
        view.base,
        page.bundle,
        first_step=first,
        room=view.mode == "present",
        people_links=view.mode == "explore" and bool(page.record.people),
    )  # the list is beside the map
    with st.container(key=MAP_KEY):
        st_folium(fmap, key=key, height=height, use_container_width=True, center=center, zoom=zoom, returned_objects=[])


def _first_step(identity: str, step: dict) -> dict:
    """The step this map iframe was built with, kept while it lives: it is in the map's script, and a new
    script would make streamlit-folium rebuild the iframe (and lose the zoom) at every release. A new
    iframe (another language, base map, mode or dataset) takes the step shown when it is built."""
    kept = st.session_state.get("map_first_step")
    if kept is None or kept["identity"] != identity:
        kept = st.session_state.map_first_step = {"identity": identity, "step": step}
    return kept["step"]


def counter_words(page: Page, scale: str) -> dict:
    """What the time control shows with its counters, as the source words them: each step's four values
    ("over 100"), the scope in words, and the help saying what is included (for ACLED data, its note)."""
    scope, scope_help = toll_scope(scale, page.lang)
    if page.source_format == "acled":
        scope, scope_help = "", page.t("acled_note")
    return {
        "values": _worded_tolls(page.bundle, scale, page.lang, page.index),
        "scope": scope,
        "help": f"{scope_help} {page.t('counts_help')}".strip(),
    }


def reported_words(page: Page, scale: str) -> list[str]:
    """Per step of `scale`, the latest figures reported by then, with who gave them (under the counters)."""
    return _reported(page.bundle, scale, page.lang, page.mask, page.index)


@st.cache_resource(max_entries=64)
def _reported(bundle: str, scale: str, lang: str, source: str | None, _index: EventIndex) -> list[str]:
    """Once per dataset (`bundle`), scale, language and source choice; read-only."""
    return reported_lines(_index, scale, lang, source)


@st.cache_resource(max_entries=64)
def _worded_tolls(bundle: str, scale: str, lang: str, _index: EventIndex) -> list[list[str]]:
    """Per step of `scale`, the four counters as worded; once per dataset (`bundle`, its fingerprint), read-only."""
    start = toll_start(scale)
    return [
        [count_label(*worded[c], lang) for c in COUNT_COLUMNS]
        for worded in (toll_as_worded(_index, t, start) for t in steps_for(scale))
    ]


def step_summaries(page: Page, view: ViewState) -> list[str]:
    """The moment in words at each step of the view's scale, for screen readers beside the map (the time
    control shows the one at its time)."""
    return _summaries(page.bundle, view.scale, page.lang, view.view, view.categories, page.mask, page)


@st.cache_resource(max_entries=64)
def _summaries(
    bundle: str, scale: str, lang: str, view: str, categories: frozenset[str], source: str | None, _page: Page
) -> list[str]:
    return [
        moment_summary(_page.index, _page.places, t, scale, lang, view=view, categories=categories, source=source)
        for t in steps_for(scale)
    ]


def sync_url(view: ViewState) -> None:
    """Keep the address bar equal to the view, so that a link reproduces it."""
    if st.query_params.to_dict() != to_params(view):
        st.query_params.from_dict(to_params(view))


# Visually hidden, still read by screen readers (the usual "sr-only" pattern).
_SR_ONLY = (
    "<style>.jm-sr-only { position: absolute !important; width: 1px; height: 1px; padding: 0; margin: -1px;"
    " overflow: hidden; clip: rect(0, 0, 0, 0); white-space: nowrap; border: 0; }</style>"
)


def map_summary(page: Page, view: ViewState, state: MapState) -> None:
    """The moment in words, next to the map, for screen readers: a region they can find by its name."""
    summary = moment_summary(
        page.index, page.places, state.t, view.scale, page.lang, view=view.view, categories=view.categories
    )
    st.html(
        f'<section class="jm-sr-only" aria-label="{html.escape(page.t("summary_heading"))}">'
        f"<p>{html.escape(summary)}</p></section>{_SR_ONLY}"
    )


def loading_note(message: str, min_height: int = 0) -> None:
    """Where a part of the page comes once the map is painted: said in words, politely to screen readers
    too (role=status), and holding about its room so that the page does not jump when it arrives."""
    st.html(
        f'<p role="status" style="min-height: {min_height}px; margin: 0; color: #444; font-style: italic">'
        f"{html.escape(message)}</p>"
    )


# Streamlit makes its main area a tab stop (the skip link's target) with no focus ring (WCAG 2.4.7).
_FOCUS = "<style>[data-testid='stMain']:focus-visible { outline: 3px solid #0072B2; outline-offset: -3px; }</style>"


def page_language(lang: str) -> None:
    """`<html lang>` follows the chosen language (Streamlit writes "en" whatever it is; WCAG 3.1.1); focus shows."""
    st.html(
        f"<script>document.documentElement.lang = {json.dumps(lang)};</script>{_FOCUS}", unsafe_allow_javascript=True
    )
