"""The File menu's work for the main window: new, open, recent, save, revert, close, autosave recovery.

A mixin for :class:`~linkchart.ui.main_window.MainWindow`. Every question to
the user goes through one ``ask_*`` method, so a test can answer it by patching
that method alone (or by driving the real dialog).
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QEventLoop, Qt
from PySide6.QtWidgets import QApplication, QFileDialog, QMessageBox, QProgressDialog

from linkchart import paths
from linkchart.io import SUFFIX, CaseFileError, load_case
from linkchart.io import save_case as write_case
from linkchart.model import Case
from linkchart.ui.autosave import Recoverable, find_recoverable
from linkchart.ui.worker import run_task

FILE_FILTER = f"LinkChart cases (*{SUFFIX});;All files (*)"


BIG_CHART = 60_000  # cards plus links from which building the chart (over ~1.5 s) shows its progress


class _DrawingProgress:
    """Feeds a chart build's progress (0..1) to a dialog, repainting only the dialog.

    Letting the event loop run instead would repaint the half-built chart and every
    dock at each step (it made a 10k open 50% slower), and nothing may be done to
    the window meanwhile anyway.
    """

    def __init__(self, dialog: QProgressDialog) -> None:
        self.dialog = dialog
        dialog.show()
        QApplication.processEvents(QEventLoop.ProcessEventsFlag.ExcludeUserInputEvents)  # mapped and drawn once

    def report(self, fraction: float) -> None:
        self.dialog.setValue(round(fraction * 1000))
        self.dialog.repaint()

    def close(self) -> None:
        self.dialog.close()
        self.dialog.setParent(None)
        self.dialog.deleteLater()


class FileOpsMixin:
    """Needs ``case``, ``case_path``, ``undo_stack``, ``session``, ``autosaver`` and ``_set_document`` from the window."""

    open_progress_delay_ms = 400  # reading a case shows its progress dialog only if it takes longer

    # ------------------------------------------------------------ questions
    def ask_save_changes(self) -> str:
        """Ask what to do with unsaved changes: "save", "discard" or "cancel"."""
        box = QMessageBox(self)
        box.setObjectName("saveChangesBox")
        box.setIcon(QMessageBox.Icon.Warning)
        box.setWindowTitle("Unsaved changes")
        box.setText(f"Save the changes to \u201c{self.document_name()}\u201d before closing it?")
        box.setInformativeText("Your changes will be lost if you don't save them.")
        box.setStandardButtons(QMessageBox.StandardButton.Save | QMessageBox.StandardButton.Discard | QMessageBox.StandardButton.Cancel)
        box.setDefaultButton(QMessageBox.StandardButton.Save)
        answer = box.exec()
        return {QMessageBox.StandardButton.Save: "save", QMessageBox.StandardButton.Discard: "discard"}.get(
            QMessageBox.StandardButton(answer), "cancel"
        )

    def ask_open_path(self) -> str:
        path, _ = QFileDialog.getOpenFileName(self, "Open Case", self.session.last_folder, FILE_FILTER)
        return path

    def ask_save_path(self) -> str:
        start = str(self.case_path) if self.case_path else str(Path(self.session.last_folder or Path.home()) / f"{self.document_name()}{SUFFIX}")
        path, _ = QFileDialog.getSaveFileName(self, "Save Case As", start, FILE_FILTER)
        return path

    def ask_recover(self, item: Recoverable) -> str:
        """Offer an autosave left by a crash: "recover", "discard" or "later"."""
        box = QMessageBox(self)
        box.setObjectName("recoverBox")
        box.setIcon(QMessageBox.Icon.Question)
        box.setWindowTitle("Recover unsaved work")
        name = Path(item.original).name if item.original else (item.title or "an untitled case")
        box.setText(f"LinkChart closed without saving changes to \u201c{name}\u201d.")
        box.setInformativeText(f"An automatic copy from {item.saved_at.replace('T', ' ')} is available. Recover it?")
        recover = box.addButton("Recover", QMessageBox.ButtonRole.AcceptRole)
        discard = box.addButton("Discard", QMessageBox.ButtonRole.DestructiveRole)
        box.addButton("Later", QMessageBox.ButtonRole.RejectRole)
        box.exec()
        return "recover" if box.clickedButton() is recover else "discard" if box.clickedButton() is discard else "later"

    def show_error(self, title: str, text: str) -> None:
        QMessageBox.critical(self, title, text)

    # ------------------------------------------------------------ documents
    def document_name(self) -> str:
        if self.case_path is not None:
            return self.case_path.stem
        return self.case.metadata.get("title") or "Untitled"

    def is_modified(self) -> bool:
        return not self.undo_stack.isClean()

    def maybe_save(self) -> bool:
        """True when it is fine to drop the current case (saved, or the user said discard)."""
        if not self.is_modified():
            return True
        answer = self.ask_save_changes()
        if answer == "save":
            return self.save_case()
        if answer == "discard":
            self.autosaver.discard()
            return True
        return False

    def new_case(self) -> None:
        if self.maybe_save():
            self._set_document(Case(), None)

    def close_case(self) -> None:
        self.new_case()

    def open_dialog(self) -> None:
        if self.maybe_save():
            path = self.ask_open_path()
            if path:
                self.open_case(path)

    def open_dropped(self, path: str) -> None:
        if self.maybe_save():
            self.open_case(path)

    def open_case(self, path: str | Path) -> bool:
        """Open a case file; on any fault show why and keep the current case untouched.

        The file is read on a worker thread: a big case shows progress with Cancel
        (after ``open_progress_delay_ms``) and the window keeps painting meanwhile.
        """
        edits = self.undo_stack.index()
        result = run_task(self, f"Opening {Path(path).name}\u2026", load_case, str(path), delay_ms=self.open_progress_delay_ms)
        if result.cancelled:
            self.statusBar().showMessage("Opening cancelled; nothing changed", 4000)
            return False
        if result.error is not None:
            error = result.error
            self.show_error("Could not open the case", str(error) if isinstance(error, CaseFileError) else f"{type(error).__name__}: {error}")
            return False
        if self.undo_stack.index() != edits and not self.maybe_save():
            return False  # edited while the file was read, and chose to keep those edits
        case = result.value
        QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        drawing = self._drawing_progress(Path(path)) if len(case.entities) + len(case.links) >= BIG_CHART else None
        try:
            self._set_document(case, Path(path), progress=drawing.report if drawing else None)
        finally:
            QApplication.restoreOverrideCursor()
            if drawing is not None:
                drawing.close()
        self._remember(Path(path))
        return True

    def _drawing_progress(self, path: Path) -> _DrawingProgress:
        """A progress dialog for building a big chart (on the GUI thread: it cannot be cancelled half-way)."""
        dialog = QProgressDialog(f"Drawing {path.name}\u2026", "", 0, 1000, self)
        dialog.setObjectName("drawingProgress")
        dialog.setCancelButton(None)
        dialog.setMinimumDuration(0)
        dialog.setAutoClose(False)
        dialog.setAutoReset(False)
        return _DrawingProgress(dialog)

    def save_case(self, path: str | Path | None = None) -> bool:
        """Save to *path*, else to the case's file, else ask where; True when saved."""
        target = path or self.case_path or self.ask_save_path()
        if not target:
            return False
        target = Path(target)
        if target.suffix.lower() != SUFFIX:
            target = target.with_name(target.name + SUFFIX)
        try:
            write_case(self.case, target)
        except CaseFileError as exc:
            self.show_error("Could not save the case", str(exc))
            return False
        self.case_path = target
        self.undo_stack.setClean()
        self.autosaver.set_original(str(target))
        self.autosaver.discard()
        self._remember(target)
        self._update_title()
        self.statusBar().showMessage(f"Saved {target.name}", 4000)
        return True

    def save_as(self) -> bool:
        path = self.ask_save_path()
        return bool(path) and self.save_case(path)

    def revert(self) -> bool:
        """Reload the file from disk, dropping unsaved changes (asks first)."""
        if self.case_path is None:
            return False
        if self.is_modified():
            answer = QMessageBox.question(self, "Revert to saved",
                                          f"Throw away all changes since \u201c{self.case_path.name}\u201d was last saved?")
            if answer != QMessageBox.StandardButton.Yes:
                return False
        return self.open_case(self.case_path)

    def _remember(self, path: Path) -> None:
        self.session.add_recent(str(path))
        self.session.last_folder = str(path.resolve().parent)
        self.save_session()

    def save_session(self) -> None:
        try:
            self.session.save(paths.config_dir() / "session.json")
        except OSError:
            pass  # remembering recent files is a convenience; never block work over it

    # ------------------------------------------------------------ recent files
    def fill_recent_menu(self) -> None:
        menu = self.recent_menu
        menu.clear()
        for number, path in enumerate(self.session.recent_files, 1):
            action = menu.addAction(f"&{number} {Path(path).name}" if number < 10 else Path(path).name)
            action.setToolTip(path)
            action.setStatusTip(path)
            action.setEnabled(Path(path).is_file())
            action.triggered.connect(lambda _=False, p=path: self.open_dropped(p))
        if not self.session.recent_files:
            menu.addAction("No recent cases").setEnabled(False)
        menu.addSeparator()
        clear = menu.addAction("Clear Recent Cases")
        clear.setEnabled(bool(self.session.recent_files))
        clear.triggered.connect(self._clear_recent)

    def _clear_recent(self) -> None:
        self.session.recent_files = []
        self.save_session()

    # ------------------------------------------------------------ recovery
    def offer_recovery(self) -> bool:
        """Offer autosaves left by sessions that crashed; True if one was recovered."""
        for item in find_recoverable():
            answer = self.ask_recover(item)
            if answer == "discard":
                item.discard()
            elif answer == "recover":
                return self.recover(item)
        return False

    def recover(self, item: Recoverable) -> bool:
        try:
            case = load_case(item.case_file)
        except CaseFileError as exc:
            self.show_error("Could not recover", str(exc))
            return False
        self._set_document(case, Path(item.original) if item.original else None, modified=True)
        self.autosaver.save_now()  # our own copy first, then let go of the old one
        item.discard()
        self.statusBar().showMessage("Recovered unsaved work; save it to keep it.", 8000)
        return True
