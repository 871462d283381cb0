"""What a view is made of: the preset views (centre and zoom) and the base maps, as plain data."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Basemap:
    """A base map: its tiles' URL (None: no tiles, the offline layers only), credit and deepest zoom."""

    tiles: str | None
    attribution: str
    max_zoom: int = 18


BASEMAPS: dict[str, Basemap] = {
    "osm": Basemap(
        "https://tile.openstreetmap.org/{z}/{x}/{y}.png",
        '&copy; <a href="https://www.openstreetmap.org/copyright">OpenStreetMap</a> contributors',
        19,
    ),
    "satellite": Basemap(
        "https://server.arcgisonline.com/ArcGIS/rest/services/World_Imagery/MapServer/tile/{z}/{y}/{x}",
        "Imagery &copy; Esri, Maxar, Earthstar Geographics, and the GIS User Community",
        18,
    ),
    "offline": Basemap(None, "Natural Earth; INEI 2007 limits via juaneladio/peru-geojson (MPL-2.0)", 14),
}

# Preset views: (centre lat, lon), zoom.
VIEWS: dict[str, tuple[tuple[float, float], int]] = {
    "airport": ((-15.476, -70.150), 13),
    "region": ((-15.15, -70.05), 8),  # Macusani to Puno, with Juliaca and the lake clear of the credits
    "peru": ((-13.6, -73.6), 6),
}
DEFAULT_VIEW = "region"
