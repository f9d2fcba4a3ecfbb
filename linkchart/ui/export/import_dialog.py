"""The import preview: what a graph file holds and what the importer mapped, skipped and why, before anything changes."""

from __future__ import annotations

from html import escape as _html

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QGridLayout, QLabel, QListWidget, QTabWidget, QVBoxLayout, QWidget

from linkchart.model import Case, Draft


def draft_counts(draft: Draft, case: Case) -> list[tuple[str, int]]:
    """(what, how many) rows for the preview: new records and new types."""
    known_articles = {a.sha256 for a in case.articles.values()}
    new_articles = sum(1 for a in draft.articles if a.sha256 not in known_articles)
    voc = case.vocabulary
    new_entity_types = sum(1 for t in draft.entity_types if t.id not in voc.entity_types and t.id not in voc.custom_entity_types)
    new_link_types = sum(1 for t in draft.link_types if t.id not in voc.link_types and t.id not in voc.custom_link_types)
    citations = sum(len(item.citations) for item in [*draft.entities, *draft.links])
    return [("Entities", len(draft.entities)), ("Links", len(draft.links)), ("Citations", citations),
            ("Articles (new)", new_articles), ("Groups", len(draft.groups)),
            ("New entity types", new_entity_types), ("New link types", new_link_types)]


class ImportPreviewDialog(QDialog):
    """Counts, then the report's Mapped / Skipped / Warnings lists; Import applies it all as one undo step."""

    def __init__(self, draft: Draft, case: Case, note: str = "", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("importPreviewDialog")
        report = draft.report
        self.setWindowTitle(f"Import {report.source or 'graph file'}")
        layout = QVBoxLayout(self)
        summary = QLabel(f"<b>{_html(report.summary(draft))}</b>" + (f"<br>Format: {_html(report.format)}" if report.format else ""))
        summary.setObjectName("summary")
        summary.setWordWrap(True)
        layout.addWidget(summary)
        grid = QGridLayout()
        self.counts: dict[str, int] = {}
        for row, (name, count) in enumerate(draft_counts(draft, case)):
            self.counts[name] = count
            value = QLabel(f"{count:,}")
            value.setObjectName(f"count_{name.split()[0].lower()}{'_types' if 'types' in name else ''}")
            grid.addWidget(QLabel(name), row, 0)
            grid.addWidget(value, row, 1)
        grid.setColumnStretch(2, 1)
        layout.addLayout(grid)
        self.tabs = QTabWidget()
        self.lists: dict[str, QListWidget] = {}
        for key, title, lines in (("skipped", "Skipped", report.skipped), ("warnings", "Warnings", report.warnings), ("mapped", "Mapped", report.mapped)):
            widget = QListWidget()
            widget.setObjectName(f"{key}List")
            widget.setWordWrap(True)
            widget.addItems(lines or [f"Nothing {title.lower()}."])
            self.lists[key] = widget
            self.tabs.addTab(widget, f"{title} ({len(lines)})")
        self.tabs.setCurrentIndex(0 if report.skipped else 1 if report.warnings else 2)
        layout.addWidget(self.tabs, 1)
        if note:
            hint = QLabel(note)
            hint.setObjectName("note")
            hint.setWordWrap(True)
            layout.addWidget(hint)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.import_button = buttons.addButton("Import", QDialogButtonBox.ButtonRole.AcceptRole)
        self.import_button.setObjectName("importButton")
        self.import_button.setEnabled(not draft.empty)
        self.import_button.setDefault(True)
        if draft.empty:
            self.import_button.setToolTip("The file holds nothing that can be imported")
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.resize(620, 480)
