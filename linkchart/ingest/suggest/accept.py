"""Turn the suggestions an analyst picked into a Draft: entities and links, each citing the article.

The draft holds the article too; ``Case.apply_draft`` drops it again when the
case already has that text (same sha256) and points the citations at the copy
it has, so the draft applies the same way before or after the article is
imported. Entities the case already has (``entity_id`` set) are not created
again: links simply point at them.
"""

from __future__ import annotations

from collections.abc import Iterable

from linkchart.ingest.suggest.core import Suggestions
from linkchart.ingest.suggest.links import SuggestedLink
from linkchart.model import Article, Citation, Draft, Entity, ImportReport, Link


def accept(
    suggestions: Suggestions,
    article: Article,
    entities: Iterable[str] | None = None,
    links: Iterable[SuggestedLink | int] | None = None,
    strength: str = "confirmed",
) -> Draft:
    """A Draft of the chosen entities (by key) and links (objects or indexes into ``suggestions.links``).

    ``None`` takes everything. A chosen link brings its two ends along even if
    they were not chosen. Each new entity cites the sentence of its first
    mention; each link cites the sentence it came from. Links stating the same
    relation in several sentences become one link with several citations.
    *article* must hold the text the suggestions were made from.
    """
    if article.text != suggestions.text:
        raise ValueError("the suggestions were made from another text than this article's")
    chosen_links = _chosen_links(suggestions, links)
    keys = list(dict.fromkeys([*(e.key for e in suggestions.entities)] if entities is None else entities))
    for link in chosen_links:
        keys += [k for k in (link.source, link.target) if k not in keys]
    ids: dict[str, str] = {}
    draft = Draft(articles=[article], report=ImportReport(source=article.title or article.origin, format="suggestions"))
    for key in keys:
        suggested = suggestions.entity(key)
        if suggested.entity_id:
            ids[key] = suggested.entity_id
            continue
        s, e = suggestions.sentence_at(suggested.mentions[0][0])
        entity = Entity(
            label=suggested.name,
            type=suggested.type,
            aliases=[a for a in suggested.aliases if a.casefold() != suggested.name.casefold()],
            citations=[Citation(article.id, s, e, article.text[s:e])],
        )
        ids[key] = entity.id
        draft.entities.append(entity)
        draft.report.mapped.append(f"entity {suggested.name} ({suggested.type}, {suggested.count} mentions)")
    merged: dict[tuple[str, str, str], Link] = {}
    for link in chosen_links:
        cite = Citation(article.id, link.start, link.end, article.text[link.start : link.end])
        triple = (ids[link.source], link.type, ids[link.target])
        if triple in merged:
            if all(c.start != cite.start for c in merged[triple].citations):
                merged[triple].citations.append(cite)
            continue
        merged[triple] = Link(source=triple[0], target=triple[2], type=link.type, strength=strength, citations=[cite])
        names = f"{suggestions.entity(link.source).name} {link.type} {suggestions.entity(link.target).name}"
        draft.report.mapped.append(f"link {names}")
    draft.links.extend(merged.values())
    return draft


def _chosen_links(suggestions: Suggestions, links: Iterable[SuggestedLink | int] | None) -> list[SuggestedLink]:
    if links is None:
        return list(suggestions.links)
    return [suggestions.links[item] if isinstance(item, int) else item for item in links]
