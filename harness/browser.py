"""Helpers for the real-browser tests: start the app on a free port, open it in Chromium with every
non-loopback request blocked, and read the map's state from inside its iframe."""

from __future__ import annotations

import os
import socket
import subprocess
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlparse

from geo.commands.serve import streamlit_command, wait_healthy

ROOT = Path(__file__).resolve().parent.parent
# by its address: its title names the time shown, in the chosen language (issue 11)
MAP_IFRAME = 'iframe[src*="/component/streamlit_folium.st_folium/"]'
LOOPBACK = {"localhost", "127.0.0.1", "::1", "[::1]"}
CORPUS = ROOT / "tests" / "corpus"  # files that upload tests send

# What the browser app's map has drawn is written on its container (geo/web/app/map.js): no global.
DRAWN = """t => { const map = document.querySelector(".jm-map");
    return Boolean(map && map.dataset.t && (!t || map.dataset.t === t)); }"""
DRAWN_FIELD = (
    """name => { const map = document.querySelector(".jm-map"); return map ? map.dataset[name] || null : null; }"""
)
# A test that must drive a Leaflet map (set a view, read its zoom) catches the maps as Leaflet makes them,
# with Leaflet's own plugin hook, installed before any script of the page runs (page.add_init_script). The
# app exposes no map of its own: the test does, for itself. MAP is the app's main map (the newest).
CATCH_MAPS = """(() => { let leaflet; Object.defineProperty(window, "L", {configurable: true, get: () => leaflet,
  set: (value) => { leaflet = value; if (value && value.Map && value.Map.addInitHook)
    value.Map.addInitHook(function () { (window.jmTestMaps = window.jmTestMaps || []).push(this); }); }}); })();"""
MAP = "window.jmTestMaps.filter((m) => m.getContainer().classList.contains('jm-map')).pop()"
PAINTED = """t => { const map = document.querySelector(".jm-map");
    return Boolean(map && map.dataset.paintedAt && (!t || map.dataset.t === t)); }"""


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class AppServer:
    """`streamlit run app.py` on a free loopback port, ready once /_stcore/health answers."""

    def __init__(self, log_path: Path, env: dict[str, str] | None = None, script: Path = ROOT / "app.py"):
        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        self.log = log_path.open("w")
        self.process = subprocess.Popen(
            streamlit_command(script, self.port),
            cwd=ROOT,
            env={**os.environ, **(env or {})},
            stdout=self.log,
            stderr=subprocess.STDOUT,
        )
        self._wait_healthy(timeout=90)

    def _wait_healthy(self, timeout: float) -> None:
        try:
            wait_healthy(self.url, self.process, timeout)
        except RuntimeError as error:
            raise RuntimeError(f"{error}; see {self.log.name}") from error

    def stop(self) -> None:
        self.process.terminate()
        try:
            self.process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            self.process.kill()
        self.log.close()


@dataclass
class Browsing:
    """A page plus what it tried to do that it must not: reach the network, raise, open a dialog."""

    page: object
    errors: list[str] = field(default_factory=list)
    dialogs: list[str] = field(default_factory=list)
    external: list[str] = field(default_factory=list)

    def attach(self, context) -> None:
        self.page.on("pageerror", lambda error: self.errors.append(str(error)))
        self.page.on("dialog", self._on_dialog)
        context.route("**/*", self._route)

    def _on_dialog(self, dialog) -> None:
        self.dialogs.append(dialog.message)
        dialog.dismiss()

    def _route(self, route) -> None:
        url = route.request.url
        parsed = urlparse(url)
        if parsed.scheme in ("http", "https", "ws", "wss") and parsed.hostname not in LOOPBACK:
            self.external.append(url)
            route.abort("internetdisconnected")
        else:
            route.continue_()

    def assert_clean(self) -> None:
        assert self.errors == [], f"page errors: {self.errors}"
        assert self.dialogs == [], f"dialogs opened (script ran): {self.dialogs}"

    def download_image(self, name: str, timeout: float = 120_000):
        """This view's PNG: the browser app's button asks the server for it (the process's one browser, in
        turn: geo/output/render.py) and saves it when it comes; returns Playwright's Download."""
        with self.page.expect_download(timeout=timeout) as download:
            self.page.get_by_role("button", name=name).click()
        return download.value

    # --- the map, inside streamlit-folium's iframe ---

    def map_frame(self):
        handle = self.page.locator(MAP_IFRAME).element_handle(timeout=60_000)
        return handle.content_frame()

    def wait_for_map(self, t_iso: str | None = None, timeout: float = 60_000):
        """Wait until the map has drawn a step (the step at `t_iso` if given); returns the frame."""
        frame = self.map_frame()
        frame.wait_for_function(DRAWN, arg=t_iso, timeout=timeout)
        return frame

    def map_value(self, expression: str):
        return self.map_frame().evaluate(f"() => {expression}")

    def drawn(self, name: str = "t") -> str | None:
        """What the map in the app has drawn, as its container says (`t`, `events`, `marches`, …)."""
        return self.map_frame().evaluate(DRAWN_FIELD, name)

    def address(self) -> str:
        """The address bar as the browser keeps it (Playwright's page.url misses history.replaceState)."""
        return self.page.evaluate("() => location.href")

    def wait_for_address(self, *parts: str, timeout: float = 30_000) -> None:
        """Wait until the address bar holds every one of `parts` (a `:` may be written `%3A`)."""
        self.page.wait_for_function(
            "parts => parts.every(p => location.href.includes(p) || location.href.includes(p.replaceAll(':', '%3A')))",
            arg=list(parts),
            timeout=timeout,
        )


def upload_file(page, path: Path, fmt_label: str | None = None) -> None:
    """Upload `path` through the page's "Bring your own data" (as format `fmt_label` if given)."""
    page.get_by_text("Bring your own data").click()
    if fmt_label:
        page.get_by_text(fmt_label, exact=True).click()
    page.locator("input[type=file]").first.set_input_files(str(path))
    page.get_by_role("button", name="Check and map this file").click()
