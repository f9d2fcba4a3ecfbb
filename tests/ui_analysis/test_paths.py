"""Paths between two selected cards: listed hop by hop with their citations, highlighted on the chart."""

from __future__ import annotations

from PySide6.QtCore import Qt


def test_shortest_path_listed_and_highlighted(qtbot, window, case, ids):
    feature = window.analysis
    hez, kh = ids["Hezbollah"], ids["Kataib Hezbollah"]
    window.selection.set([hez, kh])
    feature.actions["analysis.paths"].trigger()
    panel = feature.paths
    assert feature.docks["paths"].isVisible()
    (path,) = panel.paths
    assert [(s.from_id, s.to_id) for s in path] == [(hez, ids["Iran"]), (ids["Iran"], ids["Quds Force"]), (ids["Quds Force"], kh)]
    assert [case.links[s.link_id].type for s in path] == ["backed_by", "part_of", "commands"]
    # Highlighted: the path's cards and links are the selection and drawn selected.
    assert set(window.selection.selected_entity_ids) == {hez, ids["Iran"], ids["Quds Force"], kh}
    assert set(window.selection.selected_link_ids) == {s.link_id for s in path}
    assert all(window.scene.links[s.link_id].isSelected() for s in path)
    # Listed with the chain of evidence.
    top = panel.tree.topLevelItem(0)
    assert top.text(0) == "Path 1 (3 links): Hezbollah \u2192 Iran \u2192 Quds Force \u2192 Kataib Hezbollah"
    first = top.child(0)
    assert first.text(0).startswith("Hezbollah \u2014 backed by \u2192 Iran")
    assert first.child(0).text(0) == "\u201cIran backs Hezbollah\u201d \u2014 Proxy war, 2020-01-05"
    # Walked against its direction, "part of" reads as its inverse.
    assert top.child(1).text(0).startswith("Iran \u2014 has part \u2192 Quds Force")
    assert top.child(1).child(0).text(0) == "Unsourced: no citation for this link"

    # Clicking elsewhere then on the path highlights it again.
    window.selection.clear()
    rect = panel.tree.visualItemRect(top)
    qtbot.mouseClick(panel.tree.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert set(window.selection.selected_link_ids) == {s.link_id for s in path}


def test_path_restrictions(qtbot, window, case, ids):
    window.analysis.show_dock("paths")
    panel = window.analysis.paths
    panel.set_ends(ids["Hezbollah"], ids["Kataib Hezbollah"])
    for i in range(panel.types.count()):
        item = panel.types.item(i)
        if item.data(Qt.ItemDataRole.UserRole) == "part_of":
            item.setCheckState(Qt.CheckState.Unchecked)
    qtbot.mouseClick(panel.find_button, Qt.MouseButton.LeftButton)
    assert panel.paths == [] and panel.summary.text() == "No path within those limits."

    panel.set_ends(ids["Qasem Soleimani"], ids["Iran"])
    for i in range(panel.types.count()):
        panel.types.item(i).setCheckState(Qt.CheckState.Checked)
    panel.directed.setChecked(True)
    panel.mode.setCurrentIndex(panel.mode.findData("all"))
    qtbot.mouseClick(panel.find_button, Qt.MouseButton.LeftButton)
    assert [[case.links[s.link_id].type for s in p] for p in panel.paths] == [["commands", "part_of"]]


def test_select_neighbourhood(qtbot, window, ids):
    from linkchart.ui.analysis.paths import select_neighbourhood

    window.selection.set([ids["Houthis"]])
    select_neighbourhood(window.analysis.host, 1)
    assert set(window.selection.selected_entity_ids) == {ids["Houthis"], ids["Iran"], ids["Abqaiq-Khurais attack"]}
