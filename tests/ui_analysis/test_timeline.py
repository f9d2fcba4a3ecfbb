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


def _follow_counts(panel) -> tuple[list[int], list[int]]:
    """Lists that grow by one per full re-read and per patch of the timeline."""
    rebuilds: list[int] = []
    patches: list[int] = []
    panel.rebuilt.connect(lambda: rebuilds.append(1))
    panel.patched.connect(lambda: patches.append(1))
    return rebuilds, patches


def _shows_the_case(panel) -> bool:
    """The marks, lanes and arrays drawn are what a fresh full read of the case gives."""
    from linkchart.analysis import timeline
    from linkchart.ui.analysis.timeline_marks import MarkIndex

    lane_by = panel.lanes.currentData()
    fresh, a = timeline(panel.host.case, lane_by), MarkIndex(panel.host.case, lane_by).arrays()
    d = panel.drawn
    return (d.marks == fresh.records and panel.lane_names == [label for _, label in fresh.lanes]
            and all((getattr(d, f) == getattr(a, f)).all() for f in ("lane", "start", "end", "exact", "kind")))


def _link_points(panel) -> set[tuple[float, float]]:
    x, y = panel.points["link"].getData()
    return set(zip(x.tolist(), y.tolist(), strict=True))


def test_an_edit_moves_its_mark_without_a_full_read_and_undo_puts_it_back(qtbot, window, case, ids):
    from linkchart.commands import UpdateLinksCommand, push

    window.analysis.show_dock("timeline")
    panel = window.analysis.timeline
    rebuilds, patches = _follow_counts(panel)
    before, points_before = list(panel.drawn.marks), _link_points(panel)
    link = next(k for k in case.links.values() if k.date == "about 2015")
    assert any(panel.drawn.marks[i].id == link.id for i in panel._bar_rows)

    push(window.undo_stack, UpdateLinksCommand(case, {link.id: {"date": "2016-03-04"}}))
    qtbot.waitUntil(lambda: patches == [1])
    # "about 2015" was a bar; an exact day is a point of its lane, drawn mid-day.
    row = next(i for i, m in enumerate(panel.drawn.marks) if m.id == link.id)
    assert panel.drawn.exact[row] and row not in set(panel._bar_rows.tolist())
    assert (to_seconds(date(2016, 3, 4)) + 43200.0, panel.drawn.lane[row]) in _link_points(panel)
    assert _shows_the_case(panel) and rebuilds == []

    window.undo_stack.undo()
    qtbot.waitUntil(lambda: patches == [1, 1])
    assert panel.drawn.marks == before and _link_points(panel) == points_before and rebuilds == []
    window.undo_stack.redo()
    qtbot.waitUntil(lambda: patches == [1, 1, 1])
    assert _shows_the_case(panel)


def test_a_burst_of_edits_is_followed_once(qtbot, window, case, ids):
    from linkchart.commands import UpdateEntitiesCommand, UpdateLinksCommand, push

    window.analysis.show_dock("timeline")
    panel = window.analysis.timeline
    panel.lanes.setCurrentIndex(panel.lanes.findData("entity"))
    rebuilds, patches = _follow_counts(panel)
    links = [k for k in case.links.values() if k.date]
    for n, link in enumerate(links):
        push(window.undo_stack, UpdateLinksCommand(case, {link.id: {"date": f"20{10 + n}-0{n + 1}"}}))
    # The Houthis' name is in their lane's name and in the labels of their links.
    push(window.undo_stack, UpdateEntitiesCommand(case, {ids["Houthis"]: {"label": "Ansar Allah"}}))
    push(window.undo_stack, UpdateEntitiesCommand(case, {ids["Kataib Hezbollah"]: {"date": "2004"}}))
    qtbot.waitUntil(lambda: patches == [1])
    qtbot.wait(20)
    assert patches == [1] and rebuilds == []
    assert "Ansar Allah" in panel.lane_names and "Houthis" not in panel.lane_names
    assert any(m.label == "Ansar Allah backed by Iran" for m in panel.drawn.marks)
    assert _shows_the_case(panel)


def test_edits_the_timeline_does_not_show_leave_it_alone(qtbot, window, case, ids):
    from linkchart.commands import UpdateEntitiesCommand, UpdateLinksCommand, push

    window.analysis.show_dock("timeline")
    panel = window.analysis.timeline
    rebuilds, patches = _follow_counts(panel)
    link = next(k for k in case.links.values() if k.date)
    push(window.undo_stack, UpdateEntitiesCommand(case, {ids["Houthis"]: {"notes": "Yemen"}}))
    push(window.undo_stack, UpdateLinksCommand(case, {link.id: {"strength": "possible"}}))
    qtbot.wait(50)
    assert rebuilds == [] and patches == [] and _shows_the_case(panel)


def test_a_reworded_link_type_renames_its_lane(qtbot, window, case):
    from linkchart.model import LinkType

    window.analysis.show_dock("timeline")
    panel = window.analysis.timeline
    rebuilds, _ = _follow_counts(panel)
    case.add_link_type(LinkType(id="backed_by", label="sponsored by"))
    qtbot.waitUntil(lambda: rebuilds == [1])
    assert "Sponsored by" in panel.lane_names and "Backed by" not in panel.lane_names
    assert any(m.label == "Hezbollah sponsored by Iran" for m in panel.drawn.marks)


def test_many_touched_items_are_read_again_in_full(qtbot, window, case, monkeypatch):
    from linkchart.commands import UpdateLinksCommand, push
    from linkchart.ui.analysis import timeline as timeline_module

    monkeypatch.setattr(timeline_module, "PATCH_LIMIT", 2)
    window.analysis.show_dock("timeline")
    panel = window.analysis.timeline
    rebuilds, patches = _follow_counts(panel)
    links = [k for k in case.links.values() if k.date][:3]
    push(window.undo_stack, UpdateLinksCommand(case, {k.id: {"date": "2011"} for k in links}))
    qtbot.waitUntil(lambda: rebuilds == [1])
    assert patches == [] and _shows_the_case(panel)


def test_selected_bars_are_flagged_after_an_edit(qtbot, window, case, ids):
    from linkchart.commands import UpdateEntitiesCommand, push

    window.analysis.show_dock("timeline")
    panel = window.analysis.timeline
    _, patches = _follow_counts(panel)
    link = next(k for k in case.links.values() if k.date == "1998/2020-01-03")
    window.selection.set([], [link.id])

    def flagged() -> list[str]:
        return [panel.drawn.marks[i].id for i, on in zip(panel._bar_rows, panel.bars.selected, strict=True) if on]

    assert flagged() == [link.id]
    push(window.undo_stack, UpdateEntitiesCommand(case, {ids["Houthis"]: {"date": "1990/1995"}}))  # a bar before it
    qtbot.waitUntil(lambda: patches == [1])
    assert flagged() == [link.id] and len(panel.bars.selected) == len(panel._bar_rows)
