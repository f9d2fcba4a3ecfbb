"""The chart scene: a cache of card and link items that mirrors one Case through ``case.changed``.

The scene never changes the model. Tools in the UI push commands; the case
emits events; the scene adds, updates, moves or removes items to match. It
needs no view or widget, so the headless CLI and image export render the very
same items as the window.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from html import escape

from PySide6.QtCore import QRectF, Signal
from PySide6.QtWidgets import QGraphicsItem, QGraphicsScene

from linkchart.model import Case, ChangeEvent
from linkchart.model.bulk import gc_paused
from linkchart.model.progress import ProgressCallback
from linkchart.render.card_item import BLOCK_LOD, DETAIL_LOD, CardItem
from linkchart.render.card_layer import CardLayer
from linkchart.render.link_item import DASHES, LABEL_LOD, PEN_WIDTH, SMOOTH_LOD, LinkItem
from linkchart.render.link_layer import LinkLayer
from linkchart.render.link_placing import place_links, shift_links
from linkchart.render.style import ChartStyle

PROGRESS_STEP = 2000  # cards or links built between two progress reports
PARALLEL_SPACING = 30.0  # pixels between the apexes of parallel arcs
MARGIN = 60.0


class ChartScene(QGraphicsScene):
    """Items for every entity (``cards``) and link (``links``) of ``case``, keyed by id.

    ``mirrored`` fires after the items have followed a change of the case (or a rebuild
    or restyle); unlike ``changed`` it ignores hover and selection highlights.
    """

    mirrored = Signal()

    def __init__(self, case: Case | None = None, style: ChartStyle | None = None, parent=None) -> None:
        super().__init__(parent)
        self.style = style or ChartStyle.light()
        self.case: Case | None = None
        self.cards: dict[str, CardItem] = {}
        self.links: dict[str, LinkItem] = {}
        self._links_at: dict[str, set[str]] = defaultdict(set)
        self._pairs: dict[frozenset[str], list[str]] = defaultdict(list)
        self._ends: dict[str, tuple[str, str]] = {}
        self.setBackgroundBrush(self.style.background)
        # No BSP index: long links span much of the chart and make Qt's BSP tree rebuild for seconds on
        # every drag of a busy card; with bounds and hit tests in C++ (see the items) a linear scan is fast.
        self.setItemIndexMethod(QGraphicsScene.ItemIndexMethod.NoIndex)
        self._make_layers()
        self._selected_links: set[LinkItem] = set()
        self.selectionChanged.connect(self._selection_changed)
        if case is not None:
            self.set_case(case)

    # ------------------------------------------------------------ wiring
    def set_case(self, case: Case, progress: ProgressCallback | None = None) -> None:
        """Mirror *case* from now on (and stop mirroring the previous one); *progress* hears how far the build is."""
        if self.case is not None:
            self.case.changed.disconnect(self._on_changed)
        self.case = case
        case.changed.connect(self._on_changed)
        self.rebuild(progress)

    def detach(self) -> None:
        """Stop listening to the case (call before dropping the scene)."""
        if self.case is not None:
            self.case.changed.disconnect(self._on_changed)

    def set_style(self, style: ChartStyle) -> None:
        self.style = style
        self.setBackgroundBrush(style.background)
        for card in self.cards.values():
            card.set_style(style)
        for link in self.links.values():
            link.set_style(style, place=False)
        place_links(list(self.links.values()))
        self.link_layer.set_style(style)
        self.card_layer.set_style(style)
        self.mirrored.emit()

    def rebuild(self, progress: ProgressCallback | None = None) -> None:
        """Drop every item and build them again from the case (telling *progress* how far it is, 0..1)."""
        with gc_paused():
            self._rebuild(progress)
        self.mirrored.emit()

    def _rebuild(self, progress: ProgressCallback | None) -> None:
        self.link_layer.clear()
        self._selected_links = set()
        overview = self.card_layer.active
        self.sceneRectChanged.disconnect(self.card_layer.scene_rect_changed)
        self.clear()
        self._make_layers()
        self.cards.clear()
        self.links.clear()
        self._links_at.clear()
        self._pairs.clear()
        self._ends.clear()
        if self.case is None:
            return
        cards, links = len(self.case.entities), len(self.case.links)
        share = cards / max(1, cards + links)
        self._add_cards(self.case.entities, _steps(progress, 0.0, share, cards))
        self._add_links(self.case.links, _steps(progress, share, 1.0, links))
        self.card_layer.set_active(overview)
        self.fit_scene_rect()

    def _make_layers(self) -> None:
        """The items that paint links in bulk (see link_layer); ``clear()`` deletes them, so rebuilds remake them."""
        self.link_layer = LinkLayer(self.style, PEN_WIDTH, DASHES, LABEL_LOD, SMOOTH_LOD)
        self.addItem(self.link_layer)
        self.card_layer = CardLayer(self.cards, self.style)
        self.addItem(self.card_layer)
        self.sceneRectChanged.connect(self.card_layer.scene_rect_changed)

    def follow_zoom(self, level: float) -> None:
        """Views call this before painting: far out, cards are drawn in bulk as blocks (see card_layer)."""
        self.card_layer.set_active(level < BLOCK_LOD or (self.link_layer.moving and level < DETAIL_LOD))

    @contextmanager
    def drawn_at(self, level: float) -> Iterator[None]:
        """Render the chart at zoom *level* meanwhile (a thumbnail: far out, cards as blocks), then as before."""
        was = self.card_layer.active
        self.card_layer.set_active(level < BLOCK_LOD)
        try:
            yield
        finally:
            self.card_layer.set_active(was)

    def set_moving(self, moving: bool) -> None:
        """While the view pans or zooms, draw the cheap way: no link labels or antialiasing, small cards as blocks."""
        if moving != self.link_layer.moving:
            self.link_layer.moving = moving
            self.link_layer.update()

    def visibility_changed(self) -> None:
        """Cards or links were shown, hidden or dimmed directly (filters do): the bulk layers follow."""
        self.link_layer.refresh_states()
        self.card_layer.mark_dirty()

    def _selection_changed(self) -> None:
        selected = {item for item in self.selectedItems() if isinstance(item, LinkItem)}
        changed = selected ^ self._selected_links
        self._selected_links = selected
        self.link_layer.refresh_states(changed)
        self.card_layer.mark_dirty()

    def follow_cards(self, link_ids: Iterable[str]) -> None:
        """Re-place these links after their cards moved without a model event (a layout animation)."""
        place_links([self.links[lid] for lid in link_ids if lid in self.links], moved_only=True)

    def card_moved(self) -> None:
        """Something moved cards without a model event (a layout animation): the block layer must follow."""
        self.card_layer.mark_dirty()

    def fit_scene_rect(self) -> None:
        """Set the scene rect to hold every item with a margin (after a rebuild)."""
        self.setSceneRect(self.items_rect().adjusted(-MARGIN, -MARGIN, MARGIN, MARGIN))

    def _grow_scene_rect(self, items: Iterable[QGraphicsItem]) -> None:
        """Grow (never shrink, while editing) the scene rect to hold these items; cheaper than measuring all."""
        rect = QRectF()
        for item in items:
            rect = rect.united(item.sceneBoundingRect())
        if not rect.isNull():
            rect = rect.adjusted(-MARGIN, -MARGIN, MARGIN, MARGIN)
            current = self.sceneRect()
            if not current.contains(rect):
                self.setSceneRect(current.united(rect))

    def items_rect(self) -> QRectF:
        """The bounding rect of all cards and links (what "fit to window" shows); the layers do not count."""
        rect = QRectF(self.link_layer.boundingRect())
        for card in self.cards.values():
            rect = rect.united(card.sceneBoundingRect())
        return rect

    # ------------------------------------------------------------ events
    def _on_changed(self, event: ChangeEvent) -> None:
        handler = getattr(self, f"_on_{event.kind}", None)
        if handler is not None:
            with gc_paused():
                handler(event)
            self.mirrored.emit()

    def _on_reset(self, event: ChangeEvent) -> None:
        self.rebuild()

    def _on_case_changed(self, event: ChangeEvent) -> None:
        if "vocabulary" in event.fields:
            self._refresh_cards(self.cards)
            self._refresh_links(self.links)

    def _on_entities_added(self, event: ChangeEvent) -> None:
        self._add_cards(event.ids)
        self._grow_scene_rect(self.cards[e] for e in event.ids if e in self.cards)

    def _on_entities_removed(self, event: ChangeEvent) -> None:
        for eid in event.ids:
            card = self.cards.pop(eid, None)
            if card is not None:
                self.removeItem(card)
            self._links_at.pop(eid, None)
        self.card_layer.mark_dirty()

    def _on_entities_changed(self, event: ChangeEvent) -> None:
        self._refresh_cards([eid for eid in event.ids if eid in self.cards])
        if {"label", "type", "subtitle", "citations"} & event.fields or not event.fields:
            # A card's width follows its text, so attached links must re-attach.
            self._refresh_links({lid for eid in event.ids for lid in self._links_at.get(eid, ())})

    def _on_entities_moved(self, event: ChangeEvent) -> None:
        assert self.case is not None
        touched: set[str] = set()
        moved: set[str] = set()
        steps: set[tuple[float, float]] = set()
        for eid in event.ids:
            card = self.cards.get(eid)
            entity = self.case.entities.get(eid)
            if card is not None and entity is not None:
                # Rounded: cards moved by one step can differ in the last bits of (new - old).
                steps.add((round(entity.x - card.x(), 7), round(entity.y - card.y(), 7)))
                moved.add(eid)
                card.setPos(entity.x, entity.y)
                touched |= self._links_at.get(eid, set())
        if len(steps) == 1:
            # Cards dragged (or a drag undone) together: a link between two of them moves as a whole.
            rigid = {lid for lid in touched if self._ends[lid][0] in moved and self._ends[lid][1] in moved}
            shift_links([self.links[lid] for lid in rigid], *steps.pop())
            touched -= rigid
        place_links([self.links[lid] for lid in touched], moved_only=True)
        self.card_layer.mark_dirty()
        self._grow_scene_rect(self.cards[e] for e in event.ids if e in self.cards)

    def _on_links_added(self, event: ChangeEvent) -> None:
        self._add_links(event.ids)

    def _on_links_removed(self, event: ChangeEvent) -> None:
        pairs = set()
        for lid in event.ids:
            item = self.links.pop(lid, None)
            if item is None:
                continue
            self.link_layer.remove(item)
            self.removeItem(item)
            ends = self._ends.pop(lid)
            for end in ends:
                self._links_at.get(end, set()).discard(lid)
            pair = frozenset(ends)
            if lid in self._pairs.get(pair, []):
                self._pairs[pair].remove(lid)
            pairs.add(pair)
        place_links(self._spread(pairs))
        self.link_layer.tighten()

    def _on_links_changed(self, event: ChangeEvent) -> None:
        assert self.case is not None
        if {"source", "target"} & event.fields or not event.fields:
            ids = [lid for lid in event.ids if lid in self.links]
            selected = [lid for lid in ids if self.links[lid].isSelected()]
            self._on_links_removed(ChangeEvent("links_removed", tuple(ids)))
            self._add_links(ids)
            for lid in selected:  # a re-pointed link is the same link: it stays selected (the inspector shows it)
                if lid in self.links:
                    self.links[lid].setSelected(True)
        else:
            self._refresh_links([lid for lid in event.ids if lid in self.links])

    # ------------------------------------------------------------ building
    def _add_cards(self, ids: Iterable[str], step: Callable[[int], None] | None = None) -> None:
        assert self.case is not None
        voc = self.case.vocabulary
        for n, eid in enumerate(ids):
            if step is not None and n % PROGRESS_STEP == 0:
                step(n)
            entity = self.case.entities.get(eid)
            if entity is None or eid in self.cards:
                continue
            card = CardItem(entity, voc.entity_type(entity.type), self.style)
            card.setFlag(QGraphicsItem.GraphicsItemFlag.ItemHasNoContents, self.card_layer.active)
            self.cards[eid] = card
            self.addItem(card)
        self.card_layer.mark_dirty()

    def _add_links(self, ids: Iterable[str], step: Callable[[int], None] | None = None) -> None:
        assert self.case is not None
        pairs = set()
        added = []
        order = {lid: i for i, lid in enumerate(self.case.links)}
        for n, lid in enumerate(ids):
            if step is not None and n % PROGRESS_STEP == 0:
                step(n)
            link = self.case.links.get(lid)
            if link is None or lid in self.links or link.source not in self.cards or link.target not in self.cards:
                continue
            item = LinkItem(link, self.cards[link.source], self.cards[link.target], self.case.link_label(link), self.style, place=False)
            item.describe = lambda lid=lid: self._link_tooltip(lid)
            self.links[lid] = item
            self._ends[lid] = (link.source, link.target)
            self._links_at[link.source].add(lid)
            self._links_at[link.target].add(lid)
            pair = frozenset((link.source, link.target))
            self._pairs[pair].append(lid)
            pairs.add(pair)
            self.addItem(item)
            self.link_layer.add(item, refresh=False)
            added.append(item)
        for pair in pairs:
            if len(self._pairs[pair]) > 1:
                self._pairs[pair].sort(key=lambda k: order.get(k, len(order)))
        fresh = set(added)
        place_links(added + [item for item in self._spread(pairs) if item not in fresh])

    def _spread(self, pairs: Iterable[frozenset[str]]) -> list[LinkItem]:
        """Give each link of a pair its own arc (offsets ..., -1, 0, 1, ... times the spacing); return those bent anew.

        The caller places them (see place_links), together with any other links it changed.
        """
        bent = []
        for pair in pairs:
            ids = self._pairs.get(pair, [])
            if not ids:
                self._pairs.pop(pair, None)
                continue
            count = len(ids)
            for index, lid in enumerate(ids):
                item = self.links[lid]
                if item.set_offset((index - (count - 1) / 2) * PARALLEL_SPACING, place=False):
                    bent.append(item)
        return bent

    def _refresh_cards(self, ids: Iterable[str]) -> None:
        assert self.case is not None
        voc = self.case.vocabulary
        for eid in ids:
            entity = self.case.entities.get(eid)
            if entity is not None and eid in self.cards:
                self.cards[eid].set_entity(entity, voc.entity_type(entity.type))
        self.card_layer.mark_dirty()

    def _refresh_links(self, ids: Iterable[str]) -> None:
        assert self.case is not None
        changed = []
        for lid in ids:
            link = self.case.links.get(lid)
            if link is not None and lid in self.links:
                self.links[lid].set_link(link, self.case.link_label(link), place=False)
                changed.append(self.links[lid])
        place_links(changed)

    def _link_tooltip(self, link_id: str) -> str:
        link = self.case.links.get(link_id) if self.case is not None else None
        if link is None:
            return ""
        ents = self.case.entities
        src, dst = ents[link.source].label, ents[link.target].label
        arrow = {"forward": "\u2192", "both": "\u2194", "none": "\u2014"}.get(link.direction, "\u2192")
        lines = [f"<b>{escape(src)}</b> {arrow} {escape(self.case.link_label(link))} {arrow} <b>{escape(dst)}</b>"]
        facts = [link.strength.capitalize()]
        if link.grading:
            facts.append(f"graded {escape(link.grading)}")
        if link.date:
            facts.append(escape(link.date))
        lines.append(" \u00b7 ".join(facts))
        n = len(link.citations)
        lines.append(f"{n} citation{'s' if n != 1 else ''}" if n else "<i>Unsourced: no citations</i>")
        return "<br>".join(lines)

    # ------------------------------------------------------------ reading
    def links_of_card(self, entity_id: str) -> set[str]:
        return set(self._links_at.get(entity_id, set()))

    def set_emphasis(self, entity_ids: set[str] | None, link_ids: set[str] | None = None, hide: bool = False) -> None:
        """Grey out (or hide) every item not listed; ``None`` shows everything normally.

        For filters (search, timeline window): the model is untouched.
        """
        for eid, card in self.cards.items():
            keep = entity_ids is None or eid in entity_ids
            card.setVisible(keep or not hide)
            card.setOpacity(1.0 if keep else 0.18)
        for lid, item in self.links.items():
            ends = self._ends[lid]
            keep = (link_ids is None and (entity_ids is None or all(e in entity_ids for e in ends))) or (link_ids is not None and lid in link_ids)
            item.setVisible(keep or not hide)
            item.setOpacity(1.0 if keep else 0.18)
        self.visibility_changed()


def _steps(progress: ProgressCallback | None, start: float, end: float, count: int) -> Callable[[int], None] | None:
    """Report item *n* of *count* built, for a share of the whole build running from *start* to *end*."""
    if progress is None:
        return None

    def step(n: int) -> None:
        progress(start + (end - start) * n / max(1, count))

    return step
