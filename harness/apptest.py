"""The page without a browser (streamlit AppTest), for the tests that share it: run the app, and read what
the map and the browser app's mounts were given."""

from __future__ import annotations

import json

from streamlit.testing.v1 import AppTest

from harness.browser import ROOT

APP = str(ROOT / "app.py")


def run_app(query: dict | None = None, session: dict | None = None) -> AppTest:
    """The page once the browser has painted the map (the control's "drawn" report, simulated)."""
    at = AppTest.from_file(APP, default_timeout=60)
    for key, value in (query or {}).items():
        at.query_params[key] = value
    at.run()
    at.session_state["page_complete"] = True  # what ui.explore.complete_page does on the report
    at.run()
    if session:
        for key, value in session.items():
            at.session_state[key] = value
        at.run()
    assert not at.exception, at.exception
    return at


def map_args(at: AppTest) -> dict:
    (component,) = at.get("component_instance")
    assert component.proto.component_name == "streamlit_folium.st_folium"
    return json.loads(component.proto.json_args)


def mounts(at: AppTest, role: str) -> list[dict]:
    """The data of each mount of the browser app (ui/time_control.py) that plays `role`."""
    found = [json.loads(c.proto.json) for c in at.get("bidi_component") if c.proto.component_name == "juliaca-map.app"]
    return [data for data in found if data.get("role") == role]


def control(at: AppTest) -> dict:
    """The data the time control (in the browser) was given."""
    (data,) = mounts(at, "control")
    return data


def clock(at: AppTest) -> str:
    """What the control's clock shows first: the step Python holds."""
    data = control(at)
    return data["steps"][data["step"]]["clock"]
