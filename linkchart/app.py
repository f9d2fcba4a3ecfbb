"""Composition root: the QApplication, settings, and the main window."""

from __future__ import annotations

import sys

from PySide6.QtWidgets import QApplication, QMessageBox

from linkchart import __version__, paths
from linkchart.settings import Preferences, SessionState


def ensure_application() -> QApplication:
    app = QApplication.instance() or QApplication(sys.argv[:1])
    app.setApplicationName("LinkChart")
    app.setOrganizationName("LinkChart")
    app.setApplicationVersion(__version__)
    return app  # type: ignore[return-value]


def create_main_window(preferences: Preferences | None = None, session: SessionState | None = None):
    """Build the main window without entering the event loop (tests and embedding use this)."""
    ensure_application()
    from linkchart.ui.main_window import MainWindow

    config = paths.config_dir()
    prefs = preferences or Preferences.load(config / "preferences.json")
    state = session or SessionState.load(config / "session.json")
    return MainWindow(prefs, state)


def run(case_path: str | None = None) -> int:
    app = ensure_application()
    window = create_main_window()
    window.show()
    if case_path:
        if not window.open_case(case_path):
            QMessageBox.warning(window, "LinkChart", f"Could not open {case_path}.")
    return app.exec()
