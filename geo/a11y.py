"""Text for assistive technology: the map's name at the time shown, and the summary that stands in for the map.

Pure functions of the time, the state and the language; the app (ui/common.py) and the exported page
(geo/export.py) put them on the page.
"""

from __future__ import annotations

import pandas as pd

from geo.i18n import text
from geo.labels import date_label, month_label
from geo.timeline import MapState, is_month_step, lima_time
from geo.vocab import COUNT_COLUMNS


def map_title(t: pd.Timestamp, scale: str, lang: str) -> str:
    """The map's accessible name at step t: the title of its iframe in the app. (Worded apart from the clock,
    so that the clock's text appears once on the page.)

    >>> map_title(lima_time("2023-01-09T17:00"), "hour", "es")
    'Mapa de Juliaca a las 17:00 del 9 de enero de 2023'
    >>> map_title(lima_time("2023-01-12T23:00"), "day", "en")
    'Map of Juliaca at the end of 12 January 2023'
    >>> map_title(lima_time("2023-03-31T23:00"), "day", "es")
    'Mapa de Juliaca a fines de marzo de 2023'
    """
    t = lima_time(t)
    if scale == "hour":
        return text(lang, "map_title_hour", hh=f"{t.hour:02d}", mm=f"{t.minute:02d}", date=date_label(t, lang))
    if is_month_step(t):
        return text(lang, "map_title_month", month=month_label(t, lang))
    return text(lang, "map_title_day", date=date_label(t, lang))


def placeholder_summary(state: MapState, scale: str, lang: str) -> str:
    """TEMPORARY (issue 11): the moment in words from the counters and the clock, until issue 13's
    `geo.describe.describe_moment` is merged; the page calls it from one place only (`moment_summary`).

    >>> from geo.timeline import MapState
    >>> empty = pd.DataFrame({"id": [], "place_id": []})
    >>> placeholder_summary(MapState(lima_time("2023-01-09T06:00"), empty, frozenset(), dict.fromkeys(COUNT_COLUMNS, 0)),
    ...                     "hour", "en")[:64]
    'Map of Juliaca at 06:00 on 9 January 2023: 0 event(s) on the map'
    """
    mapped = state.visible[state.visible["place_id"].fillna("") != ""]
    parts = [text(lang, "summary_events", n=len(mapped), title=map_title(state.t, scale, lang),
                  places=mapped["place_id"].nunique(), new=int(mapped["id"].isin(state.new_ids).sum()))]
    if len(mapped) < len(state.visible):
        parts.append(text(lang, "summary_unmapped", n=len(state.visible) - len(mapped)))
    counts = "; ".join(f"{text(lang, name).lower()} {state.totals[name]}" for name in COUNT_COLUMNS)
    parts += [text(lang, "summary_counts", counts=counts), text(lang, "summary_list")]
    return " ".join(parts)


def moment_summary(state: MapState, scale: str, lang: str) -> str:
    """The summary of the moment that stands in for the map, in the app and in the exported page.

    THE SINGLE CALL SITE: after merging issue 13, return `geo.describe.describe_moment(...)` here.
    """
    return placeholder_summary(state, scale, lang)
