"""Commands over links: add (optionally with a new link type) and update fields."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from linkchart.commands.base import CaseCommand, UpdateFieldsCommand
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


class UpdateLinksCommand(UpdateFieldsCommand):
    """Set fields on one or many links as one step: ``{link_id: {field: value}}``.

    Re-pointing an end (``source``/``target``) is a field change like any other.
    """

    noun = "link"

    def records(self) -> Mapping[str, Any]:
        return self.case.links

    def apply(self, item_id: str, values: dict[str, Any]) -> dict[str, Any]:
        return self.case.update_link(item_id, **values)
