"""The search and filter dock: find cards, links and article text; filter what the chart shows.

Ctrl+F focuses the search box. Results list entities, links and article
passages; clicking one selects it on the chart (an article passage opens in the
reader and selects what cites that article). The filters (types, strength,
grading, dates, source article, unsourced only, search results only) are view
state: they grey or hide what does not pass, never change the case, and the
status-bar banner says what is on and clears it. While the dock is hidden its
lists wait to be refilled until it is shown, unless its filters are on (they
must keep filtering the edited chart).
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

from linkchart.analysis import FilterSpec, SearchHit, apply_filter, search
from linkchart.model import Case, ChangeEvent, DateError, parse_date
from linkchart.ui.analysis.filtering import ChartFilter, FilterPart
from linkchart.ui.analysis.host import Host
from linkchart.ui.on_screen import on_screen

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
        self.hits: list[SearchHit] = []
        self._stale = True  # the type and article lists do not match the case (refilled when shown)
        self._search_timer = _timer(self, 150, self.run_search)
        self._filter_timer = _timer(self, 80, self.apply_filters)
        self._refill_timer = _timer(self, 200, self._case_edited)
        self._build()
        host.case_replaced.connect(self._case_replaced)
        host.case_changed.connect(self._on_changed)
        chart_filter.cleared.connect(self.reset_filters)
        self._case_edited()

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
        self.strength = QComboBox()
        self.strength.setObjectName("filterStrength")
        for key, text in ((None, "Any strength"), ("probable", "Probable or confirmed"), ("confirmed", "Confirmed only")):
            self.strength.addItem(text, key)
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
        self.keep_undated = QCheckBox("Keep undated items")
        self.keep_undated.setObjectName("filterKeepUndated")
        self.keep_undated.setChecked(True)
        self.keep_undated.setToolTip("With a date window, keep cards and links that have no date")
        self.unsourced = QCheckBox("Unsourced only")
        self.unsourced.setObjectName("filterUnsourced")
        self.drop_isolated = QCheckBox("Hide cards left without links")
        self.drop_isolated.setObjectName("filterDropIsolated")
        self.drop_isolated.setToolTip("Keep only the cards of the links shown, e.g. just the backing network")
        self.reset_button = QPushButton("Clear filters")
        self.reset_button.setObjectName("resetFilters")
        self.reset_button.clicked.connect(self.chart_filter.clear)
        for w in (self.only_results, self.unsourced, self.keep_undated, self.drop_isolated):
            w.toggled.connect(lambda _on: self._filter_timer.start())
        for w in (self.entity_types, self.link_types):
            w.itemChanged.connect(lambda _i: self._filter_timer.start())
        for w in (self.strength, self.reliability, self.credibility, self.article):
            w.currentIndexChanged.connect(lambda _i: self._filter_timer.start())
        for w in (self.date_from, self.date_to):
            w.textChanged.connect(lambda _t: self._filter_timer.start())
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
        form.addRow("Strength", self.strength)
        form.addRow("Grading", grading)
        form.addRow("Dates", dates)
        form.addRow(self.keep_undated)
        form.addRow("Source", self.article)
        form.addRow(self.unsourced)
        form.addRow(self.drop_isolated)
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
        case = self.host.case
        self.hits = _one_per_item(search(case, self.box.text()))
        self.results.clear()
        for hit in self.hits:
            where = "" if hit.field in ("label", "text", "title") else f" ({hit.field.replace(':', ' ')})"
            title = f"{KIND_WORDS[hit.kind]}: {hit_title(case, hit)}{where}"
            # A match in the name itself needs no second line repeating it.
            item = QListWidgetItem(title if hit.field in ("label", "title") else f"{title}\n{hit.snippet}")
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
                reader.open_citation(hit.article_id, hit.start, hit.end)

    # ------------------------------------------------------------ filters
    def spec(self) -> tuple[FilterSpec, list[str]]:
        """The filter the controls describe, and the words of its banner summary."""
        words: list[str] = []
        entity_types, link_types = self.entity_types.checked(), self.link_types.checked()
        if entity_types is not None:
            words.append(_count(len(entity_types), "card type"))
        if link_types is not None:
            words.append(_count(len(link_types), "link type"))
        min_strength = self.strength.currentData()
        if min_strength:
            words.append(f"{min_strength}+" if min_strength != "confirmed" else "confirmed")
        rel, cred = self.reliability.currentData(), self.credibility.currentData()
        if rel or cred:
            words.append(f"graded \u2265{rel or '?'}{cred or '?'}")
        start, end = self._date(self.date_from, start=True), self._date(self.date_to, start=False)
        if start or end:
            lo, hi = self.date_from.text().strip() or "\u2026", self.date_to.text().strip() or "\u2026"
            words.append(f"{lo}\u2013{hi}")
        article = self.article.currentData() or ""
        if article:
            words.append("1 source")
        if self.unsourced.isChecked():
            words.append("unsourced")
        spec = FilterSpec(
            entity_types=frozenset(entity_types) if entity_types is not None else None,
            link_types=frozenset(link_types) if link_types is not None else None,
            min_strength=min_strength, min_reliability=rel, min_credibility=cred, start=start, end=end,
            keep_undated=self.keep_undated.isChecked(), article_ids=frozenset([article]) if article else None,
            unsourced_only=self.unsourced.isChecked(), drop_isolated=self.drop_isolated.isChecked(),
        )
        return spec, words

    def apply_filters(self) -> None:
        """Set the chart filter's "search" part (the filters) and "results" part (search results only)."""
        self._filter_timer.stop()
        spec, words = self.spec()
        case = self.host.case
        if spec.active:
            found = apply_filter(case, spec)
            part = FilterPart(frozenset(found.entity_ids), frozenset(found.link_ids), ", ".join(words) or "on")
            self.chart_filter.set_part("search", part)
        else:
            self.chart_filter.set_part("search", None)
        query = self.box.text().strip()
        if self.only_results.isChecked() and query:
            ids = self.hit_item_ids()
            ends = {e for lid in ids if lid in case.links for e in (case.links[lid].source, case.links[lid].target)}
            entities = frozenset({i for i in ids if i in case.entities} | ends)
            self.chart_filter.set_part("results", FilterPart(entities, None, f"\u201c{query}\u201d"))
        else:
            self.chart_filter.set_part("results", None)

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
        widgets = [self.only_results, self.unsourced, self.drop_isolated, self.keep_undated, self.entity_types, self.link_types,
                   self.strength, self.reliability, self.credibility, self.article, self.date_from, self.date_to]
        for w in widgets:
            w.blockSignals(True)
        self.only_results.setChecked(False)
        self.unsourced.setChecked(False)
        self.drop_isolated.setChecked(False)
        self.keep_undated.setChecked(True)
        self.entity_types.set_checked(None)
        self.link_types.set_checked(None)
        for combo in (self.strength, self.reliability, self.credibility, self.article):
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
        self._search_timer.stop()
        self.run_search()  # an empty box: no results, nothing to read
        self._case_edited()

    def _case_edited(self) -> None:
        """Bring the lists and results in line with the case: now if shown or filtering, else when shown."""
        self._refill_timer.stop()
        filtering = bool({"search", "results"} & set(self.chart_filter.parts))
        if not filtering and not on_screen(self):
            self._stale = True
            return
        self._stale = False
        self._refill()
        if self.box.text().strip():
            self.run_search()
        if filtering:
            self.apply_filters()

    def catch_up(self) -> None:
        """Refill the lists if the case changed while the panel was out of sight and it is in sight now."""
        if self._stale and on_screen(self):
            self._case_edited()

    def showEvent(self, event) -> None:
        super().showEvent(event)
        self.catch_up()

    def _on_changed(self, event: ChangeEvent) -> None:
        if event.kind != "entities_moved":
            self._refill_timer.start()


def hit_title(case: Case, hit: SearchHit) -> str:
    """What a result is called: the card's label, "A backed by B" for a link, the article's title."""
    if hit.kind == "entity" and hit.item_id in case.entities:
        return case.entities[hit.item_id].label
    if hit.kind == "link" and hit.item_id in case.links:
        link = case.links[hit.item_id]
        ents = case.entities
        return f"{ents[link.source].label} {case.link_label(link)} {ents[link.target].label}"
    art = case.articles.get(hit.item_id)
    return (art.title or "Untitled article") if art else "?"


def _one_per_item(hits: list[SearchHit]) -> list[SearchHit]:
    """The best hit per card or link (fields come best first); every passage of an article."""
    seen: set[str] = set()
    out = []
    for hit in hits:
        if hit.kind != "article":
            if hit.item_id in seen:
                continue
            seen.add(hit.item_id)
        out.append(hit)
    return out


def _timer(parent: QWidget, ms: int, slot) -> QTimer:
    timer = QTimer(parent)
    timer.setSingleShot(True)
    timer.setInterval(ms)
    timer.timeout.connect(slot)
    return timer


def _count(n: int, word: str) -> str:
    return f"{n} {word}{'s' if n != 1 else ''}"
