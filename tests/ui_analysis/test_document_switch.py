"""Opening another case re-binds every panel: groups, filters, timeline, analysis results."""

from __future__ import annotations

from datetime import date

from linkchart.io import save_case
from linkchart.model import Case


def test_panels_follow_the_open_case(qtbot, window, case, ids, tmp_path):
    feature = window.analysis
    window.selection.set([ids["Hezbollah"], ids["Houthis"]])
    feature.groups.make_from_selection("Proxies")
    feature.analysis.calculate()
    feature.show_dock("timeline")  # its window filters the chart: the user has it open
    feature.timeline.filter_box.setChecked(True)
    feature.timeline.set_window(date(2019, 1, 1), date(2019, 12, 31))
    assert feature.filter.active and feature.analysis.result is not None

    other = Case(title="Other")
    a = other.add_entity("Alpha", "person", x=0, y=0, date="2001")
    b = other.add_entity("Beta", "person", x=300, y=0)
    other.add_link(a.id, b.id, "associated_with")
    other.add_group("Pair", [a.id, b.id], collapsed=True, x=150, y=0)
    path = tmp_path / "other.lcase"
    save_case(other, path)
    window.undo_stack.setClean()
    assert window.open_case(str(path))

    assert not feature.filter.active and not feature.banner.isVisible()
    assert not feature.timeline.filter_box.isChecked()
    assert [m.label for m in feature.timeline.drawn.marks] == ["Alpha"]
    assert feature.analysis.result is None and feature.analysis.model.rowCount() == 0
    (item,) = feature.groups.layer.items.values()
    assert item.collapsed and item.scene() is window.scene and item.label == "Pair"
    assert not window.scene.cards[a.id].isVisible() and not window.scene.cards[b.id].isVisible()
    # Edits land on the new case's undo stack.
    window.selection.set([])
    feature.groups.layer.set_current(item.group_id)
    feature.actions["group.expand"].trigger()
    assert not window.case.groups[item.group_id].collapsed and window.undo_stack.count() == 1
    assert window.scene.cards[a.id].isVisible()
