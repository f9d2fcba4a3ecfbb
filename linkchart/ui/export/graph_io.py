"""File > Import > Graph File and File > Export > Graph File, through the io registry.

Import: choose a file; for CSV, confirm the column mapping; read it on a
worker (progress, Cancel); preview the importer's report; apply as one
:class:`~linkchart.commands.ApplyDraftCommand`. Export: any registered writer.
"""

from __future__ import annotations

import copy
import math
from dataclasses import replace
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QDialog, QFileDialog, QMessageBox, QWidget

from linkchart.commands import ApplyDraftCommand, push
from linkchart.io import (
    CaseFileError,
    CsvMapping,
    ImportCancelled,
    ImportContext,
    graph_reader_for,
    read_graph,
    readers,
    write_graph,
    writers,
)
from linkchart.io.csv_format import read_csv_files
from linkchart.io.registry import writer_for, writer_named
from linkchart.model import Case, CaseError, Draft
from linkchart.ui.export.csv_dialog import CsvMappingDialog
from linkchart.ui.export.import_dialog import ImportPreviewDialog
from linkchart.ui.worker import Cancelled, Progress, run_task

GRID_X, GRID_Y = 240.0, 110.0  # spacing of imported cards that came without positions


def import_filter() -> str:
    patterns = sorted({f"*{ext}" for spec in readers() for ext in spec.extensions})
    per_format = [f"{spec.label} ({' '.join('*' + e for e in spec.extensions)})" for spec in readers() if spec.extensions]
    return ";;".join([f"Graph files ({' '.join(patterns)})", *per_format, "All files (*)"])


def export_filters() -> dict[str, str]:
    """File-dialog filter -> writer name."""
    return {f"{spec.label} ({' '.join('*' + e for e in spec.extensions)})": spec.name for spec in writers()}


def read_in_worker(path: str, ctx: ImportContext, csv_pair: tuple[Path | None, Path | None] | None, progress: Progress) -> Draft:
    """Runs on the worker thread over a snapshot (the case's articles and a copy of its vocabulary)."""

    def report(fraction: float) -> bool:
        try:
            progress.report(fraction)
        except Cancelled:
            return False
        return True

    ctx.progress = report
    try:
        if csv_pair is not None:
            return read_csv_files(csv_pair[0], csv_pair[1], ctx, ctx.csv_mapping)
        return read_graph(path, ctx)
    except ImportCancelled:
        raise Cancelled from None


def place_unpositioned(draft: Draft, beside) -> Draft:
    """Cards that all came at (0, 0) are set out on a grid to the right of the chart (a layout can tidy them later)."""
    ents = draft.entities
    if len(ents) < 2 or any(e.x or e.y for e in ents):
        return draft
    columns = max(1, math.ceil(math.sqrt(len(ents) * 2)))
    left = beside.right() + GRID_X if beside is not None and not beside.isEmpty() else 0.0
    top = beside.top() if beside is not None and not beside.isEmpty() else 0.0
    draft.entities = [replace(e, x=left + (i % columns) * GRID_X, y=top + (i // columns) * GRID_Y) for i, e in enumerate(ents)]
    return draft


class GraphTransfer:
    """Import and export of graph files for one window (``window.case``, ``undo_stack``, ``selection``, ``scene``)."""

    def __init__(self, window: QWidget) -> None:
        self.window = window
        self.last_report = None

    # ------------------------------------------------------------ questions (one place each, for tests)
    def ask_import_path(self) -> str:
        path, _ = QFileDialog.getOpenFileName(self.window, "Import Graph File", self._folder(), import_filter())
        return path

    def ask_export_path(self) -> tuple[str, str]:
        filters = export_filters()
        start = str(Path(self._folder()) / (self.window.case.metadata.get("title", "") or "chart"))
        path, chosen = QFileDialog.getSaveFileName(self.window, "Export Graph File", start, ";;".join(filters))
        return path, filters.get(chosen, "")

    def ask_csv_mapping(self, path: str) -> tuple[CsvMapping, tuple[Path | None, Path | None]] | None:
        """The column mapping and which files to read (entities, links), or None if cancelled."""
        dialog = CsvMappingDialog(path, self.window.case.vocabulary, self.window)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return None
        return dialog.mapping(), dialog.files()

    def confirm(self, dialog: ImportPreviewDialog) -> bool:
        return dialog.exec() == QDialog.DialogCode.Accepted

    def _folder(self) -> str:
        session = getattr(self.window, "session", None)
        return getattr(session, "last_folder", "") or str(Path.home())

    # ------------------------------------------------------------ import
    def import_dialog(self) -> bool:
        path = self.ask_import_path()
        return self.import_file(path) if path else False

    def import_file(self, path: str) -> bool:
        """Read *path*, preview, apply as one undo step; False if nothing was imported."""
        case: Case = self.window.case
        spec = graph_reader_for(path)
        if spec is None:
            QMessageBox.warning(self.window, "Import Graph File", f"{Path(path).name} is not a graph file LinkChart can read.")
            return False
        ctx = ImportContext(articles=tuple(case.articles.values()), vocabulary=copy.deepcopy(case.vocabulary))
        pair = None
        if spec.name == "csv":
            answer = self.ask_csv_mapping(path)
            if answer is None:
                return False
            ctx.csv_mapping, pair = answer
        result = run_task(self.window, f"Reading {Path(path).name}…", read_in_worker, path, ctx, pair)
        if result.cancelled:
            self._status("Import cancelled; nothing changed")
            return False
        if result.error is not None:
            message = str(result.error) if isinstance(result.error, (CaseFileError, OSError)) else f"{type(result.error).__name__}: {result.error}"
            QMessageBox.warning(self.window, "Import Graph File", f"Could not import {Path(path).name}:\n{message}")
            return False
        draft: Draft = result.value
        self.last_report = draft.report
        unplaced = len(draft.entities) > 1 and not any(e.x or e.y for e in draft.entities)
        note = "The file gives no positions: the cards will be set out in a grid beside the chart." if unplaced else ""
        if not self.confirm(ImportPreviewDialog(draft, case, note, self.window)):
            return False
        return self.apply(draft)

    def apply(self, draft: Draft) -> bool:
        place_unpositioned(draft, self.window.scene.items_rect() if self.window.case.entities else None)
        command = ApplyDraftCommand(self.window.case, draft, f"Import {draft.report.source or 'graph file'}")
        try:
            push(self.window.undo_stack, command)
        except CaseError as exc:
            QMessageBox.warning(self.window, "Import Graph File", f"The import could not be applied:\n{exc}")
            return False
        selection = getattr(self.window, "selection", None)
        if selection is not None:
            selection.set(command.entity_ids, command.link_ids)
        self._status(f"Imported {len(command.entity_ids):,} cards and {len(command.link_ids):,} links (Undo takes it all back)")
        return True

    # ------------------------------------------------------------ export
    def export_dialog(self) -> list[Path]:
        path, fmt = self.ask_export_path()
        return self.export_file(path, fmt) if path else []

    def export_file(self, path: str, fmt: str = "") -> list[Path]:
        """Write the case in the format of *path*'s extension (or *fmt*); returns the files written."""
        spec = writer_named(fmt) if fmt else None
        if spec is not None and writer_for(path) is None and spec.extensions:
            path += spec.extensions[0]  # the filter was chosen but the name typed without its extension
        QGuiApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        try:
            written = write_graph(self.window.case, path, fmt or None)
        except CaseFileError as exc:
            QGuiApplication.restoreOverrideCursor()
            QMessageBox.warning(self.window, "Export Graph File", str(exc))
            return []
        QGuiApplication.restoreOverrideCursor()
        self._status("Wrote " + ", ".join(p.name for p in written))
        return written

    def _status(self, text: str) -> None:
        bar = getattr(self.window, "statusBar", None)
        if callable(bar):
            bar().showMessage(text, 6000)
