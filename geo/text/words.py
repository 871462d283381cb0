"""The words the browser app is given, in one language: its time control's, its list's and its
downloads' (geo/web/app). One place for both hosts: the app's page and the exported page."""

from __future__ import annotations

from geo.data.vocab import CATEGORIES, COUNT_COLUMNS
from geo.text.i18n import STRINGS, text

_LIST_KEYS = (
    "list_heading",
    "list_at",
    "list_newest",
    "list_empty",
    "list_help",
    "new_badge",
    "not_mapped",
    "download_heading",
    "download_csv",
    "download_geojson",
    "download_png",
    "download_png_help",
    "download_making",
)


def control_words(lang: str, mode: str, scope: str = "", note: str = "") -> dict[str, str]:
    """The time control's buttons and names; `scope` says what the counters count (one sentence), `note` what
    they include (under "What is counted", `counted`)."""
    names = (
        ("previous", "next", "speed") if mode == "explore" else ("present_previous", "present_next", "present_seconds")
    )
    return {
        "previous": text(lang, names[0]),
        "next": text(lang, names[1]),
        "speed": text(lang, names[2]),
        "play": text(lang, "play"),
        "pause": text(lang, "pause"),
        "time": text(lang, "time"),
        "summary": text(lang, "summary_heading"),
        "scope": scope,
        "note": note,
        "counted": text(lang, "counts_what"),
    }


def counter_labels(lang: str, acled: bool = False) -> list[str]:
    """The four counters' names (ACLED's dead are not split into civilians and police)."""
    return [
        text(lang, "acled_killed") if acled and name == "civilians_killed" else text(lang, name)
        for name in COUNT_COLUMNS
    ]


_EVENT_KEYS = (
    "not_mapped",
    "sources_open",
    "sources_differ",
    "sources_differ_badge",
    "people_in_event",
    "link_new_tab",
)
_RECORD_KEYS = (
    "people_heading",
    "people_intro",
    "hrw_aggregates",
    "people_names",
    "people_age",
    "people_about",
    "people_shot",
    "people_died",
    "people_protesting",
    "people_event",
    "people_event_absent",
    "people_event_days",
    "scale_day",
    "people_sources",
    "sources_list_heading",
    "sources_list_count",
)


def event_words(lang: str) -> dict[str, str]:
    """What an event's details say around its fields, in a popup and in the list (geo/web/app/eventview.js)."""
    return (
        {key: STRINGS[lang][key] for key in _EVENT_KEYS}  # templates: the browser fills {n}
        | {"reported_by": text(lang, "details_reported_by"), "source": text(lang, "popup_quote")}
    )


def list_words(lang: str) -> dict[str, object]:
    """The list's and the downloads' words, an event's details' (`event_words`), and those of the record's
    lists: the people killed and every source."""
    return (
        {key: STRINGS[lang][key] for key in _LIST_KEYS + _RECORD_KEYS}  # templates: the browser fills {n}, {clock}
        | event_words(lang)
        | {"categories": {c: text(lang, f"category_{c}") for c in CATEGORIES}}
    )
