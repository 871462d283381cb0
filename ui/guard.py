"""The boundary where a visitor's input enters (an upload, the URL, a download built on click).

An unexpected error there is logged on the server with a short id and its traceback; the visitor
sees a sentence in their language that quotes the id, never a path, a source line or a traceback
(issue 16). Streamlit's own reruns and stops are `BaseException`s, so they pass through.
"""

from __future__ import annotations

import functools
import logging
import os
import secrets
from collections.abc import Callable
from typing import TypeVar

import streamlit as st

FAULT_ENV = "JULIACA_TEST_FAULT"  # tests only: boundaries (comma-separated) that raise on purpose
_LOG = logging.getLogger("juliaca")
if not _LOG.handlers:
    _handler = logging.StreamHandler()
    _handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    _LOG.addHandler(_handler)
    _LOG.propagate = False

T = TypeVar("T")


def report(error: BaseException, where: str) -> str:
    """Log `error` with its traceback under a new id, and return the id (8 hexadecimal digits)."""
    error_id = secrets.token_hex(4)
    _LOG.error("unexpected error %s at the %s boundary", error_id, where, exc_info=error)
    return error_id


def _forced_fault(where: str) -> None:
    """Raise where the server's environment asks a test to (no visitor can set it)."""
    if where in os.environ.get(FAULT_ENV, "").split(","):
        raise RuntimeError(f"forced fault at the {where} boundary, {__file__}")


def pending_errors() -> list[str]:
    """This session's error ids not yet shown (a plain list: a download runs outside the script)."""
    return st.session_state.setdefault("unexpected_errors", [])


def guarded(where: str, on_error: Callable[[str], T] | None = None, *, reraise: bool = False):
    """Decorate a function that handles visitor input: an unexpected error is reported, not shown.

    `on_error(error_id)` says what to do instead (its result is returned); without it, the id waits
    in `pending_errors()` for `show_errors`. With `reraise`, a bare error follows (a download must fail).
    """
    errors = pending_errors() if on_error is None else None  # captured now, in the script's thread

    def decorate(function: Callable[..., T]) -> Callable[..., T]:
        @functools.wraps(function)
        def run(*args, **kwargs):
            try:
                _forced_fault(where)
                return function(*args, **kwargs)
            except Exception as error:  # noqa: BLE001 - the boundary itself: any error becomes an id and a note
                error_id = report(error, where)
                if on_error is not None:
                    return on_error(error_id)
                errors.append(error_id)
                if reraise:
                    raise RuntimeError(f"error {error_id}") from None
                return None

        return run

    return decorate


def show_errors(t: Callable[..., str]) -> None:
    """Say, in the page's language, what went wrong since the last run, and forget it.

    Always one container, empty or not: the elements after it keep their place (and an expander
    below stays open on the next run)."""
    box, errors = st.container(), pending_errors()
    while errors:
        box.error(t("error_unexpected", id=errors.pop(0)), icon=":material/error:")
