"""The heavy work of one process, one kind at a time (issue 21): checking an uploaded file (up to about 400 MB
at the limits) and drawing pictures in Chromium (about 300 MB more while two are drawn) do not fit in a
1 GiB pod together. So a check waits until no picture is being drawn and holds the new ones back until
it is done, and pictures are drawn (two at a time, `geo.output.renderer`) only while no file is checked.
Checks come first: one waiting holds back pictures that have not started, so that a stream of pictures
cannot keep a file waiting for ever. Each side waits at most the time it is given, then gives up.
"""

from __future__ import annotations

import contextlib
import threading
from collections.abc import Callable, Iterator


class Busy(RuntimeError):
    """The other kind of work went on for longer than this one could wait."""


class HeavyWork:
    """Checks one at a time and alone; pictures any number at once (the renderer bounds them), never
    beside a check.

    >>> work = HeavyWork()
    >>> with work.drawing(1):
    ...     work.check_would_wait
    True
    """

    def __init__(self) -> None:
        self._changed = threading.Condition()
        self._drawing = 0
        self._checking = False
        self._checks_waiting = 0

    @property
    def check_would_wait(self) -> bool:
        with self._changed:
            return self._checking or self._drawing > 0

    @contextlib.contextmanager
    def checking(self, wait: float, on_wait: Callable[[], None] | None = None) -> Iterator[None]:
        """Hold the process for one file's check; `on_wait()` first if it must wait; `Busy` after `wait` s."""
        if on_wait is not None and self.check_would_wait:
            on_wait()  # outside the lock: it may draw on the page
        with self._changed:
            self._checks_waiting += 1
            try:
                if not self._changed.wait_for(lambda: not self._checking and self._drawing == 0, wait):
                    raise Busy(f"the server was still busy after {wait:.0f} s")
            finally:
                self._checks_waiting -= 1
            self._checking = True
        try:
            yield
        finally:
            with self._changed:
                self._checking = False
                self._changed.notify_all()

    def start_drawing(self, wait: float) -> None:
        """Before a picture is drawn: wait while a file is checked or waits to be; `Busy` after `wait` s."""
        with self._changed:
            if not self._changed.wait_for(lambda: not self._checking and not self._checks_waiting, wait):
                raise Busy(f"files were still being checked after {wait:.0f} s")
            self._drawing += 1

    def stop_drawing(self) -> None:
        with self._changed:
            self._drawing -= 1
            self._changed.notify_all()

    @contextlib.contextmanager
    def drawing(self, wait: float) -> Iterator[None]:
        self.start_drawing(wait)
        try:
            yield
        finally:
            self.stop_drawing()


HEAVY_WORK = HeavyWork()  # this process's
