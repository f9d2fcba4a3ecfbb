"""A saved window layout is restored once, with every feature's docks, and leaves no stray tab bars."""

from __future__ import annotations

from PySide6.QtWidgets import QDockWidget, QTabBar

from linkchart.app import create_main_window


def _stray_tab_bars(window) -> list:
    # Qt parks unused dock tab bars off-screen; one drawn inside the window but outside
    # every dock area would sit over the menus.
    found = []
    for bar in window.findChildren(QTabBar):
        if bar.parent() is not window or not bar.isVisible() or bar.geometry().bottom() < 0 or bar.geometry().right() < 0:
            continue
        if bar.geometry().top() < window.menuBar().geometry().bottom():
            found.append([bar.tabText(i) for i in range(bar.count())])
    return found


def test_reopening_with_a_saved_layout_draws_no_tab_bar_over_the_menus(qtbot):
    first = create_main_window()
    first.resize(1400, 900)
    first.show()
    qtbot.waitExposed(first)
    first.close()  # saves the window layout to the session file
    second = create_main_window()
    qtbot.addWidget(second)
    second.resize(1400, 900)
    second.show()
    qtbot.waitExposed(second)
    assert second.session.window_state
    assert _stray_tab_bars(second) == []
    assert second.findChild(QDockWidget, "articleReader") is not None
