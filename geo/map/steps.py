"""The steps of the time control, as the browser gets them: each step's time, clock and names, and the
message that draws it on the map.

Pure data (no Streamlit). The app hands them to its time control (ui/time_control.py) and the exported
page inlines them (geo/output/export.py); the browser's time control (geo/web/app/control.js) shows
them, and draws each on the map with its `map` message (`step_message`), adding only the filter, the
source choice and the selection. The counters come from each step's `toll` (as worded) or from the bundle's arrays
(geo/web/app/timemodel.js) counting from its `tollFrom`, as `geo.model.timeline.state_at` does.
"""

from __future__ import annotations

from functools import lru_cache

import pandas as pd

from geo.data.vocab import CATEGORIES
from geo.model.moments import Moment
from geo.model.params import step_key, steps_for
from geo.model.timeline import Scale, epoch_ms, new_since, toll_start
from geo.model.views import VIEWS
from geo.text.a11y import map_title
from geo.text.i18n import text
from geo.text.labels import clock_label, step_name


def step_message(t: pd.Timestamp, scale: Scale, lang: str) -> dict:
    """What the map is told to draw the step at `t` (numbers and a name only): its time, the start of
    what is "new" in it, and the map's name at that time (issue 11).

    >>> step_message(pd.Timestamp("2023-01-09T18:00-05:00"), "hour", "en")["newFrom"]
    1673301600000
    """
    return {
        "t": epoch_ms(t),
        "iso": t.isoformat(),
        "newFrom": epoch_ms(new_since(t, scale)),
        "title": map_title(t, scale, lang),
    }


def with_view(
    message: dict, cats: list[str] | None = None, selected: str | None = None, src: str | None = None
) -> dict:
    """A step's map message with the category filter, the event selected and the source whose events alone
    are shown (None: every source), as stepMessage in step.js."""
    return message | {"cats": cats, "selected": selected, "src": src}


def step_filter(categories: frozenset[str] | None) -> list[str] | None:
    """The category filter as the map takes it: None for every category, else the names in order.

    >>> step_filter(frozenset({"march", "clash"})), step_filter(None)
    (['clash', 'march'], None)
    """
    return None if categories is None or set(categories) >= set(CATEGORIES) else sorted(categories)


def _step(t: pd.Timestamp, scale: Scale, lang: str) -> dict:
    return {
        "key": step_key(t, scale),
        "clock": clock_label(t, scale, lang),
        "name": step_name(t, scale, lang),
        "stamp": t.strftime("%Y%m%d-%H%M"),
        "tollFrom": epoch_ms(toll_start(scale)),
        "map": step_message(t, scale, lang),
    }


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
        step = _step(moment.t, moment.scale, lang)
        step["map"] |= {"highlight": list(moment.event_ids), "view": {"center": list(center), "zoom": zoom}}
        steps.append(
            step
            | {
                "key": str(i),
                "name": f"{i}/{count}",
                "title": moment.title[lang],
                "caption": moment.caption[lang],
                "position": text(lang, "present_position", i=i, n=count)
                + " · "
                + clock_label(moment.t, moment.scale, lang),
            }
        )
    return steps
