"""Juliaca, 9 January 2023: the Streamlit page. Widgets wired to `geo/` (through the parts in `ui/`), nothing else."""

from __future__ import annotations


import streamlit as st

from geo.data.load import default_data_dir, is_bundled, load_dataset
from geo.data.vocab import CATEGORIES
from geo.map.assets import publish_static
from geo.map.bundle import publish as publish_bundle
from geo.model.moments import load_moments
from geo.model.params import parse_params, steps_for
from geo.model.timeline import index_events
from geo.text.i18n import LANGUAGE_INFO, LANGUAGES, text
from geo.text.labels import md_escape
from ui.common import STATIC, Page, page_language, restore_unmounted
from ui.explore import COMPLETE_AT_LATEST_S, complete_at_the_latest, map_section, settings
from ui.present import STYLE, present_section
from ui.guard import guarded, pending_errors, show_errors
from ui.layout import content_note, page_style
from ui.upload import current_upload, upload_section


@st.cache_resource
def load(data_dir: str):
    """Once per server process and folder: serve the static files, load and index the data, and publish
    it for the browser, which gets it once (read-only after)."""
    publish_static(STATIC)
    data = load_dataset(data_dir, strict=False)
    index = index_events(data.events, data.places, data.record)
    moments = load_moments(index) if is_bundled(data_dir) and not data.problems else []
    return data, index, moments, publish_bundle(index, data.places, STATIC)


def init_session(data, moments, params: dict | None = None) -> None:
    """First run of a session: widget state from the URL, and a note of what the URL got wrong."""
    params = st.query_params.to_dict() if params is None else params
    view, refused = parse_params(params, frozenset(data.events["id"]), len(moments))
    chosen = dict(lang=view.lang, view=view.view, base=view.base, scale=view.scale,
                  categories=[c for c in CATEGORIES if c in view.categories])
    st.session_state.update(**chosen, chosen_at_start=chosen,
                            step=steps_for(view.scale).index(view.t), event=view.event, refused=refused,
                            present=view.mode == "present" and bool(moments), moment=view.moment, time_rev=0,
                            note_dismissed=False, page_complete=False)


def init_default_session(data, moments, error_id: str) -> None:
    """The URL could not be read (an unexpected error, logged as `error_id`): the default view, and a note."""
    init_session(data, moments, {})
    pending_errors().append(error_id)


def current_page() -> Page:
    """The session's own upload if it has one, else the bundled (or configured) data."""
    upload = current_upload()
    if upload:
        return Page(upload["data"], upload["index"], [], upload["bundle"], upload["format"], st.session_state.lang)
    data, index, moments, bundle = load(str(default_data_dir()))
    return Page(data, index, moments, bundle, "project", st.session_state.lang)


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
        options.segmented_control(page.t("language"), LANGUAGES, key="lang", required=True,
                                  format_func=lambda x: LANGUAGE_INFO[x].name, label_visibility="collapsed")
        if page.moments:
            options.toggle(page.t("present_toggle"), key="present", persist_state="page")
    content_note(page, s.present)
    show_errors(page.t)
    for param in s.refused:
        st.warning(page.t("notice_invalid", param=f"“{param}”"))
    if page.data.problems:
        st.warning(page.t("notice_dropped", n=len(page.data.problems), first=md_escape(str(page.data.problems[0]))))


restore_unmounted(st.session_state)  # a widget still loading comes back as None when another one reruns the page
st.set_page_config(page_title=text(st.session_state.get("lang") or "en", "page_title"), layout="wide",
                   initial_sidebar_state="collapsed")
if "note_dismissed" not in st.session_state:
    bundled_data, _, bundled_moments, _ = load(str(default_data_dir()))
    guarded("url", lambda error_id: init_default_session(bundled_data, bundled_moments, error_id))(init_session)(
        bundled_data, bundled_moments)
page = current_page()
complete = st.session_state.page_shown_complete = st.session_state.page_complete  # map first: see ui/explore.py
page_language(page.lang)
page_style()
if st.session_state.present:
    st.html(STYLE)
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
    with st.expander(page.t("sources_heading")):
        st.write(page.t("sources_body"))
