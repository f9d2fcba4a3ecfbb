"""The main window: chart in the middle, docks around it, menus and toolbar from the action list.

Adding a panel later::

    dock = window.add_dock(MyPanel(window), Qt.DockWidgetArea.RightDockWidgetArea, "articleReader", "Articles")

The dock gets its objectName (so its place is remembered) and a toggle in
View > Panels. A panel reads ``window.case``, ``window.undo_stack`` and
``window.selection`` (ids; listen to ``selection.changed``), pushes commands
onto ``window.undo_stack``, and re-binds on ``window.document_changed``, which
fires whenever another case is opened, created, reverted or recovered.
"""

from __future__ import annotations

from pathlib import Path

import shiboken6
from PySide6.QtCore import QByteArray, QPointF, Qt, Signal
from PySide6.QtGui import QActionGroup, QCloseEvent, QGuiApplication, QUndoStack
from PySide6.QtWidgets import QDockWidget, QLabel, QMainWindow, QMenu, QTabBar, QUndoView, QWidget

from linkchart import paths
from linkchart.commands.base import plural
from linkchart.model import Case, ChangeEvent
from linkchart.model.progress import ProgressCallback
from linkchart.render import ChartScene
from linkchart.settings import Preferences, SessionState
from linkchart.ui import clipboard
from linkchart.ui.actions import (
    CAN_PASTE,
    HAS_CARDS_SELECTED,
    HAS_FILE,
    HAS_ITEMS,
    HAS_SELECTION,
    IS_MODIFIED_FILE,
    ONE_ITEM_SELECTED,
    Actions,
)
from linkchart.ui.autosave import Autosaver
from linkchart.ui.chart_view import ChartView
from linkchart.ui.edit_ops import EditOpsMixin
from linkchart.ui.features import install_features
from linkchart.ui.file_ops import FileOpsMixin
from linkchart.ui.inspector import InspectorDock
from linkchart.ui.overview import OverviewDock
from linkchart.ui.palette_dock import EntityPaletteDock
from linkchart.ui.preferences_dialog import PreferencesDialog
from linkchart.ui.selection import SceneSelectionSync, SelectionModel
from linkchart.ui.theme import apply_theme

Area = Qt.DockWidgetArea
_LOST_TAB = "\u2063lost"  # a title no dock has: see MainWindow._hide_lost_tab_bars


class MainWindow(FileOpsMixin, EditOpsMixin, QMainWindow):
    """One case at a time, with its own undo stack."""

    document_changed = Signal()

    def __init__(self, preferences: Preferences, session: SessionState) -> None:
        super().__init__()
        self.setObjectName("mainWindow")
        self.preferences = preferences
        self.session = session
        self.case = Case()
        self.case_path: Path | None = None
        self.undo_stack = QUndoStack(self)
        self.selection = SelectionModel(self)
        self.scene = ChartScene(style=apply_theme(preferences.theme), parent=self)
        self.chart_view = ChartView(self.scene, self)
        self.chart_view.set_grid(preferences.snap_to_grid, preferences.grid_size)
        self.setCentralWidget(self.chart_view)
        self.selection_sync = SceneSelectionSync(self.scene, self.selection)
        self.actions = Actions(self)
        self.autosaver = Autosaver(preferences.autosave_seconds, self)
        self.autosaver.saved.connect(lambda _p: self.statusBar().showMessage("Autosaved a recovery copy", 3000))
        self._build_docks()
        self._build_menus()
        self._build_toolbar()
        self._build_status_bar()
        self._bind_actions()
        self.chart_view.file_dropped.connect(self.open_dropped)
        self.chart_view.context_menu_requested.connect(self._context_menu)
        self.chart_view.zoom_changed.connect(lambda z: self.zoom_label.setText(f"{z:.0%}"))
        self.selection.changed.connect(self._update_actions)
        QGuiApplication.clipboard().dataChanged.connect(self._update_actions)
        self.setAcceptDrops(True)
        screen = self.screen().availableGeometry()
        # Most of a big screen, never less than what the docks and a usable chart need.
        self.resize(max(1280, min(1680, int(screen.width() * 0.9))), max(820, min(1050, int(screen.height() * 0.9))))
        self._set_document(Case(), None)
        install_features(self)
        # Features add docks beside ours; give the chart the room, not the widest panel's wish.
        self.resizeDocks([self.palette_dock, self.inspector], [200, 340], Qt.Orientation.Horizontal)
        self._restore_layout()
        self._hide_lost_tab_bars()

    # ------------------------------------------------------------ building
    def add_dock(self, widget: QWidget, area: Area, object_name: str, title: str = "") -> QDockWidget:
        """Add a panel as a dock (or add a ready QDockWidget) and list it in View > Panels."""
        dock = widget if isinstance(widget, QDockWidget) else QDockWidget(title or object_name, self)
        if dock is not widget:
            dock.setWidget(widget)
        if title:
            dock.setWindowTitle(title)
        dock.setObjectName(object_name)
        self.addDockWidget(area, dock)
        self.panels_menu.addAction(dock.toggleViewAction())
        return dock

    def _build_docks(self) -> None:
        self.panels_menu = QMenu("&Panels", self)
        self.palette_dock = self.add_dock(EntityPaletteDock(self), Area.LeftDockWidgetArea, "entityPalette", "Entity Types")
        self.overview_dock = self.add_dock(OverviewDock(self.chart_view, self), Area.LeftDockWidgetArea, "overview", "Overview")
        self.inspector = self.add_dock(InspectorDock(self), Area.RightDockWidgetArea, "inspector", "Inspector")
        self.undo_view = QUndoView(self.undo_stack)
        self.undo_view.setObjectName("undoView")
        self.undo_view.setEmptyLabel("Opened case")
        self.undo_dock = self.add_dock(self.undo_view, Area.LeftDockWidgetArea, "undoHistory", "History")
        self.palette_dock.add_requested.connect(lambda t: self.chart_view.add_entity_at(t, self.chart_view.visible_scene_rect().center()))
        self.resizeDocks([self.palette_dock, self.overview_dock, self.undo_dock], [300, 170, 180], Qt.Orientation.Vertical)
        self.resizeDocks([self.palette_dock, self.inspector], [180, 320], Qt.Orientation.Horizontal)

    def _build_menus(self) -> None:
        a = self.actions
        bar = self.menuBar()
        file_menu = bar.addMenu("&File")
        file_menu.addActions([a["file.new"], a["file.open"]])
        self.recent_menu = file_menu.addMenu("Open &Recent")
        self.recent_menu.setObjectName("file.open_recent")
        self.recent_menu.aboutToShow.connect(self.fill_recent_menu)
        file_menu.addSeparator()
        file_menu.addActions([a["file.save"], a["file.save_as"], a["file.revert"]])
        file_menu.addSeparator()
        file_menu.addActions([a["file.close"], a["file.quit"]])
        edit = bar.addMenu("&Edit")
        edit.addActions([a["edit.undo"], a["edit.redo"]])
        edit.addSeparator()
        edit.addActions([a["edit.cut"], a["edit.copy"], a["edit.paste"], a["edit.duplicate"], a["edit.delete"]])
        edit.addSeparator()
        edit.addActions([a["edit.rename"], a["link.reverse"], a["edit.select_all"], a["edit.select_linked"]])
        edit.addSeparator()
        edit.addAction(a["edit.preferences"])
        view = bar.addMenu("&View")
        view.addActions([a["view.zoom_in"], a["view.zoom_out"], a["view.actual_size"], a["view.fit"]])
        view.addSeparator()
        view.addActions([a["view.grid"], a["tool.select"], a["tool.link"]])
        view.addSeparator()
        view.addMenu(self.panels_menu)
        self.view_menu = view

    def _build_toolbar(self) -> None:
        a = self.actions
        bar = self.addToolBar("Main")
        bar.setObjectName("mainToolbar")
        bar.setMovable(False)
        for group in (["file.new", "file.open", "file.save"], ["edit.undo", "edit.redo"], ["tool.select", "tool.link"],
                      ["edit.delete"], ["view.zoom_out", "view.zoom_in", "view.fit", "view.grid"]):
            bar.addActions([a[i] for i in group])
            bar.addSeparator()
        tools = QActionGroup(self)
        for tool in ("tool.select", "tool.link"):
            tools.addAction(a[tool])
        a["tool.select"].setChecked(True)
        a["view.grid"].setChecked(self.preferences.snap_to_grid)
        self.toolbar = bar

    def _build_status_bar(self) -> None:
        self.counts_label = QLabel()
        self.zoom_label = QLabel("100%")
        self.zoom_label.setToolTip("Zoom (wheel, Ctrl + / Ctrl -, Ctrl 0 fits the chart)")
        self.statusBar().addPermanentWidget(self.counts_label)
        self.statusBar().addPermanentWidget(self.zoom_label)

    def _bind_actions(self) -> None:
        v = self.chart_view
        self.actions.bind({
            "file.new": self.new_case, "file.open": self.open_dialog, "file.save": lambda: self.save_case(),
            "file.save_as": self.save_as, "file.revert": self.revert, "file.close": self.close_case, "file.quit": self.close,
            "edit.undo": lambda: self.undo_stack.undo(), "edit.redo": lambda: self.undo_stack.redo(),
            "edit.cut": self.cut_selection, "edit.copy": self.copy_selection, "edit.paste": lambda: self.paste(),
            "edit.duplicate": self.duplicate_selection, "edit.delete": self.delete_selection, "edit.rename": self.rename_selected,
            "edit.select_all": self.select_all, "edit.select_linked": self.select_linked, "edit.preferences": self.edit_preferences,
            "link.reverse": self.reverse_selected_link, "view.fit": v.fit_all, "view.zoom_in": lambda: v.zoom_by(1.25),
            "view.zoom_out": lambda: v.zoom_by(0.8), "view.actual_size": lambda: v.zoom_to(1.0),
            "view.grid": lambda: self.set_snap_to_grid(self.actions["view.grid"].isChecked()),
            "tool.select": lambda: v.set_tool("select"), "tool.link": lambda: v.set_tool("link"),
        })

    # ------------------------------------------------------------ document
    def _set_document(self, case: Case, path: Path | None, modified: bool = False, progress: ProgressCallback | None = None) -> None:
        """Show *case* with a fresh undo stack; every panel re-binds through document_changed.

        *progress* hears how far building the chart is (0..1).
        """
        self.chart_view.close_editors()
        self.case.changed.disconnect(self._on_case_changed)
        self.case.changed.disconnect(self.selection_sync.on_case_changed)
        old_stack = self.undo_stack
        self.undo_stack = QUndoStack(self)
        self.undo_view.setStack(self.undo_stack)
        old_stack.blockSignals(True)  # it must not update this window's actions while it is torn down
        old_stack.deleteLater()
        self.case, self.case_path = case, path
        self.selection.clear()
        self.scene.set_case(case, progress)
        case.changed.connect(self._on_case_changed)
        case.changed.connect(self.selection_sync.on_case_changed)
        stack = self.undo_stack
        stack.cleanChanged.connect(self._update_title)
        stack.indexChanged.connect(self._update_actions)
        stack.canUndoChanged.connect(self._update_undo_actions)
        stack.canRedoChanged.connect(self._update_undo_actions)
        stack.undoTextChanged.connect(self._update_undo_actions)
        stack.redoTextChanged.connect(self._update_undo_actions)
        self._update_undo_actions()
        self.chart_view.set_document(case, stack)
        self.inspector.bind(case, stack, self.selection)
        self.palette_dock.set_vocabulary(case.vocabulary)
        self.autosaver.attach(case, stack, str(path) if path else "")
        if modified:
            stack.resetClean()
        self._update_title()
        self._update_actions()
        self.chart_view.fit_all()
        self.chart_view.fit_pending = True  # and again as the window settles, until the user zooms
        self.overview_dock.view.redraw_soon()  # at once, taking the place of the redraw the rebuild asked for
        self.document_changed.emit()

    def _update_undo_actions(self, *_args) -> None:
        if not self._alive():
            return
        undo, redo, stack = self.actions["edit.undo"], self.actions["edit.redo"], self.undo_stack
        undo.setEnabled(stack.canUndo())
        redo.setEnabled(stack.canRedo())
        undo.setText(f"&Undo {stack.undoText()}".rstrip())
        redo.setText(f"&Redo {stack.redoText()}".rstrip())

    def _on_case_changed(self, event: ChangeEvent) -> None:
        if event.kind == "case_changed" and "vocabulary" in event.fields:
            self.palette_dock.set_vocabulary(self.case.vocabulary)
        if event.kind in ("entities_added", "entities_removed", "links_added", "links_removed", "articles_added", "articles_removed", "reset"):
            self._update_counts()

    def _alive(self) -> bool:
        """False while the window is being destroyed and its undo stack still says goodbye."""
        return all(shiboken6.isValid(o) for o in (self.undo_stack, self.counts_label, self.actions["edit.undo"]))

    def _update_title(self, *_args) -> None:
        if not self._alive():
            return
        self.setWindowTitle(f"{self.document_name()}[*] \u2014 LinkChart")
        self.setWindowModified(self.is_modified())
        self._update_actions()

    def _update_counts(self) -> None:
        c = self.case
        self.counts_label.setText(" \u00b7 ".join(plural(n, word) for n, word in ((len(c.entities), "card"), (len(c.links), "link"), (len(c.articles), "article"))))

    def _update_actions(self, *_args) -> None:
        if not self._alive():
            return
        sel = self.selection
        self.actions.update_enabled({
            HAS_SELECTION: not sel.is_empty,
            HAS_CARDS_SELECTED: bool(sel.selected_entity_ids),
            ONE_ITEM_SELECTED: len(sel.selected_link_ids) == 1 and not sel.selected_entity_ids,
            HAS_ITEMS: bool(self.case.entities),
            CAN_PASTE: clipboard.has_items(QGuiApplication.clipboard().mimeData()),
            HAS_FILE: self.case_path is not None,
            IS_MODIFIED_FILE: self.case_path is not None and self.is_modified(),
        })
        self._update_counts()

    # ------------------------------------------------------------ view & preferences
    def set_snap_to_grid(self, enabled: bool) -> None:
        self.preferences.snap_to_grid = enabled
        self.actions["view.grid"].setChecked(enabled)
        self.chart_view.set_grid(enabled, self.preferences.grid_size)
        self._save_preferences()

    def edit_preferences(self) -> None:
        dialog = PreferencesDialog(self.preferences, self)
        if dialog.exec():
            self.apply_preferences(dialog.result_preferences())

    def apply_preferences(self, prefs: Preferences) -> None:
        self.preferences = prefs
        self.scene.set_style(apply_theme(prefs.theme))
        self.actions.refresh_icons()
        self.palette_dock.set_vocabulary(self.case.vocabulary)
        self.actions["view.grid"].setChecked(prefs.snap_to_grid)
        self.chart_view.set_grid(prefs.snap_to_grid, prefs.grid_size)
        self.autosaver.set_interval(prefs.autosave_seconds)
        self._save_preferences()

    def _save_preferences(self) -> None:
        try:
            self.preferences.save(paths.config_dir() / "preferences.json")
        except OSError:
            self.statusBar().showMessage("Could not save preferences", 4000)

    # ------------------------------------------------------------ context menus
    def _context_menu(self, kind: str, scene_pos: QPointF, global_pos) -> None:
        self.context_menu(kind, scene_pos).popup(global_pos)

    def context_menu(self, kind: str, scene_pos: QPointF) -> QMenu:
        """The menu for a right-click on a card, a link or the empty chart at *scene_pos*."""
        a = self.actions
        menu = QMenu(self)
        menu.setObjectName(f"{kind}ContextMenu")
        if kind == "card":
            menu.addActions([a["edit.rename"], a["edit.select_linked"]])
            menu.addSeparator()
            menu.addActions([a["edit.cut"], a["edit.copy"], a["edit.duplicate"], a["edit.delete"]])
        elif kind == "link":
            menu.addAction(a["link.reverse"])
            menu.addSeparator()
            menu.addAction(a["edit.delete"])
        else:
            add = menu.addMenu("Add Card Here")
            for t in self.case.vocabulary.all_entity_types():
                add.addAction(t.name).triggered.connect(lambda _=False, tid=t.id: self.chart_view.add_entity_at(tid, scene_pos))
            paste_here = menu.addAction("Paste Here")
            paste_here.setEnabled(a["edit.paste"].isEnabled())
            paste_here.triggered.connect(lambda: self.paste(scene_pos))
            menu.addSeparator()
            menu.addActions([a["edit.select_all"], a["view.fit"], a["view.grid"]])
        return menu

    # ------------------------------------------------------------ window
    def dragEnterEvent(self, event) -> None:
        if any(u.isLocalFile() and u.toLocalFile().lower().endswith(".lcase") for u in event.mimeData().urls()):
            event.acceptProposedAction()

    def dropEvent(self, event) -> None:
        for url in event.mimeData().urls():
            if url.isLocalFile() and url.toLocalFile().lower().endswith(".lcase"):
                event.acceptProposedAction()
                self.open_dropped(url.toLocalFile())
                return

    def _restore_layout(self) -> None:
        if self.session.window_geometry:
            self.restoreGeometry(QByteArray.fromBase64(self.session.window_geometry.encode("ascii")))
        if self.session.window_state:
            self.restoreState(QByteArray.fromBase64(self.session.window_state.encode("ascii")))

    def _hide_lost_tab_bars(self) -> None:
        """Hide dock tab bars Qt no longer uses, which it would otherwise leave drawn where they last were.

        Qt 6 loses a dock tab bar when a second group of tabbed docks forms
        while the window is hidden (Search and Filter under Entity Types, after
        Network Analysis beside the Inspector) and when a layout is restored
        while it is hidden: the lost bar stays a visible child of the window,
        never laid out again, naming docks that are closed or tabbed elsewhere
        ("Entity Types | Search and Filter" over the Overview). Qt rewrites the
        tab titles of every bar it uses on each layout pass, so a bar still
        showing a placeholder title after one is lost; no dock changes.
        """
        bars = self.findChildren(QTabBar, options=Qt.FindChildOption.FindDirectChildrenOnly)
        for bar in bars:
            for i in range(bar.count()):
                bar.setTabText(i, _LOST_TAB)
        self.layout().invalidate()
        self.layout().activate()
        for bar in bars:
            if any(bar.tabText(i) == _LOST_TAB for i in range(bar.count())):
                bar.hide()

    def closeEvent(self, event: QCloseEvent) -> None:
        if not self.maybe_save():
            event.ignore()
            return
        self.chart_view.close_editors()
        self.autosaver.stop()
        self.session.window_geometry = bytes(self.saveGeometry().toBase64().data()).decode("ascii")
        self.session.window_state = bytes(self.saveState().toBase64().data()).decode("ascii")
        self.save_session()
        self.scene.detach()
        event.accept()
