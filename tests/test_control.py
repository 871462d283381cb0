"""The time control's Python side: what it is given (geo/map/control.py), and that Streamlit finds its files."""

from __future__ import annotations

import pytest

from geo.map.assets import FILES
from geo.map.control import explore_steps, moment_steps
from geo.map.layers import LocalMap
from geo.model.moments import load_moments
from geo.model.params import parse_params, steps_for
from geo.model.timeline import toll_start


@pytest.mark.parametrize("scale", ["hour", "day"])
def test_every_step_has_its_link_key_clock_and_toll_start(scale):
    steps = explore_steps(scale, "en")
    assert len(steps) == len(steps_for(scale))
    for step, t in zip(steps, steps_for(scale)):
        assert parse_params({"t": step["key"]})[0].t == t  # the key is the step as in a link
        assert step["t"] == t.value // 1_000_000 and step["newFrom"] < step["t"]
        start = toll_start(scale)
        assert step["tollFrom"] == (None if start is None else start.value // 1_000_000)


def test_moment_steps_carry_title_caption_view_and_the_events_they_name(index):
    moments = load_moments(index)
    steps = moment_steps(moments, "es")
    assert [s["key"] for s in steps] == [str(i) for i in range(1, len(moments) + 1)]
    fifth = steps[4]
    assert fifth["title"] == moments[4].title["es"] and fifth["caption"] == moments[4].caption["es"]
    assert fifth["highlight"] == list(moments[4].event_ids) and fifth["view"]["zoom"] == 13
    assert fifth["position"].startswith(f"Momento 5 de {len(moments)} · ")
    assert {s["tollFrom"] is None for s in steps} == {True, False}  # moments on both scales count their own way


def test_the_map_and_the_static_folder_load_the_shared_time_model_first():
    scripts = [name for name, _ in LocalMap(location=(0, 0)).default_js]
    assert scripts.index("juliaca_time") < scripts.index("juliaca")
    assert "timemodel.js" in {relative for _, relative in FILES}


def test_streamlit_finds_the_component_and_its_files():
    """What `make run` needs on a fresh clone: the manifest in pyproject.toml, found through the
    juliaca_map package, pointing at a folder holding the script and the style."""
    from streamlit.components.v2.manifest_scanner import scan_component_manifests

    found = {m.name: (m, root) for m, root in scan_component_manifests()}
    manifest, root = found["juliaca-map"]
    (config,) = [c for c in manifest.components if c.name == "time_control"]
    assets = config.resolve_asset_root(root)
    assert (assets / "control.js").is_file() and (assets / "control.css").is_file()
    assert "export default function" in (assets / "control.js").read_text(encoding="utf-8")
