"""The view in the URL: valid links reproduce a view, hostile ones fall back and are reported."""

from __future__ import annotations

import random
import string

import pytest

from geo.data.vocab import CATEGORIES
from geo.model.params import PARAM_KEYS, ViewState, parse_params, step_key, steps_for, to_params, whole_number
from geo.model.timeline import lima_time


def test_a_full_link_is_understood():
    state, refused = parse_params(
        {
            "t": "2023-01-09T17:00",
            "lang": "es",
            "view": "airport",
            "base": "offline",
            "cats": "shooting,casualty",
            "event": "first_death_14h",
        },
        frozenset({"first_death_14h"}),
    )
    assert refused == []
    assert state == ViewState(
        lima_time("2023-01-09T17:00"),
        "hour",
        "es",
        "airport",
        "offline",
        frozenset({"shooting", "casualty"}),
        "first_death_14h",
    )


@pytest.mark.parametrize("scale", ["hour", "day"])
def test_every_step_round_trips_through_the_url(scale):
    for t in steps_for(scale):
        state, refused = parse_params(to_params(ViewState().with_time(t, scale)))
        assert refused == [] and state.t == t and state.scale == scale


def test_day_and_month_steps_have_their_own_url_form():
    assert step_key(lima_time("2023-01-12T23:00"), "day") == "2023-01-12"
    assert parse_params({"t": "2023-03"})[0].t == lima_time("2023-03-31T23:00")
    assert parse_params({"t": "2023-01-12"})[0].scale == "day"


@pytest.mark.parametrize(
    "params, refused",
    [
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
    ],
)
def test_bad_values_fall_back_to_the_default_and_are_named(params, refused):
    state, got = parse_params(params, source_ids=SOURCE_IDS)
    assert got == refused
    default = ViewState()
    for name in refused:
        field = {
            "t": "t",
            "lang": "lang",
            "view": "view",
            "base": "base",
            "cats": "categories",
            "event": "event",
            "src": "source",
        }[name]
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


# Every key the app reads from a link (app.py: `init_session` hands the whole query to `parse_params`).
READ_BY_THE_APP = ("t", "lang", "view", "base", "cats", "event", "mode", "moment", "src")
# Digits that str.isdigit() accepts and int() does not, or int() accepts and a link should not hold.
ODD_DIGITS = ["²", "³", "¹", "٣", "१", "１", "⑤", "𝟓", "³²", "1²", " 3", "3 ", "+3", "-1", "3.0", "0x3", "3_0", "1e2"]


def test_a_superscript_moment_is_refused_and_the_rest_of_the_link_kept():
    """Issue 21: '²'.isdigit() is True and int('²') raises, so `?moment=²` threw the whole link away."""
    state, refused = parse_params({"moment": "²", "lang": "es", "t": "2023-01-09T17:00", "mode": "present"}, moments=5)
    assert refused == ["moment"]
    assert (state.lang, state.t, state.mode, state.moment) == ("es", lima_time("2023-01-09T17:00"), "present", 1)


@pytest.mark.parametrize("value", ODD_DIGITS)
def test_a_number_is_ascii_digits_within_its_range(value):
    assert whole_number(value, 1, 500) is None
    assert parse_params({"moment": value}, moments=500)[1] == ["moment"]


@pytest.mark.parametrize("value, number", [("1", 1), ("5", 5), ("05", 5)])
def test_a_moment_in_range_is_understood(value, number):
    assert parse_params({"moment": value}, moments=5) == (ViewState(moment=number), [])


@pytest.mark.parametrize("value", ["0", "6", "99999999999999999999999"])
def test_a_moment_out_of_range_is_refused(value):
    assert parse_params({"moment": value}, moments=5)[1] == ["moment"]


def test_the_fuzz_covers_every_key_the_app_reads():
    assert set(PARAM_KEYS) == set(READ_BY_THE_APP)
    full = to_params(ViewState(mode="present", moment=2, event="e", categories=frozenset({"march"})))
    assert set(full) <= set(PARAM_KEYS)


def test_random_values_never_raise():
    """Every key the app reads, several at once, with hostile text and the digits int() refuses."""
    rng = random.Random(20230109)
    alphabet = [*string.printable, *"ñáé€\u2028\x00<>\"'`${}\\", *ODD_DIGITS]
    keys = [*READ_BY_THE_APP, "x"]
    for _ in range(2_000):
        params = {
            key: "".join(rng.choice(alphabet) for _ in range(rng.randint(0, 12)))
            for key in rng.sample(keys, rng.randint(1, len(keys)))
        }
        state, refused = parse_params(params, frozenset({"first_death_14h"}), moments=9, source_ids=SOURCE_IDS)
        assert isinstance(state, ViewState) and set(refused) <= set(params)
        assert state.source is None or state.source in SOURCE_IDS
        if "lang" in params and "lang" not in refused:
            assert state.lang == params["lang"], params  # a bad neighbour never costs a good value


def test_random_sources_near_the_real_ids_are_taken_only_when_exact():
    """Ids with a character changed, added or dropped, or in another case, are refused, never guessed."""
    rng = random.Random(9)
    for _ in range(300):
        real = rng.choice(sorted(SOURCE_IDS))
        k = rng.randrange(len(real))
        mutant = rng.choice(
            [
                real[:k] + real[k + 1 :],
                real[:k] + rng.choice("_x0é ") + real[k:],
                real.upper(),
                real[:k] + rng.choice(string.ascii_lowercase) + real[k + 1 :],
            ]
        )
        state, refused = parse_params({"src": mutant}, source_ids=SOURCE_IDS)
        assert (state.source, refused) == ((mutant, []) if mutant in SOURCE_IDS else (None, ["src"]))


def test_only_the_checked_helper_parses_numbers_from_visitors():
    """Issue 21: one checked helper for every number in a link or sent back by the browser."""
    from pathlib import Path

    root = Path(__file__).resolve().parent.parent
    offenders = [
        str(p.relative_to(root))
        for p in [root / "app.py", *(root / "ui").glob("*.py"), root / "geo" / "model" / "params.py"]
        if ".isdigit()" in p.read_text(encoding="utf-8")
    ]
    assert offenders == [], f"parse with geo.model.params.whole_number instead: {offenders}"


def test_default_categories_are_not_written_to_the_url():
    params = to_params(ViewState())
    assert "cats" not in params and "event" not in params and "src" not in params
    assert set(params) == {"t", "lang", "view", "base"}
    assert to_params(ViewState(categories=frozenset(CATEGORIES) - {"statement"}))["cats"].count(",") == 10
