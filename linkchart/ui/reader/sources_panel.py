""""Sources of selected item": the citations behind the chart's selection, each one click from its quote."""

from __future__ import annotations

from html import escape

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QUndoStack
from PySide6.QtWidgets import QHBoxLayout, QHeaderView, QLabel, QPushButton, QTreeWidget, QTreeWidgetItem, QVBoxLayout, QWidget

from linkchart.commands import RemoveCitationCommand, push
from linkchart.model import Case, CaseError, ChangeEvent, Citation, Entity
from linkchart.ui.reader.commands import SetCitationSpanCommand

ITEM_ROLE = Qt.ItemDataRole.UserRole
CITATION_ROLE = Qt.ItemDataRole.UserRole + 1
QUOTE_CHARS = 140  # a long quote is shortened in the list; its tooltip holds all of it
MAX_ROWS = 500  # rows listed for a multi-selection; the title says when there are more


class SourcesPanel(QWidget):
    """The citations of the selected cards and links.

    ``citation_activated(article_id, start, end)`` asks the reader to show a quote;
    the span button needs the reader's selection, handed in by ``span_provider``.
    """

    citation_activated = Signal(str, int, int)
    error = Signal(str)

    def __init__(self, case: Case, undo_stack: QUndoStack, selection, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("itemSources")
        self.case = case
        self.undo_stack = undo_stack
        self.selection = selection
        self.span_provider = lambda: None  # -> (article_id, start, end) | None
        self._item_ids: list[str] = []

        self.title = QLabel()
        self.title.setObjectName("sourcesTitle")
        self.tree = QTreeWidget()
        self.tree.setObjectName("sourcesList")
        self.tree.setHeaderLabels(["Quote", "Article", "Date", "Grading"])
        self.tree.setRootIsDecorated(False)
        self.tree.setUniformRowHeights(True)
        self.tree.setAlternatingRowColors(True)
        self.tree.setToolTip("Click a citation to open its article at the quote")
        header = self.tree.header()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Interactive)
        header.resizeSection(1, 130)
        for col in (2, 3):
            header.setSectionResizeMode(col, QHeaderView.ResizeMode.ResizeToContents)
        self.tree.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.tree.itemClicked.connect(self._open)
        self.tree.itemActivated.connect(self._open)
        self.tree.currentItemChanged.connect(lambda *_: self._update_buttons())

        self.remove_button = QPushButton("Remove")
        self.remove_button.setObjectName("removeCitation")
        self.remove_button.setToolTip("Detach the chosen citation from its card or link (undoable)")
        self.remove_button.clicked.connect(self.remove_current)
        self.span_button = QPushButton("Set Span to Selection")
        self.span_button.setObjectName("setCitationSpan")
        self.span_button.setToolTip("Make the chosen citation quote exactly the text selected in the reader")
        self.span_button.clicked.connect(self.set_span_to_selection)

        buttons = QHBoxLayout()
        buttons.addWidget(self.title, 1)
        buttons.addWidget(self.span_button)
        buttons.addWidget(self.remove_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(3)
        layout.addLayout(buttons)
        layout.addWidget(self.tree)
        case.changed.connect(self._on_case_changed)
        if selection is not None:
            selection.changed.connect(self.refresh)
        self.refresh()

    def set_case(self, case: Case, undo_stack: QUndoStack) -> None:
        self.case.changed.disconnect(self._on_case_changed)
        self.case, self.undo_stack = case, undo_stack
        case.changed.connect(self._on_case_changed)
        self.refresh()

    def detach(self) -> None:
        self.case.changed.disconnect(self._on_case_changed)

    # ------------------------------------------------------------ model in
    def _selected_ids(self) -> list[str]:
        if self.selection is None:
            return []
        ids = [*self.selection.selected_entity_ids, *self.selection.selected_link_ids]
        return [i for i in ids if i in self.case.entities or i in self.case.links]

    def _on_case_changed(self, event: ChangeEvent) -> None:
        if event.kind in ("entities_changed", "links_changed", "entities_removed", "links_removed", "entities_added", "links_added"):
            if set(event.ids) & set(self._item_ids) or event.kind.endswith("added"):
                self.refresh()
        elif event.kind in ("articles_changed", "articles_removed", "reset"):
            self.refresh()

    def refresh(self) -> None:
        """Rebuild the list from the selection and the case, keeping the chosen citation."""
        current = self.current_citation()
        keep = current[1].id if current else None
        self._item_ids = self._selected_ids()
        self.tree.clear()
        several = len(self._item_ids) > 1
        rows = []
        for item_id in self._item_ids:
            item = self.case.item(item_id)
            for cit in item.citations:
                if len(rows) >= MAX_ROWS:
                    break
                rows.append(self._row(item, cit, several))
        # One insertion, and never more rows than a person can read: Select All on a
        # big chart would otherwise build a row for every citation in the case.
        self.tree.addTopLevelItems(rows)
        for row in rows:
            if row.data(0, CITATION_ROLE) == keep:
                self.tree.setCurrentItem(row)
        self._set_title()
        self._update_buttons()

    def _row(self, item, cit: Citation, several: bool) -> QTreeWidgetItem:
        article = self.case.articles.get(cit.article_id)
        quote = " ".join(cit.quote.split())
        short = quote if len(quote) <= QUOTE_CHARS else quote[: QUOTE_CHARS - 1] + "\u2026"
        owner = self._name(item)
        text = f"{owner}: \u201c{short}\u201d" if several else f"\u201c{short}\u201d"
        grading = f"{cit.reliability}{cit.credibility}" or (item.grading if not isinstance(item, Entity) else "")
        row = QTreeWidgetItem([text, article.title if article else "(missing article)", article.date if article else "", grading])
        row.setData(0, ITEM_ROLE, item.id)
        row.setData(0, CITATION_ROLE, cit.id)
        broken = not self.case.verify_citation(cit)
        tip = f"<p>\u201c{escape(quote)}\u201d</p>"
        if cit.comment:
            tip += f"<p><i>{escape(cit.comment)}</i></p>"
        if broken:
            tip += "<p><b>Broken citation:</b> the article no longer reads this quote at its offsets.</p>"
            row.setForeground(0, self.palette().brush(self.palette().ColorRole.PlaceholderText))
            row.setText(0, "\u26a0 " + row.text(0))
        row.setToolTip(0, tip)
        row.setToolTip(1, escape(article.origin) if article and article.origin else "")
        return row

    def _name(self, item) -> str:
        if isinstance(item, Entity):
            return item.label
        ents = self.case.entities
        return f"{ents[item.source].label} \u2192 {self.case.link_label(item)} \u2192 {ents[item.target].label}"

    def _set_title(self) -> None:
        if not self._item_ids:
            self.title.setText("<i>Select a card or link to see its sources</i>")
            return
        count = self.tree.topLevelItemCount()
        if len(self._item_ids) == 1:
            name = escape(self._name(self.case.item(self._item_ids[0])))
            if count:
                self.title.setText(f"<b>Sources of {name}</b> ({count})")
            else:
                self.title.setText(f"<b>{name}</b>: <span style='color:#c98a00'>unsourced</span> (no citations yet)")
        else:
            unsourced = sum(1 for i in self._item_ids if not self.case.item(i).citations)
            tail = f", {unsourced} unsourced" if unsourced else ""
            shown = f"first {count}" if count >= MAX_ROWS else str(count)
            self.title.setText(f"<b>Sources of {len(self._item_ids)} items</b> ({shown}{tail})")

    def _update_buttons(self) -> None:
        has = self.current_citation() is not None
        self.remove_button.setEnabled(has)
        self.span_button.setEnabled(has)

    # ------------------------------------------------------------ actions
    def current_citation(self) -> tuple[str, Citation] | None:
        """(item id, citation) of the chosen row."""
        row = self.tree.currentItem()
        if row is None:
            return None
        item_id, cit_id = row.data(0, ITEM_ROLE), row.data(0, CITATION_ROLE)
        if item_id not in self.case.entities and item_id not in self.case.links:
            return None
        cit = next((c for c in self.case.item(item_id).citations if c.id == cit_id), None)
        return (item_id, cit) if cit else None

    def _open(self, row: QTreeWidgetItem, column: int = 0) -> None:
        self.tree.setCurrentItem(row)
        found = self.current_citation()
        if found is not None:
            cit = found[1]
            self.citation_activated.emit(cit.article_id, cit.start, cit.end)

    def remove_current(self) -> None:
        found = self.current_citation()
        if found is not None:
            push(self.undo_stack, RemoveCitationCommand(self.case, found[0], found[1].id))

    def set_span_to_selection(self) -> None:
        """Re-point the chosen citation at the reader's selection, as one undo step."""
        found = self.current_citation()
        span = self.span_provider()
        if found is None:
            return
        if span is None:
            self.error.emit("Select the new quote in the reader first.")
            return
        try:
            push(self.undo_stack, SetCitationSpanCommand(self.case, found[0], found[1].id, *span))
        except CaseError as exc:
            self.error.emit(str(exc))
