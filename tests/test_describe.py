"""Alt text: what the map shows, in words, in both languages, with the app's own counters."""

from __future__ import annotations

import re
import string
from pathlib import Path

import pytest

from geo.model.timeline import context_steps, hour_steps, lima_time
from geo.text.describe import MAX_NAMED, describe_moment, describe_span
from geo.text.i18n import STRINGS


def _fields(template: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(template) if name}


def test_export_strings_have_both_languages_with_the_same_placeholders():
    assert set(STRINGS["en"]) == set(STRINGS["es"]), set(STRINGS["en"]) ^ set(STRINGS["es"])
    differing = [k for k in STRINGS["en"] if _fields(STRINGS["en"][k]) != _fields(STRINGS["es"][k])]
    assert differing == []


# Expected counters from the README's toll table: on the hourly scale only 9 January counts, so the
# photojournalist injured on 7 January is not in it; the injured keep the source's "over 100".
@pytest.mark.parametrize(
    "t, scale, lang, expected",
    [
        (
            "2023-01-09T13:00",
            "hour",
            "en",
            [
                "9 January 2023, 13:00 (Lima, UTC−5)",
                "civilians killed 0;",
                "people injured 0;",
                "Counters for 9 January",
            ],
        ),
        ("2023-01-09T14:00", "hour", "en", ["civilians killed 1;"]),
        ("2023-01-09T18:00", "hour", "en", ["civilians killed 17;", "people injured over 100;", "police killed 0;"]),
        (
            "2023-01-09T18:00",
            "hour",
            "es",
            [
                "9 de enero de 2023, 18:00 (Lima, UTC−5)",
                "civiles muertos 17;",
                "personas heridas más de 100;",
                "Contadores del 9 de enero",
            ],
        ),
        (
            "2023-01-12T23:00",
            "day",
            "en",
            [
                "12 January 2023, end of the day",
                "civilians killed 18;",
                "people injured over 100;",
                "police killed 1;",
                "police injured 2.",
            ],
        ),
        ("2023-01-09T23:00", "day", "es", ["policías muertos 0;", "policías heridos 0."]),
        ("2023-01-10T23:00", "day", "es", ["policías muertos 1;", "policías heridos 2."]),
        ("2023-01-11T23:00", "day", "en", ["police killed 1;", "police injured 2."]),
    ],
)
def test_the_time_and_the_counters_are_the_apps(index, data, t, scale, lang, expected):
    alt = describe_moment(index, data.places, lima_time(t), scale=scale, lang=lang)
    for words in expected:
        assert words in alt, f"{words!r} not in {alt!r}"


@pytest.mark.parametrize(
    "lang, english_only",
    [("es", ["Time shown", "Counters", "Source:", "events"]), ("en", ["Momento", "Contadores", "Fuente:", "hechos"])],
)
def test_each_language_is_its_own(index, data, lang, english_only):
    alt = describe_moment(index, data.places, lima_time("2023-01-09T18:00"), lang=lang)
    assert not [w for w in english_only if w in alt]


@pytest.mark.parametrize(
    "view, words",
    [("airport", "Inca Manco Cápac International Airport"), ("region", "Puno region"), ("peru", "Peru, with Juliaca")],
)
def test_it_says_where(index, data, view, words):
    assert words in describe_moment(index, data.places, lima_time("2023-01-09T12:00"), view=view)


def test_new_events_are_named_with_their_place(index, data):
    alt = describe_moment(index, data.places, lima_time("2023-01-09T14:00"))
    assert "First death: a man shot by police with a shotgun (Juliaca)" in alt
    assert "New in this step:" in alt


def test_the_first_hour_has_nothing_new_and_no_marches(index, data):
    alt = describe_moment(index, data.places, hour_steps()[0])
    assert "None is new in this step." in alt
    assert "marches" not in alt


def test_marches_are_described_as_schematic_once_drawn(index, data):
    alt = describe_moment(index, data.places, lima_time("2023-01-09T09:00"))
    assert "marches from 7 places" in alt and "schematic" in alt and "no source we could read gives their routes" in alt


def test_a_highlight_names_the_moments_events_instead_of_the_new_ones(index, data):
    alt = describe_moment(
        index, data.places, lima_time("2023-01-09T14:00"), highlight=("boluarte_announces_death", "not_an_event")
    )
    assert "It highlights: President Boluarte announces the first death." in alt
    assert "New in this step" not in alt and "not_an_event" not in alt


def test_events_without_a_place_are_said_to_be_off_the_map(index, data):
    at = lima_time("2023-01-09T18:00")
    visible = index.events[index.events["reveal"] <= at]
    unmapped = int((~visible["place_id"].isin(data.places.index)).sum())
    assert unmapped >= 1, "the bundled data has events with no place by this time"
    alt = describe_moment(index, data.places, at)
    assert f"{unmapped} of them " in alt and "no place we can pin" in alt


def test_a_filter_is_said_and_narrows_the_count_but_not_the_counters(index, data):
    at = lima_time("2023-01-09T18:00")
    everything = describe_moment(index, data.places, at)
    marches = describe_moment(index, data.places, at, categories={"march"})
    assert "Only these kinds of event are shown: march." in marches
    assert "It shows 7 events" in marches and "It shows 7 events" not in everything
    assert "civilians killed 17;" in marches  # hiding a category does not change the toll


def test_many_new_events_are_capped_and_counted(index, data):
    context_end = context_steps()[-1]
    alt = describe_moment(index, data.places, lima_time("2023-01-09T23:00"), scale="day")
    shown = index.events[
        (index.events["reveal"] <= lima_time("2023-01-09T23:00"))
        & (index.events["reveal"] > lima_time("2023-01-08T23:00"))
    ]
    assert len(shown) > MAX_NAMED
    assert f"and {len(shown) - MAX_NAMED} more." in alt
    assert describe_moment(index, data.places, context_end, scale="day", view="peru").count("Peru") >= 1


def test_it_is_pure(index, data):
    before = index.events.copy()
    first = describe_moment(index, data.places, lima_time("2023-01-09T17:00"), lang="es")
    assert describe_moment(index, data.places, lima_time("2023-01-09T17:00"), lang="es") == first
    assert index.events.equals(before)


def test_a_span_says_how_many_frames_from_when_to_when_and_the_last_counters(index, data):
    alt = describe_span(index, data.places, hour_steps(), lang="en", view="airport")
    assert "24 frames" in alt and "around Inca Manco Cápac" in alt
    assert "First frame: 9 January 2023, 00:00" in alt and "Last frame: 9 January 2023, 23:00" in alt
    assert "At the last frame: Counters for 9 January" in alt and "civilians killed 17;" in alt
    es = describe_span(index, data.places, hour_steps()[6:13], lang="es")
    assert "7 fotogramas" in es and "Último fotograma: 9 de enero de 2023, 12:00" in es


def test_a_span_needs_a_step(index, data):
    with pytest.raises(ValueError, match="at least one step"):
        describe_span(index, data.places, [])


def test_the_journalists_guide_quotes_the_alt_text_the_code_writes(index, data):
    """docs/journalists.md gives the airport view's alt text at 18:00 as its example (issue 20, part 0)."""
    guide = (Path(__file__).resolve().parent.parent / "docs" / "journalists.md").read_text(encoding="utf-8")
    quoted = re.search(r"a test checks that this is what the code writes\):\n\n((?:> .*\n)+)", guide)
    assert quoted, "the guide's alt-text example is missing"
    example = " ".join(line[2:] for line in quoted.group(1).splitlines())
    assert example == describe_moment(index, data.places, lima_time("2023-01-09T18:00"), view="airport", lang="en")
