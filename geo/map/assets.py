"""The files the browser loads from the app itself: Leaflet, the browser app's bundles, the context layers.

Streamlit serves `./static/` beside `app.py` at `/app/static/` (`[server] enableStaticServing`).
`publish_static` fills that folder from installed packages and the repository, so that the map
needs no CDN and no internet.
"""

from __future__ import annotations

import filecmp
import functools
import hashlib
import os
import shutil
from pathlib import Path

import xstatic.pkg.leaflet as xleaflet

from geo.data.load import REPO_DATA_DIR

WEB_DIR = Path(__file__).resolve().parents[1] / "web"
APP_DIR = WEB_DIR / "app"  # the browser app: ES modules, bundled into APP_DIR/dist by esbuild
LAYERS_DIR = REPO_DATA_DIR / "layers"
URL_ROOT = "/app/static"

# (source file, path under the static folder)
FILES = (
    (Path(xleaflet.BASE_DIR) / "leaflet.js", "vendor/leaflet/leaflet.js"),
    (Path(xleaflet.BASE_DIR) / "leaflet.css", "vendor/leaflet/leaflet.css"),
    *((p, f"vendor/leaflet/images/{p.name}") for p in sorted((Path(xleaflet.BASE_DIR) / "images").glob("*.png"))),
    (APP_DIR / "dist" / "app.js", "app.js"),  # the app's page (ui/time_control.py)
    (APP_DIR / "dist" / "frame.js", "frame.js"),  # the map in streamlit-folium's iframe (geo/map/layers.py)
    *((p, f"layers/{p.name}") for p in sorted(LAYERS_DIR.glob("*.geojson"))),
)


def publish_static(target: Path) -> list[str]:
    """Copy every served file into `target`, skipping files already identical; returns what was copied."""
    copied = []
    for source, relative in FILES:
        destination = target / relative
        if destination.is_file() and filecmp.cmp(source, destination, shallow=False):
            continue
        destination.parent.mkdir(parents=True, exist_ok=True)
        partial = destination.with_name(f".{destination.name}.{os.getpid()}.partial")
        shutil.copyfile(source, partial)
        os.replace(partial, destination)  # atomic: a browser never gets half a file, replicas never clash
        copied.append(relative)
    return copied


@functools.cache
def versioned(relative: str) -> str:
    """`relative` with a hash of its content (`frame.js?v=1a2b3c4d`): browsers refetch it when it changes."""
    source = next(source for source, served in FILES if served == relative)
    return f"{relative}?v={hashlib.sha256(source.read_bytes()).hexdigest()[:8]}"
