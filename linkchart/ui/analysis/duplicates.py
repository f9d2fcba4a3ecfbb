"""Find possible duplicates and merge them: keep one card, union the rest into it, one undo step.

The dialog lists pairs of cards with a similarity score and the reason. For
the chosen pair the analyst picks which card to keep and sees what the merged
card will hold; Merge applies the analysis module's merge plan through
``MergeEntitiesCommand`` (aliases, attributes and citations united, every link
re-pointed), which undo takes back exactly.
"""

from __future__ import annotations

from html import escape

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QButtonGroup,
    QDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QRadioButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from linkchart.analysis import DuplicateCandidate, MergePlan, find_duplicates, plan_merge
from linkchart.commands import MergeEntitiesCommand
from linkchart.commands.groups import UpdateGroupCommand
from linkchart.ui.analysis.engine import merge_command_plan
from linkchart.ui.analysis.host import Host

PAIR_ROLE = Qt.ItemDataRole.UserRole + 1


class DuplicatesDialog(QDialog):
    """Pairs of cards that may be the same thing, to merge one at a time."""

    def __init__(self, host: Host, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("duplicatesDialog")
        self.setWindowTitle("Possible duplicates")
        self.host = host
        self.pairs: list[DuplicateCandidate] = []
        self.table = QTableWidget(0, 4)
        self.table.setObjectName("duplicatePairs")
        self.table.setHorizontalHeaderLabels(["Card", "Card", "Score", "Why"])
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setSectionResizeMode(3, QHeaderView.ResizeMode.Stretch)
        self.table.itemSelectionChanged.connect(self._pair_chosen)
        self.keep_a = QRadioButton()
        self.keep_a.setObjectName("keepFirst")
        self.keep_b = QRadioButton()
        self.keep_b.setObjectName("keepSecond")
        self.keep_group = QButtonGroup(self)
        self.keep_group.addButton(self.keep_a)
        self.keep_group.addButton(self.keep_b)
        self.keep_a.setChecked(True)
        self.keep_a.toggled.connect(self._preview)
        self.preview = QLabel()
        self.preview.setObjectName("mergePreview")
        self.preview.setWordWrap(True)
        self.preview.setTextFormat(Qt.TextFormat.RichText)
        self.merge_button = QPushButton("Merge")
        self.merge_button.setObjectName("mergeButton")
        self.merge_button.setToolTip("Keep the chosen card; the other's names, facts, citations and links move to it")
        self.merge_button.clicked.connect(self.merge)
        show = QPushButton("Show on chart")
        show.setObjectName("showPair")
        show.clicked.connect(self._show_pair)
        rescan = QPushButton("Search again")
        rescan.clicked.connect(self.refresh)
        close = QPushButton("Close")
        close.clicked.connect(self.close)
        keep_row = QHBoxLayout()
        keep_row.addWidget(QLabel("Keep:"))
        keep_row.addWidget(self.keep_a)
        keep_row.addWidget(self.keep_b)
        keep_row.addStretch(1)
        buttons = QHBoxLayout()
        for b in (show, rescan):
            buttons.addWidget(b)
        buttons.addStretch(1)
        buttons.addWidget(self.merge_button)
        buttons.addWidget(close)
        self.empty = QLabel("No likely duplicates: no two cards have names this alike.")
        self.empty.setObjectName("noDuplicates")
        layout = QVBoxLayout(self)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.empty)
        layout.addLayout(keep_row)
        layout.addWidget(self.preview)
        layout.addLayout(buttons)
        self.resize(720, 460)
        self._stale = False
        host.case_replaced.connect(self._case_replaced)
        self.refresh()

    # ------------------------------------------------------------ listing
    def _case_replaced(self) -> None:
        # Comparing every pair of names is slow on a big case: a closed dialog looks when it is next shown.
        if self.isVisible():  # a dialog is its own window: shown means in sight
            self.refresh()
        else:
            self._stale = True

    def showEvent(self, event) -> None:
        super().showEvent(event)
        if self._stale:
            self.refresh()

    def refresh(self) -> None:
        """Look for duplicates again (after a merge, an undo or another case)."""
        self._stale = False
        case = self.host.case
        self.pairs = find_duplicates(case)
        ents = case.entities
        self.table.setRowCount(len(self.pairs))
        for row, pair in enumerate(self.pairs):
            cells = [ents[pair.a].label, ents[pair.b].label, f"{pair.score:.0%}", _why(pair)]
            for col, text in enumerate(cells):
                item = QTableWidgetItem(text)
                item.setData(PAIR_ROLE, row)
                self.table.setItem(row, col, item)
        self.table.resizeColumnsToContents()
        self.empty.setVisible(not self.pairs)
        self.table.setVisible(bool(self.pairs))
        if self.pairs:
            self.table.selectRow(0)
        else:
            self._pair_chosen()

    def current(self) -> DuplicateCandidate | None:
        rows = self.table.selectionModel().selectedRows()
        return self.pairs[rows[0].row()] if rows and rows[0].row() < len(self.pairs) else None

    def keep_and_others(self) -> tuple[str, list[str]] | None:
        pair = self.current()
        if pair is None:
            return None
        return (pair.a, [pair.b]) if self.keep_a.isChecked() else (pair.b, [pair.a])

    def _pair_chosen(self) -> None:
        pair = self.current()
        ents = self.host.case.entities
        for button, eid in ((self.keep_a, pair.a if pair else None), (self.keep_b, pair.b if pair else None)):
            button.setText(ents[eid].label if eid in ents else "")
            button.setEnabled(eid is not None)
        self.merge_button.setEnabled(pair is not None)
        self._preview()

    def _preview(self) -> None:
        chosen = self.keep_and_others()
        if chosen is None:
            self.preview.clear()
            return
        case = self.host.case
        keep, others = chosen
        plan = plan_merge(case, keep, others)
        kept = case.entities[keep]
        aliases = plan.entity_values.get("aliases", kept.aliases)
        cites = plan.entity_values.get("citations", kept.citations)
        moved = len(plan.link_updates_without_loops())
        lines = [
            f"<b>{escape(kept.label)}</b> will also be known as {escape(', '.join(aliases)) or '(no other names)'}; "
            f"{_count(len(cites), 'citation')}; {_count(moved, 'link')} re-pointed."
        ]
        if plan.self_loops:
            lines.append(f"{_count(len(plan.self_loops), 'link')} between the two cards will go (undo brings it back).")
        if plan.parallel:
            lines.append(f"{_count(len(plan.parallel), 'set')} of links will then say the same thing twice: review them after merging.")
        self.preview.setText("<br>".join(lines))

    # ------------------------------------------------------------ acting
    def merge(self) -> None:
        """Merge the chosen pair as one undo step, then look again."""
        chosen = self.keep_and_others()
        if chosen is None:
            return
        keep, others = chosen
        merge_plan(self.host, plan_merge(self.host.case, keep, others))
        self.host.select([keep])
        self.refresh()

    def _show_pair(self) -> None:
        pair = self.current()
        if pair is not None:
            self.host.select([pair.a, pair.b])
            self.host.centre_on([pair.a, pair.b])


def merge_plan(host: Host, plan: MergePlan) -> None:
    """Apply a merge plan as one undo step: group memberships first, then the merge itself.

    Groups that held a merged-away card get the kept card instead; that is not
    part of ``MergeEntitiesCommand``, so both go in one macro.
    """
    case, stack = host.case, host.undo_stack
    command = MergeEntitiesCommand(case, merge_command_plan(plan))
    if not plan.group_updates:
        host.push(command)
        return
    stack.beginMacro(command.text())
    try:
        for gid, members in plan.group_updates.items():
            host.push(UpdateGroupCommand(case, gid, {"members": members}))
        host.push(command)
    finally:
        stack.endMacro()


def _why(pair: DuplicateCandidate) -> str:
    names = f"\u201c{pair.name_a}\u201d ~ \u201c{pair.name_b}\u201d"
    return f"{pair.reason}: {names}" if pair.reason else names


def _count(n: int, word: str) -> str:
    return f"{n} {word}{'s' if n != 1 else ''}"
