"""Juliaca, 9 January 2023: the Streamlit page. Wires widgets to `geo/` and nothing else."""

import streamlit as st

from geo.load import load_dataset

st.set_page_config(page_title="Juliaca, 9 January 2023", layout="wide")
data = load_dataset(strict=False)
st.title("Juliaca, 9 January 2023")
st.write(f"{len(data.places)} places and {len(data.events)} events loaded.")
