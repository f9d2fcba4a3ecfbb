"""Whether a panel can be seen, for panels that put off work nobody would see."""

from __future__ import annotations

from PySide6.QtWidgets import QWidget


def on_screen(widget: QWidget) -> bool:
    """True if *widget* is shown and not out of sight in a dock that is a tab behind another.

    Qt keeps such a dock "visible" and only moves it outside the window, so
    ``isVisible()`` alone is not enough; its visible region is empty then. The
    dock's ``visibilityChanged(True)`` says when it comes back into sight.
    """
    return widget.isVisible() and not widget.visibleRegion().isEmpty()
