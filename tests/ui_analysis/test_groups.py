"""Groups: make one from the selection, collapse it to one card with re-routed links, expand, undo."""

from __future__ import annotations

from PySide6.QtCore import QPoint, Qt

from linkchart.ui.analysis.group_items import GroupItem


def test_group_collapse_expand_and_undo(qtbot, window, case, ids):
    feature = window.analysis
    members = [ids["Hezbollah"], ids["Kataib Hezbollah"], ids["Houthis"]]
    window.selection.set(members)
    assert feature.actions["group.make"].isEnabled()
    gid = feature.groups.make_from_selection("Iran-backed militias")
    (group,) = case.groups.values()
    assert group.id == gid and group.label == "Iran-backed militias" and group.members == members
    item = feature.groups.layer.items[gid]
    assert isinstance(item, GroupItem) and item.scene() is window.scene and not item.collapsed
    # The box surrounds every member card.
    for m in members:
        assert item.box.contains(window.scene.cards[m].sceneBoundingRect().center())

    feature.actions["group.collapse"].trigger()
    assert group.collapsed and window.undo_stack.count() == 2
    assert all(not window.scene.cards[m].isVisible() for m in members)
    # Links to members are drawn to the group card: Iran (2 backed-by links), Quds Force, the attack, the other Soleimani.
    proxy_counts = sorted(n for _, n in item.proxies)
    assert proxy_counts == [1, 1, 1, 2]
    member_links = [lid for lid, k in case.links.items() if k.source in members or k.target in members]
    assert all(not window.scene.links[lid].isVisible() for lid in member_links)
    assert window.scene.cards[ids["Iran"]].isVisible()

    # Dragging the group card moves it: one undo step.
    view = window.chart_view
    start = view.mapFromScene(item.card.center())
    x0 = group.x
    qtbot.mousePress(view.viewport(), Qt.MouseButton.LeftButton, pos=start)
    qtbot.mouseMove(view.viewport(), start + QPoint(40, 0))
    qtbot.mouseMove(view.viewport(), start + QPoint(80, 0))
    qtbot.mouseRelease(view.viewport(), Qt.MouseButton.LeftButton, pos=start + QPoint(80, 0))
    assert group.x > x0 and window.undo_stack.text(window.undo_stack.count() - 1).startswith("Move group")
    window.undo_stack.undo()
    assert group.x == x0

    # Double-clicking the group card expands it.
    centre = view.mapFromScene(item.card.center())
    qtbot.mouseDClick(view.viewport(), Qt.MouseButton.LeftButton, pos=centre)
    assert not group.collapsed
    assert all(window.scene.cards[m].isVisible() for m in members)
    assert all(window.scene.links[lid].isVisible() for lid in member_links)

    window.undo_stack.undo()  # expand
    assert group.collapsed and not window.scene.cards[members[0]].isVisible()
    window.undo_stack.undo()  # collapse
    assert not group.collapsed and window.scene.cards[members[0]].isVisible()
    window.undo_stack.undo()  # make group
    assert not case.groups and not feature.groups.layer.items
    window.undo_stack.redo()
    assert list(case.groups) == [gid] and feature.groups.layer.items[gid].scene() is window.scene


def test_regrouping_moves_cards_and_undo_restores(qtbot, window, case, ids):
    feature = window.analysis
    window.selection.set([ids["Hezbollah"], ids["Houthis"]])
    first = feature.groups.make_from_selection("Militias")
    window.selection.set([ids["Houthis"], ids["Iran"]])
    second = feature.groups.make_from_selection("Axis")
    assert case.groups[first].members == [ids["Hezbollah"]]
    assert case.groups[second].members == [ids["Houthis"], ids["Iran"]]
    window.undo_stack.undo()
    assert list(case.groups) == [first] and case.groups[first].members == [ids["Hezbollah"], ids["Houthis"]]
