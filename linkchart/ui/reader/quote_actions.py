"""Turning a quote into chart facts: a new card, a citation on a card or link, an alias.

Shared by the chart drop and the reader's context menu so both do exactly the
same thing. Every action is one undo step; the alias offered after a quote lands
on a card merges into that step when accepted.
"""

from __future__ import annotations

from html import escape

from PySide6.QtCore import QObject, QPoint, QPointF, Qt, QTimer, Signal
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QToolButton, QWidget

from linkchart.commands import AddEntitiesCommand, push
from linkchart.model import CaseError, Entity
from linkchart.ui.interactions import snap
from linkchart.ui.reader import ingest_adapter
from linkchart.ui.reader.commands import AddAliasCommand, CiteQuoteCommand, entity_with_quote
from linkchart.ui.reader.quote import MAX_LABEL, QuotePayload

OFFER_SECONDS = 15


class AliasOffer(QFrame):
    """A small, non-modal prompt over the chart: "Add 'Tehran' as an alias of Iran?"."""

    accepted = Signal()

    def __init__(self, parent: QWidget, alias: str, label: str) -> None:
        super().__init__(parent)
        self.setObjectName("aliasOffer")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setAutoFillBackground(True)
        self.alias = alias
        text = QLabel(f"Add \u201c{escape(alias)}\u201d as an alias of <b>{escape(label)}</b>?")
        add = QPushButton("Add Alias")
        add.setObjectName("acceptAlias")
        add.setDefault(True)
        add.setToolTip("Also add the dropped words to the card's aliases (same undo step as the citation)")
        close = QToolButton()
        close.setObjectName("dismissAlias")
        close.setText("\u2715")
        close.setAutoRaise(True)
        close.setToolTip("No thanks")
        layout = QHBoxLayout(self)
        layout.setContentsMargins(8, 4, 4, 4)
        layout.addWidget(text)
        layout.addWidget(add)
        layout.addWidget(close)
        add.clicked.connect(self._accept)
        close.clicked.connect(self.close)
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        expiry = QTimer(self)  # a child, so it cannot fire after the offer is gone
        expiry.setSingleShot(True)
        expiry.timeout.connect(self.close)
        expiry.start(OFFER_SECONDS * 1000)

    def _accept(self) -> None:
        self.accepted.emit()
        self.close()

    def place(self, pos: QPoint) -> None:
        """Show near *pos* (parent coordinates), kept inside the parent."""
        self.adjustSize()
        parent = self.parentWidget()
        x = max(4, min(pos.x() + 12, parent.width() - self.width() - 4))
        y = max(4, min(pos.y() + 12, parent.height() - self.height() - 4))
        self.move(x, y)
        self.show()
        self.raise_()


class QuoteActions(QObject):
    """Quote -> card / citation / alias, against whatever case the window holds right now."""

    message = Signal(str)

    def __init__(self, window) -> None:
        super().__init__(window)
        self.window = window
        self.offer: AliasOffer | None = None

    # ------------------------------------------------------------ context
    @property
    def case(self):
        return self.window.case

    @property
    def stack(self):
        return self.window.undo_stack

    def _valid(self, payload: QuotePayload | None) -> bool:
        if payload is None:
            self.message.emit("Select some words in the reader first.")
            return False
        if not payload.matches(self.case.articles.get(payload.article_id)):
            self.message.emit("That quote is not from an article of this case.")
            return False
        return True

    # ------------------------------------------------------------ actions
    def create_entity(self, payload: QuotePayload | None, scene_pos: QPointF | None = None) -> str | None:
        """Add a card named by the selection at *scene_pos* (default: the view's centre), citing the quote."""
        if not self._valid(payload):
            return None
        article = self.case.articles[payload.article_id]
        label = payload.label(article)
        if scene_pos is None:
            scene_pos = self._free_spot()
        view = self.window.chart_view
        grid = view.grid_size if getattr(view, "grid_enabled", False) else 0
        scene_pos = QPointF(snap(scene_pos.x(), grid), snap(scene_pos.y(), grid))
        type_id = ingest_adapter.guess_type(self.case, article, label)
        entity = entity_with_quote(label, type_id, payload.citation(), scene_pos.x(), scene_pos.y())
        try:
            push(self.stack, AddEntitiesCommand(self.case, [entity], text=f"Add '{label}' from quote"))
        except CaseError as exc:
            self.message.emit(str(exc))
            return None
        self.window.selection.set([entity.id])
        type_name = self.case.vocabulary.entity_type(type_id).name
        self.message.emit(f"Added {type_name.lower()} \u201c{label}\u201d citing {len(payload.quote)} characters of the article.")
        return entity.id

    def cite_item(self, item_id: str, payload: QuotePayload | None, view_pos: QPoint | None = None) -> bool:
        """Cite the quote on a card or link; for a card, offer the selected words as an alias."""
        if not self._valid(payload) or (item_id not in self.case.entities and item_id not in self.case.links):
            return False
        item = self.case.item(item_id)
        if any((c.article_id, c.start, c.end) == (payload.article_id, payload.start, payload.end) for c in item.citations):
            self.message.emit("It already cites that quote.")
            return False
        name = item.label if isinstance(item, Entity) else self.case.link_label(item)
        try:
            push(self.stack, CiteQuoteCommand(self.case, item_id, payload.citation(), name))
        except CaseError as exc:
            self.message.emit(str(exc))
            return False
        self.message.emit(f"Cited the quote on \u201c{name}\u201d.")
        if isinstance(item, Entity):
            self._offer_alias(item, payload.label(self.case.articles[payload.article_id]), view_pos)
        return True

    def cite_selected(self, payload: QuotePayload | None) -> bool:
        sel = self.window.selection
        ids = [*sel.selected_entity_ids, *sel.selected_link_ids]
        if len(ids) != 1:
            self.message.emit("Select exactly one card or link on the chart to cite the quote on.")
            return False
        return self.cite_item(ids[0], payload)

    def drop(self, payload: QuotePayload | None, view_pos: QPoint) -> bool:
        """A quote dropped on the chart view at *view_pos*: cite the card or link there, else add a card."""
        view = self.window.chart_view
        item = view.item_at(view_pos)
        if item is not None and hasattr(item, "entity_id"):
            return self.cite_item(item.entity_id, payload, view_pos)
        if item is not None and hasattr(item, "link_id"):
            return self.cite_item(item.link_id, payload, view_pos)
        return self.create_entity(payload, view.mapToScene(view_pos)) is not None

    # ------------------------------------------------------------ helpers
    def _offer_alias(self, entity: Entity, words: str, view_pos: QPoint | None) -> None:
        known = {n.casefold() for n in entity.names}
        if not words or words.casefold() in known or len(words) > MAX_LABEL or "\n" in words:
            return
        self.close_offer()
        view = self.window.chart_view
        offer = AliasOffer(view.viewport(), words, entity.label)
        entity_id, index = entity.id, self.stack.index()

        def accept() -> None:
            # Only while the citation is still the last step can the alias join it.
            if self.stack.index() == index and entity_id in self.case.entities:
                push(self.stack, AddAliasCommand(self.case, entity_id, words))
                self.message.emit(f"\u201c{words}\u201d is now an alias of {self.case.entities[entity_id].label}.")

        offer.accepted.connect(accept)
        self.stack.indexChanged.connect(offer.close)
        offer.destroyed.connect(lambda *_: setattr(self, "offer", None))
        offer.place(view_pos if view_pos is not None else QPoint(view.viewport().width() // 2, 20))
        self.offer = offer

    def close_offer(self) -> None:
        if self.offer is not None:
            self.offer.close()
            self.offer = None

    def _free_spot(self) -> QPointF:
        """The centre of the visible chart, nudged down past any card already there."""
        view = self.window.chart_view
        centre = view.mapToScene(view.viewport().rect().center())
        for _ in range(12):
            if view.card_at(view.mapFromScene(centre)) is None:
                break
            centre += QPointF(0, 70)
        return centre
