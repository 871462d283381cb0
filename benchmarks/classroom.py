"""A classroom at once: N real browser sessions on one app server, each stepping the time control at a
student's pace, against a single user measured in the same run.

    .venv/bin/python benchmarks/classroom.py                     # 30 sessions, 60 s each
    .venv/bin/python benchmarks/classroom.py --sessions 10 --seconds 20

Every request stays on loopback (Chromium resolves no other host) and the run is bounded: each session
stops after --seconds, a step that is not drawn within --timeout counts as an error. Each session opens
the app (the map first, then the rest of the page) and steps with the arrow keys; the step is drawn in
the browser. Reports errors (target: zero), the first map (navigation to the map painted) and the whole
page, the step latency (key to map painted) under load and alone, and the server's CPU per step and per
opening and its peak memory, as `benchmarks/loadgen.py` reports them (`--validate` there compares the two).
Writes benchmarks/results/classroom.json.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import random
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from playwright.async_api import async_playwright

from benchmarks.loadgen import OPENING_QUERY, Sampler, server_cpu, warm
from benchmarks.run import percentile
from benchmarks.visitor import Visit, back_and_forth
from geo.model.timeline import hour_steps
from geo.output.browser import find_chromium, launch_options
from harness.browser import DRAWN_FIELD, MAP_IFRAME, PAINTED, AppServer

RESULTS = ROOT / "benchmarks" / "results"
OPENING_HOUR = 6  # as in OPENING_QUERY


async def student(
    browser, url: str, seconds: float, pace: float, timeout: float, seed: int, delay: float
) -> tuple[Visit, list[float]]:
    """One session: arrive after `delay` seconds, open the app, then step at a student's pace until the time is
    up; returns what it saw and its step latencies (ms)."""
    rng, visit, latencies = random.Random(seed), Visit(), []
    await asyncio.sleep(delay)  # students arrive within the same minute, not the same millisecond
    context = await browser.new_context(viewport={"width": 1280, "height": 900})
    page = await context.new_page()
    page.on("pageerror", lambda error: visit.errors.append(f"page error: {error}"))
    try:
        load_timeout = 6 * timeout * 1000  # opening the page under load may take longer than a step
        began = time.monotonic()
        await page.goto(f"{url}/?{OPENING_QUERY}", timeout=load_timeout, wait_until="domcontentloaded")
        frame = await (await page.locator(MAP_IFRAME).element_handle(timeout=load_timeout)).content_frame()
        await frame.wait_for_function(PAINTED, arg=None, timeout=load_timeout)
        visit.first_map_s = time.monotonic() - began
        await page.get_by_test_id("stFileUploader").first.wait_for(state="attached", timeout=load_timeout)
        visit.opened_at = time.monotonic()
        visit.complete_s = visit.opened_at - began
        await page.evaluate(
            "() => { window.__keydown = []; document.addEventListener('keydown', "
            "e => window.__keydown.push(performance.timeOrigin + e.timeStamp), true); }"
        )
        hours, hour = hour_steps(), OPENING_HOUR
        deadline = visit.opened_at + seconds
        for position in back_and_forth(len(hours), OPENING_HOUR):
            await asyncio.sleep(rng.uniform(pace * 0.5, pace * 1.5))
            if time.monotonic() >= deadline:
                break
            key, hour = ("ArrowRight" if position > hour else "ArrowLeft"), position
            iso = hours[hour].isoformat()
            await page.evaluate("() => { if (document.activeElement) document.activeElement.blur(); }")
            visit.stepped_at.append(time.monotonic())
            await page.keyboard.press(key)
            try:
                await frame.wait_for_function(PAINTED, arg=iso, timeout=timeout * 1000)
            except Exception:  # noqa: BLE001 - a step not drawn in time is what we count
                visit.errors.append(f"step to {iso} not drawn within {timeout} s")
                break
            latencies.append(
                float(await frame.evaluate(DRAWN_FIELD, "paintedAt"))
                - await page.evaluate("() => window.__keydown[window.__keydown.length - 1]")
            )
    except Exception as error:  # noqa: BLE001 - a session that fails to load is an error, not a crash of the run
        stage = "page did not open" if visit.first_map_s is None else "page not completed"
        visit.errors.append(f"session failed ({stage}): {type(error).__name__}: {str(error).splitlines()[0][:120]}")
    finally:
        visit.finished_at = time.monotonic()
        await context.close()
    return visit, latencies


async def classroom(
    url: str, pid: int, sessions: int, seconds: float, pace: float, timeout: float, ramp: float = 0.0
) -> dict:
    """Run `sessions` browser sessions against the app at `url` (process `pid`) and summarise."""
    sampler, stop = Sampler([pid]), asyncio.Event()
    idle = await sampler.idle_cores()
    async with async_playwright() as playwright:
        browser = await playwright.chromium.launch(**launch_options(find_chromium(), offline=True))
        watcher = asyncio.create_task(sampler.run(stop))
        began = time.monotonic()
        results = await asyncio.gather(
            *(
                student(browser, url, seconds, pace, timeout, seed=k, delay=ramp * k / max(sessions, 1))
                for k in range(sessions)
            )
        )
        wall = time.monotonic() - began
        stop.set()
        await watcher
        await browser.close()
    visits = [visit for visit, _ in results]
    latencies = [x for _, steps in results for x in steps]
    first_maps = [v.first_map_s * 1000 for v in visits if v.first_map_s is not None]
    return {
        "sessions": sessions,
        "wall_s": wall,
        "steps": len(latencies),
        "errors": [e for v in visits for e in v.errors],
        "p50_ms": percentile(latencies, 0.5) if latencies else None,
        "p95_ms": percentile(latencies, 0.95) if latencies else None,
        "first_maps_drawn": len(first_maps),
        "first_map_p50_ms": percentile(first_maps, 0.5) if first_maps else None,
        "first_map_p95_ms": percentile(first_maps, 0.95) if first_maps else None,
        "pages_completed": sum(v.complete_s is not None for v in visits),
        "server_peak_rss_mb": max(rss for _, _, rss in sampler.samples),
        "ramp_s": ramp,
        **server_cpu(sampler, visits, wall, idle),
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sessions", type=int, default=30)
    parser.add_argument("--seconds", type=float, default=60, help="how long each session steps")
    parser.add_argument("--pace", type=float, default=3.0, help="mean seconds between a student's steps")
    parser.add_argument("--timeout", type=float, default=20, help="seconds a step may take (a page load: 6 times that)")
    parser.add_argument("--ramp", type=float, default=30, help="seconds over which the students arrive")
    parser.add_argument("--json", type=Path, default=RESULTS / "classroom.json")
    args = parser.parse_args(argv)
    server = AppServer(Path(args.json).with_suffix(".log") if args.json.parent.exists() else Path("/tmp/classroom.log"))
    try:

        async def run() -> tuple[dict, dict]:
            await warm([server.url], args.timeout)
            alone = await classroom(server.url, server.process.pid, 1, min(args.seconds, 20), args.pace, args.timeout)
            return alone, await classroom(
                server.url, server.process.pid, args.sessions, args.seconds, args.pace, args.timeout, args.ramp
            )

        load_before = os.getloadavg()
        alone, loaded = asyncio.run(run())
    finally:
        server.stop()
    report = {
        "single_user": alone,
        "classroom": loaded,
        "pace_s": args.pace,
        "seconds": args.seconds,
        "load_average_before": load_before,
        "load_average_after": os.getloadavg(),
        "when": time.strftime("%Y-%m-%d %H:%M %Z"),
    }
    args.json.parent.mkdir(parents=True, exist_ok=True)
    args.json.write_text(json.dumps(report, indent=2))
    print(
        "| | sessions | first maps | first map p50 (ms) | p95 (ms) | steps | errors | step p50 (ms) | step p95 (ms) "
        "| server CPU per opening (ms) | server peak RSS (MB) |"
    )
    print("| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |")
    for label, r in (("one user", alone), ("classroom", loaded)):
        print(
            f"| {label} | {r['sessions']} | {r['first_maps_drawn']} | {r['first_map_p50_ms'] or 0:,.0f} | "
            f"{r['first_map_p95_ms'] or 0:,.0f} | {r['steps']} | {len(r['errors'])} | {r['p50_ms'] or 0:,.0f} | "
            f"{r['p95_ms'] or 0:,.0f} | {r['server_cpu_ms_per_open'] or 0:,.0f} | {r['server_peak_rss_mb']:,.0f} |"
        )
    for error in loaded["errors"][:10]:
        print(f"error: {error}")
    return 0 if not loaded["errors"] else 1


if __name__ == "__main__":
    sys.exit(main())
