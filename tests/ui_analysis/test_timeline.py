"""The timeline: marks for dated items, a draggable window that greys or hides the chart, click to select."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QPointF, Qt

from linkchart.ui.analysis.timeline import to_seconds


def test_timeline_window_filters_chart(qtbot, window, case, ids):
    feature = window.analysis
    feature.actions["analysis.timeline"].trigger()
    panel = feature.timeline
    assert feature.docks["timeline"].isVisible()
    kinds = sorted({m.kind for m in panel.drawn.marks})
    assert kinds == ["article", "entity", "link"]
    # The attack is an exact date (a point); "about 2015" is a bar spanning its uncertainty.
    about = next(m for m in panel.drawn.marks if m.span.text == "about 2015")
    assert about.span.start < date(2015, 1, 1) and about.span.end > date(2015, 12, 31)
    assert any(panel.drawn.marks[i].span.text == "about 2015" for i in panel._bar_rows)

    qtbot.mouseClick(panel.filter_box, Qt.MouseButton.LeftButton)
    # Drag the window over 2019 (setRegion is what a mouse drag ends in); the chart follows once it settles.
    panel.region.setRegion((to_seconds(date(2019, 1, 1)), to_seconds(date(2019, 12, 31))))
    qtbot.waitUntil(lambda: panel.window_label.text() == "2019-01-01 \u2013 2019-12-31")
    cards = window.scene.cards
    # In 2019: the Aramco attack and the Houthis' "participated in" link; Soleimani (1957-2020) too.
    assert cards[ids["Abqaiq-Khurais attack"]].opacity() == 1.0
    assert cards[ids["Houthis"]].opacity() == 1.0
    # Nothing dated in 2019 touches Kataib Hezbollah? Quds Force "commands" it (undated): it stays.
    qtbot.mouseClick(feature.banner.hide_button, Qt.MouseButton.LeftButton)
    assert feature.filter.mode == "hide"
    panel.set_window(date(2021, 1, 1), date(2021, 12, 31))
    assert not cards[ids["Abqaiq-Khurais attack"]].isVisible()
    assert not cards[ids["Qasem Soleimani"]].isVisible()
    assert cards[ids["Hezbollah"]].isVisible()  # backed by Iran 1982-2023
    assert "2021" in feature.banner.label.text() and feature.banner.isVisible()
    qtbot.mouseClick(feature.banner.clear_button, Qt.MouseButton.LeftButton)
    assert all(c.isVisible() and c.opacity() == 1.0 for c in cards.values())
    assert not panel.filter_box.isChecked() and not feature.banner.isVisible()


def test_clicking_a_mark_selects_it(qtbot, window, case, ids):
    feature = window.analysis
    feature.show_dock("timeline")
    panel = feature.timeline
    panel.resize(900, 300)
    feature.docks["timeline"].resize(900, 300)
    qtbot.wait(10)
    i = next(i for i, m in enumerate(panel.drawn.marks) if m.id == ids["Abqaiq-Khurais attack"])
    d = panel.drawn
    vb = panel.plot.getViewBox()
    scene_pt = vb.mapViewToScene(QPointF((d.start[i] + d.end[i]) / 2, d.lane[i]))
    view_pt = panel.plot.mapFromScene(scene_pt)
    qtbot.mouseClick(panel.plot.viewport(), Qt.MouseButton.LeftButton, pos=view_pt)
    assert window.selection.selected_entity_ids == (ids["Abqaiq-Khurais attack"],)


def test_unreadable_dates_are_reported_not_guessed(qtbot, window, case, ids):
    from linkchart.commands import UpdateEntitiesCommand, push

    window.analysis.show_dock("timeline")
    panel = window.analysis.timeline
    push(window.undo_stack, UpdateEntitiesCommand(case, {ids["Houthis"]: {"date": "sometime in the nineties"}}))
    qtbot.waitUntil(lambda: panel.unreadable_label.text() == "1 date not understood")
    assert "sometime in the nineties" in panel.unreadable_label.toolTip()
    assert ids["Houthis"] not in {m.id for m in panel.drawn.marks}
