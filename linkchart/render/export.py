"""Render a chart scene to an image: the start of PNG/SVG/PDF export, shared with the headless CLI."""

from __future__ import annotations

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QImage, QPainter

from linkchart.render.scene import ChartScene

MARGIN = 24.0
MAX_PIXELS = 16384  # per side; far beyond any screen, well below QImage's limits


def render_scene_to_image(scene: ChartScene, rect: QRectF | None = None, scale: float = 1.0) -> QImage:
    """Paint *rect* of the scene (default: every item plus a margin) at *scale* into a new image.

    Selection highlights are drawn as they are; clear the selection first for a clean export.
    """
    if rect is None:
        rect = scene.items_rect().adjusted(-MARGIN, -MARGIN, MARGIN, MARGIN)
    if rect.isEmpty():
        rect = QRectF(0, 0, 2 * MARGIN, 2 * MARGIN)
    scale = min(scale, MAX_PIXELS / max(rect.width(), rect.height()))
    width, height = max(1, round(rect.width() * scale)), max(1, round(rect.height() * scale))
    image = QImage(width, height, QImage.Format.Format_ARGB32_Premultiplied)
    image.fill(scene.style.background)
    painter = QPainter(image)
    painter.setRenderHints(QPainter.RenderHint.Antialiasing | QPainter.RenderHint.TextAntialiasing | QPainter.RenderHint.SmoothPixmapTransform)
    scene.render(painter, QRectF(0, 0, width, height), rect, Qt.AspectRatioMode.KeepAspectRatio)
    painter.end()
    return image
