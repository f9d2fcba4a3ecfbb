"""Import article files: pick files or a folder (or drop them), read them on a worker, add them as one step.

Reading runs over the paths alone on a worker thread (the live case is never
touched there), with a progress dialog and Cancel. What comes back is a draft
of new articles plus a per-file account, applied as ONE undo step and then
summarised: added, skipped as duplicates (same text, by sha256), failed (why).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from html import escape
from pathlib import Path

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QFileDialog, QMessageBox

from linkchart.commands import ApplyDraftCommand, push
from linkchart.model import CaseError
from linkchart.ui.reader import ingest_adapter
from linkchart.ui.worker import run_task

SHOWN_LINES = 12  # file lines in the summary text; the rest go to its details


@dataclass
class ImportSummary:
    """What one import did, file by file, for the summary box and for tests."""

    added: list[tuple[str, str]] = field(default_factory=list)  # (file name, article id)
    duplicates: list[tuple[str, str]] = field(default_factory=list)  # (file name, why)
    failed: list[tuple[str, str]] = field(default_factory=list)  # (file name, reason)
    cancelled: bool = False

    def text(self) -> str:
        if self.cancelled:
            return "Import cancelled: nothing was added."
        parts = [f"Added {len(self.added)} article{'s' if len(self.added) != 1 else ''}."]
        if self.duplicates:
            parts.append(f"Skipped {len(self.duplicates)} already in the case (same text).")
        if self.failed:
            parts.append(f"{len(self.failed)} file{'s' if len(self.failed) != 1 else ''} could not be read.")
        return " ".join(parts)

    def details(self) -> str:
        lines = [f"Added: {name}" for name, _ in self.added]
        lines += [f"Skipped: {name}: {why}" for name, why in self.duplicates]
        lines += [f"Failed: {name}: {reason}" for name, reason in self.failed]
        return "\n".join(lines)


class ArticleImporter(QObject):
    """File > Import Articles / Import Folder, and article files dropped on the window."""

    imported = Signal(object)  # ImportSummary, after the draft is applied (or the import ended without it)

    def __init__(self, window) -> None:
        super().__init__(window)
        self.window = window
        self.progress_delay_ms = 400
        self.last_summary: ImportSummary | None = None
        self.summary_box: QMessageBox | None = None

    # ------------------------------------------------------------ asking
    def ask_article_paths(self) -> list[str]:
        patterns = " ".join(f"*.{ext}" for ext in ingest_adapter.supported_extensions())
        paths, _ = QFileDialog.getOpenFileNames(
            self.window, "Import Articles", self._start_folder(), f"Articles ({patterns});;All files (*)"
        )
        return paths

    def ask_folder(self) -> str:
        return QFileDialog.getExistingDirectory(self.window, "Import a Folder of Articles", self._start_folder())

    def _start_folder(self) -> str:
        session = getattr(self.window, "session", None)
        return getattr(session, "last_folder", "") or str(Path.home())

    def import_files_dialog(self) -> ImportSummary | None:
        paths = self.ask_article_paths()
        return self.import_paths(paths) if paths else None

    def import_folder_dialog(self) -> ImportSummary | None:
        folder = self.ask_folder()
        if not folder:
            return None
        if not ingest_adapter.article_files_in(folder):
            self._status(f"No readable articles in {folder}.")
            return None
        return self.import_paths([folder])

    # ------------------------------------------------------------ importing
    def import_paths(self, paths: list[str]) -> ImportSummary:
        """Read *paths* (folders expand) on a worker, apply the new articles as one undo step, show the summary."""
        paths = [str(p) for p in paths]
        case = self.window.case
        label = f"Importing {len(paths)} file{'s' if len(paths) != 1 else ''}\u2026" if len(paths) != 1 else f"Importing {Path(paths[0]).name}\u2026"
        snapshot = ingest_adapter.articles_snapshot(case)
        result = run_task(self.window, label, ingest_adapter.import_files, paths, snapshot, delay_ms=self.progress_delay_ms)
        summary = ImportSummary()
        if result.cancelled:
            summary.cancelled = True
        elif result.error is not None:
            summary.failed = [(Path(p).name, str(result.error)) for p in paths]
        else:
            draft, report = result.value
            summary.duplicates = list(report.duplicates)
            summary.failed = list(report.failed)
            if draft.articles:
                command = ApplyDraftCommand(case, draft, text=self._step_text(len(draft.articles)))
                try:
                    push(self.window.undo_stack, command)
                except CaseError as exc:
                    summary.failed += [(name, str(exc)) for name, _ in report.added]
                else:
                    # The case may settle clashing ids afresh: report the ids the articles really got.
                    settled = command.applied.draft.articles if command.applied else []
                    new_id = {a.id: s.id for a, s in zip(draft.articles, settled, strict=False)}
                    summary.added = [(name, new_id.get(aid, aid)) for name, aid in report.added]
        if paths:
            self._remember_folder(paths[0])
        self.last_summary = summary
        self._show_summary(summary)
        self.imported.emit(summary)
        return summary

    @staticmethod
    def _step_text(count: int) -> str:
        return f"Import {count} article{'s' if count != 1 else ''}"

    def _remember_folder(self, path: str) -> None:
        session = getattr(self.window, "session", None)
        if session is not None and hasattr(session, "last_folder"):
            session.last_folder = str(Path(path).parent)

    def _status(self, text: str) -> None:
        self.window.statusBar().showMessage(text, 6000)

    def _show_summary(self, summary: ImportSummary) -> None:
        """A quiet status line when all went in; a box when something was skipped or failed."""
        self._status(summary.text())
        if summary.cancelled or not (summary.duplicates or summary.failed):
            return
        if self.summary_box is not None:
            self.summary_box.close()
        box = QMessageBox(QMessageBox.Icon.Information if not summary.failed else QMessageBox.Icon.Warning, "Import Articles", "", parent=self.window)
        box.setObjectName("importSummary")
        lines = summary.details().splitlines()
        shown = "<br>".join(escape(line) for line in lines[:SHOWN_LINES])
        more = f"<br>\u2026 and {len(lines) - SHOWN_LINES} more (see details)" if len(lines) > SHOWN_LINES else ""
        box.setText(f"<b>{escape(summary.text())}</b><br><br>{shown}{more}")
        if len(lines) > SHOWN_LINES:
            box.setDetailedText(summary.details())
        box.setModal(False)
        box.show()
        self.summary_box = box
