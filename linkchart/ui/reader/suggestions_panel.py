"""Suggested cards and links for the article being read: check, correct, accept as one step, or dismiss.

Nothing enters the case unconfirmed: the lists are proposals computed from the
article's text (rules and gazetteer, offline). Accepting turns the checked rows
into new cards and links, each citing its quote, in ONE undo step; a suggestion
naming a card the case already has adds a citation to that card instead of a
duplicate.
"""

from __future__ import annotations

from html import escape

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QUndoStack
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QSplitter,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from linkchart.commands import push
from linkchart.model import Case, CaseError, ChangeEvent
from linkchart.ui.on_screen import on_screen
from linkchart.ui.reader import ingest_adapter
from linkchart.ui.reader.ingest_adapter import EntityRow, LinkRow, SuggestionRows

KEY_ROLE = Qt.ItemDataRole.UserRole
QUOTE_CHARS = 110


def _tree(name: str, headers: list[str]) -> QTreeWidget:
    tree = QTreeWidget()
    tree.setObjectName(name)
    tree.setHeaderLabels(headers)
    tree.setRootIsDecorated(False)
    tree.setAlternatingRowColors(True)
    tree.setUniformRowHeights(True)
    header = tree.header()
    header.setStretchLastSection(True)
    for col in range(len(headers) - 1):
        header.setSectionResizeMode(col, QHeaderView.ResizeMode.ResizeToContents)
    return tree


class SuggestionsPanel(QWidget):
    """Candidate entities and links of one article, with checkboxes (dock objectName ``suggestions``)."""

    message = Signal(str)
    open_quote = Signal(str, int, int)  # article id, start, end: show it in the reader
    accepted = Signal(list, list)  # entity ids, link ids now in the case

    def __init__(self, case: Case, undo_stack: QUndoStack, selection=None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("suggestionsPanel")
        self.case = case
        self.undo_stack = undo_stack
        self.selection = selection
        self.article_id: str | None = None
        self.place_cards = None  # callable(list[Entity]) -> None: give new cards positions (the window's view centre)
        self.entity_rows: dict[str, EntityRow] = {}
        self.link_rows: dict[str, LinkRow] = {}
        self._rows: SuggestionRows | None = None
        self._known = None  # the case's names compiled for the suggester; dropped when a name changes
        self._dismissed: dict[str, set[str]] = {}
        self._stale = True  # the lists do not match the article (computed when next shown)
        self._pending = False  # a refresh is queued for the next event-loop turn
        self._loading = False

        self.title = QLabel()
        self.title.setObjectName("suggestionsTitle")
        self.title.setWordWrap(True)
        self.entities = _tree("suggestedEntities", ["Name", "Type", "Mentions", "In case"])
        self.entities.setToolTip("Names found in the article. Double-click a name to correct it; pick the right type; tick the ones to add.")
        self.links = _tree("suggestedLinks", ["Source", "Link", "Target", "In case", "Quote"])
        self.links.setToolTip("Relations the article states in its own words. Tick the ones to add; each cites its quote.")
        for tree in (self.entities, self.links):
            tree.itemChanged.connect(self._edited)
            tree.itemClicked.connect(self._row_clicked)
        self.accept_button = QPushButton("Accept Selected")
        self.accept_button.setObjectName("acceptSuggestions")
        self.accept_button.setToolTip("Add the ticked cards and links, each citing its quote, as one undo step")
        self.accept_button.clicked.connect(self.accept_checked)
        self.dismiss_button = QPushButton("Dismiss")
        self.dismiss_button.setObjectName("dismissSuggestions")
        self.dismiss_button.setToolTip("Hide the ticked suggestions for this article")
        self.dismiss_button.clicked.connect(self.dismiss_checked)
        self.all_button = QPushButton("Tick All")
        self.all_button.setObjectName("checkAllSuggestions")
        self.all_button.clicked.connect(lambda: self.set_all_checked(True))
        self.none_button = QPushButton("Tick None")
        self.none_button.setObjectName("checkNoSuggestions")
        self.none_button.clicked.connect(lambda: self.set_all_checked(False))

        buttons = QHBoxLayout()
        buttons.addWidget(self.title, 1)
        for b in (self.all_button, self.none_button, self.dismiss_button, self.accept_button):
            buttons.addWidget(b)
        self.split = split = QSplitter(Qt.Orientation.Horizontal)
        split.setChildrenCollapsible(False)
        split.addWidget(self.entities)
        split.addWidget(self.links)
        split.setSizes([420, 580])
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addLayout(buttons)
        layout.addWidget(split, 1)
        case.changed.connect(self._on_changed)
        self.show_article(None)

    def resizeEvent(self, event) -> None:
        # Side by side in a wide dock (bottom), one above the other in a tall one (left or right).
        wide = event.size().width() > 1.4 * event.size().height()
        self.split.setOrientation(Qt.Orientation.Horizontal if wide else Qt.Orientation.Vertical)
        super().resizeEvent(event)

    # ------------------------------------------------------------ binding
    def set_case(self, case: Case, undo_stack: QUndoStack) -> None:
        self.case.changed.disconnect(self._on_changed)
        self.case, self.undo_stack = case, undo_stack
        case.changed.connect(self._on_changed)
        self._dismissed.clear()
        self._known = None
        self.show_article(None)

    def detach(self) -> None:
        self.case.changed.disconnect(self._on_changed)

    def _on_changed(self, event: ChangeEvent) -> None:
        # New or renamed cards change which suggestions are "known"; recompute once per event-loop turn.
        names = event.kind in ("entities_added", "entities_removed") or (
            event.kind == "entities_changed" and (not event.fields or {"label", "aliases", "type"} & event.fields)
        )
        if event.kind == "articles_removed" and self.article_id in event.ids:
            self.show_article(None)
        elif names:
            self._known = None
        if names and not self._pending:
            self._pending = True
            QTimer.singleShot(0, self._refresh_pending)

    # ------------------------------------------------------------ content
    def show_article(self, article_id: str | None) -> None:
        """Suggest for this article (None clears the lists)."""
        self.article_id = article_id if article_id in self.case.articles else None
        self.refresh()

    def _refresh_pending(self) -> None:
        self._pending = False
        self.refresh()

    def catch_up(self) -> None:
        """Suggest for the article if that waited for the panel to come into sight, and it has."""
        if self._stale and on_screen(self):
            self.refresh()

    def showEvent(self, event) -> None:
        super().showEvent(event)
        self.catch_up()

    def refresh(self) -> None:
        """Recompute the suggestions, only while the panel is on screen (suggesting reads the whole text)."""
        if not on_screen(self):
            self._stale = True
            return
        self._stale = False
        article = self.case.articles.get(self.article_id or "")
        if article is None:
            self._rows, self.entity_rows, self.link_rows = None, {}, {}
        else:
            if self._known is None:
                self._known = ingest_adapter.known_entities(self.case)
            self._rows = ingest_adapter.suggestion_rows(self.case, article, self._known)
            gone = self._dismissed.get(article.id, set())
            self.entity_rows = {r.key: r for r in self._rows.entities if r.key not in gone}
            self.link_rows = {r.key: r for r in self._rows.links if r.key not in gone}
        self._fill()

    def _fill(self) -> None:
        self._loading = True
        checked = {k for k in self.checked_keys()}
        self.entities.clear()
        self.links.clear()
        types = self.case.vocabulary.all_entity_types()
        for row in self.entity_rows.values():
            item = QTreeWidgetItem([row.name, "", str(row.count), ""])
            item.setData(0, KEY_ROLE, row.key)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable | Qt.ItemFlag.ItemIsEditable)
            item.setCheckState(0, Qt.CheckState.Checked if row.key in checked else Qt.CheckState.Unchecked)
            known = self.case.entities.get(row.known_id or "")
            if known is not None:
                item.setText(3, f"\u2713 {known.label}")
                item.setToolTip(3, f"Already a card: accepting adds this article's quote to <b>{escape(known.label)}</b>")
            self.entities.addTopLevelItem(item)
            combo = QComboBox()
            combo.setObjectName(f"suggestedType:{row.key}")
            for t in types:
                combo.addItem(t.name, t.id)
            combo.setCurrentIndex(max(0, combo.findData(row.type_id)))
            combo.setEnabled(known is None)
            combo.currentIndexChanged.connect(lambda _i, key=row.key, c=combo: self._retype(key, c.currentData()))
            self.entities.setItemWidget(item, 1, combo)
        for row in self.link_rows.values():
            quote = " ".join(row.quote.split())
            short = quote if len(quote) <= QUOTE_CHARS else quote[: QUOTE_CHARS - 1] + "\u2026"
            known = "\u2713" if row.known_id in self.case.links else ""
            wording = self.case.vocabulary.link_type(row.type_id).label
            item = QTreeWidgetItem([row.source, wording, row.target, known, f"\u201c{short}\u201d"])
            item.setData(0, KEY_ROLE, row.key)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(0, Qt.CheckState.Checked if row.key in checked else Qt.CheckState.Unchecked)
            item.setToolTip(4, f"\u201c{escape(quote)}\u201d")
            if known:
                item.setToolTip(3, "Already a link: accepting adds this quote to it")
            self.links.addTopLevelItem(item)
        self._loading = False
        self._set_title()

    def _set_title(self) -> None:
        article = self.case.articles.get(self.article_id or "")
        if article is None:
            self.title.setText("<i>Open an article in the reader to see suggested cards and links.</i>")
        elif not (self.entity_rows or self.link_rows):
            self.title.setText(f"No suggestions left for <b>{escape(article.title or '(untitled)')}</b>.")
        else:
            self.title.setText(
                f"<b>{len(self.entity_rows)}</b> names and <b>{len(self.link_rows)}</b> links suggested by "
                f"<b>{escape(article.title or '(untitled)')}</b>. Nothing is added until you accept."
            )
        has = bool(self.entity_rows or self.link_rows)
        for b in (self.accept_button, self.dismiss_button, self.all_button, self.none_button):
            b.setEnabled(has)

    # ------------------------------------------------------------ editing
    def _items(self):
        for tree in (self.entities, self.links):
            for i in range(tree.topLevelItemCount()):
                yield tree.topLevelItem(i)

    def item_for(self, key: str) -> QTreeWidgetItem | None:
        return next((item for item in self._items() if item.data(0, KEY_ROLE) == key), None)

    def checked_keys(self) -> list[str]:
        return [item.data(0, KEY_ROLE) for item in self._items() if item.checkState(0) == Qt.CheckState.Checked]

    def set_checked(self, key: str, checked: bool = True) -> None:
        item = self.item_for(key)
        if item is not None:
            item.setCheckState(0, Qt.CheckState.Checked if checked else Qt.CheckState.Unchecked)

    def set_all_checked(self, checked: bool) -> None:
        for item in self._items():
            item.setCheckState(0, Qt.CheckState.Checked if checked else Qt.CheckState.Unchecked)

    def _edited(self, item: QTreeWidgetItem, column: int) -> None:
        if self._loading or column != 0:
            return
        key = item.data(0, KEY_ROLE)
        row = self.entity_rows.get(key)
        if row is not None and item.text(0).strip() and item.text(0).strip() != row.name:
            row.name = item.text(0).strip()

    def rename(self, key: str, name: str) -> None:
        """Correct a suggested name before accepting (what double-click editing does)."""
        item = self.item_for(key)
        if item is not None:
            item.setText(0, name)

    def _retype(self, key: str, type_id: str) -> None:
        if key in self.entity_rows and type_id:
            self.entity_rows[key].type_id = type_id

    def _row_clicked(self, item: QTreeWidgetItem, column: int) -> None:
        key = item.data(0, KEY_ROLE)
        row = self.entity_rows.get(key) or self.link_rows.get(key)
        span = getattr(row, "span", None)
        if row is not None and span is not None and self.article_id:
            self.open_quote.emit(self.article_id, span[0], span[1])

    # ------------------------------------------------------------ accept / dismiss
    def dismiss_checked(self) -> None:
        keys = self.checked_keys()
        if not keys or self.article_id is None:
            return
        self._dismissed.setdefault(self.article_id, set()).update(keys)
        self.refresh()
        self.message.emit(f"Dismissed {len(keys)} suggestion{'s' if len(keys) != 1 else ''}.")

    def accept_checked(self) -> tuple[list[str], list[str]]:
        """Add the ticked suggestions as one undo step; returns the new (or cited) entity ids and the new link ids."""
        article = self.case.articles.get(self.article_id or "")
        keys = set(self.checked_keys())
        entities = [r for k, r in self.entity_rows.items() if k in keys]
        links = [r for k, r in self.link_rows.items() if k in keys]
        if article is None or self._rows is None or not (entities or links):
            self.message.emit("Tick the suggestions to accept first.")
            return [], []
        plan = ingest_adapter.accept(self.case, article, self._rows, entities, links)
        if self.place_cards is not None and plan.new_entities:
            self.place_cards(plan.new_entities)
        try:
            push(self.undo_stack, plan.command(self.case))
        except CaseError as exc:
            self.message.emit(f"Could not accept: {exc}")
            return [], []
        entity_ids, link_ids = plan.entity_ids(self.case), plan.link_ids(self.case)
        self._dismissed.setdefault(article.id, set()).update(k for k in keys if k in self.link_rows)
        if self.selection is not None:
            self.selection.set(entity_ids, link_ids)
        self.message.emit(plan.describe())
        self.accepted.emit(entity_ids, link_ids)
        self.refresh()
        return entity_ids, link_ids
