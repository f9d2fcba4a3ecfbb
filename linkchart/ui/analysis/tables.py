"""Table models keyed by entity id: scores per card, and a generic read-only row model."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, QSortFilterProxyModel, Qt

ID_ROLE = Qt.ItemDataRole.UserRole + 1  # the uuid a row stands for
SORT_ROLE = Qt.ItemDataRole.UserRole + 2


class RowsModel(QAbstractTableModel):
    """Read-only rows of values; each row carries the id it stands for (``ID_ROLE``).

    Numbers sort as numbers and are shown with ``decimals`` places.
    """

    def __init__(self, headers: Sequence[str], decimals: int = 4, parent=None) -> None:
        super().__init__(parent)
        self.headers = list(headers)
        self.decimals = decimals
        self.rows: list[tuple[str, list[Any]]] = []
        self.tooltips: dict[int, str] = {}

    def set_rows(self, rows: list[tuple[str, list[Any]]]) -> None:
        self.beginResetModel()
        self.rows = rows
        self.tooltips = {}
        self.endResetModel()

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008 - Qt signature
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.headers)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal:
            return self.headers[section]
        return None

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        item_id, values = self.rows[index.row()]
        value = values[index.column()]
        if role == Qt.ItemDataRole.DisplayRole:
            if isinstance(value, float):
                return f"{value:.{self.decimals}f}"
            return str(value)
        if role == SORT_ROLE:
            return value
        if role == ID_ROLE:
            return item_id
        if role == Qt.ItemDataRole.TextAlignmentRole and isinstance(value, (int, float)):
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.ToolTipRole:
            return self.tooltips.get(index.row())
        return None

    def id_at(self, row: int) -> str:
        return self.rows[row][0]


def sortable(model: QAbstractTableModel, parent=None) -> QSortFilterProxyModel:
    """A proxy that sorts numbers as numbers (by ``SORT_ROLE``)."""
    proxy = QSortFilterProxyModel(parent)
    proxy.setSourceModel(model)
    proxy.setSortRole(SORT_ROLE)
    proxy.setSortCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
    return proxy
