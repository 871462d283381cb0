"""The explorer: the time control (in the browser), the map, the list of events, downloads."""

from __future__ import annotations

import time

import streamlit as st

from geo.map.control import explore_steps
from geo.output.export import events_csv, events_geojson
from geo.text.labels import clock_label, md_escape
from geo.model.views import BASEMAPS, VIEWS
from geo.text.events import LIST_LIMIT, describe_events
from geo.map.layers import step_payload
from geo.model.params import DEFAULT_HOUR, SCALES, ViewState, step_key, steps_for
from geo.model.timeline import MapState, new_since, state_at, toll_start
from geo.data.vocab import CATEGORIES
from ui.common import (Page, again_if_upload_gone, counter_words, current_view, loading_note, map_summary, show_map,
                       sync_url)
from ui.guard import guarded, show_errors
from ui.images import image_button, image_status
from ui.share import share_section
from ui.time_control import bump_revision, map_step, released_key, time_control

MAP_HEIGHT = 540
COMPLETE_AT_LATEST_S = 4  # map first: the rest of the page comes by then even if the map never reports


def on_scale_change() -> None:
    """Keep the moment when switching scales: 9 January on the day scale, 06:00 on the hour scale."""
    day_steps = [t.date() for t in steps_for("day")]
    st.session_state.step = day_steps.index(steps_for("hour")[0].date()) if st.session_state.scale == "day" else DEFAULT_HOUR
    st.session_state.event = None
    bump_revision()


def hear_time() -> None:
    """The browser released a time: it becomes the session's, and the list, downloads and link follow."""
    s = st.session_state
    keys = [step_key(t, s.scale) for t in steps_for(s.scale)]
    key = released_key("explore")
    if key in keys:
        s.step = keys.index(key)


def complete_page() -> None:
    """The control says the map has painted its first step: the rest of the page may come (issue 10)."""
    st.session_state.page_complete = True


def complete_at_the_latest() -> None:
    """Should the control never report the map (its script blocked, the map broken), the rest of the page
    comes anyway a few seconds later: the list is the text and keyboard path to every event."""
    s = st.session_state
    since = s.setdefault("map_first_since", time.monotonic())
    if not s.page_complete and time.monotonic() - since >= COMPLETE_AT_LATEST_S - 0.5:
        s.page_complete = True
        st.rerun(scope="app")


@again_if_upload_gone
def map_section(page: Page) -> None:
    """The part that reruns on its own when the browser releases a time: the control, the map, the
    list and the downloads. During a drag or Play only the browser works.

    Map first: a new visitor's first run draws the control and the map only, with a note where the list
    and the downloads go; the control reports the map painted (`complete_page`), and the whole page runs
    again with them. Parsing and laying out the rest first delayed the map by about half a second."""
    s = st.session_state
    if s.page_complete and not s.get("page_shown_complete"):
        st.rerun(scope="app")  # the rest of the page is outside this fragment
    view = current_view()
    state = state_at(page.index, view.t, new_from=new_since(view.t, view.scale), categories=view.categories,
                     toll_from=toll_start(view.scale))
    if s.event and s.event not in set(state.visible["id"]):
        s.event = None
        view = current_view()

    payload = step_payload(view.t, new_since(view.t, view.scale), view.categories, view.event)
    words = counter_words(page, view.scale)
    steps = [step | {"toll": toll} for step, toll in zip(explore_steps(view.scale, page.lang), words["values"])]
    time_control(page, steps, s.step, mode="explore", on_release=hear_time, scope=words["scope"], note=words["help"],
                 cats=payload["cats"], selected=payload["selected"],
                 on_drawn=complete_page, report_drawn=not s.page_complete)
    map_column, side = st.columns([3, 2])
    with map_column:
        show_map(page, view, MAP_HEIGHT, map_step(steps, s.step, payload["cats"], payload["selected"]))
        map_summary(page, view, state)
        st.caption(page.t("keyboard_hint") + " " + page.t(f"precision_note_{view.scale}"))
        if s.page_complete:
            downloads(page, view)
            share_section(page, view)
    with side:
        if s.page_complete:
            st.caption(page.t("list_at", clock=md_escape(clock_label(view.t, view.scale, page.lang))))
            described = describe_events(state.visible.iloc[-LIST_LIMIT:], page.places, page.lang, state.new_ids,
                                        view.event)
            event_list(page, described, len(state.visible))
        else:
            loading_note(page.t("loading_list"), min_height=360)
    sync_url(view)


def settings(page: Page) -> None:
    """View, base map, time scale and the category filter (full reruns: they change the map itself)."""
    columns = st.columns(3)
    columns[0].segmented_control(page.t("view"), tuple(VIEWS), key="view", persist_state="page", required=True,
                                 format_func=lambda v: page.t(f"view_{v}"))
    columns[1].segmented_control(page.t("basemap"), tuple(BASEMAPS), key="base", persist_state="page", required=True,
                                 format_func=lambda b: page.t(f"basemap_{b}"))
    columns[2].segmented_control(page.t("scale"), SCALES, key="scale", persist_state="page", required=True,
                                 on_change=on_scale_change, format_func=lambda x: page.t(f"scale_{x}"))
    with st.expander(page.t("categories")):
        st.pills(page.t("categories"), CATEGORIES, selection_mode="multi", key="categories", persist_state="page",
                 format_func=lambda c: page.t(f"category_{c}"), label_visibility="collapsed")


def downloads(page: Page, view: ViewState) -> None:
    """The image (made on request by the server's browser: ui/images.py) and the events shown (made only when
    clicked: deferred `data` callables)."""
    show_errors(page.t)  # a download that failed since the last run
    safe = guarded("download", reraise=True)  # an error is logged with an id, and said on the next run
    row = st.container(horizontal=True)
    row.markdown(f"**{md_escape(page.t('download_heading'))}:**")
    stamp = view.t.strftime("%Y%m%d-%H%M")
    image_button(row, page, view)
    # made from `page` when clicked: a download button of an idle session keeps no upload alive (issue 21)
    row.download_button(page.t("download_csv"), data=safe(lambda: events_csv(_visible(page, view))), mime="text/csv",
                        file_name=f"juliaca-events-{stamp}.csv", on_click="ignore")
    row.download_button(page.t("download_geojson"),
                        data=safe(lambda: events_geojson(_visible(page, view), page.places)),
                        file_name=f"juliaca-events-{stamp}.geojson", mime="application/geo+json", on_click="ignore")
    image_status(page, view)


def _visible(page: Page, view: ViewState):
    """The events the view shows, as the map shows them (the filter applied)."""
    return state_at(page.index, view.t, categories=view.categories).visible


def event_list(page: Page, events: list[dict], total: int) -> None:
    """The events up to now, newest first, as text: for screen readers and for people who read."""
    st.markdown(f"**{md_escape(page.t('list_heading', n=total))}**")
    if total > len(events):
        st.caption(page.t("list_newest", n=len(events)))
    if not events:
        st.caption(page.t("list_empty"))
        return
    by_id = {e["id"]: e for e in events}
    with st.container(height=330):
        st.radio(page.t("list_help"), list(by_id), key="event", persist_state="page", index=None,
                 format_func=lambda i: md_escape(_list_label(page, by_id[i])))
    if st.session_state.event in by_id:
        event_details(page, by_id[st.session_state.event])


def _list_label(page: Page, e: dict) -> str:
    new = f" · {page.t('new_badge')}" if e["isNew"] else ""
    where = e["place"] or page.t("not_mapped")
    return f"{e['time']} — {e['title']} ({e['category_label']}; {where}){new}"


def event_details(page: Page, e: dict) -> None:
    with st.container(border=True):
        st.markdown(f"**{md_escape(e['title'])}**  \n{md_escape(e['time'])}")
        st.markdown(md_escape(e["summary"]))
        st.markdown(f"*{md_escape(page.t('details_status'))}:* {md_escape(e['status_label'])}"
                    + (f"  \n*{md_escape(page.t('details_reported_by'))}:* {md_escape(e['by'])}" if e["by"] else ""))
        st.markdown(f"*{md_escape(page.t('details_source'))} ({md_escape(e['section'])}):*  \n"
                    f"> “{md_escape(e['quote'])}”")
