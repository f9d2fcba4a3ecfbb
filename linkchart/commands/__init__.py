"""Undo commands over Case primitives (QtGui only: QUndoCommand lives there, no widgets).

Push them with :func:`push` so a refused change raises ``CaseError`` to the
caller instead of landing half-done on the stack.
"""

from linkchart.commands.base import CaseCommand, push
from linkchart.commands.entities import (
    AddEntitiesCommand,
    InsertItemsCommand,
    MoveEntitiesCommand,
    RemoveItemsCommand,
    SetPositionsCommand,
    UpdateEntitiesCommand,
)
from linkchart.commands.groups import MakeGroupCommand, RemoveGroupCommand, UpdateGroupCommand
from linkchart.commands.links import AddLinkCommand, UpdateLinksCommand
from linkchart.commands.sources import AddArticlesCommand, AddCitationCommand, RemoveArticlesCommand, RemoveCitationCommand
from linkchart.commands.structure import ApplyDraftCommand, MergeEntitiesCommand

__all__ = [
    "AddArticlesCommand",
    "AddCitationCommand",
    "AddEntitiesCommand",
    "AddLinkCommand",
    "ApplyDraftCommand",
    "CaseCommand",
    "InsertItemsCommand",
    "MakeGroupCommand",
    "MergeEntitiesCommand",
    "MoveEntitiesCommand",
    "RemoveArticlesCommand",
    "RemoveCitationCommand",
    "RemoveGroupCommand",
    "RemoveItemsCommand",
    "SetPositionsCommand",
    "UpdateEntitiesCommand",
    "UpdateGroupCommand",
    "UpdateLinksCommand",
    "push",
]
