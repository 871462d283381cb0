"""`python -m geo validate`: a summary and exit 0, or every problem and exit 1."""

from __future__ import annotations

import io
import subprocess
import sys

import pytest

from geo.commands.cli import main


def _run(argv):
    out, err = io.StringIO(), io.StringIO()
    code = main(argv, out, err)
    return code, out.getvalue(), err.getvalue()


def test_validate_prints_a_summary(data):
    code, out, _ = _run(["validate"])
    assert code == 0
    assert f"{len(data.places)} places, {len(data.events)} events: OK" in out
    for heading in ("Places per role:", "Events per category:", "Events per day"):
        assert heading in out
    assert "  2023-01-09" in out


def test_validate_lists_every_problem_and_fails(data_copy):
    path = data_copy / "events.csv"
    text = path.read_text(encoding="utf-8")
    path.write_text(
        text.replace("2023-01-09T17:20-05:00,,minute", "2023-01-09T17:20,,minute").replace(",clash,", ",riot,", 1),
        encoding="utf-8",
    )
    code, out, err = _run(["validate", str(data_copy)])
    assert code == 1 and out == ""
    assert "2 problem(s)" in err
    assert "column 'start': '2023-01-09T17:20'" in err and "column 'category': 'riot'" in err


def test_validate_honours_the_data_dir_variable(data_copy, monkeypatch):
    (data_copy / "places.geojson").write_text("{", encoding="utf-8")
    monkeypatch.setenv("JULIACA_DATA_DIR", str(data_copy))
    code, _, err = _run(["validate"])
    assert code == 1 and "invalid JSON" in err


@pytest.mark.parametrize("argv", [[], ["frobnicate"], ["validate", "a", "b"]])
def test_bad_arguments_exit_2_with_usage(argv, capsys):
    with pytest.raises(SystemExit) as exit_:
        main(argv)
    assert exit_.value.code == 2
    assert "usage: python -m geo" in capsys.readouterr().err


def test_runs_as_a_module():
    done = subprocess.run([sys.executable, "-m", "geo", "validate"], capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    assert "events: OK" in done.stdout
