"""Classroom mode: the key moments are data, checked; the presenter steps through them."""

from __future__ import annotations

import csv
import re

import pytest

from geo.data.load import REPO_DATA_DIR
from geo.data.problems import DataError
from geo.model.moments import MOMENT_COLUMNS, load_moments
from harness.apptest import clock, control, map_args, run_app
from harness.browser import MAP_IFRAME


@pytest.fixture
def moments_copy(tmp_path):
    """A writable copy of data/moments.csv and a way to change one of its cells."""
    path = tmp_path / "moments.csv"
    path.write_bytes((REPO_DATA_DIR / "moments.csv").read_bytes())

    def edit(row: int, **changes: str):
        with path.open(encoding="utf-8", newline="") as f:
            rows = list(csv.DictReader(f))
        rows[row].update(changes)
        with path.open("w", encoding="utf-8", newline="") as f:
            writer = csv.DictWriter(f, fieldnames=MOMENT_COLUMNS, lineterminator="\n")
            writer.writeheader()
            writer.writerows(rows)
        return path

    return edit


def test_the_sequence_covers_the_day_in_order(index):
    moments = load_moments(index)
    ids = [m.id for m in moments]
    for required in ("strike", "marches", "first_death", "escalation", "night", "officer", "toll", "aftermath"):
        assert required in ids
    assert [m.t for m in moments] == sorted(m.t for m in moments)
    escalation = moments[ids.index("escalation")]
    assert "airport_escalation_1720" in escalation.event_ids and "17:20" in escalation.caption["en"]


def test_no_two_moments_share_a_step_and_no_title_names_another_time(index):
    """Issue 23: a moment's title never disagrees with its clock. A title that names a clock time or a day
    names the moment's own (the step shows everything up to its time: 18:00 holds 17:20)."""
    moments = load_moments(index)
    assert len({m.t for m in moments}) == len(moments)
    for m in moments:
        for lang in ("en", "es"):
            title = m.title[lang]
            for hh, mm in re.findall(r"\b(\d{1,2}):(\d{2})\b", title):
                assert (int(hh), int(mm)) == (m.t.hour, m.t.minute), (m.id, title)
            days = [int(d) for d in re.findall(r"\b(\d{1,2}) (?:January|de enero|to|al)\b", title)]
            assert not days or m.t.day in days or m.scale == "hour", (m.id, title)


@pytest.mark.parametrize(
    "change, column, message",
    [
        ({"t": "2023-01-09T17:20"}, "t", "expected a step"),
        ({"view": "moon"}, "view", "expected one of"),
        ({"event_ids": "first_death_14h nope"}, "event_ids", "not an id in events.csv"),
        ({"event_ids": ""}, "event_ids", "name at least one"),
        ({"caption_es": ""}, "caption_es", "1 to 1200"),
        ({"t": "2023-01-09T13:00"}, "event_ids", "not yet shown at 2023-01-09T13:00"),
    ],
)
def test_bad_moments_are_named_by_line_and_column(index, moments_copy, change, column, message):
    path = moments_copy(3, **change)
    with pytest.raises(DataError) as caught:
        load_moments(index, path)
    assert any(
        str(p).startswith(f"moments.csv, line 5, column '{column}'") and message in str(p)
        for p in caught.value.problems
    ), caught.value


def moment_shown(at) -> dict:
    """The moment the classroom control shows first (the one Python holds)."""
    data = control(at)
    assert data["mode"] == "present"
    return data["steps"][data["step"]]


def test_classroom_mode_from_a_link_shows_the_moment_in_spanish():
    at = run_app({"mode": "present", "moment": "5", "lang": "es"})
    shown = moment_shown(at)
    assert shown["title"] == "La tarde en el aeropuerto"
    assert shown["position"].startswith("Momento 5 de 10")
    assert "ingresar al aeropuerto" in shown["caption"]
    assert shown["map"]["highlight"] == [
        "airport_escalation_1720",
        "police_deadly_force",
        "injured_over_100",
        "count_12_1730",
    ]
    assert shown["map"]["view"]["zoom"] == 13 and map_args(at)["zoom"] == 13


def test_a_released_moment_updates_the_link():
    at = run_app({"mode": "present"})
    assert moment_shown(at)["title"] == "A region on strike"
    assert [s["key"] for s in control(at)["steps"]] == [str(i) for i in range(1, 11)]
    at.session_state["moment"] = 2
    at.run()
    assert moment_shown(at)["title"] == "Morning: the marchers reach Juliaca"
    assert at.query_params["mode"] == "present" and at.query_params["moment"] == "2"


def test_leaving_classroom_mode_keeps_the_explorer_state():
    at = run_app({"t": "2023-01-09T15:00", "view": "airport"})
    at.toggle[0].set_value(True).run()
    assert moment_shown(at)["title"] == "A region on strike"
    at.toggle[0].set_value(False).run()
    assert clock(at).startswith("9 January 2023, 15:00")
    assert map_args(at)["zoom"] == 13


@pytest.mark.parametrize("moment", ["0", "11", "x", "-1"])
def test_an_unknown_moment_falls_back_with_a_notice(moment):
    at = run_app({"mode": "present", "moment": moment})
    assert at.warning.len == 1 and "“moment”" in at.warning[0].value
    assert moment_shown(at)["title"] == "A region on strike"


@pytest.mark.browser
def test_the_presenter_steps_with_arrows_and_a_clicker(app_server, browsing):
    page = browsing.page
    page.goto(f"{app_server.url}/?mode=present&moment=4&base=offline")
    browsing.wait_for_map("2023-01-09T14:00:00-05:00")
    page.get_by_role("heading", name="The first death").wait_for()
    for key, t_iso, title in [
        ("ArrowRight", "2023-01-09T18:00:00-05:00", "The afternoon at the airport"),
        ("PageDown", "2023-01-09T21:00:00-05:00", "The night in the city centre"),
        ("ArrowLeft", "2023-01-09T18:00:00-05:00", "The afternoon at the airport"),
        ("PageUp", "2023-01-09T14:00:00-05:00", "The first death"),
    ]:
        page.keyboard.press(key)
        browsing.wait_for_map(t_iso)
        page.get_by_role("heading", name=title).wait_for()
    assert page.locator(MAP_IFRAME).bounding_box()["width"] > 1000 * 0.8
    browsing.assert_clean()
