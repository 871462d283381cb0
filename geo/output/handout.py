"""The classroom handout: an A4 PDF of the key moments, made offline with the project's Chromium.

A cover with the content note, a short method note and the list of moments; one page per key moment
(the map, the time, the caption, the counters, the events with their source sentences, the credits
and the licence); and a last page with the sources. The text is real text: it can be selected,
searched and read aloud.
"""

from __future__ import annotations

import asyncio
import base64

import geopandas as gpd
from jinja2 import Environment

from geo.map.assets import WEB_DIR
from geo.model.moments import Moment
from geo.model.timeline import EventIndex
from geo.output.export import PageOptions
from geo.output.site import moment_counters, moment_events, moment_options, moments_credit
from geo.text.describe import describe_moment
from geo.text.i18n import text
from geo.text.labels import clock_label

IMAGE_SIZE = (1000, 480)  # CSS pixels of each map, photographed at twice the density for print
BASE = "offline"  # a handout is made with no internet


def group_events(events: list[dict]) -> list[dict]:
    """Events that share their source sentence, time, place and status, as one item with every title:
    seven marches quoted from one sentence print that sentence once.

    >>> e = {"title": "A", "time": "t", "place": "p", "status_label": "s", "by": "", "quote": "q", "section": "x"}
    >>> [g["titles"] for g in group_events([e, {**e, "title": "B"}, {**e, "title": "C", "quote": "r"}])]
    [['A', 'B'], ['C']]
    """
    groups: dict[tuple, dict] = {}
    for event in events:
        key = tuple(event[k] for k in ("quote", "section", "time", "place", "status_label", "by"))
        groups.setdefault(key, {**event, "titles": []})["titles"].append(event["title"])
    return list(groups.values())


def _moment_view(
    index: EventIndex, places: gpd.GeoDataFrame, moments: list[Moment], k: int, lang: str, png: bytes
) -> dict:
    moment = moments[k]
    options = moment_options(moment, PageOptions(lang=lang, base=BASE))
    return {
        "position": text(lang, "handout_moment", i=k + 1, n=len(moments)),
        "title": moment.title[lang],
        "clock": clock_label(moment.t, moment.scale, lang),
        "caption": moment.caption[lang],
        "image": "data:image/png;base64," + base64.b64encode(png).decode("ascii"),
        "alt": describe_moment(
            index, places, moment.t, scale=moment.scale, lang=lang, view=moment.view, highlight=options.highlight
        ),
        "counters": moment_counters(index, moment, lang),
        "events": group_events(moment_events(index, places, moment, lang)),
        "credit": moments_credit(index, [moment], lang, BASE),
    }


def handout_html(
    index: EventIndex, places: gpd.GeoDataFrame, moments: list[Moment], lang: str, images: list[bytes]
) -> str:
    """The handout as one HTML document (every value escaped), given one PNG per moment."""
    template = Environment(autoescape=True).from_string((WEB_DIR / "handout.html").read_text(encoding="utf-8"))
    return template.render(
        lang=lang,
        title=text(lang, "title"),
        subtitle=text(lang, "handout_subtitle"),
        content_note=text(lang, "content_note"),
        method_heading=text(lang, "handout_method_heading"),
        method=text(lang, "handout_method"),
        moments_heading=text(lang, "moment_all"),
        moments=[_moment_view(index, places, moments, k, lang, png) for k, png in enumerate(images)],
        events_heading=text(lang, "moment_events"),
        section_word=text(lang, "handout_section"),
        credit=moments_credit(index, moments, lang, BASE),
        licence=text(lang, "handout_licence"),
        sources_heading=text(lang, "handout_sources_heading"),
        sources=text(lang, "handout_sources"),
        quote_note=text(lang, "handout_quote_note"),
        data_credits=text(lang, "handout_data_credits"),
    )


HANDOUT_TIMEOUT_S = 180  # a dozen maps at print density, then the document


def handout_pdf(index: EventIndex, places: gpd.GeoDataFrame, moments: list[Moment], lang: str) -> bytes:
    """The handout as PDF bytes: the maps photographed, then the document printed, in one job of the
    process's browser (`geo.output.renderer`), with no network (RuntimeError if there is no Chromium)."""
    from geo.output.render import views_work
    from geo.output.renderer import renderer

    views = [moment_options(m, PageOptions(lang=lang, base=BASE)) for m in moments]

    async def work(page) -> bytes:
        images = await views_work(index, places, views)(page)
        await page.set_content(await asyncio.to_thread(handout_html, index, places, moments, lang, images))
        await page.emulate_media(media="print")
        return await page.pdf(format="A4", print_background=True, prefer_css_page_size=True, tagged=True, outline=True)

    return renderer().run(work, width=IMAGE_SIZE[0], height=IMAGE_SIZE[1], scale=2, timeout=HANDOUT_TIMEOUT_S)
