"""What every layout shares: card sizes, progress and cancel, the problem as numpy arrays.

Positions are card centres in scene units (pixels at 100 % zoom) with y growing
downwards, as in a Qt scene: "above" means a smaller y.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

import numpy as np

from linkchart.model import Case
from linkchart.model.progress import Cancelled, ProgressCallback  # one Cancelled for every layer

DEFAULT_SIZE = (180.0, 60.0)
# Clear space kept between two cards' boxes; overlap checks count it as part of the card.
MARGIN = 12.0

Positions = dict[str, tuple[float, float]]
Sizes = dict[str, tuple[float, float]]


class Progress:
    """Maps a stage's own 0..1 onto a slice of the whole job and raises Cancelled on request."""

    def __init__(self, callback: ProgressCallback | None, start: float = 0.0, end: float = 1.0) -> None:
        self.callback = callback
        self.start = start
        self.end = end

    def __call__(self, fraction: float) -> None:
        if self.callback is None:
            return
        f = self.start + (self.end - self.start) * min(1.0, max(0.0, fraction))
        if self.callback(f) is False:
            raise Cancelled("layout cancelled")

    def sub(self, a: float, b: float) -> Progress:
        """The part of this stage from fraction a to b, as a stage of its own."""
        span = self.end - self.start
        return Progress(self.callback, self.start + span * a, self.start + span * b)


def as_progress(progress: ProgressCallback | Progress | None) -> Progress:
    return progress if isinstance(progress, Progress) else Progress(progress)


@dataclass
class Problem:
    """One layout request as arrays: the cards to place, their links, sizes, pins and the fixed rest.

    Row i of every array belongs to ``ids[i]``. ``edges`` are undirected, one row per
    linked pair (i < j), with ``weights`` counting the links between the pair (the
    layered layout puts its directed arcs, upper card first, there instead).
    ``obstacle_*`` are cards outside the request: they stay put and must not be covered.
    """

    ids: list[str]
    edges: np.ndarray
    weights: np.ndarray
    sizes: np.ndarray
    pinned: np.ndarray
    current: np.ndarray
    obstacle_pos: np.ndarray
    obstacle_sizes: np.ndarray

    @property
    def n(self) -> int:
        return len(self.ids)

    def result(self, xy: np.ndarray) -> Positions:
        """Positions for the requested cards, pinned ones exactly where they were."""
        xy = np.where(self.pinned[:, None], self.current, xy)
        return {eid: (float(x), float(y)) for eid, (x, y) in zip(self.ids, xy.tolist(), strict=True)}


def size_array(ids: list[str], sizes: Sizes | None) -> np.ndarray:
    """(n, 2) widths and heights, DEFAULT_SIZE where not given."""
    out = np.empty((len(ids), 2))
    out[:] = DEFAULT_SIZE
    if sizes:
        for i, eid in enumerate(ids):
            if eid in sizes:
                out[i] = sizes[eid]
    return out


def prepare(
    case: Case,
    ids: Iterable[str] | None = None,
    sizes: Sizes | None = None,
    link_types: Iterable[str] | None = None,
) -> Problem:
    """Read what a layout needs from the case (never changing it).

    ``link_types`` limits which links pull cards together (all when None).
    """
    wanted = list(case.entities) if ids is None else [i for i in dict.fromkeys(ids) if i in case.entities]
    index = {eid: i for i, eid in enumerate(wanted)}
    types = None if link_types is None else set(link_types)
    pairs: dict[tuple[int, int], int] = {}
    for link in case.links.values():
        if types is not None and link.type not in types:
            continue
        a, b = index.get(link.source), index.get(link.target)
        if a is None or b is None or a == b:
            continue
        key = (a, b) if a < b else (b, a)
        pairs[key] = pairs.get(key, 0) + 1
    edges = np.array(list(pairs), dtype=np.int64).reshape(-1, 2)
    weights = np.array(list(pairs.values()), dtype=float)
    ents = [case.entities[e] for e in wanted]
    others = [e for e in case.entities.values() if e.id not in index] if ids is not None else []
    return Problem(
        ids=wanted,
        edges=edges,
        weights=weights,
        sizes=size_array(wanted, sizes),
        pinned=np.array([e.pinned for e in ents], dtype=bool),
        current=np.array([(e.x, e.y) for e in ents], dtype=float).reshape(-1, 2),
        obstacle_pos=np.array([(e.x, e.y) for e in others], dtype=float).reshape(-1, 2),
        obstacle_sizes=size_array([e.id for e in others], sizes),
    )


def adjacency(n: int, edges: np.ndarray) -> list[list[int]]:
    """Neighbour lists from undirected edge rows."""
    adj: list[list[int]] = [[] for _ in range(n)]
    for a, b in edges.tolist():
        adj[a].append(b)
        adj[b].append(a)
    return adj


def components(n: int, edges: np.ndarray) -> list[list[int]]:
    """Connected components as index lists, largest first (ties by first index)."""
    parent = np.arange(n)
    # Pointer jumping over min-labels: vectorised union-find, a handful of rounds even for long chains.
    if len(edges):
        a, b = edges[:, 0], edges[:, 1]
        while True:
            pa, pb = parent[a], parent[b]
            low = np.minimum(pa, pb)
            before = parent.copy()
            np.minimum.at(parent, pa, low)
            np.minimum.at(parent, pb, low)
            while True:
                jumped = parent[parent]
                if np.array_equal(jumped, parent):
                    break
                parent = jumped
            if np.array_equal(before, parent):
                break
    order = np.argsort(parent, kind="stable")
    labels = parent[order]
    cuts = np.flatnonzero(np.diff(labels)) + 1
    groups = [g.tolist() for g in np.split(order, cuts)] if n else []
    groups.sort(key=lambda g: (-len(g), g[0]))
    return groups


def pack_blocks(extents: list[tuple[float, float]], gap: float, aspect: float = 1.5) -> list[tuple[float, float]]:
    """Top-left corners for boxes of the given (width, height), packed in shelves, biggest first.

    Rows are filled up to a width chosen so the whole reads roughly ``aspect`` wide to tall.
    """
    if not extents:
        return []
    area = sum((w + gap) * (h + gap) for w, h in extents)
    row_width = max(max(w for w, _ in extents), (area * aspect) ** 0.5)
    order = sorted(range(len(extents)), key=lambda i: (-extents[i][1], -extents[i][0], i))
    corners: list[tuple[float, float]] = [(0.0, 0.0)] * len(extents)
    x = y = shelf = 0.0
    for i in order:
        w, h = extents[i]
        if x > 0 and x + w > row_width:
            x, y, shelf = 0.0, y + shelf + gap, 0.0
        corners[i] = (x, y)
        x += w + gap
        shelf = max(shelf, h)
    return corners


def grid_block(sizes: np.ndarray, gap: float = MARGIN * 2, aspect: float = 1.5) -> np.ndarray:
    """Centres for cards in rows of equal cells, filled left to right: a tidy block."""
    n = len(sizes)
    if n == 0:
        return np.zeros((0, 2))
    cell_w = float(sizes[:, 0].max()) + gap
    cell_h = float(sizes[:, 1].max()) + gap
    cols = max(1, int(round((n * aspect * cell_h / cell_w) ** 0.5)))
    i = np.arange(n)
    return np.column_stack(((i % cols) * cell_w + cell_w / 2, (i // cols) * cell_h + cell_h / 2))


def place_near(xy: np.ndarray, problem: Problem) -> np.ndarray:
    """Shift a fresh layout so it sits where the requested cards were (their old centre).

    A whole-chart layout with nothing pinned is centred on the origin instead,
    which keeps repeated layouts of one chart stable.
    """
    if len(xy) == 0:
        return xy
    centre = xy.mean(axis=0)
    if len(problem.obstacle_pos) == 0:
        return xy - centre
    return xy - centre + problem.current.mean(axis=0)


def fit_to_pins(xy: np.ndarray, problem: Problem) -> np.ndarray:
    """Move (and, with two or more pins, uniformly scale) a layout so its pinned cards land on their pins.

    Rotation is left out on purpose: analysts read "up" in a chart, and a
    hierarchy must not be tipped over to match two pins.
    """
    pins = problem.pinned
    if not pins.any():
        return place_near(xy, problem)
    src, dst = xy[pins], problem.current[pins]
    sc, dc = src.mean(axis=0), dst.mean(axis=0)
    scale = 1.0
    if pins.sum() >= 2:
        spread = float(((src - sc) ** 2).sum())
        if spread > 1e-9:
            scale = float(((src - sc) * (dst - dc)).sum()) / spread
            scale = min(4.0, max(0.25, scale))
    out = (xy - sc) * scale + dc
    out[pins] = problem.current[pins]
    return out
