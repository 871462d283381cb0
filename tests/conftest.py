"""Shared fixtures: the bundled data, the source text and gazetteer from ../shared, editable copies."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

from geo.data.load import REPO_DATA_DIR, load_dataset
from geo.model.timeline import index_events

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
    return index_events(data.events, data.places, data.record)


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


HOSTILE_TEXT = (
    "<script>alert(1)</script><img src=x onerror=alert(2)> `${alert(3)}` C:\\new\\x [a](javascript:alert(4)) $x$"
)
HOSTILE_COLUMNS = ("title_en", "title_es", "summary_en", "summary_es", "reported_by", "source_section", "source_quote")


@pytest.fixture(scope="session")
def hostile_data_dir(tmp_path_factory) -> Path:
    """A data folder whose every free-text column carries script payloads (ids stay valid)."""
    import csv

    target = tmp_path_factory.mktemp("hostile") / "data"
    shutil.copytree(REPO_DATA_DIR, target)
    path = target / "events.csv"
    with path.open(encoding="utf-8", newline="") as f:
        rows = list(csv.DictReader(f))
    for row in rows:
        for column in HOSTILE_COLUMNS:
            row[column] = HOSTILE_TEXT if column != "source_quote" else "<script>alert(5)</script> `${x}`"
    with path.open("w", encoding="utf-8", newline="") as f:
        writer = csv.DictWriter(f, fieldnames=list(rows[0]), lineterminator="\n")
        writer.writeheader()
        writer.writerows(rows)
    return target


# --- real browser --------------------------------------------------------------------------

ARTIFACTS = ROOT / "test-artifacts"


def pytest_xdist_auto_num_workers(config):
    """`-n auto` (pyproject.toml): the fast tier (`-m "not browser"`) runs on one pytest-xdist worker per
    core; any run that may hold a browser test runs in one process, as before: the browser tests share one
    app server and one Chromium, and time frames. (xdist's `--dist loadgroup` cannot keep them together
    under pytest 9: it renames `item._nodeid`, which pytest 9 no longer reads.)"""
    if "not browser" not in (config.option.markexpr or ""):
        return 0
    return None  # xdist's own choice: one worker per core


@pytest.hookimpl(wrapper=True, tryfirst=True)
def pytest_runtest_makereport(item, call):
    """Keep each phase's report on the test item, so fixtures can tell that the test failed."""
    report = yield
    setattr(item, f"report_{report.when}", report)
    return report


@pytest.fixture(scope="session")
def app_server(tmp_path_factory):
    """The app with the bundled data, on a free loopback port."""
    from harness.browser import AppServer

    server = AppServer(tmp_path_factory.mktemp("server") / "streamlit.log")
    yield server
    server.stop()


@pytest.fixture(scope="session")
def hostile_server(tmp_path_factory, hostile_data_dir):
    """The app on the hostile data folder."""
    from harness.browser import AppServer

    server = AppServer(
        tmp_path_factory.mktemp("hostile-server") / "streamlit.log", env={"JULIACA_DATA_DIR": str(hostile_data_dir)}
    )
    yield server
    server.stop()


@pytest.fixture(scope="session")
def chromium():
    """Headless Chromium that resolves no host name but loopback (see geo.output.browser)."""
    from playwright.sync_api import sync_playwright

    from geo.output.browser import launch

    with sync_playwright() as playwright:
        browser = launch(playwright, offline=True)
        yield browser
        browser.close()


@pytest.fixture
def browsing(chromium, request):
    """A fresh page at 1400x1000 whose non-loopback requests are blocked and recorded.
    Saves a screenshot to test-artifacts/ when the test fails."""
    from harness.browser import Browsing

    size = getattr(request, "param", (1400, 1000))
    context = chromium.new_context(viewport={"width": size[0], "height": size[1]}, locale="en-GB")
    session = Browsing(context.new_page())
    session.attach(context)
    yield session
    report = getattr(request.node, "report_call", None)
    if report is not None and report.failed:
        ARTIFACTS.mkdir(exist_ok=True)
        session.page.screenshot(path=str(ARTIFACTS / f"{request.node.name}.png"), full_page=True)
    context.close()
