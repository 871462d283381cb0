"""Time and memory of checking an upload at the limits (issues 16 and 21): <= 10 s of CPU and <= 160 MB extra.

    .venv/bin/python benchmarks/uploads.py            # every case; exit status 1 if a bound is broken
    .venv/bin/python benchmarks/uploads.py --quick    # the two largest valid files only
    .venv/bin/python benchmarks/uploads.py --json benchmarks/results/uploads.json

Each case runs in a fresh process: the file is built in memory, then the process's resident memory is
read, then `load_upload` checks the file ("check"), and the app's next steps map it (index and
browser bundle: "check + map"). Extra memory is the process's peak resident size from then on (VmHWM,
reset once the file is built) minus its resident size just before the check: what one visitor's
upload costs the server while it is checked and mapped. Held is what the session then keeps, as the
app's memory budget counts it (`geo.data.upload.memory_size`).

The time bound applies to the check's CPU time, printed beside its wall-clock time: on a shared
machine the wall clock also measures the neighbours (both are printed; on an idle one they agree).
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from geo.data.upload import MAX_BYTES, MAX_FEATURES, MAX_ROWS
from geo.data.vocab import EVENT_COLUMNS

# 160 MB: the room one replica keeps for the one file it checks at a time, beside its app, its uploads held and
# an idle Chromium, under the pod's 1 GiB (docs/operations.md, "Memory of one replica").
MAX_SECONDS, MAX_EXTRA_MB = 10.0, 160.0
ACLED_HEADER = (
    "event_id_cnty,event_date,time_precision,event_type,sub_event_type,admin1,location,latitude,longitude,"
    "geo_precision,source,notes,fatalities"
)


def project_row(i: int, text: str) -> str:
    """A valid row of this project's schema, built by column name (the schema grows)."""
    cells = {
        "id": f"e{i:07d}",
        "start": f"2023-01-09T{i % 24:02d}:00-05:00",
        "time_precision": "hour",
        "place_id": "jul_airport",
        "category": "protest",
        "title_en": f"T{i}",
        "title_es": f"T{i}",
        "summary_en": text,
        "summary_es": text,
        "claim_status": "reported",
        "source_section": "Sec",
        "source_quote": "word",
    }
    return ",".join(cells.get(column, "") for column in EVENT_COLUMNS)


def _acled_row(i: int, notes: str) -> str:
    return (
        f"PER{i},2023-01-09,1,Protests,Peaceful protest,Puno,Place {i % 500},{-15.5 - (i % 500) / 1000:.3f},"
        f"-70.13,1,EFE,{notes},0"
    )


def _fill(header: str, row, limit_rows: int, text: str) -> bytes:
    """`header` and rows `row(i, text)` up to `limit_rows` rows, stopping before MAX_BYTES."""
    lines, size = [header], len(header) + 1
    for i in range(limit_rows):
        line = row(i, text)
        if size + len(line) + 1 > MAX_BYTES:
            break
        lines.append(line)
        size += len(line) + 1
    return ("\n".join(lines) + "\n").encode("utf-8")


def build(case: str) -> tuple[bytes, str]:
    """The file for `case`, and its upload format."""
    project_header = ",".join(EVENT_COLUMNS)
    if case == "project-rows":  # 200,000 short valid rows
        return _fill(project_header, project_row, MAX_ROWS, "S"), "project"
    if case == "project-bytes":  # 20 MB of valid rows with long summaries
        return _fill(project_header, project_row, MAX_ROWS, "s" * 1_100), "project"
    if case == "project-refused":  # 200,000 rows, every one refused (a bad time)
        return _fill(project_header, lambda i, t: project_row(i, t).replace("-05:00", "", 1), MAX_ROWS, "S"), "project"
    if case == "acled-rows":  # 200,000 short valid rows
        return _fill(ACLED_HEADER, _acled_row, MAX_ROWS, "n"), "acled"
    if case == "acled-bytes":  # 20 MB of rows with long notes
        return _fill(ACLED_HEADER, _acled_row, MAX_ROWS, "n" * 2_000), "acled"
    if case == "one-cell":  # one cell of almost 20 MB
        row = project_row(0, "S").replace(",S,S,", ',"' + "x" * (MAX_BYTES - 500) + '",S,', 1)
        return (project_header + "\n" + row + "\n").encode(), "project"
    if case == "wide-row":  # one row of millions of two-letter fields
        return (project_header + "\n" + ",".join(["ab"] * ((MAX_BYTES - 500) // 3)) + "\n").encode(), "project"
    if case == "all-cells-bad":  # 200,000 rows, nine bad cells each: 1.8 million problems found
        bad = ",".join(["x"] * len(EVENT_COLUMNS))
        return (project_header + "\n" + (bad + "\n") * MAX_ROWS).encode(), "project"
    if case == "cr-rows":  # issue 21: rows ending in a bare CR, one past the row limit
        return (project_header + "\r" + "x\r" * (MAX_ROWS + 1)).encode(), "project"
    if case == "ragged-acled":  # 200,000 short ACLED rows (issue 21: a short row raised KeyError)
        short = ",".join(_acled_row(0, "n").split(",")[:-3])
        return (ACLED_HEADER + "\n" + (short + "\n") * MAX_ROWS).encode(), "acled"
    if case == "feature-bomb":  # issue 21: 300,000 empty features on one line, in the places file
        return b'{"type": "FeatureCollection", "features": [' + b"{}," * 299_999 + b"{}]}", "places"
    if case == "value-bomb":  # a 20 MB places file of empty lists: 450 MB once parsed
        return b'{"type": "FeatureCollection", "features": [' + b"[]," * ((MAX_BYTES - 100) // 3) + b"[]]}", "places"
    if case == "places-limit":  # the most places a file may hold, all valid
        feature = (
            '{"type": "Feature", "geometry": {"type": "Point", "coordinates": [-70.1, -15.5]}, "properties": '
            '{"id": "p%d", "name_en": "P%d", "name_es": "P%d", "kind": "town", "role": "site", '
            '"geo_precision": "town", "source": "S"}}'
        )
        return (
            '{"type": "FeatureCollection", "features": ['
            + ",".join(feature % (i, i, i) for i in range(MAX_FEATURES))
            + "]}"
        ).encode(), "places"
    raise ValueError(case)


CASES = (
    "project-rows",
    "project-bytes",
    "project-refused",
    "acled-rows",
    "acled-bytes",
    "one-cell",
    "wide-row",
    "all-cells-bad",
    "cr-rows",
    "ragged-acled",
    "feature-bomb",
    "value-bomb",
    "places-limit",
)
QUICK = ("project-rows", "acled-rows")
FEW_EVENTS = (ROOT / "data" / "events.csv").read_bytes()


def _rss_mb() -> float:
    return int(Path("/proc/self/statm").read_text().split()[1]) * resource.getpagesize() / 1e6


def _reset_peak() -> None:
    """Forget the peak so far (Linux: VmHWM), so that building the file in memory is not counted."""
    Path("/proc/self/clear_refs").write_text("5")


def _peak_mb() -> float:
    """The process's peak resident size since `_reset_peak`, in MB."""
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1]) / 1e3
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1e3  # kB on Linux


def measure(case: str) -> dict:
    """In this process: build the file, check it, map it; the figures."""
    from geo.data.problems import DataError
    from geo.data.upload import load_upload
    from geo.map.bundle import write as write_bundle
    from geo.model.timeline import index_events

    content, fmt = build(case)
    _reset_peak()
    before = _rss_mb()
    started, cpu_started = time.perf_counter(), time.process_time()
    try:
        if fmt == "places":  # the bundled events, with this places file
            dataset = load_upload(FEW_EVENTS, "events.csv", "project", content, f"{case}.geojson")
        else:
            dataset = load_upload(content, f"{case}.csv", fmt)
        outcome = (
            f"{len(dataset.events):,} events, {len(dataset.places):,} places, "
            f"{len(dataset.problems) + dataset.unlisted:,} problems ({len(dataset.problems):,} listed)"
        )
    except DataError as error:
        dataset, outcome = None, f"refused: {str(error.problems[0])[:90]}"
    checked, checked_cpu = time.perf_counter() - started, time.process_time() - cpu_started
    held = 0.0
    if dataset is not None and not dataset.events.empty:
        from geo.data.upload import memory_size

        index = index_events(dataset.events, dataset.places)
        held = memory_size(index.events, index.marches, dataset.places.drop(columns="geometry")) / 1e6
        with tempfile.TemporaryDirectory() as folder:
            write_bundle(index, dataset.places, Path(folder))
    mapped, mapped_cpu = time.perf_counter() - started, time.process_time() - cpu_started
    peak = _peak_mb()
    return {
        "case": case,
        "format": fmt,
        "mb": round(len(content) / 1e6, 1),
        "lines": content.count(b"\n"),
        "check_s": round(checked, 2),
        "check_and_map_s": round(mapped, 2),
        "check_cpu_s": round(checked_cpu, 2),
        "check_and_map_cpu_s": round(mapped_cpu, 2),
        "extra_mb": round(max(peak - before, 0), 1),
        "held_mb": round(held, 1),
        "outcome": outcome,
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="only " + ", ".join(QUICK))
    parser.add_argument("--case", help=argparse.SUPPRESS)  # one case, in a child process
    parser.add_argument("--json", type=Path, help="also write the figures here")
    args = parser.parse_args(argv)
    if args.case:
        print(json.dumps(measure(args.case)))
        return 0
    print(
        f"{'case':16} {'MB':>5} {'lines':>8} {'check s':>8} {'(CPU)':>6} {'+map s':>7} {'(CPU)':>6} "
        f"{'extra MB':>9} {'held MB':>8}  outcome"
    )
    broken, figures = [], []
    for case in QUICK if args.quick else CASES:
        done = subprocess.run([sys.executable, __file__, "--case", case], capture_output=True, text=True, cwd=ROOT)
        if done.returncode:
            print(f"{case:16} failed: {done.stderr[-500:]}")
            broken.append(case)
            continue
        r = json.loads(done.stdout.splitlines()[-1])
        figures.append(r)
        print(
            f"{case:16} {r['mb']:5} {r['lines']:8,} {r['check_s']:8} {r['check_cpu_s']:6} {r['check_and_map_s']:7} "
            f"{r['check_and_map_cpu_s']:6} {r['extra_mb']:9} {r['held_mb']:8}  {r['outcome']}"
        )
        if r["check_cpu_s"] > MAX_SECONDS or r["extra_mb"] > MAX_EXTRA_MB:
            broken.append(case)
    print(
        f"bounds: check <= {MAX_SECONDS:g} s of CPU, extra memory <= {MAX_EXTRA_MB:g} MB; "
        + (f"BROKEN by {', '.join(broken)}" if broken else "all within")
    )
    if args.json:
        args.json.write_text(
            json.dumps(
                {
                    "cases": figures,
                    "broken": broken,
                    "load_average": os.getloadavg(),
                    "when": time.strftime("%Y-%m-%d %H:%M %Z"),
                },
                indent=2,
            )
        )
    return 1 if broken else 0


if __name__ == "__main__":
    sys.exit(main())
