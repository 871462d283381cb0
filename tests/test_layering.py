"""The imports of geo/ point one way (README: "How it is built"), read from the source with `ast`.

Each folder of geo/ is a layer; a module may import its own layer and the layers below it, never one
above. Only the map layer imports folium or branca, and nothing in geo/ imports Streamlit. The shared
harness (harness/) lets tests/ and benchmarks/ share code without importing each other both ways.
"""

from __future__ import annotations

import ast
import re
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
# From the bottom up; geo/__init__.py and geo/__main__.py stand above them all.
LAYERS = ("data", "model", "text", "map", "output", "commands")
TOP = len(LAYERS)
MAP_ONLY = ("folium", "branca")


def _name(rank: int) -> str:
    return LAYERS[rank] if rank < TOP else "geo"


def layer_of(module: str) -> int:
    """The rank of a dotted module of geo/ ('geo.map.layers' -> 3); the package root ranks above all."""
    parts = module.split(".")
    return LAYERS.index(parts[1]) if len(parts) > 1 and parts[1] in LAYERS else TOP


def imported(tree: ast.AST) -> list[tuple[int, str]]:
    """Every module an import names, with its line (`from geo import vocab` names geo.vocab)."""
    found = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found += [(node.lineno, alias.name) for alias in node.names]
        elif isinstance(node, ast.ImportFrom) and node.module:
            if node.module in ("geo", *(f"geo.{layer}" for layer in LAYERS)):
                found += [(node.lineno, f"{node.module}.{alias.name}") for alias in node.names]
            else:
                found.append((node.lineno, node.module))
    return found


def wrong_way(relative: str, source: str) -> list[str]:
    """What is wrong with the imports of one file of geo/, one message per import, naming both."""
    module = relative.removesuffix(".py").replace("/", ".")
    rank, problems = layer_of(module), []
    for line, name in imported(ast.parse(source, relative)):
        top = name.split(".")[0]
        if top == "geo" and layer_of(name) > rank:
            problems.append(
                f"{relative}:{line} imports {name}, a layer above its own ({_name(layer_of(name))} over {_name(rank)})"
            )
        elif top in MAP_ONLY and not module.startswith("geo.map."):
            problems.append(f"{relative}:{line} imports {name}: only geo/map/ may import {' or '.join(MAP_ONLY)}")
        elif top == "streamlit":
            problems.append(f"{relative}:{line} imports {name}: geo/ never imports Streamlit (ui/ does)")
    return problems


def _python_files(folder: str) -> list[Path]:
    return sorted(p for p in (ROOT / folder).rglob("*.py") if "node_modules" not in p.parts)  # npm's tools


def test_every_import_in_geo_points_down():
    files = _python_files("geo")
    assert len(files) > 30 and all(p.parent.name in (*LAYERS, "geo") for p in files), "a module outside the layers"
    problems = [msg for p in files for msg in wrong_way(p.relative_to(ROOT).as_posix(), p.read_text(encoding="utf-8"))]
    assert not problems, "imports that run the wrong way:\n" + "\n".join(problems)


@pytest.mark.parametrize(
    "relative, source, expected",
    [
        (
            "geo/data/upload.py",
            "from geo.output.export import neutralise_formula",
            "geo/data/upload.py:1 imports geo.output.export, a layer above its own (output over data)",
        ),
        (
            "geo/model/params.py",
            "import os\nfrom geo.text import i18n",
            "geo/model/params.py:2 imports geo.text.i18n, a layer above its own (text over model)",
        ),
        (
            "geo/model/moments.py",
            "def f():\n    from geo.map.layers import base_map",
            "geo/model/moments.py:2 imports geo.map.layers, a layer above its own (map over model)",
        ),
        (
            "geo/output/export.py",
            "import folium",
            "geo/output/export.py:1 imports folium: only geo/map/ may import folium or branca",
        ),
        (
            "geo/text/labels.py",
            "from branca.element import Figure",
            "geo/text/labels.py:1 imports branca.element: only geo/map/ may import folium or branca",
        ),
        (
            "geo/map/layers.py",
            "import streamlit as st",
            "geo/map/layers.py:1 imports streamlit: geo/ never imports Streamlit (ui/ does)",
        ),
    ],
)
def test_a_wrong_way_import_is_named(relative, source, expected):
    assert wrong_way(relative, source) == [expected]


@pytest.mark.parametrize(
    "relative, source",
    [
        ("geo/output/export.py", "from geo.map.layers import map_config\nfrom geo.data import vocab"),
        ("geo/map/layers.py", "import folium\nfrom branca.element import MacroElement"),
        ("geo/__main__.py", "from geo.commands.cli import main"),
        ("geo/data/load.py", "from geo.data import vocab"),
    ],
)
def test_a_downward_import_passes(relative, source):
    assert wrong_way(relative, source) == []


@pytest.mark.parametrize(
    "folder, forbidden", [("benchmarks", "tests"), ("harness", "tests"), ("harness", "benchmarks")]
)
def test_tests_and_benchmarks_do_not_import_each_other_both_ways(folder, forbidden):
    """tests/ may import benchmarks/ (to test the load generator) and harness/; benchmarks/ never imports tests/."""
    found = [
        f"{p.relative_to(ROOT)}:{line} imports {name}"
        for p in _python_files(folder)
        for line, name in imported(ast.parse(p.read_text(encoding="utf-8")))
        if name.split(".")[0] == forbidden
    ]
    assert not found, "\n".join(found)


def test_each_step_of_how_it_is_built_is_one_folder_and_every_layer_is_a_step():
    guide = (ROOT / "docs" / "development.md").read_text(encoding="utf-8")
    section = guide.split("## How it is built\n", 1)[1].split("\n## ", 1)[0]
    steps = re.findall(r"^\d+\. `([^`]+)`", section, flags=re.M)
    assert steps and all(step.endswith("/") and (ROOT / step).is_dir() for step in steps), steps
    assert {f"geo/{layer}/" for layer in LAYERS} <= set(steps), "a layer of geo/ is not a step of docs/development.md"
    order = [step for step in steps if step.startswith("geo/") and step[4:].rstrip("/") in LAYERS]
    assert order == [f"geo/{layer}/" for layer in LAYERS], "docs/development.md lists the layers in another order"
