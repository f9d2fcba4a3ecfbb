"""``suggest(text)``: candidate entities and links for one article, as plain data.

Nothing here changes a case. The analyst picks from the result and
:func:`~linkchart.ingest.suggest.accept.accept` turns the picks into a Draft.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any

from linkchart.ingest.suggest.data import gazetteer
from linkchart.ingest.suggest.entities import KnownEntities, SuggestedEntity, build_entities
from linkchart.ingest.suggest.links import SuggestedLink, find_links
from linkchart.ingest.suggest.names import name_type
from linkchart.ingest.trie import name_key
from linkchart.model import Case

Known = Case | KnownEntities | Mapping[str, Iterable[str]] | Iterable[tuple] | None


@dataclass
class Suggestions:
    """What one text suggests: entities (with mention spans) and links (with quotes).

    Offsets index into ``text`` exactly; every link's ``quote == text[start:end]``.
    """

    text: str
    entities: list[SuggestedEntity] = field(default_factory=list)
    links: list[SuggestedLink] = field(default_factory=list)
    sentences: list[tuple[int, int]] = field(default_factory=list)

    def entity(self, key: str) -> SuggestedEntity:
        for ent in self.entities:
            if ent.key == key:
                return ent
        raise KeyError(key)

    def sentence_at(self, offset: int) -> tuple[int, int]:
        """The sentence holding *offset* (a mention's start), for quoting it."""
        for s, e in self.sentences:
            if s <= offset < e:
                return s, e
        return offset, offset

    def to_json(self) -> dict[str, Any]:
        """The shape ``linkchart suggest --json`` prints: names, types, spans and quotes."""
        names = {e.key: e.name for e in self.entities}
        return {
            "entities": [
                {
                    "name": e.name,
                    "type": e.type,
                    "mentions": [[s, t] for s, t in e.mentions],
                    **({"entity_id": e.entity_id} if e.entity_id else {}),
                }
                for e in self.entities
            ],
            "links": [
                {
                    "source": names[k.source],
                    "type": k.type,
                    "target": names[k.target],
                    "start": k.start,
                    "end": k.end,
                    "quote": k.quote,
                }
                for k in self.links
            ],
        }


def suggest(text: str, known: Known = None) -> Suggestions:
    """Suggest entities and links for *text*, offline, from rules and gazetteers.

    *known* is the case's entities (a Case, a prebuilt :class:`KnownEntities`,
    ``{entity id: names}`` or ``[(entity id, names[, type])]``); names of known
    entities come back with ``entity_id`` set.
    """
    known_entities = _known(known)
    entities, mentions, sentences = build_entities(text, known_entities)
    types = {e.key: e.type for e in entities}
    links = find_links(text, sentences, mentions, types, _stand_ins(entities))
    return Suggestions(text, entities, links, sentences)


def guess_type(name: str, suggestions: Suggestions | None = None) -> str:
    """The entity type for a name an analyst picked out of a text (say, dragged onto the chart).

    The article's suggestions decide first (they saw the context: "spokesman X"),
    then the gazetteer, then the name's own cue words ("... Ministry", a given name,
    an acronym); "other" when nothing tells.
    """
    wanted = name_key(" ".join(name.split()), fold_case=True)
    if suggestions is not None:
        for ent in suggestions.entities:
            if wanted in {name_key(n, fold_case=True) for n in (ent.name, *ent.aliases)}:
                return ent.type
    entry = gazetteer().lookup(" ".join(name.split()))
    if entry is not None:
        return entry.type
    return name_type(name)


def _known(known: Known) -> KnownEntities | None:
    if known is None:
        return None
    if isinstance(known, KnownEntities):
        return known
    if isinstance(known, Case):
        return KnownEntities.from_case(known)
    return KnownEntities.from_names(known)


def _stand_ins(entities: list[SuggestedEntity]) -> dict[str, str]:
    """Capital key -> its country's key ("" if the text never names it), for capitals that act ("Tehran-backed")."""
    gaz = gazetteer()
    by_name = {e.name: e.key for e in entities}
    out = {}
    for e in entities:
        entry = gaz.lookup(e.name) if e.type == "location" else None
        if entry is not None and entry.capital_of:
            out[e.key] = by_name.get(entry.capital_of, "")
    return out
