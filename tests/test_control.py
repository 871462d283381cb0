"""The time control's Python side: the steps it is given (geo/map/steps.py), one step message for the map,
and that Streamlit finds the component that loads the browser app."""

from __future__ import annotations

import pytest

from geo.map.assets import FILES, versioned
from geo.map.layers import LocalMap
from geo.map.steps import explore_steps, moment_steps, step_message
from geo.model.moments import load_moments
from geo.model.params import parse_params, steps_for
from geo.model.timeline import epoch_ms, toll_start


@pytest.mark.parametrize("scale", ["hour", "day"])
def test_every_step_has_its_link_key_clock_toll_start_and_map_message(scale):
    steps = explore_steps(scale, "en")
    assert len(steps) == len(steps_for(scale))
    for step, t in zip(steps, steps_for(scale), strict=True):
        assert parse_params({"t": step["key"]})[0].t == t  # the key is the step as in a link
        assert step["map"] == step_message(t, scale, "en")
        assert step["map"]["t"] == t.value // 1_000_000 and step["map"]["newFrom"] < step["map"]["t"]
        assert step["tollFrom"] == epoch_ms(toll_start(scale))
        assert step["stamp"] == t.strftime("%Y%m%d-%H%M")


def test_moment_steps_carry_title_caption_view_and_the_events_they_name(index):
    moments = load_moments(index)
    steps = moment_steps(moments, "es")
    assert [s["key"] for s in steps] == [str(i) for i in range(1, len(moments) + 1)]
    fifth = steps[4]
    assert fifth["title"] == moments[4].title["es"] and fifth["caption"] == moments[4].caption["es"]
    assert fifth["map"]["highlight"] == list(moments[4].event_ids) and fifth["map"]["view"]["zoom"] == 13
    assert fifth["position"].startswith(f"Momento 5 de {len(moments)} · ")
    assert {s["tollFrom"] is None for s in steps} == {True, False}  # moments on both scales count their own way


def test_the_map_loads_one_bundle_by_a_hashed_address_and_the_static_folder_serves_both_bundles():
    scripts = dict(LocalMap(location=(0, 0)).default_js)
    assert scripts["juliaca"].endswith(versioned("frame.js")) and "?v=" in scripts["juliaca"]
    assert {"app.js", "frame.js"} <= {relative for _, relative in FILES}


def test_streamlit_finds_the_component_and_its_loader():
    """What `make run` needs on a fresh clone: the manifest in pyproject.toml, found through the
    juliaca_map package, pointing at a folder holding the loader, which imports the app by the address
    it is given (a content-hashed one, from ui/time_control.py)."""
    from streamlit.components.v2.manifest_scanner import scan_component_manifests

    found = {m.name: (m, root) for m, root in scan_component_manifests()}
    manifest, root = found["juliaca-map"]
    (config,) = [c for c in manifest.components if c.name == "app"]
    loader = (config.resolve_asset_root(root) / "loader.js").read_text(encoding="utf-8")
    assert "export default function" in loader and "import(component.data.app)" in loader
