"""Juliaca, 9 January 2023: the Streamlit page. Widgets wired to `geo/`, and nothing else."""

from __future__ import annotations

import time
from pathlib import Path

import streamlit as st
from streamlit_folium import st_folium

from geo.assets import publish_static
from geo.browser import playwright_chromium, system_chromium
from geo.export import PageOptions, events_csv, events_geojson
from geo.i18n import LANGUAGES, text
from geo.labels import clock_label, md_escape, step_name
from geo.layers import BASEMAPS, VIEWS, base_map, describe_events, step_layer, step_payload
from geo.bundle import publish as publish_bundle
from geo.bundle import write as write_bundle
from geo.load import REPO_DATA_DIR, default_data_dir, load_dataset
from geo.moments import load_moments
from geo.params import SCALES, ViewState, parse_params, steps_for, to_params
from geo.problems import DataError
from geo.upload import FORMATS, MAX_BYTES, MAX_ROWS, load_upload, new_upload_folder, problems_csv
from geo.timeline import DAY, HOUR, index_events, state_at
from geo.vocab import CATEGORIES, COUNT_COLUMNS

STATIC = Path(__file__).resolve().parent / "static"
SPEEDS = (0.5, 1.0, 2.0)
LIST_LIMIT = 150
MAP_HEIGHT, PRESENT_MAP_HEIGHT = 540, 620
# Classroom mode: large type; the arrow keys press the Previous/Next buttons (which answer Page Up/Down).
PRESENT_STYLE = """<style>.stApp { font-size: 1.2rem; } .stApp p, .stApp li { font-size: 1.25rem; line-height: 1.5; }
.stApp h2 { font-size: 2.1rem !important; } .stApp [data-testid="stMetricValue"] * { font-size: 2.6rem; }
.stMainBlockContainer { max-width: 100%; padding-top: 1.5rem; }</style>"""
ARROW_KEYS = """<script>if (!window.jmArrows) { window.jmArrows = true; document.addEventListener("keydown", (e) => {
  const target = {ArrowRight: ".st-key-present_next button", ArrowLeft: ".st-key-present_previous button"}[e.key];
  const tag = (e.target.tagName || "").toLowerCase();
  if (target && !["input", "textarea", "select"].includes(tag) && document.querySelector(target)) {
    document.querySelector(target).click(); e.preventDefault(); } }); }</script>"""


@st.cache_resource
def load(data_dir: str):
    """Once per server process and folder: serve the static files, load and index the data, and publish
    it for the browser, which gets it once (read-only after)."""
    publish_static(STATIC)
    data = load_dataset(data_dir, strict=False)
    index = index_events(data.events, data.places)
    moments = load_moments(index) if Path(data_dir) == REPO_DATA_DIR and not data.problems else []
    return data, index, moments, publish_bundle(index, data.places, STATIC)


def active_dataset():
    """The session's own upload if it has one, else the bundled (or configured) data."""
    upload = st.session_state.get("upload")
    if upload:
        return upload["data"], upload["index"], [], upload["bundle"], upload["format"]
    return (*load(str(default_data_dir())), "project")


def use_upload(events_file, places_file, fmt: str) -> None:
    """Check an upload; on success the session maps it. Problems are kept for the page to show."""
    st.session_state.upload_error = None
    try:
        dataset = load_upload(events_file.getvalue(), events_file.name, fmt,
                              places_file.getvalue() if places_file else None, places_file.name if places_file else "")
    except DataError as error:
        st.session_state.upload_error = [str(p) for p in error.problems]
        return
    if dataset.events.empty:
        st.session_state.upload_error = [text(lang, "upload_none_valid")] + [str(p) for p in dataset.problems[:50]]
        return
    upload_index = index_events(dataset.events, dataset.places)
    folder, relative = new_upload_folder(STATIC)
    write_bundle(upload_index, dataset.places, folder)
    st.session_state.upload = {"data": dataset, "index": upload_index, "bundle": relative, "format": fmt}
    st.session_state.update(scale="day", step=len(steps_for("day")) - 1, event=None, present=False)


def upload_section() -> None:
    """Bring your own data: format, files, and what was refused, row by row."""
    with st.expander(text(lang, "upload_heading"), expanded=bool(st.session_state.get("upload"))):
        st.caption(text(lang, "upload_intro", mb=MAX_BYTES // (1024 * 1024), rows=f"{MAX_ROWS:,}"))
        fmt = st.radio(text(lang, "upload_format"), FORMATS, horizontal=True, key="upload_format",
                       format_func=lambda f: text(lang, f"upload_format_{f}"))
        events_file = st.file_uploader(text(lang, "upload_events"), type=["csv"], key="upload_events")
        places_file = (st.file_uploader(text(lang, "upload_places"), type=["geojson", "json"], key="upload_places")
                       if fmt == "project" else None)
        st.button(text(lang, "upload_use"), disabled=events_file is None,
                  on_click=use_upload, args=(events_file, places_file, fmt))
        if st.session_state.get("upload_error"):
            st.error(text(lang, "upload_failed") + "\n\n" + "\n".join(f"- {md_escape(e)}" for e in st.session_state.upload_error))
        upload = st.session_state.get("upload")
        if upload:
            dataset = upload["data"]
            st.success(text(lang, "upload_active", events=len(dataset.events), places=len(dataset.places),
                            refused=len(dataset.problems)))
            outside = (~upload["index"].events["reveal"].between(steps_for("day")[0] - DAY, steps_for("day")[-1])).sum()
            if outside:
                st.warning(text(lang, "upload_out_of_range", n=int(outside)))
            if dataset.problems:
                st.caption(text(lang, "upload_refused_first", n=min(50, len(dataset.problems))))
                st.dataframe([{"where": p.where, "column": p.column, "value": str(p.value)[:200], "expected": p.expected}
                              for p in dataset.problems[:50]], hide_index=True)
                st.download_button(text(lang, "upload_refused_download"), data=lambda: problems_csv(dataset.problems),
                                   file_name="refused-rows.csv", mime="text/csv", on_click="ignore")
            st.button(text(lang, "upload_reset"), on_click=lambda: st.session_state.update(upload=None, scale="hour", step=6,
                                                                                          event=None))


@st.cache_resource
def can_render_images() -> bool:
    return bool(system_chromium() or playwright_chromium())


def init_session(data, moments) -> None:
    """First run of a session: widget state from the URL, and a note of what the URL got wrong."""
    view, refused = parse_params(st.query_params.to_dict(), frozenset(data.events["id"]), len(moments))
    st.session_state.update(lang=view.lang, view=view.view, base=view.base, scale=view.scale,
                            categories=[c for c in CATEGORIES if c in view.categories],
                            step=steps_for(view.scale).index(view.t), event=view.event, refused=refused,
                            present=view.mode == "present" and bool(moments), moment=view.moment, auto=False,
                            auto_seconds=20, playing=False, speed=1.0, last_tick=0.0, note_dismissed=False)


def current_view() -> ViewState:
    s = st.session_state
    return ViewState(steps_for(s.scale)[s.step], s.scale, s.lang, s.view, s.base, frozenset(s.categories), s.event,
                     "present" if s.present else "explore", s.moment)


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


def shift_moment(delta: int) -> None:
    st.session_state.moment = min(max(st.session_state.moment + delta, 1), len(moments))


def show_map(view: ViewState, height: int, highlight: tuple[str, ...] = ()) -> None:
    """The map: a fresh base map (never rebuilt in the browser) and this step's few bytes."""
    center, zoom = VIEWS[view.view]
    payload = step_payload(view.t, HOUR if view.scale == "hour" else DAY, view.categories, view.event)
    if highlight:
        payload["highlight"] = list(highlight)
    st_folium(base_map(data.places, lang, view.base, bundle), key=f"map-{lang}-{view.base}", height=height,
              use_container_width=True, center=center, zoom=zoom, returned_objects=[],
              feature_group_to_add=step_layer(payload))


def counters(state, columns) -> None:
    for column, name in zip(columns, COUNT_COLUMNS):
        label = text(lang, "acled_killed") if source_format == "acled" and name == "civilians_killed" else text(lang, name)
        column.metric(label, state.totals[name], help=text(lang, "acled_note" if source_format == "acled" else "counts_help"))


def sync_url(view: ViewState) -> None:
    if st.query_params.to_dict() != to_params(view):
        st.query_params.from_dict(to_params(view))


def map_section() -> None:
    """The part that reruns on its own at every step: clock, controls, map, counters, list, downloads."""
    s = st.session_state
    steps = steps_for(s.scale)
    if s.playing and time.monotonic() - s.last_tick >= s.speed * 0.9:
        s.last_tick = time.monotonic()
        if s.step >= len(steps) - 1:
            s.playing = False
            st.rerun(scope="app")
        s.step += 1
    view = current_view()
    state = state_at(index, view.t, step=HOUR if view.scale == "hour" else DAY, categories=view.categories)
    if s.event and s.event not in set(state.visible["id"]):
        s.event = None
        view = current_view()

    clock, buttons = st.columns([3, 2], vertical_alignment="bottom")
    clock.subheader(clock_label(view.t, view.scale, lang))
    row = buttons.container(horizontal=True, horizontal_alignment="right")
    row.button(text(lang, "previous"), on_click=shift, args=(-1,), shortcut="left")
    row.button(text(lang, "pause" if s.playing else "play"), on_click=toggle_play)
    row.button(text(lang, "next"), on_click=shift, args=(1,), shortcut="right")
    st.select_slider(text(lang, "time"), options=range(len(steps)), key="step", persist_state="page", label_visibility="collapsed",
                     format_func=lambda i: step_name(steps[i], view.scale, lang))

    newest = state.visible.iloc[-LIST_LIMIT:]  # the list describes the newest only: cheap at any size
    described = describe_events(newest, data.places, lang, state.new_ids, view.event)
    map_column, side = st.columns([3, 2])
    with map_column:
        show_map(view, MAP_HEIGHT)
        st.caption(text(lang, "keyboard_hint") + " " + text(lang, f"precision_note_{view.scale}"))
        downloads(view, state)
    with side:
        counters(state, st.columns(2) + st.columns(2))
        event_list(described, len(state.visible))
    sync_url(view)


def downloads(view: ViewState, state) -> None:
    """The image and the events shown, made only when clicked (deferred `data` callables)."""
    row = st.container(horizontal=True)
    row.markdown(f"**{md_escape(text(lang, 'download_heading'))}:**")
    stamp = view.t.strftime("%Y%m%d-%H%M")
    if can_render_images():
        row.download_button(text(lang, "download_png"), data=lambda: snapshot_png(view), file_name=f"juliaca-{stamp}.png",
                            mime="image/png", on_click="ignore", help=text(lang, "download_png_help"))
    else:
        row.caption(text(lang, "download_png_unavailable"))
    visible = state.visible
    row.download_button(text(lang, "download_csv"), data=lambda: events_csv(visible), file_name=f"juliaca-events-{stamp}.csv",
                        mime="text/csv", on_click="ignore")
    row.download_button(text(lang, "download_geojson"), data=lambda: events_geojson(visible, data.places),
                        file_name=f"juliaca-events-{stamp}.geojson", mime="application/geo+json", on_click="ignore")


def snapshot_png(view: ViewState) -> bytes:
    from geo.render import render_steps

    step = steps_for(view.scale).index(view.t)
    options = PageOptions(view.lang, view.view, view.base, view.scale, step, categories=view.categories)
    return next(render_steps(index, data.places, options, [step], 1600, 1000, 1))


def event_list(events: list[dict], total: int) -> None:
    """The events up to now, newest first, as text: for screen readers and for people who read."""
    st.markdown(f"**{md_escape(text(lang, 'list_heading', n=total))}**")
    if total > len(events):
        st.caption(text(lang, "list_newest", n=len(events)))
    if not events:
        st.caption(text(lang, "list_empty"))
        return
    by_id = {e["id"]: e for e in events}
    with st.container(height=330):
        st.radio(text(lang, "list_help"), list(by_id), key="event", persist_state="page", index=None,
                 format_func=lambda i: md_escape(_list_label(by_id[i])))
    if st.session_state.event in by_id:
        event_details(by_id[st.session_state.event])


def _list_label(e: dict) -> str:
    new = f" · {text(lang, 'new_badge')}" if e["isNew"] else ""
    where = e["place"] or text(lang, "not_mapped")
    return f"{e['time']} — {e['title']} ({e['category_label']}; {where}){new}"


def event_details(e: dict) -> None:
    with st.container(border=True):
        st.markdown(f"**{md_escape(e['title'])}**  \n{md_escape(e['time'])}")
        st.markdown(md_escape(e["summary"]))
        st.markdown(f"*{md_escape(text(lang, 'details_status'))}:* {md_escape(e['status_label'])}"
                    + (f"  \n*{md_escape(text(lang, 'details_reported_by'))}:* {md_escape(e['by'])}" if e["by"] else ""))
        st.markdown(f"*{md_escape(text(lang, 'details_source'))} ({md_escape(e['section'])}):*  \n> “{md_escape(e['quote'])}”")


def present_section() -> None:
    """Classroom mode: one key moment at a time, large, with its caption; keys and a clicker step through."""
    s = st.session_state
    if s.auto and time.monotonic() - s.last_tick >= s.auto_seconds * 0.9:
        s.last_tick = time.monotonic()
        s.moment = s.moment % len(moments) + 1
    moment = moments[s.moment - 1]
    view = ViewState(moment.t, moment.scale, lang, moment.view, s.base, mode="present", moment=s.moment)
    state = state_at(index, moment.t, step=HOUR if moment.scale == "hour" else DAY)

    heading, nav = st.columns([3, 2], vertical_alignment="bottom")
    heading.header(moment.title[lang])
    heading.caption(f"{text(lang, 'present_position', i=s.moment, n=len(moments))} · {clock_label(moment.t, moment.scale, lang)}")
    row = nav.container(horizontal=True, horizontal_alignment="right")
    row.button(text(lang, "present_previous"), key="present_previous", on_click=shift_moment, args=(-1,), shortcut="pageup")
    row.button(text(lang, "present_next"), key="present_next", on_click=shift_moment, args=(1,), shortcut="pagedown")
    st.markdown(md_escape(moment.caption[lang]))
    show_map(view, PRESENT_MAP_HEIGHT, highlight=moment.event_ids)
    counters(state, st.columns(4))
    st.caption(text(lang, "present_keys"))
    sync_url(view)


st.set_page_config(page_title=text(st.session_state.get("lang", "en"), "page_title"), layout="wide",
                   initial_sidebar_state="collapsed")
if "note_dismissed" not in st.session_state:
    bundled_data, _, bundled_moments, _ = load(str(default_data_dir()))
    init_session(bundled_data, bundled_moments)
data, index, moments, bundle, source_format = active_dataset()
lang = st.session_state.lang

st.html("<style>@media (max-width: 640px) { h2 { font-size: 1.35rem !important; } }</style>")
if st.session_state.present:
    st.html(PRESENT_STYLE)
    st.html(ARROW_KEYS, unsafe_allow_javascript=True)
head, language = st.columns([4, 2], vertical_alignment="bottom")
if not st.session_state.present:
    head.header(text(lang, "title"))
    head.caption(text(lang, "subtitle"))
options = language.container(horizontal=True, horizontal_alignment="right")
options.segmented_control(text(lang, "language"), LANGUAGES, key="lang", required=True,
                          format_func=lambda x: {"en": "English", "es": "Español"}[x])
if moments:
    options.toggle(text(lang, "present_toggle"), key="present", persist_state="page")
if not st.session_state.note_dismissed:
    note, ok = st.columns([5, 1], vertical_alignment="center")
    note.info(text(lang, "content_note"))
    ok.button(text(lang, "content_note_ok"), on_click=lambda: st.session_state.update(note_dismissed=True))
for param in st.session_state.refused:
    st.warning(text(lang, "notice_invalid", param=f"“{param}”"))
if data.problems:
    st.warning(text(lang, "notice_dropped", n=len(data.problems), first=md_escape(str(data.problems[0]))))

if st.session_state.present:
    st.fragment(present_section, run_every=st.session_state.auto_seconds if st.session_state.auto else None)()
    auto, seconds = st.columns([1, 2], vertical_alignment="center")
    auto.toggle(text(lang, "present_auto"), key="auto", persist_state="page")
    seconds.select_slider(text(lang, "present_seconds"), (10, 20, 30, 45, 60, 90), key="auto_seconds", persist_state="page")
else:
    st.fragment(map_section, run_every=st.session_state.speed if st.session_state.playing else None)()
    settings = st.columns([3, 3, 3, 2])
    settings[0].segmented_control(text(lang, "view"), tuple(VIEWS), key="view", persist_state="page", required=True,
                                  format_func=lambda v: text(lang, f"view_{v}"))
    settings[1].segmented_control(text(lang, "basemap"), tuple(BASEMAPS), key="base", persist_state="page", required=True,
                                  format_func=lambda b: text(lang, f"basemap_{b}"))
    settings[2].segmented_control(text(lang, "scale"), SCALES, key="scale", persist_state="page", required=True, on_change=on_scale_change,
                                  format_func=lambda x: text(lang, f"scale_{x}"))
    settings[3].select_slider(text(lang, "speed"), SPEEDS, key="speed", persist_state="page")
    upload_section()
    with st.expander(text(lang, "categories")):
        st.pills(text(lang, "categories"), CATEGORIES, selection_mode="multi", key="categories", persist_state="page",
                 format_func=lambda c: text(lang, f"category_{c}"), label_visibility="collapsed")
with st.expander(text(lang, "sources_heading")):
    st.write(text(lang, "sources_body"))
