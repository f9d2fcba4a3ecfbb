"""Placing many link items at once: straight ones together through numpy (see link_geometry), arcs and loops one by one.

The scene places every link when a chart opens, and those of moved cards on
each move; then the layers that paint the links copy the new geometry.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

import numpy as np

from linkchart.render.link_geometry import StraightPlacement, place_straight

if TYPE_CHECKING:
    from linkchart.render.card_item import CardItem
    from linkchart.render.link_item import LinkItem

_HEADS = {"forward": (True, False), "both": (True, True), "none": (False, False)}


def place_links(items: Sequence[LinkItem], moved_only: bool = False) -> None:
    """Re-place *items* from their end cards: straight ones together with numpy, arcs and loops one by one.

    Then each layer the items belong to copies their new geometry (and, unless only
    cards *moved*, their selection, visibility and strength).
    """
    straight, curves = [], []
    for item in items:
        if item.is_straight():
            straight.append(item)
        else:
            item._place_curve()
            curves.append(item)
    for layer, members in _by_layer(curves).items():
        layer.refresh_many([curves[k] for k in members], states=not moved_only)
    if not straight:
        return
    placed, labelled = _place_straight_links(straight)
    label = np.where(labelled[:, None], placed.label, np.nan)
    for layer, members in _by_layer(straight).items():
        rows = np.array(members, dtype=np.intp)
        geometry = (placed.line[rows], placed.box[rows], placed.tips[rows], label[rows])
        layer.refresh_many([straight[k] for k in members], states=not moved_only, geometry=geometry)


def shift_links(items: Sequence[LinkItem], dx: float, dy: float) -> None:
    """Move whole links by (dx, dy) (both cards of each moved that much), and their layers' copies with them."""
    for item in items:
        item.shift(dx, dy)
    for layer, members in _by_layer(list(items)).items():
        layer.shift(np.fromiter((items[k].layer_index for k in members), dtype=np.intp, count=len(members)), dx, dy)


def _by_layer(items: list[LinkItem]) -> dict[object, list[int]]:
    """Positions in *items* grouped by the layer that paints the item (a chart has one)."""
    groups: dict[object, list[int]] = {}
    for k, item in enumerate(items):
        if item.layer is not None:
            groups.setdefault(item.layer, []).append(k)
    return groups


def _place_straight_links(items: list[LinkItem]) -> tuple[StraightPlacement, np.ndarray]:
    """Place straight links with numpy and hand each its geometry; return it, and which have a label."""
    n = len(items)
    ends, heads, sizes = [], [], []
    no_label = (0.0, 0.0, 0.0)
    cards: dict[CardItem, tuple[float, float, float, float]] = {}  # most cards end several links
    for item in items:
        a, b = item.source_card, item.target_card
        row_a = cards.get(a)
        if row_a is None:
            row_a = cards[a] = (a.x(), a.y(), a.half_width, a.half_height)
        row_b = cards.get(b)
        if row_b is None:
            row_b = cards[b] = (b.x(), b.y(), b.half_width, b.half_height)
        ends.append(row_a + row_b)
        heads.append(_HEADS[item.direction])
        sizes.append((item._texts[False][2], item._texts[True][2], item._text_height) if item._has_label() else no_label)
    size = np.array(sizes, dtype=float)
    placed = place_straight(np.array(ends, dtype=float), np.array(heads, dtype=bool).reshape(n, 2), size)
    # Rows as tuples: items keep them as they are (lists would be mutable and shared).
    columns = zip(
        map(tuple, placed.line.tolist()),
        map(tuple, placed.tips.tolist()),
        placed.arrows.reshape(n, 16).tolist(),
        map(tuple, placed.label.tolist()),
        placed.angle.tolist(),
        placed.reversed.tolist(),
        placed.room.tolist(),
        placed.corners.reshape(n, 8).tolist(),
        map(tuple, placed.box.tolist()),
        map(tuple, placed.label_box.tolist()),
        strict=True,
    )
    for item, row in zip(items, columns, strict=True):
        item._place_straight(*row)
    return placed, size[:, 0] > 0
