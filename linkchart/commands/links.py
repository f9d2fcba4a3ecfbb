"""Commands over links: add (optionally with a new link type) and update fields."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from linkchart.commands.base import CaseCommand, plural
from linkchart.model import Case, Link, LinkType


class AddLinkCommand(CaseCommand):
    """Add one link; with ``new_type`` the case vocabulary gains that link type in the same step."""

    def __init__(self, case: Case, link: Link, new_type: LinkType | None = None, text: str = "") -> None:
        self.link = link
        voc = case.vocabulary
        known = new_type is not None and (new_type.id in voc.link_types or new_type.id in voc.custom_link_types)
        self.new_type = None if known else new_type
        wording = new_type.label if new_type is not None else case.vocabulary.link_type(link.type).label
        super().__init__(case, text or f"Link '{wording}'")

    def do(self) -> None:
        with self.case.batch():
            if self.new_type is not None:
                self.case.add_link_type(self.new_type)
            self.case.insert_links([self.link])

    def undo_(self) -> None:
        with self.case.batch():
            self.case.remove_links([self.link.id])
            if self.new_type is not None:
                self.case.remove_custom_type(self.new_type.id)


class UpdateLinksCommand(CaseCommand):
    """Set fields on one or many links as one step: ``{link_id: {field: value}}``.

    Re-pointing an end (``source``/``target``) is a field change like any other.
    """

    def __init__(self, case: Case, changes: Mapping[str, Mapping[str, Any]], text: str = "") -> None:
        self.changes = {lid: dict(values) for lid, values in changes.items()}
        self.old: dict[str, dict[str, Any]] = {}
        if not text:
            fields = sorted({f for v in self.changes.values() for f in v})
            text = f"Edit link {', '.join(fields)}" if len(self.changes) == 1 else f"Edit {plural(len(self.changes), 'link')}"
        super().__init__(case, text)
        self.setObsolete(
            all(all(getattr(case.links[lid], k, object()) == v for k, v in values.items())
                for lid, values in self.changes.items() if lid in case.links)
        )

    def do(self) -> None:
        with self.case.batch():
            self.old = {lid: self.case.update_link(lid, **values) for lid, values in self.changes.items()}

    def undo_(self) -> None:
        with self.case.batch():
            for lid, values in reversed(self.old.items()):
                self.case.update_link(lid, **values)
