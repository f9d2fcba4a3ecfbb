"""The popup that asks which kind of link was just drawn: type to filter, Enter to pick, or name a new kind."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, QPoint, Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QFrame, QLabel, QLineEdit, QListWidget, QListWidgetItem, QVBoxLayout, QWidget

from linkchart.model import LinkType, Vocabulary, type_id_for

NEW_ROLE = Qt.ItemDataRole.UserRole + 1


class LinkTypePopup(QFrame):
    """Emits ``chosen(link_type, is_new)`` or ``cancelled``; closes itself either way."""

    chosen = Signal(object, bool)
    cancelled = Signal()

    def __init__(self, vocabulary: Vocabulary, parent: QWidget | None = None, title: str = "Link type") -> None:
        super().__init__(parent, Qt.WindowType.Popup)
        self.setObjectName("linkTypePopup")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.vocabulary = vocabulary
        self._done = False
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        layout.setSpacing(4)
        heading = QLabel(title)
        heading.setStyleSheet("font-weight: 600;")
        self.filter = QLineEdit()
        self.filter.setObjectName("linkTypeFilter")
        self.filter.setPlaceholderText("Type to filter, or name a new kind of link")
        self.filter.setClearButtonEnabled(True)
        self.list = QListWidget()
        self.list.setObjectName("linkTypeList")
        self.list.setUniformItemSizes(True)
        for widget in (heading, self.filter, self.list):
            layout.addWidget(widget)
        self.filter.textChanged.connect(self._refilter)
        self.filter.installEventFilter(self)
        self.list.itemActivated.connect(self._pick)
        self.list.itemClicked.connect(self._pick)
        self._refilter("")
        rows = min(max(self.list.count(), 4), 12)
        self.list.setFixedHeight(rows * max(self.list.sizeHintForRow(0), 16) + 2 * self.list.frameWidth() + 4)
        self.resize(320, self.sizeHint().height())

    def popup(self, global_pos: QPoint) -> None:
        self.move(global_pos)
        self.show()
        self.filter.setFocus()

    def _refilter(self, text: str) -> None:
        wanted = text.strip().lower()
        self.list.clear()
        exact = False
        for t in self.vocabulary.all_link_types():
            words = f"{t.id} {t.label} {t.inverse}".lower()
            if not wanted or wanted in words:
                inverse = f"   ({t.inverse})" if t.inverse and t.inverse != t.label else ""
                item = QListWidgetItem(f"{t.label}{inverse}")
                item.setData(Qt.ItemDataRole.UserRole, t)
                self.list.addItem(item)
                exact = exact or wanted in (t.label.lower(), t.id)
        if wanted and not exact:
            item = QListWidgetItem(f"New link type \u201c{text.strip()}\u201d")
            item.setData(NEW_ROLE, text.strip())
            self.list.addItem(item)
        if self.list.count():
            self.list.setCurrentRow(0)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        # Up/Down move in the list while typing goes on in the filter.
        if watched is self.filter and event.type() == QEvent.Type.KeyPress and isinstance(event, QKeyEvent):
            if event.key() in (Qt.Key.Key_Down, Qt.Key.Key_Up):
                row = self.list.currentRow() + (1 if event.key() == Qt.Key.Key_Down else -1)
                self.list.setCurrentRow(max(0, min(self.list.count() - 1, row)))
                return True
            if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
                self._pick(self.list.currentItem())
                return True
        return super().eventFilter(watched, event)

    def _pick(self, item: QListWidgetItem | None) -> None:
        if item is None or self._done:
            return
        new_name = item.data(NEW_ROLE)
        if new_name:
            voc, tid = self.vocabulary, type_id_for(new_name)
            existing = voc.find_link_type(new_name) or voc.custom_link_types.get(tid) or voc.link_types.get(tid)
            if existing is not None:
                self._finish(existing, False)
            else:
                self._finish(LinkType(id=tid, label=new_name), True)
        else:
            self._finish(item.data(Qt.ItemDataRole.UserRole), False)

    def _finish(self, link_type: LinkType, is_new: bool) -> None:
        self._done = True
        self.close()
        self.chosen.emit(link_type, is_new)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() == Qt.Key.Key_Escape:
            self.close()
            return
        super().keyPressEvent(event)

    def hideEvent(self, event) -> None:
        super().hideEvent(event)
        if not self._done:
            self._done = True
            self.cancelled.emit()
