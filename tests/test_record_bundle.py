"""The record as the browser gets it (issue 20, part 4): each event's sources and readings, the people killed,
every source, the figures reported under the counters and the credit of exactly the sources shown.

The expectations are read from the CSV files themselves (`csv` module, not the loader), so that a mistake in
the loader, the bundle or the words would show."""

from __future__ import annotations

import json
import re
from collections import Counter
from pathlib import Path

import pytest

from geo.data.load import for_source
from geo.data.record import SEED
from geo.map import bundle
from geo.model.params import steps_for
from geo.model.timeline import hour_steps, index_events, lima_time, state_at
from geo.output.export import PageOptions, credit_line, page_data, step_credit
from geo.text.i18n import text
from geo.text.sources import source_choices, source_shown_line
from geo.text.steptext import credit_lines, reported_lines
from harness.oracle import (
    CITATIONS,
    EVENTS,
    FIGURES,
    PEOPLE,
    PUBLISHER,
    READINGS,
    SOURCES,
    expected_outlets,
    named_in,
    sources_of,
)

# --- the core arrays: each event's sources and whether they differ -----------------------------------


def test_each_event_carries_the_indices_of_its_sources(data, index):
    core = bundle.core(index, data.places)
    assert sorted(core["sourceIds"]) == sorted(PUBLISHER)
    assert len(core["src"]) == core["n"]
    for event_id, codes in zip(core["ids"], core["src"], strict=True):
        assert {core["sourceIds"][k] for k in codes} == sources_of(event_id), event_id


def test_an_event_on_which_sources_differ_is_flagged(data, index):
    core = bundle.core(index, data.places)
    flagged = {event_id for event_id, differ in zip(core["ids"], core["differ"], strict=True) if differ}
    assert flagged == {r["event_id"] for r in READINGS} and len(flagged) == 30


def test_a_dataset_without_a_record_has_no_sources_and_no_lists(data):
    upload = index_events(data.events, data.places)  # an upload: no record
    core = bundle.core(upload, data.places)
    assert core["sourceIds"] == [] and all(codes == [] for codes in core["src"]) and not any(core["differ"])
    assert bundle.record_lists(upload, "en") == {"people": [], "sources": []}


# --- the text of each event: its sources, and the people killed in it --------------------------------


@pytest.mark.parametrize("lang", ["en", "es"])
def test_a_deaths_event_names_the_people_killed_in_it_and_minors_only_by_description(index, data, lang):
    (chunk,) = bundle.text_chunks(index, data.places, lang)
    people = dict(zip(index.events["id"], chunk["people"], strict=True))
    expected: dict[str, list[str]] = {}
    for row in PEOPLE:
        if row["event_id"]:
            expected.setdefault(row["event_id"], []).append(row["name"] or row[f"label_{lang}"])
    assert {e: [p["name"] for p in found] for e, found in people.items() if found} == expected
    minors = {row["id"] for row in PEOPLE if row["minor"] == "yes"}
    for found in people.values():
        for person in found:
            if person["id"] in minors:
                label = next(r[f"label_{lang}"] for r in PEOPLE if r["id"] == person["id"])
                assert person["name"] == label


def test_an_events_sources_are_in_its_text_with_their_links_and_readings(index, data):
    (chunk,) = bundle.text_chunks(index, data.places, "en")
    i = list(index.events["id"]).index("first_death_14h")
    sources = chunk["sources"][i]
    cited = {c["source_id"] for c in CITATIONS if c["event_id"] == "first_death_14h"} | {SEED}
    assert {c["id"] for c in sources["citations"]} == cited
    assert all(c["url"].startswith(("https://", "http://")) for c in sources["citations"])
    aspects = {r["aspect"] for r in READINGS if r["event_id"] == "first_death_14h"}
    assert len(sources["differ"]) == len(aspects) >= 1


# --- the people killed and every source, as files of the bundle ---------------------------------------


@pytest.mark.parametrize("lang", ["en", "es"])
def test_the_people_file_lists_everyone_with_sources_and_never_names_a_minor(index, lang):
    people = bundle.record_lists(index, lang)["people"]
    assert [p["id"] for p in people] == [row["id"] for row in PEOPLE]
    titles = {e["id"]: e[f"title_{lang}"] for e in EVENTS}
    for person, row in zip(people, PEOPLE, strict=True):
        assert person["name"] == (row["name"] or row[f"label_{lang}"]) and person["named"] == bool(row["name"])
        if row["minor"] == "yes":
            assert person["names"] == [] and person["nameNote"] == text(lang, "people_minor")
        assert person["eventTitle"] == titles.get(row["event_id"], "")
        mentioned = set(re.findall(r"\[([a-z0-9_ ]+)\]", row["names"] + row["ages"]))
        listed = {s["label"].rsplit(",", 1)[0] for s in person["sources"]}
        assert {PUBLISHER[i] for ids in mentioned for i in ids.split()} <= listed
        assert all(s["url"].startswith("https://") for s in person["sources"])


def test_the_sources_file_lists_every_source_with_how_many_events_cite_it(index):
    sources = bundle.record_lists(index, "en")["sources"]
    assert len(sources) == len(SOURCES) == 130 and sources[0]["id"] == SEED
    events = Counter(source for source, _ in {(c["source_id"], c["event_id"]) for c in CITATIONS})
    events[SEED] = sum(1 for e in EVENTS if e["source_quote"].strip())
    for entry in sources:
        assert entry["events"] == events[entry["id"]], entry["id"]
        if entry["events"]:
            assert entry["cited"].startswith(f"cited for {entry['events']} event")
    assert {s["id"] for s in sources if not s["events"]} == {
        s["id"] for s in sources if s["people"] and not s["events"]
    }


# --- the source choice --------------------------------------------------------------------------------


def test_the_source_choice_offers_every_source_once_the_article_second(data):
    choices = source_choices(data.record, "es")
    assert list(choices)[:2] == [None, SEED] and len(choices) == 131
    assert choices[SEED] == "Solo el artículo (sus hechos y cifras, tal como los leyó el mapa)"
    assert choices["pachamama_norte"].startswith(PUBLISHER["pachamama_norte"] + ", ")
    assert len(set(choices.values())) == len(choices), "two options read the same"
    assert source_choices(index_events(data.events, data.places).record, "en") == {None: "All sources"}


def test_the_line_says_what_a_source_shows(data, index):
    assert source_shown_line(data.record, None, 114, "en") == ""
    one = source_shown_line(data.record, "pachamama_norte", 5, "en")
    assert "only the 5 events supported by one page of Pachamama Radio" in one
    assert "The north of the Puno region mourns its dead" in one and "“" not in one, "our title is not a headline"
    assert "The counters do not change" in one and "every source" not in one
    assert "only the one event supported" in source_shown_line(data.record, "pachamama_norte", 1, "en")
    assert source_shown_line(data.record, "pachamama_norte", 0, "es").startswith("No se muestra ningún hecho.")
    assert "on the article alone" in source_shown_line(data.record, SEED, 66, "en")


def test_a_source_that_supports_no_event_says_so_in_the_app_line(data, index):
    """13 sources support no event (cited about the people, in a reading, or against an event): their line
    said "only the 0 events that … reports"."""
    from geo.model.timeline import state_at

    supporting = {i for ids in index.events["source_ids"] for i in ids}
    silent = sorted(set(data.record.sources) - supporting)
    assert silent, "every source supports an event: the n = 0 line is never seen"
    for source in silent:
        shown = state_at(index, index.events["reveal"].max(), source=source).visible
        assert len(shown) == 0
        assert source_shown_line(data.record, source, len(shown), "en").startswith("Shown: no event.")


def test_a_retrospective_source_with_no_date_is_not_said_published_later(data):
    from geo.text.sources import later_label

    undated = [s for s in data.record.sources.values() if s.retrospective and not s.published]
    dated = [s for s in data.record.sources.values() if s.retrospective and s.published]
    assert undated and dated
    assert {later_label(s, "en") for s in undated} == {"undated, written looking back"}
    assert {later_label(s, "en") for s in dated} == {"published months later"}


# --- under the counters: what was reported by then ------------------------------------------------------


@pytest.mark.parametrize(
    "lang, hour, killed",
    [
        ("en", 13, None),
        ("en", 15, "9 killed (Defensoría del Pueblo)"),
        ("en", 18, "14 killed (Ministry of Health; Defensoría del Pueblo)"),
        ("en", 21, "17 killed (Defensoría del Pueblo)"),
        ("es", 18, "14 muertos (Ministerio de Salud; Defensoría del Pueblo)"),
    ],
)
def test_each_step_carries_the_figures_reported_by_its_time(index, lang, hour, killed):
    line = reported_lines(index, "hour", lang)[hour]
    if killed is None:
        assert line == ""
    else:
        assert line.startswith(text(lang, "reported_line", parts="")) and killed in line


def test_the_reported_figures_follow_the_source_choice_and_the_article_reports_none(data, index):
    figures = {row["event_id"] for row in FIGURES}
    silent = next(s for s in sorted(PUBLISHER) if not any(s in sources_of(e) for e in figures))
    assert reported_lines(index, "hour", "en", silent)[23] == "" != reported_lines(index, "hour", "en")[23]
    article = for_source(data, SEED)
    seed_index = index_events(article.events, article.places, article.record)
    assert set(reported_lines(seed_index, "day", "en")) == {""}


# --- the credit of exactly the sources shown --------------------------------------------------------------


@pytest.mark.parametrize(
    "hour, source, categories",
    [
        (12, None, None),
        (18, None, None),
        (23, None, None),
        (18, None, {"shooting", "casualty"}),
        (23, "pachamama_norte", None),
        (23, "larepublica_17_muertos", None),
    ],
)
def test_a_steps_credit_names_exactly_the_outlets_of_the_events_it_shows(index, hour, source, categories):
    t = hour_steps()[hour]
    credit = credit_lines(index, "hour", "en", frozenset(categories) if categories else None, source)[hour]
    weights = expected_outlets(t, source, categories)
    names, more = named_in(credit)
    assert len(names) + more == len(weights) and set(names) <= set(weights)
    ranked = sorted(weights, key=lambda p: (-weights[p], p.casefold()))
    assert names == ranked[: len(names)]
    assert credit_line("en", "offline", credit).startswith(credit + " · Texts: CC BY-SA 4.0")


def test_the_snapshots_credit_and_the_pages_steps_agree(index, data):
    options = PageOptions(step=18, snapshot=True, source="pachamama_norte")
    page = page_data(index, data.places, options)
    step = page["scales"]["hour"]["en"][18]
    assert step["credit"] == credit_lines(index, "hour", "en", None, "pachamama_norte")[18]
    assert step["reported"] == reported_lines(index, "hour", "en", "pachamama_norte")[18]
    assert step_credit(index, options) == page["creditParts"]["en"].replace("{sources}", step["credit"])
    assert page["src"] == "pachamama_norte" and page["record"] == {}


def test_the_exported_page_credits_the_sources_of_all_its_events_and_carries_the_lists(index, data):
    page = page_data(index, data.places, PageOptions())
    names, more = named_in(page["credit"]["en"])
    every = expected_outlets(lima_time("2030-01-01T00:00"))
    assert len(names) + more == len(every)
    assert {len(page["record"][lang]["people"]) for lang in ("en", "es")} == {len(PEOPLE)}
    assert len(page["record"]["es"]["sources"]) == 130
    assert json.dumps(page["scales"]["day"]["en"][-1]["credit"]).startswith('"Sources:')


def test_steps_of_every_scale_have_their_words(index):
    for scale in ("hour", "day"):
        assert len(reported_lines(index, scale, "es")) == len(credit_lines(index, scale, "es")) == len(steps_for(scale))
    assert state_at(index, hour_steps()[0]).visible.shape[0] > 0  # 00:00 shows the days before: never an empty credit
    assert not credit_lines(index, "hour", "en")[0].startswith("No event")


def test_no_machine_path_leaks_into_the_bundle(index, data):
    assert not any(
        str(Path.home()) in content or "/work/" in content for content in bundle.files(index, data.places).values()
    )


def test_a_source_chosen_before_any_figure_was_reported_gives_none(index):
    """reported_at used to index the figures with a list of booleans: an empty one selected no columns, and
    the groupby that followed raised KeyError('measure') at every step before the first figure."""
    from geo.model.timeline import reported_at, toll_start

    assert reported_at(index, hour_steps()[6], toll_start("hour"), source="pachamama_norte") == {}
