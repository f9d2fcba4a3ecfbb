"""The main window (a minimal shell; the chart canvas builds on it)."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QLabel, QMainWindow, QMessageBox

from linkchart.io import CaseFileError, load_case
from linkchart.model import Case
from linkchart.settings import Preferences, SessionState


class MainWindow(QMainWindow):
    def __init__(self, preferences: Preferences, session: SessionState) -> None:
        super().__init__()
        self.preferences = preferences
        self.session = session
        self.case = Case()
        self.case_path: Path | None = None
        self._summary = QLabel()
        self.setCentralWidget(self._summary)
        self.resize(1200, 800)
        self._refresh()

    def open_case(self, path: str) -> bool:
        try:
            case = load_case(path)
        except CaseFileError as exc:
            QMessageBox.warning(self, "Open case", str(exc))
            return False
        self.case, self.case_path = case, Path(path)
        self._refresh()
        return True

    def _refresh(self) -> None:
        name = self.case_path.name if self.case_path else "Untitled"
        self.setWindowTitle(f"{name} - LinkChart")
        self._summary.setText(f"{len(self.case.entities)} entities, {len(self.case.links)} links, {len(self.case.articles)} articles")
