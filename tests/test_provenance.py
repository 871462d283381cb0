"""Every event is supported by the source text, and every place by the gazetteer it cites."""

from __future__ import annotations

import csv
import math
import re

from geo.data.load import REPO_DATA_DIR
from harness.sources import split_sections

EVENTS_CSV = REPO_DATA_DIR / "events.csv"


def _events() -> list[dict[str, str]]:
    with EVENTS_CSV.open(encoding="utf-8", newline="") as f:
        return list(csv.DictReader(f))


def test_sections_split_like_the_article(source_text):
    sections = split_sections(source_text)
    assert "Aftermath > Investigations > Use of firearms" in sections
    assert "Events" in sections and "7.62×39mm" not in sections["Events"]


def test_every_quote_is_verbatim_in_its_section(source_text):
    sections = split_sections(source_text)
    wrong = [
        f"{e['id']}: unknown section {e['source_section']!r}"
        if e["source_section"] not in sections
        else f"{e['id']}: quote not found verbatim in {e['source_section']!r}: {e['source_quote']!r}"
        for e in _events()
        if e["source_quote"] not in sections.get(e["source_section"], "")
    ]
    assert wrong == [], "\n".join(wrong)


def test_every_origin_town_named_by_the_source_has_its_march(source_text):
    named = re.search(r"Demonstrators from (.+?) marched to Juliaca", source_text).group(1)
    towns = {t.strip() for t in re.split(r",| and ", named) if t.strip()}
    march_titles = {e["title_en"] for e in _events() if e["category"] == "march"}
    assert len(towns) == 7 and len(march_titles) == 7
    for town in towns:
        assert any(town in title for title in march_titles), f"no march from {town}"


def _gazetteer(path) -> dict[str, dict[str, str]]:
    with path.open(encoding="utf-8", newline="") as f:
        return {row["id"]: row for row in csv.DictReader(f)}


def _km(lat1, lon1, lat2, lon2) -> float:
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    a = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * 6371.0 * math.asin(math.sqrt(a))


def test_every_place_is_within_2_km_of_the_gazetteer_point_it_cites(data, gazetteer_path):
    gazetteer = _gazetteer(gazetteer_path)
    for place_id, place in data.places.iterrows():
        entry = gazetteer.get(place_id)
        assert entry is not None, f"{place_id} is not a gazetteer id"
        assert entry["lat"], f"{place_id}: the gazetteer has no coordinates for it; do not plot it"
        cited = entry["geonames_id"] or re.search(r"IATA (\w{3})", entry["notes"]).group(1)
        assert cited in place["source"], f"{place_id}: source {place['source']!r} does not cite {cited}"
        distance = _km(place.geometry.y, place.geometry.x, float(entry["lat"]), float(entry["lon"]))
        assert distance <= 2.0, f"{place_id} is {distance:.2f} km from the gazetteer point"


def test_unresolved_places_are_never_plotted(data):
    """The gazetteer could not place the Legislative Palace or "Tambopata": no event may pin them. The article's
    "Tambopata" stays unmapped; events that other sources place in Urbanización Tambopata, a neighbourhood of
    Juliaca with no verified point, stand at Juliaca and name it."""
    assert not {"congress", "tambopata_mdd"} & set(data.places.index)
    tambopata = data.events[data.events["summary_en"].str.contains("Tambopata")]
    assert len(tambopata) and set(tambopata["place_id"]) <= {"", "juliaca"}
    assert (
        tambopata.loc[tambopata["place_id"] == "juliaca", "summary_en"].str.contains("Urbanización Tambopata")
    ).all()
    assert tambopata.loc[tambopata["id"] == "tambopata_order_claim", "place_id"].item() == ""


def test_every_quote_of_the_article_has_our_spanish_translation_marked_as_ours(data):
    """Issue 23: a Spanish page labels the English quote with its language and shows our translation under it."""
    from geo.text.events import event_texts

    quoted = data.events[data.events["source_quote"] != ""]
    assert len(quoted) and (quoted["source_quote_es"].str.strip() != "").all()
    es, en = (event_texts(quoted, data.places, lang) for lang in ("es", "en"))
    assert all(t.startswith("Nuestra traducción: ") for t in es["quote_ours"]) and not any(en["quote_ours"])
    assert all(label.startswith("Wikipedia (en inglés), sección «") for label in es["quote_label"])
    assert all(label.startswith("Wikipedia (English), section “") for label in en["quote_label"])


def test_an_uploads_quote_is_not_labelled_as_the_articles(data):
    """An upload's quote is its own (ACLED's notes, section "ACLED"): neither "Wikipedia (English)" nor "our
    translation" (the popup then says its section: "Source: ACLED"); the record's quotes keep their label."""
    from geo.text.events import event_texts

    quoted = data.events[data.events["source_quote"] != ""]
    uploaded = quoted.assign(source_ids=[()] * len(quoted), source_section="ACLED")
    es = event_texts(uploaded, data.places, "es")
    assert not any(es["quote_label"]) and not any(es["quote_ours"]) and set(es["section"]) == {"ACLED"}
    recorded = event_texts(quoted.assign(source_ids=[("wikipedia_en",)] * len(quoted)), data.places, "es")
    assert all(label.startswith("Wikipedia (en inglés)") for label in recorded["quote_label"])
