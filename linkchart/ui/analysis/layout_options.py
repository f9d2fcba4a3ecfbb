"""Small dialogs that ask for a layout's options (which link types a hierarchy follows)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QListWidget, QListWidgetItem, QVBoxLayout, QWidget

from linkchart.model import Case

# Link types that usually mean rank: the target of "backed by" sits above, the source of "commands" above.
HIERARCHY_DEFAULTS = ("backed_by", "commands", "member_of", "funds", "part_of", "trained_by", "employed_by", "spokesperson_for")


class HierarchyDialog(QDialog):
    """Tick the link types a hierarchical layout ranks by."""

    def __init__(self, case: Case, chosen: list[str] | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("hierarchyDialog")
        self.setWindowTitle("Hierarchical layout")
        used: dict[str, int] = {}
        for link in case.links.values():
            used[link.type] = used.get(link.type, 0) + 1
        wanted = set(chosen) if chosen else set(HIERARCHY_DEFAULTS)
        self.list = QListWidget()
        self.list.setObjectName("hierarchyTypes")
        for type_id in sorted(used, key=lambda t: (-used[t], t)):
            lt = case.vocabulary.link_type(type_id)
            item = QListWidgetItem(f"{lt.label}  ({used[type_id]})")
            item.setData(Qt.ItemDataRole.UserRole, type_id)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Checked if type_id in wanted else Qt.CheckState.Unchecked)
            self.list.addItem(item)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel("Rank cards along these link types\n(a backer above its proxy, a commander above the commanded):"))
        layout.addWidget(self.list)
        layout.addWidget(buttons)

    def chosen(self) -> list[str]:
        out = []
        for row in range(self.list.count()):
            item = self.list.item(row)
            if item.checkState() == Qt.CheckState.Checked:
                out.append(item.data(Qt.ItemDataRole.UserRole))
        return out


def ask_hierarchy_types(parent: QWidget, case: Case, previous: list[str] | None = None) -> list[str] | None:
    """The link types to rank by (starting from *previous*), or None if the user cancelled."""
    dialog = HierarchyDialog(case, previous, parent)
    try:
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return None
        return dialog.chosen()
    finally:
        dialog.deleteLater()
