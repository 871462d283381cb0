"""The record's sources in words: who says what about an event, where sources differ, what was known when.

Pure functions of the record (`geo.data.record`) and a language. The browser gets the same records as JSON
(the popups and the list), the exports as text; every value is text, never markup.
"""

from __future__ import annotations

import datetime
from collections import Counter
from collections.abc import Callable, Iterable

import pandas as pd
from babel.dates import format_date, format_skeleton

from geo.data.record import SEED, Citation, Person, Record, Source, replace_references
from geo.data.vocab import COUNT_COLUMNS
from geo.model.timeline import Reported
from geo.text.i18n import LANGUAGE_INFO, text


def published_label(published: str, lang: str) -> str:
    """A source's date as exactly as it is known: '12 January 2023', 'January 2023' or '2023'.

    >>> published_label("2023-01-12", "es"), published_label("2023-05", "en"), published_label("", "en")
    ('12 de enero de 2023', 'May 2023', 'date not shown')
    """
    if not published:
        return text(lang, "source_undated")
    parts = [int(p) for p in published.split("-")]
    locale = LANGUAGE_INFO[lang].locale
    if len(parts) == 3:
        return format_date(datetime.date(*parts), "long", locale=locale)
    if len(parts) == 2:
        return format_skeleton("yMMMM", datetime.date(parts[0], parts[1], 1), locale=locale)
    return str(parts[0])


def source_label(source: Source, lang: str) -> str:
    """'La República, 12 January 2023': the outlet or body and the date, the way a reader cites it."""
    return f"{source.publisher}, {published_label(source.published, lang)}"


def named(record: Record, lang: str) -> Callable[[str], str]:
    """A function that writes a source id as '(La República, 12 January 2023)', for texts that name sources."""
    return lambda source_id: f"({source_label(record.sources[source_id], lang)})"


def citation_record(record: Record, citation: Citation, lang: str) -> dict[str, object]:
    """One citation as the popup, the list and the exports show it: the source, its date and link, what it
    does for the event, whom it credits, and (the seed only) the verbatim phrase and its section."""
    source = record.sources[citation.source_id]
    return {
        "id": source.id,
        "label": source_label(source, lang),
        "title": source.title[lang],
        "url": source.url,
        "role": text(lang, f"role_{citation.role}"),
        "contradicts": citation.role == "contradicts",
        "saidBy": text(lang, "source_said_by", who=citation.said_by[lang]) if citation.said_by else "",
        "note": replace_references(citation.note.get(lang, ""), named(record, lang)),
        "later": later_label(source, lang),
        "quote": citation.quote,
        "section": citation.locator if citation.source_id == SEED else "",
        "where": "" if citation.source_id == SEED else citation.locator,
    }


def event_sources(record: Record, event_id: str, lang: str) -> dict[str, object]:
    """Everything the sources say of one event: how many independent voices report it (`count`, with its
    words), each citation, and where they differ (`differ`: per aspect, each reading with its sources)."""
    citations = sorted(
        record.citations_of(event_id),
        key=lambda c: (c.source_id != SEED, c.role == "contradicts", record.sources[c.source_id].published),
    )
    count = record.independent_count(event_id)
    differ = []
    for aspect in dict.fromkeys(r.aspect for r in record.readings_of(event_id)):
        readings = [r for r in record.readings_of(event_id) if r.aspect == aspect]
        differ.append(
            {
                "aspect": text(lang, f"aspect_{aspect}"),
                "readings": [
                    {
                        "text": replace_references(r.text[lang], named(record, lang)),
                        "by": "; ".join(source_label(record.sources[s], lang) for s in r.source_ids),
                    }
                    for r in readings
                ],
            }
        )
    return {
        "count": count,
        "countLabel": text(lang, "source_count_one" if count == 1 else "source_count", n=count),
        "citations": [citation_record(record, c, lang) for c in citations],
        "differ": differ,
    }


def later_label(source: Source, lang: str) -> str:
    """A retrospective source said as such: "published months later" where its date shows it, else (no date
    shown, but clearly looking back) "undated, written looking back"; '' for the others."""
    if not source.retrospective:
        return ""
    return text(lang, "source_later" if source.published else "source_later_undated")


def sources_list(record: Record, lang: str, only: set[str] | None = None) -> list[dict[str, object]]:
    """Every source (or those in `only`), the seed first, then by date: for the Sources panel and the exports."""
    chosen = [s for s in record.sources.values() if only is None or s.id in only]
    chosen.sort(key=lambda s: (s.id != SEED, s.published, s.publisher))
    return [
        {
            "id": s.id,
            "label": source_label(s, lang),
            "title": s.title[lang],
            "url": s.url,
            "kind": text(lang, f"kind_{s.kind}"),
            "later": later_label(s, lang),
            "language": s.language,
        }
        for s in chosen
    ]


def cited_counts(record: Record) -> tuple[Counter[str], Counter[str]]:
    """How many events cite each source (in any role), and how many of the people killed each describes."""
    events = Counter(source for source, _ in {(c.source_id, c.event_id) for c in record.citations})
    people = Counter(source for person in record.people for source in person.source_ids)
    return events, people


def sources_panel(record: Record, lang: str) -> list[dict[str, object]]:
    """Every source as the Sources panel lists it (`sources_list`), with what cites it, in words:
    'cited for 3 events; describes 1 of the people killed'."""
    events, people = cited_counts(record)
    out = []
    for entry in sources_list(record, lang):
        source_id = str(entry["id"])
        n, m = events[source_id], people[source_id]
        cited = ([text(lang, "source_cited_one" if n == 1 else "source_cited", n=n)] if n else []) + (
            [text(lang, "source_describes_one" if m == 1 else "source_describes", n=m)] if m else []
        )
        out.append(entry | {"events": n, "people": m, "cited": "; ".join(cited)})
    return out


def source_choices(record: Record, lang: str) -> dict[str | None, str]:
    """The source choice's options, in order: every source (None), the article only (`SEED`), then each other
    source by outlet and date, named 'Outlet, date — title' (an outlet may have several pages of one date, or
    several undated). A dataset without a record (an upload) has the first only."""
    choices: dict[str | None, str] = {None: text(lang, "source_all")}
    if not record:
        return choices
    choices[SEED] = text(lang, "source_seed_choice")
    others = sorted(
        (s for s in record.sources.values() if s.id != SEED), key=lambda s: (s.publisher.casefold(), s.published, s.id)
    )
    return choices | {s.id: f"{source_label(s, lang)} \u2014 {s.title[lang]}" for s in others}


def source_shown_line(record: Record, source: str | None, events: int, lang: str) -> str:
    """What the map shows under a source choice, in one line ('' for every source): the article alone, or
    the `events` events one source reports, the counters unchanged."""
    if source is None or source not in record.sources:
        return ""
    if source == SEED:
        return text(lang, "source_shown_seed", n=events)
    chosen = record.sources[source]
    key = {0: "source_shown_none", 1: "source_shown_one_event"}.get(events, "source_shown_one")
    return text(
        lang,
        key,
        n=events,
        outlet=chosen.publisher,
        title=chosen.title[lang],
        date=published_label(chosen.published, lang),
    )


def credit_sources(record: Record, shown: Iterable[str], lang: str, limit: int | None = 6) -> str:
    """The sources of what an image or a page shows, and only those, for its credit line: the seed with
    its licence, then the outlets and bodies by how many of the shown events they support. `shown` holds a
    source id once per event it supports (a set will do); `limit` outlets are named, the rest counted.

    >>> from geo.data.load import load_dataset
    >>> record = load_dataset().record
    >>> credit_sources(record, ["wikipedia_en", "ojopublico_soncco", "ojopublico_soncco", "trome_mininter"], "en")
    'Sources: Wikipedia, “Juliaca massacre” (CC BY-SA 4.0); OjoPúblico; Trome'
    >>> credit_sources(record, ["trome_mininter", "ojopublico_soncco"], "es", limit=1)
    'Fuentes: OjoPúblico y 1 más, en la lista de fuentes'
    """
    weights = Counter(shown)
    by_publisher: Counter[str] = Counter()
    for source_id, n in weights.items():
        if source_id != SEED:
            by_publisher[record.sources[source_id].publisher] += n
    publishers = sorted(by_publisher, key=lambda p: (-by_publisher[p], p.casefold()))
    named_ = publishers if limit is None else publishers[:limit]
    line = "; ".join(([text(lang, "credit_seed")] if SEED in weights else []) + named_)
    if len(publishers) > len(named_):
        line += " " + text(lang, "credit_more", n=len(publishers) - len(named_))
    return text(lang, "credit_sources", sources=line)


def shown_sources(events: pd.DataFrame) -> Counter[str]:
    """Each source of the shown events (`source_ids`, see `index_events`), once per event it supports."""
    return Counter(source for ids in events["source_ids"] for source in ids) if "source_ids" in events else Counter()


def credit_of(record: Record, events: pd.DataFrame, lang: str, sentence: bool = True) -> str:
    """The credit of exactly the sources of `events` (`credit_sources`), as a sentence or, with `sentence=False`,
    without its full stop (for a credit line). A dataset without a record (an upload) credits its own sources;
    no event, no source."""
    if not record:
        line = text(lang, "alt_source_upload")
    else:
        shown = shown_sources(events)
        line = credit_sources(record, shown, lang) + "." if shown else text(lang, "alt_source_none")
    return line if sentence else line.removesuffix(".")


def figure_words(record: Record, event_id: str, lang: str) -> str:
    """The counts one report gave, in words: '9 civilians killed; more than 20 people injured'."""
    return "; ".join(
        text(
            lang,
            "reported_part",
            who=f.said_by[lang],
            what=reported_words(f.measure, Reported(f.value, f.qualifier, f.event_id), lang),
        )
        for f in record.figures
        if f.event_id == event_id
    )


def reported_words(measure: str, reported: Reported, lang: str) -> str:
    """'9 civilians killed', 'about 60 people injured', as the report worded it."""
    number = text(lang, f"count_{reported.qualifier}", n=reported.value) if reported.qualifier else str(reported.value)
    return text(lang, f"reported_{measure}", n=number)


def reported_line(reported: dict[str, Reported], lang: str) -> str:
    """Under the counters: the latest figures reported by the time shown, each with who gave it, or ''."""
    parts = [
        text(lang, "reported_part", what=reported_words(m, reported[m], lang), who=reported[m].said_by[lang])
        for m in COUNT_COLUMNS
        if m in reported
    ]
    return text(lang, "reported_line", parts="; ".join(parts)) if parts else ""


def people_records(record: Record, events: pd.DataFrame, lang: str) -> list[dict[str, object]]:
    """The list of the people killed, in the record's order: each `person_record`, with the title of the event
    it belongs to (`eventTitle`; '' where the event is not in `events`) and what its name says (`nameNote`)."""
    titles = dict(zip(events["id"], events[f"title_{lang}"], strict=True))
    out = []
    for person in record.people:
        note = "" if person.name else text(lang, "people_minor" if person.minor else "people_unnamed")
        out.append(
            person_record(record, person, lang) | {"eventTitle": titles.get(person.event_id, ""), "nameNote": note}
        )
    return out


def event_people(record: Record, lang: str) -> dict[str, list[dict[str, object]]]:
    """The people killed in each event (people.csv `event_id`): {event id: [{id, name}]}, for its popup."""
    out: dict[str, list[dict[str, object]]] = {}
    for person in record.people:
        if person.event_id:
            out.setdefault(person.event_id, []).append({"id": person.id, "name": person.name or person.label[lang]})
    return out


def person_record(record: Record, person: Person, lang: str) -> dict[str, object]:
    """A person killed as the list of the dead shows them: the name, its spellings and ages with their
    sources, where and when shot and died, whether the sources say they were protesting, and every source."""

    def label(ids: Iterable[str]) -> str:
        return "; ".join(source_label(record.sources[i], lang) for i in ids)

    return {
        "id": person.id,
        "name": person.name or person.label[lang],
        "named": bool(person.name),
        "minor": person.minor,
        "names": [{"value": value, "by": label(ids)} for value, ids in person.names],
        "ages": [{"value": value, "by": label(ids)} for value, ids in person.ages],
        "about": replace_references(person.about[lang], named(record, lang)),
        "shot": replace_references(person.shot[lang], named(record, lang)),
        "died": replace_references(person.died[lang], named(record, lang)),
        "protesting": text(lang, f"protesting_{person.protesting}"),
        "protestingText": replace_references(person.protesting_text[lang], named(record, lang)),
        "eventId": person.event_id,
        "sources": [
            {"label": source_label(record.sources[i], lang), "url": record.sources[i].url} for i in person.source_ids
        ],
    }
