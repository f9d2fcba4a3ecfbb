"""Fixtures for window tests: a shown main window on a small case, closed without prompts afterwards."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, QTimer
from PySide6.QtWidgets import QApplication, QMessageBox

from linkchart.app import create_main_window
from linkchart.io import save_case
from linkchart.model import Case, Citation
from linkchart.settings import Preferences, SessionState

TEXT = "Iranian-sponsored Houthi rebels fired missiles. Hezbollah, backed by Iran, sent advisers."


def small_case() -> Case:
    """Iran, Houthis, Hezbollah, Saudi Arabia: three links, one cited, one article."""
    case = Case(title="Proxies")
    art = case.add_article(TEXT, title="Heightened threat", date="2020-01-05")
    iran = case.add_entity("Iran", "country", x=0, y=0)
    houthis = case.add_entity("Houthis", "armed_group", x=300, y=0, subtitle="Ansar Allah")
    hez = case.add_entity("Hezbollah", "armed_group", x=0, y=220)
    case.add_entity("Saudi Arabia", "country", x=300, y=220)
    quote = "Iranian-sponsored Houthi rebels"
    case.add_link(houthis.id, iran.id, "backed_by", citations=[Citation(art.id, 0, len(quote), quote)])
    case.add_link(hez.id, iran.id, "backed_by", strength="probable")
    case.add_link(iran.id, hez.id, "funds")
    return case


@pytest.fixture
def case_path(tmp_path) -> Path:
    path = tmp_path / "proxies.lcase"
    save_case(small_case(), path)
    return path


def make_window(qtbot, **prefs):
    """A shown main window. Not handed to qtbot: its teardown would close it with unsaved changes and block on
    the save prompt, so tests close windows themselves with :func:`close_quietly`."""
    window = create_main_window(Preferences(**prefs), SessionState())
    window.show()
    qtbot.waitExposed(window)
    return window


def close_quietly(window) -> None:
    try:
        window.undo_stack.setClean()
        window.close()
        window.deleteLater()
    except RuntimeError:
        pass  # already deleted by the test


@pytest.fixture
def window(qtbot):
    win = make_window(qtbot)
    yield win
    close_quietly(win)


@pytest.fixture
def chart(window, case_path):
    """The window on the small case, zoomed to 100% and centred, so scene and view pixels agree."""
    assert window.open_case(case_path)
    view = window.chart_view
    view.zoom_to(1.0)
    view.centerOn(150, 110)
    return window


def label_of(window, label: str):
    return next(e for e in window.case.entities.values() if e.label == label)


def view_point(window, scene_x: float, scene_y: float) -> QPoint:
    return window.chart_view.mapFromScene(scene_x, scene_y)


def answer_next_box(button: QMessageBox.StandardButton, seen: list[str]) -> None:
    """Click *button* on the next modal message box and record its text (drives the real dialog)."""

    def click() -> None:
        box = QApplication.activeModalWidget()
        if isinstance(box, QMessageBox):
            seen.append(box.text() + "\n" + box.informativeText())
            box.button(button).click()
        else:
            QTimer.singleShot(10, click)

    QTimer.singleShot(0, click)


@pytest.fixture(autouse=True)
def _empty_clipboard(qapp):
    """Each test starts and ends with an empty clipboard.

    Leaving a QMimeData on the offscreen platform's clipboard crashes the interpreter at exit
    (app.py releases it on quit for the same reason).
    """
    from PySide6.QtGui import QGuiApplication

    QGuiApplication.clipboard().clear()
    yield
    QGuiApplication.clipboard().clear()
