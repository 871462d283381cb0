"""The words the browser app is given, in one language: its time control's, its list's and its
downloads' (geo/web/app). One place for both hosts: the app's page and the exported page."""

from __future__ import annotations

from geo.data.vocab import CATEGORIES, COUNT_COLUMNS
from geo.text.i18n import STRINGS, text

_LIST_KEYS = ("list_heading", "list_at", "list_newest", "list_empty", "list_help", "new_badge", "not_mapped",
              "download_heading", "download_csv", "download_geojson", "download_png", "download_png_help",
              "download_making")


def control_words(lang: str, mode: str, scope: str = "", note: str = "") -> dict[str, str]:
    """The time control's buttons and names; `scope` says what the counters count (one sentence), `note` what
    they include (under "What is counted", `counted`)."""
    names = ("previous", "next", "speed") if mode == "explore" else ("present_previous", "present_next", "present_seconds")
    return {"previous": text(lang, names[0]), "next": text(lang, names[1]), "speed": text(lang, names[2]),
            "play": text(lang, "play"), "pause": text(lang, "pause"), "time": text(lang, "time"),
            "summary": text(lang, "summary_heading"), "scope": scope, "note": note, "counted": text(lang, "counts_what")}


def counter_labels(lang: str, acled: bool = False) -> list[str]:
    """The four counters' names (ACLED's dead are not split into civilians and police)."""
    return [text(lang, "acled_killed") if acled and name == "civilians_killed" else text(lang, name)
            for name in COUNT_COLUMNS]


def list_words(lang: str) -> dict:
    """The list's and the downloads' words, and what an event's details say around its fields."""
    return ({key: STRINGS[lang][key] for key in _LIST_KEYS}  # templates: the browser fills {n} and {clock}
            | {"reported_by": text(lang, "details_reported_by"), "source": text(lang, "popup_quote"),
               "categories": {c: text(lang, f"category_{c}") for c in CATEGORIES}})
