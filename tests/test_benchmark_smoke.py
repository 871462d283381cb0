"""The benchmark script keeps working: a quick run of it, in a real browser (no timing asserted)."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

pytestmark = pytest.mark.browser
ROOT = Path(__file__).resolve().parent.parent


def test_quick_benchmark_measures_both_apps(tmp_path):
    out = tmp_path / "bench.json"
    done = subprocess.run([sys.executable, str(ROOT / "benchmarks" / "run.py"), "--quick", "--sizes", "bundled,1000",
                           "--json", str(out)],
                          capture_output=True, text=True, timeout=900, cwd=ROOT)
    assert done.returncode == 0, done.stderr[-3000:]
    assert "naive / app" in done.stdout
    results = json.loads(out.read_text())
    assert set(results["sizes"]) == {"bundled", "1000"} and results["sizes"]["1000"]["n"] == 1000
    for entry in results["sizes"].values():
        for name in ("app", "naive"):
            figures = entry[name]
            assert "failed" not in figures, figures
            assert figures["step_latency_ms"]["n"] >= 2 and figures["step_latency_ms"]["median"] > 0
            assert figures["bytes_per_step"]["median"] > 0 and figures["server_ms"]["median"] > 0
            assert figures["page_errors"] == [] and figures["external_requests"] == 0
        assert entry["app"]["zoom_kept"] is True
        assert entry["naive"]["zoom_kept"] is False, "the baseline rebuilds the map, which resets the zoom"
    assert (out.parent / "latency.png").stat().st_size > 1000
