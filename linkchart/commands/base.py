"""The base of every undo command, and a safe way to push one.

A command is thin: it calls one or a few :class:`~linkchart.model.Case` methods
and keeps what they return for its inverse. ``push`` runs the first ``redo``
itself so a :class:`~linkchart.model.CaseError` reaches the caller (Qt would
swallow an exception raised inside ``QUndoStack.push``) and nothing half-done
lands on the stack.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from PySide6.QtGui import QUndoCommand, QUndoStack

from linkchart.model import Case

# Command ids for QUndoCommand.id(): equal ids may merge (see mergeWith).
MOVE_ID = 1001
ADD_ENTITIES_ID = 1002


class CaseCommand(QUndoCommand):
    """A command over one case. Subclasses implement ``do`` and ``undo_``; ``redo``/``undo`` call them.

    The split lets :func:`push` run ``do`` once before the stack's own first
    ``redo``, which is then skipped.
    """

    def __init__(self, case: Case, text: str) -> None:
        super().__init__(text)
        self.case = case
        self._already_done = False

    def do(self) -> None:
        raise NotImplementedError

    def undo_(self) -> None:
        raise NotImplementedError

    def redo(self) -> None:
        if self._already_done:
            self._already_done = False
            return
        self.do()

    def undo(self) -> None:
        self.undo_()


class UpdateFieldsCommand(CaseCommand):
    """Set fields on one or many records as one step: ``{id: {field: value}}``.

    Subclasses name the records (``noun``), how to find one (``records``) and the
    Case method that sets fields and returns the old values (``apply``). A command
    that would change nothing marks itself obsolete, so the stack drops it.
    """

    noun = "item"

    def __init__(self, case: Case, changes: Mapping[str, Mapping[str, Any]], text: str = "") -> None:
        self.changes = {item_id: dict(values) for item_id, values in changes.items()}
        self.old: dict[str, dict[str, Any]] = {}
        if not text:
            fields = sorted({f for v in self.changes.values() for f in v})
            text = f"Edit {', '.join(fields)}" if len(self.changes) == 1 else f"Edit {plural(len(self.changes), self.noun)}"
        super().__init__(case, text)
        records = self.records()
        self.setObsolete(all(
            all(getattr(records[item_id], k, object()) == v for k, v in values.items())
            for item_id, values in self.changes.items() if item_id in records
        ))

    def records(self) -> Mapping[str, Any]:
        raise NotImplementedError

    def apply(self, item_id: str, values: dict[str, Any]) -> dict[str, Any]:
        raise NotImplementedError

    def do(self) -> None:
        with self.case.batch():
            self.old = {item_id: self.apply(item_id, values) for item_id, values in self.changes.items()}

    def undo_(self) -> None:
        with self.case.batch():
            for item_id, values in reversed(self.old.items()):
                self.apply(item_id, values)


def push(stack: QUndoStack, command: CaseCommand) -> CaseCommand:
    """Apply *command* and put it on *stack*; a CaseError propagates and leaves both untouched."""
    command.do()
    command._already_done = True
    stack.push(command)
    return command


def plural(count: int, one: str, many: str | None = None) -> str:
    """ "1 card", "3 cards": the wording of a command's text in the undo history."""
    return f"{count} {one if count == 1 else (many or one + 's')}"
