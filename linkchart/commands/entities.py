"""Commands over entities and whole selections: add, insert (paste), update, move, remove."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

from linkchart.commands.base import ADD_ENTITIES_ID, MOVE_ID, CaseCommand, UpdateFieldsCommand, plural
from linkchart.model import Article, Case, Entity, EntityType, Link, LinkType, Removal


class InsertItemsCommand(CaseCommand):
    """Insert ready-made articles, custom types, entities and links (paste, duplicate, drop).

    Redo after undo re-inserts the very same objects, so ids and any later
    edits to them line up with the commands above this one on the stack.
    """

    def __init__(
        self,
        case: Case,
        entities: Iterable[Entity] = (),
        links: Iterable[Link] = (),
        articles: Iterable[Article] = (),
        types: Iterable[EntityType | LinkType] = (),
        text: str = "",
    ) -> None:
        self.entities = list(entities)
        self.links = list(links)
        self.articles = [a for a in articles if a.id not in case.articles]
        self.types = [t for t in types if not _knows_type(case, t)]
        super().__init__(case, text or f"Paste {plural(len(self.entities), 'card')}")

    def do(self) -> None:
        with self.case.batch():
            for t in self.types:
                if isinstance(t, EntityType):
                    self.case.add_entity_type(t)
                else:
                    self.case.add_link_type(t)
            for art in self.articles:
                self.case.insert_article(art)
            if self.entities:
                self.case.insert_entities(self.entities)
            if self.links:
                self.case.insert_links(self.links)

    def undo_(self) -> None:
        with self.case.batch():
            if self.links:
                self.case.remove_links(link.id for link in self.links)
            if self.entities:
                self.case.remove_entities(e.id for e in self.entities)
            for art in reversed(self.articles):
                self.case.remove_article(art.id)
            for t in reversed(self.types):
                self.case.remove_custom_type(t.id)


class AddEntitiesCommand(InsertItemsCommand):
    """Add new cards. A following "name the new card" edit merges into this step."""

    def __init__(self, case: Case, entities: Iterable[Entity], text: str = "") -> None:
        entities = list(entities)
        if not text:
            first = entities[0] if entities else None
            name = case.vocabulary.entity_type(first.type).name.lower() if first else "card"
            text = f"Add {name}" if len(entities) == 1 else f"Add {plural(len(entities), 'card')}"
        super().__init__(case, entities=entities, text=text)

    def id(self) -> int:
        return ADD_ENTITIES_ID

    def mergeWith(self, other: Any) -> bool:
        # The entity objects are shared, so the rename already lives in them: undoing
        # this command removes the renamed card, redoing it brings it back renamed.
        if isinstance(other, UpdateEntitiesCommand) and other.names_new_card:
            ids = {e.id for e in self.entities}
            if set(other.changes) <= ids and all(set(v) == {"label"} for v in other.changes.values()):
                label = next(iter(other.changes.values()))["label"]
                self.setText(f"{self.text()} '{label}'")
                return True
        return False


class UpdateEntitiesCommand(UpdateFieldsCommand):
    """Set fields on one or many entities as one step: ``{entity_id: {field: value}}``.

    With ``names_new_card`` the edit merges into the "add card" step just pushed.
    """

    noun = "card"

    def __init__(self, case: Case, changes: Mapping[str, Mapping[str, Any]], text: str = "", names_new_card: bool = False) -> None:
        self.names_new_card = names_new_card
        super().__init__(case, changes, text)

    def records(self) -> Mapping[str, Any]:
        return self.case.entities

    def apply(self, item_id: str, values: dict[str, Any]) -> dict[str, Any]:
        return self.case.update_entity(item_id, **values)

    def id(self) -> int:
        return ADD_ENTITIES_ID if self.names_new_card else -1


class MoveEntitiesCommand(CaseCommand):
    """Move cards to ``{entity_id: (x, y)}`` (their centres) as one step.

    Commands sharing a non-empty ``gesture`` token merge, so a mouse drag that
    pushes one move per mouse event becomes one undo step; if the cards end
    where they started the step marks itself obsolete and the stack drops it.
    Layouts push it without a gesture (``text="Layout"``).
    """

    def __init__(self, case: Case, positions: Mapping[str, tuple[float, float]], gesture: str = "", text: str = "") -> None:
        self.positions = {eid: (float(x), float(y)) for eid, (x, y) in positions.items()}
        self.old: dict[str, tuple[float, float]] | None = None
        self.gesture = gesture
        super().__init__(case, text or f"Move {plural(len(self.positions), 'card')}")

    def id(self) -> int:
        return MOVE_ID

    def do(self) -> None:
        old = self.case.move_entities(self.positions)
        if self.old is None:
            self.old = old

    def undo_(self) -> None:
        self.case.move_entities(self.old or {})

    def mergeWith(self, other: Any) -> bool:
        if not (isinstance(other, MoveEntitiesCommand) and self.gesture and other.gesture == self.gesture):
            return False
        self.old = {**(other.old or {}), **(self.old or {})}
        self.positions.update(other.positions)
        self.setObsolete(self.positions == self.old)
        return True


def SetPositionsCommand(case: Case, positions: Mapping[str, tuple[float, float]], text: str = "Layout") -> MoveEntitiesCommand:  # noqa: N802
    """One step that places many cards at once, for layouts: ``{entity_id: (x, y)}``."""
    return MoveEntitiesCommand(case, positions, text=text)


class RemoveItemsCommand(CaseCommand):
    """Delete entities and links as one step; links attached to deleted cards go too and come back on undo."""

    def __init__(self, case: Case, entity_ids: Iterable[str] = (), link_ids: Iterable[str] = (), text: str = "") -> None:
        self.entity_ids = [eid for eid in dict.fromkeys(entity_ids) if eid in case.entities]
        doomed = set(self.entity_ids)
        # Links attached to a deleted card are taken by remove_entities; remove only the others here.
        self.link_ids = [
            lid for lid in dict.fromkeys(link_ids)
            if lid in case.links and case.links[lid].source not in doomed and case.links[lid].target not in doomed
        ]
        self.removed_links: list[tuple[int, Link]] = []
        self.removal: Removal | None = None
        if not text:
            parts = [plural(len(self.entity_ids), "card")] if self.entity_ids else []
            parts += [plural(len(self.link_ids), "link")] if self.link_ids else []
            text = "Delete " + " and ".join(parts or ["nothing"])
        super().__init__(case, text)

    def do(self) -> None:
        with self.case.batch():
            self.removed_links = self.case.remove_links(self.link_ids) if self.link_ids else []
            self.removal = self.case.remove_entities(self.entity_ids) if self.entity_ids else None

    def undo_(self) -> None:
        with self.case.batch():
            if self.removal is not None:
                self.case.restore(self.removal)
            if self.removed_links:
                self.case.insert_links([link for _, link in self.removed_links], [i for i, _ in self.removed_links])


def _knows_type(case: Case, t: EntityType | LinkType) -> bool:
    voc = case.vocabulary
    if isinstance(t, EntityType):
        return t.id in voc.entity_types or t.id in voc.custom_entity_types
    return t.id in voc.link_types or t.id in voc.custom_link_types
