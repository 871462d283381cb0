"""Share this moment: the link to the exact view, the embed code of the same moment from the exported
site, and the key moment's own page, each with a Copy button; the alt text; the classroom handout.

The exported site's address comes from `JULIACA_SITE_URL` (where `python -m geo export-html` was
published). Copying needs a few lines of JavaScript: the values travel as JSON `data` and are set with
`value` and `textContent`; no text is ever run or parsed as markup.
"""

from __future__ import annotations

import html
import os
from urllib.parse import urlencode

import streamlit as st

from geo.model.moments import Moment
from geo.model.params import ViewState, step_key, to_params
from geo.text.i18n import text
from ui.common import Page

SITE_URL_VARIABLE = "JULIACA_SITE_URL"
FALLBACK_APP_URL = "http://localhost:8501/"

_COPY_HTML = """<div class="jm-copy"><label><span class="jm-copy-label"></span>
<textarea readonly spellcheck="false"></textarea></label>
<div class="jm-copy-row"><button type="button"></button><span class="jm-copy-status" role="status"></span></div></div>"""
_COPY_CSS = """.jm-copy label { display: block; font-size: 0.9rem; }
.jm-copy textarea { display: block; width: 100%; margin-top: 4px; font: 0.8rem ui-monospace, monospace; resize: vertical; }
.jm-copy-row { display: flex; gap: 10px; align-items: center; margin: 4px 0 10px; }
.jm-copy button { font: inherit; padding: 4px 12px; border: 1px solid #555; border-radius: 6px; background: #fff;
  color: #111; cursor: pointer; min-height: 32px; }
.jm-copy button:focus-visible { outline: 3px solid #0072B2; outline-offset: 2px; }
.jm-copy-status { font-size: 0.9rem; font-weight: 600; color: #1b5e20; }"""
# Data only: every value arrives as JSON in `data`, goes in with .value / .textContent, and is never run.
_COPY_JS = """export default function (component) {
  const data = component.data || {};
  const root = component.parentElement.querySelector(".jm-copy");
  const field = root.querySelector("textarea"), button = root.querySelector("button");
  const status = root.querySelector(".jm-copy-status");
  root.querySelector(".jm-copy-label").textContent = String(data.label || "");
  if (field.value !== String(data.value || "")) status.textContent = "";
  field.value = String(data.value || "");
  field.rows = Number(data.rows) || 2;
  button.textContent = String(data.copy || "Copy");
  button.onclick = function () {
    const done = function () { status.textContent = "✓ " + String(data.copied || ""); };
    const byHand = function () {
      field.focus(); field.select();
      let ok = false;
      try { ok = document.execCommand("copy"); } catch (error) { ok = false; }
      status.textContent = ok ? "✓ " + String(data.copied || "") : String(data.failed || "");
    };
    if (navigator.clipboard && window.isSecureContext) navigator.clipboard.writeText(field.value).then(done, byHand);
    else byHand();
  };
}"""


@st.cache_resource
def _copy_component():
    """Registered once per server process."""
    return st.components.v2.component("juliaca_copy", html=_COPY_HTML, css=_COPY_CSS, js=_COPY_JS)


def copy_field(key: str, label: str, value: str, lang: str, rows: int = 2) -> None:
    """A read-only text with a Copy button that says so when it has copied."""
    _copy_component()(key=key, data={"label": label, "value": value, "rows": rows, "copy": text(lang, "share_copy"),
                                     "copied": text(lang, "share_copied"), "failed": text(lang, "share_copy_failed")})


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
    """The iframe of the exported page at the view's moment, and the parent script of docs/journalists.md that sizes it."""
    query = urlencode({"t": step_key(view.t, view.scale), "lang": view.lang, "view": view.view}, safe=":")
    title = html.escape(text(view.lang, "title"), quote=True)
    label = html.escape(text(view.lang, "embed_label"), quote=True)
    return (f'<iframe class="juliaca-embed" src="{html.escape(f"{site}index.html?{query}", quote=True)}" '
            f'title="{title}" aria-label="{label}" width="100%" height="720" style="border:0; display:block" '
            f'loading="lazy"></iframe>\n' + PARENT_SCRIPT)


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
        copy_field("share-link", text(page.lang, "share_link"), app_link(view), page.lang)
        site = site_url()
        if site:
            copy_field("share-embed", text(page.lang, "share_embed"), embed_code(site, view), page.lang, rows=5)
            if moment is not None:
                copy_field("share-moment", text(page.lang, "share_moment_page"), f"{site}moments/{moment.id}/",
                           page.lang)
        else:
            st.caption(text(page.lang, "share_no_site"))
        st.download_button(text(page.lang, "share_alt_download"), data=lambda: alt_text(page, view, moment),
                           file_name=f"juliaca-{view.t.strftime('%Y%m%d-%H%M')}.txt", mime="text/plain",
                           on_click="ignore", help=text(page.lang, "share_alt"))


def alt_text(page: Page, view: ViewState, moment: Moment | None = None) -> str:
    """The suggested alt text of the view's image, made when asked (it is not needed at every step)."""
    from geo.text.describe import describe_moment

    return describe_moment(page.index, page.places, view.t, scale=view.scale, lang=view.lang, view=view.view,
                           categories=view.categories, highlight=moment.event_ids if moment else ()) + "\n"


@st.cache_data(max_entries=2, show_spinner=False)
def _handout(lang: str, data_dir: str) -> bytes:
    from geo.output.handout import handout_pdf
    from geo.data.load import load_dataset
    from geo.model.moments import load_moments
    from geo.model.timeline import index_events

    data = load_dataset(data_dir, strict=False)
    index = index_events(data.events, data.places)
    return handout_pdf(index, data.places, load_moments(index), lang)


def handout_button(page: Page) -> None:
    """Classroom mode: the handout as a PDF, made on the first click in each language (about a minute)."""
    from geo.data.load import REPO_DATA_DIR
    from ui.images import can_render_images

    if not page.moments:
        return
    if not can_render_images():  # the handout's maps are drawn like the images: say what the server lacks
        st.caption(text(page.lang, "download_png_unavailable"))
        return
    st.download_button(text(page.lang, "handout_button"), data=lambda: _handout(page.lang, str(REPO_DATA_DIR)),
                       file_name=f"juliaca-{page.lang}.pdf", mime="application/pdf", on_click="ignore",
                       help=text(page.lang, "handout_help"), icon=":material/picture_as_pdf:")
