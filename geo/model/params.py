"""The view as URL parameters, both ways: `?t=2023-01-09T17:00&lang=es&view=region&base=offline`.

`src` is the source choice: a source id of the record (`src=wikipedia_en`, the article only, is the map as
it stood on the article alone; any other shows the events that source reports), checked against the ids
the caller gives.

Parsing never raises: a value that is not understood falls back to the default and is reported,
so the page can say so. Every number a visitor sends (in a link, or back from the browser) is read
by `whole_number` only (issue 21).
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from typing import Any

import pandas as pd

from geo.data.languages import LANGUAGES
from geo.data.vocab import CATEGORIES
from geo.model.timeline import SCALES, Scale, context_steps, hour_steps, is_month_step, lima_time
from geo.model.views import BASEMAPS, DEFAULT_VIEW, VIEWS

MODES = ("explore", "present")
PARAM_KEYS = ("t", "lang", "view", "base", "cats", "event", "mode", "moment", "src")  # every key a link may set
MAX_VALUE = 200  # characters; anything longer is refused before it is parsed
_WHOLE = re.compile(r"[0-9]{1,9}")  # ASCII digits only: "²" and "٣" are digits to str.isdigit, not to int
DEFAULT_HOUR = 6  # 06:00 on 9 January: just before the marches begin to be drawn


def step_key(t: pd.Timestamp, scale: Scale) -> str:
    """The URL form of a step: `2023-01-09T17:00` (hour), `2023-01-12` (day), `2023-03` (month).

    >>> step_key(context_steps()[-1], "day")
    '2023-06'
    """
    t = lima_time(t)
    if scale == "hour":
        return str(t.strftime("%Y-%m-%dT%H:%M"))
    return str(t.strftime("%Y-%m") if is_month_step(t) else t.strftime("%Y-%m-%d"))


def steps_for(scale: Scale) -> list[pd.Timestamp]:
    """The slider's steps on `scale`."""
    return hour_steps() if scale == "hour" else context_steps()


_STEP_BY_KEY = {step_key(t, s): (t, s) for s in SCALES for t in steps_for(s)}


@dataclass(frozen=True)
class ViewState:
    """Everything a shared link reproduces."""

    t: pd.Timestamp = field(default_factory=lambda: hour_steps()[DEFAULT_HOUR])
    scale: Scale = "hour"
    lang: str = "en"
    view: str = DEFAULT_VIEW
    base: str = "osm"
    categories: frozenset[str] = frozenset(CATEGORIES)
    event: str | None = None
    mode: str = "explore"
    moment: int = 1  # classroom mode: which key moment, from 1
    source: str | None = None  # the source choice: a source id, or None for every source

    def with_time(self, t: pd.Timestamp, scale: Scale) -> ViewState:
        return replace(self, t=t, scale=scale)


def whole_number(value: object, lowest: int, highest: int) -> int | None:
    """`value` as a whole number from `lowest` to `highest`, or None: ASCII digits only, no sign, space or
    exponent. The one parser of numbers that visitors send (issue 21: `?moment=²` raised).

    >>> whole_number("3", 1, 5), whole_number("²", 1, 5), whole_number("9", 1, 5), whole_number(" 3", 1, 5)
    (3, None, None, None)
    """
    if not isinstance(value, str) or not _WHOLE.fullmatch(value):
        return None
    number = int(value)
    return number if lowest <= number <= highest else None


def _first(value: object) -> str:
    if isinstance(value, (list, tuple)):
        value = value[-1] if value else ""
    return str(value)


def parse_params(
    params: Mapping[str, object],
    event_ids: frozenset[str] = frozenset(),
    moments: int = 0,
    source_ids: frozenset[str] = frozenset(),
) -> tuple[ViewState, list[str]]:
    """The view a URL asks for, and the names of the parameters that were refused. `event`, `moment` and
    `src` are checked against what the data holds: its event ids, its number of key moments, its source ids.

    >>> parse_params({"t": "2023-01-09T17:00", "lang": "es", "view": "banana"})[1]
    ['view']
    """
    state, refused = ViewState(), []
    choices = {"lang": LANGUAGES, "view": tuple(VIEWS), "base": tuple(BASEMAPS), "mode": MODES}
    for name, raw in params.items():
        value = _first(raw)
        if name not in PARAM_KEYS:
            continue  # unknown parameters (e.g. from a link shortener) are ignored, not reported
        if len(value) > MAX_VALUE:
            refused.append(name)
        elif name == "t":
            if value in _STEP_BY_KEY:
                state = state.with_time(*_STEP_BY_KEY[value])
            else:
                refused.append(name)
        elif name in choices:
            if value in choices[name]:
                chosen: dict[str, Any] = {name: value}  # lang, view, base or mode: each a str field
                state = replace(state, **chosen)
            else:
                refused.append(name)
        elif name == "cats":
            cats = {c for c in value.split(",") if c}
            if cats <= set(CATEGORIES):
                state = replace(state, categories=frozenset(cats))
            else:
                refused.append(name)
        elif name == "event":
            if value in event_ids:
                state = replace(state, event=value)
            else:
                refused.append(name)
        elif name == "src":
            if value in source_ids:
                state = replace(state, source=value)
            else:
                refused.append(name)
        elif name == "moment":
            number = whole_number(value, 1, moments)
            if number is not None:
                state = replace(state, moment=number)
            else:
                refused.append(name)
    return state, refused


def to_params(state: ViewState) -> dict[str, str]:
    """The URL parameters that reproduce `state` (categories, event and source only when they narrow the view)."""
    params = {"t": step_key(state.t, state.scale), "lang": state.lang, "view": state.view, "base": state.base}
    if state.categories != frozenset(CATEGORIES):
        params["cats"] = ",".join(c for c in CATEGORIES if c in state.categories)
    if state.event:
        params["event"] = state.event
    if state.source:
        params["src"] = state.source
    if state.mode == "present":
        params.update(mode="present", moment=str(state.moment))
    return params
