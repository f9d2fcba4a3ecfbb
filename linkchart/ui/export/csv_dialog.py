"""CSV import: which column means what, detected from the headers, editable, remembered for next time.

The last mapping used is kept in ``csv_mapping.json`` in the user's config
folder and offered again when a new file has the columns it names; a mapping
can also be saved to or loaded from any JSON file.
"""

from __future__ import annotations

import codecs
import csv
from pathlib import Path

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from linkchart import paths
from linkchart.io import CaseFileError, CsvMapping
from linkchart.io.csv_format import ENTITIES_SUFFIX, LINKS_SUFFIX, pair_paths
from linkchart.io.csv_mapping import ENDS, ENTITY_FIELDS, LINK_FIELDS
from linkchart.model import Vocabulary

NOT_IN_FILE = "(not in the file)"
LAST_MAPPING = "csv_mapping.json"
FIELD_NAMES = {"id": "Id", "label": "Label", "type": "Type", "subtitle": "Subtitle", "aliases": "Aliases", "notes": "Notes",
               "date": "Date", "x": "X position", "y": "Y position", "citations": "Citations (JSON)", "source": "From (source)",
               "target": "To (target)", "source_label": "From label", "target_label": "To label", "direction": "Direction",
               "strength": "Strength", "reliability": "Source reliability", "credibility": "Credibility", "grading": "Grading (e.g. B2)"}


def csv_header(path: Path) -> list[str]:
    """The first row of a CSV file (encoding and delimiter guessed as the importer does)."""
    with open(path, "rb") as handle:
        head = handle.read(1 << 16)
    if head.startswith(codecs.BOM_UTF8):
        text = head[3:].decode("utf-8", errors="ignore")
    else:
        try:
            text = head.decode("utf-8")
        except UnicodeDecodeError:
            text = head.decode("cp1252", errors="replace")
    first = text.split("\n", 1)[0]
    try:
        delimiter = csv.Sniffer().sniff(first + "\n", delimiters=",;\t|").delimiter
    except csv.Error:
        delimiter = ","
    rows = csv.reader([first], delimiter=delimiter)
    return [h.strip() for h in next(rows, [])]


def csv_files(path: str | Path) -> tuple[Path | None, Path | None]:
    """(entities file, links file) for the chosen CSV: its pair partner if named so, else by its columns."""
    path = Path(path)
    lower = path.name.lower()
    ents, links = pair_paths(path)
    if lower.endswith(ENTITIES_SUFFIX):
        return path, links if links.is_file() else None
    if lower.endswith(LINKS_SUFFIX):
        return (ents if ents.is_file() else None), path
    detected = CsvMapping.detect(None, csv_header(path)).link_columns
    return (None, path) if "source" in detected and "target" in detected else (path, None)


def load_last_mapping(entity_header: list[str], link_header: list[str]) -> CsvMapping | None:
    """The mapping used last time, if every column it names is in these files and it covers the same kinds of file.

    For a lone CSV that could be either kind, pass its header as both.
    """
    try:
        mapping = CsvMapping.from_json((paths.config_dir() / LAST_MAPPING).read_text(encoding="utf-8"))
    except (OSError, CaseFileError):
        return None
    if not (mapping.entity_columns or mapping.link_columns):
        return None
    if not set(mapping.entity_columns.values()) <= set(entity_header) or not set(mapping.link_columns.values()) <= set(link_header):
        return None
    if (mapping.entity_columns and not entity_header) or (mapping.link_columns and not link_header):
        return None
    return mapping


def save_last_mapping(mapping: CsvMapping) -> None:
    try:
        (paths.config_dir() / LAST_MAPPING).write_text(mapping.to_json(), encoding="utf-8")
    except OSError:
        pass  # remembering is a convenience; the import itself goes on


class CsvMappingDialog(QDialog):
    """One row per field: a combo of the file's columns; the rest of the columns become attributes."""

    def __init__(self, path: str | Path, vocabulary: Vocabulary, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("csvMappingDialog")
        self.setWindowTitle("CSV Columns")
        path = Path(path)
        self.path = path
        entities, links = csv_files(path)
        # A lone "people.csv" could list cards or links; a ".entities.csv"/".links.csv" name says which.
        self.either = not path.name.lower().endswith((ENTITIES_SUFFIX, LINKS_SUFFIX))
        header = csv_header(path) if self.either else []
        self.entity_header = header if self.either else (csv_header(entities) if entities else [])
        self.link_header = header if self.either else (csv_header(links) if links else [])
        self.detected = CsvMapping.detect(self.entity_header or None, self.link_header or None)
        start = load_last_mapping(self.entity_header, self.link_header)
        self.reused = start is not None
        start = start or self.detected
        self.combos: dict[tuple[str, str], QComboBox] = {}
        layout = QVBoxLayout(self)
        note = "The columns were matched by their names" + (" (as in your last CSV import)" if self.reused else "") + \
               ". Change any that are wrong; columns not used here are kept as attributes."
        intro = QLabel(note)
        intro.setWordWrap(True)
        layout.addWidget(intro)
        self.kind = QComboBox()
        self.kind.setObjectName("kind")
        self.kind.addItem("Cards: one row per entity", "entity")
        self.kind.addItem("Links: one row per link (cards are made from its ends)", "link")
        if self.either:
            starts_as_links = links is not None or (self.reused and bool(start.link_columns) and not start.entity_columns)
            self.kind.setCurrentIndex(1 if starts_as_links else 0)
            kind_row = QFormLayout()
            kind_row.addRow(f"{path.name} lists", self.kind)
            layout.addLayout(kind_row)
        body = QWidget()
        body_layout = QVBoxLayout(body)
        self.tables: dict[str, QGroupBox] = {}
        if self.entity_header:
            name = path.name if self.either else entities.name
            self.tables["entity"] = self._table("entity", f"Entities: {name}", ENTITY_FIELDS, self.entity_header)
            body_layout.addWidget(self.tables["entity"])
        if self.link_header:
            name = path.name if self.either else links.name
            self.tables["link"] = self._table("link", f"Links: {name}", LINK_FIELDS, self.link_header)
            body_layout.addWidget(self.tables["link"])
        form = QFormLayout()
        self.ends = QComboBox()
        self.ends.setObjectName("ends")
        for key, text in zip(ENDS, ("Ids, or labels if no id matches", "Entity ids", "Entity labels"), strict=True):
            self.ends.addItem(text, key)
        self.alias_separator = QLineEdit()
        self.alias_separator.setObjectName("alias_separator")
        self.alias_separator.setMaxLength(5)
        self.entity_type = self._type_combo("default_entity_type", [(t.id, t.name) for t in vocabulary.all_entity_types()])
        self.link_type = self._type_combo("default_link_type", [(t.id, t.label) for t in vocabulary.all_link_types()])
        form.addRow("Link ends name", self.ends)
        form.addRow("Aliases separated by", self.alias_separator)
        form.addRow("Type when none is given", self.entity_type)
        form.addRow("Link type when none is given", self.link_type)
        self._form = form
        body_layout.addLayout(form)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(body)
        layout.addWidget(scroll, 1)
        row = QHBoxLayout()
        for text, name, slot in (("Load…", "loadMapping", self.load), ("Save…", "saveMapping", self.save),
                                 ("Reset to Detected", "resetMapping", lambda: self.set_mapping(self.detected))):
            button = QPushButton(text)
            button.setObjectName(name)
            button.clicked.connect(slot)
            row.addWidget(button)
        row.addStretch(1)
        layout.addLayout(row)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.continue_button = buttons.addButton("Continue", QDialogButtonBox.ButtonRole.AcceptRole)
        self.continue_button.setObjectName("continueButton")
        self.continue_button.setDefault(True)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.resize(580, 660)
        self.delimiter = start.delimiter
        self.set_mapping(start)
        self.kind.currentIndexChanged.connect(self._show_kinds)
        self._show_kinds()

    def active_kinds(self) -> set[str]:
        """Which tables apply: both for a pair, the chosen one for a lone file."""
        return {self.kind.currentData()} if self.either else set(self.tables)

    def files(self) -> tuple[Path | None, Path | None]:
        """(entities file, links file) to read, as the user now says."""
        if self.either:
            return (self.path, None) if self.kind.currentData() == "entity" else (None, self.path)
        return csv_files(self.path)

    def _show_kinds(self, *_args) -> None:
        kinds = self.active_kinds()
        for kind, box in self.tables.items():
            box.setVisible(kind in kinds)
        self._form.setRowVisible(self.ends, "link" in kinds)
        self._form.setRowVisible(self.entity_type, "entity" in kinds or "link" in kinds)
        self._form.setRowVisible(self.link_type, "link" in kinds)

    def _table(self, kind: str, title: str, fields: tuple[str, ...], header: list[str]) -> QGroupBox:
        box = QGroupBox(title)
        form = QFormLayout(box)
        for name in fields:
            combo = QComboBox()
            combo.setObjectName(f"{kind}_{name}")
            combo.addItem(NOT_IN_FILE, "")
            for column in header:
                combo.addItem(column, column)
            self.combos[(kind, name)] = combo
            form.addRow(FIELD_NAMES.get(name, name.capitalize()), combo)
        return box

    @staticmethod
    def _type_combo(name: str, types: list[tuple[str, str]]) -> QComboBox:
        combo = QComboBox()
        combo.setObjectName(name)
        combo.addItem("(guess: Other / associated with)", "")
        for type_id, text in types:
            combo.addItem(text, type_id)
        return combo

    def set_mapping(self, mapping: CsvMapping) -> None:
        for (kind, name), combo in self.combos.items():
            columns = mapping.entity_columns if kind == "entity" else mapping.link_columns
            combo.setCurrentIndex(max(0, combo.findData(columns.get(name, ""))))
        self.ends.setCurrentIndex(max(0, self.ends.findData(mapping.ends)))
        self.alias_separator.setText(mapping.alias_separator)
        self.entity_type.setCurrentIndex(max(0, self.entity_type.findData(mapping.default_entity_type)))
        self.link_type.setCurrentIndex(max(0, self.link_type.findData(mapping.default_link_type)))

    def mapping(self) -> CsvMapping:
        out = CsvMapping(ends=self.ends.currentData(), alias_separator=self.alias_separator.text() or ";", delimiter=self.delimiter,
                         default_entity_type=self.entity_type.currentData(), default_link_type=self.link_type.currentData())
        kinds = self.active_kinds()
        for (kind, name), combo in self.combos.items():
            if combo.currentData() and kind in kinds:
                (out.entity_columns if kind == "entity" else out.link_columns)[name] = combo.currentData()
        return out

    def problems(self) -> list[str]:
        m = self.mapping()
        kinds = self.active_kinds()
        found = []
        if "entity" in kinds and "label" not in m.entity_columns and "id" not in m.entity_columns:
            found.append("Choose the entities' Label (or Id) column.")
        if "link" in kinds and not ({"source", "source_label"} & m.link_columns.keys() and {"target", "target_label"} & m.link_columns.keys()):
            found.append("Choose the links' From and To columns.")
        return found

    def accept(self) -> None:
        problems = self.problems()
        if problems:
            QMessageBox.warning(self, "CSV Columns", "\n".join(problems))
            return
        save_last_mapping(self.mapping())
        super().accept()

    def save(self) -> None:
        path, _ = QFileDialog.getSaveFileName(self, "Save Column Mapping", str(paths.config_dir() / "mapping.json"), "Column mappings (*.json)")
        if path:
            try:
                Path(path).write_text(self.mapping().to_json(), encoding="utf-8")
            except OSError as exc:
                QMessageBox.warning(self, "Save Column Mapping", str(exc))

    def load(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self, "Load Column Mapping", str(paths.config_dir()), "Column mappings (*.json)")
        if path:
            try:
                self.set_mapping(CsvMapping.from_json(Path(path).read_text(encoding="utf-8")))
            except (OSError, CaseFileError) as exc:
                QMessageBox.warning(self, "Load Column Mapping", str(exc))
