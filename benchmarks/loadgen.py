"""A classroom, a school or a newsroom over Streamlit's own protocol: N simulated visitors, each one
websocket speaking BackMsg/ForwardMsg (`benchmarks/visitor.py`), so that hundreds fit on the machine beside
the server.

    .venv/bin/python benchmarks/loadgen.py --replicas 2 --students 100     # starts 2 processes + HAProxy
    .venv/bin/python benchmarks/loadgen.py --replicas 1 --students 30 --seconds 60
    .venv/bin/python benchmarks/loadgen.py --replicas 2 --burst 100 --within 10   # 100 new visitors in 10 s
    .venv/bin/python benchmarks/loadgen.py --validate                       # against 10 real browsers

Each student opens the app as a browser does: the page through the proxy (its affinity cookie), the files
Streamlit's page loads, the websocket /_stcore/stream (subprotocol `streamlit`), a first run that draws
the time control and the map and the files the map loads, then, once the map reports it is drawn, a second
run with the rest of the page and its files. Which files, and when, is learnt once per run from one real
Chromium visit (`benchmarks.visitor.learn_assets`; `--assets none` leaves them out). Then the student
steps through the day every --pace seconds on average (0.5 to 1.5 times it). In the explorer a step and its
release stay in the browser (issue 22): nothing is sent, and the server's CPU over the minute when every
student is open and stepping, divided by their steps, is what a step costs it (`server_cpu_ms_per_step`,
as issue 22 measured it; the same processes' CPU when idle, before anyone arrived, is reported beside it).

Reported: every first map drawn (how many, each one's time from the page's request, and their p50, p95,
max), every page completed, steps, errors, the server's CPU per step and per opening, its memory, and the
machine's load average before and after. The processes are warmed first (one visit each, not counted),
as a server that has been up a while would be.

Bounded: at most 1,000 students and 600 seconds, loopback addresses only; every student stops by itself
after --seconds, and a run not finished within --timeout (an opening within 6 times that) is an error.
Writes benchmarks/results/loadgen-<replicas>x-<students>.json (burst: loadgen-burst-…; or --json).
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import resource
import sys
import tempfile
import time
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlparse

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from benchmarks.run import percentile
from benchmarks.visitor import NO_ASSETS, Assets, Visit, Visitor, learn_assets, open_and_step

RESULTS = ROOT / "benchmarks" / "results"
MAX_STUDENTS = 1000
MAX_SECONDS = 600
LOOPBACK = {"127.0.0.1", "localhost", "::1"}
OPENING_QUERY = "t=2023-01-09T06:00&base=offline"
IDLE_S = 3.0  # how long the server's idle CPU is measured, before anyone arrives


# --- the server's side: CPU and memory of its processes ------------------------------------------


def cpu_seconds(pid: int) -> float:
    """User plus system CPU time a process has used so far."""
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def rss_mb(pid: int) -> float:
    """Resident memory of a process, in MB."""
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return 0.0


@dataclass
class Sampler:
    """Every half second: the summed CPU seconds and resident memory of the server's processes."""

    pids: list[int]
    samples: list[tuple[float, float, float]] = field(default_factory=list)

    def sample(self) -> None:
        cpu = rss = 0.0
        for pid in self.pids:
            try:
                cpu, rss = cpu + cpu_seconds(pid), rss + rss_mb(pid)
            except (FileNotFoundError, ProcessLookupError):
                continue  # a process that was stopped
        self.samples.append((time.monotonic(), cpu, rss))

    async def run(self, stop: asyncio.Event) -> None:
        while not stop.is_set():
            self.sample()
            await asyncio.sleep(0.5)
        self.sample()

    def inside(self, start: float, end: float) -> tuple[float, float, float] | None:
        """The first and last samples within [start, end]: (their times' span, its start, the CPU seconds used
        in it), or None with fewer than two. Inside, never around: a sample before `start` would count the
        openings that ended just before it as steps."""
        within = [(at, cpu) for at, cpu, _ in self.samples if start <= at <= end]
        if len(within) < 2:
            return None
        (t0, cpu0), (t1, cpu1) = within[0], within[-1]
        return t1 - t0, t0, cpu1 - cpu0

    async def idle_cores(self, seconds: float = IDLE_S) -> float | None:
        """The processes' CPU, in cores, over `seconds` with nobody there (health checks, timers)."""
        if not self.pids:
            return None
        self.sample()
        await asyncio.sleep(seconds)
        self.sample()
        (t0, cpu0, _), (t1, cpu1, _) = self.samples[-2:]
        return (cpu1 - cpu0) / (t1 - t0)


def steady_window(visits: list[Visit]) -> tuple[float, float]:
    """From the moment every visitor has the whole page to the moment the first one leaves: only steps."""
    opened = [v.opened_at for v in visits if v.opened_at]
    finished = [v.finished_at for v in visits if v.opened_at and v.finished_at]
    return (max(opened), min(finished)) if opened and finished else (0.0, 0.0)


def server_cpu(sampler: Sampler, visits: list[Visit], wall_s: float, idle_cores: float | None) -> dict:
    """The server's CPU: per step over the steady window (issue 22's figure), beside what the same processes
    use idle; in cores over the whole run; and what is left, per visitor: opening (and closing) a session."""
    if len(sampler.samples) < 2 or not sampler.pids:
        return {
            "server_cpu_ms_per_step": None,
            "server_cpu_cores_idle": idle_cores,
            "server_cpu_cores_steady": None,
            "server_cpu_cores": None,
            "server_cpu_ms_per_open": None,
        }
    span, t0, steady = sampler.inside(*steady_window(visits)) or (0.0, 0.0, 0.0)
    steps = sum(t0 <= t < t0 + span for v in visits for t in v.stepped_at)
    total = sampler.samples[-1][1] - sampler.samples[0][1]
    idle = idle_cores or 0.0
    above_idle_per_step = (steady - idle * span) / steps if steps else 0.0
    all_steps = sum(len(v.stepped_at) for v in visits)
    opens = sum(v.first_map_s is not None for v in visits)
    return {
        "server_cpu_ms_per_step": steady * 1000 / steps if steps else None,
        "server_cpu_cores_idle": idle_cores,
        "server_cpu_cores_steady": steady / span if span else None,
        "server_cpu_cores": total / wall_s,
        "server_cpu_ms_per_open": (total - idle * wall_s - above_idle_per_step * all_steps) * 1000 / opens
        if opens
        else None,
    }


def summarise(visits: list[Visit], sampler: Sampler, wall_s: float, idle_cores: float | None) -> dict:
    """Every first map and page (their times and percentiles), steps, errors, and the server's CPU and memory."""
    first_maps = sorted(v.first_map_s * 1000 for v in visits if v.first_map_s is not None)
    completes = sorted(v.complete_s * 1000 for v in visits if v.complete_s is not None)
    start, end = steady_window(visits)
    return {
        "students": len(visits),
        "first_maps_drawn": len(first_maps),
        "first_map_p50_ms": percentile(first_maps, 0.5) if first_maps else None,
        "first_map_p95_ms": percentile(first_maps, 0.95) if first_maps else None,
        "first_map_max_ms": max(first_maps, default=None),
        "first_map_ms": [round(x) for x in first_maps],  # every one, sorted
        "pages_completed": len(completes),
        "page_complete_p50_ms": percentile(completes, 0.5) if completes else None,
        "page_complete_p95_ms": percentile(completes, 0.95) if completes else None,
        "steps": sum(len(v.stepped_at) for v in visits),
        "sent_while_stepping": sum(v.sent_while_stepping for v in visits),  # messages to the server (Visitor.step)
        "errors": [e for v in visits for e in v.errors],
        "sessions_with_errors": sum(bool(v.errors) for v in visits),
        "wall_s": wall_s,
        "steady_window_s": end - start,
        **server_cpu(sampler, visits, wall_s, idle_cores),
        "server_peak_rss_mb": max((rss for _, _, rss in sampler.samples), default=None) if sampler.pids else None,
        "students_per_process": dict(Counter(v.server for v in visits)),
    }


async def classroom(
    url: str,
    pids: list[int],
    students: int,
    seconds: float,
    pace: float,
    timeout: float,
    ramp: float,
    assets: Assets = NO_ASSETS,
) -> dict:
    """Run `students` simulated students against `url` and summarise what they and the server saw."""
    sampler, stop = Sampler(pids), asyncio.Event()
    idle = await sampler.idle_cores()
    load_before = os.getloadavg()
    watcher = asyncio.create_task(sampler.run(stop))
    began, mine = time.monotonic(), resource.getrusage(resource.RUSAGE_SELF)
    visits = await asyncio.gather(
        *(
            open_and_step(
                url,
                OPENING_QUERY,
                seconds=seconds,
                pace=pace,
                seed=k,
                delay=ramp * k / max(students, 1),
                timeout=timeout,
                assets=assets,
            )
            for k in range(students)
        )
    )
    stop.set()
    await watcher
    summary = summarise(visits, sampler, time.monotonic() - began, idle)
    after = resource.getrusage(resource.RUSAGE_SELF)
    summary["loadgen_cpu_cores"] = (after.ru_utime + after.ru_stime - mine.ru_utime - mine.ru_stime) / summary["wall_s"]
    summary.update(load_average_before=load_before, load_average_after=os.getloadavg(), assets=assets.count())
    return summary


async def warm(urls: list[str], timeout: float) -> None:
    """One visit to each process, as a server that has been up a while has had: its data loaded and indexed."""
    for url in urls:
        async with Visitor(url, OPENING_QUERY, timeout=timeout) as visitor:
            await visitor.open()


async def prepare(url: str, process_urls: list[str], assets: str, timeout: float) -> Assets:
    """Warm the processes, then learn from one real browser what a visitor's browser fetches (or not)."""
    await warm(process_urls, timeout)
    return NO_ASSETS if assets == "none" else await learn_assets(url, OPENING_QUERY)


# --- command line ---------------------------------------------------------------------------------


def loopback_only(url: str) -> str:
    """argparse type: an http URL on this machine; load is never sent anywhere else."""
    parsed = urlparse(url)
    if parsed.scheme != "http" or parsed.hostname not in LOOPBACK:
        raise argparse.ArgumentTypeError(f"{url} is not an http:// address on loopback (127.0.0.1, localhost)")
    return url.rstrip("/")


def bounded(limit: float, kind=int):
    """argparse type: a positive number no larger than `limit`."""

    def parse(value: str):
        number = kind(value)
        if not 0 < number <= limit:
            raise argparse.ArgumentTypeError(f"{value} is outside 1..{limit}")
        return number

    return parse


def run_classroom(url: str, pids: list[int], process_urls: list[str], args: argparse.Namespace) -> dict:
    async def run() -> dict:
        assets = await prepare(url, process_urls, args.assets, args.timeout)
        return await classroom(url, pids, args.students, args.seconds, args.pace, args.timeout, args.ramp, assets)

    return asyncio.run(run())


def run_against_deployment(args: argparse.Namespace) -> dict:
    """Start --replicas processes behind HAProxy, send the classroom through the proxy, stop everything."""
    from geo.commands.serve import Deployment, free_port

    deployment = Deployment(args.replicas, port=free_port()).start()
    try:
        return run_classroom(
            deployment.url,
            [app.pid for app in deployment.apps],
            [f"http://127.0.0.1:{port}" for port in deployment.ports],
            args,
        )
    finally:
        deployment.stop()


def validate(args: argparse.Namespace) -> dict:
    """The same classroom of 10 as real browsers (benchmarks/classroom.py) and as simulated students, each
    against its own fresh, warmed process: the server's CPU per opening must agree within 20% (a step costs
    the server nothing either way)."""
    import benchmarks.classroom as browsers
    from harness.browser import AppServer

    log = Path(tempfile.gettempdir()) / f"loadgen-validate-{os.getpid()}.log"
    report = {}
    for name in ("browsers", "loadgen"):
        server = AppServer(log)
        try:

            async def run(name: str, server: AppServer) -> dict:
                if name == "browsers":
                    await warm([server.url], args.timeout)
                    return await browsers.classroom(
                        server.url, server.process.pid, 10, args.seconds, args.pace, args.timeout, 0
                    )
                assets = await prepare(server.url, [server.url], "browser", args.timeout)
                return await classroom(
                    server.url, [server.process.pid], 10, args.seconds, args.pace, args.timeout, 0, assets
                )

            report[name] = asyncio.run(run(name, server))
        finally:
            server.stop()
    a, b = report["browsers"]["server_cpu_ms_per_open"], report["loadgen"]["server_cpu_ms_per_open"]
    report["ratio"] = b / a if a and b else None
    return report


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--students", type=bounded(MAX_STUDENTS), default=30)
    parser.add_argument(
        "--seconds",
        type=bounded(MAX_SECONDS, float),
        default=60,
        help="how long each student keeps stepping once the page is complete",
    )
    parser.add_argument("--pace", type=bounded(60, float), default=3.0, help="mean seconds between steps")
    parser.add_argument("--ramp", type=float, default=30, help="seconds over which the students arrive")
    parser.add_argument(
        "--timeout", type=bounded(120, float), default=20, help="seconds a run may take (an opening: 6x)"
    )
    parser.add_argument("--replicas", type=bounded(16), default=2, help="app processes behind the proxy")
    parser.add_argument(
        "--url", type=loopback_only, help="an already running app or proxy on loopback (no CPU figures)"
    )
    parser.add_argument(
        "--burst",
        type=bounded(MAX_STUDENTS),
        metavar="N",
        help="N new visitors arriving within --within seconds (sets --students and --ramp)",
    )
    parser.add_argument("--within", type=bounded(MAX_SECONDS, float), default=10, help="seconds a --burst arrives in")
    parser.add_argument(
        "--assets",
        choices=("browser", "none"),
        default="browser",
        help="fetch the files a browser fetches, learnt from one Chromium visit (default), or none",
    )
    parser.add_argument(
        "--validate", action="store_true", help="compare with 10 real browsers (benchmarks/classroom.py)"
    )
    parser.add_argument("--json", type=Path)
    args = parser.parse_args(argv)
    if args.burst:
        args.students, args.ramp = args.burst, args.within
    if args.validate:
        report = validate(args)
        path = args.json or RESULTS / "loadgen-validation.json"
        print(
            f"server CPU per opening: browsers {report['browsers']['server_cpu_ms_per_open'] or 0:.0f} ms, "
            f"loadgen {report['loadgen']['server_cpu_ms_per_open'] or 0:.0f} ms, ratio {report['ratio'] or 0:.2f}"
        )
        ok = report["ratio"] is not None and 0.8 <= report["ratio"] <= 1.2
    else:
        report = run_classroom(args.url, [], [], args) if args.url else run_against_deployment(args)
        report.update(
            replicas=None if args.url else args.replicas,
            pace_s=args.pace,
            seconds=args.seconds,
            ramp_s=args.ramp,
            burst=bool(args.burst),
            when=time.strftime("%Y-%m-%d %H:%M %Z"),
        )
        kind = "burst-" if args.burst else ""
        path = args.json or RESULTS / f"loadgen-{kind}{args.replicas}x-{args.students}.json"
        print(TABLE_HEADER)
        print(table_row(report))
        for error in report["errors"][:10]:
            print(f"error: {error}")
        ok = not report["errors"]
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(report, indent=2))
    return 0 if ok else 1


TABLE_HEADER = (
    "| processes | visitors | first maps drawn | first map p50 (ms) | p95 (ms) | pages completed "
    "| page complete p95 (ms) | steps (messages sent) | errors | server CPU per step (ms) | idle CPU (cores) "
    "| CPU per opening (ms) | CPU used (cores) | memory, peak (MB) | load average before → after |\n"
    "| ---: | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | --- |"
)


def table_row(r: dict) -> str:
    """One line of the table in docs/operations.md."""

    def num(x, fmt=",.0f"):
        return "–" if x is None else format(x, fmt)

    visitors = f"burst of {r['students']} within {r['ramp_s']:g} s" if r.get("burst") else str(r["students"])
    return (
        f"| {r['replicas'] or '?'} | {visitors} | {r['first_maps_drawn']} | {num(r['first_map_p50_ms'])} | "
        f"{num(r['first_map_p95_ms'])} | {r['pages_completed']} | {num(r['page_complete_p95_ms'])} | "
        f"{r['steps']:,} ({r['sent_while_stepping']}) | {len(r['errors'])} | "
        f"{num(r['server_cpu_ms_per_step'], '.2f')} | "
        f"{num(r['server_cpu_cores_idle'], '.3f')} | {num(r['server_cpu_ms_per_open'])} | "
        f"{num(r['server_cpu_cores'], '.2f')} | {num(r['server_peak_rss_mb'])} | "
        f"{r['load_average_before'][0]:.1f} → {r['load_average_after'][0]:.1f} |"
    )


if __name__ == "__main__":
    sys.exit(main())
