"""Find and launch a headless Chromium for snapshots and browser tests.

Order: `$JULIACA_CHROMIUM`, then Debian's or Ubuntu's system Chromium, then Playwright's own
browser (installed with `python -m playwright install chromium`). Never downloads anything.
"""

from __future__ import annotations

import os
import shutil
import sys
from pathlib import Path

SYSTEM_CANDIDATES = ("/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/bin/google-chrome")
LAUNCH_ARGS = (
    "--no-sandbox", "--disable-gpu", "--disable-background-networking",
    "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-quic",
)
# Resolve no host name but loopback: proves the page needs no network.
OFFLINE_ARG = "--host-resolver-rules=MAP * ~NOTFOUND , EXCLUDE localhost , EXCLUDE 127.0.0.1"
HOW_TO_GET_ONE = (
    "No Chromium found. Install one: `apt-get install chromium` (Debian/Ubuntu), or "
    "`.venv/bin/python -m playwright install chromium`, or set JULIACA_CHROMIUM to a Chromium executable."
)


def system_chromium() -> str | None:
    """The path of a system Chromium, or None."""
    configured = os.environ.get("JULIACA_CHROMIUM")
    if configured:
        return configured if Path(configured).is_file() else None
    for candidate in SYSTEM_CANDIDATES:
        if Path(candidate).is_file():
            return candidate
    return shutil.which("chromium")


def playwright_chromium(playwright=None) -> str | None:
    """The path of Playwright's own Chromium if it has been installed, else None."""
    if playwright is not None:
        path = playwright.chromium.executable_path
    else:
        from playwright.sync_api import sync_playwright

        with sync_playwright() as p:
            path = p.chromium.executable_path
    return path if path and Path(path).is_file() else None


def find_chromium(playwright=None) -> str:
    """A Chromium executable to launch; raises RuntimeError saying how to get one."""
    configured = os.environ.get("JULIACA_CHROMIUM")
    if configured and not Path(configured).is_file():
        raise RuntimeError(f"JULIACA_CHROMIUM is set to {configured!r}, which is not a file. " + HOW_TO_GET_ONE)
    found = system_chromium() or playwright_chromium(playwright)
    if not found:
        raise RuntimeError(HOW_TO_GET_ONE)
    return found


def launch(playwright, *, offline: bool = True):
    """Launch headless Chromium from a Playwright instance, with no network but loopback if `offline`."""
    args = list(LAUNCH_ARGS) + ([OFFLINE_ARG] if offline else [])
    return playwright.chromium.launch(executable_path=find_chromium(playwright), headless=True, args=args)


if __name__ == "__main__":
    if "--check" in sys.argv:
        try:
            print(f"Chromium: {find_chromium()}")
        except RuntimeError as err:
            print(err, file=sys.stderr)
            sys.exit(1)
