"""The page on every screen (issue 23): a phone, a laptop, a projector. A compact header, the content note
once in full and then folded into one line, the view and base-map choices next to the map, the map's height
from the screen's, touch targets of 44 px where the pointer is coarse, and classroom mode laid out for a room:
the moment beside a map that fills the screen's height, type that scales with the screen."""

from __future__ import annotations

import streamlit as st

from geo.model.views import BASEMAPS, VIEWS
from ui.common import MAP_KEY, Page

# Every page. Streamlit's own top padding (6rem) and title size leave a phone's map below the fold: a compact
# header instead. The map's frame is as tall as the screen allows (its map fills it: geo/web/app/frame.css).
_PAGE = f"""<style>
.stMainBlockContainer {{ padding-top: 0.75rem; padding-bottom: 3rem; }}
header[data-testid="stHeader"] {{ height: 2.5rem; background: transparent; pointer-events: none; }}
header[data-testid="stHeader"] * {{ pointer-events: auto; }}
.st-key-jm_header h2 {{ font-size: clamp(1.2rem, 1rem + 1vw, 1.7rem); line-height: 1.25; padding: 0; }}
.st-key-jm_header [data-testid="stCaptionContainer"] {{ font-size: 0.9rem; }}
.st-key-jm_header {{ gap: 0.4rem; }}
.st-key-{MAP_KEY} iframe {{ height: clamp(320px, calc(100dvh - 240px), 760px) !important; }}
@media (max-width: 640px) {{
  .stMainBlockContainer {{ padding-left: 0.75rem; padding-right: 0.75rem; }}
  .st-key-{MAP_KEY} iframe {{ height: clamp(300px, 68dvh, 600px) !important; }}
}}
@media (pointer: coarse) {{
  .stApp button, .stApp [role="radio"], .stApp summary, .stApp [data-baseweb="select"] > div {{ min-height: 44px; }}
  .stApp button {{ min-width: 44px; }}  /* the help "?" and the select's arrow too */
  .stApp [data-testid="stCheckbox"] label {{ min-height: 44px; align-items: center; }}
}}
</style>"""


def page_style() -> None:
    """The page's layout for every screen (classroom mode adds its own: ui/present.py)."""
    st.html(_PAGE)


def content_note(page: Page, present: bool) -> None:
    """The content note: in full with its button until read, then folded into one line that opens it again.
    Classroom mode shows it once before the lesson and never during it (nothing is left on the projection)."""
    s = st.session_state
    if not s.note_dismissed:
        # The button under the note, not beside it: in a narrow column its words were cut off.
        st.info(page.t("content_note"))
        st.button(page.t("content_note_ok"), on_click=lambda: s.update(note_dismissed=True))
    elif not present:
        with st.expander(page.t("content_note_heading")):
            st.markdown(page.t("content_note"))


def map_choices(page: Page) -> None:
    """The preset view and the base map, next to the map (they change the map itself: its fragment reruns).
    When the tiles cannot be reached the map takes the offline base by itself (geo/web/app/screen.js)."""
    with st.container(key="jm_map_choices", horizontal=True, gap="medium"):
        st.segmented_control(
            page.t("view"),
            tuple(VIEWS),
            key="view",
            persist_state="page",
            required=True,
            format_func=lambda v: page.t(f"view_{v}"),
        )
        st.segmented_control(
            page.t("basemap"),
            tuple(BASEMAPS),
            key="base",
            persist_state="page",
            required=True,
            format_func=lambda b: page.t(f"basemap_{b}"),
        )
