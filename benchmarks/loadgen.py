"""A classroom, a school or a newsroom over Streamlit's own protocol: N simulated students, each one
websocket speaking BackMsg/ForwardMsg, so that hundreds fit on the machine beside the server.

    .venv/bin/python benchmarks/loadgen.py --replicas 2 --students 100     # starts 2 processes + HAProxy
    .venv/bin/python benchmarks/loadgen.py --replicas 1 --students 30 --seconds 60
    .venv/bin/python benchmarks/loadgen.py --replicas 2 --burst 100 --within 10   # 100 new visitors in 10 s
    .venv/bin/python benchmarks/loadgen.py --validate                       # against 10 real browsers

Each student loads the page through the proxy (which gives it its affinity cookie), opens the websocket
/_stcore/stream (subprotocol `streamlit`), runs the app as a browser would, then steps the time control
every --pace seconds on average (0.5 to 1.5 times it). In the explorer a step and its release stay in the
browser (issue 22): a student sends what Chromium sends then, nothing, and the server's CPU over those
steps, divided by their number, is what a student's step costs it (`server_cpu_ms_per_release`).

Bounded: at most 1,000 students and 600 seconds, loopback addresses only; every student stops by
itself after --seconds, and a rerun that does not finish within --timeout is an error.
Writes benchmarks/results/loadgen-<replicas>x-<students>.json (burst: loadgen-burst-…; or --json).
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import random
import resource
import sys
import tempfile
import time
import urllib.request
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlparse

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

import websockets  # noqa: E402
from streamlit.proto.BackMsg_pb2 import BackMsg  # noqa: E402
from streamlit.proto.ForwardMsg_pb2 import ForwardMsg  # noqa: E402

from benchmarks.run import percentile  # noqa: E402
from benchmarks.visitor import Visitor, VisitError  # noqa: E402

RESULTS = ROOT / "benchmarks" / "results"
MAX_STUDENTS = 1000
MAX_SECONDS = 600
LOOPBACK = {"127.0.0.1", "localhost", "::1"}
OPENING_QUERY = "t=2023-01-09T06:00&base=offline"
OPENING_POSITION = 6  # 06:00, as in OPENING_QUERY
DONE = {ForwardMsg.FINISHED_SUCCESSFULLY, ForwardMsg.FINISHED_FRAGMENT_RUN_SUCCESSFULLY}


# --- what a release sends: the one place to change when the time control changes ----------------

@dataclass(frozen=True)
class TimeControl:
    """The time control as the app drew it: its widget id, the fragment it reruns, its positions."""

    widget_id: str
    fragment_id: str
    positions: tuple[str, ...]


def find_time_control(msg: ForwardMsg) -> TimeControl | None:
    """The time control if this ForwardMsg draws it: the explorer's mount of the browser app's Custom
    Components v2 element (`juliaca-map.app`, role "control", ui/time_control.py), whose data lists the
    steps by their keys."""
    if msg.WhichOneof("type") != "delta" or msg.delta.WhichOneof("type") != "new_element":
        return None
    element = msg.delta.new_element
    if element.WhichOneof("type") != "bidi_component" or element.bidi_component.component_name != TIME_CONTROL:
        return None
    data = json.loads(element.bidi_component.json)
    if data.get("role") != "control" or data.get("mode") != "explore":
        return None
    return TimeControl(element.bidi_component.id, msg.delta.fragment_id, tuple(s["key"] for s in data["steps"]))


TIME_CONTROL = "juliaca-map.app"
# --- one student ----------------------------------------------------------------------------------

@dataclass
class Student:
    """What one simulated student saw."""

    latencies_ms: list[float] = field(default_factory=list)
    released_at: list[float] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)
    opened_at: float | None = None
    open_s: float | None = None          # the page requested -> the whole page drawn (both runs)
    first_map_s: float | None = None     # the page requested -> the first run (the map) finished
    finished_at: float | None = None
    server: str = ""


def rerun_message(query: str, widgets: list[WidgetState] = (), fragment_id: str = "") -> bytes:
    """A BackMsg asking for a rerun, as the browser sends it."""
    msg = BackMsg()
    msg.rerun_script.query_string = query
    msg.rerun_script.page_script_hash = ""
    msg.rerun_script.widget_states.widgets.extend(widgets)
    msg.rerun_script.fragment_id = fragment_id
    return msg.SerializeToString()


async def until_finished(ws, timeout: float) -> tuple[list[ForwardMsg], int]:
    """Read ForwardMsgs until `script_finished`; returns them and the finish status."""
    seen: list[ForwardMsg] = []
    async with asyncio.timeout(timeout):
        while True:
            msg = ForwardMsg()
            msg.ParseFromString(await ws.recv())
            seen.append(msg)
            if msg.WhichOneof("type") == "script_finished":
                return seen, msg.script_finished


def problems_in(messages: list[ForwardMsg]) -> list[str]:
    """Exceptions the app showed in these messages (a traceback on the page is an error for the student)."""
    return [m.delta.new_element.exception.message[:200] for m in messages
            if m.WhichOneof("type") == "delta" and m.delta.WhichOneof("type") == "new_element"
            and m.delta.new_element.WhichOneof("type") == "exception"]


def load_page(url: str, timeout: float) -> str:
    """GET the page as a browser would first; returns the Cookie header to send back (the proxy's affinity)."""
    with urllib.request.urlopen(f"{url}/", timeout=timeout) as response:
        response.read()
        cookies = [c.split(";", 1)[0] for c in response.headers.get_all("Set-Cookie") or []]
    return "; ".join(cookies)


async def student(url: str, seconds: float, pace: float, timeout: float, seed: int, delay: float) -> Student:
    """Arrive after `delay`, open the app (two runs: the map, then the rest), then release the time control at
    a student's pace until time is up."""
    rng, result = random.Random(seed), Student()
    await asyncio.sleep(delay)
    try:
        async with Visitor(url, OPENING_QUERY, timeout=timeout) as visitor:
            try:
                await visitor.open()
            finally:
                result.first_map_s, result.open_s = visitor.first_map_s, visitor.complete_s
                result.server = "; ".join(f"{k}={v}" for k, v in visitor.cookies.items() if k == "JULIACA_SERVER")
            result.opened_at = time.monotonic()
            result.open_s = result.opened_at - began
            await step_until(control, result, rng, seconds, pace)
    except (OSError, TimeoutError, websockets.WebSocketException) as error:
        result.errors.append(f"{type(error).__name__}: {str(error)[:160]}")
    result.finished_at = time.monotonic()
    return result


async def step_until(control: TimeControl, result: Student, rng: random.Random, seconds: float, pace: float) -> None:
    """Step one hour at a time, back and forth across the day, until time is up. The browser keeps the step,
    its release, the list and the address to itself: nothing goes to the server (what it costs is measured
    on the server's side, over the steady window)."""
    position, direction = OPENING_POSITION, 1
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        await asyncio.sleep(rng.uniform(pace * 0.5, pace * 1.5))
        if not 0 <= position + direction < len(keys):
            direction = -direction
        position += direction
        result.released_at.append(time.monotonic())


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

    def cpu_at(self, t: float) -> float:
        """CPU seconds used by time `t`, from the nearest sample at or before it."""
        before = [cpu for at, cpu, _ in self.samples if at <= t]
        return before[-1] if before else self.samples[0][1]


def steady_window(students: list[Student]) -> tuple[float, float]:
    """From the moment every student has the app open to the moment the first one stops: only releases."""
    opened = [s.opened_at for s in students if s.opened_at]
    finished = [s.finished_at for s in students if s.opened_at and s.finished_at]
    return (max(opened), min(finished)) if opened and finished else (0.0, 0.0)


def cpu_ms_per_release(sampler: Sampler, released_at: list[float], window: tuple[float, float]) -> float | None:
    """Server CPU time per release within the window (no page opens in it), in milliseconds."""
    start, end = window
    count = sum(start <= t < end for t in released_at)
    if count == 0 or not sampler.pids:
        return None
    return (sampler.cpu_at(end) - sampler.cpu_at(start)) * 1000 / count


def summarise(students: list[Student], sampler: Sampler, wall_s: float) -> dict:
    """Errors, release-to-rerun-done percentiles, and the server's CPU and memory."""
    latencies = [x for s in students for x in s.latencies_ms]  # release to rerun done: none in the explorer
    released = [t for s in students for t in s.released_at]
    window = steady_window(students)
    cpus = [cpu for _, cpu, _ in sampler.samples] if sampler.pids else []
    per_release = cpu_ms_per_release(sampler, released, window)
    opens = sum(s.opened_at is not None for s in students)
    first_maps = [s.first_map_s * 1000 for s in students if s.first_map_s]
    completes = [s.open_s * 1000 for s in students if s.open_s]
    return {
        "students": len(students),
        "releases": len(released),
        "errors": [e for s in students for e in s.errors],
        "sessions_with_errors": sum(bool(s.errors) for s in students),
        "p50_ms": percentile(latencies, 0.5) if latencies else None,
        "p95_ms": percentile(latencies, 0.95) if latencies else None,
        "max_ms": max(latencies) if latencies else None,
        "open_s_median": percentile([s.open_s for s in students if s.open_s], 0.5) if any(s.open_s for s in students) else None,
        "wall_s": wall_s,
        "server_cpu_cores": (cpus[-1] - cpus[0]) / wall_s if len(cpus) > 1 else None,
        "server_cpu_ms_per_release": per_release,
        # what the rest of the CPU went on: opening the app (two runs of the script per visitor)
        "server_cpu_ms_per_open": ((cpus[-1] - cpus[0]) * 1000 - per_release * len(released)) / opens
        if per_release and opens and len(cpus) > 1 else None,
        "steady_window_s": window[1] - window[0],
        "server_peak_rss_mb": max((rss for _, _, rss in sampler.samples), default=None) if sampler.pids else None,
        "students_per_process": dict(Counter(s.server for s in students)),
    }


async def classroom(url: str, pids: list[int], students: int, seconds: float, pace: float, timeout: float,
                    ramp: float) -> dict:
    """Run `students` simulated students against `url` and summarise what they and the server saw."""
    sampler, stop = Sampler(pids), asyncio.Event()
    watcher = asyncio.create_task(sampler.run(stop))
    began, mine = time.monotonic(), resource.getrusage(resource.RUSAGE_SELF)
    results = await asyncio.gather(*(student(url, seconds, pace, timeout, seed=k, delay=ramp * k / max(students, 1))
                                     for k in range(students)))
    stop.set()
    await watcher
    summary = summarise(results, sampler, time.monotonic() - began)
    after = resource.getrusage(resource.RUSAGE_SELF)
    summary["loadgen_cpu_cores"] = (after.ru_utime + after.ru_stime - mine.ru_utime - mine.ru_stime) / summary["wall_s"]
    return summary


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


def run_against_deployment(args: argparse.Namespace) -> dict:
    """Start --replicas processes behind HAProxy, send the classroom through the proxy, stop everything."""
    from geo.commands.serve import Deployment, free_port

    deployment = Deployment(args.replicas, port=free_port()).start()
    try:
        pids = [app.pid for app in deployment.apps]
        return asyncio.run(classroom(deployment.url, pids, args.students, args.seconds, args.pace, args.timeout,
                                     args.ramp))
    finally:
        deployment.stop()


def validate(args: argparse.Namespace) -> dict:
    """The same classroom of 10 as real browsers (benchmarks/classroom.py) and as simulated students,
    each against its own fresh process: server CPU per release must agree within 20%."""
    import benchmarks.classroom as browsers
    from geo.output.browser import find_chromium
    from harness.browser import AppServer

    browsers.find_chromium_path = find_chromium()
    log = Path(tempfile.gettempdir()) / f"loadgen-validate-{os.getpid()}.log"
    report = {}
    for name, run in (("browsers", lambda s: browsers.classroom(s.url, s.process.pid, 10, args.seconds, args.pace,
                                                                 args.timeout, 0)),
                      ("loadgen", lambda s: classroom(s.url, [s.process.pid], 10, args.seconds, args.pace,
                                                      args.timeout, 0))):
        server = AppServer(log)
        try:
            report[name] = asyncio.run(run(server))
        finally:
            server.stop()
    a, b = report["browsers"]["server_cpu_ms_per_release"], report["loadgen"]["server_cpu_ms_per_release"]
    report["ratio"] = b / a if a and b else None
    return report


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--students", type=bounded(MAX_STUDENTS), default=30)
    parser.add_argument("--seconds", type=bounded(MAX_SECONDS, float), default=60,
                        help="how long each student keeps releasing the time control")
    parser.add_argument("--pace", type=bounded(60, float), default=3.0, help="mean seconds between releases")
    parser.add_argument("--ramp", type=float, default=30, help="seconds over which the students arrive")
    parser.add_argument("--timeout", type=bounded(120, float), default=20, help="seconds a rerun may take (an open: 6x)")
    parser.add_argument("--replicas", type=bounded(16), default=2, help="app processes behind the proxy")
    parser.add_argument("--url", type=loopback_only, help="an already running app or proxy on loopback (no CPU figures)")
    parser.add_argument("--burst", type=bounded(MAX_STUDENTS), metavar="N",
                        help="N new visitors arriving within --within seconds (sets --students and --ramp)")
    parser.add_argument("--within", type=bounded(MAX_SECONDS, float), default=10, help="seconds a --burst arrives in")
    parser.add_argument("--validate", action="store_true", help="compare with 10 real browsers (benchmarks/classroom.py)")
    parser.add_argument("--json", type=Path)
    args = parser.parse_args(argv)
    if args.burst:
        args.students, args.ramp = args.burst, args.within
    if args.validate:
        report = validate(args)
        path = args.json or RESULTS / "loadgen-validation.json"
        print(f"server CPU per release: browsers {report['browsers']['server_cpu_ms_per_release']:.1f} ms, "
              f"loadgen {report['loadgen']['server_cpu_ms_per_release']:.1f} ms, ratio {report['ratio']:.2f}")
        ok = report["ratio"] is not None and 0.8 <= report["ratio"] <= 1.2
    else:
        report = (asyncio.run(classroom(args.url, [], args.students, args.seconds, args.pace, args.timeout, args.ramp))
                  if args.url else run_against_deployment(args))
        report.update(replicas=None if args.url else args.replicas, pace_s=args.pace, seconds=args.seconds,
                      ramp_s=args.ramp, burst=bool(args.burst), load_average=os.getloadavg(),
                      when=time.strftime("%Y-%m-%d %H:%M %Z"))
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


TABLE_HEADER = ("| processes | visitors | first maps drawn | first map p50 (ms) | p95 (ms) | page complete p95 (ms) "
                "| releases | errors | release → rerun done p50 (ms) | p95 (ms) | CPU used (cores) | CPU per release (ms) "
                "| memory, peak (MB) |")


def table_row(r: dict) -> str:
    """One line of the table in docs/operations.md."""
    def num(x, fmt=",.0f"):
        return "–" if x is None else format(x, fmt)
    return (f"| {r['replicas'] or '?'} | {r['students']} | {r.get('first_maps_drawn', '–')} | "
            f"{num(r.get('first_map_p50_ms'))} | {num(r.get('first_map_p95_ms'))} | {num(r.get('page_complete_p95_ms'))} | "
            f"{r['releases']} | {len(r['errors'])} | {num(r['p50_ms'])} | {num(r['p95_ms'])} | "
            f"{num(r['server_cpu_cores'], '.2f')} | {num(r['server_cpu_ms_per_release'])} | {num(r['server_peak_rss_mb'])} |")


if __name__ == "__main__":
    sys.exit(main())
