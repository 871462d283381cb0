"""Bring your own data: every bad file gives its exact error, hostile text stays text, uploads stay private."""

from __future__ import annotations

import csv
import hashlib
import io
import os
import subprocess
import sys
import time
from pathlib import Path

import pytest

from geo.commands.cli import main
from geo.data.load import REPO_DATA_DIR
from geo.data.problems import DataError
from geo.data.upload import (
    MAX_BYTES,
    MAX_COLUMNS,
    MAX_ROWS,
    UPLOAD_TTL,
    UPLOADS_MAX_BYTES,
    evict_oldest,
    load_upload,
    new_upload_folder,
    problems_csv,
    remove_upload_folder,
)
from geo.data.vocab import MAX_SUMMARY
from harness.browser import CORPUS, upload_file

BUNDLED_EVENTS = (REPO_DATA_DIR / "events.csv").read_bytes()
ACLED_OK = (CORPUS / "acled_ok.csv").read_bytes()


def _manifest() -> list[tuple[str, str, str]]:
    with (CORPUS / "expected.csv").open(encoding="utf-8", newline="") as f:
        return [(r["file"], r["format"], r["expected"]) for r in csv.DictReader(f)]


def _messages(name: str, fmt: str, content: bytes | None = None) -> list[str]:
    """What loading an uploaded file says, whether it refuses the file or some of its rows."""
    content = (CORPUS / name).read_bytes() if content is None else content
    try:
        if fmt == "places":
            dataset = load_upload(BUNDLED_EVENTS, "events.csv", "project", content, name)
        else:
            dataset = load_upload(content, name, fmt)
    except DataError as error:
        return [str(p) for p in error.problems]
    return [str(p) for p in dataset.problems]


@pytest.mark.parametrize("name, fmt, expected", _manifest(), ids=[f"{n}:{e[-30:]}" for n, _, e in _manifest()])
def test_each_bad_file_gives_its_exact_error(name, fmt, expected):
    messages = _messages(name, fmt)
    assert any(expected in m for m in messages), f"expected {expected!r} in {messages}"


def test_the_manifest_covers_every_file_in_the_corpus():
    listed = {name for name, _, _ in _manifest()}
    present = {p.name for p in CORPUS.iterdir()} - {"expected.csv", "hostile_events.csv", "acled_ok.csv"}
    assert present == listed


def _with_long_cell(content: bytes, text: bytes, size: int) -> bytes:
    """The first two lines of `content`, with `text` on line 2 replaced by a quoted cell of `size` bytes
    (`size` = -1: as long as the file-size limit allows)."""
    header, row = content.split(b"\n")[:2]
    if size < 0:
        size = MAX_BYTES - len(header) - len(row) - 16
    return header + b"\n" + row.replace(text, b'"' + b"x" * size + b'"', 1) + b"\n"


LONG_CELLS = [131_073, 1_000_000, -1]  # just over csv's own limit, 1 MB, the file-size limit


@pytest.mark.parametrize("size", LONG_CELLS)
def test_a_long_cell_in_the_project_schema_is_refused_with_line_column_and_limit(size):
    content = _with_long_cell(BUNDLED_EVENTS, b"Castillo", size)
    assert len(content) <= MAX_BYTES
    messages = _messages("big-cell.csv", "project", content)
    assert any(
        m.startswith("big-cell.csv, line 2, column 'title_en': 'xxx") and "at most 160 characters" in m
        for m in messages
    ), messages


@pytest.mark.parametrize("size", LONG_CELLS)
def test_a_long_acled_note_is_read_and_shortened(size):
    """Issue 16: a note over 128 KB crashed the upload with csv's "field larger than field limit"."""
    content = _with_long_cell(
        ACLED_OK, b'"On 9 January 2023, police fired on demonstrators near the airport in Juliaca."', size
    )
    dataset = load_upload(content, "acled_long.csv", "acled")
    assert dataset.problems == () and len(dataset.events) == 1
    assert dataset.events["summary_en"].iat[0] == "x" * MAX_SUMMARY


@pytest.mark.parametrize("column, text", [("location", b"Juliaca"), ("event_date", b"09 January 2023")])
def test_a_long_acled_cell_that_cannot_be_shortened_is_refused_with_line_column_and_limit(column, text):
    content = _with_long_cell(ACLED_OK, text, -1)
    messages = _messages("acled_long.csv", "acled", content)
    assert any(m.startswith(f"acled_long.csv, line 2, column '{column}': 'xxx") for m in messages), messages


def test_too_many_rows_are_refused_before_parsing():
    content = BUNDLED_EVENTS.split(b"\n")[0] + b"\n" + b"x\n" * 300_000
    started = time.perf_counter()
    messages = _messages("many.csv", "project", content)
    assert any(f"too many rows: the limit is {MAX_ROWS:,}" in m for m in messages), messages
    assert time.perf_counter() - started < 2


def test_a_row_with_millions_of_fields_is_refused_before_parsing():
    """Python's csv would hold all of them at once: over 600 MB for one 20 MB row."""
    content = BUNDLED_EVENTS.split(b"\n")[0] + b"\n" + b",".join([b"ab"] * 6_000_000) + b"\n"
    assert any(
        f"too many columns: the limit is {MAX_COLUMNS:,}" in m for m in _messages("wide.csv", "project", content)
    )


def test_commas_inside_quoted_cells_are_not_columns():
    header, row = ACLED_OK.split(b"\n")[:2]
    note = b'"' + b"a, " * 5_000 + b'"'
    content = (
        header
        + b"\n"
        + row.replace(b'"On 9 January 2023, police fired on demonstrators near the airport in Juliaca."', note, 1)
        + b"\n"
    )
    assert len(load_upload(content, "acled.csv", "acled").events) == 1


def test_the_guide_states_the_limits_and_only_measured_ones():
    """docs/your-data.md names every limit as the code sets it, and each case it cites is one that
    benchmarks/uploads.py measures and whose figures are kept (benchmarks/results/uploads.json)."""
    import json
    import re

    from benchmarks.uploads import CASES
    from geo.data.limits import MAX_FEATURES, MAX_JSON_VALUES, MAX_LISTED
    from geo.data.upload import HELD_MAX, HELD_MAX_BYTES
    from geo.output.render import APP_MAX_EVENTS

    guide = (REPO_DATA_DIR.parent / "docs" / "your-data.md").read_text(encoding="utf-8")
    for limit in (
        f"{MAX_BYTES // 2**20} MB a file",
        f"{MAX_ROWS:,} rows",
        f"{MAX_COLUMNS:,} columns a row",
        f"{MAX_FEATURES:,} places",
        f"{MAX_JSON_VALUES:,} JSON values",
        f"first {MAX_LISTED:,} problems",
        f"pass {UPLOADS_MAX_BYTES // 2**20} MB",
        f"at most {HELD_MAX} uploads and {HELD_MAX_BYTES // 2**20} MB",
        f"more than {APP_MAX_EVENTS:,} events",
        "benchmarks/uploads.py",
    ):
        assert limit in guide, limit
    section = guide[guide.index("### Limits") : guide.index("**Nothing an upload contains can crash the page.**")]
    cited = set(re.findall(r"`([a-z0-9-]+)`", section)) & (set(CASES) | {"cr-rows", "wide-row"})
    assert cited == set(CASES), f"cases measured but not cited: {set(CASES) - cited}"
    measured = {
        c["case"]
        for c in json.loads(
            (REPO_DATA_DIR.parent / "benchmarks" / "results" / "uploads.json").read_text(encoding="utf-8")
        )["cases"]
    }
    assert set(CASES) <= measured, (
        f"run benchmarks/uploads.py --json benchmarks/results/uploads.json: {set(CASES) - measured}"
    )


def test_a_file_over_20_mb_is_refused():
    assert any("the limit is 20 MB" in m for m in _messages("big.csv", "project", b"x" * (21 * 1024 * 1024)))


def test_utf8_with_a_byte_order_mark_is_accepted():
    dataset = load_upload(b"\xef\xbb\xbf" + BUNDLED_EVENTS, "bom.csv")
    assert len(dataset.events) == len(BUNDLED_EVENTS.splitlines()) - 1 and dataset.problems == ()


def test_hostile_text_loads_as_text():
    dataset = load_upload((CORPUS / "hostile_events.csv").read_bytes(), "hostile_events.csv")
    assert dataset.problems == () and len(dataset.events) == 12
    assert dataset.events["title_en"].str.contains("<script>alert(1)</script>", regex=False).all()


def test_acled_rows_are_mapped_and_explained():
    dataset = load_upload((CORPUS / "acled_ok.csv").read_bytes(), "acled_ok.csv", "acled")
    by_id = dataset.events.set_index("id")
    assert by_id.loc["per1001", "category"] == "shooting" and by_id.loc["per1001", "civilians_killed"] == 17
    assert by_id.loc["per1002", "time_precision"] == "day" and by_id.loc["per1002", "source_section"] == "ACLED"
    assert str(by_id.loc["per1001", "start"]) == "2023-01-09 00:00:00-05:00"
    assert list(dataset.places["name_en"]) == ["Juliaca"]


def test_an_upload_never_changes_the_bundled_data():
    before = {p.name: hashlib.sha256(p.read_bytes()).hexdigest() for p in REPO_DATA_DIR.rglob("*") if p.is_file()}
    for name, fmt, _ in _manifest():
        _messages(name, fmt)
    load_upload((CORPUS / "hostile_events.csv").read_bytes(), "events.csv")
    after = {p.name: hashlib.sha256(p.read_bytes()).hexdigest() for p in REPO_DATA_DIR.rglob("*") if p.is_file()}
    assert before == after


def test_refused_rows_download_lists_all_and_neutralises_formulas():
    content = (CORPUS / "unknown_place.csv").read_bytes().replace(b"atlantis", b"=cmd|' /C calc'!A0")
    problems = load_upload(content, "unknown_place.csv").problems
    rows = list(csv.DictReader(io.StringIO(problems_csv(problems).decode("utf-8-sig"))))
    assert len(rows) == len(problems) >= 1
    assert rows[0]["value"].startswith("'=") and rows[0]["where"] == "line 3"


def test_upload_folders_are_unguessable_and_expire(tmp_path):
    first, relative = new_upload_folder(tmp_path)
    second, _ = new_upload_folder(tmp_path)
    assert first != second and relative.startswith("uploads/") and len(first.name) >= 24
    old = time.time() - UPLOAD_TTL - 10
    os.utime(first, (old, old))
    new_upload_folder(tmp_path)
    assert not first.exists() and second.exists()


def _fake_upload(static_dir: Path, size: int, age: float = 0, replaces: str | None = None) -> tuple[Path, str]:
    """An upload folder holding `size` bytes, last written `age` seconds ago."""
    folder, relative = new_upload_folder(static_dir, replaces=replaces)
    (folder / "core.json").write_bytes(b"x" * size)
    stamp = time.time() - age
    os.utime(folder, (stamp, stamp))
    return folder, relative


def test_a_new_upload_replaces_the_sessions_last_one(tmp_path):
    first, relative = _fake_upload(tmp_path, 10)
    other, _ = _fake_upload(tmp_path, 10)  # another session's
    second, _ = _fake_upload(tmp_path, 10, replaces=relative)
    assert not first.exists() and second.exists() and other.exists()


@pytest.mark.parametrize("relative", ["bundles/abc", "uploads", "uploads/../bundles/abc", "/etc"])
def test_removing_an_upload_never_touches_anything_else(tmp_path, relative):
    keep = tmp_path / "bundles" / "abc"
    keep.mkdir(parents=True)
    (tmp_path / "uploads").mkdir()
    remove_upload_folder(tmp_path, relative)
    assert keep.is_dir() and (tmp_path / "uploads").is_dir()


def test_all_uploads_together_stay_within_the_budget_oldest_evicted_first(tmp_path):
    folders = [_fake_upload(tmp_path, 1000, age=100 - i)[0] for i in range(5)]  # oldest first
    removed = evict_oldest(tmp_path, keep=folders[-1], budget=3500)
    assert removed == folders[:2] and all(f.exists() for f in folders[2:])


def test_the_newest_upload_is_kept_even_alone_over_the_budget(tmp_path):
    old, _ = _fake_upload(tmp_path, 1000, age=50)
    new, _ = _fake_upload(tmp_path, 5000)
    assert evict_oldest(tmp_path, keep=new, budget=3000) == [old] and new.exists()


def test_uploading_in_a_loop_cannot_fill_the_disk(tmp_path):
    budget, size, largest = 10_000, 1_500, 0
    for i in range(60):  # visitors in many sessions, each uploading once
        folder, _ = _fake_upload(tmp_path, size, age=60 - i)
        evict_oldest(tmp_path, keep=folder, budget=budget)
        largest = max(largest, sum(f.stat().st_size for f in (tmp_path / "uploads").rglob("*") if f.is_file()))
    assert largest <= budget
    assert len(list((tmp_path / "uploads").iterdir())) == budget // size


@pytest.mark.parametrize(
    "name, code, words",
    [("acled_ok.csv", 0, "2 events: OK"), ("acled_bad_coordinates.csv", 1, "line 7, column 'latitude'")],
)
def test_validate_acled_from_the_command_line(name, code, words):
    out, err = io.StringIO(), io.StringIO()
    assert main(["validate", "--acled", str(CORPUS / name)], out, err) == code
    assert words in out.getvalue() + err.getvalue()


# --- in a real browser, through the app's own upload widget --------------------------------------


@pytest.mark.browser
def test_an_uploaded_hostile_file_maps_as_text_and_runs_nothing(app_server, browsing):
    page = browsing.page
    page.goto(f"{app_server.url}/?base=offline")
    browsing.wait_for_map()
    upload_file(page, CORPUS / "hostile_events.csv")
    page.get_by_text("Showing your data: 12 valid events").wait_for()
    frame = browsing.wait_for_map("2023-06-30T23:00:00-05:00")
    frame.wait_for_function("() => Number(document.querySelector('.jm-map').dataset.events) > 0")
    page.get_by_text("<script>alert(1)</script>", exact=False).first.wait_for()
    frame.locator(".jm-icon").first.focus()
    page.keyboard.press("Enter")
    frame.locator(".jm-popup").wait_for()
    assert "`${alert(3)}`" in frame.locator(".jm-popup").inner_text()
    assert page.locator("img[src='x']").count() == 0 and frame.locator("img[src='x']").count() == 0
    browsing.assert_clean()


@pytest.mark.browser
def test_a_bad_upload_names_line_and_column_and_leaves_the_map(app_server, browsing):
    page = browsing.page
    page.goto(f"{app_server.url}/?t=2023-01-09T18:00&base=offline")
    browsing.wait_for_map("2023-01-09T18:00:00-05:00")
    upload_file(page, CORPUS / "latin1.csv")
    page.get_by_text("not valid UTF-8", exact=False).wait_for()
    assert page.get_by_text("Showing your data").count() == 0
    browsing.assert_clean()


@pytest.mark.browser
def test_an_acled_upload_is_private_to_its_session(app_server, chromium, browsing):
    page = browsing.page
    page.goto(f"{app_server.url}/?base=offline")
    browsing.wait_for_map()
    upload_file(page, CORPUS / "acled_ok.csv", fmt_label="ACLED export")
    page.get_by_text("Showing your data: 2 valid events").wait_for()
    page.get_by_text("People killed (ACLED: not split)").first.wait_for()
    other = chromium.new_page()
    other.goto(f"{app_server.url}/?base=offline")
    other.get_by_text("Civilians killed").first.wait_for()
    assert other.get_by_text("Showing your data").count() == 0
    assert other.get_by_text("People killed (ACLED: not split)").count() == 0
    other.close()
    browsing.assert_clean()


# --- ragged rows (issue 21: a short ACLED row crashed with a KeyError) ---------------------------


def _ragged(content: bytes, cut: int) -> tuple[bytes, int, int]:
    """`content` with its third line short of its last `cut` cells (or `-cut` cells longer); the file,
    the header's width and the row's."""
    rows = list(csv.reader(io.StringIO(content.decode("utf-8"), newline="")))
    rows[2] = rows[2][:-cut] if cut > 0 else rows[2] + ["extra"] * -cut
    out = io.StringIO()
    csv.writer(out, lineterminator="\n").writerows(rows)
    return out.getvalue().encode("utf-8"), len(rows[0]), len(rows[2])


def test_a_short_acled_row_is_refused_with_its_line():
    dataset = load_upload((CORPUS / "acled_short_row.csv").read_bytes(), "acled_short_row.csv", "acled")
    assert [str(p) for p in dataset.problems] == [
        "acled_short_row.csv, line 3: '15 fields': expected 16 comma-separated fields, like the header"
    ]
    assert list(dataset.events["id"]) == ["per1001"]


@pytest.mark.parametrize("fmt, content", [("acled", ACLED_OK), ("project", BUNDLED_EVENTS)])
@pytest.mark.parametrize("cut", [1, 3, -1])
def test_a_ragged_row_is_refused_with_its_line_in_both_loaders(fmt, content, cut):
    ragged, width, fields = _ragged(content, cut)
    dataset = load_upload(ragged, "ragged.csv", fmt)
    messages = [str(p) for p in dataset.problems]
    assert (
        f"ragged.csv, line 3: '{fields} fields': expected {width} comma-separated fields, like the header" in messages
    ), messages
    assert len(dataset.events) >= 1  # the other rows are mapped


def test_validate_acled_refuses_a_short_row_without_a_traceback():
    done = subprocess.run(
        [sys.executable, "-m", "geo", "validate", "--acled", str(CORPUS / "acled_short_row.csv")],
        cwd=REPO_DATA_DIR.parent,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.returncode == 1, done.stderr
    assert "Traceback" not in done.stderr + done.stdout
    assert "acled_short_row.csv, line 3: '15 fields': expected 16 comma-separated fields" in done.stderr
