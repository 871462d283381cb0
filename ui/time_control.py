"""The time control: a Custom Components v2 component (juliaca_map/time_control) that lives in the
browser, draws the map at every step (an event on its same-origin iframe), and tells Python the time only on release.

Python gives it `data`: the steps (geo/map/control.py), the step Python shows, the bundle to count from,
the filter and selection for the map, and `rev`, a revision number that changes only when the server
decides the time (a link, a scale change, a classroom moment chosen here). The browser applies
`step` only when `rev` changes, so a rerun never snaps back a slider someone is dragging.
It sends back one state value, `at` = {"key": the step's key, "n": a counter}, when the time is
released; `on_release` then reads it with `released_key`. Asked to (`reportDrawn`), it also sends
`drawn` = true once the map has painted its first step (or after a few seconds if it never does):
the page then draws what it held back until the map was up (ui/explore.py, `map_section`).
"""

from __future__ import annotations

from typing import Callable

import streamlit as st

from geo.map.assets import URL_ROOT
from ui.common import MAP_KEY, Page

_COMPONENT = st.components.v2.component("juliaca-map.time_control", js="control.js", css="control.css")

EXPLORE_SPEEDS = (("0.5", 500), ("1", 1000), ("2", 2000))    # seconds per step
PRESENT_SPEEDS = tuple((str(s), s * 1000) for s in (10, 20, 30, 45, 60, 90))  # seconds per moment


def bump_revision() -> None:
    """The server has decided the time: the browser will apply it once."""
    st.session_state.time_rev = st.session_state.get("time_rev", 0) + 1


def _key(mode: str) -> str:
    return f"time_control_{mode}"  # one instance per mode: a new mode mounts a fresh control


def released_key(mode: str) -> str | None:
    """The key of the step the browser released last in `mode` (None before any)."""
    value = st.session_state.get(_key(mode))
    at = value.get("at") if value is not None else None
    return at.get("key") if isinstance(at, dict) else None


def _strings(page: Page, mode: str, scope: str, note: str) -> dict:
    names = ("previous", "next") if mode == "explore" else ("present_previous", "present_next")
    return {"previous": page.t(names[0]), "next": page.t(names[1]), "play": page.t("play"), "pause": page.t("pause"),
            "time": page.t("time"), "speed": page.t("speed" if mode == "explore" else "present_seconds"),
            "scope": scope, "note": note}


def counter_labels(page: Page) -> list[str]:
    """The four counters' names (for ACLED data, its dead are not split into civilians and police)."""
    from geo.data.vocab import COUNT_COLUMNS

    acled = page.source_format == "acled"
    return [page.t("acled_killed") if acled and name == "civilians_killed" else page.t(name) for name in COUNT_COLUMNS]


def map_step(steps: list[dict], step: int, cats: list[str] | None = None, selected: str | None = None) -> dict:
    """What the control sends the map for `step` (as `stepMessage` in control.js): numbers, ids and names only.
    The map gets it at render too, to draw its first step without waiting for the control."""
    chosen = steps[step]
    out = {"t": chosen["t"], "iso": chosen["iso"], "newFrom": chosen["newFrom"], "cats": cats, "selected": selected,
           "title": chosen["mapTitle"]}
    return out | {name: chosen[name] for name in ("highlight", "view") if name in chosen}


def time_control(page: Page, steps: list[dict], step: int, *, mode: str, on_release: Callable[[], None],
                 scope: str = "", note: str = "", cats: list[str] | None = None, selected: str | None = None,
                 on_drawn: Callable[[], None] | None = None, report_drawn: bool = False) -> None:
    """Mount (or update) the control showing `steps` at `step`; a step's `toll` holds its four counters as
    worded, `scope` says what they count and `note` what they include. With `report_drawn`, `on_drawn`
    is called once the map has painted its first step."""
    speeds = EXPLORE_SPEEDS if mode == "explore" else PRESENT_SPEEDS
    data = {
        "mode": mode, "steps": steps, "step": step, "rev": st.session_state.get("time_rev", 0),
        "strings": _strings(page, mode, scope, note), "counters": counter_labels(page),
        "bundle": f"{URL_ROOT}/{page.bundle}/core.json", "staticRoot": URL_ROOT, "mapKey": MAP_KEY,
        "cats": cats, "selected": selected, "reportDrawn": report_drawn and on_drawn is not None,
        "speeds": [{"label": label, "ms": ms} for label, ms in speeds], "speed": 1,
    }
    default, callbacks = {"at": {"key": steps[step]["key"], "n": 0}}, {"on_at_change": on_release}
    if on_drawn is not None:
        default["drawn"], callbacks["on_drawn_change"] = False, on_drawn
    _COMPONENT(key=_key(mode), data=data, default=default, height="content", **callbacks)
