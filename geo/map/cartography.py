"""The base map's cartography as plain data: the frame the offline layers cover, the names of Peru and
its neighbours, short forms of long place names, and which place label wins when two would collide.

No folium here (imports point one way): `geo.map.layers` puts these in the map's configuration, and
`geo/web/cartography.js` places the labels in the browser.
"""

from __future__ import annotations

import re

import geopandas as gpd

from geo.text.i18n import text

# The extent of data/layers/countries_ne10m.geojson, [[south, west], [north, east]]: beyond it the
# offline map would draw land as water, so the view never leaves it.
DATA_FRAME = [[-26.0, -84.0], [3.0, -60.0]]

# Label points chosen inside each country's part of the frame (tests check each lies in its polygon).
# zoom: the scales at which the name is shown, [min, max].
COUNTRY_LABELS: tuple[dict, ...] = (
    {"id": "peru", "lat": -9.6, "lon": -75.4, "zoom": [4, 7]},
    {"id": "bolivia", "lat": -17.0, "lon": -64.8, "zoom": [4, 7]},
    {"id": "brazil", "lat": -8.0, "lon": -64.0, "zoom": [4, 7]},
    {"id": "chile", "lat": -22.8, "lon": -69.2, "zoom": [4, 7]},
    {"id": "ecuador", "lat": -1.6, "lon": -78.2, "zoom": [4, 7]},
    {"id": "colombia", "lat": 1.2, "lon": -73.0, "zoom": [4, 7]},
    {"id": "argentina", "lat": -24.6, "lon": -63.8, "zoom": [4, 7]},
    {"id": "paraguay", "lat": -21.2, "lon": -61.0, "zoom": [5, 7]},
    {"id": "venezuela", "lat": 2.0, "lon": -65.6, "zoom": [5, 7]},
    # at the scale of the region, the border with Bolivia runs through the view
    {"id": "bolivia", "lat": -15.1, "lon": -68.7, "zoom": [8, 10]},
    {"id": "peru", "lat": -14.2, "lon": -71.2, "zoom": [8, 9]},
)
WATER_LABELS: tuple[dict, ...] = (
    {"id": "pacific", "lat": -16.0, "lon": -79.0, "zoom": [4, 7]},
    {"id": "titicaca", "lat": -15.85, "lon": -69.45, "zoom": [8, 10]},
)

# Long names get a short form at small scales (the full name stays in the tooltip and the list).
# Their words are in the catalogue (geo.text.i18n: `short_<place id>`), like the names of countries and waters.
SHORT_NAMES = frozenset({"jul_airport", "ayp_airport"})
FULL_NAMES_FROM_ZOOM = 11

# Which label wins: the airport and Juliaca, then the towns the marches came from, then context.
ROLE_PRIORITY = {"site": 0, "origin": 1, "context": 2}
KIND_PRIORITY = {"airport": 0, "city": 1, "town": 2}

_PARENTHESIS = re.compile(r"\s*\([^)]*\)\s*$")


def short_name(place_id: str, full: str, lang: str) -> str:
    """The short form of a place name: from the table, else the name without a trailing parenthesis.

    >>> short_name("putina", "Putina (San Antonio de Putina)", "en")
    'Putina'
    >>> short_name("jul_airport", "Aeropuerto Internacional Inca Manco Cápac", "es")
    'Aeropuerto Inca Manco Cápac'
    """
    if place_id in SHORT_NAMES:
        return text(lang, f"short_{place_id}")
    return _PARENTHESIS.sub("", full) or full


def place_labels(places: gpd.GeoDataFrame, lang: str) -> list[dict]:
    """The place labels in `lang`, highest priority first: full and short name, point, priority."""
    rows = []
    for place_id, row in places.iterrows():
        name = row[f"name_{lang}"]
        rows.append(
            {
                "id": place_id,
                "name": name,
                "short": short_name(place_id, name, lang),
                "role": row["role"],
                "priority": ROLE_PRIORITY.get(row["role"], 3) * 10 + KIND_PRIORITY.get(row["kind"], 3),
                "lat": round(row.geometry.y, 5),
                "lon": round(row.geometry.x, 5),
            }
        )
    return sorted(rows, key=lambda r: r["priority"])  # stable: ties keep the file's order


def area_labels(lang: str) -> list[dict]:
    """The names of countries and waters in `lang`, with the zoom levels at which each is shown."""
    return [
        {
            "name": text(lang, f"country_{c['id']}"),
            "kind": "country",
            "lat": c["lat"],
            "lon": c["lon"],
            "zoom": c["zoom"],
        }
        for c in COUNTRY_LABELS
    ] + [
        {"name": text(lang, f"water_{w['id']}"), "kind": "water", "lat": w["lat"], "lon": w["lon"], "zoom": w["zoom"]}
        for w in WATER_LABELS
    ]
