"""The controlled vocabularies and limits of the two data files (docs/data.md: "Data dictionary")."""

from __future__ import annotations

from geo.data.languages import LANGUAGES


def per_language(*names: str) -> tuple[str, ...]:
    """The columns holding each of `names` in every language: ('title_en', 'title_es', ...)."""
    return tuple(f"{name}_{lang}" for name in names for lang in LANGUAGES)


QUOTE_LANGUAGE = "en"  # the seed article's language: its phrases are quoted in it
# Our translation of the quoted phrase into each other language, shown under it and marked as ours.
QUOTE_TRANSLATIONS = tuple(f"source_quote_{lang}" for lang in LANGUAGES if lang != QUOTE_LANGUAGE)
EVENT_COLUMNS = (
    "id",
    "start",
    "end",
    "time_precision",
    "place_id",
    "origin_place_id",
    "category",
    *per_language("title", "summary"),
    "civilians_killed",
    "civilians_injured",
    "police_killed",
    "police_injured",
    "claim_status",
    "reported_by",
    "source_section",
    "source_quote",
    *QUOTE_TRANSLATIONS,
    "time_inferred",
    "count_qualifier",
    "sources",
)
# Columns a file may leave out (they are read as empty): added after files in the schema existed. `sources` is
# written by the CSV download (the event's sources as text) and lets an upload cite its own.
OPTIONAL_EVENT_COLUMNS = ("time_inferred", "count_qualifier", "sources", *QUOTE_TRANSLATIONS)
MAX_SOURCES_TEXT = 4000
# Written by the CSV download, ignored when such a file is read back: derived, never data.
EXPORT_ONLY_COLUMNS = ("counted_in_toll",)
PLACE_PROPERTIES = ("id", *per_language("name"), "kind", "role", "geo_precision", "source")

COUNT_COLUMNS = ("civilians_killed", "civilians_injured", "police_killed", "police_injured")

CATEGORIES = (
    "march",
    "protest",
    "clash",
    "shooting",
    "casualty",
    "looting",
    "arrest",
    "deployment",
    "government",
    "statement",
    "investigation",
    "context",
)
# `undated` is ours: the source reports some statements and findings without any date.
# `after`: "then", after a known time; `after_around`: after an approximate one ("around noon ... then");
# `drawn`: a day the source gives, drawn at a time that is a drawing rule (the marches), not the source's.
TIME_PRECISIONS = ("minute", "hour", "after", "after_around", "part_of_day", "day", "drawn", "month", "undated")
# What the source leaves to inference (issue 9, rule 1): its order of telling gives the date or the time.
TIME_INFERRED = ("date", "time")
# A count that is a bound, as the source words it: "over 100", "at least 17".
COUNT_QUALIFIERS = ("over", "at_least")
# `party_claim`: an account by a party to the events who is not an official (protesters, an officer's own
# story among contradictory ones); `official_claim`: an official's or a government's.
CLAIM_STATUSES = ("reported", "official_claim", "party_claim", "disputed")
PLACE_KINDS = ("airport", "city", "town", "province", "landmark")

# The record's sources (docs/data.md, "The sources"): what kind of text each is, what it does for an event,
# what sources can differ on, how a reported count is worded, and whether a person killed was protesting.
SOURCE_KINDS = (
    "encyclopedia",
    "official_statement",
    "press_report",
    "human_rights_report",
    "retrospective_investigation",
)
CITATION_ROLES = ("reports", "confirms", "adds_detail", "contradicts")
READING_ASPECTS = ("time", "place", "count", "what", "cause", "who")
FIGURE_QUALIFIERS = ("over", "at_least", "about")
PROTESTING = ("yes", "no", "unclear", "not_stated", "on_duty")
PLACE_ROLES = ("site", "origin", "context")
GEO_PRECISIONS = ("exact", "town", "province")

# Text limits: long enough for any sentence we write, short enough to refuse a pasted document.
MAX_TITLE = 160
MAX_SUMMARY = 1200
MAX_SHORT_TEXT = 300
MAX_QUOTE_WORDS = 15
MAX_COUNT = 1_000_000

# Plausible time span for any event this app maps (uploads included).
EARLIEST_YEAR = 2000
LATEST_YEAR = 2035

# Where the mapped places may lie: Peru and its borders (lon, lat). A point outside whose
# swapped (lat, lon) falls inside was almost certainly entered in the wrong order.
PERU_BOUNDS = (-81.5, -18.5, -68.5, 0.1)
