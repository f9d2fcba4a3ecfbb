"""The article reader: the case's articles, the chosen one's metadata and text, and the selection's sources.

Binds like every panel (STYLE #6): reads the case, follows ``case.changed``,
writes only through commands. Highlights are recomputed when names change
(labels, aliases, types, cards added or removed), batched to once per event-loop turn,
and only while the reader is on screen: compiling every name of a big case takes a
while, so a hidden reader (another dock's tab, or closed) finds its highlights when
it is next shown.
"""

from __future__ import annotations

from collections import Counter
from html import escape

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QActionGroup, QUndoStack
from PySide6.QtWidgets import QHeaderView, QMenu, QMessageBox, QSplitter, QTreeWidget, QTreeWidgetItem, QVBoxLayout, QWidget

from linkchart.commands import RemoveArticlesCommand, push
from linkchart.model import Case, ChangeEvent, Entity
from linkchart.ui.actions import Actions
from linkchart.ui.on_screen import on_screen
from linkchart.ui.reader import ingest_adapter
from linkchart.ui.reader.actions import CITE_SELECTED, CREATE_ENTITY, QUOTE_SELECTION, QUOTE_SENTENCE, READER_SPECS, SET_SPAN
from linkchart.ui.reader.article_header import ArticleHeader
from linkchart.ui.reader.quote import QuotePayload
from linkchart.ui.reader.sources_panel import SourcesPanel
from linkchart.ui.reader.text_view import ArticleTextView, Mention

ID_ROLE = Qt.ItemDataRole.UserRole
NAME_FIELDS = frozenset({"label", "aliases", "type"})


class ArticleReaderPanel(QWidget):
    """Article list, metadata header, highlighted text and the "Sources of selected item" list.

    Signals carry ids: ``entity_activated(entity_id)`` when a highlight is clicked;
    ``create_entity_requested(payload)`` and ``cite_requested(payload)`` from the
    text's context menu (the window decides where a new card goes).
    """

    entity_activated = Signal(str)
    article_shown = Signal(str)
    quote_mode_changed = Signal(str)
    create_entity_requested = Signal(object)
    cite_requested = Signal(object)
    message = Signal(str)

    def __init__(
        self, case: Case, undo_stack: QUndoStack, selection=None, preferences=None, actions: Actions | None = None, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("articleReaderPanel")
        self.case = case
        self.undo_stack = undo_stack
        self.selection = selection
        self._preferences = preferences  # a Preferences, or a function returning the current one
        self.article_id: str | None = None
        self._names_dirty = False
        self._finder = None  # built from the case's names on first use, dropped when a name changes
        self._mentions_stale = False  # the shown article's highlights wait for the reader to be shown

        self.article_list = QTreeWidget()
        self.article_list.setObjectName("articleList")
        self.article_list.setHeaderLabels(["Title", "Publisher", "Date"])
        self.article_list.setRootIsDecorated(False)
        self.article_list.setUniformRowHeights(True)
        self.article_list.setToolTip("The case's articles; pick one to read it")
        header = self.article_list.header()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.ResizeToContents)
        self.article_list.currentItemChanged.connect(self._list_moved)
        self.article_list.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.article_list.customContextMenuRequested.connect(self._list_menu)

        self.header = ArticleHeader(case, undo_stack)
        self.header.error.connect(self.message)
        self.text = ArticleTextView()
        self.text.quote_mode_for = lambda: self.quote_mode
        self.text.tooltip_for = self._entity_tooltip
        self.text.colour_for = self._entity_colour
        self.text.menu_extender = self._extend_menu
        self.text.entity_activated.connect(self.entity_activated)
        self.sources = SourcesPanel(case, undo_stack, selection)
        self.sources.span_provider = self.selected_span
        self.sources.citation_activated.connect(self.open_citation)
        self.sources.error.connect(self.message)

        reading = QWidget()
        reading_layout = QVBoxLayout(reading)
        reading_layout.setContentsMargins(0, 0, 0, 0)
        reading_layout.setSpacing(2)
        reading_layout.addWidget(self.header)
        reading_layout.addWidget(self.text, 1)
        self.splitter = QSplitter(Qt.Orientation.Vertical)
        self.splitter.setObjectName("readerSplitter")
        self.splitter.setChildrenCollapsible(False)
        self.splitter.addWidget(self.article_list)
        self.splitter.addWidget(reading)
        self.splitter.addWidget(self.sources)
        self.article_list.setMinimumHeight(48)
        self.sources.setMinimumHeight(64)
        # The text keeps most of whatever height the dock has.
        for index, stretch in enumerate((1, 5, 1)):
            self.splitter.setStretchFactor(index, stretch)
        self.splitter.setSizes([90, 450, 90])
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(self.splitter)
        self.actions = actions if actions is not None else Actions(self, READER_SPECS)
        self._bind_actions()
        self.text.selectionChanged.connect(self.update_actions)
        self.sources.tree.currentItemChanged.connect(self.update_actions)
        if selection is not None:
            selection.changed.connect(self.update_actions)
        case.changed.connect(self._on_changed)
        self._fill_list()
        self.update_actions()

    # ------------------------------------------------------------ binding
    def set_case(self, case: Case, undo_stack: QUndoStack) -> None:
        """Follow another case and its undo stack (the window opened or created one)."""
        self.case.changed.disconnect(self._on_changed)
        self.case, self.undo_stack = case, undo_stack
        case.changed.connect(self._on_changed)
        self.header.set_case(case, undo_stack)
        self.sources.set_case(case, undo_stack)
        self.article_id = None
        self._finder = None
        self._fill_list()

    def detach(self) -> None:
        self.case.changed.disconnect(self._on_changed)
        self.sources.detach()

    @property
    def preferences(self):
        return self._preferences() if callable(self._preferences) else self._preferences

    @property
    def quote_mode(self) -> str:
        mode = getattr(self.preferences, "quote_mode", "sentence")
        return mode if mode in ("sentence", "selection") else "sentence"

    def set_quote_mode(self, mode: str) -> None:
        """Quote the sentence around a selection, or exactly the selection (a preference)."""
        prefs = self.preferences
        changed = prefs is not None and prefs.quote_mode != mode
        if prefs is not None:
            prefs.quote_mode = mode
        self.actions[QUOTE_SENTENCE if mode == "sentence" else QUOTE_SELECTION].setChecked(True)
        if changed:
            self.quote_mode_changed.emit(mode)

    def _on_changed(self, event: ChangeEvent) -> None:
        kind = event.kind
        if kind in ("articles_added", "articles_removed", "reset"):
            self._fill_list()
        elif kind == "articles_changed":
            self._refresh_rows(event.ids)
            if self.article_id in event.ids:
                self.header.show_article(self.case.articles.get(self.article_id))
        elif kind in ("entities_added", "entities_removed") or (kind == "entities_changed" and (not event.fields or NAME_FIELDS & event.fields)):
            self._schedule_mentions()
        elif kind == "case_changed" and "vocabulary" in event.fields:
            self._schedule_mentions()

    def _schedule_mentions(self) -> None:
        self._finder = None
        if not on_screen(self):
            self._mentions_stale = self.article_id is not None
            return
        if not self._names_dirty:
            self._names_dirty = True
            QTimer.singleShot(0, self.refresh_mentions)

    # ------------------------------------------------------------ article list
    def _citation_counts(self) -> Counter[str]:
        """How often each article is cited, in one pass over the case's citations."""
        return Counter(c.article_id for _item, c in self.case.iter_citations())

    def _fill_list(self) -> None:
        self.article_list.blockSignals(True)
        self.article_list.clear()
        counts = self._citation_counts()
        for article in self.case.articles.values():
            row = QTreeWidgetItem()
            row.setData(0, ID_ROLE, article.id)
            self._fill_row(row, article.id, counts[article.id])
            self.article_list.addTopLevelItem(row)
        self.article_list.blockSignals(False)
        if self.article_id not in self.case.articles:
            first = next(iter(self.case.articles), None)
            self.show_article(first)
        else:
            self._mark_current()

    def _fill_row(self, row: QTreeWidgetItem, article_id: str, cited: int) -> None:
        article = self.case.articles[article_id]
        row.setText(0, article.title or article.origin or "(untitled)")
        row.setText(1, article.publisher)
        row.setText(2, article.date)
        tip = f"<b>{escape(article.title or '(untitled)')}</b>"
        if article.author:
            tip += f"<br>by {escape(article.author)}"
        if article.origin:
            tip += f"<br>{escape(article.origin)}"
        tip += f"<br>{len(article.text):,} characters, cited {cited} time{'s' if cited != 1 else ''}"
        row.setToolTip(0, tip)

    def _refresh_rows(self, ids) -> None:
        wanted = set(ids)
        counts = self._citation_counts()
        for i in range(self.article_list.topLevelItemCount()):
            row = self.article_list.topLevelItem(i)
            if row.data(0, ID_ROLE) in wanted:
                self._fill_row(row, row.data(0, ID_ROLE), counts[row.data(0, ID_ROLE)])

    def _row_for(self, article_id: str | None) -> QTreeWidgetItem | None:
        for i in range(self.article_list.topLevelItemCount()):
            row = self.article_list.topLevelItem(i)
            if row.data(0, ID_ROLE) == article_id:
                return row
        return None

    def _mark_current(self) -> None:
        self.article_list.blockSignals(True)
        self.article_list.setCurrentItem(self._row_for(self.article_id))
        self.article_list.blockSignals(False)

    def _list_menu(self, pos) -> None:
        row = self.article_list.itemAt(pos)
        if row is None:
            return
        menu = QMenu(self)
        menu.setObjectName("articleListMenu")
        remove = menu.addAction("Remove Article\u2026")
        remove.setObjectName("reader.remove_article")
        remove.setToolTip("Take the article out of the case, with every citation of it (undoable)")
        remove.triggered.connect(lambda: self.remove_article(row.data(0, ID_ROLE)))
        menu.exec(self.article_list.viewport().mapToGlobal(pos))
        menu.deleteLater()

    def remove_article(self, article_id: str, confirm: bool = True) -> bool:
        """Remove an article and its citations as one undo step; asks first when something cites it."""
        article = self.case.articles.get(article_id)
        if article is None:
            return False
        cited = len(self.case.citations_of_article(article_id))
        if cited and confirm:
            answer = QMessageBox.question(
                self,
                "Remove Article",
                f"\u201c{article.title or '(untitled)'}\u201d is cited {cited} time{'s' if cited != 1 else ''}. "
                "Remove it and those citations? (Undo brings both back.)",
            )
            if answer != QMessageBox.StandardButton.Yes:
                return False
        push(self.undo_stack, RemoveArticlesCommand(self.case, [article_id]))
        return True

    def _list_moved(self, current: QTreeWidgetItem | None, previous=None) -> None:
        if current is not None:
            self.show_article(current.data(0, ID_ROLE))

    # ------------------------------------------------------------ showing
    def show_article(self, article_id: str | None) -> None:
        """Show one article (None shows nothing) with every known name highlighted."""
        article = self.case.articles.get(article_id) if article_id else None
        self.article_id = article.id if article else None
        self._mark_current()
        self.header.show_article(article)
        # Highlights only for a reader on screen; a hidden one finds them when it is shown.
        visible = on_screen(self)
        self._mentions_stale = article is not None and not visible
        self.text.set_article(article, self._mentions(article.text) if article and visible else [])
        if article is not None:
            self.article_shown.emit(article.id)

    def open_citation(self, article_id: str, start: int, end: int) -> bool:
        """Show the article scrolled to ``text[start:end]``, highlighted and selected."""
        if article_id not in self.case.articles:
            self.message.emit("That citation's article is no longer in the case.")
            return False
        if article_id != self.article_id:
            self.show_article(article_id)
        self.text.show_span(start, end)
        return True

    def refresh_mentions(self) -> None:
        """Highlight the shown article's names anew (after names changed), or mark that due while hidden."""
        self._names_dirty = False
        article = self.case.articles.get(self.article_id or "")
        if article is not None and not on_screen(self):
            self._mentions_stale = True
            return
        self._mentions_stale = False
        self.text.set_mentions(self._mentions(article.text) if article else [])

    def catch_up(self) -> None:
        """Highlight the shown article if that waited for the reader to come into sight, and it has."""
        if self._mentions_stale and on_screen(self):
            self.refresh_mentions()

    def showEvent(self, event) -> None:
        super().showEvent(event)
        self.catch_up()

    def _mentions(self, text: str) -> list[Mention]:
        if self._finder is None:
            self._finder = ingest_adapter.mention_finder({eid: e.names for eid, e in self.case.entities.items()})
        return [Mention(s, e, eid) for s, e, eid in ingest_adapter.find_mentions(text, self._finder)]

    def _entity_colour(self, entity_id: str) -> str:
        entity = self.case.entities.get(entity_id)
        return self.case.entity_type(entity).colour if entity else "#808890"

    def _entity_tooltip(self, entity_id: str) -> str:
        entity: Entity | None = self.case.entities.get(entity_id)
        if entity is None:
            return ""
        n = len(entity.citations)
        cited = f"{n} citation{'s' if n != 1 else ''}" if n else "<i>unsourced</i>"
        lines = [f"<b>{escape(entity.label)}</b>", escape(self.case.entity_type(entity).name), cited]
        if entity.aliases:
            lines.insert(2, "Also: " + escape(", ".join(entity.aliases[:6])))
        return "<br>".join(lines) + "<br><span style='color:gray'>Click to select it on the chart</span>"

    # ------------------------------------------------------------ quoting
    def selected_span(self) -> tuple[str, int, int] | None:
        """(article id, start, end) of the reader's selection, for "Set citation span to selection"."""
        span = self.text.selected_span()
        if span is None or self.article_id is None or span[0] == span[1]:
            return None
        return (self.article_id, *span)

    def selection_payload(self) -> QuotePayload | None:
        return self.text.selection_payload()

    def _bind_actions(self) -> None:
        a = self.actions
        a[CREATE_ENTITY].triggered.connect(lambda: self.create_entity_requested.emit(self.selection_payload()))
        a[CITE_SELECTED].triggered.connect(lambda: self.cite_requested.emit(self.selection_payload()))
        a[SET_SPAN].triggered.connect(self.sources.set_span_to_selection)
        group = QActionGroup(self)
        for action_id, mode in ((QUOTE_SENTENCE, "sentence"), (QUOTE_SELECTION, "selection")):
            group.addAction(a[action_id])
            a[action_id].setChecked(self.quote_mode == mode)
            a[action_id].triggered.connect(lambda _=False, m=mode: self.set_quote_mode(m))

    def update_actions(self, *_args) -> None:
        """Enable the quote actions only when they can act (a selection; one chart item; a chosen citation)."""
        has_text = self.selected_span() is not None
        sel = self.selection
        one_item = sel is not None and len(sel.selected_entity_ids) + len(sel.selected_link_ids) == 1
        self.actions[CREATE_ENTITY].setEnabled(has_text)
        self.actions[CITE_SELECTED].setEnabled(has_text and one_item)
        self.actions[SET_SPAN].setEnabled(has_text and self.sources.current_citation() is not None)
        self.actions[QUOTE_SENTENCE if self.quote_mode == "sentence" else QUOTE_SELECTION].setChecked(True)

    def _extend_menu(self, menu: QMenu) -> None:
        self.update_actions()
        a = self.actions
        menu.addActions([a[CREATE_ENTITY], a[CITE_SELECTED], a[SET_SPAN]])
        modes = menu.addMenu("Quote Cites")
        modes.setObjectName("reader.quote_mode_menu")
        modes.addActions([a[QUOTE_SENTENCE], a[QUOTE_SELECTION]])
