"""Classroom mode: one key moment at a time, large, with its caption; keys and a clicker step through."""

from __future__ import annotations

import time

import streamlit as st

from geo.labels import clock_label, md_escape
from geo.params import ViewState
from geo.timeline import state_at, toll_start
from ui.common import Page, counters, map_summary, show_map, step_size, sync_url
from ui.share import handout_button, share_section

MAP_HEIGHT = 620
# Large type, full width; the arrow keys press the Previous/Next buttons (which answer Page Up/Down).
STYLE = """<style>.stApp { font-size: 1.2rem; } .stApp p, .stApp li { font-size: 1.25rem; line-height: 1.5; }
.stApp h2 { font-size: 2.1rem !important; } .stApp [data-testid="stMetricValue"] * { font-size: 2.6rem; }
.stMainBlockContainer { max-width: 100%; padding-top: 1.5rem; }</style>"""
ARROW_KEYS = """<script>if (!window.jmArrows) { window.jmArrows = true; document.addEventListener("keydown", (e) => {
  const target = {ArrowRight: ".st-key-present_next button", ArrowLeft: ".st-key-present_previous button"}[e.key];
  const tag = (e.target.tagName || "").toLowerCase();
  if (target && !["input", "textarea", "select"].includes(tag) && document.querySelector(target)) {
    document.querySelector(target).click(); e.preventDefault(); } }); }</script>"""


def shift_moment(delta: int, count: int) -> None:
    st.session_state.moment = min(max(st.session_state.moment + delta, 1), count)


def present_section(page: Page) -> None:
    """One moment: its title, position, caption, the map with its events standing out, and the toll."""
    s = st.session_state
    count = len(page.moments)
    if s.auto and time.monotonic() - s.last_tick >= s.auto_seconds * 0.9:
        s.last_tick = time.monotonic()
        s.moment = s.moment % count + 1
    moment = page.moments[s.moment - 1]
    view = ViewState(moment.t, moment.scale, page.lang, moment.view, s.base, mode="present", moment=s.moment)
    state = state_at(page.index, moment.t, step=step_size(moment.scale), toll_from=toll_start(moment.scale))

    heading, nav = st.columns([3, 2], vertical_alignment="bottom")
    heading.header(moment.title[page.lang])
    heading.caption(f"{page.t('present_position', i=s.moment, n=count)} · "
                    f"{clock_label(moment.t, moment.scale, page.lang)}")
    row = nav.container(horizontal=True, horizontal_alignment="right")
    row.button(page.t("present_previous"), key="present_previous", on_click=shift_moment, args=(-1, count),
               shortcut="pageup")
    row.button(page.t("present_next"), key="present_next", on_click=shift_moment, args=(1, count), shortcut="pagedown")
    st.markdown(md_escape(moment.caption[page.lang]))
    show_map(page, view, MAP_HEIGHT, highlight=moment.event_ids)
    map_summary(page, view, state)
    counters(page, state, st.columns(4), moment.scale)
    st.caption(page.t("present_keys"))
    share_section(page, view, moment)
    handout_button(page)
    sync_url(view)


def auto_advance(page: Page) -> None:
    auto, seconds = st.columns([1, 2], vertical_alignment="center")
    auto.toggle(page.t("present_auto"), key="auto", persist_state="page")
    seconds.select_slider(page.t("present_seconds"), (10, 20, 30, 45, 60, 90), key="auto_seconds", persist_state="page")
