"""Layouts of big charts run on a worker over a snapshot, behind a progress dialog with Cancel."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QPushButton

from linkchart.io import save_case
from linkchart.model import Case
from linkchart.ui.analysis.layout_actions import BACKGROUND_ABOVE


@pytest.fixture
def big_window(window, tmp_path):
    case = Case(title="Big")
    ents = [case.add_entity(f"Card {i}", "person", x=(i % 40) * 5.0, y=(i // 40) * 5.0) for i in range(BACKGROUND_ABOVE + 50)]
    for a, b in zip(ents, ents[1:], strict=False):
        case.add_link(a.id, b.id, "associated_with")
    path = tmp_path / "big.lcase"
    save_case(case, path)
    assert window.open_case(str(path))
    return window


def positions(case):
    return {eid: (e.x, e.y) for eid, e in case.entities.items()}


def test_big_layout_runs_on_worker_and_undoes(qtbot, big_window):
    window, layouts = big_window, big_window.analysis.layouts
    before = positions(window.case)
    window.analysis.actions["layout.grid"].trigger()
    assert layouts.job is not None and layouts.busy  # running on the worker, the GUI is free
    qtbot.waitUntil(lambda: window.undo_stack.count() == 1, timeout=20000)
    assert window.undo_stack.text(0) == "Grid layout" and positions(window.case) != before
    window.undo_stack.undo()
    assert positions(window.case) == before


def test_cancel_leaves_chart_untouched(qtbot, big_window):
    window, layouts = big_window, big_window.analysis.layouts
    before = positions(window.case)
    window.analysis.actions["layout.force"].trigger()
    job = layouts.job
    assert job is not None
    job.dialog.findChild(QPushButton).click()  # the dialog's Cancel button
    qtbot.waitUntil(lambda: not layouts.busy, timeout=20000)
    assert window.undo_stack.count() == 0 and positions(window.case) == before
