"""The briefing report: the chart first, then every entity and link with its quotes, then the numbered sources.

Two outputs with the same content: one self-contained HTML file (the chart as
a ``data:`` PNG, the CSS inline, no external reference at all) and a PDF (the
chart as a vector page, then the text laid out by QTextDocument).
"""

from __future__ import annotations

import base64
import datetime as dt
from dataclasses import dataclass, field
from html import escape
from pathlib import Path

from PySide6.QtCore import QRectF, QSizeF, Qt
from PySide6.QtGui import QColor, QFont, QPageLayout, QPainter, QPdfWriter, QTextDocument

from linkchart import __version__
from linkchart.model import Case
from linkchart.render.image_export import (
    PDF_RESOLUTION,
    ImageOptions,
    image_bytes,
    page_layout,
    paint_pages,
    render_png,
    wants_landscape,
)
from linkchart.render.report_html import PDF_CSS, ReportInput, html_document, report_body
from linkchart.render.scene import ChartScene
from linkchart.render.sheet import ChartSheet, Decorations, Scope, sheet_font

REPORT_SUFFIXES = (".html", ".htm", ".pdf")
REPORT_IMAGE_PIXELS = 6_000_000  # the report's picture: sharp on screen and paper, small enough to mail
TEXT_PIXELS = 10.0  # body text size on the PDF page, in points


@dataclass
class ReportOptions:
    """What the report holds besides the case: its title, date, picture and page set-up."""

    title: str = ""  # default: the case title
    generated: str = ""  # default: now, "YYYY-MM-DD HH:MM"
    chart: bool = True
    legend: bool = True
    scope: Scope | None = None  # limit the picture and the text to some items
    image: ImageOptions = field(default_factory=ImageOptions)  # PDF page size and orientation come from here

    def resolved_title(self, case: Case) -> str:
        return self.title or case.metadata.get("title", "") or "Untitled case"

    def resolved_date(self) -> str:
        return self.generated or dt.datetime.now().strftime("%Y-%m-%d %H:%M")


def write_report(case: Case, path: str | Path, options: ReportOptions | None = None, scene: ChartScene | None = None) -> Path:
    """Write the report as .html or .pdf (by suffix); *scene* defaults to a headless one built from the case."""
    path = Path(path)
    suffix = path.suffix.lower()
    if suffix not in REPORT_SUFFIXES:
        raise ValueError(f"a report is .html or .pdf, not {suffix or path.name}")
    options = options or ReportOptions()
    own = scene is None
    scene = scene or ChartScene(case)
    try:
        if suffix == ".pdf":
            write_report_pdf(case, path, options, scene)
        else:
            path.write_text(report_html(case, options, scene), encoding="utf-8")
    finally:
        if own:
            scene.detach()
    return path


def _input(case: Case, options: ReportOptions, scene: ChartScene) -> ReportInput:
    scope = options.scope
    entity_ids = link_ids = None
    if scope is not None and (scope.entity_ids is not None or scope.link_ids is not None or scope.rect is not None):
        sheet = ChartSheet(scene, scope, Decorations(legend=False))
        entity_ids = [c.entity_id for c in sheet.cards]
        link_ids = [k.link_id for k in sheet.links]
    return ReportInput(case, entity_ids, link_ids, options.resolved_title(case), options.resolved_date())


def report_html(case: Case, options: ReportOptions | None = None, scene: ChartScene | None = None) -> str:
    """The report as one self-contained HTML page."""
    options = options or ReportOptions()
    own = scene is None
    scene = scene or ChartScene(case)
    try:
        data = _input(case, options, scene)
        chart = _chart_figure(scene, options) if options.chart and data.entities else ""
        return html_document(data.title, report_body(data, chart))
    finally:
        if own:
            scene.detach()


def _chart_figure(scene: ChartScene, options: ReportOptions) -> str:
    image_options = ImageOptions(decorations=Decorations(legend=options.legend, background="white"), scale=2.0)
    image, _ = render_png(scene, image_options, options.scope, max_pixels=REPORT_IMAGE_PIXELS)
    data = base64.b64encode(image_bytes(image)).decode("ascii")
    # Shown at half its pixel size: the picture is drawn at 2x for sharp print and high-dpi screens.
    width = max(1, image.width() // 2)
    alt = f"Chart of {options.resolved_title(scene.case) if scene.case else 'the case'}"
    return f'<div class="chart"><img alt="{escape(alt)}" width="{width}" src="data:image/png;base64,{data}"></div>'


# ---------------------------------------------------------------------- PDF
def write_report_pdf(case: Case, path: str | Path, options: ReportOptions, scene: ChartScene) -> int:
    """Page 1: the chart (vector) with title, date and legend; then the text pages. Returns the page count."""
    data = _input(case, options, scene)
    classification = case.metadata.get("classification", "").strip()
    footer = " \u00b7 ".join(x for x in (data.title, classification, f"Generated by LinkChart {__version__}") if x)
    writer = QPdfWriter(str(path))
    writer.setResolution(PDF_RESOLUTION)
    writer.setTitle(data.title)
    writer.setCreator(f"LinkChart {__version__}")
    chart_options = ImageOptions(decorations=Decorations(title=data.title, date=data.generated, footer=footer, legend=options.legend),
                                 page_size=options.image.page_size, orientation=options.image.orientation)
    sheet = ChartSheet(scene, options.scope, chart_options.decorations)
    draw_chart = options.chart and bool(data.entities)
    text_layout = page_layout(chart_options, landscape=False)
    writer.setPageLayout(page_layout(chart_options, wants_landscape(sheet, chart_options)) if draw_chart else text_layout)
    painter = QPainter(writer)
    if not painter.isActive():
        raise OSError(f"could not write {path}")
    pages = 0
    if draw_chart:
        pages += paint_pages(painter, writer, sheet, chart_options)
        writer.setPageLayout(text_layout)
        writer.newPage()
    pages += _paint_text_pages(painter, writer, report_body(data), footer, pages)
    painter.end()
    return pages


def _paint_text_pages(painter: QPainter, writer: QPdfWriter, body: str, footer: str, before: int) -> int:
    """Lay the text out on pages after the *before* chart pages; returns how many text pages it took."""
    k = writer.resolution() / 72.0
    paint = writer.pageLayout().paintRect(QPageLayout.Unit.Point)
    band = 18.0
    width, height = paint.width(), paint.height() - band
    doc = QTextDocument()
    font = QFont()
    font.setPixelSize(round(TEXT_PIXELS))
    doc.setDefaultFont(font)
    doc.setDefaultStyleSheet(PDF_CSS)
    doc.setDocumentMargin(0)
    doc.setHtml(body)
    doc.setPageSize(QSizeF(width, height))
    count = doc.pageCount()
    for index in range(count):
        if index:
            writer.newPage()
        painter.save()
        painter.scale(k, k)
        painter.save()
        painter.translate(0, -index * height)
        doc.drawContents(painter, QRectF(0, index * height, width, height))
        painter.restore()
        painter.setFont(sheet_font(8))
        painter.setPen(QColor("#5f6670"))
        foot = QRectF(0, height, width, band)
        painter.drawText(foot, int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignBottom), footer)
        painter.drawText(foot, int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignBottom), f"{before + index + 1} / {before + count}")
        painter.restore()
    return count
