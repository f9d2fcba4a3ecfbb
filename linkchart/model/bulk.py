"""Helpers for work that builds or drops a whole case's worth of objects at once."""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager


@contextmanager
def gc_paused() -> Iterator[None]:
    """Hold the cyclic garbage collector while a whole case is decoded, built, encoded or drawn.

    That work makes hundreds of thousands of containers (Python objects, and Qt
    item wrappers on a chart) and no garbage cycles, and each full collection
    walks the whole growing heap: at 10k entities the collector took half of the
    load time and 40% of building the chart. Nested use is fine; the outermost
    one resumes it.

    What was made stays young, so the next allocations pay one young pass over
    it (~0.2 s at 10k entities, instead of ~0.5 s of full passes during the
    load). Promoting it with gc.freeze() + unfreeze() avoids that pass but made
    the full test suite segfault in PySide6 while the next chart was built.
    """
    if not gc.isenabled():
        yield
        return
    gc.disable()
    try:
        yield
    finally:
        gc.enable()
