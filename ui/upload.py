"""Bring your own data: format, files, and what was refused, row by row. The upload is this session's only.

Within the process's memory budget (issue 21): a file is checked when it is its turn (one at a time,
the page saying so while it waits), and what the session keeps of it is sized and held in the one
budget of uploads (`geo.data.upload.UPLOADS_IN_MEMORY`); the oldest goes first when it is full, and its
session is told so. Streamlit's own copy of the file is let go once it is mapped.
"""

from __future__ import annotations

import streamlit as st

from geo.data.load import Dataset
from geo.data.problems import DataError, show_value, unlisted_line
from geo.data.upload import (
    FORMATS,
    MAX_BYTES,
    MAX_ROWS,
    UPLOADS_IN_MEMORY,
    Busy,
    TooLarge,
    checking,
    evict_oldest,
    load_upload,
    memory_size,
    new_upload_folder,
    problems_csv,
    remove_upload_folder,
)
from geo.map.bundle import write as write_bundle
from geo.model.params import DEFAULT_HOUR, steps_for
from geo.model.timeline import DAY, index_events
from geo.text.i18n import text
from geo.text.labels import md_escape
from ui.common import STATIC, Page
from ui.guard import guarded
from ui.time_control import bump_revision

SHOWN = 50  # refused rows listed on the page; the CSV has the first 1,000 of each file


def _said(problems, unlisted: int = 0) -> list[str]:
    return [str(p) for p in problems] + ([unlisted_line(unlisted)] if unlisted else [])


def ask_to_check(events_file, places_file, fmt: str) -> None:
    """The button: the check itself runs in the page's run, where it can say that it waits its turn."""
    st.session_state.upload_request = {"events": events_file, "places": places_file, "format": fmt}


def use_upload(page: Page, request: dict) -> bool:
    """Check an upload when it is its turn; on success the session maps it. Returns whether it did."""
    s = st.session_state
    s.upload_error = None
    events_file, places_file, fmt = request["events"], request["places"], request["format"]
    status = st.status(page.t("upload_checking"), state="running")
    try:
        with checking(on_wait=lambda: status.update(label=page.t("upload_waiting"))):
            status.update(label=page.t("upload_checking"))
            dataset = load_upload(
                events_file.getvalue(),
                events_file.name,
                fmt,
                places_file.getvalue() if places_file else None,
                places_file.name if places_file else "",
            )
            if dataset.events.empty:
                s.upload_error = [page.t("upload_none_valid"), *_said(dataset.problems[:SHOWN])]
                return False
            index = index_events(dataset.events, dataset.places)
            kept = Dataset(dataset.places, index.events, dataset.problems, dataset.unlisted)  # one copy of the rows
            del dataset
            _keep(page, kept, index, fmt)
    except Busy:
        s.upload_error = [page.t("upload_busy")]
    except DataError as error:
        s.upload_error = _said(error.problems, error.unlisted)
    except TooLarge as error:
        s.upload_error = [page.t("upload_too_large", mb=round(error.size / 1e6), limit=round(error.limit / 1e6))]
    finally:
        status.update(
            label=page.t("upload_failed" if s.get("upload_error") else "upload_checking"),
            state="error" if s.get("upload_error") else "complete",
        )
    if s.get("upload_error"):
        return False
    s.upload_view_pending = True  # the next run, before its widgets, shows the upload's last day (current_upload)
    s.upload_files_key = s.get("upload_files_key", 0) + 1  # a fresh uploader: Streamlit lets go of the file
    return True


def _keep(page: Page, kept: Dataset, index, fmt: str) -> None:
    """Hold the upload in the process's budget (evicting the oldest if needed), then publish its map data."""
    s = st.session_state
    previous = s.get("upload")
    if previous:
        UPLOADS_IN_MEMORY.release(previous["held"])  # one upload a session: the last one goes first
    size = memory_size(index.events, index.marches, kept.places.drop(columns="geometry"))
    held, _ = UPLOADS_IN_MEMORY.keep({"data": kept, "index": index}, size)
    folder, relative = new_upload_folder(STATIC, replaces=(previous or {}).get("bundle"))
    write_bundle(index, kept.places, folder)
    evict_oldest(STATIC, keep=folder)
    s.upload = {"held": held, "bundle": relative, "format": fmt}


def forget_upload() -> None:
    upload = st.session_state.get("upload")
    if upload:
        UPLOADS_IN_MEMORY.release(upload["held"])
        remove_upload_folder(STATIC, upload["bundle"])
    st.session_state.update(upload=None, scale="hour", step=DEFAULT_HOUR, event=None)
    bump_revision()


def current_upload() -> dict | None:
    """The session's upload (its `held` data and index, bundle and format), if the server still holds it: its map data
    expires on disk, and the memory budget may have made room with it; then the page says so and goes
    back to the bundled data. Called at the top of a run, before any widget."""
    s = st.session_state
    upload = s.get("upload")
    if not upload:
        return None
    if s.pop("upload_view_pending", False):  # set before the widgets that show them are drawn
        s.update(scale="day", step=len(steps_for("day")) - 1, event=None, present=False)
        bump_revision()  # a time decided here: the time control applies it once
    lang = s.get("lang") or "en"
    gone = (
        "upload_evicted"
        if upload["held"].evicted or upload["held"].value is None
        else "upload_expired"
        if not (STATIC / upload["bundle"] / "core.json").is_file()
        else None
    )
    if gone:
        forget_upload()
        s.upload_error = [text(lang, gone)]
        s.upload_notice = gone  # said at the top of the page too, once (app.py, header)
        return None
    return upload


def _unexpected(page: Page):
    """What the upload boundary does with an unexpected error: say so where the upload is, with its id."""
    return lambda error_id: st.session_state.update(upload_error=[page.t("upload_unexpected", id=error_id)])


def upload_section(page: Page) -> None:
    s = st.session_state
    with st.expander(
        page.t("upload_heading"), expanded=bool(s.get("upload") or s.get("upload_request") or s.get("upload_error"))
    ):
        st.caption(page.t("upload_intro", mb=MAX_BYTES // (1024 * 1024), rows=MAX_ROWS))
        fmt = st.radio(
            page.t("upload_format"),
            FORMATS,
            horizontal=True,
            key="upload_format",
            format_func=lambda f: page.t(f"upload_format_{f}"),
        )
        generation = s.get("upload_files_key", 0)
        events_file = st.file_uploader(page.t("upload_events"), type=["csv"], key=f"upload_events_{generation}")
        places_file = (
            st.file_uploader(page.t("upload_places"), type=["geojson", "json"], key=f"upload_places_{generation}")
            if fmt == "project"
            else None
        )
        st.button(
            page.t("upload_use"),
            disabled=events_file is None,
            on_click=ask_to_check,
            args=(events_file, places_file, fmt),
        )
        request = s.pop("upload_request", None)
        if request is not None and guarded("upload", _unexpected(page))(use_upload)(page, request):
            st.rerun()  # the map and the list above show the new data
        if s.get("upload_error"):
            st.error(page.t("upload_failed") + "\n\n" + "\n".join(f"- {md_escape(e)}" for e in s.upload_error))
        held = (s.get("upload") or {}).get("held")
        if held is not None and held.value is not None:  # current_upload() said at the top of the run if it went
            upload_summary(page, held.value)


def upload_summary(page: Page, upload: dict) -> None:
    dataset = upload["data"]
    problems, unlisted = dataset.problems, dataset.unlisted  # the download keeps these, not the upload
    st.success(
        page.t(
            "upload_active",
            events=len(dataset.events),
            places=len(dataset.places),
            refused=len(dataset.problems) + dataset.unlisted,
        )
    )
    days = steps_for("day")
    outside = int((~upload["index"].events["reveal"].between(days[0] - DAY, days[-1])).sum())
    if outside:
        st.warning(page.t("upload_out_of_range", n=outside))
    if dataset.problems:
        st.caption(page.t("upload_refused_first", n=min(SHOWN, len(dataset.problems))))
        st.dataframe(
            [
                {"where": p.where, "column": p.column, "value": show_value(p.value), "expected": p.expected}
                for p in dataset.problems[:SHOWN]
            ],
            hide_index=True,
        )
        st.download_button(
            page.t("upload_refused_download"),
            data=guarded("download", reraise=True)(lambda: problems_csv(problems, unlisted)),
            file_name="refused-rows.csv",
            mime="text/csv",
            on_click="ignore",
        )
    st.button(page.t("upload_reset"), on_click=forget_upload)
