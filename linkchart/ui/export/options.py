"""Options shared by image export and printing: which part of the chart, and the title, date, legend and footer."""

from __future__ import annotations

from dataclasses import dataclass, field

from PySide6.QtCore import QRectF, Signal
from PySide6.QtWidgets import QButtonGroup, QCheckBox, QComboBox, QFormLayout, QHBoxLayout, QLineEdit, QRadioButton, QWidget

from linkchart.model import Case
from linkchart.render.headless import default_footer, today
from linkchart.render.sheet import Decorations, Scope

BACKGROUND_CHOICES = (("white", "White"), ("transparent", "Transparent"), ("theme", "Chart colour"))


@dataclass
class SheetSettings:
    """What the user chose last time, kept for the session (per window)."""

    scope: str = "all"  # "all", "selection" or "view"
    show_title: bool = True
    title: str = ""  # "" means the case title
    show_date: bool = True
    legend: bool = True
    show_footer: bool = True
    footer: str = ""  # "" means the default footer
    background: str = "white"
    extra: dict = field(default_factory=dict)


class SheetOptionsWidget(QWidget):
    """Scope radio buttons and the decorations of the exported sheet."""

    changed = Signal()

    def __init__(self, case: Case, settings: SheetSettings, has_selection: bool, backgrounds: bool = True, parent=None) -> None:
        super().__init__(parent)
        self.case = case
        form = QFormLayout(self)
        form.setContentsMargins(0, 0, 0, 0)
        scope_row = QHBoxLayout()
        self.scope_group = QButtonGroup(self)
        self.scope_buttons: dict[str, QRadioButton] = {}
        for key, text in (("all", "Whole chart"), ("selection", "Selection"), ("view", "Current view")):
            button = QRadioButton(text)
            button.setObjectName(f"scope_{key}")
            self.scope_group.addButton(button)
            self.scope_buttons[key] = button
            scope_row.addWidget(button)
            button.toggled.connect(self.changed)
        scope_row.addStretch(1)
        self.scope_buttons["selection"].setEnabled(has_selection)
        self.scope_buttons["selection"].setToolTip("The selected cards, the links between them and the selected links")
        wanted = settings.scope if (settings.scope != "selection" or has_selection) else "all"
        self.scope_buttons[wanted].setChecked(True)
        form.addRow("Export", scope_row)
        self.title_check, self.title_edit = self._text_row(form, "Title", "title", settings.show_title, settings.title or case.metadata.get("title", ""))
        self.date_check, self.date_edit = self._text_row(form, "Date", "date", settings.show_date, today())
        self.legend_check = QCheckBox("Entity and link types used, and line styles")
        self.legend_check.setObjectName("legend")
        self.legend_check.setChecked(settings.legend)
        self.legend_check.toggled.connect(self.changed)
        form.addRow("Legend", self.legend_check)
        self.footer_check, self.footer_edit = self._text_row(form, "Footer", "footer", settings.show_footer, settings.footer or default_footer(case))
        self.background = QComboBox()
        self.background.setObjectName("background")
        for key, text in BACKGROUND_CHOICES:
            self.background.addItem(text, key)
        self.background.setCurrentIndex(max(0, self.background.findData(settings.background)))
        self.background.currentIndexChanged.connect(self.changed)
        if backgrounds:
            form.addRow("Background", self.background)
        else:
            self.background.hide()

    def _text_row(self, form: QFormLayout, label: str, name: str, shown: bool, text: str) -> tuple[QCheckBox, QLineEdit]:
        check = QCheckBox()
        check.setObjectName(f"{name}_check")
        check.setChecked(shown)
        edit = QLineEdit(text)
        edit.setObjectName(f"{name}_edit")
        edit.setEnabled(shown)
        check.toggled.connect(edit.setEnabled)
        check.toggled.connect(self.changed)
        edit.textChanged.connect(self.changed)
        row = QHBoxLayout()
        row.addWidget(check)
        row.addWidget(edit, 1)
        form.addRow(label, row)
        return check, edit

    # ------------------------------------------------------------ reading
    def scope_key(self) -> str:
        return next(k for k, b in self.scope_buttons.items() if b.isChecked())

    def scope(self, selected_entities, selected_links, view_rect: QRectF | None) -> Scope:
        key = self.scope_key()
        if key == "selection":
            return Scope.selection(selected_entities, selected_links)
        if key == "view" and view_rect is not None:
            return Scope(rect=QRectF(view_rect))
        return Scope()

    def decorations(self) -> Decorations:
        return Decorations(
            title=self.title_edit.text().strip() if self.title_check.isChecked() else "",
            date=self.date_edit.text().strip() if self.date_check.isChecked() else "",
            footer=self.footer_edit.text().strip() if self.footer_check.isChecked() else "",
            legend=self.legend_check.isChecked(),
            background=self.background.currentData(),
        )

    def store(self, settings: SheetSettings) -> None:
        """Remember the choices (a title or footer equal to the default is not pinned to this case)."""
        settings.scope = self.scope_key()
        settings.show_title = self.title_check.isChecked()
        title = self.title_edit.text().strip()
        settings.title = "" if title == self.case.metadata.get("title", "") else title
        settings.show_date = self.date_check.isChecked()
        settings.legend = self.legend_check.isChecked()
        settings.show_footer = self.footer_check.isChecked()
        footer = self.footer_edit.text().strip()
        settings.footer = "" if footer == default_footer(self.case) else footer
        settings.background = self.background.currentData()
