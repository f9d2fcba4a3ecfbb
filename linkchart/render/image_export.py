"""Export the chart as PNG, SVG or PDF, and paint it onto printer pages; shared by the window and the CLI.

Everything goes through :class:`~linkchart.render.sheet.ChartSheet`, which
paints the scene's own items, so an export looks like the screen.

- PNG: a chosen scale (default 2x), width or DPI; very large charts are scaled
  down to stay within :data:`MAX_SIDE` and :data:`MAX_PIXELS` (the result says so).
- SVG: real ``<text>``, one ``<g id="card-<id>">`` per card and ``<g id="link-<id>">``
  per link, so it can be edited in Inkscape. QSvgGenerator writes a flat run of
  groups (a new one per painter state), so a tiny invisible marker is painted
  before each item and the groups between two markers are wrapped afterwards.
- PDF and print: one page (fit) or tiled across pages with page numbers.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass, field
from html import escape
from pathlib import Path

from PySide6.QtCore import QBuffer, QIODevice, QMarginsF, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QImage, QPagedPaintDevice, QPageLayout, QPageSize, QPainter, QPdfWriter, QTransform
from PySide6.QtSvg import QSvgGenerator

from linkchart import __version__
from linkchart.render.scene import ChartScene
from linkchart.render.sheet import ChartSheet, Decorations, Scope, sheet_font
from linkchart.render.svg_writer import SvgPainter, UnsupportedPaint, image_bytes

IMAGE_SUFFIXES = (".png", ".svg", ".pdf")
MAX_SIDE = 16384  # pixels per side of a PNG
MAX_PIXELS = 12_000_000  # e.g. 4900 x 2450; larger posters are what the vector SVG and PDF are for
PNG_QUALITY = 70  # Qt's scale: 70 is zlib level 2, 3x faster than the default for about the same size
SCREEN_DPI = 96.0  # 1x = one chart unit per pixel, as on a 96 dpi screen
PDF_RESOLUTION = 1200
PAGE_UNIT = 0.75  # decoration units on paper: points per decoration pixel (as on a 96 dpi screen)
PAGE_NUMBER_BAND = 16.0  # points at the foot of a tiled page for its number
PAGE_SIZES = {"A4": QPageSize.PageSizeId.A4, "A3": QPageSize.PageSizeId.A3, "Letter": QPageSize.PageSizeId.Letter,
              "Legal": QPageSize.PageSizeId.Legal, "Tabloid": QPageSize.PageSizeId.Tabloid}
ORIENTATIONS = ("auto", "portrait", "landscape")
_MARK_X = -31337  # where the SVG item markers are drawn: no chart coordinate is that exact integer


@dataclass
class ImageOptions:
    """How to export: decorations, PNG size, PDF page set-up. ``width`` and ``dpi`` win over ``scale``."""

    decorations: Decorations = field(default_factory=Decorations)
    scale: float = 2.0  # PNG pixels per chart unit
    width: int = 0  # PNG width in pixels
    dpi: int = 0  # PNG resolution; 96 dpi = 1x
    tiled: bool = False  # PDF/print: tile the chart across pages instead of fitting one page
    tile_scale: float = 0.75  # tiled: points per chart unit (0.75 = the size it has on a 96 dpi screen)
    page_size: str = "A4"
    orientation: str = "auto"


@dataclass
class ExportResult:
    path: Path | None = None
    pages: int = 1
    size: QSize = field(default_factory=QSize)
    scale: float = 1.0
    reduced: bool = False  # the PNG was made smaller than asked to stay within the pixel limits


def export_chart(scene: ChartScene, path: str | Path, options: ImageOptions | None = None, scope: Scope | None = None) -> ExportResult:
    """Write the chart to *path*; the format follows the suffix (.png, .svg or .pdf)."""
    path = Path(path)
    suffix = path.suffix.lower()
    options = options or ImageOptions()
    if suffix == ".png":
        image, result = render_png(scene, options, scope)
        image.save(str(path), "PNG", PNG_QUALITY)
        if not path.exists():
            raise OSError(f"could not write {path}")
    elif suffix == ".svg":
        data = render_svg(scene, options, scope)
        path.write_bytes(data)
        result = ExportResult()
    elif suffix == ".pdf":
        result = write_pdf(scene, path, options, scope)
    else:
        raise ValueError(f"not an image format: {suffix or path.name} (use {', '.join(IMAGE_SUFFIXES)})")
    result.path = path
    return result


# ---------------------------------------------------------------------- PNG
def png_scale(options: ImageOptions) -> float:
    if options.dpi > 0:
        return options.dpi / SCREEN_DPI
    return options.scale if options.scale > 0 else 2.0


def render_png(scene: ChartScene, options: ImageOptions | None = None, scope: Scope | None = None,
               max_pixels: float = MAX_PIXELS) -> tuple[QImage, ExportResult]:
    """The sheet as an image; decorations grow with the scale up to 4x so they stay readable beside the chart."""
    options = options or ImageOptions()
    sheet = ChartSheet(scene, scope, options.decorations)
    scale = png_scale(options)
    if options.width > 0:
        scale = options.width / (sheet.source.width() + 40)
    unit = min(max(scale, 1.0), 4.0)
    rect = sheet.layout_grow(scale, unit)
    if options.width > 0:
        for _ in range(2):  # decorations do not scale with the chart: settle the chart scale on the asked width
            extra = rect.width() - sheet.chart_rect.width()
            scale = max(0.01, (options.width - extra) / sheet.source.width())
            rect = sheet.layout_grow(scale, unit)
    fit = min(1.0, MAX_SIDE / max(rect.width(), rect.height()), math.sqrt(max_pixels / max(1.0, rect.width() * rect.height())))
    zoom = options.width / rect.width() if options.width > 0 else 1.0
    fit = min(fit, 1.0 / zoom) if zoom > 1.0 else fit
    width = max(1, min(MAX_SIDE, round(rect.width() * zoom * fit)))
    height = max(1, min(MAX_SIDE, round(rect.height() * zoom * fit)))
    image = QImage(width, height, QImage.Format.Format_ARGB32_Premultiplied)
    image.fill(Qt.GlobalColor.transparent)
    if options.dpi > 0:
        image.setDotsPerMeterX(round(options.dpi / 0.0254))
        image.setDotsPerMeterY(round(options.dpi / 0.0254))
    painter = QPainter(image)
    painter.scale(width / rect.width(), height / rect.height())
    sheet.paint(painter)
    painter.end()
    return image, ExportResult(size=image.size(), scale=scale * zoom * fit, reduced=fit < 1.0)


# ---------------------------------------------------------------------- SVG
_MARKER = re.compile(r'<g [^>]*>\s*<rect x="' + str(_MARK_X) + r'" y="(\d+)"[^>]*/>\s*</g>\s*')
_EMPTY_GROUP = re.compile(r"<g [^>]*>\s*</g>\s*")


def render_svg(scene: ChartScene, options: ImageOptions | None = None, scope: Scope | None = None, engine: str = "fast") -> bytes:
    """The sheet as SVG at 1x, one named group per card, link and decoration.

    *engine* "fast" paints through :class:`SvgPainter` and falls back to "qt"
    (QSvgGenerator) if an item uses a painter call the fast writer lacks.
    """
    options = options or ImageOptions()
    sheet = ChartSheet(scene, scope, options.decorations)
    rect = sheet.layout_grow(1.0, 1.0)
    title = options.decorations.title or (scene.case.metadata.get("title", "") if scene.case else "") or "LinkChart chart"
    description = f"Generated by LinkChart {__version__}"
    if engine == "fast":
        svg = SvgPainter()
        try:
            sheet.paint(svg, lambda name: _svg_group(svg, scene, name))  # type: ignore[arg-type]
        except UnsupportedPaint:
            return render_svg(scene, options, scope, engine="qt")
        return svg.document(rect, title, description, SCREEN_DPI).encode("utf-8")
    return _render_svg_qt(sheet, rect, scene, title, description)


def _svg_group(svg: SvgPainter, scene: ChartScene, name: str) -> None:
    kind, _, item_id = name.partition("-")
    svg.begin_group(name, kind, _svg_title(scene, kind, item_id))


def _render_svg_qt(sheet: ChartSheet, rect: QRectF, scene: ChartScene, title: str, description: str) -> bytes:
    buffer = QBuffer()
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    generator = QSvgGenerator()
    generator.setOutputDevice(buffer)
    generator.setResolution(round(SCREEN_DPI))
    generator.setSize(QSize(math.ceil(rect.width()), math.ceil(rect.height())))
    generator.setViewBox(rect)
    generator.setTitle(title)
    generator.setDescription(description)
    painter = QPainter(generator)
    names: list[str] = []
    clear = QColor(0, 0, 0, 0)

    def mark(name: str) -> None:
        painter.save()
        painter.setTransform(QTransform())
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(clear)
        painter.drawRect(QRectF(_MARK_X, len(names), 1, 1))
        painter.restore()
        names.append(name)

    sheet.paint(painter, mark)
    painter.end()
    text = bytes(buffer.data().data()).decode("utf-8")
    return _regroup(text, names, scene).encode("utf-8")


def _regroup(text: str, names: list[str], scene: ChartScene) -> str:
    """Wrap what was painted between two markers in one named group; drop empty state groups."""
    parts = _MARKER.split(text)
    out = [_EMPTY_GROUP.sub("", parts[0])]
    for i in range(1, len(parts) - 1, 2):
        name, body = names[int(parts[i])], _EMPTY_GROUP.sub("", parts[i + 1])
        if not name:
            out.append(body)
            continue
        kind, _, item_id = name.partition("-")
        title = _svg_title(scene, kind, item_id)
        title = f"<title>{escape(title)}</title>\n" if title else ""
        out.append(f'<g id="{escape(name)}" class="{escape(kind)}">\n{title}{body}</g>\n')
    return "".join(out)


def _svg_title(scene: ChartScene, kind: str, item_id: str) -> str:
    """The <title> text naming a card or link: what Inkscape's object list and tooltips show."""
    case = scene.case
    if case is None:
        return ""
    if kind == "card" and item_id in case.entities:
        return case.entities[item_id].label
    if kind == "link" and item_id in case.links:
        link = case.links[item_id]
        src, dst = case.entities[link.source].label, case.entities[link.target].label
        return f"{src} {case.link_label(link)} {dst}"
    return ""


# ---------------------------------------------------------------- PDF, print
def page_layout(options: ImageOptions, landscape: bool) -> QPageLayout:
    size = QPageSize(PAGE_SIZES.get(options.page_size, QPageSize.PageSizeId.A4))
    orientation = {"portrait": False, "landscape": True}.get(options.orientation, landscape)
    return QPageLayout(size, QPageLayout.Orientation.Landscape if orientation else QPageLayout.Orientation.Portrait,
                       QMarginsF(36, 36, 36, 36), QPageLayout.Unit.Point)


def tile_unit(options: ImageOptions) -> float:
    """Decorations of tiled pages grow with the chart (up to 3x) so a big poster keeps a readable legend."""
    return max(PAGE_UNIT, min(options.tile_scale, 3.0))


def wants_landscape(sheet: ChartSheet, options: ImageOptions) -> bool:
    """For "auto" orientation: landscape when the chart (or, tiled, the whole sheet) is wider than tall."""
    if options.tiled:
        rect = sheet.layout_grow(options.tile_scale, tile_unit(options))
        return rect.width() > rect.height()
    return sheet.source.width() > sheet.source.height()


def write_pdf(scene: ChartScene, path: str | Path, options: ImageOptions | None = None, scope: Scope | None = None) -> ExportResult:
    options = options or ImageOptions()
    sheet = ChartSheet(scene, scope, options.decorations)
    writer = QPdfWriter(str(path))
    writer.setResolution(PDF_RESOLUTION)
    writer.setTitle(options.decorations.title or (scene.case.metadata.get("title", "") if scene.case else ""))
    writer.setCreator(f"LinkChart {__version__}")
    writer.setPageLayout(page_layout(options, wants_landscape(sheet, options)))
    painter = QPainter(writer)
    if not painter.isActive():
        raise OSError(f"could not write {path}")
    pages = paint_pages(painter, writer, sheet, options)
    painter.end()
    return ExportResult(pages=pages)


def paint_pages(painter: QPainter, device: QPagedPaintDevice, sheet: ChartSheet, options: ImageOptions) -> int:
    """Paint the sheet onto *device*'s pages (a QPdfWriter or a QPrinter); returns the page count.

    The painter's origin is the top-left of the printable area; work in points.
    """
    k = device.resolution() / 72.0
    paint = device.pageLayout().paintRect(QPageLayout.Unit.Point)
    page = QRectF(0, 0, paint.width(), paint.height())
    painter.save()
    painter.scale(k, k)
    if not options.tiled:
        sheet.layout_fit(page, PAGE_UNIT)
        sheet.paint(painter)
        painter.restore()
        return 1
    rect = sheet.layout_grow(options.tile_scale, tile_unit(options))
    room = QRectF(0, 0, page.width(), page.height() - PAGE_NUMBER_BAND)
    columns, rows = max(1, math.ceil(rect.width() / room.width() - 1e-6)), max(1, math.ceil(rect.height() / room.height() - 1e-6))
    total = rows * columns
    for number in range(total):
        row, column = divmod(number, columns)
        if number:
            device.newPage()
        painter.save()
        painter.setClipRect(room)
        painter.translate(-column * room.width(), -row * room.height())
        sheet.paint(painter, area=room.translated(column * room.width(), row * room.height()))
        painter.restore()
        painter.setFont(sheet_font(8))
        painter.setPen(QColor("#5f6670"))
        label = f"Page {number + 1} of {total}" + (f"  \u00b7  row {row + 1}, column {column + 1}" if total > 1 else "")
        painter.drawText(QRectF(0, room.bottom(), page.width(), PAGE_NUMBER_BAND), int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignBottom), label)
    painter.restore()
    return total


__all__ = ["ExportResult", "ImageOptions", "export_chart", "image_bytes", "paint_pages", "render_png", "render_svg", "write_pdf"]
