"""The preferences dialog: theme, grid, autosave interval."""

from __future__ import annotations

from dataclasses import replace

from PySide6.QtWidgets import QCheckBox, QComboBox, QDialog, QDialogButtonBox, QFormLayout, QSpinBox, QWidget

from linkchart.settings import Preferences

THEMES = (("system", "Follow the system"), ("light", "Light"), ("dark", "Dark"))


class PreferencesDialog(QDialog):
    """Edits a copy of the preferences; ``result_preferences()`` returns it after OK."""

    def __init__(self, preferences: Preferences, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("preferencesDialog")
        self.setWindowTitle("Preferences")
        self._original = preferences
        self.theme = QComboBox()
        self.theme.setObjectName("themeCombo")
        for code, name in THEMES:
            self.theme.addItem(name, code)
        self.theme.setCurrentIndex(max(0, self.theme.findData(preferences.theme)))
        self.snap = QCheckBox("Show a light grid and snap cards to it")
        self.snap.setObjectName("snapCheck")
        self.snap.setChecked(preferences.snap_to_grid)
        self.grid = QSpinBox()
        self.grid.setObjectName("gridSpin")
        self.grid.setRange(4, 200)
        self.grid.setSuffix(" px")
        self.grid.setValue(preferences.grid_size)
        self.autosave = QSpinBox()
        self.autosave.setObjectName("autosaveSpin")
        self.autosave.setRange(5, 3600)
        self.autosave.setSuffix(" s")
        self.autosave.setValue(preferences.autosave_seconds)
        self.autosave.setToolTip("Unsaved changes are saved to a recovery file this often")
        form = QFormLayout(self)
        form.addRow("Theme", self.theme)
        form.addRow("Grid", self.snap)
        form.addRow("Grid size", self.grid)
        form.addRow("Autosave every", self.autosave)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)

    def result_preferences(self) -> Preferences:
        return replace(
            self._original,
            theme=self.theme.currentData(),
            snap_to_grid=self.snap.isChecked(),
            grid_size=self.grid.value(),
            autosave_seconds=self.autosave.value(),
        )
