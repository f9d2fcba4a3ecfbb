"""Circular layout: every card on one circle, linked cards near each other."""

from __future__ import annotations

import math
from collections.abc import Iterable

import numpy as np

from linkchart.layout.common import MARGIN, Positions, Problem, ProgressCallback, Sizes, adjacency, as_progress, prepare
from linkchart.layout.overlap import settle
from linkchart.model import Case


def circular_layout(
    case: Case,
    ids: Iterable[str] | None = None,
    *,
    sizes: Sizes | None = None,
    link_types: Iterable[str] | None = None,
    progress: ProgressCallback | None = None,
) -> Positions:
    """Cards round one circle, linked cards near each other (depth-first order from the busiest card).

    The circle is just big enough for the cards: wide cards need more room at
    the top and bottom than at the sides, and get it.
    """
    problem = prepare(case, ids, sizes, link_types)
    order = _walk_order(problem)
    xy = np.zeros((problem.n, 2))
    if problem.n:
        xy[order] = ring_positions(problem.sizes[order])
    return settle(xy, problem, as_progress(progress))


def _walk_order(problem: Problem) -> list[int]:
    """Depth-first order, each piece from its busiest card, busiest neighbours first."""
    adj = adjacency(problem.n, problem.edges)
    degree = [len(a) for a in adj]
    seen = [False] * problem.n
    order: list[int] = []
    for root in sorted(range(problem.n), key=lambda v: (-degree[v], v)):
        if seen[root]:
            continue
        stack = [root]
        while stack:
            v = stack.pop()
            if seen[v]:
                continue
            seen[v] = True
            order.append(v)
            stack.extend(sorted((w for w in adj[v] if not seen[w]), key=lambda w: (degree[w], -w)))
    return order


def ring_positions(sizes: np.ndarray, radius: float = 0.0, start: float = -math.pi / 2) -> np.ndarray:
    """Centres round a circle (clockwise from the top) with neighbours just clear of each other.

    ``radius`` is a minimum; the ring grows until the cards fit. The room two
    neighbours need depends on where they sit: wide cards side by side at the
    top need more than the same cards stacked at the sides.
    """
    n = len(sizes)
    if n == 1:
        return np.array([[0.0, -radius]]) if radius else np.zeros((1, 2))
    r = max(
        radius, float(sizes[:, 0].max()) * 0.75, sum(_along(0.0, sizes[i], sizes[(i + 1) % n]) for i in range(n)) / (2 * math.pi)
    )
    full = 2 * math.pi
    best = None
    # The turn needed shrinks about as 1/r, so r * total / 2pi homes in within a few rounds.
    for _ in range(40):
        angles = _angles(sizes, r, start, 0.0)
        total = angles[-1] - start
        if total <= full:
            best = r, total
            smaller = max(radius, r * max(0.9, total / full))
            if total > full * 0.995 or smaller >= r:
                break
            r = smaller
        else:
            r *= max(1.005, total / full)
    assert best is not None, "a ring always fits once its radius is large enough"
    r, total = best
    # Share out the slack (a ring held at its minimum radius may have lots) as extra turn per card.
    # Spreading it afterwards would move cards to where they need more room, so search for the share.
    lo, hi = 0.0, (full - total) / n
    for _ in range(30 if hi * n > full * 0.005 else 0):
        mid = (lo + hi) / 2
        lo, hi = (mid, hi) if _angles(sizes, r, start, mid)[-1] - start <= full else (lo, mid)
    theta = np.array(_angles(sizes, r, start, lo)[:-1])
    return np.column_stack((r * np.cos(theta), r * np.sin(theta)))


def _angles(sizes: np.ndarray, r: float, start: float, extra: float) -> list[float]:
    """Each card's angle going round, plus where the first card would come again (the closing turn)."""
    n = len(sizes)
    angles = [start]
    for i in range(n):
        angles.append(angles[-1] + _step(angles[-1], sizes[i], sizes[(i + 1) % n], r) + extra)
    return angles


def _step(theta: float, a: np.ndarray, b: np.ndarray, r: float) -> float:
    """The smallest turn from ``theta`` after which the next card clears this one.

    The chord to the next card runs along the tangent at the half-way angle, so
    the room needed depends on the turn itself: iterate, then bisect if needed.
    """
    step = _turn(_along(theta, a, b), r)
    for _ in range(4):
        step = _turn(_along(theta + step / 2, a, b), r)
    if 2 * r * math.sin(step / 2) >= _along(theta + step / 2, a, b) - 1e-9:
        return step
    lo, hi = step, math.pi
    for _ in range(40):
        mid = (lo + hi) / 2
        if 2 * r * math.sin(mid / 2) >= _along(theta + mid / 2, a, b):
            hi = mid
        else:
            lo = mid
    return hi


def _turn(chord: float, r: float) -> float:
    """The angle a chord of this length spans on a circle of radius r (pi when it cannot fit)."""
    return 2 * math.asin(chord / (2 * r)) if chord < 2 * r else math.pi


def _along(theta: float, a: np.ndarray, b: np.ndarray) -> float:
    """How far apart two boxes' centres must be along the circle's tangent at ``theta`` to clear."""
    tx, ty = abs(math.sin(theta)), abs(math.cos(theta))
    w = (a[0] + b[0]) / 2 + MARGIN * 1.5
    h = (a[1] + b[1]) / 2 + MARGIN * 1.5
    return min(w / tx if tx > 1e-9 else math.inf, h / ty if ty > 1e-9 else math.inf)
