"""Every language is complete, and times read as exactly as the source gives them, no more."""

from __future__ import annotations

import re
import string

import pytest
from babel import Locale

from geo.data.vocab import CATEGORIES, CLAIM_STATUSES
from geo.model.params import steps_for
from geo.model.timeline import is_month_step, lima_time
from geo.text.i18n import LANGUAGE_INFO, LANGUAGES, STRINGS, text
from geo.text.labels import clock_label, md_escape, step_name, time_label


def _fields(template: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(template) if name}


def test_every_language_has_every_key_with_the_same_placeholders():
    """One property over every key of every language (it replaces one test per key)."""
    keys = set(STRINGS["en"])
    wrong = [
        f"{lang}: missing {sorted(keys - set(STRINGS[lang]))}, unknown {sorted(set(STRINGS[lang]) - keys)}"
        for lang in LANGUAGES
        if set(STRINGS[lang]) != keys
    ]
    wrong += [
        f"{lang}.{key}: placeholders {sorted(_fields(STRINGS[lang][key]))}, English has {sorted(_fields(en))}"
        for lang in LANGUAGES
        for key, en in STRINGS["en"].items()
        if key in STRINGS[lang] and _fields(STRINGS[lang][key]) != _fields(en)
    ]
    assert wrong == [], "\n".join(wrong)


def test_every_language_is_described_once_with_a_locale_babel_knows():
    assert set(LANGUAGE_INFO) == set(STRINGS) and tuple(LANGUAGE_INFO) == LANGUAGES
    for lang, info in LANGUAGE_INFO.items():
        assert Locale.parse(info.locale).language == lang and info.name


@pytest.mark.parametrize("lang", LANGUAGES)
def test_every_category_and_status_has_a_label(lang):
    for category in CATEGORIES:
        assert text(lang, f"category_{category}")
    for status in CLAIM_STATUSES:
        assert text(lang, f"status_{status}")


def test_spanish_is_not_a_copy_of_english():
    def words(template: str) -> str:
        return "".join(literal for literal, *_ in string.Formatter().parse(template))

    same = [k for k in STRINGS["en"] if STRINGS["en"][k] == STRINGS["es"][k] and len(words(STRINGS["en"][k])) > 20]
    assert same == [], same


@pytest.mark.parametrize(
    "start, precision, lang, expected",
    [
        ("2023-01-09T17:20", "minute", "en", "9 January 2023, 17:20"),
        ("2023-01-09T17:20", "minute", "es", "9 de enero de 2023, 17:20"),
        ("2023-01-09T14:00", "hour", "en", "9 January 2023, around 14:00"),
        ("2023-01-09T14:00", "hour", "es", "9 de enero de 2023, hacia las 14:00"),
        ("2023-01-09T18:00", "part_of_day", "en", "9 January 2023, at night"),
        ("2023-01-10T06:00", "part_of_day", "es", "10 de enero de 2023, por la mañana"),
        ("2023-01-09T12:00", "part_of_day", "en", "9 January 2023, in the afternoon"),
        ("2023-01-09T17:20", "part_of_day", "en", "9 January 2023, in the afternoon, after 17:20"),
        ("2023-01-09T17:20", "after", "en", "9 January 2023, after 17:20"),
        ("2023-01-09T17:20", "after", "es", "9 de enero de 2023, después de las 17:20"),
        ("2023-01-09T12:00", "after_around", "en", "9 January 2023, after about 12:00"),
        (
            "2023-01-09T12:00",
            "drawn",
            "en",
            "9 January 2023 (time not given; the map draws the marches arriving at noon)",
        ),
        (
            "2023-01-09T12:00",
            "drawn",
            "es",
            "9 de enero de 2023 (sin hora; el mapa dibuja las marchas llegando al mediodía)",
        ),
        ("2023-01-12T00:00", "day", "en", "12 January 2023 (time not given)"),
        ("2023-03-01T00:00", "month", "es", "marzo de 2023 (sin día)"),
        ("2023-01-09T00:00", "undated", "en", "Date not given (on or after 9 January 2023)"),
    ],
)
def test_time_label_states_its_precision(start, precision, lang, expected):
    assert time_label(lima_time(start), precision, lang) == expected


def test_a_span_over_days_names_its_end():
    label = time_label(lima_time("2023-01-10T06:00"), "part_of_day", "en", lima_time("2023-01-11T12:00"))
    assert label == "10 January 2023, in the morning, until 11 January 2023"
    assert time_label(lima_time("2023-01-10T06:00"), "part_of_day", "es", lima_time("2023-01-11T12:00")) == (
        "10 de enero de 2023, por la mañana, hasta el 11 de enero de 2023"
    )


@pytest.mark.parametrize(
    "inferred, lang, expected",
    [
        ("date", "en", "8 January 2023, 11:00; date inferred by us, see the sources"),
        ("date", "es", "8 de enero de 2023, 11:00; fecha deducida por nosotros, véanse las fuentes"),
        ("time", "en", "8 January 2023, 11:00; time inferred by us, see the sources"),
        ("", "en", "8 January 2023, 11:00"),
    ],
)
def test_an_inferred_date_or_time_says_so(inferred, lang, expected):
    assert time_label(lima_time("2023-01-08T11:00"), "minute", lang, inferred=inferred) == expected


@pytest.mark.parametrize(
    "t, scale, lang, expected",
    [
        ("2023-01-09T17:00", "hour", "en", "9 January 2023, 17:00 (Lima, UTC−5)"),
        ("2023-01-09T17:00", "hour", "es", "9 de enero de 2023, 17:00 (Lima, UTC−5)"),
        ("2023-01-12T23:00", "day", "es", "12 de enero de 2023, al final del día (Lima, UTC−5)"),
        ("2023-03-31T23:00", "day", "en", "March 2023, end of the month"),
    ],
)
def test_clock_says_the_time_and_how_exact(t, scale, lang, expected):
    assert clock_label(lima_time(t), scale, lang) == expected


def test_step_names_are_short():
    assert step_name(lima_time("2023-01-09T07:00"), "hour", "en") == "07:00"
    assert step_name(lima_time("2023-01-12T23:00"), "day", "es") == "12 ene"
    assert step_name(lima_time("2023-06-30T23:00"), "day", "en") == "Jun 2023"


# Written by hand: the strings the app showed before Babel wrote its dates (issue 12); they must not change.
MONTHS = {
    "en": [
        "January",
        "February",
        "March",
        "April",
        "May",
        "June",
        "July",
        "August",
        "September",
        "October",
        "November",
        "December",
    ],
    "es": [
        "enero",
        "febrero",
        "marzo",
        "abril",
        "mayo",
        "junio",
        "julio",
        "agosto",
        "septiembre",
        "octubre",
        "noviembre",
        "diciembre",
    ],
}
DATE = {"en": "{d} {month} {y}", "es": "{d} de {month} de {y}"}
MONTH = {"en": "{month} {y}", "es": "{month} de {y}"}


@pytest.mark.parametrize("lang", ["en", "es"])
def test_every_step_says_its_date_as_before(lang):
    """Every step of both scales: its clock and its short name, against the hand-written month names."""
    wrong = []
    for scale in ("hour", "day"):
        for t in steps_for(scale):
            month = MONTHS[lang][t.month - 1]
            if scale == "hour":
                clock = text(
                    lang,
                    "clock_hour",
                    date=DATE[lang].format(d=t.day, month=month, y=t.year),
                    hh=f"{t.hour:02d}",
                    mm="00",
                )
                name = f"{t.hour:02d}:00"
            elif is_month_step(t):
                clock, name = (
                    text(lang, "clock_month", month=MONTH[lang].format(month=month, y=t.year)),
                    f"{month[:3]} {t.year}",
                )
            else:
                clock = text(lang, "clock_day", date=DATE[lang].format(d=t.day, month=month, y=t.year))
                name = f"{t.day} {month[:3]}"
            if (clock_label(t, scale, lang), step_name(t, scale, lang)) != (clock, name):
                wrong.append(
                    f"{t}: {clock_label(t, scale, lang)!r} / {step_name(t, scale, lang)!r}, "
                    f"expected {clock!r} / {name!r}"
                )
    assert wrong == [], "\n".join(wrong)


@pytest.mark.parametrize(
    "lang, n, expected",
    [
        ("en", 7, "Events up to this time (7)"),
        ("en", 12345, "Events up to this time (12,345)"),
        ("es", 12345, "Hechos hasta este momento (12.345)"),
    ],
)
def test_numbers_are_written_as_the_language_writes_them(lang, n, expected):
    assert text(lang, "list_heading", n=n) == expected


@pytest.mark.parametrize(
    "hostile",
    [
        "![x](http://e.vil/t.png)",
        "[click](javascript:alert(1))",
        "$x^2$",
        "<img src=x onerror=alert(1)>",
        "**bold** _it_ `code`",
        "a\\b",
    ],
)
def test_md_escape_leaves_no_markdown_active(hostile):
    escaped = md_escape(hostile)
    unescaped = escaped.replace("\\\\", "").replace("\\", "")
    assert unescaped == hostile.replace("\\", "")
    for special in "![]()$<>*_`":
        assert all(escaped[i - 1] == "\\" for i, c in enumerate(escaped) if c == special)


@pytest.mark.parametrize("lang", LANGUAGES)
@pytest.mark.parametrize("scale", ["hour", "day"])
def test_the_counters_scope_is_one_plain_sentence_and_the_details_say_what_is_counted(lang, scale):
    """Issue 23: what the counters count, in one sentence of at most 20 words under them; the details behind
    "What is counted", which name the 18th civilian's day; the hourly scale says where his death falls."""
    from geo.text.labels import toll_scope

    scope, details = toll_scope(scale, lang)
    assert len(scope.split()) <= 20, scope
    assert [part for part in re.split(r"[.!?](?:\s|$)", scope) if part] == [scope[:-1]], f"not one sentence: {scope}"
    assert "{" not in details and len(details.split()) > len(scope.split())
    twelfth = {"en": "12 January", "es": "12 de enero"}[lang]
    assert twelfth in details
    if scale == "hour":
        assert twelfth in scope and text(lang, "scale_day") in details
