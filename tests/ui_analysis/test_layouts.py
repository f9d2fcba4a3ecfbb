"""Layouts from the Layout menu: one undo step that puts every card back exactly; pins hold."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QDialogButtonBox

from linkchart.layout.overlap import count_overlaps
from linkchart.ui.analysis.style_overlay import PinMarkItem


def positions(case):
    return {eid: (e.x, e.y) for eid, e in case.entities.items()}


def test_force_layout_from_menu_and_undo(qtbot, window, case):
    before = positions(case)
    window.selection.clear()
    window.analysis.actions["layout.force"].trigger()
    qtbot.waitUntil(lambda: window.undo_stack.count() == 1, timeout=5000)
    assert window.undo_stack.text(0) == "Force-directed layout"
    after = positions(case)
    assert after != before
    sizes = {eid: (c.card_rect().width(), c.card_rect().height()) for eid, c in window.scene.cards.items()}
    assert count_overlaps(after, sizes) == 0
    # The scene followed the model.
    assert {eid: (c.pos().x(), c.pos().y()) for eid, c in window.scene.cards.items()} == after
    window.undo_stack.undo()
    assert positions(case) == before
    assert all((c.pos().x(), c.pos().y()) == before[eid] for eid, c in window.scene.cards.items())


def test_pinned_cards_stay_put(qtbot, window, case, ids):
    iran = ids["Iran"]
    window.selection.set([iran])
    window.analysis.actions["layout.pin"].trigger()
    assert case.entities[iran].pinned and window.undo_stack.text(0) == "Pin 1 card"
    card = window.scene.cards[iran]
    assert any(isinstance(c, PinMarkItem) for c in card.childItems())  # the card shows its pin
    window.selection.clear()
    window.analysis.actions["layout.force"].trigger()
    qtbot.waitUntil(lambda: window.undo_stack.count() == 2, timeout=5000)
    assert (case.entities[iran].x, case.entities[iran].y) == (0.0, 0.0)
    window.selection.set([iran])
    window.analysis.actions["layout.unpin"].trigger()
    assert not case.entities[iran].pinned
    assert not any(isinstance(c, PinMarkItem) for c in card.childItems())


def test_hierarchical_puts_backers_above_proxies(qtbot, window, case, ids):
    before = positions(case)
    seen = []

    def answer_dialog():
        dialog = QApplication.activeModalWidget()
        seen.append(dialog.objectName())
        chosen = {dialog.list.item(i).data(Qt.ItemDataRole.UserRole) for i in range(dialog.list.count())
                  if dialog.list.item(i).checkState() == Qt.CheckState.Checked}
        seen.append(chosen)
        ok = dialog.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Ok)
        qtbot.mouseClick(ok, Qt.MouseButton.LeftButton)

    QTimer.singleShot(0, answer_dialog)
    window.analysis.actions["layout.hierarchical"].trigger()
    assert seen == ["hierarchyDialog", {"backed_by", "commands", "part_of"}]
    qtbot.waitUntil(lambda: window.undo_stack.count() == 1, timeout=5000)
    y = {label: case.entities[eid].y for label, eid in ids.items()}
    assert y["Iran"] < y["Hezbollah"] and y["Iran"] < y["Houthis"]  # backers above their proxies
    assert y["Qasem Soleimani"] < y["Quds Force"] < y["Kataib Hezbollah"]  # commanders above the commanded
    window.undo_stack.undo()
    assert positions(case) == before


@pytest.mark.parametrize("action", ["layout.circular", "layout.grid", "layout.radial", "layout.grouped_type", "layout.grouped_community"])
def test_every_layout_is_one_undo_step_without_overlaps(qtbot, window, case, ids, action):
    before = positions(case)
    window.selection.set([ids["Iran"]])  # radial centres on it; one card is not a selection to lay out alone
    window.analysis.actions[action].trigger()
    qtbot.waitUntil(lambda: window.undo_stack.count() == 1, timeout=5000)
    after = positions(case)
    sizes = {eid: (c.card_rect().width(), c.card_rect().height()) for eid, c in window.scene.cards.items()}
    assert after != before and count_overlaps(after, sizes) == 0
    if action == "layout.radial":
        assert after[ids["Iran"]] == before[ids["Iran"]]  # the centre stays where it is
    window.undo_stack.undo()
    assert positions(case) == before
