"""The network analysis dock: measures in a sortable table and a bar chart, sizing and colouring cards."""

from __future__ import annotations

from PySide6.QtCore import Qt

from linkchart.ui.analysis.style_overlay import StyleMarkItem
from linkchart.ui.analysis.tables import ID_ROLE


def test_degree_table_select_and_size_cards(qtbot, window, case, ids):
    feature = window.analysis
    feature.actions["analysis.show"].trigger()
    panel = feature.analysis
    assert feature.docks["analysis"].isVisible()
    panel.measure_box.setCurrentIndex(panel.measure_box.findData("degree"))
    qtbot.mouseClick(panel.calculate_button, Qt.MouseButton.LeftButton)
    proxy = panel.table.model()
    assert proxy.rowCount() == len(case.entities)
    # Sorted by score, highest first: Iran and the Quds Force have three links each, then the twos.
    assert {proxy.index(r, 0).data() for r in range(2)} == {"Iran", "Quds Force"}
    assert [float(proxy.index(r, 2).data()) for r in range(proxy.rowCount())] == [3, 3, 2, 2, 1, 1, 1, 1]
    # Clicking a row selects its card.
    rect = panel.table.visualRect(proxy.index(4, 0))
    qtbot.mouseClick(panel.table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert window.selection.selected_entity_ids == (proxy.index(4, 0).data(ID_ROLE),)
    # The bar chart shows the top N.
    panel.top_n.setValue(5)
    assert len(panel.bars.opts["width"]) == 5

    qtbot.mouseClick(panel.select_top_button, Qt.MouseButton.LeftButton)
    assert len(window.selection.selected_entity_ids) == 5

    qtbot.mouseClick(panel.size_button, Qt.MouseButton.LeftButton)
    assert window.undo_stack.count() == 1 and window.undo_stack.text(0) == "Size cards by degree"
    assert case.entities[ids["Iran"]].style["scale"] == "2.50"
    assert case.entities[ids["Abqaiq-Khurais attack"]].style["scale"] == "1.00"
    marks = [c for c in window.scene.cards[ids["Iran"]].childItems() if isinstance(c, StyleMarkItem)]
    assert len(marks) == 1 and marks[0].scale_value == 2.5
    window.undo_stack.undo()
    assert all("scale" not in e.style for e in case.entities.values())
    assert not any(isinstance(c, StyleMarkItem) for c in window.scene.cards[ids["Iran"]].childItems())


def test_betweenness_directed_and_communities(qtbot, window, case, ids):
    panel = window.analysis.analysis
    panel.measure_box.setCurrentIndex(panel.measure_box.findData("betweenness"))
    panel.directed_box.setChecked(False)
    qtbot.mouseClick(panel.calculate_button, Qt.MouseButton.LeftButton)
    ranked = panel.ranked()
    assert ranked[0][0] in (ids["Iran"], ids["Kataib Hezbollah"], ids["Quds Force"]) and ranked[0][1] > 0
    assert "Betweenness of 8 cards" in panel.info.text()

    panel.tabs.setCurrentIndex(1)
    panel.find_communities()
    members = sorted(m for c in panel.communities for m in c)
    assert members == sorted(case.entities)
    qtbot.mouseClick(panel.colour_button, Qt.MouseButton.LeftButton)
    coloured = {eid for eid, e in case.entities.items() if "community_colour" in e.style}
    assert coloured and window.undo_stack.count() == 1
    window.undo_stack.undo()
    assert not any("community_colour" in e.style for e in case.entities.values())

    panel.tabs.setCurrentIndex(2)
    panel.find_components()
    assert [len(c) for c in panel.components] == [8]


def test_big_chart_betweenness_is_sampled_on_a_worker(qtbot, window, tmp_path):
    import random

    from linkchart.io import save_case
    from linkchart.model import Case

    rng = random.Random(1)
    case = Case(title="Big")
    ents = [case.add_entity(f"Card {i}", "person", x=(i % 60) * 200.0, y=(i // 60) * 80.0) for i in range(3000)]
    for _ in range(6000):
        a, b = rng.sample(ents, 2)
        case.add_link(a.id, b.id, "associated_with")
    path = tmp_path / "big.lcase"
    save_case(case, path)
    assert window.open_case(str(path))
    panel = window.analysis.analysis
    panel.measure_box.setCurrentIndex(panel.measure_box.findData("betweenness"))
    qtbot.mouseClick(panel.calculate_button, Qt.MouseButton.LeftButton)
    assert panel.job is not None  # on a worker, behind a progress dialog
    qtbot.waitUntil(lambda: panel.result is not None, timeout=60000)
    assert panel.result.sample_size and panel.result.sample_size < 3000
    assert f"estimated from a sample of {panel.result.sample_size} of 3000 cards" in panel.info.text()
