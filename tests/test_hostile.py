"""Hostile load against one replica, in short (issue 21): images, worst-case uploads and new visitors opening
the app and stepping at once, on loopback, bounded. The replica's process tree stays under the pod's memory
limit, the new visitors get their map and their page with no error, and every hostile request ends in a
message. The full form
(`benchmarks/hostile.py`, no --short) prints the figures of docs/operations.md."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

from benchmarks.hostile import pod_memory_limit_mb, verdict
from geo.commands.serve import ROOT


def test_the_limit_is_the_pods():
    assert pod_memory_limit_mb() == 1024  # deploy/kubernetes.yaml: limits.memory 1Gi


def test_the_verdict_fails_on_memory_on_an_error_and_on_silence():
    ok = {
        "replica_alive": True,
        "limit_mb": 1024,
        "peak_mb": {"pss": 900},
        "outcomes": [{"kind": "png", "name": "12:00", "error": "", "message": "image: 300 bytes"}],
    }
    assert verdict(ok) == []
    assert verdict(ok | {"peak_mb": {"pss": 1100}}) and verdict(ok | {"replica_alive": False})
    assert verdict(ok | {"outcomes": [{"kind": "upload", "name": "x", "error": "", "message": ""}]})
    assert verdict(ok | {"outcomes": [{"kind": "steps", "name": "v", "error": "TimeoutError", "message": ""}]})


@pytest.mark.browser
def test_a_replica_holds_under_hostile_load(tmp_path):
    out = tmp_path / "hostile.json"
    done = subprocess.run(
        [sys.executable, "benchmarks/hostile.py", "--short", "--json", str(out)],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=300,
    )
    report = json.loads(out.read_text())
    assert done.returncode == 0 and verdict(report) == [], done.stdout[-3000:] + done.stderr[-2000:]
    kinds = [o["kind"] for o in report["outcomes"]]
    assert kinds.count("png") == 3 and kinds.count("upload") == 2 and kinds.count("steps") == 3
    assert all(o["message"].startswith("image:") for o in report["outcomes"] if o["kind"] == "png")
    assert all("could not be used" in o["message"] for o in report["outcomes"] if o["kind"] == "upload")
    assert report["first_maps_drawn"] == report["pages_completed"] == 3
    assert report["steps"] >= 10 and report["sent_while_stepping"] == 0  # a step stays in the browser (issue 22)
    assert report["peak_mb"]["pss"] < report["limit_mb"]
