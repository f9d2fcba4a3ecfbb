"""The calls the analysis panels make into ``linkchart.analysis``, in the shapes the panels draw.

Kept in one place so each panel stays about widgets, and so a change in the
pure functions' signatures is met here once.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

import networkx as nx

from linkchart.analysis.centrality import MEASURES, Centrality, centrality
from linkchart.model import Case

__all__ = ["MEASURES", "WEIGHTS", "Centrality", "measure"]

WEIGHTS = {"": "Unweighted", "strength": "By strength", "grading": "By grading"}
COUNTS = ("degree", "in_degree", "out_degree")  # shown as link counts, which analysts read at a glance


def measure(case: Case, name: str, directed: bool, weight: str, progress: Callable[[float], bool] | None = None) -> Centrality:
    """Centrality *name* (a key of MEASURES) of every entity; degrees as plain counts."""
    return centrality(case, name, directed=directed, weight=weight or None, normalized=name not in COUNTS, progress=progress)


def communities(case: Case, weight: str = "") -> list[list[str]]:
    """Groups of densely linked entities, largest first."""
    graph = _simple(case, False, weight)
    found = nx.community.louvain_communities(graph, weight="weight" if weight else None, seed=0)
    return sorted((sorted(c, key=list(case.entities).index) for c in found), key=lambda c: -len(c))


def components(case: Case) -> list[list[str]]:
    """Connected components (ignoring direction), largest first."""
    graph = _simple(case, False, "")
    order = {eid: i for i, eid in enumerate(case.entities)}
    comps = [sorted(c, key=order.__getitem__) for c in nx.connected_components(graph)]
    return sorted(comps, key=lambda c: (-len(c), order[c[0]]))


_STRENGTH_WEIGHT = {"confirmed": 1.0, "probable": 0.6, "possible": 0.3}


def _simple(case: Case, directed: bool, weight: str) -> nx.Graph:
    graph = nx.DiGraph() if directed else nx.Graph()
    graph.add_nodes_from(case.entities)
    for link in case.links.values():
        if link.source == link.target:
            continue
        w = _STRENGTH_WEIGHT.get(link.strength, 1.0) if weight else 1.0
        pairs = [(link.source, link.target)]
        if directed and link.direction != "forward":
            pairs.append((link.target, link.source))
        for a, b in pairs:
            old = graph.get_edge_data(a, b, {}).get("weight", 0.0)
            graph.add_edge(a, b, weight=old + w, distance=1.0 / (old + w))
    return graph


@dataclass(frozen=True)
class Step:
    """One hop of a path: from entity, over link, to entity (in the order walked)."""

    from_id: str
    link_id: str
    to_id: str


STRENGTH_ORDER = ("possible", "probable", "confirmed")


def find_paths(case: Case, source: str, target: str, *, mode: str = "shortest", max_hops: int = 4, directed: bool = False,
               link_types: set[str] | None = None, min_strength: str = "possible", limit: int = 50) -> list[list[Step]]:
    """Shortest paths, or all simple paths up to *max_hops*, between two cards, through allowed links only."""
    floor = STRENGTH_ORDER.index(min_strength)
    graph = nx.DiGraph() if directed else nx.Graph()
    graph.add_nodes_from(case.entities)
    best: dict[tuple[str, str], str] = {}
    for link in case.links.values():
        if link_types is not None and link.type not in link_types:
            continue
        if STRENGTH_ORDER.index(link.strength) < floor:
            continue
        ends = [(link.source, link.target)]
        if directed and link.direction != "forward":
            ends.append((link.target, link.source))
        for a, b in ends:
            key = (a, b) if directed else tuple(sorted((a, b)))
            old = best.get(key)
            if old is None or STRENGTH_ORDER.index(case.links[old].strength) < STRENGTH_ORDER.index(link.strength):
                best[key] = link.id
            graph.add_edge(a, b)
    try:
        if mode == "shortest":
            walks = nx.all_shortest_paths(graph, source, target)
        else:
            walks = nx.all_simple_paths(graph, source, target, cutoff=max_hops)
        out = []
        for walk in walks:
            if len(walk) - 1 > max_hops:
                break
            steps = []
            for a, b in zip(walk, walk[1:], strict=False):
                key = (a, b) if directed else tuple(sorted((a, b)))
                steps.append(Step(a, best[key], b))
            out.append(steps)
            if len(out) >= limit:
                break
    except nx.NetworkXNoPath:
        return []
    return sorted(out, key=len)


def neighbourhood(case: Case, ids: list[str], hops: int) -> set[str]:
    """Entities within *hops* links of any of *ids*, ignoring direction."""
    graph = _simple(case, False, "")
    found = set(ids)
    frontier = set(ids)
    for _ in range(hops):
        frontier = {n for f in frontier for n in graph.neighbors(f)} - found
        found |= frontier
    return found


@dataclass(frozen=True)
class Hit:
    """One search match: ``kind`` is "entity", "link" or "article"; ``where`` names the field matched."""

    kind: str
    item_id: str
    title: str
    where: str
    snippet: str
    start: int = -1  # offset in the article's text, for article hits
    end: int = -1


def search(case: Case, text: str, limit: int = 500) -> list[Hit]:
    """Entities, links and article text matching *text* (case-insensitive), best fields first."""
    needle = text.strip().casefold()
    if not needle:
        return []
    hits: list[Hit] = []
    for ent in case.entities.values():
        fields = [("label", ent.label), *[("alias", a) for a in ent.aliases], ("subtitle", ent.subtitle), ("notes", ent.notes)]
        fields += [(f"attribute {k}", f"{k}: {v}") for k, v in ent.attributes.items()]
        fields += [("quote", c.quote) for c in ent.citations]
        for where, value in fields:
            if needle in str(value).casefold():
                hits.append(Hit("entity", ent.id, ent.label, where, str(value)))
                break
    for link in case.links.values():
        label = f"{case.entities[link.source].label} {case.link_label(link)} {case.entities[link.target].label}"
        fields = [("label", case.link_label(link)), ("notes", link.notes), *[("quote", c.quote) for c in link.citations]]
        fields += [(f"attribute {k}", f"{k}: {v}") for k, v in link.attributes.items()]
        for where, value in fields:
            if needle in str(value).casefold():
                hits.append(Hit("link", link.id, label, where, str(value)))
                break
    for art in case.articles.values():
        folded = art.text.casefold()
        pos = folded.find(needle)
        if needle in art.title.casefold():
            hits.append(Hit("article", art.id, art.title, "title", art.title))
        while pos >= 0 and len(hits) < limit:
            a, b = max(0, pos - 40), min(len(art.text), pos + len(needle) + 40)
            snippet = ("\u2026" if a else "") + art.text[a:b].replace("\n", " ") + ("\u2026" if b < len(art.text) else "")
            hits.append(Hit("article", art.id, art.title or "Untitled article", "text", snippet, pos, pos + len(needle)))
            pos = folded.find(needle, pos + len(needle))
    return hits[:limit]


@dataclass
class FilterSpec:
    """What the search panel's filters ask for; empty fields do not filter."""

    entity_types: set[str] | None = None
    link_types: set[str] | None = None
    strengths: set[str] | None = None
    min_reliability: str = ""
    min_credibility: str = ""
    date_from: object = None
    date_to: object = None
    article_id: str = ""
    unsourced_only: bool = False
    item_ids: set[str] | None = None  # "search results only"

    @property
    def empty(self) -> bool:
        return self == FilterSpec()


def apply_filter(case: Case, spec: FilterSpec) -> tuple[set[str], set[str]]:
    """(entity ids, link ids) that pass *spec*."""
    from linkchart.model import try_parse_date

    def dated_ok(text: str) -> bool:
        span = try_parse_date(text)
        return span is None or span.overlaps(spec.date_from, spec.date_to)

    def graded_ok(item) -> bool:
        rel, cred = getattr(item, "reliability", ""), getattr(item, "credibility", "")
        if spec.min_reliability and not (rel and rel <= spec.min_reliability):
            return False
        return not (spec.min_credibility and not (cred and cred <= spec.min_credibility))

    def cites(item) -> bool:
        return any(c.article_id == spec.article_id for c in item.citations)

    links = set()
    for lid, link in case.links.items():
        if spec.link_types is not None and link.type not in spec.link_types:
            continue
        if spec.strengths is not None and link.strength not in spec.strengths:
            continue
        if not graded_ok(link) or not dated_ok(link.date):
            continue
        if spec.article_id and not cites(link):
            continue
        if spec.unsourced_only and link.citations:
            continue
        if spec.item_ids is not None and lid not in spec.item_ids:
            continue
        links.add(lid)
    link_filtering = spec.link_types is not None or spec.strengths is not None or spec.min_reliability or spec.min_credibility
    touched = {e for lid in links for e in (case.links[lid].source, case.links[lid].target)}
    entities = set()
    for eid, ent in case.entities.items():
        if spec.entity_types is not None and ent.type not in spec.entity_types:
            continue
        if not dated_ok(ent.date):
            continue
        if link_filtering and eid not in touched:
            continue
        if spec.article_id and not cites(ent) and eid not in touched:
            continue
        if spec.unsourced_only and ent.citations and eid not in touched:
            continue
        if spec.item_ids is not None and eid not in spec.item_ids and eid not in touched:
            continue
        entities.add(eid)
    return entities, links


@dataclass(frozen=True)
class DuplicatePair:
    """Two cards that may be one: ``score`` 0..1, ``reasons`` in words."""

    a: str
    b: str
    score: float
    reasons: tuple[str, ...]


def find_duplicates(case: Case, threshold: float = 0.75) -> list[DuplicatePair]:
    """Pairs of cards whose names look alike, best first."""
    from difflib import SequenceMatcher

    def names(eid: str) -> list[str]:
        return [n.casefold().strip() for n in case.entities[eid].names if n.strip()]

    ids = list(case.entities)
    out = []
    for i, a in enumerate(ids):
        for b in ids[i + 1:]:
            best, why = 0.0, ""
            for x in names(a):
                for y in names(b):
                    r = 1.0 if x == y else SequenceMatcher(None, x, y).ratio()
                    if r > best:
                        best, why = r, f"\u201c{x}\u201d ~ \u201c{y}\u201d"
            if case.entities[a].type == case.entities[b].type:
                best = min(1.0, best + 0.05)
                reasons = (why, "same type")
            else:
                reasons = (why,)
            if best >= threshold:
                out.append(DuplicatePair(a, b, round(best, 3), reasons))
    return sorted(out, key=lambda p: -p.score)


@dataclass
class MergePlan:
    keep_id: str
    other_ids: list[str]
    values: dict
    relinks: dict
    remove_link_ids: list[str]


def plan_merge(case: Case, keep_id: str, other_ids: list[str]) -> MergePlan:
    """Keep one card: union names, attributes and citations; re-point the others' links to it."""
    keep = case.entities[keep_id]
    others = [case.entities[o] for o in other_ids]
    aliases = list(dict.fromkeys([*keep.aliases, *(n for o in others for n in o.names)]))
    aliases = [a for a in aliases if a != keep.label]
    attributes = {}
    for o in reversed(others):
        attributes.update(o.attributes)
    attributes.update(keep.attributes)
    seen = {(c.article_id, c.start, c.end) for c in keep.citations}
    citations = list(keep.citations)
    for o in others:
        for c in o.citations:
            if (c.article_id, c.start, c.end) not in seen:
                seen.add((c.article_id, c.start, c.end))
                citations.append(c)
    notes = "\n\n".join(n for n in [keep.notes, *(o.notes for o in others)] if n)
    values = {"aliases": aliases, "attributes": attributes, "citations": citations, "notes": notes}
    gone = set(other_ids)
    relinks: dict[str, dict[str, str]] = {}
    for lid, link in case.links.items():
        ends = {}
        if link.source in gone:
            ends["source"] = keep_id
        if link.target in gone:
            ends["target"] = keep_id
        new_source, new_target = ends.get("source", link.source), ends.get("target", link.target)
        if ends and new_source != new_target:
            relinks[lid] = ends
    return MergePlan(keep_id, list(other_ids), values, relinks, [])
