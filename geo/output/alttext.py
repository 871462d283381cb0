"""Alt text travels with every image: inside it (PNG `Description`, GIF comment, MP4 `description`) and
beside it, in a sidecar `.txt` with the same name, for tools that do not read image metadata."""

from __future__ import annotations

import io
from pathlib import Path


def png_with_text(png: bytes, description: str, title: str = "", credit: str = "") -> bytes:
    """The same PNG with `Description` (and `Title`, `Copyright` when given) as UTF-8 iTXt chunks.

    >>> from PIL import Image
    >>> buffer = io.BytesIO(); Image.new("RGB", (2, 2)).save(buffer, format="PNG")
    >>> Image.open(io.BytesIO(png_with_text(buffer.getvalue(), "Mapa de Perú"))).text["Description"]
    'Mapa de Perú'
    """
    from PIL import Image
    from PIL.PngImagePlugin import PngInfo

    image = Image.open(io.BytesIO(png))
    info = PngInfo()
    for key, value in (("Title", title), ("Description", description), ("Copyright", credit)):
        if value:
            info.add_itxt(key, value)
    out = io.BytesIO()
    image.save(out, format="PNG", pnginfo=info)
    return out.getvalue()


def sidecar_path(image: Path) -> Path:
    """Where an image's alt text goes: `juliaca-1700.png` -> `juliaca-1700.txt`."""
    return image.with_suffix(".txt")


def write_sidecar(image: Path, description: str) -> Path:
    """Write the alt text beside `image` (UTF-8, one paragraph and a newline); returns its path."""
    path = sidecar_path(image)
    path.write_text(description.strip() + "\n", encoding="utf-8")
    return path
