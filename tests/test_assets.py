"""The files the app serves from static/: copied whole, replaced when stale, and named so browsers refetch them."""

from __future__ import annotations

from geo.map import assets
from geo.map.layers import base_map


def test_a_stale_script_in_static_is_replaced(tmp_path):
    assets.publish_static(tmp_path)
    stale = tmp_path / "juliaca.js"
    stale.write_text("/* last week's script */", encoding="utf-8")
    assert assets.publish_static(tmp_path) == ["juliaca.js"]
    assert stale.read_bytes() == (assets.WEB_DIR / "juliaca.js").read_bytes()
    assert not list(tmp_path.rglob("*.partial"))


def test_script_urls_carry_a_hash_of_their_content(tmp_path, monkeypatch, data):
    script = tmp_path / "juliaca.js"
    script.write_text("one", encoding="utf-8")
    monkeypatch.setattr(assets, "FILES", ((script, "juliaca.js"),))
    assets.versioned.cache_clear()
    first = assets.versioned("juliaca.js")
    assets.versioned.cache_clear()
    script.write_text("two", encoding="utf-8")
    assert first.startswith("juliaca.js?v=") and assets.versioned("juliaca.js") != first
    assets.versioned.cache_clear()
    monkeypatch.undo()
    links = [src for _, src in base_map(data.places, "en", "offline", "bundles/x").default_js]
    assert f"/app/static/{assets.versioned('juliaca.js')}" in links
