"""The Streamlit page, in parts: `common` (what every part shares), `explore`, `present`, `upload`.
Each part reads the session's widgets and calls `geo/`; `app.py` puts them together."""
