"""Group actions: make a named group of the selection, collapse, expand, ungroup; each one undo step."""

from __future__ import annotations

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QInputDialog, QLineEdit

from linkchart.commands.groups import MakeGroupCommand, RemoveGroupCommand, collapse_command, expand_command
from linkchart.ui.analysis.filtering import ChartFilter
from linkchart.ui.analysis.group_items import GroupLayer
from linkchart.ui.analysis.host import Host


class GroupController(QObject):
    """Binds the group.* actions to commands over ``case.groups``."""

    def __init__(self, host: Host, actions, chart_filter: ChartFilter) -> None:
        super().__init__(host)
        self.host = host
        self.actions = actions
        self.layer = GroupLayer(host, chart_filter)
        actions["group.make"].triggered.connect(self.make_from_selection)
        actions["group.collapse"].triggered.connect(self.collapse)
        actions["group.expand"].triggered.connect(self.expand)
        actions["group.ungroup"].triggered.connect(self.ungroup)
        actions["group.expand_all"].triggered.connect(self.expand_all)
        host.selection_changed.connect(self.update_enabled)
        host.case_changed.connect(lambda event: self.update_enabled() if event.kind.startswith("groups_") else None)
        host.case_replaced.connect(self.update_enabled)
        self.layer.current_changed.connect(self.update_enabled)
        self.update_enabled()

    def update_enabled(self) -> None:
        case = self.host.case
        targets = [case.groups[g] for g in self.layer.group_ids_of_selection() if g in case.groups]
        self.actions["group.collapse"].setEnabled(any(not g.collapsed for g in targets))
        self.actions["group.expand"].setEnabled(any(g.collapsed for g in targets))
        self.actions["group.ungroup"].setEnabled(bool(targets))
        self.actions["group.expand_all"].setEnabled(any(g.collapsed for g in case.groups.values()))

    def make_from_selection(self, label: str | None = None) -> str | None:
        """Group the selected cards under a name (asked for when not given); returns the group id."""
        ids = self.host.selected_entity_ids()
        if not ids:
            return None
        if not isinstance(label, str):
            label, ok = QInputDialog.getText(self.host.window, "Group cards", f"Name for the group of {len(ids)} cards:",
                                             QLineEdit.EchoMode.Normal, "New group")
            if not ok or not label.strip():
                return None
        command = MakeGroupCommand(self.host.case, label.strip(), ids)
        self.host.push(command)
        self.layer.set_current(command.group.id)
        return command.group.id

    def collapse(self) -> None:
        case = self.host.case
        self._push_all("Collapse groups", [collapse_command(case, g) for g in self.layer.group_ids_of_selection()
                                           if not case.groups[g].collapsed])

    def expand(self) -> None:
        case = self.host.case
        self._push_all("Expand groups", [expand_command(case, g) for g in self.layer.group_ids_of_selection()
                                         if case.groups[g].collapsed])

    def expand_all(self) -> None:
        case = self.host.case
        self._push_all("Expand all groups", [expand_command(case, g) for g, group in case.groups.items() if group.collapsed])

    def ungroup(self) -> None:
        case = self.host.case
        self._push_all("Ungroup", [RemoveGroupCommand(case, g) for g in self.layer.group_ids_of_selection()])
        self.layer.set_current(None)

    def _push_all(self, text: str, commands: list) -> None:
        """One command as itself, several as one macro: either way one undo step."""
        if len(commands) == 1:
            self.host.push(commands[0])
            return
        if not commands:
            return
        stack = self.host.undo_stack
        stack.beginMacro(text)
        try:
            for command in commands:
                self.host.push(command)
        finally:
            stack.endMacro()
