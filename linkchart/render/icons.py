"""Type icons: the shipped SVGs drawn once per (icon, colour, size) and cached as images.

Painting must never touch the disk, so cards ask for their icon when their
entity changes, not in ``paint()``.
"""

from __future__ import annotations

import re
from functools import cache

from PySide6.QtCore import QByteArray, QRectF, Qt
from PySide6.QtGui import QColor, QImage, QPainter
from PySide6.QtSvg import QSvgRenderer

from linkchart.resources import resource

_SAFE_NAME = re.compile(r"^[A-Za-z0-9_.-]{1,80}\.svg$")


@cache
def _svg_source(icon: str) -> bytes:
    """The SVG text of a shipped icon, or of other.svg for an unknown or unsafe name."""
    name = icon if _SAFE_NAME.match(icon) else "other.svg"
    node = resource("icons", name)
    if not node.is_file():
        node = resource("icons", "other.svg")
    return node.read_bytes()


@cache
def icon_image(icon: str, colour: str, pixels: int) -> QImage:
    """The icon with its strokes and fills recoloured, as a square image of *pixels* side."""
    svg = _svg_source(icon).decode("utf-8")
    svg = re.sub(r'(stroke|fill)="#(?:[0-9a-fA-F]{3}){1,2}"', lambda m: f'{m.group(1)}="{colour}"', svg)
    renderer = QSvgRenderer(QByteArray(svg.encode("utf-8")))
    image = QImage(pixels, pixels, QImage.Format.Format_ARGB32_Premultiplied)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    renderer.render(painter, QRectF(0, 0, pixels, pixels))
    painter.end()
    return image


def icon_for(icon: str, colour: QColor, pixels: int) -> QImage:
    return icon_image(icon, colour.name(), pixels)
