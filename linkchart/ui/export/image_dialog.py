"""File > Export > Image: the chart as PNG (scale, width or DPI), SVG or PDF (one page or tiled)."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QDoubleSpinBox,
    QFileDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QSpinBox,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from linkchart.render.image_export import PAGE_SIZES, ExportResult, ImageOptions, export_chart, png_scale
from linkchart.render.sheet import ChartSheet
from linkchart.ui.export.options import SheetOptionsWidget, SheetSettings
from linkchart.ui.export.source import ChartSource

FORMATS = (("png", "PNG picture"), ("svg", "SVG drawing (editable, e.g. in Inkscape)"), ("pdf", "PDF document"))
FILTERS = {"png": "PNG pictures (*.png)", "svg": "SVG drawings (*.svg)", "pdf": "PDF documents (*.pdf)"}


def suggested_name(source: ChartSource, suffix: str) -> str:
    title = source.case.metadata.get("title", "").strip() or "chart"
    safe = "".join(c if c.isalnum() or c in " -_" else "_" for c in title).strip() or "chart"
    return f"{safe}.{suffix}"


class ExportImageDialog(QDialog):
    """Choose file, format, part of the chart, decorations and size; Export writes the file."""

    def __init__(self, source: ChartSource, settings: SheetSettings, folder: str = "", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("exportImageDialog")
        self.setWindowTitle("Export Chart Image")
        self.source = source
        self.settings = settings
        self.result_info: ExportResult | None = None
        self._sheet: ChartSheet | None = None
        self._sheet_key: tuple = ()
        extra = settings.extra
        layout = QVBoxLayout(self)
        file_form = QFormLayout()
        self.format = QComboBox()
        self.format.setObjectName("format")
        for key, text in FORMATS:
            self.format.addItem(text, key)
        self.format.setCurrentIndex(max(0, self.format.findData(extra.get("format", "png"))))
        file_form.addRow("Format", self.format)
        self.path_edit = QLineEdit(str(Path(folder or Path.home()) / suggested_name(source, self.fmt())))
        self.path_edit.setObjectName("path")
        browse = QPushButton("Browse…")
        browse.setObjectName("browse")
        browse.clicked.connect(self.browse)
        row = QHBoxLayout()
        row.addWidget(self.path_edit, 1)
        row.addWidget(browse)
        file_form.addRow("File", row)
        layout.addLayout(file_form)
        self.options = SheetOptionsWidget(source.case, settings, source.has_selection)
        box = QGroupBox("Content")
        QVBoxLayout(box).addWidget(self.options)
        layout.addWidget(box)
        self.stack = QStackedWidget()
        self.stack.addWidget(self._png_page(extra))
        self.stack.addWidget(QLabel("SVG keeps text as text and each card and link as its own group."))
        self.stack.addWidget(self._pdf_page(extra))
        layout.addWidget(self.stack)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.export_button = buttons.addButton("Export", QDialogButtonBox.ButtonRole.AcceptRole)
        self.export_button.setObjectName("exportButton")
        self.export_button.setDefault(True)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.format.currentIndexChanged.connect(self._format_changed)
        self.path_edit.textChanged.connect(self._path_changed)
        self.options.changed.connect(self._update_size_label)
        self._format_changed()

    # ------------------------------------------------------------ pages
    def _png_page(self, extra: dict) -> QWidget:
        page = QWidget()
        form = QFormLayout(page)
        form.setContentsMargins(0, 0, 0, 0)
        self.size_mode = QComboBox()
        self.size_mode.setObjectName("size_mode")
        for key, text in (("scale", "Scale"), ("width", "Width in pixels"), ("dpi", "Dots per inch")):
            self.size_mode.addItem(text, key)
        self.size_value = QDoubleSpinBox()
        self.size_value.setObjectName("size_value")
        self.size_mode.setCurrentIndex(max(0, self.size_mode.findData(extra.get("size_mode", "scale"))))
        self._size_mode_changed(extra.get("size_value"))
        self.size_mode.currentIndexChanged.connect(lambda _i: self._size_mode_changed(None))
        self.size_value.valueChanged.connect(self._update_size_label)
        row = QHBoxLayout()
        row.addWidget(self.size_mode)
        row.addWidget(self.size_value)
        form.addRow("Size", row)
        self.size_label = QLabel()
        self.size_label.setObjectName("size_label")
        form.addRow("", self.size_label)
        return page

    def _size_mode_changed(self, value: float | None) -> None:
        mode = self.size_mode.currentData()
        spin = self.size_value
        spin.blockSignals(True)
        if mode == "scale":
            spin.setDecimals(2)
            spin.setRange(0.25, 8.0)
            spin.setSingleStep(0.5)
            spin.setSuffix(" \u00d7")
            spin.setValue(value or 2.0)
        elif mode == "width":
            spin.setDecimals(0)
            spin.setRange(100, 16384)
            spin.setSingleStep(100)
            spin.setSuffix(" px")
            spin.setValue(value or 2400)
        else:
            spin.setDecimals(0)
            spin.setRange(36, 1200)
            spin.setSingleStep(50)
            spin.setSuffix(" dpi")
            spin.setValue(value or 192)
        spin.blockSignals(False)
        self._update_size_label()

    def _pdf_page(self, extra: dict) -> QWidget:
        page = QWidget()
        form = QFormLayout(page)
        form.setContentsMargins(0, 0, 0, 0)
        self.pages = QComboBox()
        self.pages.setObjectName("pages")
        self.pages.addItem("Fit on one page", "fit")
        self.pages.addItem("Tile across pages (poster)", "tiled")
        self.pages.setCurrentIndex(max(0, self.pages.findData(extra.get("pages", "fit"))))
        form.addRow("Pages", self.pages)
        self.page_size = QComboBox()
        self.page_size.setObjectName("page_size")
        self.page_size.addItems(list(PAGE_SIZES))
        self.page_size.setCurrentText(extra.get("page_size", "A4"))
        form.addRow("Paper", self.page_size)
        self.orientation = QComboBox()
        self.orientation.setObjectName("orientation")
        for key, text in (("auto", "Automatic"), ("portrait", "Portrait"), ("landscape", "Landscape")):
            self.orientation.addItem(text, key)
        self.orientation.setCurrentIndex(max(0, self.orientation.findData(extra.get("orientation", "auto"))))
        form.addRow("Orientation", self.orientation)
        self.tile_scale = QSpinBox()
        self.tile_scale.setObjectName("tile_scale")
        self.tile_scale.setRange(10, 800)
        self.tile_scale.setSuffix(" %")
        self.tile_scale.setValue(int(extra.get("tile_scale", 100)))
        self.tile_scale.setToolTip("Size of the chart on paper when tiled: 100 % is its size on screen at 100 % zoom")
        form.addRow("Tiled size", self.tile_scale)
        self.pages.currentIndexChanged.connect(lambda _i: self.tile_scale.setEnabled(self.pages.currentData() == "tiled"))
        self.tile_scale.setEnabled(self.pages.currentData() == "tiled")
        return page

    # ------------------------------------------------------------ state
    def fmt(self) -> str:
        return self.format.currentData()

    def _format_changed(self, *_args) -> None:
        fmt = self.fmt()
        self.stack.setCurrentIndex([k for k, _ in FORMATS].index(fmt))
        path = Path(self.path_edit.text())
        if path.suffix.lower() != f".{fmt}":
            self.path_edit.blockSignals(True)
            self.path_edit.setText(str(path.with_suffix(f".{fmt}")) if path.name else "")
            self.path_edit.blockSignals(False)
        self._update_size_label()

    def _path_changed(self, text: str) -> None:
        suffix = Path(text).suffix.lower().lstrip(".")
        index = self.format.findData(suffix)
        if index >= 0 and index != self.format.currentIndex():
            self.format.blockSignals(True)
            self.format.setCurrentIndex(index)
            self.format.blockSignals(False)
            self.stack.setCurrentIndex(index)

    def browse(self) -> None:
        fmt = self.fmt()
        path, _ = QFileDialog.getSaveFileName(self, "Export Chart Image", self.path_edit.text(), ";;".join([FILTERS[fmt], *(v for k, v in FILTERS.items() if k != fmt)]))
        if path:
            self.path_edit.setText(path)

    def image_options(self) -> ImageOptions:
        options = ImageOptions(decorations=self.options.decorations())
        mode, value = self.size_mode.currentData(), self.size_value.value()
        if mode == "scale":
            options.scale = value
        elif mode == "width":
            options.width = int(value)
        else:
            options.dpi = int(value)
        options.tiled = self.pages.currentData() == "tiled"
        options.page_size = self.page_size.currentText()
        options.orientation = self.orientation.currentData()
        options.tile_scale = 0.75 * self.tile_scale.value() / 100
        return options

    def scope(self):
        s = self.source
        return self.options.scope(s.selected_entities, s.selected_links, s.view_rect)

    def _update_size_label(self, *_args) -> None:
        if self.fmt() != "png" or not hasattr(self, "size_label"):
            return
        options = self.image_options()
        key = (self.options.scope_key(), options.decorations.legend)
        if self._sheet is None or self._sheet_key != key:  # building a sheet walks every item: not on each keystroke
            self._sheet, self._sheet_key = ChartSheet(self.source.scene, self.scope(), options.decorations), key
        sheet = self._sheet
        sheet.decorations = options.decorations
        scale = png_scale(options)
        rect = sheet.layout_grow(scale, min(max(scale, 1.0), 4.0))
        if options.width:
            self.size_label.setText(f"{options.width} px wide")
        else:
            self.size_label.setText(f"about {round(rect.width()):,} \u00d7 {round(rect.height()):,} px")

    # ------------------------------------------------------------ export
    def accept(self) -> None:
        path = self.path_edit.text().strip()
        if not path:
            QMessageBox.warning(self, "Export Chart Image", "Choose a file to export to.")
            return
        self._remember()
        options = self.image_options()
        QGuiApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        try:
            with self.source.scene_for(options.decorations.background) as scene:
                self.result_info = export_chart(scene, path, options, self.scope())
        except (OSError, ValueError) as exc:
            QGuiApplication.restoreOverrideCursor()
            QMessageBox.warning(self, "Export Chart Image", f"Could not export to {path}:\n{exc}")
            return
        QGuiApplication.restoreOverrideCursor()
        super().accept()

    def _remember(self) -> None:
        self.options.store(self.settings)
        self.settings.extra.update(
            format=self.fmt(), size_mode=self.size_mode.currentData(), size_value=self.size_value.value(),
            pages=self.pages.currentData(), page_size=self.page_size.currentText(), orientation=self.orientation.currentData(),
            tile_scale=self.tile_scale.value(),
        )
