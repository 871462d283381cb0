"""The house's tools, configured in pyproject.toml and pinned in requirements.lock: ruff lints and formats
every Python file, mypy checks the pure layers (geo/data, geo/model, geo/text) strictly. A finding fails
`make test` and CI like any other test; fix it rather than silencing it."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent


def _tool(*args: str) -> subprocess.CompletedProcess[str]:
    """`python -m <tool> ...` from the repository's root, with this interpreter's pinned copy of the tool."""
    return subprocess.run([sys.executable, "-m", *args], cwd=ROOT, capture_output=True, text=True, timeout=600)


@pytest.mark.parametrize(
    "command",
    [("ruff", "check", "."), ("ruff", "format", "--check", "--diff", ".")],
    ids=["ruff-check", "ruff-format"],
)
def test_ruff_finds_nothing(command):
    done = _tool(*command)
    assert done.returncode == 0, f"`{' '.join(command)}` found:\n{done.stdout[-6000:]}{done.stderr[-2000:]}"


def test_mypy_is_strict_on_the_pure_layers_and_finds_nothing():
    """The files and the strictness come from [tool.mypy] in pyproject.toml, so `mypy` alone checks the same."""
    done = _tool("mypy")
    assert done.returncode == 0, f"mypy found:\n{done.stdout[-6000:]}{done.stderr[-2000:]}"
    assert "Success: no issues found" in done.stdout and "source files" in done.stdout, done.stdout
