"""The reader's metadata header: title, publisher, author, date and origin, edited in place.

Each field commits on Enter or when it loses focus, as one undo step
(:class:`UpdateArticleCommand`); the article's text itself is never editable.
"""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtGui import QFont, QUndoStack
from PySide6.QtWidgets import QGridLayout, QLabel, QLineEdit, QWidget

from linkchart.commands import push
from linkchart.model import Article, Case, CaseError, try_parse_date
from linkchart.ui.reader.commands import UpdateArticleCommand

FIELDS = (
    ("publisher", "Publisher", "Who published it (e.g. Reuters)"),
    ("author", "Author", "Who wrote it"),
    ("date", "Date", "When it was published: 2019-05-16, 2019-05, about 2018"),
    ("origin", "Origin", "Where it came from: file name or URL"),
)


class ArticleHeader(QWidget):
    """Editable metadata of the article the reader shows."""

    error = Signal(str)

    def __init__(self, case: Case, undo_stack: QUndoStack, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("articleHeader")
        self.case = case
        self.undo_stack = undo_stack
        self.article_id: str | None = None
        self.edits: dict[str, QLineEdit] = {}
        layout = QGridLayout(self)
        layout.setContentsMargins(0, 2, 0, 2)
        layout.setHorizontalSpacing(6)
        layout.setVerticalSpacing(3)
        title = QLineEdit()
        font = QFont(title.font())
        font.setBold(True)
        font.setPointSizeF(font.pointSizeF() * 1.15)
        title.setFont(font)
        title.setFrame(False)
        title.setPlaceholderText("Title")
        title.setToolTip("The article's title (edit and press Enter)")
        self._bind(title, "title")
        layout.addWidget(title, 0, 0, 1, 4)
        for i, (name, label, tip) in enumerate(FIELDS):
            edit = QLineEdit()
            edit.setPlaceholderText(label)
            edit.setToolTip(tip)
            edit.setClearButtonEnabled(False)
            self._bind(edit, name)
            caption = QLabel(label)
            caption.setBuddy(edit)
            row, col = 1 + i // 2, (i % 2) * 2
            layout.addWidget(caption, row, col)
            layout.addWidget(edit, row, col + 1)
        layout.setColumnStretch(1, 1)
        layout.setColumnStretch(3, 1)
        self.show_article(None)

    def _bind(self, edit: QLineEdit, name: str) -> None:
        edit.setObjectName(f"article_{name}")
        self.edits[name] = edit
        edit.editingFinished.connect(lambda: self._commit(name))

    def set_case(self, case: Case, undo_stack: QUndoStack) -> None:
        self.case, self.undo_stack = case, undo_stack
        self.show_article(None)

    def show_article(self, article: Article | None) -> None:
        """Fill the fields from *article* (None empties and disables them)."""
        self.article_id = article.id if article else None
        for name, edit in self.edits.items():
            value = getattr(article, name) if article else ""
            if edit.text() != value:
                edit.setText(value)
                edit.setCursorPosition(0)
            edit.setEnabled(article is not None)
        self._mark_date(self.edits["date"])

    def _mark_date(self, edit: QLineEdit) -> None:
        ok = not edit.text().strip() or try_parse_date(edit.text()) is not None
        edit.setStyleSheet("" if ok else "QLineEdit { color: #c0392b; }")
        edit.setToolTip(FIELDS[2][2] if ok else "Not a date LinkChart can read; it is kept as written")

    def _commit(self, name: str) -> None:
        article = self.case.articles.get(self.article_id or "")
        if article is None:
            return
        value = self.edits[name].text().strip()
        if value == getattr(article, name):
            return
        try:
            push(self.undo_stack, UpdateArticleCommand(self.case, article.id, {name: value}))
        except CaseError as exc:
            self.error.emit(str(exc))
        if name == "date":
            self._mark_date(self.edits[name])
