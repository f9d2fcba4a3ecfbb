"""The window's frame: actions declared once, docks, preferences and themes, the worker helper."""

from __future__ import annotations

import time

from PySide6.QtCore import QPointF, Qt, QTimer
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QDockWidget, QGraphicsView, QLabel, QProgressDialog, QPushButton

from linkchart import paths
from linkchart.settings import Preferences
from linkchart.ui.actions import ACTIONS
from linkchart.ui.worker import run_task
from tests.ui.conftest import label_of

REQUIRED = ["file.new", "file.open", "file.save", "file.save_as", "file.revert", "file.close", "edit.undo", "edit.redo",
            "edit.delete", "edit.copy", "edit.paste", "edit.duplicate", "edit.select_all", "view.fit", "view.zoom_in",
            "view.zoom_out", "view.grid"]


def test_test_hooks_and_every_action_once(qtbot, chart):
    window = chart
    assert window.chart_view.objectName() == "chartView" and window.chart_view.scene() is window.scene
    assert window.findChild(QDockWidget, "entityPalette") and window.findChild(QDockWidget, "inspector")
    assert all(hasattr(c, "entity_id") for c in window.scene.cards.values())
    assert all(hasattr(k, "link_id") for k in window.scene.links.values())
    ids = [spec.id for spec in ACTIONS]
    assert len(ids) == len(set(ids)) and set(REQUIRED) <= set(ids)
    for action_id in ids:
        action = window.findChild(QAction, action_id)
        assert action is window.actions[action_id]
    assert window.actions["file.save"].shortcut() == QKeySequence(QKeySequence.StandardKey.Save)
    assert window.actions["edit.copy"].shortcut() == QKeySequence(QKeySequence.StandardKey.Copy)
    assert "Ctrl+S" in window.actions["file.save"].toolTip()
    # The same QAction object sits in the menu and on the toolbar.
    assert window.actions["edit.delete"] in window.toolbar.actions()
    menu_actions = {a for m in window.menuBar().actions() for a in m.menu().actions()}
    assert window.actions["edit.delete"] in menu_actions


def test_actions_enable_with_the_selection_and_undo_text(qtbot, chart):
    window = chart
    assert not window.actions["edit.delete"].isEnabled() and not window.actions["edit.undo"].isEnabled()
    window.chart_view.select_ids([label_of(window, "Iran").id])
    assert window.actions["edit.delete"].isEnabled() and window.actions["edit.duplicate"].isEnabled()
    window.actions["edit.delete"].trigger()
    assert window.actions["edit.undo"].isEnabled() and window.actions["edit.undo"].text() == "&Undo Delete 1 card"
    assert window.isWindowModified()


def test_add_dock_lists_it_in_view_panels(qtbot, window):
    dock = window.add_dock(QLabel("notes here"), Qt.DockWidgetArea.BottomDockWidgetArea, "scratchpad", "Scratchpad")
    assert window.findChild(QDockWidget, "scratchpad") is dock
    titles = [a.text() for a in window.panels_menu.actions()]
    assert {"Entity Types", "Overview", "Inspector", "History", "Scratchpad"} <= set(titles)
    assert window.dockWidgetArea(dock) == Qt.DockWidgetArea.BottomDockWidgetArea


def test_context_menus_reuse_the_actions(qtbot, chart):
    window = chart
    card_menu = window.context_menu("card", label_of(window, "Iran").x)
    assert window.actions["edit.delete"] in card_menu.actions()
    chart_menu = window.context_menu("chart", window.chart_view.visible_scene_rect().center())
    add = next(a for a in chart_menu.actions() if a.text() == "Add Card Here").menu()
    next(a for a in add.actions() if a.text() == "Event").trigger()
    assert any(e.type == "event" for e in window.case.entities.values())
    assert window.chart_view.label_editor is not None


def test_preferences_switch_theme_and_are_saved(qtbot, chart):
    window = chart
    prefs = Preferences(theme="dark", snap_to_grid=True, grid_size=25, autosave_seconds=60)
    window.apply_preferences(prefs)
    assert window.scene.style.dark and window.scene.backgroundBrush().color().lightness() < 60
    assert window.chart_view.grid_enabled and window.chart_view.grid_size == 25
    assert window.autosaver.timer.interval() == 60_000
    assert Preferences.load(paths.config_dir() / "preferences.json").theme == "dark"
    card = window.scene.cards[label_of(window, "Iran").id]
    assert card.style.dark
    window.apply_preferences(Preferences(theme="light"))
    assert not window.scene.style.dark


def test_chart_view_grab_of_thousands_of_cards(qtbot, window):
    """The window's own view paints a 3,000-card chart (the PySide6 6.12 + Python 3.11 crash guard, on screen)."""
    from linkchart.model import Entity

    entities = [Entity(f"Card {i}", "person", x=(i % 60) * 170, y=(i // 60) * 80) for i in range(3000)]
    window.case.insert_entities(entities)
    view: QGraphicsView = window.chart_view
    view.fit_all()
    assert not view.grab().isNull()
    view.zoom_to(1.0)
    assert not view.grab().isNull()
    assert len(window.scene.cards) == 3000


def _count(n, progress):
    total = 0
    for i in range(n):
        total += i
        progress.report((i + 1) / n)
    return total


def _wait_for_cancel(progress):
    deadline = time.monotonic() + 10  # a safety net only: Cancel arrives after ~50 ms
    while not progress.cancelled and time.monotonic() < deadline:
        time.sleep(0.01)
    progress.check()
    return "not cancelled"


def test_worker_runs_off_the_gui_thread_and_can_be_cancelled(qtbot, window):
    result = run_task(window, "Counting", _count, 1000)
    assert result.ok and result.value == sum(range(1000))
    failed = run_task(window, "Failing", lambda progress: 1 / 0)
    assert isinstance(failed.error, ZeroDivisionError) and not failed.ok

    def cancel_soon():
        dialog = window.findChild(QProgressDialog, "taskProgress")
        dialog.findChild(QPushButton).click()  # the dialog's own Cancel button

    QTimer.singleShot(50, cancel_soon)
    cancelled = run_task(window, "Waiting", _wait_for_cancel)
    assert cancelled.cancelled and not cancelled.ok


def test_overview_shows_the_chart_and_steers_the_view(qtbot, chart):
    window = chart
    overview = window.overview_dock.view
    overview.fit()
    assert not overview._picture.isNull()
    saudi = label_of(window, "Saudi Arabia")
    target = overview._to_widget.map(QPointF(saudi.x, saudi.y)).toPoint()
    qtbot.mouseClick(overview, Qt.MouseButton.LeftButton, pos=target)
    centre = window.chart_view.visible_scene_rect().center()
    assert abs(centre.x() - saudi.x) < 15 and abs(centre.y() - saudi.y) < 15
    window.case.move_entities({saudi.id: (900.0, 900.0)})
    qtbot.waitUntil(lambda: overview._to_widget.map(QPointF(900, 900)).x() < overview.width(), timeout=3000)


def test_preferences_dialog_returns_the_choices(qtbot, window):
    from PySide6.QtWidgets import QCheckBox, QComboBox, QSpinBox

    from linkchart.ui.preferences_dialog import PreferencesDialog

    dialog = PreferencesDialog(window.preferences, window)
    qtbot.addWidget(dialog)
    theme = dialog.findChild(QComboBox, "themeCombo")
    theme.setCurrentIndex(theme.findData("dark"))
    dialog.findChild(QCheckBox, "snapCheck").setChecked(True)
    dialog.findChild(QSpinBox, "autosaveSpin").setValue(45)
    chosen = dialog.result_preferences()
    assert (chosen.theme, chosen.snap_to_grid, chosen.autosave_seconds) == ("dark", True, 45)
    assert window.preferences.theme == "system"  # nothing changes until the window applies them
