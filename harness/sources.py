"""The source article, as the tests that check the record read it."""

from __future__ import annotations

import re


def split_sections(text: str) -> dict[str, str]:
    """Map 'Aftermath > Investigations > Use of firearms' style paths to their own text (wiki '=' headings)."""
    sections: dict[str, list[str]] = {"Lead": []}
    path: list[str] = []
    current = "Lead"
    for line in text.splitlines():
        heading = re.fullmatch(r"(=+) (.+?) \1", line.strip())
        if heading:
            depth = len(heading.group(1)) - 1  # "= Title =" is the article title, depth 0
            path = [*path[: max(depth - 1, 0)], heading.group(2)] if depth else []
            current = " > ".join(path) or "Lead"
            sections.setdefault(current, [])
        else:
            sections[current].append(line)
    return {name: "\n".join(lines) for name, lines in sections.items()}
