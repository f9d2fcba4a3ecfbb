"""The article's text, read-only: mentions highlighted by type, hover cards, click to select, drag quotes.

Qt counts positions in UTF-16 units and folds "\\r\\n" into one block break, while
citations index the article's Python string; :class:`OffsetMap` converts both
ways so a dragged quote is always ``article.text[start:end]``.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtCore import QEvent, QMimeData, QPoint, Qt, Signal
from PySide6.QtGui import QColor, QContextMenuEvent, QFont, QMouseEvent, QPalette, QTextCharFormat, QTextCursor
from PySide6.QtWidgets import QMenu, QPlainTextEdit, QTextEdit, QToolTip, QWidget

from linkchart.model import Article
from linkchart.ui.reader.quote import QuotePayload, make_payload

CLICK_SLOP = 4  # pixels a press may move and still count as a click on a highlight


@dataclass(frozen=True)
class Mention:
    """A known entity named at ``[start, end)`` of the article's text."""

    start: int
    end: int
    entity_id: str


class OffsetMap:
    """Python string index <-> QTextDocument position, for text with astral characters or CRLF."""

    def __init__(self, text: str) -> None:
        self._cumulative: list[int] | None = None
        if "\r\n" in text or any(ord(ch) > 0xFFFF for ch in text):
            units, total = [0], 0
            for i, ch in enumerate(text):
                if ch == "\r" and text[i + 1 : i + 2] == "\n":
                    pass  # Qt folds CRLF into one break, counted on the "\n"
                else:
                    total += 2 if ord(ch) > 0xFFFF else 1
                units.append(total)
            self._cumulative = units

    def to_qt(self, index: int) -> int:
        return index if self._cumulative is None else self._cumulative[max(0, min(index, len(self._cumulative) - 1))]

    def from_qt(self, position: int) -> int:
        if self._cumulative is None:
            return position
        return min(bisect_left(self._cumulative, position), len(self._cumulative) - 1)


def mix(a: QColor, b: QColor, amount: float) -> QColor:
    """*a* blended toward *b* by *amount* (0..1)."""
    return QColor(
        round(a.red() + (b.red() - a.red()) * amount),
        round(a.green() + (b.green() - a.green()) * amount),
        round(a.blue() + (b.blue() - a.blue()) * amount),
    )


def is_dark(palette: QPalette) -> bool:
    return palette.color(QPalette.ColorRole.Base).lightness() < 110


def mention_format(type_colour: str, palette: QPalette) -> QTextCharFormat:
    """A tint of the type's colour behind unchanged text, underlined in the full colour.

    The tint is mostly the base colour, so the palette's text colour stays readable
    on it in light and dark themes alike.
    """
    base = palette.color(QPalette.ColorRole.Base)
    colour = QColor(type_colour) if QColor(type_colour).isValid() else QColor("#808890")
    if is_dark(palette):
        colour = colour.lighter(125)
    fmt = QTextCharFormat()
    fmt.setBackground(mix(base, colour, 0.38 if is_dark(palette) else 0.24))
    fmt.setUnderlineStyle(QTextCharFormat.UnderlineStyle.SingleUnderline)
    fmt.setUnderlineColor(colour)
    return fmt


def quote_format(palette: QPalette) -> QTextCharFormat:
    """The shown citation: a warm marker colour, distinct from every type tint."""
    fmt = QTextCharFormat()
    base = palette.color(QPalette.ColorRole.Base)
    fmt.setBackground(mix(base, QColor("#f2b90c"), 0.5 if is_dark(palette) else 0.45))
    fmt.setForeground(palette.color(QPalette.ColorRole.Text))
    return fmt


class ArticleTextView(QPlainTextEdit):
    """One article's clean text. Emits ``entity_activated(entity_id)`` when a highlight is clicked."""

    entity_activated = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("articleText")
        self.setReadOnly(True)
        self.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse | Qt.TextInteractionFlag.TextSelectableByKeyboard)
        self.setLineWrapMode(QPlainTextEdit.LineWrapMode.WidgetWidth)
        self.document().setDocumentMargin(10)
        font = QFont(self.font())
        font.setPointSizeF(max(font.pointSizeF(), 10.5))
        self.setFont(font)
        self.setPlaceholderText("Pick an article in the list above, or import one (File \u203a Import Articles\u2026).")
        self.article: Article | None = None
        self.quote_mode_for: Callable[[], str] = lambda: "sentence"  # read at each drag: preferences may change
        self.tooltip_for: Callable[[str], str] = lambda entity_id: ""
        self.colour_for: Callable[[str], str] = lambda entity_id: "#808890"
        self.menu_extender: Callable[[QMenu], None] | None = None
        self._offsets = OffsetMap("")
        self._mentions: list[Mention] = []
        self._starts: list[int] = []
        self._shown_span: tuple[int, int] | None = None
        self._press_pos: QPoint | None = None

    # ------------------------------------------------------------ content
    def set_article(self, article: Article | None, mentions: list[Mention] = ()) -> None:
        """Show *article* (None clears the view) with its mentions highlighted."""
        self.article = article
        self._shown_span = None
        self._offsets = OffsetMap(article.text if article else "")
        self.setPlainText(article.text if article else "")
        self.set_mentions(mentions)

    def set_mentions(self, mentions: list[Mention]) -> None:
        self._mentions = sorted(mentions, key=lambda m: (m.start, m.end))
        self._starts = [m.start for m in self._mentions]
        self._apply_highlights()

    @property
    def mentions(self) -> list[Mention]:
        return list(self._mentions)

    def show_span(self, start: int, end: int) -> None:
        """Highlight ``article.text[start:end]``, select it and scroll it to the middle of the view."""
        self._shown_span = (start, end)
        self._apply_highlights()
        cursor = self._cursor_for(start, end)
        self.setTextCursor(cursor)
        self.centerCursor()

    @property
    def shown_span(self) -> tuple[int, int] | None:
        return self._shown_span

    def _cursor_for(self, start: int, end: int) -> QTextCursor:
        cursor = QTextCursor(self.document())
        cursor.setPosition(self._offsets.to_qt(start))
        cursor.setPosition(self._offsets.to_qt(end), QTextCursor.MoveMode.KeepAnchor)
        return cursor

    def _apply_highlights(self) -> None:
        palette = self.palette()
        formats: dict[str, QTextCharFormat] = {}
        selections = []
        for m in self._mentions:
            colour = self.colour_for(m.entity_id)
            if colour not in formats:
                formats[colour] = mention_format(colour, palette)
            sel = QTextEdit.ExtraSelection()
            sel.cursor = self._cursor_for(m.start, m.end)
            sel.format = formats[colour]
            selections.append(sel)
        if self._shown_span is not None:
            sel = QTextEdit.ExtraSelection()
            sel.cursor = self._cursor_for(*self._shown_span)
            sel.format = quote_format(palette)
            selections.append(sel)
        self.setExtraSelections(selections)

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() == QEvent.Type.PaletteChange:
            self._apply_highlights()

    # ------------------------------------------------------------ reading positions
    def selected_span(self) -> tuple[int, int] | None:
        """The selection as article offsets, or None when nothing is selected."""
        cursor = self.textCursor()
        if self.article is None or not cursor.hasSelection():
            return None
        return self._offsets.from_qt(cursor.selectionStart()), self._offsets.from_qt(cursor.selectionEnd())

    def select_span(self, start: int, end: int) -> None:
        """Select ``article.text[start:end]`` as a user's mouse would."""
        self.setTextCursor(self._cursor_for(start, end))

    def selection_payload(self) -> QuotePayload | None:
        span = self.selected_span()
        if span is None or self.article is None:
            return None
        return make_payload(self.article, span[0], span[1], self.quote_mode_for())

    def index_at(self, pos: QPoint) -> int:
        """The article offset of the character under a viewport position."""
        return self._offsets.from_qt(self.cursorForPosition(pos).position())

    def mention_at(self, pos: QPoint) -> Mention | None:
        """The highlight under a viewport position, if the pointer is really over its text."""
        if not self._mentions:
            return None
        index = self.index_at(pos)
        # cursorForPosition rounds to the nearest gap; check both neighbouring characters.
        for probe in (index, index - 1):
            last = bisect_right(self._starts, probe) - 1
            # Mentions do not nest deeply: a few steps back covers any overlap.
            for i in range(last, max(last - 8, -1), -1):
                m = self._mentions[i]
                if m.start <= probe < m.end and self._over_text(pos, probe):
                    return m
        return None

    def _over_text(self, pos: QPoint, index: int) -> bool:
        cursor = self._cursor_for(index, index)
        left = self.cursorRect(cursor)
        cursor.setPosition(self._offsets.to_qt(index + 1))
        right = self.cursorRect(cursor)
        if right.top() != left.top():
            return left.top() <= pos.y() <= left.bottom() and pos.x() >= left.left()
        return left.left() <= pos.x() <= right.right() and left.top() <= pos.y() <= left.bottom()

    # ------------------------------------------------------------ events
    def viewportEvent(self, event: QEvent) -> bool:
        if event.type() == QEvent.Type.ToolTip:
            mention = self.mention_at(event.pos())
            text = self.tooltip_for(mention.entity_id) if mention else ""
            if text:
                QToolTip.showText(event.globalPos(), text, self.viewport())
            else:
                QToolTip.hideText()
                event.ignore()
            return True
        return super().viewportEvent(event)

    def mouseMoveEvent(self, event: QMouseEvent) -> None:
        super().mouseMoveEvent(event)
        if not event.buttons():
            over = self.mention_at(event.position().toPoint()) is not None
            self.viewport().setCursor(Qt.CursorShape.PointingHandCursor if over else Qt.CursorShape.IBeamCursor)

    def mousePressEvent(self, event: QMouseEvent) -> None:
        self._press_pos = event.position().toPoint() if event.button() == Qt.MouseButton.LeftButton else None
        super().mousePressEvent(event)

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        super().mouseReleaseEvent(event)
        pos = event.position().toPoint()
        pressed, self._press_pos = self._press_pos, None
        if pressed is None or event.button() != Qt.MouseButton.LeftButton or self.textCursor().hasSelection():
            return
        if (pos - pressed).manhattanLength() <= CLICK_SLOP:
            mention = self.mention_at(pos)
            if mention is not None:
                self.entity_activated.emit(mention.entity_id)

    def createMimeDataFromSelection(self) -> QMimeData:
        """A drag (or copy) of the selection carries the quote for the chart alongside the plain text.

        Qt's own mime data lists a fixed set of formats, so ours goes into a plain
        QMimeData holding a copy of those plus the quote.
        """
        standard = super().createMimeDataFromSelection()
        mime = QMimeData()
        for fmt in standard.formats():
            mime.setData(fmt, standard.data(fmt))
        payload = self.selection_payload()
        if payload is not None:
            payload.to_mime(mime)
        return mime

    def contextMenuEvent(self, event: QContextMenuEvent) -> None:
        menu = self.createStandardContextMenu(event.pos())
        if self.menu_extender is not None:
            menu.addSeparator()
            self.menu_extender(menu)
        menu.exec(event.globalPos())
        menu.deleteLater()
