"""Pictures of the map: a PNG of one step, or an animated GIF (or MP4) of many, by photographing the
exported page in headless Chromium. Snapshot and animation share this one code path; the share cards
and the handout's maps use it too (`render_views`: several views in one page). Every picture gets
its alt text (`geo.text.describe`), inside the file and beside it. All of them are jobs of the
process's one browser (`geo.output.renderer`): bounded in number, queued, timed."""

from __future__ import annotations

import asyncio
import collections
import io
import threading
from dataclasses import replace
from pathlib import Path
from urllib.parse import urlparse

import geopandas as gpd

from geo.model.params import step_key, steps_for
from geo.model.timeline import EventIndex
from geo.model.views import BASEMAPS
from geo.output.alttext import png_with_text, write_sidecar
from geo.output.export import PageOptions, build_page, step_credit
from geo.output.renderer import RenderBusy, RenderError, RenderTimeout, renderer
from geo.text.describe import describe_moment, describe_span
from geo.text.i18n import text

__all__ = [
    "RenderBusy",
    "RenderError",
    "RenderTimeout",
    "alt_text",
    "animate",
    "described_png",
    "render_steps",
    "render_views",
    "snapshot",
]

# What the map has drawn is written on its container (geo/web/app/map.js); a tile that failed is complete too.
_DRAWN = """([t, contextLayers]) => { const map = document.querySelector("#map.jm-map");
    return Boolean(map && map.dataset.t === t && map.dataset.paintedAt
      && Number(map.dataset.context) >= contextLayers); }"""
_TILES_SETTLED = """() => [...document.querySelectorAll("#map img.leaflet-tile")].every((tile) => tile.complete)"""
STEP_TIMEOUT_S = 60  # a step drawn (and its tiles loaded) within this, or the picture fails


def tile_hosts(base: str) -> frozenset[str]:
    """The servers a base map's tiles come from: the only addresses a page drawn with it may reach.

    >>> sorted(tile_hosts("osm")), tile_hosts("offline")
    (['tile.openstreetmap.org'], frozenset())
    """
    tiles = BASEMAPS[base].tiles
    return frozenset({urlparse(tiles).hostname}) if tiles else frozenset()


async def _shoot(page, options: PageOptions, step: int, errors: list[str]) -> bytes:
    """Show `step` on the open page (by its address: `#t=<key>`), wait until it is drawn (never a fixed
    time), and photograph it."""
    t = steps_for(options.scale)[step]
    await page.evaluate("key => { location.hash = 't=' + key; }", step_key(t, options.scale))
    await page.wait_for_function(
        _DRAWN, arg=[t.isoformat(), 4 if options.base == "offline" else 2], timeout=STEP_TIMEOUT_S * 1000
    )
    if options.base != "offline":
        await page.wait_for_function(_TILES_SETTLED, timeout=STEP_TIMEOUT_S * 1000)
    if errors:
        raise RenderError("the page failed: " + "; ".join(errors))
    return await page.screenshot(type="png", full_page=False)


def _steps_work(index: EventIndex, places: gpd.GeoDataFrame, options: PageOptions, steps: list[int]):
    """The job that photographs `steps` of one page (built in a worker thread: its Python work does not hold
    up the other picture being drawn)."""

    async def work(page) -> list[bytes]:
        html = await asyncio.to_thread(build_page, index, places, replace(options, snapshot=True, step=steps[0]))
        errors: list[str] = []
        page.on("pageerror", lambda error: errors.append(str(error)))
        await page.set_content(html)  # self-contained: no file to write, nothing to fetch
        del html
        return [await _shoot(page, options, step, errors) for step in steps]

    return work


def render_steps(
    index: EventIndex,
    places: gpd.GeoDataFrame,
    options: PageOptions,
    steps: list[int],
    width: int = 1600,
    height: int = 1000,
    scale: int = 1,
) -> list[bytes]:
    """PNG bytes of each step in `steps`, waiting each time until the map is drawn (never a fixed time), in
    this process's one browser."""
    return renderer().run(
        _steps_work(index, places, options, steps),
        width=width,
        height=height,
        scale=scale,
        tile_hosts=tile_hosts(options.base),
        timeout=STEP_TIMEOUT_S * (1 + len(steps)),
    )


def render_views(
    index: EventIndex,
    places: gpd.GeoDataFrame,
    views: list[PageOptions],
    width: int,
    height: int,
    scale: int = 1,
    legend: bool = True,
) -> list[bytes]:
    """PNG bytes of each of `views` (each its own page: view, scale, step, highlight), in one job;
    `legend=False` folds the legend away (a share card is a thumbnail: the map matters more)."""
    return renderer().run(
        views_work(index, places, views, legend),
        width=width,
        height=height,
        scale=scale,
        tile_hosts=frozenset().union(*(tile_hosts(v.base) for v in views)),
        timeout=STEP_TIMEOUT_S * (1 + len(views)),
    )


def views_work(index: EventIndex, places: gpd.GeoDataFrame, views: list[PageOptions], legend: bool = True):
    """The job that photographs each of `views` on its own page, one after the other in one browser page."""

    async def work(page) -> list[bytes]:
        errors: list[str] = []
        page.on("pageerror", lambda error: errors.append(str(error)))
        pngs = []
        for options in views:
            await page.set_content(await asyncio.to_thread(build_page, index, places, replace(options, snapshot=True)))
            if not legend:
                await page.evaluate("() => document.querySelectorAll('.jm-legend').forEach(d => { d.open = false; })")
            pngs.append(await _shoot(page, options, options.step, errors))
        return pngs

    return work


def alt_text(index: EventIndex, places: gpd.GeoDataFrame, options: PageOptions, steps: list[int]) -> str:
    """The suggested alt text of a picture of `steps` (one step: a still; more: an animation)."""
    times = [steps_for(options.scale)[i] for i in steps]
    where = dict(
        scale=options.scale, lang=options.lang, view=options.view, categories=options.categories, source=options.source
    )
    if len(times) == 1:
        return describe_moment(index, places, times[0], highlight=options.highlight, **where)
    return describe_span(index, places, times, **where)


def described_png(png: bytes, index: EventIndex, places: gpd.GeoDataFrame, options: PageOptions) -> bytes:
    """A snapshot PNG with its alt text, title and credit line in its metadata."""
    return png_with_text(
        png, alt_text(index, places, options, [options.step]), text(options.lang, "title"), step_credit(index, options)
    )


def snapshot(
    index: EventIndex, places: gpd.GeoDataFrame, options: PageOptions, out: Path, width: int, height: int, scale: int
) -> Path:
    """Write a PNG of the step `options.step` on `options.scale`, with its alt text inside (PNG
    `Description`) and beside it (`out` with the suffix .txt)."""
    (png,) = render_steps(index, places, options, [options.step], width, height, scale)
    out.write_bytes(described_png(png, index, places, options))
    write_sidecar(out, alt_text(index, places, options, [options.step]))
    return out


def animate(
    index: EventIndex,
    places: gpd.GeoDataFrame,
    options: PageOptions,
    steps: list[int],
    out: Path,
    fps: float,
    width: int,
    height: int,
) -> Path:
    """Write one frame per step as an animated GIF, or as MP4 when `out` ends in .mp4 (needs imageio-ffmpeg).
    The alt text of the span goes in the file (GIF comment, MP4 `description`) and beside it (.txt)."""
    from PIL import Image

    if out.suffix.lower() == ".mp4":
        _needs_ffmpeg()
    frames = [
        Image.open(io.BytesIO(png)).convert("RGB")
        for png in render_steps(index, places, options, steps, width, height, 1)
    ]
    description = alt_text(index, places, options, steps)
    if out.suffix.lower() == ".mp4":
        _write_mp4(frames, out, fps, description)
    else:
        palette = [f.quantize(colors=255, method=Image.Quantize.MEDIANCUT) for f in frames]
        palette[0].save(
            out,
            save_all=True,
            append_images=palette[1:],
            duration=round(1000 / fps),
            loop=0,
            optimize=False,
            disposal=1,
            comment=description.encode("utf-8"),
        )
    write_sidecar(out, description)
    return out


INSTALL_VIDEO = (
    "MP4 needs the optional packages imageio and imageio-ffmpeg: `pip install -e '.[video]'` "
    "(`make run` installs them); or write a .gif"
)


def _needs_ffmpeg() -> None:
    """Say what to install before drawing any frame, rather than after."""
    import importlib.util

    if importlib.util.find_spec("imageio") is None or importlib.util.find_spec("imageio_ffmpeg") is None:
        raise RenderError(INSTALL_VIDEO)


def _write_mp4(frames: list, out: Path, fps: float, description: str = "") -> None:
    _needs_ffmpeg()
    import imageio.v2 as imageio
    import numpy as np

    even = [np.asarray(f.crop((0, 0, f.width - f.width % 2, f.height - f.height % 2))) for f in frames]
    # ffmpeg gets the text as one argument (no shell): metadata, never a command
    metadata = ["-metadata", f"description={description}"] if description else []
    imageio.mimwrite(
        out,
        even,
        format="FFMPEG",
        fps=fps,
        codec="libx264",
        macro_block_size=1,
        ffmpeg_log_level="error",
        output_params=metadata,
    )


# --- the app's PNG downloads: made on request, shared, cached by what they show -----------------------

APP_SIZE = (1600, 1000)  # CSS pixels of a downloaded view
APP_TIMEOUT_S = 60  # a download is drawn within this, or stopped with a message
APP_MAX_WAIT_S = 180  # and waits at most this for its turn
CACHE_BYTES = 32 * 1024 * 1024  # PNGs kept, newest used first (a view is about 300 KB)
# The page photographed holds every event of the dataset: Chromium drew 2,000 events in about 100 MB more than
# the bundled 66, and 20,000 in over 300 MB more (docs/operations.md). The app draws images of up to this many.
APP_MAX_EVENTS = 5_000


class TooManyEvents(RenderError):
    """The dataset is too large for the app to draw as an image (`APP_MAX_EVENTS`)."""


def snapshot_work(index: EventIndex, places: gpd.GeoDataFrame, options: PageOptions):
    """The job that draws one view as the app's download: the PNG with its alt text, title and credit inside."""
    steps = _steps_work(index, places, options, [options.step])

    async def work(page) -> bytes:
        (png,) = await steps(page)
        return await asyncio.to_thread(described_png, png, index, places, options)

    return work


class ImageCache:
    """The app's images by what they show (dataset, view, step, language, base map, categories, size): one
    job per image, shared by every visitor who asks for it while it is drawn, and its PNG kept while
    the cache holds under `max_bytes` (the least recently asked for go first). A job that failed is
    forgotten, so that asking again tries again."""

    def __init__(self, max_bytes: int = CACHE_BYTES):
        self.max_bytes = max_bytes
        self._jobs: collections.OrderedDict = collections.OrderedDict()
        self._lock = threading.Lock()

    def get(self, key: tuple):
        """The job for `key` (drawing, drawn or failed), or None."""
        with self._lock:
            job = self._jobs.get(key)
            if job is not None:
                self._jobs.move_to_end(key)
            return job

    def request(self, key: tuple, start):
        """The job for `key`: the one already there, or `start()` (which may raise `RenderBusy`)."""
        with self._lock:
            job = self._jobs.get(key)
            if job is not None and not (job.future.done() and job.future.exception() is not None):
                self._jobs.move_to_end(key)
                return job
            job = start()
            self._jobs[key] = job
            self._trim()
            return job

    def _trim(self) -> None:
        """Drop the least recently asked-for finished images until the rest fit in `max_bytes`."""

        def size(job) -> int:
            done = job.future.done() and job.future.exception() is None
            return len(job.future.result()) if done else 0

        for key in [k for k, job in self._jobs.items() if job.future.done() and job.future.exception() is not None]:
            del self._jobs[key]  # failed: asking again tries again
        total = sum(size(job) for job in self._jobs.values())
        for key in list(self._jobs):
            if total <= self.max_bytes:
                break
            if self._jobs[key].future.done():
                total -= size(self._jobs.pop(key))

    @property
    def bytes_held(self) -> int:
        with self._lock:
            return sum(
                len(j.future.result()) for j in self._jobs.values() if j.future.done() and j.future.exception() is None
            )


def image_key(bundle: str, options: PageOptions, size: tuple[int, int] = APP_SIZE) -> tuple:
    """What an image shows, as a cache key: the dataset's bundle, the view and its options (the source shown
    among them), the size."""
    return (
        bundle,
        options.lang,
        options.view,
        options.base,
        options.scale,
        options.step,
        None if options.categories is None else tuple(sorted(options.categories)),
        options.source,
        options.highlight,
        size,
    )


def request_snapshot(cache: ImageCache, bundle: str, index: EventIndex, places: gpd.GeoDataFrame, options: PageOptions):
    """The app's PNG of `options` from `cache`, or a new job of the process's renderer to draw it."""
    if len(index.events) > APP_MAX_EVENTS:
        raise TooManyEvents(f"{len(index.events):,} events; the app draws images of up to {APP_MAX_EVENTS:,}")
    return cache.request(
        image_key(bundle, options),
        lambda: renderer().submit(
            snapshot_work(index, places, options),
            width=APP_SIZE[0],
            height=APP_SIZE[1],
            tile_hosts=tile_hosts(options.base),
            timeout=APP_TIMEOUT_S,
            max_wait=APP_MAX_WAIT_S,
        ),
    )
