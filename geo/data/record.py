"""The record beyond one source: who says what, checked like every other data file.

Five files sit beside `events.csv` in a data folder (docs/data.md, "The sources"):

- `sources.csv`: one row per source (a page, a statement, a report), with its outlet, date and URL;
- `citations.csv`: which source supports which event, in what role, and where in the source;
- `readings.csv`: where sources differ on an event (its time, place, count or what happened), each reading
  with the sources that hold it;
- `figures.csv`: the counts reported through the day, each on the event of its report;
- `people.csv`: the people killed, each with the sources that name them;
- `article_view.csv` (optional): where the article alone puts an event whose time or place the record
  takes from other sources, so that "the article only" (`article_view`) is the map as it stood on the
  article alone.

The seed, the English Wikipedia article, is one source (`SEED`): an event's citation of it is the verbatim
quote and section in `events.csv`, as before. Every other source is cited by URL and paragraph, in our
own words. A folder without `sources.csv` (an upload) has no record: its events carry their own
`source_section` and `source_quote`.

Checks name the file, the line, the column, the value and the fix, as `geo.data.load` does.
Nothing here touches the network.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path

import pandas as pd

from geo.data import vocab
from geo.data.csvrows import read_records, read_text_checked
from geo.data.languages import LANGUAGES
from geo.data.problems import DataError, Problem

SEED = "wikipedia_en"  # the English Wikipedia article "Juliaca massacre", the record's first source
RECORD_FILES = ("sources.csv", "citations.csv", "readings.csv", "figures.csv", "people.csv")

SOURCE_COLUMNS = (
    "id",
    *vocab.per_language("title"),
    "publisher",
    "published",
    "url",
    "language",
    "kind",
    "origin",
    "retrospective",
    "notes",
)
CITATION_COLUMNS = ("event_id", "source_id", "role", "locator", *vocab.per_language("said_by", "note"))
READING_COLUMNS = ("event_id", "aspect", "source_ids", *vocab.per_language("text"))
FIGURE_COLUMNS = ("event_id", "measure", "value", "qualifier", *vocab.per_language("said_by"))
ARTICLE_VIEW_COLUMNS = ("event_id", "start", "time_precision", "time_inferred", "place_id")
PEOPLE_COLUMNS = (
    "id",
    "name",
    *vocab.per_language("label"),
    "minor",
    "names",
    "ages",
    "event_id",
    "place_id",
    *vocab.per_language("about", "shot", "died", "protesting_text"),
    "protesting",
)

_SLUG = re.compile(r"[a-z0-9][a-z0-9_]{0,79}")
_DATE = re.compile(r"\d{4}(-\d{2}(-\d{2})?)?")
_URL = re.compile(r"https?://[^\s<>\"'`]{3,600}")
_LANGUAGE = re.compile(r"[a-z]{2}")
# "Ana María Quispe [outlet_a outlet_b]; Ana Quispe [outlet_c]": a value and the sources that give it.
_ATTRIBUTED = re.compile(r"\s*([^\[\];]+?)\s*\[([a-z0-9_ ]+)\]\s*")
_REFERENCE = re.compile(r"\[\[([a-z0-9_]+)\]\]")  # a source named inside a text: [[larepublica_20230112]]


@dataclass(frozen=True)
class Source:
    """One source: where it was published, when, and who first said what it carries."""

    id: str
    title: dict[str, str]
    publisher: str
    published: str  # 2023-01-10, 2023-01 or 2023: as exactly as the page shows it; "" when it shows none
    url: str
    language: str
    kind: str
    origin: str  # who first reported it, for a reprint or a relay (a wire, an outlet); else ""
    retrospective: bool
    notes: str

    @property
    def independent_of(self) -> str:
        """What this source's reporting is one voice of: its origin (a wire, the outlet it relays) or itself."""
        return self.origin or self.publisher


@dataclass(frozen=True)
class Citation:
    """A source for an event: what it does for the event, where in the source, and who originally said it."""

    event_id: str
    source_id: str
    role: str  # reports, confirms, contradicts, adds_detail
    locator: str  # the seed: its section; any other source: the paragraph of the stored page
    said_by: dict[str, str] = field(default_factory=dict)  # whom the source credits, per language: the
    # Defensoría quoted by three outlets is one voice
    note: dict[str, str] = field(default_factory=dict)  # what it says, in our words, when it adds or contradicts
    quote: str = ""  # the seed only: a verbatim phrase of at most 15 words


@dataclass(frozen=True)
class Reading:
    """One reading of an event where sources differ: what it says, and which sources hold it."""

    event_id: str
    aspect: str  # time, place, count, what, cause
    source_ids: tuple[str, ...]
    text: dict[str, str]


@dataclass(frozen=True)
class Figure:
    """A count as it was reported at the time of its event: 9 killed, per the Defensoría, in the afternoon."""

    event_id: str
    measure: str  # one of COUNT_COLUMNS
    value: int
    qualifier: str  # "", over, at_least, about
    said_by: dict[str, str]  # who gave it, per language: the Defensoría, a health network, a minister


@dataclass(frozen=True)
class Person:
    """A person killed, as the sources name and describe them."""

    id: str
    name: str  # "" when not named: a minor, or a name too few sources give
    label: dict[str, str]  # who they were, in words, when not named ("a girl of 17")
    minor: bool
    names: tuple[tuple[str, tuple[str, ...]], ...]  # (spelling, its sources); empty for a minor
    ages: tuple[tuple[str, tuple[str, ...]], ...]  # (age as given, its sources)
    event_id: str
    place_id: str
    about: dict[str, str]  # who they were, as the sources describe them
    shot: dict[str, str]
    died: dict[str, str]
    protesting: str  # yes, no, unclear, not_stated
    protesting_text: dict[str, str]

    @property
    def source_ids(self) -> tuple[str, ...]:
        """Every source that names or describes the person, in first-mention order."""
        seen: dict[str, None] = {}
        for _, ids in (*self.names, *self.ages):
            seen.update(dict.fromkeys(ids))
        for text in (*self.about.values(), *self.shot.values(), *self.died.values(), *self.protesting_text.values()):
            seen.update(dict.fromkeys(_REFERENCE.findall(text)))
        return tuple(seen)


@dataclass(frozen=True)
class Record:
    """The sources and what each says about the events; empty for a dataset that brings none."""

    sources: dict[str, Source] = field(default_factory=dict)
    citations: tuple[Citation, ...] = ()
    readings: tuple[Reading, ...] = ()
    figures: tuple[Figure, ...] = ()
    people: tuple[Person, ...] = ()
    article: dict[str, dict[str, str]] = field(default_factory=dict)  # event id -> the article's own time and place

    def __bool__(self) -> bool:
        return bool(self.sources)

    def citations_of(self, event_id: str) -> list[Citation]:
        return [c for c in self.citations if c.event_id == event_id]

    def readings_of(self, event_id: str) -> list[Reading]:
        return [r for r in self.readings if r.event_id == event_id]

    def voice(self, citation: Citation) -> str:
        """Who a citation is the voice of: the person or body it credits, else its source's origin."""
        return citation.said_by.get("en") or self.sources[citation.source_id].independent_of

    def independent_count(self, event_id: str) -> int:
        """How many independent voices report the event (a reprint, a relay or a quoted statement is one)."""
        return len({self.voice(c) for c in self.citations_of(event_id) if c.role != "contradicts"})


# --- reading the files -----------------------------------------------------------------------------


def _rows(
    path: Path, columns: tuple[str, ...], refused: frozenset[str] = frozenset()
) -> list[tuple[int, dict[str, str]]]:
    """The records of a small CSV file as (line, {column: cell}); a wrong header is fatal, a ragged row is named.
    Rows about an event that events.csv refused (`refused`) are left out: its own problem says why."""
    records = read_records(read_text_checked(path), path.name)
    header = [h.strip() for h in next(records, (1, []))[1]]
    missing = [c for c in columns if c not in header]
    unknown = [c for c in header if c not in columns]
    if missing or unknown or len(set(header)) != len(header):
        raise DataError(
            [Problem(path.name, "line 1", "", ",".join(header), "expected the header: " + ",".join(columns))]
        )
    rows, problems = [], []
    for line, cells in records:
        if not any(c.strip() for c in cells):
            continue
        if len(cells) != len(header):
            problems.append(
                Problem(
                    path.name,
                    f"line {line}",
                    "",
                    f"{len(cells)} fields",
                    f"expected {len(header)} comma-separated fields, like the header",
                )
            )
            continue
        row = dict(zip(header, (c.strip() for c in cells), strict=True))
        if row.get("event_id") not in refused:
            rows.append((line, row))
    if problems:
        raise DataError(problems)
    return rows


Check = Callable[[str], str | None]  # a cell's problem, in words, or None


def _required(limit: int = vocab.MAX_SHORT_TEXT) -> Check:
    return lambda v: (
        "this column must not be empty"
        if not v
        else (f"expected at most {limit} characters" if len(v) > limit else None)
    )


def _optional(limit: int = vocab.MAX_SHORT_TEXT) -> Check:
    return lambda v: f"expected at most {limit} characters" if len(v) > limit else None


def _one_of(values: Iterable[str], *, required: bool = True) -> Check:
    allowed = tuple(values)
    return lambda v: None if v in allowed or (not required and not v) else "expected one of: " + ", ".join(allowed)


def _pattern(regex: re.Pattern[str], example: str) -> Check:
    return lambda v: None if regex.fullmatch(v) else f"expected something like {example}"


def _cells(file: str, line: int, row: dict[str, str], checks: dict[str, Check]) -> list[Problem]:
    return [
        Problem(file, f"line {line}", column, row[column], why)
        for column, check in checks.items()
        if (why := check(row[column]))
    ]


def _attributed(value: str) -> tuple[tuple[str, tuple[str, ...]], ...] | None:
    """'a [s1 s2]; b [s3]' as (('a', ('s1', 's2')), ('b', ('s3',))), or None if it is not of that form."""
    parts = [p for p in value.split(";") if p.strip()] if value else []
    matched = [_ATTRIBUTED.fullmatch(p) for p in parts]
    if not all(matched):
        return None
    return tuple((m.group(1), tuple(m.group(2).split())) for m in matched if m)


_TEXT = _required(vocab.MAX_SUMMARY)


def load_record(
    folder: Path | str, events: pd.DataFrame, place_ids: Iterable[str], file_ids: Iterable[str] = ()
) -> tuple[Record, list[Problem]]:
    """The record of `folder` checked against its events and places: (Record, problems).

    A folder without `sources.csv` has no record (an empty Record). A row with a problem is left out and
    its problem returned; a file that cannot be read at all raises DataError. `file_ids` are every id in
    events.csv, refused rows included: a citation of a refused event is not a second problem.
    """
    folder = Path(folder)
    if not (folder / "sources.csv").is_file():
        return Record(), []
    problems: list[Problem] = []
    sources, source_lines = _load_sources(folder / "sources.csv", problems)
    event_ids = set(events["id"])
    refused = frozenset(set(file_ids) - event_ids)
    seed_quoted = set(events.loc[events["source_quote"].astype(str).str.strip() != "", "id"])
    citations = _load_citations(folder / "citations.csv", event_ids, sources, problems, refused)
    cited = {(c.event_id, c.source_id) for c in citations} | {(e, SEED) for e in seed_quoted}
    readings = _load_readings(folder / "readings.csv", cited, problems, refused)
    figures = _load_figures(folder / "figures.csv", event_ids, problems, refused)
    people = _load_people(folder / "people.csv", event_ids | refused, set(place_ids), sources, problems)
    article = (
        _load_article_view(folder / "article_view.csv", seed_quoted, set(place_ids), problems, refused)
        if (folder / "article_view.csv").is_file()
        else {}
    )
    seed_citations = tuple(
        Citation(row.id, SEED, "reports", row.source_section, quote=row.source_quote)
        for row in events.itertuples(index=False)
        if row.id in seed_quoted
    )
    used = {c.source_id for c in citations} | {i for p in people for i in p.source_ids} | {SEED}
    problems += [
        Problem(
            "sources.csv",
            f"line {line}",
            "id",
            source_id,
            "no event or person cites this source: cite it in citations.csv or people.csv, or remove its row",
        )
        for source_id, line in source_lines.items()
        if source_id not in used
    ]
    line_of = dict(zip(events["id"], events["line"], strict=True))
    problems += [
        Problem(
            "events.csv",
            f"line {line_of[e]}",
            "id",
            e,
            "no source: add its rows to citations.csv, or the seed's source_section and source_quote",
        )
        for e in sorted(set(line_of) - {e for e, _ in cited})
    ]
    return Record(
        sources, seed_citations + tuple(citations), tuple(readings), tuple(figures), tuple(people), article
    ), problems


def _load_sources(path: Path, problems: list[Problem]) -> tuple[dict[str, Source], dict[str, int]]:
    """The valid sources by id, and the line of each id (for later messages)."""
    checks: dict[str, Check] = {
        "id": _pattern(_SLUG, "larepublica_20230112"),
        **{c: _required() for c in vocab.per_language("title")},
        "publisher": _required(120),
        "published": lambda v: (
            None
            if not v or _DATE.fullmatch(v)
            else "expected 2023-01-10, or 2023-01 or 2023 when the page gives no more, or empty when it shows no date"
        ),
        "url": _pattern(_URL, "https://larepublica.pe/... (http or https, no spaces or quotes)"),
        "language": _pattern(_LANGUAGE, "es (the page's language, ISO 639-1)"),
        "kind": _one_of(vocab.SOURCE_KINDS),
        "origin": _optional(120),
        "retrospective": _one_of(("yes", "no")),
        "notes": _optional(600),
    }
    out: dict[str, Source] = {}
    lines: dict[str, int] = {}
    for line, row in _rows(path, SOURCE_COLUMNS):
        lines.setdefault(row["id"], line)
        found = _cells(path.name, line, row, checks)
        if row["id"] in out:
            found.append(Problem(path.name, f"line {line}", "id", row["id"], "duplicate id: give each source its own"))
        problems += found
        if not found:
            out[row["id"]] = Source(
                row["id"],
                {lang: row[f"title_{lang}"] for lang in LANGUAGES},
                row["publisher"],
                row["published"],
                row["url"],
                row["language"],
                row["kind"],
                row["origin"],
                row["retrospective"] == "yes",
                row["notes"],
            )
    if SEED not in out:
        problems.append(Problem(path.name, "file", "id", SEED, "the seed article must be a source: add its row"))
    return out, lines


def _load_citations(
    path: Path, event_ids: set[str], sources: dict[str, Source], problems: list[Problem], refused: frozenset[str]
) -> list[Citation]:
    checks: dict[str, Check] = {
        "event_id": _one_of(event_ids),
        "source_id": _one_of(sources),
        "role": _one_of(vocab.CITATION_ROLES),
        "locator": _required(120),
        **{c: _optional(160) for c in vocab.per_language("said_by")},
        **{c: _optional(vocab.MAX_SUMMARY) for c in vocab.per_language("note")},
    }
    checks["event_id"] = lambda v: None if v in event_ids else "not an id in events.csv"
    checks["source_id"] = lambda v: None if v in sources else "not an id in sources.csv"
    out, seen = [], set()
    for line, row in _rows(path, CITATION_COLUMNS, refused):
        found = _cells(path.name, line, row, checks)
        where = f"line {line}"
        for name in ("note", "said_by"):
            cells = [row[c] for c in vocab.per_language(name)]
            if any(cells) and not all(cells):
                found.append(
                    Problem(
                        path.name,
                        where,
                        f"{name}_{LANGUAGES[-1]}",
                        cells[-1],
                        f"'{name}' needs every language, or none",
                    )
                )
        notes = [row[c] for c in vocab.per_language("note")]
        if row["role"] in ("contradicts", "adds_detail") and not all(notes):
            found.append(
                Problem(
                    path.name,
                    where,
                    "note_en",
                    row["note_en"],
                    f"a source whose role is {row['role']} needs a note saying what it says, in every language",
                )
            )
        if row["source_id"] == SEED:
            found.append(
                Problem(
                    path.name,
                    where,
                    "source_id",
                    SEED,
                    "the seed is cited in events.csv (source_section and source_quote), not here",
                )
            )
        if (row["event_id"], row["source_id"]) in seen:
            found.append(
                Problem(
                    path.name,
                    where,
                    "source_id",
                    row["source_id"],
                    "this source is already cited for this event: one row per event and source",
                )
            )
        seen.add((row["event_id"], row["source_id"]))
        problems += found
        if not found:
            out.append(
                Citation(
                    row["event_id"],
                    row["source_id"],
                    row["role"],
                    row["locator"],
                    {lang: row[f"said_by_{lang}"] for lang in LANGUAGES if row[f"said_by_{lang}"]},
                    {lang: row[f"note_{lang}"] for lang in LANGUAGES if row[f"note_{lang}"]},
                )
            )
    return out


def _load_readings(
    path: Path, cited: set[tuple[str, str]], problems: list[Problem], refused: frozenset[str]
) -> list[Reading]:
    checks: dict[str, Check] = {
        "aspect": _one_of(vocab.READING_ASPECTS),
        **{c: _TEXT for c in vocab.per_language("text")},
    }
    out = []
    for line, row in _rows(path, READING_COLUMNS, refused):
        found = _cells(path.name, line, row, checks)
        ids = tuple(row["source_ids"].split())
        if not ids:
            found.append(
                Problem(
                    path.name,
                    f"line {line}",
                    "source_ids",
                    "",
                    "name the sources that hold this reading, separated by spaces",
                )
            )
        for source_id in ids:
            if (row["event_id"], source_id) not in cited:
                found.append(
                    Problem(
                        path.name,
                        f"line {line}",
                        "source_ids",
                        source_id,
                        f"not a source of {row['event_id']}: cite it in citations.csv first",
                    )
                )
        problems += found
        if not found:
            out.append(Reading(row["event_id"], row["aspect"], ids, {lang: row[f"text_{lang}"] for lang in LANGUAGES}))
    by_aspect: dict[tuple[str, str], int] = {}
    for reading in out:
        by_aspect[(reading.event_id, reading.aspect)] = by_aspect.get((reading.event_id, reading.aspect), 0) + 1
    lonely = {key for key, n in by_aspect.items() if n < 2}
    problems += [
        Problem(
            path.name,
            "file",
            "aspect",
            f"{e} {a}",
            "one reading is not a disagreement: add the other reading, or put what the source adds in citations.csv",
        )
        for e, a in sorted(lonely)
    ]
    return [r for r in out if (r.event_id, r.aspect) not in lonely]


def _load_figures(path: Path, event_ids: set[str], problems: list[Problem], refused: frozenset[str]) -> list[Figure]:
    checks: dict[str, Check] = {
        "event_id": lambda v: None if v in event_ids else "not an id in events.csv",
        "measure": _one_of(vocab.COUNT_COLUMNS),
        "value": lambda v: (
            None
            if v.isascii() and v.isdigit() and int(v) <= vocab.MAX_COUNT
            else f"expected a whole number from 0 to {vocab.MAX_COUNT}"
        ),
        "qualifier": _one_of(vocab.FIGURE_QUALIFIERS, required=False),
        **{c: _required(160) for c in vocab.per_language("said_by")},
    }
    out = []
    for line, row in _rows(path, FIGURE_COLUMNS, refused):
        found = _cells(path.name, line, row, checks)
        problems += found
        if not found:
            out.append(
                Figure(
                    row["event_id"],
                    row["measure"],
                    int(row["value"]),
                    row["qualifier"],
                    {lang: row[f"said_by_{lang}"] for lang in LANGUAGES},
                )
            )
    return out


def _load_people(
    path: Path, event_ids: set[str], place_ids: set[str], sources: dict[str, Source], problems: list[Problem]
) -> list[Person]:
    texts = vocab.per_language("about", "shot", "died", "protesting_text")
    checks: dict[str, Check] = {
        "id": _pattern(_SLUG, "person_01"),
        "name": _optional(160),
        "minor": _one_of(("yes", "no")),
        **{c: _optional(300) for c in vocab.per_language("label")},
        "event_id": lambda v: None if not v or v in event_ids else "not an id in events.csv",
        "place_id": lambda v: None if not v or v in place_ids else "not an id in places.geojson",
        "protesting": _one_of(vocab.PROTESTING),
        **{c: _optional(vocab.MAX_SUMMARY) for c in texts},
    }
    out, seen = [], set()
    for line, row in _rows(path, PEOPLE_COLUMNS):
        where = f"line {line}"
        found = _cells(path.name, line, row, checks)
        names, ages = _attributed(row["names"]), _attributed(row["ages"])
        for column, parsed in (("names", names), ("ages", ages)):
            if parsed is None:
                found.append(
                    Problem(
                        path.name, where, column, row[column], "expected 'value [source_id ...]; value [source_id ...]'"
                    )
                )
        referenced = [i for _, ids in (names or ()) + (ages or ()) for i in ids]
        referenced += [i for c in texts for i in _REFERENCE.findall(row[c])]
        found += [Problem(path.name, where, "", i, "not an id in sources.csv") for i in referenced if i not in sources]
        if row["id"] in seen:
            found.append(Problem(path.name, where, "id", row["id"], "duplicate id"))
        seen.add(row["id"])
        if not found and names is not None and ages is not None:
            found += _naming_problems(path.name, where, row, names, sources)
        problems += found
        if not found and names is not None and ages is not None:
            out.append(
                Person(
                    row["id"],
                    row["name"],
                    {lang: row[f"label_{lang}"] for lang in LANGUAGES},
                    row["minor"] == "yes",
                    names,
                    ages,
                    row["event_id"],
                    row["place_id"],
                    about={lang: row[f"about_{lang}"] for lang in LANGUAGES},
                    shot={lang: row[f"shot_{lang}"] for lang in LANGUAGES},
                    died={lang: row[f"died_{lang}"] for lang in LANGUAGES},
                    protesting=row["protesting"],
                    protesting_text={lang: row[f"protesting_text_{lang}"] for lang in LANGUAGES},
                )
            )
    return out


_ISO = re.compile(r"\d{4}-\d{2}-\d{2}T\d{2}:\d{2}[+-]\d{2}:\d{2}")


def _load_article_view(
    path: Path, seed_quoted: set[str], place_ids: set[str], problems: list[Problem], refused: frozenset[str]
) -> dict[str, dict[str, str]]:
    def when(value: str) -> str | None:
        if not _ISO.fullmatch(value):
            return "expected an ISO 8601 time with its UTC offset, e.g. 2023-01-11T06:00-05:00"
        try:
            pd.Timestamp(value)
        except ValueError:
            return "not a real date and time"
        return None

    checks: dict[str, Check] = {
        "event_id": lambda v: (
            None if v in seed_quoted else "not an event the article reports (it has no source_quote in events.csv)"
        ),
        "start": when,
        "time_precision": _one_of(vocab.TIME_PRECISIONS),
        "time_inferred": _one_of(vocab.TIME_INFERRED, required=False),
        "place_id": lambda v: None if not v or v in place_ids else "not an id in places.geojson",
    }
    out: dict[str, dict[str, str]] = {}
    for line, row in _rows(path, ARTICLE_VIEW_COLUMNS, refused):
        found = _cells(path.name, line, row, checks)
        if row["event_id"] in out:
            found.append(Problem(path.name, f"line {line}", "event_id", row["event_id"], "one row per event"))
        problems += found
        if not found:
            out[row["event_id"]] = {c: row[c] for c in ARTICLE_VIEW_COLUMNS[1:]}
    return out


def article_view(events: pd.DataFrame, record: Record) -> tuple[pd.DataFrame, Record]:
    """The map on the article alone: the events it reports, at the time and place it gives them where the
    record follows other sources (`article_view.csv`), and a record of the article only.

    >>> from geo.data.load import load_dataset
    >>> data = load_dataset()
    >>> events, seed = article_view(data.events, data.record)
    >>> len(events) < len(data.events), list(seed.sources)
    (True, ['wikipedia_en'])
    >>> str(events.set_index("id").loc["officer_found_dead", "start"])
    '2023-01-11 06:00:00-05:00'
    """
    cited = {c.event_id for c in record.citations if c.source_id == SEED}
    out = events[events["id"].isin(cited)].copy()
    for event_id, own in record.article.items():
        rows = out.index[out["id"] == event_id]
        out.loc[rows, "start"] = pd.Timestamp(own["start"]).tz_convert(out["start"].dt.tz)
        for column in ("time_precision", "time_inferred", "place_id"):
            out.loc[rows, column] = own[column]
    out = out.sort_values(["start", "line"], kind="stable").reset_index(drop=True)
    seed = Record({SEED: record.sources[SEED]}, tuple(c for c in record.citations if c.source_id == SEED))
    return out, seed


def sources_line(record: Record, event_id: str) -> str:
    """An event's sources as one line of plain text, for the CSV download: 'Outlet, date, link' each,
    separated by ' | ', the seed with its section; the sources that contradict it are marked.

    >>> from geo.data.load import load_dataset
    >>> line = sources_line(load_dataset().record, "first_death_14h")
    >>> line.startswith("Wikipedia (English), section Events, https://en.wikipedia.org/wiki/Juliaca_massacre | ")
    True
    """
    parts = []
    for citation in sorted(record.citations_of(event_id), key=lambda c: c.source_id != SEED):
        source = record.sources[citation.source_id]
        where = f"section {citation.locator}, " if citation.source_id == SEED else ""
        date = f"{source.published}, " if source.published else ""
        mark = " (contradicts)" if citation.role == "contradicts" else ""
        parts.append(f"{source.publisher}, {date}{where}{source.url}{mark}")
    return " | ".join(parts)


def official(source: Source) -> bool:
    """Whether a source is an official body's own statement (a ministry, the Defensoría, the prosecutors)."""
    return source.kind == "official_statement"


def _naming_problems(
    file: str,
    where: str,
    row: dict[str, str],
    names: tuple[tuple[str, tuple[str, ...]], ...],
    sources: dict[str, Source],
) -> list[Problem]:
    """The naming rule (docs/data.md): a name only where two independent sources, or one official body, give it:
    each word of the name shown is in the spellings of two independent voices, allowing a spelling's difference
    (Huarancca, Huaranca); every spelling is shown with its sources. A minor is never named, as the most
    protective sources do."""
    labels = [row[c] for c in vocab.per_language("label")]
    young = [
        age
        for age, _ in _attributed(row["ages"]) or ()
        if age.split(",")[0].strip().isdigit() and int(age.split(",")[0]) < 18
    ]
    if young and row["minor"] != "yes":
        return [
            Problem(
                file,
                where,
                "minor",
                row["minor"],
                f"a source gives the age {young[0]}: mark the person minor = yes, and do not name them",
            )
        ]
    if row["minor"] == "yes" and (names or row["name"]):
        return [
            Problem(
                file,
                where,
                "name",
                row["name"] or row["names"],
                "a minor is not named (docs/data.md): leave "
                "'name' and 'names' empty and say who they were in label_en and label_es",
            )
        ]
    if not row["name"]:
        return (
            []
            if all(labels) and not names
            else [
                Problem(
                    file,
                    where,
                    "label_en",
                    row["label_en"],
                    "a person who is not named needs label_en and label_es (who they were, in words) and no 'names'",
                )
            ]
        )
    if row["name"] not in dict(names):
        return [Problem(file, where, "name", row["name"], "the name shown must be one of the spellings in 'names'")]
    if any(official(sources[i]) for _, ids in names for i in ids):
        return []
    unsupported = [word for word in _words(row["name"]) if len(_voices_for(word, names, sources)) < 2]
    if unsupported:
        return [
            Problem(
                file,
                where,
                "name",
                row["name"],
                f"'{unsupported[0]}' is given by fewer than two independent "
                "voices: each word of a name shown needs two independent sources (spellings may differ "
                "slightly) or an official body: show a form of the name that two voices give, or describe the person "
                "without a name, in label_en and label_es",
            )
        ]
    return []


def _words(name: str) -> list[str]:
    """The words of a name, lowercase and without accents: 'Samillán' -> 'samillan'."""
    plain = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode().lower()
    return re.findall(r"[a-z]+", plain)


def _close(a: str, b: str) -> bool:
    """Whether two words of a name are one spelling apart: at most one edit (two for words of 6 letters or more)."""
    limit = 2 if min(len(a), len(b)) >= 6 else 1
    if abs(len(a) - len(b)) > limit:
        return False
    previous = list(range(len(b) + 1))
    for i, x in enumerate(a, 1):
        current = [i]
        for j, y in enumerate(b, 1):
            current.append(min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (x != y)))
        previous = current
    return previous[-1] <= limit


def _voices_for(word: str, names: tuple[tuple[str, tuple[str, ...]], ...], sources: dict[str, Source]) -> set[str]:
    """The independent voices whose spelling of the name has this word, or one a spelling away.

    >>> src = {i: Source(i, {}, p, "", "", "es", "press_report", "", False, "") for i, p in
    ...        (("a", "Outlet A"), ("b", "Outlet B"), ("c", "Outlet C"))}
    >>> names = (("Ghiovanny Illanes Ramos", ("a",)), ("Giovanni Gustavo Illanes Ramos", ("b",)),
    ...          ("Roger Cayó", ("c",)))
    >>> sorted(_voices_for("ghiovanny", names, src)), sorted(_voices_for("callo", names, src))
    (['Outlet A', 'Outlet B'], [])
    """
    return {
        sources[i].independent_of
        for spelling, ids in names
        if any(_close(word, w) for w in _words(spelling))
        for i in ids
    }


def references(text: str) -> list[str]:
    """The source ids named inside a text as [[id]].

    >>> references("shot near the airport [[larepublica_20230112]], or two blocks away [[timenews]]")
    ['larepublica_20230112', 'timenews']
    """
    return _REFERENCE.findall(text)


def replace_references(text: str, name: Callable[[str], str]) -> str:
    """`text` with each [[id]] replaced by `name(id)`, e.g. '(La República, 12 January 2023)'."""
    return _REFERENCE.sub(lambda m: name(m.group(1)), text)
