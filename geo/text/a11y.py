"""Text for assistive technology: the map's name at the time shown, and the summary that stands in for the map.

Pure functions of the time, the state and the language; the app (ui/common.py) and the exported page
(geo/output/export.py) put them on the page.
"""

from __future__ import annotations

import geopandas as gpd
import pandas as pd

from geo.model.timeline import EventIndex, Scale, is_month_step, lima_time
from geo.text.describe import describe_moment
from geo.text.i18n import text
from geo.text.labels import date_label, month_label


def map_title(t: pd.Timestamp, scale: Scale, lang: str) -> str:
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


def moment_summary(
    index: EventIndex,
    places: gpd.GeoDataFrame,
    t: pd.Timestamp,
    scale: Scale,
    lang: str,
    *,
    view: str = "region",
    categories: frozenset[str] | None = None,
    source: str | None = None,
) -> str:
    """The summary of the moment that stands in for the map, in the app and in the exported page: the same
    words as the images' alt text (`geo.text.describe.describe_moment`)."""
    return describe_moment(index, places, t, scale=scale, lang=lang, view=view, categories=categories, source=source)
