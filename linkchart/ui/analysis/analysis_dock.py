"""The network analysis dock: centrality table and bar chart, communities, connected components.

Results are read-only views of the case; the only edits are the visual
overrides "Size cards by" and "Colour by community", each one undo step
(``UpdateEntitiesCommand`` over ``entity.style``). Shown results follow edits
of a small chart; while the dock is hidden that waits until it is shown again.
"""

from __future__ import annotations

import pyqtgraph as pg
from PySide6.QtCore import QModelIndex, Qt, QTimer
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QSpinBox,
    QSplitter,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from linkchart.analysis import communities, components
from linkchart.commands import UpdateEntitiesCommand
from linkchart.model import ChangeEvent
from linkchart.ui.analysis import engine
from linkchart.ui.analysis.host import Host
from linkchart.ui.analysis.style_overlay import COMMUNITY_KEY, SCALE_KEY
from linkchart.ui.analysis.tables import ID_ROLE, RowsModel, sortable
from linkchart.ui.analysis.worker import BackgroundJob, JobCancelled, snapshot
from linkchart.ui.on_screen import on_screen

BACKGROUND_ABOVE = 1500  # cards; below this a measure takes well under a second
MAX_SCALE = 2.5
COMMUNITY_COLOURS = ("#e6194b", "#3cb44b", "#4363d8", "#f58231", "#911eb4", "#42d4f4",
                     "#f032e6", "#9a6324", "#469990", "#800000", "#808000", "#000075")


def _table(object_name: str) -> QTableView:
    view = QTableView()
    view.setObjectName(object_name)
    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    view.setSortingEnabled(True)
    view.verticalHeader().hide()
    view.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
    view.setAlternatingRowColors(True)
    return view


class AnalysisPanel(QWidget):
    """Centrality, communities and components of the open case."""

    def __init__(self, host: Host, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("analysisPanel")
        self.host = host
        self.result: engine.Centrality | None = None
        self.communities: list[list[str]] = []
        self.components: list[list[str]] = []
        self.job: BackgroundJob | None = None
        self.tabs = QTabWidget()
        self.tabs.addTab(self._centrality_tab(), "Centrality")
        self.tabs.addTab(self._communities_tab(), "Communities")
        self.tabs.addTab(self._components_tab(), "Components")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(self.tabs)
        self._stale = QTimer(self)
        self._stale.setSingleShot(True)
        self._stale.setInterval(400)
        self._stale.timeout.connect(self._case_edited)
        self._outdated = False  # results to recompute when the panel is next shown
        host.case_changed.connect(self._on_changed)
        host.case_replaced.connect(self._reset)
        self._reset()  # made after a case was opened, it starts as an opened case leaves it

    # ------------------------------------------------------------ building
    def _centrality_tab(self) -> QWidget:
        self.measure_box = QComboBox()
        self.measure_box.setObjectName("measure")
        for key, text in engine.MEASURES.items():
            self.measure_box.addItem(text, key)
        self.directed_box = QCheckBox("Honour direction")
        self.directed_box.setObjectName("directed")
        self.directed_box.setChecked(True)
        self.weight_box = QComboBox()
        self.weight_box.setObjectName("weight")
        for key, text in engine.WEIGHTS.items():
            self.weight_box.addItem(text, key)
        self.calculate_button = QPushButton("Calculate")
        self.calculate_button.setObjectName("calculate")
        self.calculate_button.clicked.connect(self.calculate)
        for box in (self.measure_box, self.weight_box):
            box.currentIndexChanged.connect(self._options_changed)
        self.directed_box.toggled.connect(self._options_changed)
        self.info = QLabel("Choose a measure and press Calculate.")
        self.info.setObjectName("measureInfo")
        self.info.setWordWrap(True)
        self.model = RowsModel(["Card", "Type", "Score"])
        self.proxy = sortable(self.model, self)
        self.table = _table("measureTable")
        self.table.setModel(self.proxy)
        self.table.clicked.connect(lambda index: self._select_rows([index]))
        self.chart = pg.PlotWidget(background=None)
        self.chart.setObjectName("measureChart")
        self.chart.setMenuEnabled(False)
        self.chart.setMouseEnabled(x=False, y=False)
        self.chart.getViewBox().invertY(True)
        self.chart.hideButtons()
        self.chart.setMinimumHeight(190)  # ten bars with labels that do not run into each other
        self.bars = pg.BarGraphItem(x0=[], y=[], height=[], width=[], brush=QColor("#e87e04"))
        self.chart.addItem(self.bars)
        split = QSplitter(Qt.Orientation.Vertical)
        split.addWidget(self.table)
        split.addWidget(self.chart)
        self.top_n = QSpinBox()
        self.top_n.setObjectName("topN")
        self.top_n.setRange(1, 500)
        self.top_n.setValue(10)
        self.top_n.setPrefix("Top ")
        self.top_n.valueChanged.connect(self._draw_chart)
        self.select_top_button = QPushButton("Select")
        self.select_top_button.setObjectName("selectTop")
        self.select_top_button.setToolTip("Select the top cards on the chart")
        self.select_top_button.clicked.connect(self.select_top)
        self.size_button = QPushButton("Size cards by this")
        self.size_button.setObjectName("sizeBy")
        self.size_button.setToolTip("Draw a glow round each card that grows with its score (one undo step)")
        self.size_button.clicked.connect(self.size_cards)
        self.clear_size_button = QPushButton("Clear sizes")
        self.clear_size_button.setObjectName("clearSizes")
        self.clear_size_button.clicked.connect(self.clear_sizes)
        row1 = QHBoxLayout()
        for w in (self.measure_box, self.weight_box, self.directed_box):
            row1.addWidget(w)
        row1.addStretch(1)
        row1.addWidget(self.calculate_button)
        row2 = QHBoxLayout()
        for w in (self.top_n, self.select_top_button, self.size_button, self.clear_size_button):
            row2.addWidget(w)
        row2.addStretch(1)
        page = QWidget()
        layout = QVBoxLayout(page)
        layout.setContentsMargins(0, 4, 0, 0)
        layout.addLayout(row1)
        layout.addWidget(self.info)
        layout.addWidget(split, 1)
        layout.addLayout(row2)
        self._set_result_buttons(False)
        return page

    def _communities_tab(self) -> QWidget:
        self.community_model = RowsModel(["Members", "Size", "Community"])
        self.community_table = _table("communityTable")
        self.community_table.setModel(sortable(self.community_model, self))
        self.community_table.clicked.connect(lambda i: self._select_group(self.communities, i))
        find = QPushButton("Find communities")
        find.setObjectName("findCommunities")
        find.clicked.connect(self.find_communities)
        self.colour_button = QPushButton("Colour cards by community")
        self.colour_button.setObjectName("colourByCommunity")
        self.colour_button.clicked.connect(self.colour_communities)
        clear = QPushButton("Clear colours")
        clear.setObjectName("clearColours")
        clear.clicked.connect(self.clear_colours)
        return self._list_page(find, self.community_table, [self.colour_button, clear])

    def _components_tab(self) -> QWidget:
        self.component_model = RowsModel(["Members", "Size", "Component"])
        self.component_table = _table("componentTable")
        self.component_table.setModel(sortable(self.component_model, self))
        self.component_table.clicked.connect(lambda i: self._select_group(self.components, i))
        find = QPushButton("Find connected components")
        find.setObjectName("findComponents")
        find.clicked.connect(self.find_components)
        return self._list_page(find, self.component_table, [])

    @staticmethod
    def _list_page(top: QWidget, table: QTableView, buttons: list[QWidget]) -> QWidget:
        page = QWidget()
        layout = QVBoxLayout(page)
        layout.setContentsMargins(0, 4, 0, 0)
        row = QHBoxLayout()
        row.addWidget(top)
        row.addStretch(1)
        layout.addLayout(row)
        layout.addWidget(table, 1)
        row2 = QHBoxLayout()
        for b in buttons:
            row2.addWidget(b)
        row2.addStretch(1)
        layout.addLayout(row2)
        return page

    # ------------------------------------------------------------ centrality
    def options(self) -> tuple[str, bool, str]:
        return self.measure_box.currentData(), self.directed_box.isChecked(), self.weight_box.currentData()

    def calculate(self) -> None:
        """Compute the chosen measure (on a worker with a progress dialog for big charts)."""
        name, directed, weight = self.options()
        case = self.host.case
        if len(case.entities) > BACKGROUND_ABOVE:
            if self.job is not None:
                return
            copy = snapshot(case)
            self.job = BackgroundJob(f"Calculating {engine.MEASURES[name].lower()}…",
                                     lambda progress: engine.measure(copy, name, directed, weight, progress), self.host.window)
            self.job.finished.connect(self._job_done)
            self.job.start()
            return
        self.show_result(engine.measure(case, name, directed, weight))

    def _job_done(self, result, error) -> None:
        self.job = None
        if error is None:
            self.show_result(result)
        elif not isinstance(error, JobCancelled):
            self.info.setText(f"The calculation failed: {error}")

    def show_result(self, result: engine.Centrality) -> None:
        self.result = result
        case = self.host.case
        rows = []
        for eid, score in result.scores.items():
            ent = case.entities.get(eid)
            if ent is not None:
                rows.append((eid, [ent.label, case.entity_type(ent).name, float(score)]))
        self.model.set_rows(rows)
        self.table.sortByColumn(2, Qt.SortOrder.DescendingOrder)
        name = engine.MEASURES[result.measure]
        text = f"{name} of {len(rows)} cards"
        if result.sample_size:
            text += f" \u2014 estimated from a sample of {result.sample_size} of {result.node_count} cards"
        if not result.converged:
            text += " \u2014 did not settle; scores are approximate"
        self.info.setText(text + ".")
        self._draw_chart()
        self._set_result_buttons(bool(rows))

    def ranked(self) -> list[tuple[str, float]]:
        """(entity id, score), highest first, ties by label."""
        if self.result is None:
            return []
        ents = self.host.case.entities
        pairs = [(eid, s) for eid, s in self.result.scores.items() if eid in ents]
        return sorted(pairs, key=lambda p: (-p[1], ents[p[0]].label.casefold()))

    def _draw_chart(self) -> None:
        top = self.ranked()[: self.top_n.value()]
        ents = self.host.case.entities
        self.bars.setOpts(x0=[0] * len(top), y=list(range(len(top))), height=[0.7] * len(top), width=[s for _, s in top])
        self.chart.getAxis("left").setTicks([[(i, ents[eid].label[:22]) for i, (eid, _) in enumerate(top)], []])
        if top:
            self.chart.setYRange(-0.6, len(top) - 0.4, padding=0)
            self.chart.setXRange(0, max(s for _, s in top) or 1.0, padding=0.05)

    def _set_result_buttons(self, enabled: bool) -> None:
        for b in (self.select_top_button, self.size_button):
            b.setEnabled(enabled)

    def select_top(self) -> None:
        top = [eid for eid, _ in self.ranked()[: self.top_n.value()]]
        self.host.select(top)
        self.host.centre_on(top)

    def size_cards(self) -> None:
        """Store each card's size override (1 to MAX_SCALE by score) in entity.style, one undo step."""
        ranked = self.ranked()
        if not ranked or self.result is None:
            return
        lo, hi = min(s for _, s in ranked), max(s for _, s in ranked)
        span = hi - lo or 1.0
        case = self.host.case
        changes = {}
        for eid, score in ranked:
            style = dict(case.entities[eid].style)
            style[SCALE_KEY] = f"{1.0 + (MAX_SCALE - 1.0) * (score - lo) / span:.2f}"
            if style != case.entities[eid].style:
                changes[eid] = {"style": style}
        if changes:
            name = engine.MEASURES[self.result.measure].lower()
            self.host.push(UpdateEntitiesCommand(case, changes, text=f"Size cards by {name}"))

    def clear_sizes(self) -> None:
        self._drop_style_key(SCALE_KEY, "Clear card sizes")

    def _drop_style_key(self, key: str, text: str) -> None:
        case = self.host.case
        changes = {eid: {"style": {k: v for k, v in e.style.items() if k != key}} for eid, e in case.entities.items() if key in e.style}
        if changes:
            self.host.push(UpdateEntitiesCommand(case, changes, text=text))

    # ------------------------------------------------------------ groups of cards
    def find_communities(self) -> None:
        self.communities = communities(self.host.case, weight=self.weight_box.currentData() or None)
        self._fill(self.community_model, self.communities)

    def find_components(self) -> None:
        self.components = components(self.host.case)
        self._fill(self.component_model, self.components)

    def _fill(self, model: RowsModel, groups: list[list[str]]) -> None:
        ents = self.host.case.entities
        rows = []
        for n, members in enumerate(groups, start=1):
            names = ", ".join(ents[m].label for m in members[:6] if m in ents)
            if len(members) > 6:
                names += f", … (+{len(members) - 6})"
            rows.append((str(n - 1), [names, len(members), n]))
        model.set_rows(rows)

    def _select_group(self, groups: list[list[str]], index: QModelIndex) -> None:
        members = groups[int(index.data(ID_ROLE))]
        self.host.select(members)
        self.host.centre_on(members)

    def colour_communities(self) -> None:
        """Ring each card in its community's colour (communities of one card stay plain); one undo step."""
        if not self.communities:
            self.find_communities()
        case = self.host.case
        colour_of = {}
        for n, members in enumerate(c for c in self.communities if len(c) > 1):
            for m in members:
                colour_of[m] = COMMUNITY_COLOURS[n % len(COMMUNITY_COLOURS)]
        changes = {}
        for eid, ent in case.entities.items():
            style = {k: v for k, v in ent.style.items() if k != COMMUNITY_KEY}
            if eid in colour_of:
                style[COMMUNITY_KEY] = colour_of[eid]
            if style != ent.style:
                changes[eid] = {"style": style}
        if changes:
            self.host.push(UpdateEntitiesCommand(case, changes, text="Colour cards by community"))

    def clear_colours(self) -> None:
        self._drop_style_key(COMMUNITY_KEY, "Clear community colours")

    # ------------------------------------------------------------ selection & updates
    def _select_rows(self, indexes: list[QModelIndex]) -> None:
        ids = [i.data(ID_ROLE) for i in indexes]
        self.host.select(ids)
        self.host.centre_on(ids)

    def _options_changed(self) -> None:
        if self.result is not None:
            self._refresh_if_small()

    def _refresh_if_small(self) -> None:
        """Keep shown results current while the chart is small enough to recompute at once."""
        if len(self.host.case.entities) > BACKGROUND_ABOVE:
            if self.result is not None:
                self.info.setText(self.info.text().rstrip(".") + " (out of date: press Calculate).")
            return
        if self.result is not None:
            self.calculate()
        if self.communities:
            self.find_communities()
        if self.components:
            self.find_components()

    def _case_edited(self) -> None:
        if on_screen(self):
            self._refresh_if_small()
        else:
            self._outdated = self.result is not None or bool(self.communities or self.components)

    def catch_up(self) -> None:
        """Recompute results the chart's edits made out of date while the panel was out of sight."""
        if self._outdated and on_screen(self):
            self._outdated = False
            self._refresh_if_small()

    def showEvent(self, event) -> None:
        super().showEvent(event)
        self.catch_up()

    def _on_changed(self, event: ChangeEvent) -> None:
        structural = event.kind in ("entities_added", "entities_removed", "links_added", "links_removed", "reset")
        if structural or (event.kind == "links_changed" and {"source", "target", "strength", "direction"} & event.fields):
            self._stale.start()

    def _reset(self) -> None:
        self.result, self.communities, self.components = None, [], []
        self._outdated = False
        for model in (self.model, self.community_model, self.component_model):
            model.set_rows([])
        self._draw_chart()
        self._set_result_buttons(False)
        self.info.setText("Choose a measure and press Calculate.")
