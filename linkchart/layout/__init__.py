"""Chart layouts. Pure Python (numpy, networkx), no Qt.

Every layout reads a :class:`~linkchart.model.Case` and returns
``{entity_id: (x, y)}`` card centres (scene units, y down) for all cards or the
``ids`` given, never changing the case: the caller applies the result (the GUI
through one undo command, the CLI through ``Case.move_entities``). Pinned cards
keep their position; cards outside ``ids`` stay put and are not covered. No two
cards overlap in a result (their boxes keep :data:`MARGIN` clear between them),
given ``sizes`` per card (default :data:`DEFAULT_SIZE`). Long layouts take
``progress(fraction) -> bool``; returning False raises :class:`Cancelled`.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import Any

from linkchart.layout.circular import circular_layout
from linkchart.layout.common import DEFAULT_SIZE, MARGIN, Cancelled, Positions, ProgressCallback, Sizes
from linkchart.layout.force import force_layout
from linkchart.layout.grid import grid_layout
from linkchart.layout.grouped import grouped_layout
from linkchart.layout.hierarchical import TARGET_ABOVE, hierarchical_layout
from linkchart.layout.overlap import count_overlaps, remove_overlaps
from linkchart.layout.radial import radial_layout
from linkchart.model import Case

# The layouts by name, as menus and the command line offer them. Radial needs a centre card.
ALGORITHMS: dict[str, Callable[..., Positions]] = {
    "force": force_layout,
    "hierarchical": hierarchical_layout,
    "circular": circular_layout,
    "grid": grid_layout,
    "radial": radial_layout,
    "grouped": grouped_layout,
}


def layout_case(case: Case, algorithm: str, ids: Iterable[str] | None = None, **options: Any) -> Positions:
    """Run the layout named ``algorithm`` on ``ids`` (all cards when None) with its keyword options."""
    try:
        run = ALGORITHMS[algorithm]
    except KeyError:
        raise ValueError(f"unknown layout '{algorithm}' (choose from {', '.join(ALGORITHMS)})") from None
    return run(case, ids, **options)


__all__ = [
    "ALGORITHMS",
    "DEFAULT_SIZE",
    "MARGIN",
    "TARGET_ABOVE",
    "Cancelled",
    "Positions",
    "ProgressCallback",
    "Sizes",
    "circular_layout",
    "count_overlaps",
    "force_layout",
    "grid_layout",
    "grouped_layout",
    "hierarchical_layout",
    "layout_case",
    "radial_layout",
    "remove_overlaps",
]
