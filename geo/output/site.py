"""The exported site for newsrooms and classrooms: the self-contained page with its share card, and one
small static page per key moment with its own card.

    site/index.html                the map (geo.output.export), with og: and twitter: tags
    site/card.png, card.txt        its card: a 1200x630 snapshot with the credits burned in, and its alt text
    site/moments/index.html        the key moments, linked
    site/moments/<id>/index.html   one key moment: title, time, caption, counters, events with their
                                   source sentences, a link that opens the map there, and its card

Crawlers do not run JavaScript and want absolute image addresses: `base_url` (where `site/` will be
published) makes them absolute; without it they are relative, and docs/journalists.md says to set it.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from pathlib import Path
from urllib.parse import urlencode

import geopandas as gpd
from jinja2 import Environment
from markupsafe import Markup

from geo.data.vocab import COUNT_COLUMNS
from geo.map.assets import WEB_DIR
from geo.model.moments import Moment
from geo.model.params import step_key, steps_for
from geo.model.timeline import EventIndex, toll_as_worded, toll_start
from geo.output.alttext import png_with_text, write_sidecar
from geo.output.export import PageOptions, credit_line, export_site, step_credit
from geo.text.describe import describe_moment
from geo.text.events import event_texts
from geo.text.i18n import STRINGS, text
from geo.text.labels import clock_label, count_label
from geo.text.sources import credit_of

CARD_SIZE = (1200, 630)
CARD_STEP = 18  # the site's own card shows 9 January at 18:00, after the shooting
TWITTER_ALT_LIMIT = 420  # characters X/Twitter keeps of an image's alt text
_ENV = Environment(autoescape=True)


@dataclass(frozen=True)
class Card:
    """What a link preview shows: title, description, image (address) and its alt text, page address."""

    title: str
    description: str
    lang: str
    image: str | None = None
    image_alt: str = ""
    url: str | None = None

    @property
    def locale(self) -> str:
        return {"en": "en_GB", "es": "es_PE"}[self.lang]

    @property
    def site_name(self) -> str:
        return text(self.lang, "title")

    @property
    def twitter_alt(self) -> str:
        return shorten(self.image_alt, TWITTER_ALT_LIMIT)


def shorten(value: str, limit: int) -> str:
    """`value` cut at a word boundary to at most `limit` characters, with an ellipsis if cut.

    >>> shorten("one two three", 9)
    'one two…'
    """
    if len(value) <= limit:
        return value
    return value[: limit - 1].rsplit(" ", 1)[0].rstrip(",;:") + "…"


def address(base_url: str | None, relative: str) -> str:
    """The address of a file of the site: absolute under `base_url` when given, else relative.

    >>> address("https://example.org/juliaca", "moments/strike/card.png")
    'https://example.org/juliaca/moments/strike/card.png'
    >>> address(None, "card.png")
    'card.png'
    """
    if not base_url:
        return relative
    return base_url.rstrip("/") + "/" + relative


def card_meta(card: Card) -> str:
    """The page's Open Graph and Twitter tags, every value escaped."""
    return _ENV.from_string((WEB_DIR / "card.html").read_text(encoding="utf-8")).render(card=card)


def map_link(moment: Moment, lang: str, up: str) -> str:
    """The link that opens the exported map at a moment: `../../index.html?t=…&lang=…&view=…`."""
    query = {"t": step_key(moment.t, moment.scale), "lang": lang, "view": moment.view}
    return f"{up}index.html?" + urlencode(query, safe=":")


def moment_options(moment: Moment, options: PageOptions) -> PageOptions:
    """The snapshot of a moment: its step, view and highlighted events, in the site's language and base."""
    step = steps_for(moment.scale).index(moment.t)
    return replace(
        options,
        view=moment.view,
        scale=moment.scale,
        step=step,
        highlight=moment.event_ids,
        snapshot=True,
        categories=None,
    )


def _write_card(png: bytes, path: Path, alt: str, options: PageOptions, credit: str) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(png_with_text(png, alt, text(options.lang, "title"), credit))
    write_sidecar(path, alt)


def _card_alt(index: EventIndex, places: gpd.GeoDataFrame, options: PageOptions) -> str:
    t = steps_for(options.scale)[options.step]
    return describe_moment(
        index, places, t, scale=options.scale, lang=options.lang, view=options.view, highlight=options.highlight
    )


def render_cards(index: EventIndex, places: gpd.GeoDataFrame, shots: list[tuple[PageOptions, Path]]) -> None:
    """Photograph every card in one browser and write each PNG (alt text inside) and its .txt."""
    from geo.output.render import render_views

    pngs = render_views(index, places, [o for o, _ in shots], *CARD_SIZE, legend=False)
    for (options, path), png in zip(
        shots, pngs, strict=True
    ):  # each card credits the sources of what its picture shows
        _write_card(png, path, _card_alt(index, places, options), options, step_credit(index, options))


def moment_counters(index: EventIndex, moment: Moment, lang: str) -> list[tuple[str, str]]:
    """(label, value) of the four counters at a moment, as the app shows them ("over 100")."""
    worded = toll_as_worded(index, moment.t, toll_start(moment.scale))
    return [(text(lang, name), count_label(*worded[name], lang)) for name in COUNT_COLUMNS]


def moment_events(index: EventIndex, places: gpd.GeoDataFrame, moment: Moment, lang: str) -> list[dict]:
    """The moment's events in time order, with their display text and source sentence."""
    events = index.events[index.events["id"].isin(set(moment.event_ids))]
    columns = event_texts(events, places, lang)
    return [{name: values[k] for name, values in columns.items()} for k in range(len(events))]


def moments_credit(index: EventIndex, moments: list[Moment], lang: str, base: str) -> str:
    """The credit line of pages about `moments` (one moment's page, a handout page, the list of moments):
    the sources of exactly their events, the licences, the map data."""
    wanted = {event_id for moment in moments for event_id in moment.event_ids}
    events = index.events[index.events["id"].isin(wanted)]
    return credit_line(lang, base, credit_of(index.record, events, lang, sentence=False))


def moment_page(
    index: EventIndex,
    places: gpd.GeoDataFrame,
    moments: list[Moment],
    k: int,
    options: PageOptions,
    base_url: str | None,
    image: bool,
) -> str:
    """The static page of moment `k`, in the site's language."""
    lang, moment = options.lang, moments[k]
    shot = moment_options(moment, options)
    alt = _card_alt(index, places, shot)
    relative = f"moments/{moment.id}/"
    card = Card(
        moment.title[lang],
        shorten(moment.caption[lang], 300),
        lang,
        address(base_url, relative + "card.png") if image else None,
        alt,
        address(base_url, relative) if base_url else None,
    )
    template = _ENV.from_string((WEB_DIR / "moment.html").read_text(encoding="utf-8"))
    return template.render(
        lang=lang,
        title=moment.title[lang],
        site_title=text(lang, "title"),
        card_meta=Markup(card_meta(card)),
        words=STRINGS[lang],
        up="../../",
        previous=_neighbour(moments, k - 1, lang),
        next=_neighbour(moments, k + 1, lang),
        position=text(lang, "present_position", i=k + 1, n=len(moments)),
        clock=clock_label(moment.t, moment.scale, lang),
        caption=moment.caption[lang],
        map_link=map_link(moment, lang, "../../"),
        image=image,
        alt=alt,
        counters=moment_counters(index, moment, lang),
        events=moment_events(index, places, moment, lang),
        credit=moments_credit(index, [moment], lang, options.base),
        licence=text(lang, "handout_licence"),
    )


def _neighbour(moments: list[Moment], j: int, lang: str) -> dict | None:
    """The previous or next moment's id and title, for the links between pages (None past either end)."""
    return {"id": moments[j].id, "title": moments[j].title[lang]} if 0 <= j < len(moments) else None


def moments_index(
    moments: list[Moment],
    options: PageOptions,
    base_url: str | None,
    image: bool,
    image_alt: str = "",
    credit: str | None = None,
) -> str:
    """The list of key moments, linked; its card is the site's own (`image_alt` its alt text); `credit`: its
    credit line (`moments_credit`), else the article's."""
    lang = options.lang
    card = Card(
        text(lang, "moment_all"),
        text(lang, "card_description"),
        lang,
        address(base_url, "card.png") if image else None,
        image_alt,
        address(base_url, "moments/") if base_url else None,
    )
    template = _ENV.from_string((WEB_DIR / "moments.html").read_text(encoding="utf-8"))
    return template.render(
        lang=lang,
        heading=text(lang, "moment_all"),
        site_title=text(lang, "title"),
        card_meta=Markup(card_meta(card)),
        credit=credit or credit_line(lang, options.base),
        moments=[{"id": m.id, "title": m.title[lang], "clock": clock_label(m.t, m.scale, lang)} for m in moments],
    )


def write_site(
    index: EventIndex,
    places: gpd.GeoDataFrame,
    moments: list[Moment],
    out_dir: Path,
    options: PageOptions,
    base_url: str | None = None,
    images: bool = True,
) -> list[Path]:
    """Write the page, its card, and the moment pages into `out_dir`; returns the files written.

    With `images`, the cards are photographed in headless Chromium (RuntimeError if there is none:
    call again with `images=False` for text-only cards)."""
    main_card = replace(options, scale="hour", step=CARD_STEP, snapshot=True, highlight=())
    if images:
        render_cards(
            index,
            places,
            [(main_card, out_dir / "card.png")]
            + [(moment_options(m, options), out_dir / "moments" / m.id / "card.png") for m in moments],
        )
    alt = _card_alt(index, places, main_card)
    card = Card(
        text(options.lang, "title"),
        text(options.lang, "card_description"),
        options.lang,
        address(base_url, "card.png") if images else None,
        alt,
        address(base_url, "") if base_url else None,
    )
    written = [export_site(index, places, out_dir, options, card_meta(card))]
    if moments:
        (out_dir / "moments").mkdir(parents=True, exist_ok=True)
        written.append(out_dir / "moments" / "index.html")
        credit = moments_credit(index, moments, options.lang, options.base)
        written[-1].write_text(moments_index(moments, options, base_url, images, alt, credit), encoding="utf-8")
    for k, moment in enumerate(moments):
        path = out_dir / "moments" / moment.id / "index.html"
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(moment_page(index, places, moments, k, options, base_url, images), encoding="utf-8")
        written.append(path)
    return written
