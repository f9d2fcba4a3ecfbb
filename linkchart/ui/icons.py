"""Toolbar and menu icons: drawn with QPainter in the palette's text colour, so both themes read well.

Names are those used in :mod:`linkchart.ui.actions`. Standard file icons come
from the style; the chart-specific ones are drawn here.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QIcon, QImage, QPainter, QPainterPath, QPalette, QPen, QPixmap
from PySide6.QtWidgets import QApplication, QStyle

from linkchart.render.icons import icon_image

SIZE = 48  # drawn on a 24-unit grid at 2x

_STANDARD = {
    "new": QStyle.StandardPixmap.SP_FileIcon,
    "open": QStyle.StandardPixmap.SP_DialogOpenButton,
    "save": QStyle.StandardPixmap.SP_DialogSaveButton,
    "revert": QStyle.StandardPixmap.SP_BrowserReload,
    "close": QStyle.StandardPixmap.SP_DialogCloseButton,
}


def _draw_zoom(p: QPainter, sign: str) -> None:
    p.drawEllipse(QRectF(4, 4, 12, 12))
    p.drawLine(QPointF(14.5, 14.5), QPointF(20, 20))
    p.drawLine(QPointF(7, 10), QPointF(13, 10))
    if sign == "+":
        p.drawLine(QPointF(10, 7), QPointF(10, 13))


def _draw_fit(p: QPainter) -> None:
    for x, y, dx, dy in ((4, 4, 1, 1), (20, 4, -1, 1), (4, 20, 1, -1), (20, 20, -1, -1)):
        p.drawPolyline([QPointF(x, y + 5 * dy), QPointF(x, y), QPointF(x + 5 * dx, y)])
    p.drawRect(QRectF(9, 9, 6, 6))


def _draw_grid(p: QPainter) -> None:
    for v in (4, 10, 16, 22):
        p.drawLine(QPointF(v - 1, 3), QPointF(v - 1, 21))
        p.drawLine(QPointF(3, v - 1), QPointF(21, v - 1))


def _draw_link(p: QPainter) -> None:
    p.drawEllipse(QRectF(2.5, 13.5, 7, 7))
    p.drawEllipse(QRectF(14.5, 3.5, 7, 7))
    p.drawLine(QPointF(8.5, 14.5), QPointF(15.5, 9.5))


def _draw_select(p: QPainter) -> None:
    path = QPainterPath(QPointF(6, 3))
    for x, y in ((6, 19), (10, 15), (13, 21), (15.5, 20), (12.5, 14), (18, 14)):
        path.lineTo(x, y)
    path.closeSubpath()
    p.drawPath(path)


def _draw_undo(p: QPainter, mirror: bool) -> None:
    if mirror:
        p.translate(24, 0)
        p.scale(-1, 1)
    path = QPainterPath(QPointF(5, 9))
    path.cubicTo(QPointF(9, 4), QPointF(20, 4), QPointF(19, 14))
    path.cubicTo(QPointF(18.5, 18), QPointF(15, 20), QPointF(12, 20))
    p.drawPath(path)
    p.drawPolyline([QPointF(5, 4), QPointF(5, 9), QPointF(10, 9)])


def _draw_delete(p: QPainter) -> None:
    p.drawLine(QPointF(4, 6), QPointF(20, 6))
    p.drawPolyline([QPointF(9, 6), QPointF(9, 3.5), QPointF(15, 3.5), QPointF(15, 6)])
    p.drawPolyline([QPointF(6, 6), QPointF(7, 21), QPointF(17, 21), QPointF(18, 6)])
    p.drawLine(QPointF(10, 10), QPointF(10, 17))
    p.drawLine(QPointF(14, 10), QPointF(14, 17))


def _draw_copy(p: QPainter) -> None:
    p.drawRoundedRect(QRectF(8, 8, 12, 13), 2, 2)
    p.drawPolyline([QPointF(5, 16), QPointF(4, 16), QPointF(4, 3), QPointF(15, 3), QPointF(15, 5)])


def _draw_paste(p: QPainter) -> None:
    p.drawRoundedRect(QRectF(5, 5, 14, 16), 2, 2)
    p.drawRoundedRect(QRectF(9, 3, 6, 4), 1, 1)


def _draw_card(p: QPainter) -> None:
    p.drawRoundedRect(QRectF(3, 7, 18, 10), 2.5, 2.5)
    p.drawEllipse(QRectF(5.5, 9.5, 5, 5))


_DRAWN: dict[str, Callable[[QPainter], None]] = {
    "zoom_in": lambda p: _draw_zoom(p, "+"),
    "zoom_out": lambda p: _draw_zoom(p, "-"),
    "fit": _draw_fit,
    "grid": _draw_grid,
    "link": _draw_link,
    "select": _draw_select,
    "undo": lambda p: _draw_undo(p, False),
    "redo": lambda p: _draw_undo(p, True),
    "delete": _draw_delete,
    "copy": _draw_copy,
    "paste": _draw_paste,
    "duplicate": _draw_copy,
    "card": _draw_card,
}


def make_icon(name: str) -> QIcon:
    """The icon called *name*, or an empty icon for an unknown or empty name."""
    app = QApplication.instance()
    if name in _STANDARD and app is not None:
        return app.style().standardIcon(_STANDARD[name])  # type: ignore[union-attr]
    draw = _DRAWN.get(name)
    if draw is None:
        return QIcon()
    colour = app.palette().color(QPalette.ColorRole.WindowText) if app is not None else QColor("#222")  # type: ignore[union-attr]
    image = QImage(SIZE, SIZE, QImage.Format.Format_ARGB32_Premultiplied)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.scale(SIZE / 24, SIZE / 24)
    pen = QPen(colour, 1.6)
    pen.setCapStyle(Qt.PenCapStyle.RoundCap)
    pen.setJoinStyle(Qt.PenJoinStyle.RoundJoin)
    painter.setPen(pen)
    draw(painter)
    painter.end()
    return QIcon(QPixmap.fromImage(image))


def type_icon(icon: str, colour: str, pixels: int = 32) -> QIcon:
    """An entity type's icon on its coloured badge, for the palette and type pickers."""
    image = QImage(pixels, pixels, QImage.Format.Format_ARGB32_Premultiplied)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setPen(Qt.PenStyle.NoPen)
    painter.setBrush(QColor(colour))
    painter.drawEllipse(QRectF(0, 0, pixels, pixels))
    inset = pixels * 0.2
    painter.drawImage(QRectF(inset, inset, pixels - 2 * inset, pixels - 2 * inset), icon_image(icon, "#ffffff", pixels))
    painter.end()
    return QIcon(QPixmap.fromImage(image))
