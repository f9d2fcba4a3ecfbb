"""File > Export > Image / Report and printing, driven through the real menu actions and dialogs."""

from __future__ import annotations

import defusedxml.ElementTree as ET
import pypdf
from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QImage
from PySide6.QtPrintSupport import QPrinter
from PySide6.QtWidgets import QCheckBox, QComboBox, QLineEdit, QMenu, QPushButton, QRadioButton

from linkchart.ui.export.printing import PrintOptionsWidget, print_chart
from linkchart.ui.export.source import ChartSource

SVG = "{http://www.w3.org/2000/svg}"


def type_path(qtbot, dialog, path) -> None:
    edit = dialog.findChild(QLineEdit, "path")
    edit.selectAll()
    qtbot.keyClicks(edit, str(path))


def test_file_menu_has_import_export_and_print(window):
    assert window.export_feature.window is window  # the main window installs the feature itself
    file_menu = next(a.menu() for a in window.menuBar().actions() if a.menu() and a.menu().title() == "&File")
    export_menu = file_menu.findChild(QMenu, "fileExportMenu")
    assert [a.objectName() for a in export_menu.actions()] == ["file.export_image", "file.export_report", "file.export_graph"]
    assert [a.objectName() for a in file_menu.findChild(QMenu, "fileImportMenu").actions()] == ["file.import_graph"]
    names = [a.objectName() for a in file_menu.actions()]
    assert names.index("file.print") < names.index("file.close") and "file.print_preview" in names
    assert window.findChild(QAction, "file.export_image").isEnabled()


def test_export_png_through_the_dialog(qtbot, window, modal, tmp_path):
    out = tmp_path / "chart.png"
    errors: list[BaseException] = []

    def act(dialog) -> None:
        type_path(qtbot, dialog, out)
        assert dialog.findChild(QComboBox, "format").currentData() == "png"
        assert "px" in dialog.size_label.text()
        qtbot.mouseClick(dialog.export_button, Qt.MouseButton.LeftButton)

    modal("exportImageDialog", act, errors)
    window.actions["file.export_image"].trigger()
    assert not errors, errors
    image = QImage(str(out))
    assert image.width() > 600 and image.height() > 400  # 2x by default
    assert "Exported the chart" in window.statusBar().currentMessage()


def test_export_selection_as_svg(qtbot, window, modal, ids, tmp_path):
    window.selection.set([ids["Iran"], ids["Houthis"]])
    out = tmp_path / "selection.svg"
    errors: list[BaseException] = []

    def act(dialog) -> None:
        selection = dialog.findChild(QRadioButton, "scope_selection")
        assert selection.isEnabled()
        qtbot.mouseClick(selection, Qt.MouseButton.LeftButton)
        type_path(qtbot, dialog, out)  # the .svg suffix switches the format
        assert dialog.findChild(QComboBox, "format").currentData() == "svg"
        qtbot.mouseClick(dialog.export_button, Qt.MouseButton.LeftButton)

    modal("exportImageDialog", act, errors)
    window.actions["file.export_image"].trigger()
    assert not errors, errors
    root = ET.parse(out).getroot()
    texts = ["".join(t.itertext()) for t in root.iter(f"{SVG}text")]
    assert "Iran" in texts and "Houthis" in texts and "Hezbollah" not in texts and "Syria" not in texts
    cards = [g for g in root.iter(f"{SVG}g") if g.get("class") == "card"]
    assert len(cards) == 2 and window.export_feature.image_settings.scope == "selection"


def test_export_report_through_the_dialog(qtbot, window, modal, tmp_path):
    out = tmp_path / "brief.html"
    errors: list[BaseException] = []

    def act(dialog) -> None:
        type_path(qtbot, dialog, out)
        assert dialog.findChild(QCheckBox, "chart_check").isChecked()
        qtbot.mouseClick(dialog.findChild(QPushButton, "exportButton"), Qt.MouseButton.LeftButton)

    modal("exportReportDialog", act, errors)
    window.actions["file.export_report"].trigger()
    assert not errors, errors
    html = out.read_text(encoding="utf-8")
    assert "Iranian-sponsored Houthi rebels" in html and "data:image/png;base64," in html and "http:" not in html


def test_print_preview_fits_one_page_or_tiles(qtbot, window):
    dialog = window.export_feature.printing.preview_dialog()
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitUntil(lambda: dialog.pages_painted == 1)
    assert dialog.preview.pageCount() == 1
    dialog.options.tile_scale.setValue(400)
    dialog.options.pages.setCurrentIndex(dialog.options.pages.findData("tiled"))
    qtbot.waitUntil(lambda: dialog.pages_painted > 1)
    assert dialog.preview.pageCount() == dialog.pages_painted
    dialog.close()


def test_printing_to_a_pdf_printer(qapp, window, tmp_path):
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(tmp_path / "printed.pdf"))
    source = ChartSource.from_window(window)
    options = PrintOptionsWidget(source, window.export_feature.printing.settings)
    assert print_chart(printer, source, options.image_options(), options.scope()) == 1
    text = " ".join(pypdf.PdfReader(tmp_path / "printed.pdf").pages[0].extract_text().split())
    assert "Houthis" in text and "Proxies" in text and "UNCLASSIFIED" in text
