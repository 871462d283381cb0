"""Every word the app shows, in each of its languages; dates and numbers come from Babel (CLDR).

A language is data: its catalogue, `geo/data/words/<code>.toml`, and its columns in the data files
(docs/development.md: "Add a language"). A test fails if a key or a placeholder is missing in one language.
"""

from __future__ import annotations

from babel.numbers import format_decimal

from geo.data.languages import CATALOGUES, LANGUAGE_INFO, LANGUAGES

__all__ = ["LANGUAGES", "LANGUAGE_INFO", "STRINGS", "text"]

STRINGS: dict[str, dict[str, str]] = {code: words for code, (_, words) in CATALOGUES.items()}


def text(lang: str, key: str, **values: object) -> str:
    """The string `key` in `lang`, with `values` filled in; whole numbers as the language writes them.

    >>> text("es", "list_at", clock="17:00"), text("es", "list_heading", n=12345)
    ('La lista, las descargas y el enlace muestran 17:00.', 'Hechos hasta este momento (12.345)')
    """
    shown = {
        k: format_decimal(v, locale=LANGUAGE_INFO[lang].locale) if type(v) is int else v for k, v in values.items()
    }
    return STRINGS[lang][key].format(**shown)
