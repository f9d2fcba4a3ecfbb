"""The timeline's marks in drawing order, patched item by item after small edits.

Reading a whole 10k case again (:func:`linkchart.analysis.timeline`) takes about
0.1 s, and most edits touch one or two items, so after the first full read the
panel re-reads only the items an edit touched and moves their marks to their new
place in the order. :func:`record_of` reads one item exactly as ``timeline()``
reads it; a test keeps the two in step.

No Qt here: the panel turns :meth:`MarkIndex.arrays` into plot items.
"""

from __future__ import annotations

import bisect
from collections.abc import Iterable
from dataclasses import dataclass

import numpy as np

from linkchart.analysis import TimelineRecord, timeline
from linkchart.analysis.timeline import ARTICLES_LANE
from linkchart.model import Case, ChangeEvent, DateError, parse_date

DAY = 86400.0
EPOCH_ORDINAL = 719163  # date(1970, 1, 1).toordinal(): day ordinals to POSIX seconds in one subtraction
KINDS = ("link", "entity", "article")  # kind codes in the arrays are positions here

# Fields that change what the timeline shows; other edits (notes, citations, strength...) leave it alone.
_ENTITY_FIELDS = frozenset({"date", "label", "type"})
_LINK_FIELDS = frozenset({"date", "label", "type", "source", "target"})
_ARTICLE_FIELDS = frozenset({"date", "title"})


def sort_key(record: TimelineRecord) -> tuple:
    """The order ``timeline()`` sorts its records in (unique: it ends with the id)."""
    return (record.span.start, record.span.end, record.kind, record.label, record.id)


def record_of(case: Case, item_id: str, lane_by: str) -> tuple[TimelineRecord | None, tuple[str, str, str] | None]:
    """One entity's, link's or article's mark (None if undated or gone), and why its date is unreadable (or None)."""
    ent = case.entities.get(item_id)
    link = case.links.get(item_id) if ent is None else None
    art = case.articles.get(item_id) if ent is None and link is None else None
    item = ent or link or art
    if item is None or not item.date.strip():
        return None, None
    try:
        span = parse_date(item.date)
    except DateError as exc:
        return None, (item_id, item.date, str(exc))
    if ent is not None:
        lane = (f"type:{ent.type}", case.entity_type(ent).name) if lane_by == "type" else (ent.id, ent.label)
        return TimelineRecord(ent.id, "entity", ent.label, *lane, span, (ent.id,)), None
    if link is not None:
        src, dst = case.entities[link.source], case.entities[link.target]
        label = f"{src.label} {case.link_label(link)} {dst.label}"
        lane = (f"link:{link.type}", case.link_type(link).label.capitalize()) if lane_by == "type" else (src.id, src.label)
        return TimelineRecord(link.id, "link", label, *lane, span, (link.source, link.target)), None
    return TimelineRecord(art.id, "article", art.title or "Untitled article", *ARTICLES_LANE, span), None


def touched_ids(case: Case, event: ChangeEvent) -> set[str] | None:
    """The items whose marks *event* may change: an empty set if none, None if every mark may (re-read all)."""
    kind, fields = event.kind, event.fields
    if kind == "reset" or (kind == "case_changed" and "vocabulary" in fields):
        return None  # type names and link wordings are in lane names and labels
    if kind.startswith("entities_") and kind != "entities_moved":
        if kind == "entities_changed" and fields and not fields & _ENTITY_FIELDS:
            return set()
        ids = set(event.ids)
        if kind == "entities_changed" and (not fields or "label" in fields):
            # A card's label is in its links' labels and, by entity, in the name of the lane they are in.
            for eid in event.ids:
                ids.update(link.id for link in case.links_of(eid))
        return ids
    if kind == "links_changed" and fields and not fields & _LINK_FIELDS:
        return set()
    if kind == "articles_changed" and fields and not fields & _ARTICLE_FIELDS:
        return set()
    if kind.startswith(("links_", "articles_")):
        return set(event.ids)
    return set()


@dataclass
class Arrays:
    """Row i describes marks[i]: lane position, start and end seconds (end exclusive), exact or not, kind code."""

    lane: np.ndarray
    start: np.ndarray
    end: np.ndarray
    exact: np.ndarray
    kind: np.ndarray


class MarkIndex:
    """Every mark of one case in ``timeline()`` order, its lanes and its unreadable dates."""

    def __init__(self, case: Case, lane_by: str = "type") -> None:
        """Read the whole case."""
        self.lane_by = lane_by
        data = timeline(case, lane_by)
        self.records: list[TimelineRecord] = data.records
        self.by_id = {r.id: r for r in self.records}
        self.lanes: list[tuple[str, str]] = data.lanes
        self._unreadable = {row[0]: row for row in data.unreadable}

    @property
    def unreadable(self) -> list[tuple[str, str, str]]:
        """(id, text, why) of dates that could not be read: case order, then in the order edits made them."""
        return list(self._unreadable.values())

    def patch(self, case: Case, ids: Iterable[str]) -> None:
        """Read these items again (added, changed or removed) and put their marks in place."""
        key = sort_key
        for item_id in ids:
            old = self.by_id.pop(item_id, None)
            if old is not None:
                del self.records[bisect.bisect_left(self.records, key(old), key=key)]
            self._unreadable.pop(item_id, None)
            new, unreadable = record_of(case, item_id, self.lane_by)
            if unreadable is not None:
                self._unreadable[item_id] = unreadable
            if new is not None:
                self.records.insert(bisect.bisect_left(self.records, key(new), key=key), new)
                self.by_id[item_id] = new
        self._order_lanes(case)

    def _order_lanes(self, case: Case) -> None:
        """Lanes as ``timeline()`` orders them: by first mark, the articles lane last, then by name, then as met."""
        first: dict[str, TimelineRecord] = {}
        for r in self.records:
            if r.lane not in first:
                first[r.lane] = r

        def key(lane: str) -> tuple:
            return (lane == ARTICLES_LANE[0], first[lane].span.start, first[lane].lane_label)

        order = sorted(first, key=key)
        tied = {lane for a, b in zip(order, order[1:], strict=False) if key(a) == key(b) for lane in (a, b)}
        if tied:  # rare (two lanes named alike starting the same day): worth one walk over the case
            met = self._met_order(case, tied)
            order.sort(key=lambda lane: (*key(lane), met.get(lane, (0, 0))))
        self.lanes = [(lane, first[lane].lane_label) for lane in order]

    def _met_order(self, case: Case, lanes: set[str]) -> dict[str, tuple[int, int]]:
        """Where ``timeline()`` meets each of *lanes* first: entities in case order, then links, then articles."""
        met: dict[str, tuple[int, int]] = {}
        for group, items in enumerate((case.entities, case.links, case.articles)):
            for i, item_id in enumerate(items):
                r = self.by_id.get(item_id)
                if r is not None and r.lane in lanes and r.lane not in met:
                    met[r.lane] = (group, i)
        return met

    def arrays(self) -> Arrays:
        """The marks as numpy arrays, for the plot items and hit tests."""
        n = len(self.records)
        lane_of = {lane: float(i) for i, (lane, _) in enumerate(self.lanes)}
        recs = self.records
        start = np.fromiter((r.span.start.toordinal() for r in recs), dtype=np.int64, count=n)
        end = np.fromiter((r.span.end.toordinal() for r in recs), dtype=np.int64, count=n)
        codes = {k: i for i, k in enumerate(KINDS)}
        return Arrays(
            lane=np.fromiter((lane_of[r.lane] for r in recs), dtype=float, count=n),
            start=(start - EPOCH_ORDINAL) * DAY,
            end=(end - EPOCH_ORDINAL + 1) * DAY,
            exact=start == end,
            kind=np.fromiter((codes[r.kind] for r in recs), dtype=np.int8, count=n),
        )
