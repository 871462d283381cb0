"""Share this moment: the link to the exact view, the embed code of the same moment from the exported
site, and the key moment's own page, each with a Copy button; the alt text; the classroom handout.

The exported site's address comes from `JULIACA_SITE_URL` (where `python -m geo export-html` was
published). The texts to copy are the browser app's (geo/web/app/host-streamlit.js): the values travel as
JSON `data` and are set with `value` and `textContent`; no text is ever run or parsed as markup. The link
and the embed code follow the time the browser shows; the alt text is made by the server for that time.
"""

from __future__ import annotations

import html
import os
from urllib.parse import urlencode

import streamlit as st

from geo.model.moments import Moment
from geo.model.params import ViewState, step_key, steps_for, to_params
from geo.text.i18n import text
from ui.common import Page
from ui.time_control import copy_field, file_button

SITE_URL_VARIABLE = "JULIACA_SITE_URL"
FALLBACK_APP_URL = "http://localhost:8501/"


def site_url() -> str | None:
    """Where the exported site is published (from JULIACA_SITE_URL), ending in /, or None."""
    value = os.environ.get(SITE_URL_VARIABLE, "").strip()
    if not value.startswith(("https://", "http://")) or any(c in value for c in " \"'<>"):
        return None
    return value if value.endswith("/") else value + "/"


def app_link(view: ViewState) -> str:
    """The link that reproduces the view in this app."""
    base = st.context.url or FALLBACK_APP_URL
    return f"{base.split('?')[0]}?{urlencode(to_params(view), safe=':,')}"


def embed_code(site: str, view: ViewState) -> str:
    """The iframe of the exported page at the view's moment, and the parent script of docs/journalists.md that
    sizes it."""
    query = urlencode({"t": step_key(view.t, view.scale), "lang": view.lang, "view": view.view}, safe=":")
    title = html.escape(text(view.lang, "title"), quote=True)
    label = html.escape(text(view.lang, "embed_label"), quote=True)
    return (
        f'<iframe class="juliaca-embed" src="{html.escape(f"{site}index.html?{query}", quote=True)}" '
        f'title="{title}" aria-label="{label}" width="100%" height="720" style="border:0; display:block" '
        f'loading="lazy"></iframe>\n' + PARENT_SCRIPT
    )


PARENT_SCRIPT = """<script>
window.addEventListener("message", function (event) {
  var data = event.data;
  if (!data || data.type !== "juliaca:height" || typeof data.height !== "number") return;
  document.querySelectorAll("iframe.juliaca-embed").forEach(function (frame) {
    if (frame.contentWindow !== event.source) return;  // only the map's own frame resizes itself
    frame.style.height = Math.min(Math.max(Math.ceil(data.height), 200), 4000) + "px";
  });
});
</script>"""


def share_section(page: Page, view: ViewState, moment: Moment | None = None) -> None:
    """The Share this moment popover: link, embed code, the key moment's page, and the alt text."""
    with st.popover(text(page.lang, "share_heading"), icon=":material/share:"):
        explore = view.mode == "explore"
        copy_field(
            "share-link",
            text(page.lang, "share_link"),
            app_link(view),
            page.lang,
            follow="address" if explore else None,
        )
        site = site_url()
        if site:
            copy_field(
                "share-embed",
                text(page.lang, "share_embed"),
                embed_code(site, view),
                page.lang,
                rows=5,
                follow="time" if explore else None,
                step_key=step_key(view.t, view.scale),
            )
            if moment is not None:
                copy_field(
                    "share-moment", text(page.lang, "share_moment_page"), f"{site}moments/{moment.id}/", page.lang
                )
        else:
            st.caption(text(page.lang, "share_no_site"))
        file_button(
            "share-alt",
            text(page.lang, "share_alt_download"),
            text(page.lang, "share_alt"),
            "alt",
            page.lang,
            lambda what, key: _alt_file(page, view, moment, key),
        )


def _alt_file(page: Page, view: ViewState, moment: Moment | None, key: str) -> tuple[str, str, bytes]:
    """The alt text as a file, at the step `key` the browser shows (the moment's own in classroom mode)."""
    if moment is None:
        found = [t for t in steps_for(view.scale) if step_key(t, view.scale) == key]
        view = view.with_time(found[0], view.scale) if found else view
    return f"juliaca-{view.t.strftime('%Y%m%d-%H%M')}.txt", "text/plain", alt_text(page, view, moment).encode("utf-8")


def alt_text(page: Page, view: ViewState, moment: Moment | None = None) -> str:
    """The suggested alt text of the view's image, made when asked (it is not needed at every step)."""
    from geo.text.describe import describe_moment

    return (
        describe_moment(
            page.index,
            page.places,
            view.t,
            scale=view.scale,
            lang=view.lang,
            view=view.view,
            categories=view.categories,
            highlight=moment.event_ids if moment else (),
            source=page.mask,
        )
        + "\n"
    )


@st.cache_data(max_entries=2, show_spinner=False)
def _handout(lang: str, data_dir: str) -> bytes:
    from geo.data.load import load_dataset
    from geo.model.moments import load_moments
    from geo.model.timeline import index_events
    from geo.output.handout import handout_pdf

    data = load_dataset(data_dir, strict=False)
    index = index_events(data.events, data.places, data.record)
    return handout_pdf(index, data.places, load_moments(index), lang)


def handout_button(page: Page) -> None:
    """Classroom mode: the handout as a PDF, made on the first click in each language (about a minute)."""
    from geo.data.load import default_data_dir
    from ui.images import can_render_images

    if not page.moments:
        return
    if not can_render_images():  # the handout's maps are drawn like the images: say what the server lacks
        st.caption(text(page.lang, "download_png_unavailable"))
        return
    st.download_button(
        text(page.lang, "handout_button"),
        data=lambda: _handout(page.lang, str(default_data_dir())),
        file_name=f"juliaca-{page.lang}.pdf",
        mime="application/pdf",
        on_click="ignore",
        help=text(page.lang, "handout_help"),
        icon=":material/picture_as_pdf:",
    )
