"""Out of the workstation: chart images, printing, briefing reports, and graph files in and out.

``install(window)`` adds File > Import > Graph File, File > Export > Image /
Report / Graph File, Page Setup, Print Preview and Print to a main window, and
keeps ``window.export_feature`` for tests and other features. The dialogs,
the printer and the graph readers are loaded when first used, not at start-up.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtGui import QAction
from PySide6.QtWidgets import QMainWindow, QMenu

from linkchart.ui.actions import HAS_ITEMS, Actions
from linkchart.ui.export.actions import (
    EXPORT_GRAPH,
    EXPORT_IMAGE,
    EXPORT_REPORT,
    EXPORT_SPECS,
    IMPORT_GRAPH,
    PAGE_SETUP,
    PRINT,
    PRINT_PREVIEW,
)
from linkchart.ui.menus import menu_bar_menu

if TYPE_CHECKING:
    from linkchart.ui.export.graph_io import GraphTransfer
    from linkchart.ui.export.image_dialog import ExportImageDialog
    from linkchart.ui.export.options import SheetSettings
    from linkchart.ui.export.printing import PrintController
    from linkchart.ui.export.report_dialog import ExportReportDialog
    from linkchart.ui.export.source import ChartSource


class ExportFeature:
    """The feature's controllers and remembered choices for one window."""

    def __init__(self, window: QMainWindow) -> None:
        self.window = window
        self.actions = _registry(window)
        self.report_settings: dict = {}
        self._image_settings: SheetSettings | None = None
        self._graphs: GraphTransfer | None = None
        self._printing: PrintController | None = None
        self.last_export = None
        self._build_menus()
        self.actions[IMPORT_GRAPH].triggered.connect(lambda: self.graphs.import_dialog())
        self.actions[EXPORT_GRAPH].triggered.connect(lambda: self.graphs.export_dialog())
        self.actions[EXPORT_IMAGE].triggered.connect(self.export_image)
        self.actions[EXPORT_REPORT].triggered.connect(self.export_report)
        self.actions[PAGE_SETUP].triggered.connect(lambda: self.printing.page_setup())
        self.actions[PRINT_PREVIEW].triggered.connect(lambda: self.printing.print_preview())
        self.actions[PRINT].triggered.connect(lambda: self.printing.print_())
        changed = getattr(window, "document_changed", None)
        if changed is not None:
            changed.connect(self._document_changed)

    # ------------------------------------------------------------ made on first use
    @property
    def image_settings(self) -> SheetSettings:
        if self._image_settings is None:
            from linkchart.ui.export.options import SheetSettings

            self._image_settings = SheetSettings()
        return self._image_settings

    @property
    def graphs(self) -> GraphTransfer:
        if self._graphs is None:
            from linkchart.ui.export.graph_io import GraphTransfer

            self._graphs = GraphTransfer(self.window)
        return self._graphs

    @property
    def printing(self) -> PrintController:
        if self._printing is None:
            from linkchart.ui.export.printing import PrintController

            self._printing = PrintController(self.window, self.source)
        return self._printing

    def source(self) -> ChartSource:
        from linkchart.ui.export.source import ChartSource

        return ChartSource.from_window(self.window)

    def _folder(self) -> str:
        return getattr(getattr(self.window, "session", None), "last_folder", "")

    def image_dialog(self) -> ExportImageDialog:
        from linkchart.ui.export.image_dialog import ExportImageDialog

        return ExportImageDialog(self.source(), self.image_settings, self._folder(), self.window)

    def export_image(self) -> None:
        dialog = self.image_dialog()
        if dialog.exec():
            self.last_export = dialog.result_info
            note = " (reduced to stay within the size limit)" if dialog.result_info and dialog.result_info.reduced else ""
            self._status(f"Exported the chart to {dialog.path_edit.text()}{note}")

    def report_dialog(self) -> ExportReportDialog:
        from linkchart.ui.export.report_dialog import ExportReportDialog

        return ExportReportDialog(self.source(), self.report_settings, self._folder(), self.window)

    def export_report(self) -> None:
        dialog = self.report_dialog()
        if dialog.exec():
            self._status(f"Wrote the report {dialog.written}")

    def _document_changed(self) -> None:
        # Titles and footers typed for one case do not belong on the next one (nothing typed yet if never made).
        for settings in (self._image_settings, self._printing.settings if self._printing else None):
            if settings is None:
                continue
            settings.title = settings.footer = ""
            settings.scope = "all"

    def _status(self, text: str) -> None:
        self.window.statusBar().showMessage(text, 6000)

    # ------------------------------------------------------------ menus
    def _build_menus(self) -> None:
        a = self.actions
        file_menu = menu_bar_menu(self.window, "&File")
        before = next((x for x in file_menu.actions() if x.objectName() == "file.close"), None)
        import_menu = _submenu(file_menu, "fileImportMenu", "&Import", before)
        import_menu.addAction(a[IMPORT_GRAPH])
        export_menu = _submenu(file_menu, "fileExportMenu", "&Export", before)
        export_menu.addActions([a[EXPORT_IMAGE], a[EXPORT_REPORT], a[EXPORT_GRAPH]])
        for action in (a[PAGE_SETUP], a[PRINT_PREVIEW], a[PRINT]):
            if before is not None:
                file_menu.insertAction(before, action)
            else:
                file_menu.addAction(action)
        if before is not None:
            file_menu.insertSeparator(before)


def _registry(window: QMainWindow) -> Actions:
    registry = getattr(window, "actions", None)
    if not isinstance(registry, Actions):
        registry = Actions(window, ())
    has_items = bool(getattr(window, "case", None) and window.case.entities)
    for spec in EXPORT_SPECS:
        if spec.id not in registry:
            registry.add(spec).setEnabled(spec.enabled_when != HAS_ITEMS or has_items)  # until the window next updates them
    return registry


def _submenu(menu: QMenu, object_name: str, title: str, before: QAction | None) -> QMenu:
    """The submenu with this objectName or title (another feature may have made it), else a new one."""
    for action in menu.actions():
        sub = action.menu()
        if sub is not None and (sub.objectName() == object_name or sub.title().replace("&", "") == title.replace("&", "")):
            return sub
    sub = QMenu(title, menu)
    sub.setObjectName(object_name)
    if before is not None:
        menu.insertMenu(before, sub)
    else:
        menu.addMenu(sub)
    return sub


def install(window: QMainWindow) -> ExportFeature:
    """Add the export, print and graph import features to *window*."""
    feature = ExportFeature(window)
    window.export_feature = feature
    return feature
