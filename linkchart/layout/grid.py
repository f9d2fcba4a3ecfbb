"""Grid layout: cards in rows of equal cells, sorted by type and label (or any key)."""

from __future__ import annotations

from collections.abc import Callable, Iterable

import numpy as np

from linkchart.layout.common import Positions, ProgressCallback, Sizes, as_progress, grid_block, prepare
from linkchart.layout.overlap import settle
from linkchart.model import Case, Entity


def grid_layout(
    case: Case,
    ids: Iterable[str] | None = None,
    *,
    sizes: Sizes | None = None,
    key: Callable[[Entity], object] | None = None,
    progress: ProgressCallback | None = None,
) -> Positions:
    """Cards in rows of equal cells, sorted by ``key`` (default: type, then label)."""
    problem = prepare(case, ids, sizes)
    sort_key = key or (lambda e: (e.type, e.label.casefold()))
    order = sorted(range(problem.n), key=lambda i: sort_key(case.entities[problem.ids[i]]))
    xy = np.zeros((problem.n, 2))
    if problem.n:
        xy[order] = grid_block(problem.sizes[order])
    return settle(xy, problem, as_progress(progress))
