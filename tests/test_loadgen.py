"""The protocol-level load generator keeps matching the app: it finds the time control in the app's own
messages, its students step without error, and it refuses to send load anywhere but loopback."""

from __future__ import annotations

import argparse
import json
import subprocess
import sys

import pytest

from benchmarks.loadgen import MAX_STUDENTS, bounded, loopback_only
from geo.commands.serve import ROOT, find_haproxy


@pytest.mark.parametrize("url", ["http://example.org", "https://127.0.0.1:8501", "http://10.0.0.5:8080",
                                 "http://127.0.0.1.example.org"])
def test_load_goes_to_loopback_only(url):
    with pytest.raises(argparse.ArgumentTypeError):
        loopback_only(url)


def test_the_number_of_students_is_bounded():
    assert bounded(MAX_STUDENTS)("300") == 300
    for value in (str(MAX_STUDENTS + 1), "0", "-5"):
        with pytest.raises(argparse.ArgumentTypeError):
            bounded(MAX_STUDENTS)(value)


def test_two_students_through_the_proxy_release_the_time_control_without_error(tmp_path):
    if find_haproxy() is None:
        pytest.fail("HAProxy is missing: .ci/run installs it (apt-get install haproxy)")
    out = tmp_path / "loadgen.json"
    done = subprocess.run([sys.executable, "benchmarks/loadgen.py", "--replicas", "1", "--students", "2",
                           "--seconds", "2", "--pace", "0.5", "--ramp", "0", "--json", str(out)],
                          cwd=ROOT, capture_output=True, text=True, timeout=240)
    report = json.loads(out.read_text())
    assert done.returncode == 0 and report["errors"] == [], done.stdout + done.stderr[-2000:]
    assert report["releases"] >= 2 and report["p50_ms"] is None  # no release asks for a rerun
    assert report["students_per_process"] == {"JULIACA_SERVER=app1": 2}, "every student went through the proxy"
    assert report["server_cpu_ms_per_release"] > 0 and report["server_peak_rss_mb"] > 50


def test_a_burst_reports_every_first_map_and_its_p95(tmp_path):
    """Each new visitor opens the app in two runs (the map, then the rest): both are counted and timed."""
    if find_haproxy() is None:
        pytest.fail("HAProxy is missing: .ci/run installs it (apt-get install haproxy)")
    out = tmp_path / "burst.json"
    done = subprocess.run([sys.executable, "benchmarks/loadgen.py", "--replicas", "1", "--burst", "3", "--within", "1",
                           "--seconds", "2", "--pace", "0.5", "--json", str(out)],
                          cwd=ROOT, capture_output=True, text=True, timeout=240)
    report = json.loads(out.read_text())
    assert done.returncode == 0 and report["errors"] == [], done.stdout + done.stderr[-2000:]
    assert report["burst"] is True and report["students"] == 3 and report["ramp_s"] == 1
    assert report["first_maps_drawn"] == 3 and report["pages_completed"] == 3
    assert 0 < report["first_map_p50_ms"] <= report["first_map_p95_ms"] <= report["page_complete_p95_ms"]
    assert "first maps drawn" in done.stdout and "| 1 | 3 | 3 |" in done.stdout
