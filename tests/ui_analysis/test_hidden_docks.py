"""Docks out of sight do no work for a case nobody sees; shown again, they show the case as it is now."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Qt

from linkchart.commands import UpdateEntitiesCommand, push
from linkchart.io import save_case
from linkchart.model import Case


def _other_case(tmp_path) -> str:
    other = Case(title="Other")
    a = other.add_entity("Alpha", "person", x=0, y=0, date="2001")
    b = other.add_entity("Beta", "person", x=300, y=0, date="2003-04-05")
    other.add_link(a.id, b.id, "funds", date="2002")
    path = tmp_path / "other.lcase"
    save_case(other, path)
    return str(path)


def test_a_closed_timeline_does_not_rebuild_on_open_and_is_right_once_shown(qtbot, window, tmp_path):
    feature = window.analysis
    feature.show_dock("timeline")
    panel = feature.timeline
    rebuilds = []
    panel.rebuilt.connect(lambda: rebuilds.append(1))
    feature.docks["timeline"].close()  # the dock's close button
    path = _other_case(tmp_path)
    window.undo_stack.setClean()

    assert window.open_case(path)
    qtbot.wait(100)  # past the timeline's own batching of changes
    assert rebuilds == [] and panel.stale
    assert "Alpha" not in {m.label for m in panel.drawn.marks}

    feature.actions["analysis.timeline"].trigger()
    assert rebuilds == [1] and not panel.stale
    assert sorted(m.label for m in panel.drawn.marks if m.kind == "entity") == ["Alpha", "Beta"]
    assert [m.kind for m in panel.drawn.marks].count("link") == 1


def test_an_edit_while_the_timeline_is_closed_is_there_when_it_is_shown(qtbot, window, case, ids):
    feature = window.analysis
    feature.show_dock("timeline")
    panel = feature.timeline
    assert ids["Kataib Hezbollah"] not in {m.id for m in panel.drawn.marks}
    feature.docks["timeline"].close()
    rebuilds = []
    panel.rebuilt.connect(lambda: rebuilds.append(1))

    push(window.undo_stack, UpdateEntitiesCommand(case, {ids["Kataib Hezbollah"]: {"date": "2003"}}))
    qtbot.wait(100)
    assert rebuilds == [] and ids["Kataib Hezbollah"] not in {m.id for m in panel.drawn.marks}

    feature.show_dock("timeline")
    (mark,) = [m for m in panel.drawn.marks if m.id == ids["Kataib Hezbollah"]]
    assert mark.span.start == date(2003, 1, 1) and rebuilds == [1]


def test_a_closed_timeline_keeps_filtering_the_edited_chart(qtbot, window, case, ids):
    feature = window.analysis
    feature.show_dock("timeline")
    panel = feature.timeline
    panel.filter_box.setChecked(True)
    panel.set_window(date(2019, 1, 1), date(2019, 12, 31))
    cards = window.scene.cards
    assert cards[ids["Abqaiq-Khurais attack"]].opacity() == 1.0
    feature.docks["timeline"].close()

    push(window.undo_stack, UpdateEntitiesCommand(case, {ids["Abqaiq-Khurais attack"]: {"date": "2001-09-11"}}))
    qtbot.waitUntil(lambda: cards[ids["Abqaiq-Khurais attack"]].opacity() < 0.5)
    assert panel.stale and feature.banner.isVisible()


def test_a_panel_in_a_background_tab_waits_for_its_tab(qtbot, window, case, ids):
    """Paths shares the inspector's place: behind it, the link type list waits; brought to the front, it is current."""
    feature = window.analysis
    feature.show_dock("paths")
    panel = feature.paths
    window.inspector.raise_()
    assert window.inspector in window.tabifiedDockWidgets(feature.docks["paths"])

    def listed() -> set[str]:
        return {panel.types.item(i).data(Qt.ItemDataRole.UserRole) for i in range(panel.types.count())}

    assert "backed_by" in listed()
    case.add_link(ids["Houthis"], ids["Hezbollah"], "trained_by")
    assert "trained_by" not in listed()

    feature.docks["paths"].raise_()  # what clicking its tab does
    assert "trained_by" in listed() and "backed_by" in listed()


def test_docks_never_shown_are_made_when_first_shown(qtbot, window, tmp_path):
    feature = window.analysis
    names = {"analysis": "analysisPanel", "search": "searchPanel", "paths": "pathsPanel", "timeline": "timelinePanel"}
    # Nothing is made for docks nobody opened, whatever case is open.
    assert all(feature.docks[d].widget().objectName() != name for d, name in names.items())
    window.undo_stack.setClean()
    assert window.open_case(_other_case(tmp_path))
    assert all(feature.docks[d].widget().objectName() != name for d, name in names.items())

    dock = feature.docks["search"]
    dock.toggleViewAction().trigger()  # View > Panels > Search and Filter: a tab behind the entity types
    assert dock.isVisible() and dock.widget().objectName() != "searchPanel"
    dock.raise_()  # what clicking that tab does
    panel = dock.widget()
    assert panel.objectName() == "searchPanel" and panel is feature.search and panel.isVisible()
    types = [panel.link_types.item(i).text() for i in range(panel.link_types.count())]
    assert types == [window.case.vocabulary.link_type("funds").label]
