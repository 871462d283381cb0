"""`python -m geo`: check the data, make pictures and pages, and serve the app behind a proxy."""

from __future__ import annotations

import argparse
import re
import sys
from collections import Counter
from pathlib import Path
from typing import TextIO

from geo.data.load import Dataset, default_data_dir, is_bundled, load_dataset
from geo.data.problems import DataError, unlisted_line
from geo.model.params import parse_params, steps_for
from geo.model.views import BASEMAPS, VIEWS
from geo.output.alttext import sidecar_path
from geo.text.i18n import LANGUAGES


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
    folder = default_data_dir(args.data_dir)
    try:
        if args.acled:
            from geo.data.acled import load_acled

            folder = Path(args.acled)
            data = load_acled(folder, strict=True)
        else:
            data = load_dataset(folder, strict=True)
    except DataError as error:
        _print_problems(error, f"in {folder}", err)
        return 1
    print(_summary(data), file=out)
    return 0


def _print_problems(error: DataError, where: str, err: TextIO) -> None:
    """Every problem listed (the first 1,000 of each file), then how many more were found."""
    print(f"{len(error.problems) + error.unlisted:,} problem(s) {where}:", file=err)
    for problem in error.problems:
        print(f"  {problem}", file=err)
    if error.unlisted:
        print(f"  {unlisted_line(error.unlisted)}", file=err)


def _step(value: str) -> tuple[str, int]:
    """argparse type: a step as in the app's links, e.g. 2023-01-09T17:00, 2023-01-12 or 2023-03."""
    state, refused = parse_params({"t": value})
    if refused:
        raise argparse.ArgumentTypeError(
            f"{value!r} is not a step: use an hour of 9 January (2023-01-09T00:00 … 2023-01-09T23:00), "
            "a day from 2022-12-07 to 2023-01-31, or a month from 2023-02 to 2023-06"
        )
    return state.scale, steps_for(state.scale).index(state.t)


def _positive(value: str) -> int:
    number = int(value)
    if not 200 <= number <= 8000:
        raise argparse.ArgumentTypeError(f"{value} is outside 200..8000 pixels")
    return number


def _fps(value: str) -> float:
    number = float(value)
    if not 0.1 <= number <= 30:
        raise argparse.ArgumentTypeError(f"{value} frames per second is outside 0.1..30")
    return number


def _view_options(parser: argparse.ArgumentParser, base_default: str = "offline") -> None:
    parser.add_argument("--lang", choices=LANGUAGES, default="en")
    parser.add_argument("--view", choices=tuple(VIEWS), default="region")
    parser.add_argument(
        "--base",
        choices=tuple(BASEMAPS),
        default=base_default,
        help="base map; only 'offline' works with no internet (default: %(default)s)",
    )
    parser.add_argument("--data-dir", help="data folder (default: $JULIACA_DATA_DIR or data/)")


def _loaded(args: argparse.Namespace):
    from geo.model.timeline import index_events

    data = load_dataset(default_data_dir(args.data_dir), strict=True)
    return data, index_events(data.events, data.places, data.record)


def _snapshot(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    from geo.output.export import PageOptions
    from geo.output.render import snapshot

    data, index = _loaded(args)
    scale, step = args.at
    options = PageOptions(lang=args.lang, view=args.view, base=args.base, scale=scale, step=step)
    path = snapshot(index, data.places, options, _output(args.out), args.width, args.height, args.scale)
    print(
        f"wrote {path} ({args.width * args.scale}x{args.height * args.scale} px) and its alt text {sidecar_path(path)}",
        file=out,
    )
    return 0


def _animate(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    from geo.output.export import PageOptions
    from geo.output.render import animate

    (scale, first), (scale_to, last) = args.from_, args.to
    if scale != scale_to or last < first:
        print("--from and --to must be steps of the same scale, in order", file=err)
        return 2
    data, index = _loaded(args)
    options = PageOptions(lang=args.lang, view=args.view, base=args.base, scale=scale, step=first)
    steps = list(range(first, last + 1))
    path = animate(index, data.places, options, steps, _output(args.out), args.fps, args.width, args.height)
    print(f"wrote {path} ({len(steps)} frames) and its alt text {sidecar_path(path)}", file=out)
    return 0


def _export_html(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    from geo.output.export import PageOptions
    from geo.output.site import write_site

    data, index = _loaded(args)
    moments = _moments(args, index)
    options = PageOptions(lang=args.lang, view=args.view, base=args.base)
    try:
        written = write_site(index, data.places, moments, Path(args.out), options, args.base_url, images=args.cards)
    except RuntimeError as error:  # no browser: the pages still work, with text-only cards
        print(f"share-card images skipped: {error}", file=err)
        written = write_site(index, data.places, moments, Path(args.out), options, args.base_url, images=False)
    page = written[0]
    print(f"wrote {page} ({page.stat().st_size // 1024} KB, self-contained) and {len(moments)} moment pages", file=out)
    if not args.base_url:
        print(
            "note: share cards use relative addresses; crawlers need absolute ones: re-run with "
            "--base-url https://… (where the folder will be published) before publishing",
            file=err,
        )
    return 0


def _moments(args: argparse.Namespace, index) -> list:
    """The key moments, for the bundled data only (they name its events)."""
    from geo.model.moments import load_moments

    if not is_bundled(default_data_dir(args.data_dir)):
        return []
    return load_moments(index)


def _base_url(value: str) -> str:
    """argparse type: an http(s) address with no spaces or quotes, ending in /."""
    if not re.fullmatch(r"https?://[^\s\"'<>]+", value):
        raise argparse.ArgumentTypeError(f"{value!r} is not an address such as https://example.org/juliaca/")
    return value if value.endswith("/") else value + "/"


def _handout(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    from geo.output.handout import handout_pdf

    data, index = _loaded(args)
    moments = _moments(args, index)
    if not moments:
        print("the handout needs the key moments of data/moments.csv, which name the bundled events", file=err)
        return 2
    path = _output(args.out)
    path.write_bytes(handout_pdf(index, data.places, moments, args.lang))
    print(f"wrote {path} ({len(moments) + 2} A4 pages: cover, {len(moments)} moments, sources)", file=out)
    return 0


def _serve(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    from geo.commands.serve import INSTALL_HINT, find_haproxy, serve

    if find_haproxy() is None:
        print(INSTALL_HINT, file=err)
        return 3
    return serve(args.replicas, args.host, args.port, out)


def _replicas(value: str) -> int:
    number = int(value)
    if not 1 <= number <= 64:
        raise argparse.ArgumentTypeError(f"{value} processes is outside 1..64")
    return number


def _output(value: str) -> Path:
    path = Path(value)
    path.parent.mkdir(parents=True, exist_ok=True)
    return path


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="python -m geo", description=__doc__)
    commands = parser.add_subparsers(dest="command", required=True)
    validate = commands.add_parser("validate", help="check a data folder (places.geojson and events.csv)")
    validate.add_argument("data_dir", nargs="?", help="folder to check (default: $JULIACA_DATA_DIR or data/)")
    validate.add_argument("--acled", metavar="FILE", help="check an ACLED export instead, as the app would map it")
    validate.set_defaults(run=_validate)

    snap = commands.add_parser("snapshot", help="a PNG of the map at one step, with title, time, legend and credits")
    snap.add_argument(
        "--at", type=_step, default="2023-01-09T17:00", help="the step, as in a link (default: %(default)s)"
    )
    _view_options(snap)
    snap.add_argument("--width", type=_positive, default=1600, help="CSS pixels (default: %(default)s)")
    snap.add_argument("--height", type=_positive, default=1000, help="CSS pixels (default: %(default)s)")
    snap.add_argument("--scale", type=int, choices=(1, 2, 3), default=1, help="pixel density, for print")
    snap.add_argument("--out", required=True, help="the PNG to write")
    snap.set_defaults(run=_snapshot)

    anim = commands.add_parser("animate", help="one frame per step as an animated GIF (or MP4)")
    anim.add_argument("--from", dest="from_", type=_step, default="2023-01-09T00:00")
    anim.add_argument("--to", type=_step, default="2023-01-09T23:00")
    anim.add_argument("--fps", type=_fps, default=1.0, help="frames per second (default: %(default)s)")
    _view_options(anim)
    anim.add_argument("--width", type=_positive, default=1200)
    anim.add_argument("--height", type=_positive, default=800)
    anim.add_argument("--out", required=True, help="the .gif (or .mp4) to write")
    anim.set_defaults(run=_animate)

    export = commands.add_parser("export-html", help="a self-contained page to open offline, host or embed")
    _view_options(export)
    export.add_argument("--out", required=True, help="the folder to write index.html into")
    export.add_argument(
        "--base-url",
        type=_base_url,
        help="the address the folder will be published at, e.g. "
        "https://example.org/juliaca/: share cards need absolute addresses",
    )
    export.add_argument(
        "--no-cards", dest="cards", action="store_false", help="skip the share-card images (they need a Chromium)"
    )
    export.set_defaults(run=_export_html)

    handout = commands.add_parser("handout", help="the classroom handout: an A4 PDF, one page per key moment")
    handout.add_argument("--lang", choices=LANGUAGES, default="en")
    handout.add_argument("--data-dir", help=argparse.SUPPRESS)
    handout.add_argument("--out", required=True, help="the PDF to write")
    handout.set_defaults(run=_handout)
    serve = commands.add_parser("serve", help="N app processes behind HAProxy with cookie affinity (deploy/)")
    serve.add_argument(
        "--replicas", type=_replicas, default=2, help="app processes, about one per core (default: %(default)s)"
    )
    serve.add_argument("--host", default="0.0.0.0", help="address the proxy listens on (default: %(default)s)")
    serve.add_argument("--port", type=int, default=8080, help="port the proxy listens on (default: %(default)s)")
    serve.set_defaults(run=_serve)
    return parser


def main(argv: list[str] | None = None, out: TextIO = sys.stdout, err: TextIO = sys.stderr) -> int:
    """Run a command; returns the process exit code."""
    args = build_parser().parse_args(argv)
    try:
        return args.run(args, out, err)
    except DataError as error:
        _print_problems(error, "in the data", err)
        return 1
    except RuntimeError as error:  # no browser, or the page failed to draw
        print(str(error), file=err)
        return 3
