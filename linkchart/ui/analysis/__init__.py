"""Make sense of the chart: layouts, network analysis, paths, timeline, search and filter, duplicates, groups.

``install(window)`` adds this feature's actions, menus and docks to a main
window and binds them to whichever case the window has open.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QDockWidget, QMainWindow, QWidget

from linkchart.ui.actions import Actions
from linkchart.ui.analysis.actions import ALL_SPECS, ANALYSIS_SPECS, GROUP_SPECS, LAYOUT_SPECS
from linkchart.ui.analysis.analysis_dock import AnalysisPanel
from linkchart.ui.analysis.duplicates import DuplicatesDialog
from linkchart.ui.analysis.filtering import ChartFilter, FilterBanner
from linkchart.ui.analysis.groups import GroupController
from linkchart.ui.analysis.host import Host
from linkchart.ui.analysis.layout_actions import LayoutController
from linkchart.ui.analysis.paths import PathsPanel, select_neighbourhood
from linkchart.ui.analysis.search_filter import SearchPanel
from linkchart.ui.analysis.style_overlay import StyleOverlay
from linkchart.ui.analysis.timeline import TimelinePanel
from linkchart.ui.menus import menu_bar_menu


class AnalysisFeature:
    """Everything :func:`install` made, kept on the window as ``window.analysis`` for tests and other features."""

    def __init__(self, window: QMainWindow) -> None:
        self.window = window
        self.host = Host(window)
        self.actions = _actions_of(window)
        self.filter = ChartFilter(self.host)
        self.banner = FilterBanner(self.filter)
        window.statusBar().addPermanentWidget(self.banner)
        self.layouts = LayoutController(self.host, self.actions)
        self.groups = GroupController(self.host, self.actions, self.filter)
        self.actions["filter.clear"].triggered.connect(self.filter.clear)
        self.style_overlay = StyleOverlay(self.host)
        self.docks: dict[str, QDockWidget] = {}
        self._shown: set[str] = set()
        self.analysis = AnalysisPanel(self.host)
        self._dock("analysis", "Network Analysis", self.analysis, Qt.DockWidgetArea.RightDockWidgetArea, "analysis.show", "inspector")
        self.search = SearchPanel(self.host, self.filter)
        self._dock("search", "Search and Filter", self.search, Qt.DockWidgetArea.LeftDockWidgetArea, "search.find", "entityPalette")
        self.actions["search.find"].triggered.connect(self.search.focus_search)
        self.paths = PathsPanel(self.host)
        self._dock("paths", "Paths", self.paths, Qt.DockWidgetArea.RightDockWidgetArea, "analysis.paths", "inspector")
        self.actions["analysis.paths"].triggered.connect(self.find_paths_from_selection)
        self.actions["analysis.neighbourhood"].triggered.connect(lambda: select_neighbourhood(self.host))
        self.duplicates: DuplicatesDialog | None = None
        self.actions["analysis.duplicates"].triggered.connect(self.show_duplicates)
        self.timeline = TimelinePanel(self.host, self.filter)
        self._dock("timeline", "Timeline", self.timeline, Qt.DockWidgetArea.BottomDockWidgetArea, "analysis.timeline")
        self._build_menus()

    def _dock(self, object_name: str, title: str, widget: QWidget, area: Qt.DockWidgetArea, action_id: str,
              beside: str = "") -> QDockWidget:
        """Add a dock through the window (so View > Panels lists it), hidden until its action shows it.

        With *beside* (another dock's objectName) it shares that dock's place as a tab.
        """
        dock = self.window.add_dock(widget, area, object_name, title)
        neighbour = self.window.findChild(QDockWidget, beside) if beside else None
        if neighbour is not None and self.window.dockWidgetArea(neighbour) == area:
            self.window.tabifyDockWidget(neighbour, dock)
        dock.hide()
        self.docks[object_name] = dock
        self.actions[action_id].triggered.connect(lambda: self.show_dock(object_name))
        return dock

    def find_paths_from_selection(self) -> None:
        if self.paths.use_selection():
            self.paths.find()

    def show_duplicates(self) -> DuplicatesDialog:
        """Open (or bring back) the duplicates dialog; it is not modal, so the chart stays usable."""
        if self.duplicates is None:
            self.duplicates = DuplicatesDialog(self.host, self.window)
        else:
            self.duplicates.refresh()
        self.duplicates.show()
        self.duplicates.raise_()
        return self.duplicates

    def show_dock(self, object_name: str) -> QDockWidget:
        dock = self.docks[object_name]
        first = not dock.isVisible() and object_name not in self._shown
        dock.show()
        dock.raise_()
        if first and object_name == "timeline":
            # A strip under the chart, not half the window.
            self.window.resizeDocks([dock], [260], Qt.Orientation.Vertical)
        self._shown.add(object_name)
        return dock

    def _build_menus(self) -> None:
        layout_menu = menu_bar_menu(self.window, "&Layout", "layoutMenu")
        for spec in LAYOUT_SPECS:
            if spec.id in ("layout.selection_only", "layout.pin"):
                layout_menu.addSeparator()
            layout_menu.addAction(self.actions[spec.id])
        analysis_menu = menu_bar_menu(self.window, "&Analysis", "analysisMenu")
        for spec in ANALYSIS_SPECS:
            if spec.id in ("search.find", "analysis.duplicates"):
                analysis_menu.addSeparator()
            if spec.id in self.actions:
                analysis_menu.addAction(self.actions[spec.id])
        analysis_menu.addSeparator()
        group_menu = analysis_menu.addMenu("&Groups")
        group_menu.setObjectName("groupsMenu")
        for spec in GROUP_SPECS:
            group_menu.addAction(self.actions[spec.id])


def _actions_of(window: QMainWindow) -> Actions:
    """The window's action registry with ours added (ids are objectNames), or a registry of our own."""
    registry = getattr(window, "actions", None)
    if isinstance(registry, Actions):
        for spec in ALL_SPECS:
            if spec.id not in registry:
                registry.add(spec)
                # Shortcuts work wherever focus is in the window, whether or not a menu shows the action.
                registry[spec.id].setShortcutContext(Qt.ShortcutContext.WindowShortcut)
                window.addAction(registry[spec.id])
        return registry
    registry = Actions(window, ALL_SPECS)
    for spec in ALL_SPECS:
        action: QAction = registry[spec.id]
        action.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
        window.addAction(action)
    return registry


def install(window: QMainWindow) -> AnalysisFeature:
    """Add the analysis feature to *window* (actions, menus, docks) and return it."""
    feature = AnalysisFeature(window)
    window.analysis = feature
    return feature


__all__ = ["AnalysisFeature", "install"]
