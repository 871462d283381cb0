"""The record says only what its sources say (issues 9 and 20): the rules of the method (docs/data.md), the
counters' scope and qualifiers, and the toll table of docs/data.md, each checked against the data and the code."""

from __future__ import annotations

import csv
import io
import re
from pathlib import Path

import pytest

from geo.data.load import REPO_DATA_DIR, load_dataset
from geo.data.vocab import COUNT_COLUMNS
from geo.model.timeline import context_steps, lima_time, state_at, toll_as_worded, toll_start
from geo.output.export import events_csv
from geo.text.labels import count_label, time_label
from harness.sources import split_sections

DATA_DOC = Path(__file__).resolve().parent.parent / "docs" / "data.md"


def _rows() -> list[dict[str, str]]:
    with (REPO_DATA_DIR / "events.csv").open(encoding="utf-8", newline="") as f:
        return list(csv.DictReader(f))


ROWS = _rows()


def _by_id(event_id: str) -> dict[str, str]:
    return next(r for r in ROWS if r["id"] == event_id)


# --- the three serious fixes ---------------------------------------------------------------


def _context_step(day: str):
    return next(t for t in context_steps() if t.strftime("%Y-%m-%d") == day)


def test_police_killed_is_0_on_9_january_and_1_from_10_january_when_his_body_was_found(index):
    toll = {
        day: state_at(index, _context_step(day), toll_from=toll_start("day")).totals["police_killed"]
        for day in ("2023-01-09", "2023-01-10", "2023-01-11")
    }
    assert toll == {"2023-01-09": 0, "2023-01-10": 1, "2023-01-11": 1}


@pytest.mark.parametrize("t", ["2023-01-09T06:00", "2023-01-09T13:00"])
def test_on_the_hourly_scale_all_four_counters_are_0_before_the_first_death(index, t):
    worded = toll_as_worded(index, lima_time(t), toll_start("hour"))
    assert worded == dict.fromkeys(COUNT_COLUMNS, (0, ""))


def _readme_toll() -> list[tuple[str, str, list[str]]]:
    """Rows like `| hourly | 2023-01-09T18:00 | 17 | over 100 | 0 | 0 |` of the toll table of docs/data.md."""
    pattern = r"^\| (hourly|context) \| (\d{4}-\d{2}(?:-\d{2}(?:T\d{2}:\d{2})?)?) \|((?: [^|]+ \|){4})\s*$"
    return [
        (scale, t, [c.strip() for c in cells.split("|")[:-1]])
        for scale, t, cells in re.findall(pattern, DATA_DOC.read_text(encoding="utf-8"), re.M)
    ]


def _step(scale: str, t: str):
    if scale == "hourly":
        return lima_time(t)
    return next(s for s in context_steps() if s.strftime("%Y-%m-%d" if len(t) == 10 else "%Y-%m") == t)


def test_the_readme_toll_table_is_what_the_counters_show(index):
    table = _readme_toll()
    assert len(table) >= 10 and {"hourly", "context"} == {scale for scale, *_ in table}
    for scale, t, cells in table:
        scale_key = "hour" if scale == "hourly" else "day"
        worded = toll_as_worded(index, _step(scale, t), toll_start(scale_key))
        shown = [count_label(*worded[c], "en") for c in COUNT_COLUMNS]
        assert shown == cells, f"{scale} {t}: the counters show {shown}, docs/data.md says {cells}"


def test_over_100_injured_is_never_shown_as_a_sum(index):
    for t in context_steps():
        number, qualifier = toll_as_worded(index, t)["civilians_injured"]
        assert number <= 100 or qualifier == "", t
    assert toll_as_worded(index, context_steps()[-1])["civilians_injured"] == (100, "over")


def test_every_counted_event_is_within_the_context_scope_the_counters_state(index):
    """The context counters say "Juliaca, from 4 January 2023 to this date; deaths elsewhere in the Puno region
    and in Ayacucho not included": every counted event is in Juliaca (the city or its airport) and dated from
    4 January 2023 (the article's injured, with no place, are its Juliaca total)."""
    counted = index.events[index.events["in_toll"] & (index.events[list(COUNT_COLUMNS)].fillna(0).sum(axis=1) > 0)]
    early = counted["start"] < lima_time("2023-01-04")
    assert not early.any(), counted.loc[early, "id"]
    in_juliaca = counted["place_id"].fillna("").isin(["juliaca", "jul_airport", ""])  # "": the article's Juliaca total
    assert in_juliaca.all(), counted.loc[~in_juliaca, ["id", "place_id"]]
    assert "ayacucho_airport_shooting" not in set(counted["id"])


def test_the_csv_download_says_which_rows_count_in_the_toll_and_reads_back(index, tmp_path):
    rows = list(csv.DictReader(io.StringIO(events_csv(index.events, index.record).decode("utf-8-sig"))))
    flags = {r["id"]: r["counted_in_toll"] for r in rows}
    assert flags["ayacucho_airport_shooting"] == "no" and flags["police_deadly_force"] == "yes"
    folder = tmp_path / "data"
    folder.mkdir()
    (folder / "places.geojson").write_bytes((REPO_DATA_DIR / "places.geojson").read_bytes())
    (folder / "events.csv").write_bytes(events_csv(index.events, index.record))
    assert len(load_dataset(folder).events) == len(index.events)


# --- rule 1: no time more precise than the source ------------------------------------------


@pytest.mark.parametrize(
    "lang, words", [("en", "inferred by us, see the sources"), ("es", "deducida por nosotros, véanse las fuentes")]
)
def test_every_inferred_date_or_time_says_so_in_its_label(data, lang, words):
    inferred = data.events[data.events["time_inferred"] != ""]
    assert {"c130_arrives", "police_deadly_force", "injured_over_100", "count_9_afternoon"} <= set(inferred["id"])
    for row in inferred.itertuples():
        assert words in time_label(row.start, row.time_precision, lang, row.end, row.time_inferred), row.id


def test_no_march_claims_an_hour():
    marches = [r for r in ROWS if r["category"] == "march"]
    assert len(marches) == 7 and {r["time_precision"] for r in marches} == {"drawn"}


def test_the_officer_is_found_on_10_january_as_the_other_sources_say_and_the_articles_order_is_a_reading(data):
    row = _by_id("officer_found_dead")
    assert row["start"].startswith("2023-01-10") and row["time_inferred"] == ""
    readings = [r for r in data.record.readings_of("officer_found_dead") if r.aspect == "time"]
    assert any(r.source_ids == ("wikipedia_en",) and "11 January" in r.text["en"] for r in readings)
    assert any("wikipedia_en" not in r.source_ids and "10 January" in r.text["en"] for r in readings)


# --- rule 2: a place is pinned only where the source gives it ------------------------------

_CAVEAT = {"en": re.compile(r"does not say where", re.I), "es": re.compile(r"no indica (dónde|en qué lugar)", re.I)}
# Where other sources place an event the article does not: the summary says where the map puts it.
_PLACED = {
    "en": re.compile(r"the map places", re.I),
    "es": re.compile(r"(el mapa l[oa]s? sitúa|donde l[oa] sitúa el mapa)", re.I),
}
_ALIASES = {"jul_airport": ("the airport",)}  # the Events section's "the airport" is the one it has named


def _names(place_id: str, places) -> set[str]:
    name = places.loc[place_id, "name_en"]
    names = {name, name.split(" (")[0], *re.findall(r"\((.+?)\)", name)}
    return names | set(_ALIASES.get(place_id, ()))


def _says(row: dict[str, str], words: dict[str, re.Pattern]) -> bool:
    return bool(words["en"].search(row["summary_en"]) and words["es"].search(row["summary_es"]))


def test_every_pinned_event_is_where_its_sources_say_or_says_where_the_map_puts_it(data, source_text):
    """An article row: its paragraph names the place, or the summary says the article does not say where, or
    other sources place it and the summary says where the map puts it. Any other row: its summary names the
    place it is pinned at, or says where the map puts it."""
    sections = split_sections(source_text)
    for row in ROWS:
        for column in ("place_id", "origin_place_id"):
            if not row[column]:
                continue
            names = _names(row[column], data.places)
            if row["source_quote"]:
                paragraph = next(p for p in sections[row["source_section"]].splitlines() if row["source_quote"] in p)
                others = [c for c in data.record.citations_of(row["id"]) if c.source_id != "wikipedia_en"]
                ok = any(n in paragraph for n in names) or _says(row, _CAVEAT) or (others and _says(row, _PLACED))
            else:
                ok = any(n in row["summary_en"] for n in names) or _says(row, _PLACED)
            assert ok, f"{row['id']}: {row[column]} is not where its sources put it; unpin it or say so"


@pytest.mark.parametrize(
    "event_id",
    [
        "castillo_dissolves_congress",
        "regional_curfew",
        "huancco_blames_boluarte",
        "tambopata_order_claim",
        "footage_deleted",
    ],
)
def test_events_whose_place_no_source_gives_are_not_pinned(event_id):
    assert _by_id(event_id)["place_id"] == ""


@pytest.mark.parametrize("event_id", ["boy_dies_12jan", "doctor_killed", "officer_found_dead", "teenage_girl_shot"])
def test_article_rows_placed_by_other_sources_cite_them_and_say_so(data, event_id):
    row = _by_id(event_id)
    assert row["place_id"] and _says(row, _PLACED), event_id
    assert [c for c in data.record.citations_of(event_id) if c.source_id != "wikipedia_en"], event_id


def _quoted(text: str) -> list[str]:
    """The pieces of each "quotation" in text, split at an ellipsis."""
    return [p.strip(" .,") for q in re.findall(r'"([^"]+)"', text) for p in re.split(r"\.\.\.|…", q) if p.strip(" .,")]


def test_english_quotation_marks_hold_only_the_sources_words(source_text):
    texts = [(r["id"], r[c]) for r in ROWS for c in ("title_en", "summary_en")]
    with (REPO_DATA_DIR / "moments.csv").open(encoding="utf-8", newline="") as f:
        texts += [(m["id"], m[c]) for m in csv.DictReader(f) for c in ("title_en", "caption_en")]
    for row_id, text in texts:
        for piece in _quoted(text):
            assert piece in source_text or piece.replace("'", '"') in source_text, (
                f"{row_id}: {piece!r} is not the source's"
            )


def test_spanish_quotation_marks_hold_only_spanish_words_of_the_source():
    """A translation is paraphrased, never quoted; only the source's own Spanish ("terna") is."""
    with (REPO_DATA_DIR / "moments.csv").open(encoding="utf-8", newline="") as f:
        texts = [r[c] for r in ROWS for c in ("title_es", "summary_es")] + [m["caption_es"] for m in csv.DictReader(f)]
    quoted = {q for text in texts for q in re.findall(r'[«"]([^»"]+)[»"]', text)}
    assert quoted <= {"terna"}, quoted


# --- rule 3: a party's account is attributed and marked --------------------------------------


def test_every_claim_and_statement_says_who_makes_it():
    for row in ROWS:
        if row["claim_status"] != "reported" or row["category"] == "statement":
            assert row["reported_by"].strip(), f"{row['id']}: say who makes this claim in reported_by"


@pytest.mark.parametrize(
    "event_id, status",
    [
        ("officer_reports_detention", "party_claim"),
        ("protesters_report_looting", "party_claim"),
        ("huancco_blames_boluarte", "official_claim"),
        ("boluarte_ammunition_claim", "disputed"),
    ],
)
def test_accounts_the_source_attributes_are_marked_as_claims(event_id, status):
    assert _by_id(event_id)["claim_status"] == status


# --- rule 4: numbers keep their qualifiers -------------------------------------------------

_QUALIFIED = {"over": "más de", "at least": "al menos", "more than": "más de", "about": "un[oa]s"}


def test_every_qualified_number_keeps_its_qualifier_in_spanish():
    for row in ROWS:
        bounds = re.findall(r"\b(over|at least|more than|about) (\d+)(?![\d:])", row["summary_en"], re.I)
        for qualifier, number in bounds:
            pattern = rf"\b{_QUALIFIED[qualifier.lower()]} {number}"
            assert re.search(pattern, row["summary_es"]), f"{row['id']}: {qualifier} {number}"


def test_a_count_that_is_a_bound_is_marked_and_worded_as_one():
    for row in ROWS:
        counts = {row[c] for c in COUNT_COLUMNS if row[c]}
        bound = any(re.search(rf"\b(over|at least) {n}\b", row["summary_en"]) for n in counts)
        assert bool(row["count_qualifier"]) == bound, (
            f"{row['id']}: counts {counts}, qualifier {row['count_qualifier']!r}"
        )


# --- rule 5: the Spanish says what the English says ----------------------------------------


def _numbers(text: str, *, english: bool) -> list[str]:
    if english:  # "3:00 pm" is 15:00 in the Spanish; "9,000" is "9000" and "25,000" is "25 000"
        text = re.sub(r"(\d{1,2}):(\d{2}) pm", lambda m: f"{int(m.group(1)) % 12 + 12}:{m.group(2)}", text)
        text = re.sub(r"(\d{1,2}):(\d{2}) am", lambda m: f"{int(m.group(1)):02d}:{m.group(2)}", text)
        text = re.sub(r"(?<=\d),(?=\d{3})", "", text)
    else:
        text = re.sub(r"(?<=\d)[ \u00a0\u202f](?=\d{3}\b)", "", text)
    return sorted(re.findall(r"\d+", text))


@pytest.mark.parametrize("pair", [("title_en", "title_es"), ("summary_en", "summary_es")])
def test_both_languages_carry_the_same_numbers(pair):
    for row in ROWS:
        en, es = (row[c] for c in pair)
        assert _numbers(en, english=True) == _numbers(es, english=False), f"{row['id']} {pair[0]}"


_RANKS = {
    "suboficial": "suboficial",
    "sargento": "sergeant",
    "cabo": "corporal",
    "teniente": "lieutenant",
    "capitán": "captain",
    "comandante": "commander",
    "general": "general",
}
_CERTAINTY = {"allegedly": "presuntamente", "reportedly": "según se informó", "seem": "parec"}


def test_the_spanish_adds_no_rank_or_certainty():
    for row in ROWS:
        en, es = row["summary_en"].lower(), row["summary_es"].lower()
        for rank, english in _RANKS.items():
            if re.search(rf"\b{rank}\b", es):
                assert english and english in en, f"{row['id']}: the Spanish says {rank!r}, the English does not"
        for english, spanish in _CERTAINTY.items():
            found = bool(re.search(rf"\b{english}", en)), bool(re.search(rf"\b{spanish}", es))
            assert found[0] == found[1], f"{row['id']}: {english!r} and {spanish!r} must come together"


def test_moments_keep_the_qualifiers_and_numbers_of_their_captions():
    with (REPO_DATA_DIR / "moments.csv").open(encoding="utf-8", newline="") as f:
        for row in csv.DictReader(f):
            assert _numbers(row["caption_en"], english=True) == _numbers(row["caption_es"], english=False), row["id"]
            for qualifier, number in re.findall(r"\b(over|at least) (\d+)", row["caption_en"]):
                assert f"{_QUALIFIED[qualifier]} {number}" in row["caption_es"], row["id"]


def test_a_file_without_the_optional_columns_still_loads(tmp_path):
    """`time_inferred` and `count_qualifier` came after files in the schema existed (and uploads use it)."""
    folder = tmp_path / "data"
    folder.mkdir()
    for name in ("places.geojson", "sources.csv", "citations.csv", "readings.csv", "figures.csv", "people.csv"):
        (folder / name).write_bytes((REPO_DATA_DIR / name).read_bytes())
    columns = [c for c in ROWS[0] if c not in ("time_inferred", "count_qualifier")]
    with (folder / "events.csv").open("w", encoding="utf-8", newline="") as f:
        writer = csv.DictWriter(f, fieldnames=columns, extrasaction="ignore", lineterminator="\n")
        writer.writeheader()
        writer.writerows(ROWS)
    events = load_dataset(folder).events
    assert len(events) == len(ROWS) and set(events["count_qualifier"]) == {""}


@pytest.mark.parametrize(
    "params, values, scope",
    [
        (
            {"t": "2023-01-09T06:00"},
            ["0", "0", "0", "0"],
            "Juliaca, 9 January: untimed deaths and injured count after 17:20; the 12 January death, later.",
        ),
        (
            {"t": "2023-01-09T18:00"},
            ["17", "over 100", "0", "0"],
            "Juliaca, 9 January: untimed deaths and injured count after 17:20; the 12 January death, later.",
        ),
        (
            {"t": "2023-01-12", "lang": "es"},
            ["18", "más de 100", "1", "2"],
            "Muertos y heridos en Juliaca según el artículo, del 4 de enero de 2023 a esta fecha.",
        ),
    ],
)
def test_the_app_counters_show_the_qualifier_and_say_their_scope(params, values, scope):
    from harness.apptest import control, run_app

    data = control(run_app(params))  # the counters are drawn by the time control, in the browser
    assert data["steps"][data["step"]]["toll"] == values
    assert data["strings"]["scope"] == scope
