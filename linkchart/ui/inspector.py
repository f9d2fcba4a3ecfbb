"""The inspector dock: every field of the selected card or link, edited live through undo commands.

Binding follows the project rule: read the model, subscribe to ``case.changed``,
write through commands, and ignore the echo of our own writes (the fields
already show what the user typed).
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QUndoStack
from PySide6.QtWidgets import (
    QComboBox,
    QDockWidget,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QScrollArea,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from linkchart.commands import RemoveCitationCommand, UpdateEntitiesCommand, UpdateLinksCommand, push
from linkchart.model import Case, CaseError, ChangeEvent, grading_scales, try_parse_date
from linkchart.ui.icons import type_icon
from linkchart.ui.inspector_fields import AttributesTable, CitationsTable, CommitTextEdit
from linkchart.ui.selection import SelectionModel

DIRECTION_NAMES = (("forward", "\u2192  One way"), ("both", "\u2194  Both ways"), ("none", "\u2014  No direction"))


class _Form(QWidget):
    """Fields of one record. Emits ``changes_requested({field: value})`` when the user commits a field."""

    changes_requested = Signal(dict)
    remove_citation_requested = Signal(str)
    citation_clicked = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.loaded: dict[str, Any] = {}
        self.form = QFormLayout()
        self.form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.form.setLabelAlignment(Qt.AlignmentFlag.AlignRight)
        self.outer = QVBoxLayout(self)
        self.outer.setContentsMargins(8, 8, 8, 8)

    def _emit(self, field: str, value: Any) -> None:
        if self.loaded.get(field) != value:
            self.loaded[field] = value
            self.changes_requested.emit({field: value})

    def line(self, field: str, label: str, name: str, placeholder: str = "", to_value=lambda t: t.strip()) -> QLineEdit:
        edit = QLineEdit()
        edit.setObjectName(name)
        edit.setPlaceholderText(placeholder)
        edit.editingFinished.connect(lambda: self._emit(field, to_value(edit.text())))
        self.form.addRow(label, edit)
        return edit

    def combo(self, field: str, label: str, name: str, choices: list[tuple[str, str]]) -> QComboBox:
        box = _combo()
        box.setObjectName(name)
        for code, text in choices:
            box.addItem(text, code)
        box.activated.connect(lambda _i: self._emit(field, box.currentData()))
        self.form.addRow(label, box)
        return box

    def notes_and_sources(self) -> None:
        self.attributes = AttributesTable()
        self.attributes.edited.connect(lambda values: self._emit("attributes", values))
        self.form.addRow("Attributes", self.attributes)
        self.notes = CommitTextEdit()
        self.notes.setObjectName("notesEdit")
        self.notes.setPlaceholderText("Analyst notes")
        self.notes.setMaximumHeight(90)
        self.notes.committed.connect(lambda text: self._emit("notes", text))
        self.form.addRow("Notes", self.notes)
        self.outer.addLayout(self.form)
        heading = QLabel("Citations")
        heading.setStyleSheet("font-weight: 600; margin-top: 6px;")
        self.citations_heading = heading
        self.citations = CitationsTable()
        self.citations.remove_requested.connect(self.remove_citation_requested)
        self.citations.activated.connect(self.citation_clicked)
        self.outer.addWidget(heading)
        self.outer.addWidget(self.citations)
        self.outer.addStretch()

    @staticmethod
    def set_combo(box: QComboBox, code: Any) -> None:
        index = box.findData(code)
        box.setCurrentIndex(index if index >= 0 else 0)

    def set_text(self, edit: QLineEdit, text: str) -> None:
        if edit.text() != text:
            edit.setText(text)
            edit.setCursorPosition(0)

    def load_common(self, case: Case, item: Any) -> None:
        self.attributes.load(item.attributes)
        self.notes.load(item.notes)
        self.citations.load(case, item.citations)
        count = len(item.citations)
        self.citations_heading.setText(f"Citations ({count})" if count else "Citations \u2014 none: this item is unsourced")


def _combo() -> QComboBox:
    """A combo box that may be narrower than its longest entry (the dock decides the width)."""
    box = QComboBox()
    box.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
    box.setMinimumContentsLength(8)
    return box


def _date_hint(edit: QLineEdit, hint: QLabel) -> None:
    text = edit.text().strip()
    ok = not text or try_parse_date(text) is not None
    hint.setVisible(not ok)


class EntityForm(_Form):
    """Label, type, subtitle, aliases, date, attributes, notes and citations of one entity."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.heading = QLabel()
        self.heading.setStyleSheet("font-size: 15px; font-weight: 600;")
        self.outer.addWidget(self.heading)
        self.label = self.line("label", "Label", "labelEdit")
        self.type = _combo()
        self.type.setObjectName("typeCombo")
        self.type.activated.connect(lambda _i: self._emit("type", self.type.currentData()))
        self.form.addRow("Type", self.type)
        self.subtitle = self.line("subtitle", "Subtitle", "subtitleEdit", "shown under the label")
        self.aliases = self.line("aliases", "Aliases", "aliasesEdit", "other names; separated by ;",
                                 lambda t: [a.strip() for a in t.split(";") if a.strip()])
        self.date = self.line("date", "Date", "dateEdit", "e.g. 2019-05-31, 2019-05, about 2018")
        self.date_hint = QLabel("Not a date LinkChart can place on the timeline; kept as typed.")
        self.date_hint.setWordWrap(True)
        self.date_hint.setStyleSheet("color: #c0392b;")
        self.date_hint.hide()
        self.form.addRow("", self.date_hint)
        self.date.textChanged.connect(lambda _t: _date_hint(self.date, self.date_hint))
        self.notes_and_sources()

    def load(self, case: Case, entity_id: str) -> None:
        entity = case.entities[entity_id]
        etype = case.vocabulary.entity_type(entity.type)
        self.loaded = {"label": entity.label, "type": entity.type, "subtitle": entity.subtitle, "aliases": list(entity.aliases),
                       "date": entity.date, "attributes": dict(entity.attributes), "notes": entity.notes}
        self.heading.setText(entity.label)
        self.type.blockSignals(True)
        self.type.clear()
        for t in case.vocabulary.all_entity_types():
            self.type.addItem(type_icon(t.icon, t.colour, 20), t.name, t.id)
        if self.type.findData(entity.type) < 0:
            self.type.addItem(type_icon(etype.icon, etype.colour, 20), etype.name, entity.type)
        self.set_combo(self.type, entity.type)
        self.type.blockSignals(False)
        self.set_text(self.label, entity.label)
        self.set_text(self.subtitle, entity.subtitle)
        self.set_text(self.aliases, "; ".join(entity.aliases))
        self.set_text(self.date, entity.date)
        self.load_common(case, entity)


class LinkForm(_Form):
    """Ends, type, label, direction, strength, date, grading, attributes, notes and citations of one link."""

    reverse_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        top = QHBoxLayout()
        self.heading = QLabel()
        self.heading.setWordWrap(True)
        self.heading.setStyleSheet("font-size: 14px; font-weight: 600;")
        self.reverse = QPushButton("Reverse")
        self.reverse.setObjectName("reverseButton")
        self.reverse.setToolTip("Swap the link's two ends")
        self.reverse.clicked.connect(self.reverse_requested)
        top.addWidget(self.heading, 1)
        top.addWidget(self.reverse)
        self.outer.addLayout(top)
        self.type = _combo()
        self.type.setObjectName("linkTypeCombo")
        self.type.activated.connect(lambda _i: self._emit("type", self.type.currentData()))
        self.form.addRow("Type", self.type)
        self.label = self.line("label", "Label", "linkLabelEdit")
        self.direction = self.combo("direction", "Direction", "directionCombo", list(DIRECTION_NAMES))
        scales = grading_scales()
        self.strength = self.combo("strength", "Strength", "strengthCombo",
                                   [(s["code"], f"{s['name']} ({s['line']})") for s in scales["strength"]])
        self.date = self.line("date", "Date", "linkDateEdit", "e.g. 2019-05-31, 2019-05, about 2018")
        none = [("", "\u2014 not graded")]
        self.reliability = self.combo("reliability", "Reliability", "reliabilityCombo",
                                      none + [(g["code"], f"{g['code']} \u2013 {g['name']}") for g in scales["source_reliability"]])
        self.credibility = self.combo("credibility", "Credibility", "credibilityCombo",
                                      none + [(g["code"], f"{g['code']} \u2013 {g['name']}") for g in scales["information_credibility"]])
        self.reliability.setToolTip("How reliable the source is (Admiralty code A\u2013F)")
        self.credibility.setToolTip("How credible this piece of information is (Admiralty code 1\u20136)")
        self.notes_and_sources()

    def load(self, case: Case, link_id: str) -> None:
        link = case.links[link_id]
        ltype = case.vocabulary.link_type(link.type)
        src, dst = case.entities[link.source].label, case.entities[link.target].label
        arrow = {"forward": "\u2192", "both": "\u2194", "none": "\u2014"}[link.direction]
        self.heading.setText(f"{src}  {arrow}  {dst}")
        self.loaded = {k: getattr(link, k) for k in ("type", "label", "direction", "strength", "date", "reliability", "credibility", "notes")}
        self.loaded["attributes"] = dict(link.attributes)
        self.type.blockSignals(True)
        self.type.clear()
        for t in case.vocabulary.all_link_types():
            self.type.addItem(t.label, t.id)
        if self.type.findData(link.type) < 0:
            self.type.addItem(ltype.label, link.type)
        self.set_combo(self.type, link.type)
        self.type.blockSignals(False)
        self.label.setPlaceholderText(f"{ltype.label} (from its type)")
        self.set_text(self.label, link.label)
        self.set_text(self.date, link.date)
        for box, code in ((self.direction, link.direction), (self.strength, link.strength),
                          (self.reliability, link.reliability), (self.credibility, link.credibility)):
            self.set_combo(box, code)
        self.load_common(case, link)


class InspectorDock(QDockWidget):
    """Dock (objectName ``inspector``) showing the selected card or link, or a summary of several.

    ``citation_activated(article_id, start, end)`` fires when the analyst clicks one of
    the shown citations, so a reader panel can open the quote in its article.
    """

    citation_activated = Signal(str, int, int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__("Inspector", parent)
        self.setObjectName("inspector")
        self.case: Case | None = None
        self.stack: QUndoStack | None = None
        self.selection: SelectionModel | None = None
        self.current: tuple[str, str] | None = None  # ("entity" | "link", id)
        self._writing = False
        self.pages = QStackedWidget()
        self.empty = QLabel("Select a card or a link to see and edit its details.")
        self.empty.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty.setWordWrap(True)
        self.empty.setMargin(16)
        self.summary = QLabel()
        self.summary.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.summary.setWordWrap(True)
        self.entity_form = EntityForm()
        self.link_form = LinkForm()
        for page in (self.empty, self.summary, self.entity_form, self.link_form):
            self.pages.addWidget(page)
        self.error = QLabel()
        self.error.setWordWrap(True)
        self.error.setStyleSheet("color: #c0392b;")
        self.error.hide()
        body = QWidget()
        layout = QVBoxLayout(body)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.error)
        layout.addWidget(self.pages)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        scroll.setWidget(body)
        self.setWidget(scroll)
        self.entity_form.changes_requested.connect(lambda values: self._write("entity", values))
        self.link_form.changes_requested.connect(lambda values: self._write("link", values))
        self.entity_form.remove_citation_requested.connect(self._remove_citation)
        self.link_form.remove_citation_requested.connect(self._remove_citation)
        self.link_form.reverse_requested.connect(self._reverse)
        self.entity_form.citation_clicked.connect(self._citation_clicked)
        self.link_form.citation_clicked.connect(self._citation_clicked)

    def bind(self, case: Case, stack: QUndoStack, selection: SelectionModel) -> None:
        """Show *case*'s items from now on; call again when the window opens another case."""
        if self.case is not None:
            self.case.changed.disconnect(self._on_case_changed)
        if self.selection is not selection:
            if self.selection is not None:
                self.selection.changed.disconnect(self.refresh)
            selection.changed.connect(self.refresh)
        self.case, self.stack, self.selection = case, stack, selection
        case.changed.connect(self._on_case_changed)
        self.refresh()

    def refresh(self) -> None:
        self.error.hide()
        if self.case is None or self.selection is None:
            return
        entities, links = self.selection.selected_entity_ids, self.selection.selected_link_ids
        if len(entities) + len(links) == 1:
            if entities:
                self.current = ("entity", entities[0])
                self.entity_form.load(self.case, entities[0])
                self.pages.setCurrentWidget(self.entity_form)
            else:
                self.current = ("link", links[0])
                self.link_form.load(self.case, links[0])
                self.pages.setCurrentWidget(self.link_form)
            return
        self.current = None
        if not entities and not links:
            self.pages.setCurrentWidget(self.empty)
            return
        parts = [f"{len(entities)} card{'s' if len(entities) != 1 else ''}"] if entities else []
        parts += [f"{len(links)} link{'s' if len(links) != 1 else ''}"] if links else []
        self.summary.setText(" and ".join(parts) + " selected")
        self.pages.setCurrentWidget(self.summary)

    def _on_case_changed(self, event: ChangeEvent) -> None:
        if self._writing or self.current is None:
            if event.kind == "case_changed" and not self._writing:
                self.refresh()
            return
        kind, item_id = self.current
        related = item_id in event.ids
        if kind == "link" and event.kind == "entities_changed" and self.case is not None and item_id in self.case.links:
            link = self.case.links[item_id]
            related = related or link.source in event.ids or link.target in event.ids
        if related or event.kind in ("case_changed", "reset", "articles_changed", "articles_removed", "articles_added"):
            if self.case is not None and (item_id in self.case.entities or item_id in self.case.links):
                self.refresh()

    def _write(self, kind: str, values: dict) -> None:
        if self.case is None or self.stack is None or self.current is None or self.current[0] != kind:
            return
        item_id = self.current[1]
        command = (UpdateEntitiesCommand if kind == "entity" else UpdateLinksCommand)(self.case, {item_id: values})
        self._writing = True
        try:
            push(self.stack, command)
            self.error.hide()
        except CaseError as exc:
            self.error.setText(str(exc))
            self.error.show()
        finally:
            self._writing = False
        if "label" in values and kind == "entity":
            self.entity_form.heading.setText(self.case.entities[item_id].label)

    def _citation_clicked(self, citation_id: str) -> None:
        if self.case is None or self.current is None:
            return
        item = self.case.entities.get(self.current[1]) or self.case.links.get(self.current[1])
        found = next((c for c in item.citations if c.id == citation_id), None) if item else None
        if found is not None:
            self.citation_activated.emit(found.article_id, found.start, found.end)

    def _remove_citation(self, citation_id: str) -> None:
        if self.case is None or self.stack is None or self.current is None:
            return
        push(self.stack, RemoveCitationCommand(self.case, self.current[1], citation_id))

    def _reverse(self) -> None:
        if self.case is None or self.stack is None or self.current is None or self.current[0] != "link":
            return
        link = self.case.links[self.current[1]]
        push(self.stack, UpdateLinksCommand(self.case, {link.id: {"source": link.target, "target": link.source}}, text="Reverse link"))
