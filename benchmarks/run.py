"""Benchmark: this app against the naive rebuild-everything baseline, in one run, at every size.

    .venv/bin/python benchmarks/run.py                      # bundled, 1,000, 10,000 and 100,000 events
    .venv/bin/python benchmarks/run.py --sizes bundled,1000 --quick   # a few steps: checks the script works

For each size and each app it measures, as median and 95th percentile where there are samples:
- step latency in a real browser (Chromium, network blocked except loopback): from the key press
  ("→", which the app's time control takes in the browser and the baseline's button takes as a
  shortcut) to the new step painted inside the map's iframe;
- bytes the server sends over the websocket per step;
- server time per rerun: the Python work of the map section, in process (for this app a rerun
  happens once per release, not per step);
- cold start: from process start to the first map painted; and a new visitor's first map on the
  running server (from navigation to the map painted);
- this app only: the distinct states painted during a 1.2 s mouse drag from 00:00 to 17:00 before
  release; the reruns asked of the server by one release of a key burst, and during Play;
- browser JS heap after the latency steps and after N more steps (after garbage collection);
- whether a zoom the user set survives the steps;
and, once per size, the PNG snapshot time and the size of the static export.
The naive baseline (benchmarks/naive_app.py) is the obvious app that rebuilds the whole folium.Map
with one Marker per event on every step; where it cannot keep up, what happened is recorded.
Writes benchmarks/results/latest.json and benchmarks/results/latency.png; prints a table.
The machine is shared and noisy: quote medians and ratios, not single timings.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

import itertools

from playwright.sync_api import Error as PlaywrightError
from playwright.sync_api import sync_playwright

from geo.model.params import DEFAULT_HOUR
from geo.model.timeline import hour_steps
from geo.output.browser import launch
from harness.browser import MAP_IFRAME, AppServer, Browsing
from harness.generate import generate

APPS = {"app": ROOT / "app.py", "naive": ROOT / "benchmarks" / "naive_app.py"}
RESULTS = ROOT / "benchmarks" / "results"
USER_ZOOM = 10
STEP_TIMEOUT_S = 60


class TooSlow(Exception):
    """The app did not draw a step within the time allowed."""


def percentile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(q * (len(ordered) - 1)))]


def summary(values: list[float]) -> dict:
    return {"median": statistics.median(values), "p95": percentile(values, 0.95), "n": len(values)} if values else {}


def wait_painted(page, t_iso: str, timeout_s: float = STEP_TIMEOUT_S) -> tuple[object, float]:
    """The map frame once the step at t_iso is painted, and when (epoch ms); survives a rebuilt iframe."""
    deadline = time.monotonic() + timeout_s
    # what the map drew is on its container (geo/web/app/map.js; the baseline writes it the same way)
    condition = (
        f"() => {{ const m = document.querySelector('.jm-map'); return m && m.dataset.t === {t_iso!r}"
        " && Number(m.dataset.paintedAt) || null; }"
    )
    while True:
        try:
            frame = page.locator(MAP_IFRAME).element_handle(timeout=timeout_s * 1000).content_frame()
            if frame is None:  # the iframe is being replaced: look again
                raise PlaywrightError("no frame yet")
            painted = frame.wait_for_function(
                condition, timeout=max(deadline - time.monotonic(), 0.1) * 1000, polling="raf"
            )
            return frame, painted.json_value()  # read with the condition: a redraw may follow at once
        except PlaywrightError as err:
            if time.monotonic() > deadline:
                raise TooSlow(f"no step {t_iso} drawn within {timeout_s} s") from err
            # the iframe was replaced while we waited (the naive app rebuilds it): look it up again


def heap_mb(cdp) -> float:
    cdp.send("HeapProfiler.collectGarbage")
    metrics = {m["name"]: m["value"] for m in cdp.send("Performance.getMetrics")["metrics"]}
    return metrics["JSHeapUsedSize"] / 1e6


def zigzag(start: int, count: int) -> list[int]:
    """count + 1 hours from `start`, walking forward to 23 and back to 0 and so on, one hour a step."""
    hours, hour, direction = [start], start, 1
    for _ in range(count):
        if not 0 <= hour + direction <= 23:
            direction = -direction
        hour += direction
        hours.append(hour)
    return hours


def step_through(page, hours: list[int], ws_bytes: list[int]) -> tuple[list[float], list[int], str | None]:
    """Press → or ← to walk through `hours`; latency (ms) and websocket bytes received per step, and
    why it stopped early if a step was not drawn in time (the steps measured until then are kept)."""
    latencies, sizes = [], []
    for current, target in itertools.pairwise(hours):
        before = sum(ws_bytes)
        # A rebuilt map iframe can take the focus, and then the arrow keys pan Leaflet instead of
        # reaching Streamlit's shortcut; a student would click the page first. So do we.
        page.evaluate("() => { if (document.activeElement) document.activeElement.blur(); }")
        page.keyboard.press("ArrowRight" if target > current else "ArrowLeft")
        try:
            _, painted = wait_painted(page, hour_steps()[target].isoformat())
        except TooSlow as slow:
            return latencies, sizes, f"{slow} (after {len(latencies)} steps)"
        pressed = page.evaluate("() => window.__keydown[window.__keydown.length - 1]")
        latencies.append(painted - pressed)
        sizes.append(sum(ws_bytes) - before)
    return latencies, sizes, None


def measure_browser(app: str, data_dir: Path, samples: int, memory_steps: int, log_dir: Path) -> dict:
    """Everything measured in Chromium for one app on one dataset."""
    started = time.time() * 1000
    server = AppServer(
        log_dir / f"{app}-{data_dir.name}.log", env={"JULIACA_DATA_DIR": str(data_dir)}, script=APPS[app]
    )
    result: dict = {}
    try:
        with sync_playwright() as playwright:
            browser = launch(playwright, offline=True)
            context = browser.new_context(viewport={"width": 1400, "height": 1000})
            page = context.new_page()
            session = Browsing(page)
            session.attach(context)
            ws_bytes: list[int] = []
            frames_sent = [0]
            page.on("websocket", lambda ws: ws.on("framereceived", lambda payload: ws_bytes.append(len(payload))))
            page.on(
                "websocket", lambda ws: ws.on("framesent", lambda _: frames_sent.__setitem__(0, frames_sent[0] + 1))
            )
            try:
                page.goto(f"{server.url}/?t=2023-01-09T06:00&h=6&base=offline", timeout=STEP_TIMEOUT_S * 1000)
                frame, first_paint = wait_painted(page, hour_steps()[DEFAULT_HOUR].isoformat(), timeout_s=180)
                result["cold_start_ms"] = first_paint - started
                result["first_map_ms"] = summary(first_maps(context, server.url, visits=3))
                page.evaluate(
                    "() => { window.__keydown = []; document.addEventListener('keydown', "
                    "e => window.__keydown.push(performance.timeOrigin + e.timeStamp), true); }"
                )
                frame.evaluate(f"() => {{ window.map_div.setView([-15.2, -70.0], {USER_ZOOM}, {{animate: false}}); }}")
                cdp = context.new_cdp_session(page)
                cdp.send("Performance.enable")
                hours = zigzag(6, 1 + samples)
                latencies, sizes, stopped = step_through(page, hours, ws_bytes)
                result["step_latency_ms"] = summary(latencies[1:])  # the first step warms caches
                result["bytes_per_step"] = summary([float(s) for s in sizes[1:]])
                if stopped:
                    raise TooSlow(stopped)
                frame, _ = wait_painted(page, hour_steps()[hours[-1]].isoformat())
                result["zoom_kept"] = frame.evaluate("() => window.map_div.getZoom()") == USER_ZOOM
                if memory_steps:
                    heap_first = heap_mb(cdp)
                    _, _, stopped = step_through(page, zigzag(hours[-1], memory_steps), ws_bytes)
                    if stopped:
                        raise TooSlow(stopped)
                    result["heap_growth_mb"] = heap_mb(cdp) - heap_first
                    result["memory_steps"] = memory_steps
                if app == "app":
                    result.update(measure_control(page, frames_sent))
            except TooSlow as slow:
                result["failed"] = str(slow)
            except PlaywrightError as error:  # recorded: the baseline is expected to break at scale
                result["failed"] = f"{type(error).__name__}: {str(error).splitlines()[0][:200]}"
            result["page_errors"] = session.errors
            result["external_requests"] = len(session.external)
            browser.close()
    finally:
        server.stop()
    return result


def first_maps(context, url: str, visits: int) -> list[float]:
    """A new visitor's first map on the running server: from navigation to the map painted (ms)."""
    times = []
    for _ in range(visits):
        page = context.new_page()
        began = time.time() * 1000
        page.goto(f"{url}/?t=2023-01-09T06:00&h=6&base=offline", timeout=STEP_TIMEOUT_S * 1000)
        _, painted = wait_painted(page, hour_steps()[DEFAULT_HOUR].isoformat())
        times.append(painted - began)
        page.close()
    return times


DRAWN_RECORDER = """() => { window.jmDrawn = []; const tick = () => {
    const t = document.querySelector(".jm-map").dataset.t;
    if (t && window.jmDrawn[window.jmDrawn.length - 1] !== t) window.jmDrawn.push(t);
    requestAnimationFrame(tick); }; tick(); }"""


def _settled(page, key: str) -> None:
    """The time is released: the browser has put it in the address bar (and the list), with no rerun."""
    page.wait_for_function(
        "k => location.href.includes('t=' + k) || location.href.includes('t=' + k.replace(':', '%3A'))",
        arg=key,
        timeout=STEP_TIMEOUT_S * 1000,
    )
    page.wait_for_timeout(400)  # past the release's debounce: whatever a release sends has been sent


def measure_control(page, frames_sent: list[int]) -> dict:
    """The time control's own figures: states painted during a drag, and reruns per release and during Play."""
    out = {}
    page.locator(".jt-slider").focus()
    page.keyboard.press("Home")
    frame, _ = wait_painted(page, hour_steps()[0].isoformat())
    _settled(page, "2023-01-09T00:00")
    frame.evaluate(DRAWN_RECORDER)
    box = page.locator(".jt-slider").bounding_box()
    y, start = box["y"] + box["height"] / 2, box["x"] + 8
    end = start + (box["width"] - 16) * 17 / 23
    sent = frames_sent[0]
    page.mouse.move(start, y)
    page.mouse.down()
    for k in range(1, 61):  # 60 moves over about 1.2 s
        page.mouse.move(start + (end - start) * k / 60, y)
        page.wait_for_timeout(20)
    out["drag_states"] = frame.evaluate("() => window.jmDrawn.length") - 1
    out["reruns_during_drag"] = frames_sent[0] - sent
    page.mouse.up()
    value = int(page.locator(".jt-slider").input_value())
    _settled(page, f"2023-01-09T{value:02d}:00")
    out["reruns_per_release"] = frames_sent[0] - sent
    sent = frames_sent[0]
    for _ in range(3):  # a key burst: one release
        page.keyboard.press("ArrowLeft")
    _settled(page, f"2023-01-09T{value - 3:02d}:00")
    out["reruns_per_key_burst"] = frames_sent[0] - sent
    page.locator(".jt-speed select").select_option(label="0.5")
    sent = frames_sent[0]
    page.get_by_role("button", name="▶ Play").click()
    wait_painted(page, hour_steps()[value].isoformat())
    out["reruns_during_play"] = frames_sent[0] - sent
    page.get_by_role("button", name="⏸ Pause").click()
    return out


def measure_static_page(data_dir: Path, samples: int, work: Path) -> dict:
    """The exported page (filtering in the browser, no server): key press to step painted, and its load time."""
    from geo.data.load import load_dataset
    from geo.model.timeline import index_events
    from geo.output.export import PageOptions, export_site

    data = load_dataset(data_dir, strict=False)
    page_file = export_site(
        index_events(data.events, data.places, data.record), data.places, work / "static-page", PageOptions()
    )
    with sync_playwright() as playwright:
        browser = launch(playwright, offline=True)
        page = browser.new_page(viewport={"width": 1400, "height": 1000})
        began = time.time() * 1000
        page.goto(page_file.as_uri(), timeout=STEP_TIMEOUT_S * 1000)
        painted = (
            "t => { const m = document.querySelector('.jm-map');"
            " return m && (!t || m.dataset.t === t) && Number(m.dataset.paintedAt) || null; }"
        )
        loaded = page.wait_for_function(painted, arg=None, timeout=STEP_TIMEOUT_S * 1000).json_value() - began
        page.evaluate(
            "() => { window.__keydown = []; document.addEventListener('keydown', "
            "e => window.__keydown.push(performance.timeOrigin + e.timeStamp), true); }"
        )
        latencies = []
        for current, target in itertools.pairwise(zigzag(6, samples)):
            page.keyboard.press("ArrowRight" if target > current else "ArrowLeft")
            iso = hour_steps()[target].isoformat()
            at = page.wait_for_function(painted, arg=iso, polling="raf", timeout=STEP_TIMEOUT_S * 1000).json_value()
            latencies.append(at - page.evaluate("() => window.__keydown[window.__keydown.length - 1]"))
        browser.close()
    return {"step_latency_ms": summary(latencies[1:]), "load_ms": loaded, "bytes": page_file.stat().st_size}


def measure_server(app: str, data_dir: Path, repeats: int) -> dict:
    """The Python work of one step's map part, in process (what a rerun costs the server)."""
    from streamlit_folium import _get_map_string

    from benchmarks.naive_map import naive_map
    from geo.data.load import load_dataset
    from geo.map.layers import base_map
    from geo.map.steps import explore_steps
    from geo.model.timeline import index_events, state_at

    data = load_dataset(data_dir, strict=False)
    index = index_events(data.events, data.places, data.record)
    timings = []
    for i in range(repeats):
        t = hour_steps()[i % 24]
        began = time.perf_counter()
        state = state_at(index, t)
        if app == "app":  # a rerun (a setting changed; a release costs none): the map's arguments, the control's data
            fmap = base_map(data.places, "en", "offline", "bench")
            _get_map_string(fmap)
            json.dumps(explore_steps("hour", "en"))
        else:
            _get_map_string(naive_map(state, data.places))
        timings.append((time.perf_counter() - began) * 1000)
    return summary(timings)


def measure_exports(data_dir: Path, work: Path) -> dict:
    """The PNG snapshot time (median of 3, each with its own browser) and the static export's size."""
    from geo.data.load import load_dataset
    from geo.model.timeline import index_events
    from geo.output.export import PageOptions, export_site
    from geo.output.render import snapshot

    data = load_dataset(data_dir, strict=False)
    index = index_events(data.events, data.places, data.record)
    page = export_site(index, data.places, work / "site", PageOptions())
    times = []
    for k in range(3):
        began = time.perf_counter()
        snapshot(index, data.places, PageOptions(step=17), work / f"snap{k}.png", 1600, 1000, 1)
        times.append((time.perf_counter() - began) * 1000)
    return {"snapshot_ms": summary(times), "export_bytes": page.stat().st_size}


def machine() -> dict:
    cpu = platform.processor()
    info = Path("/proc/cpuinfo")
    if info.exists():
        cpu = next(
            (line.split(":", 1)[1].strip() for line in info.read_text().splitlines() if line.startswith("model name")),
            cpu,
        )
    memory = None
    if Path("/proc/meminfo").exists():
        memory = next(
            (
                int(line.split()[1]) // 1024 // 1024
                for line in Path("/proc/meminfo").read_text().splitlines()
                if line.startswith("MemTotal")
            ),
            None,
        )
    return {"cores": os.cpu_count(), "cpu": cpu, "memory_gib": memory, "python": platform.python_version()}


def _cell(figures: dict, key: str, field: str = "median") -> str:
    if "failed" in figures and not figures.get(key):
        return "failed"
    value = figures.get(key)
    if isinstance(value, dict):
        value = value.get(field)
    if value is None:
        return "–"
    if isinstance(value, bool):
        return "yes" if value else "no"
    return f"{value:,.0f}" if abs(value) >= 100 else f"{value:,.1f}"


def table(results: dict) -> str:
    rows = [
        "| events | app | step latency median (ms) | p95 (ms) | server ms/rerun | bytes/step | cold start (ms) | "
        "new visitor's first map (ms) | heap growth (MB) | zoom kept | drag: states painted | reruns: release / Play |",
        "| ---: | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | --- | ---: | ---: |",
    ]
    for size, apps in results["sizes"].items():
        for app in ("app", "naive"):
            f = apps[app]
            reruns = f"{f['reruns_per_key_burst']} / {f['reruns_during_play']}" if "reruns_during_play" in f else "–"
            rows.append(
                f"| {size} | {app} | {_cell(f, 'step_latency_ms')} | {_cell(f, 'step_latency_ms', 'p95')} | "
                f"{_cell(f, 'server_ms')} | {_cell(f, 'bytes_per_step')} | {_cell(f, 'cold_start_ms')} | "
                f"{_cell(f, 'first_map_ms')} | {_cell(f, 'heap_growth_mb')} | {_cell(f, 'zoom_kept')} | "
                f"{f.get('drag_states', '–')} | {reruns} |"
            )
        ratio = apps.get("ratio_latency")
        rows.append(f"| {size} | naive / app | {f'{ratio:.1f}×' if ratio else '–'} | | | | | | | | | |")
        page = apps.get("static_page")
        if page:
            rows.append(
                f"| {size} | static page (no server) | {_cell(page, 'step_latency_ms')} | "
                f"{_cell(page, 'step_latency_ms', 'p95')} | – | 0 | {_cell(page, 'load_ms')} | | | | | |"
            )
    return "\n".join(rows)


def plot(results: dict, out: Path) -> None:
    """A small log-log plot of median step latency against the number of events, both apps (Pillow only)."""
    from math import log10

    from PIL import Image, ImageDraw

    width, height, left, bottom, top, right = 640, 400, 70, 50, 20, 20
    image = Image.new("RGB", (width, height), "white")
    draw = ImageDraw.Draw(image)
    series = {"app": [], "naive": [], "static_page": []}
    failed = []
    for apps in results["sizes"].values():
        for name in series:
            figures = apps.get(name) or {}
            if figures.get("step_latency_ms"):
                series[name].append((apps["n"], figures["step_latency_ms"]["median"]))
            elif name == "naive":
                failed.append(apps["n"])
    all_n = [apps["n"] for apps in results["sizes"].values()] or [10, 100_000]
    x_lo, x_hi = log10(min(all_n)) - 0.1, log10(max(all_n)) + 0.1
    y_lo, y_hi = 0.7, 5.0  # 5 ms .. 100 s

    def xy(n: float, ms: float) -> tuple[float, float]:
        x = left + (log10(n) - x_lo) / (x_hi - x_lo) * (width - left - right)
        y = height - bottom - (log10(max(ms, 5)) - y_lo) / (y_hi - y_lo) * (height - top - bottom)
        return x, y

    draw.rectangle([left, top, width - right, height - bottom], outline="#888888")
    for decade, label in ((1, "10 ms"), (2, "100 ms"), (3, "1 s"), (4, "10 s"), (5, "100 s")):
        _, y = xy(10**x_lo, 10**decade)
        draw.line([left, y, width - right, y], fill="#e5e5e5")
        draw.text((6, y - 6), label, fill="#333333")
    for n in sorted(set(all_n)):
        x, _ = xy(n, 10)
        draw.text((x - 14, height - bottom + 8), f"{n:,}", fill="#333333")
    draw.text((left, height - 20), "events in the dataset (log scale); median step latency (log scale)", fill="#333333")
    colours = {"app": "#0072B2", "naive": "#D55E00", "static_page": "#009E73"}
    labels = {"app": "this app (Streamlit)", "naive": "naive rebuild", "static_page": "exported page (no server)"}
    for k, (name, colour) in enumerate(colours.items()):
        points = [xy(n, ms) for n, ms in sorted(series[name])]
        if len(points) > 1:
            draw.line(points, fill=colour, width=3)
        for x, y in points:
            draw.ellipse([x - 4, y - 4, x + 4, y + 4], fill=colour)
        ly = top + 8 + 16 * k
        draw.line([left + 10, ly + 6, left + 30, ly + 6], fill=colour, width=3)
        draw.text((left + 36, ly), labels[name], fill=colour)
    for n in failed:
        x, y = xy(n, 60_000)
        draw.line([x - 5, y - 5, x + 5, y + 5], fill=colours["naive"], width=3)
        draw.line([x - 5, y + 5, x + 5, y - 5], fill=colours["naive"], width=3)
        draw.text((x - 40, y + 8), "no step in 60 s", fill=colours["naive"])
    image.save(out)


def dataset(size: str, work: Path) -> tuple[Path, int]:
    if size == "bundled":
        from geo.data.load import load_dataset

        return ROOT / "data", len(load_dataset(ROOT / "data").events)
    folder = generate(int(size), work / f"data-{size}")
    return folder, int(size)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", default="bundled,1000,10000,100000", help="comma-separated: bundled or a number")
    parser.add_argument("--samples", type=int, default=40, help="latency samples per app and size (default 40)")
    parser.add_argument("--memory-steps", type=int, default=200, help="steps between the two heap readings")
    parser.add_argument(
        "--naive-max-samples",
        type=int,
        default=10,
        help="latency samples for the baseline above 1,000 events (it is slow)",
    )
    parser.add_argument("--quick", action="store_true", help="5 samples, 5 memory steps, no export timing")
    parser.add_argument("--json", type=Path, default=RESULTS / "latest.json", help="where to write the figures")
    args = parser.parse_args(argv)
    if args.quick:
        args.samples, args.memory_steps, args.naive_max_samples = 5, 5, 3
    args.json.parent.mkdir(parents=True, exist_ok=True)
    results: dict = {"machine": machine(), "samples": args.samples, "sizes": {}}
    with tempfile.TemporaryDirectory(prefix="juliaca-bench-") as folder:
        work = Path(folder)
        for size in args.sizes.split(","):
            data_dir, n = dataset(size, work)
            entry: dict = {"n": n}
            for app in APPS:
                big = n > 1000 and app == "naive"
                samples = min(args.samples, args.naive_max_samples) if big else args.samples
                memory = 0 if (big and n > 10_000) else args.memory_steps
                print(f"measuring {app} at {n} events …", file=sys.stderr)
                entry[app] = measure_browser(app, data_dir, samples, memory, work)
                entry[app]["server_ms"] = measure_server(app, data_dir, repeats=3 if big else max(samples, 24))
            if entry["app"].get("step_latency_ms") and entry["naive"].get("step_latency_ms"):
                entry["ratio_latency"] = (
                    entry["naive"]["step_latency_ms"]["median"] / entry["app"]["step_latency_ms"]["median"]
                )
            print(f"measuring the static page at {n} events …", file=sys.stderr)
            entry["static_page"] = measure_static_page(data_dir, args.samples, work / f"static-{size}")
            if not args.quick and n <= 10_000:
                entry["exports"] = measure_exports(data_dir, work / f"exports-{size}")
            results["sizes"][size] = entry
            args.json.write_text(json.dumps(results, indent=2))  # so far: a long run stopped early keeps its figures
    args.json.write_text(json.dumps(results, indent=2))
    plot(results, args.json.parent / "latency.png")
    m = results["machine"]
    print(f"Machine: {m['cores']} cores, {m['cpu']}, {m['memory_gib']} GiB; Python {m['python']}")
    print(table(results))
    for size, entry in results["sizes"].items():
        if "exports" in entry:
            e = entry["exports"]
            print(
                f"{size}: PNG snapshot {e['snapshot_ms']['median']:,.0f} ms (median of 3); "
                f"static export {e['export_bytes'] / 1e6:.2f} MB"
            )
    print(f"\nFigures written to {args.json} and {args.json.parent / 'latency.png'}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
