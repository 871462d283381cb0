"""`python -m geo`: command-line tools over the data. `validate` checks a data folder."""

from __future__ import annotations

import argparse
import sys
from collections import Counter
from pathlib import Path
from typing import TextIO

from geo.load import Dataset, default_data_dir, load_dataset
from geo.problems import DataError


def _summary(data: Dataset) -> str:
    events, places = data.events, data.places
    per_day = Counter(events["start"].dt.strftime("%Y-%m-%d"))
    lines = [f"{len(places)} places, {len(events)} events: OK", "", "Places per role:"]
    lines += [f"  {role:<14}{n:>4}" for role, n in places["role"].value_counts().sort_index().items()]
    lines += ["", "Events per category:"]
    lines += [f"  {cat:<14}{n:>4}" for cat, n in events["category"].value_counts().sort_index().items()]
    lines += ["", "Events per day (by start):"]
    lines += [f"  {day}{n:>6}" for day, n in sorted(per_day.items())]
    return "\n".join(lines)


def _validate(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    folder = Path(args.data_dir) if args.data_dir else default_data_dir()
    try:
        data = load_dataset(folder, strict=True)
    except DataError as error:
        print(f"{len(error.problems)} problem(s) in {folder}:", file=err)
        for problem in error.problems:
            print(f"  {problem}", file=err)
        return 1
    print(_summary(data), file=out)
    return 0


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="python -m geo", description=__doc__)
    commands = parser.add_subparsers(dest="command", required=True)
    validate = commands.add_parser("validate", help="check a data folder (places.geojson and events.csv)")
    validate.add_argument("data_dir", nargs="?", help="folder to check (default: $JULIACA_DATA_DIR or data/)")
    validate.set_defaults(run=_validate)
    return parser


def main(argv: list[str] | None = None, out: TextIO = sys.stdout, err: TextIO = sys.stderr) -> int:
    """Run a command; returns the process exit code."""
    args = build_parser().parse_args(argv)
    return args.run(args, out, err)
