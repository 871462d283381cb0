"""Every word the app shows, in each of its languages; dates and numbers come from Babel (CLDR).

A language is data: its block of STRINGS, one line in LANGUAGE_INFO, and its columns in the data files
(README: "Add a language"). A test fails if a key or a placeholder is missing in one language.
"""

from __future__ import annotations

from dataclasses import dataclass

from babel.numbers import format_decimal

from geo.i18n_exports import STRINGS as EXPORT_STRINGS

STRINGS: dict[str, dict[str, str]] = {
    "en": {
        "page_title": "Juliaca, 9 January 2023",
        "title": "Juliaca, 9 January 2023: the day hour by hour",
        "subtitle": ("Police opened fire on protesters near Juliaca's airport. Move the time slider, or press "
                     "Play, to see the events unfold. Click a symbol for what the source "
                     "says."),
        "content_note": ("Content note: this map describes the day police opened fire on demonstrators in Juliaca. "
                         "The source counts at least 18 civilians killed and over 100 people injured; a 15-year-old "
                         "boy shot in the head died on 12 January. It uses plain words and no images of violence."),
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
        "civilians_injured": "People injured",
        "police_killed": "Police killed",
        "police_injured": "Police injured",
        "counts_help": ("As the source reports them up to the time shown, in Juliaca and the Puno region. "
                        "Injured: the source says \"over 100 others were injured\" and does not say whether they "
                        "were civilians or police, so the counter shows \"over 100\"."),
        "toll_scope_hour": "On 9 January 2023, up to the time shown",
        "toll_scope_day": "Juliaca and the Puno region, 4 January 2023 to the date shown; Ayacucho not included",
        "toll_help_hour": ("Only what happened on 9 January counts here: the first death at around 14:00, and the "
                           "deaths and injuries the source gives in total after police began to respond with deadly force, after 17:20 (its \"In total, "
                           "18 civilians were killed and over 100 others were injured\", less the boy who died on "
                           "12 January, whom we count as one of the 18). The source times none of these deaths or injuries, and does not say "
                           "whether the over 100 injured were civilians or police. The photojournalist shot (by the order "
                           "of the text) on 7 January is counted on the context scale."),
        "toll_help_day": ("Counted: the photojournalist shot (by the order of the text) on 7 January; the dead and injured of 9 January; the two "
                          "plainclothes officers treated for injuries (date not given); the officer found dead the "
                          "morning after the arrests of 10 January (by the order of the text, 11 January); the boy who died on 12 January. \"Over 100\" injured is the "
                          "source's figure: it does not say who they were, nor whether the photojournalist or the "
                          "two officers are among them, so nothing is added to it. Not counted: Ayacucho's 10 dead "
                          "and 61 injured of 15 December 2022, another place and another event."),
        "count_over": "over {n}",
        "count_at_least": "at least {n}",
        "list_heading": "Events up to this time ({n})",
        "list_newest": "Showing the newest {n}; download the CSV for all of them.",
        "list_help": "Choose an event to highlight it on the map and read the source's sentence.",
        "list_empty": "No event of the chosen kinds yet. Move the slider forward.",
        "new_badge": "new",
        "not_mapped": "not on the map: no place the source gives that we can pin (the summary says why)",
        "details_source": "Source phrase (at most 15 words)",
        "details_section": "Section",
        "details_reported_by": "Reported by",
        "details_status": "Status",
        "details_place": "Place",
        "details_time": "Time",
        "status_reported": "Reported by the source",
        "status_official_claim": "Official claim",
        "status_party_claim": "A party's account, as the source reports it",
        "status_disputed": "Disputed: the source reports evidence against it",
        "notice_invalid": "The link's {param} value was not understood, so the default is shown.",
        "notice_dropped": "{n} invalid event(s) are not shown: {first}",
        "sources_heading": "Sources, method and licences",
        "sources_body": (
            "Everything on this map comes from the English Wikipedia article \"Juliaca massacre\" "
            "(https://en.wikipedia.org/wiki/Juliaca_massacre, CC BY-SA 4.0), which cites The New York Times, "
            "El País, La República, IDL-Reporteros, Human Rights Watch and the IACHR; the events and the "
            "classroom moments are derived from it under the same licence. Each event quotes a phrase of at "
            "most 15 words that locates its supporting sentence. No time is more precise than the source: "
            "approximate times say \"around\", \"after\" or the part of the day, and a date or time we "
            "inferred from the order of the text says so. The marches have no time in the source: their "
            "lines grow from 06:00 to noon, when protesters approached the airport, which is a drawing rule, "
            "and their routes are schematic straight lines. An event whose place the source does not give is "
            "listed but not mapped, or, where its town is clear, pinned with the words \"the source does not "
            "say where\". Accounts and accusations by a party are attributed and marked as claims. Numbers "
            "keep the source's \"at least\" and \"over\". Coordinates: GeoNames (CC BY 4.0) and airportsdata (MIT). Offline "
            "layers: Natural Earth (public domain) and INEI 2007 limits from juaneladio/peru-geojson "
            "(MPL-2.0). Map tiles: © OpenStreetMap contributors; satellite imagery © Esri. Code: MIT."),
        "legend": "Legend",
        "legend_new": "New in this step",
        "legend_earlier": "Earlier",
        "legend_approx": "Time approximate (dashed outline)",
        "legend_claim": "O: official claim · A: a party's account · ?: disputed by evidence",
        "legend_route": "March: schematic route (the source gives none); drawn growing from 06:00 to noon, a drawing rule",
        "legend_size": "Larger symbol: more people killed or injured",
        "schematic": "Schematic route: the source gives no route and no time; drawn growing from 06:00 to noon, a drawing rule",
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
        "upload_unexpected": ("Your file could not be checked because of an error on our side, not in your file "
                              "(error {id}). It has been recorded; please try again, and quote the id if you report it."),
        "upload_expired": ("Your uploaded data is no longer on the server (uploads are kept for two hours, and the oldest "
                           "are removed first when space runs short). Upload the file again to map it."),
        "error_unexpected": ("Something went wrong on our side (error {id}). It has been recorded; please try again, "
                             "and quote the id if you report it."),
        "acled_killed": "People killed (ACLED: not split)",
        "acled_note": "ACLED data: texts are ACLED's own, in English; its dead are not split into civilians and police.",
        "popup_quote": "Source",
        "map_credit": "Events: Wikipedia, “Juliaca massacre” (CC BY-SA 4.0) · GeoNames (CC BY 4.0) · airportsdata (MIT)",
        "credit_source": ("Source: Wikipedia, “Juliaca massacre”, https://en.wikipedia.org/wiki/Juliaca_massacre "
                          "(CC BY-SA 4.0), citing The New York Times, El País, La República, IDL-Reporteros, "
                          "Human Rights Watch and the IACHR; events and moments derived from it, CC BY-SA 4.0"),
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
        "time_after": "{date}, after {hh}:{mm}",
        "time_after_around": "{date}, after about {hh}:{mm}",
        "time_drawn": "{date} (time not given; the map draws the marches arriving at noon)",
        "time_day": "{date} (time not given)",
        "time_month": "{month} (day not given)",
        "time_undated": "Date not given (on or after {date})",
        "time_until": "{label}, until {end}",
        "inferred_date": "{label}; date inferred from the order of the text",
        "inferred_time": "{label}; time inferred from the order of the text",
        "part_morning": "{date}, in the morning",
        "part_afternoon": "{date}, in the afternoon",
        "part_night": "{date}, at night",
        "part_after": "{label}, after {hh}:{mm}",
        "date": "{d} {month} {y}",
        "month_year": "{month} {y}",
        # accessibility (issue 11): the map's names for assistive technology, the summary that stands in for it
        "map_name": "Map of Juliaca and the Puno region",
        "map_title_hour": "Map of Juliaca at {hh}:{mm} on {date}",
        "map_title_day": "Map of Juliaca at the end of {date}",
        "map_title_month": "Map of Juliaca at the end of {month}",
        "summary_heading": "What the map shows",
        # the base map's names (geo.cartography)
        "country_peru": "PERU",
        "country_bolivia": "BOLIVIA",
        "country_brazil": "BRAZIL",
        "country_chile": "CHILE",
        "country_ecuador": "ECUADOR",
        "country_colombia": "COLOMBIA",
        "country_argentina": "ARGENTINA",
        "country_paraguay": "PARAGUAY",
        "country_venezuela": "VENEZUELA",
        "water_pacific": "Pacific Ocean",
        "water_titicaca": "Lake Titicaca",
        "short_jul_airport": "Inca Manco Cápac Airport",
        "short_ayp_airport": "Ayacucho airport",
        "list_at": "The list, the downloads and the link show {clock}.",
    },
    "es": {
        "page_title": "Juliaca, 9 de enero de 2023",
        "title": "Juliaca, 9 de enero de 2023: el día hora a hora",
        "subtitle": ("La policía disparó contra manifestantes cerca del aeropuerto de Juliaca. Mueva el control "
                     "de tiempo, o pulse Reproducir, para ver el curso de los hechos. Haga "
                     "clic en un símbolo para leer lo que dice la fuente."),
        "content_note": ("Aviso: este mapa describe el día en que la policía abrió fuego contra manifestantes en "
                         "Juliaca. La fuente cuenta al menos 18 civiles muertos y más de 100 personas heridas; un "
                         "adolescente de 15 años herido de bala en la cabeza murió el 12 de enero. Usa un lenguaje llano y ninguna "
                         "imagen de violencia."),
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
        "civilians_injured": "Personas heridas",
        "police_killed": "Policías muertos",
        "police_injured": "Policías heridos",
        "counts_help": ("Según la fuente, hasta el momento mostrado, en Juliaca y la región Puno. Heridos: la "
                        "fuente dice que más de 100 personas resultaron heridas y no indica si eran civiles o "
                        "policías, así que el contador muestra «más de 100»."),
        "toll_scope_hour": "El 9 de enero de 2023, hasta el momento mostrado",
        "toll_scope_day": "Juliaca y la región Puno, desde el 4 de enero de 2023 hasta la fecha mostrada; sin Ayacucho",
        "toll_help_hour": ("Aquí solo cuenta lo ocurrido el 9 de enero: la primera muerte, hacia las 14:00, y los "
                           "muertos y heridos que la fuente da en total después de que la policía empezara a responder con fuerza letal, después de las 17:20 (los "
                           "18 civiles muertos y más de 100 heridos que da la fuente en total, menos el adolescente "
                           "que murió el 12 de enero, al que contamos como uno de los 18). La fuente no da la hora de esas muertes y heridas, "
                           "ni indica si los más de 100 heridos eran civiles o policías. El fotoperiodista herido (por el "
                           "orden del texto) el 7 de enero se cuenta en la escala de contexto."),
        "toll_help_day": ("Se cuentan: el fotoperiodista herido (por el orden del texto) el 7 de enero; los muertos y heridos del 9 de "
                          "enero; los dos policías de civil atendidos por heridas (sin fecha en la fuente); el "
                          "policía hallado muerto la mañana siguiente a las detenciones del 10 de enero (por el orden "
                          "del texto, el 11 de enero); el adolescente que murió el 12 de "
                          "enero. «Más de 100» heridos es la cifra de la fuente: no dice quiénes eran ni si el "
                          "fotoperiodista o los dos policías están entre ellos, así que no se le suma nada. No "
                          "se cuentan los 10 muertos y 61 heridos de Ayacucho del 15 de diciembre de 2022, otro "
                          "lugar y otro hecho."),
        "count_over": "más de {n}",
        "count_at_least": "al menos {n}",
        "list_heading": "Hechos hasta este momento ({n})",
        "list_newest": "Se muestran los {n} más recientes; descargue el CSV para verlos todos.",
        "list_help": "Elija un hecho para resaltarlo en el mapa y leer la frase de la fuente.",
        "list_empty": "Aún no hay hechos de los tipos elegidos. Avance el control de tiempo.",
        "new_badge": "nuevo",
        "not_mapped": "fuera del mapa: la fuente no da un lugar que podamos ubicar (el resumen explica por qué)",
        "details_source": "Fragmento de la fuente (en inglés, 15 palabras como máximo)",
        "details_section": "Sección",
        "details_reported_by": "Según",
        "details_status": "Estado",
        "details_place": "Lugar",
        "details_time": "Hora",
        "status_reported": "Informado por la fuente",
        "status_official_claim": "Afirmación oficial",
        "status_party_claim": "Versión de una de las partes, según la fuente",
        "status_disputed": "En entredicho: la fuente recoge pruebas en contra",
        "notice_invalid": "No se entendió el valor de {param} del enlace; se muestra el valor predeterminado.",
        "notice_dropped": "{n} hecho(s) no válido(s) no se muestran: {first}",
        "sources_heading": "Fuentes, método y licencias",
        "sources_body": (
            "Todo lo que muestra este mapa procede del artículo de la Wikipedia en inglés «Juliaca "
            "massacre» (https://en.wikipedia.org/wiki/Juliaca_massacre, CC BY-SA 4.0), que cita a The New York "
            "Times, El País, La República, IDL-Reporteros, Human Rights Watch y la CIDH; los hechos y los "
            "momentos del modo clase derivan de él, con la misma licencia. Cada hecho cita un fragmento de "
            "15 palabras como máximo que localiza la frase que lo respalda. Ninguna hora es más precisa que "
            "la fuente: las horas aproximadas se indican con «hacia», «después de» o la parte del día, y una "
            "fecha u hora que deducimos del orden del texto lo dice. La fuente no da la hora de las marchas: "
            "sus líneas crecen de las 06:00 al mediodía, cuando los manifestantes se acercaron al aeropuerto, "
            "lo cual es una regla de dibujo, y sus rutas son líneas rectas esquemáticas. Un hecho cuyo lugar "
            "no indica la fuente se lista pero no se ubica en el mapa o, si su ciudad es clara, se ubica con "
            "la advertencia «la fuente no indica dónde». Las versiones y acusaciones de una de las partes se "
            "atribuyen y se marcan como tales. Las cifras conservan el «al menos» y el «más de» de la fuente. "
            "Coordenadas: GeoNames (CC BY 4.0) y airportsdata (MIT). "
            "Capas sin conexión: Natural Earth (dominio público) y límites del INEI 2007 de "
            "juaneladio/peru-geojson (MPL-2.0). Teselas: © colaboradores de OpenStreetMap; imágenes de "
            "satélite © Esri. Código: MIT."),
        "legend": "Leyenda",
        "legend_new": "Nuevo en este paso",
        "legend_earlier": "Anterior",
        "legend_approx": "Hora aproximada (borde discontinuo)",
        "legend_claim": "O: afirmación oficial · A: versión de una de las partes · ?: en entredicho por pruebas",
        "legend_route": "Marcha: ruta esquemática (la fuente no la da); crece de las 06:00 al mediodía, una regla de dibujo",
        "legend_size": "Símbolo mayor: más personas muertas o heridas",
        "schematic": "Ruta esquemática: la fuente no da la ruta ni la hora; crece de las 06:00 al mediodía, una regla de dibujo",
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
        "upload_unexpected": ("No se pudo revisar su archivo por un error de nuestro lado, no de su archivo "
                              "(error {id}). Quedó registrado; vuelva a intentarlo y cite el código si lo informa."),
        "upload_expired": ("Sus datos subidos ya no están en el servidor (se guardan dos horas, y los más antiguos se "
                           "borran primero cuando falta espacio). Vuelva a subir el archivo para mapearlo."),
        "error_unexpected": ("Algo falló de nuestro lado (error {id}). Quedó registrado; vuelva a intentarlo y cite "
                             "el código si lo informa."),
        "acled_killed": "Personas muertas (ACLED: sin distinguir)",
        "acled_note": "Datos de ACLED: los textos son de ACLED, en inglés; no distingue entre muertos civiles y policías.",
        "popup_quote": "Fuente",
        "map_credit": "Hechos: Wikipedia, «Juliaca massacre» (CC BY-SA 4.0) · GeoNames (CC BY 4.0) · airportsdata (MIT)",
        "credit_source": ("Fuente: Wikipedia, «Juliaca massacre», https://en.wikipedia.org/wiki/Juliaca_massacre "
                          "(CC BY-SA 4.0), que cita a The New York Times, El País, La República, IDL-Reporteros, "
                          "Human Rights Watch y la CIDH; hechos y momentos derivados de él, CC BY-SA 4.0"),
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
        "time_after": "{date}, después de las {hh}:{mm}",
        "time_after_around": "{date}, después de las {hh}:{mm} aproximadamente",
        "time_drawn": "{date} (sin hora; el mapa dibuja las marchas llegando al mediodía)",
        "time_day": "{date} (sin hora)",
        "time_month": "{month} (sin día)",
        "time_undated": "Sin fecha en la fuente (el {date} o después)",
        "time_until": "{label}, hasta el {end}",
        "inferred_date": "{label}; fecha deducida del orden del texto",
        "inferred_time": "{label}; hora deducida del orden del texto",
        "part_morning": "{date}, por la mañana",
        "part_afternoon": "{date}, por la tarde",
        "part_night": "{date}, por la noche",
        "part_after": "{label}, después de las {hh}:{mm}",
        "date": "{d} de {month} de {y}",
        "month_year": "{month} de {y}",
        # accesibilidad (issue 11)
        "map_name": "Mapa de Juliaca y la región Puno",
        "map_title_hour": "Mapa de Juliaca a las {hh}:{mm} del {date}",
        "map_title_day": "Mapa de Juliaca al final del {date}",
        "map_title_month": "Mapa de Juliaca a fines de {month}",
        "summary_heading": "Qué muestra el mapa",
        # the base map's names (geo.cartography)
        "country_peru": "PERÚ",
        "country_bolivia": "BOLIVIA",
        "country_brazil": "BRASIL",
        "country_chile": "CHILE",
        "country_ecuador": "ECUADOR",
        "country_colombia": "COLOMBIA",
        "country_argentina": "ARGENTINA",
        "country_paraguay": "PARAGUAY",
        "country_venezuela": "VENEZUELA",
        "water_pacific": "Océano Pacífico",
        "water_titicaca": "Lago Titicaca",
        "short_jul_airport": "Aeropuerto Inca Manco Cápac",
        "short_ayp_airport": "Aeropuerto de Ayacucho",
        "list_at": "La lista, las descargas y el enlace muestran {clock}.",
    },
}


@dataclass(frozen=True)
class Language:
    name: str    # in the language itself, for the language switcher
    locale: str  # Babel's locale for its dates and numbers (English here writes dates the British way)


# One catalogue per language: the app's words above, and those of the newsroom and classroom exports.
STRINGS = {lang: {**words, **EXPORT_STRINGS.get(lang, {})} for lang, words in STRINGS.items()}

LANGUAGE_INFO = {"en": Language("English", "en_GB"), "es": Language("Español", "es")}
LANGUAGES = tuple(LANGUAGE_INFO)


def text(lang: str, key: str, **values: object) -> str:
    """The string `key` in `lang`, with `values` filled in; whole numbers as the language writes them.

    >>> text("es", "march_label", town="Azángaro"), text("es", "list_heading", n=12345)
    ('Marcha desde Azángaro', 'Hechos hasta este momento (12.345)')
    """
    shown = {k: format_decimal(v, locale=LANGUAGE_INFO[lang].locale) if type(v) is int else v for k, v in values.items()}
    return STRINGS[lang][key].format(**shown)
