"""No traceback reaches a visitor (issue 16): the boundary helper, the page's settings, a forced error."""

from __future__ import annotations

import logging
import re
import tomllib
from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from ui import guard

ROOT = Path(__file__).resolve().parent.parent
ERROR_ID = re.compile(r"error ([0-9a-f]{8})")


def _fail() -> None:
    raise KeyError("/srv/secret/path.py line 12")


def test_an_unexpected_error_is_logged_with_an_id_and_handed_to_on_error(caplog):
    with caplog.at_level(logging.ERROR, logger="juliaca"):
        said = guard.guarded("upload", lambda error_id: f"said {error_id}")(_fail)()
    (record,) = [r for r in caplog.records if r.name == "juliaca"]
    error_id = said.removeprefix("said ")
    assert re.fullmatch(r"[0-9a-f]{8}", error_id) and error_id in record.getMessage()
    assert record.exc_info[0] is KeyError  # the traceback is in the server's log


def test_a_download_fails_with_only_the_id_which_waits_for_the_next_run(monkeypatch):
    pending = []
    monkeypatch.setattr(guard, "pending_errors", lambda: pending)  # no session outside the app
    with pytest.raises(RuntimeError) as raised:
        guard.guarded("download", reraise=True)(_fail)()
    assert str(raised.value) == f"error {pending[0]}" and raised.value.__suppress_context__


def test_streamlit_reruns_and_stops_pass_through():
    from streamlit.runtime.scriptrunner_utils.exceptions import StopException

    def stop():
        raise StopException()  # st.stop(); st.rerun() raises a sibling, RerunException

    with pytest.raises(StopException):
        guard.guarded("url", lambda error_id: None)(stop)()


def test_a_fault_is_forced_only_by_the_servers_environment(monkeypatch):
    monkeypatch.delenv(guard.FAULT_ENV, raising=False)
    assert guard.guarded("url", lambda error_id: "caught")(lambda: "ran")() == "ran"
    monkeypatch.setenv(guard.FAULT_ENV, "upload,url")
    assert guard.guarded("url", lambda error_id: "caught")(lambda: "ran")() == "caught"


def test_the_server_hides_error_details_and_help_links():
    """The values must be ones Streamlit 1.67 accepts, or it falls back to showing everything."""
    from streamlit import config
    from streamlit.proto.NewSession_pb2 import Config
    from streamlit.runtime.app_session import _get_show_error_links

    client = tomllib.loads((ROOT / ".streamlit" / "config.toml").read_text())["client"]
    assert client["showErrorDetails"] == config.ShowErrorDetailsConfigOptions.NONE.value
    config.set_option("client.showErrorLinks", client["showErrorLinks"])
    try:
        assert _get_show_error_links() == Config.ShowErrorLinks.SHOW_ERROR_LINKS_FALSE
    finally:
        config.set_option("client.showErrorLinks", "auto")


def test_a_url_that_breaks_the_page_gives_the_default_view_and_a_note_with_the_id(monkeypatch, caplog):
    monkeypatch.setenv(guard.FAULT_ENV, "url")
    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=60)
    at.query_params.update(t="2023-01-09T17:00")
    with caplog.at_level(logging.ERROR, logger="juliaca"):
        at.run()
    assert not at.exception
    (note,) = [e.value for e in at.error]
    assert "Something went wrong on our side" in note and ERROR_ID.search(note).group(1) in caplog.text
    assert at.session_state["step"] == 6  # the default view, not 17:00
    assert "forced fault" not in note and ".py" not in note
    at.run()
    assert [e.value for e in at.error] == []  # said once
