"""Find possible duplicates and merge a pair: one undo step that takes everything back exactly."""

from __future__ import annotations

import copy

from PySide6.QtCore import QPoint, Qt


def snapshot(case):
    return (
        {eid: (e.label, list(e.aliases), dict(e.attributes), [c.id for c in e.citations]) for eid, e in case.entities.items()},
        {lid: (k.source, k.target, k.type) for lid, k in case.links.items()},
    )


def test_merge_duplicates_and_undo(qtbot, window, case, ids):
    before = copy.deepcopy(snapshot(case))
    window.analysis.actions["analysis.duplicates"].trigger()
    dialog = window.analysis.duplicates
    assert dialog.isVisible()
    first = dialog.pairs[0]
    assert {first.a, first.b} == {ids["Qasem Soleimani"], ids["Qassem Soleimani"]} and first.score > 0.9
    assert dialog.table.item(0, 0).text() == "Qasem Soleimani" and dialog.table.item(0, 2).text().endswith("%")
    # Keep the first spelling (the card with the "commands" link); the preview says what it will hold.
    assert dialog.keep_a.text() == "Qasem Soleimani"
    qtbot.mouseClick(dialog.keep_b, Qt.MouseButton.LeftButton, pos=QPoint(8, dialog.keep_b.height() // 2))
    assert dialog.keep_b.isChecked()
    qtbot.mouseClick(dialog.keep_a, Qt.MouseButton.LeftButton, pos=QPoint(8, dialog.keep_a.height() // 2))
    assert "Qassem Soleimani" in dialog.preview.text() and "1 link re-pointed" in dialog.preview.text()

    qtbot.mouseClick(dialog.merge_button, Qt.MouseButton.LeftButton)
    kept = case.entities[ids["Qasem Soleimani"]]
    assert ids["Qassem Soleimani"] not in case.entities
    assert kept.aliases == ["Qassem Soleimani", "Hajj Qasem"] and kept.attributes == {"born": "1957"}
    assert {(k.type, case.entities[k.target].label) for k in case.links.values() if k.source == kept.id} == {
        ("commands", "Quds Force"), ("associated_with", "Kataib Hezbollah")}
    assert window.undo_stack.count() == 1 and window.undo_stack.text(0).startswith("Merge 2 cards")
    assert ids["Qassem Soleimani"] not in window.scene.cards
    assert all(p.a != ids["Qassem Soleimani"] and p.b != ids["Qassem Soleimani"] for p in dialog.pairs)

    window.undo_stack.undo()
    assert snapshot(case) == before
    assert ids["Qassem Soleimani"] in window.scene.cards
    dialog.close()


def test_merge_keeps_group_membership_in_one_step(qtbot, window, case, ids):
    keep, other = ids["Qasem Soleimani"], ids["Qassem Soleimani"]
    window.selection.set([other, ids["Kataib Hezbollah"]])
    gid = window.analysis.groups.make_from_selection("Quds network")
    dialog = window.analysis.show_duplicates()
    assert dialog.keep_a.text() == "Qasem Soleimani" and dialog.keep_a.isChecked()
    qtbot.mouseClick(dialog.merge_button, Qt.MouseButton.LeftButton)
    assert case.groups[gid].members == [keep, ids["Kataib Hezbollah"]]
    assert window.undo_stack.count() == 2  # the group, then the merge as one step
    window.undo_stack.undo()
    assert case.groups[gid].members == [other, ids["Kataib Hezbollah"]] and other in case.entities
    dialog.close()
