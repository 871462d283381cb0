"""The README stays true: every column and vocabulary value is documented, and CI runs its test command."""

from __future__ import annotations

import re
import subprocess
from pathlib import Path

import pytest

from geo.data import vocab
from geo.model.moments import MOMENT_COLUMNS

ROOT = Path(__file__).resolve().parent.parent
README = (ROOT / "README.md").read_text(encoding="utf-8")


def test_every_column_is_in_the_data_dictionary():
    missing = [c for c in vocab.EVENT_COLUMNS + vocab.PLACE_PROPERTIES + MOMENT_COLUMNS if f"| `{c}` |" not in README]
    assert missing == [], f"describe these columns in the README's data dictionary: {missing}"


def test_every_vocabulary_value_is_documented():
    values = (vocab.CATEGORIES + vocab.TIME_PRECISIONS + vocab.CLAIM_STATUSES + vocab.PLACE_KINDS + vocab.PLACE_ROLES
              + vocab.GEO_PRECISIONS)
    missing = [v for v in values if f"`{v}`" not in README]
    assert missing == [], f"name these values in the README's data dictionary: {missing}"


def test_ci_runs_the_readme_test_command():
    command = subprocess.run(["bash", ".ci/readme-test-command", "README.md"], cwd=ROOT,
                             capture_output=True, text=True, check=True).stdout.strip()
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
