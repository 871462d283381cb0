"""The app and the CLI find the data folder the same way: --data-dir, else $JULIACA_DATA_DIR, else data/,
resolved; the key moments come with the bundled data only, however its folder is written."""

from __future__ import annotations

from geo.data.load import REPO_DATA_DIR, default_data_dir, is_bundled


def test_the_folder_is_the_option_then_the_environment_then_the_bundled_data(monkeypatch, tmp_path):
    monkeypatch.delenv("JULIACA_DATA_DIR", raising=False)
    assert default_data_dir() == REPO_DATA_DIR.resolve()
    monkeypatch.setenv("JULIACA_DATA_DIR", str(tmp_path / "env"))
    assert default_data_dir() == (tmp_path / "env").resolve()
    assert default_data_dir(tmp_path / "given") == (tmp_path / "given").resolve()


def test_the_bundled_folder_is_recognised_however_it_is_written(monkeypatch):
    """The app once compared paths unresolved (`data/` through a `..` was not the bundled data), the CLI resolved."""
    assert is_bundled(REPO_DATA_DIR / ".." / "data") and is_bundled(str(REPO_DATA_DIR) + "/")
    monkeypatch.setenv("JULIACA_DATA_DIR", str(REPO_DATA_DIR / ".." / "data"))
    assert is_bundled(default_data_dir())
