"""Fixtures for the reader feature's GUI tests: the real main window with the reader installed, on a small case."""

from __future__ import annotations

from types import SimpleNamespace

import pytest
from PySide6.QtCore import QMimeData, QPoint, QPointF, Qt
from PySide6.QtGui import QDragEnterEvent, QDragMoveEvent, QDropEvent
from PySide6.QtWidgets import QApplication

from linkchart.app import create_main_window
from linkchart.io import save_case
from linkchart.model import Case, Citation
from linkchart.settings import Preferences, SessionState
from linkchart.ui.reader import install

THREAT = (
    "Heightened threat from Iran\n\n"
    "Britain and the United States share the same assessment of the threat posed by Iran. "
    "Earlier this week, Iranian-sponsored Houthi rebels in Yemen claimed a drone attack on oil pipelines in Saudi Arabia. "
    "Hezbollah, backed by Tehran, sent advisers to the Houthis.\n\n"
    + "Officials said more attacks could follow in the region. " * 30
    + "\n\nQassem Soleimani, the leader of the Quds Force, summoned the militias three weeks ago."
)
PLOTS = "Assassination plots\n\nThe Quds Force planned attacks in Europe. Hezbollah denied any role."


def reader_case() -> Case:
    """Two articles; Iran, Houthis, Hezbollah (alias Hizballah, cited in the second article), Saudi Arabia; two links."""
    case = Case(title="Reader test")
    threat = case.add_article(THREAT, title="Heightened threat", publisher="Reuters", date="2019-05-16", origin="threat.txt")
    plots = case.add_article(PLOTS, title="Plots", date="2022-11")
    denial = "Hezbollah denied any role."

    def cite(quote: str) -> Citation:
        start = THREAT.index(quote)
        return Citation(threat.id, start, start + len(quote), quote)

    iran = case.add_entity("Iran", "country", x=0, y=0, citations=[cite("the threat posed by Iran")])
    houthis = case.add_entity("Houthis", "armed_group", x=300, y=0)
    hez = case.add_entity(
        "Hezbollah", "armed_group", x=0, y=220, aliases=["Hizballah"],
        citations=[Citation(plots.id, PLOTS.index(denial), PLOTS.index(denial) + len(denial), denial)],
    )
    case.add_entity("Saudi Arabia", "country", x=300, y=220)
    case.add_link(houthis.id, iran.id, "backed_by", citations=[cite("Iranian-sponsored Houthi rebels")])
    case.add_link(hez.id, iran.id, "backed_by", strength="probable")
    return case


@pytest.fixture
def case_path(tmp_path):
    path = tmp_path / "reader.lcase"
    save_case(reader_case(), path)
    return path


@pytest.fixture
def window(qtbot, case_path):
    """The main window with the reader feature, showing the reader case at 100% zoom."""
    # Not handed to qtbot: it closes its widgets before fixtures finish, and the window
    # would then ask whether to save the test's changes.
    win = create_main_window(Preferences(), SessionState())
    if getattr(win, "reader", None) is None:
        install(win)
    assert win.open_case(str(case_path))
    win.show()
    qtbot.waitExposed(win)
    win.reader.show_dock(win.reader.reader_dock)
    win.chart_view.zoom_to(1.0)
    win.chart_view.centerOn(150, 110)
    yield win
    win.undo_stack.setClean()
    win.close()
    win.deleteLater()


def entity(window, label: str):
    return next(e for e in window.case.entities.values() if e.label == label)


def article(window, title: str):
    return next(a for a in window.case.articles.values() if a.title == title)


def select_words(window, words: str, occurrence: int = 0) -> tuple[int, int]:
    """Select *words* in the reader's text the way a user's mouse does (the text cursor's selection)."""
    reader = window.reader.panel
    text = reader.text.article.text
    start = -1
    for _ in range(occurrence + 1):
        start = text.index(words, start + 1)
    reader.text.select_span(start, start + len(words))
    return start, start + len(words)


def drag_mime(window) -> QMimeData:
    """The mime data a real drag out of the reader carries (QPlainTextEdit builds it the same way)."""
    return window.reader.panel.text.createMimeDataFromSelection()


def drop_on_chart(window, mime: QMimeData, view_pos: QPoint) -> QDropEvent:
    """Deliver drag-enter, drag-move and drop to the chart view's viewport, as Qt does during a drag."""
    return drop_on(window.chart_view.viewport(), mime, view_pos)


def drop_on(viewport, mime: QMimeData, view_pos: QPoint) -> QDropEvent:
    """Deliver drag-enter, drag-move and drop to a widget, as Qt does during a drag."""
    actions = Qt.DropAction.CopyAction | Qt.DropAction.MoveAction
    buttons, mods = Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier
    enter = QDragEnterEvent(view_pos, actions, mime, buttons, mods)
    QApplication.sendEvent(viewport, enter)
    assert enter.isAccepted()
    move = QDragMoveEvent(view_pos, actions, mime, buttons, mods)
    QApplication.sendEvent(viewport, move)
    assert move.isAccepted()
    drop = QDropEvent(QPointF(view_pos), actions, mime, buttons, mods)
    QApplication.sendEvent(viewport, drop)
    return drop


def view_point(window, scene_x: float, scene_y: float) -> QPoint:
    return window.chart_view.mapFromScene(scene_x, scene_y)


@pytest.fixture
def rt():
    """The helpers above, for test modules (conftest itself is not importable under importlib mode)."""
    return SimpleNamespace(
        entity=entity, article=article, select_words=select_words, drag_mime=drag_mime, drop_on_chart=drop_on_chart, drop_on=drop_on,
        view_point=view_point,
    )
