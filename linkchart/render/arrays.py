"""Hand numpy arrays to QPainter's bulk calls without making one Qt object per row.

A QLineF is four doubles (x1, y1, x2, y2) and a QRectF four doubles (x, y, width,
height), so a contiguous (n, 4) float64 array already is an array of them; making
tens of thousands of Qt objects in Python would cost more than drawing them.
"""

from __future__ import annotations

import numpy as np
import shiboken6
from PySide6.QtCore import QLineF, QRectF
from PySide6.QtGui import QPainter


def draw_segments(painter: QPainter, segments: np.ndarray) -> None:
    """Draw (n, 4) rows of x1, y1, x2, y2 as lines in one call."""
    data = np.ascontiguousarray(segments, dtype=np.float64)
    painter.drawLines(shiboken6.wrapInstance(data.ctypes.data, QLineF), len(data))


def draw_rects(painter: QPainter, rects: np.ndarray) -> None:
    """Draw (n, 4) rows of x, y, width, height as rectangles in one call."""
    data = np.ascontiguousarray(rects, dtype=np.float64)
    painter.drawRects(shiboken6.wrapInstance(data.ctypes.data, QRectF), len(data))
