"""The README and docs/ stay true: every column and vocabulary value is documented, CI runs the README's test
command, the README stays short and links every guide."""

from __future__ import annotations

import re
import subprocess
from pathlib import Path

import pytest

from geo.data import record, vocab
from geo.model.moments import MOMENT_COLUMNS

ROOT = Path(__file__).resolve().parent.parent
README = (ROOT / "README.md").read_text(encoding="utf-8")
DATA_DOC = (ROOT / "docs" / "data.md").read_text(encoding="utf-8")


def _section(file_name: str) -> str:
    """The part of docs/data.md under the heading of one file, up to the next heading."""
    match = re.search(rf"^### `data/{re.escape(file_name)}`\n(.*?)(?=^#)", DATA_DOC, re.M | re.S)
    assert match, f"docs/data.md has no section for data/{file_name}"
    return match.group(1)


@pytest.mark.parametrize(
    "file_name, columns",
    [
        ("places.geojson", vocab.PLACE_PROPERTIES),
        ("events.csv", vocab.EVENT_COLUMNS + vocab.OPTIONAL_EVENT_COLUMNS),
        ("moments.csv", MOMENT_COLUMNS),
        ("sources.csv", record.SOURCE_COLUMNS),
        ("citations.csv", record.CITATION_COLUMNS),
        ("readings.csv", record.READING_COLUMNS),
        ("figures.csv", record.FIGURE_COLUMNS),
        ("people.csv", record.PEOPLE_COLUMNS),
        ("article_view.csv", record.ARTICLE_VIEW_COLUMNS),
    ],
)
def test_every_column_is_in_its_files_data_dictionary(file_name, columns):
    section = _section(file_name)
    missing = [c for c in columns if f"| `{c}` |" not in section]
    assert missing == [], f"describe these columns of data/{file_name} in docs/data.md: {missing}"


def test_every_vocabulary_value_is_documented():
    values = (
        vocab.CATEGORIES
        + vocab.TIME_PRECISIONS
        + vocab.CLAIM_STATUSES
        + vocab.PLACE_KINDS
        + vocab.PLACE_ROLES
        + vocab.GEO_PRECISIONS
        + vocab.TIME_INFERRED
        + vocab.COUNT_QUALIFIERS
        + vocab.SOURCE_KINDS
        + vocab.CITATION_ROLES
        + vocab.READING_ASPECTS
        + vocab.FIGURE_QUALIFIERS
        + vocab.PROTESTING
    )
    missing = [v for v in values if f"`{v}`" not in DATA_DOC]
    assert missing == [], f"name these values in the data dictionary (docs/data.md): {missing}"


def test_ci_runs_the_readme_test_command():
    command = subprocess.run(
        ["bash", ".ci/readme-test-command", "README.md"], cwd=ROOT, capture_output=True, text=True, check=True
    ).stdout.strip()
    assert command == "make test"
    assert re.search(r"^test:", (ROOT / "Makefile").read_text(encoding="utf-8"), re.M)
    assert "readme-test-command" in (ROOT / ".ci" / "run").read_text(encoding="utf-8")


def test_the_run_command_starts_streamlit_on_8501():
    assert "```sh\nmake run\n```" in README
    makefile = (ROOT / "Makefile").read_text(encoding="utf-8")
    assert "streamlit run app.py --server.port 8501" in makefile


@pytest.mark.parametrize("credit", ["CC BY-SA 4.0", "GeoNames", "CC BY 4.0", "MPL-2.0"])
def test_credits_name_every_licence(credit):
    assert credit in README


def test_the_readme_is_short_and_every_guide_it_links_exists():
    assert len(README.splitlines()) <= 300, "the README is a front page: move the detail to docs/"
    linked = re.findall(r"\]\((docs/[^)#]+)", README)
    assert linked and all((ROOT / path).is_file() for path in linked), linked
    guides = {p.relative_to(ROOT).as_posix() for p in (ROOT / "docs").glob("*.md")}
    assert guides <= set(linked), f"a guide the README does not link: {sorted(guides - set(linked))}"


def test_adding_a_language_names_every_column_a_language_needs():
    """docs/development.md's recipe lists each per-language column of every data file, as `<name>_qu`."""
    guide = (ROOT / "docs" / "development.md").read_text(encoding="utf-8")
    recipe = guide.split("**Add a language**")[1].split("**Add a category")[0]
    english = [
        c
        for c in (
            *vocab.EVENT_COLUMNS,
            *vocab.PLACE_PROPERTIES,
            *MOMENT_COLUMNS,
            *record.SOURCE_COLUMNS,
            *record.CITATION_COLUMNS,
            *record.READING_COLUMNS,
            *record.FIGURE_COLUMNS,
            *record.PEOPLE_COLUMNS,
        )
        if c.endswith("_en")
    ]
    missing = sorted({c[:-3] + "_qu" for c in english} - set(re.findall(r"`(\w+_qu)`", recipe)))
    assert missing == [], f"the recipe for a new language forgets {missing}"
