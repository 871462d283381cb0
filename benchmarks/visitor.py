"""A simulated visitor of the app over Streamlit's own protocol (one websocket speaking BackMsg/ForwardMsg),
doing what a browser does: open the page (the first map, then the rest once the map reports it is
drawn: two runs), release the time control, press a button by its label, upload a file, follow a
fragment that reruns itself every few seconds, and fetch a download. Used by `benchmarks/hostile.py`
and `benchmarks/loadgen.py`; loopback only (`benchmarks.loadgen.loopback_only`).

It keeps what the last runs drew, by element: buttons and download buttons by label, the file uploaders,
the time control, alerts (errors, warnings, successes) and the HTML of `st.html`.
"""

from __future__ import annotations

import asyncio
import json
import time
import urllib.request
import uuid
from dataclasses import dataclass, field

import websockets
from streamlit.proto.BackMsg_pb2 import BackMsg
from streamlit.proto.Common_pb2 import FileURLsRequest, UploadedFileInfo
from streamlit.proto.ForwardMsg_pb2 import ForwardMsg
from streamlit.proto.WidgetStates_pb2 import WidgetState

DONE = {ForwardMsg.FINISHED_SUCCESSFULLY, ForwardMsg.FINISHED_FRAGMENT_RUN_SUCCESSFULLY}
TIME_CONTROL = "juliaca-map.app"  # the browser app's component; its time control is the mount with role "control"
ALERT_KINDS = {1: "error", 2: "warning", 3: "info", 4: "success"}


class VisitError(RuntimeError):
    """Something a browser's visitor would see as broken: a traceback, a run that did not finish in time."""


@dataclass
class Drawn:
    """What the visitor's page shows, as the last runs drew it."""

    buttons: dict[str, str] = field(default_factory=dict)           # label -> widget id
    downloads: dict[str, str] = field(default_factory=dict)         # label -> URL (or "" when deferred)
    uploaders: dict[str, str] = field(default_factory=dict)         # label -> widget id
    radios: dict[str, str] = field(default_factory=dict)            # label -> widget id
    alerts: list[tuple[str, str]] = field(default_factory=list)     # (kind, text), this run's
    html: list[str] = field(default_factory=list)                   # st.html bodies, this run's
    exceptions: list[str] = field(default_factory=list)
    control: dict | None = None                                     # the time control: id, fragment, step keys
    auto_reruns: dict[str, float] = field(default_factory=dict)     # fragment id -> interval (s)


def _cookies(response) -> dict[str, str]:
    return dict(c.split(";", 1)[0].split("=", 1) for c in response.headers.get_all("Set-Cookie") or [] if "=" in c)


class Visitor:
    """One simulated visitor. `async with Visitor(url, query) as v: await v.open()`."""

    def __init__(self, url: str, query: str = "", timeout: float = 20):
        self.url, self.query, self.timeout = url.rstrip("/"), query, timeout
        self.cookies: dict[str, str] = {}
        self.session_id = ""
        self.drawn = Drawn()
        self.states: dict[str, WidgetState] = {}  # widget states sent with every rerun, as a browser does
        self.ws = None
        self.first_map_s: float | None = None     # page requested -> first run (the map) finished
        self.complete_s: float | None = None      # page requested -> the whole page drawn (second run)
        self.runs = 0

    async def __aenter__(self) -> Visitor:
        return self

    async def __aexit__(self, *exc) -> None:
        if self.ws is not None:
            await self.ws.close()

    # --- opening: the page, the websocket, the first map, the rest -------------------------------------

    async def open(self, complete: bool = True) -> None:
        """Load the page (its cookies: affinity, XSRF), run the app, then report the map drawn (second run)."""
        began = time.monotonic()
        self.cookies = await asyncio.to_thread(self._get_page)
        self.ws = await websockets.connect(
            self.url.replace("http://", "ws://", 1) + "/_stcore/stream", subprotocols=["streamlit"], origin=self.url,
            max_size=None, ping_interval=None, open_timeout=6 * self.timeout,
            additional_headers={"Cookie": self._cookie_header()} if self.cookies else None)
        await self._rerun([], "", timeout=6 * self.timeout)
        if self.drawn.control is None:
            raise VisitError("the app opened without its time control")
        self.first_map_s = time.monotonic() - began
        if complete:
            drawn = WidgetState(id=self.drawn.control["id"], json_value=json.dumps({"drawn": True}))
            await self._rerun([drawn], self.drawn.control["fragment"], timeout=6 * self.timeout)
            self.complete_s = time.monotonic() - began

    def _get_page(self) -> dict[str, str]:
        """The page, then its health check, as the browser loads them: the proxy's affinity cookie, then
        Streamlit's XSRF cookie (set by /_stcore/health; an upload must send it back)."""
        with urllib.request.urlopen(f"{self.url}/?{self.query}", timeout=6 * self.timeout) as response:
            response.read()
            cookies = _cookies(response)
        request = urllib.request.Request(f"{self.url}/_stcore/health",
                                         headers={"Cookie": "; ".join(f"{k}={v}" for k, v in cookies.items())})
        with urllib.request.urlopen(request, timeout=6 * self.timeout) as response:
            response.read()
            return cookies | _cookies(response)

    def _cookie_header(self) -> str:
        return "; ".join(f"{k}={v}" for k, v in self.cookies.items())

    # --- runs --------------------------------------------------------------------------------------------

    async def _rerun(self, widgets: list[WidgetState], fragment_id: str = "", timeout: float | None = None
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
        await self.ws.send(msg.SerializeToString())
        return await self._until_finished(timeout or self.timeout)

    async def _until_finished(self, timeout: float) -> list[ForwardMsg]:
        """Read until the run finishes; a run that ends early for another (`st.rerun`) is followed by it."""
        seen: list[ForwardMsg] = []
        self.drawn.alerts, self.drawn.html = [], []
        registered: dict[str, float] = {}  # fragments that asked to rerun themselves in this run
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
                elif kind == "auto_rerun":
                    registered[msg.auto_rerun.fragment_id] = msg.auto_rerun.interval
                    self.drawn.auto_reruns[msg.auto_rerun.fragment_id] = msg.auto_rerun.interval
                elif kind == "stop_auto_rerun":
                    self.drawn.auto_reruns.clear()
                elif kind == "script_finished":
                    self.runs += 1
                    if msg.script_finished not in DONE and msg.script_finished != ForwardMsg.FINISHED_EARLY_FOR_RERUN:
                        raise VisitError(f"a run ended with status {msg.script_finished}")
                    if msg.script_finished == ForwardMsg.FINISHED_EARLY_FOR_RERUN:
                        continue  # st.rerun(): another run follows
                    if msg.script_finished == ForwardMsg.FINISHED_SUCCESSFULLY:  # a whole-page run: as the browser,
                        self.drawn.auto_reruns = registered  # keep following only the fragments it drew
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
        elif kind == "bidi_component" and element.bidi_component.component_name == TIME_CONTROL:
            data = json.loads(element.bidi_component.json)
            if data.get("role") == "control" and data.get("mode") == "explore":
                self.drawn.control = {"id": element.bidi_component.id, "fragment": msg.delta.fragment_id,
                                      "keys": [s["key"] for s in data["steps"]]}

    # --- what a visitor does -------------------------------------------------------------------------------

    async def release(self, key: str) -> float:
        """Let go of the time control at the step `key`; returns seconds until that rerun finished."""
        control = self.drawn.control
        state = WidgetState(id=control["id"], json_value=json.dumps({"at": {"key": key, "n": time.time_ns()}}))
        sent = time.monotonic()
        await self._rerun([state], control["fragment"])
        return time.monotonic() - sent

    async def press(self, label: str, timeout: float | None = None) -> list[ForwardMsg]:
        """Press the button labelled `label` (a whole-page run)."""
        if label not in self.drawn.buttons:
            raise VisitError(f"no button {label!r} on the page (buttons: {sorted(self.drawn.buttons)})")
        return await self._rerun([WidgetState(id=self.drawn.buttons[label], trigger_value=True)], "",
                                 timeout=timeout)

    async def choose(self, label: str, option: str) -> None:
        """Choose `option` (as the page words it) in the radio labelled `label`."""
        await self._rerun([WidgetState(id=self.drawn.radios[label], string_value=option)], "")

    async def choose_file(self, label: str, name: str, content: bytes, timeout: float | None = None) -> None:
        """Upload `content` as `name` into the file uploader labelled `label`, as the browser does: ask for an
        upload address, PUT the file there, then run with the uploader's new state."""
        uploader = self.drawn.uploaders[label]
        request = BackMsg()
        request.file_urls_request.CopyFrom(FileURLsRequest(request_id=uuid.uuid4().hex, file_names=[name],
                                                           session_id=self.session_id))
        await self.ws.send(request.SerializeToString())
        async with asyncio.timeout(timeout or self.timeout):
            while True:
                msg = ForwardMsg()
                msg.ParseFromString(await self.ws.recv())
                if msg.WhichOneof("type") == "file_urls_response":
                    urls = msg.file_urls_response.file_urls[0]
                    break
        await asyncio.to_thread(self._put, urls.upload_url, name, content, timeout or self.timeout)
        state = WidgetState(id=uploader)
        state.file_uploader_state_value.uploaded_file_info.append(UploadedFileInfo(
            name=name, size=len(content), file_id=urls.file_id, file_urls=urls))
        await self._rerun([state], "", timeout=timeout)

    def _put(self, upload_url: str, name: str, content: bytes, timeout: float) -> None:
        boundary = uuid.uuid4().hex
        body = (f"--{boundary}\r\nContent-Disposition: form-data; name=\"file\"; filename=\"{name}\"\r\n"
                "Content-Type: application/octet-stream\r\n\r\n").encode() + content + f"\r\n--{boundary}--\r\n".encode()
        url = upload_url if upload_url.startswith("http") else self.url + upload_url
        request = urllib.request.Request(url, data=body, method="PUT", headers={
            "Content-Type": f"multipart/form-data; boundary={boundary}", "Cookie": self._cookie_header(),
            "X-Xsrftoken": self.cookies.get("_streamlit_xsrf", "")})
        with urllib.request.urlopen(request, timeout=6 * timeout) as response:
            response.read()

    async def follow(self, done, timeout: float) -> None:
        """Let the fragments that rerun themselves (`run_every`) run, as the browser schedules them, until
        `done(self.drawn)` is true; VisitError if it is not within `timeout` seconds."""
        deadline = time.monotonic() + timeout
        while not done(self.drawn):
            if time.monotonic() > deadline:
                raise VisitError(f"nothing came within {timeout:.0f} s")
            if not self.drawn.auto_reruns:
                raise VisitError("the page stopped following, with nothing to show")
            fragment, interval = next(iter(self.drawn.auto_reruns.items()))
            await asyncio.sleep(interval)
            await self._rerun([], fragment)

    async def fetch(self, url: str) -> bytes:
        """GET a download the page links to (as the browser would, with its cookies)."""
        def get() -> bytes:
            request = urllib.request.Request(url if url.startswith("http") else self.url + url,
                                             headers={"Cookie": self._cookie_header()})
            with urllib.request.urlopen(request, timeout=6 * self.timeout) as response:
                return response.read()
        return await asyncio.to_thread(get)
