"""File > Page Setup, Print Preview and Print: the chart fitted on one page or tiled across several.

Pages are painted by :func:`linkchart.render.image_export.paint_pages`, the
same code as the PDF export. The chart options (which part, title, legend,
fit or tile) sit in a tab of the print dialog and in the preview's toolbar.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtGui import QPageLayout, QPainter
from PySide6.QtPrintSupport import QPageSetupDialog, QPrintDialog, QPrinter, QPrintPreviewDialog, QPrintPreviewWidget
from PySide6.QtWidgets import QComboBox, QDialog, QFormLayout, QLabel, QSpinBox, QToolBar, QVBoxLayout, QWidget

from linkchart.render.image_export import ImageOptions, paint_pages
from linkchart.render.sheet import ChartSheet
from linkchart.ui.export.options import SheetOptionsWidget, SheetSettings
from linkchart.ui.export.source import ChartSource


class PrintOptionsWidget(QWidget):
    """The chart's options for printing: part of the chart, decorations, fit or tile."""

    def __init__(self, source: ChartSource, settings: SheetSettings, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("printOptions")
        self.setWindowTitle("Chart")
        self.source = source
        self.settings = settings
        layout = QVBoxLayout(self)
        self.sheet_options = SheetOptionsWidget(source.case, settings, source.has_selection, backgrounds=False)
        layout.addWidget(self.sheet_options)
        form = QFormLayout()
        self.pages = pages_combo(settings.extra.get("pages", "fit"))
        self.tile_scale = tile_spin(settings.extra.get("tile_scale", 100))
        form.addRow("Pages", self.pages)
        form.addRow("Tiled size", self.tile_scale)
        layout.addLayout(form)
        layout.addStretch(1)

    def image_options(self) -> ImageOptions:
        decorations = self.sheet_options.decorations()
        decorations.background = "white"
        return ImageOptions(decorations=decorations, tiled=self.pages.currentData() == "tiled", tile_scale=0.75 * self.tile_scale.value() / 100)

    def scope(self):
        s = self.source
        return self.sheet_options.scope(s.selected_entities, s.selected_links, s.view_rect)

    def store(self) -> None:
        self.sheet_options.store(self.settings)
        self.settings.extra.update(pages=self.pages.currentData(), tile_scale=self.tile_scale.value())


def pages_combo(current: str) -> QComboBox:
    combo = QComboBox()
    combo.setObjectName("pages")
    combo.addItem("Fit on one page", "fit")
    combo.addItem("Tile across pages", "tiled")
    combo.setCurrentIndex(max(0, combo.findData(current)))
    return combo


def tile_spin(value: int) -> QSpinBox:
    spin = QSpinBox()
    spin.setObjectName("tile_scale")
    spin.setRange(10, 800)
    spin.setSuffix(" %")
    spin.setValue(int(value))
    spin.setToolTip("Size of the chart on paper when tiled: 100 % is its size on screen at 100 % zoom")
    return spin


def print_chart(printer: QPrinter, source: ChartSource, options: ImageOptions, scope) -> int:
    """Paint the chart onto *printer*'s pages; returns the number of pages."""
    with source.scene_for("white") as scene:
        sheet = ChartSheet(scene, scope, options.decorations)
        painter = QPainter(printer)
        if not painter.isActive():
            return 0
        try:
            return paint_pages(painter, printer, sheet, options)
        finally:
            painter.end()


class PrintController:
    """One printer per window, remembered between prints; *source* gives the window's state when asked."""

    def __init__(self, parent: QWidget, source: Callable[[], ChartSource]) -> None:
        self.parent = parent
        self.source = source
        self.settings = SheetSettings()
        self._printer: QPrinter | None = None
        self.last_pages = 0

    @property
    def printer(self) -> QPrinter:
        """The window's printer; on first use it is turned to landscape if the chart is wider than tall."""
        if self._printer is None:
            self._printer = QPrinter(QPrinter.PrinterMode.HighResolution)
            rect = self.source().scene.items_rect()
            if rect.width() > rect.height():
                self._printer.setPageOrientation(QPageLayout.Orientation.Landscape)
        return self._printer

    def page_setup(self) -> None:
        QPageSetupDialog(self.printer, self.parent).exec()

    def print_dialog(self) -> tuple[QPrintDialog, PrintOptionsWidget]:
        """The print dialog with a "Chart" tab of our options (not shown yet)."""
        options = PrintOptionsWidget(self.source(), self.settings)
        dialog = QPrintDialog(self.printer, self.parent)
        dialog.setObjectName("printDialog")
        dialog.setOptionTabs([options])
        return dialog, options

    def print_(self) -> int:
        dialog, options = self.print_dialog()
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return 0
        options.store()
        self.last_pages = print_chart(self.printer, options.source, options.image_options(), options.scope())
        return self.last_pages

    def preview_dialog(self) -> PreviewDialog:
        return PreviewDialog(self.printer, self.source(), self.settings, self.parent)

    def print_preview(self) -> None:
        dialog = self.preview_dialog()
        dialog.exec()
        dialog.options.store()


class PreviewDialog(QPrintPreviewDialog):
    """Qt's print preview with our chart options in its toolbar; every change redraws the preview."""

    def __init__(self, printer: QPrinter, source: ChartSource, settings: SheetSettings, parent: QWidget | None = None) -> None:
        super().__init__(printer, parent)
        self.setObjectName("printPreview")
        self.options = PrintOptionsWidget(source, settings)
        self.preview = self.findChild(QPrintPreviewWidget)
        toolbar = self.findChild(QToolBar)
        if toolbar is not None:
            toolbar.addSeparator()
            toolbar.addWidget(QLabel(" Chart: "))
            toolbar.addWidget(self.options.pages)
            toolbar.addWidget(self.options.tile_scale)
        self.options.pages.currentIndexChanged.connect(self._refresh)
        self.options.tile_scale.valueChanged.connect(self._refresh)
        self.options.sheet_options.changed.connect(self._refresh)
        self.pages_painted = 0
        self.paintRequested.connect(self._paint)
        self.resize(980, 760)

    def _paint(self, printer: QPrinter) -> None:
        self.pages_painted = print_chart(printer, self.options.source, self.options.image_options(), self.options.scope())

    def _refresh(self, *_args) -> None:
        if self.preview is not None:
            self.preview.updatePreview()
