"""Light and dark application palettes (Preferences.theme: "system", "light" or "dark")."""

from __future__ import annotations

from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import QApplication

from linkchart.render import ChartStyle

_system_palette: QPalette | None = None
_system_style: str | None = None

_DARK = {
    QPalette.ColorRole.Window: "#2a2d33",
    QPalette.ColorRole.WindowText: "#e6e8eb",
    QPalette.ColorRole.Base: "#1f2227",
    QPalette.ColorRole.AlternateBase: "#272a30",
    QPalette.ColorRole.ToolTipBase: "#33373e",
    QPalette.ColorRole.ToolTipText: "#eceff3",
    QPalette.ColorRole.PlaceholderText: "#8a919b",
    QPalette.ColorRole.Text: "#e6e8eb",
    QPalette.ColorRole.Button: "#33363d",
    QPalette.ColorRole.ButtonText: "#e6e8eb",
    QPalette.ColorRole.BrightText: "#ff6b6b",
    QPalette.ColorRole.Link: "#6aa9ff",
    QPalette.ColorRole.Highlight: "#3d7bd9",
    QPalette.ColorRole.HighlightedText: "#ffffff",
    QPalette.ColorRole.Light: "#3d4149",
    QPalette.ColorRole.Midlight: "#363a41",
    QPalette.ColorRole.Mid: "#2a2d33",
    QPalette.ColorRole.Dark: "#16181c",
    QPalette.ColorRole.Shadow: "#000000",
}
_LIGHT = {
    QPalette.ColorRole.Window: "#f3f3f2",
    QPalette.ColorRole.WindowText: "#1d2127",
    QPalette.ColorRole.Base: "#ffffff",
    QPalette.ColorRole.AlternateBase: "#f6f6f5",
    QPalette.ColorRole.ToolTipBase: "#ffffe8",
    QPalette.ColorRole.ToolTipText: "#1d2127",
    QPalette.ColorRole.PlaceholderText: "#8a9099",
    QPalette.ColorRole.Text: "#1d2127",
    QPalette.ColorRole.Button: "#ececeb",
    QPalette.ColorRole.ButtonText: "#1d2127",
    QPalette.ColorRole.BrightText: "#c0392b",
    QPalette.ColorRole.Link: "#1a63c9",
    QPalette.ColorRole.Highlight: "#2f6fd6",
    QPalette.ColorRole.HighlightedText: "#ffffff",
}


def _palette(colours: dict) -> QPalette:
    palette = QPalette()
    for role, colour in colours.items():
        palette.setColor(role, QColor(colour))
    disabled = QColor(colours[QPalette.ColorRole.WindowText])
    disabled.setAlpha(110)
    for role in (QPalette.ColorRole.WindowText, QPalette.ColorRole.Text, QPalette.ColorRole.ButtonText):
        palette.setColor(QPalette.ColorGroup.Disabled, role, disabled)
    return palette


def apply_theme(theme: str) -> ChartStyle:
    """Set the application palette for *theme* and return the matching chart style."""
    global _system_palette, _system_style
    app = QApplication.instance()
    if not isinstance(app, QApplication):
        return ChartStyle.for_theme(theme)
    if _system_palette is None:
        _system_palette, _system_style = QApplication.palette(), app.style().name()
    if theme in ("light", "dark"):
        app.setStyle("Fusion")
        app.setPalette(_palette(_DARK if theme == "dark" else _LIGHT))
    else:
        if _system_style:
            app.setStyle(_system_style)
        app.setPalette(_system_palette)
    return ChartStyle.for_theme(theme, QApplication.palette())
