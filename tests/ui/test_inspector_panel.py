"""The inspector edits every field of the selected card or link through undoable commands."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QComboBox, QDockWidget, QLineEdit, QPushButton, QToolButton

from tests.ui.conftest import label_of


def inspector_field(window, cls, name):
    dock = window.findChild(QDockWidget, "inspector")
    return dock.findChild(cls, name)


def retype(qtbot, edit: QLineEdit, text: str) -> None:
    edit.setFocus()
    edit.selectAll()
    qtbot.keyClicks(edit, text)
    qtbot.keyClick(edit, Qt.Key.Key_Return)


def test_edit_entity_label_subtitle_aliases_and_undo(qtbot, chart):
    window = chart
    iran = label_of(window, "Iran")
    window.selection.set([iran.id])
    label = inspector_field(window, QLineEdit, "labelEdit")
    assert label.text() == "Iran"
    retype(qtbot, label, "Islamic Republic of Iran")
    assert iran.label == "Islamic Republic of Iran"
    assert window.scene.cards[iran.id].label == "Islamic Republic of Iran"
    retype(qtbot, inspector_field(window, QLineEdit, "aliasesEdit"), "IRI; Persia")
    assert iran.aliases == ["IRI", "Persia"]
    assert window.undo_stack.count() == 2
    window.undo_stack.undo()
    window.undo_stack.undo()
    assert iran.label == "Iran" and iran.aliases == []
    assert label.text() == "Iran"  # the inspector follows undo


def test_edit_entity_type_with_keyboard(qtbot, chart):
    window = chart
    iran = label_of(window, "Iran")
    window.selection.set([iran.id])
    combo = inspector_field(window, QComboBox, "typeCombo")
    combo.setFocus()
    qtbot.keyClick(combo, Qt.Key.Key_Down)
    assert iran.type == combo.currentData() != "country"
    assert window.scene.cards[iran.id].type_name == combo.currentText()


def test_edit_link_fields_grading_and_reverse(qtbot, chart):
    window = chart
    link = next(k for k in window.case.links.values() if k.type == "funds")
    window.selection.set([], [link.id])
    strength = inspector_field(window, QComboBox, "strengthCombo")
    strength.setFocus()
    qtbot.keyClick(strength, Qt.Key.Key_Down)
    assert link.strength == "probable"
    for name in ("reliabilityCombo", "credibilityCombo"):
        box = inspector_field(window, QComboBox, name)
        box.setFocus()
        qtbot.keyClick(box, Qt.Key.Key_Down)
        qtbot.keyClick(box, Qt.Key.Key_Down)
    assert link.grading == "B2"
    assert window.scene.links[link.id].display_text.endswith("B2")
    retype(qtbot, inspector_field(window, QLineEdit, "linkDateEdit"), "about 2018")
    assert link.date == "about 2018"
    source, target = link.source, link.target
    inspector_field(window, QPushButton, "reverseButton").click()
    assert (link.source, link.target) == (target, source)
    window.undo_stack.undo()
    assert (link.source, link.target) == (source, target)


def test_citations_listed_and_removed(qtbot, chart):
    window = chart
    link = next(k for k in window.case.links.values() if k.citations)
    window.selection.set([], [link.id])
    table = window.inspector.link_form.citations
    assert table.count() == 1 and table.quote_at(0) == "Iranian-sponsored Houthi rebels"
    assert table.source_at(0) == "Heightened threat \u00b7 2020-01-05"
    button = table.findChild(QToolButton, f"removeCitation:{link.citations[0].id}")
    button.click()
    assert not link.citations and table.count() == 0
    assert window.scene.links[link.id].unsourced
    window.undo_stack.undo()
    assert link.citations and table.count() == 1


def test_attributes_are_typed(qtbot, chart):
    window = chart
    hez = label_of(window, "Hezbollah")
    window.selection.set([hez.id])
    attributes = window.inspector.entity_form.attributes
    attributes.add_row()
    table = attributes.table
    table.item(0, 0).setText("fighters")
    table.item(0, 1).setText("45000")
    table.cellWidget(0, 2).setCurrentIndex(1)  # Number
    assert hez.attributes == {"fighters": 45000}
    window.undo_stack.undo()
    assert hez.attributes == {"fighters": "45000"}


def test_multi_selection_summary(qtbot, chart):
    window = chart
    window.actions["edit.select_all"].trigger()
    assert window.inspector.pages.currentWidget() is window.inspector.summary
    assert window.inspector.summary.text() == "4 cards and 3 links selected"


def test_clicking_a_citation_reports_its_place(qtbot, chart):
    window = chart
    link = next(k for k in window.case.links.values() if k.citations)
    window.selection.set([], [link.id])
    table = window.inspector.link_form.citations.table
    with qtbot.waitSignal(window.inspector.citation_activated) as blocker:
        qtbot.mouseClick(table.viewport(), Qt.MouseButton.LeftButton, pos=table.visualItemRect(table.item(0, 0)).center())
    cit = link.citations[0]
    assert blocker.args == [cit.article_id, cit.start, cit.end]
