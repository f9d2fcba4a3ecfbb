"""Imports build a Draft plus a report; the analyst previews it, then applies it as one step.

Nothing half-imported: a reader fills a :class:`Draft` away from the live case
(Gephi's ImportAPI split), and :meth:`Case.apply_draft` adds it all at once.
The :class:`AppliedDraft` it returns is what undo (and redo) need.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace

from linkchart.model.ids import new_id
from linkchart.model.items import Article, Citation, Entity, Group, Link
from linkchart.model.vocabulary import EntityType, LinkType


@dataclass
class ImportReport:
    """What an import found, mapped, skipped and why: shown before anything is applied."""

    source: str = ""
    format: str = ""
    mapped: list[str] = field(default_factory=list)
    skipped: list[str] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)

    def summary(self, draft: Draft) -> str:
        parts = [f"{len(draft.articles)} articles", f"{len(draft.entities)} entities", f"{len(draft.links)} links"]
        text = f"{self.source or 'import'}: " + ", ".join(parts)
        if self.skipped:
            text += f"; {len(self.skipped)} skipped"
        return text


@dataclass
class Draft:
    """New records to add to a case; references between them use their own ids."""

    articles: list[Article] = field(default_factory=list)
    entities: list[Entity] = field(default_factory=list)
    links: list[Link] = field(default_factory=list)
    groups: list[Group] = field(default_factory=list)
    entity_types: list[EntityType] = field(default_factory=list)
    link_types: list[LinkType] = field(default_factory=list)
    report: ImportReport = field(default_factory=ImportReport)

    @property
    def empty(self) -> bool:
        return not (self.articles or self.entities or self.links or self.groups)


@dataclass
class AppliedDraft:
    """The draft exactly as it went into the case (ids settled, duplicate articles dropped).

    Applying ``applied.draft`` again after :meth:`Case.unapply_draft` restores the
    same records with the same ids, which is what redo needs.
    """

    draft: Draft
    reused_articles: dict[str, str] = field(default_factory=dict)  # draft article id -> existing id
    added_entity_types: list[str] = field(default_factory=list)
    added_link_types: list[str] = field(default_factory=list)


def settle_draft(draft: Draft, taken_ids: set[str], article_by_sha: dict[str, str]) -> AppliedDraft:
    """Give clashing records fresh ids, drop articles the case already has, re-point references.

    Pure: returns new records and leaves *draft* as it was.
    """
    remap: dict[str, str] = {}
    reused: dict[str, str] = {}
    articles: list[Article] = []
    seen = set(taken_ids)
    for art in draft.articles:
        if art.sha256 in article_by_sha:
            reused[art.id] = article_by_sha[art.sha256]
            remap[art.id] = article_by_sha[art.sha256]
            continue
        aid = _fresh(art.id, seen, remap)
        articles.append(replace(art, id=aid))
        article_by_sha = {**article_by_sha, art.sha256: aid}

    def cites(citations: list[Citation]) -> list[Citation]:
        return [replace(c, id=_fresh(c.id, seen, {}), article_id=remap.get(c.article_id, c.article_id)) for c in citations]

    entities = [replace(e, id=_fresh(e.id, seen, remap)) for e in draft.entities]
    entities = [replace(e, citations=cites(e.citations)) for e in entities]
    links = []
    for link in draft.links:
        lid = _fresh(link.id, seen, remap)
        links.append(
            replace(link, id=lid, source=remap.get(link.source, link.source), target=remap.get(link.target, link.target), citations=cites(link.citations))
        )
    groups = [replace(g, id=_fresh(g.id, seen, remap), members=[remap.get(m, m) for m in g.members]) for g in draft.groups]
    settled = Draft(articles, entities, links, groups, list(draft.entity_types), list(draft.link_types), draft.report)
    return AppliedDraft(settled, reused)


def _fresh(old: str, seen: set[str], remap: dict[str, str]) -> str:
    new = old if old not in seen else new_id()
    seen.add(new)
    if new != old:
        remap[old] = new
    return new
