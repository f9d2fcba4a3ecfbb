"""Timeline data: what happened when, in lanes, and what "existed" in a chosen window.

Dates are the analyst's text (``Link.date``, ``Entity.date``, ``Article.date``)
read by :func:`linkchart.model.parse_date` into an inclusive :class:`DateSpan`
(exact, partial, range or fuzzy). Text that is not a date is reported, not
guessed at.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from linkchart.model import Case, DateError, DateSpan, parse_date

ARTICLES_LANE = ("articles", "Articles")


@dataclass(frozen=True)
class TimelineRecord:
    """One dated item. ``lane`` is a stable key, ``lane_label`` what to print; ``entity_ids`` are the cards involved."""

    id: str
    kind: str  # "entity", "link" or "article"
    label: str
    lane: str
    lane_label: str
    span: DateSpan
    entity_ids: tuple[str, ...] = ()


@dataclass
class Timeline:
    records: list[TimelineRecord] = field(default_factory=list)
    lanes: list[tuple[str, str]] = field(default_factory=list)  # (key, label), in display order
    undated: list[str] = field(default_factory=list)  # entity and link ids with no date
    unreadable: list[tuple[str, str, str]] = field(default_factory=list)  # (id, text, why)

    @property
    def start(self) -> date | None:
        return min((r.span.start for r in self.records), default=None)

    @property
    def end(self) -> date | None:
        return max((r.span.end for r in self.records), default=None)


def timeline(case: Case, lane_by: str = "type", *, articles: bool = True) -> Timeline:
    """Every dated entity, link and (if ``articles``) article, earliest first.

    ``lane_by`` "type": a lane per entity type and per link type; "entity": a
    lane per card, a link going in its source card's lane. Articles share one lane.
    """
    if lane_by not in ("type", "entity"):
        raise ValueError("lane_by must be 'type' or 'entity'")
    out = Timeline()

    def read(item_id: str, text: str) -> DateSpan | None:
        if not text.strip():
            return None
        try:
            return parse_date(text)
        except DateError as exc:
            out.unreadable.append((item_id, text, str(exc)))
            return None

    lanes: dict[str, str] = {}
    for ent in case.entities.values():
        span = read(ent.id, ent.date)
        if span is None:
            out.undated.append(ent.id)
            continue
        lane = (f"type:{ent.type}", case.entity_type(ent).name) if lane_by == "type" else (ent.id, ent.label)
        lanes.setdefault(*lane)
        out.records.append(TimelineRecord(ent.id, "entity", ent.label, *lane, span, (ent.id,)))
    for link in case.links.values():
        span = read(link.id, link.date)
        if span is None:
            out.undated.append(link.id)
            continue
        src, dst = case.entities[link.source], case.entities[link.target]
        label = f"{src.label} {case.link_label(link)} {dst.label}"
        lane = (f"link:{link.type}", case.link_type(link).label.capitalize()) if lane_by == "type" else (src.id, src.label)
        lanes.setdefault(*lane)
        out.records.append(TimelineRecord(link.id, "link", label, *lane, span, (link.source, link.target)))
    if articles:
        for art in case.articles.values():
            span = read(art.id, art.date)
            if span is not None:
                lanes.setdefault(*ARTICLES_LANE)
                out.records.append(TimelineRecord(art.id, "article", art.title or "Untitled article", *ARTICLES_LANE, span))
    out.records.sort(key=lambda r: (r.span.start, r.span.end, r.kind, r.label, r.id))
    first_seen = {}
    for r in out.records:
        first_seen.setdefault(r.lane, r.span.start)
    # Lanes in order of their first event; the articles lane last, as a footer.
    out.lanes = sorted(lanes.items(), key=lambda kv: (kv[0] == ARTICLES_LANE[0], first_seen[kv[0]], kv[1]))
    return out


@dataclass
class WindowResult:
    """The ids that existed in a time window."""

    entity_ids: set[str] = field(default_factory=set)
    link_ids: set[str] = field(default_factory=set)
    article_ids: set[str] = field(default_factory=set)


def in_window(case: Case, start: date | None, end: date | None, *, keep_undated: bool = True) -> WindowResult:
    """What existed between ``start`` and ``end`` (inclusive; None leaves that side open).

    A dated item is in if its span meets the window (a fuzzy "about 2018" meets
    any window touching 2017-2019). Undated (or unreadable) items stay when
    ``keep_undated``. Either way, the two cards of a link in the window stay if
    they are undated, so no link is left hanging; a link is shown only with both
    its cards.
    """
    out = WindowResult()

    def state(text: str) -> bool | None:
        """True in the window, False out of it, None undated."""
        if not text.strip():
            return None
        try:
            return parse_date(text).overlaps(start, end)
        except DateError:
            return None

    ent_state = {eid: state(e.date) for eid, e in case.entities.items()}
    needed: set[str] = set()
    candidates = []
    for lid, link in case.links.items():
        s = state(link.date)
        if s or (s is None and keep_undated):
            candidates.append(lid)
            if s:
                needed.update((link.source, link.target))
    for eid, s in ent_state.items():
        if s or (s is None and (keep_undated or eid in needed)):
            out.entity_ids.add(eid)
    for lid in candidates:
        link = case.links[lid]
        if link.source in out.entity_ids and link.target in out.entity_ids:
            out.link_ids.add(lid)
    out.article_ids = {aid for aid, a in case.articles.items() if state(a.date) or (state(a.date) is None and keep_undated)}
    return out
