"""The paths dock: how two cards connect, hop by hop, with the evidence for every link.

Pick two cards (select them and use Analysis > Find Paths), choose shortest
or all simple paths, direction, allowed link types and a minimum strength.
Each path is listed with its links' citations (quote and article title) and
highlighted on the chart by selecting its cards and links. "Select
Neighbourhood" selects every card within N links of the selection.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QSpinBox,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from linkchart.analysis import Path, Step, neighbourhood, shortest_paths, simple_paths
from linkchart.model import Case, ChangeEvent, Link
from linkchart.ui.analysis.host import Host
from linkchart.ui.on_screen import on_screen

PATH_ROLE = Qt.ItemDataRole.UserRole + 1


def step_text(case: Case, step: Step) -> str:
    """ "Quds Force — commands → Kataib Hezbollah", worded the way the path walks the link."""
    link = case.links[step.link_id]
    ltype = case.link_type(link)
    ents = case.entities
    forward = link.source == step.from_id
    wording = case.link_label(link) if forward or link.label else ltype.wording(reverse=True)
    arrow = "\u2192" if link.direction != "none" else "\u2014"
    grading = f"  [{link.grading}]" if link.grading else ""
    return f"{ents[step.from_id].label} \u2014 {wording} {arrow} {ents[step.to_id].label}  ({link.strength}){grading}"


def citation_lines(case: Case, link: Link) -> list[str]:
    """Each citation as '"quote" — Article title (date)'; an unsourced link says so."""
    if not link.citations:
        return ["Unsourced: no citation for this link"]
    out = []
    for cit in link.citations:
        art = case.articles.get(cit.article_id)
        title = (art.title or "Untitled article") if art else "missing article"
        when = f", {art.date}" if art is not None and art.date else ""
        broken = "" if case.verify_citation(cit) else "  (quote no longer matches the article)"
        out.append(f"\u201c{cit.quote}\u201d \u2014 {title}{when}{broken}")
    return out


class PathsPanel(QWidget):
    """Find and show paths between two cards."""

    def __init__(self, host: Host, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("pathsPanel")
        self.host = host
        self.ends: tuple[str, str] | None = None
        self.paths: list[Path] = []
        self._types_stale = True  # the link type list waits for the panel to be shown (or a search)
        self._build()
        host.case_replaced.connect(self._reset)
        host.case_changed.connect(self._on_changed)

    def _build(self) -> None:
        self.ends_label = QLabel("Select two cards, then press \u201cUse selection\u201d.")
        self.ends_label.setObjectName("pathEnds")
        self.ends_label.setWordWrap(True)
        use = QPushButton("Use selection")
        use.setObjectName("useSelection")
        use.clicked.connect(self.use_selection)
        self.mode = QComboBox()
        self.mode.setObjectName("pathMode")
        self.mode.addItem("Shortest paths", "shortest")
        self.mode.addItem("All simple paths", "all")
        self.hops = QSpinBox()
        self.hops.setObjectName("maxHops")
        self.hops.setRange(1, 12)
        self.hops.setValue(4)
        self.hops.setSuffix(" hops at most")
        self.directed = QCheckBox("Follow link direction")
        self.directed.setObjectName("pathDirected")
        self.strength = QComboBox()
        self.strength.setObjectName("minStrength")
        for key, text in ((None, "Any strength"), ("probable", "Probable or confirmed"), ("confirmed", "Confirmed only")):
            self.strength.addItem(text, key)
        self.types = QListWidget()
        self.types.setObjectName("pathLinkTypes")
        self.types.setMaximumHeight(110)
        self.find_button = QPushButton("Find paths")
        self.find_button.setObjectName("findPaths")
        self.find_button.clicked.connect(self.find)
        self.summary = QLabel()
        self.summary.setObjectName("pathSummary")
        self.tree = QTreeWidget()
        self.tree.setObjectName("pathTree")
        self.tree.setHeaderHidden(True)
        self.tree.setWordWrap(True)
        self.tree.itemClicked.connect(self._item_clicked)
        form = QFormLayout()
        row = QHBoxLayout()
        row.addWidget(self.ends_label, 1)
        row.addWidget(use)
        form.addRow(row)
        form.addRow("Find", self.mode)
        form.addRow("Length", self.hops)
        form.addRow("Strength", self.strength)
        form.addRow(self.directed)
        form.addRow("Through", self.types)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addLayout(form)
        layout.addWidget(self.find_button)
        layout.addWidget(self.summary)
        layout.addWidget(self.tree, 1)
        self._fill_types()

    def catch_up(self) -> None:
        """List the link types if the case changed while the panel was out of sight and it is in sight now."""
        if self._types_stale and on_screen(self):
            self._fill_types()

    def showEvent(self, event) -> None:
        super().showEvent(event)
        self.catch_up()

    def _fill_types(self, force: bool = False) -> None:
        """List the case's link types with their counts (counting reads every link, so only when shown)."""
        if not (force or on_screen(self)):
            self._types_stale = True
            return
        self._types_stale = False
        case = self.host.case
        used: dict[str, int] = {}
        for link in case.links.values():
            used[link.type] = used.get(link.type, 0) + 1
        was = {self.types.item(i).data(Qt.ItemDataRole.UserRole): self.types.item(i).checkState() for i in range(self.types.count())}
        self.types.clear()
        for type_id in sorted(used, key=lambda t: case.vocabulary.link_type(t).label):
            item = QListWidgetItem(f"{case.vocabulary.link_type(type_id).label} ({used[type_id]})")
            item.setData(Qt.ItemDataRole.UserRole, type_id)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(was.get(type_id, Qt.CheckState.Checked))
            self.types.addItem(item)

    # ------------------------------------------------------------ choosing
    def use_selection(self) -> bool:
        """Take the first two selected cards as the ends; False (and a hint) if fewer are selected."""
        chosen = self.host.selected_entity_ids()
        if len(chosen) < 2:
            self.ends_label.setText("Select two cards on the chart first.")
            return False
        self.set_ends(chosen[0], chosen[1])
        return True

    def set_ends(self, a: str, b: str) -> None:
        self.ends = (a, b)
        ents = self.host.case.entities
        self.ends_label.setText(f"From <b>{_esc(ents[a].label)}</b> to <b>{_esc(ents[b].label)}</b>")

    def allowed_types(self) -> set[str] | None:
        if self._types_stale:
            self._fill_types(force=True)
        checked = {self.types.item(i).data(Qt.ItemDataRole.UserRole) for i in range(self.types.count())
                   if self.types.item(i).checkState() == Qt.CheckState.Checked}
        return None if len(checked) == self.types.count() else checked

    # ------------------------------------------------------------ finding
    def find(self) -> None:
        """Find the paths, list them with their evidence and highlight the first."""
        if self.ends is None and not self.use_selection():
            return
        a, b = self.ends
        case = self.host.case
        if a not in case.entities or b not in case.entities:
            self._reset()
            return
        options = {"directed": self.directed.isChecked(), "link_types": self.allowed_types(), "min_strength": self.strength.currentData()}
        if self.mode.currentData() == "shortest":
            found = shortest_paths(case, a, b, **options)
            self.paths = [p for p in found if len(p) <= self.hops.value()]
        else:
            self.paths = simple_paths(case, a, b, max_hops=self.hops.value(), **options)
        self._show()
        if self.paths:
            self.highlight(0)

    def _show(self) -> None:
        case = self.host.case
        self.tree.clear()
        if not self.paths:
            self.summary.setText("No path within those limits.")
            return
        n = len(self.paths)
        self.summary.setText(f"{n} path{'s' if n != 1 else ''}; click one to highlight it on the chart.")
        for index, path in enumerate(self.paths):
            names = [case.entities[path[0].from_id].label] + [case.entities[s.to_id].label for s in path]
            route = " \u2192 ".join(names)
            top = QTreeWidgetItem([f"Path {index + 1} ({len(path)} link{'s' if len(path) != 1 else ''}): {route}"])
            top.setData(0, PATH_ROLE, index)
            for step in path:
                child = QTreeWidgetItem([step_text(case, step)])
                child.setData(0, PATH_ROLE, index)
                for line in citation_lines(case, case.links[step.link_id]):
                    leaf = QTreeWidgetItem([line])
                    leaf.setData(0, PATH_ROLE, index)
                    leaf.setToolTip(0, line)
                    child.addChild(leaf)
                top.addChild(child)
            self.tree.addTopLevelItem(top)
        self.tree.topLevelItem(0).setExpanded(True)
        for i in range(self.tree.topLevelItem(0).childCount()):
            self.tree.topLevelItem(0).child(i).setExpanded(True)

    def highlight(self, index: int) -> None:
        """Select the path's cards and links on the chart and bring them into view."""
        path = self.paths[index]
        entities = [path[0].from_id] + [s.to_id for s in path]
        links = [s.link_id for s in path]
        self.host.select(entities, links)
        self.host.centre_on(entities)

    def _item_clicked(self, item: QTreeWidgetItem) -> None:
        index = item.data(0, PATH_ROLE)
        if index is not None:
            self.highlight(int(index))

    def _reset(self) -> None:
        self.ends, self.paths = None, []
        self.tree.clear()
        self.summary.clear()
        self.ends_label.setText("Select two cards, then press \u201cUse selection\u201d.")
        self._fill_types()

    def _on_changed(self, event: ChangeEvent) -> None:
        if event.kind in ("links_added", "links_removed", "links_changed"):
            self._fill_types()
        if event.kind == "entities_removed" and self.ends and set(self.ends) & set(event.ids):
            self._reset()


def select_neighbourhood(host: Host, hops: int | None = None) -> set[str]:
    """Select every card within *hops* links of the selection (asked for when None)."""
    start = host.selected_entity_ids()
    if not start:
        return set()
    if hops is None:
        hops, ok = QInputDialog.getInt(host.window, "Select neighbourhood", "Select cards within this many links:", 1, 1, 10)
        if not ok:
            return set()
    found = set(neighbourhood(host.case, start, hops))
    order = {eid: i for i, eid in enumerate(host.case.entities)}
    host.select(start + sorted(found - set(start), key=order.__getitem__))
    return found


def _esc(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
