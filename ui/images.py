"""This view as a PNG, made when asked (issue 21): by the server's one browser, two images at a time, the
rest waiting their turn with the page saying so; an image already made for anyone is given at once.

"This view (PNG)" is a download when the view's image is made already, else a button that asks for it.
The session keeps its latest request (`png`); a small fragment polls it every second while it waits or
draws (its place in the queue, in words), and when it ends the page runs once more: the button is a
download then, or the page says why there is no image. Kept apart from the CSV and GeoJSON downloads.
"""

from __future__ import annotations

import html

import streamlit as st

from geo.model.params import ViewState, steps_for
from geo.output.browser import INSTALL_PNG, find_renderer_chromium, playwright_available
from geo.output.export import PageOptions
from geo.text.labels import clock_label
from ui.common import Page
from ui.guard import guarded, report

POLL_S = 1.0


@st.cache_resource
def image_cache():
    """The process's images, by what they show (geo.output.render.ImageCache)."""
    from geo.output.render import ImageCache

    return ImageCache()


@st.cache_resource
def can_render_images() -> bool:
    """Playwright (the `png` extra) and a Chromium are both on the server; the log says what is missing."""
    import logging

    if not playwright_available():
        logging.getLogger("juliaca").warning("PNG downloads are off: %s", INSTALL_PNG)
        return False
    try:
        find_renderer_chromium()
    except RuntimeError as missing:
        logging.getLogger("juliaca").warning("PNG downloads are off: %s", missing)
        return False
    return True


def _options(view: ViewState) -> PageOptions:
    return PageOptions(view.lang, view.view, view.base, view.scale, steps_for(view.scale).index(view.t),
                       categories=view.categories)


def _made(job) -> bool:
    return job is not None and job.future.done() and job.future.exception() is None


def _key(page: Page, view: ViewState) -> tuple:
    from geo.output.render import image_key

    return image_key(page.bundle, _options(view))


def image_button(row, page: Page, view: ViewState) -> None:
    """In the downloads row: the image as a download if it is made, else the button that asks for it."""
    if not can_render_images():
        row.caption(page.t("download_png_unavailable"))
        return
    from geo.output.render import APP_MAX_EVENTS

    if len(page.index.events) > APP_MAX_EVENTS:
        row.caption(page.t("download_png_too_many", n=len(page.index.events), limit=APP_MAX_EVENTS))
        return
    key = _key(page, view)
    mine = st.session_state.get("png")
    job = mine["job"] if mine and mine["key"] == key else image_cache().get(key)
    if _made(job):
        row.download_button(page.t("download_png"), data=job.future.result(), mime="image/png",
                            file_name=f"juliaca-{view.t.strftime('%Y%m%d-%H%M')}.png", on_click="ignore",
                            help=page.t("download_png_help"))
        return
    waiting = mine is not None and mine["key"] == key and not mine["job"].future.done()
    row.button(page.t("download_png"), on_click=guarded("download")(ask_for_image), args=(page, view),
               disabled=waiting, help=page.t("download_png_make_help"))


def ask_for_image(page: Page, view: ViewState) -> None:
    """Queue this view's image (or find it made, or being made, for someone else)."""
    from geo.output.render import RenderBusy, RenderError, request_snapshot

    st.session_state.png_said = None
    try:
        job = request_snapshot(image_cache(), page.bundle, page.index, page.places, _options(view))
    except RenderBusy:
        st.session_state.png_said = page.t("png_busy")
        return
    except RenderError as error:  # the browser went missing: the log says why
        st.session_state.png_said = page.t("png_failed", id=report(error, "image"))
        return
    st.session_state.png = {"job": job, "key": _key(page, view), "clock": clock_label(view.t, view.scale, page.lang),
                            "file_name": f"juliaca-{view.t.strftime('%Y%m%d-%H%M')}.png"}


def image_status(page: Page, view: ViewState) -> None:
    """Under the downloads: where the session's image stands, or why it could not be made."""
    said = st.session_state.get("png_said")
    if said:
        st.error(said)
    mine = st.session_state.get("png")
    if mine is None:
        return
    if not mine["job"].future.done():
        st.fragment(run_every=POLL_S)(_poll)(page)
    elif _made(mine["job"]) and mine["key"] != _key(page, view):  # made, but the view has moved on since
        st.download_button(page.t("png_save", clock=mine["clock"]), data=mine["job"].future.result(),
                           mime="image/png", file_name=mine["file_name"], on_click="ignore")


def _poll(page: Page) -> None:
    """One look at the session's job: its place in the queue, or drawing; when it ends, the page runs again."""
    from geo.output.render import RenderBusy, RenderTimeout

    mine = st.session_state.get("png")
    if mine is None:
        return
    job = mine["job"]
    if not job.future.done():
        message = (page.t("png_drawing", clock=mine["clock"]) if job.started_at is not None
                   else page.t("png_waiting", clock=mine["clock"], n=job.ahead))
        st.html(f'<p role="status" class="jm-png-status" style="margin: 0.25rem 0; font-style: italic">'
                f"{html.escape(message)}</p>")
        return
    error = job.future.exception()
    if isinstance(error, RenderTimeout):
        st.session_state.png_said = page.t("png_timeout", clock=mine["clock"])
    elif isinstance(error, RenderBusy):
        st.session_state.png_said = page.t("png_busy")
    elif error is not None:
        st.session_state.png_said = page.t("png_failed", id=report(error, "image"))
    if error is not None:
        st.session_state.png = None
    st.rerun(scope="app")
