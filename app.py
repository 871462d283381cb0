"""Juliaca, 9 January 2023: the Streamlit page. Widgets wired to `geo/` (through the parts in `ui/`), nothing else."""

from __future__ import annotations

import streamlit as st

from geo.data.load import default_data_dir, for_source, is_bundled, load_dataset
from geo.data.record import SEED
from geo.data.upload import Held
from geo.data.vocab import CATEGORIES
from geo.map.assets import publish_static
from geo.map.bundle import publish as publish_bundle
from geo.model.moments import load_moments
from geo.model.params import parse_params, steps_for
from geo.model.timeline import index_events
from geo.text.i18n import LANGUAGE_INFO, LANGUAGES, text
from geo.text.labels import md_escape
from ui.common import ALL_SOURCES, STATIC, Page, UploadGone, chosen_source, page_language, restore_unmounted
from ui.explore import COMPLETE_AT_LATEST_S, complete_at_the_latest, map_section, settings, sources_section
from ui.guard import guarded, pending_errors, show_errors
from ui.layout import content_note, page_style
from ui.present import STYLE, present_section
from ui.upload import current_upload, upload_section


@st.cache_resource
def load(data_dir: str):
    """Once per server process and folder: serve the static files, load and index the data, and publish
    it for the browser, which gets it once (read-only after)."""
    publish_static(STATIC)
    data = load_dataset(data_dir, strict=False)
    index = index_events(data.events, data.places, data.record)
    moments = load_moments(index) if is_bundled(data_dir) and not data.problems else []
    return data, index, moments, publish_bundle(index, data.places, STATIC), Held({"data": data, "index": index}, 0)


@st.cache_resource
def load_article(data_dir: str):
    """Once per server process and folder: the map as it stood on the article alone (the source choice's
    "article only"), its own dataset and index (held as the bundled data is) and bundle (read-only after)."""
    data = for_source(load(data_dir)[0], SEED)
    index = index_events(data.events, data.places, data.record)
    return Held({"data": data, "index": index}, 0), publish_bundle(index, data.places, STATIC)


def init_session(data, moments, params: dict | None = None) -> None:
    """First run of a session: widget state from the URL, and a note of what the URL got wrong."""
    params = st.query_params.to_dict() if params is None else params
    view, refused = parse_params(params, frozenset(data.events["id"]), len(moments), frozenset(data.record.sources))
    chosen = dict(
        lang=view.lang,
        view=view.view,
        base=view.base,
        scale=view.scale,
        categories=[c for c in CATEGORIES if c in view.categories],
        source=view.source or ALL_SOURCES,
    )
    st.session_state.update(
        **chosen,
        chosen_at_start=chosen,
        step=steps_for(view.scale).index(view.t),
        event=view.event,
        refused=refused,
        present=view.mode == "present" and bool(moments),
        moment=view.moment,
        time_rev=0,
        note_dismissed=False,
        page_complete=False,
    )


def init_default_session(data, moments, error_id: str) -> None:
    """The URL could not be read (an unexpected error, logged as `error_id`): the default view, and a note."""
    init_session(data, moments, {})
    pending_errors().append(error_id)


def current_page() -> Page:
    """The session's own upload if it has one (it brings no record: no source choice), else the bundled (or
    configured) data, as the source chosen shows it: the article only is a dataset of its own."""
    upload = current_upload()
    if upload:
        return Page(upload["held"], [], upload["bundle"], upload["format"], st.session_state.lang)
    folder = str(default_data_dir())
    data, _, moments, bundle, bundled = load(folder)
    choice = chosen_source()
    source = choice if choice in data.record.sources else None
    if source == SEED and data.record:
        held, shown_bundle = load_article(folder)
    else:
        held, shown_bundle = bundled, bundle
    return Page(held, moments, shown_bundle, "project", st.session_state.lang, source, data.record, bundle)


def header(page: Page) -> None:
    """Title, language and classroom switch in a compact header (ui/layout.py), the content note (in full once,
    then folded into one line), and notices."""
    s = st.session_state
    with st.container(key="jm_header"):
        head, options_column = st.columns([4, 2], vertical_alignment="bottom")
        if not s.present:
            head.header(page.t("title"))
            head.caption(page.t("subtitle"))
        options = options_column.container(horizontal=True, horizontal_alignment="right", vertical_alignment="center")
        options.segmented_control(
            page.t("language"),
            LANGUAGES,
            key="lang",
            required=True,
            format_func=lambda x: LANGUAGE_INFO[x].name,
            label_visibility="collapsed",
        )
        if page.moments:
            options.toggle(page.t("present_toggle"), key="present", persist_state="page")
    content_note(page, s.present)
    show_errors(page.t)
    for param in s.refused:
        st.warning(page.t("notice_invalid", param=f"“{param}”"))
    if s.get("upload_notice"):  # the upload went (expired, or the memory budget made room): said once, here
        st.warning(page.t(s.pop("upload_notice")))
    if page.data.problems:
        st.warning(page.t("notice_dropped", n=len(page.data.problems), first=md_escape(str(page.data.problems[0]))))


restore_unmounted(st.session_state)  # a widget still loading comes back as None when another one reruns the page
st.set_page_config(
    page_title=text(st.session_state.get("lang") or "en", "page_title"),
    layout="wide",
    initial_sidebar_state="collapsed",
)
if "note_dismissed" not in st.session_state:
    bundled_data, _, bundled_moments, _, _ = load(str(default_data_dir()))
    guarded("url", lambda error_id: init_default_session(bundled_data, bundled_moments, error_id))(init_session)(
        bundled_data, bundled_moments
    )
page = current_page()
complete = st.session_state.page_shown_complete = st.session_state.page_complete  # map first: see ui/explore.py
page_language(page.lang)
page_style()
if st.session_state.present:
    st.html(STYLE)


def draw(page: Page, complete: bool) -> None:
    """The page under the header: classroom mode, or the explorer with its settings and upload; the sources."""
    header(page)
    if st.session_state.present:
        st.fragment(present_section)(page)
    else:
        st.fragment(map_section)(page)
        if complete:
            settings(page)
            upload_section(page)
        else:  # map first (ui/explore.py): the rest comes when the map is painted, or by then
            st.fragment(run_every=COMPLETE_AT_LATEST_S)(complete_at_the_latest)()
    if complete or st.session_state.present:
        sources_section(page)


try:
    draw(page, complete)
except UploadGone:  # the memory budget took this session's upload back during the run: run again, which says so
    st.rerun()
