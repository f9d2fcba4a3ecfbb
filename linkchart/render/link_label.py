"""A link's label drawn as text, or from a picture of it made once per wording and scale."""

from __future__ import annotations

import math
from typing import TYPE_CHECKING

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QColor, QImage, QPainter, QPen

if TYPE_CHECKING:
    from linkchart.render.link_item import LinkItem

MAX_CACHED = 4000  # entries in a style's cache before label pictures are dropped and made again


def draw_label(item: LinkItem, painter: QPainter, colour: QColor) -> None:
    """*item*'s label box and text about (0, 0), unturned."""
    rect = item._label_rect
    painter.setPen(Qt.PenStyle.NoPen)
    painter.setBrush(item.style.label_background)
    painter.drawRoundedRect(rect, rect.height() / 2, rect.height() / 2)
    painter.setPen(colour if colour != item.style.link else item.style.text)
    painter.setFont(item.style.link_font)
    text_rect = rect.adjusted(4, 0, -(14 if item.unsourced else 4), 0)
    flags = Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter
    painter.drawText(text_rect, flags, item._wording)
    if item._grading_text:
        # The grading is there for the careful reader, not to compete with the wording.
        painter.setPen(item.style.muted)
        painter.drawText(text_rect.adjusted(item._wording_width, 0, 0, 0), flags, item._grading_text)
    if item.unsourced:
        painter.setPen(QPen(item.style.unsourced, 1.4))
        painter.setBrush(Qt.BrushStyle.NoBrush)
        painter.drawEllipse(QRectF(rect.right() - 11, -3, 6, 6))


def paint_label_picture(item: LinkItem, painter: QPainter) -> None:
    """The label drawn from a picture made once per wording and scale, then turned.

    A chart view draws a hundred or more turned labels each frame, and Qt draws
    turned text glyph by glyph as outlines: 46 us a label, against 8-13 us for
    the picture (measured; 90 us if the picture's own edges were antialiased, but
    its border is transparent). The picture is made at twice the device scale,
    rounded up to a quarter octave, so turned and smoothed it stays crisp.
    Exports draw text as text.
    """
    scale = 2 * painter.worldTransform().m11() * painter.device().devicePixelRatioF()
    step = 2.0 ** (math.ceil(math.log2(max(scale, 1 / 64)) * 4) / 4)
    rect = item._label_rect
    key = ("label-picture", item._wording, item._grading_text, item.unsourced, item._wording_width, rect.width(), rect.height(), step)
    cache = item.style._metrics
    picture = cache.get(key)
    if picture is None:
        if len(cache) > MAX_CACHED:
            for old in [k for k in cache if k[0] == "label-picture"]:
                del cache[old]
        picture = QImage(math.ceil(rect.width() * step) + 2, math.ceil(rect.height() * step) + 2, QImage.Format.Format_ARGB32_Premultiplied)
        picture.fill(Qt.GlobalColor.transparent)
        drawer = QPainter(picture)
        drawer.setRenderHint(QPainter.RenderHint.Antialiasing)
        drawer.translate(1, 1)
        drawer.scale(step, step)
        drawer.translate(-rect.left(), -rect.top())
        draw_label(item, drawer, item.style.link)
        drawer.end()
        cache[key] = picture
    pad = 1 / step
    painter.save()
    painter.setTransform(item._label_transform, True)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing, False)
    painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)
    painter.drawImage(rect.adjusted(-pad, -pad, pad, pad), picture)
    painter.restore()
