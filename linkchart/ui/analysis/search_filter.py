"""The search and filter dock: find cards, links and article text; filter what the chart shows.

Ctrl+F focuses the search box. Results list entities, links and article
passages; clicking one selects it on the chart (an article passage opens in the
reader and selects what cites that article). The filters (types, strength,
grading, dates, source article, unsourced only, search results only) are view
state: they grey or hide what does not pass, never change the case, and the
status-bar banner says what is on and clears it.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFormLayout,
    QFrame,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QScrollArea,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from linkchart.model import STRENGTHS, ChangeEvent, DateError, parse_date
from linkchart.ui.analysis import engine
from linkchart.ui.analysis.filtering import ChartFilter, FilterPart
from linkchart.ui.analysis.host import Host

HIT_ROLE = Qt.ItemDataRole.UserRole + 1
KIND_WORDS = {"entity": "Card", "link": "Link", "article": "Article"}


class CheckList(QListWidget):
    """A short list of checkable options; ``checked()`` is None while every option is ticked."""

    def __init__(self, object_name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName(object_name)
        self.setMaximumHeight(96)

    def set_options(self, options: list[tuple[str, str]]) -> None:
        was = {self.item(i).data(Qt.ItemDataRole.UserRole): self.item(i).checkState() for i in range(self.count())}
        self.blockSignals(True)
        self.clear()
        for key, text in options:
            item = QListWidgetItem(text)
            item.setData(Qt.ItemDataRole.UserRole, key)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(was.get(key, Qt.CheckState.Checked))
            self.addItem(item)
        self.blockSignals(False)

    def checked(self) -> set[str] | None:
        keys = {self.item(i).data(Qt.ItemDataRole.UserRole) for i in range(self.count()) if self.item(i).checkState() == Qt.CheckState.Checked}
        return None if len(keys) == self.count() else keys

    def set_checked(self, keys: set[str] | None) -> None:
        for i in range(self.count()):
            item = self.item(i)
            on = keys is None or item.data(Qt.ItemDataRole.UserRole) in keys
            item.setCheckState(Qt.CheckState.Checked if on else Qt.CheckState.Unchecked)


class SearchPanel(QWidget):
    """Search box, results, and the chart filters."""

    def __init__(self, host: Host, chart_filter: ChartFilter, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("searchPanel")
        self.host = host
        self.chart_filter = chart_filter
        self.hits: list[engine.Hit] = []
        self._search_timer = _timer(self, 150, self.run_search)
        self._filter_timer = _timer(self, 80, self.apply_filters)
        self._refill_timer = _timer(self, 200, self._case_edited)
        self._build()
        host.case_replaced.connect(self._case_replaced)
        host.case_changed.connect(self._on_changed)
        chart_filter.cleared.connect(self.reset_filters)
        self._refill()

    # ------------------------------------------------------------ widgets
    def _build(self) -> None:
        self.box = QLineEdit()
        self.box.setObjectName("searchBox")
        self.box.setPlaceholderText("Search cards, links, quotes and article text\u2026")
        self.box.setClearButtonEnabled(True)
        self.box.textChanged.connect(lambda _t: self._search_timer.start())
        self.box.returnPressed.connect(self._activate_first)
        self.count_label = QLabel()
        self.count_label.setObjectName("searchCount")
        self.results = QListWidget()
        self.results.setObjectName("searchResults")
        self.results.setWordWrap(True)
        self.results.itemClicked.connect(self._activate)
        self.results.itemActivated.connect(self._activate)
        self.only_results = QCheckBox("Show only results on the chart")
        self.only_results.setObjectName("onlyResults")
        self.entity_types = CheckList("filterEntityTypes")
        self.link_types = CheckList("filterLinkTypes")
        self.strengths = {s: QCheckBox(s.capitalize()) for s in STRENGTHS}
        self.reliability = QComboBox()
        self.reliability.setObjectName("filterReliability")
        self.reliability.addItem("Any source", "")
        for code in "ABCDE":
            self.reliability.addItem(f"Source {code} or better" if code != "A" else "Source A only", code)
        self.credibility = QComboBox()
        self.credibility.setObjectName("filterCredibility")
        self.credibility.addItem("Any information", "")
        for code in "12345":
            self.credibility.addItem(f"Information {code} or better" if code != "1" else "Information 1 only", code)
        self.date_from = QLineEdit()
        self.date_from.setObjectName("filterFrom")
        self.date_from.setPlaceholderText("from, e.g. 2019")
        self.date_to = QLineEdit()
        self.date_to.setObjectName("filterTo")
        self.date_to.setPlaceholderText("to, e.g. 2020-06")
        self.article = QComboBox()
        self.article.setObjectName("filterArticle")
        self.unsourced = QCheckBox("Unsourced only")
        self.unsourced.setObjectName("filterUnsourced")
        self.reset_button = QPushButton("Clear filters")
        self.reset_button.setObjectName("resetFilters")
        self.reset_button.clicked.connect(self.chart_filter.clear)
        for w in (self.only_results, self.unsourced, *self.strengths.values()):
            w.toggled.connect(lambda _on: self._filter_timer.start())
        for w in (self.entity_types, self.link_types):
            w.itemChanged.connect(lambda _i: self._filter_timer.start())
        for w in (self.reliability, self.credibility, self.article):
            w.currentIndexChanged.connect(lambda _i: self._filter_timer.start())
        for w in (self.date_from, self.date_to):
            w.textChanged.connect(lambda _t: self._filter_timer.start())
        for s, box in self.strengths.items():
            box.setObjectName(f"filterStrength_{s}")
            box.setChecked(True)

        strength_row = QHBoxLayout()
        for box in self.strengths.values():
            strength_row.addWidget(box)
        dates = QHBoxLayout()
        dates.addWidget(self.date_from)
        dates.addWidget(QLabel("\u2013"))
        dates.addWidget(self.date_to)
        grading = QHBoxLayout()
        grading.addWidget(self.reliability)
        grading.addWidget(self.credibility)
        form = QFormLayout()
        form.addRow("Card types", self.entity_types)
        form.addRow("Link types", self.link_types)
        form.addRow("Strength", strength_row)
        form.addRow("Grading", grading)
        form.addRow("Dates", dates)
        form.addRow("Source", self.article)
        form.addRow(self.unsourced)
        form.addRow(self.reset_button)
        filters = QGroupBox("Filter the chart")
        filters.setObjectName("filterGroup")
        filters.setLayout(form)
        # The filters scroll on their own so a short dock still shows the search box and results.
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setWidget(filters)
        split = QSplitter(Qt.Orientation.Vertical)
        top = QWidget()
        top_layout = QVBoxLayout(top)
        top_layout.setContentsMargins(0, 0, 0, 0)
        top_layout.addWidget(self.box)
        top_layout.addWidget(self.count_label)
        top_layout.addWidget(self.results, 1)
        top_layout.addWidget(self.only_results)
        split.addWidget(top)
        split.addWidget(scroll)
        split.setStretchFactor(0, 1)
        split.setStretchFactor(1, 1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(split)

    def focus_search(self) -> None:
        self.box.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.box.selectAll()

    # ------------------------------------------------------------ search
    def run_search(self) -> None:
        self._search_timer.stop()
        self.hits = engine.search(self.host.case, self.box.text())
        self.results.clear()
        for hit in self.hits:
            where = "" if hit.where in ("label", "text") else f" ({hit.where})"
            item = QListWidgetItem(f"{KIND_WORDS[hit.kind]}: {hit.title}{where}\n{hit.snippet}")
            item.setData(HIT_ROLE, self.results.count())
            item.setToolTip(hit.snippet)
            self.results.addItem(item)
        text = self.box.text().strip()
        self.count_label.setText("" if not text else f"{len(self.hits)} match{'es' if len(self.hits) != 1 else ''}")
        if self.only_results.isChecked():
            self.apply_filters()

    def hit_item_ids(self) -> set[str]:
        """Ids of the entities and links the results stand for (an article stands for what cites it)."""
        case = self.host.case
        out: set[str] = set()
        for hit in self.hits:
            if hit.kind == "article":
                out |= {item.id for item, _ in case.citations_of_article(hit.item_id)}
            else:
                out.add(hit.item_id)
        return out

    def _activate_first(self) -> None:
        if self.results.count():
            self.results.setCurrentRow(0)
            self._activate(self.results.item(0))

    def _activate(self, item: QListWidgetItem) -> None:
        hit = self.hits[int(item.data(HIT_ROLE))]
        case = self.host.case
        if hit.kind == "entity":
            self.host.select([hit.item_id])
            self.host.centre_on([hit.item_id])
        elif hit.kind == "link":
            self.host.select([], [hit.item_id])
            self.host.centre_on([hit.item_id])
        else:
            citing = case.citations_of_article(hit.item_id)
            ents = [i.id for i, _ in citing if i.id in case.entities]
            links = [i.id for i, _ in citing if i.id in case.links]
            self.host.select(ents, links)
            reader = getattr(self.host.window, "reader", None)
            if reader is not None and hit.start >= 0:
                reader.open_citation(hit.item_id, hit.start, hit.end)

    # ------------------------------------------------------------ filters
    def spec(self) -> tuple[engine.FilterSpec, list[str]]:
        """The filter the controls describe, and the words of its banner summary."""
        spec = engine.FilterSpec()
        words: list[str] = []
        spec.entity_types = self.entity_types.checked()
        if spec.entity_types is not None:
            words.append(_count(len(spec.entity_types), "card type"))
        spec.link_types = self.link_types.checked()
        if spec.link_types is not None:
            words.append(_count(len(spec.link_types), "link type"))
        strengths = {s for s, box in self.strengths.items() if box.isChecked()}
        if len(strengths) < len(self.strengths):
            spec.strengths = strengths
            words.append("/".join(sorted(strengths, key=STRENGTHS.index)) or "no strength")
        spec.min_reliability, spec.min_credibility = self.reliability.currentData(), self.credibility.currentData()
        if spec.min_reliability or spec.min_credibility:
            words.append(f"graded \u2265{spec.min_reliability or '?'}{spec.min_credibility or '?'}")
        spec.date_from = self._date(self.date_from, start=True)
        spec.date_to = self._date(self.date_to, start=False)
        if spec.date_from or spec.date_to:
            lo, hi = self.date_from.text().strip() or "\u2026", self.date_to.text().strip() or "\u2026"
            words.append(f"{lo}\u2013{hi}")
        spec.article_id = self.article.currentData() or ""
        if spec.article_id:
            words.append("1 source")
        spec.unsourced_only = self.unsourced.isChecked()
        if spec.unsourced_only:
            words.append("unsourced")
        if self.only_results.isChecked() and self.box.text().strip():
            spec.item_ids = self.hit_item_ids()
            words.append(f"\u201c{self.box.text().strip()}\u201d")
        return spec, words

    def apply_filters(self) -> None:
        self._filter_timer.stop()
        spec, words = self.spec()
        if spec.empty:
            self.chart_filter.set_part("search", None)
            return
        entities, links = engine.apply_filter(self.host.case, spec)
        self.chart_filter.set_part("search", FilterPart(frozenset(entities), frozenset(links), ", ".join(words)))

    @staticmethod
    def _date(edit: QLineEdit, start: bool):
        text = edit.text().strip()
        if not text:
            edit.setStyleSheet("")
            edit.setToolTip("")
            return None
        try:
            span = parse_date(text)
        except DateError as exc:
            edit.setStyleSheet("QLineEdit { border: 1px solid #c0392b; }")
            edit.setToolTip(str(exc))
            return None
        edit.setStyleSheet("")
        edit.setToolTip(f"{span.start.isoformat()} to {span.end.isoformat()}")
        return span.start if start else span.end

    def reset_filters(self) -> None:
        """Put every filter control back to "everything" (the banner's Clear did it)."""
        widgets = [self.only_results, self.unsourced, self.entity_types, self.link_types, self.reliability,
                   self.credibility, self.article, self.date_from, self.date_to, *self.strengths.values()]
        for w in widgets:
            w.blockSignals(True)
        self.only_results.setChecked(False)
        self.unsourced.setChecked(False)
        self.entity_types.set_checked(None)
        self.link_types.set_checked(None)
        for box in self.strengths.values():
            box.setChecked(True)
        for combo in (self.reliability, self.credibility, self.article):
            combo.setCurrentIndex(0)
        self.date_from.clear()
        self.date_to.clear()
        for w in widgets:
            w.blockSignals(False)
        self._filter_timer.stop()

    # ------------------------------------------------------------ case
    def _refill(self) -> None:
        case = self.host.case
        voc = case.vocabulary
        etypes = dict.fromkeys(e.type for e in case.entities.values())
        self.entity_types.set_options([(t, voc.entity_type(t).name) for t in sorted(etypes, key=lambda t: voc.entity_type(t).name)])
        ltypes = dict.fromkeys(k.type for k in case.links.values())
        self.link_types.set_options([(t, voc.link_type(t).label) for t in sorted(ltypes, key=lambda t: voc.link_type(t).label)])
        current = self.article.currentData()
        self.article.blockSignals(True)
        self.article.clear()
        self.article.addItem("Any article", "")
        for art in case.articles.values():
            self.article.addItem(art.title or "Untitled article", art.id)
        index = self.article.findData(current)
        self.article.setCurrentIndex(max(0, index))
        self.article.blockSignals(False)

    def _case_replaced(self) -> None:
        self.reset_filters()
        self.box.clear()
        self._refill()
        self.run_search()

    def _case_edited(self) -> None:
        self._refill()
        if self.box.text().strip():
            self.run_search()
        if "search" in self.chart_filter.parts:
            self.apply_filters()

    def _on_changed(self, event: ChangeEvent) -> None:
        if event.kind != "entities_moved":
            self._refill_timer.start()


def _timer(parent: QWidget, ms: int, slot) -> QTimer:
    timer = QTimer(parent)
    timer.setSingleShot(True)
    timer.setInterval(ms)
    timer.timeout.connect(slot)
    return timer


def _count(n: int, word: str) -> str:
    return f"{n} {word}{'s' if n != 1 else ''}"
