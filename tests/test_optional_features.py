"""Lighter installs (issue 21): Playwright (`png`) and imageio-ffmpeg (`video`) are extras; without them the
app and the CLI say what to install, and everything else works."""

from __future__ import annotations

import io
from pathlib import Path

import pytest

from geo.commands.cli import main
from harness.apptest import mounts

APP = str(Path(__file__).resolve().parent.parent / "app.py")


def _run(argv):
    out, err = io.StringIO(), io.StringIO()
    return main(argv, out, err), out.getvalue(), err.getvalue()


@pytest.fixture
def without_playwright(monkeypatch):
    """As if the `png` extra were not installed."""
    monkeypatch.setattr("geo.output.renderer.playwright_available", lambda: False)
    monkeypatch.setattr("ui.images.playwright_available", lambda: False)


def test_snapshot_without_playwright_says_what_to_install(without_playwright, tmp_path):
    code, _, err = _run(["snapshot", "--out", str(tmp_path / "x.png")])
    assert code == 3 and "pip install -e '.[png]'" in err and "make run" in err
    assert not (tmp_path / "x.png").exists()


def test_the_handout_and_the_cards_without_playwright_say_so(without_playwright, tmp_path):
    code, _, err = _run(["handout", "--out", str(tmp_path / "x.pdf")])
    assert code == 3 and "pip install -e '.[png]'" in err
    code, _out, err = _run(["export-html", "--out", str(tmp_path / "site")])
    assert code == 0 and "share-card images skipped" in err and "pip install -e '.[png]'" in err
    assert (tmp_path / "site" / "index.html").is_file()  # the page itself needs no browser


def test_an_mp4_without_ffmpeg_says_what_to_install_before_drawing_anything(monkeypatch, tmp_path):
    import importlib.util

    real = importlib.util.find_spec
    monkeypatch.setattr(
        importlib.util, "find_spec", lambda name, *a: None if name.startswith("imageio") else real(name, *a)
    )
    monkeypatch.setattr("geo.output.render.render_steps", lambda *a, **k: pytest.fail("drew frames first"))
    code, _, err = _run(["animate", "--out", str(tmp_path / "x.mp4")])
    assert code == 3 and "pip install -e '.[video]'" in err and "or write a .gif" in err


def test_the_app_without_playwright_says_what_to_install(without_playwright):
    from streamlit.testing.v1 import AppTest

    from ui.images import can_render_images

    can_render_images.clear()
    try:
        at = AppTest.from_file(APP, default_timeout=60)
        at.run()
        at.session_state["page_complete"] = True
        at.run()
        assert not at.exception
        said = " ".join(c.value for c in at.caption)
        assert "Image download is off on this server" in said and "pip install -e '.[png]'" in said
        (panel,) = mounts(at, "panel")  # the list and the CSV/GeoJSON downloads, drawn in the browser
        assert panel["png"] is False, "the browser offers no image, and the CSV and GeoJSON are still there"
    finally:
        can_render_images.clear()
