"""Chart filters: which cards and links pass a :class:`FilterSpec`.

Rules, so a filtered chart never shows a link without its cards:

* A card passes its own tests: type, date window, cites one of the articles,
  unsourced.
* A link passes its own tests (type, strength, grading, date window, articles,
  unsourced) and both its cards must be of an allowed type.
* Shown cards are the cards that pass plus the two cards of every link shown,
  since a link needs its ends, even when they cite other sources. With
  ``drop_isolated`` only cards with a shown link remain (e.g. "just the backing
  network").
"""

from __future__ import annotations

from dataclasses import dataclass, field, fields
from datetime import date

from linkchart.analysis.graphs import strength_at_least
from linkchart.model import CREDIBILITY_CODES, RELIABILITY_CODES, Case, Entity, Link, try_parse_date


@dataclass(frozen=True)
class FilterSpec:
    """What to keep. Every field left at its default keeps everything.

    ``min_reliability`` "B" keeps links graded A or B; ``min_credibility`` "2"
    keeps 1 or 2; either set drops ungraded links. Dates: items whose span meets
    [start, end]; undated items stay when ``keep_undated``.
    """

    entity_types: frozenset[str] | None = None
    link_types: frozenset[str] | None = None
    min_strength: str | None = None
    min_reliability: str = ""
    min_credibility: str = ""
    start: date | None = None
    end: date | None = None
    keep_undated: bool = True
    article_ids: frozenset[str] | None = None
    unsourced_only: bool = False
    drop_isolated: bool = False

    @property
    def active(self) -> bool:
        """True if this spec filters anything out at all (possibly)."""
        return any(getattr(self, f.name) != f.default for f in fields(self) if f.name != "keep_undated") or (
            not self.keep_undated
        )


@dataclass
class FilterResult:
    entity_ids: set[str] = field(default_factory=set)
    link_ids: set[str] = field(default_factory=set)


def apply_filter(case: Case, spec: FilterSpec) -> FilterResult:
    """The entity and link ids that pass ``spec`` (see the module notes for the rules)."""
    if spec.min_reliability not in RELIABILITY_CODES or spec.min_credibility not in CREDIBILITY_CODES:
        raise ValueError("grading must be a reliability letter A-F and a credibility digit 1-6")
    typed = {eid for eid, e in case.entities.items() if spec.entity_types is None or e.type in spec.entity_types}
    out = FilterResult()
    for lid, link in case.links.items():
        if link.source in typed and link.target in typed and _link_ok(link, spec):
            out.link_ids.add(lid)
    ends = {end for lid in out.link_ids for end in (case.links[lid].source, case.links[lid].target)}
    if spec.drop_isolated:
        out.entity_ids = ends
    else:
        out.entity_ids = {eid for eid in typed if _evidence_ok(case.entities[eid], spec)} | ends
    return out


def _link_ok(link: Link, spec: FilterSpec) -> bool:
    if spec.link_types is not None and link.type not in spec.link_types:
        return False
    if not strength_at_least(link, spec.min_strength):
        return False
    if spec.min_reliability and not (link.reliability and link.reliability <= spec.min_reliability):
        return False
    if spec.min_credibility and not (link.credibility and link.credibility <= spec.min_credibility):
        return False
    return _evidence_ok(link, spec)


def _evidence_ok(item: Entity | Link, spec: FilterSpec) -> bool:
    if spec.unsourced_only and item.citations:
        return False
    if spec.article_ids is not None and not any(c.article_id in spec.article_ids for c in item.citations):
        return False
    if spec.start is None and spec.end is None and spec.keep_undated:
        return True
    span = try_parse_date(item.date)
    if span is None:
        return spec.keep_undated
    return span.overlaps(spec.start, spec.end)
