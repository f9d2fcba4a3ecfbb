"""Every user action, declared once and reused by menus, toolbar and context menus.

Each :class:`ActionSpec` names the action by a dotted id (also the QAction's
objectName, so tests and later panels find it with ``window.actions["edit.copy"]``
or ``findChild(QAction, "edit.copy")``), its text, shortcut (a standard key where
the platform has one), icon, tooltip and when it is enabled. The window binds
ids to handlers; a later dock adds its own specs with :meth:`Actions.add`.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass

from PySide6.QtCore import QObject
from PySide6.QtGui import QAction, QKeySequence

from linkchart.ui.icons import make_icon

Key = QKeySequence.StandardKey

# Conditions an action's enabled state can depend on; the window reports them.
ALWAYS = "always"
HAS_SELECTION = "has_selection"
HAS_CARDS_SELECTED = "has_cards_selected"
ONE_ITEM_SELECTED = "one_item_selected"
HAS_ITEMS = "has_items"
CAN_PASTE = "can_paste"
HAS_FILE = "has_file"
IS_MODIFIED_FILE = "is_modified_file"


@dataclass(frozen=True)
class ActionSpec:
    id: str
    text: str
    shortcut: Key | str | None = None
    icon: str = ""
    tooltip: str = ""
    enabled_when: str = ALWAYS
    checkable: bool = False
    fallback: str = ""  # shortcut used where the standard key is empty on this platform


ACTIONS: tuple[ActionSpec, ...] = (
    ActionSpec("file.new", "&New Case", Key.New, "new", "Start a new, empty case"),
    ActionSpec("file.open", "&Open…", Key.Open, "open", "Open a case file (.lcase)"),
    ActionSpec("file.save", "&Save", Key.Save, "save", "Save the case"),
    ActionSpec("file.save_as", "Save &As…", Key.SaveAs, "", "Save the case under a new name", fallback="Ctrl+Shift+S"),
    ActionSpec("file.revert", "&Revert to Saved", None, "revert", "Throw away unsaved changes and reload the file", IS_MODIFIED_FILE),
    ActionSpec("file.close", "&Close Case", Key.Close, "close", "Close this case (asks to save changes)"),
    ActionSpec("file.quit", "&Quit", Key.Quit, "", "Quit LinkChart", fallback="Ctrl+Q"),
    ActionSpec("edit.undo", "&Undo", Key.Undo, "undo", "Undo the last change"),
    ActionSpec("edit.redo", "&Redo", Key.Redo, "redo", "Redo the change just undone", fallback="Ctrl+Shift+Z"),
    ActionSpec("edit.cut", "Cu&t", Key.Cut, "", "Copy the selection and delete it", HAS_SELECTION),
    ActionSpec("edit.copy", "&Copy", Key.Copy, "copy", "Copy the selected cards and the links between them", HAS_SELECTION),
    ActionSpec("edit.paste", "&Paste", Key.Paste, "paste", "Paste cards and links (also from another case)", CAN_PASTE),
    ActionSpec("edit.duplicate", "D&uplicate", "Ctrl+D", "duplicate", "Copy and paste the selection in one go", HAS_CARDS_SELECTED),
    ActionSpec("edit.delete", "&Delete", Key.Delete, "delete", "Delete the selection (links of deleted cards go too)", HAS_SELECTION),
    ActionSpec("edit.rename", "Re&name", "F2", "", "Edit the selected card's label on the chart", HAS_CARDS_SELECTED),
    ActionSpec("edit.select_all", "Select &All", Key.SelectAll, "", "Select every card and link", HAS_ITEMS),
    ActionSpec("edit.select_linked", "Select &Linked", "Ctrl+L", "", "Add the cards linked to the selection", HAS_CARDS_SELECTED),
    ActionSpec("edit.preferences", "&Preferences…", Key.Preferences, "", "Theme, grid and autosave", fallback="Ctrl+,"),
    ActionSpec("view.fit", "&Fit to Window", "Ctrl+0", "fit", "Show the whole chart"),
    ActionSpec("view.zoom_in", "Zoom &In", Key.ZoomIn, "zoom_in", "Zoom in", fallback="Ctrl++"),
    ActionSpec("view.zoom_out", "Zoom &Out", Key.ZoomOut, "zoom_out", "Zoom out", fallback="Ctrl+-"),
    ActionSpec("view.actual_size", "&Actual Size", "Ctrl+1", "", "Zoom to 100%"),
    ActionSpec("view.grid", "Snap to &Grid", "Ctrl+'", "grid", "Show a light grid and snap cards to it", checkable=True),
    ActionSpec("tool.select", "&Select Tool", "V", "select", "Select and move cards (drag empty space to select several)", checkable=True),
    ActionSpec("tool.link", "&Link Tool", "L", "link", "Draw links: drag from one card to another (or Shift-drag anytime)", checkable=True),
    ActionSpec("link.reverse", "&Reverse Direction", None, "", "Swap the selected link's ends", ONE_ITEM_SELECTED),
)


class Actions(QObject):
    """The QActions of one window, by id; ``update_enabled`` applies the conditions."""

    def __init__(self, parent: QObject, specs: Iterable[ActionSpec] = ACTIONS) -> None:
        super().__init__(parent)
        self._actions: dict[str, QAction] = {}
        self._specs: dict[str, ActionSpec] = {}
        for spec in specs:
            self.add(spec)

    def add(self, spec: ActionSpec, handler: Callable[[], object] | None = None) -> QAction:
        """Create the QAction for *spec* (a later dock's own actions come in here too)."""
        action = QAction(spec.text, self.parent())
        action.setObjectName(spec.id)
        shortcut = QKeySequence(spec.shortcut) if spec.shortcut is not None else QKeySequence()
        if shortcut.isEmpty() and spec.fallback:
            shortcut = QKeySequence(spec.fallback)
        if not shortcut.isEmpty():
            action.setShortcut(shortcut)
        if spec.icon:
            action.setIcon(make_icon(spec.icon))
        tip = spec.tooltip or spec.text.replace("&", "").rstrip("…")
        if not shortcut.isEmpty():
            tip = f"{tip} ({shortcut.toString(QKeySequence.SequenceFormat.NativeText)})"
        action.setToolTip(tip)
        action.setStatusTip(spec.tooltip)
        action.setCheckable(spec.checkable)
        if handler is not None:
            action.triggered.connect(handler)
        self._actions[spec.id] = action
        self._specs[spec.id] = spec
        return action

    def __getitem__(self, action_id: str) -> QAction:
        return self._actions[action_id]

    def __contains__(self, action_id: str) -> bool:
        return action_id in self._actions

    def bind(self, handlers: dict[str, Callable[[], object]]) -> None:
        for action_id, handler in handlers.items():
            self._actions[action_id].triggered.connect(handler)

    def update_enabled(self, conditions: dict[str, bool]) -> None:
        for action_id, spec in self._specs.items():
            if spec.enabled_when != ALWAYS:
                self._actions[action_id].setEnabled(conditions.get(spec.enabled_when, False))

    def refresh_icons(self) -> None:
        """Redraw icons in the current palette's colours (after a theme change)."""
        for action_id, spec in self._specs.items():
            if spec.icon:
                self._actions[action_id].setIcon(make_icon(spec.icon))
