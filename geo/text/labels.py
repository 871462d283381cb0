"""Words for times: an event's time with its precision, and the clock of the time shown."""

from __future__ import annotations

import datetime
import functools

import pandas as pd
from babel.dates import format_date, format_skeleton

from geo.model.timeline import Scale, is_month_step, lima_time
from geo.text.i18n import LANGUAGE_INFO, text

# Parts of the day named for `part_of_day` events, by the hour their window starts.
_PART_STARTS = ((18, "part_night"), (12, "part_afternoon"), (5, "part_morning"), (0, "part_night"))
_PART_BOUNDARIES = {6, 12, 18}


def date_label(t: pd.Timestamp, lang: str) -> str:
    """'9 January 2023' / '9 de enero de 2023'."""
    return _long_date(t.date(), lang)


@functools.lru_cache(maxsize=4096)  # Babel takes tens of microseconds a date; 100,000 events share few days
def _long_date(day: datetime.date, lang: str) -> str:
    return format_date(day, "long", locale=LANGUAGE_INFO[lang].locale)


def month_label(t: pd.Timestamp, lang: str) -> str:
    """'March 2023' / 'marzo de 2023'."""
    return format_skeleton("yMMMM", t, locale=LANGUAGE_INFO[lang].locale)


def _part_of_day(start: pd.Timestamp, lang: str) -> str:
    key = next(key for hour, key in _PART_STARTS if start.hour >= hour)
    label = text(lang, key, date=date_label(start, lang))
    if start.hour not in _PART_BOUNDARIES or start.minute:
        label = text(lang, "part_after", label=label, hh=f"{start.hour:02d}", mm=f"{start.minute:02d}")
    return label


def time_label(
    start: pd.Timestamp, precision: str, lang: str, end: pd.Timestamp | None = None, inferred: str = ""
) -> str:
    """An event's time as exactly as its sources give it, and no more exactly; an inferred date or
    time (`inferred` is "date" or "time") says so.

    >>> time_label(lima_time("2023-01-09T14:00"), "hour", "en")
    '9 January 2023, around 14:00'
    >>> time_label(lima_time("2023-01-09T17:20"), "after", "es")
    '9 de enero de 2023, después de las 17:20'
    >>> time_label(lima_time("2023-01-08T11:00"), "minute", "en", inferred="date")
    '8 January 2023, 11:00; date inferred by us, see the sources'
    """
    start = lima_time(start)
    hh, mm = f"{start.hour:02d}", f"{start.minute:02d}"
    date = date_label(start, lang)
    label = {
        "minute": lambda: text(lang, "time_minute", date=date, hh=hh, mm=mm),
        "hour": lambda: text(lang, "time_hour", date=date, hh=hh, mm=mm),
        "after": lambda: text(lang, "time_after", date=date, hh=hh, mm=mm),
        "after_around": lambda: text(lang, "time_after_around", date=date, hh=hh, mm=mm),
        "drawn": lambda: text(lang, "time_drawn", date=date),
        "part_of_day": lambda: _part_of_day(start, lang),
        "day": lambda: text(lang, "time_day", date=date),
        "month": lambda: text(lang, "time_month", month=month_label(start, lang)),
        "undated": lambda: text(lang, "time_undated", date=date),
    }[precision]()
    if end is not None and not pd.isna(end) and lima_time(end).date() != start.date() and precision != "undated":
        label = text(lang, "time_until", label=label, end=date_label(lima_time(end), lang))
    if isinstance(inferred, str) and inferred:
        label = text(lang, f"inferred_{inferred}", label=label)
    return label


def count_label(number: int, qualifier: str, lang: str) -> str:
    """A counter's value with the source's qualifier: '17', 'over 100' / 'más de 100', 'at least 17'."""
    return text(lang, f"count_{qualifier}", n=number) if qualifier else str(number)


def toll_scope(scale: Scale, lang: str) -> tuple[str, str]:
    """What the counters count on `scale`: one plain sentence of at most 20 words, shown under them, and the
    details, shown under "What is counted" (issue 23)."""
    key = "hour" if scale == "hour" else "day"
    return text(lang, f"toll_scope_{key}"), text(lang, f"toll_help_{key}", scale=text(lang, "scale_day"))


def clock_label(t: pd.Timestamp, scale: Scale, lang: str) -> str:
    """What the clock says at step t: the hour on the hourly scale, the day or month on the context scale.

    >>> clock_label(lima_time("2023-01-09T17:00"), "hour", "es")
    '9 de enero de 2023, 17:00 (Lima, UTC−5)'
    """
    t = lima_time(t)
    if scale == "hour":
        return text(lang, "clock_hour", date=date_label(t, lang), hh=f"{t.hour:02d}", mm=f"{t.minute:02d}")
    if is_month_step(t):
        return text(lang, "clock_month", month=month_label(t, lang))
    return text(lang, "clock_day", date=date_label(t, lang))


def step_name(t: pd.Timestamp, scale: Scale, lang: str) -> str:
    """The short name of a step on the slider: '17:00', '12 Jan', 'Mar 2023'."""
    t = lima_time(t)
    if scale == "hour":
        return f"{t.hour:02d}:00"
    return format_skeleton("yMMM" if is_month_step(t) else "MMMd", t, locale=LANGUAGE_INFO[lang].locale)


_MARKDOWN_SPECIALS = set("\\`*_{}[]()#+-.!|<>~$:&\"'=")


def md_escape(value: object) -> str:
    """Text shown through Streamlit's Markdown, with every Markdown, HTML and LaTeX character escaped.

    Streamlit never renders raw HTML here, but Markdown links, images (a network request) and `$`
    maths would still be interpreted; a backslash before each special character makes them text.

    >>> md_escape("![x](http://e.vil) $1 <b>")
    '\\\\!\\\\[x\\\\]\\\\(http\\\\://e\\\\.vil\\\\) \\\\$1 \\\\<b\\\\>'
    """
    return "".join(f"\\{c}" if c in _MARKDOWN_SPECIALS else c for c in str(value))
