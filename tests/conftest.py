"""Shared fixtures: the bundled data, the source text and gazetteer from ../shared, editable copies."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

from geo.load import REPO_DATA_DIR, load_dataset
from geo.timeline import index_events

ROOT = Path(__file__).resolve().parent.parent
SHARED = Path(os.environ.get("JULIACA_SHARED", ROOT.parent / "shared"))
SOURCE_TEXT = Path(os.environ.get("JULIACA_SOURCE_TEXT", SHARED / "sources" / "wikipedia-juliaca-massacre.txt"))
GAZETTEER = SHARED / "reference" / "gazetteer.csv"


def _shared_file(path: Path) -> Path:
    """A file from ../shared; CI must have it, a developer without it gets a skip that says why."""
    if path.is_file():
        return path
    if os.environ.get("CI"):
        pytest.fail(f"{path} is missing; CI must run with ../shared beside the project")
    pytest.skip(f"{path} is absent (set JULIACA_SHARED or JULIACA_SOURCE_TEXT to run this test)")


@pytest.fixture(scope="session")
def data():
    """The bundled dataset, loaded strictly: the tests fail if it does not validate."""
    return load_dataset(REPO_DATA_DIR, strict=True)


@pytest.fixture(scope="session")
def index(data):
    """The bundled events indexed for stepping through time."""
    return index_events(data.events, data.places)


@pytest.fixture(scope="session")
def source_text() -> str:
    """The Wikipedia article every event is built from."""
    return _shared_file(SOURCE_TEXT).read_text(encoding="utf-8")


@pytest.fixture(scope="session")
def gazetteer_path() -> Path:
    """The vetted gazetteer of coordinates."""
    return _shared_file(GAZETTEER)


@pytest.fixture
def data_copy(tmp_path) -> Path:
    """A writable copy of data/ to corrupt in a test."""
    target = tmp_path / "data"
    shutil.copytree(REPO_DATA_DIR, target)
    return target
