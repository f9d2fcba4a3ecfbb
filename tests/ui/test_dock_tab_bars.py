"""The dock tab bars drawn in the window are exactly those of the docks shown tabbed together, at their docks."""

from __future__ import annotations

from PySide6.QtCore import QRect
from PySide6.QtWidgets import QDockWidget, QTabBar

from linkchart.app import create_main_window


def _drawn_tab_bars(window) -> dict[frozenset[str], QRect]:
    """Tab titles -> place of every dock tab bar the window draws (Qt parks unused ones outside it)."""
    drawn = {}
    for bar in window.findChildren(QTabBar):
        if bar.parent() is window and bar.isVisible() and bar.geometry().intersects(window.rect()):
            drawn[frozenset(bar.tabText(i) for i in range(bar.count()))] = bar.geometry()
    return drawn


def _tabbed_groups(window) -> set[frozenset[str]]:
    """Titles of the shown docks that share a place as tabs, as Qt's own layout records them."""
    groups = set()
    for dock in window.findChildren(QDockWidget):
        buddies = [d for d in window.tabifiedDockWidgets(dock) if d.isVisible()] if dock.isVisible() else []
        if buddies:
            groups.add(frozenset([dock.windowTitle(), *(d.windowTitle() for d in buddies)]))
    return groups


def _assert_tab_bars_match_docks(window) -> set[frozenset[str]]:
    drawn = _drawn_tab_bars(window)
    assert set(drawn) == _tabbed_groups(window)
    docks = {d.windowTitle(): d for d in window.findChildren(QDockWidget)}
    for titles, place in drawn.items():
        assert all(docks[t].isVisible() for t in titles), titles
        # The bar sits against the one dock of its group that is in front.
        front = [docks[t] for t in titles if not docks[t].visibleRegion().isEmpty()]
        assert len(front) == 1, titles
        assert place.adjusted(-2, -2, 2, 2).intersects(front[0].geometry()), (titles, place, front[0].geometry())
    return set(drawn)


def _shown_window(qtbot):
    window = create_main_window()
    qtbot.addWidget(window)
    window.resize(1400, 900)
    window.show()
    qtbot.waitExposed(window)
    return window


def test_a_fresh_window_draws_only_the_inspector_and_articles_tabs(qtbot):
    window = _shown_window(qtbot)
    assert not window.findChild(QDockWidget, "search").isVisible()
    assert _assert_tab_bars_match_docks(window) == {frozenset({"Inspector", "Articles"})}


def test_search_gets_its_tab_bar_when_shown_and_loses_it_when_closed(qtbot):
    window = _shown_window(qtbot)
    window.analysis.show_dock("search")
    qtbot.waitUntil(lambda: frozenset({"Entity Types", "Search and Filter"}) in _drawn_tab_bars(window))
    _assert_tab_bars_match_docks(window)
    window.findChild(QDockWidget, "search").close()
    qtbot.waitUntil(lambda: frozenset({"Entity Types", "Search and Filter"}) not in _drawn_tab_bars(window))
    assert _assert_tab_bars_match_docks(window) == {frozenset({"Inspector", "Articles"})}


def test_reopening_with_a_saved_layout_draws_the_same_tab_bars(qtbot):
    first = _shown_window(qtbot)
    first.close()  # saves the layout: Search and Filter closed
    second = _shown_window(qtbot)
    assert second.session.window_state
    assert _assert_tab_bars_match_docks(second) == {frozenset({"Inspector", "Articles"})}
    second.analysis.show_dock("search")
    second.close()  # now saved open, as a tab behind Entity Types
    third = _shown_window(qtbot)
    assert third.findChild(QDockWidget, "search").isVisible()
    assert _assert_tab_bars_match_docks(third) == {frozenset({"Inspector", "Articles"}), frozenset({"Entity Types", "Search and Filter"})}
