"""Editing on the chart with real mouse and keyboard events: drop, name, link, move, select, delete, copy."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QPoint, QPointF, Qt
from PySide6.QtGui import QDragEnterEvent, QDropEvent, QGuiApplication, QWheelEvent
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QDockWidget

from linkchart.render.link_item import FORWARD_MARK
from linkchart.ui.chart_view import ENTITY_TYPE_MIME
from tests.ui.conftest import label_of, view_point

LEFT = Qt.MouseButton.LeftButton


def drag(viewport, start: QPoint, end: QPoint, modifier=Qt.KeyboardModifier.NoModifier, steps: int = 6) -> None:
    QTest.mousePress(viewport, LEFT, modifier, start)
    for i in range(1, steps + 1):
        QTest.mouseMove(viewport, start + (end - start) * (i / steps))
    QTest.mouseRelease(viewport, LEFT, modifier, end)


def test_drop_palette_type_then_type_its_label(qtbot, chart):
    window = chart
    palette = window.findChild(QDockWidget, "entityPalette")
    item = palette.item_for("person")
    mime = palette.list.mimeData([item])  # exactly what the palette's own drag carries
    assert bytes(mime.data(ENTITY_TYPE_MIME).data()) == b"person"
    viewport = window.chart_view.viewport()
    drop_at = view_point(window, 150, 110)
    enter = QDragEnterEvent(drop_at, Qt.DropAction.CopyAction, mime, LEFT, Qt.KeyboardModifier.NoModifier)
    QApplication.sendEvent(viewport, enter)
    assert enter.isAccepted()
    drop = QDropEvent(QPointF(drop_at), Qt.DropAction.CopyAction, mime, LEFT, Qt.KeyboardModifier.NoModifier, QEvent.Type.Drop)
    QApplication.sendEvent(viewport, drop)
    editor = window.chart_view.label_editor
    assert editor is not None and editor.isVisible() and editor.hasSelectedText()
    qtbot.keyClicks(editor, "Qassem Soleimani")
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    person = label_of(window, "Qassem Soleimani")
    assert person.type == "person"
    assert abs(person.x - 150) < 2 and abs(person.y - 110) < 2
    assert window.scene.cards[person.id].label == "Qassem Soleimani"
    assert window.selection.selected_entity_ids == (person.id,)
    assert window.undo_stack.count() == 1  # dropping and naming is one step
    window.undo_stack.undo()
    assert person.id not in window.case.entities and person.id not in window.scene.cards
    window.undo_stack.redo()
    assert window.case.entities[person.id].label == "Qassem Soleimani"


def test_shift_drag_draws_a_link_and_popup_picks_its_type(qtbot, chart):
    window = chart
    view = window.chart_view
    hez, saudi = label_of(window, "Hezbollah"), label_of(window, "Saudi Arabia")
    drag(view.viewport(), view_point(window, hez.x, hez.y), view_point(window, saudi.x, saudi.y), Qt.KeyboardModifier.ShiftModifier)
    popup = view.link_popup
    assert popup is not None and popup.isVisible()
    qtbot.keyClicks(popup.filter, "attack")
    assert popup.list.currentItem().text().startswith("attacked")
    qtbot.keyClick(popup.filter, Qt.Key.Key_Return)
    (link,) = [k for k in window.case.links.values() if k.source == hez.id and k.target == saudi.id]
    assert link.type == "attacked" and link.direction == "forward"
    item = window.scene.links[link.id]
    assert item.display_text == f"attacked {FORWARD_MARK}"
    assert window.selection.selected_link_ids == (link.id,)
    window.undo_stack.undo()
    assert link.id not in window.case.links and link.id not in window.scene.links


def test_link_tool_with_a_new_link_type(qtbot, chart):
    window = chart
    view = window.chart_view
    window.actions["tool.link"].trigger()
    iran, saudi = label_of(window, "Iran"), label_of(window, "Saudi Arabia")
    drag(view.viewport(), view_point(window, iran.x, iran.y), view_point(window, saudi.x, saudi.y))
    qtbot.keyClicks(view.link_popup.filter, "smuggled arms to")
    assert "New link type" in view.link_popup.list.currentItem().text()
    qtbot.keyClick(view.link_popup.filter, Qt.Key.Key_Return)
    link = next(k for k in window.case.links.values() if k.source == iran.id and k.target == saudi.id)
    assert link.type == "smuggled_arms_to"
    assert window.case.vocabulary.link_type("smuggled_arms_to").label == "smuggled arms to"
    assert window.scene.links[link.id].label == "smuggled arms to"
    window.undo_stack.undo()
    assert "smuggled_arms_to" not in window.case.vocabulary.custom_link_types


def test_drag_moves_card_as_one_undo_step(qtbot, chart):
    window = chart
    view = window.chart_view
    hez = label_of(window, "Hezbollah")
    links_before = {lid: window.scene.links[lid].line_path().boundingRect() for lid in window.scene.links_of_card(hez.id)}
    drag(view.viewport(), view_point(window, hez.x, hez.y), view_point(window, hez.x + 120, hez.y + 60), steps=8)
    assert (round(hez.x), round(hez.y)) == (120, 280)
    assert window.scene.cards[hez.id].pos() == QPointF(hez.x, hez.y)
    assert all(window.scene.links[lid].line_path().boundingRect() != rect for lid, rect in links_before.items())
    assert window.undo_stack.count() == 1
    window.undo_stack.undo()
    assert (hez.x, hez.y) == (0, 220)


def test_drag_snaps_to_grid_when_enabled(qtbot, chart):
    window = chart
    window.set_snap_to_grid(True)
    view = window.chart_view
    saudi = label_of(window, "Saudi Arabia")
    drag(view.viewport(), view_point(window, saudi.x, saudi.y), view_point(window, saudi.x + 33, saudi.y + 47))
    assert (saudi.x % 20, saudi.y % 20) == (0, 0)
    assert (saudi.x, saudi.y) == (340, 260)


def test_rubber_band_selects_cards_inside(qtbot, chart):
    window = chart
    view = window.chart_view
    drag(view.viewport(), view_point(window, 180, -60), view_point(window, 420, 270))
    chosen = {window.case.entities[e].label for e in window.selection.selected_entity_ids}
    assert chosen == {"Houthis", "Saudi Arabia"}


def test_click_and_ctrl_click_select(qtbot, chart):
    window = chart
    viewport = window.chart_view.viewport()
    iran, saudi = label_of(window, "Iran"), label_of(window, "Saudi Arabia")
    QTest.mouseClick(viewport, LEFT, Qt.KeyboardModifier.NoModifier, view_point(window, iran.x, iran.y))
    assert window.selection.selected_entity_ids == (iran.id,)
    QTest.mouseClick(viewport, LEFT, Qt.KeyboardModifier.ControlModifier, view_point(window, saudi.x, saudi.y))
    assert set(window.selection.selected_entity_ids) == {iran.id, saudi.id}
    QTest.mouseClick(viewport, LEFT, Qt.KeyboardModifier.NoModifier, view_point(window, 150, 300))
    assert window.selection.is_empty


def test_delete_card_with_links_then_undo_and_redo(qtbot, chart):
    window = chart
    view = window.chart_view
    iran = label_of(window, "Iran")
    links_before = list(window.case.links)
    QTest.mouseClick(view.viewport(), LEFT, Qt.KeyboardModifier.NoModifier, view_point(window, iran.x, iran.y))
    window.activateWindow()
    view.setFocus()
    qtbot.keyClick(view, Qt.Key.Key_Delete)
    assert iran.id not in window.case.entities and not window.case.links
    assert iran.id not in window.scene.cards and not window.scene.links
    assert window.undo_stack.count() == 1
    window.actions["edit.undo"].trigger()
    assert list(window.case.links) == links_before
    assert set(window.scene.links) == set(links_before) and iran.id in window.scene.cards
    window.actions["edit.redo"].trigger()
    assert not window.scene.links


def test_copy_paste_within_and_between_cases(qtbot, chart, case_path):
    from tests.ui.conftest import close_quietly, make_window

    window = chart
    iran, hez = label_of(window, "Iran"), label_of(window, "Hezbollah")
    window.chart_view.select_ids([iran.id, hez.id])
    window.actions["edit.copy"].trigger()
    assert "Iran" in QGuiApplication.clipboard().text()
    assert window.actions["edit.paste"].isEnabled()
    window.actions["edit.paste"].trigger()
    assert len(window.case.entities) == 6 and len(window.case.links) == 5  # both links between the two came along
    pasted = [window.case.entities[e] for e in window.selection.selected_entity_ids]
    assert {e.label for e in pasted} == {"Iran", "Hezbollah"}
    assert {(e.x, e.y) for e in pasted} == {(40, 40), (40, 260)}
    assert window.undo_stack.count() == 1
    window.undo_stack.undo()
    assert len(window.case.entities) == 4 and len(window.case.links) == 3
    # Into another case: cards, their links, and the article their citations need.
    window.chart_view.select_ids([iran.id, label_of(window, "Houthis").id])
    window.actions["edit.copy"].trigger()
    other = make_window(qtbot)
    other.actions["edit.paste"].trigger()
    assert {e.label for e in other.case.entities.values()} == {"Iran", "Houthis"}
    (link,) = other.case.links.values()
    assert link.citations and other.case.verify_citation(link.citations[0])
    assert [a.title for a in other.case.articles.values()] == ["Heightened threat"]
    close_quietly(other)


def test_duplicate_selection(qtbot, chart):
    window = chart
    houthis = label_of(window, "Houthis")
    window.chart_view.select_ids([houthis.id])
    window.actions["edit.duplicate"].trigger()
    (copy_id,) = window.selection.selected_entity_ids
    copy = window.case.entities[copy_id]
    assert copy_id != houthis.id and copy.label == "Houthis" and (copy.x, copy.y) == (340, 40)
    assert copy.subtitle == "Ansar Allah"


def test_rename_in_place_with_double_click(qtbot, chart):
    window = chart
    view = window.chart_view
    saudi = label_of(window, "Saudi Arabia")
    QTest.mouseDClick(view.viewport(), LEFT, Qt.KeyboardModifier.NoModifier, view_point(window, saudi.x, saudi.y))
    editor = view.label_editor
    assert editor is not None and editor.text() == "Saudi Arabia"
    qtbot.keyClicks(editor, "Kingdom of Saudi Arabia")
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    assert saudi.label == "Kingdom of Saudi Arabia"
    assert window.undo_stack.undoText() == "Edit label"
    view.edit_label(saudi.id)
    qtbot.keyClicks(view.label_editor, "Something else")
    qtbot.keyClick(view.label_editor, Qt.Key.Key_Escape)
    assert saudi.label == "Kingdom of Saudi Arabia" and view.label_editor is None


def test_zoom_with_wheel_and_keys_and_pan_with_middle_button(qtbot, chart):
    window = chart
    view = window.chart_view
    viewport = view.viewport()
    centre = viewport.rect().center()
    wheel = QWheelEvent(QPointF(centre), QPointF(view.mapToGlobal(centre)), QPoint(), QPoint(0, 240),
                        Qt.MouseButton.NoButton, Qt.KeyboardModifier.NoModifier, Qt.ScrollPhase.NoScrollPhase, False)
    QApplication.sendEvent(viewport, wheel)
    assert view.zoom_level() > 1.3
    window.actions["view.zoom_out"].trigger()
    window.actions["view.actual_size"].trigger()
    assert abs(view.zoom_level() - 1.0) < 1e-6
    before = view.mapToScene(centre)
    QTest.mousePress(viewport, Qt.MouseButton.MiddleButton, Qt.KeyboardModifier.NoModifier, centre)
    QTest.mouseMove(viewport, centre + QPoint(80, 30))
    QTest.mouseRelease(viewport, Qt.MouseButton.MiddleButton, Qt.KeyboardModifier.NoModifier, centre + QPoint(80, 30))
    after = view.mapToScene(centre)
    assert (round(before.x() - after.x()), round(before.y() - after.y())) == (80, 30)
    window.actions["view.fit"].trigger()
    visible = view.visible_scene_rect()
    assert all(visible.contains(c.sceneBoundingRect()) for c in window.scene.cards.values())


def test_space_drag_pans_and_arrow_keys_nudge(qtbot, chart):
    window = chart
    view = window.chart_view
    viewport = view.viewport()
    centre = viewport.rect().center()
    before = view.mapToScene(centre)
    view.setFocus()
    qtbot.keyPress(view, Qt.Key.Key_Space)
    drag(viewport, centre, centre + QPoint(-50, 20))
    qtbot.keyRelease(view, Qt.Key.Key_Space)
    after = view.mapToScene(centre)
    assert (round(after.x() - before.x()), round(after.y() - before.y())) == (50, -20)
    assert not window.undo_stack.count()  # panning is not an edit
    iran = label_of(window, "Iran")
    view.select_ids([iran.id])
    for _ in range(3):
        qtbot.keyClick(view, Qt.Key.Key_Right)
    qtbot.keyClick(view, Qt.Key.Key_Down, Qt.KeyboardModifier.ShiftModifier)
    assert (iran.x, iran.y) == (3, 10)
    assert window.undo_stack.count() == 1  # nudges of one selection in a row are one step
    window.undo_stack.undo()
    assert (iran.x, iran.y) == (0, 0)


def test_hover_lights_a_card_and_gives_its_tooltip(qtbot, chart):
    window = chart
    houthis = label_of(window, "Houthis")
    card = window.scene.cards[houthis.id]
    QTest.mouseMove(window.chart_view.viewport(), view_point(window, houthis.x, houthis.y))
    qtbot.waitUntil(lambda: card.hovered, timeout=2000)
    assert "<b>Houthis</b>" in card.toolTip() and "Ansar Allah" in card.toolTip()


def test_a_selected_link_repointed_to_another_card_stays_selected(qtbot, chart):
    from linkchart.commands import UpdateLinksCommand, push

    window = chart
    iran = label_of(window, "Iran")
    link = next(k for k in window.case.links.values() if k.source == iran.id or k.target == iran.id)
    window.chart_view.select_ids([], [link.id])
    other = next(e for e in window.case.entities.values() if e.id not in (link.source, link.target))
    push(window.undo_stack, UpdateLinksCommand(window.case, {link.id: {"target": other.id}}))
    item = window.scene.links[link.id]
    assert item.target_card is window.scene.cards[other.id]  # a new item, drawn to the new end
    assert item.isSelected() and list(window.selection.selected_link_ids) == [link.id]
    assert not any(card.isSelected() for card in window.scene.cards.values())
