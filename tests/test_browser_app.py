"""The browser app's own checks (geo/web/app), run by pytest so that `make test` and CI run them: ESLint over
every module, the `node --test` unit tests of the pure modules, and the committed bundles equal to what the
pinned esbuild builds from the modules now. `make test` installs the tools (npm ci)."""

from __future__ import annotations

import re
import subprocess
from pathlib import Path

import pytest

APP = Path(__file__).resolve().parent.parent / "geo" / "web" / "app"


def _run(*command: str) -> subprocess.CompletedProcess:
    if not (APP / "node_modules" / ".bin" / "eslint").exists():
        pytest.fail("geo/web/app/node_modules is missing: run `make test` (it runs npm ci there)")
    return subprocess.run(command, cwd=APP, capture_output=True, text=True, timeout=300)


def test_eslint_finds_nothing():
    done = _run("node_modules/.bin/eslint", "--max-warnings", "0", ".")
    assert done.returncode == 0, done.stdout + done.stderr


def test_the_unit_tests_of_the_pure_modules_pass():
    done = _run("node", "--test", "test/")
    assert done.returncode == 0, done.stdout[-4000:] + done.stderr
    assert re.search(r"^# pass [1-9]", done.stdout, re.M) and re.search(r"^# fail 0$", done.stdout, re.M)


def test_the_committed_bundles_are_built_from_the_modules():
    done = _run("node", "build.mjs", "--check")
    assert done.returncode == 0, done.stderr


def test_no_module_reaches_another_through_a_global():
    """Modules import what they use; the bundles add no name to `window` (esbuild's iife has no global name)."""
    for path in APP.glob("*.js"):
        source = path.read_text(encoding="utf-8")
        assert not re.search(r"window\.Juliaca|globalThis\.Juliaca|window\.JULIACA", source), path.name
    for bundle in (APP / "dist").glob("*.js"):
        assert "var Juliaca" not in bundle.read_text(encoding="utf-8"), bundle.name


def test_the_imports_form_a_one_way_graph():
    """Drawn from their imports, the modules form a graph with no cycle: no import runs back up."""
    imports = {
        p.name: set(re.findall(r'from "\./([\w-]+\.js)"', p.read_text(encoding="utf-8"))) for p in APP.glob("*.js")
    }
    seen, done = set(), set()

    def visit(name: str, path: tuple[str, ...]) -> None:
        assert name not in seen or name in done, f"an import cycle: {' -> '.join((*path, name))}"
        if name in done:
            return
        seen.add(name)
        for child in imports.get(name, ()):
            visit(child, (*path, name))
        done.add(name)

    for name in imports:
        visit(name, ())
