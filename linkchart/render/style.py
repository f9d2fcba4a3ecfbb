"""Colours, fonts and sizes of the chart, for a light and a dark background.

Items never read the application palette while painting: the scene hands
them one :class:`ChartStyle`, built from the theme, so an exported image and
the screen agree and a headless render needs no widget.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from PySide6.QtGui import QColor, QFont, QFontMetricsF, QPalette, QPen


def _font(pixels: int, bold: bool = False) -> QFont:
    font = QFont()
    font.setPixelSize(pixels)
    font.setBold(bold)
    return font


@dataclass
class ChartStyle:
    """Everything items need to paint; ``dark`` picks the dark variant."""

    dark: bool = False
    background: QColor = field(default_factory=lambda: QColor("#fbfbfa"))
    grid: QColor = field(default_factory=lambda: QColor(0, 0, 0, 18))
    card: QColor = field(default_factory=lambda: QColor("#ffffff"))
    card_shadow: QColor = field(default_factory=lambda: QColor(0, 0, 0, 28))
    text: QColor = field(default_factory=lambda: QColor("#1d2127"))
    muted: QColor = field(default_factory=lambda: QColor("#5f6670"))
    link: QColor = field(default_factory=lambda: QColor("#4a5260"))
    label_background: QColor = field(default_factory=lambda: QColor(251, 251, 250, 230))
    selection: QColor = field(default_factory=lambda: QColor("#1a73e8"))
    hover: QColor = field(default_factory=lambda: QColor(26, 115, 232, 110))
    unsourced: QColor = field(default_factory=lambda: QColor("#c98a00"))
    icon: QColor = field(default_factory=lambda: QColor("#ffffff"))
    label_font: QFont = field(default_factory=lambda: _font(13, bold=True))
    subtitle_font: QFont = field(default_factory=lambda: _font(11))
    link_font: QFont = field(default_factory=lambda: _font(11))
    badge_font: QFont = field(default_factory=lambda: _font(9, bold=True))
    _metrics: dict = field(default_factory=dict, init=False, repr=False, compare=False)  # measured fonts, made pens

    def hairline(self, selected: bool = False) -> QPen:
        """The one-pixel pen links are drawn with when zoomed far out (made once per style)."""
        key = ("hairline", selected)
        pen = self._metrics.get(key)
        if pen is None:
            colour = QColor(self.selection if selected else self.link)
            if not selected:
                # Paler, so many hairlines side by side do not turn into a black mat; opaque, because
                # translucent lines take the raster engine's slow path (six times slower here).
                b = self.background
                colour = QColor((colour.red() + b.red()) // 2, (colour.green() + b.green()) // 2, (colour.blue() + b.blue()) // 2)
            pen = self._metrics[key] = QPen(colour, 0)  # width 0: cosmetic
        return pen

    def metrics(self, font: QFont) -> QFontMetricsF:
        """Font metrics, made once per font: items measure text for every card and link."""
        # Keyed by identity (the entry keeps the font alive, so its id is not reused): font.key() costs
        # more than the measuring it saves.
        found = self._metrics.get(("font", id(font)))
        if found is None:
            found = self._metrics[("font", id(font))] = (font, QFontMetricsF(font))
        return found[1]

    @classmethod
    def light(cls) -> ChartStyle:
        return cls()

    @classmethod
    def dark_theme(cls) -> ChartStyle:
        return cls(
            dark=True,
            background=QColor("#1e2126"),
            grid=QColor(255, 255, 255, 16),
            card=QColor("#2c3038"),
            card_shadow=QColor(0, 0, 0, 90),
            text=QColor("#eceff3"),
            muted=QColor("#a4abb6"),
            link=QColor("#aab2be"),
            label_background=QColor(30, 33, 38, 230),
            selection=QColor("#5aa2ff"),
            hover=QColor(90, 162, 255, 120),
            unsourced=QColor("#e0a52a"),
        )

    @classmethod
    def for_theme(cls, theme: str, palette: QPalette | None = None) -> ChartStyle:
        """``"light"``/``"dark"``; ``"system"`` follows the palette's window lightness."""
        if theme == "dark":
            return cls.dark_theme()
        if theme == "system" and palette is not None and palette.color(QPalette.ColorRole.Window).lightness() < 110:
            return cls.dark_theme()
        return cls.light()

    def type_colour(self, hex_colour: str) -> QColor:
        """A type's vocabulary colour, lifted a little on dark backgrounds so it stays distinct."""
        colour = QColor(hex_colour)
        if not colour.isValid():
            colour = QColor("#808890")
        return colour.lighter(118) if self.dark else colour
