"""Editors the inspector is built from: notes that commit on leaving, typed attributes, citations."""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
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
        self.table.setAlternatingRowColors(True)
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
        self._fit()

    def _fit(self) -> None:
        """As tall as its rows (at least one empty one, at most six), so an empty table takes little room."""
        row = self.table.verticalHeader().defaultSectionSize()
        rows = min(max(self.table.rowCount(), 1), 6)
        self.table.setFixedHeight(self.table.horizontalHeader().sizeHint().height() + rows * row + 2 * self.table.frameWidth())

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
        self._fit()
        self._changed()
        self.table.editItem(self.table.item(self.table.rowCount() - 1, 0))

    def remove_row(self) -> None:
        row = self.table.currentRow()
        if row >= 0:
            self.table.removeRow(row)
            self._fit()
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
    """The quotes an item cites: each row shows the quote over its article and date, with a remove button.

    ``activated(citation_id)`` fires when a row is clicked; ``remove_requested(citation_id)``
    when its button is. Each button's objectName is ``removeCitation:<citation id>``.
    """

    remove_requested = Signal(str)
    activated = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.table = QTableWidget(0, 2)
        self.table.setObjectName("citationsTable")
        self.table.horizontalHeader().hide()
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.table.horizontalHeader().setSectionResizeMode(1, QHeaderView.ResizeMode.Fixed)
        self.table.horizontalHeader().resizeSection(1, 28)
        self.table.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.table.setSelectionMode(QTableWidget.SelectionMode.NoSelection)
        self.table.setWordWrap(True)
        self.table.setShowGrid(False)
        self.table.setAlternatingRowColors(True)
        self.table.setMinimumHeight(60)
        self.table.setToolTip("Click a quote to read it in its article")
        self._ids: list[str] = []
        self._sources: list[str] = []
        self.table.cellClicked.connect(lambda row, _col: self.activated.emit(self._ids[row]) if 0 <= row < len(self._ids) else None)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.table)

    def load(self, case: Case, citations: list[Citation]) -> None:
        self.table.setRowCount(0)
        self._ids, self._sources = [], []
        for cit in citations:
            row = self.table.rowCount()
            self.table.insertRow(row)
            article = case.articles.get(cit.article_id)
            source = " \u00b7 ".join(p for p in ((article.title if article else "(missing article)"), (article.date if article else "")) if p)
            item = QTableWidgetItem(f"\u201c{cit.quote}\u201d\n\u2014 {source}")
            tip = cit.quote + (f"\n\nComment: {cit.comment}" if cit.comment else "")
            if not case.verify_citation(cit):
                item.setForeground(QColor("#c0392b"))
                tip = "Broken: the quote no longer matches the article at its place.\n\n" + tip
            item.setToolTip(tip)
            self.table.setItem(row, 0, item)
            button = QToolButton()
            button.setText("\u2715")
            button.setAutoRaise(True)
            button.setToolTip("Remove this citation")
            button.setObjectName(f"removeCitation:{cit.id}")
            button.clicked.connect(lambda _=False, cid=cit.id: self.remove_requested.emit(cid))
            self.table.setCellWidget(row, 1, button)
            self._ids.append(cit.id)
            self._sources.append(source)
        self._fit()

    def _fit(self) -> None:
        """Rows as tall as their wrapped quotes; the table as tall as its first six rows."""
        self.table.resizeRowsToContents()
        rows = sum(self.table.rowHeight(r) for r in range(min(self.table.rowCount(), 6)))
        self.table.setFixedHeight(max(40, rows + 2 * self.table.frameWidth()))
        self.setFixedHeight(self.table.height())

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        self._fit()  # wrapped quotes need new heights at a new width

    def showEvent(self, event) -> None:
        super().showEvent(event)
        self._fit()

    def count(self) -> int:
        return self.table.rowCount()

    def quote_at(self, row: int) -> str:
        return self.table.item(row, 0).text().split("\n")[0].strip("\u201c\u201d")

    def source_at(self, row: int) -> str:
        """ "Article title · date" as shown under the quote."""
        return self._sources[row]
