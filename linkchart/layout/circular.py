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

    ``radius`` is a minimum; otherwise the circle is about as small as the
    cards allow (found by bisection on the radius). The room two neighbours
    need depends on where they sit: wide cards side by side at the top need
    more than the same cards stacked at the sides, so each gap is sized where it
    is and the gaps are scaled to close the circle (all in numpy).
    """
    n = len(sizes)
    if n == 1:
        return np.array([[0.0, -radius]]) if radius else np.zeros((1, 2))
    nxt = np.roll(sizes, -1, axis=0)
    wide = (sizes[:, 0] + nxt[:, 0]) / 2 + MARGIN * 1.5
    tall = (sizes[:, 1] + nxt[:, 1]) / 2 + MARGIN * 1.5
    r = max(radius, float(np.minimum(wide, tall).sum()) / (2 * math.pi), 1.0)
    small, best = None, None  # a radius known too small; the smallest known to fit, with its angles
    for _ in range(60):
        theta = _fit(sizes, wide, tall, r, start)
        if theta is not None:
            best = r, theta
            if r <= radius or (small is not None and r / small < 1.01):
                break
            r = max(radius, (r + small) / 2 if small is not None else r * 0.8)
        else:
            small = r
            r = (r + best[0]) / 2 if best is not None else r * 1.5
    assert best is not None, "a big enough ring always fits"
    r, theta = best
    return np.column_stack((r * np.cos(theta), r * np.sin(theta)))


_ROUNDS = 40  # redistribution rounds per trial radius


def _fit(sizes: np.ndarray, wide: np.ndarray, tall: np.ndarray, r: float, start: float) -> np.ndarray | None:
    """Angles that fit the cards round a circle of radius r, or None if they do not fit."""
    full = 2 * math.pi
    n = len(sizes)
    theta = start + full * np.arange(n) / n
    for _ in range(_ROUNDS):
        need = _turns(theta, wide, tall, r)
        total = float(need.sum())
        if not np.isfinite(total) or total > full:
            return None
        gaps = need * (full / total)
        theta = start + np.concatenate([[0.0], np.cumsum(gaps)[:-1]])
        if (gaps >= _turns(theta, wide, tall, r) - 1e-12).all():
            # On a small circle cards across from each other can meet (left and right of the middle).
            return None if n <= 64 and _across(theta, sizes, r) else theta
    return None


def _across(theta: np.ndarray, sizes: np.ndarray, r: float) -> bool:
    """True if any two cards on the ring, neighbours or not, overlap (all pairs: small rings only)."""
    xy = np.column_stack((r * np.cos(theta), r * np.sin(theta)))
    reach = (sizes[:, None, :] + sizes[None, :, :]) / 2 + MARGIN - np.abs(xy[:, None, :] - xy[None, :, :])
    hit = (reach > 1e-6).all(axis=2)
    np.fill_diagonal(hit, False)
    return bool(hit.any())


def _turns(theta: np.ndarray, wide: np.ndarray, tall: np.ndarray, r: float) -> np.ndarray:
    """The turn each card needs before the next one, judged at the half-way angle of its current gap.

    Two boxes clear when their centres are ``wide`` apart across or ``tall``
    apart up and down; along a chord at angle ``mid`` that takes
    min(wide / |sin mid|, tall / |cos mid|), and a chord c spans 2 asin(c / 2r)
    (infinite when c > 2r: the circle is too small).
    """
    gap = np.diff(np.append(theta, theta[0] + 2 * math.pi))
    mid = theta + gap / 2
    with np.errstate(divide="ignore"):
        chord = np.minimum(wide / np.abs(np.sin(mid)), tall / np.abs(np.cos(mid)))
    return np.where(chord <= 2 * r, 2 * np.arcsin(np.minimum(1.0, chord / (2 * r))), np.inf)
