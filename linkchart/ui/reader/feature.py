"""Wiring the reader feature into the main window: docks, actions, menus, drops, case replacement."""

from __future__ import annotations

import math

from PySide6.QtCore import QObject, Qt
from PySide6.QtWidgets import QApplication, QMainWindow

from linkchart import paths
from linkchart.ui.actions import Actions
from linkchart.ui.menus import menu_bar_menu
from linkchart.ui.reader.actions import (
    CITE_SELECTED,
    CREATE_ENTITY,
    IMPORT_ARTICLES,
    IMPORT_FOLDER,
    READER_SPECS,
    SHOW_READER,
    SHOW_SUGGESTIONS,
)
from linkchart.ui.reader.chart_drop import FileDropFilter, QuoteDropFilter
from linkchart.ui.reader.importer import ArticleImporter, ImportSummary
from linkchart.ui.reader.quote import QUOTE_MIME
from linkchart.ui.reader.quote_actions import QuoteActions
from linkchart.ui.reader.reader_panel import ArticleReaderPanel
from linkchart.ui.reader.suggestions_panel import SuggestionsPanel

Area = Qt.DockWidgetArea
GRID_X, GRID_Y = 220, 80  # spacing of accepted cards: wider than a card, taller than one


class ReaderFeature(QObject):
    """Everything :func:`install` made; ``window.reader`` after installation."""

    def __init__(self, window: QMainWindow) -> None:
        super().__init__(window)
        self.window = window
        self.actions = _actions_of(window)
        self.quotes = QuoteActions(window)
        self.importer = ArticleImporter(window)
        self.panel = ArticleReaderPanel(window.case, window.undo_stack, window.selection, lambda: window.preferences, self.actions)
        self.suggestions = SuggestionsPanel(window.case, window.undo_stack, window.selection)
        self.reader_dock = window.add_dock(self.panel, Area.RightDockWidgetArea, "articleReader", "Articles")
        self.suggestions_dock = window.add_dock(self.suggestions, Area.BottomDockWidgetArea, "suggestions", "Suggestions")
        inspector = getattr(window, "inspector", None)
        if inspector is not None and window.dockWidgetArea(inspector) == Area.RightDockWidgetArea:
            window.tabifyDockWidget(inspector, self.reader_dock)
            inspector.raise_()
        window.resizeDocks([self.reader_dock], [620], Qt.Orientation.Vertical)
        window.resizeDocks([self.suggestions_dock], [190], Qt.Orientation.Vertical)
        self.suggestions_dock.hide()
        # Both panels put off reading the case while out of sight; a tab coming to the front gets no show event.
        self.reader_dock.visibilityChanged.connect(lambda visible: self.panel.catch_up() if visible else None)
        self.suggestions_dock.visibilityChanged.connect(lambda visible: self.suggestions.catch_up() if visible else None)
        self._build_menus()
        self._bind()
        self.suggestions.show_article(self.panel.article_id)
        self.quote_filter = QuoteDropFilter(window.chart_view, self.quotes.drop, self.importer.import_paths)
        window.chart_view.viewport().installEventFilter(self.quote_filter)
        self.file_filter = FileDropFilter(window, self.importer.import_paths)
        window.installEventFilter(self.file_filter)
        window.setAcceptDrops(True)
        QApplication.instance().aboutToQuit.connect(_release_clipboard)

    # ------------------------------------------------------------ building
    def _build_menus(self) -> None:
        a = self.actions
        file_menu = menu_bar_menu(self.window, "&File")
        # After New/Open/Open Recent, in a section of their own.
        anchor = next((act for act in file_menu.actions() if act.isSeparator()), None)
        if anchor is None:
            file_menu.addSeparator()
            file_menu.addActions([a[IMPORT_ARTICLES], a[IMPORT_FOLDER]])
        else:
            file_menu.insertSeparator(anchor)
            file_menu.insertActions(anchor, [a[IMPORT_ARTICLES], a[IMPORT_FOLDER]])
        view_menu = menu_bar_menu(self.window, "&View")
        view_menu.addSeparator()
        view_menu.addActions([a[SHOW_READER], a[SHOW_SUGGESTIONS]])
        for action_id in (IMPORT_ARTICLES, IMPORT_FOLDER, CREATE_ENTITY, CITE_SELECTED, SHOW_READER, SHOW_SUGGESTIONS):
            # Shortcuts work wherever focus is in the window, menu or not.
            a[action_id].setShortcutContext(Qt.ShortcutContext.WindowShortcut)
            self.window.addAction(a[action_id])

    def _bind(self) -> None:
        a, w, panel = self.actions, self.window, self.panel
        a[IMPORT_ARTICLES].triggered.connect(self.importer.import_files_dialog)
        a[IMPORT_FOLDER].triggered.connect(self.importer.import_folder_dialog)
        a[SHOW_READER].triggered.connect(lambda: self.show_dock(self.reader_dock))
        a[SHOW_SUGGESTIONS].triggered.connect(lambda: self.show_dock(self.suggestions_dock))
        panel.entity_activated.connect(self.select_and_centre)
        panel.create_entity_requested.connect(self.quotes.create_entity)
        panel.cite_requested.connect(self.quotes.cite_selected)
        panel.article_shown.connect(self.suggestions.show_article)
        panel.quote_mode_changed.connect(self._save_preferences)
        for source in (panel.message, self.quotes.message, self.suggestions.message):
            source.connect(lambda text: w.statusBar().showMessage(text, 6000))
        self.suggestions.open_quote.connect(self.open_citation)
        self.suggestions.place_cards = self.place_new_cards
        self.importer.imported.connect(self._after_import)
        w.document_changed.connect(self._rebind)
        self._hook_inspector()

    def _hook_inspector(self) -> None:
        """If the inspector announces citation clicks, open them in the reader (the Sources list does it otherwise)."""
        signal = getattr(getattr(self.window, "inspector", None), "citation_activated", None)
        if signal is not None and hasattr(signal, "connect"):
            signal.connect(self.open_citation)

    def _rebind(self) -> None:
        w = self.window
        self.quotes.close_offer()
        # Suggestions first: the reader then shows the new case's first article and tells them.
        self.suggestions.set_case(w.case, w.undo_stack)
        self.panel.set_case(w.case, w.undo_stack)

    # ------------------------------------------------------------ behaviour
    def show_dock(self, dock) -> None:
        dock.show()
        dock.raise_()

    def open_citation(self, article_id: str, start: int, end: int) -> bool:
        """Show an article in the reader, scrolled to ``text[start:end]`` and highlighted."""
        self.show_dock(self.reader_dock)
        return self.panel.open_citation(article_id, start, end)

    def select_and_centre(self, entity_id: str) -> None:
        """A highlight was clicked: select that card on the chart and bring it into the middle of the view."""
        w = self.window
        if entity_id not in w.case.entities:
            return
        w.selection.set([entity_id])
        card = w.scene.cards.get(entity_id)
        if card is not None:
            w.chart_view.centerOn(card)

    def place_new_cards(self, entities) -> None:
        """Give accepted cards places: a grid in the middle of the visible chart, skipping occupied spots."""
        view = self.window.chart_view
        centre = view.mapToScene(view.viewport().rect().center())
        columns = max(1, math.ceil(math.sqrt(len(entities))))
        spots = ((col, row) for row in range(10_000) for col in range(columns))
        for entity in entities:
            for col, row in spots:
                x = centre.x() + (col - (columns - 1) / 2) * GRID_X
                y = centre.y() + row * GRID_Y
                if view.card_at(view.mapFromScene(x, y)) is None:
                    entity.x, entity.y = x, y
                    break

    def _after_import(self, summary: ImportSummary) -> None:
        if summary.added:
            self.show_dock(self.reader_dock)
            self.panel.show_article(summary.added[0][1])

    def _save_preferences(self, *_args) -> None:
        try:
            self.window.preferences.save(paths.config_dir() / "preferences.json")
        except OSError:
            self.window.statusBar().showMessage("Could not save preferences", 4000)


def _release_clipboard() -> None:
    """Leave plain text, not our mime data, on the clipboard at exit (PySide6 may crash tearing it down)."""
    board = QApplication.clipboard()
    data = board.mimeData()
    if data is not None and data.hasFormat(QUOTE_MIME):
        board.setText(data.text())


def _actions_of(window: QMainWindow) -> Actions:
    """The window's action registry with the reader's added, or a registry of the reader's own."""
    registry = getattr(window, "actions", None)
    if isinstance(registry, Actions):
        for spec in READER_SPECS:
            if spec.id not in registry:
                registry.add(spec)
        return registry
    return Actions(window, READER_SPECS)


def install(window: QMainWindow) -> ReaderFeature:
    """Add the reader feature to *window* and return it (also kept as ``window.reader``)."""
    feature = ReaderFeature(window)
    window.reader = feature
    return feature
