"""The words of the newsroom and classroom exports, in English and Spanish: alt text, share cards,
moment pages, the share button and the handout. Kept apart from `geo.i18n.STRINGS` (the app's own
words) so that these features can change without touching the app's texts; the same rules apply,
and `tests/test_describe.py` checks that both languages have every key with the same placeholders.
"""

from __future__ import annotations

STRINGS: dict[str, dict[str, str]] = {
    "en": {
        # alt text (geo.describe)
        "where_airport": "the area around Inca Manco Cápac International Airport, Juliaca",
        "where_region": "the Puno region of southern Peru, around Juliaca",
        "where_peru": "Peru, with Juliaca, Ayacucho and Lima",
        "alt_map": "Map of {where}. Time shown: {clock}.",
        "alt_events_none": "No event has been reported yet at this time.",
        "alt_events_one": "It shows 1 event reported up to this time.",
        "alt_events_other": "It shows {n} events reported up to this time.",
        "alt_new_none": "None is new in this step.",
        "alt_new": "New in this step: {items}.",
        "alt_highlight": "It highlights: {items}.",
        "alt_more": "and {n} more",
        "alt_unmapped_one": "1 of them is listed but not on the map: the source does not say where.",
        "alt_unmapped_other": "{n} of them are listed but not on the map: the source does not say where.",
        "alt_marches": ("Dashed schematic lines show the marches from {n} towns toward Juliaca; "
                        "the source gives no routes."),
        "alt_toll_hour": "Counters for 9 January up to this time, as the source reports them: {counts}.",
        "alt_toll_day": "Counters up to this time, as the source reports them: {counts}.",
        "alt_filter": "Only these kinds of event are shown: {kinds}.",
        "alt_span": "Animated map of {where}, {n} frames, one per step. First frame: {first}. Last frame: {last}.",
        "alt_span_events": "The events reported grow from {first} to {last} over the span.",
        "alt_span_end": "At the last frame:",
        "alt_source": "Source: Wikipedia, “Juliaca massacre” (CC BY-SA 4.0).",
        # share cards and moment pages (geo.export)
        "card_description": ("An hour-by-hour map of 9 January 2023 in Juliaca, Peru, when police opened fire on "
                             "protesters near the airport: at least 18 civilians were killed. Every event quotes "
                             "its source."),
        "moment_open": "Open the interactive map at this moment",
        "moment_all": "All key moments",
        "moment_previous": "Previous moment",
        "moment_next": "Next moment",
        "moment_counters": "Counters at this moment",
        "moment_events": "What the source says",
        "moment_image": "Image of the map (PNG, 1200×630)",
        # the share button (ui.share)
        "share_heading": "Share this moment",
        "share_link": "Link to this exact view",
        "share_embed": "Embed code for this moment (the exported page)",
        "embed_label": "Interactive map of Juliaca, Peru, on 9 January 2023, hour by hour, with its sources",
        "share_copy": "Copy",
        "share_copied": "Copied to the clipboard",
        "share_copy_failed": "Could not copy: select the text and press Ctrl+C (⌘C)",
        "share_no_site": ("Embed code: the exported page has no address yet. Whoever runs this app sets "
                          "JULIACA_SITE_URL to where `python -m geo export-html` was published."),
        "share_moment_page": "Page of this key moment, with its share card",
        "share_alt": "Suggested alt text for the image of this view",
        "share_alt_download": "Alt text (TXT)",
        # the classroom handout (geo.handout)
        "handout_button": "Handout for the class (PDF)",
        "handout_help": "One A4 page per key moment, with the map, caption, counters, sources and credits.",
        "handout_subtitle": "Key moments of the day, for the classroom",
        "handout_method_heading": "How this map was made",
        "handout_method": (
            "Every event comes from the English Wikipedia article “Juliaca massacre”, with the sentence that "
            "supports it quoted word for word. Times are Lima time (UTC−5) and are given only as exactly as the "
            "source gives them: “around 14:00”, “in the afternoon”. March routes are schematic straight lines, "
            "because the source gives no routes. Official claims are attributed, and claims the source reports "
            "evidence against are marked as disputed. The counters add up the deaths and injuries the source "
            "reports up to the time shown; “over 100” injured is counted as 100, a lower bound."),
        "handout_moment": "Moment {i} of {n}",
        "handout_sources_heading": "Sources",
        "handout_sources": (
            "English Wikipedia, “Juliaca massacre”, https://en.wikipedia.org/wiki/Juliaca_massacre (CC BY-SA 4.0). "
            "The article cites The New York Times, El País, La República, IDL-Reporteros, EFE and the IACHR; cite "
            "them for any single fact."),
        "handout_data_credits": (
            "Coordinates: GeoNames (CC BY 4.0) and airportsdata (MIT). Offline map layers: Natural Earth "
            "(public domain) and INEI 2007 department and province limits from juaneladio/peru-geojson (MPL-2.0). "
            "Map: Leaflet (BSD-2-Clause). Code: MIT."),
        "handout_licence": ("Licence: this handout quotes and adapts the Wikipedia article, so it is shared under "
                            "CC BY-SA 4.0. Copy it and share it, with the credits."),
        "handout_quote_note": "Source sentences are quoted in the article's language, English.",
        "handout_section": "Section",
    },
    "es": {
        "where_airport": "los alrededores del Aeropuerto Internacional Inca Manco Cápac, en Juliaca",
        "where_region": "la región Puno, en el sur del Perú, en torno a Juliaca",
        "where_peru": "Perú, con Juliaca, Ayacucho y Lima",
        "alt_map": "Mapa de {where}. Momento mostrado: {clock}.",
        "alt_events_none": "Aún no se ha informado de ningún hecho en este momento.",
        "alt_events_one": "Muestra 1 hecho informado hasta este momento.",
        "alt_events_other": "Muestra {n} hechos informados hasta este momento.",
        "alt_new_none": "Ninguno es nuevo en este paso.",
        "alt_new": "Nuevo en este paso: {items}.",
        "alt_highlight": "Resalta: {items}.",
        "alt_more": "y {n} más",
        "alt_unmapped_one": "1 de ellos se lista pero no está en el mapa: la fuente no indica dónde.",
        "alt_unmapped_other": "{n} de ellos se listan pero no están en el mapa: la fuente no indica dónde.",
        "alt_marches": ("Líneas esquemáticas discontinuas muestran las marchas desde {n} localidades hacia "
                        "Juliaca; la fuente no da las rutas."),
        "alt_toll_hour": "Contadores del 9 de enero hasta este momento, según la fuente: {counts}.",
        "alt_toll_day": "Contadores hasta este momento, según la fuente: {counts}.",
        "alt_filter": "Solo se muestran estos tipos de hecho: {kinds}.",
        "alt_span": "Mapa animado de {where}, {n} fotogramas, uno por paso. Primer fotograma: {first}. Último fotograma: {last}.",
        "alt_span_events": "Los hechos informados pasan de {first} a {last} a lo largo del periodo.",
        "alt_span_end": "En el último fotograma:",
        "alt_source": "Fuente: Wikipedia, «Juliaca massacre» (CC BY-SA 4.0).",
        "card_description": ("Un mapa hora a hora del 9 de enero de 2023 en Juliaca (Perú), cuando la policía "
                             "disparó contra manifestantes cerca del aeropuerto: al menos 18 civiles murieron. "
                             "Cada hecho cita su fuente."),
        "moment_open": "Abrir el mapa interactivo en este momento",
        "moment_all": "Todos los momentos clave",
        "moment_previous": "Momento anterior",
        "moment_next": "Momento siguiente",
        "moment_counters": "Contadores en este momento",
        "moment_events": "Lo que dice la fuente",
        "moment_image": "Imagen del mapa (PNG, 1200×630)",
        "share_heading": "Compartir este momento",
        "share_link": "Enlace a esta vista exacta",
        "share_embed": "Código para insertar este momento (la página exportada)",
        "embed_label": "Mapa interactivo de Juliaca (Perú) el 9 de enero de 2023, hora a hora, con sus fuentes",
        "share_copy": "Copiar",
        "share_copied": "Copiado al portapapeles",
        "share_copy_failed": "No se pudo copiar: seleccione el texto y pulse Ctrl+C (⌘C)",
        "share_no_site": ("Código para insertar: la página exportada aún no tiene dirección. Quien ejecuta esta "
                          "aplicación define JULIACA_SITE_URL con la dirección donde publicó "
                          "`python -m geo export-html`."),
        "share_moment_page": "Página de este momento clave, con su tarjeta para redes",
        "share_alt": "Texto alternativo sugerido para la imagen de esta vista",
        "share_alt_download": "Texto alternativo (TXT)",
        "handout_button": "Material para la clase (PDF)",
        "handout_help": "Una página A4 por momento clave, con el mapa, la leyenda, los contadores, las fuentes y los créditos.",
        "handout_subtitle": "Momentos clave del día, para el aula",
        "handout_method_heading": "Cómo se hizo este mapa",
        "handout_method": (
            "Cada hecho procede del artículo de la Wikipedia en inglés «Juliaca massacre», con la frase que lo "
            "respalda citada textualmente. Las horas son de Lima (UTC−5) y se dan solo con la precisión de la "
            "fuente: «hacia las 14:00», «por la tarde». Las rutas de las marchas son líneas rectas esquemáticas, "
            "porque la fuente no da rutas. Las afirmaciones oficiales se atribuyen, y las que la fuente contradice "
            "con pruebas se marcan como cuestionadas. Los contadores suman las muertes y heridas que informa la "
            "fuente hasta el momento mostrado; «más de 100» heridos se cuenta como 100, una cifra mínima."),
        "handout_moment": "Momento {i} de {n}",
        "handout_sources_heading": "Fuentes",
        "handout_sources": (
            "Wikipedia en inglés, «Juliaca massacre», https://en.wikipedia.org/wiki/Juliaca_massacre (CC BY-SA 4.0). "
            "El artículo cita a The New York Times, El País, La República, IDL-Reporteros, EFE y la CIDH; cítelos "
            "para cada dato concreto."),
        "handout_data_credits": (
            "Coordenadas: GeoNames (CC BY 4.0) y airportsdata (MIT). Capas sin conexión: Natural Earth (dominio "
            "público) y límites departamentales y provinciales del INEI 2007 de juaneladio/peru-geojson (MPL-2.0). "
            "Mapa: Leaflet (BSD-2-Clause). Código: MIT."),
        "handout_licence": ("Licencia: este material cita y adapta el artículo de Wikipedia, así que se comparte bajo "
                            "CC BY-SA 4.0. Cópielo y compártalo, con los créditos."),
        "handout_quote_note": "Las frases de la fuente se citan en el idioma del artículo, el inglés.",
        "handout_section": "Sección",
    },
}


def text(lang: str, key: str, **values: object) -> str:
    """The export string `key` in `lang`, with `values` filled in.

    >>> text("es", "alt_more", n=3)
    'y 3 más'
    """
    return STRINGS[lang][key].format(**values)
