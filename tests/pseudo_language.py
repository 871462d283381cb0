"""Add a pseudo-language the way docs/development.md says a developer adds one, then run the app in it.

Run by tests/test_languages.py in a fresh process (the language must exist before `geo` is imported,
as it would after editing geo/text/i18n.py): `python tests/pseudo_language.py FOLDER` prints what it saw as JSON.
"""

from __future__ import annotations

import csv
import json
import os
import shutil
import sys
import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))  # this checkout's geo/, whatever is installed
PSEUDO = "xx"


def pseudo(text: str) -> str:
    """English in brackets, placeholders kept: English on the page without brackets was not translated."""
    return f"⟦{text}⟧" if text else ""


def add_language(package: Path) -> None:
    """Step 1 of the recipe: one more catalogue, `geo/data/words/xx.toml` (its name, dates in French, its words)."""
    shutil.copytree(ROOT / "geo", package / "geo", ignore=shutil.ignore_patterns("__pycache__"))
    english = tomllib.loads((ROOT / "geo" / "data" / "words" / "en.toml").read_text(encoding="utf-8"))["words"]
    lines = ["[language]", 'name = "Pseudo"', 'locale = "fr"', "", "[words]"]
    lines += [f"{key} = {json.dumps(pseudo(value), ensure_ascii=False)}" for key, value in english.items()]
    (package / "geo" / "data" / "words" / f"{PSEUDO}.toml").write_text("\n".join(lines) + "\n", encoding="utf-8")


def _add_csv_columns(path: Path, names: tuple[str, ...]) -> None:
    with path.open(encoding="utf-8", newline="") as f:
        rows = list(csv.DictReader(f))
    for row in rows:
        row.update({f"{name}_{PSEUDO}": pseudo(row[f"{name}_en"]) for name in names})
    with path.open("w", encoding="utf-8", newline="") as f:
        writer = csv.DictWriter(f, fieldnames=list(rows[0]), lineterminator="\n")
        writer.writeheader()
        writer.writerows(rows)


def add_columns(target: Path) -> None:
    """Step 2 of the recipe: the language's columns in each data file."""
    shutil.copytree(ROOT / "data", target)
    _add_csv_columns(target / "events.csv", ("title", "summary"))
    _add_csv_columns(target / "moments.csv", ("title", "caption"))
    _add_csv_columns(target / "sources.csv", ("title",))  # the record's files (docs/development.md)
    _add_csv_columns(target / "citations.csv", ("said_by", "note"))
    _add_csv_columns(target / "readings.csv", ("text",))
    _add_csv_columns(target / "figures.csv", ("said_by",))
    _add_csv_columns(target / "people.csv", ("label", "about", "shot", "died", "protesting_text"))
    places = json.loads((target / "places.geojson").read_text(encoding="utf-8"))
    for feature in places["features"]:
        feature["properties"][f"name_{PSEUDO}"] = pseudo(feature["properties"]["name_en"])
    (target / "places.geojson").write_text(json.dumps(places, ensure_ascii=False), encoding="utf-8")


def run_app(target: Path) -> dict:
    """The Streamlit page in the pseudo-language: what it shows, and any English it shows untranslated."""
    from streamlit.testing.v1 import AppTest

    from geo.text.i18n import STRINGS

    os.environ["JULIACA_DATA_DIR"] = str(target)
    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=60)
    at.query_params["lang"] = PSEUDO
    at.run()
    at.session_state["page_complete"] = True  # the whole page, as once the map is painted (ui/explore.py)
    at.run()
    shown = [
        e.value for kind in ("header", "subheader", "caption", "markdown", "info", "warning") for e in at.get(kind)
    ]
    shown += [e.label for kind in ("button", "metric", "toggle", "radio") for e in at.get(kind)]
    english = [v for v in STRINGS["en"].values() if len(v) > 12 and "{" not in v]
    controls = [
        data
        for data in (
            json.loads(c.proto.json) for c in at.get("bidi_component") if c.proto.component_name == "juliaca-map.app"
        )
        if data.get("role") == "control"
    ]  # the clock is drawn by the time control, in the browser
    shown += [text for data in controls for text in (*data["strings"].values(), *data["counters"])]
    return {
        "exception": [str(e.value) for e in at.exception],
        "header": at.header[0].value if at.header else None,
        "clock": controls[0]["steps"][controls[0]["step"]]["clock"] if controls else None,
        "untranslated": [s for s in shown if "⟦" not in s and any(v in s for v in english)],
        "switcher": [list(w.options) for w in at.get("button_group") if w.key == "lang"],
    }


def main(target: Path) -> dict:
    package = target.parent / "package"
    add_language(package)
    add_columns(target)
    (package / "data").symlink_to(target, target_is_directory=True)  # the copy's own data folder
    sys.path.insert(0, str(package))
    from geo.data.load import load_dataset
    from geo.map import bundle
    from geo.model.moments import load_moments
    from geo.model.params import parse_params
    from geo.model.timeline import index_events, lima_time
    from geo.output.export import PageOptions, build_page
    from geo.text.labels import clock_label

    data = load_dataset(target)
    index = index_events(data.events, data.places, data.record)
    files = bundle.files(index, data.places)
    page = build_page(index, data.places, PageOptions(lang=PSEUDO))
    return {
        "clock": clock_label(lima_time("2023-01-09T17:00"), "hour", PSEUDO),
        "bundle": sorted(name for name in files if PSEUDO in name),
        "bundle_title": json.loads(files[f"text-{PSEUDO}-0.json"])["title"][0],
        "moment": load_moments(index, target / "moments.csv")[0].title[PSEUDO],
        "page_button": f'data-lang="{PSEUDO}" lang="{PSEUDO}" aria-pressed="false">Pseudo</button>' in page,
        "link": parse_params({"lang": PSEUDO})[0].lang,
        "app": run_app(target),
    }


if __name__ == "__main__":
    print(json.dumps(main(Path(sys.argv[1]))))
