"""What the timeline draws: one mark per dated link, entity and article, in lanes."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from linkchart.model import Case, DateSpan, try_parse_date


@dataclass(frozen=True)
class Mark:
    """A dated item: ``kind`` is "link", "entity" or "article"; drawn once per lane."""

    kind: str
    item_id: str
    label: str
    span: DateSpan
    lanes: tuple[str, ...]


def marks_of(case: Case, lanes_by: str = "entity") -> list[Mark]:
    """Every dated item of the case; ``lanes_by`` is "entity" (one lane per card) or "type"."""
    marks: list[Mark] = []
    ents = case.entities
    for ent in ents.values():
        span = try_parse_date(ent.date)
        if span is not None:
            lanes = (ent.label,) if lanes_by == "entity" else (case.entity_type(ent).name,)
            marks.append(Mark("entity", ent.id, ent.label, span, lanes))
    for link in case.links.values():
        span = try_parse_date(link.date)
        if span is None:
            continue
        wording = case.link_label(link)
        label = f"{ents[link.source].label} {wording} {ents[link.target].label}"
        lanes = (ents[link.source].label, ents[link.target].label) if lanes_by == "entity" else (wording,)
        marks.append(Mark("link", link.id, label, span, lanes))
    for art in case.articles.values():
        span = try_parse_date(art.date)
        if span is not None:
            marks.append(Mark("article", art.id, art.title or "Untitled article", span, ("Articles",)))
    return marks


def passing_in_window(case: Case, start: date, end: date) -> tuple[set[str], set[str]]:
    """(entity ids, link ids) that existed in [start, end]."""
    links: set[str] = set()
    touched: set[str] = set()
    dated_links_at: set[str] = set()
    for lid, link in case.links.items():
        span = try_parse_date(link.date)
        if span is None:
            continue
        dated_links_at.update((link.source, link.target))
        if span.overlaps(start, end):
            links.add(lid)
            touched.update((link.source, link.target))
    entities: set[str] = set()
    for eid, ent in case.entities.items():
        span = try_parse_date(ent.date)
        if span is not None:
            if span.overlaps(start, end):
                entities.add(eid)
        elif eid in touched or eid not in dated_links_at:
            entities.add(eid)
    for lid, link in case.links.items():
        if not link.date and link.source in entities and link.target in entities:
            links.add(lid)
    return entities, links
