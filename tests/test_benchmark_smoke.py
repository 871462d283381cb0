"""The benchmark script keeps working: a quick run of it, in a real browser (no timing asserted)."""

from __future__ import annotations

import json

import pytest

pytestmark = pytest.mark.browser


def test_quick_benchmark_measures_both_apps(tmp_path):
    from benchmarks.run import main

    out = tmp_path / "bench.json"
    assert main(["--quick", "--json", str(out)]) == 0
    results = json.loads(out.read_text())
    for name in ("app", "naive"):
        figures = results[name]
        assert figures["step_latency_ms"]["n"] >= 4 and figures["step_latency_ms"]["median"] > 0
        assert figures["bytes_per_step"]["median"] > 0 and figures["server_ms"]["median"] > 0
        assert figures["page_errors"] == [] and figures["external_requests"] == 0
    assert results["app"]["zoom_kept"] is True
    assert results["naive"]["zoom_kept"] is False, "the baseline rebuilds the map, which resets the zoom"
