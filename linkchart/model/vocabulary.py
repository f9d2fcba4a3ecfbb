"""Entity and link types, and the grading scales: data from resources/, extensible per case."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from linkchart.resources import load_json_resource


@dataclass(frozen=True)
class EntityType:
    id: str
    name: str
    icon: str = "other.svg"
    colour: str = "#808890"
    anx_type: str = "General"


@dataclass(frozen=True)
class LinkType:
    id: str
    label: str
    inverse: str = ""
    directed: bool = True

    def wording(self, reverse: bool = False) -> str:
        """The label read from source to target, or the inverse read the other way."""
        return (self.inverse or self.label) if reverse else self.label


def type_id_for(name: str) -> str:
    """A stable id for a user-typed type name: "Plotted against" -> "plotted_against"."""
    slug = re.sub(r"[^0-9a-z]+", "_", name.strip().lower()).strip("_")
    return slug or "other"


@dataclass
class Vocabulary:
    """The defaults shipped in resources/ plus whatever this case adds.

    Only the case's additions are saved with the case; the defaults come from
    the installation so that older cases pick up new default types.
    """

    entity_types: dict[str, EntityType] = field(default_factory=dict)
    link_types: dict[str, LinkType] = field(default_factory=dict)
    custom_entity_types: dict[str, EntityType] = field(default_factory=dict)
    custom_link_types: dict[str, LinkType] = field(default_factory=dict)

    @classmethod
    def default(cls) -> Vocabulary:
        ent = load_json_resource("vocabulary", "entity_types.json")["entity_types"]
        lnk = load_json_resource("vocabulary", "link_types.json")["link_types"]
        return cls(
            entity_types={e["id"]: EntityType(**e) for e in ent},
            link_types={t["id"]: LinkType(**t) for t in lnk},
        )

    def entity_type(self, type_id: str) -> EntityType:
        """The type, or a neutral stand-in for an unknown id (never raises: files vary)."""
        found = self.custom_entity_types.get(type_id) or self.entity_types.get(type_id)
        return found or EntityType(id=type_id, name=type_id.replace("_", " ").capitalize())

    def link_type(self, type_id: str) -> LinkType:
        found = self.custom_link_types.get(type_id) or self.link_types.get(type_id)
        return found or LinkType(id=type_id, label=type_id.replace("_", " "))

    def all_entity_types(self) -> list[EntityType]:
        return [*self.entity_types.values(), *(t for k, t in self.custom_entity_types.items() if k not in self.entity_types)]

    def all_link_types(self) -> list[LinkType]:
        return [*self.link_types.values(), *(t for k, t in self.custom_link_types.items() if k not in self.link_types)]

    def find_link_type(self, text: str) -> LinkType | None:
        """Match typed text against ids, labels and inverse wording, case-insensitively."""
        wanted = text.strip().lower()
        for t in self.all_link_types():
            if wanted in (t.id, t.label.lower()):
                return t
        return None

    def find_entity_type(self, text: str) -> EntityType | None:
        wanted = text.strip().lower()
        for t in self.all_entity_types():
            if wanted in (t.id, t.name.lower()):
                return t
        return None




def grading_scales() -> dict[str, list[dict[str, str]]]:
    """Source reliability A-F, information credibility 1-6 and link strengths, from resources/."""
    return load_json_resource("vocabulary", "grading.json")
