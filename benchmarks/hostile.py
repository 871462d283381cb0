"""Hostile load against one replica (issue 21): no upload, link or download may take it down.

    .venv/bin/python benchmarks/hostile.py                 # the full form: prints the figures of docs/operations.md
    .venv/bin/python benchmarks/hostile.py --short         # the short form `make test` runs (tests/test_hostile.py)

One app process (one replica, as in a pod of deploy/kubernetes.yaml) on a loopback port, and at once:
- 20 visitors who each ask for a PNG of a different hour (no two the same: nothing comes from the cache),
  as the list's download button asks for it (`benchmarks.visitor.Visitor.make`);
- 5 visitors who each upload a worst case: rows ending in a bare CR at the row limit, every cell bad; a
  places GeoJSON of 300,000 empty features; one cell of almost 20 MB; short ACLED rows and valid rows at
  the row limit;
- 10 new visitors arriving one after another over the first half of the load, each opening the app as a
  browser does (the files it fetches learnt from one Chromium visit first; the map, then the rest) and
  stepping through the day every 1 to 2 s (a step sends the server nothing since issue 22).

It passes when the replica's process tree (the app and its Chromium) stays under the pod's memory limit
(`limits.memory` of deploy/kubernetes.yaml) at every sample, read as PSS (shared pages counted once:
harness/processes.py), the stepping visitors get their map and their page with no error, and every hostile
request ends in a message the page shows (an image, a map of the upload, or the reason why not). Bounded:
loopback only, a fixed number of visitors, and a deadline for every run.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import sys
import tempfile
import threading
import time
from dataclasses import asdict, dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from benchmarks.run import percentile
from benchmarks.uploads import project_row
from benchmarks.visitor import NO_ASSETS, Assets, VisitError, Visitor, learn_assets, open_and_step, png_bytes
from geo.data.limits import MAX_FILE_BYTES, MAX_ROWS
from geo.data.vocab import EVENT_COLUMNS
from harness.processes import Memory, process_memory, tree_memory

MANIFEST = ROOT / "deploy" / "kubernetes.yaml"
RESULTS = ROOT / "benchmarks" / "results"
CHECK_LABEL, EVENTS_LABEL, PLACES_LABEL = (
    "Check and map this file",
    "Events (CSV)",
    "Places (GeoJSON, optional: without it, the bundled places are used)",
)
STEPPING_QUERY = "t=2023-01-09T06:00&base=offline"


def pod_memory_limit_mb(manifest: Path = MANIFEST) -> float:
    """The app container's `limits.memory` in the manifest, in MiB (e.g. 1Gi -> 1024)."""
    import yaml

    for doc in yaml.safe_load_all(manifest.read_text(encoding="utf-8")):
        if doc and doc.get("kind") == "Deployment":
            limit = doc["spec"]["template"]["spec"]["containers"][0]["resources"]["limits"]["memory"]
            units = {"Gi": 1024, "Mi": 1, "G": 1e9 / 2**20, "M": 1e6 / 2**20}
            for suffix, factor in units.items():
                if limit.endswith(suffix):
                    return float(limit[: -len(suffix)]) * factor
    raise ValueError(f"no memory limit for the app in {manifest}")


# --- the worst-case files ---------------------------------------------------------------------------


def _acled_row(i: int) -> str:
    return f"PER{i},2023-01-09,1,Protests,Peaceful protest,Puno,Place {i % 500},-15.5,-70.13,1,EFE,notes,0"


ACLED_HEADER = (
    "event_id_cnty,event_date,time_precision,event_type,sub_event_type,admin1,location,latitude,longitude,"
    "geo_precision,source,notes,fatalities"
)


def hostile_files(rows: int) -> dict[str, tuple[str, dict[str, tuple[str, bytes]]]]:
    """Each worst case: its format and its files ({uploader label: (file name, bytes)}); `rows` at most."""
    header = ",".join(EVENT_COLUMNS)
    bundled_events = (ROOT / "data" / "events.csv").read_bytes()
    cell_row = project_row(0, "S").replace(",S,S,", ',"' + "x" * (MAX_FILE_BYTES - 1_000) + '",S,', 1)
    return {
        "cr-rows-every-cell-bad": (
            "project",
            {EVENTS_LABEL: ("cr.csv", (header + "\r" + (",".join(["x"] * len(EVENT_COLUMNS)) + "\r") * rows).encode())},
        ),
        "feature-bomb": (
            "project",
            {
                EVENTS_LABEL: ("events.csv", bundled_events),
                PLACES_LABEL: (
                    "places.geojson",
                    b'{"type": "FeatureCollection", "features": [' + b"{}," * 299_999 + b"{}]}",
                ),
            },
        ),
        "one-20-mb-cell": ("project", {EVENTS_LABEL: ("cell.csv", (header + "\n" + cell_row + "\n").encode())}),
        "ragged-acled": (
            "acled",
            {
                EVENTS_LABEL: (
                    "acled.csv",
                    (ACLED_HEADER + "\n" + (",".join(_acled_row(0).split(",")[:-3]) + "\n") * rows).encode(),
                )
            },
        ),
        "valid-rows-at-the-limit": (
            "project",
            {
                EVENTS_LABEL: (
                    "valid.csv",
                    (header + "\n" + "\n".join(project_row(i, "S") for i in range(rows)) + "\n").encode(),
                )
            },
        ),
    }


# --- the visitors -------------------------------------------------------------------------------------


@dataclass
class Outcome:
    """What one visitor got: the message its page showed (or the error it met), and how long it took."""

    kind: str
    name: str
    message: str = ""
    error: str = ""
    seconds: float = 0.0
    first_map_ms: float | None = None  # a stepping visitor's opening: its first map, and the whole page
    complete_ms: float | None = None
    steps: int = 0
    sent_while_stepping: int = 0


def _said(visitor: Visitor) -> str:
    alerts = [f"{kind}: {body}" for kind, body in visitor.drawn.alerts if not body.startswith("Content note")]
    return alerts[-1][:240] if alerts else ""


async def png_visitor(url: str, hour: int, timeout: float, assets: Assets) -> Outcome:
    """Open the app at `hour` and ask for its PNG, as the list's download button does; the page must get the
    image or say why not."""
    began, outcome = time.monotonic(), Outcome("png", f"{hour:02d}:00")
    try:
        async with Visitor(url, f"t=2023-01-09T{hour:02d}:00&base=offline", assets=assets) as visitor:
            await visitor.open()
            made = await visitor.make("png", timeout=timeout)
            png = png_bytes(made)
            outcome.message = (
                f"image: {len(png):,} bytes" if png else f"error: {made['error']}" if made.get("error") else "not a PNG"
            )
    except (VisitError, OSError, TimeoutError) as error:
        outcome.error = f"{type(error).__name__}: {str(error)[:200]}"
    outcome.seconds = time.monotonic() - began
    return outcome


async def upload_visitor(
    url: str, name: str, fmt: str, files: dict[str, tuple[str, bytes]], timeout: float, assets: Assets
) -> Outcome:
    """Upload a worst case and press Check; the page must map it or say why not."""
    began, outcome = time.monotonic(), Outcome("upload", name)
    try:
        async with Visitor(url, "base=offline", timeout=timeout, assets=assets) as visitor:
            await visitor.open()
            if fmt == "acled":
                await visitor.choose("Format", "ACLED export")
            for label, (file_name, content) in files.items():
                await visitor.choose_file(label, file_name, content)
            await visitor.press(CHECK_LABEL, timeout=4 * timeout)
            outcome.message = _said(visitor)
    except (VisitError, OSError, TimeoutError) as error:
        outcome.error = f"{type(error).__name__}: {str(error)[:200]}"
    outcome.seconds = time.monotonic() - began
    return outcome


async def stepping_visitor(url: str, k: int, delay: float, seconds: float, timeout: float, assets: Assets) -> Outcome:
    """Arrive after `delay`, open the app and step through the day until `seconds` have passed since the load
    began; an error in opening counts (a step sends nothing: issue 22)."""
    began = time.monotonic()
    visit = await open_and_step(
        url, STEPPING_QUERY, seconds=seconds - delay, pace=1.5, seed=k, delay=delay, timeout=timeout, assets=assets
    )
    outcome = Outcome(
        "steps",
        f"visitor {k}",
        error="; ".join(visit.errors),
        seconds=time.monotonic() - began,
        first_map_ms=visit.first_map_s and 1000 * visit.first_map_s,
        complete_ms=visit.complete_s and 1000 * visit.complete_s,
        steps=len(visit.stepped_at),
        sent_while_stepping=visit.sent_while_stepping,
    )
    if not outcome.error:
        outcome.message = (
            f"first map {outcome.first_map_ms:,.0f} ms, page {outcome.complete_ms:,.0f} ms, "
            f"{outcome.steps} steps ({outcome.sent_while_stepping} messages sent)"
        )
    return outcome


# --- the replica and its memory ---------------------------------------------------------------------------


class MemoryWatch:
    """The replica's process tree sampled every `every` seconds: the peak of each figure, and when."""

    def __init__(self, pid: int, every: float = 0.25):
        self.pid, self.every, self.peak, self.samples = pid, every, Memory(), 0
        self.app_peak, self.browser_peak = Memory(), Memory()  # the app process alone; its children (Chromium)
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._watch, daemon=True)

    def _watch(self) -> None:
        while not self._stop.is_set():
            tree, app = tree_memory(self.pid), process_memory(self.pid)
            self.peak, self.app_peak = self.peak.peak(tree), self.app_peak.peak(app)
            self.browser_peak = self.browser_peak.peak(
                Memory(tree.rss - app.rss, tree.pss - app.pss, tree.anon - app.anon, tree.processes - 1)
            )
            self.samples += 1
            time.sleep(self.every)

    def __enter__(self) -> MemoryWatch:
        self.before = tree_memory(self.pid)
        self._thread.start()
        return self

    def __exit__(self, *exc) -> None:
        self._stop.set()
        self._thread.join()


async def hostile(
    url: str,
    pngs: int,
    uploads: list[str],
    steppers: int,
    seconds: float,
    rows: int,
    timeout: float,
    assets: Assets = NO_ASSETS,
) -> list[Outcome]:
    """Everyone at once; the stepping visitors arrive one after another over the first half of `seconds`."""
    files = hostile_files(rows)
    jobs = [stepping_visitor(url, k, seconds / 2 * k / steppers, seconds, timeout, assets) for k in range(steppers)]
    jobs += [png_visitor(url, hour, 4 * timeout, assets) for hour in range(pngs)]
    jobs += [upload_visitor(url, name, *files[name], timeout, assets) for name in uploads]
    return await asyncio.gather(*jobs)


def run(args: argparse.Namespace) -> dict:
    from harness.browser import AppServer

    limit = pod_memory_limit_mb()
    log = Path(tempfile.gettempdir()) / f"hostile-{os.getpid()}.log"
    server = AppServer(log)
    try:
        assets = asyncio.run(learn_assets(server.url, STEPPING_QUERY))  # this also loads the replica's data
        load_before = os.getloadavg()
        with MemoryWatch(server.process.pid) as watch:
            began = time.monotonic()
            outcomes = asyncio.run(
                hostile(
                    server.url, args.pngs, args.uploads, args.steppers, args.seconds, args.rows, args.timeout, assets
                )
            )
            wall = time.monotonic() - began
        alive = server.process.poll() is None
    finally:
        server.stop()
    print(f"the replica's log: {log}")
    steppers = [o for o in outcomes if o.kind == "steps"]
    first_maps = [o.first_map_ms for o in steppers if o.first_map_ms is not None]
    completes = [o.complete_ms for o in steppers if o.complete_ms is not None]
    return {
        "when": time.strftime("%Y-%m-%d %H:%M %Z"),
        "load_average_before": load_before,
        "load_average_after": os.getloadavg(),
        "wall_s": round(wall, 1),
        "limit_mb": limit,
        "replica_alive": alive,
        "before_mb": asdict(watch.before),
        "peak_mb": asdict(watch.peak),
        "samples": watch.samples,
        "app_peak_mb": asdict(watch.app_peak),
        "browser_peak_mb": asdict(watch.browser_peak),
        "assets": assets.count(),
        "first_maps_drawn": len(first_maps),
        "first_map_p50_ms": percentile(first_maps, 0.5) if first_maps else None,
        "first_map_p95_ms": percentile(first_maps, 0.95) if first_maps else None,
        "pages_completed": len(completes),
        "page_complete_p95_ms": percentile(completes, 0.95) if completes else None,
        "steps": sum(o.steps for o in steppers),
        "sent_while_stepping": sum(o.sent_while_stepping for o in steppers),
        "outcomes": [asdict(o) for o in outcomes],
    }


def verdict(report: dict) -> list[str]:
    """What failed, in words (empty: the replica held)."""
    failed = []
    if not report["replica_alive"]:
        failed.append("the replica died")
    if report["peak_mb"]["pss"] >= report["limit_mb"]:
        failed.append(
            f"peak {report['peak_mb']['pss']:.0f} MB (PSS) is over the pod's limit {report['limit_mb']:.0f} MB"
        )
    for o in report["outcomes"]:
        if o["error"]:
            failed.append(f"{o['kind']} {o['name']}: {o['error']}")
        elif o["kind"] != "steps" and not o["message"]:
            failed.append(f"{o['kind']} {o['name']}: ended with no message")
    return failed


def print_report(report: dict) -> None:
    peak, before = report["peak_mb"], report["before_mb"]
    print(
        f"one replica, limit {report['limit_mb']:.0f} MB; {report['wall_s']} s; load average "
        f"{report['load_average_before'][0]:.1f} before, {report['load_average_after'][0]:.1f} after"
    )
    print(
        f"process tree before: {before['pss']:.0f} MB PSS ({before['rss']:.0f} RSS summed, {before['anon']:.0f} anon)"
    )
    print(
        f"process tree peak:   {peak['pss']:.0f} MB PSS ({peak['rss']:.0f} RSS summed, {peak['anon']:.0f} anon), "
        f"{peak['processes']} processes at most"
    )
    print(
        f"  of which, at their own peaks: the app process {report['app_peak_mb']['pss']:.0f} MB, "
        f"its Chromium {report['browser_peak_mb']['pss']:.0f} MB ({report['browser_peak_mb']['processes']} processes)"
    )
    print(
        f"stepping visitors: {report['first_maps_drawn']} first maps drawn, "
        f"p50 {report['first_map_p50_ms'] or 0:,.0f} ms, "
        f"p95 {report['first_map_p95_ms'] or 0:,.0f} ms; {report['pages_completed']} pages completed, "
        f"p95 {report['page_complete_p95_ms'] or 0:,.0f} ms; {report['steps']} steps, "
        f"{report['sent_while_stepping']} messages sent"
    )
    for o in report["outcomes"]:
        if o["kind"] != "steps" or o["error"]:
            print(f"  {o['kind']:6} {o['name']:26} {o['seconds']:6.1f} s  {o['error'] or o['message']}")


SHORT = dict(pngs=3, uploads=["feature-bomb", "ragged-acled"], steppers=3, seconds=15, rows=20_000)
FULL = dict(pngs=20, uploads=list(hostile_files(1)), steppers=10, seconds=60, rows=MAX_ROWS)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--short", action="store_true", help="the short form: 3 images, 2 uploads, 3 visitors, 15 s")
    parser.add_argument("--timeout", type=float, default=60, help="seconds a step may take (an image: 4x)")
    parser.add_argument("--json", type=Path, help="where to write the figures (default: benchmarks/results/)")
    args = parser.parse_args(argv)
    for name, value in (SHORT if args.short else FULL).items():
        setattr(args, name, value)
    report = run(args)
    report["form"] = "short" if args.short else "full"
    print_report(report)
    failed = verdict(report)
    for reason in failed:
        print(f"FAILED: {reason}")
    path = args.json or RESULTS / f"hostile{'-short' if args.short else ''}.json"
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(report, indent=2))
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
