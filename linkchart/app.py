"""Composition root: the QApplication, settings, and the main window."""

from __future__ import annotations

import sys

from PySide6.QtWidgets import QApplication

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


def _release_clipboard() -> None:
    """Leave only plain text on the clipboard at exit.

    A QMimeData of ours left on the clipboard when the application is torn down
    crashes PySide6 on some platforms; the labels stay available as text.
    """
    board = QApplication.clipboard()
    data = board.mimeData()
    if data is not None and data.hasFormat("application/x-linkchart"):
        board.setText(data.text())


def run(case_path: str | None = None) -> int:
    app = ensure_application()
    app.aboutToQuit.connect(_release_clipboard)
    window = create_main_window()
    window.show()
    recovered = window.offer_recovery()
    if case_path and not recovered:
        window.open_case(case_path)  # on failure the window has already said why
    return app.exec()
