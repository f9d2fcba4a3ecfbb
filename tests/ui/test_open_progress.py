"""Opening a big case reads it on a worker thread, with progress and Cancel; the open case stays as it was."""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QProgressDialog, QPushButton

from linkchart.commands import UpdateEntitiesCommand, push
from linkchart.io import save_case
from linkchart.model import Case
from tests.ui.conftest import label_of


def _big_case_file(tmp_path, entities: int = 15000):
    case = Case()
    made = [case.add_entity(f"Person {i}", "person", x=(i % 80) * 200.0, y=(i // 80) * 90.0) for i in range(entities)]
    for i in range(1, entities):
        case.add_link(made[i - 1].id, made[i].id, "associated_with")
    path = tmp_path / "big.lcase"
    save_case(case, path)
    return path


def _click_cancel_when_shown(qtbot, clicked: list) -> QTimer:
    def poll() -> None:
        for widget in QApplication.topLevelWidgets():
            if isinstance(widget, QProgressDialog) and widget.objectName() == "taskProgress" and widget.isVisible() and not clicked:
                clicked.append(widget.labelText())
                qtbot.mouseClick(widget.findChild(QPushButton), Qt.MouseButton.LeftButton)

    timer = QTimer()
    timer.timeout.connect(poll)
    timer.start(2)
    return timer


def test_cancelling_an_open_keeps_the_case_that_was_open(qtbot, chart, tmp_path):
    window = chart
    path = _big_case_file(tmp_path)
    before = set(window.case.entities)
    window.open_progress_delay_ms = 0
    clicked: list[str] = []
    timer = _click_cancel_when_shown(qtbot, clicked)
    assert not window.open_case(path)
    timer.stop()
    assert clicked == ["Opening big.lcase\u2026"]
    assert set(window.case.entities) == before and set(window.scene.cards) == before
    assert window.case_path is None or window.case_path.name != "big.lcase"
    assert "cancelled" in window.statusBar().currentMessage()


def test_a_big_case_opens_through_the_progress_dialog(qtbot, chart, tmp_path):
    window = chart
    path = _big_case_file(tmp_path, 3000)
    window.open_progress_delay_ms = 0
    assert window.open_case(path)
    assert len(window.case.entities) == 3000 and len(window.scene.cards) == 3000 and len(window.scene.links) == 2999
    assert QApplication.overrideCursor() is None  # the busy cursor is gone
    assert not any(isinstance(w, QProgressDialog) and w.isVisible() for w in QApplication.topLevelWidgets())


def test_an_edit_made_while_the_file_is_read_is_not_dropped_silently(qtbot, chart, tmp_path, monkeypatch):
    window = chart
    path = _big_case_file(tmp_path)
    iran = label_of(window, "Iran").id
    asked = []
    monkeypatch.setattr(window, "ask_save_changes", lambda: asked.append(True) or "cancel")
    # The window keeps running while the file is read; an edit lands in that time.
    QTimer.singleShot(0, lambda: push(window.undo_stack, UpdateEntitiesCommand(window.case, {iran: {"label": "Persia"}})))
    assert not window.open_case(path)
    assert asked == [True]
    assert window.case.entities[iran].label == "Persia" and window.undo_stack.canUndo()


def test_drawing_a_big_chart_shows_its_progress_then_goes(qtbot, chart, tmp_path, monkeypatch):
    window = chart
    path = _big_case_file(tmp_path, 3000)
    monkeypatch.setattr("linkchart.ui.file_ops.BIG_CHART", 1000)  # as if it were a chart of 100,000 cards
    shown: list[QProgressDialog] = []
    values: list[int] = []
    make = window._drawing_progress

    def spy(path):
        drawing = make(path)
        shown.append(drawing.dialog)
        assert drawing.dialog.isVisible() and drawing.dialog.labelText() == "Drawing big.lcase\u2026"
        report = drawing.report

        def reporting(fraction: float) -> None:
            report(fraction)
            values.append(drawing.dialog.value())

        drawing.report = reporting
        return drawing

    monkeypatch.setattr(window, "_drawing_progress", spy)
    assert window.open_case(path)
    assert len(shown) == 1 and values == sorted(values) and max(values) >= 500  # it moved on as cards and links were built
    assert not any(isinstance(w, QProgressDialog) and w.isVisible() for w in QApplication.topLevelWidgets())
    assert len(window.scene.cards) == 3000
