"""The base of every undo command, and a safe way to push one.

A command is thin: it calls one or a few :class:`~linkchart.model.Case` methods
and keeps what they return for its inverse. ``push`` runs the first ``redo``
itself so a :class:`~linkchart.model.CaseError` reaches the caller (Qt would
swallow an exception raised inside ``QUndoStack.push``) and nothing half-done
lands on the stack.
"""

from __future__ import annotations

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


def push(stack: QUndoStack, command: CaseCommand) -> CaseCommand:
    """Apply *command* and put it on *stack*; a CaseError propagates and leaves both untouched."""
    command.do()
    command._already_done = True
    stack.push(command)
    return command


def plural(count: int, one: str, many: str | None = None) -> str:
    """ "1 card", "3 cards": the wording of a command's text in the undo history."""
    return f"{count} {one if count == 1 else (many or one + 's')}"
