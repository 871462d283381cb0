"""Find and launch a headless Chromium for snapshots and browser tests.

Order: `$JULIACA_CHROMIUM`, then Debian's or Ubuntu's system Chromium, then Playwright's own
browser (installed with `python -m playwright install chromium`). Never downloads anything.

Chromium's sandbox is on unless it cannot be: as root (Chromium refuses to sandbox itself then), or
where `JULIACA_CHROMIUM_SANDBOX=off` says the host forbids the user namespaces it needs (a container
under the default seccomp profile: see docs/operations.md, "Images"). Chromium never gets the server's
environment (its secrets): only the few variables it needs to find fonts and a home.
"""

from __future__ import annotations

import os
import shutil
import sys
from pathlib import Path

SYSTEM_CANDIDATES = ("/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/bin/google-chrome")
# For pictures, Chromium's headless shell when it is there (Debian: chromium-headless-shell): the same engine
# without the browser around it, about 100 MB smaller while two pictures are drawn (docs/operations.md).
HEADLESS_SHELL_CANDIDATES = ("/usr/lib/chromium/chromium-headless-shell", "/usr/bin/chromium-headless-shell")
LAUNCH_ARGS = (
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--disable-quic",
    "--disable-dev-shm-usage",  # a container's /dev/shm is 64 MB: shared memory goes to /tmp instead
)
SANDBOX_VARIABLE = "JULIACA_CHROMIUM_SANDBOX"  # "on", "off", or unset: on unless running as root
_ENVIRONMENT = (
    "PATH",
    "HOME",
    "LANG",
    "LC_ALL",
    "TZ",
    "TMPDIR",
    "XDG_RUNTIME_DIR",
    "XDG_CACHE_HOME",
    "XDG_CONFIG_HOME",
    "FONTCONFIG_FILE",
    "FONTCONFIG_PATH",
)
INSTALL_PNG = (
    "Images (PNG, GIF, MP4, share cards, the handout) need the optional package Playwright: "
    "`pip install -e '.[png]'` (`make run` installs it), and a Chromium."
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
    """The path of Playwright's own Chromium if it has been installed, else None (also without Playwright)."""
    if playwright is not None:
        path = playwright.chromium.executable_path
    elif not playwright_available():
        return None
    else:
        from playwright.sync_api import sync_playwright

        with sync_playwright() as p:
            path = p.chromium.executable_path
    return path if path and Path(path).is_file() else None


def find_renderer_chromium() -> str:
    """The Chromium that draws pictures: `$JULIACA_CHROMIUM`, else the headless shell, else `find_chromium`."""
    if not os.environ.get("JULIACA_CHROMIUM"):
        for candidate in HEADLESS_SHELL_CANDIDATES:
            if Path(candidate).is_file():
                return candidate
    return find_chromium()


def find_chromium(playwright=None) -> str:
    """A Chromium executable to launch; raises RuntimeError saying how to get one."""
    configured = os.environ.get("JULIACA_CHROMIUM")
    if configured and not Path(configured).is_file():
        raise RuntimeError(f"JULIACA_CHROMIUM is set to {configured!r}, which is not a file. " + HOW_TO_GET_ONE)
    found = system_chromium() or playwright_chromium(playwright)
    if not found:
        raise RuntimeError(HOW_TO_GET_ONE)
    return found


def sandboxed(euid: int | None = None, setting: str | None = None) -> bool:
    """Whether Chromium runs in its sandbox: `JULIACA_CHROMIUM_SANDBOX` (on/off), else on unless root.

    >>> sandboxed(euid=1000, setting=""), sandboxed(euid=0, setting=""), sandboxed(euid=1000, setting="off")
    (True, False, False)
    """
    setting = (os.environ.get(SANDBOX_VARIABLE, "") if setting is None else setting).strip().lower()
    if setting in ("on", "off"):
        return setting == "on"
    return (os.geteuid() if euid is None else euid) != 0


def browser_environment() -> dict[str, str]:
    """What Chromium is given of the server's environment: where to find fonts, a home, the language."""
    return {name: os.environ[name] for name in _ENVIRONMENT if name in os.environ}


def playwright_available() -> bool:
    """Whether the optional package Playwright is installed (`pip install -e '.[png]'`)."""
    import importlib.util

    return importlib.util.find_spec("playwright") is not None


def launch_options(executable: str, *, offline: bool) -> dict:
    """The arguments of `chromium.launch`: `executable`, the sandbox if possible, a small environment, and
    with `offline`, no host name resolved but loopback."""
    return {
        "executable_path": executable,
        "headless": True,
        "chromium_sandbox": sandboxed(),
        "env": browser_environment(),
        "args": list(LAUNCH_ARGS) + ([OFFLINE_ARG] if offline else []),
    }


def launch(playwright, *, offline: bool = True):
    """Launch headless Chromium from a Playwright instance, with no network but loopback if `offline`."""
    return playwright.chromium.launch(**launch_options(find_chromium(playwright), offline=offline))


if __name__ == "__main__":
    if "--check" in sys.argv:
        if not playwright_available():
            print(INSTALL_PNG, file=sys.stderr)
            sys.exit(1)
        try:
            print(f"Chromium: {find_chromium()} (sandbox {'on' if sandboxed() else 'off'})")
        except RuntimeError as err:
            print(err, file=sys.stderr)
            sys.exit(1)
