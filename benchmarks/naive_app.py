"""The naive baseline, for the benchmark only (never shipped): the obvious app that rebuilds the whole
folium.Map with one Marker per event and hands it to st_folium on every step.

It loads Leaflet from the app too (a CDN would not load here, and the comparison is about the
rebuild, not the network). Run from the repository root: `streamlit run benchmarks/naive_app.py`.
"""

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

import streamlit as st
from branca.element import MacroElement
from jinja2 import Template
from streamlit_folium import st_folium

from benchmarks.naive_map import naive_map
from geo.data.load import default_data_dir, load_dataset
from geo.map.assets import publish_static
from geo.model.timeline import hour_steps, index_events, state_at


class PaintStamp(MacroElement):
    """Marks when this map's step was painted, on its container as the real app's map does (`.jm-map`)."""

    _template = Template("""{% macro script(this, kwargs) %}
(function () {
  var map = {{ this._parent.get_name() }}.getContainer();
  map.classList.add("jm-map");
  map.dataset.t = "{{ this.t }}";
  requestAnimationFrame(function () {
    var channel = new MessageChannel();
    channel.port1.onmessage = function () {
      map.dataset.paintedAt = String(performance.timeOrigin + performance.now());
    };
    channel.port2.postMessage(null);
  });
})();
{% endmacro %}""")

    def __init__(self, t: str):
        super().__init__()
        self.t = t


@st.cache_resource
def load(data_dir: str):
    publish_static(Path(__file__).resolve().parent / "static")
    data = load_dataset(data_dir, strict=False)
    return data, index_events(data.events, data.places)


data, index = load(str(default_data_dir()))
steps = hour_steps()
if "step" not in st.session_state:
    st.session_state.step = int(st.query_params.get("h", 6))


def shift(delta: int) -> None:
    st.session_state.step = min(max(st.session_state.step + delta, 0), len(steps) - 1)


st.button("◀ Back", on_click=shift, args=(-1,), shortcut="left")
st.button("Forward ▶", on_click=shift, args=(1,), shortcut="right")
t = steps[st.session_state.step]
state = state_at(index, t)
fmap = naive_map(state, data.places)
PaintStamp(t.isoformat()).add_to(fmap)
st_folium(fmap, key="naive", height=540, use_container_width=True, returned_objects=[])
