"""Every word the app shows, in each of its languages; dates and numbers come from Babel (CLDR).

A language is data: its block of STRINGS, one line in LANGUAGE_INFO, and its columns in the data files
(README: "Add a language"). A test fails if a key or a placeholder is missing in one language.
"""

from __future__ import annotations

from dataclasses import dataclass

from babel.numbers import format_decimal

STRINGS: dict[str, dict[str, str]] = {
    "en": {
        "page_title": "Juliaca, 9 January 2023",
        "title": "Juliaca, 9 January 2023: the day hour by hour",
        "subtitle": ("Police opened fire on protesters near Juliaca's airport. Move the time slider, or press "
                     "Play, to see the marches arrive and the events unfold. Click a symbol for what the source "
                     "says."),
        "content_note": ("Content note: this map describes a day on which at least 18 civilians were killed and "
                         "more than 100 injured by gunfire. It uses plain words and no images of violence."),
        "content_note_ok": "I understand, show the map",
        "language": "Language",
        "scale": "Time scale",
        "scale_hour": "9 January, by hour",
        "scale_day": "Dec 2022 – Jun 2023",
        "time": "Time shown",
        "previous": "◀ Back",
        "next": "Forward ▶",
        "play": "▶ Play",
        "pause": "⏸ Pause",
        "speed": "Seconds per step",
        "keyboard_hint": "Keyboard: ← and → step back and forward; the slider also takes arrow keys.",
        "view": "View",
        "view_airport": "Airport",
        "view_region": "Puno region",
        "view_peru": "Peru",
        "basemap": "Base map",
        "basemap_osm": "OpenStreetMap",
        "basemap_satellite": "Satellite",
        "basemap_offline": "Offline",
        "categories": "Show these kinds of event",
        "clock_hour": "{date}, {hh}:{mm} (Lima, UTC−5)",
        "clock_day": "{date}, end of the day (Lima, UTC−5)",
        "clock_month": "{month}, end of the month",
        "precision_note_hour": "Each step shows everything reported up to that hour.",
        "precision_note_day": "Each step shows everything reported up to the end of that day.",
        "civilians_killed": "Civilians killed",
        "civilians_injured": "Civilians injured",
        "police_killed": "Police killed",
        "police_injured": "Police injured",
        "counts_help": ("As the source reports them up to the time shown, in Juliaca and the Puno region. "
                        "\"Over 100\" injured is counted as 100, a lower bound."),
        "list_heading": "Events up to this time ({n})",
        "list_newest": "Showing the newest {n}; download the CSV for all of them.",
        "list_help": "Choose an event to highlight it on the map and read the source's sentence.",
        "list_empty": "No event of the chosen kinds yet. Move the slider forward.",
        "new_badge": "new",
        "not_mapped": "not on the map: the source does not say where",
        "details_source": "Source sentence",
        "details_section": "Section",
        "details_reported_by": "Reported by",
        "details_status": "Status",
        "details_place": "Place",
        "details_time": "Time",
        "status_reported": "Reported by the source",
        "status_official_claim": "Official claim",
        "status_disputed": "Disputed: the source reports evidence against it",
        "notice_invalid": "The link's {param} value was not understood, so the default is shown.",
        "notice_dropped": "{n} invalid event(s) are not shown: {first}",
        "sources_heading": "Sources, method and licences",
        "sources_body": (
            "Everything on this map comes from the English Wikipedia article \"Juliaca massacre\" "
            "(CC BY-SA 4.0), which cites The New York Times, El País, La República, IDL-Reporteros, EFE "
            "and the IACHR. Each event quotes the sentence that supports it. Approximate times are "
            "labelled \"around\" or by part of the day; march routes are schematic straight lines, "
            "because the source gives no routes; events whose place the source does not give are "
            "listed but not mapped. Coordinates: GeoNames (CC BY 4.0) and airportsdata (MIT). Offline "
            "layers: Natural Earth (public domain) and INEI 2007 limits from juaneladio/peru-geojson "
            "(MPL-2.0). Map tiles: © OpenStreetMap contributors; satellite imagery © Esri. Code: MIT."),
        "legend": "Legend",
        "legend_new": "New in this step",
        "legend_earlier": "Earlier",
        "legend_approx": "Time approximate (dashed outline)",
        "legend_claim": "O: official claim · ?: disputed by evidence",
        "legend_route": "March: schematic route (the source gives none)",
        "legend_size": "Larger symbol: more people killed or injured",
        "schematic": "Schematic route: the source gives no route or departure time",
        "march_label": "March from {town}",
        "march_from": "March from",
        "events_here": "events here",
        "tiles_failed": "Map tiles could not be loaded (no internet?). Choose the Offline base map.",
        "present_toggle": "Classroom mode",
        "present_previous": "◀ Previous moment",
        "present_next": "Next moment ▶",
        "present_auto": "Advance by itself",
        "present_seconds": "Seconds per moment",
        "present_position": "Moment {i} of {n}",
        "present_keys": "Keys: → or Page Down for the next moment, ← or Page Up for the previous (a presentation clicker works).",
        "download_heading": "Download",
        "download_png": "This view (PNG)",
        "download_csv": "Events shown (CSV)",
        "download_geojson": "Events shown (GeoJSON)",
        "download_png_help": "The map at the time shown, in the chosen preset view, with title, time, counters, legend and credits.",
        "download_png_unavailable": "Image download needs a Chromium on the server; see the README.",
        "upload_heading": "Bring your own data",
        "upload_intro": ("Map your own events: a CSV in this project's schema (see the README's data dictionary), "
                         "with an optional places GeoJSON, or an ACLED export. At most {mb} MB and {rows} rows, "
                         "UTF-8. Only you see it, and only for this session; the bundled data is never changed."),
        "upload_format": "Format",
        "upload_format_project": "This project's schema",
        "upload_format_acled": "ACLED export",
        "upload_events": "Events (CSV)",
        "upload_places": "Places (GeoJSON, optional: without it, the bundled places are used)",
        "upload_use": "Check and map this file",
        "upload_failed": "The file could not be used:",
        "upload_none_valid": "No row of the file is valid, so the map is unchanged.",
        "upload_active": "Showing your data: {events} valid events at {places} places; {refused} row(s) refused.",
        "upload_refused_first": "The first {n} refused rows:",
        "upload_refused_download": "All refused rows (CSV)",
        "upload_out_of_range": "{n} event(s) fall outside the time the app shows (7 December 2022 to June 2023).",
        "upload_reset": "Back to the bundled data",
        "acled_killed": "People killed (ACLED: not split)",
        "acled_note": "ACLED data: texts are ACLED's own, in English; its dead are not split into civilians and police.",
        "popup_quote": "Source",
        "map_credit": "Events: Wikipedia, “Juliaca massacre” (CC BY-SA 4.0) · GeoNames (CC BY 4.0)",
        "credit_source": ("Source: Wikipedia, “Juliaca massacre” (CC BY-SA 4.0), citing The New York Times, "
                          "El País, La República, IDL-Reporteros, EFE and the IACHR"),
        "credit_map": "Map data",
        "category_march": "March",
        "category_protest": "Protest",
        "category_clash": "Clash",
        "category_shooting": "Shooting",
        "category_casualty": "Death or injury",
        "category_looting": "Looting",
        "category_arrest": "Arrest",
        "category_deployment": "Police or military deployment",
        "category_government": "Government decision",
        "category_statement": "Statement",
        "category_investigation": "Investigation",
        "category_context": "Context",
        "time_minute": "{date}, {hh}:{mm}",
        "time_hour": "{date}, around {hh}:{mm}",
        "time_day": "{date} (time not given)",
        "time_month": "{month} (day not given)",
        "time_undated": "Date not given (after {date})",
        "time_until": "{label} to {end}",
        "part_morning": "{date}, in the morning",
        "part_afternoon": "{date}, in the afternoon",
        "part_night": "{date}, at night",
        "part_after": "{label}, after {hh}:{mm}",
        "date": "{d} {month} {y}",
        "month_year": "{month} {y}",
    },
    "es": {
        "page_title": "Juliaca, 9 de enero de 2023",
        "title": "Juliaca, 9 de enero de 2023: el día hora a hora",
        "subtitle": ("La policía disparó contra manifestantes cerca del aeropuerto de Juliaca. Mueva el control "
                     "de tiempo, o pulse Reproducir, para ver llegar las marchas y el curso de los hechos. Haga "
                     "clic en un símbolo para leer lo que dice la fuente."),
        "content_note": ("Aviso: este mapa describe un día en que al menos 18 civiles murieron y más de 100 "
                         "resultaron heridos por disparos. Usa un lenguaje llano y ninguna imagen de violencia."),
        "content_note_ok": "Entendido, mostrar el mapa",
        "language": "Idioma",
        "scale": "Escala de tiempo",
        "scale_hour": "9 de enero, por horas",
        "scale_day": "dic. 2022 – jun. 2023",
        "time": "Momento mostrado",
        "previous": "◀ Atrás",
        "next": "Adelante ▶",
        "play": "▶ Reproducir",
        "pause": "⏸ Pausa",
        "speed": "Segundos por paso",
        "keyboard_hint": "Teclado: ← y → retroceden y avanzan; el control deslizante también admite las flechas.",
        "view": "Vista",
        "view_airport": "Aeropuerto",
        "view_region": "Región Puno",
        "view_peru": "Perú",
        "basemap": "Mapa base",
        "basemap_osm": "OpenStreetMap",
        "basemap_satellite": "Satélite",
        "basemap_offline": "Sin conexión",
        "categories": "Mostrar estos tipos de hecho",
        "clock_hour": "{date}, {hh}:{mm} (Lima, UTC−5)",
        "clock_day": "{date}, al final del día (Lima, UTC−5)",
        "clock_month": "{month}, al final del mes",
        "precision_note_hour": "Cada paso muestra todo lo informado hasta esa hora.",
        "precision_note_day": "Cada paso muestra todo lo informado hasta el final de ese día.",
        "civilians_killed": "Civiles muertos",
        "civilians_injured": "Civiles heridos",
        "police_killed": "Policías muertos",
        "police_injured": "Policías heridos",
        "counts_help": ("Según la fuente, hasta el momento mostrado, en Juliaca y la región Puno. \"Más de 100\" "
                        "heridos se cuenta como 100, una cifra mínima."),
        "list_heading": "Hechos hasta este momento ({n})",
        "list_newest": "Se muestran los {n} más recientes; descargue el CSV para verlos todos.",
        "list_help": "Elija un hecho para resaltarlo en el mapa y leer la frase de la fuente.",
        "list_empty": "Aún no hay hechos de los tipos elegidos. Avance el control de tiempo.",
        "new_badge": "nuevo",
        "not_mapped": "fuera del mapa: la fuente no indica dónde",
        "details_source": "Frase de la fuente (en inglés)",
        "details_section": "Sección",
        "details_reported_by": "Según",
        "details_status": "Estado",
        "details_place": "Lugar",
        "details_time": "Hora",
        "status_reported": "Informado por la fuente",
        "status_official_claim": "Afirmación oficial",
        "status_disputed": "Cuestionado: la fuente recoge pruebas en contra",
        "notice_invalid": "No se entendió el valor de {param} del enlace; se muestra el valor predeterminado.",
        "notice_dropped": "{n} hecho(s) no válido(s) no se muestran: {first}",
        "sources_heading": "Fuentes, método y licencias",
        "sources_body": (
            "Todo lo que muestra este mapa procede del artículo de la Wikipedia en inglés \"Juliaca "
            "massacre\" (CC BY-SA 4.0), que cita a The New York Times, El País, La República, "
            "IDL-Reporteros, EFE y la CIDH. Cada hecho cita la frase que lo respalda. Las horas aproximadas "
            "se indican con \"hacia\" o con la parte del día; las rutas de las marchas son líneas rectas "
            "esquemáticas, porque la fuente no da rutas; los hechos cuyo lugar no indica la fuente se "
            "listan pero no se ubican en el mapa. Coordenadas: GeoNames (CC BY 4.0) y airportsdata (MIT). "
            "Capas sin conexión: Natural Earth (dominio público) y límites del INEI 2007 de "
            "juaneladio/peru-geojson (MPL-2.0). Teselas: © colaboradores de OpenStreetMap; imágenes de "
            "satélite © Esri. Código: MIT."),
        "legend": "Leyenda",
        "legend_new": "Nuevo en este paso",
        "legend_earlier": "Anterior",
        "legend_approx": "Hora aproximada (borde discontinuo)",
        "legend_claim": "O: afirmación oficial · ?: cuestionada por pruebas",
        "legend_route": "Marcha: ruta esquemática (la fuente no la da)",
        "legend_size": "Símbolo mayor: más personas muertas o heridas",
        "schematic": "Ruta esquemática: la fuente no da la ruta ni la hora de salida",
        "march_label": "Marcha desde {town}",
        "march_from": "Marcha desde",
        "events_here": "hechos aquí",
        "tiles_failed": "No se pudieron cargar las teselas del mapa (¿sin internet?). Elija el mapa base Sin conexión.",
        "present_toggle": "Modo clase",
        "present_previous": "◀ Momento anterior",
        "present_next": "Momento siguiente ▶",
        "present_auto": "Avanzar solo",
        "present_seconds": "Segundos por momento",
        "present_position": "Momento {i} de {n}",
        "present_keys": "Teclas: → o Av Pág para el siguiente momento, ← o Re Pág para el anterior (sirve un presentador inalámbrico).",
        "download_heading": "Descargar",
        "download_png": "Esta vista (PNG)",
        "download_csv": "Hechos mostrados (CSV)",
        "download_geojson": "Hechos mostrados (GeoJSON)",
        "download_png_help": "El mapa en el momento mostrado, en la vista elegida, con título, hora, contadores, leyenda y créditos.",
        "download_png_unavailable": "Para descargar la imagen, el servidor necesita Chromium; vea el README.",
        "upload_heading": "Use sus propios datos",
        "upload_intro": ("Mapee sus propios hechos: un CSV con el esquema de este proyecto (vea el diccionario de datos "
                         "del README), con un GeoJSON de lugares opcional, o una exportación de ACLED. Como máximo "
                         "{mb} MB y {rows} filas, en UTF-8. Solo usted lo ve, y solo durante esta sesión; los datos "
                         "incluidos nunca se modifican."),
        "upload_format": "Formato",
        "upload_format_project": "Esquema de este proyecto",
        "upload_format_acled": "Exportación de ACLED",
        "upload_events": "Hechos (CSV)",
        "upload_places": "Lugares (GeoJSON, opcional: sin él se usan los lugares incluidos)",
        "upload_use": "Revisar y mapear este archivo",
        "upload_failed": "No se pudo usar el archivo:",
        "upload_none_valid": "Ninguna fila del archivo es válida, así que el mapa no cambia.",
        "upload_active": "Se muestran sus datos: {events} hechos válidos en {places} lugares; {refused} fila(s) rechazada(s).",
        "upload_refused_first": "Las primeras {n} filas rechazadas:",
        "upload_refused_download": "Todas las filas rechazadas (CSV)",
        "upload_out_of_range": "{n} hecho(s) quedan fuera del periodo que muestra la aplicación (7 de diciembre de 2022 a junio de 2023).",
        "upload_reset": "Volver a los datos incluidos",
        "acled_killed": "Personas muertas (ACLED: sin distinguir)",
        "acled_note": "Datos de ACLED: los textos son de ACLED, en inglés; no distingue entre muertos civiles y policías.",
        "popup_quote": "Fuente",
        "map_credit": "Hechos: Wikipedia, «Juliaca massacre» (CC BY-SA 4.0) · GeoNames (CC BY 4.0)",
        "credit_source": ("Fuente: Wikipedia, «Juliaca massacre» (CC BY-SA 4.0), que cita a The New York Times, "
                          "El País, La República, IDL-Reporteros, EFE y la CIDH"),
        "credit_map": "Datos del mapa",
        "category_march": "Marcha",
        "category_protest": "Protesta",
        "category_clash": "Enfrentamiento",
        "category_shooting": "Disparos",
        "category_casualty": "Muerte o herida",
        "category_looting": "Saqueo",
        "category_arrest": "Detención",
        "category_deployment": "Despliegue policial o militar",
        "category_government": "Decisión de gobierno",
        "category_statement": "Declaración",
        "category_investigation": "Investigación",
        "category_context": "Contexto",
        "time_minute": "{date}, {hh}:{mm}",
        "time_hour": "{date}, hacia las {hh}:{mm}",
        "time_day": "{date} (sin hora)",
        "time_month": "{month} (sin día)",
        "time_undated": "Sin fecha en la fuente (después del {date})",
        "time_until": "{label} al {end}",
        "part_morning": "{date}, por la mañana",
        "part_afternoon": "{date}, por la tarde",
        "part_night": "{date}, por la noche",
        "part_after": "{label}, después de las {hh}:{mm}",
        "date": "{d} de {month} de {y}",
        "month_year": "{month} de {y}",
    },
}


@dataclass(frozen=True)
class Language:
    name: str    # in the language itself, for the language switcher
    locale: str  # Babel's locale for its dates and numbers (English here writes dates the British way)


LANGUAGE_INFO = {"en": Language("English", "en_GB"), "es": Language("Español", "es")}
LANGUAGES = tuple(LANGUAGE_INFO)


def text(lang: str, key: str, **values: object) -> str:
    """The string `key` in `lang`, with `values` filled in; whole numbers as the language writes them.

    >>> text("es", "march_label", town="Azángaro"), text("es", "list_heading", n=12345)
    ('Marcha desde Azángaro', 'Hechos hasta este momento (12.345)')
    """
    shown = {k: format_decimal(v, locale=LANGUAGE_INFO[lang].locale) if type(v) is int else v for k, v in values.items()}
    return STRINGS[lang][key].format(**shown)
