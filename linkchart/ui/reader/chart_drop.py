"""Drops the chart view does not handle itself: quotes from the reader, and article files.

Installed as an event filter on the chart view's viewport (and, for files, on
the window), so the canvas needs no knowledge of the reader. Events it does not
recognise pass through untouched.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QDropEvent

from linkchart.ui.reader.quote import QUOTE_MIME, QuotePayload

CASE_SUFFIX = ".lcase"


def article_files(mime) -> list[str]:
    """Local files in a drop that are not case files (those the window opens itself)."""
    if not mime.hasUrls():
        return []
    paths = [u.toLocalFile() for u in mime.urls() if u.isLocalFile()]
    if not paths or any(Path(p).suffix.lower() == CASE_SUFFIX for p in paths):
        return []
    return paths


class QuoteDropFilter(QObject):
    """Accept ``application/x-linkchart-quote`` on the chart; show which card or link would get it."""

    def __init__(self, view, on_quote: Callable[[QuotePayload | None, object], bool], on_files: Callable[[list[str]], object]) -> None:
        super().__init__(view)
        self.view = view
        self.on_quote = on_quote
        self.on_files = on_files
        self._hovered = None

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        kind = event.type()
        if kind in (QEvent.Type.DragEnter, QEvent.Type.DragMove):
            mime = event.mimeData()
            if mime.hasFormat(QUOTE_MIME):
                event.setDropAction(Qt.DropAction.CopyAction)
                event.accept()
                self._hover(self.view.item_at(event.position().toPoint()))
                return True
            if article_files(mime):
                event.setDropAction(Qt.DropAction.CopyAction)
                event.accept()
                return True
        elif kind == QEvent.Type.DragLeave:
            self._hover(None)
        elif kind == QEvent.Type.Drop:
            return self._drop(event)
        return False

    def _drop(self, event: QDropEvent) -> bool:
        mime = event.mimeData()
        self._hover(None)
        if mime.hasFormat(QUOTE_MIME):
            event.setDropAction(Qt.DropAction.CopyAction)
            event.accept()
            self.on_quote(QuotePayload.from_mime(mime), event.position().toPoint())
            return True
        files = article_files(mime)
        if files:
            event.setDropAction(Qt.DropAction.CopyAction)
            event.accept()
            self.on_files(files)
            return True
        return False

    def _hover(self, item) -> None:
        """Light up the card or link under a dragged quote, like a mouse hover does."""
        if item is self._hovered:
            return
        for target, on in ((self._hovered, False), (item, True)):
            if target is not None and hasattr(target, "hovered"):
                target.hovered = on
                target.update()
        self._hovered = item


class FileDropFilter(QObject):
    """On the main window: article files dropped anywhere outside the chart go to article import."""

    def __init__(self, window, on_files: Callable[[list[str]], object]) -> None:
        super().__init__(window)
        self.on_files = on_files

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        kind = event.type()
        if kind in (QEvent.Type.DragEnter, QEvent.Type.DragMove) and article_files(event.mimeData()):
            event.setDropAction(Qt.DropAction.CopyAction)
            event.accept()
            return True
        if kind == QEvent.Type.Drop:
            files = article_files(event.mimeData())
            if files:
                event.setDropAction(Qt.DropAction.CopyAction)
                event.accept()
                self.on_files(files)
                return True
        return False
