"""The view in the URL: valid links reproduce a view, hostile ones fall back and are reported."""

from __future__ import annotations

import random
import string

import pytest

from geo.data.vocab import CATEGORIES
from geo.model.params import ViewState, parse_params, step_key, steps_for, to_params
from geo.model.timeline import lima_time


def test_a_full_link_is_understood():
    state, refused = parse_params({"t": "2023-01-09T17:00", "lang": "es", "view": "airport", "base": "offline",
                                   "cats": "shooting,casualty", "event": "first_death_14h"},
                                  frozenset({"first_death_14h"}))
    assert refused == []
    assert state == ViewState(lima_time("2023-01-09T17:00"), "hour", "es", "airport", "offline",
                              frozenset({"shooting", "casualty"}), "first_death_14h")


@pytest.mark.parametrize("scale", ["hour", "day"])
def test_every_step_round_trips_through_the_url(scale):
    for t in steps_for(scale):
        state, refused = parse_params(to_params(ViewState().with_time(t, scale)))
        assert refused == [] and state.t == t and state.scale == scale


def test_day_and_month_steps_have_their_own_url_form():
    assert step_key(lima_time("2023-01-12T23:00"), "day") == "2023-01-12"
    assert parse_params({"t": "2023-03"})[0].t == lima_time("2023-03-31T23:00")
    assert parse_params({"t": "2023-01-12"})[0].scale == "day"


@pytest.mark.parametrize("params, refused", [
    ({"t": "banana"}, ["t"]),
    ({"t": "1999-01-01T00:00"}, ["t"]),
    ({"t": "2023-01-09T17:30"}, ["t"]),
    ({"lang": "xx"}, ["lang"]),
    ({"view": "moon"}, ["view"]),
    ({"base": "google"}, ["base"]),
    ({"cats": "shooting,riot"}, ["cats"]),
    ({"event": "<script>alert(1)</script>"}, ["event"]),
    ({"t": "2023-01-09T17:00" + "x" * 10_000}, ["t"]),
    ({"lang": "e" * 10_000, "view": "airport"}, ["lang"]),
    ({"utm_source": "newsletter"}, []),
    ({"src": "no_such_source"}, ["src"]),
    ({"src": ""}, ["src"]),
    ({"src": "WIKIPEDIA_EN"}, ["src"]),
    ({"src": "wikipedia_en "}, ["src"]),
    ({"src": "<script>alert(1)</script>"}, ["src"]),
    ({"src": "larepublica_17_muertos" + "x" * 10_000}, ["src"]),
    ({"src": "wikipedia_en", "view": "moon"}, ["view"]),
])
def test_bad_values_fall_back_to_the_default_and_are_named(params, refused):
    state, got = parse_params(params, source_ids=SOURCE_IDS)
    assert got == refused
    default = ViewState()
    for name in refused:
        field = {"t": "t", "lang": "lang", "view": "view", "base": "base", "cats": "categories", "event": "event",
                 "src": "source"}[name]
        assert getattr(state, field) == getattr(default, field)


SOURCE_IDS = frozenset({"wikipedia_en", "larepublica_17_muertos", "pachamama_norte"})


@pytest.mark.parametrize("source", sorted(SOURCE_IDS))
def test_a_source_of_the_record_is_understood_and_round_trips(source):
    state, refused = parse_params({"src": source, "t": "2023-01-12"}, source_ids=SOURCE_IDS)
    assert refused == [] and state.source == source and state.scale == "day"
    assert to_params(state)["src"] == source
    assert parse_params(to_params(state), source_ids=SOURCE_IDS) == (state, [])


def test_a_source_is_checked_against_the_records_ids_not_taken_on_trust():
    """Without the record's ids (an upload has none), no source is understood."""
    assert parse_params({"src": "wikipedia_en"}) == (ViewState(), ["src"])
    assert parse_params({"src": "pachamama_norte"}, source_ids=frozenset({"wikipedia_en"}))[1] == ["src"]


def test_the_bundled_records_ids_are_all_understood(data):
    ids = frozenset(data.record.sources)
    assert len(ids) == 130
    assert all(parse_params({"src": i}, source_ids=ids)[0].source == i for i in ids)


def test_an_empty_category_list_is_a_valid_filter():
    state, refused = parse_params({"cats": ""})
    assert refused == [] and state.categories == frozenset()


def test_repeated_parameters_take_the_last():
    assert parse_params({"lang": ["en", "es"]})[0].lang == "es"


def test_random_values_never_raise():
    rng = random.Random(20230109)
    alphabet = string.printable + "ñáé€\u2028\x00<>\"'`${}\\"
    for _ in range(500):
        params = {rng.choice(["t", "lang", "view", "base", "cats", "event", "src", "x"]):
                  "".join(rng.choice(alphabet) for _ in range(rng.randint(0, 60)))}
        state, refused = parse_params(params, source_ids=SOURCE_IDS)
        assert isinstance(state, ViewState) and set(refused) <= set(params)
        assert state.source is None or state.source in SOURCE_IDS


def test_random_sources_near_the_real_ids_are_taken_only_when_exact():
    """Ids with a character changed, added or dropped, or in another case, are refused, never guessed."""
    rng = random.Random(9)
    for _ in range(300):
        real = rng.choice(sorted(SOURCE_IDS))
        k = rng.randrange(len(real))
        mutant = rng.choice([real[:k] + real[k + 1:], real[:k] + rng.choice("_x0é ") + real[k:], real.upper(),
                             real[:k] + rng.choice(string.ascii_lowercase) + real[k + 1:]])
        state, refused = parse_params({"src": mutant}, source_ids=SOURCE_IDS)
        assert (state.source, refused) == ((mutant, []) if mutant in SOURCE_IDS else (None, ["src"]))


def test_default_categories_are_not_written_to_the_url():
    params = to_params(ViewState())
    assert "cats" not in params and "event" not in params and "src" not in params
    assert set(params) == {"t", "lang", "view", "base"}
    assert to_params(ViewState(categories=frozenset(CATEGORIES) - {"statement"}))["cats"].count(",") == 10
