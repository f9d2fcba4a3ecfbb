"""File > Export > Report: the briefing as one self-contained HTML file or a PDF."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QButtonGroup,
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from linkchart.render.image_export import PAGE_SIZES, ImageOptions
from linkchart.render.report import ReportOptions, write_report
from linkchart.render.sheet import Scope
from linkchart.ui.export.image_dialog import suggested_name
from linkchart.ui.export.source import ChartSource

FILTERS = {"html": "Web page, self-contained (*.html)", "pdf": "PDF documents (*.pdf)"}


class ExportReportDialog(QDialog):
    """Choose file (.html or .pdf), title, what to include; Export writes the report."""

    def __init__(self, source: ChartSource, settings: dict, folder: str = "", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("exportReportDialog")
        self.setWindowTitle("Export Briefing Report")
        self.source = source
        self.settings = settings
        self.written: Path | None = None
        form = QFormLayout()
        self.format = QComboBox()
        self.format.setObjectName("format")
        self.format.addItem("Web page (HTML, one file)", "html")
        self.format.addItem("PDF document", "pdf")
        self.format.setCurrentIndex(max(0, self.format.findData(settings.get("format", "html"))))
        form.addRow("Format", self.format)
        self.path_edit = QLineEdit(str(Path(folder or Path.home()) / suggested_name(source, self.format.currentData())))
        self.path_edit.setObjectName("path")
        browse = QPushButton("Browse…")
        browse.clicked.connect(self.browse)
        row = QHBoxLayout()
        row.addWidget(self.path_edit, 1)
        row.addWidget(browse)
        form.addRow("File", row)
        self.title_edit = QLineEdit(source.case.metadata.get("title", ""))
        self.title_edit.setObjectName("title_edit")
        form.addRow("Title", self.title_edit)
        scope_row = QHBoxLayout()
        self.scope_group = QButtonGroup(self)
        self.all_button = QRadioButton("Whole chart")
        self.all_button.setObjectName("scope_all")
        self.selection_button = QRadioButton("Selection only")
        self.selection_button.setObjectName("scope_selection")
        self.selection_button.setEnabled(source.has_selection)
        for button in (self.all_button, self.selection_button):
            self.scope_group.addButton(button)
            scope_row.addWidget(button)
        (self.selection_button if source.has_selection and settings.get("scope") == "selection" else self.all_button).setChecked(True)
        form.addRow("Cover", scope_row)
        self.chart_check = QCheckBox("The chart picture first")
        self.chart_check.setObjectName("chart_check")
        self.chart_check.setChecked(settings.get("chart", True))
        self.legend_check = QCheckBox("A legend under the chart")
        self.legend_check.setObjectName("legend")
        self.legend_check.setChecked(settings.get("legend", True))
        self.chart_check.toggled.connect(self.legend_check.setEnabled)
        form.addRow("Include", self.chart_check)
        form.addRow("", self.legend_check)
        self.page_size = QComboBox()
        self.page_size.setObjectName("page_size")
        self.page_size.addItems(list(PAGE_SIZES))
        self.page_size.setCurrentText(settings.get("page_size", "A4"))
        form.addRow("Paper (PDF)", self.page_size)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        export = buttons.addButton("Export", QDialogButtonBox.ButtonRole.AcceptRole)
        export.setObjectName("exportButton")
        export.setDefault(True)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(buttons)
        self.format.currentIndexChanged.connect(self._format_changed)
        self._format_changed()

    def _format_changed(self, *_args) -> None:
        fmt = self.format.currentData()
        path = Path(self.path_edit.text())
        if path.name and path.suffix.lower().lstrip(".") != fmt:
            self.path_edit.setText(str(path.with_suffix(f".{fmt}")))
        self.page_size.setEnabled(fmt == "pdf")

    def browse(self) -> None:
        fmt = self.format.currentData()
        path, _ = QFileDialog.getSaveFileName(self, "Export Briefing Report", self.path_edit.text(), ";;".join([FILTERS[fmt], *(v for k, v in FILTERS.items() if k != fmt)]))
        if path:
            self.path_edit.setText(path)

    def report_options(self) -> ReportOptions:
        s = self.source
        scope = Scope.selection(s.selected_entities, s.selected_links) if self.selection_button.isChecked() else None
        return ReportOptions(title=self.title_edit.text().strip(), chart=self.chart_check.isChecked(), legend=self.legend_check.isChecked(),
                             scope=scope, image=ImageOptions(page_size=self.page_size.currentText()))

    def accept(self) -> None:
        path = Path(self.path_edit.text().strip())
        if not path.name:
            QMessageBox.warning(self, "Export Briefing Report", "Choose a file to write the report to.")
            return
        if path.suffix.lower() not in (".html", ".htm", ".pdf"):
            path = path.with_suffix(f".{self.format.currentData()}")
        self.settings.update(format=self.format.currentData(), scope="selection" if self.selection_button.isChecked() else "all",
                             chart=self.chart_check.isChecked(), legend=self.legend_check.isChecked(), page_size=self.page_size.currentText())
        QGuiApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        try:
            with self.source.scene_for("white") as scene:
                self.written = write_report(self.source.case, path, self.report_options(), scene)
        except (OSError, ValueError) as exc:
            QGuiApplication.restoreOverrideCursor()
            QMessageBox.warning(self, "Export Briefing Report", f"Could not write {path}:\n{exc}")
            return
        QGuiApplication.restoreOverrideCursor()
        super().accept()
