"""The explorer: the time control, the map, the list of events and the downloads, all drawn in the browser
at every step; Python runs when a setting changes or a file is wanted, never when the time is released."""

from __future__ import annotations

import time

import streamlit as st

from geo.data.vocab import CATEGORIES
from geo.map.steps import explore_steps, step_filter
from geo.model.params import DEFAULT_HOUR, SCALES, ViewState, step_key, steps_for, to_params
from geo.model.timeline import new_since, state_at, toll_start
from geo.output.export import PageOptions
from geo.text.labels import clock_label
from geo.text.sources import source_choices, source_shown_line
from ui.common import (
    ALL_SOURCES,
    Page,
    again_if_upload_gone,
    counter_words,
    current_view,
    loading_note,
    reported_words,
    show_map,
    step_summaries,
)
from ui.images import can_render_images, image_cache
from ui.layout import map_choices
from ui.share import share_section
from ui.time_control import Refused, bump_revision, event_panel, first_map_step, source_list, time_control

MAP_HEIGHT = 540
COMPLETE_AT_LATEST_S = 4  # map first: the rest of the page comes by then even if the map never reports


def on_scale_change() -> None:
    """Keep the moment when switching scales: 9 January on the day scale, 06:00 on the hour scale."""
    day_steps = [t.date() for t in steps_for("day")]
    day = st.session_state.scale == "day"
    st.session_state.step = day_steps.index(steps_for("hour")[0].date()) if day else DEFAULT_HOUR
    st.session_state.event = None
    bump_revision()


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
    """The control, the map, the list and the downloads. A step, a drag, Play and a release are the
    browser's, and so is the address bar: this runs again only when a setting changes or the server is
    asked for a file (with the time the browser shows). The session's `step` is the time this last drew.

    Map first: a new visitor's first run draws the control and the map only, with a note where the list
    and the downloads go; the control reports the map painted (`complete_page`), and the whole page runs
    again with them."""
    s = st.session_state
    if s.page_complete and not s.get("page_shown_complete"):
        st.rerun(scope="app")  # the rest of the page is outside this fragment
    view = current_view()
    state = state_at(
        page.index,
        view.t,
        new_from=new_since(view.t, view.scale),
        categories=view.categories,
        toll_from=toll_start(view.scale),
        source=page.mask,
    )
    if s.event and s.event not in set(state.visible["id"]):
        s.event = None
        view = current_view()
    cats = step_filter(view.categories)
    words = counter_words(page, view.scale)
    steps = [
        step | {"toll": toll, "summary": summary, "reported": reported}
        for step, toll, summary, reported in zip(
            explore_steps(view.scale, page.lang),
            words["values"],
            step_summaries(page, view),
            reported_words(page, view.scale),
            strict=True,
        )
    ]
    address = {name: value for name, value in to_params(view).items() if name not in ("t", "event")}
    time_control(
        page,
        steps,
        s.step,
        mode="explore",
        scope=words["scope"],
        note=words["help"],
        cats=cats,
        selected=view.event,
        on_drawn=complete_page,
        report_drawn=not s.page_complete,
        address=address,
        src=page.mask,
    )
    shown_line = source_shown_line(page.record, page.source, _events_of(page), page.lang)
    if shown_line:
        st.caption(shown_line)
    map_column, side = st.columns([3, 2])
    with map_column:
        show_map(page, view, MAP_HEIGHT, first_map_step(steps, s.step, cats, view.event, page.mask))
        st.caption(page.t("keyboard_hint") + " " + page.t(f"precision_note_{view.scale}"))
        map_choices(page)  # next to the map, before the list (issue 23)
        if s.page_complete:
            share_section(page, view)
    with side:
        if s.page_complete:
            event_panel(page, png=can_render_images(), make=lambda what, key: snapshot_png(page, key))
            if not can_render_images():  # say what the server lacks (the log says it too)
                st.caption(page.t("download_png_unavailable"))
        else:
            loading_note(page.t("loading_list"), min_height=360)


def _events_of(page: Page) -> int:
    """How many events the source chosen shows in all (the article only: its dataset's)."""
    if page.mask is None:
        return len(page.index.events)
    return int(page.index.events["source_ids"].map(lambda ids: page.mask in ids).sum())


def settings(page: Page) -> None:
    """View, base map, time scale, the category filter and the source choice (full reruns: they change the map
    itself; the article only is a dataset of its own)."""
    columns = st.columns(3)
    # the view and the base map are next to the map (ui/layout.py, map_choices)
    columns[0].segmented_control(
        page.t("scale"),
        SCALES,
        key="scale",
        persist_state="page",
        required=True,
        on_change=on_scale_change,
        format_func=lambda x: page.t(f"scale_{x}"),
    )
    with columns[1].expander(page.t("categories")):
        st.pills(
            page.t("categories"),
            CATEGORIES,
            selection_mode="multi",
            key="categories",
            persist_state="page",
            format_func=lambda c: page.t(f"category_{c}"),
            label_visibility="collapsed",
        )
    if page.record:  # an upload brings no record: nothing to choose
        choices = {
            ALL_SOURCES if key is None else key: label for key, label in source_choices(page.record, page.lang).items()
        }
        columns[2].selectbox(
            page.t("source_filter"),
            tuple(choices),
            key="source",
            format_func=choices.__getitem__,
            help=page.t("source_filter_help"),
            persist_state="page",
        )


def sources_section(page: Page) -> None:
    """The foot of the page: the method and the licences, then every source of the record with its date, kind
    and link (drawn in the browser)."""
    with st.expander(page.t("sources_heading")):
        st.write(page.t("sources_body"))
        if page.record:
            source_list(page)


def view_at(key: str) -> ViewState:
    """The session's view at the step `key` the browser shows (the current one if it is not a step)."""
    view = current_view()
    found = [t for t in steps_for(view.scale) if step_key(t, view.scale) == key]
    return view.with_time(found[0], view.scale) if found else view


def snapshot_png(page: Page, key: str) -> tuple[str, str, bytes]:
    """The PNG of the view at step `key`, with its alt text in its Description, made when the browser asks:
    by the process's one browser, two images at a time, an image already made for anyone given at once
    (geo.output.render.request_snapshot). A refusal is said in words (too busy, too long, too many events)."""
    from geo.output.render import (
        APP_MAX_EVENTS,
        APP_TIMEOUT_S,
        RenderBusy,
        RenderTimeout,
        TooManyEvents,
        request_snapshot,
    )

    view = view_at(key)
    options = PageOptions(
        view.lang,
        view.view,
        view.base,
        view.scale,
        steps_for(view.scale).index(view.t),
        categories=view.categories,
        source=page.mask,
    )
    clock = clock_label(view.t, view.scale, page.lang)
    try:
        job = request_snapshot(image_cache(), page.bundle, page.index, page.places, options)
        png = job.future.result(timeout=APP_TIMEOUT_S * 2)
    except TooManyEvents:
        raise Refused(page.t("download_png_too_many", n=len(page.index.events), limit=APP_MAX_EVENTS)) from None
    except RenderBusy:
        raise Refused(page.t("png_busy")) from None
    except (RenderTimeout, TimeoutError):
        raise Refused(page.t("png_timeout", clock=clock)) from None
    return f"juliaca-{view.t.strftime('%Y%m%d-%H%M')}.png", "image/png", png
