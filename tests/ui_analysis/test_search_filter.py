"""Search with Ctrl+F and typing; filters grey or hide the chart; the banner shows and clears them."""

from __future__ import annotations

from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QApplication, QCheckBox


def tick(qtbot, box: QCheckBox) -> None:
    """Click a check box on its box (a click far right of its text does nothing, as for a user)."""
    qtbot.mouseClick(box, Qt.MouseButton.LeftButton, pos=QPoint(8, box.height() // 2))


def test_ctrl_f_search_and_select(qtbot, window, case, ids):
    feature = window.analysis
    window.chart_view.setFocus()
    qtbot.keyClick(window.chart_view, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    panel = feature.search
    assert feature.docks["search"].isVisible()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is panel.box)
    qtbot.keyClicks(panel.box, "ansar")
    qtbot.waitUntil(lambda: panel.count_label.text() == "1 match")
    item = panel.results.item(0)
    assert item.text().startswith("Card: Houthis (alias)")
    qtbot.mouseClick(panel.results.viewport(), Qt.MouseButton.LeftButton, pos=panel.results.visualItemRect(item).center())
    assert window.selection.selected_entity_ids == (ids["Houthis"],)

    # Article text and quotes are searched too; Enter picks the first result.
    panel.box.clear()
    qtbot.keyClicks(panel.box, "aramco")
    qtbot.waitUntil(lambda: len(panel.hits) == 2)
    assert [h.kind for h in panel.hits] == ["link", "article"]
    assert panel.hits[0].field == "quote" and panel.hits[1].snippet.startswith("\u2026")
    qtbot.keyClick(panel.box, Qt.Key.Key_Return)
    (attack_link,) = [k.id for k in case.links.values() if k.type == "participated_in"]
    assert window.selection.selected_link_ids == (attack_link,)

    # "Show only results" greys everything else out (an article result stands for what cites it).
    tick(qtbot, panel.only_results)
    qtbot.waitUntil(lambda: feature.banner.isVisible())
    cards = window.scene.cards
    assert cards[ids["Abqaiq-Khurais attack"]].opacity() == 1.0
    assert cards[ids["Iran"]].opacity() == 1.0
    assert cards[ids["Qassem Soleimani"]].opacity() < 0.5 and cards[ids["Qassem Soleimani"]].isVisible()
    assert "\u201caramco\u201d" in feature.banner.label.text()


def test_filters_hide_and_clear(qtbot, window, case, ids):
    feature = window.analysis
    panel = feature.search
    feature.show_dock("search")
    window.preferences.filtered_items = "hide"
    # Only "backed by" links, and cards left without links hidden: Iran and its two backed proxies stay.
    for i in range(panel.link_types.count()):
        item = panel.link_types.item(i)
        if item.data(Qt.ItemDataRole.UserRole) != "backed_by":
            item.setCheckState(Qt.CheckState.Unchecked)
    tick(qtbot, panel.drop_isolated)
    qtbot.waitUntil(lambda: feature.banner.isVisible() and not window.scene.cards[ids["Quds Force"]].isVisible())
    visible = {eid for eid, c in window.scene.cards.items() if c.isVisible()}
    assert visible == {ids["Iran"], ids["Hezbollah"], ids["Houthis"]}
    assert feature.banner.label.text().startswith("Filter: 1 link type")
    # Confirmed links only: the probable Houthi link goes, and the Houthis with it.
    panel.strength.setCurrentIndex(panel.strength.findData("confirmed"))
    qtbot.waitUntil(lambda: not window.scene.cards[ids["Houthis"]].isVisible())
    assert "confirmed" in feature.banner.label.text()

    qtbot.mouseClick(feature.banner.clear_button, Qt.MouseButton.LeftButton)
    assert all(c.isVisible() and c.opacity() == 1.0 for c in window.scene.cards.values())
    assert panel.link_types.checked() is None and panel.strength.currentData() is None
    assert not panel.drop_isolated.isChecked() and not feature.banner.isVisible()

    # A date window without undated items: what is dated in 2019, and the cards its links join.
    window.preferences.filtered_items = "grey"
    qtbot.keyClicks(panel.date_from, "2019")
    qtbot.keyClicks(panel.date_to, "2019")
    tick(qtbot, panel.keep_undated)
    qtbot.waitUntil(lambda: "2019\u20132019" in feature.banner.label.text())
    qtbot.waitUntil(lambda: window.scene.cards[ids["Iran"]].opacity() == 1.0)
    shown = {label for label, eid in ids.items() if window.scene.cards[eid].opacity() == 1.0}
    # Hezbollah backed 1982-2023, Houthis "about 2015" (2014-2016: out), the 2019 attack, Soleimani 1957-2020.
    assert shown == {"Iran", "Hezbollah", "Houthis", "Abqaiq-Khurais attack", "Qasem Soleimani", "Quds Force"}
