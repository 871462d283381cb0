"""A classroom at once: N real browser sessions on one app server, each moving the slider at a
student's pace, against a single user measured in the same run.

    .venv/bin/python benchmarks/classroom.py                     # 30 sessions, 60 s each
    .venv/bin/python benchmarks/classroom.py --sessions 10 --seconds 20

Every request stays on loopback (Chromium resolves no other host) and the run is bounded: each
session stops after --seconds, a step that is not drawn within --timeout counts as an error.
Reports errors (target: zero), the p50 and p95 step latency under load and alone, and the app
server's peak memory. Writes benchmarks/results/classroom.json.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import random
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from playwright.async_api import async_playwright  # noqa: E402

from benchmarks.loadgen import Sampler, Student, cpu_ms_per_release, steady_window  # noqa: E402
from benchmarks.run import percentile  # noqa: E402
from geo.model.timeline import hour_steps  # noqa: E402
from geo.output.browser import LAUNCH_ARGS, OFFLINE_ARG, find_chromium  # noqa: E402
from harness.browser import DRAWN_FIELD, MAP_IFRAME, PAINTED, AppServer  # noqa: E402

RESULTS = ROOT / "benchmarks" / "results"


def rss_mb(pid: int) -> float:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return 0.0


async def student(browser, url: str, seconds: float, pace: float, timeout: float, seed: int, delay: float) -> dict:
    """One session: arrive after `delay` seconds, open the app, then step at a student's pace until the time is up."""
    rng = random.Random(seed)
    await asyncio.sleep(delay)  # students arrive within the same minute, not the same millisecond
    context = await browser.new_context(viewport={"width": 1280, "height": 900})
    page = await context.new_page()
    errors: list[str] = []
    page.on("pageerror", lambda error: errors.append(f"page error: {error}"))
    latencies: list[float] = []
    released: list[float] = []  # when each step was asked for, to count server work per step
    opened_at = None
    hour, direction = 6, 1
    try:
        load_timeout = 6 * timeout * 1000  # opening the page under load may take longer than a step
        began = time.monotonic()
        await page.goto(f"{url}/?t=2023-01-09T06:00&base=offline", timeout=load_timeout, wait_until="domcontentloaded")
        frame = await (await page.locator(MAP_IFRAME).element_handle(timeout=load_timeout)).content_frame()
        await frame.wait_for_function(PAINTED, arg=None, timeout=load_timeout)
        opened_at = time.monotonic()
        opened = opened_at - began
        await page.evaluate("() => { window.__keydown = []; document.addEventListener('keydown', "
                            "e => window.__keydown.push(performance.timeOrigin + e.timeStamp), true); }")
        deadline = time.monotonic() + seconds
        while time.monotonic() < deadline:
            await asyncio.sleep(rng.uniform(pace * 0.5, pace * 1.5))
            if not 0 <= hour + direction <= 23:
                direction = -direction
            hour += direction
            iso = hour_steps()[hour].isoformat()
            await page.evaluate("() => { if (document.activeElement) document.activeElement.blur(); }")
            released.append(time.monotonic())
            await page.keyboard.press("ArrowRight" if direction > 0 else "ArrowLeft")
            try:
                await frame.wait_for_function(PAINTED, arg=iso, timeout=timeout * 1000)
            except Exception:  # noqa: BLE001 - a step not drawn in time is what we count
                errors.append(f"step to {iso} not drawn within {timeout} s")
                break
            latencies.append(float(await frame.evaluate(DRAWN_FIELD, "paintedAt"))
                             - await page.evaluate("() => window.__keydown[window.__keydown.length - 1]"))
    except Exception as error:  # noqa: BLE001 - a session that fails to load is an error, not a crash of the run
        stage = "page did not open"
        try:
            frame = await (await page.locator(MAP_IFRAME).element_handle(timeout=1000)).content_frame()
            stage = await frame.evaluate("() => { const m = document.querySelector('.jm-map');"
                                         " return !m ? 'no map script' : !m.dataset.t ? 'no step drawn' : 'not painted'; }")
        except Exception:  # noqa: BLE001
            pass
        errors.append(f"session failed ({stage}): {type(error).__name__}: {str(error).splitlines()[0][:120]}")
        opened = None
    finally:
        finished_at = time.monotonic()
        await context.close()
    return {"latencies": latencies, "errors": errors, "open_s": opened,
            "student": Student(released_at=released, opened_at=opened_at, finished_at=finished_at)}


async def classroom(url: str, pid: int, sessions: int, seconds: float, pace: float, timeout: float,
                    ramp: float = 0.0) -> dict:
    peak = 0.0

    async def watch_memory(stop: asyncio.Event) -> None:
        nonlocal peak
        while not stop.is_set():
            peak = max(peak, rss_mb(pid))
            await asyncio.sleep(0.5)

    async with async_playwright() as playwright:
        browser = await playwright.chromium.launch(**launch_options(find_chromium_path, offline=True))
        stop = asyncio.Event()
        watcher = asyncio.create_task(watch_memory(stop))
        sampler = Sampler([pid])  # server CPU, to compare with benchmarks/loadgen.py per step
        cpu_watcher = asyncio.create_task(sampler.run(stop))
        began = time.monotonic()
        results = await asyncio.gather(*(student(browser, url, seconds, pace, timeout, seed=k,
                                                 delay=ramp * k / max(sessions, 1)) for k in range(sessions)))
        stop.set()
        await watcher
        await cpu_watcher
        await browser.close()
    latencies = [x for r in results for x in r["latencies"]]
    return {
        "sessions": sessions,
        "wall_s": time.monotonic() - began,
        "steps": len(latencies),
        "errors": [e for r in results for e in r["errors"]],
        "p50_ms": percentile(latencies, 0.5) if latencies else None,
        "p95_ms": percentile(latencies, 0.95) if latencies else None,
        "median_ms": statistics.median(latencies) if latencies else None,
        "server_peak_rss_mb": peak,
        "open_s_median": statistics.median([r["open_s"] for r in results if r["open_s"]] or [0]),
        "ramp_s": ramp,
        "server_cpu_ms_per_release": cpu_ms_per_release(
            sampler, [t for r in results for t in r["student"].released_at],
            steady_window([r["student"] for r in results])),
    }


def main(argv: list[str] | None = None) -> int:
    global find_chromium_path
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sessions", type=int, default=30)
    parser.add_argument("--seconds", type=float, default=60, help="how long each session moves the slider")
    parser.add_argument("--pace", type=float, default=3.0, help="mean seconds between a student's steps")
    parser.add_argument("--timeout", type=float, default=20, help="seconds a step may take (a page load: 6 times that)")
    parser.add_argument("--ramp", type=float, default=30, help="seconds over which the students arrive")
    parser.add_argument("--json", type=Path, default=RESULTS / "classroom.json")
    args = parser.parse_args(argv)
    find_chromium_path = find_chromium()
    server = AppServer(Path(args.json).with_suffix(".log") if args.json.parent.exists() else Path("/tmp/classroom.log"))
    try:
        alone = asyncio.run(classroom(server.url, server.process.pid, 1, min(args.seconds, 20), args.pace, args.timeout))
        loaded = asyncio.run(classroom(server.url, server.process.pid, args.sessions, args.seconds, args.pace,
                                       args.timeout, args.ramp))
    finally:
        server.stop()
    report = {"single_user": alone, "classroom": loaded, "pace_s": args.pace, "seconds": args.seconds}
    args.json.parent.mkdir(parents=True, exist_ok=True)
    args.json.write_text(json.dumps(report, indent=2))
    print("| | sessions | steps | errors | step p50 (ms) | step p95 (ms) | page opened, median (s) | server peak RSS (MB) |")
    print("| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |")
    for label, r in (("one user", alone), ("classroom", loaded)):
        print(f"| {label} | {r['sessions']} | {r['steps']} | {len(r['errors'])} | {r['p50_ms'] or 0:,.0f} | "
              f"{r['p95_ms'] or 0:,.0f} | {r['open_s_median']:.1f} | {r['server_peak_rss_mb']:,.0f} |")
    for error in loaded["errors"][:10]:
        print(f"error: {error}")
    return 0 if not loaded["errors"] else 1


find_chromium_path = ""

if __name__ == "__main__":
    sys.exit(main())
