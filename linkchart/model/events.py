"""A minimal synchronous signal and the change event the Case emits."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Generic, TypeVar

T = TypeVar("T")


@dataclass(frozen=True)
class ChangeEvent:
    """One batched change: *kind* such as ``entities_added``, the ids touched, the fields changed.

    Kinds: ``entities_added``, ``entities_removed``, ``entities_changed``, ``entities_moved``,
    ``links_added``, ``links_removed``, ``links_changed``, ``articles_added``,
    ``articles_removed``, ``articles_changed``, ``groups_added``, ``groups_removed``,
    ``groups_changed``, ``case_changed`` (metadata or vocabulary) and ``reset``.
    """

    kind: str
    ids: tuple[str, ...] = ()
    fields: frozenset[str] = field(default_factory=frozenset)


class Signal(Generic[T]):
    """Call every connected slot with one argument, in connection order.

    Kept deliberately small: no threads, no weak references. Widgets that
    subscribe must disconnect when they go away (``disconnect`` is idempotent).
    """

    def __init__(self) -> None:
        self._slots: list[Callable[[T], object]] = []

    def connect(self, slot: Callable[[T], object]) -> None:
        if slot not in self._slots:
            self._slots.append(slot)

    def disconnect(self, slot: Callable[[T], object]) -> None:
        try:
            self._slots.remove(slot)
        except ValueError:
            pass

    def emit(self, value: T) -> None:
        for slot in list(self._slots):
            slot(value)

    def __len__(self) -> int:
        return len(self._slots)
