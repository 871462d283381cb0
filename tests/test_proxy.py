"""Two app processes behind HAProxy (`python -m geo serve`), on loopback, in real browsers: a session's
upload and downloads work through the proxy, browsers spread over the processes by cookie, and when one
process stops, the sessions on the other keep working and new visitors go to the survivor."""

from __future__ import annotations

import os

import pytest

from harness.browser import CORPUS, Browsing, upload_file

pytestmark = pytest.mark.browser

COOKIE = "JULIACA_SERVER"


@pytest.fixture(scope="module")
def deployment(tmp_path_factory):
    """Two app processes and HAProxy in front of them, on free loopback ports."""
    from geo.commands.serve import INSTALL_HINT, Deployment, find_haproxy, free_port

    if find_haproxy() is None:
        if os.environ.get("CI"):
            pytest.fail(INSTALL_HINT)
        pytest.skip(INSTALL_HINT)
    deployment = Deployment(2, port=free_port(), log_dir=tmp_path_factory.mktemp("serve")).start()
    yield deployment
    deployment.stop()


@pytest.fixture
def visitors(chromium):
    """Open a new browser (its own cookies) at the proxy and wait for the map; closes them all after."""
    contexts = []

    def visit(url: str) -> Browsing:
        context = chromium.new_context(viewport={"width": 1400, "height": 1000}, locale="en-GB")
        contexts.append(context)
        visitor = Browsing(context.new_page())
        visitor.attach(context)
        visitor.page.goto(f"{url}/?t=2023-01-09T06:00&base=offline")
        visitor.wait_for_map()
        return visitor

    yield visit
    for context in contexts:
        context.close()


def process_of(visitor: Browsing) -> str:
    """The process the proxy's cookie binds this browser to (app1, app2, ...)."""
    cookies = {c["name"]: c["value"] for c in visitor.page.context.cookies()}
    return cookies[COOKIE]


def download_csv_rows(visitor: Browsing) -> list[str]:
    """Click "Events shown (CSV)" and return the file's lines."""
    with visitor.page.expect_download(timeout=60_000) as download:
        visitor.page.get_by_role("button", name="Events shown (CSV)").click()
    return download.value.path().read_text(encoding="utf-8-sig").splitlines()


def step_back(visitor: Browsing) -> None:
    """Press "◀ Back" and wait until the map has drawn another step."""
    before = visitor.drawn()
    visitor.page.get_by_role("button", name="◀ Back").click()
    visitor.map_frame().wait_for_function(
        f"() => document.querySelector('.jm-map').dataset.t !== {before!r}", timeout=60_000
    )


def test_sessions_stay_on_their_process_and_survive_the_loss_of_the_other(deployment, visitors):
    first = visitors(deployment.url)
    upload_file(first.page, CORPUS / "acled_ok.csv", fmt_label="ACLED export")
    first.page.get_by_text("Showing your data: 2 valid events").wait_for()
    rows = download_csv_rows(first)
    assert len(rows) == 3 and any(row.startswith("per1001,") for row in rows), rows

    second = visitors(deployment.url)
    assert {process_of(first), process_of(second)} == {"app1", "app2"}, "two browsers, two processes"

    deployment.stop_app(int(process_of(second).removeprefix("app")) - 1)
    step_back(first)  # the surviving session still reruns, with its upload
    assert first.page.get_by_text("Showing your data: 2 valid events").count() == 1
    assert download_csv_rows(first) == rows

    newcomer = visitors(deployment.url)
    assert process_of(newcomer) == process_of(first), "new visitors go to the process still alive"
    second.page.reload()
    second.wait_for_map()
    assert process_of(second) == process_of(first), "a browser whose process died is sent to a live one"
    for visitor in (first, newcomer, second):
        visitor.assert_clean()
