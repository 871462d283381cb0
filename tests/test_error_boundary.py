"""In a real browser: an error never shows the server's internals, and a long-cell upload ends in a
clear message (issue 16)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from harness.browser import ROOT, AppServer

pytestmark = pytest.mark.browser
CORPUS = ROOT / "tests" / "corpus"
INTERNALS = [
    str(ROOT),
    "Traceback",
    'File "',
    ".py",
    "RuntimeError",
    "forced fault",
    "raise ",
    "Ask Google",
    "Ask ChatGPT",
]
ERROR_ID = re.compile(r"\(error [0-9a-f]{8}\)")


def assert_no_internals(page) -> None:
    """No path, source line, traceback or help link, in what the page shows or in its HTML."""
    text, html = page.locator("body").inner_text(), page.content()
    assert not [s for s in INTERNALS if s in text], text
    assert not [s for s in (str(ROOT), "Traceback", "forced fault") if s in html]


@pytest.fixture(scope="module")
def faulty_server(tmp_path_factory):
    """The app with an unexpected error forced at each boundary where visitor input enters."""
    server = AppServer(
        tmp_path_factory.mktemp("faulty") / "streamlit.log", env={"JULIACA_TEST_FAULT": "url,upload,download"}
    )
    yield server
    server.stop()


@pytest.fixture(scope="module")
def crashing_server(tmp_path_factory):
    """A page whose script fails outside any boundary: only the server's settings stand in the way."""
    script = tmp_path_factory.mktemp("crash") / "crash_app.py"
    script.write_text("raise RuntimeError(f'forced fault in {__file__}, line 1')\n")
    server = AppServer(tmp_path_factory.mktemp("crash-log") / "streamlit.log", script=script)
    yield server
    server.stop()


def test_errors_at_each_boundary_are_said_with_an_id_and_nothing_else(faulty_server, browsing):
    page = browsing.page
    page.goto(f"{faulty_server.url}/?t=2023-01-09T17:00&base=offline")
    url_note = page.get_by_text("Something went wrong on our side").first
    url_note.wait_for()
    assert ERROR_ID.search(url_note.inner_text())
    browsing.wait_for_map("2023-01-09T06:00:00-05:00")  # the default view, not 17:00
    assert_no_internals(page)

    page.get_by_text("Bring your own data").click()
    page.locator("input[type=file]").first.set_input_files(str(CORPUS / "hostile_events.csv"))
    page.get_by_role("button", name="Check and map this file").click()
    upload_note = page.get_by_text("Your file could not be checked because of an error on our side")
    upload_note.wait_for()
    assert ERROR_ID.search(upload_note.inner_text())
    assert_no_internals(page)

    page.get_by_role("button", name="This view (PNG)").click()  # a file the server makes, when asked
    download_note = page.locator(".jd-status").filter(has_text="Something went wrong on our side")
    download_note.wait_for()
    assert ERROR_ID.search(download_note.inner_text())
    assert_no_internals(page)
    log = Path(faulty_server.log.name).read_text()
    for note in (url_note, upload_note, download_note):
        assert ERROR_ID.search(note.inner_text()).group(0)[7:-1] in log  # the id leads to the traceback


def test_an_uncaught_error_shows_no_trace_of_internals(crashing_server, browsing):
    page = browsing.page
    page.goto(crashing_server.url)
    page.get_by_text("This app has encountered an error").wait_for()
    assert_no_internals(page)
    assert "forced fault" in Path(crashing_server.log.name).read_text()  # the server's log has it all


def _long_cell(column_text: bytes) -> bytes:
    header, row = (CORPUS / "acled_ok.csv").read_bytes().split(b"\n")[:2]
    return header + b"\n" + row.replace(column_text, b'"' + b"x" * 200_000 + b'"', 1) + b"\n"


@pytest.mark.parametrize(
    "column_text, expected",
    [
        (b"Juliaca", "acled_long.csv, line 2, column 'location'"),
        (
            b'"On 9 January 2023, police fired on demonstrators near the airport in Juliaca."',
            "Showing your data: 1 valid",
        ),
    ],
)
def test_a_long_acled_cell_ends_in_a_clear_message(app_server, browsing, tmp_path, column_text, expected):
    """Issue 16: a 200 KB ACLED cell showed a traceback; now a long note is read, a long place refused."""
    path = tmp_path / "acled_long.csv"
    path.write_bytes(_long_cell(column_text))
    page = browsing.page
    page.goto(f"{app_server.url}/?base=offline")
    browsing.wait_for_map()
    page.get_by_text("Bring your own data").click()
    page.get_by_text("ACLED export", exact=True).click()
    page.locator("input[type=file]").first.set_input_files(str(path))
    page.get_by_role("button", name="Check and map this file").click()
    page.get_by_text(expected, exact=False).first.wait_for()
    assert_no_internals(page)
    browsing.assert_clean()
