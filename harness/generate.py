"""Synthetic datasets in the project's schema, for measuring the app at scale (never shipped as data).

    .venv/bin/python harness/generate.py 10000 /tmp/juliaca-10k
    JULIACA_DATA_DIR=/tmp/juliaca-10k make run

N events over southern and central Peru from December 2022 to March 2023, with a realistic mix of
categories and time precisions, many events sharing a place (place popularity follows a power
law), and some without a place. The output passes `python -m geo validate`.
"""

from __future__ import annotations

import argparse
import csv
import itertools
import json
import random
import sys
from datetime import datetime, timedelta, timezone
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from geo.data.vocab import EVENT_COLUMNS

LIMA = timezone(timedelta(hours=-5))
FIRST, LAST = datetime(2022, 12, 1, tzinfo=LIMA), datetime(2023, 3, 31, 23, 59, tzinfo=LIMA)
# Inland southern and central Peru (lon, lat), inside the validator's bounds.
AREA = (-76.5, -16.5, -69.3, -10.5)
CATEGORY_WEIGHTS = {
    "protest": 30,
    "clash": 14,
    "march": 8,
    "shooting": 4,
    "casualty": 8,
    "looting": 3,
    "arrest": 7,
    "deployment": 6,
    "government": 6,
    "statement": 8,
    "investigation": 3,
    "context": 3,
}
PRECISION_WEIGHTS = {"minute": 25, "hour": 30, "part_of_day": 12, "day": 25, "month": 5, "undated": 3}
STATUS_WEIGHTS = {"reported": 85, "official_claim": 10, "disputed": 5}


def _table(weights: dict[str, int]) -> tuple[list[str], list[int]]:
    """Names and cumulative weights: `choices` draws the same from them as from the weights, without summing
    each time."""
    return list(weights), list(itertools.accumulate(weights.values()))


CATEGORY_TABLE, PRECISION_TABLE, STATUS_TABLE = map(_table, (CATEGORY_WEIGHTS, PRECISION_WEIGHTS, STATUS_WEIGHTS))


def _pick(rng: random.Random, table: tuple[list[str], list[int]]) -> str:
    return rng.choices(table[0], cum_weights=table[1])[0]


def make_places(rng: random.Random, count: int) -> list[dict]:
    west, south, east, north = AREA
    return [
        {
            "type": "Feature",
            "geometry": {
                "type": "Point",
                "coordinates": [round(rng.uniform(west, east), 5), round(rng.uniform(south, north), 5)],
            },
            "properties": {
                "id": f"p{i:06d}",
                "name_en": f"Place {i}",
                "name_es": f"Lugar {i}",
                "kind": "town",
                "role": rng.choice(("site", "origin")),
                "geo_precision": "town",
                "source": "synthetic",
            },
        }
        for i in range(count)
    ]


def _start(rng: random.Random, precision: str) -> datetime:
    t = FIRST + timedelta(seconds=rng.uniform(0, (LAST - FIRST).total_seconds()))
    if precision == "minute":
        return t.replace(second=0, microsecond=0)
    if precision == "hour":
        return t.replace(minute=0, second=0, microsecond=0)
    if precision == "part_of_day":
        return t.replace(hour=rng.choice((6, 12, 18)), minute=0, second=0, microsecond=0)
    if precision == "month":
        return t.replace(day=1, hour=0, minute=0, second=0, microsecond=0)
    return t.replace(hour=0, minute=0, second=0, microsecond=0)


def make_events(rng: random.Random, count: int, place_ids: list[str]) -> list[dict]:
    cumulative, total = [], 0.0
    for rank in range(len(place_ids)):  # a few places hold many events (a power law)
        total += 1 / (rank + 1) ** 0.9
        cumulative.append(total)
    rows = []
    for i in range(count):
        precision = _pick(rng, PRECISION_TABLE)
        category = _pick(rng, CATEGORY_TABLE)
        start = _start(rng, precision)
        place = rng.choices(place_ids, cum_weights=cumulative)[0] if rng.random() > 0.05 else ""
        harmed = category in ("shooting", "casualty")
        rows.append(
            {
                "id": f"e{i:07d}",
                "start": start.isoformat(timespec="minutes"),
                "end": "",
                "time_precision": precision,
                "place_id": place,
                "origin_place_id": rng.choice(place_ids) if category == "march" else "",
                "category": category,
                "title_en": f"Synthetic {category} {i}",
                "title_es": f"Hecho sintético {i}",
                "summary_en": f"Synthetic event number {i}, generated for the benchmark.",
                "summary_es": f"Hecho sintético número {i}, generado para la medición.",
                "civilians_killed": str(rng.randint(0, 3)) if harmed else "",
                "civilians_injured": str(rng.randint(0, 20)) if harmed else "",
                "police_killed": "",
                "police_injured": str(rng.randint(0, 2)) if category == "clash" else "",
                "claim_status": _pick(rng, STATUS_TABLE),
                "reported_by": "",
                "source_section": "Synthetic",
                "source_quote": "synthetic data, not from the source",
            }
        )
    return rows


def generate(count: int, out: Path, seed: int = 20230109) -> Path:
    """Write places.geojson and events.csv for `count` events into `out`."""
    rng = random.Random(seed)
    places = make_places(rng, max(20, min(count // 5, 20_000)))
    out.mkdir(parents=True, exist_ok=True)
    (out / "places.geojson").write_text(json.dumps({"type": "FeatureCollection", "features": places}), encoding="utf-8")
    with (out / "events.csv").open("w", encoding="utf-8", newline="") as f:
        writer = csv.DictWriter(f, fieldnames=list(EVENT_COLUMNS), lineterminator="\n")
        writer.writeheader()
        writer.writerows(make_events(rng, count, [p["properties"]["id"] for p in places]))
    return out


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("count", type=int, help="number of events")
    parser.add_argument("out", type=Path, help="folder to write places.geojson and events.csv into")
    parser.add_argument("--seed", type=int, default=20230109)
    args = parser.parse_args(argv)
    generate(args.count, args.out, args.seed)
    print(f"wrote {args.count} events to {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
