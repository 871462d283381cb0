"""The files the app serves from static/: copied whole, replaced when stale, and named so browsers refetch them."""

from __future__ import annotations

from geo.map import assets
from geo.map.layers import base_map


def test_a_stale_script_in_static_is_replaced(tmp_path):
    assets.publish_static(tmp_path)
    stale = tmp_path / "frame.js"
    stale.write_text("/* last week's script */", encoding="utf-8")
    assert assets.publish_static(tmp_path) == ["frame.js"]
    assert stale.read_bytes() == (assets.APP_DIR / "dist" / "frame.js").read_bytes()
    assert not list(tmp_path.rglob("*.partial"))


def test_script_urls_carry_a_hash_of_their_content(tmp_path, monkeypatch, data):
    script = tmp_path / "frame.js"
    script.write_text("one", encoding="utf-8")
    monkeypatch.setattr(assets, "FILES", ((script, "frame.js"),))
    assets.versioned.cache_clear()
    first = assets.versioned("frame.js")
    assets.versioned.cache_clear()
    script.write_text("two", encoding="utf-8")
    assert first.startswith("frame.js?v=") and assets.versioned("frame.js") != first
    assets.versioned.cache_clear()
    monkeypatch.undo()
    links = [src for _, src in base_map(data.places, "en", "offline", "bundles/x").default_js]
    assert f"/app/static/{assets.versioned('frame.js')}" in links


def test_every_script_the_browser_loads_has_a_hashed_address(data):
    """The map's scripts, and the app's bundle the page's component imports (issue 22: the time model
    was once loaded without one, so the control and the map could run different versions)."""
    from ui.time_control import _app

    links = [
        src
        for _, src in base_map(data.places, "en", "offline", "bundles/x").default_js
        + base_map(data.places, "en", "offline", "bundles/x").default_css
    ]
    assert links and all("?v=" in link for link in links), links
    assert "?v=" in _app() and _app().startswith("/app/static/app.js")
