"""Feature installers the main window runs at the end of its set-up, in this order.

A feature lives in its own package ``linkchart/ui/<feature>/`` and exposes
``install(window)``, which adds its docks (``window.add_dock``), actions (its own
``ActionSpec`` list added to ``window.actions``) and menu entries, and re-binds
on ``window.document_changed``. To switch a feature on, add its ``install`` here.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import QMainWindow

from linkchart.ui import analysis, export, reader

FEATURES: list[Callable[[QMainWindow], object]] = [export.install, analysis.install, reader.install]


def install_features(window: QMainWindow) -> None:
    for install in FEATURES:
        install(window)
