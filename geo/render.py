"""Pictures of the map: a PNG of one step, or an animated GIF (or MP4) of many, by photographing the
exported page in headless Chromium. Snapshot and animation share this one code path."""

from __future__ import annotations

import io
import tempfile
from dataclasses import replace
from pathlib import Path
from typing import Iterator

import geopandas as gpd

from geo.browser import launch
from geo.export import PageOptions, build_page
from geo.timeline import EventIndex

_DRAWN = """([t, contextLayers]) => window.JuliacaMap && JuliacaMap.lastStep && JuliacaMap.lastStep.t === t
    && JuliacaMap.lastStep.paintedAt && JuliacaMap.contextDrawn >= contextLayers"""
_TILES_SETTLED = """() => { let busy = false; window.JuliacaPage.state.map.eachLayer(l => {
    if (l instanceof L.TileLayer && l._loading) busy = true; }); return !busy; }"""


class RenderError(RuntimeError):
    """The page could not be drawn: a script error in it, or no browser."""


def render_steps(index: EventIndex, places: gpd.GeoDataFrame, options: PageOptions, steps: list[int],
                 width: int = 1600, height: int = 1000, scale: int = 1) -> Iterator[bytes]:
    """PNG bytes of each step in `steps`, waiting each time until the map is drawn (never a fixed time)."""
    html = build_page(index, places, replace(options, snapshot=True, step=steps[0]))
    context_layers = 4 if options.base == "offline" else 2
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
                    t = page.evaluate("i => { JuliacaPage.show(i); return JuliacaMap.lastStep.t; }", step)
                    page.wait_for_function(_DRAWN, arg=[t, context_layers], timeout=60_000)
                    if options.base != "offline":
                        page.wait_for_function(_TILES_SETTLED, timeout=30_000)
                    if errors:
                        raise RenderError("the page failed: " + "; ".join(errors))
                    yield page.screenshot(type="png", full_page=False)
            finally:
                browser.close()


def snapshot(index: EventIndex, places: gpd.GeoDataFrame, options: PageOptions, out: Path,
             width: int, height: int, scale: int) -> Path:
    """Write a PNG of the step `options.step` on `options.scale`."""
    (png,) = render_steps(index, places, options, [options.step], width, height, scale)
    out.write_bytes(png)
    return out


def animate(index: EventIndex, places: gpd.GeoDataFrame, options: PageOptions, steps: list[int], out: Path,
            fps: float, width: int, height: int) -> Path:
    """Write one frame per step as an animated GIF, or as MP4 when `out` ends in .mp4 (needs imageio-ffmpeg)."""
    from PIL import Image

    frames = [Image.open(io.BytesIO(png)).convert("RGB")
              for png in render_steps(index, places, options, steps, width, height, 1)]
    if out.suffix.lower() == ".mp4":
        _write_mp4(frames, out, fps)
    else:
        palette = [f.quantize(colors=255, method=Image.Quantize.MEDIANCUT) for f in frames]
        palette[0].save(out, save_all=True, append_images=palette[1:], duration=round(1000 / fps), loop=0,
                        optimize=False, disposal=1)
    return out


def _write_mp4(frames: list, out: Path, fps: float) -> None:
    try:
        import imageio.v2 as imageio
        import numpy as np
    except ImportError as err:
        raise RenderError("MP4 needs the packages imageio and imageio-ffmpeg; or write a .gif") from err
    even = [np.asarray(f.crop((0, 0, f.width - f.width % 2, f.height - f.height % 2))) for f in frames]
    imageio.mimwrite(out, even, format="FFMPEG", fps=fps, codec="libx264", macro_block_size=1,
                     ffmpeg_log_level="error")
