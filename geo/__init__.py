"""The core of the Juliaca map: checked data, the state at time t, and its map layers. No Streamlit here."""
