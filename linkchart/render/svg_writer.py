"""A fast SVG writer that stands in for QPainter, so chart items paint themselves straight into SVG.

QSvgGenerator takes about 19 s for a 10,000-card chart (every card's icon is
PNG-encoded again, every state change opens a group). Chart items only use a
small part of QPainter, so :class:`SvgPainter` implements that part and writes
elements directly: real ``<text>``, one ``<image>`` per distinct icon in
``<defs>`` reused through ``<use>``, one named group per card and link. The
items' own ``paint()`` still decides what is drawn, so the SVG matches the
screen. A call it does not implement raises :class:`UnsupportedPaint`, and the
caller falls back to QSvgGenerator.
"""

from __future__ import annotations

import base64
from html import escape

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QLineF, QPointF, QRectF, Qt
from PySide6.QtGui import QBrush, QColor, QFont, QFontInfo, QFontMetricsF, QImage, QPainterPath, QPen, QPolygonF, QTransform

_CAPS = {Qt.PenCapStyle.RoundCap: "round", Qt.PenCapStyle.SquareCap: "square", Qt.PenCapStyle.FlatCap: "butt"}
_JOINS = {Qt.PenJoinStyle.RoundJoin: "round", Qt.PenJoinStyle.BevelJoin: "bevel", Qt.PenJoinStyle.MiterJoin: "miter"}
_H_CENTER = int(Qt.AlignmentFlag.AlignHCenter)
_RIGHT = int(Qt.AlignmentFlag.AlignRight)
_V_CENTER = int(Qt.AlignmentFlag.AlignVCenter)
_BOTTOM = int(Qt.AlignmentFlag.AlignBottom)
_WRAP = int(Qt.TextFlag.TextWordWrap)


def image_bytes(image: QImage, fmt: str = "PNG") -> bytes:
    """An image encoded in memory."""
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    image.save(buffer, fmt)
    buffer.close()
    return bytes(data.data())


class UnsupportedPaint(RuntimeError):
    """An item painted with a QPainter call this writer does not implement."""


def _n(value: float) -> str:
    """A coordinate with six significant digits (SVG accepts the exponent form %g may give)."""
    return f"{value:g}"


def _matrix(t: QTransform) -> str:
    """A transform attribute: the linear part with 6 significant digits (rotations need them), offsets as coordinates."""
    return f' transform="matrix({t.m11():.6g},{t.m12():.6g},{t.m21():.6g},{t.m22():.6g},{_n(t.dx())},{_n(t.dy())})"'


def _colour(colour: QColor) -> tuple[str, str]:
    """An SVG colour and, when not opaque, its opacity."""
    alpha = colour.alphaF()
    return colour.name(), ("" if alpha >= 0.999 else f"{alpha:.3f}")


class SvgPainter:
    """Enough of QPainter for chart items and sheets; collects SVG elements in ``body``."""

    def __init__(self) -> None:
        self.body: list[str] = []
        self.defs: list[str] = []
        self._icons: dict[int, str] = {}
        self._clips: dict[tuple, str] = {}
        self._styles: dict[tuple, tuple[str, str]] = {}  # pen or brush key -> (attributes, text fill)
        self._fonts: dict[int, tuple[QFont, str, QFontMetricsF]] = {}  # id(font) -> (font kept alive, attributes, metrics)
        self._stack: list[tuple] = []
        self._group_open = False
        self._transform = QTransform()
        self._matrix = ""
        self._opacity = 1.0
        self._clip = ""
        self._stroke = ""
        self._text_fill = ' fill="#000000"'
        self._fill = ' fill="none"'
        self._font = QFont()
        self._font_attrs = ""
        self._fm = QFontMetricsF(self._font)
        self.setPen(QPen())
        self.setFont(self._font)

    # ------------------------------------------------------------ groups
    def begin_group(self, name: str, kind: str = "", title: str = "") -> None:
        """Close the open group (if any) and open ``<g id=name>``; an empty name just closes."""
        if self._group_open:
            self.body.append("</g>\n")
            self._group_open = False
        if name:
            cls = f' class="{escape(kind)}"' if kind else ""
            self.body.append(f'<g id="{escape(name)}"{cls}>\n')
            if title:
                self.body.append(f"<title>{escape(title)}</title>\n")
            self._group_open = True

    # ------------------------------------------------------------ state
    def save(self) -> None:
        # Every field is replaced, never mutated, so the stack can hold the objects themselves.
        self._stack.append((self._transform, self._matrix, self._opacity, self._clip, self._stroke, self._text_fill,
                            self._fill, self._font, self._font_attrs, self._fm))

    def restore(self) -> None:
        if self._stack:
            (self._transform, self._matrix, self._opacity, self._clip, self._stroke, self._text_fill,
             self._fill, self._font, self._font_attrs, self._fm) = self._stack.pop()

    def setRenderHint(self, *args) -> None:  # SVG viewers smooth everything
        pass

    def setRenderHints(self, *args) -> None:
        pass

    def worldTransform(self) -> QTransform:
        return QTransform(self._transform)

    transform = worldTransform

    def setTransform(self, transform: QTransform, combine: bool = False) -> None:
        self._transform = transform * self._transform if combine else QTransform(transform)
        t = self._transform
        self._matrix = "" if t.isIdentity() else _matrix(t)

    setWorldTransform = setTransform

    def resetTransform(self) -> None:
        self.setTransform(QTransform())

    def translate(self, *args) -> None:
        p = args[0] if len(args) == 1 else QPointF(*args)
        self.setTransform(QTransform.fromTranslate(p.x(), p.y()), True)

    def scale(self, sx: float, sy: float) -> None:
        self.setTransform(QTransform.fromScale(sx, sy), True)

    def rotate(self, degrees: float) -> None:
        self.setTransform(QTransform().rotate(degrees), True)

    def setOpacity(self, opacity: float) -> None:
        self._opacity = opacity

    def opacity(self) -> float:
        return self._opacity

    def setClipRect(self, rect, operation=None) -> None:
        """Clip later elements to *rect* (in the current coordinates)."""
        area = self._transform.mapRect(QRectF(rect))
        key = (round(area.x(), 2), round(area.y(), 2), round(area.width(), 2), round(area.height(), 2))
        if key not in self._clips:
            cid = f"clip{len(self._clips) + 1}"
            self._clips[key] = cid
            self.defs.append(f'<clipPath id="{cid}"><rect x="{_n(area.x())}" y="{_n(area.y())}" width="{_n(area.width())}" height="{_n(area.height())}"/></clipPath>\n')
        self._clip = f' clip-path="url(#{self._clips[key]})"'

    def setClipping(self, enable: bool) -> None:
        if not enable:
            self._clip = ""

    def setPen(self, pen) -> None:
        if isinstance(pen, QColor):
            key: tuple = ("colour", pen.rgba())
        else:
            if not isinstance(pen, QPen):
                pen = QPen(pen)  # a Qt.PenStyle or a GlobalColor
            style = pen.style()
            if style == Qt.PenStyle.NoPen:
                self._stroke = ' stroke="none"'
                return
            dashes = tuple(pen.dashPattern()) if style != Qt.PenStyle.SolidLine else ()
            key = (pen.color().rgba(), pen.widthF(), dashes, pen.capStyle(), pen.joinStyle())
        found = self._styles.get(key)
        if found is None:
            found = self._styles[key] = self._pen_attributes(pen if isinstance(pen, QPen) else QPen(pen))
        self._stroke, self._text_fill = found

    @staticmethod
    def _pen_attributes(pen: QPen) -> tuple[str, str]:
        colour, alpha = _colour(pen.color())
        width = pen.widthF() or 1.0
        text = f' stroke="{colour}" stroke-width="{_n(width)}"'
        if alpha:
            text += f' stroke-opacity="{alpha}"'
        if pen.style() != Qt.PenStyle.SolidLine:
            dashes = ",".join(_n(max(d * width, 0.01)) for d in pen.dashPattern())
            if dashes:
                text += f' stroke-dasharray="{dashes}"'
        text += f' stroke-linecap="{_CAPS.get(pen.capStyle(), "square")}" stroke-linejoin="{_JOINS.get(pen.joinStyle(), "bevel")}"'
        return text, f' fill="{colour}"' + (f' fill-opacity="{alpha}"' if alpha else "")

    def setBrush(self, brush) -> None:
        if isinstance(brush, QColor):
            key: tuple = ("fill", brush.rgba())
        else:
            if not isinstance(brush, QBrush):
                brush = QBrush(brush)  # a Qt.BrushStyle or a GlobalColor
            if brush.style() == Qt.BrushStyle.NoBrush:
                self._fill = ' fill="none"'
                return
            key = ("fill", brush.color().rgba())
        found = self._styles.get(key)
        if found is None:
            colour, alpha = _colour(brush if isinstance(brush, QColor) else brush.color())
            found = self._styles[key] = (f' fill="{colour}"' + (f' fill-opacity="{alpha}"' if alpha else ""), "")
        self._fill = found[0]

    def setFont(self, font: QFont) -> None:
        found = self._fonts.get(id(font))
        if found is None:
            if len(self._fonts) > 256:  # fonts made afresh on every paint: do not keep them all
                self._fonts.clear()
            info = QFontInfo(font)
            size = font.pixelSize() if font.pixelSize() > 0 else info.pixelSize()
            weight = "bold" if font.bold() else "normal"
            style = ' font-style="italic"' if font.italic() else ""
            attrs = f' font-family="{escape(info.family())}" font-size="{size}" font-weight="{weight}"{style}'
            found = self._fonts[id(font)] = (font, attrs, QFontMetricsF(font))
        self._font, self._font_attrs, self._fm = found

    def font(self) -> QFont:
        return QFont(self._font)

    def fontMetrics(self) -> QFontMetricsF:
        return self._fm

    # ------------------------------------------------------------ shapes
    def _tail(self, fill: str | None = None, stroke: str | None = None) -> str:
        opacity = f' opacity="{self._opacity:.3f}"' if self._opacity < 0.999 else ""
        return f"{self._fill if fill is None else fill}{self._stroke if stroke is None else stroke}{opacity}{self._matrix}{self._clip}/>\n"

    def drawRect(self, rect) -> None:
        r = QRectF(rect)
        self.body.append(f'<rect x="{_n(r.x())}" y="{_n(r.y())}" width="{_n(r.width())}" height="{_n(r.height())}"' + self._tail())

    def fillRect(self, rect, colour) -> None:
        r = QRectF(rect)
        value, alpha = _colour(colour.color() if isinstance(colour, QBrush) else QColor(colour))
        fill = f' fill="{value}"' + (f' fill-opacity="{alpha}"' if alpha else "")
        self.body.append(f'<rect x="{_n(r.x())}" y="{_n(r.y())}" width="{_n(r.width())}" height="{_n(r.height())}"' + self._tail(fill, ' stroke="none"'))

    def drawRoundedRect(self, rect, rx: float, ry: float, mode=Qt.SizeMode.AbsoluteSize) -> None:
        r = QRectF(rect)
        if mode == Qt.SizeMode.RelativeSize:
            rx, ry = rx * r.width() / 200, ry * r.height() / 200
        self.body.append(f'<rect x="{_n(r.x())}" y="{_n(r.y())}" width="{_n(r.width())}" height="{_n(r.height())}" rx="{_n(rx)}" ry="{_n(ry)}"' + self._tail())

    def drawEllipse(self, *args) -> None:
        if len(args) == 1:
            r = QRectF(args[0])
            cx, cy, rx, ry = r.center().x(), r.center().y(), r.width() / 2, r.height() / 2
        elif len(args) == 3:
            cx, cy, rx, ry = args[0].x(), args[0].y(), args[1], args[2]
        else:
            raise UnsupportedPaint("drawEllipse with these arguments")
        self.body.append(f'<ellipse cx="{_n(cx)}" cy="{_n(cy)}" rx="{_n(rx)}" ry="{_n(ry)}"' + self._tail())

    def drawLine(self, *args) -> None:
        line = args[0] if len(args) == 1 else QLineF(*args)
        self.body.append(f'<line x1="{_n(line.x1())}" y1="{_n(line.y1())}" x2="{_n(line.x2())}" y2="{_n(line.y2())}"' + self._tail(' fill="none"'))

    def drawPolygon(self, polygon, fill_rule=None) -> None:
        points = " ".join(f"{_n(p.x())},{_n(p.y())}" for p in QPolygonF(polygon))
        self.body.append(f'<polygon points="{points}"' + self._tail())

    def drawPolyline(self, polygon) -> None:
        points = " ".join(f"{_n(p.x())},{_n(p.y())}" for p in QPolygonF(polygon))
        self.body.append(f'<polyline points="{points}"' + self._tail(' fill="none"'))

    def drawPath(self, path: QPainterPath) -> None:
        parts = []
        count = path.elementCount()
        i = 0
        while i < count:
            e = path.elementAt(i)
            if e.isMoveTo():
                parts.append(f"M{_n(e.x)} {_n(e.y)}")
            elif e.isLineTo():
                parts.append(f"L{_n(e.x)} {_n(e.y)}")
            else:
                c2, end = path.elementAt(i + 1), path.elementAt(i + 2)
                parts.append(f"C{_n(e.x)} {_n(e.y)} {_n(c2.x)} {_n(c2.y)} {_n(end.x)} {_n(end.y)}")
                i += 2
            i += 1
        rule = ' fill-rule="evenodd"' if path.fillRule() == Qt.FillRule.OddEvenFill else ""
        self.body.append(f'<path d="{" ".join(parts)}"{rule}' + self._tail())

    def drawImage(self, target, image: QImage, source=None) -> None:
        """The image once in <defs>, then a <use> scaled into *target* (icons repeat on every card)."""
        if isinstance(target, QPointF):
            target = QRectF(target.x(), target.y(), image.width(), image.height())
        r = QRectF(target)
        key = image.cacheKey()
        if key not in self._icons:
            iid = f"img{len(self._icons) + 1}"
            data = base64.b64encode(image_bytes(image)).decode("ascii")
            self.defs.append(f'<image id="{iid}" width="{image.width()}" height="{image.height()}" xlink:href="data:image/png;base64,{data}"/>\n')
            self._icons[key] = iid
        t = QTransform().translate(r.x(), r.y()).scale(r.width() / max(1, image.width()), r.height() / max(1, image.height())) * self._transform
        matrix = _matrix(t)
        opacity = f' opacity="{self._opacity:.3f}"' if self._opacity < 0.999 else ""
        self.body.append(f'<use xlink:href="#{self._icons[key]}"{opacity}{matrix}{self._clip}/>\n')

    # ------------------------------------------------------------ text
    def drawText(self, *args) -> None:
        if len(args) == 2 and isinstance(args[0], QPointF):
            self._text_line(args[1], args[0].x(), args[0].y(), "start")
            return
        if len(args) == 3 and isinstance(args[0], (int, float)):
            self._text_line(args[2], float(args[0]), float(args[1]), "start")
            return
        if len(args) < 3:
            raise UnsupportedPaint("drawText with these arguments")
        rect, flags, text = args[0], int(args[1]), str(args[2])
        fm = self._fm
        lines = self._wrap(text, fm, rect.width()) if flags & _WRAP else text.split("\n")
        height = fm.height() + fm.lineSpacing() * (len(lines) - 1)
        if flags & _V_CENTER:
            top = rect.center().y() - height / 2
        elif flags & _BOTTOM:
            top = rect.bottom() - height
        else:
            top = rect.top()
        if flags & _H_CENTER:
            x, anchor = rect.center().x(), "middle"
        elif flags & _RIGHT:
            x, anchor = rect.right(), "end"
        else:
            x, anchor = rect.left(), "start"
        ascent, spacing = fm.ascent(), fm.lineSpacing()
        for index, line in enumerate(lines):
            self._text_line(line, x, top + ascent + index * spacing, anchor)

    @staticmethod
    def _wrap(text: str, fm: QFontMetricsF, width: float) -> list[str]:
        lines: list[str] = []
        for paragraph in text.split("\n"):
            line = ""
            for word in paragraph.split(" "):
                trial = f"{line} {word}" if line else word
                if line and fm.horizontalAdvance(trial) > width:
                    lines.append(line)
                    line = word
                else:
                    line = trial
            lines.append(line)
        return lines

    def _text_line(self, text: str, x: float, y: float, anchor: str) -> None:
        if not text:
            return
        anchor_attr = f' text-anchor="{anchor}"' if anchor != "start" else ""
        opacity = f' opacity="{self._opacity:.3f}"' if self._opacity < 0.999 else ""
        self.body.append(f'<text x="{_n(x)}" y="{_n(y)}"{self._font_attrs}{anchor_attr}{self._text_fill}{opacity}{self._matrix}{self._clip} '
                         f'xml:space="preserve">{escape(text, quote=False)}</text>\n')

    def __getattr__(self, name: str):
        raise UnsupportedPaint(f"QPainter.{name} is not supported by the SVG writer")

    # ------------------------------------------------------------ document
    def document(self, view: QRectF, title: str = "", description: str = "", dpi: float = 96.0) -> str:
        """The complete SVG file around what was painted."""
        self.begin_group("")
        w, h = view.width(), view.height()
        head = (
            '<?xml version="1.0" encoding="UTF-8" standalone="no"?>\n'
            f'<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" version="1.1" '
            f'width="{_n(w * 25.4 / dpi)}mm" height="{_n(h * 25.4 / dpi)}mm" '
            f'viewBox="{_n(view.x())} {_n(view.y())} {_n(w)} {_n(h)}">\n'
            f"<title>{escape(title)}</title>\n<desc>{escape(description)}</desc>\n"
        )
        return "".join([head, "<defs>\n", *self.defs, "</defs>\n", *self.body, "</svg>\n"])
