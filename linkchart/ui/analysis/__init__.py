"""Make sense of the chart: layouts, network analysis, paths, timeline, search and filter, duplicates, groups.

``install(window)`` adds this feature's actions, menus and docks to a main
window and binds them to whichever case the window has open.

The docks' panels are made the first time they are needed (their dock comes into
sight, or an action or test asks for them), so the window starts without
pyqtgraph, ``linkchart.analysis`` and ``linkchart.layout``; until then each dock
holds an empty widget. Made panels put off reading the case while out of sight
and catch up when their dock comes back into sight.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QDockWidget, QMainWindow, QWidget

from linkchart.ui.actions import Actions
from linkchart.ui.analysis.actions import ALL_SPECS, ANALYSIS_SPECS, GROUP_SPECS, LAYOUT_SPECS
from linkchart.ui.analysis.filtering import ChartFilter, FilterBanner
from linkchart.ui.analysis.groups import GroupController
from linkchart.ui.analysis.host import Host
from linkchart.ui.analysis.layout_actions import LayoutController
from linkchart.ui.analysis.style_overlay import StyleOverlay
from linkchart.ui.menus import menu_bar_menu

if TYPE_CHECKING:
    from linkchart.ui.analysis.analysis_dock import AnalysisPanel
    from linkchart.ui.analysis.duplicates import DuplicatesDialog
    from linkchart.ui.analysis.paths import PathsPanel
    from linkchart.ui.analysis.search_filter import SearchPanel
    from linkchart.ui.analysis.timeline import TimelinePanel


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
        self._panels: dict[str, QWidget] = {}
        self._makers: dict[str, Callable[[], QWidget]] = {}
        self._dock("analysis", "Network Analysis", _make_analysis, Qt.DockWidgetArea.RightDockWidgetArea, "analysis.show", "inspector")
        self._dock("search", "Search and Filter", _make_search, Qt.DockWidgetArea.LeftDockWidgetArea, "search.find", "entityPalette")
        self.actions["search.find"].triggered.connect(lambda: self.search.focus_search())
        self._dock("paths", "Paths", _make_paths, Qt.DockWidgetArea.RightDockWidgetArea, "analysis.paths", "inspector")
        self.actions["analysis.paths"].triggered.connect(self.find_paths_from_selection)
        self.actions["analysis.neighbourhood"].triggered.connect(self.select_neighbourhood)
        self.duplicates: DuplicatesDialog | None = None
        self.actions["analysis.duplicates"].triggered.connect(self.show_duplicates)
        self._dock("timeline", "Timeline", _make_timeline, Qt.DockWidgetArea.BottomDockWidgetArea, "analysis.timeline")
        self._build_menus()

    def _dock(self, object_name: str, title: str, make: Callable[[AnalysisFeature], QWidget], area: Qt.DockWidgetArea,
              action_id: str, beside: str = "") -> QDockWidget:
        """Add a dock through the window (so View > Panels lists it), hidden until its action shows it.

        ``make(self)`` builds its panel when the dock is first shown. With *beside*
        (another dock's objectName) it shares that dock's place as a tab.
        """
        dock = self.window.add_dock(QWidget(), area, object_name, title)
        neighbour = self.window.findChild(QDockWidget, beside) if beside else None
        if neighbour is not None and self.window.dockWidgetArea(neighbour) == area:
            self.window.tabifyDockWidget(neighbour, dock)
        dock.hide()
        self.docks[object_name] = dock
        self._makers[object_name] = lambda: make(self)
        # Shown by its action, View > Panels, a tab click or a restored layout: the panel must exist by then,
        # and catch up on what it put off while out of sight (a tab coming to the front gets no show event).
        dock.visibilityChanged.connect(lambda visible: self.panel(object_name).catch_up() if visible else None)
        self.actions[action_id].triggered.connect(lambda: self.show_dock(object_name))
        return dock

    def panel(self, object_name: str) -> QWidget:
        """The dock's panel, made (and its modules imported) the first time it is asked for."""
        made = self._panels.get(object_name)
        if made is None:
            made = self._panels[object_name] = self._makers[object_name]()
            dock = self.docks[object_name]
            placeholder = dock.widget()
            dock.setWidget(made)
            if placeholder is not None:
                placeholder.deleteLater()
            if dock.isVisible():
                made.show()  # at once: a dock shows a new widget only on the next event-loop turn
        return made

    @property
    def analysis(self) -> AnalysisPanel:
        return self.panel("analysis")

    @property
    def search(self) -> SearchPanel:
        return self.panel("search")

    @property
    def paths(self) -> PathsPanel:
        return self.panel("paths")

    @property
    def timeline(self) -> TimelinePanel:
        return self.panel("timeline")

    def select_neighbourhood(self) -> set[str]:
        from linkchart.ui.analysis.paths import select_neighbourhood

        return select_neighbourhood(self.host)

    def find_paths_from_selection(self) -> None:
        if self.paths.use_selection():
            self.paths.find()

    def show_duplicates(self) -> DuplicatesDialog:
        """Open (or bring back) the duplicates dialog; it is not modal, so the chart stays usable."""
        if self.duplicates is None:
            from linkchart.ui.analysis.duplicates import DuplicatesDialog

            self.duplicates = DuplicatesDialog(self.host, self.window)
        else:
            self.duplicates.refresh()
        self.duplicates.show()
        self.duplicates.raise_()
        return self.duplicates

    def show_dock(self, object_name: str) -> QDockWidget:
        dock = self.docks[object_name]
        first = not dock.isVisible() and object_name not in self._shown
        self.panel(object_name)
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


def _make_analysis(feature: AnalysisFeature) -> QWidget:
    from linkchart.ui.analysis.analysis_dock import AnalysisPanel

    return AnalysisPanel(feature.host)


def _make_search(feature: AnalysisFeature) -> QWidget:
    from linkchart.ui.analysis.search_filter import SearchPanel

    return SearchPanel(feature.host, feature.filter)


def _make_paths(feature: AnalysisFeature) -> QWidget:
    from linkchart.ui.analysis.paths import PathsPanel

    return PathsPanel(feature.host)


def _make_timeline(feature: AnalysisFeature) -> QWidget:
    from linkchart.ui.analysis.timeline import TimelinePanel

    return TimelinePanel(feature.host, feature.filter)


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
