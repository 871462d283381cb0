"""What the map's script is given as data: how each event is drawn, and JSON that is safe inside a script.

No folium here: the bundle and the exported page import these without the map's objects.
"""

from __future__ import annotations

import json
import math

# Colour (Okabe-Ito, colour-blind safe, plus greys) and shape per category: never colour alone.
CATEGORY_STYLE: dict[str, tuple[str, str]] = {
    "march": ("#0072B2", "triangle"),
    "protest": ("#56B4E9", "circle"),
    "clash": ("#E69F00", "diamond"),
    "shooting": ("#D55E00", "cross"),
    "casualty": ("#3C3C3C", "square"),
    "looting": ("#F0E442", "hexagon"),
    "arrest": ("#CC79A7", "pentagon"),
    "deployment": ("#009E73", "triangle_down"),
    "government": ("#A0A0A0", "star"),
    "statement": ("#FFFFFF", "circle"),
    "investigation": ("#FFFFFF", "diamond"),
    "context": ("#D0D0D0", "circle"),
}
CLAIM_BADGE = {"reported": "", "official_claim": "O", "party_claim": "A", "disputed": "?"}
APPROXIMATE = frozenset({"hour", "after", "after_around", "part_of_day", "day", "drawn", "month", "undated"})


def symbol_size(killed_injured: int) -> int:
    """Symbol size in pixels: 18, growing with the square root of people killed or injured, capped."""
    return int(min(18 + 5 * math.sqrt(killed_injured), 44))


def to_js(value: object) -> str:
    """JSON that is safe inside a <script> element and inside JavaScript source.

    `<`, `>` and `&` become escapes so that no text can close the script tag; U+2028/2029 are
    escaped for old engines; `{{` is broken up because streamlit-folium rewrites `{{'name'}}`.

    >>> to_js({"t": "</script><b>`${x}`"})
    '{"t": "\\\\u003c/script\\\\u003e\\\\u003cb\\\\u003e`${x}`"}'
    """
    out = json.dumps(value, ensure_ascii=False, allow_nan=False)
    for raw, escaped in (
        ("<", "\\u003c"),
        (">", "\\u003e"),
        ("&", "\\u0026"),
        ("\u2028", "\\u2028"),
        ("\u2029", "\\u2029"),
        ("{{", "{\\u007b"),
    ):
        out = out.replace(raw, escaped)
    return out
