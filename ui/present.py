"""Classroom mode: one key moment at a time, large, with its caption. The same time control as the
explorer steps through the moments in the browser, so a clicker's Page Down is as fast as a slider step."""

from __future__ import annotations

import streamlit as st

from geo.data.vocab import COUNT_COLUMNS
from geo.map.steps import moment_steps
from geo.model.params import ViewState, whole_number
from geo.model.timeline import new_since, reported_at, state_at, toll_as_worded, toll_start
from geo.text.labels import count_label, toll_scope
from geo.text.sources import reported_line
from ui.common import Page, again_if_upload_gone, map_summary, show_map, sync_url
from ui.share import handout_button, share_section
from ui.time_control import first_map_step, released_key, time_control

MAP_HEIGHT = 620  # what streamlit-folium is told; STYLE makes the map as tall as the screen
# For a room (issue 23): the moment (title, caption, clock, counters) beside a map as tall as the screen; on a
# narrow screen the map first, its words after it; the page's type from 16 px, growing with the screen's
# height (geo/web/app's control.css and screen.css size the control and the map themselves).
STYLE = """<style>
.stApp { font-size: max(16px, 1.9vh); }
.stApp p, .stApp li, .stApp label, .stApp button { font-size: max(16px, 1.9vh); line-height: 1.45; }
.stMainBlockContainer { max-width: 100%; padding-left: 1.25rem; padding-right: 1.25rem; }
.st-key-jm_room .st-key-jm_room_map iframe { height: max(320px, calc(100dvh - 5rem)) !important; }
.st-key-jm_room_map { position: sticky; top: 0.5rem; }
@media (max-width: 640px) {
  .st-key-jm_room [data-testid="stHorizontalBlock"] { flex-direction: column-reverse; }
  .st-key-jm_room .st-key-jm_room_map iframe { height: 62dvh !important; }
}
</style>"""


def hear_moment() -> None:
    """The browser released a moment: it becomes the session's (and the link's)."""
    number = whole_number(released_key("present"), 1, st.session_state.get("moment_count", 0))
    if number is not None:
        st.session_state.moment = number


def _with_tolls(page: Page, steps: list[dict]) -> list[dict]:
    """Each moment's step with its four counters as worded ("over 100"), their scope, on its own scale, and the
    figures reported by then."""
    out = []
    for step, moment in zip(steps, page.moments, strict=True):
        start = toll_start(moment.scale)
        worded = toll_as_worded(page.index, moment.t, start)
        out.append(
            step
            | {
                "toll": [count_label(*worded[c], page.lang) for c in COUNT_COLUMNS],
                "scope": toll_scope(moment.scale, page.lang)[0],
                "reported": reported_line(reported_at(page.index, moment.t, start), page.lang),
            }
        )
    return out


@again_if_upload_gone
def present_section(page: Page) -> None:
    """The moment's title, position, caption, clock and toll (drawn by the control), then the map."""
    s = st.session_state
    s.moment_count = len(page.moments)
    moment = page.moments[s.moment - 1]
    view = ViewState(moment.t, moment.scale, page.lang, moment.view, s.base, mode="present", moment=s.moment)
    state = state_at(
        page.index, moment.t, new_from=new_since(moment.t, moment.scale), toll_from=toll_start(moment.scale)
    )
    steps = _with_tolls(page, moment_steps(page.moments, page.lang))
    with st.container(key="jm_room"):
        words, pictured = st.columns([1, 2], gap="medium")
        with words:
            time_control(page, steps, s.moment - 1, mode="present", on_release=hear_moment, note=page.t("counts_help"))
            map_summary(page, view, state)
            st.caption(page.t("present_keys"))
            share_section(page, view, moment)
            handout_button(page)
        with pictured.container(key="jm_room_map"):
            show_map(page, view, MAP_HEIGHT, first_map_step(steps, s.moment - 1))
    sync_url(view)
