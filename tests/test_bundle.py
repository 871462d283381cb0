"""The dataset as the browser gets it: arrays in reveal order, text in chunks, published once."""

from __future__ import annotations

import json
import os
import time
from concurrent.futures import ThreadPoolExecutor

import pandas as pd

from geo.data.vocab import COUNT_COLUMNS
from geo.map import bundle, payload
from geo.model.timeline import index_events, lima_time, state_at
from geo.text import i18n


def test_core_arrays_are_aligned_and_sorted(data, index):
    core = bundle.core(index, data.places)
    n = len(data.events)
    for key in ("ids", "reveal", "lat", "lon", "place", "slot", "cat", "size", "approx", "badge"):
        assert len(core[key]) == n, key
    assert core["reveal"] == sorted(core["reveal"])
    assert all(len(column) == n + 1 for column in core["running"])


def test_running_totals_give_the_counters(data, index):
    core = bundle.core(index, data.places)
    for t in ("2023-01-09T18:00", "2023-01-12T23:00"):
        state = state_at(index, lima_time(t))
        shown = sum(r <= lima_time(t).value // 1_000_000 for r in core["reveal"])
        assert {c: core["running"][k][shown] for k, c in enumerate(COUNT_COLUMNS)} == state.totals


def test_unmapped_events_have_no_position_and_shared_places_fan_out(data, index):
    core = bundle.core(index, data.places)
    i = core["ids"].index("boluarte_announces_death")
    assert core["lat"][i] is None and core["place"][i] == -1
    at_airport = [
        s for s, p in zip(core["slot"], core["place"], strict=True) if p == list(data.places.index).index("jul_airport")
    ]
    assert sorted(at_airport) == list(range(len(at_airport)))


def test_march_routes_run_from_the_town_to_juliaca_over_the_morning(data, index):
    core = bundle.core(index, data.places)
    juliaca = data.places.geometry["juliaca"]
    assert len(core["marches"]) == 7
    for march in core["marches"]:
        assert march["route"][-1] == [round(juliaca.y, 5), round(juliaca.x, 5)]
        assert march["arrive"] - march["drawFrom"] == 6 * 3_600_000
        origin = data.places.geometry[march["origin"]]
        assert march["route"][0] == [round(origin.y, 5), round(origin.x, 5)]


def test_text_chunks_hold_each_language(data, index):
    (en,) = bundle.text_chunks(index, data.places, "en")
    (es,) = bundle.text_chunks(index, data.places, "es")
    i = list(index.events["id"]).index("first_death_14h")
    assert en["time"][i] == "9 January 2023, around 14:00" and es["time"][i] == "9 de enero de 2023, hacia las 14:00"
    assert es["title"][i] == index.events.loc[index.events["id"] == "first_death_14h", "title_es"].iloc[0]
    assert es["place"][i] == "Juliaca"
    assert es["status_label"][i] == "Informado por sus fuentes"


def test_large_datasets_are_split_into_chunks(data, index):
    big = pd.concat([index.events.assign(id=index.events["id"] + f"_{k}") for k in range(25)], ignore_index=True)
    big_index = index_events(big.drop(columns=["reveal", "in_toll"]), data.places)
    chunks = bundle.text_chunks(big_index, data.places, "en")
    assert len(chunks) == -(-len(big) // bundle.CHUNK)
    assert sum(len(c["title"]) for c in chunks) == len(big)


def test_publish_writes_every_file_once(data, index, tmp_path):
    key = bundle.publish(index, data.places, tmp_path)
    folder = tmp_path / key
    assert key.startswith("bundles/")
    assert json.loads((folder / "core.json").read_text())["n"] == len(data.events)
    written = sorted(p.name for p in folder.iterdir())
    assert written == [
        "core.json",
        "people-en.json",
        "people-es.json",
        "rows-0.json",
        "sources-en.json",
        "sources-es.json",
        "text-en-0.json",
        "text-es-0.json",
    ]
    rows = json.loads((folder / "rows-0.json").read_text(encoding="utf-8"))
    assert len(rows["csv"]) == len(rows["feature"]) == len(data.events)
    es = json.loads((folder / "text-es-0.json").read_text(encoding="utf-8"))
    assert "9 de enero de 2023, hacia las 14:00" in es["time"]
    stamp = (folder / "core.json").stat().st_mtime_ns
    assert bundle.publish(index, data.places, tmp_path) == key
    assert (folder / "core.json").stat().st_mtime_ns == stamp
    assert [p.name for p in (tmp_path / "bundles").iterdir()] == [key.split("/")[1]]


def test_fingerprint_changes_with_the_data_a_label_and_a_style(data, index, monkeypatch):
    """Issue 12: the name used to hash only the data and bundle.py, so new labels or colours kept the old bundle."""
    name = lambda: bundle.fingerprint(bundle.files(index, data.places))
    original = name()
    assert name() == original  # deterministic
    changed = index.events.drop(columns=["reveal", "in_toll"]).copy()
    changed.loc[0, "title_en"] = "changed"
    assert bundle.fingerprint(bundle.files(index_events(changed, data.places), data.places)) != original
    monkeypatch.setitem(i18n.STRINGS["es"], "status_reported", "Según la fuente")
    with_label = name()
    assert with_label != original
    monkeypatch.setitem(payload.CATEGORY_STYLE, "march", ("#000000", "triangle"))
    assert name() not in (original, with_label)
    monkeypatch.undo()
    assert name() == original


def test_concurrent_publishers_leave_one_whole_bundle(data, index, tmp_path):
    with ThreadPoolExecutor(max_workers=4) as pool:
        keys = set(pool.map(lambda _: bundle.publish(index, data.places, tmp_path), range(8)))
    assert len(keys) == 1
    (key,) = keys
    assert [p.name for p in (tmp_path / "bundles").iterdir()] == [key.split("/")[1]]  # no partial folder left
    for name, content in bundle.files(index, data.places).items():
        assert (tmp_path / key / name).read_text(encoding="utf-8") == content, name


def test_publishing_removes_partial_folders_left_by_an_interrupted_write_but_not_a_write_under_way(
    data, index, tmp_path
):
    bundles = tmp_path / "bundles"
    for name in (".partial-died", ".partial-writing"):
        (bundles / name).mkdir(parents=True)
        (bundles / name / "core.json").write_text("{")
    an_hour_ago = time.time() - 3600
    os.utime(bundles / ".partial-died", (an_hour_ago, an_hour_ago))
    key = bundle.publish(index, data.places, tmp_path)
    assert sorted(p.name for p in bundles.iterdir()) == [".partial-writing", key.split("/")[1]]
    assert (bundles / ".partial-writing" / "core.json").read_text() == "{"


def test_stale_partials_are_judged_by_age(tmp_path):
    (tmp_path / ".partial-a").mkdir()
    (tmp_path / "0123456789abcdef").mkdir()  # a published bundle, however old, stays
    later = time.time() + bundle.STALE_AFTER_S + 1
    os.utime(tmp_path / "0123456789abcdef", (0, 0))
    assert bundle.remove_stale_partials(tmp_path, now=time.time()) == []
    assert bundle.remove_stale_partials(tmp_path, now=later) == [".partial-a"]
    assert [p.name for p in tmp_path.iterdir()] == ["0123456789abcdef"]
