"""Pictures of the map: a PNG of one step, or an animated GIF (or MP4) of many, by photographing the
exported page in headless Chromium. Snapshot and animation share this one code path; the share cards
and the handout's maps use it too (`render_views`: several views in one browser). Every picture gets
its alt text (`geo.text.describe`), inside the file and beside it."""

from __future__ import annotations

import io
import tempfile
from dataclasses import replace
from pathlib import Path
from typing import Iterator

import geopandas as gpd

from geo.model.params import step_key, steps_for
from geo.model.timeline import EventIndex
from geo.output.alttext import png_with_text, write_sidecar
from geo.output.browser import launch
from geo.output.export import PageOptions, build_page, step_credit
from geo.text.describe import describe_moment, describe_span
from geo.text.i18n import text

# What the map has drawn is written on its container (geo/web/app/map.js); a tile that failed is complete too.
_DRAWN = """([t, contextLayers]) => { const map = document.querySelector("#map.jm-map");
    return Boolean(map && map.dataset.t === t && map.dataset.paintedAt && Number(map.dataset.context) >= contextLayers); }"""
_TILES_SETTLED = """() => [...document.querySelectorAll("#map img.leaflet-tile")].every((tile) => tile.complete)"""


class RenderError(RuntimeError):
    """The page could not be drawn: a script error in it, or no browser."""


def render_steps(index: EventIndex, places: gpd.GeoDataFrame, options: PageOptions, steps: list[int],
                 width: int = 1600, height: int = 1000, scale: int = 1) -> Iterator[bytes]:
    """PNG bytes of each step in `steps`, waiting each time until the map is drawn (never a fixed time)."""
    html = build_page(index, places, replace(options, snapshot=True, step=steps[0]))
    with tempfile.TemporaryDirectory(prefix="juliaca-render-") as folder:
        page_path = Path(folder) / "snapshot.html"
        page_path.write_text(html, encoding="utf-8")
        from playwright.sync_api import sync_playwright

        with sync_playwright() as playwright:
            browser = launch(playwright, offline=options.base == "offline")
            try:
                page = browser.new_page(viewport={"width": width, "height": height}, device_scale_factor=scale)
                errors: list[str] = []
                page.on("pageerror", lambda error: errors.append(str(error)))
                page.goto(page_path.as_uri())
                for step in steps:
                    yield _shoot(page, options, step, errors)
            finally:
                browser.close()


def _shoot(page, options: PageOptions, step: int, errors: list[str]) -> bytes:
    """Show `step` on the open page (by its address: `#t=<key>`), wait until it is drawn (never a fixed
    time), and photograph it."""
    t = steps_for(options.scale)[step]
    page.evaluate("key => { location.hash = 't=' + key; }", step_key(t, options.scale))
    base = options.base
    page.wait_for_function(_DRAWN, arg=[t.isoformat(), 4 if base == "offline" else 2], timeout=60_000)
    if base != "offline":
        page.wait_for_function(_TILES_SETTLED, timeout=30_000)
    if errors:
        raise RenderError("the page failed: " + "; ".join(errors))
    return page.screenshot(type="png", full_page=False)


def render_views(index: EventIndex, places: gpd.GeoDataFrame, views: list[PageOptions], width: int, height: int,
                 scale: int = 1, legend: bool = True) -> Iterator[bytes]:
    """PNG bytes of each of `views` (each its own page: view, scale, step, highlight), in one browser;
    `legend=False` folds the legend away (a share card is a thumbnail: the map matters more)."""
    from playwright.sync_api import sync_playwright

    with tempfile.TemporaryDirectory(prefix="juliaca-render-") as folder, sync_playwright() as playwright:
        browser = launch(playwright, offline=all(v.base == "offline" for v in views))
        try:
            page = browser.new_page(viewport={"width": width, "height": height}, device_scale_factor=scale)
            errors: list[str] = []
            page.on("pageerror", lambda error: errors.append(str(error)))
            for k, options in enumerate(views):
                page_path = Path(folder) / f"view-{k}.html"
                page_path.write_text(build_page(index, places, replace(options, snapshot=True)), encoding="utf-8")
                page.goto(page_path.as_uri())
                if not legend:
                    page.evaluate("() => document.querySelectorAll('.jm-legend').forEach(d => { d.open = false; })")
                yield _shoot(page, options, options.step, errors)
        finally:
            browser.close()


def alt_text(index: EventIndex, places: gpd.GeoDataFrame, options: PageOptions, steps: list[int]) -> str:
    """The suggested alt text of a picture of `steps` (one step: a still; more: an animation)."""
    times = [steps_for(options.scale)[i] for i in steps]
    where = dict(scale=options.scale, lang=options.lang, view=options.view, categories=options.categories,
                 source=options.source)
    if len(times) == 1:
        return describe_moment(index, places, times[0], highlight=options.highlight, **where)
    return describe_span(index, places, times, **where)


def described_png(png: bytes, index: EventIndex, places: gpd.GeoDataFrame, options: PageOptions) -> bytes:
    """A snapshot PNG with its alt text, title and credit line in its metadata."""
    return png_with_text(png, alt_text(index, places, options, [options.step]), text(options.lang, "title"),
                         step_credit(index, options))


def snapshot(index: EventIndex, places: gpd.GeoDataFrame, options: PageOptions, out: Path,
             width: int, height: int, scale: int) -> Path:
    """Write a PNG of the step `options.step` on `options.scale`, with its alt text inside (PNG
    `Description`) and beside it (`out` with the suffix .txt)."""
    (png,) = render_steps(index, places, options, [options.step], width, height, scale)
    out.write_bytes(described_png(png, index, places, options))
    write_sidecar(out, alt_text(index, places, options, [options.step]))
    return out


def animate(index: EventIndex, places: gpd.GeoDataFrame, options: PageOptions, steps: list[int], out: Path,
            fps: float, width: int, height: int) -> Path:
    """Write one frame per step as an animated GIF, or as MP4 when `out` ends in .mp4 (needs imageio-ffmpeg).
    The alt text of the span goes in the file (GIF comment, MP4 `description`) and beside it (.txt)."""
    from PIL import Image

    frames = [Image.open(io.BytesIO(png)).convert("RGB")
              for png in render_steps(index, places, options, steps, width, height, 1)]
    description = alt_text(index, places, options, steps)
    if out.suffix.lower() == ".mp4":
        _write_mp4(frames, out, fps, description)
    else:
        palette = [f.quantize(colors=255, method=Image.Quantize.MEDIANCUT) for f in frames]
        palette[0].save(out, save_all=True, append_images=palette[1:], duration=round(1000 / fps), loop=0,
                        optimize=False, disposal=1, comment=description.encode("utf-8"))
    write_sidecar(out, description)
    return out


def _write_mp4(frames: list, out: Path, fps: float, description: str = "") -> None:
    try:
        import imageio.v2 as imageio
        import numpy as np
    except ImportError as err:
        raise RenderError("MP4 needs the packages imageio and imageio-ffmpeg; or write a .gif") from err
    even = [np.asarray(f.crop((0, 0, f.width - f.width % 2, f.height - f.height % 2))) for f in frames]
    # ffmpeg gets the text as one argument (no shell): metadata, never a command
    metadata = ["-metadata", f"description={description}"] if description else []
    imageio.mimwrite(out, even, format="FFMPEG", fps=fps, codec="libx264", macro_block_size=1,
                     ffmpeg_log_level="error", output_params=metadata)
