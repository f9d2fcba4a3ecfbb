"""Progress and cancellation for long pure-Python work (layouts, analysis of big charts).

The caller passes ``progress(fraction) -> bool``; returning False asks the work
to stop, which it does by raising :class:`Cancelled` with nothing changed. One
exception class for every layer, so a worker thread catches one thing.
"""

from __future__ import annotations

from collections.abc import Callable

ProgressCallback = Callable[[float], "bool | None"]


class Cancelled(Exception):  # noqa: N818 - the user cancelled; it is not an error
    """The progress callback returned False: the work was abandoned, nothing changed."""


def report(progress: ProgressCallback | None, fraction: float) -> None:
    """Tell ``progress`` how far the work is (0..1); raise Cancelled if it answers False."""
    if progress is not None and progress(min(1.0, max(0.0, fraction))) is False:
        raise Cancelled("cancelled")
