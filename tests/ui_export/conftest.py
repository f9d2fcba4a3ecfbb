"""Fixtures for the export feature's GUI tests: a window with the feature installed and a small sourced case open."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QWidget

from linkchart.app import create_main_window
from linkchart.io import save_case
from linkchart.model import Case, Citation
from linkchart.settings import Preferences, SessionState

TEXT = "Iranian-sponsored Houthi rebels fired missiles. Hezbollah, backed by Iran, sent advisers to Syria."


def export_case() -> Case:
    case = Case(title="Proxies")
    case.update_metadata(classification="UNCLASSIFIED")
    art = case.add_article(TEXT, title="Heightened threat", publisher="Wire", date="2020-01-05")

    def cite(quote: str) -> list[Citation]:
        start = TEXT.index(quote)
        return [Citation(art.id, start, start + len(quote), quote)]

    iran = case.add_entity("Iran", "country", x=0, y=0, citations=cite("Iran"))
    hou = case.add_entity("Houthis", "armed_group", x=320, y=0, citations=cite("Houthi rebels"))
    hez = case.add_entity("Hezbollah", "armed_group", x=0, y=220, citations=cite("Hezbollah"))
    syria = case.add_entity("Syria", "country", x=320, y=220)
    case.add_link(hou.id, iran.id, "backed_by", citations=cite("Iranian-sponsored Houthi rebels"))
    case.add_link(hez.id, iran.id, "backed_by", strength="probable", citations=cite("Hezbollah, backed by Iran"))
    case.add_link(hez.id, syria.id, "located_in", strength="possible")
    return case


def labels(case: Case) -> dict[str, str]:
    return {e.label: e.id for e in case.entities.values()}


@pytest.fixture
def window(qtbot, tmp_path):
    path = tmp_path / "proxies.lcase"
    save_case(export_case(), path)
    win = create_main_window(Preferences(theme="light"), SessionState(last_folder=str(tmp_path)))
    # Not qtbot.addWidget: pytest-qt would close the window before this fixture marks it saved, and it would ask.
    win.show()
    qtbot.waitExposed(win)
    assert win.open_case(str(path))
    yield win
    win.undo_stack.setClean()
    win.close()
    win.undo_stack.blockSignals(True)  # its commands go with the window; nothing is left to tell
    win.deleteLater()


def on_modal(name: str, act: Callable[[QWidget], None], errors: list[BaseException]) -> None:
    """When the modal dialog with objectName *name* shows, run *act* on it (drives the real dialog).

    If *act* fails the dialog is closed, so the test fails instead of hanging.
    """

    def poll() -> None:
        widget = QApplication.activeModalWidget()
        if widget is None or widget.objectName() != name:
            QTimer.singleShot(20, poll)
            return
        try:
            act(widget)
        except BaseException as exc:  # reported by the test after exec() returns
            errors.append(exc)
            widget.reject()

    QTimer.singleShot(0, poll)


@pytest.fixture
def modal():
    """``modal(name, act, errors)``: drive the next modal dialog named *name* (see :func:`on_modal`)."""
    return on_modal


@pytest.fixture
def ids(window) -> dict[str, str]:
    """Label -> entity id of the open case."""
    return labels(window.case)
