"""The languages: one catalogue of words per file, `geo/data/words/<code>.toml` (docs/development.md: "Add a language").

A file holds the language's own name, Babel's locale for its dates and numbers, and its words. The data
files hold one column per language for each text (`title_<code>`, `summary_<code>`, `name_<code>`).
"""

from __future__ import annotations

import tomllib
from dataclasses import dataclass
from pathlib import Path

WORDS_DIR = Path(__file__).resolve().parent / "words"


@dataclass(frozen=True)
class Language:
    """A language as its catalogue gives it."""

    name: str  # in the language itself, for the language switcher
    locale: str  # Babel's locale for its dates and numbers (English here writes dates the British way)


def read_catalogue(path: Path) -> tuple[Language, dict[str, str]]:
    """One catalogue: the language and its words. A file that is not valid TOML is named with its error."""
    try:
        content = tomllib.loads(path.read_text(encoding="utf-8"))
    except tomllib.TOMLDecodeError as error:
        raise ValueError(f'{path.name}: {error}; fix the file (it is TOML: key = "text")') from error
    return Language(**content["language"]), content["words"]


CATALOGUES = {path.stem: read_catalogue(path) for path in sorted(WORDS_DIR.glob("*.toml"))}
LANGUAGE_INFO = {code: language for code, (language, _) in CATALOGUES.items()}
LANGUAGES = tuple(LANGUAGE_INFO)
