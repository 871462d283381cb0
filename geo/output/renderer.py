"""One headless Chromium per process, reused by every picture it makes (issue 21: each PNG download started
its own browser, and nothing limited how many ran at once).

A `Renderer` owns a thread with an event loop, Playwright's async API and one browser, launched when first
needed, launched again if it dies, and closed after `IDLE_CLOSE_S` without work (an idle Chromium still
holds about 250 MB). Work comes as jobs: an async function given a fresh page in a fresh browser context
(no cookies or storage shared between jobs). At most `slots` jobs draw at once; the rest wait in order,
each with its place in the queue (`Job.ahead`). A job that waits longer than `max_wait` or draws longer
than its `timeout` ends in `RenderBusy` or `RenderTimeout`, whose messages say what happened.

Every request of a page is refused but files of its own and, for a base map with tiles, that map's tile
servers: a page drawn from a visitor's data can reach nothing else, not even the server on loopback.
"""

from __future__ import annotations

import asyncio
import atexit
import concurrent.futures
import contextlib
import threading
import time
from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import urlparse

from geo.data.work import HEAVY_WORK, Busy
from geo.output.browser import INSTALL_PNG, find_renderer_chromium, launch_options, playwright_available

SLOTS = 2  # pages drawing at once; each costs about 170 MB (docs/operations.md)
MAX_QUEUED = 30  # jobs waiting (besides those drawing) beyond these are refused at once
IDLE_CLOSE_S = 120.0  # an idle browser is closed after this, and launched again when needed


class RenderError(RuntimeError):
    """The page could not be drawn: a script error in it, or no browser."""


class RenderBusy(RenderError):
    """Too many pictures are waiting already, or this one waited too long."""


class RenderTimeout(RenderError):
    """A picture took longer than its time limit to draw, and was stopped."""


@dataclass
class Job:
    """A job sent to the renderer: its result (`future`), and where it stands."""

    future: concurrent.futures.Future
    queued_at: float = field(default_factory=time.monotonic)
    started_at: float | None = None
    renderer: Renderer | None = field(default=None, repr=False)

    @property
    def ahead(self) -> int:
        """How many jobs wait before this one (0 once it is drawing)."""
        return 0 if self.started_at is not None or self.renderer is None else self.renderer.ahead_of(self)

    @property
    def drawing(self) -> bool:
        return self.started_at is not None and not self.future.done()


def _allowed(url: str, hosts: frozenset[str]) -> bool:
    """A page may load its own files and inline data, and the tile servers in `hosts`; nothing else."""
    parsed = urlparse(url)
    if parsed.scheme in ("file", "data", "blob", "about"):
        return True
    return parsed.scheme == "https" and parsed.hostname in hosts


class Renderer:
    """One browser for this process; jobs drawn `slots` at a time, in order (see the module's docstring)."""

    def __init__(self, slots: int = SLOTS, max_queued: int = MAX_QUEUED, idle_close_s: float = IDLE_CLOSE_S):
        self.slots, self.max_queued, self.idle_close_s = slots, max_queued, idle_close_s
        self._lock = threading.Lock()
        self._waiting: list[Job] = []
        self._loop: asyncio.AbstractEventLoop | None = None
        self._thread: threading.Thread | None = None
        self._browser = None
        self._playwright = None
        self._busy = 0
        self._pending = 0  # jobs submitted and not finished: drawing or waiting
        self._slots: asyncio.Semaphore | None = None
        self._launching: asyncio.Lock | None = None
        self._idle_timer: asyncio.TimerHandle | None = None
        self.launches = 0  # how many times a browser was launched (tests: one per process, reused)

    # --- from any thread -----------------------------------------------------------------------

    def submit(
        self,
        work: Callable[[Any], Awaitable[Any]],
        *,
        width: int,
        height: int,
        scale: float = 1,
        tile_hosts: frozenset[str] = frozenset(),
        timeout: float = 60,
        max_wait: float = 300,
    ) -> Job:
        """Queue `work(page)`; returns at once. Raises `RenderBusy` when `max_queued` jobs wait already."""
        if not playwright_available():
            raise RenderError(INSTALL_PNG)
        find_renderer_chromium()  # a clear RuntimeError now, rather than inside the queue
        job = Job(concurrent.futures.Future(), renderer=self)
        with self._lock:
            if self._pending >= self.slots + self.max_queued:
                raise RenderBusy(f"{self._pending - self.slots} pictures are waiting already; try again in a minute")
            self._pending += 1
            self._waiting.append(job)
        loop = self._ensure_loop()
        asyncio.run_coroutine_threadsafe(
            self._run(job, work, width, height, scale, tile_hosts, timeout, max_wait), loop
        )
        return job

    def run(self, work: Callable[[Any], Awaitable[Any]], **options) -> Any:
        """`submit`, then wait for the result (raising what the job raised)."""
        return self.submit(work, **options).future.result()

    def ahead_of(self, job: Job) -> int:
        with self._lock:
            return self._waiting.index(job) if job in self._waiting else 0

    @property
    def queued(self) -> int:
        with self._lock:
            return len(self._waiting)

    def close(self, timeout: float = 15) -> None:
        """Close the browser and stop the thread (at exit; tests)."""
        loop = self._loop
        if loop is None:
            return
        with contextlib.suppress(concurrent.futures.TimeoutError, RuntimeError):
            asyncio.run_coroutine_threadsafe(self._shutdown(), loop).result(timeout)
        loop.call_soon_threadsafe(loop.stop)
        if self._thread is not None:
            self._thread.join(timeout)
        self._loop = self._thread = None

    # --- in the renderer's thread ----------------------------------------------------------------

    def _ensure_loop(self) -> asyncio.AbstractEventLoop:
        with self._lock:
            if self._loop is None:
                self._loop, self._slots, self._launching = asyncio.new_event_loop(), None, None
                self._thread = threading.Thread(target=self._loop.run_forever, name="juliaca-renderer", daemon=True)
                self._thread.start()
            return self._loop

    async def _run(self, job: Job, work, width, height, scale, tile_hosts, timeout, max_wait) -> None:
        try:
            await self._run_job(job, work, width, height, scale, tile_hosts, timeout, max_wait)
        finally:
            with self._lock:
                self._pending -= 1

    async def _run_job(self, job: Job, work, width, height, scale, tile_hosts, timeout, max_wait) -> None:
        if job.future.set_running_or_notify_cancel() is False:
            self._forget(job)
            return
        if self._slots is None:
            self._slots, self._launching = asyncio.Semaphore(self.slots), asyncio.Lock()
        deadline = time.monotonic() + max_wait
        try:
            await asyncio.wait_for(self._slots.acquire(), max_wait)
        except TimeoutError:
            self._forget(job)
            job.future.set_exception(RenderBusy(f"waited over {max_wait:.0f} s for the pictures before it"))
            return
        try:  # never beside the check of an upload (geo.data.work): the two together outgrow a pod
            await asyncio.to_thread(HEAVY_WORK.start_drawing, max(deadline - time.monotonic(), 0.1))
        except Busy as error:
            self._forget(job)
            self._slots.release()
            job.future.set_exception(RenderBusy(str(error)))
            return
        self._forget(job)
        job.started_at = time.monotonic()
        self._busy += 1
        self._cancel_idle_close()
        try:
            result = await asyncio.wait_for(self._draw(work, width, height, scale, tile_hosts), timeout)
        except TimeoutError:
            job.future.set_exception(RenderTimeout(f"the picture was not drawn within {timeout:.0f} s"))
        except Exception as error:  # noqa: BLE001 - handed to whoever waits for the job
            job.future.set_exception(error)
        else:
            job.future.set_result(result)
        finally:
            HEAVY_WORK.stop_drawing()
            self._busy -= 1
            self._slots.release()
            self._schedule_idle_close()

    def _forget(self, job: Job) -> None:
        with self._lock:
            if job in self._waiting:
                self._waiting.remove(job)

    async def _draw(self, work, width, height, scale, tile_hosts):
        browser = await self._ready_browser()
        context = await browser.new_context(
            viewport={"width": width, "height": height},
            device_scale_factor=scale,
            service_workers="block",
            accept_downloads=False,
        )
        try:

            async def guard(route):
                await (route.continue_() if _allowed(route.request.url, tile_hosts) else route.abort("blockedbyclient"))

            await context.route("**/*", guard)
            page = await context.new_page()
            return await work(page)
        finally:
            await context.close()

    async def _ready_browser(self):
        """The browser, launched when first needed and again if it has died."""
        async with self._launching:
            if self._browser is None or not self._browser.is_connected():
                from playwright.async_api import async_playwright

                if self._playwright is None:
                    self._playwright = await async_playwright().start()
                executable = find_renderer_chromium()
                self._browser = await self._playwright.chromium.launch(**launch_options(executable, offline=False))
                self.launches += 1
            return self._browser

    def _schedule_idle_close(self) -> None:
        if self._busy == 0 and self._idle_timer is None and self._loop is not None:
            self._idle_timer = self._loop.call_later(
                self.idle_close_s, lambda: asyncio.ensure_future(self._close_if_idle())
            )

    def _cancel_idle_close(self) -> None:
        if self._idle_timer is not None:
            self._idle_timer.cancel()
            self._idle_timer = None

    async def _close_if_idle(self) -> None:
        self._idle_timer = None
        if self._busy == 0 and self.queued == 0:
            await self._close_browser()

    async def _close_browser(self) -> None:
        browser, self._browser = self._browser, None
        if browser is not None:
            with contextlib.suppress(Exception):  # it may have died already
                await browser.close()

    async def _shutdown(self) -> None:
        self._cancel_idle_close()
        await self._close_browser()
        if self._playwright is not None:
            await self._playwright.stop()
            self._playwright = None

    @property
    def browser_running(self) -> bool:
        return self._browser is not None


_RENDERER: Renderer | None = None
_RENDERER_LOCK = threading.Lock()


def renderer() -> Renderer:
    """This process's renderer (created on first use, closed at exit)."""
    global _RENDERER
    with _RENDERER_LOCK:
        if _RENDERER is None:
            _RENDERER = Renderer()
            atexit.register(_RENDERER.close)
        return _RENDERER
