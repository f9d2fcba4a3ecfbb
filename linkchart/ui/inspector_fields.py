"""Editors the inspector is built from: notes that commit on leaving, typed attributes, citations."""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QPlainTextEdit,
    QTableWidget,
    QTableWidgetItem,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from linkchart.model import Case, Citation

KINDS = (("text", "Text"), ("number", "Number"), ("flag", "Yes/No"))


class CommitTextEdit(QPlainTextEdit):
    """A multi-line field that emits ``committed(text)`` when focus leaves it with a changed text."""

    committed = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._loaded = ""
        self.setTabChangesFocus(True)

    def load(self, text: str) -> None:
        self._loaded = text
        if self.toPlainText() != text:
            self.setPlainText(text)

    def event(self, event: QEvent) -> bool:
        if event.type() == QEvent.Type.FocusOut and self.toPlainText() != self._loaded:
            self._loaded = self.toPlainText()
            self.committed.emit(self._loaded)
        return super().event(event)


def _kind_of(value: object) -> str:
    if isinstance(value, bool):
        return "flag"
    if isinstance(value, (int, float)):
        return "number"
    return "text"


def parse_value(text: str, kind: str) -> str | int | float | bool:
    """Turn the typed text into the attribute's JSON type; unreadable numbers stay text."""
    text = text.strip()
    if kind == "flag":
        return text.lower() in ("yes", "true", "1", "y", "on")
    if kind == "number":
        try:
            return int(text)
        except ValueError:
            try:
                value = float(text)
            except ValueError:
                return text
            return value if value == value and abs(value) != float("inf") else text
    return text


def _shown(value: object) -> str:
    if isinstance(value, bool):
        return "yes" if value else "no"
    return str(value)


class AttributesTable(QWidget):
    """Typed key/value pairs. Emits ``edited(dict)`` with the whole new mapping after each change."""

    edited = Signal(dict)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.table = QTableWidget(0, 3)
        self.table.setObjectName("attributesTable")
        self.table.setHorizontalHeaderLabels(["Name", "Value", "Kind"])
        self.table.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.table.horizontalHeader().setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        self.table.horizontalHeader().setSectionResizeMode(2, QHeaderView.ResizeMode.ResizeToContents)
        self.table.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.table.verticalHeader().hide()
        self.table.setMinimumHeight(60)
        self.table.setMaximumHeight(130)
        add, remove = QToolButton(), QToolButton()
        add.setText("+")
        add.setToolTip("Add an attribute")
        remove.setText("\u2212")
        remove.setToolTip("Remove the selected attribute")
        add.clicked.connect(self.add_row)
        remove.clicked.connect(self.remove_row)
        buttons = QHBoxLayout()
        buttons.addWidget(add)
        buttons.addWidget(remove)
        buttons.addStretch()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.table)
        layout.addLayout(buttons)
        self._loading = False
        self.table.itemChanged.connect(self._changed)

    def load(self, attributes: dict) -> None:
        self._loading = True
        self.table.setRowCount(0)
        for key, value in attributes.items():
            self._append(key, _shown(value), _kind_of(value))
        self._loading = False

    def _append(self, key: str, value: str, kind: str) -> None:
        row = self.table.rowCount()
        self.table.insertRow(row)
        self.table.setItem(row, 0, QTableWidgetItem(key))
        self.table.setItem(row, 1, QTableWidgetItem(value))
        combo = QComboBox()
        for code, name in KINDS:
            combo.addItem(name, code)
        combo.setCurrentIndex([k for k, _ in KINDS].index(kind))
        combo.currentIndexChanged.connect(self._changed)
        self.table.setCellWidget(row, 2, combo)

    def add_row(self) -> None:
        self._loading = True
        existing = {self.table.item(r, 0).text() for r in range(self.table.rowCount()) if self.table.item(r, 0)}
        name, n = "attribute", 1
        while name in existing:
            n += 1
            name = f"attribute {n}"
        self._append(name, "", "text")
        self._loading = False
        self._changed()
        self.table.editItem(self.table.item(self.table.rowCount() - 1, 0))

    def remove_row(self) -> None:
        row = self.table.currentRow()
        if row >= 0:
            self.table.removeRow(row)
            self._changed()

    def values(self) -> dict:
        out: dict = {}
        for row in range(self.table.rowCount()):
            key_item, value_item = self.table.item(row, 0), self.table.item(row, 1)
            key = key_item.text().strip() if key_item else ""
            if key:
                combo = self.table.cellWidget(row, 2)
                kind = combo.currentData() if isinstance(combo, QComboBox) else "text"
                out[key] = parse_value(value_item.text() if value_item else "", kind)
        return out

    def _changed(self, *args) -> None:
        if not self._loading:
            self.edited.emit(self.values())


class CitationsTable(QWidget):
    """The quotes an item cites: quote, article title, article date, and a remove button per row."""

    remove_requested = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.table = QTableWidget(0, 4)
        self.table.setObjectName("citationsTable")
        self.table.setHorizontalHeaderLabels(["Quote", "Article", "Date", ""])
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(3, QHeaderView.ResizeMode.Fixed)
        header.resizeSection(1, 90)
        header.resizeSection(2, 74)
        header.resizeSection(3, 26)
        header.setMinimumSectionSize(20)
        self.table.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.table.verticalHeader().hide()
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setWordWrap(True)
        self.table.setMinimumHeight(80)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.table)

    def load(self, case: Case, citations: list[Citation]) -> None:
        self.table.setRowCount(0)
        for cit in citations:
            row = self.table.rowCount()
            self.table.insertRow(row)
            article = case.articles.get(cit.article_id)
            quote = QTableWidgetItem(f"\u201c{cit.quote}\u201d")
            tip = cit.quote + (f"\n\nComment: {cit.comment}" if cit.comment else "")
            if not case.verify_citation(cit):
                quote.setForeground(QColor("#c0392b"))
                tip = "Broken: the quote no longer matches the article at its place.\n\n" + tip
            quote.setToolTip(tip)
            self.table.setItem(row, 0, quote)
            self.table.setItem(row, 1, QTableWidgetItem(article.title if article else "(missing article)"))
            self.table.setItem(row, 2, QTableWidgetItem(article.date if article else ""))
            button = QToolButton()
            button.setText("\u2715")
            button.setAutoRaise(True)
            button.setToolTip("Remove this citation")
            button.setObjectName(f"removeCitation:{cit.id}")
            button.clicked.connect(lambda _=False, cid=cit.id: self.remove_requested.emit(cid))
            self.table.setCellWidget(row, 3, button)
        self.table.resizeRowsToContents()
        self.setVisible(True)

    def count(self) -> int:
        return self.table.rowCount()

    def quote_at(self, row: int) -> str:
        item = self.table.item(row, 0)
        return item.text().strip("\u201c\u201d") if item else ""

