"""The one error a user sees when a file cannot be read as an article."""

from __future__ import annotations


class IngestError(Exception):
    """A file could not be read as an article; ``str()`` names the file and the reason.

    ``name`` is the file's name (not its full path) and ``reason`` the plain-words
    cause, so a report can list them apart.
    """

    def __init__(self, name: str, reason: str) -> None:
        super().__init__(f"{name}: {reason}" if name else reason)
        self.name = name
        self.reason = reason
