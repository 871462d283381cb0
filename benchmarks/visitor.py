"""A simulated visitor of the app over Streamlit's own protocol (one websocket speaking BackMsg/ForwardMsg),
doing what a browser does: open the page (the first map, then the rest once the map reports it is drawn:
two runs, with the files a browser fetches around them), step through the day (in the explorer a step
and its release stay in the browser: nothing is sent), ask the server for this view's PNG, press a
button by its label, choose a radio option, upload a file. Used by `benchmarks/loadgen.py` (many
visitors, the server's CPU) and `benchmarks/hostile.py` (one replica under hostile load); loopback only
(`benchmarks.loadgen.loopback_only`).

It keeps what the last runs drew, by element: buttons and download buttons by label, the file uploaders,
radios, the time control and the panel of the browser app (`juliaca-map.app`, mounted by role), alerts
(errors, warnings, successes) and the HTML of `st.html`.
"""

from __future__ import annotations

import asyncio
import base64
import itertools
import json
import random
import time
import urllib.request
import uuid
from collections.abc import Iterator
from dataclasses import dataclass, field
from urllib.parse import urlparse

import websockets
from streamlit.proto.BackMsg_pb2 import BackMsg
from streamlit.proto.Common_pb2 import FileURLsRequest, UploadedFileInfo
from streamlit.proto.ForwardMsg_pb2 import ForwardMsg
from streamlit.proto.WidgetStates_pb2 import WidgetState

DONE = {ForwardMsg.FINISHED_SUCCESSFULLY, ForwardMsg.FINISHED_FRAGMENT_RUN_SUCCESSFULLY}
APP_COMPONENT = "juliaca-map.app"  # the browser app's component (ui/time_control.py), mounted by role
ALERT_KINDS = {1: "error", 2: "warning", 3: "info", 4: "success"}
CONNECTIONS_PER_HOST = 6  # what Chromium opens to one host over HTTP/1.1
ACCEPT_ENCODING = "gzip, deflate, br, zstd"  # as Chromium asks: the server compresses some files for it


class VisitError(RuntimeError):
    """Something a browser's visitor would see as broken: a traceback, a run that did not finish in time, a
    file of the page that did not come."""


# --- the files a browser fetches ------------------------------------------------------------------------


@dataclass(frozen=True)
class Assets:
    """What a browser fetches from the app besides the page, its health check and its websocket, in order
    and by when: before it opens the websocket (Streamlit's scripts, styles and fonts), while the first map
    is drawn (the browser app, the map's frame, Leaflet, the data bundle, the layers), and after the map
    (what the rest of the page needs). Paths on the app's origin, with their query."""

    shell: tuple[str, ...] = ()
    map: tuple[str, ...] = ()
    rest: tuple[str, ...] = ()

    def count(self) -> int:
        return len(self.shell) + len(self.map) + len(self.rest)


NO_ASSETS = Assets()


async def learn_assets(url: str, query: str, timeout: float = 120) -> Assets:
    """Open the app once in headless Chromium (no network but loopback) and note every file it fetches from
    the app, split by when (`Assets`): before its websocket opened, until the map was painted, and until
    the rest of the page had come and the browser was quiet for 1.5 s."""
    from playwright.async_api import async_playwright

    from geo.output.browser import find_chromium, launch_options
    from harness.browser import MAP_IFRAME, PAINTED

    origin, seen, opened = url.rstrip("/"), [], {}

    def note(request) -> None:
        if request.is_navigation_request() and request.frame.parent_frame is None:
            return  # the page itself: the visitor asks for it
        if request.method == "GET" and request.url.startswith(origin + "/") and request.resource_type != "websocket":
            seen.append((time.monotonic(), request.url[len(origin) :]))

    async with async_playwright() as playwright:
        browser = await playwright.chromium.launch(**launch_options(find_chromium(), offline=True))
        try:
            page = await browser.new_page()
            page.on("request", note)
            page.on("websocket", lambda ws: opened.setdefault("at", time.monotonic()))
            await page.goto(f"{origin}/?{query}", timeout=timeout * 1000)
            frame = await (await page.locator(MAP_IFRAME).element_handle(timeout=timeout * 1000)).content_frame()
            await frame.wait_for_function(PAINTED, arg=None, timeout=timeout * 1000)
            painted = time.monotonic()
            await page.get_by_test_id("stFileUploader").first.wait_for(state="attached", timeout=timeout * 1000)
            deadline = time.monotonic() + timeout
            while time.monotonic() < deadline and time.monotonic() - max(t for t, _ in seen) < 1.5:
                await asyncio.sleep(0.25)
        finally:
            await browser.close()
    return split_assets(seen, opened.get("at", painted), painted)


def split_assets(seen: list[tuple[float, str]], socket_at: float, painted_at: float) -> Assets:
    """Requests seen (time, path) as `Assets`: each path once, the health check left out (the visitor asks
    for it itself, with the page)."""
    parts: tuple[list[str], list[str], list[str]] = ([], [], [])
    done = {"/_stcore/health"}
    for at, path in seen:
        if path in done:
            continue
        done.add(path)
        parts[0 if at < socket_at else 1 if at <= painted_at else 2].append(path)
    return Assets(*(tuple(part) for part in parts))


@dataclass
class Response:
    status: int
    headers: list[tuple[str, str]]
    body: bytes

    def cookies(self) -> dict[str, str]:
        return dict(
            value.split(";", 1)[0].split("=", 1)
            for name, value in self.headers
            if name == "set-cookie" and "=" in value
        )


class Http:
    """GETs to the app as a browser makes them: HTTP/1.1, kept alive, at most six at a time, with the
    visitor's cookies. Asynchronous, so that hundreds of visitors fit in one loop."""

    def __init__(self, url: str, cookies: dict[str, str], timeout: float):
        parsed = urlparse(url)
        self.host, self.port = parsed.hostname, parsed.port or 80
        self.authority, self.cookies, self.timeout = parsed.netloc, cookies, timeout
        self.idle: list[tuple[asyncio.StreamReader, asyncio.StreamWriter]] = []
        self.limit = asyncio.Semaphore(CONNECTIONS_PER_HOST)

    async def get(self, path: str) -> Response:
        """One GET; VisitError unless it answers 200. A kept connection the server has closed meanwhile is
        replaced by a new one, as a browser does."""
        async with self.limit, asyncio.timeout(self.timeout):
            while True:
                reused = bool(self.idle)
                reader, writer = self.idle.pop() if reused else await asyncio.open_connection(self.host, self.port)
                try:
                    response, keep = await self._exchange(reader, writer, path)
                    break
                except (ConnectionError, asyncio.IncompleteReadError):
                    writer.close()
                    if not reused:
                        raise
                except BaseException:
                    writer.close()
                    raise
            if keep:
                self.idle.append((reader, writer))
            else:
                writer.close()
        if response.status != 200:
            raise VisitError(f"{path[:80]} answered HTTP {response.status}")
        return response

    async def get_all(self, paths: tuple[str, ...]) -> None:
        """Every path, six at a time as a browser does."""
        await asyncio.gather(*(self.get(path) for path in paths))

    async def _exchange(self, reader, writer, path: str) -> tuple[Response, bool]:
        lines = [
            f"GET {path} HTTP/1.1",
            f"Host: {self.authority}",
            f"Accept-Encoding: {ACCEPT_ENCODING}",
            "Connection: keep-alive",
        ]
        if self.cookies:
            lines.append("Cookie: " + "; ".join(f"{k}={v}" for k, v in self.cookies.items()))
        writer.write(("\r\n".join(lines) + "\r\n\r\n").encode("latin-1"))
        await writer.drain()
        return await read_response(reader)

    def close(self) -> None:
        for _, writer in self.idle:
            writer.close()
        self.idle.clear()


async def read_response(reader: asyncio.StreamReader) -> tuple[Response, bool]:
    """An HTTP/1.1 response (a body by Content-Length, chunked, or to the end); and whether the connection
    may be used again."""
    status_line = await reader.readline()
    if not status_line:
        raise ConnectionResetError("the server closed the connection before answering")
    status = int(status_line.split()[1])
    headers = []
    while (line := await reader.readline()) not in (b"\r\n", b"\n", b""):
        name, _, value = line.decode("latin-1").partition(":")
        headers.append((name.strip().lower(), value.strip()))
    fields = dict(headers)
    if "content-length" in fields:
        body, keep = await reader.readexactly(int(fields["content-length"])), True
    elif fields.get("transfer-encoding", "").lower() == "chunked":
        chunks = []
        while size := int((await reader.readline()).split(b";")[0], 16):
            chunks.append(await reader.readexactly(size))
            await reader.readline()
        while (await reader.readline()) not in (b"\r\n", b"\n", b""):
            pass  # trailers
        body, keep = b"".join(chunks), True
    else:
        body, keep = await reader.read(), False
    return Response(status, headers, body), keep and fields.get("connection", "").lower() != "close"


# --- what the page shows ---------------------------------------------------------------------------------


@dataclass
class Drawn:
    """What the visitor's page shows, as the last runs drew it."""

    buttons: dict[str, str] = field(default_factory=dict)  # label -> widget id
    downloads: dict[str, str] = field(default_factory=dict)  # label -> URL (or "" when deferred)
    uploaders: dict[str, str] = field(default_factory=dict)  # label -> widget id
    radios: dict[str, str] = field(default_factory=dict)  # label -> widget id
    alerts: list[tuple[str, str]] = field(default_factory=list)  # (kind, text), this run's
    html: list[str] = field(default_factory=list)  # st.html bodies, this run's
    exceptions: list[str] = field(default_factory=list)
    control: dict | None = None  # the explorer's time control: id, fragment, step keys, the step it shows
    panel: dict | None = None  # the list and downloads: id, fragment, and the file the server last made


def _mount(msg: ForwardMsg) -> dict:
    element = msg.delta.new_element.bidi_component
    return {"id": element.id, "fragment": msg.delta.fragment_id, "data": json.loads(element.json)}


# --- one visitor ------------------------------------------------------------------------------------------


class Visitor:
    """One simulated visitor. `async with Visitor(url, query, assets=…) as v: await v.open()`."""

    def __init__(self, url: str, query: str = "", timeout: float = 20, assets: Assets = NO_ASSETS):
        self.url, self.query, self.timeout, self.assets = url.rstrip("/"), query, timeout, assets
        self.cookies: dict[str, str] = {}
        self.session_id = ""
        self.drawn = Drawn()
        self.states: dict[str, WidgetState] = {}  # widget states sent with every rerun, as a browser does
        self.ws = None
        self.shown = ""  # the key of the step the browser shows
        self.first_map_s: float | None = None  # page requested -> the first run and the map's files done
        self.complete_s: float | None = None  # page requested -> the second run and the rest's files done
        self.runs = 0
        self.sent = 0  # BackMsgs sent to the server
        self._made = itertools.count(1)

    async def __aenter__(self) -> Visitor:
        return self

    async def __aexit__(self, *exc) -> None:
        if self.ws is not None:
            await self.ws.close()

    # --- opening: the page, the websocket, the first map, the rest -------------------------------------

    async def open(self, complete: bool = True) -> None:
        """Load the page (its cookies: affinity, XSRF) and Streamlit's files, run the app (the time control
        and the map) and fetch the map's files; then report the map drawn (the second run: the rest of the
        page) and fetch what it needs. What a browser adds is its own work: parsing, painting."""
        began = time.monotonic()
        http = Http(self.url, self.cookies, timeout=6 * self.timeout)
        try:
            await self._get_page(http)
            await http.get_all(self.assets.shell)
            self.ws = await websockets.connect(
                self.url.replace("http://", "ws://", 1) + "/_stcore/stream",
                subprotocols=["streamlit"],
                origin=self.url,
                max_size=None,
                ping_interval=None,
                open_timeout=6 * self.timeout,
                additional_headers={"Cookie": self._cookie_header()} if self.cookies else None,
            )
            await self._rerun([], "", timeout=6 * self.timeout)
            if self.drawn.control is None:
                raise VisitError("the app opened without its time control")
            await http.get_all(self.assets.map)
            self.first_map_s = time.monotonic() - began
            if complete:
                drawn = WidgetState(id=self.drawn.control["id"], json_value=json.dumps({"drawn": True}))
                await self._rerun([drawn], self.drawn.control["fragment"], timeout=6 * self.timeout)
                await http.get_all(self.assets.rest)
                self.complete_s = time.monotonic() - began
        finally:
            http.close()

    async def _get_page(self, http: Http) -> None:
        """The page, then its health check, as the browser loads them: the proxy's affinity cookie, then
        Streamlit's XSRF cookie (set by /_stcore/health; an upload must send it back)."""
        self.cookies.update((await http.get(f"/?{self.query}")).cookies())
        self.cookies.update((await http.get("/_stcore/health")).cookies())

    def _cookie_header(self) -> str:
        return "; ".join(f"{k}={v}" for k, v in self.cookies.items())

    # --- runs --------------------------------------------------------------------------------------------

    async def _rerun(
        self, widgets: list[WidgetState], fragment_id: str = "", timeout: float | None = None
    ) -> list[ForwardMsg]:
        """Send a rerun with the states kept and `widgets`; read until it finishes (with the run it asked for,
        when it ended early with `st.rerun`)."""
        for state in widgets:
            if state.WhichOneof("value") not in ("trigger_value", "string_trigger_value", "json_trigger_value"):
                self.states[state.id] = state
        sent = {s.id: s for s in list(self.states.values()) + widgets}
        msg = BackMsg()
        msg.rerun_script.query_string = self.query
        msg.rerun_script.page_script_hash = ""
        msg.rerun_script.widget_states.widgets.extend(sent.values())
        msg.rerun_script.fragment_id = fragment_id
        await self._send(msg)
        return await self._until_finished(timeout or self.timeout)

    async def _send(self, msg: BackMsg) -> None:
        self.sent += 1
        await self.ws.send(msg.SerializeToString())

    async def _until_finished(self, timeout: float) -> list[ForwardMsg]:
        """Read until the run finishes; a run that ends early for another (`st.rerun`) is followed by it."""
        seen: list[ForwardMsg] = []
        self.drawn.alerts, self.drawn.html = [], []
        async with asyncio.timeout(timeout):
            while True:
                msg = ForwardMsg()
                msg.ParseFromString(await self.ws.recv())
                seen.append(msg)
                kind = msg.WhichOneof("type")
                if kind == "new_session":
                    self.session_id = msg.new_session.initialize.session_id or self.session_id
                elif kind == "delta":
                    self._note(msg)
                elif kind == "script_finished":
                    self.runs += 1
                    if msg.script_finished == ForwardMsg.FINISHED_EARLY_FOR_RERUN:
                        continue  # st.rerun(): another run follows
                    if msg.script_finished not in DONE:
                        raise VisitError(f"a run ended with status {msg.script_finished}")
                    if self.drawn.exceptions:
                        raise VisitError("the page showed an exception: " + self.drawn.exceptions[0][:200])
                    return seen

    def _note(self, msg: ForwardMsg) -> None:
        if msg.delta.WhichOneof("type") != "new_element":
            return
        element = msg.delta.new_element
        kind = element.WhichOneof("type")
        if kind == "button":
            self.drawn.buttons[element.button.label] = element.button.id
        elif kind == "download_button":
            self.drawn.downloads[element.download_button.label] = element.download_button.url
            self.drawn.buttons.pop(element.download_button.label, None)
        elif kind == "file_uploader":
            self.drawn.uploaders[element.file_uploader.label] = element.file_uploader.id
        elif kind == "radio":
            self.drawn.radios[element.radio.label] = element.radio.id
        elif kind == "alert":
            self.drawn.alerts.append((ALERT_KINDS.get(element.alert.format, "alert"), element.alert.body))
        elif kind == "html":
            self.drawn.html.append(element.html.body)
        elif kind == "exception":
            self.drawn.exceptions.append(element.exception.message)
        elif kind == "bidi_component" and element.bidi_component.component_name == APP_COMPONENT:
            self._note_app(_mount(msg))

    def _note_app(self, mount: dict) -> None:
        data = mount.pop("data")
        if data.get("role") == "control" and data.get("mode") == "explore":
            keys, before = [s["key"] for s in data["steps"]], self.drawn.control
            if before is None or data.get("rev") != before["rev"]:
                self.shown = keys[data["step"]]  # a time the server decided: the browser applies it once
            self.drawn.control = mount | {"keys": keys, "rev": data.get("rev")}
        elif data.get("role") == "panel":
            self.drawn.panel = mount | {"made": data.get("made")}

    # --- what a visitor does -------------------------------------------------------------------------------

    async def step(self, key: str) -> None:
        """Step the explorer's time control to `key` and let go: the one place that knows what a step sends.
        Since issue 22 the browser draws the map, the list and the downloads at that step and keeps the
        address bar itself: it sends the server nothing."""
        self.shown = key

    async def make(self, what: str, timeout: float | None = None) -> dict:
        """Ask the server for a file of the view shown (`what`: "png"), as the list's download button does;
        returns what the page then gets: {"base64": …, "name": …} or {"error": what it says}."""
        panel = self.drawn.panel
        if panel is None:
            raise VisitError("no list and downloads on the page (has it opened completely?)")
        asked = {"what": what, "key": self.shown, "n": next(self._made)}
        await self._rerun(
            [WidgetState(id=panel["id"], json_value=json.dumps({"make": asked}))], panel["fragment"], timeout=timeout
        )
        made = self.drawn.panel["made"]
        if not made or made.get("id") != asked["n"]:
            raise VisitError(f"asked for a {what}, and the page got nothing back")
        return made

    async def press(self, label: str, timeout: float | None = None) -> list[ForwardMsg]:
        """Press the button labelled `label` (a whole-page run)."""
        if label not in self.drawn.buttons:
            raise VisitError(f"no button {label!r} on the page (buttons: {sorted(self.drawn.buttons)})")
        return await self._rerun([WidgetState(id=self.drawn.buttons[label], trigger_value=True)], "", timeout=timeout)

    async def choose(self, label: str, option: str) -> None:
        """Choose `option` (as the page words it) in the radio labelled `label`."""
        await self._rerun([WidgetState(id=self.drawn.radios[label], string_value=option)], "")

    async def choose_file(self, label: str, name: str, content: bytes, timeout: float | None = None) -> None:
        """Upload `content` as `name` into the file uploader labelled `label`, as the browser does: ask for an
        upload address, PUT the file there, then run with the uploader's new state."""
        uploader = self.drawn.uploaders[label]
        request = BackMsg()
        request.file_urls_request.CopyFrom(
            FileURLsRequest(request_id=uuid.uuid4().hex, file_names=[name], session_id=self.session_id)
        )
        await self._send(request)
        async with asyncio.timeout(timeout or self.timeout):
            while True:
                msg = ForwardMsg()
                msg.ParseFromString(await self.ws.recv())
                if msg.WhichOneof("type") == "file_urls_response":
                    urls = msg.file_urls_response.file_urls[0]
                    break
        await asyncio.to_thread(self._put, urls.upload_url, name, content, timeout or self.timeout)
        state = WidgetState(id=uploader)
        state.file_uploader_state_value.uploaded_file_info.append(
            UploadedFileInfo(name=name, size=len(content), file_id=urls.file_id, file_urls=urls)
        )
        await self._rerun([state], "", timeout=timeout)

    def _put(self, upload_url: str, name: str, content: bytes, timeout: float) -> None:
        boundary = uuid.uuid4().hex
        body = (
            (
                f'--{boundary}\r\nContent-Disposition: form-data; name="file"; filename="{name}"\r\n'
                "Content-Type: application/octet-stream\r\n\r\n"
            ).encode()
            + content
            + f"\r\n--{boundary}--\r\n".encode()
        )
        url = upload_url if upload_url.startswith("http") else self.url + upload_url
        request = urllib.request.Request(
            url,
            data=body,
            method="PUT",
            headers={
                "Content-Type": f"multipart/form-data; boundary={boundary}",
                "Cookie": self._cookie_header(),
                "X-Xsrftoken": self.cookies.get("_streamlit_xsrf", ""),
            },
        )
        with urllib.request.urlopen(request, timeout=6 * timeout) as response:
            response.read()


def png_bytes(made: dict) -> bytes | None:
    """The PNG in what `Visitor.make` got back, or None."""
    data = base64.b64decode(made.get("base64") or "")
    return data if data.startswith(b"\x89PNG") else None


# --- a visitor who opens the app and steps through the day ----------------------------------------------


@dataclass
class Visit:
    """What one visitor who opens the app and steps saw: when its first map and its whole page came, when it
    stepped, its errors, and the process the proxy gave it."""

    first_map_s: float | None = None  # the page requested -> the first run and the map's files done
    complete_s: float | None = None  # the page requested -> the whole page (the second run) done
    opened_at: float | None = None  # time.monotonic() when the page was complete
    finished_at: float | None = None
    stepped_at: list[float] = field(default_factory=list)
    sent_while_stepping: int = 0  # messages to the server from the page complete to the visitor's leaving
    errors: list[str] = field(default_factory=list)
    server: str = ""


def back_and_forth(count: int, start: int) -> Iterator[int]:
    """Positions one step at a time from `start`, turning at either end of `count` steps."""
    position, direction = start, 1
    while True:
        if not 0 <= position + direction < count:
            direction = -direction
        position += direction
        yield position


async def open_and_step(
    url: str,
    query: str,
    *,
    seconds: float,
    pace: float,
    seed: int,
    delay: float = 0,
    timeout: float = 20,
    assets: Assets = NO_ASSETS,
) -> Visit:
    """Arrive after `delay`, open the app (the map, then the rest), then step one step at a time back and forth
    across the day every `pace` seconds on average (0.5 to 1.5 times it) for `seconds`."""
    rng, visit = random.Random(seed), Visit()
    await asyncio.sleep(delay)
    try:
        async with Visitor(url, query, timeout=timeout, assets=assets) as visitor:
            try:
                await visitor.open()
            finally:
                visit.first_map_s, visit.complete_s = visitor.first_map_s, visitor.complete_s
                visit.server = "; ".join(f"{k}={v}" for k, v in visitor.cookies.items() if k == "JULIACA_SERVER")
            visit.opened_at, opened_sent = time.monotonic(), visitor.sent
            keys = visitor.drawn.control["keys"]
            deadline = visit.opened_at + seconds
            for position in back_and_forth(len(keys), keys.index(visitor.shown)):
                await asyncio.sleep(rng.uniform(pace * 0.5, pace * 1.5))
                if time.monotonic() >= deadline:
                    break
                await visitor.step(keys[position])
                visit.stepped_at.append(time.monotonic())
            visit.sent_while_stepping = visitor.sent - opened_sent
    except (OSError, TimeoutError, VisitError, websockets.WebSocketException) as error:
        visit.errors.append(f"{type(error).__name__}: {str(error)[:160]}")
    visit.finished_at = time.monotonic()
    return visit
