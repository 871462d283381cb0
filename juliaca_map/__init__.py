"""The app's Streamlit components, declared in pyproject.toml ([tool.streamlit.component]).

Streamlit finds a package-based component through this package (named after the project,
`juliaca-map`) and serves its `asset_dir` itself, so the component's script does not travel with
every rerun. The Python side of each component lives in `ui/`.
"""
