"""Uploads held in memory have one budget per process (issue 21): a count and a byte total, checked before an
upload is kept; the oldest session's upload goes first, and its visitor is told so in plain words. One file
is checked at a time, and a file that waits too long for its turn is told so."""

from __future__ import annotations

import gc
import threading
import time
from pathlib import Path

import pytest

from geo.data.load import REPO_DATA_DIR
from geo.data.upload import Busy, TooLarge, UploadMemory, checking, load_upload, memory_size
from geo.model.timeline import index_events

CORPUS = Path(__file__).resolve().parent / "corpus"


def test_the_oldest_upload_goes_first_when_the_count_is_full():
    memory = UploadMemory(max_count=2, max_bytes=1_000)
    first, _ = memory.keep("first", 10)
    second, _ = memory.keep("second", 10)
    third, evicted = memory.keep("third", 10)
    assert evicted == [first] and first.evicted and first.value is None
    assert (second.value, third.value) == ("second", "third") and memory.totals() == (2, 20)


def test_the_oldest_uploads_go_first_when_the_bytes_are_full():
    memory = UploadMemory(max_count=10, max_bytes=100)
    held = [memory.keep(k, 30)[0] for k in range(3)]
    _newest, evicted = memory.keep("big", 60)
    assert evicted == held[:2] and not held[2].evicted and memory.totals() == (2, 90)


def test_an_upload_larger_than_the_whole_budget_is_refused_and_nothing_is_evicted():
    memory = UploadMemory(max_count=10, max_bytes=100)
    kept, _ = memory.keep("small", 50)
    with pytest.raises(TooLarge) as refused:
        memory.keep("huge", 101)
    assert (refused.value.size, refused.value.limit) == (101, 100) and not kept.evicted


def test_an_ended_session_leaves_the_budget_with_its_upload():
    memory = UploadMemory(max_count=2, max_bytes=100)
    gone, _ = memory.keep("gone", 40)
    del gone
    gc.collect()
    assert memory.totals() == (0, 0)
    stays, _ = memory.keep("stays", 40)
    memory.release(stays)
    assert memory.totals() == (0, 0) and stays.value is None


def test_the_budget_holds_whatever_many_sessions_keep_at_once():
    memory, held = UploadMemory(max_count=5, max_bytes=500), []
    lock = threading.Lock()

    def session(k):
        for i in range(50):
            item, _ = memory.keep((k, i), 37)
            with lock:
                held.append(item)
            count, size = memory.totals()
            assert count <= 5 and size <= 500

    threads = [threading.Thread(target=session, args=(k,)) for k in range(8)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert sum(not h.evicted for h in held) <= 5


def test_the_size_of_an_upload_counts_its_strings():
    """A 16 MB file kept 42 MB: the measure must see the text, not only the pointers to it."""
    dataset = load_upload((REPO_DATA_DIR / "events.csv").read_bytes(), "events.csv")
    index = index_events(dataset.events, dataset.places)
    text_bytes = sum(len(str(v)) for v in index.events["summary_en"])
    assert memory_size(index.events) > text_bytes > 10_000


def test_one_file_is_checked_at_a_time_and_a_long_wait_ends_in_busy():
    held, waited = threading.Event(), []
    release = threading.Event()

    def first():
        with checking():
            held.set()
            release.wait(10)

    thread = threading.Thread(target=first)
    thread.start()
    held.wait(10)
    started = time.monotonic()
    with pytest.raises(Busy), checking(wait=0.3, on_wait=lambda: waited.append(True)):
        pass
    assert waited == [True] and time.monotonic() - started >= 0.3
    release.set()
    thread.join()
    with checking(wait=0.1):
        pass


# --- in a real browser: the visitor whose upload went is told so -------------------------------------


@pytest.fixture(scope="module")
def one_upload_server(tmp_path_factory):
    """The app holding one upload at most in memory."""
    from harness.browser import AppServer

    server = AppServer(tmp_path_factory.mktemp("one-upload") / "streamlit.log", env={"JULIACA_UPLOADS_HELD": "1"})
    yield server
    server.stop()


def _upload(page, path: Path, fmt_label: str | None = None) -> None:
    page.get_by_text("Bring your own data").click()
    if fmt_label:
        page.get_by_text(fmt_label, exact=True).click()
    page.locator("input[type=file]").first.set_input_files(str(path))
    page.get_by_role("button", name="Check and map this file").click()


@pytest.mark.browser
def test_the_oldest_upload_is_evicted_and_its_visitor_told_in_plain_words(one_upload_server, chromium, browsing):
    """The server holds one upload: a second visitor's upload takes the first one's place, and the first
    visitor, at their next step, is told why their map went back to the bundled data."""
    first = browsing.page
    first.goto(f"{one_upload_server.url}/?base=offline")
    browsing.wait_for_map()
    _upload(first, CORPUS / "acled_ok.csv", fmt_label="ACLED export")
    first.get_by_text("Showing your data: 2 valid events").wait_for()

    context = chromium.new_context(viewport={"width": 1400, "height": 1000})
    second = context.new_page()
    second.goto(f"{one_upload_server.url}/?base=offline")
    second.get_by_text("Bring your own data").wait_for(timeout=60_000)
    _upload(second, CORPUS / "hostile_events.csv")
    second.get_by_text("Showing your data: 12 valid events").wait_for()

    first.get_by_text("Español", exact=True).click()  # the first visitor's next step
    first.get_by_text("Sus datos subidos se quitaron de la memoria de este servidor", exact=False).first.wait_for()
    assert first.get_by_text("Se muestran sus datos").count() == 0
    assert second.get_by_text("Showing your data: 12 valid events").count() == 1
    context.close()
    browsing.assert_clean()


def test_a_check_never_runs_beside_a_picture_being_drawn():
    """Checking a file and drawing pictures together outgrow a 1 GiB pod: one kind at a time (geo.data.work)."""
    from geo.data.work import HeavyWork

    work, log, drawing = HeavyWork(), [], threading.Event()

    def picture():
        with work.drawing(10):
            log.append("draw start")
            drawing.set()
            time.sleep(0.3)
            log.append("draw end")

    thread = threading.Thread(target=picture)
    thread.start()
    drawing.wait(5)
    waited = []
    with work.checking(10, on_wait=lambda: waited.append(True)):
        log.append("check")
        with pytest.raises(Busy):  # a picture asked for meanwhile waits for the check (here: not long enough)
            work.start_drawing(0.2)
    thread.join()
    assert log == ["draw start", "draw end", "check"] and waited == [True]
    with work.drawing(0.1):
        pass


def test_images_are_not_drawn_for_very_large_uploads(data):
    from geo.output.export import PageOptions
    from geo.output.render import APP_MAX_EVENTS, ImageCache, TooManyEvents, request_snapshot

    class Large:
        events = range(APP_MAX_EVENTS + 1)

    with pytest.raises(TooManyEvents, match="5,001 events"):
        request_snapshot(ImageCache(), "uploads/x", Large(), data.places, PageOptions())
