"""A non-editable install has every module and every file the app reads: pyproject.toml lists them all."""

from __future__ import annotations

import fnmatch
import tomllib
from pathlib import Path

from setuptools import find_namespace_packages

ROOT = Path(__file__).resolve().parent.parent
CONFIG = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["tool"]["setuptools"]


def _packages() -> set[str]:
    found = CONFIG["packages"]["find"]
    return set(find_namespace_packages(str(ROOT), include=found["include"], exclude=found.get("exclude", ())))


def _source(path: Path) -> bool:
    """Not what a tool installs or writes beside the source: node_modules (npm ci), __pycache__."""
    return "node_modules" not in path.parts and "__pycache__" not in path.parts


def test_every_folder_of_python_is_a_package():
    folders = {
        p.parent.relative_to(ROOT).as_posix().replace("/", ".")
        for top in ("geo", "ui", "juliaca_map")
        for p in (ROOT / top).rglob("*.py")
        if _source(p)
    }
    assert folders <= _packages(), folders - _packages()


def test_every_data_file_is_package_data():
    data = CONFIG["package-data"]
    missing = []
    for top in ("geo", "ui", "juliaca_map"):
        for path in (ROOT / top).rglob("*"):
            if not path.is_file() or path.suffix in (".py", ".pyc") or not _source(path):
                continue
            package = path.parent.relative_to(ROOT).as_posix().replace("/", ".")
            if package not in _packages() or not any(fnmatch.fnmatch(path.name, p) for p in data.get(package, [])):
                missing.append(path.relative_to(ROOT).as_posix())
    assert not missing, f"files a non-editable install would leave out: {missing}"
