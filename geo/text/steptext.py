"""The words each step of the time control carries beside the map, computed here once per dataset, scale,
language and source choice (the browser only shows them, so a step costs it no more):

- `reported_lines`: under the counters, the latest figures reported by the step's time, with who gave them;
- `credit_lines`: the credit of exactly the sources of the events the step shows (after the filter and the
  source choice), for the credit line of a picture of that step.

Pure functions of the index; the app caches them per dataset (ui/common.py), the exports compute them once.
"""

from __future__ import annotations

import pandas as pd

from geo.model.params import steps_for
from geo.model.timeline import EventIndex, Scale, reported_at, state_at, toll_start
from geo.text.sources import credit_of, reported_line


def reported_lines(index: EventIndex, scale: Scale, lang: str, source: str | None = None) -> list[str]:
    """Per step of `scale`: 'Latest figures reported by this time: 9 killed (Defensoría del Pueblo)', or ''
    before any; only the figures `source` reports when one is chosen.

    >>> from geo.data.load import load_dataset
    >>> from geo.model.timeline import index_events
    >>> data = load_dataset()
    >>> reported_lines(index_events(data.events, data.places, data.record), "hour", "en")[15]
    'Latest figures reported by this time: 9 killed (Defensoría del Pueblo); over 20 injured (La República)'
    """
    start = toll_start(scale)
    return [reported_line(reported_at(index, t, start, source), lang) for t in steps_for(scale)]


def credit_at(
    index: EventIndex,
    t: pd.Timestamp,
    scale: Scale,
    lang: str,
    categories: frozenset[str] | None = None,
    source: str | None = None,
) -> str:
    """The credit of the sources of the events shown at step `t` ('Sources: Wikipedia, “Juliaca massacre”
    (CC BY-SA 4.0); La República; … and 9 more, in the list of sources'), no full stop."""
    visible = state_at(index, t, categories=categories, source=source).visible
    return credit_of(index.record, visible, lang, sentence=False)


def credit_lines(
    index: EventIndex, scale: Scale, lang: str, categories: frozenset[str] | None = None, source: str | None = None
) -> list[str]:
    """Per step of `scale`: `credit_at`."""
    return [credit_at(index, t, scale, lang, categories, source) for t in steps_for(scale)]
