"""Bring your own data: format, files, and what was refused, row by row. The upload is this session's only."""

from __future__ import annotations

import streamlit as st

from geo.data.problems import DataError, show_value
from geo.data.upload import (FORMATS, MAX_BYTES, MAX_ROWS, evict_oldest, load_upload, new_upload_folder, problems_csv,
                             remove_upload_folder)
from geo.map.bundle import write as write_bundle
from geo.model.params import DEFAULT_HOUR, steps_for
from geo.model.timeline import DAY, index_events
from geo.text.i18n import text
from geo.text.labels import md_escape
from ui.common import STATIC, Page
from ui.guard import guarded
from ui.time_control import bump_revision


def use_upload(events_file, places_file, fmt: str, none_valid: str) -> None:
    """Check an upload; on success the session maps it. Problems are kept for the page to show."""
    st.session_state.upload_error = None
    try:
        dataset = load_upload(events_file.getvalue(), events_file.name, fmt,
                              places_file.getvalue() if places_file else None, places_file.name if places_file else "")
    except DataError as error:
        st.session_state.upload_error = [str(p) for p in error.problems]
        return
    if dataset.events.empty:
        st.session_state.upload_error = [none_valid] + [str(p) for p in dataset.problems[:50]]
        return
    index = index_events(dataset.events, dataset.places)
    folder, relative = new_upload_folder(STATIC, replaces=(st.session_state.get("upload") or {}).get("bundle"))
    write_bundle(index, dataset.places, folder)
    evict_oldest(STATIC, keep=folder)
    st.session_state.upload = {"data": dataset, "index": index, "bundle": relative, "format": fmt}
    st.session_state.update(scale="day", step=len(steps_for("day")) - 1, event=None, present=False)
    bump_revision()  # a time decided here: the time control applies it once


def forget_upload() -> None:
    if st.session_state.get("upload"):
        remove_upload_folder(STATIC, st.session_state.upload["bundle"])
    st.session_state.update(upload=None, scale="hour", step=DEFAULT_HOUR, event=None)
    bump_revision()


def current_upload() -> dict | None:
    """The session's upload, if its map data is still on the server (it expires, or is evicted when
    space runs short: then the session says so and goes back to the bundled data)."""
    upload = st.session_state.get("upload")
    if upload and not (STATIC / upload["bundle"] / "core.json").is_file():
        forget_upload()
        st.session_state.upload_error = [text(st.session_state.lang, "upload_expired")]
        return None
    return upload


def _unexpected(page: Page):
    """What the upload boundary does with an unexpected error: say so where the upload is, with its id."""
    return lambda error_id: st.session_state.update(upload_error=[page.t("upload_unexpected", id=error_id)])


def upload_section(page: Page) -> None:
    with st.expander(page.t("upload_heading"), expanded=bool(st.session_state.get("upload"))):
        st.caption(page.t("upload_intro", mb=MAX_BYTES // (1024 * 1024), rows=MAX_ROWS))
        fmt = st.radio(page.t("upload_format"), FORMATS, horizontal=True, key="upload_format",
                       format_func=lambda f: page.t(f"upload_format_{f}"))
        events_file = st.file_uploader(page.t("upload_events"), type=["csv"], key="upload_events")
        places_file = (st.file_uploader(page.t("upload_places"), type=["geojson", "json"], key="upload_places")
                       if fmt == "project" else None)
        st.button(page.t("upload_use"), disabled=events_file is None,
                  on_click=guarded("upload", _unexpected(page))(use_upload),
                  args=(events_file, places_file, fmt, page.t("upload_none_valid")))
        if st.session_state.get("upload_error"):
            st.error(page.t("upload_failed") + "\n\n"
                     + "\n".join(f"- {md_escape(e)}" for e in st.session_state.upload_error))
        if st.session_state.get("upload"):
            upload_summary(page, st.session_state.upload)


def upload_summary(page: Page, upload: dict) -> None:
    dataset = upload["data"]
    st.success(page.t("upload_active", events=len(dataset.events), places=len(dataset.places),
                      refused=len(dataset.problems)))
    days = steps_for("day")
    outside = int((~upload["index"].events["reveal"].between(days[0] - DAY, days[-1])).sum())
    if outside:
        st.warning(page.t("upload_out_of_range", n=outside))
    if dataset.problems:
        st.caption(page.t("upload_refused_first", n=min(50, len(dataset.problems))))
        st.dataframe([{"where": p.where, "column": p.column, "value": show_value(p.value), "expected": p.expected}
                      for p in dataset.problems[:50]], hide_index=True)
        st.download_button(page.t("upload_refused_download"),
                           data=guarded("download", reraise=True)(lambda: problems_csv(dataset.problems)),
                           file_name="refused-rows.csv", mime="text/csv", on_click="ignore")
    st.button(page.t("upload_reset"), on_click=forget_upload)
