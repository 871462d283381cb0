"""The browser app in the app's page: the time control, the list and downloads beside the map, and the texts
to copy, all mounts of one Custom Components v2 component (juliaca_map/app, which loads the bundle of
geo/web/app by a content-hashed address). The time control draws the map at every step (an event on
its same-origin iframe).

Python gives the control `data`: the steps (geo/map/steps.py), the step Python shows, the bundle to count
from, the filter and selection for the map, and `rev`, a revision number that changes only when the server
decides the time (a link, a scale change, an upload, a classroom moment chosen here). The browser applies
`step` only when `rev` changes, so a rerun never snaps back a slider someone is dragging.

In the explorer a released time costs the server nothing: the browser keeps the address bar, the list and
the downloads at that time. Python does not learn it (Streamlit sends each run the address it last wrote,
not the browser's): what needs the time on the server asks with it (a file to make, `make`).
In classroom mode the control sends `at` = {"key": the step's key, "n": a counter} on release; `on_release`
reads it with `released_key`. The panel sends `make` = {"what": "png", "key": …} for a file the server
makes. Asked to (`reportDrawn`), the control sends `drawn` = true once the map has painted its first step.
"""

from __future__ import annotations

import base64
import functools
from collections.abc import Callable

import streamlit as st

from geo.map.assets import URL_ROOT, versioned
from geo.map.steps import with_view
from geo.text.events import LIST_LIMIT
from geo.text.i18n import text
from geo.text.words import control_words, counter_labels, list_words
from ui.common import MAP_KEY, Page


@functools.cache
def _component():
    """Registered once per server process, when first mounted (the manifest is found at run time)."""
    return st.components.v2.component("juliaca-map.app", js="loader.js")


EXPLORE_SPEEDS = (("0.5", 500), ("1", 1000), ("2", 2000))  # seconds per step
PRESENT_SPEEDS = tuple((str(s), s * 1000) for s in (10, 20, 30, 45, 60, 90))  # seconds per moment


def _app() -> str:
    return f"{URL_ROOT}/{versioned('app.js')}"


def bump_revision() -> None:
    """The server has decided the time: the browser will apply it once."""
    st.session_state.time_rev = st.session_state.get("time_rev", 0) + 1


def _key(mode: str) -> str:
    return f"time_control_{mode}"  # one instance per mode: a new mode mounts a fresh control


def _state(key: str, name: str) -> object:
    value = st.session_state.get(key)
    return value.get(name) if value is not None else None


def released_key(mode: str) -> str | None:
    """The key of the step the browser released last in `mode` (None before any)."""
    at = _state(_key(mode), "at")
    return at.get("key") if isinstance(at, dict) else None


def first_map_step(
    steps: list[dict], step: int, cats: list[str] | None = None, selected: str | None = None, src: str | None = None
) -> dict:
    """What the map draws first for `step` (the control sends later steps): its message, filter, selection and
    the source whose events alone it shows."""
    return with_view(steps[step]["map"], cats, selected, src)


def time_control(
    page: Page,
    steps: list[dict],
    step: int,
    *,
    mode: str,
    on_release: Callable[[], None] | None = None,
    scope: str = "",
    note: str = "",
    cats: list[str] | None = None,
    selected: str | None = None,
    on_drawn: Callable[[], None] | None = None,
    report_drawn: bool = False,
    address: dict[str, str] | None = None,
    src: str | None = None,
) -> None:
    """Mount (or update) the control showing `steps` at `step`; a step's `toll` holds its four counters as
    worded, its `reported` the figures reported by then, `scope` says what they count and `note` what they
    include. `src`: the source whose events alone the map and the list show. With `report_drawn`, `on_drawn`
    is called once the map has painted its first step. `address`: the view as link parameters, which the
    browser keeps in the address bar (with its own time and event) in the explorer."""
    speeds = EXPLORE_SPEEDS if mode == "explore" else PRESENT_SPEEDS
    data = {
        "role": "control",
        "app": _app(),
        "mode": mode,
        "steps": steps,
        "step": step,
        "rev": st.session_state.get("time_rev", 0),
        "strings": control_words(page.lang, mode, scope, note),
        "counters": counter_labels(page.lang, page.source_format == "acled"),
        "bundle": f"{URL_ROOT}/{page.bundle}/core.json",
        "mapKey": MAP_KEY,
        "cats": cats,
        "selected": selected,
        "src": src,
        "reportDrawn": report_drawn and on_drawn is not None,
        "speeds": [{"label": label, "ms": ms} for label, ms in speeds],
        "speed": 1,
        "address": address or {},
    }
    default, callbacks = {}, {}
    if on_release is not None:
        default["at"], callbacks["on_at_change"] = {"key": steps[step]["key"], "n": 0}, on_release
    if on_drawn is not None:
        default["drawn"], callbacks["on_drawn_change"] = False, on_drawn
    _component()(key=_key(mode), data=data, default=default, height="content", **callbacks)


PANEL_KEY = "event_panel"
Maker = Callable[[str, str], tuple[str, str, bytes]]  # (what, step key) -> (file name, type, bytes)


class Refused(Exception):
    """A file the server will not make now, and why, in the visitor's words (too busy, too large)."""


def _on_make(key: str, make: Maker) -> Callable[[], None]:
    """The callback of a mount that asked the server for a file: make it at the step the browser shows,
    and keep it for this run's data (the browser saves it once, by its id)."""

    def made() -> None:
        from ui.guard import guarded

        wanted = _state(key, "make")
        if not (isinstance(wanted, dict) and isinstance(wanted.get("key"), str)):
            return
        error = {}

        def failed(error_id: str) -> None:
            error["text"] = text(st.session_state.lang, "error_unexpected", id=error_id)

        def attempt(what: str, step: str):
            try:
                return make(what, step)
            except Refused as refused:  # said in words, not an error on our side
                error["text"] = str(refused)
                return None

        result = guarded("download", failed)(attempt)(str(wanted.get("what")), wanted["key"])
        st.session_state[f"{key}_made"] = (
            {"id": wanted.get("n"), "error": error["text"]}
            if error
            else {"id": wanted.get("n"), "name": result[0], "type": result[1], "data": result[2]}
        )

    return made


def _made(key: str) -> dict | None:
    """The file made for mount `key` in this run, for its data; forgotten after (it travels once)."""
    made = st.session_state.pop(f"{key}_made", None)
    if not made:
        return None
    out = {k: v for k, v in made.items() if k != "data"}
    if "data" in made:
        out["base64"] = base64.b64encode(made["data"]).decode("ascii")
    return out


def event_panel(page: Page, *, png: bool, make: Maker) -> None:
    """The list of the events shown, the downloads and the list of the people killed (fetched from the whole
    record's bundle when opened), drawn in the browser at the time it shows; `png`: whether the server can
    make the image, which `make` does when the browser asks."""
    data = {
        "role": "panel",
        "app": _app(),
        "bundle": f"{URL_ROOT}/{page.bundle}/core.json",
        "bundleUrl": f"{URL_ROOT}/{page.bundle}",
        "lang": page.lang,
        "words": list_words(page.lang),
        "limit": LIST_LIMIT,
        "png": png,
        "made": _made(PANEL_KEY),
        "recordUrl": f"{URL_ROOT}/{page.record_bundle or page.bundle}",
        "people": len(page.record.people),
    }
    _component()(
        key=PANEL_KEY, data=data, default={"make": None}, height="content", on_make_change=_on_make(PANEL_KEY, make)
    )


def source_list(page: Page) -> None:
    """Every source of the record (fetched from its bundle), with its date, kind and link, and what cites it."""
    data = {
        "role": "sources",
        "app": _app(),
        "lang": page.lang,
        "words": list_words(page.lang),
        "recordUrl": f"{URL_ROOT}/{page.record_bundle or page.bundle}",
    }
    _component()(key="source_list", data=data, height="content")


def file_button(key: str, label: str, help_text: str, what: str, lang: str, make: Maker) -> None:
    """A button for a file the server makes at the time the browser shows (`make`), saved when it comes."""
    data = {
        "role": "file",
        "app": _app(),
        "label": label,
        "help": help_text,
        "what": what,
        "making": text(lang, "download_making"),
        "made": _made(key),
    }
    _component()(key=key, data=data, default={"make": None}, height="content", on_make_change=_on_make(key, make))


def copy_field(
    key: str, label: str, value: str, lang: str, rows: int = 2, follow: str | None = None, step_key: str = ""
) -> None:
    """A read-only text with a Copy button that says so when it has copied. `follow`: "address" (the text
    is the address bar, which the browser keeps at the view shown) or "time" (its `t=<step_key>` follows
    the time shown); the value travels as data and goes in with .value."""
    _component()(
        key=key,
        data={
            "role": "copy",
            "app": _app(),
            "label": label,
            "value": value,
            "rows": rows,
            "copy": text(lang, "share_copy"),
            "copied": text(lang, "share_copied"),
            "failed": text(lang, "share_copy_failed"),
            "follow": follow,
            "key": step_key,
        },
        height="content",
    )
