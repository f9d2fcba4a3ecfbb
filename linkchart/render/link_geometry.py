"""Where links go, for many links at once: line ends at the card edges, arrowheads, label placement.

Opening a chart of 10,000 cards places 20,000 links, and moving all cards
re-places them; computed one link at a time in Python that was most of
the time of both. Straight links (all but parallel arcs and loops) are
placed here with numpy in one pass; arcs and loops, a few per chart, keep
the per-link code in :mod:`link_item`.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

import numpy as np

ARROW_LENGTH = 11.0
ARROW_HALF_WIDTH = 4.8
GAP = 2.0  # between a card's edge and the arrow tip
HIT_MARGIN = 5.0  # half the width of the clickable band around a link


@dataclass
class StraightPlacement:
    """Geometry of n straight links, one row each, in scene coordinates.

    ``arrows`` holds up to two arrowheads as 4 points (x, y) each: the end one, then
    the start one, NaN where there is none. ``corners`` are the label box's four
    corners, NaN where the link has no label text.
    """

    line: np.ndarray  # (n, 4) drawn line start and end (short of the arrowheads)
    tips: np.ndarray  # (n, 4) end arrow tip, start arrow tip
    arrows: np.ndarray  # (n, 2, 4, 2)
    label: np.ndarray  # (n, 2) label centre
    angle: np.ndarray  # (n,) label angle in degrees, already turned to read left to right
    reversed: np.ndarray  # (n,) bool: the label was turned round
    room: np.ndarray  # (n,) distance between the two ends
    corners: np.ndarray  # (n, 4, 2)
    box: np.ndarray  # (n, 4) left, top, right, bottom of everything drawn plus the hit margin
    label_box: np.ndarray  # (n, 4) left, top, right, bottom of the label (NaN if none)


def place_straight(ends: np.ndarray, heads: np.ndarray, label_size: np.ndarray) -> StraightPlacement:
    """Place straight links between cards.

    *ends* rows are the two cards: x1, y1, half width 1, half height 1, x2, y2, half
    width 2, half height 2. *heads* rows are (arrow at the end, arrow at the start) as
    bools. *label_size* rows are the label width read forward, width turned round,
    and height; width 0 means no label.
    """
    x1, y1, w1, h1, x2, y2, w2, h2 = (ends[:, k] for k in range(8))
    start = _exit_points(x1, y1, w1, h1, x2, y2)
    end = _exit_points(x2, y2, w2, h2, x1, y1)
    mid = (start + end) / 2
    n = len(ends)
    arrows = np.full((n, 2, 4, 2), np.nan)
    tips = np.full((n, 4), np.nan)
    line_start, line_end = start.copy(), end.copy()
    for slot, (tip, away, drawn) in enumerate(((end, mid, line_end), (start, mid, line_start))):
        has = heads[:, slot]
        if not has.any():
            continue
        unit = _units(tip - away)
        tips[has, 2 * slot : 2 * slot + 2] = tip[has]
        arrows[has, slot] = _arrowheads(tip[has], unit[has])
        drawn[has] = tip[has] - unit[has] * (ARROW_LENGTH - 1)
    delta = end - start
    angle = np.degrees(np.arctan2(delta[:, 1], delta[:, 0]))
    turned = (angle > 90.5) | (angle < -89.5)
    angle = np.where(turned, angle + 180.0, angle)
    width = np.where(turned, label_size[:, 1], label_size[:, 0])
    corners = _label_corners(mid, angle, width, label_size[:, 2])
    points = np.concatenate([line_start[:, None, :], line_end[:, None, :], corners, arrows.reshape(n, 8, 2)], axis=1)
    with np.errstate(invalid="ignore"):
        low = np.nanmin(points, axis=1) - HIT_MARGIN
        high = np.nanmax(points, axis=1) + HIT_MARGIN
        label_low, label_high = corners.min(axis=1), corners.max(axis=1)
    return StraightPlacement(
        line=np.concatenate([line_start, line_end], axis=1),
        tips=tips,
        arrows=arrows,
        label=mid,
        angle=angle,
        reversed=turned,
        room=np.hypot(delta[:, 0], delta[:, 1]),
        corners=corners,
        box=np.concatenate([low, high], axis=1),
        label_box=np.concatenate([label_low, label_high], axis=1),
    )


def _exit_points(cx, cy, half_w, half_h, tx, ty) -> np.ndarray:
    """Where the line from each card's centre toward (tx, ty) leaves the card, plus the gap."""
    dx, dy = tx - cx, ty - cy
    adx, ady = np.abs(dx), np.abs(dy)
    with np.errstate(divide="ignore"):
        t = np.minimum(np.where(adx > 1e-9, (half_w + GAP) / adx, np.inf), np.where(ady > 1e-9, (half_h + GAP) / ady, np.inf))
    t = np.minimum(t, 1.0)
    t = np.where((adx < 1e-9) & (ady < 1e-9), 0.0, t)
    return np.stack([cx + dx * t, cy + dy * t], axis=1)


def _units(v: np.ndarray) -> np.ndarray:
    length = np.hypot(v[:, 0], v[:, 1])
    safe = length > 1e-9
    out = np.zeros_like(v)
    out[:, 0] = 1.0
    out[safe] = v[safe] / length[safe, None]
    return out


def _arrowheads(tip: np.ndarray, unit: np.ndarray) -> np.ndarray:
    """Slightly notched arrowheads: the point, one barb, the notch, the other barb."""
    base = tip - unit * ARROW_LENGTH
    normal = np.stack([-unit[:, 1], unit[:, 0]], axis=1) * ARROW_HALF_WIDTH
    return np.stack([tip, base + normal, base + unit * 1.5, base - normal], axis=1)


def _label_corners(centre: np.ndarray, angle: np.ndarray, width: np.ndarray, height: np.ndarray) -> np.ndarray:
    """The corners of each label box (width x height about its centre, turned by angle); NaN if no label."""
    rad = np.radians(angle)
    cos, sin = np.cos(rad), np.sin(rad)
    out = np.empty((len(centre), 4, 2))
    for k, (sx, sy) in enumerate(((-0.5, -0.5), (0.5, -0.5), (0.5, 0.5), (-0.5, 0.5))):
        px, py = sx * width, sy * height
        out[:, k, 0] = centre[:, 0] + px * cos - py * sin
        out[:, k, 1] = centre[:, 1] + px * sin + py * cos
    out[width <= 0] = math.nan
    return out
