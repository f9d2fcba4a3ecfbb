"""The entity palette: one tile per entity type, dragged onto the chart to add a card."""

from __future__ import annotations

from PySide6.QtCore import QMimeData, QSize, Qt, Signal
from PySide6.QtWidgets import QAbstractItemView, QDockWidget, QListWidget, QListWidgetItem, QWidget

from linkchart.model import Vocabulary
from linkchart.ui.chart_view import ENTITY_TYPE_MIME
from linkchart.ui.icons import type_icon

TYPE_ROLE = Qt.ItemDataRole.UserRole


class EntityTypeList(QListWidget):
    """The list whose drags carry ``application/x-linkchart-entity-type`` with the type id."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("entityTypeList")
        self.setDragEnabled(True)
        self.setDragDropMode(QAbstractItemView.DragDropMode.DragOnly)
        self.setDefaultDropAction(Qt.DropAction.CopyAction)
        self.setIconSize(QSize(24, 24))
        self.setSpacing(1)
        self.setUniformItemSizes(True)

    def mimeTypes(self) -> list[str]:
        return [ENTITY_TYPE_MIME]

    def mimeData(self, items: list[QListWidgetItem]) -> QMimeData:
        mime = QMimeData()
        if items:
            mime.setData(ENTITY_TYPE_MIME, str(items[0].data(TYPE_ROLE)).encode("utf-8"))
            mime.setText(items[0].text())
        return mime

    def supportedDropActions(self) -> Qt.DropAction:
        return Qt.DropAction.CopyAction


class EntityPaletteDock(QDockWidget):
    """Dock (objectName ``entityPalette``). Double-click or Enter adds a card at the chart's centre."""

    add_requested = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__("Entity Types", parent)
        self.setObjectName("entityPalette")
        self.list = EntityTypeList(self)
        self.list.setToolTip("Drag a type onto the chart to add a card (or double-click it)")
        self.setWidget(self.list)
        self.list.itemActivated.connect(lambda item: self.add_requested.emit(item.data(TYPE_ROLE)))

    def set_vocabulary(self, vocabulary: Vocabulary) -> None:
        self.list.clear()
        for t in vocabulary.all_entity_types():
            item = QListWidgetItem(type_icon(t.icon, t.colour, 32), t.name)
            item.setData(TYPE_ROLE, t.id)
            item.setToolTip(f"Drag onto the chart to add a {t.name.lower()}")
            self.list.addItem(item)

    def item_for(self, type_id: str) -> QListWidgetItem | None:
        for row in range(self.list.count()):
            if self.list.item(row).data(TYPE_ROLE) == type_id:
                return self.list.item(row)
        return None
