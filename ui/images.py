"""Whether and where the app's images are made (issue 21): by the server's one browser, two images at a time,
the rest waiting their turn, an image already made for anyone given at once (geo.output.render). The browser
app's "This view (PNG)" asks for it and says it is being made while it waits (ui/explore.py, snapshot_png)."""

from __future__ import annotations

import streamlit as st

from geo.output.browser import INSTALL_PNG, find_renderer_chromium, playwright_available


@st.cache_resource
def image_cache():
    """The process's images, by what they show (geo.output.render.ImageCache)."""
    from geo.output.render import ImageCache

    return ImageCache()


@st.cache_resource
def can_render_images() -> bool:
    """Playwright (the `png` extra) and a Chromium are both on the server; the log says what is missing."""
    import logging

    if not playwright_available():
        logging.getLogger("juliaca").warning("PNG downloads are off: %s", INSTALL_PNG)
        return False
    try:
        find_renderer_chromium()
    except RuntimeError as missing:
        logging.getLogger("juliaca").warning("PNG downloads are off: %s", missing)
        return False
    return True
