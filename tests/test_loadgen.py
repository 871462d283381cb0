"""The protocol-level load generator keeps matching the app: its visitors open the app in two runs (the map,
then the rest) through the proxy, step as the browser does (sending nothing), fetch what a browser
fetches, and it refuses to send load anywhere but loopback."""

from __future__ import annotations

import argparse
import asyncio
import concurrent.futures
import json
import subprocess
import sys

import pytest

from benchmarks.loadgen import MAX_STUDENTS, Sampler, bounded, loopback_only, server_cpu
from benchmarks.visitor import Assets, Visit, Visitor, back_and_forth, learn_assets, read_response, split_assets
from geo.commands.serve import ROOT, find_haproxy


def _run(coroutine):
    """asyncio.run in a thread of its own: after any test of the session's sync Playwright, this thread keeps
    an event loop running, and asyncio.run here failed ('cannot be called from a running event loop')."""
    with concurrent.futures.ThreadPoolExecutor(1) as pool:
        return pool.submit(asyncio.run, coroutine).result()


@pytest.mark.parametrize(
    "url", ["http://example.org", "https://127.0.0.1:8501", "http://10.0.0.5:8080", "http://127.0.0.1.example.org"]
)
def test_load_goes_to_loopback_only(url):
    with pytest.raises(argparse.ArgumentTypeError):
        loopback_only(url)


def test_the_number_of_students_is_bounded():
    assert bounded(MAX_STUDENTS)("300") == 300
    for value in (str(MAX_STUDENTS + 1), "0", "-5"):
        with pytest.raises(argparse.ArgumentTypeError):
            bounded(MAX_STUDENTS)(value)


def test_a_student_steps_back_and_forth_across_the_day():
    steps = back_and_forth(4, 2)
    assert [next(steps) for _ in range(8)] == [3, 2, 1, 0, 1, 2, 3, 2]


def test_the_files_a_browser_fetched_are_split_by_when_each_once():
    seen = [
        (1.0, "/static/js/index.js"),
        (1.5, "/_stcore/health"),
        (2.5, "/app/static/app.js"),
        (3.0, "/static/js/index.js"),
        (3.5, "/static/js/Radio.js"),
    ]
    assert split_assets(seen, socket_at=2.0, painted_at=3.0) == Assets(
        shell=("/static/js/index.js",), map=("/app/static/app.js",), rest=("/static/js/Radio.js",)
    )


@pytest.mark.parametrize(
    "raw, body, keep",
    [
        (b"HTTP/1.1 200 OK\r\nContent-Length: 5\r\nSet-Cookie: a=1; Path=/\r\n\r\nhelloNEXT", b"hello", True),
        (
            b"HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n3;x=y\r\nabc\r\n2\r\nde\r\n0\r\n\r\nNEXT",
            b"abcde",
            True,
        ),
        (b"HTTP/1.1 404 Not Found\r\nConnection: close\r\nContent-Length: 2\r\n\r\nno", b"no", False),
        (b"HTTP/1.0 200 OK\r\n\r\nto the end", b"to the end", False),
    ],
)
def test_a_response_is_read_to_its_end_and_no_further(raw, body, keep):
    async def read():
        reader = asyncio.StreamReader()
        reader.feed_data(raw)
        reader.feed_eof()
        response, reusable = await read_response(reader)
        return response, reusable, await reader.read()

    response, reusable, left = _run(read())
    assert (response.body, reusable) == (body, keep)
    assert left == (b"NEXT" if keep else b"")
    assert response.status == int(raw.split()[1])


def test_the_server_cpu_per_step_is_the_steady_windows_and_the_rest_goes_to_the_openings():
    """Two visitors open by t=10 and leave at t=20; the server used 1 s of CPU per opening, 0.1 core idle
    (1 s over the window) and nothing more while 20 steps were taken."""
    visits = [
        Visit(first_map_s=1, complete_s=2, opened_at=10, finished_at=20, stepped_at=[10.5 + k for k in range(10)])
        for _ in range(2)
    ]
    sampler = Sampler(pids=[1], samples=[(0.0, 0.0, 0.0), (10.0, 3.0, 0.0), (20.0, 4.0, 0.0)])
    cpu = server_cpu(sampler, visits, wall_s=20.0, idle_cores=0.1)
    assert cpu["server_cpu_ms_per_step"] == pytest.approx(50)  # 1 s over 20 steps: as issue 22 measured
    assert cpu["server_cpu_cores_steady"] == pytest.approx(0.1) == cpu["server_cpu_cores_idle"]
    assert cpu["server_cpu_ms_per_open"] == pytest.approx(1000)  # (4 s - 0.1 x 20 s) / 2 openings
    assert cpu["server_cpu_cores"] == pytest.approx(0.2)


def test_an_opening_just_before_the_steady_window_is_not_counted_as_steps():
    """The server samples every half second. The last visitor's second run ended at t=10, after the sample
    at t=9.5: the second of CPU it used by then belongs to the openings, not to the steps taken from t=10
    on, during which the server did nothing."""
    visits = [
        Visit(first_map_s=1, complete_s=2, opened_at=10, finished_at=20, stepped_at=[10.5 + k for k in range(10)])
        for _ in range(2)
    ]
    samples = [(0.0, 0.0, 0.0), (9.5, 1.0, 0.0), (10.5, 2.0, 0.0), (19.5, 2.0, 0.0), (20.5, 2.0, 0.0)]
    cpu = server_cpu(Sampler(pids=[1], samples=samples), visits, wall_s=20.5, idle_cores=0.0)
    assert cpu["server_cpu_ms_per_step"] == 0 and cpu["server_cpu_cores_steady"] == 0
    assert cpu["server_cpu_ms_per_open"] == pytest.approx(1000)  # 2 s over 2 openings


def _loadgen(tmp_path, *args: str) -> tuple[subprocess.CompletedProcess, dict]:
    if find_haproxy() is None:
        pytest.fail("HAProxy is missing: .ci/run installs it (apt-get install haproxy)")
    out = tmp_path / "loadgen.json"
    done = subprocess.run(
        [
            sys.executable,
            "benchmarks/loadgen.py",
            "--replicas",
            "1",
            "--seconds",
            "2",
            "--pace",
            "0.5",
            *args,
            "--json",
            str(out),
        ],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=240,
    )
    assert out.exists(), done.stdout + done.stderr[-3000:]
    report = json.loads(out.read_text())
    assert done.returncode == 0 and report["errors"] == [], done.stdout + done.stderr[-2000:]
    return done, report


@pytest.mark.browser  # starts the app behind HAProxy: the browser tier, as every test that runs a server
def test_two_students_open_the_app_through_the_proxy_and_step_sending_nothing(tmp_path):
    _, report = _loadgen(tmp_path, "--students", "2", "--ramp", "0", "--assets", "none")
    assert report["first_maps_drawn"] == 2 and report["pages_completed"] == 2
    assert report["steps"] >= 2 and report["sent_while_stepping"] == 0  # the browser keeps a step to itself
    assert report["students_per_process"] == {"JULIACA_SERVER=app1": 2}, "every student went through the proxy"
    assert report["server_cpu_ms_per_step"] is not None and report["server_cpu_cores_idle"] is not None
    assert report["server_cpu_ms_per_open"] > 0 and report["server_peak_rss_mb"] > 50
    assert len(report["load_average_before"]) == len(report["load_average_after"]) == 3


@pytest.mark.browser  # starts the app behind HAProxy: the browser tier, as every test that runs a server
def test_a_burst_reports_every_first_map_and_its_p95(tmp_path):
    """Each new visitor opens the app in two runs (the map, then the rest): both are counted and timed."""
    done, report = _loadgen(tmp_path, "--burst", "3", "--within", "1", "--assets", "none")
    assert report["burst"] is True and report["students"] == 3 and report["ramp_s"] == 1
    assert report["first_maps_drawn"] == 3 and report["pages_completed"] == 3 and len(report["first_map_ms"]) == 3
    assert 0 < report["first_map_p50_ms"] <= report["first_map_p95_ms"] <= report["page_complete_p95_ms"]
    assert "first maps drawn" in done.stdout and "| 1 | burst of 3 within 1 s | 3 |" in done.stdout


@pytest.mark.browser
def test_a_visitor_fetches_what_a_browser_fetched_around_its_two_runs(app_server):
    """The files learnt from Chromium: Streamlit's scripts before the websocket, the browser app, the map's
    frame and the data bundle while the map is drawn; a simulated visitor gets every one of them."""
    query = "t=2023-01-09T06:00&base=offline"

    async def visit() -> tuple[Assets, Visitor]:
        assets = await learn_assets(app_server.url, query)
        async with Visitor(app_server.url, query, assets=assets) as visitor:
            await visitor.open()
        return assets, visitor

    assets, visitor = _run(visit())
    assert any(path.startswith("/static/js/") for path in assets.shell)
    map_files = " ".join(assets.map)
    assert "/core.json" in map_files and "streamlit_folium.st_folium/index.html" in map_files and "/app.js" in map_files
    assert "/_stcore/health" not in assets.shell + assets.map + assets.rest
    assert 0 < visitor.first_map_s < visitor.complete_s
    assert visitor.drawn.panel is not None and visitor.drawn.uploaders, "the second run drew the rest of the page"
