"""PNG rendering is bounded per process (issue 21): one browser, reused; at most two pictures drawn at once,
the rest queued in order with their place known; a cache by what the image shows; a time limit that ends
in a clear error; pages that reach nothing but their own files; Chromium's sandbox on unless it cannot be."""

from __future__ import annotations

import asyncio
import threading
import time
from concurrent.futures import ThreadPoolExecutor

import pytest

from geo.output.browser import LAUNCH_ARGS, browser_environment, sandboxed
from geo.output.export import PageOptions
from geo.output.renderer import RenderBusy, Renderer, RenderTimeout
from harness.processes import PROC, process_tree


def _is_chromium(pid: int) -> bool:
    try:
        return (PROC / str(pid) / "exe").resolve().name in (
            "chromium",
            "chrome",
            "chromium-headless-shell",
            "headless_shell",
        )
    except OSError:
        return False


def _parent(pid: int) -> int:
    try:
        return int((PROC / str(pid) / "stat").read_text().rsplit(")", 1)[1].split()[1])
    except (OSError, ValueError, IndexError):
        return 0


def _browsers() -> set[int]:
    """The Chromium browsers under this test process: Chromium processes whose parent is not Chromium
    (a browser's renderers, zygotes and GPU process are its children)."""
    return {
        pid
        for pid in process_tree(int(PROC.joinpath("self").resolve().name))[1:]
        if _is_chromium(pid) and not _is_chromium(_parent(pid))
    }


class BrowserWatch:
    """Every browser process seen under this process while the block runs, and the most at once (besides the
    browsers already there: the browser tests' own, and the renderer's if it is running)."""

    def __enter__(self):
        self.seen, self.most, self._stop = set(), 0, threading.Event()
        self._before = _browsers()
        self._thread = threading.Thread(target=self._watch)
        self._thread.start()
        return self

    def _watch(self) -> None:
        while not self._stop.is_set():
            now = _browsers() - self._before
            self.seen |= now
            self.most = max(self.most, len(now))
            time.sleep(0.05)

    def __exit__(self, *exc) -> None:
        self._stop.set()
        self._thread.join()


# --- in a real browser, through the functions the app and the CLI call --------------------------


@pytest.mark.browser
def test_pictures_in_a_row_share_one_browser(index, data):
    """Each PNG download launched its own Chromium; the process now keeps one and reuses it."""
    from geo.output.render import render_steps
    from geo.output.renderer import renderer

    renderer().close()  # none running before: the three pictures launch one
    with BrowserWatch() as watch:
        for step in (12, 14, 17):
            (png,) = render_steps(index, data.places, PageOptions(step=step), [step], 400, 300)
            assert png.startswith(b"\x89PNG")
    assert len(watch.seen) == 1, f"{len(watch.seen)} browsers launched for three pictures"


@pytest.mark.browser
def test_five_pictures_asked_at_once_use_one_browser(index, data):
    from geo.output.render import render_steps
    from geo.output.renderer import renderer

    renderer().close()
    with BrowserWatch() as watch, ThreadPoolExecutor(5) as pool:
        pngs = list(
            pool.map(
                lambda step: render_steps(index, data.places, PageOptions(step=step), [step], 400, 300),
                (10, 11, 12, 13, 14),
            )
        )
    assert all(p[0].startswith(b"\x89PNG") for p in pngs)
    assert watch.most == 1, f"{watch.most} browsers at once"


# --- the renderer's own rules, with jobs that record what they see ----------------------------------


@pytest.fixture
def small_renderer():
    """A renderer of its own (two slots, four waiting at most), closed after the test."""
    renderer = Renderer(slots=2, max_queued=4, idle_close_s=0.5)
    yield renderer
    renderer.close()


def _holding(log: list, gate: threading.Event, name: str):
    """A job that notes when it starts and ends, and holds its page until `gate` opens."""

    async def work(page):
        log.append(("start", name))
        while not gate.is_set():
            await asyncio.sleep(0.02)
        log.append(("end", name))
        return name

    return work


def _most_at_once(log: list) -> int:
    running = most = 0
    for kind, _ in log:
        running += 1 if kind == "start" else -1
        most = max(most, running)
    return most


@pytest.mark.browser
def test_two_draw_at_once_the_rest_wait_in_order_and_know_their_place(small_renderer):
    log, gate = [], threading.Event()
    jobs = [small_renderer.submit(_holding(log, gate, f"j{k}"), width=200, height=200) for k in range(5)]
    deadline = time.monotonic() + 30
    while sum(1 for kind, _ in log if kind == "start") < 2 and time.monotonic() < deadline:
        time.sleep(0.05)
    time.sleep(0.3)
    assert [j.ahead for j in jobs] == [0, 0, 0, 1, 2] and [j.drawing for j in jobs[:2]] == [True, True]
    gate.set()
    assert [j.future.result(30) for j in jobs] == [f"j{k}" for k in range(5)]
    assert _most_at_once(log) == 2
    assert sorted(jobs, key=lambda j: j.started_at) == jobs, "they got their turns in the order asked"
    assert small_renderer.launches == 1


@pytest.mark.browser
def test_a_full_queue_refuses_at_once(small_renderer):
    gate = threading.Event()
    try:
        jobs = [small_renderer.submit(_holding([], gate, f"j{k}"), width=200, height=200) for k in range(6)]
        time.sleep(1)
        with pytest.raises(RenderBusy):
            small_renderer.submit(_holding([], gate, "one too many"), width=200, height=200)
    finally:
        gate.set()
    assert all(j.future.result(30) for j in jobs)


@pytest.mark.browser
def test_a_picture_over_its_time_limit_is_stopped_with_a_clear_error(small_renderer):
    async def never(page):
        await page.set_content("<p>drawing forever</p>")
        await asyncio.sleep(3600)

    job = small_renderer.submit(never, width=200, height=200, timeout=1)
    with pytest.raises(RenderTimeout, match="not drawn within 1 s"):
        job.future.result(30)
    assert small_renderer.run(_holding([], _open(), "after"), width=200, height=200) == "after"  # and goes on


def _open() -> threading.Event:
    gate = threading.Event()
    gate.set()
    return gate


@pytest.mark.browser
def test_a_page_reaches_nothing_but_its_own_files(small_renderer, app_server):
    """Not the server on loopback, not the internet: a page drawn from a visitor's data is a dead end."""

    async def reach(page):
        await page.set_content("<p>x</p>")
        return await page.evaluate(
            """async (urls) => Promise.all(urls.map(u => fetch(u, {mode: "no-cors"})
            .then(() => "reached", () => "blocked")))""",
            [f"{app_server.url}/_stcore/health", "https://example.org/"],
        )

    assert small_renderer.run(reach, width=200, height=200) == ["blocked", "blocked"]


@pytest.mark.browser
def test_an_idle_browser_is_closed_and_launched_again_when_needed(small_renderer):
    assert small_renderer.run(_holding([], _open(), "a"), width=200, height=200) == "a"
    deadline = time.monotonic() + 10
    while small_renderer.browser_running and time.monotonic() < deadline:
        time.sleep(0.1)
    assert not small_renderer.browser_running
    assert small_renderer.run(_holding([], _open(), "b"), width=200, height=200) == "b"
    assert small_renderer.launches == 2


# --- the sandbox and what Chromium is given -------------------------------------------------------


def test_chromium_is_not_told_to_drop_its_sandbox():
    """`--no-sandbox` was in every launch; now the sandbox is on wherever Chromium can run it."""
    assert "--no-sandbox" not in LAUNCH_ARGS
    assert sandboxed(euid=1000, setting="") is True
    assert sandboxed(euid=0, setting="") is False  # Chromium refuses to sandbox itself as root
    assert sandboxed(euid=1000, setting="off") is False and sandboxed(euid=0, setting="on") is True


def test_chromium_gets_none_of_the_servers_secrets(monkeypatch):
    monkeypatch.setenv("STREAMLIT_SERVER_COOKIE_SECRET", "s3cret")
    monkeypatch.setenv("HOME", "/home/juliaca")
    environment = browser_environment()
    assert "STREAMLIT_SERVER_COOKIE_SECRET" not in environment and environment["HOME"] == "/home/juliaca"
    assert "s3cret" not in " ".join(environment.values())


# --- the app's cache of images ----------------------------------------------------------------------


class _Done:
    """A stand-in for a renderer job that has finished."""

    def __init__(self, result=b"\x89PNG fake", error=None):
        from concurrent.futures import Future

        self.future = Future()
        self.future.set_exception(error) if error else self.future.set_result(result)


def test_the_cache_keys_an_image_by_what_it_shows_and_shares_it():
    from geo.output.render import ImageCache, image_key

    cache, started = ImageCache(), []

    def start():
        started.append(1)
        return _Done()

    base = PageOptions(lang="es", view="airport", base="offline", scale="hour", step=17)
    same = image_key("bundles/abc", base)
    for other in (
        PageOptions(lang="en", view="airport", base="offline", scale="hour", step=17),
        PageOptions(lang="es", view="region", base="offline", scale="hour", step=17),
        PageOptions(lang="es", view="airport", base="osm", scale="hour", step=17),
        PageOptions(lang="es", view="airport", base="offline", scale="hour", step=18),
        PageOptions(lang="es", view="airport", base="offline", scale="hour", step=17, categories=frozenset({"march"})),
        PageOptions(lang="es", view="airport", base="offline", scale="hour", step=17, source="pachamama_norte"),
    ):
        assert image_key("bundles/abc", other) != same
    assert image_key("uploads/xyz", base) != same
    assert cache.request(same, start) is cache.request(image_key("bundles/abc", base), start)
    assert len(started) == 1


def test_a_failed_image_is_tried_again_and_old_ones_make_room():
    from geo.output.render import ImageCache

    cache = ImageCache(max_bytes=2_500)
    cache.request(("bad",), lambda: _Done(error=RenderTimeout("slow")))
    assert cache.request(("bad",), lambda: _Done(b"x" * 1_000)).future.result() == b"x" * 1_000
    for k in range(4):
        cache.request((k,), lambda: _Done(b"y" * 1_000))
    assert cache.bytes_held <= 2_500 and cache.get((3,)) is not None and cache.get(("bad",)) is None


@pytest.mark.browser
def test_the_browser_says_an_image_may_wait_its_turn():
    """The visible "waiting" state: the button says the image is being made and may wait its turn, in both
    languages (the browser shows it from the click until the file comes)."""
    from geo.text.words import list_words

    assert "two at a time" in list_words("en")["download_making"]
    assert "dos a la vez" in list_words("es")["download_making"]
