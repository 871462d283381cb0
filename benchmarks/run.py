"""Benchmark: the app against the naive rebuild-everything baseline, measured in the same run.

    .venv/bin/python benchmarks/run.py            # full run (about 3 minutes)
    .venv/bin/python benchmarks/run.py --quick    # a few steps, to check that the script works

For each app it reports, as median and 95th percentile where there are samples:
- step latency in a real browser (Chromium, network blocked except loopback): from the key press
  (the "→" shortcut) to the new step painted inside the map's iframe;
- bytes the server sends over the websocket per step;
- server time per step: the Python work of a rerun's map part (state, layer build, serialisation);
- cold start: from process start to the first map painted;
- browser JS heap after 1 step and after N steps (after garbage collection);
- whether the zoom a user set survives the steps.
It prints a table with the ratios and writes the figures as JSON (benchmarks/results/latest.json).
The machine is shared and noisy: quote medians and ratios, not single timings.
"""

from __future__ import annotations

import argparse
import json
import platform
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from playwright.sync_api import Error as PlaywrightError  # noqa: E402
from playwright.sync_api import sync_playwright  # noqa: E402

from geo.browser import launch  # noqa: E402
from geo.timeline import hour_steps  # noqa: E402
from tests.browser import MAP_IFRAME, AppServer, Browsing  # noqa: E402

APPS = {"app": ROOT / "app.py", "naive": ROOT / "benchmarks" / "naive_app.py"}
RESULTS = ROOT / "benchmarks" / "results"
USER_ZOOM = 10


def percentile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(q * (len(ordered) - 1)))]


def summary(values: list[float]) -> dict:
    return {"median": statistics.median(values), "p95": percentile(values, 0.95), "n": len(values)} if values else {}


def wait_painted(page, t_iso: str, timeout_s: float = 30.0) -> tuple[object, float]:
    """The map frame once the step at t_iso is painted, and when (epoch ms). Survives an iframe replaced by a rebuild."""
    deadline = time.monotonic() + timeout_s
    condition = f"() => window.JuliacaMap && JuliacaMap.lastStep && JuliacaMap.lastStep.t === {t_iso!r} && JuliacaMap.lastStep.paintedAt"
    while True:
        try:
            frame = page.locator(MAP_IFRAME).element_handle(timeout=timeout_s * 1000).content_frame()
            frame.wait_for_function(condition, timeout=max(deadline - time.monotonic(), 0.1) * 1000, polling="raf")
            return frame, frame.evaluate("() => JuliacaMap.lastStep.paintedAt")
        except PlaywrightError:
            if time.monotonic() > deadline:
                raise
            # the iframe was replaced while we waited (the naive app rebuilds it): look it up again


def heap_mb(cdp) -> float:
    cdp.send("HeapProfiler.collectGarbage")
    metrics = {m["name"]: m["value"] for m in cdp.send("Performance.getMetrics")["metrics"]}
    return metrics["JSHeapUsedSize"] / 1e6


def step_through(page, hours: list[int], ws_bytes: list[int]) -> tuple[list[float], list[int]]:
    """Press → or ← to walk through `hours`; latency (ms) and websocket bytes received per step."""
    latencies, sizes = [], []
    steps = hour_steps()
    current = hours[0]
    for target in hours[1:]:
        before = sum(ws_bytes)
        page.keyboard.press("ArrowRight" if target > current else "ArrowLeft")
        _, painted = wait_painted(page, steps[target].isoformat())
        pressed = page.evaluate("() => window.__keydown[window.__keydown.length - 1]")
        latencies.append(painted - pressed)
        sizes.append(sum(ws_bytes) - before)
        current = target
    return latencies, sizes


def zigzag(start: int, count: int) -> list[int]:
    """count + 1 hours from `start`, walking forward to 23 and back to 0 and so on, one hour a step."""
    hours, hour, direction = [start], start, 1
    for _ in range(count):
        if not 0 <= hour + direction <= 23:
            direction = -direction
        hour += direction
        hours.append(hour)
    return hours


def measure_browser(name: str, samples: int, memory_steps: int, log_dir: Path) -> dict:
    started = time.time() * 1000
    server = AppServer(log_dir / f"{name}.log", script=APPS[name])
    try:
        with sync_playwright() as playwright:
            browser = launch(playwright, offline=True)
            context = browser.new_context(viewport={"width": 1400, "height": 1000})
            page = context.new_page()
            session = Browsing(page)
            session.attach(context)
            ws_bytes: list[int] = []
            page.on("websocket", lambda ws: ws.on("framereceived",
                                                   lambda payload: ws_bytes.append(len(payload))))
            page.goto(f"{server.url}/?t=2023-01-09T06:00&h=6&base=offline")
            frame, first_paint = wait_painted(page, hour_steps()[6].isoformat(), timeout_s=90)
            cold_start = first_paint - started
            page.evaluate("() => { window.__keydown = []; document.addEventListener('keydown', "
                          "e => window.__keydown.push(performance.timeOrigin + e.timeStamp), true); }")
            frame.evaluate(f"() => window.map_div.setView([-15.2, -70.0], {USER_ZOOM}, {{animate: false}})")
            cdp = context.new_cdp_session(page)
            cdp.send("Performance.enable")
            hours = zigzag(6, 1 + samples)
            latencies, sizes = step_through(page, hours, ws_bytes)
            frame, _ = wait_painted(page, hour_steps()[hours[-1]].isoformat())
            zoom_after = frame.evaluate("() => window.map_div.getZoom()")
            heap_first = heap_mb(cdp)
            step_through(page, zigzag(hours[-1], memory_steps), ws_bytes)
            heap_last = heap_mb(cdp)
            browser.close()
            return {
                "step_latency_ms": summary(latencies[1:]),  # the first step warms caches
                "bytes_per_step": summary([float(s) for s in sizes[1:]]),
                "cold_start_ms": cold_start,
                "zoom_kept": zoom_after == USER_ZOOM,
                "heap_mb_after_1_step": heap_first,
                f"heap_mb_after_{memory_steps}_more_steps": heap_last,
                "heap_growth_mb": heap_last - heap_first,
                "page_errors": session.errors,
                "external_requests": len(session.external),
            }
    finally:
        server.stop()


def measure_server(name: str, repeats: int) -> dict:
    """The Python work of one step, in process: state, layers and the strings st_folium sends."""
    import folium
    from streamlit_folium import _get_feature_group_string, _get_map_string

    from geo.layers import LocalMap, base_map, step_layer, step_payload
    from geo.load import load_dataset
    from geo.timeline import index_events, state_at

    data = load_dataset()
    index = index_events(data.events, data.places)
    timings = []
    for i in range(repeats):
        t = hour_steps()[i % 24]
        began = time.perf_counter()
        state = state_at(index, t)
        if name == "app":
            fmap = base_map(data.places, "en", "offline")
            _get_map_string(fmap)
            _get_feature_group_string(step_layer(step_payload(index, state, data.places, "en")), map=fmap)
        else:
            fmap = LocalMap(location=(-14.85, -70.05), zoom_start=8, tiles=None)
            for ev in state.visible.itertuples(index=False):
                if ev.place_id in data.places.index:
                    point = data.places.geometry[ev.place_id]
                    folium.Marker([point.y, point.x], tooltip=ev.title_en).add_to(fmap)
            _get_map_string(fmap)
        timings.append((time.perf_counter() - began) * 1000)
    return summary(timings)


def machine() -> dict:
    import os

    cpu = next((line.split(":", 1)[1].strip() for line in Path("/proc/cpuinfo").read_text().splitlines()
                if line.startswith("model name")), platform.processor()) if Path("/proc/cpuinfo").exists() else platform.processor()
    memory = next((int(line.split()[1]) // 1024 // 1024 for line in Path("/proc/meminfo").read_text().splitlines()
                   if line.startswith("MemTotal")), None) if Path("/proc/meminfo").exists() else None
    return {"cores": os.cpu_count(), "cpu": cpu, "memory_gib": memory, "python": platform.python_version()}


def table(results: dict) -> str:
    app, naive = results["app"], results["naive"]

    def ratio(a: float, b: float) -> str:
        return f"{b / a:.1f}×" if a else "–"

    rows = [
        ("step latency, median (ms)", app["step_latency_ms"]["median"], naive["step_latency_ms"]["median"]),
        ("step latency, p95 (ms)", app["step_latency_ms"]["p95"], naive["step_latency_ms"]["p95"]),
        ("server time per step, median (ms)", app["server_ms"]["median"], naive["server_ms"]["median"]),
        ("bytes per step, median", app["bytes_per_step"]["median"], naive["bytes_per_step"]["median"]),
        ("cold start (ms)", app["cold_start_ms"], naive["cold_start_ms"]),
        ("JS heap growth over the memory steps (MB)", app["heap_growth_mb"], naive["heap_growth_mb"]),
    ]
    lines = [f"| measure | this app | naive rebuild | naive / app |", "| --- | ---: | ---: | ---: |"]
    lines += [f"| {label} | {a:,.1f} | {b:,.1f} | {ratio(a, b)} |" for label, a, b in rows]
    lines.append(f"| zoom kept after steps | {'yes' if app['zoom_kept'] else 'no'} | "
                 f"{'yes' if naive['zoom_kept'] else 'no'} | |")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--samples", type=int, default=60, help="latency samples per app (default 60)")
    parser.add_argument("--memory-steps", type=int, default=100, help="steps between the two heap readings")
    parser.add_argument("--quick", action="store_true", help="5 samples and 5 memory steps: checks the script works")
    parser.add_argument("--json", type=Path, default=RESULTS / "latest.json", help="where to write the figures")
    args = parser.parse_args(argv)
    if args.quick:
        args.samples, args.memory_steps = 5, 5
    args.json.parent.mkdir(parents=True, exist_ok=True)
    results: dict = {"machine": machine(), "samples": args.samples, "memory_steps": args.memory_steps}
    for name in APPS:
        print(f"measuring {name} …", file=sys.stderr)
        results[name] = measure_browser(name, args.samples, args.memory_steps, args.json.parent)
        results[name]["server_ms"] = measure_server(name, repeats=max(args.samples, 24))
    args.json.write_text(json.dumps(results, indent=2))
    print(f"Machine: {results['machine']['cores']} cores, {results['machine']['cpu']}, "
          f"{results['machine']['memory_gib']} GiB; Python {results['machine']['python']}")
    print(table(results))
    print(f"\nFigures written to {args.json}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
