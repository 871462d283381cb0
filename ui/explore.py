"""The explorer: the clock and time controls, the map, the counters, the list of events, downloads."""

from __future__ import annotations

import time

import streamlit as st

from geo.browser import playwright_chromium, system_chromium
from geo.export import PageOptions, events_csv, events_geojson
from geo.labels import clock_label, md_escape, step_name
from geo.layers import BASEMAPS, VIEWS, describe_events
from geo.params import SCALES, ViewState, steps_for
from geo.timeline import MapState, state_at, toll_start
from geo.vocab import CATEGORIES
from ui.common import Page, counters, current_view, map_summary, show_map, step_size, sync_url
from ui.guard import guarded, show_errors
from ui.share import share_section

SPEEDS = (0.5, 1.0, 2.0)
LIST_LIMIT = 150  # the list describes the newest events only: cheap at any size
MAP_HEIGHT = 540


def on_scale_change() -> None:
    """Keep the moment when switching scales: 9 January on the day scale, 06:00 on the hour scale."""
    day_steps = [t.date() for t in steps_for("day")]
    st.session_state.step = day_steps.index(steps_for("hour")[0].date()) if st.session_state.scale == "day" else 6
    st.session_state.event = None


def shift(delta: int) -> None:
    last = len(steps_for(st.session_state.scale)) - 1
    st.session_state.step = min(max(st.session_state.step + delta, 0), last)


def toggle_play() -> None:
    st.session_state.playing = not st.session_state.playing
    if st.session_state.playing and st.session_state.step >= len(steps_for(st.session_state.scale)) - 1:
        st.session_state.step = 0


def _advance_if_playing(steps: list) -> None:
    s = st.session_state
    if s.playing and time.monotonic() - s.last_tick >= s.speed * 0.9:
        s.last_tick = time.monotonic()
        if s.step >= len(steps) - 1:
            s.playing = False
            st.rerun(scope="app")
        s.step += 1


def map_section(page: Page) -> None:
    """The part that reruns on its own at every step: clock, controls, map, counters, list, downloads."""
    s = st.session_state
    steps = steps_for(s.scale)
    _advance_if_playing(steps)
    view = current_view()
    state = state_at(page.index, view.t, step=step_size(view.scale), categories=view.categories,
                     toll_from=toll_start(view.scale))
    if s.event and s.event not in set(state.visible["id"]):
        s.event = None
        view = current_view()

    clock, buttons = st.columns([3, 2], vertical_alignment="bottom")
    clock.subheader(clock_label(view.t, view.scale, page.lang))
    row = buttons.container(horizontal=True, horizontal_alignment="right")
    row.button(page.t("previous"), on_click=shift, args=(-1,), shortcut="left")
    row.button(page.t("pause" if s.playing else "play"), on_click=toggle_play)
    row.button(page.t("next"), on_click=shift, args=(1,), shortcut="right")
    st.select_slider(page.t("time"), options=range(len(steps)), key="step", persist_state="page",
                     label_visibility="collapsed", format_func=lambda i: step_name(steps[i], view.scale, page.lang))

    described = describe_events(state.visible.iloc[-LIST_LIMIT:], page.places, page.lang, state.new_ids, view.event)
    map_column, side = st.columns([3, 2])
    with map_column:
        show_map(page, view, MAP_HEIGHT)
        map_summary(page, view, state)
        st.caption(page.t("keyboard_hint") + " " + page.t(f"precision_note_{view.scale}"))
        downloads(page, view, state)
        share_section(page, view)
    with side:
        counters(page, state, st.columns(2) + st.columns(2), view.scale)
        event_list(page, described, len(state.visible))
    sync_url(view)


def settings(page: Page) -> None:
    """View, base map, time scale, speed and the category filter (full reruns: they change the map itself)."""
    columns = st.columns([3, 3, 3, 2])
    columns[0].segmented_control(page.t("view"), tuple(VIEWS), key="view", persist_state="page", required=True,
                                 format_func=lambda v: page.t(f"view_{v}"))
    columns[1].segmented_control(page.t("basemap"), tuple(BASEMAPS), key="base", persist_state="page", required=True,
                                 format_func=lambda b: page.t(f"basemap_{b}"))
    columns[2].segmented_control(page.t("scale"), SCALES, key="scale", persist_state="page", required=True,
                                 on_change=on_scale_change, format_func=lambda x: page.t(f"scale_{x}"))
    columns[3].select_slider(page.t("speed"), SPEEDS, key="speed", persist_state="page")
    with st.expander(page.t("categories")):
        st.pills(page.t("categories"), CATEGORIES, selection_mode="multi", key="categories", persist_state="page",
                 format_func=lambda c: page.t(f"category_{c}"), label_visibility="collapsed")


@st.cache_resource
def can_render_images() -> bool:
    return bool(system_chromium() or playwright_chromium())


def downloads(page: Page, view: ViewState, state: MapState) -> None:
    """The image and the events shown, made only when clicked (deferred `data` callables)."""
    show_errors(page.t)  # a download that failed since the last run
    safe = guarded("download", reraise=True)  # an error is logged with an id, and said on the next run
    row = st.container(horizontal=True)
    row.markdown(f"**{md_escape(page.t('download_heading'))}:**")
    stamp = view.t.strftime("%Y%m%d-%H%M")
    if can_render_images():
        row.download_button(page.t("download_png"), data=safe(lambda: snapshot_png(page, view)), mime="image/png",
                            file_name=f"juliaca-{stamp}.png", on_click="ignore", help=page.t("download_png_help"))
    else:
        row.caption(page.t("download_png_unavailable"))
    visible = state.visible
    row.download_button(page.t("download_csv"), data=safe(lambda: events_csv(visible)), mime="text/csv",
                        file_name=f"juliaca-events-{stamp}.csv", on_click="ignore")
    row.download_button(page.t("download_geojson"), data=safe(lambda: events_geojson(visible, page.places)),
                        file_name=f"juliaca-events-{stamp}.geojson", mime="application/geo+json", on_click="ignore")


def snapshot_png(page: Page, view: ViewState) -> bytes:
    from geo.render import described_png, render_steps

    step = steps_for(view.scale).index(view.t)
    options = PageOptions(view.lang, view.view, view.base, view.scale, step, categories=view.categories)
    return described_png(next(render_steps(page.index, page.places, options, [step], 1600, 1000, 1)),
                         page.index, page.places, options)  # alt text in the PNG's Description


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
