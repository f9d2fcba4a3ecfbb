"""The Case: the document every view and command works on.

Only Case methods mutate. Each keeps ``graph`` (a ``networkx.MultiDiGraph``:
node = entity id, edge key = link id) in step, emits one :class:`ChangeEvent`
and returns what its inverse needs, so undo commands are thin.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import Any

import networkx as nx

from linkchart.model.draft import AppliedDraft, Draft, settle_draft
from linkchart.model.events import ChangeEvent, Signal
from linkchart.model.ids import new_id
from linkchart.model.items import (
    CREDIBILITY_CODES,
    DIRECTIONS,
    RELIABILITY_CODES,
    STRENGTHS,
    Article,
    Citation,
    Entity,
    Group,
    Link,
    copy_value,
    editable_fields,
)
from linkchart.model.vocabulary import EntityType, LinkType, Vocabulary

METADATA_FIELDS = ("title", "description", "analyst", "classification", "created")


class CaseError(ValueError):
    """A request the case cannot honour (unknown id, bad value); the case is unchanged."""


@dataclass
class Removal:
    """What :meth:`Case.remove_entities` took away, with positions, for :meth:`Case.restore`."""

    entities: list[tuple[int, Entity]] = field(default_factory=list)
    links: list[tuple[int, Link]] = field(default_factory=list)
    memberships: list[tuple[str, int, str]] = field(default_factory=list)  # (group id, index, entity id)


def _insert_at(mapping: dict[str, Any], index: int, key: str, value: Any) -> dict[str, Any]:
    """Return *mapping* with key inserted at *index* so undo restores the original order."""
    if index >= len(mapping):
        mapping[key] = value
        return mapping
    items = list(mapping.items())
    items.insert(index, (key, value))
    return dict(items)


class Case:
    """Articles, entities, links, groups, metadata and vocabulary of one investigation."""

    def __init__(self, title: str = "", vocabulary: Vocabulary | None = None) -> None:
        self.metadata: dict[str, str] = {k: "" for k in METADATA_FIELDS}
        self.metadata["title"] = title
        self.vocabulary = vocabulary or Vocabulary.default()
        self.articles: dict[str, Article] = {}
        self.entities: dict[str, Entity] = {}
        self.links: dict[str, Link] = {}
        self.groups: dict[str, Group] = {}
        self.graph = nx.MultiDiGraph()
        self.changed: Signal[ChangeEvent] = Signal()
        self._deferred: list[ChangeEvent] | None = None

    # ----------------------------------------------------------------- events
    def _emit(self, kind: str, ids: Iterable[str] = (), fields: Iterable[str] = ()) -> None:
        event = ChangeEvent(kind, tuple(ids), frozenset(fields))
        if self._deferred is None:
            self.changed.emit(event)
            return
        last = self._deferred[-1] if self._deferred else None
        if last is not None and last.kind == kind:
            merged = ChangeEvent(kind, last.ids + tuple(i for i in event.ids if i not in last.ids), last.fields | event.fields)
            self._deferred[-1] = merged
        else:
            self._deferred.append(event)

    @contextmanager
    def batch(self) -> Iterator[None]:
        """Hold events until the block ends, merging consecutive ones of the same kind."""
        if self._deferred is not None:
            yield
            return
        self._deferred = []
        try:
            yield
        finally:
            pending, self._deferred = self._deferred, None
            for event in pending:
                self.changed.emit(event)

    # ----------------------------------------------------------------- lookup
    def item(self, item_id: str) -> Entity | Link:
        """The entity or link with this id."""
        found = self.entities.get(item_id) or self.links.get(item_id)
        if found is None:
            raise CaseError(f"no entity or link with id {item_id}")
        return found

    def entity_type(self, entity: Entity) -> EntityType:
        return self.vocabulary.entity_type(entity.type)

    def link_type(self, link: Link) -> LinkType:
        return self.vocabulary.link_type(link.type)

    def link_label(self, link: Link) -> str:
        """What the chart writes on a link: its own label, else its type's wording."""
        return link.label or self.link_type(link).label

    def links_of(self, entity_id: str) -> list[Link]:
        """Every link that starts or ends at the entity, in case order."""
        if entity_id not in self.graph:
            return []
        keys = {k for _, _, k in self.graph.out_edges(entity_id, keys=True)}
        keys |= {k for _, _, k in self.graph.in_edges(entity_id, keys=True)}
        return [self.links[k] for k in self.links if k in keys]

    def links_between(self, a: str, b: str) -> list[Link]:
        """Links a->b and b->a, in case order."""
        keys = set(self.graph.get_edge_data(a, b, default={})) | set(self.graph.get_edge_data(b, a, default={}))
        return [self.links[k] for k in self.links if k in keys]

    def iter_citations(self) -> Iterator[tuple[Entity | Link, Citation]]:
        for ent in self.entities.values():
            for cit in ent.citations:
                yield ent, cit
        for link in self.links.values():
            for cit in link.citations:
                yield link, cit

    def citations_of_article(self, article_id: str) -> list[tuple[Entity | Link, Citation]]:
        return [(item, c) for item, c in self.iter_citations() if c.article_id == article_id]

    def verify_citation(self, citation: Citation) -> bool:
        article = self.articles.get(citation.article_id)
        return article is not None and citation.verify(article.text)

    def broken_citations(self) -> list[tuple[Entity | Link, Citation]]:
        """Citations whose article is missing or whose quote no longer stands at its offsets."""
        return [(item, c) for item, c in self.iter_citations() if not self.verify_citation(c)]

    def unsourced(self) -> list[Entity | Link]:
        """Entities and links that cite nothing."""
        return [e for e in self.entities.values() if not e.citations] + [k for k in self.links.values() if not k.citations]

    def find_article_by_sha256(self, sha256: str) -> Article | None:
        return next((a for a in self.articles.values() if a.sha256 == sha256), None)

    # --------------------------------------------------------------- metadata
    def update_metadata(self, **values: str) -> dict[str, str]:
        unknown = set(values) - set(METADATA_FIELDS)
        if unknown:
            raise CaseError(f"unknown case field(s): {', '.join(sorted(unknown))}")
        old = {k: self.metadata.get(k, "") for k in values}
        for k, v in values.items():
            self.metadata[k] = _text(v, k)
        self._emit("case_changed", (), values)
        return old

    def add_entity_type(self, entity_type: EntityType) -> None:
        self.vocabulary.custom_entity_types[entity_type.id] = entity_type
        self._emit("case_changed", (), ("vocabulary",))

    def add_link_type(self, link_type: LinkType) -> None:
        self.vocabulary.custom_link_types[link_type.id] = link_type
        self._emit("case_changed", (), ("vocabulary",))

    def remove_custom_type(self, type_id: str) -> EntityType | LinkType | None:
        found = self.vocabulary.custom_entity_types.pop(type_id, None) or self.vocabulary.custom_link_types.pop(type_id, None)
        if found is not None:
            self._emit("case_changed", (), ("vocabulary",))
        return found

    # --------------------------------------------------------------- articles
    def add_article(self, text: str, title: str = "", **values: Any) -> Article:
        """Add an imported article; its text is frozen from here on."""
        if not isinstance(text, str):
            raise CaseError("an article's text must be a string")
        article = Article(text=text, title=title, **values)
        self.insert_article(article)
        return article

    def insert_article(self, article: Article, index: int | None = None) -> None:
        if article.id in self.articles:
            raise CaseError(f"article {article.id} is already in the case")
        self.articles = _insert_at(self.articles, len(self.articles) if index is None else index, article.id, article)
        self._emit("articles_added", (article.id,))

    def remove_article(self, article_id: str) -> tuple[int, Article]:
        """Remove an article nothing cites (remove its citations first); returns (index, article)."""
        article = self._get(self.articles, article_id, "article")
        if self.citations_of_article(article_id):
            raise CaseError(f"article '{article.title or article_id}' is still cited; remove its citations first")
        index = list(self.articles).index(article_id)
        del self.articles[article_id]
        self._emit("articles_removed", (article_id,))
        return index, article

    def update_article(self, article_id: str, **values: Any) -> dict[str, Any]:
        """Edit an article's metadata; its text is immutable because citations index into it."""
        return self._update(self._get(self.articles, article_id, "article"), Article, values, "articles_changed")

    # --------------------------------------------------------------- entities
    def add_entity(self, label: str, type: str = "other", **values: Any) -> Entity:
        entity = Entity(label=_text(label, "label"), type=_text(type, "type"), **values)
        self.insert_entities([entity])
        return entity

    def insert_entities(self, entities: list[Entity]) -> None:
        """Add fully built entities (new, pasted, imported or restored), keeping their ids."""
        for ent in entities:
            if ent.id in self.entities:
                raise CaseError(f"entity {ent.id} is already in the case")
            self._check_citations(ent.citations)
        for ent in entities:
            self.entities[ent.id] = ent
            self.graph.add_node(ent.id, type=ent.type, label=ent.label)
        self._emit("entities_added", [e.id for e in entities])

    def update_entity(self, entity_id: str, **values: Any) -> dict[str, Any]:
        """Set fields; returns their old values (pass them back here to undo)."""
        entity = self._get(self.entities, entity_id, "entity")
        if "citations" in values:
            self._check_citations(values["citations"])
        old = self._update(entity, Entity, values, "entities_changed")
        if {"type", "label"} & values.keys():
            self.graph.nodes[entity_id].update(type=entity.type, label=entity.label)
        return old

    def move_entities(self, positions: dict[str, tuple[float, float]]) -> dict[str, tuple[float, float]]:
        """Move many cards at once (one event); returns their old positions."""
        old: dict[str, tuple[float, float]] = {}
        for eid in positions:
            ent = self._get(self.entities, eid, "entity")
            old[eid] = (ent.x, ent.y)
        for eid, (x, y) in positions.items():
            ent = self.entities[eid]
            ent.x, ent.y = float(x), float(y)
        self._emit("entities_moved", positions.keys(), ("x", "y"))
        return old

    def remove_entities(self, entity_ids: Iterable[str]) -> Removal:
        """Remove entities, the links attached to them and their group memberships."""
        ids = list(dict.fromkeys(entity_ids))
        for eid in ids:
            self._get(self.entities, eid, "entity")
        doomed = set(ids)
        removal = Removal()
        link_keys = {k for k, link in self.links.items() if link.source in doomed or link.target in doomed}
        removal.links = [(i, link) for i, (k, link) in enumerate(self.links.items()) if k in link_keys]
        removal.entities = [(i, ent) for i, (k, ent) in enumerate(self.entities.items()) if k in doomed]
        for gid, group in self.groups.items():
            removal.memberships += [(gid, i, m) for i, m in enumerate(group.members) if m in doomed]
        with self.batch():
            if link_keys:
                self.remove_links(link_keys)
            for gid in dict.fromkeys(g for g, _, _ in removal.memberships):
                self.groups[gid].members = [m for m in self.groups[gid].members if m not in doomed]
                self._emit("groups_changed", (gid,), ("members",))
            for eid in ids:
                del self.entities[eid]
            self.graph.remove_nodes_from(ids)
            self._emit("entities_removed", ids)
        return removal

    def restore(self, removal: Removal) -> None:
        """Put back exactly what :meth:`remove_entities` took, in its old order."""
        with self.batch():
            for index, ent in removal.entities:
                self.entities = _insert_at(self.entities, index, ent.id, ent)
                self.graph.add_node(ent.id, type=ent.type, label=ent.label)
            self._emit("entities_added", [e.id for _, e in removal.entities])
            for gid, index, eid in removal.memberships:
                self.groups[gid].members.insert(index, eid)
                self._emit("groups_changed", (gid,), ("members",))
            if removal.links:
                self.insert_links([link for _, link in removal.links], [i for i, _ in removal.links])

    # ------------------------------------------------------------------ links
    def add_link(self, source: str, target: str, type: str = "associated_with", **values: Any) -> Link:
        link = Link(source=source, target=target, type=_text(type, "type"), **values)
        self.insert_links([link])
        return link

    def insert_links(self, links: list[Link], indexes: list[int] | None = None) -> None:
        """Add fully built links, optionally at given positions in case order (undo)."""
        for link in links:
            if link.id in self.links:
                raise CaseError(f"link {link.id} is already in the case")
            for end in (link.source, link.target):
                if end not in self.entities:
                    raise CaseError(f"a link's end {end} is not an entity of this case")
            self._check_link_values(vars(link))
            self._check_citations(link.citations)
        for pos, link in enumerate(links):
            if indexes is None:
                self.links[link.id] = link
            else:
                self.links = _insert_at(self.links, indexes[pos], link.id, link)
            self._add_edge(link)
        self._emit("links_added", [link.id for link in links])

    def remove_links(self, link_ids: Iterable[str]) -> list[tuple[int, Link]]:
        """Remove links; returns (index, link) pairs for :meth:`insert_links`."""
        ids = set(link_ids)
        for lid in ids:
            self._get(self.links, lid, "link")
        removed = [(i, link) for i, (k, link) in enumerate(self.links.items()) if k in ids]
        for _, link in removed:
            del self.links[link.id]
            self.graph.remove_edge(link.source, link.target, key=link.id)
        self._emit("links_removed", [link.id for _, link in removed])
        return removed

    def update_link(self, link_id: str, **values: Any) -> dict[str, Any]:
        """Set fields, including re-pointing ``source``/``target``; returns the old values."""
        link = self._get(self.links, link_id, "link")
        for end in ("source", "target"):
            if end in values and values[end] not in self.entities:
                raise CaseError(f"a link's {end} must be an entity of this case")
        self._check_link_values(values)
        if "citations" in values:
            self._check_citations(values["citations"])
        self.graph.remove_edge(link.source, link.target, key=link.id)
        try:
            old = self._update(link, Link, values, "links_changed")
        finally:
            self._add_edge(link)
        return old

    def _add_edge(self, link: Link) -> None:
        self.graph.add_edge(link.source, link.target, key=link.id, type=link.type, strength=link.strength, direction=link.direction)

    # -------------------------------------------------------------- citations
    def add_citation(self, item_id: str, citation: Citation, index: int | None = None) -> Citation:
        """Attach a citation to an entity or link; it must match its article's text."""
        item = self.item(item_id)
        self._check_citations([citation])
        if not self.verify_citation(citation):
            raise CaseError("the quote does not match the article's text at the given offsets")
        if any(c.id == citation.id for c in item.citations):
            raise CaseError("that citation is already on the item")
        cites = list(item.citations)
        cites.insert(len(cites) if index is None else index, citation)
        self._set_citations(item, cites)
        return citation

    def remove_citation(self, item_id: str, citation_id: str) -> tuple[int, Citation]:
        item = self.item(item_id)
        for index, cit in enumerate(item.citations):
            if cit.id == citation_id:
                self._set_citations(item, item.citations[:index] + item.citations[index + 1 :])
                return index, cit
        raise CaseError(f"no citation {citation_id} on that item")

    def _set_citations(self, item: Entity | Link, cites: list[Citation]) -> None:
        item.citations = cites
        self._emit("entities_changed" if isinstance(item, Entity) else "links_changed", (item.id,), ("citations",))

    # ----------------------------------------------------------------- groups
    def add_group(self, label: str, members: Iterable[str] = (), **values: Any) -> Group:
        group = Group(label=_text(label, "label"), members=list(members), **values)
        self.insert_group(group)
        return group

    def insert_group(self, group: Group, index: int | None = None) -> None:
        if group.id in self.groups:
            raise CaseError(f"group {group.id} is already in the case")
        for m in group.members:
            self._get(self.entities, m, "entity")
        self.groups = _insert_at(self.groups, len(self.groups) if index is None else index, group.id, group)
        self._emit("groups_added", (group.id,))

    def remove_group(self, group_id: str) -> tuple[int, Group]:
        group = self._get(self.groups, group_id, "group")
        index = list(self.groups).index(group_id)
        del self.groups[group_id]
        self._emit("groups_removed", (group_id,))
        return index, group

    def update_group(self, group_id: str, **values: Any) -> dict[str, Any]:
        group = self._get(self.groups, group_id, "group")
        for m in values.get("members", ()):
            self._get(self.entities, m, "entity")
        return self._update(group, Group, values, "groups_changed")

    # ----------------------------------------------------------------- drafts
    def apply_draft(self, draft: Draft) -> AppliedDraft:
        """Add an import draft in one go; returns what :meth:`unapply_draft` and redo need.

        Articles the case already holds (same sha256) are not added twice: citations
        are pointed at the existing article. Clashing ids get fresh ones. Everything
        is checked before anything is added, so a bad draft changes nothing.
        """
        taken = set(self.entities) | set(self.links) | set(self.articles) | set(self.groups)
        taken |= {c.id for _, c in self.iter_citations()}
        applied = settle_draft(draft, taken, {a.sha256: a.id for a in self.articles.values()})
        d = applied.draft
        known = set(self.articles) | {a.id for a in d.articles}
        for item in [*d.entities, *d.links]:
            for c in item.citations:
                if c.article_id not in known:
                    raise CaseError(f"an imported citation refers to an unknown article {c.article_id}")
        ends = set(self.entities) | {e.id for e in d.entities}
        for link in d.links:
            if link.source not in ends or link.target not in ends:
                raise CaseError("an imported link joins an entity that is neither in the case nor in the import")
            self._check_link_values(vars(link))
        for group in d.groups:
            if any(m not in ends for m in group.members):
                raise CaseError("an imported group lists an unknown member")
        with self.batch():
            for t in d.entity_types:
                if t.id not in self.vocabulary.entity_types and t.id not in self.vocabulary.custom_entity_types:
                    self.vocabulary.custom_entity_types[t.id] = t
                    applied.added_entity_types.append(t.id)
            for t in d.link_types:
                if t.id not in self.vocabulary.link_types and t.id not in self.vocabulary.custom_link_types:
                    self.vocabulary.custom_link_types[t.id] = t
                    applied.added_link_types.append(t.id)
            if applied.added_entity_types or applied.added_link_types:
                self._emit("case_changed", (), ("vocabulary",))
            for art in d.articles:
                self.insert_article(art)
            if d.entities:
                self.insert_entities(d.entities)
            if d.links:
                self.insert_links(d.links)
            for group in d.groups:
                self.insert_group(group)
        return applied

    def unapply_draft(self, applied: AppliedDraft) -> None:
        """Take out exactly what :meth:`apply_draft` added."""
        d = applied.draft
        with self.batch():
            for group in d.groups:
                self.remove_group(group.id)
            if d.links:
                self.remove_links([k.id for k in d.links])
            if d.entities:
                self.remove_entities([e.id for e in d.entities])
            for art in reversed(d.articles):
                self.remove_article(art.id)
            for tid in applied.added_entity_types:
                self.vocabulary.custom_entity_types.pop(tid, None)
            for tid in applied.added_link_types:
                self.vocabulary.custom_link_types.pop(tid, None)
            if applied.added_entity_types or applied.added_link_types:
                self._emit("case_changed", (), ("vocabulary",))

    # ---------------------------------------------------------------- helpers
    @staticmethod
    def _get(mapping: dict[str, Any], key: str, what: str) -> Any:
        try:
            return mapping[key]
        except (KeyError, TypeError):
            raise CaseError(f"no {what} with id {key}") from None

    def _update(self, obj: Any, cls: type, values: dict[str, Any], kind: str) -> dict[str, Any]:
        allowed = editable_fields(cls)
        bad = set(values) - allowed
        if bad:
            raise CaseError(f"cannot set {', '.join(sorted(bad))} on {cls.__name__.lower()}")
        for k in ("x", "y"):
            if k in values and (isinstance(values[k], bool) or not isinstance(values[k], (int, float))):
                raise CaseError(f"{k} must be a number")
        old = {k: copy_value(getattr(obj, k)) for k in values}
        for k, v in values.items():
            setattr(obj, k, float(v) if k in ("x", "y") else copy_value(v))
        self._emit(kind, (obj.id,), values)
        return old

    @staticmethod
    def _check_link_values(values: dict[str, Any]) -> None:
        checks = (
            ("direction", DIRECTIONS),
            ("strength", STRENGTHS),
            ("reliability", RELIABILITY_CODES),
            ("credibility", CREDIBILITY_CODES),
        )
        for name, allowed in checks:
            if name in values and values[name] not in allowed:
                raise CaseError(f"{name} must be one of {', '.join(a or '(none)' for a in allowed)}")

    def _check_citations(self, citations: Iterable[Citation]) -> None:
        for c in citations:
            if not isinstance(c, Citation):
                raise CaseError("citations must be Citation objects")
            if c.article_id not in self.articles:
                raise CaseError(f"a citation refers to article {c.article_id}, which is not in the case")


def _text(value: Any, name: str) -> str:
    if not isinstance(value, str):
        raise CaseError(f"{name} must be text")
    return value


__all__ = ["Case", "CaseError", "Removal", "new_id"]
