"""What the time control in the browser is given: its steps, each with its time, clock and names.

Pure data (no Streamlit): `ui/time_control.py` hands it to the component, which draws each step
in the browser (juliaca_map/time_control/control.js) and counts the toll with the bundle's arrays
(geo/web/timemodel.js) from each step's `tollFrom`, as `geo.model.timeline.state_at` does.
"""

from __future__ import annotations

from functools import lru_cache

import pandas as pd

from geo.model.moments import Moment
from geo.model.params import step_key, steps_for
from geo.model.timeline import Scale, new_since, toll_start
from geo.model.views import VIEWS
from geo.text.a11y import map_title
from geo.text.i18n import text
from geo.text.labels import clock_label, step_name


def _ms(t: pd.Timestamp | None) -> int | None:
    return None if t is None else int(t.value // 1_000_000)


def _step(t: pd.Timestamp, scale: Scale, lang: str) -> dict:
    return {"t": _ms(t), "iso": t.isoformat(), "newFrom": _ms(new_since(t, scale)), "tollFrom": _ms(toll_start(scale)),
            "clock": clock_label(t, scale, lang), "name": step_name(t, scale, lang), "key": step_key(t, scale),
            "mapTitle": map_title(t, scale, lang)}  # the map frame's name at this time (issue 11)


@lru_cache(maxsize=8)
def explore_steps(scale: Scale, lang: str) -> list[dict]:
    """The slider's steps on `scale`, labelled in `lang`; `key` is the step as in a link. Cached: read-only.

    >>> explore_steps("hour", "es")[17]["clock"], explore_steps("hour", "es")[17]["key"]
    ('9 de enero de 2023, 17:00 (Lima, UTC−5)', '2023-01-09T17:00')
    """
    return [_step(t, scale, lang) for t in steps_for(scale)]


def moment_steps(moments: list[Moment], lang: str) -> list[dict]:
    """Classroom mode's steps: one per key moment, with its title, caption, view and the events it names;
    `key` is the moment's number, from 1."""
    count = len(moments)
    steps = []
    for i, moment in enumerate(moments, start=1):
        center, zoom = VIEWS[moment.view]
        steps.append(_step(moment.t, moment.scale, lang) | {
            "key": str(i), "name": f"{i}/{count}", "title": moment.title[lang], "caption": moment.caption[lang],
            "position": text(lang, "present_position", i=i, n=count) + " · " + clock_label(moment.t, moment.scale, lang),
            "highlight": list(moment.event_ids), "view": {"center": list(center), "zoom": zoom}})
    return steps
